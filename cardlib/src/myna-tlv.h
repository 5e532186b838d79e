/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-tlv.h — a bounds-checked cursor over the card's BER-TLV data (internal).
 *
 * The Kenhojo AP stores its files as BER-TLV with private-class tags: FF 20 (constructed)
 * holding DF 21..DF 25, FF 30 holding DF 31..DF 33, FF 10 for the number. Tags are kept as
 * their encoded bytes in an unsigned (FF20 -> 0xFF20, DF22 -> 0xDF22). Lengths: short form
 * 00..7F, long form 81 xx and 82 xx xx; indefinite (80) and 83+ are refused. Every read
 * checks the bytes left first; nothing is copied. Limits are in myna.h (MYNA_TLV_*). */
#ifndef MYNA_TLV_H
#define MYNA_TLV_H

#include "myna.h"

typedef struct myna_tlv_cur {
    const uint8_t *p; /* next unread byte */
    size_t left;      /* bytes left from p */
} myna_tlv_cur;

typedef struct myna_tlv {
    unsigned tag;         /* encoded tag bytes, e.g. 0xDF22 */
    bool constructed;     /* bit 6 of the first tag byte */
    const uint8_t *start; /* first byte of the tag */
    size_t total;         /* tag + length + value bytes */
    const uint8_t *val;   /* value (inside the cursor's buffer) */
    size_t len;           /* value length */
} myna_tlv;

void myna_tlv_init(myna_tlv_cur *c, const uint8_t *p, size_t len);
/* Read one element and advance past it. MYNA_E_BAD_DATA when the tag or length is malformed,
 * the length exceeds the bytes left, or a limit is crossed; the cursor is unchanged then. */
myna_err myna_tlv_next(myna_tlv_cur *c, myna_tlv *out);
/* A cursor over the value of a constructed element. */
void myna_tlv_enter(const myna_tlv *t, myna_tlv_cur *inner);
/* How many bytes the first element of buf needs in total, from its header alone (tag and
 * length): *need is set when the header is complete. MYNA_E_BAD_DATA on a malformed header,
 * MYNA_E_ARG when more bytes are needed to know. Used to size the second READ BINARY. */
myna_err myna_tlv_peek_total(const uint8_t *buf, size_t len, size_t *need);

/* UTF-8 as RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF, no truncation.
 * Also refuses U+0000..U+001F and U+007F (controls have no place in a name or address).
 * Characters outside the BMP and variation selectors are valid and kept as they are. */
bool myna_utf8_valid(const uint8_t *s, size_t len);

#endif /* MYNA_TLV_H */
