/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-mailbox.c — worker results to the UI thread. See kiosk-mailbox.h. */
#include "kiosk-mailbox.h"

struct kiosk_mailbox {
    kiosk_mailbox_fn deliver;
    void *user;
    GMutex lock;       /* queued */
    GHashTable *queued; /* letter → itself: posted, not delivered yet */
};

typedef struct letter {
    kiosk_mailbox *mb;
    guint source; /* its idle source in the default main context */
    kiosk_msg m;
} letter;

/* The payload a letter still holds is wiped with it (delivered, stale, or dropped unseen). */
static void letter_free(gpointer data)
{
    letter *l = data;
    myna_attrs_free(l->m.attrs);
    form_doc_free(l->m.doc);
    form_diags_free(l->m.diags);
    g_free(l);
}

static gboolean letter_deliver(gpointer data)
{
    letter *l = data;
    kiosk_mailbox *mb = l->mb;
    g_mutex_lock(&mb->lock);
    g_hash_table_remove(mb->queued, l);
    g_mutex_unlock(&mb->lock);
    mb->deliver(mb->user, &l->m);
    return G_SOURCE_REMOVE; /* → letter_free */
}

static void post(kiosk_mailbox *mb, const kiosk_msg *m)
{
    letter *l = g_new0(letter, 1);
    l->mb = mb;
    l->m = *m;
    g_mutex_lock(&mb->lock);
    l->source = g_idle_add_full(G_PRIORITY_DEFAULT_IDLE, letter_deliver, l, letter_free);
    g_hash_table_add(mb->queued, l);
    g_mutex_unlock(&mb->lock);
}

kiosk_mailbox *kiosk_mailbox_new(kiosk_mailbox_fn deliver, void *user)
{
    kiosk_mailbox *mb = g_new0(kiosk_mailbox, 1);
    mb->deliver = deliver;
    mb->user = user;
    g_mutex_init(&mb->lock);
    mb->queued = g_hash_table_new(NULL, NULL);
    return mb;
}

void kiosk_mailbox_drop(kiosk_mailbox *mb)
{
    g_mutex_lock(&mb->lock);
    GList *pending = g_hash_table_get_keys(mb->queued);
    g_hash_table_remove_all(mb->queued);
    g_mutex_unlock(&mb->lock);
    for (GList *l = pending; l; l = l->next)
        g_source_remove(((letter *)l->data)->source); /* → letter_free */
    g_list_free(pending);
}

void kiosk_mailbox_free(kiosk_mailbox *mb)
{
    if (!mb)
        return;
    kiosk_mailbox_drop(mb);
    g_hash_table_unref(mb->queued);
    g_mutex_clear(&mb->lock);
    g_free(mb);
}

void kiosk_mailbox_post_event(kiosk_mailbox *mb, guint gen, kiosk_event_type ev, int arg)
{
    post(mb, &(kiosk_msg){.kind = KIOSK_MSG_EVENT, .gen = gen, .ev = ev, .arg = arg});
}

void kiosk_mailbox_post_reader(kiosk_mailbox *mb, guint gen, kiosk_reader_status st)
{
    post(mb, &(kiosk_msg){.kind = KIOSK_MSG_READER, .gen = gen, .reader = st});
}

void kiosk_mailbox_post_stage(kiosk_mailbox *mb, guint gen, form_print_stage stage)
{
    post(mb, &(kiosk_msg){.kind = KIOSK_MSG_PRINT_STAGE, .gen = gen, .stage = stage});
}

void kiosk_mailbox_post_testpage(kiosk_mailbox *mb, form_err result)
{
    post(mb, &(kiosk_msg){.kind = KIOSK_MSG_TESTPAGE, .result = result});
}

void kiosk_mailbox_post_card_read(kiosk_mailbox *mb, guint gen, myna_attrs *attrs,
                                  unsigned apdus)
{
    post(mb, &(kiosk_msg){.kind = KIOSK_MSG_CARD_READ, .gen = gen, .ev = KIOSK_EV_READ_OK,
                          .attrs = attrs, .apdus = apdus});
}

void kiosk_mailbox_post_rendered(kiosk_mailbox *mb, guint gen, guint render_gen, form_err result,
                                 form_doc *doc, form_diags *diags)
{
    post(mb, &(kiosk_msg){.kind = KIOSK_MSG_RENDERED, .gen = gen, .render_gen = render_gen,
                          .result = result,
                          .ev = result == FORM_OK ? KIOSK_EV_RENDER_OK : KIOSK_EV_RENDER_FAILED,
                          .arg = KIOSK_P_FORM, .doc = doc, .diags = diags});
}
