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

/* A simulated reader with its own PIN keys (PC/SC part 10), for tests of the kiosk's PIN pad
 * path: the card's transport gets a control channel that answers CM_IOCTL_GET_FEATURE_REQUEST
 * with FEATURE_VERIFY_PIN_DIRECT and, for a PIN_VERIFY_STRUCTURE, "types" typed (after
 * 1.5 s, as a resident would) into the structure's APDU and sends it to the virtual card.
 * typed "cancel" answers the reader's Cancel key (6401). NULL removes it. typed is copied. */
void kiosk_card_vcard_set_pinpad(kiosk_card_source *src, const char *typed);

#endif
