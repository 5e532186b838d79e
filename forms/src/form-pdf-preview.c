/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-preview.c — preview aids: the millimetre grid and field outlines with their names. */
#include "form-pdf-private.h"

#include <math.h>
#include <stdio.h>

/* ---- preview aids ------------------------------------------------------------------------- */

/* A small label (no fitting) at (x, y) mm top-left, in the current fill colour. */
static form_err label_at(form_pdf *pdf, const char *text, double x, double y, double pt,
                         double max_w_mm)
{
    form_text_style st = {.face = FORM_FONT_GOTHIC, .pt = pt, .max_lines = 1};
    form_err e = form_pdf_prepare(pdf, text, &st, NULL);
    if (e != FORM_OK || pdf->nunits == 0)
        return e;
    pdf->nlines = form_pdf_wrap(pdf, INFINITY, pt, 1, 0, true);
    if (pdf->nlines != 1)
        return FORM_OK;
    double w = form_pdf_line_w(pdf, &pdf->lines[0], pt, 1, 0);
    double scale = 1;
    if (max_w_mm > 0 && w > mm(max_w_mm))
        scale = fmax(0.3, mm(max_w_mm) / w);
    obuf *o = &pdf->ob;
    form_ob_str(o, "BT ");
    if (scale < 1) {
        form_ob_num(o, scale * 100);
        form_ob_str(o, "Tz ");
    }
    int cur = -1;
    const form_font *f0 = pdf->chain[FORM_FONT_GOTHIC][0];
    e = form_pdf_emit_h_line(pdf, &pdf->lines[0], mm(x), page_y(pdf, y) - pt * asc_frac(f0), pt,
                             scale, 0, &cur);
    form_ob_str(o, "ET\n");
    return e;
}

static HARU_BODY form_err grid_body(form_pdf *pdf)
{
    double w_mm = HPDF_Page_GetWidth(pdf->page) / MM_PT, h_mm = pdf->page_h_pt / MM_PT;
    obuf *o = &pdf->ob;
    for (int pass = 0; pass < 3; pass++) {
        static const char *const style[3] = {"q 0.85 0.9 1 RG 0.15 w\n", "q 0.6 0.75 1 RG 0.3 w\n",
                                             "q 0.3 0.5 1 RG 0.5 w\n"};
        form_ob_str(o, style[pass]);
        for (int i = 0; i <= (int)w_mm; i++) {
            int level = i % 10 == 0 ? 2 : i % 5 == 0 ? 1 : 0;
            if (level != pass)
                continue;
            form_ob_num(o, mm(i));
            form_ob_str(o, "0 m ");
            form_ob_num(o, mm(i));
            form_ob_num(o, pdf->page_h_pt);
            form_ob_str(o, "l\n");
        }
        for (int j = 0; j <= (int)h_mm; j++) {
            int level = j % 10 == 0 ? 2 : j % 5 == 0 ? 1 : 0;
            if (level != pass)
                continue;
            form_ob_str(o, "0 ");
            form_ob_num(o, page_y(pdf, j));
            form_ob_str(o, "m ");
            form_ob_num(o, mm(w_mm));
            form_ob_num(o, page_y(pdf, j));
            form_ob_str(o, "l\n");
        }
        form_ob_str(o, "S Q\n");
    }
    form_ob_str(o, "q 0.2 0.4 0.9 rg\n");
    char t[16];
    form_err e = FORM_OK;
    for (int i = 10; i < (int)w_mm && e == FORM_OK; i += 10) {
        snprintf(t, sizeof t, "%d", i);
        e = label_at(pdf, t, i + 0.5, 0.5, 5, 0);
    }
    for (int j = 10; j < (int)h_mm && e == FORM_OK; j += 10) {
        snprintf(t, sizeof t, "%d", j);
        e = label_at(pdf, t, 0.5, j + 0.5, 5, 0);
    }
    form_ob_str(o, "Q\n");
    if (e != FORM_OK) {
        o->len = 0;
        return e;
    }
    return form_pdf_flush(pdf);
}

form_err form_pdf_grid(form_pdf *pdf)
{
    if (pdf == NULL)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return grid_body(pdf);
}

static HARU_BODY form_err outline_body(form_pdf *pdf, form_box b, const char *label)
{
    obuf *o = &pdf->ob;
    form_ob_str(o, "q 0.9 0.2 0.1 RG 0.5 w [2 1] 0 d\n");
    form_ob_num(o, mm(b.x));
    form_ob_num(o, page_y(pdf, b.y + b.h));
    form_ob_num(o, mm(b.w));
    form_ob_num(o, mm(b.h));
    form_ob_str(o, "re S Q\n");
    if (label != NULL && label[0] != '\0') {
        size_t keep = o->len;
        form_ob_str(o, "q 0.9 0.2 0.1 rg\n");
        /* a label no font draws is left out: the outline is what matters in a preview */
        if (label_at(pdf, label, b.x + 0.3, b.y + 0.3, 4.5, b.w - 0.6) != FORM_OK)
            o->len = keep;
        else
            form_ob_str(o, "Q\n");
    }
    return form_pdf_flush(pdf);
}

form_err form_pdf_outline(form_pdf *pdf, form_box b, const char *label)
{
    if (pdf == NULL || !box_ok(b))
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return outline_body(pdf, b, label);
}
