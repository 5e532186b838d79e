/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-font.h — the shipped fonts, loaded once per process (internal to forms/).
 *
 * Each font file is mapped once (hb_blob_create_from_file: mmap, read-only, shared) and kept
 * with its hb_face/hb_font for the life of the process; the objects are immutable and may be
 * used from any thread. Per-document state (CIDs, subsets) lives in form-pdf-embed.c.
 */
#ifndef FORM_FONT_H
#define FORM_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hb.h>

#include "form.h"
#include "form-utf8.h"

/* The shipped font files. */
typedef enum form_font_id {
    FORM_FONT_IPAMJ = 0, /* IPAmj Mincho: MJ characters and IVS (cmap format 14) */
    FORM_FONT_IPAEX_M,   /* IPAex Mincho */
    FORM_FONT_IPAEX_G,   /* IPAex Gothic */
    FORM_FONT_COUNT
} form_font_id;

/* Longest fallback chain of a face. */
#define FORM_FONT_CHAIN_MAX 3
/* Longest PostScript name kept. */
#define FORM_FONT_PSNAME_MAX 63

typedef struct form_font {
    form_font_id id;
    hb_face_t *face;
    hb_font_t *font; /* scale = upem: advances come in font units */
    unsigned upem;
    unsigned glyph_count;
    int ascent, descent, cap_height; /* font units */
    int bbox[4];                     /* xMin yMin xMax yMax, font units */
    char psname[FORM_FONT_PSNAME_MAX + 1];
} form_font;

/* The font with this id from fonts_dir (NULL: Debian's paths), loaded on first use; NULL when
 * the file is missing or unusable. Never freed: the fonts live as long as the process. */
const form_font *form_font_get(const char *fonts_dir, form_font_id id);

/* The fallback chain of a face (form-pdf.h's form_font_face): up to FORM_FONT_CHAIN_MAX
 * loaded fonts, best first. Returns how many are loaded (0: FORM_E_FONT). */
size_t form_font_chain(const char *fonts_dir, int face, const form_font **out);

/* The glyph for code point cp followed by variation selector vs (0: none) in font f; 0 when
 * the font cannot draw it. For an ideographic variation selector (U+E0100..U+E01EF) only the
 * exact variation glyph counts; a standardized one (U+FE00..U+FE0F) falls back to the base. */
uint32_t form_font_glyph(const form_font *f, uint32_t cp, uint32_t vs);

/* Whether cp is a variation selector (applies to the character before it). */
bool form_font_is_vs(uint32_t cp);

#endif /* FORM_FONT_H */
