/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-break.c — line breaking with Japanese rules (kinsoku): where a line may break, and
 * the greedy wrap of shaped units into lines of a given length. */
#include "form-pdf-private.h"

#include <math.h>

/* ---- line breaking (kinsoku) --------------------------------------------------------------- */

static bool no_start(uint32_t c)
{
    static const uint32_t set[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0x309D, 0x309E,
        0x30FD, 0x30FE, 0x30FC, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x300B, 0xFF5D,
        0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x30A1,
        0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
        0x3005, 0x2019, 0x201D, 0xFF3D, 0x3017, 0x3019, 0x301F, 0x2026, 0x2025, 0x301C, ',',
        '.',    ')',    ']',    '}',    '!',    '?',    ':',    ';',    '%',
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return true;
    return false;
}

static bool no_end(uint32_t c)
{
    static const uint32_t set[] = {0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008,
                                   0x300A, 0xFF5B, 0x2018, 0x201C, 0xFF3B, 0x3016,
                                   0x3018, 0x301D, '(',    '[',    '{'};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return true;
    return false;
}

/* Characters between which a line may break without a space (CJK and full-width forms). */
static bool is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           (c >= 0x2000 && c <= 0x206F);
}

/* May a line break before unit i? (i > 0) */
static bool may_break(const form_pdf *pdf, size_t i)
{
    const unit *a = &pdf->units[i - 1], *b = &pdf->units[i];
    if (b->joined || b->space)
        return false;
    if (no_start(b->cp[0]) || no_end(a->cp[0]))
        return false;
    if (a->space)
        return true;
    return is_cjk(a->cp[0]) || is_cjk(b->cp[0]);
}

/* Emergency break inside a word: anything but a kinsoku or cluster violation. */
static bool may_force(const form_pdf *pdf, size_t i)
{
    const unit *a = &pdf->units[i - 1], *b = &pdf->units[i];
    return !b->joined && !no_start(b->cp[0]) && !no_end(a->cp[0]);
}

static double unit_w(const unit *u, double pt, double scale)
{
    return u->adv * pt * scale;
}

static void add_line(form_pdf *pdf, size_t s, size_t e, bool store, size_t *count)
{
    while (e > s && pdf->units[e - 1].space)
        e--;
    if (store && form_mem_reserve((void **)&pdf->lines, (*count + 1) * sizeof(line))) {
        pdf->lines[*count].s = (uint32_t)s;
        pdf->lines[*count].e = (uint32_t)e;
    }
    (*count)++;
}

/* Greedy wrap into lines of length len (pt). Returns the number of lines, SIZE_MAX when a
 * single character is wider than the line. store: keep them in pdf->lines. */
size_t form_pdf_wrap(form_pdf *pdf, double len, double pt, double scale, double sp, bool store)
{
    size_t count = 0, n = pdf->nunits, s = 0;
    const double eps = 1e-6;
    while (s < n) {
        double w = 0;
        size_t last_ok = 0; /* a break position after s, 0 = none */
        size_t i = s;
        size_t end = n, next = n;
        for (; i < n; i++) {
            const unit *u = &pdf->units[i];
            if (u->newline) {
                end = i;
                next = i + 1;
                break;
            }
            double wi = unit_w(u, pt, scale) + (i > s ? sp : 0);
            if (i > s && may_break(pdf, i))
                last_ok = i;
            if (w + wi > len + eps && !u->space && i > s) {
                size_t at = last_ok;
                if (at == 0) /* no break point: break the word as late as possible */
                    for (size_t j = i; j > s && at == 0; j--)
                        if (may_force(pdf, j))
                            at = j;
                if (at == 0)
                    at = i;
                end = at;
                next = at;
                break;
            }
            if (w + wi > len + eps && i == s && !u->space)
                return SIZE_MAX;
            w += wi;
        }
        add_line(pdf, s, end, store, &count);
        s = next;
        if (next == n && end == n)
            break;
        /* spaces at the start of a wrapped line are dropped */
        if (end == next)
            while (s < n && pdf->units[s].space)
                s++;
        if (end != next && s == n) { /* text ends with a newline: an empty last line */
            add_line(pdf, s, s, store, &count);
            break;
        }
    }
    if (n == 0)
        add_line(pdf, 0, 0, store, &count);
    return count;
}

double form_pdf_line_w(const form_pdf *pdf, const line *l, double pt, double scale, double sp)
{
    double w = 0;
    for (uint32_t i = l->s; i < l->e; i++)
        w += unit_w(&pdf->units[i], pt, scale) + (i > l->s ? sp : 0);
    return w;
}
