/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-import.h — propose a kakanai template from a city's own form: a PDF (kept vector as
 * the background) or a scan (PNG/JPEG, the background image).
 *
 * Reading order:
 *   form_import_open()            read and analyse page 1 (or the page asked for)
 *   form_import_field_count/…     the proposed fields: box, value, confidence, why
 *   form_import_unplaced_count/…  what was found but not placed (a label with no room, a
 *                                 value that needs a legal basis, a box with no label)
 *   form_import_write_template()  a template `kakanai-form check` accepts
 *   form_import_write_report()    the same as JSON, with the unplaced items
 *   form_import_free()
 *
 * Where fields come from: AcroForm widgets when the PDF has them (their name and tooltip
 * guess the value); otherwise the text layer (poppler): labels such as 氏名, フリガナ, 住所,
 * 生年月日, 性別, 電話番号, 個人番号, 本籍, 筆頭者 and 年 月 日 with their glyph boxes, each
 * given the cell beside it, bounded by the page's rules (read from the content stream); a
 * household table (a header row of those labels over ruled rows) gives member.N.* / child.N.*
 * cells in row order (form-import-table.c). A scan
 * has no text layer: its ruled cells are listed as unplaced, never guessed.
 *
 * The input is untrusted: the PDF passes the same bounds as a template background (FORM_BG_*
 * in form.h) before poppler sees it; an image is checked (size, dimensions) before decoding.
 * This library is for the municipality's workstation, never the kiosk: it links poppler.
 */
#ifndef FORM_IMPORT_H
#define FORM_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum form_import_err {
    FORM_IMPORT_OK = 0,
    FORM_IMPORT_E_ARG = 100, /* a NULL argument or a page number below 1 */
    FORM_IMPORT_E_NOMEM,
    FORM_IMPORT_E_IO,        /* the input cannot be read, or the output written */
    FORM_IMPORT_E_FORMAT = 200, /* neither a PDF nor a PNG/JPEG */
    FORM_IMPORT_E_INPUT,     /* a broken, encrypted or hostile file, or over a limit: why says */
    FORM_IMPORT_E_PAGE,      /* no such page */
} form_import_err;

/* Hard limits on images (a scan at 600 dpi of A3 is 7016 × 9921). */
#define FORM_IMPORT_MAX_IMAGE_BYTES (64u * 1024u * 1024u)
#define FORM_IMPORT_MAX_IMAGE_SIDE 12000u
/* Proposed fields and unplaced items kept per page. */
#define FORM_IMPORT_MAX_FIELDS 256u

/* A static sentence, never NULL. */
const char *form_import_strerror(form_import_err e);

typedef struct form_import form_import;

typedef struct form_import_field {
    const char *name;      /* a template field name: [a-z0-9_] */
    double x, y, w, h;     /* mm from the page's top-left corner */
    const char *value;     /* the value expression, e.g. "{card.birth|wareki}" */
    const char *mark;      /* "circle" or NULL; mark_value: the choice it marks */
    const char *mark_value;
    double confidence;     /* 0..1 */
    const char *source;    /* why: "label 氏名", "AcroForm field name" */
} form_import_field;

typedef struct form_import_unplaced {
    const char *what;      /* "label", "box", "field" */
    const char *text;      /* the label's text or the AcroForm name; may be "" */
    double x, y, w, h;     /* mm */
    const char *reason;    /* an English sentence */
} form_import_unplaced;

/* Open path (a PDF, PNG or JPEG) and analyse page `page` (1-based; images have one page).
 * On success *out is the caller's (form_import_free). On error *out is NULL and why (cap
 * bytes, may be NULL) holds a sentence. */
form_import_err form_import_open(const char *path, int page, form_import **out, char *why,
                                 size_t cap);
/* The same from bytes in memory; name stands for the file in the report and template. */
form_import_err form_import_open_mem(const uint8_t *data, size_t len, const char *name, int page,
                                     form_import **out, char *why, size_t cap);
void form_import_free(form_import *im);

/* The page: size in mm, the paper name ("A4", …) and orientation the template uses. */
void form_import_page(const form_import *im, double *w_mm, double *h_mm, const char **paper,
                      const char **orientation);
/* Counts and records; NULL past the end. Borrowed from im. */
size_t form_import_field_count(const form_import *im);
const form_import_field *form_import_field_get(const form_import *im, size_t i);
size_t form_import_unplaced_count(const form_import *im);
const form_import_unplaced *form_import_unplaced_get(const form_import *im, size_t i);
/* Number of rules (lines and rectangle sides) and text runs seen. */
size_t form_import_rule_count(const form_import *im);
/* Rule i as a segment (mm from the top-left; x0 == x1 or y0 == y1): what the studio snaps
 * to on a city's page. false past the end. */
bool form_import_rule(const form_import *im, size_t i, double seg[4]);

/* Write the proposed template to path. background: the file name the template names (it
 * must sit next to the template; NULL: the input's base name). form_id: the [form] id (NULL:
 * from the file name). FORM_IMPORT_E_IO, FORM_IMPORT_E_ARG. */
form_import_err form_import_write_template(const form_import *im, const char *path,
                                           const char *background, const char *form_id);
/* The report as JSON: page, fields (box, value, confidence, source), unplaced items. */
form_import_err form_import_write_report(const form_import *im, const char *path);

#ifdef __cplusplus
}
#endif
#endif /* FORM_IMPORT_H */
