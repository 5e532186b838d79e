/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-vcard-apdu.c — the virtual card's APDU interpreter: ISO/IEC 7816-3 command cases, and
 * SELECT, VERIFY and READ BINARY as the Kenhojo AP answers them (see myna-vcard-private.h).
 * The AIDs are written out here, not taken from the library: the model is checked against the
 * reader, so it must not share the reader's constants. */
#include "myna-vcard-private.h"

#include <openssl/crypto.h>
#include <string.h>

static const uint8_t AID_KENHOJO[] = {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};
static const uint8_t AID_KENKAKU[] = {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x02};
static const uint8_t AID_JPKI[] = {0xD3, 0x92, 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};

typedef struct apdu {
    uint8_t cla, ins, p1, p2;
    const uint8_t *data;
    size_t lc;
    bool has_le;
    bool le_wild; /* Le was 00 (short) or 0000 (extended): "as many as there are" */
    bool extended;
    size_t le;
} apdu;

/* ISO/IEC 7816-3 cases 1, 2, 3, 4 in short and extended form. false: malformed (6700). */
static bool parse_apdu(const uint8_t *c, size_t n, apdu *a)
{
    memset(a, 0, sizeof *a);
    if (n < 4)
        return false;
    a->cla = c[0];
    a->ins = c[1];
    a->p1 = c[2];
    a->p2 = c[3];
    if (n == 4)
        return true;
    if (n == 5) {
        a->has_le = true;
        a->le = c[4] ? c[4] : 256;
        a->le_wild = c[4] == 0;
        return true;
    }
    if (c[4] != 0) {
        a->lc = c[4];
        a->data = c + 5;
        if (n == 5 + a->lc)
            return true;
        if (n == 6 + a->lc) {
            a->has_le = true;
            a->le = c[n - 1] ? c[n - 1] : 256;
            a->le_wild = c[n - 1] == 0;
            return true;
        }
        return false;
    }
    a->extended = true;
    if (n == 7) {
        size_t le = (size_t)c[5] << 8 | c[6];
        a->has_le = true;
        a->le = le ? le : 65536;
        a->le_wild = le == 0;
        return true;
    }
    a->lc = (size_t)c[5] << 8 | c[6];
    if (a->lc == 0)
        return false;
    a->data = c + 7;
    if (n == 7 + a->lc)
        return true;
    if (n == 9 + a->lc) {
        size_t le = (size_t)c[n - 2] << 8 | c[n - 1];
        a->has_le = true;
        a->le = le ? le : 65536;
        a->le_wild = le == 0;
        return true;
    }
    return false;
}

static int ctr_of_ef(unsigned ef)
{
    switch (ef) {
    case VCARD_EF_PIN:
        return VCARD_CTR_PIN;
    case VCARD_EF_CODE_B:
        return VCARD_CTR_B;
    case VCARD_EF_CODE_A:
        return VCARD_CTR_A;
    default:
        return -1;
    }
}

static unsigned do_select(myna_vcard *vc, const apdu *a)
{
    if (a->p1 == 0x04) {
        if (a->p2 != 0x0C)
            return 0x6A86;
        if (a->lc == 0)
            return 0x6700;
        int ap = VCARD_AP_NONE;
        if (a->lc == sizeof AID_KENHOJO && memcmp(a->data, AID_KENHOJO, a->lc) == 0)
            ap = vc->no_kenhojo ? VCARD_AP_NONE : VCARD_AP_KENHOJO;
        else if (a->lc == sizeof AID_KENKAKU && memcmp(a->data, AID_KENKAKU, a->lc) == 0)
            ap = VCARD_AP_KENKAKU;
        else if (a->lc == sizeof AID_JPKI && memcmp(a->data, AID_JPKI, a->lc) == 0)
            ap = VCARD_AP_JPKI;
        if (ap == VCARD_AP_NONE)
            return 0x6A82;
        vc->ap = ap;
        vc->ef = 0;
        vc->verified = 0;
        return 0x9000;
    }
    if (a->p1 == 0x02) {
        if (a->p2 != 0x0C)
            return 0x6A86;
        if (a->lc != 2)
            return 0x6700;
        unsigned id = (unsigned)a->data[0] << 8 | a->data[1];
        if (vc->ap != VCARD_AP_KENHOJO)
            return 0x6A82; /* the other applications' files are not modelled */
        switch (id) {
        case VCARD_EF_NUMBER:
        case VCARD_EF_ATTRS:
        case VCARD_EF_DIGESTS:
        case VCARD_EF_PIN:
        case VCARD_EF_CODE_A:
        case VCARD_EF_CODE_B:
            vc->ef = id;
            return 0x9000;
        default:
            return 0x6A82;
        }
    }
    return 0x6A86;
}

