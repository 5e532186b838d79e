/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-card-pcsc.h — the real card source: readers through pcscd (cardlib's myna_ctx).
 * Each link is a myna_ctx of its own (PC/SC rule), cancelled with myna_ctx_cancel.
 */
#ifndef KIOSK_CARD_PCSC_H
#define KIOSK_CARD_PCSC_H

#include "kiosk-card-source.h"

/* Never NULL (a context is only made per link). Free with kiosk_card_source_free. */
kiosk_card_source *kiosk_card_pcsc_new(void);

#endif
