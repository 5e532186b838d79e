/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-secure.c — locked memory for personal data (see form-secure.h). */
#include "form-secure.h"

#include <openssl/crypto.h>
#include <string.h>

bool form_secure_init(size_t bytes)
{
    if (CRYPTO_secure_malloc_initialized())
        return true;
    /* 1: mlock'd and MADV_DONTDUMP; 2: only the heap could not be locked */
    return CRYPTO_secure_malloc_init(bytes, 16) == 1;
}

void *form_secure_alloc(size_t n)
{
    if (n == 0)
        n = 1;
    return OPENSSL_secure_zalloc(n);
}

void *form_secure_realloc(void *p, size_t old_n, size_t new_n)
{
    void *q = form_secure_alloc(new_n);
    if (q == NULL)
        return NULL;
    if (p != NULL) {
        memcpy(q, p, old_n < new_n ? old_n : new_n);
        form_secure_free(p, old_n);
    }
    return q;
}

void form_secure_free(void *p, size_t n)
{
    if (p == NULL)
        return;
    /* OPENSSL_secure_clear_free wipes n bytes, also for blocks outside the secure heap. */
    OPENSSL_secure_clear_free(p, n == 0 ? 1 : n);
}

char *form_secure_strdup(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = form_secure_alloc(n);
    if (d != NULL)
        memcpy(d, s, n);
    return d;
}

void form_secure_strfree(char *s)
{
    if (s != NULL)
        form_secure_free(s, strlen(s) + 1);
}
