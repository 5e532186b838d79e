/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-replay.c — a transport that answers from a recorded script (see myna-replay.h).
 *
 * The script is parsed once into locked memory (recorded responses may hold card data).
 * Each exchange is consumed once, in order; a command that differs from the recording
 * fails with MYNA_E_TRANSPORT. The same format feeds the fuzzer's corpus. Only the
 * library's exported interface is used (plus the shared byte decoder, myna_codec). */
#include "myna-replay.h"

#include "myna-codec-private.h"

#include <stdlib.h>
#include <string.h>

struct exchange {
    size_t coff, clen; /* command bytes in the blob */
    size_t roff, rlen; /* response bytes in the blob */
    bool any;          /* "> *": matches any command */
    myna_err fail;     /* "< !removed" and friends: transmit fails with this */
};

struct replay {
    struct exchange *ex;
    size_t n, pos;
    uint8_t *blob; /* locked */
    size_t blob_len;
};

/* Decode hex (spaces and tabs allowed between bytes) from s[0..len) into out (may be NULL to
 * count). Returns false on an odd digit count or a stray character. */
static bool decode_hex(const char *s, size_t len, uint8_t *out, size_t cap, size_t *n)
{
    size_t k = 0;
    int hi = -1;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            if (hi >= 0)
                return false;
            continue;
        }
        int v = myna_hex_value(c);
        if (v < 0)
            return false;
        if (hi < 0) {
            hi = v;
        } else {
            if (out != NULL) {
                if (k >= cap)
                    return false;
                out[k] = (uint8_t)(hi << 4 | v);
            }
            k++;
            hi = -1;
        }
    }
    if (hi >= 0)
        return false;
    *n = k;
    return true;
}

static bool special_response(const char *s, size_t len, myna_err *err)
{
    static const struct {
        const char *word;
        myna_err err;
    } words[] = {
        {"!removed", MYNA_E_CARD_REMOVED}, {"!reader", MYNA_E_READER},
        {"!noservice", MYNA_E_NO_SERVICE}, {"!transport", MYNA_E_TRANSPORT},
        {"!nocard", MYNA_E_NO_CARD},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t wl = strlen(words[i].word);
        if (len == wl && memcmp(s, words[i].word, wl) == 0) {
            *err = words[i].err;
            return true;
        }
    }
    return false;
}

/* One line's hex bytes, min..max of them, into the blob at offset at (with r == NULL only
 * counted). */
static bool take_hex(const char *s, size_t len, struct replay *r, size_t at, size_t min, size_t max,
                     size_t *n)
{
    return decode_hex(s, len, r != NULL ? r->blob + at : NULL, r != NULL ? r->blob_len - at : 0,
                      n) &&
           *n >= min && *n <= max;
}

/* Parse the script; with r == NULL only count exchanges and bytes. */
static myna_err parse(const char *script, size_t len, struct replay *r, size_t *n_ex,
                      size_t *n_bytes)
{
    size_t ex = 0, bytes = 0;
    bool want_resp = false;
    size_t i = 0;
    while (i < len) {
        size_t end = i;
        while (end < len && script[end] != '\n')
            end++;
        /* the line without comment and surrounding blanks */
        size_t a = i, b = end;
        for (size_t k = a; k < b; k++)
            if (script[k] == '#') {
                b = k;
                break;
            }
        while (a < b && (script[a] == ' ' || script[a] == '\t' || script[a] == '\r'))
            a++;
        while (b > a && (script[b - 1] == ' ' || script[b - 1] == '\t' || script[b - 1] == '\r'))
            b--;
        i = end + 1;
        if (a == b)
            continue;
        char kind = script[a++];
        while (a < b && (script[a] == ' ' || script[a] == '\t'))
            a++;
        size_t n = 0;
        if (kind == '>') {
            if (want_resp)
                return MYNA_E_ARG; /* two commands in a row */
            bool any = (b - a == 1 && script[a] == '*');
            if (!any && !take_hex(script + a, b - a, r, bytes, 4, MYNA_APDU_MAX, &n))
                return MYNA_E_ARG;
            if (r != NULL) {
                r->ex[ex].coff = bytes;
                r->ex[ex].clen = n;
                r->ex[ex].any = any;
            }
            bytes += n;
            want_resp = true;
        } else if (kind == '<') {
            if (!want_resp)
                return MYNA_E_ARG; /* a response without a command */
            myna_err fail = MYNA_OK;
            if (!special_response(script + a, b - a, &fail) &&
                !take_hex(script + a, b - a, r, bytes, 2, MYNA_RESP_MAX, &n))
                return MYNA_E_ARG;
            if (r != NULL) {
                r->ex[ex].roff = bytes;
                r->ex[ex].rlen = n;
                r->ex[ex].fail = fail;
            }
            bytes += n;
            ex++;
            want_resp = false;
        } else {
            return MYNA_E_ARG;
        }
    }
    if (want_resp)
        return MYNA_E_ARG;
    *n_ex = ex;
    *n_bytes = bytes;
    return MYNA_OK;
}

static myna_err replay_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                                size_t *rlen)
{
    struct replay *r = impl;
    if (r->pos >= r->n)
        return MYNA_E_TRANSPORT; /* the recording is over */
    const struct exchange *e = &r->ex[r->pos++];
    /* constant time: a recorded VERIFY holds a PIN */
    if (!e->any && (e->clen != clen || myna_secure_cmp(r->blob + e->coff, cmd, clen) != 0))
        return MYNA_E_TRANSPORT; /* not the command that was recorded */
    if (e->fail != MYNA_OK)
        return e->fail;
    if (e->rlen > *rlen)
        return MYNA_E_TRANSPORT;
    memcpy(resp, r->blob + e->roff, e->rlen);
    *rlen = e->rlen;
    return MYNA_OK;
}

static void replay_close(void *impl)
{
    struct replay *r = impl;
    if (r == NULL)
        return;
    myna_secure_free(r->blob, r->blob_len);
    free(r->ex);
    free(r);
}

static const myna_transport_ops replay_ops = {replay_transmit, replay_close};

size_t myna_transport_replay_left(const myna_transport *t)
{
    const struct replay *r = myna_transport_impl(t, &replay_ops);
    return r != NULL ? r->n - r->pos : 0;
}

myna_err myna_transport_replay_new(const char *script, size_t len, myna_transport **out)
{
    if (out != NULL)
        *out = NULL;
    if (script == NULL || out == NULL || len > MYNA_REPLAY_MAX)
        return MYNA_E_ARG;
    size_t n_ex = 0, n_bytes = 0;
    myna_err e = parse(script, len, NULL, &n_ex, &n_bytes);
    if (e != MYNA_OK)
        return e;
    struct replay *r = calloc(1, sizeof *r);
    if (r == NULL)
        return MYNA_E_NOMEM;
    r->ex = calloc(n_ex > 0 ? n_ex : 1, sizeof *r->ex);
    r->blob_len = n_bytes > 0 ? n_bytes : 1;
    r->blob = myna_secure_alloc(r->blob_len);
    if (r->ex == NULL || r->blob == NULL) {
        replay_close(r);
        return MYNA_E_NOMEM;
    }
    e = parse(script, len, r, &n_ex, &n_bytes);
    if (e != MYNA_OK) {
        replay_close(r);
        return e;
    }
    r->n = n_ex;
    return myna_transport_new(&replay_ops, r, out);
}
