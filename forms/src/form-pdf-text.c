/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-text.c — drawing fitted text: horizontal lines as TJ runs per font, the block of
 * lines or columns placed by the alignment, and one character per box (マス目). */
#include "form-pdf-private.h"

#include <math.h>
#include <string.h>

/* Horizontal line: glyphs of units [s, e) from (x, y) (baseline, pt) in a TJ per font run. */
form_err form_pdf_emit_h_line(form_pdf *pdf, const line *l, double x, double y, double pt,
                              double scale, double sp, int *cur_font)
{
    obuf *o = &pdf->ob;
    form_ob_str(o, "1 0 0 1 ");
    form_ob_num(o, x);
    form_ob_num(o, y);
    form_ob_str(o, "Tm\n");
    bool open = false;
    for (uint32_t u = l->s; u < l->e; u++) {
        const unit *un = &pdf->units[u];
        for (uint32_t k = 0; k < un->ng; k++) {
            const glyph *g = &pdf->glyphs[un->g0 + k];
            doc_font *df = &pdf->fonts[g->font];
            if (*cur_font != g->font) {
                if (open)
                    form_ob_str(o, "]TJ\n");
                open = false;
                form_pdf_use_font(pdf, g->font);
                form_ob_str(o, "/");
                form_ob_str(o, df->res);
                form_ob_str(o, " ");
                form_ob_num(o, pt);
                form_ob_str(o, "Tf\n");
                *cur_font = g->font;
            }
            if (!open)
                form_ob_str(o, "[");
            open = true;
            uint32_t cid = form_pdf_cid(df, g->gid, un, k == 0);
            if (cid == 0)
                return FORM_E_NOMEM;
            form_ob_str(o, "<");
            form_ob_hex16(o, cid);
            form_ob_str(o, ">");
            double adj = (double)(g->nominal - g->adv) * 1000.0 / df->font->upem;
            if (k + 1 == un->ng && u + 1 < l->e && sp > 0)
                adj -= sp * 1000.0 / (pt * scale);
            if (fabs(adj) >= 0.001)
                form_ob_num(o, adj);
        }
    }
    if (open)
        form_ob_str(o, "]TJ\n");
    return FORM_OK;
}

static form_err draw_lines(form_pdf *pdf, form_box b, const form_text_style *st,
                           const form_pdf_fit *fit)
{
    double pt = fit->pt, scale = fit->scale, sp = mm(st->spacing);
    double lead = st->leading > 0 ? st->leading : 1.25;
    size_t n = pdf->nlines;
    if (n == 0 || pdf->nglyphs == 0)
        return FORM_OK;
    const form_font *f0 = pdf->chain[st->face][0];
    double bx = mm(b.x), by_top = page_y(pdf, b.y), bw = mm(b.w), bh = mm(b.h);
    double block = pt * (1 + (double)(n - 1) * lead);
    obuf *o = &pdf->ob;
    form_ob_str(o, "q 0 g BT\n");
    form_err e = FORM_OK;
    if (!st->vertical) {
        if (scale < 0.9995) {
            form_ob_num(o, scale * 100);
            form_ob_str(o, "Tz\n");
        }
        double top = by_top;
        if (st->valign == FORM_VALIGN_MIDDLE)
            top = by_top - (bh - block) / 2;
        else if (st->valign == FORM_VALIGN_BOTTOM)
            top = by_top - (bh - block);
        int cur = -1;
        for (size_t i = 0; i < n && e == FORM_OK; i++) {
            const line *l = &pdf->lines[i];
            double w = form_pdf_line_w(pdf, l, pt, scale, sp);
            double x = bx;
            if (st->halign == FORM_HALIGN_CENTER)
                x = bx + (bw - w) / 2;
            else if (st->halign == FORM_HALIGN_RIGHT)
                x = bx + bw - w;
            double base = top - (double)i * lead * pt - pt * asc_frac(f0);
            e = form_pdf_emit_h_line(pdf, l, x, base, pt, scale, sp, &cur);
        }
    } else {
        double left = bx; /* the block of columns, placed by halign */
        if (st->halign == FORM_HALIGN_CENTER)
            left = bx + (bw - block) / 2;
        else if (st->halign == FORM_HALIGN_RIGHT)
            left = bx + bw - block;
        for (size_t i = 0; i < n && e == FORM_OK; i++) {
            const line *l = &pdf->lines[i];
            double len = form_pdf_line_w(pdf, l, pt, scale, sp);
            double cx = left + block - pt / 2 - (double)i * lead * pt; /* right to left */
            double top = by_top;
            if (st->valign == FORM_VALIGN_MIDDLE)
                top = by_top - (bh - len) / 2;
            else if (st->valign == FORM_VALIGN_BOTTOM)
                top = by_top - (bh - len);
            e = form_pdf_emit_v_line(pdf, l, cx, top, pt, scale, sp);
        }
    }
    form_ob_str(o, "ET Q\n");
    if (e != FORM_OK) {
        explicit_bzero(o->p, o->len);
        o->len = 0;
        return e;
    }
    return form_pdf_flush(pdf);
}

