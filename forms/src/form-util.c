/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-util.c — strings, UTF-8, buffers and files (localized text: form-lang.c). */
#include "form-private.h"
#include "form-secure.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *form_strdup(const char *s)
{
    return s ? form_strndup(s, strlen(s)) : NULL;
}

char *form_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d == NULL)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

bool form_utf8_next(const char *s, size_t n, size_t *i, uint32_t *cp)
{
    const uint8_t *p = (const uint8_t *)s;
    size_t k = *i;
    if (k >= n)
        return false;
    uint8_t c = p[k];
    uint32_t v;
    size_t len;
    if (c < 0x80) {
        v = c;
        len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        v = c & 0x1F;
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        v = c & 0x0F;
        len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
        v = c & 0x07;
        len = 4;
    } else {
        return false; /* continuation byte, C0/C1 (always overlong), F5..FF (> U+10FFFF) */
    }
    if (n - k < len)
        return false;
    for (size_t j = 1; j < len; j++) {
        if ((p[k + j] & 0xC0) != 0x80)
            return false;
        v = (v << 6) | (p[k + j] & 0x3F);
    }
    if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF))
        return false;
    *cp = v;
    *i = k + len;
    return true;
}

size_t form_utf8_put(uint32_t cp, char *o)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

bool form_utf8_valid(const char *s, size_t len)
{
    size_t i = 0;
    uint32_t cp;
    while (i < len)
        if (!form_utf8_next(s, len, &i, &cp))
            return false;
    return true;
}

size_t form_utf8_count(const char *s)
{
    size_t len = strlen(s), i = 0, n = 0;
    uint32_t cp;
    while (i < len) {
        if (!form_utf8_next(s, len, &i, &cp))
            return SIZE_MAX;
        n++;
    }
    return n;
}

static bool buf_grow(form_buf *b, size_t need)
{
    if (b->failed)
        return false;
    if (b->n + need + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + need + 1)
        cap *= 2;
    char *p = b->secure ? form_secure_realloc(b->p, b->cap, cap) : realloc(b->p, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

void form_buf_add(form_buf *b, const char *s, size_t n)
{
    if (!buf_grow(b, n))
        return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

void form_buf_adds(form_buf *b, const char *s)
{
    form_buf_add(b, s, strlen(s));
}

void form_buf_addcp(form_buf *b, uint32_t cp)
{
    char tmp[4];
    form_buf_add(b, tmp, form_utf8_put(cp, tmp));
}

void form_buf_release(form_buf *b)
{
    if (b->p != NULL) {
        if (b->secure)
            form_secure_free(b->p, b->cap);
        else
            free(b->p);
    }
    b->p = NULL;
    b->n = b->cap = 0;
}

form_err form_read_file(const char *path, size_t max, char **out, size_t *len)
{
    *out = NULL;
    if (len)
        *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return FORM_E_IO;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return FORM_E_IO;
    }
    if ((unsigned long long)st.st_size > max) {
        close(fd);
        return FORM_E_ARG;
    }
    size_t n = (size_t)st.st_size;
    char *p = malloc(n + 1);
    if (p == NULL) {
        close(fd);
        return FORM_E_NOMEM;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    p[got] = '\0';
    *out = p;
    if (len)
        *len = got;
    return FORM_OK;
}

size_t form_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63)
        return SIZE_MAX;
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cur = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev + cost;
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            prev = cur;
        }
    }
    return row[lb];
}

char *form_path_join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (p == NULL)
        return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

static bool is_list_sep(char c) { return c == ' ' || c == '\t' || c == ','; }

bool form_list_next(const char *v, size_t n, size_t *i, size_t *start, size_t *len)
{
    size_t k = *i;
    while (k < n && is_list_sep(v[k]))
        k++;
    size_t s = k;
    while (k < n && !is_list_sep(v[k]))
        k++;
    *i = k;
    *start = s;
    *len = k - s;
    return k > s;
}
