/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-pdf.h — the typesetting engine under form_render() (internal to forms/).
 *
 * A page description in millimetres from the top-left corner (as a clerk measures on
 * paper), drawn into a PDF written by libharu. Text is shaped with HarfBuzz and drawn with
 * small per-document font subsets so that every character prints exactly: non-BMP kanji
 * (𠮷), variation sequences (葛󠄀), 髙/﨑, long Latin names. The engine never drops or cuts
 * a character: it reports FORM_E_GLYPH / FORM_E_OVERFLOW instead.
 *
 * form-render.c (template → these calls) is the only user.
 */
#ifndef FORM_PDF_H
#define FORM_PDF_H

#include "form.h"

typedef struct form_pdf form_pdf;

/* Hard limit: bytes of UTF-8 text per form_pdf_text / form_pdf_measure / form_pdf_boxes call
 * (FORM_E_ARG beyond). */
#define FORM_PDF_TEXT_MAX 8192
/* Hard limit: bytes in one QR code (version 40, level M, 8-bit mode holds 2331). */
#define FORM_PDF_QR_MAX 2331

typedef enum form_font_face {
    FORM_FONT_MINCHO = 0, /* IPAmj Mincho (covers MJ characters and IVS), IPAex Mincho fallback */
    FORM_FONT_GOTHIC,     /* IPAex Gothic */
} form_font_face;

typedef enum form_halign { FORM_HALIGN_LEFT = 0, FORM_HALIGN_CENTER, FORM_HALIGN_RIGHT } form_halign;
typedef enum form_valign { FORM_VALIGN_TOP = 0, FORM_VALIGN_MIDDLE, FORM_VALIGN_BOTTOM } form_valign;

typedef struct form_box {
    double x, y, w, h; /* mm, from the page's top-left corner */
} form_box;

/* How text goes into a box. Fitting order (what clerks accept): the nominal size; shrink
 * down to min_pt; condense horizontally down to min_scale; wrap onto up to max_lines lines
 * with Japanese line-break rules (kinsoku: no 。、）」 at a line start, no （「 at a line end);
 * only then FORM_E_OVERFLOW. */
typedef struct form_text_style {
    form_font_face face;
    double pt;        /* nominal size, points */
    double min_pt;    /* smallest acceptable size (0 = pt) */
    double min_scale; /* smallest horizontal scaling, 0.5..1 (0 = 1: no condensing) */
    int max_lines;    /* >= 1 */
    double spacing;   /* extra space between characters, mm */
    double leading;   /* line height as a multiple of the size (0 = 1.25) */
    form_halign halign;
    form_valign valign;
    bool vertical;    /* 縦書き: top to bottom, columns right to left, vert glyphs; runs of
                       * 3+ Latin letters/digits sideways, 2 digits side by side (縦中横), 1
                       * upright. Then halign places the block of columns and valign the
                       * text along each column. */
} form_text_style;

typedef struct form_pdf_fit {
    double pt;    /* the size used */
    double scale; /* the horizontal scaling used */
    int lines;    /* the lines used */
} form_pdf_fit;

/* fonts_dir: where to find the font files (NULL: Debian's /usr/share/fonts paths). */
form_err form_pdf_new(const char *fonts_dir, form_pdf **out);
void form_pdf_free(form_pdf *pdf);

/* Start a new page of w × h mm (A4 portrait: 210 × 297). */
form_err form_pdf_page(form_pdf *pdf, double w_mm, double h_mm);

/* Vector drawing: width in mm; dash 0 = solid. */
form_err form_pdf_line(form_pdf *pdf, double x1, double y1, double x2, double y2, double width,
                       double dash);
form_err form_pdf_rect(form_pdf *pdf, form_box b, double width, double fill_gray /* <0: none */);
form_err form_pdf_ellipse(form_pdf *pdf, form_box b, double width);
/* A JPEG or PNG (no tRNS) file placed into b. */
form_err form_pdf_image(form_pdf *pdf, const char *path, form_box b);

/* A PDF page read at template load (form-bg.h), as a Form XObject placed into b: embedded once
 * per document however often it is drawn. FORM_E_ARG beyond 16 distinct backgrounds. */
struct form_bg;
form_err form_pdf_background(form_pdf *pdf, const struct form_bg *bg, form_box b);

/* Check text fits without drawing (same algorithm as form_pdf_text). */
form_err form_pdf_measure(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                          form_pdf_fit *fit);
/* Draw text fitted into b. FORM_E_OVERFLOW / FORM_E_GLYPH draw nothing; *bad_cp (may be
 * NULL) receives the first code point no font can draw. */
form_err form_pdf_text(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                       form_pdf_fit *fit, uint32_t *bad_cp);
/* One character per box (マス目): count boxes of pitch mm from b.x; right-aligned digits when
 * right is true. Draws the box outlines too when outline is true. */
form_err form_pdf_boxes(form_pdf *pdf, const char *utf8, form_box b, int count, double pitch,
                        bool right, bool outline, const form_text_style *st);
/* A check mark (✓) drawn as vector lines in b. */
form_err form_pdf_check(form_pdf *pdf, form_box b);
/* A QR code (libqrencode) of data, error correction M, drawn as vector squares in b. */
form_err form_pdf_qr(form_pdf *pdf, const uint8_t *data, size_t len, form_box b);
/* Preview aid: a millimetre grid (every 1 mm faint, 10 mm labelled) over the whole page. */
form_err form_pdf_grid(form_pdf *pdf);
/* Preview aid: a field outline with its name. */
form_err form_pdf_outline(form_pdf *pdf, form_box b, const char *label);

/* Finish and hand over the PDF bytes: a buffer in locked memory (form-secure.h)
 * the caller releases with form_secure_free(buf, len). */
form_err form_pdf_finish(form_pdf *pdf, uint8_t **buf, size_t *len);

/* Whether every character of utf8 can be drawn by some shipped font; else the first that
 * cannot. */
bool form_pdf_can_draw(form_pdf *pdf, const char *utf8, uint32_t *bad_cp);

#endif /* FORM_PDF_H */
