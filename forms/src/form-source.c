/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-source.c — a template's text kept line by line, byte for byte, and read through the one
 * INI line reader of forms/ (form-ini.c). The section index and the value cache are derived
 * from the lines and rebuilt after every change; the changes themselves (with undo) are in
 * form-source-edit.c.
 */
#include "form-source-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form-private.h"

/* Classify one stored line (it may end in \n or \r\n). */
bool fsrc_classify(const fsrc_line *l, form_ini_line *out)
{
    form_ini r;
    form_ini_init(&r, l->text, l->n);
    if (!form_ini_next(&r, out)) { /* an empty last line */
        memset(out, 0, sizeof *out);
        out->kind = FORM_INI_BLANK;
    }
    return true;
}

static void drop_index(form_source *s)
{
    for (size_t i = 0; i < s->nsecs; i++) {
        free(s->secs[i].kind);
        free(s->secs[i].name);
    }
    free(s->secs);
    s->secs = NULL;
    s->nsecs = 0;
    for (size_t i = 0; i < s->ncache; i++)
        free(s->cache[i]);
    free(s->cache);
    s->cache = NULL;
    s->ncache = 0;
}

static char *dup_n(const char *p, size_t n)
{
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, p, n);
        d[n] = '\0';
    }
    return d;
}

form_err fsrc_reindex(form_source *s)
{
    drop_index(s);
    size_t cap = 0;
    for (size_t i = 0; i < s->nlines; i++) {
        form_ini_line l;
        fsrc_classify(&s->lines[i], &l);
        if (l.kind != FORM_INI_SECTION)
            continue;
        if (s->nsecs == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            fsrc_section *n = realloc(s->secs, ncap * sizeof *n);
            if (n == NULL)
                return FORM_E_NOMEM;
            s->secs = n;
            cap = ncap;
        }
        const char *h = l.p + l.name;
        size_t hn = l.name_len, k = 0;
        while (k < hn && h[k] == ' ')
            k++;
        size_t ks = k;
        while (k < hn && h[k] != ' ' && h[k] != '\t')
            k++;
        size_t ke = k;
        while (k < hn && (h[k] == ' ' || h[k] == '\t'))
            k++;
        size_t ne = hn;
        while (ne > k && (h[ne - 1] == ' ' || h[ne - 1] == '\t'))
            ne--;
        fsrc_section *sec = &s->secs[s->nsecs];
        sec->line = i;
        sec->kind = dup_n(h + ks, ke - ks);
        sec->name = dup_n(h + k, ne - k);
        if (sec->kind == NULL || sec->name == NULL) {
            free(sec->kind);
            free(sec->name);
            return FORM_E_NOMEM;
        }
        s->nsecs++;
    }
    return FORM_OK;
}

size_t fsrc_section_end(const form_source *s, size_t i)
{
    return i + 1 < s->nsecs ? s->secs[i + 1].line : s->nlines;
}

form_err form_source_parse(const char *text, size_t len, form_source **out, int *bad_line)
{
    if (out == NULL || (text == NULL && len > 0))
        return FORM_E_ARG;
    *out = NULL;
    if (bad_line != NULL)
        *bad_line = 0;
    /* every line must be one the template reader accepts byte-wise */
    form_ini r;
    form_ini_init(&r, text, len);
    form_ini_line l;
    while (form_ini_next(&r, &l))
        if (l.kind == FORM_INI_TOO_LONG || l.kind == FORM_INI_NUL || l.kind == FORM_INI_NOT_UTF8) {
            if (bad_line != NULL)
                *bad_line = l.lineno;
            return FORM_E_SYNTAX;
        }
    form_source *s = calloc(1, sizeof *s);
    if (s == NULL)
        return FORM_E_NOMEM;
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl != NULL ? (size_t)(nl - text) + 1 : len;
        form_err e = fsrc_lines_insert_raw(s, s->nlines, text + pos, end - pos);
        if (e != FORM_OK) {
            form_source_free(s);
            return e;
        }
        pos = end;
    }
    s->crlf = s->nlines > 0 && s->lines[0].n >= 2 && s->lines[0].text[s->lines[0].n - 2] == '\r';
    form_err e = fsrc_reindex(s);
    if (e != FORM_OK) {
        form_source_free(s);
        return e;
    }
    *out = s;
    return FORM_OK;
}

