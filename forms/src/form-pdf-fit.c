/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-fit.c — the fitting search: the nominal size, then shrink, condense and wrap, in the
 * order clerks accept (form-pdf.h); form_pdf_measure answers without drawing. */
#include "form-pdf-private.h"

#include <math.h>

/* The fitting search (form-pdf.h): fills *fit and pdf->lines. len: along the lines, stack:
 * across them, both pt. */
static form_err fit_units(form_pdf *pdf, double len, double stack, const form_text_style *st,
                          form_pdf_fit *fit)
{
    double pt = st->pt, min_pt = st->min_pt > 0 ? fmin(st->min_pt, st->pt) : st->pt;
    double min_scale = st->min_scale > 0 ? fmin(st->min_scale, 1.0) : 1.0;
    double lead = st->leading > 0 ? st->leading : 1.25;
    double sp = mm(st->spacing);
    int max_lines = st->max_lines >= 1 ? st->max_lines : 1;
    const double eps = 1e-6;
    bool has_nl = false;
    double total = 0;
    size_t n = pdf->nunits;
    for (size_t i = 0; i < n; i++) {
        has_nl = has_nl || pdf->units[i].newline;
        total += pdf->units[i].adv;
    }
    /* trailing spaces do not count */
    size_t m = n;
    while (m > 0 && pdf->units[m - 1].space) {
        total -= pdf->units[m - 1].adv;
        m--;
    }
    double spaces = m > 1 ? (double)(m - 1) * sp : 0;
    if (!has_nl) {
        double p = pt;
        if (total > 0)
            p = fmin(p, (len - spaces) / total);
        p = fmin(p, stack);
        p = floor(p * 100) / 100;
        if (p >= min_pt - eps && len - spaces >= 0) {
            pdf->nlines = form_pdf_wrap(pdf, INFINITY, p, 1, sp, true);
            *fit = (form_pdf_fit){p, 1, (int)pdf->nlines};
            return FORM_OK;
        }
        if (min_pt <= stack + eps && total > 0 && len - spaces > 0) {
            double sc = floor((len - spaces) / (total * min_pt) * 1000) / 1000;
            if (sc >= min_scale - eps) {
                pdf->nlines = form_pdf_wrap(pdf, INFINITY, min_pt, sc, sp, true);
                *fit = (form_pdf_fit){min_pt, fmin(sc, 1), (int)pdf->nlines};
                return FORM_OK;
            }
        }
    }
    if (max_lines >= 2 || has_nl) {
        double step = 0.25;
        for (double p = pt;; p -= step) {
            if (p < min_pt)
                p = min_pt;
            size_t by_height = (size_t)floor((stack / p - 1) / lead + 1 + eps);
            size_t cap = by_height < (size_t)max_lines ? by_height : (size_t)max_lines;
            if (p <= stack + eps && cap >= 1) {
                size_t k = form_pdf_wrap(pdf, len, p, 1, sp, false);
                if (k <= cap) {
                    pdf->nlines = form_pdf_wrap(pdf, len, p, 1, sp, true);
                    *fit = (form_pdf_fit){p, 1, (int)k};
                    return FORM_OK;
                }
            }
            if (p <= min_pt)
                break;
        }
        size_t by_height = (size_t)floor((stack / min_pt - 1) / lead + 1 + eps);
        size_t cap = by_height < (size_t)max_lines ? by_height : (size_t)max_lines;
        for (double sc = 0.95; cap >= 1 && min_pt <= stack + eps; sc -= 0.05) {
            if (sc < min_scale)
                sc = min_scale;
            size_t k = form_pdf_wrap(pdf, len, min_pt, sc, sp, false);
            if (k <= cap) {
                pdf->nlines = form_pdf_wrap(pdf, len, min_pt, sc, sp, true);
                *fit = (form_pdf_fit){min_pt, sc, (int)k};
                return FORM_OK;
            }
            if (sc <= min_scale + eps)
                break;
        }
    }
    return FORM_E_OVERFLOW;
}

bool form_pdf_style_ok(const form_text_style *st)
{
    return st != NULL && isfinite(st->pt) && st->pt > 0 && st->pt <= 1000 && isfinite(st->min_pt) &&
           st->min_pt >= 0 && isfinite(st->min_scale) && st->min_scale >= 0 && st->min_scale <= 1 &&
           isfinite(st->spacing) && st->spacing >= 0 && isfinite(st->leading) && st->leading >= 0 &&
           st->leading <= 10 && st->max_lines >= 0 && st->max_lines <= 1000 &&
           (st->face == FORM_FONT_MINCHO || st->face == FORM_FONT_GOTHIC) &&
           (unsigned)st->halign <= FORM_HALIGN_RIGHT && (unsigned)st->valign <= FORM_VALIGN_BOTTOM;
}

form_err form_pdf_layout(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                         form_pdf_fit *fit, uint32_t *bad_cp)
{
    form_err e = form_pdf_prepare(pdf, utf8, st, bad_cp);
    if (e != FORM_OK)
        return e;
    double len = st->vertical ? mm(b.h) : mm(b.w);
    double stack = st->vertical ? mm(b.w) : mm(b.h);
    return fit_units(pdf, len, stack, st, fit);
}

form_err form_pdf_measure(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                          form_pdf_fit *fit)
{
    if (pdf == NULL || utf8 == NULL || !box_ok(b) || !form_pdf_style_ok(st))
        return FORM_E_ARG;
    form_pdf_fit f = {0};
    form_err e = form_pdf_layout(pdf, utf8, b, st, &f, NULL);
    if (fit != NULL)
        *fit = f;
    return e;
}
