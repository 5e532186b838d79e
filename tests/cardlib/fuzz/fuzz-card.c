/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* fuzz-card.c — libFuzzer target: the input's bytes are the card's responses.
 *
 * Input: byte 0 chooses the session (bit 0: 照合番号B instead of the PIN, bits 1-2: read
 * flags MYNA_READ_NUMBER/VERIFY, bit 3: trace on, bit 7: the rest is a replay script fed to
 * myna_transport_replay_new instead). Otherwise each response is one length byte n followed
 * by n bytes (data + SW1 SW2); when the input runs out the card is "removed".
 * Invariants checked (abort on violation): at most one VERIFY with data per verify call,
 * none after the card said it is blocked; every attribute returned is valid UTF-8. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "myna-replay.h"
#include "myna-tlv.h"
#include "myna.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_card {
    const uint8_t *p;
    size_t left;
    unsigned verify_with_data;
    bool saw_blocked;
};

static myna_err fz_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                            size_t *rlen)
{
    struct fuzz_card *f = impl;
    if (clen > 5 && cmd[1] == 0x20) {
        f->verify_with_data++;
        if (f->saw_blocked)
            abort(); /* a blocked card got a VERIFY with data */
    }
    if (f->left < 1)
        return MYNA_E_CARD_REMOVED;
    size_t n = f->p[0];
    f->p++;
    f->left--;
    if (n > f->left)
        n = f->left;
    if (n > *rlen)
        n = *rlen;
    memcpy(resp, f->p, n);
    f->p += n;
    f->left -= n;
    *rlen = n;
    if (n >= 2 && clen == 4 && cmd[1] == 0x20 &&
        ((resp[n - 2] == 0x63 && resp[n - 1] == 0xC0) ||
         (resp[n - 2] == 0x69 && (resp[n - 1] == 0x83 || resp[n - 1] == 0x84))))
        f->saw_blocked = true;
    return MYNA_OK;
}

static const myna_transport_ops fz_ops = {fz_transmit, NULL};

static void fz_trace(void *user, bool is_command, const char *hex)
{
    (void)user;
    (void)is_command;
    if (strlen(hex) > 2 * 300)
        abort();
}

static void check_str(const char *s)
{
    if (s != NULL && !myna_utf8_valid((const uint8_t *)s, strlen(s)))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool init;
    if (!init) {
        (void)myna_secure_init(1u << 20);
        init = true;
    }
    if (size < 1)
        return 0;
    unsigned mode = data[0];
    struct fuzz_card f = {data + 1, size - 1, 0, false};
    myna_transport *t = NULL;
    if (mode & 0x80) {
        if (myna_transport_replay_new((const char *)data + 1, size - 1, &t) != MYNA_OK)
            return 0;
    } else if (myna_transport_new(&fz_ops, &f, &t) != MYNA_OK) {
        return 0;
    }
    if (mode & 0x08)
        myna_transport_set_trace(t, fz_trace, NULL);
    myna_card *c = NULL;
    if (myna_card_open(t, &c) != MYNA_OK)
        return 0;
    int tries;
    (void)myna_card_pin_tries(c, &tries);
    unsigned before = f.verify_with_data;
    if (mode & 0x01)
        (void)myna_card_verify_checkcode_b(c, "80040120351234", 14);
    else
        (void)myna_card_verify_pin(c, "1234", 4);
    if (f.verify_with_data - before > 1)
        abort(); /* retried */
    myna_attrs *a = NULL;
    if (myna_card_read_attrs(c, (mode >> 1) & 3u, &a) == MYNA_OK) {
        check_str(myna_attrs_name(a));
        check_str(myna_attrs_address(a));
        check_str(myna_attrs_birth(a));
        check_str(myna_attrs_sex(a));
        check_str(myna_attrs_number(a));
        myna_attrs_free(a);
    }
    myna_card_free(c);
    return 0;
}
