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
 *
 * Why not HarfBuzz's hb-subset (libharfbuzz-subset, the field's standard)? Measured with
 * tests/bench/forms-engine/bench-subset.c (`cmake --build build --target bench-forms-subset`)
 * on the glyph lists the engine subsets for each of the six shipped procedures (186–246
 * glyphs of IPAmj Mincho, a 61,179-glyph font, IPAex Gothic, and IPAex Mincho for 葛󠄀; the
 * residents yoshida-taro and katsuragi-ivs), harfbuzz 6.0 (Debian 12), a 2-core machine,
 * medians of 50 runs:
 *   - Locked memory. The glyphs a document uses spell the resident's name and address. This
 *     subsetter keeps its glyph list and its output in form_subset_alloc memory, wiped when
 *     freed; hb-subset builds its plan (glyph sets, maps) and the subset in malloc memory that
 *     it frees unwiped, and HarfBuzz's allocator can only be replaced when HarfBuzz is built.
 *   - Cost per document, the whole call and not only its preparation: hb-subset as a program
 *     first calls it (plan, old → new glyph map, execute; hinting dropped) takes 18.2–20.6 ms
 *     per document against 0.07–0.08 ms here (≈250×), 17.1–18.2 ms when it keeps only the
 *     six tables. Almost all of it is per-font preparation: hb_subset_preprocess() brings it
 *     down to 0.68–0.79 ms per document (still ≈10×), but costs 240–275 ms and 99 MiB of
 *     resident memory for IPAmj Mincho (24 ms and 5 MiB for IPAex Gothic) in every process
 *     that renders, a kiosk included.
 *   - Glyph id = CID. The engine numbers CIDs in order of first use while it draws; glyph i of
 *     this subset is CID i, so the PDF needs no CIDToGIDMap stream. hb-subset orders glyphs
 *     by their id in the font, so the engine would have to write that map.
 *   - Size: the same six tables come out 12–17 % smaller here (住民票: 47.0 KB against 55.9
 *     KB), 24–27 % smaller than hb-subset's default set of tables.
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
