/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-card-worker.c — the card thread. See kiosk-card-worker.h. */
#include "kiosk-card-worker.h"

#include <string.h>

#include "kiosk-worker.h"

typedef enum { CMD_VERIFY, CMD_READ, CMD_STOP } cmd_kind;

typedef struct card_cmd {
    cmd_kind kind;
    char *secret; /* KIOSK_SECRET_MAX bytes of locked memory */
    size_t len;
    bool checkcode;
    unsigned flags;
} card_cmd;

struct kiosk_card_worker {
    kiosk_card_source *src;
    kiosk_mailbox *mb;
    guint gen;
    bool checkcode;
    char *filter;
    GAsyncQueue *cmds;
    GMutex lock;
    kiosk_card_link *link; /* under lock, for cancel */
    gboolean stop;         /* under lock */
    kiosk_worker *thread; /* on a stack of its own, wiped after the join */
    gint *running;
    gint refs; /* the engine's and the thread's */
};

static void cmd_free(card_cmd *c)
{
    if (!c)
        return;
    if (c->secret)
        myna_secure_free(c->secret, KIOSK_SECRET_MAX);
    g_free(c);
}

static kiosk_problem card_problem(myna_err err)
{
    switch (err) {
    case MYNA_E_NO_SERVICE:
        return KIOSK_P_NO_SERVICE;
    case MYNA_E_NO_READER:
    case MYNA_E_READER:
        return KIOSK_P_NO_READER;
    case MYNA_E_NOT_MYNA:
        return KIOSK_P_NOT_MYNA;
    case MYNA_E_CARD_REMOVED:
    case MYNA_E_NO_CARD:
        return KIOSK_P_CARD_PULLED;
    case MYNA_E_PIN_BLOCKED:
        return KIOSK_P_BLOCKED;
    default:
        return KIOSK_P_CARD;
    }
}

static bool stopped(kiosk_card_worker *w)
{
    g_mutex_lock(&w->lock);
    bool s = w->stop;
    g_mutex_unlock(&w->lock);
    return s;
}

static void on_reader(void *user, kiosk_reader_status st)
{
    kiosk_card_worker *w = user;
    kiosk_mailbox_post_reader(w->mb, w->gen, st);
}

/* Wait for the card: returns the open card or NULL (stopped, or an error already posted). */
static myna_card *wait_card(kiosk_card_worker *w, kiosk_card_link *link)
{
    myna_transport *t = NULL;
    myna_err err = kiosk_card_link_wait(link, w->filter, on_reader, w, &t);
    if (err == MYNA_E_CANCELLED || stopped(w))
        return NULL;
    if (err != MYNA_OK) {
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
        return NULL;
    }
    myna_card *card = NULL;
    err = myna_card_open(t, &card);
    if (err != MYNA_OK) {
        if (err == MYNA_E_TRANSPORT)
            kiosk_mailbox_post_reader(w->mb, w->gen, KIOSK_READER_MUTE);
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
        return NULL;
    }
    return card;
}

static void do_verify(kiosk_card_worker *w, myna_card *card, card_cmd *c)
{
    myna_err err = c->checkcode ? myna_card_verify_checkcode_b(card, c->secret, c->len)
                                : myna_card_verify_pin(card, c->secret, c->len);
    /* The PIN is not needed any more, whatever the result. */
    myna_secure_free(c->secret, KIOSK_SECRET_MAX);
    c->secret = NULL;
    switch (err) {
    case MYNA_OK:
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_VERIFY_OK, 0);
        break;
    case MYNA_E_PIN_WRONG: {
        int left = myna_card_tries_left(card);
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_WRONG_PIN, left > 0 ? left : 2);
        break;
    }
    case MYNA_E_PIN_LAST_TRY:
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_WRONG_PIN, 1);
        break;
    case MYNA_E_PIN_BLOCKED:
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_BLOCKED, 0);
        break;
    case MYNA_E_CARD_REMOVED:
    case MYNA_E_NO_CARD:
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_CARD_PULLED, 0);
        break;
    default:
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_READ_FAILED, card_problem(err));
        break;
    }
}

static void do_read(kiosk_card_worker *w, myna_card *card, card_cmd *c)
{
    myna_attrs *a = NULL;
    myna_err err = myna_card_read_attrs(card, c->flags, &a);
    if (err != MYNA_OK) {
        kiosk_mailbox_post_event(w->mb, w->gen,
                                 err == MYNA_E_CARD_REMOVED ? KIOSK_EV_CARD_PULLED
                                                            : KIOSK_EV_READ_FAILED,
                                 card_problem(err));
        return;
    }
    kiosk_mailbox_post_card_read(w->mb, w->gen, a, myna_card_apdu_count(card));
}

