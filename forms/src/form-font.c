/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-font.c — the shipped fonts, loaded once per process (see form-font.h). */
#include "form-font.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>

static const char *const font_files[FORM_FONT_COUNT] = {
    [FORM_FONT_IPAMJ] = "ipamjm.ttf",
    [FORM_FONT_IPAEX_M] = "ipaexm.ttf",
    [FORM_FONT_IPAEX_G] = "ipaexg.ttf",
};

static const char *const debian_paths[FORM_FONT_COUNT] = {
    [FORM_FONT_IPAMJ] = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf",
    [FORM_FONT_IPAEX_M] = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",
    [FORM_FONT_IPAEX_G] = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
};

/* Fallback chains per form_font_face (FORM_FONT_MINCHO = 0, FORM_FONT_GOTHIC = 1). */
static const form_font_id chains[2][FORM_FONT_CHAIN_MAX] = {
    {FORM_FONT_IPAMJ, FORM_FONT_IPAEX_M, FORM_FONT_IPAEX_G},
    {FORM_FONT_IPAEX_G, FORM_FONT_IPAMJ, FORM_FONT_IPAEX_M},
};

/* Loaded fonts, keyed by directory (NULL = Debian). A handful of directories at most. */
#define FONT_DIRS_MAX 8
#define FONT_DIR_MAX 4096

typedef struct font_dir {
    char dir[FONT_DIR_MAX]; /* "" for Debian's paths */
    bool tried[FORM_FONT_COUNT];
    form_font *fonts[FORM_FONT_COUNT];
} font_dir;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static font_dir cache[FONT_DIRS_MAX];
static size_t cache_used;

static int16_t be16s(const uint8_t *p)
{
    return (int16_t)(uint16_t)((p[0] << 8) | p[1]);
}

static form_font *font_load(const char *path, form_font_id id)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (blob == NULL)
        return NULL;
    hb_face_t *face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    if (face == NULL || hb_face_get_glyph_count(face) == 0) {
        hb_face_destroy(face);
        return NULL;
    }
    /* TrueType outlines only: a CIDFontType2 needs glyf/loca. */
    hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
    unsigned glyf_len = hb_blob_get_length(glyf);
    hb_blob_destroy(glyf);
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned head_len = 0;
    const uint8_t *h = (const uint8_t *)hb_blob_get_data(head, &head_len);
    if (glyf_len == 0 || head_len < 54) {
        hb_blob_destroy(head);
        hb_face_destroy(face);
        return NULL;
    }
    form_font *f = calloc(1, sizeof *f);
    if (f == NULL) {
        hb_blob_destroy(head);
        hb_face_destroy(face);
        return NULL;
    }
    f->id = id;
    f->face = face;
    f->upem = hb_face_get_upem(face);
    f->glyph_count = hb_face_get_glyph_count(face);
    for (int i = 0; i < 4; i++)
        f->bbox[i] = be16s(h + 36 + 2 * i);
    hb_blob_destroy(head);

    f->font = hb_font_create(face);
    hb_font_set_scale(f->font, (int)f->upem, (int)f->upem);
    hb_position_t v = 0;
    f->ascent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)
                    ? v
                    : (int)f->upem * 88 / 100;
    f->descent = hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)
                     ? v
                     : -(int)f->upem * 12 / 100;
    f->cap_height =
        hb_ot_metrics_get_position(f->font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v) ? v : f->ascent;
    hb_font_make_immutable(f->font);
    hb_face_make_immutable(face);

    unsigned len = sizeof f->psname;
    if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
                            f->psname) == 0)
        snprintf(f->psname, sizeof f->psname, "KakanaiFont%d", (int)id);
    /* A PDF name: keep it to printable ASCII without delimiters. */
    for (char *p = f->psname; *p; p++)
        if (*p <= ' ' || *p > '~' || strchr("()<>[]{}/%#", *p))
            *p = '-';
    return f;
}

