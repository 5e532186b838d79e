/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-subset.h — a small TrueType subset per document (internal to forms/).
 *
 * Only what a PDF CIDFontType2 needs: glyf, loca, hmtx, hhea, maxp, head; hinting
 * instructions are dropped (print resolution needs none). Glyph i of the subset is gids[i] of the
 * font, so the caller can number its CIDs 0..n-1 and use CIDToGIDMap /Identity; components of
 * composite glyphs are appended after them. Reads only the glyphs used: no per-font
 * preparation, no whole-font scan.
 */
#ifndef FORM_SUBSET_H
#define FORM_SUBSET_H

#include <stddef.h>
#include <stdint.h>

#include <hb.h>

#include "form.h"

/* Most glyphs in one subset (CIDs are 2 bytes). */
#define FORM_SUBSET_GLYPHS_MAX 65535

/* form_secure_alloc(), or ordinary zeroed memory when the secure heap is full: either way
 * released (wiped) by form_secure_free(p, n). */
void *form_subset_alloc(size_t n);

/* Build the subset of face holding gids[0..n-1] (gids[0] should be 0, .notdef). On FORM_OK
 * *out is from form_subset_alloc of *out_len bytes: release with
 * form_secure_free(*out, *out_len). FORM_E_FONT: the font is not usable TrueType. */
form_err form_subset_truetype(hb_face_t *face, const uint32_t *gids, size_t n, uint8_t **out,
                              size_t *out_len);

#endif /* FORM_SUBSET_H */
