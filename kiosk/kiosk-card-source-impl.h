/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-card-source-impl.h — for implementations of kiosk-card-source.h only: each source
 * and each link starts with these bases, and fills a const table of its functions.
 */
#ifndef KIOSK_CARD_SOURCE_IMPL_H
#define KIOSK_CARD_SOURCE_IMPL_H

#include "kiosk-card-source.h"

typedef struct kiosk_card_source_ops {
    myna_err (*link_open)(kiosk_card_source *src, kiosk_card_link **out);
    void (*link_cancel)(kiosk_card_link *l);
    void (*link_close)(kiosk_card_link *l);
    myna_err (*link_wait)(kiosk_card_link *l, const char *filter, kiosk_reader_fn fn, void *user,
                          myna_transport **t);
    bool (*link_present)(kiosk_card_link *l);
    myna_err (*readers)(kiosk_card_source *src, char ***names, size_t *n);
    bool demo;
    bool (*present)(const kiosk_card_source *src);          /* demo sources */
    void (*set_present)(kiosk_card_source *src, bool present); /* demo sources */
    void (*free)(kiosk_card_source *src);
} kiosk_card_source_ops;

struct kiosk_card_source {
    const kiosk_card_source_ops *ops;
};

struct kiosk_card_link {
    const kiosk_card_source_ops *ops;
};

#endif
