/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-card-vcard.c — the virtual card as a card source. See kiosk-card-vcard.h. */
#include "kiosk-card-vcard.h"

#include <glib.h>

#include "kiosk-card-source-impl.h"

typedef struct vcard_source {
    kiosk_card_source base;
    myna_vcard *vc;
} vcard_source;

typedef struct vcard_link {
    kiosk_card_link base;
    myna_vcard *vc;
    gint cancelled;
} vcard_link;

static myna_err vcard_link_open(kiosk_card_source *src, kiosk_card_link **out)
{
    vcard_link *l = g_new0(vcard_link, 1);
    l->base.ops = src->ops;
    l->vc = ((vcard_source *)src)->vc;
    *out = &l->base;
    return MYNA_OK;
}

static void vcard_link_cancel(kiosk_card_link *base)
{
    g_atomic_int_set(&((vcard_link *)base)->cancelled, 1);
}

static void vcard_link_close(kiosk_card_link *base) { g_free(base); }

static myna_err vcard_link_wait(kiosk_card_link *base, const char *filter, kiosk_reader_fn fn,
                                void *user, myna_transport **t)
{
    vcard_link *l = (vcard_link *)base;
    (void)filter;
    fn(user, KIOSK_READER_WAITING);
    while (!myna_vcard_present(l->vc)) {
        if (g_atomic_int_get(&l->cancelled))
            return MYNA_E_CANCELLED;
        g_usleep(KIOSK_VCARD_POLL_MS * 1000);
    }
    if (g_atomic_int_get(&l->cancelled))
        return MYNA_E_CANCELLED;
    return myna_vcard_transport_new(l->vc, t);
}

static bool vcard_link_present(kiosk_card_link *base)
{
    return myna_vcard_present(((vcard_link *)base)->vc);
}

static myna_err vcard_readers(kiosk_card_source *src, char ***names, size_t *n)
{
    (void)src;
    (void)names;
    *n = 0;
    return MYNA_OK;
}

static bool vcard_present(const kiosk_card_source *src)
{
    return myna_vcard_present(((const vcard_source *)src)->vc);
}

static void vcard_set_present(kiosk_card_source *src, bool present)
{
    myna_vcard_set_present(((vcard_source *)src)->vc, present);
}

static void vcard_free(kiosk_card_source *src) { g_free(src); }

static const kiosk_card_source_ops vcard_ops = {
    .link_open = vcard_link_open,
    .link_cancel = vcard_link_cancel,
    .link_close = vcard_link_close,
    .link_wait = vcard_link_wait,
    .link_present = vcard_link_present,
    .readers = vcard_readers,
    .demo = true,
    .present = vcard_present,
    .set_present = vcard_set_present,
    .free = vcard_free,
};

kiosk_card_source *kiosk_card_vcard_new(myna_vcard *vc)
{
    vcard_source *s = g_new0(vcard_source, 1);
    s->base.ops = &vcard_ops;
    s->vc = vc;
    return &s->base;
}
