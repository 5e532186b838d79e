/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-card-vcard.h — test-only card source: cardlib's in-process virtual card
 * (myna_testing). Linked into kakanai-kiosk-dev and the kiosk tests, never the installed kiosk.
 * A link polls the card's presence every KIOSK_VCARD_POLL_MS until a card is put on.
 */
#ifndef KIOSK_CARD_VCARD_H
#define KIOSK_CARD_VCARD_H

#include "kiosk-card-source.h"
#include "myna-vcard.h"

#define KIOSK_VCARD_POLL_MS 150

/* vc stays the caller's and must outlive the source. Free with kiosk_card_source_free. */
kiosk_card_source *kiosk_card_vcard_new(myna_vcard *vc);

#endif
