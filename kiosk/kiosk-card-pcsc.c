/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-card-pcsc.c — the PC/SC card source. See kiosk-card-pcsc.h. */
#include "kiosk-card-pcsc.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-card-source-impl.h"

typedef struct pcsc_link {
    kiosk_card_link base;
    myna_ctx *ctx;
    char *reader; /* the reader the card was found on (malloc'd by cardlib) */
} pcsc_link;

static myna_err pcsc_link_open(kiosk_card_source *src, kiosk_card_link **out)
{
    pcsc_link *l = g_new0(pcsc_link, 1);
    l->base.ops = src->ops;
    myna_err err = myna_ctx_new(&l->ctx);
    if (err != MYNA_OK) {
        g_free(l);
        return err;
    }
    *out = &l->base;
    return MYNA_OK;
}

static void pcsc_link_cancel(kiosk_card_link *base)
{
    myna_ctx_cancel(((pcsc_link *)base)->ctx);
}

static void pcsc_link_close(kiosk_card_link *base)
{
    pcsc_link *l = (pcsc_link *)base;
    free(l->reader);
    myna_ctx_free(l->ctx);
    g_free(l);
}

static myna_err pcsc_link_wait(kiosk_card_link *base, const char *filter, kiosk_reader_fn fn,
                               void *user, myna_transport **t)
{
    pcsc_link *l = (pcsc_link *)base;
    char **names = NULL;
    size_t n = 0;
    myna_err err = myna_ctx_list_readers(l->ctx, &names, &n);
    bool any = false;
    for (size_t i = 0; err == MYNA_OK && i < n; i++)
        if (!*filter || strstr(names[i], filter))
            any = true;
    myna_strv_free(names, n);
    if (err == MYNA_E_NO_SERVICE)
        return err;
    fn(user, any ? KIOSK_READER_WAITING : KIOSK_READER_NONE);
    free(l->reader);
    l->reader = NULL;
    err = myna_ctx_wait_card(l->ctx, filter, -1, &l->reader);
    if (err != MYNA_OK)
        return err;
    fn(user, KIOSK_READER_CARD);
    return myna_transport_pcsc_open(l->ctx, l->reader, t);
}

static bool pcsc_link_present(kiosk_card_link *base)
{
    pcsc_link *l = (pcsc_link *)base;
    myna_reader_state st = MYNA_READER_ABSENT;
    if (!l->reader || myna_ctx_reader_state(l->ctx, l->reader, &st) != MYNA_OK)
        return false;
    return st == MYNA_READER_CARD || st == MYNA_READER_MUTE;
}

static myna_err pcsc_readers(kiosk_card_source *src, char ***names, size_t *n)
{
    myna_ctx *ctx = NULL;
    myna_err err = myna_ctx_new(&ctx);
    if (err == MYNA_OK)
        err = myna_ctx_list_readers(ctx, names, n);
    myna_ctx_free(ctx);
    return err;
}

static void pcsc_free(kiosk_card_source *src) { g_free(src); }

static const kiosk_card_source_ops pcsc_ops = {
    .link_open = pcsc_link_open,
    .link_cancel = pcsc_link_cancel,
    .link_close = pcsc_link_close,
    .link_wait = pcsc_link_wait,
    .link_present = pcsc_link_present,
    .readers = pcsc_readers,
    .demo = false,
    .free = pcsc_free,
};

kiosk_card_source *kiosk_card_pcsc_new(void)
{
    kiosk_card_source *src = g_new0(kiosk_card_source, 1);
    src->ops = &pcsc_ops;
    return src;
}
