/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-shape.c — text → units (a character with its variation selector and combining
 * marks) → a font of the face's fallback chain for each → glyphs shaped with HarfBuzz, runs of
 * one font at a time. HarfBuzz's buffer is wiped after every run (form_pdf_hb_wipe). */
#include "form-pdf-private.h"

#include <string.h>

static bool is_mark(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x3099 || cp == 0x309A || cp == 0x200D;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* Map the units' characters to fonts of the chain. FORM_E_GLYPH with *bad for the first
 * character (or selector) no font draws. */
static form_err pick_fonts(form_pdf *pdf, int face, uint32_t *bad)
{
    const form_font **chain = pdf->chain[face];
    size_t nc = pdf->chain_len[face];
    for (size_t u = 0; u < pdf->nunits; u++) {
        unit *un = &pdf->units[u];
        if (un->newline)
            continue;
        bool found = false;
        for (size_t k = 0; k < nc && !found; k++) {
            const form_font *f = chain[k];
            bool all = true;
            for (uint8_t i = 0; i < un->ncp && all; i++) {
                uint32_t cp = un->cp[i];
                if (form_font_is_vs(cp))
                    continue; /* checked with its base */
                uint32_t vs =
                    (i + 1 < un->ncp && form_font_is_vs(un->cp[i + 1])) ? un->cp[i + 1] : 0;
                if (cp == '\t')
                    cp = ' ';
                all = form_font_glyph(f, cp, vs) != 0;
            }
            if (all) {
                un->font = (uint8_t)f->id;
                found = true;
            }
        }
        if (!found) {
            /* name the selector when some font has the base character */
            uint32_t b = un->cp[0];
            for (uint8_t i = 0; i < un->ncp; i++) {
                uint32_t cp = un->cp[i];
                if (form_font_is_vs(cp))
                    continue;
                uint32_t vs =
                    (i + 1 < un->ncp && form_font_is_vs(un->cp[i + 1])) ? un->cp[i + 1] : 0;
                bool base = false, both = false;
                for (size_t k = 0; k < nc; k++) {
                    base = base || form_font_glyph(chain[k], cp, 0) != 0;
                    both = both || form_font_glyph(chain[k], cp, vs) != 0;
                }
                if (!base) {
                    b = cp;
                    break;
                }
                if (!both) {
                    b = vs;
                    break;
                }
            }
            if (bad != NULL)
                *bad = b;
            return FORM_E_GLYPH;
        }
    }
    return FORM_OK;
}

static form_err decode_units(form_pdf *pdf, const char *utf8)
{
    size_t n = strlen(utf8);
    if (n > FORM_PDF_TEXT_MAX)
        return FORM_E_ARG;
    if (!form_mem_reserve((void **)&pdf->units, (n + 1) * sizeof(unit)))
        return FORM_E_NOMEM;
    pdf->nunits = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        if (!form_utf8_next(utf8, n, &i, &cp))
            return FORM_E_ARG;
        if (cp == '\r')
            continue;
        unit *prev = pdf->nunits > 0 ? &pdf->units[pdf->nunits - 1] : NULL;
        if ((form_font_is_vs(cp) || is_mark(cp)) && prev != NULL && !prev->newline &&
            prev->ncp < UNIT_CP_MAX) {
            prev->cp[prev->ncp++] = cp;
            continue;
        }
        unit *un = &pdf->units[pdf->nunits++];
        memset(un, 0, sizeof *un);
        un->cp[0] = cp;
        un->ncp = 1;
        un->newline = cp == '\n';
        un->space = is_space(cp);
    }
    return FORM_OK;
}

/* Wipe what HarfBuzz's buffer holds of the text (after shaping: glyph ids and positions,
 * which spell it out as well as the characters do) and empty it. Called on every path that
 * leaves shape_units and before the buffer is destroyed. Shaping works in two arrays and can
 * shorten the text (composition, ligatures), leaving code points past the buffer's end: the
 * buffer is first lengthened to high (how far any run may have reached), which zeroes
 * [end, high), then [0, high) is wiped. */
void form_pdf_hb_wipe(hb_buffer_t *hb, unsigned high)
{
    if (high > HB_BUFFER_ROOM)
        high = HB_BUFFER_ROOM;
    if (high > hb_buffer_get_length(hb))
        hb_buffer_set_length(hb, high); /* within the room: never reallocates */
    unsigned n = 0;
    hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(hb, &n);
    if (gi != NULL)
        explicit_bzero(gi, n * sizeof *gi);
    hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(hb, &n);
    if (gp != NULL)
        explicit_bzero(gp, n * sizeof *gp);
    hb_buffer_clear_contents(hb);
}

/* 0: upright (vertical) or horizontal; 1: sideways Latin; 2: 縦中横 pair. */
static int run_kind(const unit *u)
{
    return u->sideways ? 1 : u->tcy ? 2 : 0;
}

