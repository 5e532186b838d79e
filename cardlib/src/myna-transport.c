/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-transport.c — the seam under the APDU layer: ops table, counting, masked trace and
 * the ISO 7816-4 rules for 61xx / 6Cxx (see myna.h). */
#include "myna-transport-private.h"

#include "myna-apdu.h"
#include "myna-private.h"

#include <stdlib.h>
#include <string.h>

myna_err myna_transport_new(const myna_transport_ops *ops, void *impl, myna_transport **out)
{
    if (out != NULL)
        *out = NULL;
    if (ops == NULL || ops->transmit == NULL || out == NULL) {
        if (ops != NULL && ops->close != NULL && impl != NULL)
            ops->close(impl);
        return MYNA_E_ARG;
    }
    myna_transport *t = calloc(1, sizeof *t);
    if (t == NULL) {
        if (ops->close != NULL)
            ops->close(impl);
        return MYNA_E_NOMEM;
    }
    t->ops = ops;
    t->impl = impl;
    *out = t;
    return MYNA_OK;
}

void myna_transport_free(myna_transport *t)
{
    if (t == NULL)
        return;
    if (t->ops->close != NULL)
        t->ops->close(t->impl);
    free(t);
}

void myna_transport_set_trace(myna_transport *t, myna_trace_fn fn, void *user)
{
    if (t == NULL)
        return;
    t->trace = fn;
    t->trace_user = user;
}

unsigned myna_transport_apdu_count(const myna_transport *t)
{
    return t != NULL ? t->count : 0;
}

void *myna_transport_impl(const myna_transport *t, const myna_transport_ops *ops)
{
    if (t == NULL || ops == NULL || t->ops != ops)
        return NULL;
    return t->impl;
}

void myna_transport_set_control(myna_transport *t, myna_control_fn fn)
{
    if (t == NULL)
        return;
    t->control = fn;
    t->features_known = false;
    t->verify_direct = 0;
}

static void hex_append(char *out, size_t cap, size_t *pos, const uint8_t *b, size_t n)
{
    static const char digits[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n && *pos + 2 < cap; i++) {
        out[(*pos)++] = digits[b[i] >> 4];
        out[(*pos)++] = digits[b[i] & 0x0F];
    }
    out[*pos] = '\0';
}

static void str_append(char *out, size_t cap, size_t *pos, const char *s)
{
    while (*s != '\0' && *pos + 1 < cap)
        out[(*pos)++] = *s++;
    out[*pos] = '\0';
}

void myna_trace_format(bool is_command, const uint8_t *cmd, size_t clen, const uint8_t *buf,
                       size_t n, char *out, size_t cap)
{
    size_t pos = 0;
    if (out == NULL || cap == 0)
        return;
    out[0] = '\0';
    uint8_t ins = clen >= 2 ? cmd[1] : 0;
    if (is_command) {
        if (ins == MYNA_INS_VERIFY && n > 5) {
            /* header and Lc only: the PIN never reaches a trace */
            hex_append(out, cap, &pos, buf, 5);
            str_append(out, cap, &pos, "**");
        } else {
            hex_append(out, cap, &pos, buf, n);
        }
        return;
    }
    /* responses of READ BINARY (and of GET RESPONSE that continues one) carry personal
     * data: only the status word is shown */
    if ((ins == MYNA_INS_READ_BINARY || ins == MYNA_INS_GET_RESPONSE) && n > 2) {
        str_append(out, cap, &pos, "**");
        hex_append(out, cap, &pos, buf + n - 2, 2);
    } else {
        hex_append(out, cap, &pos, buf, n);
    }
}

/* One exchange: count, trace, transmit. No retry of any kind here. */
static myna_err xfer_once(myna_transport *t, const uint8_t *cmd, size_t clen, uint8_t *resp,
                          size_t *rlen)
{
    char line[2 * MYNA_RESP_MAX + 8];
    if (t->trace != NULL) {
        myna_trace_format(true, cmd, clen, cmd, clen, line, sizeof line);
        t->trace(t->trace_user, true, line);
    }
    t->count++;
    size_t cap = *rlen;
    myna_err e = t->ops->transmit(t->impl, cmd, clen, resp, rlen);
    if (e != MYNA_OK) {
        myna_wipe(resp, cap);
        *rlen = 0;
        return e;
    }
    if (*rlen < 2 || *rlen > cap) {
        myna_wipe(resp, cap);
        *rlen = 0;
        return MYNA_E_TRANSPORT; /* a response must at least hold SW1 SW2 */
    }
    if (t->trace != NULL) {
        myna_trace_format(false, cmd, clen, resp, *rlen, line, sizeof line);
        t->trace(t->trace_user, false, line);
    }
    return MYNA_OK;
}

