/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-vertical.c — vertical text (縦書き): which Latin runs go sideways and which digit
 * pairs sit side by side (縦中横), and the drawing of one column glyph by glyph. */
#include "form-pdf-private.h"

/* Vertical text: runs of three or more Latin letters or digits (a romanized name, a
 * postcode) are set sideways, rotated 90° clockwise as a clerk writes them; two digits (a
 * month, a day) sit side by side in one cell (縦中横); a single one stays upright. */
void form_pdf_mark_sideways(form_pdf *pdf, bool vertical)
{
    size_t n = pdf->nunits, i = 0;
    while (i < n) {
        pdf->units[i].sideways = false;
        pdf->units[i].tcy = 0;
        const unit *u = &pdf->units[i];
        if (!vertical || u->newline || u->cp[0] >= 0x2E80 || u->cp[0] == ' ') {
            i++;
            continue;
        }
        size_t e = i, letters = 0;
        while (e < n && !pdf->units[e].newline && pdf->units[e].cp[0] < 0x2E80) {
            letters += pdf->units[e].cp[0] != ' ';
            e++;
        }
        while (e > i && pdf->units[e - 1].cp[0] == ' ')
            e--;
        for (size_t k = i; k < e; k++) {
            pdf->units[k].sideways = letters >= 3;
            pdf->units[k].tcy = 0;
        }
        unit *a = &pdf->units[i];
        if (e == i + 2 && a[0].cp[0] >= '0' && a[0].cp[0] <= '9' && a[1].cp[0] >= '0' &&
            a[1].cp[0] <= '9' && a[0].ncp == 1 && a[1].ncp == 1 && a[0].font == a[1].font) {
            a[0].tcy = 1; /* two digits (a month, a day): 縦中横 */
            a[1].tcy = 2;
        }
        i = e > i ? e : i + 1;
    }
}

/* One glyph of a vertical column, which sets a text matrix per glyph: select its font at
 * size 1 (the matrix scales it) and find its CID (FORM_E_NOMEM when the font's CID table is
 * full). The caller then writes the six matrix numbers and v_glyph_end shows the glyph. */
static form_err v_glyph_begin(form_pdf *pdf, const glyph *g, const unit *un, bool first_of_unit,
                              doc_font **df, uint32_t *cid)
{
    obuf *o = &pdf->ob;
    *df = &pdf->fonts[g->font];
    form_pdf_use_font(pdf, g->font);
    *cid = form_pdf_cid(*df, g->gid, un, first_of_unit);
    if (*cid == 0)
        return FORM_E_NOMEM;
    form_ob_str(o, "/");
    form_ob_str(o, (*df)->res);
    form_ob_str(o, " 1 Tf ");
    return FORM_OK;
}

static void v_glyph_end(obuf *o, uint32_t cid)
{
    form_ob_str(o, "Tm <");
    form_ob_hex16(o, cid);
    form_ob_str(o, ">Tj\n");
}

/* Vertical column: glyphs placed one by one down from (cx, top) with HarfBuzz's TTB
 * positions (vert forms; Latin upright). */
form_err form_pdf_emit_v_line(form_pdf *pdf, const line *l, double cx, double top, double pt,
                              double scale, double sp)
{
    obuf *o = &pdf->ob;
    double pen = top;
    for (uint32_t u = l->s; u < l->e; u++) {
        const unit *un = &pdf->units[u];
        if (un->tcy == 1 && u + 1 < l->e) {
            /* 縦中横: both digits upright side by side, narrowed to the cell if needed */
            double hs = un->tcy_w > 1.0 ? 1.0 / un->tcy_w : 1.0;
            double x = cx - un->tcy_w * hs * pt / 2;
            for (uint32_t v = u; v <= u + 1; v++) {
                const unit *uv = &pdf->units[v];
                for (uint32_t k = 0; k < uv->ng; k++) {
                    const glyph *g = &pdf->glyphs[uv->g0 + k];
                    doc_font *df;
                    uint32_t cid;
                    if (v_glyph_begin(pdf, g, uv, k == 0, &df, &cid) != FORM_OK)
                        return FORM_E_NOMEM;
                    double k1 = pt / df->font->upem;
                    form_ob_num(o, pt * hs);
                    form_ob_str(o, "0 0 ");
                    form_ob_num(o, pt * scale);
                    form_ob_num(o, x);
                    form_ob_num(o, pen - asc_frac(df->font) * pt * scale);
                    v_glyph_end(o, cid);
                    x += g->adv * k1 * hs;
                }
            }
            pen -= pt * scale + 2 * sp; /* as measured: the cell, and spacing per unit */
            u++;
            continue;
        }
        for (uint32_t k = 0; k < un->ng; k++) {
            const glyph *g = &pdf->glyphs[un->g0 + k];
            doc_font *df;
            uint32_t cid;
            if (v_glyph_begin(pdf, g, un, k == 0, &df, &cid) != FORM_OK)
                return FORM_E_NOMEM;
            double k1 = pt / df->font->upem;
            if (un->sideways) { /* rotated: the glyph's baseline runs down the column */
                form_ob_str(o, "0 ");
                form_ob_num(o, -pt * scale);
                form_ob_num(o, pt);
                form_ob_str(o, "0 ");
                form_ob_num(o, cx - pt * (asc_frac(df->font) - 0.5) - g->yoff * k1);
                form_ob_num(o, pen - g->xoff * k1 * scale);
            } else {
                form_ob_num(o, pt);
                form_ob_str(o, "0 0 ");
                form_ob_num(o, pt * scale);
                form_ob_num(o, cx + g->xoff * k1);
                form_ob_num(o, pen + g->yoff * k1 * scale);
            }
            v_glyph_end(o, cid);
            pen -= g->adv * k1 * scale;
        }
        pen -= sp;
    }
    return FORM_OK;
}