/* Shape runs of one font; fills pdf->glyphs and each unit's glyph range and advance. */
static form_err shape_units(form_pdf *pdf, bool vertical)
{
    pdf->nglyphs = 0;
    size_t u = 0;
    while (u < pdf->nunits) {
        if (pdf->units[u].newline) {
            pdf->units[u].g0 = (uint32_t)pdf->nglyphs;
            pdf->units[u].ng = 0;
            pdf->units[u].adv = 0;
            u++;
            continue;
        }
        size_t e = u;
        uint8_t fid = pdf->units[u].font;
        int kind = run_kind(&pdf->units[u]);
        while (e < pdf->nunits && !pdf->units[e].newline && pdf->units[e].font == fid &&
               run_kind(&pdf->units[e]) == kind)
            e++;
        bool ttb = vertical && kind == 0;
        const form_font *f = form_font_get(pdf->fonts_dir, (form_font_id)fid);
        hb_buffer_t *hb = pdf->hb;
        hb_buffer_reset(hb);
        hb_buffer_set_cluster_level(hb, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
        for (size_t k = u; k < e; k++) {
            pdf->units[k].g0 = 0;
            pdf->units[k].ng = 0;
            pdf->units[k].adv = 0;
            pdf->units[k].joined = false;
            for (uint8_t i = 0; i < pdf->units[k].ncp; i++) {
                uint32_t cp = pdf->units[k].cp[i];
                hb_buffer_add(hb, cp == '\t' ? ' ' : cp, (unsigned)k);
            }
        }
        /* shaping may decompose: allow twice the characters (and a little) for form_pdf_hb_wipe */
        unsigned reach = 2 * hb_buffer_get_length(hb) + 8;
        if (reach > pdf->hb_high)
            pdf->hb_high = reach;
        hb_buffer_set_content_type(hb, HB_BUFFER_CONTENT_TYPE_UNICODE);
        hb_buffer_guess_segment_properties(hb);
        hb_buffer_set_direction(hb, ttb ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
        hb_buffer_set_language(hb, hb_language_from_string("ja", 2));
        hb_shape(f->font, hb, NULL, 0);
        unsigned gn = 0;
        hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(hb, &gn);
        hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(hb, NULL);
        if (!form_mem_reserve((void **)&pdf->glyphs, (pdf->nglyphs + gn + 1) * sizeof(glyph))) {
            form_pdf_hb_wipe(hb, pdf->hb_high);
            return FORM_E_NOMEM;
        }
        for (unsigned j = 0; j < gn; j++) {
            uint32_t k = gi[j].cluster;
            if (k < u || k >= e)
                k = (uint32_t)u;
            if (gi[j].codepoint == 0) {
                form_pdf_hb_wipe(hb, pdf->hb_high);
                return FORM_E_GLYPH; /* cannot happen after pick_fonts; never draw tofu */
            }
            glyph *g = &pdf->glyphs[pdf->nglyphs];
            g->gid = gi[j].codepoint;
            g->font = fid;
            g->adv = ttb ? -gp[j].y_advance : gp[j].x_advance;
            g->xoff = gp[j].x_offset;
            g->yoff = gp[j].y_offset;
            g->nominal = hb_font_get_glyph_h_advance(f->font, g->gid);
            g->unit = k;
            unit *un = &pdf->units[k];
            if (un->ng == 0)
                un->g0 = (uint32_t)pdf->nglyphs;
            un->ng++;
            un->adv += (double)g->adv / f->upem;
            pdf->nglyphs++;
        }
        form_pdf_hb_wipe(hb, pdf->hb_high); /* HarfBuzz's copy of the text */
        for (size_t k = u; k < e; k++)
            if (pdf->units[k].ng == 0) {
                pdf->units[k].joined = k > u; /* merged into the previous cluster */
                pdf->units[k].g0 = (uint32_t)pdf->nglyphs;
            }
        for (size_t k = u; kind == 2 && k + 1 < e; k += 2) {
            /* 縦中横: the pair fills one full-width cell along the column */
            unit *a = &pdf->units[k], *b = &pdf->units[k + 1];
            a->tcy_w = a->adv + b->adv;
            a->adv = 1.0;
            b->adv = 0;
            b->joined = true;
        }
        u = e;
    }
    return FORM_OK;
}

/* Decode, pick fonts, shape: the units and glyphs of utf8 in pdf's scratch. */
form_err form_pdf_prepare(form_pdf *pdf, const char *utf8, const form_text_style *st,
                          uint32_t *bad_cp)
{
    form_err e = decode_units(pdf, utf8);
    if (e != FORM_OK)
        return e;
    e = pick_fonts(pdf, st->face, bad_cp);
    if (e != FORM_OK)
        return e;
    form_pdf_mark_sideways(pdf, st->vertical);
    return shape_units(pdf, st->vertical);
}

bool form_pdf_can_draw(form_pdf *pdf, const char *utf8, uint32_t *bad_cp)
{
    if (pdf == NULL || utf8 == NULL)
        return false;
    if (decode_units(pdf, utf8) != FORM_OK) {
        if (bad_cp != NULL)
            *bad_cp = 0xFFFD;
        return false;
    }
    uint32_t b0 = 0, b1 = 0;
    if (pick_fonts(pdf, FORM_FONT_MINCHO, &b0) == FORM_OK)
        return true;
    if (pick_fonts(pdf, FORM_FONT_GOTHIC, &b1) == FORM_OK)
        return true;
    if (bad_cp != NULL)
        *bad_cp = b0;
    return false;
}