static HARU_BODY form_err text_body(form_pdf *pdf, const char *utf8, form_box b,
                                    const form_text_style *st, form_pdf_fit *fit, uint32_t *bad_cp)
{
    form_pdf_fit f = {0};
    form_err e = form_pdf_layout(pdf, utf8, b, st, &f, bad_cp);
    if (fit != NULL)
        *fit = f;
    if (e != FORM_OK)
        return e;
    return draw_lines(pdf, b, st, &f);
}

form_err form_pdf_text(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                       form_pdf_fit *fit, uint32_t *bad_cp)
{
    if (pdf == NULL || utf8 == NULL || !box_ok(b) || !form_pdf_style_ok(st))
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return text_body(pdf, utf8, b, st, fit, bad_cp);
}

static HARU_BODY form_err boxes_body(form_pdf *pdf, const char *utf8, form_box b, int count,
                                     double pitch, bool right, bool outline,
                                     const form_text_style *st)
{
    form_text_style hs = *st;
    hs.vertical = false;
    form_err e = form_pdf_prepare(pdf, utf8, &hs, NULL);
    if (e != FORM_OK)
        return e;
    size_t n = pdf->nunits;
    for (size_t i = 0; i < n; i++)
        if (pdf->units[i].newline)
            return FORM_E_ARG;
    if (n > (size_t)count)
        return FORM_E_OVERFLOW;
    obuf *o = &pdf->ob;
    if (outline) {
        form_ob_str(o, "q 0 G 0.5 w\n");
        for (int i = 0; i < count; i++) {
            form_ob_num(o, mm(b.x + i * pitch));
            form_ob_num(o, page_y(pdf, b.y + b.h));
            form_ob_num(o, mm(pitch));
            form_ob_num(o, mm(b.h));
            form_ob_str(o, "re\n");
        }
        form_ob_str(o, "S Q\n");
    }
    const form_font *f0 = pdf->chain[hs.face][0];
    form_ob_str(o, "q 0 g BT\n");
    int cur = -1;
    size_t first = right ? (size_t)count - n : 0;
    for (size_t i = 0; i < n && e == FORM_OK; i++) {
        const unit *un = &pdf->units[i];
        if (un->ng == 0 || un->space)
            continue;
        double cell = mm(pitch), cx = mm(b.x + (double)(first + i) * pitch) + cell / 2;
        double cy = page_y(pdf, b.y + b.h / 2);
        double pt = fmin(hs.pt, mm(b.h) * 0.9);
        if (un->adv > 0)
            pt = fmin(pt, cell * 0.9 / un->adv);
        line l = {(uint32_t)i, (uint32_t)i + 1};
        double x = cx - un->adv * pt / 2;
        double base = cy - pt * (asc_frac(f0) - 0.5);
        cur = -1; /* each box may have its own size: set Tf again */
        e = form_pdf_emit_h_line(pdf, &l, x, base, pt, 1, 0, &cur);
    }
    form_ob_str(o, "ET Q\n");
    if (e != FORM_OK) {
        explicit_bzero(o->p, o->len);
        o->len = 0;
        return e;
    }
    return form_pdf_flush(pdf);
}

form_err form_pdf_boxes(form_pdf *pdf, const char *utf8, form_box b, int count, double pitch,
                        bool right, bool outline, const form_text_style *st)
{
    if (pdf == NULL || utf8 == NULL || !box_ok(b) || !form_pdf_style_ok(st) || count < 1 ||
        count > 1000 || !isfinite(pitch) || pitch <= 0 || pitch > 1000)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return boxes_body(pdf, utf8, b, count, pitch, right, outline, st);
}
