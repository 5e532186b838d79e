/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-source-private.h — the inside of a form_source, shared by form-source.c (reading) and
 * form-source-edit.c (changes and their history). Internal to forms/.
 */
#ifndef FORM_SOURCE_PRIVATE_H
#define FORM_SOURCE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "form-ini.h"
#include "form-source.h"

typedef struct fsrc_line {
    char *text; /* the line with its own \n or \r\n (none on a last line without one) */
    size_t n;
} fsrc_line;

typedef struct fsrc_section {
    size_t line; /* 0-based index of its header line */
    char *kind, *name;
} fsrc_section;

/* One recorded change of one line: insert (old NULL), delete (new NULL) or replace. */
typedef struct fsrc_op {
    size_t at;
    char *old_text, *new_text;
    size_t old_n, new_n;
} fsrc_op;

typedef struct fsrc_step {
    fsrc_op *ops;
    size_t n, cap;
    unsigned long serial;
} fsrc_step;

typedef struct fsrc_history {
    fsrc_step *steps;
    size_t n, cap;
} fsrc_history;

struct form_source {
    fsrc_line *lines;
    size_t nlines, cap;
    bool crlf; /* new lines end in \r\n when the file's first line does */
    fsrc_section *secs;
    size_t nsecs;
    char **cache; /* strings handed out by form_source_get until the next change */
    size_t ncache;
    fsrc_history undo, redo;
    int group_depth;
    bool group_open;        /* a begin/end group already has its step on the undo stack */
    unsigned long serial;   /* of the last step made */
    unsigned long saved;    /* serial of the undo top at the last save (0: none) */
};

bool fsrc_classify(const fsrc_line *l, form_ini_line *out);
form_err fsrc_reindex(form_source *s);
size_t fsrc_section_end(const form_source *s, size_t i);
/* The line index of key in section i ((size_t)-1: none), its classification in *out. */
size_t fsrc_find_key(const form_source *s, size_t i, const char *key, form_ini_line *out);
/* Insert a line without recording it (parsing). */
form_err fsrc_lines_insert_raw(form_source *s, size_t at, const char *text, size_t n);
void fsrc_history_free(form_source *s);

#endif /* FORM_SOURCE_PRIVATE_H */
