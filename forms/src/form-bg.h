/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-bg.h — one page of a PDF, read once with qpdf, kept as kakanai's own object tree
 * (internal to forms/).
 *
 * `background = city.pdf` in a template: at load, form_bg_load() walks the page's resources and
 * content with qpdf's C API and copies what they reach (dictionaries, arrays, numbers, names,
 * strings, streams with their raw bytes and filters) into plain C structures; qpdf's handles
 * are gone before the template is used. The renderer (form-pdf-xobject.c) turns the tree into
 * libharu objects: a Form XObject, once per document. Why qpdf: it is the maintained Debian
 * library that reads (and repairs) real-world PDFs object by object, so a city's vector page
 * stays vector; rasterizing would cost megabytes per print and sharpness, and poppler renders
 * but has no API to copy objects out.
 *
 * Every byte is bounded (FORM_BG_* in form.h): the file size, the number of objects reached,
 * each stream's raw and inflated size, the total kept, the nesting depth, numbers libharu can
 * write. An encrypted, broken or hostile file gives FORM_E_INPUT and a sentence.
 */
#ifndef FORM_BG_H
#define FORM_BG_H

#include "form.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum form_bg_kind {
    FORM_BG_NULL = 0,
    FORM_BG_BOOL,
    FORM_BG_INT,
    FORM_BG_REAL,
    FORM_BG_NAME,   /* s: without the leading '/', NUL-terminated, 1..127 bytes */
    FORM_BG_STRING, /* s[0..slen): any bytes */
    FORM_BG_ARRAY,  /* items[0..n) */
    FORM_BG_DICT,   /* keys[i] (names) → items[i] */
    FORM_BG_REF,    /* ref: index into form_bg.objs */
} form_bg_kind;

typedef struct form_bg_val {
    form_bg_kind kind;
    bool b;
    int32_t i;
    double r;
    uint32_t ref;
    char *s;
    size_t slen;
    struct form_bg_val *items;
    char **keys;
    size_t n;
} form_bg_val;

typedef struct form_bg_obj {
    form_bg_val v;         /* a stream's dictionary without Length, Filter, DecodeParms */
    bool stream;
    uint8_t *data;         /* streams: the raw (still filtered) bytes */
    size_t len;
    form_bg_val filter;    /* FORM_BG_NULL when absent */
    form_bg_val parms;
} form_bg_obj;

typedef struct form_bg {
    form_bg_obj *objs;
    size_t nobjs, cap;
    form_bg_val resources;      /* the page's /Resources (inherited ones included) */
    uint8_t *content;           /* the page's content stream(s) */
    size_t content_len;
    form_bg_val content_filter; /* FORM_BG_NULL: content is decoded */
    form_bg_val content_parms;
    double box[4];              /* the visible page (CropBox within MediaBox), points */
    int rotate;                 /* 0, 90, 180, 270 */
    size_t kept;                /* bytes kept, for FORM_BG_MAX_TOTAL_BYTES */
} form_bg;

/* Read page `page` (1-based) of the PDF file at path. FORM_OK and *out (free with
 * form_bg_free); else *out NULL and *why_en / *why_ja (static sentences, may be NULL
 * pointers) say why: FORM_E_IO (unreadable), FORM_E_INPUT (broken, encrypted, no such page,
 * over a limit), FORM_E_NOMEM, FORM_E_ARG. */
form_err form_bg_load(const char *path, long page, form_bg **out, const char **why_en,
                      const char **why_ja);
/* The same from memory (the importer and the fuzz target). */
form_err form_bg_load_mem(const uint8_t *data, size_t len, long page, form_bg **out,
                          const char **why_en, const char **why_ja);
void form_bg_free(form_bg *bg);
/* The page's size as shown (rotation applied), millimetres. */
void form_bg_size_mm(const form_bg *bg, double *w, double *h);
/* A resource of the page by category and name ("XObject", "Fm0"), following references;
 * NULL when absent. */
const form_bg_val *form_bg_resource(const form_bg *bg, const form_bg_val *resources,
                                    const char *category, const char *name);
/* v itself, or the object it refers to (one step; NULL for a dangling reference). */
const form_bg_val *form_bg_deref(const form_bg *bg, const form_bg_val *v);
/* The value of key in dictionary d (after deref), or NULL. */
const form_bg_val *form_bg_dict_get(const form_bg *bg, const form_bg_val *d, const char *key);
/* Whether a filter value is absent or exactly FlateDecode without a predictor. */
bool form_bg_flate_only(const form_bg *bg, const form_bg_val *filter, const form_bg_val *parms,
                        bool *none);

#endif /* FORM_BG_H */
