/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-mem.c — the engine's memory: locked when possible, always wiped on free.
 *
 * Every libharu allocation and every buffer of the engine that holds text, glyphs or the PDF
 * goes through form_mem_alloc (form-pdf-private.h). */
#include "form-pdf-private.h"

#include <stdlib.h>
#include <string.h>

#include "form-secure.h"

typedef struct mem_head {
    size_t n;
    size_t secure; /* 1: form_secure_alloc, 0: calloc */
} mem_head;
#define MEM_HEAD_SIZE 16
_Static_assert(sizeof(mem_head) <= MEM_HEAD_SIZE, "mem_head");

void *form_mem_alloc(size_t n)
{
    if (n > SIZE_MAX - MEM_HEAD_SIZE)
        return NULL;
    size_t total = n + MEM_HEAD_SIZE;
    size_t secure = 1;
    uint8_t *p = form_secure_alloc(total);
    if (p == NULL) { /* secure heap full: ordinary memory, still wiped on free */
        p = calloc(1, total);
        secure = 0;
    }
    if (p == NULL)
        return NULL;
    mem_head h = {total, secure};
    memcpy(p, &h, sizeof h);
    return p + MEM_HEAD_SIZE;
}

void form_mem_free(void *q)
{
    if (q == NULL)
        return;
    uint8_t *p = (uint8_t *)q - MEM_HEAD_SIZE;
    mem_head h;
    memcpy(&h, p, sizeof h);
    if (h.secure) {
        form_secure_free(p, h.n);
    } else {
        explicit_bzero(p, h.n);
        free(p);
    }
}

static size_t mem_size(const void *q)
{
    mem_head h;
    memcpy(&h, (const uint8_t *)q - MEM_HEAD_SIZE, sizeof h);
    return h.n - MEM_HEAD_SIZE;
}

/* Grow *p (form_mem_alloc'd, or NULL) to hold at least n bytes; contents kept. */
bool form_mem_reserve(void **p, size_t n)
{
    size_t have = *p != NULL ? mem_size(*p) : 0;
    if (have >= n)
        return true;
    size_t cap = have > 0 ? have : 256;
    while (cap < n) {
        if (cap > SIZE_MAX / 2)
            return false;
        cap *= 2;
    }
    void *q = form_mem_alloc(cap);
    if (q == NULL)
        return false;
    if (*p != NULL) {
        memcpy(q, *p, have);
        form_mem_free(*p);
    }
    *p = q;
    return true;
}