form_err form_source_load(const char *path, form_source **out, int *bad_line)
{
    if (path == NULL || out == NULL)
        return FORM_E_ARG;
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return FORM_E_IO;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)FORM_SOURCE_MAX_BYTES) {
        close(fd);
        return FORM_E_IO;
    }
    size_t n = (size_t)st.st_size, got = 0;
    char *buf = malloc(n + 1);
    if (buf == NULL) {
        close(fd);
        return FORM_E_NOMEM;
    }
    while (got < n) {
        ssize_t k = read(fd, buf + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    form_err e = got == n ? form_source_parse(buf, n, out, bad_line) : FORM_E_IO;
    free(buf);
    return e;
}

void form_source_free(form_source *s)
{
    if (s == NULL)
        return;
    drop_index(s);
    for (size_t i = 0; i < s->nlines; i++)
        free(s->lines[i].text);
    free(s->lines);
    fsrc_history_free(s);
    free(s);
}

form_err form_source_text(const form_source *s, char **text, size_t *len)
{
    if (s == NULL || text == NULL)
        return FORM_E_ARG;
    size_t n = 0;
    for (size_t i = 0; i < s->nlines; i++)
        n += s->lines[i].n;
    char *t = malloc(n + 1), *p = t;
    if (t == NULL)
        return FORM_E_NOMEM;
    for (size_t i = 0; i < s->nlines; i++) {
        memcpy(p, s->lines[i].text, s->lines[i].n);
        p += s->lines[i].n;
    }
    *p = '\0';
    *text = t;
    if (len != NULL)
        *len = n;
    return FORM_OK;
}

form_err form_source_save(const form_source *s, const char *path)
{
    if (s == NULL || path == NULL)
        return FORM_E_ARG;
    char *text = NULL;
    size_t n = 0;
    form_err e = form_source_text(s, &text, &n);
    if (e != FORM_OK)
        return e;
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 16);
    if (tmp == NULL) {
        free(text);
        return FORM_E_NOMEM;
    }
    snprintf(tmp, pl + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    e = fd < 0 ? FORM_E_IO : FORM_OK;
    size_t put = 0;
    while (e == FORM_OK && put < n) {
        ssize_t k = write(fd, text + put, n - put);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            e = FORM_E_IO;
        else
            put += (size_t)k;
    }
    if (fd >= 0) {
        if (e == FORM_OK && (fchmod(fd, 0644) != 0 || fsync(fd) != 0))
            e = FORM_E_IO;
        if (close(fd) != 0 && e == FORM_OK)
            e = FORM_E_IO;
        if (e == FORM_OK && rename(tmp, path) != 0)
            e = FORM_E_IO;
        if (e != FORM_OK)
            unlink(tmp);
    }
    free(tmp);
    free(text);
    return e;
}

size_t form_source_section_count(const form_source *s)
{
    return s != NULL ? s->nsecs : 0;
}

const char *form_source_section_kind(const form_source *s, size_t i)
{
    return s != NULL && i < s->nsecs ? s->secs[i].kind : NULL;
}

const char *form_source_section_name(const form_source *s, size_t i)
{
    return s != NULL && i < s->nsecs ? s->secs[i].name : NULL;
}

int form_source_section_line(const form_source *s, size_t i)
{
    return s != NULL && i < s->nsecs ? (int)s->secs[i].line + 1 : 0;
}

size_t form_source_find(const form_source *s, const char *kind, const char *name)
{
    if (s == NULL || kind == NULL)
        return (size_t)-1;
    for (size_t i = 0; i < s->nsecs; i++)
        if (strcmp(s->secs[i].kind, kind) == 0 &&
            (name == NULL || strcmp(s->secs[i].name, name) == 0))
            return i;
    return (size_t)-1;
}

size_t form_source_section_at_line(const form_source *s, int line)
{
    if (s == NULL || line < 1 || (size_t)line > s->nlines)
        return (size_t)-1;
    size_t at = (size_t)-1;
    for (size_t i = 0; i < s->nsecs && s->secs[i].line < (size_t)line; i++)
        at = i;
    return at;
}

size_t fsrc_find_key(const form_source *s, size_t i, const char *key, form_ini_line *out)
{
    size_t end = fsrc_section_end(s, i), kn = strlen(key);
    for (size_t j = s->secs[i].line + 1; j < end; j++) {
        form_ini_line l;
        fsrc_classify(&s->lines[j], &l);
        if (l.kind == FORM_INI_PAIR && l.key_len == kn && memcmp(l.p + l.key, key, kn) == 0) {
            if (out != NULL)
                *out = l;
            return j;
        }
    }
    return (size_t)-1;
}

const char *form_source_get(const form_source *cs, size_t i, const char *key)
{
    form_source *s = (form_source *)cs; /* the cache is not part of the text */
    if (s == NULL || key == NULL || i >= s->nsecs)
        return NULL;
    form_ini_line l;
    if (fsrc_find_key(s, i, key, &l) == (size_t)-1)
        return NULL;
    char *v = dup_n(l.p + l.value, l.value_len);
    char **c = v != NULL ? realloc(s->cache, (s->ncache + 1) * sizeof *c) : NULL;
    if (c == NULL) {
        free(v);
        return NULL;
    }
    s->cache = c;
    s->cache[s->ncache++] = v;
    return v;
}

/* A decimal number as templates write it ("12", "-3.5"), read without the C locale. */
static bool parse_mm(const char **pp, double *out)
{
    const char *p = *pp;
    while (*p == ' ' || *p == '\t')
        p++;
    bool neg = *p == '-';
    if (neg)
        p++;
    double v = 0, scale = 1;
    int digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 9) {
        v = v * 10 + (*p++ - '0');
        digits++;
    }
    if (*p == '.') {
        p++;
        int frac = 0;
        while (*p >= '0' && *p <= '9' && frac < 6) {
            scale /= 10;
            v += (*p++ - '0') * scale;
            frac++;
            digits++;
        }
    }
    if (digits == 0 || (*p >= '0' && *p <= '9'))
        return false;
    *out = neg ? -v : v;
    *pp = p;
    return true;
}

