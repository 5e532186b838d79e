/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-ops.c — content-stream operators: a growable, wiped buffer of PDF operators that a
 * drawing call fills and then appends to the current page in one write. */
#include "form-pdf-private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void form_ob_put(obuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (!form_mem_reserve((void **)&b->p, b->len + n + 1)) {
        b->failed = true;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void form_ob_str(obuf *b, const char *s)
{
    form_ob_put(b, s, strlen(s));
}

/* A number with up to 3 decimals, locale-independent, followed by a space. */
void form_ob_num(obuf *b, double v)
{
    char t[40];
    if (!isfinite(v))
        v = 0;
    long long m = llround(v * 1000.0);
    bool neg = m < 0;
    unsigned long long a = neg ? (unsigned long long)(-m) : (unsigned long long)m;
    unsigned long long ip = a / 1000, fp = a % 1000;
    int n;
    if (fp == 0) {
        n = snprintf(t, sizeof t, "%s%llu ", neg ? "-" : "", ip);
    } else {
        char f[4];
        snprintf(f, sizeof f, "%03llu", fp);
        int fl = 3;
        while (fl > 0 && f[fl - 1] == '0')
            fl--;
        f[fl] = '\0';
        n = snprintf(t, sizeof t, "%s%llu.%s ", neg ? "-" : "", ip, f);
    }
    if (n > 0)
        form_ob_put(b, t, (size_t)n);
}

void form_ob_hex16(obuf *b, unsigned v)
{
    static const char hex[] = "0123456789ABCDEF";
    char t[4] = {hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15]};
    form_ob_put(b, t, 4);
}

/* Append the operators collected in pdf->ob to the page's content stream. */
form_err form_pdf_flush(form_pdf *pdf)
{
    if (pdf->ob.failed) {
        pdf->ob.failed = false;
        pdf->ob.len = 0;
        return FORM_E_NOMEM;
    }
    if (pdf->ob.len > 0) {
        HPDF_PageAttr attr = (HPDF_PageAttr)pdf->page->attr;
        HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)pdf->ob.p, (HPDF_UINT)pdf->ob.len);
        explicit_bzero(pdf->ob.p, pdf->ob.len);
        pdf->ob.len = 0;
    }
    return FORM_OK;
}
