/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-card-worker.h — one card thread per session: waits for the card, tells the tries
 * left, verifies the PIN (or 照合番号B) and reads the attributes when told, and watches for
 * the card being pulled. Everything it learns goes to the UI thread through the mailbox,
 * tagged with the session generation it was started for.
 */
#ifndef KIOSK_CARD_WORKER_H
#define KIOSK_CARD_WORKER_H

#include <glib.h>
#include <stdbool.h>

#include "kiosk-card-source.h"
#include "kiosk-mailbox.h"

#define KIOSK_CARD_POLL_MS 150 /* how often a waiting card thread looks for a pull or a stop */

typedef struct kiosk_card_worker kiosk_card_worker;

/* Start the thread. src and mb must outlive it: *running is incremented now and decremented
 * by the thread as its very last access to them. filter: part of the reader's name, "" any. */
kiosk_card_worker *kiosk_card_worker_start(kiosk_card_source *src, kiosk_mailbox *mb, guint gen,
                                           bool checkcode, const char *filter, gint *running);
/* Verify secret (KIOSK_SECRET_MAX bytes of locked memory, taken over and wiped right after
 * the VERIFY, whatever its answer). */
void kiosk_card_worker_verify(kiosk_card_worker *w, char *secret, size_t len, bool checkcode);
/* Read the attributes (MYNA_READ_* flags). */
void kiosk_card_worker_read(kiosk_card_worker *w, unsigned flags);
/* Wake its wait, tell it to stop and drop the handle; join: wait until the thread ended
 * (only when the engine goes away: the UI never waits on a card that hangs in a transmit). */
void kiosk_card_worker_stop(kiosk_card_worker *w, bool join);

#endif