static unsigned do_verify(myna_vcard *vc, const apdu *a)
{
    if (a->p1 != 0x00 || a->p2 != 0x80)
        return 0x6A86;
    if (a->has_le)
        return 0x6700;
    int k = vc->ap == VCARD_AP_KENHOJO ? ctr_of_ef(vc->ef) : -1;
    if (a->lc == 0) {
        vc->stats.verify_empty++;
        if (k < 0)
            return 0x6986;
        if (vc->tries[k] == 0)
            return 0x6983;
        if (vc->verified & (1u << k))
            return 0x9000;
        return 0x63C0 | (unsigned)vc->tries[k];
    }
    vc->stats.verify_with_data++;
    if (k < 0)
        return 0x6986;
    if (vc->tries[k] == 0) {
        vc->stats.verify_blocked++;
        return 0x6983;
    }
    /* Compare in constant time over the expected length; a wrong length is a wrong code. */
    uint8_t given[16] = {0};
    size_t n = a->lc < sizeof given ? a->lc : sizeof given;
    memcpy(given, a->data, n);
    bool ok = a->lc == myna_vcard_secret_len[k] &&
              myna_secure_cmp(given, vc->secret[k], myna_vcard_secret_len[k]) == 0;
    OPENSSL_cleanse(given, sizeof given);
    if (ok) {
        vc->tries[k] = vc->tries_max[k];
        vc->verified |= 1u << k;
        return 0x9000;
    }
    vc->tries[k]--;
    vc->verified &= ~(1u << k);
    return 0x63C0 | (unsigned)vc->tries[k];
}

static unsigned do_read(myna_vcard *vc, const apdu *a, uint8_t *out, size_t cap, size_t *olen,
                        bool *too_small)
{
    vc->stats.read_binary++;
    if (a->p1 & 0x80)
        return 0x6A81; /* short EF identifiers are not modelled */
    if (a->lc != 0 || !a->has_le)
        return 0x6700;
    if (vc->ap != VCARD_AP_KENHOJO || vc->ef == 0)
        return 0x6986;
    if (ctr_of_ef(vc->ef) >= 0)
        return 0x6981;
    if (!vc->verified)
        return 0x6982;
    const uint8_t *file;
    size_t size;
    switch (vc->ef) {
    case VCARD_EF_NUMBER:
        file = vc->ef0001;
        size = VCARD_EF0001_LEN;
        break;
    case VCARD_EF_ATTRS:
        file = vc->ef0002;
        size = vc->ef0002_len;
        break;
    default:
        file = vc->ef0003;
        size = VCARD_EF0003_LEN;
        break;
    }
    size_t off = (size_t)a->p1 << 8 | a->p2;
    if (off >= size)
        return 0x6B00;
    size_t avail = size - off;
    size_t n;
    if (a->le_wild) {
        n = avail < a->le ? avail : a->le;
    } else if (a->le > avail) {
        return a->extended || avail > 255 ? 0x6700 : 0x6C00 | (unsigned)avail;
    } else {
        n = a->le;
    }
    if (n > cap) {
        *too_small = true;
        return 0x6F00;
    }
    memcpy(out, file + off, n);
    *olen = n;
    return 0x9000;
}

unsigned myna_vcard_apdu_answer(myna_vcard *vc, const uint8_t *cmd, size_t clen, uint8_t *out,
                                size_t cap, size_t *olen, bool *too_small)
{
    apdu a;
    *olen = 0;
    *too_small = false;
    if (!parse_apdu(cmd, clen, &a))
        return 0x6700;
    if (a.cla != 0x00)
        return 0x6E00;
    switch (a.ins) {
    case 0xA4:
        return do_select(vc, &a);
    case 0x20:
        return do_verify(vc, &a);
    case 0xB0:
        return do_read(vc, &a, out, cap, olen, too_small);
    default:
        return 0x6D00;
    }
}