static void worker_unref(kiosk_card_worker *w)
{
    if (!g_atomic_int_dec_and_test(&w->refs))
        return;
    card_cmd *c;
    while ((c = g_async_queue_try_pop(w->cmds)))
        cmd_free(c);
    g_async_queue_unref(w->cmds);
    g_mutex_clear(&w->lock);
    g_free(w->filter);
    g_free(w);
}

/* Take commands until stopped; between them, watch for the card being pulled. */
static void serve(kiosk_card_worker *w, kiosk_card_link *link, myna_card *card)
{
    for (;;) {
        card_cmd *c = g_async_queue_timeout_pop(w->cmds, KIOSK_CARD_POLL_MS * 1000);
        if (!c) {
            if (stopped(w))
                return;
            if (!kiosk_card_link_present(link)) {
                kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_CARD_PULLED, 0);
                return;
            }
            continue;
        }
        cmd_kind kind = c->kind;
        if (kind == CMD_VERIFY)
            do_verify(w, card, c);
        else if (kind == CMD_READ)
            do_read(w, card, c);
        cmd_free(c);
        if (kind == CMD_STOP)
            return;
    }
}

static gpointer card_thread(gpointer data)
{
    kiosk_card_worker *w = data;
    kiosk_card_link *link = NULL;
    myna_card *card = NULL;

    myna_err err = kiosk_card_link_open(w->src, &link);
    if (err != MYNA_OK) {
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
        goto out;
    }
    g_mutex_lock(&w->lock);
    w->link = link;
    bool stop = w->stop;
    g_mutex_unlock(&w->lock);
    if (stop)
        goto out;
    card = wait_card(w, link);
    if (!card)
        goto out;
    int tries = -1;
    err = w->checkcode ? myna_card_checkcode_b_tries(card, &tries)
                       : myna_card_pin_tries(card, &tries);
    if (err != MYNA_OK) {
        kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
        goto out;
    }
    kiosk_mailbox_post_event(w->mb, w->gen, KIOSK_EV_CARD_PRESENT, tries);
    serve(w, link, card);
out:
    myna_card_free(card);
    g_mutex_lock(&w->lock);
    w->link = NULL;
    g_mutex_unlock(&w->lock);
    kiosk_card_link_close(link);
    gint *running = w->running;
    worker_unref(w);
    g_atomic_int_dec_and_test(running); /* src and mb may be freed from here on */
    return NULL;
}

kiosk_card_worker *kiosk_card_worker_start(kiosk_card_source *src, kiosk_mailbox *mb, guint gen,
                                           bool checkcode, const char *filter, gint *running)
{
    kiosk_card_worker *w = g_new0(kiosk_card_worker, 1);
    w->refs = 2; /* the engine's, the thread's */
    w->src = src;
    w->mb = mb;
    w->gen = gen;
    w->checkcode = checkcode;
    w->filter = g_strdup(filter ? filter : "");
    w->cmds = g_async_queue_new();
    w->running = running;
    g_mutex_init(&w->lock);
    kiosk_mailbox_post_reader(mb, gen, KIOSK_READER_SEARCHING);
    g_atomic_int_inc(running);
    w->thread = kiosk_worker_start("kiosk-card", card_thread, w);
    if (!w->thread) { /* no thread: the resident is told, the session ends as for a card error */
        kiosk_mailbox_post_event(mb, gen, KIOSK_EV_CARD_ERROR, KIOSK_P_INTERNAL);
        g_atomic_int_dec_and_test(&w->refs);
        g_atomic_int_dec_and_test(running);
    }
    return w;
}

static void push(kiosk_card_worker *w, const card_cmd *c)
{
    card_cmd *copy = g_new0(card_cmd, 1);
    *copy = *c;
    g_async_queue_push(w->cmds, copy);
}

void kiosk_card_worker_verify(kiosk_card_worker *w, char *secret, size_t len, bool checkcode)
{
    push(w, &(card_cmd){.kind = CMD_VERIFY, .secret = secret, .len = len, .checkcode = checkcode});
}

void kiosk_card_worker_read(kiosk_card_worker *w, unsigned flags)
{
    push(w, &(card_cmd){.kind = CMD_READ, .flags = flags});
}

void kiosk_card_worker_stop(kiosk_card_worker *w, bool join)
{
    if (!w)
        return;
    g_mutex_lock(&w->lock);
    w->stop = TRUE;
    kiosk_card_link_cancel(w->link);
    g_mutex_unlock(&w->lock);
    push(w, &(card_cmd){.kind = CMD_STOP});
    if (join)
        kiosk_worker_join(w->thread);
    else
        kiosk_worker_detach(w->thread); /* the reaper joins it and wipes its stack */
    worker_unref(w);
}
