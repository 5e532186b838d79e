/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-utf8.h — the one UTF-8 decoder of forms/ (internal; defined in form-util.c).
 * Shared by the template parser, the value checks and formats, and the typesetting engine
 * (form-font.c, form-pdf-shape.c), so that every layer agrees on what is well-formed text. */
#ifndef FORM_UTF8_H
#define FORM_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 sequence at s[*i] (bounded by n): on success stores the code point in *cp,
 * advances *i past it and returns true. Returns false, leaving *i and *cp alone, at the end
 * (*i >= n) and on malformed input: a stray continuation byte, a lead byte C0, C1 or F5..FF,
 * a truncated sequence, an overlong form, a surrogate (U+D800..U+DFFF) or a value above
 * U+10FFFF. */
bool form_utf8_next(const char *s, size_t n, size_t *i, uint32_t *cp);

#endif /* FORM_UTF8_H */
