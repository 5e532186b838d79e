/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-private.h — the forms library's internal data model (templates, questions, catalogue,
 * diagnostics) shared by its modules. Not installed.
 */
#ifndef FORM_PRIVATE_H
#define FORM_PRIVATE_H

#include "form.h"
#include "form-utf8.h"

#include <stdarg.h>

/* Hard limits on template input (a template is untrusted text). */
#define FORM_MAX_FILE_BYTES (256u * 1024u) /* one template or catalogue file */
#define FORM_MAX_LINE_BYTES 1024u          /* one line */
#define FORM_MAX_ITEMS 512u                /* fields + drawing items in one template */
#define FORM_MAX_QUESTIONS 64u             /* questions in one template */
#define FORM_MAX_CHOICES 32u               /* options of one question */
#define FORM_MAX_PAGES 8u                  /* pages of one template */
#define FORM_MAX_TEMPLATES 128u            /* templates in one directory */
#define FORM_MAX_PROCEDURES 64u            /* procedures in a catalogue */
#define FORM_MAX_ID 48u                    /* ids: [a-z0-9_] */
#define FORM_MAX_VALUE_BYTES 4096u         /* one evaluated value */
#define FORM_MAX_QR_VALUES 16u

/* ---- diagnostics ---- */
struct form_diags {
    form_diag *v;
    size_t n, cap;
};
form_diags *form_diags_new(void);
/* Append one record; en/ja are printf formats taking the same arguments. */
void form_diags_addf(form_diags *d, form_err err, const char *file, int line, int column,
                     const char *field, const char *en, const char *ja, ...)
    __attribute__((format(printf, 7, 9)));
void form_diags_add(form_diags *d, form_err err, const char *file, int line, int column,
                    const char *field, const char *en, const char *ja);
void form_diags_take(form_diags *into, form_diags *from); /* moves and frees from */

/* ---- localized text ---- */
struct form_text {
    char *s[FORM_LANG_COUNT]; /* indexed like form_lang_code(); NULL where not given */
};
/* Set one language of *t (allocating t when NULL); FORM_E_ARG for a language not in the
 * table (form-lang.c). */
form_err form_text_set(form_text **t, const char *lang, const char *s);
/* The index of the language spelled by exactly n bytes of s (case and - versus _ ignored,
 * no locale parts), -1 if none: the suffix of a template key. */
int form_lang_exact(const char *s, size_t n);
/* Language i as a template key spells it ("pt_br"); NULL past the end. */
const char *form_lang_key(size_t i);
/* Add every language of from to *to (allocating it when NULL and from has any). */
form_err form_text_copy(form_text **to, const form_text *from);
void form_text_free(form_text *t);

/* ---- templates ---- */
typedef enum form_item_kind {
    FORM_ITEM_LINE = 0,
    FORM_ITEM_BOX,
    FORM_ITEM_ELLIPSE,
    FORM_ITEM_LABEL,
    FORM_ITEM_FIELD,
} form_item_kind;

typedef enum form_mark { FORM_MARK_NONE = 0, FORM_MARK_CHECK, FORM_MARK_CIRCLE } form_mark;

typedef struct form_item {
    form_item_kind kind;
    int page;       /* 0-based */
    int line;       /* where the section starts */
    char *name;     /* fields: the name; else NULL */
    double x, y, w, h; /* box; for lines x,y → x+w,y+h (w,h are the end point) */
    double width;   /* line width mm */
    double dash;    /* dash length mm, 0 solid */
    double fill;    /* box fill gray, <0 none */
    char *text;     /* labels: fixed text; fields: value expression */
    int vline, vcol; /* where the text/value starts (diagnostics) */
    int bline, bcol; /* where the box / from starts */
    /* text style (labels and fields) */
    int face;       /* 0 mincho, 1 gothic */
    double pt, min_pt, min_scale, spacing, leading;
    int max_lines;
    int halign, valign;
    bool vertical;
    /* fields only */
    int cells;      /* マス目: number of boxes, 0 = none */
    double pitch;   /* mm between box starts */
    bool cells_right, cells_outline;
    form_mark mark; /* draw a mark when the value equals mark_value */
    char *mark_value;
    bool optional;  /* an empty/missing value leaves the field blank */
} form_item;

