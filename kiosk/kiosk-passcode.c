/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-passcode.c — PBKDF2-HMAC-SHA256 staff passcode. See kiosk-passcode.h. */
#include "kiosk-passcode.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SALT_LEN 16
#define HASH_LEN 32
#define PREFIX "pbkdf2-sha256$"

static void to_hex(const unsigned char *in, size_t n, char *out)
{
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hex[in[i] >> 4];
        out[2 * i + 1] = hex[in[i] & 15];
    }
    out[2 * n] = 0;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Exactly n bytes of hex from s, ending at `end` (a '$' or NUL). */
static bool from_hex(const char *s, char end, unsigned char *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int hi = hexval(s[2 * i]), lo = hi < 0 ? -1 : hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = (unsigned char)(hi << 4 | lo);
    }
    return s[2 * n] == end;
}

static bool derive(const char *pass, const unsigned char *salt, unsigned iter,
                   unsigned char *out)
{
    size_t len = strlen(pass);
    if (len == 0 || len > KIOSK_PASSCODE_MAX)
        return false;
    return PKCS5_PBKDF2_HMAC(pass, (int)len, salt, SALT_LEN, (int)iter, EVP_sha256(), HASH_LEN,
                             out) == 1;
}

char *kiosk_passcode_hash(const char *passcode, unsigned iterations)
{
    if (!passcode)
        return NULL;
    if (iterations == 0)
        iterations = KIOSK_PASSCODE_ITER;
    if (iterations < KIOSK_PASSCODE_ITER_MIN || iterations > KIOSK_PASSCODE_ITER_MAX)
        return NULL;
    unsigned char salt[SALT_LEN], hash[HASH_LEN];
    if (RAND_bytes(salt, SALT_LEN) != 1 || !derive(passcode, salt, iterations, hash))
        return NULL;
    char salt_hex[2 * SALT_LEN + 1], hash_hex[2 * HASH_LEN + 1];
    to_hex(salt, SALT_LEN, salt_hex);
    to_hex(hash, HASH_LEN, hash_hex);
    OPENSSL_cleanse(hash, sizeof hash);
    size_t cap = sizeof PREFIX + 12 + sizeof salt_hex + sizeof hash_hex;
    char *out = malloc(cap);
    if (out)
        snprintf(out, cap, PREFIX "%u$%s$%s", iterations, salt_hex, hash_hex);
    OPENSSL_cleanse(hash_hex, sizeof hash_hex);
    return out;
}

bool kiosk_passcode_check(const char *stored, const char *passcode)
{
    if (!stored || !passcode || strncmp(stored, PREFIX, strlen(PREFIX)) != 0)
        return false;
    const char *p = stored + strlen(PREFIX);
    unsigned long iter = 0;
    size_t digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 9) {
        iter = iter * 10 + (unsigned long)(*p++ - '0');
        digits++;
    }
    if (digits == 0 || *p != '$' || iter < KIOSK_PASSCODE_ITER_MIN ||
        iter > KIOSK_PASSCODE_ITER_MAX)
        return false;
    p++;
    unsigned char salt[SALT_LEN], want[HASH_LEN], got[HASH_LEN];
    if (strlen(p) != 2 * SALT_LEN + 1 + 2 * HASH_LEN || !from_hex(p, '$', salt, SALT_LEN) ||
        !from_hex(p + 2 * SALT_LEN + 1, '\0', want, HASH_LEN))
        return false;
    if (!derive(passcode, salt, (unsigned)iter, got))
        return false;
    bool ok = CRYPTO_memcmp(got, want, HASH_LEN) == 0;
    OPENSSL_cleanse(got, sizeof got);
    return ok;
}
