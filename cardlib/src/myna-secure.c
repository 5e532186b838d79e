/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-secure.c — locked memory for the PIN and card data (see myna.h, cardlib/README.md).
 *
 * OpenSSL's secure heap: one mmap'd arena, mlock'd and marked MADV_DONTDUMP, with guard
 * pages. Every block is zeroed on allocation and wiped (OPENSSL_cleanse) on release. */
#include "myna.h"
#include "myna-private.h"

#include <openssl/crypto.h>
#include <string.h>

myna_err myna_secure_init(size_t bytes)
{
    if (CRYPTO_secure_malloc_initialized())
        return MYNA_OK;
    if (bytes < MYNA_SECURE_MIN)
        bytes = MYNA_SECURE_MIN;
    /* the arena size must be a power of two */
    size_t size = 4096;
    while (size < bytes && size < ((size_t)1 << 30))
        size <<= 1;
    /* 1: locked and undumpable; 2: mapped but mlock failed; 0: nothing */
    int rc = CRYPTO_secure_malloc_init(size, 16);
    if (rc == 1)
        return MYNA_OK;
    if (rc == 2)
        CRYPTO_secure_malloc_done();
    return MYNA_E_MLOCK;
}

void *myna_secure_alloc(size_t n)
{
    return OPENSSL_secure_zalloc(n == 0 ? 1 : n);
}

void myna_secure_free(void *p, size_t n)
{
    if (p == NULL)
        return;
    OPENSSL_secure_clear_free(p, n == 0 ? 1 : n);
}

int myna_secure_cmp(const void *a, const void *b, size_t n)
{
    if (a == NULL || b == NULL)
        return a == b ? 0 : 1;
    return CRYPTO_memcmp(a, b, n) == 0 ? 0 : 1;
}

bool myna_secure_locked(const void *p)
{
    return p != NULL && CRYPTO_secure_allocated(p) == 1;
}

void myna_wipe(void *p, size_t n)
{
    if (p != NULL && n > 0)
        OPENSSL_cleanse(p, n);
}
