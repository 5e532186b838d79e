/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-tlv.c — bounds-checked BER-TLV cursor and UTF-8 validation (see myna-tlv.h). */
#include "myna-tlv.h"

#include "myna-codec-private.h"

void myna_tlv_init(myna_tlv_cur *c, const uint8_t *p, size_t len)
{
    c->p = p;
    c->left = p != NULL ? len : 0;
}

/* Parse the header at p (avail bytes). On success *hdr = tag + length bytes. */
static myna_err tlv_header(const uint8_t *p, size_t avail, unsigned *tag, bool *constructed,
                           size_t *hdr, size_t *vlen)
{
    size_t i = 0;
    if (avail < 1)
        return MYNA_E_ARG;
    unsigned t = p[i++];
    if (t == 0x00)
        return MYNA_E_BAD_DATA; /* padding, not an element */
    *constructed = (t & 0x20) != 0;
    if ((t & 0x1F) == 0x1F) {
        /* subsequent tag bytes: bit 8 set means one more follows */
        for (;;) {
            if (i >= avail)
                return MYNA_E_ARG;
            if (i >= MYNA_TLV_TAG_MAX)
                return MYNA_E_BAD_DATA;
            uint8_t b = p[i++];
            t = (t << 8) | b;
            if (i == 2 && (b & 0x7F) == 0)
                return MYNA_E_BAD_DATA; /* leading zero bits: not minimal */
            /* FF 10 (tag 16 in the long form) is not minimal DER, but it is what the
             * card uses for the number: accepted */
            if ((b & 0x80) == 0)
                break;
        }
    }
    if (i >= avail)
        return MYNA_E_ARG;
    uint8_t l0 = p[i++];
    size_t len;
    if (l0 < 0x80) {
        len = l0;
    } else if (l0 == 0x81) {
        if (i + 1 > avail)
            return MYNA_E_ARG;
        len = p[i++];
    } else if (l0 == 0x82) {
        if (i + 2 > avail)
            return MYNA_E_ARG;
        len = ((size_t)p[i] << 8) | p[i + 1];
        i += 2;
    } else {
        return MYNA_E_BAD_DATA; /* 80 indefinite, 83.. too long for this card */
    }
    if (len > MYNA_TLV_LEN_MAX)
        return MYNA_E_BAD_DATA;
    *tag = t;
    *hdr = i;
    *vlen = len;
    return MYNA_OK;
}

myna_err myna_tlv_next(myna_tlv_cur *c, myna_tlv *out)
{
    if (c == NULL || out == NULL)
        return MYNA_E_ARG;
    unsigned tag;
    bool cons;
    size_t hdr, len;
    myna_err e = tlv_header(c->p, c->left, &tag, &cons, &hdr, &len);
    if (e == MYNA_E_ARG)
        return MYNA_E_BAD_DATA; /* truncated header */
    if (e != MYNA_OK)
        return e;
    if (len > c->left - hdr)
        return MYNA_E_BAD_DATA; /* the length lies: more than the bytes left */
    out->tag = tag;
    out->constructed = cons;
    out->start = c->p;
    out->total = hdr + len;
    out->val = c->p + hdr;
    out->len = len;
    c->p += hdr + len;
    c->left -= hdr + len;
    return MYNA_OK;
}

void myna_tlv_enter(const myna_tlv *t, myna_tlv_cur *inner)
{
    myna_tlv_init(inner, t->val, t->len);
}

myna_err myna_tlv_peek_total(const uint8_t *buf, size_t len, size_t *need)
{
    unsigned tag;
    bool cons;
    size_t hdr, vlen;
    if (buf == NULL || need == NULL)
        return MYNA_E_ARG;
    myna_err e = tlv_header(buf, len, &tag, &cons, &hdr, &vlen);
    if (e != MYNA_OK)
        return e;
    *need = hdr + vlen;
    return MYNA_OK;
}

bool myna_utf8_valid(const uint8_t *s, size_t len)
{
    size_t i = 0;
    if (s == NULL)
        return len == 0;
    while (i < len) {
        uint32_t cp;
        if (!myna_utf8_next(s, len, &i, &cp))
            return false;
        if (cp < 0x20 || cp == 0x7F)
            return false; /* controls have no place in a name or an address */
    }
    return true;
}
