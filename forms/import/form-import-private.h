/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-import-private.h — what the importer's files share (not installed). */
#ifndef FORM_IMPORT_PRIVATE_H
#define FORM_IMPORT_PRIVATE_H

#include "form-import.h"

#include <stdbool.h>
#include <stdint.h>

struct form_bg;
typedef struct _PopplerPage PopplerPage;

/* A rule: a horizontal (y0 == y1) or vertical (x0 == x1) segment, mm from the top-left. */
typedef struct imp_rule {
    double x0, y0, x1, y1;
} imp_rule;

/* A run of characters on one line (a word or a label), mm from the top-left. */
typedef struct imp_run {
    char *text;          /* UTF-8, spaces (also U+3000) removed */
    double x0, y0, x1, y1;
    double *cx0, *cx1;   /* each character's left and right edges (for 年 月 日) */
    size_t nchars;
    bool used;           /* taken by a field */
} imp_run;

#define IMP_MAX_RULES 8192u
#define IMP_MAX_RUNS 4096u

struct form_import {
    char *path;
    bool is_pdf;
    double w, h; /* mm */
    const char *paper, *orientation;
    imp_rule *rules;
    size_t nrules;
    imp_run *runs;
    size_t nruns;
    form_import_field fields[FORM_IMPORT_MAX_FIELDS];
    size_t nfields;
    form_import_unplaced unplaced[FORM_IMPORT_MAX_FIELDS];
    size_t nunplaced;
    char *title;
    bool has_acroform;
};

/* form-import-rules.c: the rules drawn by a PDF page's content (and its form XObjects). */
void imp_rules_from_pdf(form_import *im, const struct form_bg *bg);
/* form-import-rules.c: long dark horizontal and vertical runs of a grey image (w × h pixels,
 * stride bytes per row, 0 = black), px_mm pixels per millimetre. */
void imp_rules_from_pixels(form_import *im, const uint8_t *grey, int w, int h, int stride,
                           double px_mm);
/* Add a rule (dropped beyond IMP_MAX_RULES). */
void imp_rule_add(form_import *im, double x0, double y0, double x1, double y1);

/* form-import-text.c: the text layer into runs, then fields from labels. */
void imp_text_runs(form_import *im, PopplerPage *page);
void imp_fields_from_labels(form_import *im);
/* form-import-table.c: household tables (a header row of 氏名, 生年月日, 続柄 … over ruled
 * rows) into member.N.* / child.N.* fields; their header labels are marked used. */
void imp_tables(form_import *im);
/* form-import-acro.c: fields from AcroForm widgets; true when the page had any. */
bool imp_fields_from_acroform(form_import *im, PopplerPage *page);

/* form-import.c: record a field / an unplaced item (strings copied; false when full). */
bool imp_field_add(form_import *im, const char *name, double x, double y, double w, double h,
                   const char *value, const char *mark, const char *mark_value,
                   double confidence, const char *source);
void imp_unplaced_add(form_import *im, const char *what, const char *text, double x, double y,
                      double w, double h, const char *reason);
/* A field name not used yet: base, base_2, base_3 … into out (cap bytes). */
void imp_unique_name(const form_import *im, const char *base, char *out, size_t cap);

#endif /* FORM_IMPORT_PRIVATE_H */
