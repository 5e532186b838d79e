/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-doc.h — one template open in the studio, GTK-free: its text (a form_source, so
 * saving keeps every untouched byte), the drawable objects on its page, edits with undo, the
 * problems `kakanai-form check` would report mapped to the objects they concern, and a
 * preview rendered by the real engine for a fictional resident (designer-sample.h).
 *
 * A preview is rendered from the current text: it is written into a private directory
 * (mode 0700, removed by dz_doc_free) next to links to the template's background files, then
 * loaded and checked exactly as the kiosk would load it. Templates are public; the fictional
 * residents are sample data; nothing here holds a real resident's data.
 */
#ifndef DESIGNER_DOC_H
#define DESIGNER_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "form-source.h"

typedef enum dz_err {
    DZ_OK = 0,
    DZ_E_ARG,    /* a NULL or out-of-range argument */
    DZ_E_NOMEM,  /* out of memory */
    DZ_E_IO,     /* a file could not be read or written */
    DZ_E_SYNTAX, /* not a template's text (bytes a template may not hold) */
    DZ_E_RENDER, /* the template has problems that stop the engine: see the problems */
    DZ_E_SIGN,   /* signing failed (key unreadable or not Ed25519) */
    DZ_E_IMPORT, /* the city's form could not be read (see the sentence given) */
} dz_err;

/* A static sentence for a clerk, never NULL. */
const char *dz_strerror(dz_err e);

typedef enum dz_shape {
    DZ_SHAPE_RECT = 0, /* field, label, box, ellipse: `box = x y w h` */
    DZ_SHAPE_LINE,     /* line: `from = x y`, `to = x y` (x, y = from; w, h = to - from) */
    DZ_SHAPE_SQUARE,   /* qr: `at = x y`, `size = s` (w = h = s) */
} dz_shape;

typedef struct dz_object {
    size_t section;         /* index in the form_source */
    dz_shape shape;
    double x, y, w, h;      /* mm from the page's top left */
    const char *kind, *name; /* the section's, valid until the next edit */
    size_t problems;        /* how many check problems concern it */
} dz_object;

typedef struct dz_doc dz_doc;

/* Propose a template from a city's own form (a PDF, kept vector as the background, or a
 * scan) with the importer `kakanai-form import` uses, write it to out_form (the input is
 * copied next to it when it is elsewhere) and open it. What the importer found but could not
 * place is kept as notes (dz_doc_note). On DZ_E_IMPORT, why (cap bytes) says what is wrong. */
dz_err dz_doc_import(const char *input, const char *out_form, dz_doc **out, char *why,
                     size_t cap);
/* The rules printed on the template's background (a city's PDF or scan), found by the
 * importer when the template was opened: what moved fields snap to on a city's page. Each
 * is a segment (mm) with x0 == x1 or y0 == y1. false past the end. */
size_t dz_doc_guide_count(const dz_doc *d);
bool dz_doc_guide(const dz_doc *d, size_t i, double seg[4]);

/* The importer's notes: a sentence and the box (mm) it concerns. NULL past the end. */
size_t dz_doc_note_count(const dz_doc *d);
const char *dz_doc_note(const dz_doc *d, size_t i, double box[4]);

/* Open a template file. On DZ_E_SYNTAX, *bad_line (may be NULL) names the line. */
dz_err dz_doc_open(const char *path, dz_doc **out, int *bad_line);
void dz_doc_free(dz_doc *d);

form_source *dz_doc_source(dz_doc *d);
const char *dz_doc_path(const dz_doc *d);
/* The paper in mm from [form] paper/orientation (A4 portrait when absent or unknown). */
void dz_doc_page_mm(const dz_doc *d, double *w, double *h);

/* The objects drawn on the page, in file order; rebuilt after every edit, undo or redo. */
size_t dz_doc_object_count(dz_doc *d);
bool dz_doc_object(dz_doc *d, size_t i, dz_object *out);
/* The object of a section, or (size_t)-1. */
size_t dz_doc_object_of_section(dz_doc *d, size_t section);

/* Move/resize object i (one undo step). For a line, (x, y) is its start and (w, h) its run;
 * for a QR code w is its size. Numbers are written with at most two decimals. */
dz_err dz_doc_set_geometry(dz_doc *d, size_t i, double x, double y, double w, double h);
/* Set a key of object i's section (one undo step); value "" removes the key. */
dz_err dz_doc_set(dz_doc *d, size_t i, const char *key, const char *value);
/* Set a key of any section (the template's questions; one undo step); "" removes it. */
dz_err dz_doc_set_key(dz_doc *d, size_t section, const char *key, const char *value);
/* Add `[question id]` (a short text question, not required, labelled with its id) after the
 * last question; id is a-z 0-9 _ (1..48 bytes) and new. Its section goes to *section. */
dz_err dz_doc_add_question(dz_doc *d, const char *id, size_t *section);
bool dz_doc_undo(dz_doc *d);
bool dz_doc_redo(dz_doc *d);

/* Check the current text and render it for fictional resident `resident`
 * (0..dz_sample_count()-1). On DZ_OK the PDF stays with the document until the next render
 * (dz_doc_pdf). The problems are refreshed either way. */
dz_err dz_doc_render(dz_doc *d, size_t resident);
const uint8_t *dz_doc_pdf(const dz_doc *d, size_t *len);

/* Problems of the last render: an English sentence (and the Japanese one, may be NULL), the
 * 1-based line, and the object concerned ((size_t)-1: the template as a whole). */
size_t dz_doc_problem_count(const dz_doc *d);
const char *dz_doc_problem(const dz_doc *d, size_t k, const char **ja, int *line,
                           size_t *object);

/* The catalogue next to the template (catalog.conf of its folder), or NULL when there is
 * none; the [procedure] entry whose forms list this template, or (size_t)-1. Edited with
 * dz_doc_catalog_set (its own undo history) and saved with the template. */
form_source *dz_doc_catalog(dz_doc *d);
size_t dz_doc_catalog_entry(dz_doc *d);
dz_err dz_doc_catalog_set(dz_doc *d, size_t section, const char *key, const char *value);

/* Save to path (NULL: where it was opened), atomically, and the catalogue when it was
 * changed; the document is then unmodified. */
dz_err dz_doc_save(dz_doc *d, const char *path);
bool dz_doc_modified(const dz_doc *d);
/* Sign the folder holding the template (MANIFEST.sha256 + MANIFEST.sig) with a PEM Ed25519
 * private key, as `kakanai-form sign` does. Save first. */
dz_err dz_doc_sign(dz_doc *d, const char *privkey_pem);

#endif /* DESIGNER_DOC_H */
