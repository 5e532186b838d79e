/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-codec-private.h — byte-level decoding shared by the library, the virtual card and the
 * replay transport (internal, not installed; the CMake target myna_codec): one hex digit, one
 * UTF-8 character. */
#ifndef MYNA_CODEC_PRIVATE_H
#define MYNA_CODEC_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The value of one hex digit (0-9, a-f, A-F), -1 for any other character. */
int myna_hex_value(char c);

/* Decode the UTF-8 character at s[*i] (len bytes in s) as RFC 3629 allows it: shortest form
 * only, no surrogates, nothing above U+10FFFF, no truncated sequence. On success *cp is the
 * code point, *i moves past it and the result is true; otherwise false and *i is unchanged.
 * Controls (U+0000 too) are decoded: each caller decides which it refuses. *i < len. */
bool myna_utf8_next(const uint8_t *s, size_t len, size_t *i, uint32_t *cp);

#endif /* MYNA_CODEC_PRIVATE_H */
