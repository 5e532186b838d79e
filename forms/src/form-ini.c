/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-ini.c — the one line reader of templates and catalog.conf (see form-ini.h). */
#include "form-ini.h"

#include <string.h>

#include "form-private.h"

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

void form_ini_init(form_ini *r, const char *text, size_t len)
{
    r->text = text;
    r->len = len;
    r->pos = 0;
    r->lineno = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3; /* a BOM some editors add */
}

/* The kind of a line whose bytes are fine. */
static void classify(form_ini_line *l)
{
    const char *p = l->p;
    size_t n = l->n, i = l->start;
    if (i == n || p[i] == '#' || p[i] == ';') {
        l->kind = FORM_INI_BLANK;
        return;
    }
    if (p[i] == '[') {
        size_t j = i + 1;
        while (j < n && p[j] != ']')
            j++;
        if (j == n) {
            l->kind = FORM_INI_UNCLOSED;
            l->at = i;
            return;
        }
        size_t after = j + 1;
        while (after < n && is_blank(p[after]))
            after++;
        l->kind = FORM_INI_SECTION;
        l->name = i + 1;
        l->name_len = j - i - 1;
        l->after = after;
        return;
    }
    size_t ks = i;
    while (i < n && p[i] != '=' && !is_blank(p[i]))
        i++;
    size_t ke = i;
    while (i < n && is_blank(p[i]))
        i++;
    if (i == n || p[i] != '=') {
        l->kind = FORM_INI_NO_EQUALS;
        l->at = i < n ? i : ks;
        /* a full-width equals sign is a common slip when typing Japanese */
        l->fullwidth_equals = n - i >= 3 && memcmp(p + i, "\xEF\xBC\x9D", 3) == 0;
        return;
    }
    l->at = i; /* the = (where an empty key is missing) */
    i++;
    while (i < n && is_blank(p[i]))
        i++;
    size_t ve = n;
    while (ve > i && is_blank(p[ve - 1]))
        ve--;
    l->kind = FORM_INI_PAIR;
    l->key = ks;
    l->key_len = ke - ks;
    l->value = i;
    l->value_len = ve - i;
}

bool form_ini_next(form_ini *r, form_ini_line *l)
{
    if (r->pos >= r->len)
        return false;
    memset(l, 0, sizeof *l);
    l->lineno = ++r->lineno;
    size_t e = r->pos;
    while (e < r->len && r->text[e] != '\n')
        e++;
    l->p = r->text + r->pos;
    l->n = e - r->pos;
    if (l->n > 0 && l->p[l->n - 1] == '\r')
        l->n--;
    r->pos = e + 1;
    size_t i = 0;
    while (i < l->n && is_blank(l->p[i]))
        i++;
    l->start = i;
    const char *nul;
    if (l->n > FORM_MAX_LINE_BYTES) {
        l->kind = FORM_INI_TOO_LONG;
    } else if ((nul = memchr(l->p, '\0', l->n)) != NULL) {
        l->kind = FORM_INI_NUL;
        l->at = (size_t)(nul - l->p);
    } else if (!form_utf8_valid(l->p, l->n)) {
        size_t bad = 0;
        uint32_t cp;
        while (bad < l->n && form_utf8_next(l->p, l->n, &bad, &cp))
            ;
        l->kind = FORM_INI_NOT_UTF8;
        l->at = bad;
    } else {
        classify(l);
    }
    return true;
}
