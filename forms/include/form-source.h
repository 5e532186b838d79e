/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-source.h — a template's text as an editable, lossless model (for the template studio).
 *
 * form_template (form.h) is what the engine renders: parsed, checked, immutable. A
 * form_source is the same file as its author wrote it: every line kept byte for byte
 * (comments, blank lines, key order, spacing, \r\n), so that
 *   - a template opened and saved without change is byte-identical, and
 *   - an edit changes only the lines it concerns (a moved field rewrites its `box =` line and
 *     nothing else), so templates stay reviewable in git and the fleet's signatures only
 *     change where something changed.
 * Sections are addressed by index (0 = the first `[...]` header; text before it is not a
 * section). Every edit is recorded; edits between form_source_begin() and form_source_end()
 * undo as one step. A form_source holds no resident data: templates are public.
 */
#ifndef FORM_SOURCE_H
#define FORM_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "form.h"

typedef struct form_source form_source;

/* Parse text[0..len) (any bytes a template may hold; lines over FORM_MAX_LINE_BYTES, NUL
 * bytes or malformed UTF-8 are refused with FORM_E_SYNTAX and the 1-based line in *bad_line
 * when bad_line is not NULL). */
FORM_EXPORT form_err form_source_parse(const char *text, size_t len, form_source **out,
                                       int *bad_line);
/* Read a file (at most FORM_SOURCE_MAX_BYTES) and parse it. */
#define FORM_SOURCE_MAX_BYTES (4u * 1024u * 1024u)
FORM_EXPORT form_err form_source_load(const char *path, form_source **out, int *bad_line);
FORM_EXPORT void form_source_free(form_source *s);

/* The whole text (malloc'd, NUL-terminated; *len without the NUL). */
FORM_EXPORT form_err form_source_text(const form_source *s, char **text, size_t *len);
/* Write the text to path atomically (a temporary file beside it, fsync, rename). */
FORM_EXPORT form_err form_source_save(const form_source *s, const char *path);
/* Whether an edit (not undone) was made since parsing or the last form_source_mark_saved(). */
FORM_EXPORT bool form_source_modified(const form_source *s);
FORM_EXPORT void form_source_mark_saved(form_source *s);

/* Sections: `[kind name]` — kind is the first word ("form", "question", "field", "label",
 * "box", "line", "qr", "procedure" …), name the rest ("" when none). Strings stay valid until
 * the next edit, undo or redo. */
FORM_EXPORT size_t form_source_section_count(const form_source *s);
FORM_EXPORT const char *form_source_section_kind(const form_source *s, size_t i);
FORM_EXPORT const char *form_source_section_name(const form_source *s, size_t i);
FORM_EXPORT int form_source_section_line(const form_source *s, size_t i); /* 1-based */
/* The first section of that kind and name, or (size_t)-1. */
FORM_EXPORT size_t form_source_find(const form_source *s, const char *kind, const char *name);
/* The section holding a 1-based line (for mapping `check` diagnostics), or (size_t)-1. */
FORM_EXPORT size_t form_source_section_at_line(const form_source *s, int line);

/* A key's value in section i (spaces around it dropped), or NULL. */
FORM_EXPORT const char *form_source_get(const form_source *s, size_t i, const char *key);
/* Set a key: an existing `key = value` line keeps its indentation and spacing and only the
 * value changes; a new key goes after the section's last key line. value must be one line of
 * UTF-8 (FORM_E_ARG otherwise). Setting the same value is no edit. */
FORM_EXPORT form_err form_source_set(form_source *s, size_t i, const char *key, const char *value);
/* Remove a key's line (FORM_E_NOT_FOUND when absent). */
FORM_EXPORT form_err form_source_unset(form_source *s, size_t i, const char *key);
/* Add a section `[header]` with the given keys (NULL-terminated key, value, key, value …
 * list; may be NULL) after section `after` ((size_t)-1: at the end), separated by a blank
 * line. Its index goes to *index when index is not NULL. */
FORM_EXPORT form_err form_source_add_section(form_source *s, size_t after, const char *header,
                                             const char *const *pairs, size_t *index);
/* Remove section i: the comment directly above its header, the header, its key lines and the
 * comments and blank lines up to the next header (a comment just above the next header stays
 * with that one); one blank line keeps what stays apart. */
FORM_EXPORT form_err form_source_remove_section(form_source *s, size_t i);

/* A `box = x y w h` (mm) in section i: FORM_E_NOT_FOUND when absent, FORM_E_SYNTAX when not
 * four numbers. */
FORM_EXPORT form_err form_source_box(const form_source *s, size_t i, double box[4]);
/* Write a box, each number with at most two decimals and no trailing zeros ("12.5 30 40 7"). */
FORM_EXPORT form_err form_source_set_box(form_source *s, size_t i, const double box[4]);

/* Undo grouping and history. Edits outside a begin/end pair are one step each. */
FORM_EXPORT void form_source_begin(form_source *s);
FORM_EXPORT void form_source_end(form_source *s);
FORM_EXPORT bool form_source_can_undo(const form_source *s);
FORM_EXPORT bool form_source_can_redo(const form_source *s);
FORM_EXPORT bool form_source_undo(form_source *s);
FORM_EXPORT bool form_source_redo(form_source *s);

#endif /* FORM_SOURCE_H */
