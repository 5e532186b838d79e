/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-fixture.h — build card files and replay scripts for the cardlib unit tests.
 * Fictional data only. Everything is static inline so each test takes what it needs. */
#ifndef MYNA_FIXTURE_H
#define MYNA_FIXTURE_H

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "myna.h"

/* 𠮷田 太郎 (𠮷 is outside the BMP) and an address with an IVS (葛 + U+E0100). */
#define FIX_NAME "\xF0\xA0\xAE\xB7\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E"
#define FIX_ADDRESS                                                                                \
    "\xE5\xB1\xB1\xE5\x8F\xA3\xE7\x9C\x8C\xE8\x91\x9B\xF3\xA0\x84\x80\xE5\x9F\x8E\xE5\xB8"         \
    "\x82\xE6\xBB\x9D\xE7\x94\xBA\x31\xE7\x95\xAA\x31\xE5\x8F\xB7"
#define FIX_BIRTH "19800401"
#define FIX_SEX "1"
#define FIX_NUMBER "123456789018"
#define FIX_PIN "1234"

typedef struct fix_buf {
    char *s;
    size_t len, cap;
} fix_buf;

static inline void fix_cat(fix_buf *b, const char *text)
{
    size_t n = strlen(text);
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->cap + n + 1) * 2;
        char *s = realloc(b->s, cap);
        if (s == NULL)
            abort();
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->len, text, n + 1);
    b->len += n;
}

static inline void fix_hex(fix_buf *b, const uint8_t *p, size_t n)
{
    char two[3];
    for (size_t i = 0; i < n; i++) {
        snprintf(two, sizeof two, "%02X", p[i]);
        fix_cat(b, two);
    }
}

/* one exchange: "> cmd\n< resp SW\n" */
static inline void fix_ex(fix_buf *b, const char *cmd_hex, const uint8_t *data, size_t n,
                          unsigned sw)
{
    char swhex[16];
    fix_cat(b, "> ");
    fix_cat(b, cmd_hex);
    fix_cat(b, "\n< ");
    if (data != NULL)
        fix_hex(b, data, n);
    snprintf(swhex, sizeof swhex, "%04X\n", sw & 0xFFFFu);
    fix_cat(b, swhex);
}

static inline void fix_free(fix_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* A TLV element with a 1- or 2-byte tag and the shortest length form. */
static inline size_t fix_tlv(uint8_t *out, unsigned tag, const void *v, size_t n)
{
    size_t i = 0;
    if (tag > 0xFF)
        out[i++] = (uint8_t)(tag >> 8);
    out[i++] = (uint8_t)tag;
    if (n < 0x80) {
        out[i++] = (uint8_t)n;
    } else if (n < 0x100) {
        out[i++] = 0x81;
        out[i++] = (uint8_t)n;
    } else {
        out[i++] = 0x82;
        out[i++] = (uint8_t)(n >> 8);
        out[i++] = (uint8_t)n;
    }
    if (n > 0)
        memmove(out + i, v, n);
    return i + n;
}

/* EF 0002 as the card holds it; dig_off and dig_len: the span the DF32 digest covers. */
static inline size_t fix_attrs(uint8_t *out, const char *name, const char *addr, const char *birth,
                               const char *sex, size_t *dig_off, size_t *dig_len)
{
    uint8_t inner[2048];
    static const uint8_t header[5] = {0x00, 0x08, 0x00, 0x20, 0x00};
    size_t k = fix_tlv(inner, 0xDF21, header, sizeof header);
    size_t after_header = k;
    k += fix_tlv(inner + k, 0xDF22, name, strlen(name));
    k += fix_tlv(inner + k, 0xDF23, addr, strlen(addr));
    k += fix_tlv(inner + k, 0xDF24, birth, strlen(birth));
    k += fix_tlv(inner + k, 0xDF25, sex, strlen(sex));
    size_t total = fix_tlv(out, 0xFF20, inner, k);
    if (dig_off != NULL)
        *dig_off = (total - k) + after_header;
    if (dig_len != NULL)
        *dig_len = k - after_header;
    return total;
}

/* EF 0001: FF 10 0C <12 digits> FF FF (17 bytes) */
static inline size_t fix_number(uint8_t *out, const char *number)
{
    size_t n = fix_tlv(out, 0xFF10, number, strlen(number));
    out[n++] = 0xFF;
    out[n++] = 0xFF;
    return n;
}

static inline void fix_sha256(const uint8_t *p, size_t n, uint8_t md[32])
{
    unsigned len = 32;
    EVP_Digest(p, n, md, &len, EVP_sha256(), NULL);
}

/* EF 0003: FF 30 { DF31 sha(number EF), DF32 sha(attrs span), DF33 256-byte signature } */
static inline size_t fix_digests(uint8_t *out, const uint8_t *num, size_t num_n,
                                 const uint8_t *span, size_t span_n)
{
    uint8_t inner[400], md[32], sig[256];
    memset(sig, 0x5A, sizeof sig);
    fix_sha256(num, num_n, md);
    size_t k = fix_tlv(inner, 0xDF31, md, 32);
    fix_sha256(span, span_n, md);
    k += fix_tlv(inner + k, 0xDF32, md, 32);
    k += fix_tlv(inner + k, 0xDF33, sig, sizeof sig);
    return fix_tlv(out, 0xFF30, inner, k);
}

#define FIX_SELECT_AP "00A4040C0AD3921000310001010408"
#define FIX_SELECT_PIN "00A4020C020011"
#define FIX_SELECT_B "00A4020C020015"
#define FIX_SELECT_NUMBER "00A4020C020001"
#define FIX_SELECT_ATTRS "00A4020C020002"
#define FIX_SELECT_DIGESTS "00A4020C020003"
#define FIX_VERIFY_QUERY "00200080"
#define FIX_VERIFY_PIN "002000800431323334"
#define FIX_READ_256 "00B0000000"

/* Append the READ BINARY exchanges the library sends for an EF image of n bytes:
 * one READ with Le = 00; if n > 256, READs at 256, 512... for the rest. */
static inline void fix_reads_le(fix_buf *b, const uint8_t *img, size_t n, unsigned first_le)
{
    size_t off = 0;
    while (off < n || off == 0) {
        char cmd[32];
        size_t chunk = n - off > 256 ? 256 : n - off;
        unsigned le = off == 0 ? first_le : (unsigned)(chunk == 256 ? 0 : chunk);
        snprintf(cmd, sizeof cmd, "00B0%04X%02X", (unsigned)off, le);
        fix_ex(b, cmd, img + off, chunk, 0x9000);
        off += chunk;
        if (chunk == 0)
            break;
    }
}

static inline void fix_reads(fix_buf *b, const uint8_t *img, size_t n)
{
    fix_reads_le(b, img, n, 0);
}

#endif /* MYNA_FIXTURE_H */
