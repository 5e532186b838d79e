/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-pdf-private.h — what the files of the typesetting engine share (internal to the
 * engine: form-pdf*.c only; everyone else uses form-pdf.h).
 *
 * The handle (struct form_pdf), the per-call scratch (units, glyphs, lines), the memory
 * every buffer of text comes from, the content-stream buffer, and the libharu error guard.
 * The files, in the order a text travels:
 *   form-pdf.c           the document: new, page, finish, free; the libharu error handler
 *   form-pdf-mem.c       locked, always wiped memory (also libharu's allocator)
 *   form-pdf-ops.c       content-stream operators: a wiped buffer appended to the page
 *   form-pdf-shape.c     characters → units → fonts of the fallback chain → HarfBuzz glyphs
 *   form-pdf-vertical.c  縦書き: sideways Latin runs, 縦中横 pairs, drawing a column
 *   form-pdf-break.c     line breaking with kinsoku rules
 *   form-pdf-fit.c       the fitting search (size → condense → wrap), form_pdf_measure
 *   form-pdf-text.c      drawing fitted text and one character per box
 *   form-pdf-embed.c     CIDs per document, font objects, the subsets and ToUnicode at finish
 *   form-pdf-draw.c      lines, rectangles, ellipses, check marks, images
 *   form-pdf-qr.c        QR codes
 *   form-pdf-preview.c   the millimetre grid and field outlines
 *   form-pdf-xobject.c   a PDF background (form-bg.h) as a Form XObject, once per document
 *
 * libharu reports errors by calling the document's handler, which longjmps (see GUARD).
 */
#ifndef FORM_PDF_PRIVATE_H
#define FORM_PDF_PRIVATE_H

#include "form-pdf.h"

#include <math.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hb.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "form-font.h"

#define MM_PT (72.0 / 25.4)
/* Code points in one unit: a character, its variation selector, combining marks. */
#define UNIT_CP_MAX 4
/* CIDs per font in one document (2-byte codes; 0 is .notdef). */
#define CID_MAX 65535
/* Distinct image files one document keeps loaded (more are loaded again on each use). */
#define IMAGES_MAX 16
/* Room HarfBuzz's buffer is given once (see form_pdf_new and form_pdf_hb_wipe). */
#define HB_BUFFER_ROOM (2u * FORM_PDF_TEXT_MAX)
#define PATH_MAX_LEN 4096
/* Distinct PDF backgrounds one document embeds (one per template of a procedure). */
#define BGS_MAX 16

/* ---- memory: locked when possible, always wiped (form-pdf-mem.c) -------------------------- */

/* n zeroed bytes from the secure heap, or ordinary memory when it is full; NULL when out of
 * memory. Release with form_mem_free, which wipes either kind. */
void *form_mem_alloc(size_t n);
/* Wipe and release a block of form_mem_alloc (NULL is fine). */
void form_mem_free(void *q);
/* Grow *p (form_mem_alloc'd, or NULL) to hold at least n bytes, contents kept and the old
 * block wiped; false (and *p untouched) when out of memory. */
bool form_mem_reserve(void **p, size_t n);

/* ---- content-stream operators (form-pdf-ops.c) -------------------------------------------- */

typedef struct obuf {
    char *p; /* form_mem_alloc'd */
    size_t len;
    bool failed; /* out of memory on some put: the operators are incomplete */
} obuf;

void form_ob_put(obuf *b, const char *s, size_t n);
void form_ob_str(obuf *b, const char *s);
/* A number with up to 3 decimals, locale-independent, followed by a space. */
void form_ob_num(obuf *b, double v);
/* Four hex digits (a CID, a UTF-16 unit). */
void form_ob_hex16(obuf *b, unsigned v);

/* ---- the handle and its scratch ---------------------------------------------------------- */

/* One shipped font as used in this document (form-pdf-embed.c). */
typedef struct doc_font {
    const form_font *font;
    HPDF_Dict type0, cidfont, desc; /* created on first use */
    char res[8];                    /* resource name "K1" … */
    uint32_t *cid_gid;              /* CID → original glyph; [0] = .notdef */
    uint32_t *cid_uni;              /* CID → up to UNIT_CP_MAX code points (0-padded) */
    uint32_t ncid;                  /* used CIDs including 0 */
    uint64_t *hash;                 /* open addressing: (gid + 1) << 32 | cid, 0 = empty */
    uint32_t hash_cap;
    unsigned page_serial; /* the page whose resources name this font */
} doc_font;

/* What a line breaks between and a box holds: one character with its selector and marks. */
typedef struct unit {
    uint32_t cp[UNIT_CP_MAX];
    uint8_t ncp;
    uint8_t font; /* form_font_id */
    bool space, newline, joined;
    bool sideways;   /* vertical text: a Latin run set rotated 90° clockwise */
    uint8_t tcy;     /* vertical text: 縦中横, two digits side by side in one cell (1st, 2nd) */
    double tcy_w;    /* the pair's horizontal width, em (on the first) */
    uint32_t g0, ng; /* glyph range */
    double adv;      /* em */
} unit;

typedef struct glyph {
    uint32_t gid;
    uint8_t font;
    int32_t adv, xoff, yoff; /* font units; adv along the line */
    int32_t nominal;         /* horizontal advance in the font (the W entry) */
    uint32_t unit;
} glyph;

typedef struct line {
    uint32_t s, e; /* units [s, e), trailing spaces excluded */
} line;

typedef struct bg_ref {
    const struct form_bg *bg;
    HPDF_Dict xobj;
} bg_ref;

typedef struct image_ref {
    char path[PATH_MAX_LEN];
    HPDF_Image img;
} image_ref;

struct form_pdf {
    HPDF_Doc doc;
    HPDF_Page page;
    double page_h_pt;
    unsigned page_serial;
    jmp_buf jb;
    bool broken, finished;
    HPDF_STATUS haru_err;
    char *fonts_dir;
    const form_font *chain[2][FORM_FONT_CHAIN_MAX];
    size_t chain_len[2];
    doc_font fonts[FORM_FONT_COUNT];
    unsigned font_serial;
    hb_buffer_t *hb;
    unsigned hb_high; /* how far into its arrays HarfBuzz may have written (see form_pdf_hb_wipe) */
    /* scratch, reused per call, wiped on free */
    unit *units;
    size_t nunits;
    glyph *glyphs;
    size_t nglyphs;
    line *lines;
    size_t nlines;
    obuf ob;
    uint8_t *result; /* form_pdf_finish's copy of the PDF until it is handed over */
    size_t result_len;
    image_ref images[IMAGES_MAX];
    size_t nimages;
    bg_ref bgs[BGS_MAX];
    size_t nbgs;
    void **bg_objs; /* while a background is built: its objects in libharu (form_mem_alloc) */
};

/* ---- the libharu error guard -------------------------------------------------------------- */

/* Each public function that reaches libharu checks its arguments, then GUARD, then calls its
 * body: a libharu error comes back to GUARD as FORM_E_PDF (and the document stays unusable).
 * The work is in the body's own frame (HARU_BODY: never inlined into the public function), so
 * the frame that called setjmp holds no local that changes between setjmp and longjmp, whose
 * value would be indeterminate after the jump (C17 7.13.2.1). What a body allocates before
 * libharu may fail hangs on the handle, never on the body's stack, so form_pdf_free still
 * wipes and frees it after a jump. A body and its public function live in the same file. */
#define HARU_BODY __attribute__((noinline))
#define GUARD(pdf)                                                                                 \
    do {                                                                                           \
        if ((pdf)->broken || (pdf)->finished)                                                      \
            return FORM_E_PDF;                                                                     \
        if (setjmp((pdf)->jb) != 0)                                                                \
            return FORM_E_PDF;                                                                     \
    } while (0)

#define NEED_PAGE(pdf)                                                                             \
    do {                                                                                           \
        if ((pdf)->page == NULL)                                                                   \
            return FORM_E_ARG;                                                                     \
    } while (0)

/* ---- units and coordinates ---------------------------------------------------------------- */

static inline double mm(double v)
{
    return v * MM_PT;
}

/* PDF y (points from the bottom) of y_mm from the page's top. */
static inline double page_y(const form_pdf *pdf, double y_mm)
{
    return pdf->page_h_pt - mm(y_mm);
}

static inline bool box_ok(form_box b)
{
    return isfinite(b.x) && isfinite(b.y) && isfinite(b.w) && isfinite(b.h) && b.w >= 0 &&
           b.h >= 0 && fabs(b.x) < 1e5 && fabs(b.y) < 1e5 && b.w < 1e5 && b.h < 1e5;
}

/* The ascent as a fraction of the font's height (where the baseline sits in an em box). */
static inline double asc_frac(const form_font *f)
{
    double a = f->ascent, d = -(double)f->descent;
    return a + d > 0 ? a / (a + d) : 0.88;
}

/* ---- between the files ------------------------------------------------------------------ */

/* form-pdf-ops.c: append the operators collected in pdf->ob to the page's content stream and
 * wipe them (FORM_E_NOMEM when a put failed: nothing is appended). Calls libharu. */
form_err form_pdf_flush(form_pdf *pdf);

/* form-pdf-shape.c: decode utf8, pick fonts of st->face, mark vertical runs, shape: the units
 * and glyphs in pdf's scratch. FORM_E_GLYPH with *bad_cp (may be NULL) for the first
 * character no font draws; FORM_E_ARG for bad UTF-8 or text over FORM_PDF_TEXT_MAX. */
form_err form_pdf_prepare(form_pdf *pdf, const char *utf8, const form_text_style *st,
                          uint32_t *bad_cp);
/* form-pdf-shape.c: wipe what HarfBuzz's buffer holds, up to high, and empty it. */
void form_pdf_hb_wipe(hb_buffer_t *hb, unsigned high);

/* form-pdf-vertical.c: set units' sideways / tcy for vertical text (clear them otherwise). */
void form_pdf_mark_sideways(form_pdf *pdf, bool vertical);
/* form-pdf-vertical.c: one column of units from (cx, top), pt, down the page. */
form_err form_pdf_emit_v_line(form_pdf *pdf, const line *l, double cx, double top, double pt,
                              double scale, double sp);

/* form-pdf-break.c: greedy wrap into lines of length len (pt): the number of lines, SIZE_MAX
 * when a single character is wider than the line. store: keep them in pdf->lines. */
size_t form_pdf_wrap(form_pdf *pdf, double len, double pt, double scale, double sp, bool store);
/* form-pdf-break.c: the length of a line, pt. */
double form_pdf_line_w(const form_pdf *pdf, const line *l, double pt, double scale, double sp);

/* form-pdf-fit.c: whether a text style is within its documented ranges. */
bool form_pdf_style_ok(const form_text_style *st);
/* form-pdf-fit.c: prepare utf8 and fit it into b: *fit and pdf->lines. */
form_err form_pdf_layout(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                         form_pdf_fit *fit, uint32_t *bad_cp);

/* form-pdf-text.c: a horizontal line of units from (x, y) (baseline, pt) as TJ runs per font;
 * *cur_font is the font last selected (-1: none). */
form_err form_pdf_emit_h_line(form_pdf *pdf, const line *l, double x, double y, double pt,
                              double scale, double sp, int *cur_font);

/* form-pdf-embed.c: the CID of glyph gid of font df in this document, allocated on first use
 * (then un's code points become its ToUnicode entry when first_of_unit); 0 when out of memory
 * or CIDs. */
uint32_t form_pdf_cid(doc_font *df, uint32_t gid, const unit *un, bool first_of_unit);
/* form-pdf-embed.c: font fid's PDF objects exist and the current page's resources name it.
 * Calls libharu. */
void form_pdf_use_font(form_pdf *pdf, uint8_t fid);
/* form-pdf-embed.c: embed every used font (subset, widths, descriptor, ToUnicode). Calls
 * libharu. */
form_err form_pdf_embed_fonts(form_pdf *pdf);

#endif /* FORM_PDF_PRIVATE_H */
