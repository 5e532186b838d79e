/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-card-source.h — where the kiosk's cards come from: one interface, two sources.
 *
 * The installed kiosk has one source, PC/SC (kiosk-card-pcsc.h). The test-only
 * kakanai-kiosk-dev adds the in-process virtual card (kiosk/dev/kiosk-card-vcard.h); no
 * other part of the kiosk knows which one it drives.
 *
 * A source hands each card thread a link (PC/SC rule: one context per thread). The link's
 * functions run on that thread, except kiosk_card_link_cancel, which any thread may call to
 * wake a wait in progress. The source's own functions run on the UI thread.
 */
#ifndef KIOSK_CARD_SOURCE_H
#define KIOSK_CARD_SOURCE_H

#include <stdbool.h>

#include "myna.h"

typedef enum kiosk_reader_status {
    KIOSK_READER_SEARCHING = 0, /* looking for a reader */
    KIOSK_READER_NONE,          /* no reader connected: call staff */
    KIOSK_READER_WAITING,       /* a reader, no card */
    KIOSK_READER_CARD,          /* a card is being read */
    KIOSK_READER_MUTE,          /* a card that does not answer (upside down?) */
} kiosk_reader_status;

typedef struct kiosk_card_source kiosk_card_source;
typedef struct kiosk_card_link kiosk_card_link;

/* Reports what the reader shows while a link waits for a card (on the card thread). */
typedef void (*kiosk_reader_fn)(void *user, kiosk_reader_status st);

/* Open a link for the calling thread. MYNA_E_NO_SERVICE and the like when PC/SC is not
 * there; *out is set to NULL first. */
myna_err kiosk_card_link_open(kiosk_card_source *src, kiosk_card_link **out);
/* Any thread: wake kiosk_card_link_wait; it answers MYNA_E_CANCELLED. Sticky. */
void kiosk_card_link_cancel(kiosk_card_link *l);
/* NULL-safe. */
void kiosk_card_link_close(kiosk_card_link *l);
/* Block until a card is on a reader whose name contains filter ("" = any), telling fn what
 * the reader shows; then open a transport to it (*t, the caller frees it with the card).
 * MYNA_E_CANCELLED after kiosk_card_link_cancel; any other error is for the resident. */
myna_err kiosk_card_link_wait(kiosk_card_link *l, const char *filter, kiosk_reader_fn fn,
                              void *user, myna_transport **t);
/* Whether the card kiosk_card_link_wait found is still there (a mute card counts). */
bool kiosk_card_link_present(kiosk_card_link *l);

/* UI thread: the readers' names (myna_strv_free), for the staff's health panel. */
myna_err kiosk_card_source_readers(kiosk_card_source *src, char ***names, size_t *n);
/* A demonstration source: the card screen offers to put the card on the reader. */
bool kiosk_card_source_is_demo(const kiosk_card_source *src);
/* Demo sources only (no-ops otherwise): is the card on the reader; put it on / take it off. */
bool kiosk_card_source_present(const kiosk_card_source *src);
void kiosk_card_source_set_present(kiosk_card_source *src, bool present);
/* NULL-safe; after every link of the source is closed. */
void kiosk_card_source_free(kiosk_card_source *src);

#endif