struct form_question {
    char *id;
    form_question_type type;
    bool has_type;
    form_text *label;
    form_text *help;
    bool required;
    char *def;
    long min, max;
    bool has_min, has_max;
    form_kana_kind kana;
    bool has_kana; /* else inferred: a ふりがな label means hiragana, フリガナ katakana */
    char *about;
    size_t nchoices;
    char *choice_value[FORM_MAX_CHOICES];
    form_text *choice_label[FORM_MAX_CHOICES];
    int line;
};

typedef struct form_page {
    double w, h; /* mm */
} form_page;

struct form_template {
    char *id;
    char *file;  /* path as loaded */
    char *dir;   /* directory of the file (backgrounds are relative to it) */
    form_text *title;
    form_page pages[FORM_MAX_PAGES];
    size_t npages;
    char *background;      /* path relative to dir, page 1 */
    double bg_x, bg_y, bg_w, bg_h;
    int bg_line;
    long bg_page;          /* background_page: the page of a PDF background (1-based) */
    struct form_bg *bg_pdf; /* a PDF background, read at load (form-bg.h); else NULL */
    unsigned needs;        /* declared + derived from the values used */
    char *number_basis;
    form_item *items;
    size_t nitems, items_cap;
    form_question *questions;
    size_t nquestions;
    /* QR code of the filled values */
    char *qr_values[FORM_MAX_QR_VALUES];
    size_t nqr;
    double qr_x, qr_y, qr_w;
    bool has_qr;
    int qr_line;
    int needs_line; /* where number_basis is missing: the first card.number use */
};

/* Parse one template from text (name is the file name used in diagnostics). On a syntax or
 * consistency problem: FORM_E_SYNTAX / FORM_E_TEMPLATE with records in diags, *out NULL.
 * strict adds the warnings `kakanai-form check` reports (overlaps, missing background). */
form_err form_template_parse(const char *name, const char *dir, const char *text, size_t len,
                             bool strict, form_template **out, form_diags *diags);
form_err form_template_load(const char *path, bool strict, form_template **out,
                            form_diags *diags);
void form_template_free(form_template *t);

#define FORM_GUIDE_TEXTS 4u
/* Translation completeness, for `kakanai-form check` (form-template-check.c): one
 * FORM_W_TRANSLATION diagnostic per text the kiosk shows (the form's title, each question's
 * label and help, each choice; each procedure's title and description in catalog.conf at
 * conf_path) that lacks one or more of the nlangs languages (indices of form_lang_code),
 * naming the question, choice or procedure and the missing languages. A help text or
 * description that is not given at all is not asked for. Returns the warnings added. */
size_t form_template_check_translations(const form_template *t, const int *langs, size_t nlangs,
                                        form_diags *diags);
size_t form_catalog_check_translations(const form_catalog *c, const char *conf_path,
                                       const int *langs, size_t nlangs, form_diags *diags);

/* Catalogue parse (catalog.conf) into procedures bound to templates. */
struct form_procedure {
    char *id;
    form_text *title;
    form_text *description;
    char *icon;
    long order;
    const form_template **templates;
    size_t ntemplates;
    const form_question **questions;
    size_t nquestions;
    unsigned needs;
    unsigned offer; /* form_offer bits (default kiosk and counter) */
    /* guide items (form-guide.c): counter, bring, fee, note; guide is the public view */
    form_text *guide_text[FORM_GUIDE_TEXTS];
    form_guide guide;
    bool has_guide_order;
    int line; /* of its [procedure] header in catalog.conf, 0 without a catalogue */
};

/* ---- guide items (form-guide.c) ---- */
/* A catalogue key guide.*: true when it is one (reported into diags when its value is bad). */
bool form_guide_key(form_procedure *p, const char *key, const char *val, const char *path,
                    int lineno, int col, form_diags *diags);
/* After the procedure's section: fill the public view (guide.order defaults to order). */
void form_guide_finish(form_procedure *p);
/* A procedure without forms: true when it is a valid guide-only one, else reported. */
bool form_guide_only_ok(form_procedure *p, const char *path, int line, form_diags *diags);
void form_guide_free(form_procedure *p);

/* Measure every fixed label of t with the fonts (form-render.c): a label that cannot fit
 * would stop every print of the form, so `kakanai-form check` reports it. FORM_OK without
 * the engine. */
