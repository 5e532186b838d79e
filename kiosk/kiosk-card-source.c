/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-card-source.c — dispatch to the source's functions. See kiosk-card-source.h. */
#include "kiosk-card-source-impl.h"

#include <stddef.h>

myna_err kiosk_card_link_open(kiosk_card_source *src, kiosk_card_link **out)
{
    *out = NULL;
    return src->ops->link_open(src, out);
}

void kiosk_card_link_cancel(kiosk_card_link *l)
{
    if (l)
        l->ops->link_cancel(l);
}

void kiosk_card_link_close(kiosk_card_link *l)
{
    if (l)
        l->ops->link_close(l);
}

myna_err kiosk_card_link_wait(kiosk_card_link *l, const char *filter, kiosk_reader_fn fn,
                              void *user, myna_transport **t)
{
    *t = NULL;
    return l->ops->link_wait(l, filter ? filter : "", fn, user, t);
}

bool kiosk_card_link_present(kiosk_card_link *l) { return l->ops->link_present(l); }

myna_err kiosk_card_source_readers(kiosk_card_source *src, char ***names, size_t *n)
{
    *names = NULL;
    *n = 0;
    return src->ops->readers(src, names, n);
}

bool kiosk_card_source_is_demo(const kiosk_card_source *src) { return src && src->ops->demo; }

bool kiosk_card_source_present(const kiosk_card_source *src)
{
    return src && src->ops->present && src->ops->present(src);
}

void kiosk_card_source_set_present(kiosk_card_source *src, bool present)
{
    if (src && src->ops->set_present)
        src->ops->set_present(src, present);
}

void kiosk_card_source_free(kiosk_card_source *src)
{
    if (src)
        src->ops->free(src);
}