const form_font *form_font_get(const char *fonts_dir, form_font_id id)
{
    if ((unsigned)id >= FORM_FONT_COUNT)
        return NULL;
    const char *key = fonts_dir != NULL ? fonts_dir : "";
    if (strlen(key) >= FONT_DIR_MAX - 32)
        return NULL;
    form_font *res = NULL;
    pthread_mutex_lock(&cache_lock);
    font_dir *d = NULL;
    for (size_t i = 0; i < cache_used; i++)
        if (strcmp(cache[i].dir, key) == 0)
            d = &cache[i];
    if (d == NULL && cache_used < FONT_DIRS_MAX) {
        d = &cache[cache_used++];
        snprintf(d->dir, sizeof d->dir, "%s", key);
    }
    if (d != NULL) {
        if (!d->tried[id]) {
            char path[FONT_DIR_MAX];
            if (fonts_dir != NULL)
                snprintf(path, sizeof path, "%s/%s", fonts_dir, font_files[id]);
            else
                snprintf(path, sizeof path, "%s", debian_paths[id]);
            d->fonts[id] = font_load(path, id);
            d->tried[id] = true;
        }
        res = d->fonts[id];
    }
    pthread_mutex_unlock(&cache_lock);
    return res;
}

size_t form_font_chain(const char *fonts_dir, int face, const form_font **out)
{
    if (face < 0 || face > 1)
        face = 0;
    size_t n = 0;
    for (size_t i = 0; i < FORM_FONT_CHAIN_MAX; i++) {
        const form_font *f = form_font_get(fonts_dir, chains[face][i]);
        if (f != NULL)
            out[n++] = f;
    }
    return n;
}

bool form_font_is_vs(uint32_t cp)
{
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
           (cp >= 0x180B && cp <= 0x180D);
}

uint32_t form_font_glyph(const form_font *f, uint32_t cp, uint32_t vs)
{
    hb_codepoint_t g = 0;
    if (vs != 0) {
        if (hb_font_get_variation_glyph(f->font, cp, vs, &g) && g != 0)
            return g;
        if (vs >= 0xE0100) /* an IVS asks for one exact shape: no silent substitute */
            return 0;
    }
    if (hb_font_get_nominal_glyph(f->font, cp, &g))
        return g;
    return 0;
}

/* form_unprintable() (form.h): the coverage check over the shipped fonts. */
FORM_EXPORT size_t form_unprintable(const char *utf8, uint32_t *out, size_t cap)
{
    if (utf8 == NULL)
        return 0;
    const form_font *fonts[FORM_FONT_COUNT];
    size_t nf = 0;
    for (int id = 0; id < FORM_FONT_COUNT; id++) {
        const form_font *f = form_font_get(NULL, (form_font_id)id);
        if (f != NULL)
            fonts[nf++] = f;
    }
    size_t n = strlen(utf8), i = 0, count = 0;
    while (i < n) {
        uint32_t cp = 0, vs = 0;
        bool ok = form_utf8_next(utf8, n, &i, &cp);
        if (!ok) {
            cp = 0xFFFD; /* malformed UTF-8: nothing can draw it */
            i++;
        } else {
            size_t j = i;
            uint32_t next = 0;
            if (form_utf8_next(utf8, n, &j, &next) && form_font_is_vs(next)) {
                vs = next;
                i = j;
            }
        }
        bool drawable = false;
        if (ok && (cp == '\n' || cp == '\t'))
            drawable = true; /* layout characters, never drawn */
        for (size_t k = 0; ok && !drawable && k < nf; k++)
            drawable = form_font_glyph(fonts[k], cp, vs) != 0;
        if (!drawable) {
            uint32_t bad = (vs != 0 && ok) ? vs : cp;
            /* a lone base that some font draws, with an IVS none draws: report the selector */
            if (vs != 0) {
                bool base = false;
                for (size_t k = 0; k < nf && !base; k++)
                    base = form_font_glyph(fonts[k], cp, 0) != 0;
                if (!base)
                    bad = cp;
            }
            if (count < cap && out != NULL)
                out[count] = bad;
            count++;
        }
    }
    return count;
}
