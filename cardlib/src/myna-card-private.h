/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-card-private.h — the card's file parsers, exposed for unit tests and the fuzzer. */
#ifndef MYNA_CARD_PRIVATE_H
#define MYNA_CARD_PRIVATE_H

#include "myna.h"

/* EF 0002: FF 20 { DF21 header, DF22 name, DF23 address, DF24 birth, DF25 sex }. Each inner
 * tag exactly once (unknown ones skipped); name/address valid UTF-8 (myna_utf8_valid), birth
 * 8 digits, sex 1/2/9. Fills a's strings (locked). *digested, *dlen: the bytes the card's
 * DF32 digest covers (every element after DF21 inside FF 20). */
myna_err myna_parse_attrs(const uint8_t *buf, size_t len, myna_attrs *a, const uint8_t **digested,
                          size_t *dlen);
/* EF 0001: FF 10 0C <12 ASCII digits> (trailing padding ignored). */
myna_err myna_parse_number(const uint8_t *buf, size_t len, myna_attrs *a);
/* EF 0003: FF 30 { DF31 (32 bytes), DF32 (32 bytes), DF33 signature }. */
typedef struct myna_digests {
    const uint8_t *number, *attrs; /* the two 32-byte digests */
    const uint8_t *signed_from;    /* DF31's first byte: the signature covers DF31 DF32 */
    size_t signed_len;             /* 0 unless DF32 follows DF31 directly */
    const uint8_t *sig;            /* DF33's value, NULL when absent */
    size_t sig_len;
} myna_digests;
myna_err myna_parse_digests(const uint8_t *buf, size_t len, myna_digests *d);
/* An empty attributes record in locked memory, for the parser tests (free: myna_attrs_free). */
myna_attrs *myna_attrs_new_empty(void);

/* The PIN's VERIFY in three steps, shared with the PIN pad path (myna-pinpad.c):
 * begin = tries known (asked without spending one), a blocked card refused
 * (MYNA_E_PIN_BLOCKED), the PIN EF selected; *done true when the card is verified already.
 * sent = the one VERIFY is on its way: the tries are unknown from now on.
 * end = the card's status word to the VERIFY → error, tries updated. */
myna_transport *myna_card_transport(myna_card *c);
myna_err myna_card_pin_begin(myna_card *c, bool *done);
void myna_card_pin_sent(myna_card *c);
myna_err myna_card_pin_end(myna_card *c, unsigned sw);

#endif /* MYNA_CARD_PRIVATE_H */