form_err form_render_check_labels(const form_template *t, form_diags *diags);

/* ---- values and expressions ---- */
/* Check an expression's syntax and names without values: FORM_OK or a diag at line/col
 * (col is the column of the expression's first byte). t: for answer.<id> lookups. */
form_err form_expr_check(const char *expr, const form_template *t, unsigned *needs,
                         char *why_en, char *why_ja, size_t cap, size_t *err_off);
/* Evaluate into locked memory (*out, free with form_secure_strfree). On a missing value:
 * FORM_E_MISSING_VALUE and the value's name in missing. */
form_err form_expr_eval(const char *expr, const form_template *t, const form_values *v,
                        char **out, char *missing, size_t cap);
/* One value's raw text (NULL when not set); today falls back to the local date. */
const char *form_values_get(const form_values *v, const char *name, char *buf, size_t cap);
/* Household values: "member.N.field" / "child.N.field" (N 1..FORM_MAX_MEMBERS, field one of
 * form_member_fields). true with the group (0 member, 1 child), N and the field's index. */
#define FORM_MEMBER_FIELDS 6u
extern const char *const form_member_groups[2];
extern const char *const form_member_fields[FORM_MEMBER_FIELDS];
bool form_member_name(const char *name, unsigned *group, unsigned *n, unsigned *field);
/* Guide sheet rows: "guide.N.field" (N 1..FORM_MAX_GUIDE, field one of form_guide_fields). */
#define FORM_GUIDE_FIELDS 6u
extern const char *const form_guide_fields[FORM_GUIDE_FIELDS];
bool form_guide_name(const char *name, unsigned *n, unsigned *field);

/* ---- dates (form-date.c) ---- */
typedef struct form_date {
    int y, m, d;
} form_date;
bool form_date_parse(const char *yyyymmdd, form_date *out); /* a real calendar date */
bool form_date_valid(int y, int m, int d);
/* 和暦: era index into form_era_names, year in the era (1 = 元年). false before 1873. */
bool form_wareki(form_date d, int *era, int *year);
extern const char *const form_era_names[5];    /* 明治 大正 昭和 平成 令和 */
extern const char *const form_era_names_en[5]; /* Meiji Taisho Showa Heisei Reiwa */
int form_age(form_date birth, form_date today); /* -1 when today is before birth */
void form_today(form_date *out);

/* ---- utilities (form-util.c) ---- */
char *form_strdup(const char *s);
char *form_strndup(const char *s, size_t n);
size_t form_utf8_put(uint32_t cp, char *out); /* up to 4 bytes */
size_t form_utf8_count(const char *s);        /* code points, or SIZE_MAX when malformed */
bool form_utf8_valid(const char *s, size_t len);
/* The next item of a list in a template or catalogue value ("20 30, 80 10", "a, b"): items are
 * separated by spaces, tabs and commas. From *i on: true with the item at [*start, *start +
 * *len) and *i past it; false at the end of v[0..n). */
bool form_list_next(const char *v, size_t n, size_t *i, size_t *start, size_t *len);
/* A growable string buffer (ordinary or locked memory). */
typedef struct form_buf {
    char *p;
    size_t n, cap;
    bool secure;
    bool failed;
} form_buf;
void form_buf_add(form_buf *b, const char *s, size_t n);
void form_buf_adds(form_buf *b, const char *s);
void form_buf_addcp(form_buf *b, uint32_t cp);
void form_buf_release(form_buf *b);
/* Read a whole regular file of at most max bytes (NUL-terminated). */
form_err form_read_file(const char *path, size_t max, char **out, size_t *len);
/* Levenshtein distance for "did you mean". */
size_t form_edit_distance(const char *a, const char *b);
char *form_path_join(const char *dir, const char *name);

/* ---- signing (form-sign.c) ---- */
#define FORM_MANIFEST_NAME "MANIFEST.sha256"
#define FORM_SIGNATURE_NAME "MANIFEST.sig"
/* The manifest text of a directory: "<sha256 hex>  <relative path>\n", sorted by path,
 * every regular file except the manifest and signature themselves. */
form_err form_manifest_build(const char *dir, char **out, size_t *len);

#endif /* FORM_PRIVATE_H */
