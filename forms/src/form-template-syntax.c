/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-template-syntax.c — the syntax of template values: ids, numbers in millimetres or
 * points, lists of numbers, yes/no, a name from a fixed list, a number within its range. Each
 * reports its own problem at the value's column. */
#include "form-template-private.h"

#include <stdio.h>
#include <string.h>

bool form_tpl_is_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

bool form_tpl_valid_id(const char *s, size_t n)
{
    if (n == 0 || n > FORM_MAX_ID)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!form_tpl_is_id_char(s[i]))
            return false;
    return true;
}

/* A decimal number without locale: [-]digits[.digits]. */
bool form_tpl_parse_number(const char *s, size_t n, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    double v = 0, scale = 0;
    size_t digits = 0;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (++digits > 9)
                return false;
            if (scale > 0) {
                v += (s[i] - '0') * scale;
                scale /= 10;
            } else {
                v = v * 10 + (s[i] - '0');
            }
        } else if (s[i] == '.' && scale == 0 && digits > 0) {
            scale = 0.1;
        } else {
            return false;
        }
    }
    if (digits == 0)
        return false;
    *out = neg ? -v : v;
    return true;
}

/* Exactly want numbers, a list as form_list_next reads it. */
bool form_tpl_parse_numbers(parser *ps, const char *v, size_t n, double *out, size_t want,
                            const char *what)
{
    size_t got = 0, i = 0, s, len;
    while (form_list_next(v, n, &i, &s, &len)) {
        if (got == want || !form_tpl_parse_number(v + s, len, &out[got])) {
            ERR(ps, v + s, FORM_E_SYNTAX,
                "%s needs %zu numbers in millimetres (for example \"%s\")",
                "%s には数値を %zu 個書いてください（単位 mm、例「%s」）", what, want,
                want == 4   ? "20 30 80 10"
                : want == 2 ? "20 30"
                            : "10");
            return false;
        }
        got++;
    }
    if (got != want) {
        ERR(ps, v, FORM_E_SYNTAX, "%s needs %zu numbers in millimetres (for example \"%s\")",
            "%s には数値を %zu 個書いてください（単位 mm、例「%s」）", what, want,
            want == 4   ? "20 30 80 10"
            : want == 2 ? "20 30"
                        : "10");
        return false;
    }
    return true;
}

bool form_tpl_parse_bool(parser *ps, const char *v, size_t n, bool *out)
{
    if ((n == 3 && memcmp(v, "yes", 3) == 0) || (n == 4 && memcmp(v, "true", 4) == 0)) {
        *out = true;
        return true;
    }
    if ((n == 2 && memcmp(v, "no", 2) == 0) || (n == 5 && memcmp(v, "false", 5) == 0)) {
        *out = false;
        return true;
    }
    ERR(ps, v, FORM_E_SYNTAX, "write yes or no here", "ここには yes か no を書いてください");
    return false;
}

int form_tpl_parse_enum(parser *ps, const char *v, size_t n, const char *const *names, size_t count,
                        const char *what)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], v, n) == 0)
            return (int)i;
    char list[160] = "";
    size_t off = 0;
    for (size_t i = 0; i < count && off < sizeof list; i++)
        off += (size_t)snprintf(list + off, sizeof list - off, "%s%s", i ? ", " : "", names[i]);
    ERR(ps, v, FORM_E_SYNTAX, "unknown %s \"%.*s\": use one of %s",
        "%s「%.*s」は使えません。次のどれかにしてください: %s", what, (int)n, v, list);
    return -1;
}

bool form_tpl_check_range(parser *ps, const char *v, double x, double lo, double hi,
                          const char *what)
{
    if (x < lo || x > hi) {
        ERR(ps, v, FORM_E_SYNTAX, "%s must be between %g and %g",
            "%s は %g から %g の間にしてください", what, lo, hi);
        return false;
    }
    return true;
}
