/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-inflate.h — zlib/deflate decoding with a hard cap on the output (internal to forms/).
 *
 * A PDF's FlateDecode stream is untrusted: a few kilobytes can inflate to gigabytes. Every
 * decode in forms/ that kakanai does itself goes through here and stops at `cap` bytes.
 */
#ifndef FORM_INFLATE_H
#define FORM_INFLATE_H

#include "form.h"

#include <stddef.h>
#include <stdint.h>

/* Inflate the zlib stream in[0..n) into a new malloc'd buffer *out of *out_len bytes (plus a
 * NUL not counted), at most cap bytes. FORM_OK; FORM_E_INPUT when the data is not a complete
 * zlib stream or would exceed cap; FORM_E_NOMEM; FORM_E_ARG for a NULL argument. *out is NULL
 * on every error. */
form_err form_inflate(const uint8_t *in, size_t n, size_t cap, uint8_t **out, size_t *out_len);

#endif /* FORM_INFLATE_H */
