/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-template-private.h — what the files of the template parser share (internal to the
 * parser: form-template*.c only; the rest of forms/ uses form-private.h).
 *
 * The parser's state while it reads one template, the section kinds, and the two ways a
 * problem is reported (ERR at a byte of the current line, ERRL at a whole line). The files,
 * in the order a template is read:
 *   form-template.c           parse and load: the line loop, one line to a header or a key;
 *                             freeing; the public accessors
 *   form-template-sections.c  `[section name]` headers
 *   form-template-keys.c      `key = value`: the key table and where each value goes
 *   form-template-syntax.c    the syntax of values (ids, numbers, lists, yes/no, names)
 *   form-template-check.c     the consistency checks after the whole file
 */
#ifndef FORM_TEMPLATE_PRIVATE_H
#define FORM_TEMPLATE_PRIVATE_H

#include "form-private.h"

enum section {
    SEC_NONE = 0,
    SEC_FORM,
    SEC_PAGE,
    SEC_QUESTION,
    SEC_FIELD,
    SEC_LABEL,
    SEC_LINE,
    SEC_BOX,
    SEC_ELLIPSE,
    SEC_QR,
};

typedef struct parser {
    const char *name; /* file name for diagnostics */
    form_diags *diags;
    form_template *t;
    bool strict;
    int errors;
    /* current line */
    int lineno;
    const char *line; /* start of the current line */
    size_t linelen;
    /* current section */
    enum section sec;
    int sec_line;    /* -1: a refused section, whose keys are skipped */
    form_item *item; /* field/label/line/box/ellipse */
    form_question *q;
    char seen[48][40]; /* keys given in this section (duplicates) */
    size_t nseen;
    bool paper_set;
    double pending_w, pending_h; /* form paper before orientation */
    bool landscape;
    int cur_page;
    bool line_from, line_to;
} parser;

/* Column (1-based, in characters) of byte p within the current line (form-template.c). */
int form_tpl_col_at(const parser *ps, const char *p);

/* A problem at byte p of the current line (p NULL: the whole line). */
#define ERR(ps, p, err, en, ja, ...)                                                               \
    do {                                                                                           \
        (ps)->errors++;                                                                            \
        form_diags_addf((ps)->diags, (err), (ps)->name, (ps)->lineno,                              \
                        (p) ? form_tpl_col_at((ps), (p)) : 0, NULL, en, ja, ##__VA_ARGS__);        \
    } while (0)

/* A problem with line ln as a whole (checks after the whole file). */
#define ERRL(ps, ln, err, en, ja, ...)                                                             \
    do {                                                                                           \
        (ps)->errors++;                                                                            \
        form_diags_addf((ps)->diags, (err), (ps)->name, (ln), 0, NULL, en, ja, ##__VA_ARGS__);     \
    } while (0)

/* ---- form-template-syntax.c: values; each false / -1 has reported why ---------------------- */

bool form_tpl_is_id_char(char c);
/* [a-z0-9_]{1,FORM_MAX_ID} */
bool form_tpl_valid_id(const char *s, size_t n);
/* A decimal number without locale: [-]digits[.digits] (reports nothing). */
bool form_tpl_parse_number(const char *s, size_t n, double *out);
/* Exactly want numbers, a list as form_list_next reads it; what names the key. */
bool form_tpl_parse_numbers(parser *ps, const char *v, size_t n, double *out, size_t want,
                            const char *what);
/* yes/true or no/false. */
bool form_tpl_parse_bool(parser *ps, const char *v, size_t n, bool *out);
/* The index of v in names[0..count), else -1 (reported with the list of names). */
int form_tpl_parse_enum(parser *ps, const char *v, size_t n, const char *const *names, size_t count,
                        const char *what);
/* lo <= x <= hi. */
bool form_tpl_check_range(parser *ps, const char *v, double x, double lo, double hi,
                          const char *what);

/* ---- form-template-sections.c ---------------------------------------------------------------- */

/* The header's name ("form", "field" …). */
const char *form_tpl_section_name(enum section sec);
/* A `[...]` header: p points after '[', n bytes up to ']'. Starts the section or refuses it
 * (sec_line -1) with a diagnostic. */
void form_tpl_begin_section(parser *ps, const char *p, size_t n);

/* ---- form-template-keys.c -------------------------------------------------------------------- */

/* Page page gets the default paper: A4 portrait. */
void form_tpl_page_default(parser *ps, size_t page);
/* A `key = value` line of the current section: key kp[0..kn), value v[0..n) (trimmed). */
void form_tpl_key_line(parser *ps, const char *kp, size_t kn, const char *v, size_t n);

/* ---- form-template-check.c ------------------------------------------------------------------- */

/* The consistency checks once the whole file is read (and the defaults they derive). */
void form_tpl_check(parser *ps);

#endif /* FORM_TEMPLATE_PRIVATE_H */