form_err form_source_box(const form_source *s, size_t i, double box[4])
{
    if (s == NULL || box == NULL || i >= s->nsecs)
        return FORM_E_ARG;
    const char *v = form_source_get(s, i, "box");
    if (v == NULL)
        return FORM_E_NOT_FOUND;
    for (int k = 0; k < 4; k++)
        if (!parse_mm(&v, &box[k]))
            return FORM_E_SYNTAX;
    while (*v == ' ' || *v == '\t')
        v++;
    return *v == '\0' ? FORM_OK : FORM_E_SYNTAX;
}

/* n rounded to hundredths, trailing zeros dropped: 12.50 → "12.5", 30.00 → "30". */
static void format_mm(double v, char *out, size_t cap)
{
    long long c = (long long)(v * 100 + (v < 0 ? -0.5 : 0.5));
    const char *sign = c < 0 ? "-" : "";
    if (c < 0)
        c = -c;
    long long whole = c / 100, frac = c % 100;
    if (frac == 0)
        snprintf(out, cap, "%s%lld", sign, whole);
    else if (frac % 10 == 0)
        snprintf(out, cap, "%s%lld.%lld", sign, whole, frac / 10);
    else
        snprintf(out, cap, "%s%lld.%02lld", sign, whole, frac);
}

form_err form_source_set_box(form_source *s, size_t i, const double box[4])
{
    if (s == NULL || box == NULL || i >= s->nsecs)
        return FORM_E_ARG;
    char v[4][32], line[140];
    for (int k = 0; k < 4; k++) {
        if (!(box[k] > -10000 && box[k] < 10000))
            return FORM_E_ARG;
        format_mm(box[k], v[k], sizeof v[k]);
    }
    snprintf(line, sizeof line, "%s %s %s %s", v[0], v[1], v[2], v[3]);
    return form_source_set(s, i, "box", line);
}
