/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-ini.h — the one line reader of forms/' INI-like files: templates (*.form) and the
 * catalogue (catalog.conf). Internal to forms/.
 *
 * Splits untrusted text into lines (\n or \r\n; a UTF-8 byte order mark at the start is
 * skipped), checks each line's bytes (at most FORM_MAX_LINE_BYTES, no NUL, well-formed
 * UTF-8) and tells what it is: blank or a comment (`#` or `;` first), a `[section]` header,
 * a `key = value` pair, or which of those it fails to be. Offsets are into the line; nothing
 * is copied and nothing is reported: each parser words its own diagnostics.
 *
 * Lexing rules: a key runs from the first non-blank byte to the first `=`, space or tab;
 * blanks may stand between the key and `=`; the value is what follows, with the spaces and
 * tabs around it dropped. A header runs from `[` to the first `]`.
 */
#ifndef FORM_INI_H
#define FORM_INI_H

#include <stdbool.h>
#include <stddef.h>

typedef enum form_ini_kind {
    FORM_INI_BLANK = 0, /* empty, blanks only, or a comment */
    FORM_INI_SECTION,   /* [name]: name and after are set */
    FORM_INI_PAIR,      /* key = value: key and value are set (the key may be empty) */
    FORM_INI_UNCLOSED,  /* a `[` without `]` (at: the `[`) */
    FORM_INI_NO_EQUALS, /* neither a header nor a pair (at: where `=` was expected) */
    FORM_INI_TOO_LONG,  /* longer than FORM_MAX_LINE_BYTES (at: 0) */
    FORM_INI_NUL,       /* a NUL byte (at: the first) */
    FORM_INI_NOT_UTF8,  /* malformed UTF-8 (at: the first byte that is not part of a character) */
} form_ini_kind;

typedef struct form_ini_line {
    form_ini_kind kind;
    int lineno;            /* 1-based */
    const char *p;         /* the line without its \n or \r\n; not NUL-terminated */
    size_t n;              /* its length */
    size_t start;          /* the first byte that is not a space or tab (n: none) */
    size_t at;             /* where the problem is (the kinds above that say so) */
    size_t name, name_len; /* SECTION: between the brackets, as written */
    size_t after;          /* SECTION: the first non-blank byte after `]` (n: none) */
    size_t key, key_len;   /* PAIR */
    size_t value, value_len;
    bool fullwidth_equals; /* NO_EQUALS: a full-width ＝ stands where `=` was expected */
} form_ini_line;

typedef struct form_ini {
    const char *text;
    size_t len, pos;
    int lineno;
} form_ini;

/* Start reading text[0..len) (not copied: it must outlive the reader). */
void form_ini_init(form_ini *r, const char *text, size_t len);
/* The next line into *l: false at the end of the text. */
bool form_ini_next(form_ini *r, form_ini_line *l);

#endif /* FORM_INI_H */
