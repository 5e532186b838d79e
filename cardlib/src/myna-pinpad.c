/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-pinpad.c — the reader's own PIN pad (PC/SC part 10 FEATURE_VERIFY_PIN_DIRECT): the PIN
 * is typed on the reader and goes from its keypad to the card; this computer never holds it.
 * The same safety rules as a typed PIN (myna-card.c): tries known first, a blocked card gets
 * nothing, exactly one request, never retried. */
#include "myna-pinpad-private.h"

#include "myna-card-private.h"
#include "myna-private.h"
#include "myna-transport-private.h"

#include <string.h>

myna_err myna_pinpad_find_feature(const uint8_t *buf, size_t len, uint8_t tag, uint32_t *code)
{
    *code = 0;
    size_t i = 0;
    while (i < len) {
        if (len - i < 2)
            return MYNA_E_BAD_DATA;
        uint8_t t = buf[i], l = buf[i + 1];
        i += 2;
        if (l != 4 || len - i < 4)
            return MYNA_E_BAD_DATA;
        uint32_t v = (uint32_t)buf[i] << 24 | (uint32_t)buf[i + 1] << 16 |
                     (uint32_t)buf[i + 2] << 8 | buf[i + 3];
        if (t == tag && *code == 0)
            *code = v;
        i += 4;
    }
    return MYNA_OK;
}

/* Multi-byte fields in host byte order (pcsc-lite's reader.h: the CCID driver converts). */
static void put16(uint8_t *p, uint16_t v)
{
    memcpy(p, &v, sizeof v);
}

static void put32(uint8_t *p, uint32_t v)
{
    memcpy(p, &v, sizeof v);
}

size_t myna_pinpad_verify_struct(uint8_t *out, size_t cap, unsigned timeout_s)
{
    if (out == NULL || cap < MYNA_PIN_VERIFY_STRUCT_LEN || timeout_s > 255)
        return 0;
    uint8_t *p = out;
    p[0] = (uint8_t)timeout_s; /* bTimerOut: whole entry (0 = the reader's default) */
    p[1] = (uint8_t)timeout_s; /* bTimerOut2: after the first key */
    /* bmFormatString: units are bytes (bit 7), the PIN at offset 0 of the data (bits 6-3),
     * left-justified (bit 2 = 0), ASCII digits (bits 1-0 = 10) */
    p[2] = 0x80 | (0u << 3) | 0x02;
    /* bmPINBlockString: no length field in the APDU (bits 7-4 = 0), a 4-byte PIN block */
    p[3] = 0x04;
    p[4] = 0x00;                     /* bmPINLengthFormat: no PIN length written */
    put16(p + 5, 0x0404);            /* wPINMaxExtraDigit: at least 4, at most 4 digits */
    p[7] = 0x02;                     /* bEntryValidationCondition: the OK key */
    p[8] = 0x01;                     /* bNumberMessage: one prompt ("enter PIN") */
    put16(p + 9, 0x0411);            /* wLangId: Japanese */
    p[11] = 0x00;                    /* bMsgIndex */
    p[12] = p[13] = p[14] = 0x00;    /* bTeoPrologue */
    put32(p + 15, 9);                /* ulDataLength */
    /* abData: VERIFY on the selected PIN EF, Lc 4, a 4-byte block the reader overwrites */
    static const uint8_t apdu[9] = {0x00, 0x20, 0x00, 0x80, 0x04, 0xFF, 0xFF, 0xFF, 0xFF};
    memcpy(p + MYNA_PIN_VERIFY_HEADER, apdu, sizeof apdu);
    return MYNA_PIN_VERIFY_STRUCT_LEN;
}

myna_err myna_card_pinpad(myna_card *card, bool *present)
{
    if (present != NULL)
        *present = false;
    if (card == NULL || present == NULL)
        return MYNA_E_ARG;
    myna_transport *t = myna_card_transport(card);
    if (t->control == NULL)
        return MYNA_OK;
    if (!t->features_known) {
        uint8_t buf[MYNA_CONTROL_MAX];
        size_t n = sizeof buf;
        myna_err e = myna_transport_control(t, MYNA_CTL_GET_FEATURE_REQUEST, NULL, 0, buf, &n);
        if (e == MYNA_E_NO_SERVICE || e == MYNA_E_READER || e == MYNA_E_CARD_REMOVED ||
            e == MYNA_E_NOMEM)
            return e; /* asked again next time */
        uint32_t code = 0;
        /* no answer, an empty list or a malformed one: no PIN pad we can trust */
        if (e != MYNA_OK ||
            myna_pinpad_find_feature(buf, n, MYNA_FEATURE_VERIFY_PIN_DIRECT, &code) != MYNA_OK)
            code = 0;
        t->verify_direct = code;
        t->features_known = true;
    }
    *present = t->verify_direct != 0;
    return MYNA_OK;
}

myna_err myna_card_verify_pin_pinpad(myna_card *card, unsigned timeout_s)
{
    if (card == NULL || timeout_s > 255)
        return MYNA_E_ARG;
    myna_transport *t = myna_card_transport(card);
    if (!t->features_known || t->verify_direct == 0)
        return MYNA_E_PINPAD;
    bool done;
    myna_err e = myna_card_pin_begin(card, &done);
    if (e != MYNA_OK || done)
        return e;
    uint8_t in[MYNA_PIN_VERIFY_STRUCT_LEN];
    size_t ilen = myna_pinpad_verify_struct(in, sizeof in, timeout_s);
    uint8_t out[MYNA_RESP_MAX];
    size_t n = sizeof out;
    e = myna_transport_control(t, t->verify_direct, in, ilen, out, &n);
    if (e != MYNA_OK) {
        myna_card_pin_sent(card); /* did it reach the card? unknown: ask again next time */
        return e;
    }
    unsigned sw = n >= 2 ? (unsigned)out[n - 2] << 8 | out[n - 1] : 0;
    myna_wipe(out, sizeof out);
    switch (sw) {
    case MYNA_SPE_TIMEOUT:
        return MYNA_E_TIMEOUT; /* the reader sent nothing: the tries are as they were */
    case MYNA_SPE_CANCELLED:
        return MYNA_E_CANCELLED;
    case MYNA_SPE_MISMATCH:
    case MYNA_SPE_LENGTH:
        return MYNA_E_PIN_FORMAT;
    case MYNA_SPE_PARAM:
        return MYNA_E_PINPAD;
    case 0:
        myna_card_pin_sent(card);
        return MYNA_E_TRANSPORT; /* no status word: whether the card saw it is unknown */
    default:
        myna_card_pin_sent(card);
        return myna_card_pin_end(card, sw);
    }
}