/* Most GET RESPONSE rounds followed for one command (each gives up to 256 bytes). */
#define MYNA_GET_RESPONSE_MAX 8

myna_err myna_transport_transmit(myna_transport *t, const uint8_t *cmd, size_t clen, uint8_t *resp,
                                 size_t *rlen)
{
    if (t == NULL || cmd == NULL || clen < 4 || clen > MYNA_APDU_MAX || resp == NULL ||
        rlen == NULL || *rlen < 2)
        return MYNA_E_ARG;
    size_t cap = *rlen;
    size_t n = cap;
    myna_err e = xfer_once(t, cmd, clen, resp, &n);
    if (e != MYNA_OK) {
        *rlen = 0;
        return e;
    }
    unsigned sw = myna_sw(resp, n);
    /* 6Cxx: wrong Le, xx is the right one. Resend once with Le = xx, only for a case-2
     * command without data (READ BINARY, GET RESPONSE); never for VERIFY. */
    if ((sw >> 8) == 0x6C && clen == 5 && cmd[1] != MYNA_INS_VERIFY) {
        uint8_t again[5];
        memcpy(again, cmd, 4);
        again[4] = (uint8_t)(sw & 0xFF);
        n = cap;
        e = xfer_once(t, again, 5, resp, &n);
        if (e != MYNA_OK) {
            *rlen = 0;
            return e;
        }
        sw = myna_sw(resp, n);
    }
    /* 61xx: xx more bytes wait; fetch them with GET RESPONSE and append */
    size_t have = n - 2;
    for (int round = 0; (sw >> 8) == 0x61; round++) {
        if (round >= MYNA_GET_RESPONSE_MAX || cap - have < 2 + 1) {
            myna_wipe(resp, cap);
            *rlen = 0;
            return MYNA_E_BAD_DATA;
        }
        uint8_t get[5] = {0x00, MYNA_INS_GET_RESPONSE, 0x00, 0x00, (uint8_t)(sw & 0xFF)};
        size_t m = cap - have;
        e = xfer_once(t, get, sizeof get, resp + have, &m);
        if (e != MYNA_OK) {
            myna_wipe(resp, cap);
            *rlen = 0;
            return e;
        }
        sw = myna_sw(resp + have, m);
        have += m - 2;
    }
    if (have != n - 2) {
        resp[have] = (uint8_t)(sw >> 8);
        resp[have + 1] = (uint8_t)sw;
    }
    *rlen = have + 2;
    return MYNA_OK;
}

myna_err myna_transport_control(myna_transport *t, uint32_t code, const uint8_t *in, size_t ilen,
                                uint8_t *out, size_t *olen)
{
    if (t == NULL || (in == NULL && ilen > 0) || ilen > MYNA_CONTROL_MAX || out == NULL ||
        olen == NULL || *olen == 0)
        return MYNA_E_ARG;
    size_t cap = *olen;
    if (t->control == NULL) {
        *olen = 0;
        return MYNA_E_PINPAD;
    }
    if (t->trace != NULL) {
        /* a control input never holds a PIN (a PIN pad gets placeholders, never digits) */
        char line[2 * MYNA_CONTROL_MAX + 16] = "CTL ";
        size_t pos = 4;
        uint8_t c[4] = {(uint8_t)(code >> 24), (uint8_t)(code >> 16), (uint8_t)(code >> 8),
                        (uint8_t)code};
        hex_append(line, sizeof line, &pos, c, sizeof c);
        str_append(line, sizeof line, &pos, " ");
        hex_append(line, sizeof line, &pos, in, ilen);
        t->trace(t->trace_user, true, line);
    }
    myna_err e = t->control(t->impl, code, in, ilen, out, olen);
    if (e != MYNA_OK || *olen > cap) {
        myna_wipe(out, cap);
        *olen = 0;
        return e != MYNA_OK ? e : MYNA_E_TRANSPORT;
    }
    if (t->trace != NULL) {
        char line[2 * MYNA_CONTROL_MAX + 8];
        size_t pos = 0;
        line[0] = '\0';
        hex_append(line, sizeof line, &pos, out, *olen);
        t->trace(t->trace_user, false, line);
    }
    return MYNA_OK;
}
