/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-subset.c — a small TrueType subset per document (see form-subset.h). */
#include "form-subset.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "form-secure.h"

void *form_subset_alloc(size_t n)
{
    void *p = form_secure_alloc(n);
    /* secure heap full: ordinary memory, which form_secure_free also wipes and frees */
    return p != NULL ? p : OPENSSL_zalloc(n == 0 ? 1 : n);
}

/* ---- reading the font, every access bounds-checked ---------------------------------------- */

typedef struct table {
    hb_blob_t *blob;
    const uint8_t *p;
    size_t len;
} table;

static bool table_get(hb_face_t *face, hb_tag_t tag, table *t)
{
    unsigned len = 0;
    t->blob = hb_face_reference_table(face, tag);
    t->p = (const uint8_t *)hb_blob_get_data(t->blob, &len);
    t->len = len;
    return t->len > 0;
}

static void table_put(table *t)
{
    hb_blob_destroy(t->blob);
    t->blob = NULL;
}

static bool rd16(const table *t, size_t off, uint32_t *v)
{
    if (off > t->len || t->len - off < 2)
        return false;
    *v = (uint32_t)t->p[off] << 8 | t->p[off + 1];
    return true;
}

static bool rd32(const table *t, size_t off, uint32_t *v)
{
    if (off > t->len || t->len - off < 4)
        return false;
    *v = (uint32_t)t->p[off] << 24 | (uint32_t)t->p[off + 1] << 16 | (uint32_t)t->p[off + 2] << 8 |
         t->p[off + 3];
    return true;
}

static void wr16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* ---- an output buffer in locked memory ----------------------------------------------------- */

typedef struct out {
    uint8_t *p;
    size_t len, cap;
    bool failed;
} out;

static uint8_t *out_grow(out *o, size_t n)
{
    if (o->failed)
        return NULL;
    if (o->cap - o->len < n) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap - o->len < n) {
            if (cap > (size_t)1 << 30) {
                o->failed = true;
                return NULL;
            }
            cap *= 2;
        }
        uint8_t *q = form_subset_alloc(cap);
        if (q == NULL) {
            o->failed = true;
            return NULL;
        }
        if (o->p != NULL) {
            memcpy(q, o->p, o->len);
            form_secure_free(o->p, o->cap);
        }
        o->p = q;
        o->cap = cap;
    }
    uint8_t *at = o->p + o->len;
    memset(at, 0, n);
    o->len += n;
    return at;
}

static void out_pad4(out *o)
{
    while (o->len % 4 != 0)
        out_grow(o, 1);
}

/* ---- the subset ---------------------------------------------------------------------------- */

typedef struct plan {
    uint32_t *old; /* new → old glyph */
    size_t n, cap;
} plan;

static long plan_find(const plan *pl, uint32_t g)
{
    for (size_t i = 0; i < pl->n; i++)
        if (pl->old[i] == g)
            return (long)i;
    return -1;
}

static bool plan_add(plan *pl, uint32_t g)
{
    if (pl->n == pl->cap) {
        /* not realloc: the glyphs a document uses spell its text, so the old list is wiped */
        size_t cap = pl->cap ? pl->cap * 2 : 256;
        uint32_t *q = OPENSSL_malloc(cap * sizeof *q);
        if (q == NULL)
            return false;
        if (pl->n > 0)
            memcpy(q, pl->old, pl->n * sizeof *q);
        OPENSSL_clear_free(pl->old, pl->cap * sizeof *q);
        pl->old = q;
        pl->cap = cap;
    }
    pl->old[pl->n++] = g;
    return true;
}

/* The bytes of glyph g in glyf. */
static bool glyph_range(const table *loca, const table *glyf, bool long_loca, uint32_t g,
                        size_t *off, size_t *len)
{
    uint32_t a, b;
    if (long_loca) {
        if (!rd32(loca, (size_t)g * 4, &a) || !rd32(loca, (size_t)g * 4 + 4, &b))
            return false;
    } else {
        if (!rd16(loca, (size_t)g * 2, &a) || !rd16(loca, (size_t)g * 2 + 2, &b))
            return false;
        a *= 2;
        b *= 2;
    }
    if (b < a || b > glyf->len)
        return false;
    *off = a;
    *len = b - a;
    return true;
}

enum {
    ARG_WORDS = 0x0001,
    HAVE_SCALE = 0x0008,
    MORE_COMPONENTS = 0x0020,
    HAVE_XY_SCALE = 0x0040,
    HAVE_2X2 = 0x0080,
};

/* Bytes of one composite glyph component: flags, glyph index, the two arguments (words or
 * bytes) and the transform that follows them. */
static size_t component_size(uint32_t flags)
{
    size_t n = 4 + ((flags & ARG_WORDS) ? 4 : 2);
    if (flags & HAVE_SCALE)
        n += 2;
    else if (flags & HAVE_XY_SCALE)
        n += 4;
    else if (flags & HAVE_2X2)
        n += 8;
    return n;
}

/* Walk the components of a composite glyph at data[0..len): each component's glyph index
 * offset. fn returns false to stop. */
static bool components(const uint8_t *data, size_t len, bool (*fn)(void *, size_t, uint32_t),
                       void *user)
{
    table t = {NULL, data, len};
    size_t at = 10;
    for (;;) {
        uint32_t flags, g;
        if (!rd16(&t, at, &flags) || !rd16(&t, at + 2, &g))
            return false;
        if (!fn(user, at + 2, g))
            return false;
        at += component_size(flags);
        if (!(flags & MORE_COMPONENTS))
            return true;
    }
}

/* Hinting instructions are dropped (print resolution needs none, and they are most of a
 * glyph's bytes): the length a glyph keeps without them. */
static size_t strip_len(const uint8_t *data, size_t len)
{
    table t = {NULL, data, len};
    uint32_t nc, il;
    if (len < 10 || !rd16(&t, 0, &nc))
        return len < 10 ? 0 : len;
    if (nc & 0x8000) { /* composite: cut after the last component */
        size_t at = 10;
        for (;;) {
            uint32_t flags;
            if (!rd16(&t, at, &flags))
                return len;
            at += component_size(flags);
            if (!(flags & MORE_COMPONENTS))
                return at <= len ? at : len;
        }
    }
    size_t il_at = 10 + 2 * (size_t)nc;
    if (!rd16(&t, il_at, &il) || il_at + 2 + il > len)
        return len;
    return len - il;
}

/* Copy a glyph without its instructions into d (keep bytes, from strip_len). */
static void strip_copy(uint8_t *d, const uint8_t *data, size_t len, size_t keep)
{
    table t = {NULL, data, len};
    uint32_t nc;
    if (keep == len || len < 10 || !rd16(&t, 0, &nc)) {
        memcpy(d, data, keep < len ? keep : len);
        return;
    }
    if (nc & 0x8000) {
        memcpy(d, data, keep);
        /* clear WE_HAVE_INSTRUCTIONS (0x0100) on every component */
        size_t at = 10;
        for (;;) {
            uint32_t flags;
            if (!rd16(&t, at, &flags))
                return;
            wr16(d + at, flags & ~0x0100u);
            at += component_size(flags);
            if (!(flags & MORE_COMPONENTS) || at >= keep)
                return;
        }
    }
    size_t il_at = 10 + 2 * (size_t)nc, il = len - keep;
    memcpy(d, data, il_at);
    wr16(d + il_at, 0);
    memcpy(d + il_at + 2, data + il_at + 2 + il, len - il_at - 2 - il);
}

static bool add_component(void *user, size_t off, uint32_t g)
{
    (void)off;
    plan *pl = user;
    return plan_find(pl, g) >= 0 || plan_add(pl, g);
}

typedef struct remap_ctx {
    uint8_t *data;
    const plan *pl;
} remap_ctx;

static bool remap_component(void *user, size_t off, uint32_t g)
{
    remap_ctx *c = user;
    long ng = plan_find(c->pl, g);
    if (ng < 0)
        return false;
    wr16(c->data + off, (uint32_t)ng);
    return true;
}

static uint32_t checksum(const uint8_t *p, size_t len)
{
    uint32_t sum = 0;
    for (size_t i = 0; i < len; i += 4) {
        uint32_t v = 0;
        for (size_t k = 0; k < 4; k++)
            v = v << 8 | (i + k < len ? p[i + k] : 0);
        sum += v;
    }
    return sum;
}

form_err form_subset_truetype(hb_face_t *face, const uint32_t *gids, size_t n, uint8_t **res,
                              size_t *res_len)
{
    if (face == NULL || gids == NULL || n == 0 || n > FORM_SUBSET_GLYPHS_MAX || res == NULL ||
        res_len == NULL)
        return FORM_E_ARG;
    *res = NULL;
    *res_len = 0;
    form_err err = FORM_E_FONT;
    table head = {0}, hhea = {0}, maxp = {0}, hmtx = {0}, loca = {0}, glyf = {0};
    table cvt = {0}, fpgm = {0}, prep = {0};
    plan pl = {0};
    out o = {0};
    uint32_t loc_fmt, n_hm, num_glyphs;
    if (!table_get(face, HB_TAG('h', 'e', 'a', 'd'), &head) || head.len < 54 ||
        !table_get(face, HB_TAG('h', 'h', 'e', 'a'), &hhea) || hhea.len < 36 ||
        !table_get(face, HB_TAG('m', 'a', 'x', 'p'), &maxp) || maxp.len < 6 ||
        !table_get(face, HB_TAG('h', 'm', 't', 'x'), &hmtx) ||
        !table_get(face, HB_TAG('l', 'o', 'c', 'a'), &loca) ||
        !table_get(face, HB_TAG('g', 'l', 'y', 'f'), &glyf) || !rd16(&head, 50, &loc_fmt) ||
        !rd16(&hhea, 34, &n_hm) || !rd16(&maxp, 4, &num_glyphs) || n_hm == 0)
        goto done;
    /* cvt, fpgm and prep stay out: the glyphs lose their instructions below */
    bool long_loca = loc_fmt == 1;

    for (size_t i = 0; i < n; i++) {
        if (gids[i] >= num_glyphs || !plan_add(&pl, gids[i])) {
            err = gids[i] >= num_glyphs ? FORM_E_FONT : FORM_E_NOMEM;
            goto done;
        }
    }
    /* components of composite glyphs join the end of the list (the list grows as we go) */
    for (size_t i = 0; i < pl.n; i++) {
        size_t off, len;
        if (!glyph_range(&loca, &glyf, long_loca, pl.old[i], &off, &len))
            goto done;
        uint32_t nc;
        if (len >= 10 && rd16(&glyf, off, &nc) && (nc & 0x8000)) {
            if (!components(glyf.p + off, len, add_component, &pl))
                goto done;
            if (pl.n > FORM_SUBSET_GLYPHS_MAX)
                goto done;
        }
    }
    size_t ng = pl.n;

    /* glyf and loca */
    out g = {0};
    uint32_t *offs = OPENSSL_zalloc((ng + 1) * sizeof *offs);
    if (offs == NULL) {
        err = FORM_E_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < ng; i++) {
        size_t off, len;
        offs[i] = (uint32_t)g.len;
        if (!glyph_range(&loca, &glyf, long_loca, pl.old[i], &off, &len)) {
            OPENSSL_clear_free(offs, (ng + 1) * sizeof *offs);
            form_secure_free(g.p, g.cap);
            goto done;
        }
        size_t keep = strip_len(glyf.p + off, len);
        uint8_t *d = out_grow(&g, keep);
        if (d == NULL)
            break;
        strip_copy(d, glyf.p + off, len, keep);
        uint32_t nc;
        if (keep >= 10 && rd16(&glyf, off, &nc) && (nc & 0x8000)) {
            remap_ctx c = {d, &pl};
            if (!components(d, keep, remap_component, &c))
                g.failed = true;
        }
        out_pad4(&g);
    }
    offs[ng] = (uint32_t)g.len;
    if (g.failed) {
        OPENSSL_clear_free(offs, (ng + 1) * sizeof *offs);
        form_secure_free(g.p, g.cap);
        err = FORM_E_NOMEM;
        goto done;
    }

    /* the tables, in tag order */
    enum { T_CVT, T_FPGM, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_PREP, T_N };
    static const hb_tag_t tags[T_N] = {
        HB_TAG('c', 'v', 't', ' '), HB_TAG('f', 'p', 'g', 'm'), HB_TAG('g', 'l', 'y', 'f'),
        HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'),
        HB_TAG('l', 'o', 'c', 'a'), HB_TAG('m', 'a', 'x', 'p'), HB_TAG('p', 'r', 'e', 'p')};
    bool present[T_N] = {cvt.len > 0, fpgm.len > 0, true, true,        true,
                         true,        true,         true, prep.len > 0};
    unsigned nt = 0;
    for (int i = 0; i < T_N; i++)
        nt += present[i];
    unsigned sr = 1, es = 0;
    while (sr * 2 <= nt) {
        sr *= 2;
        es++;
    }
    uint8_t *dir = out_grow(&o, 12 + 16 * (size_t)nt);
    if (dir == NULL) {
        OPENSSL_clear_free(offs, (ng + 1) * sizeof *offs);
        form_secure_free(g.p, g.cap);
        err = FORM_E_NOMEM;
        goto done;
    }
    wr32(dir, 0x00010000);
    wr16(dir + 4, nt);
    wr16(dir + 6, sr * 16);
    wr16(dir + 8, es);
    wr16(dir + 10, nt * 16 - sr * 16);
    size_t head_at = 0;
    unsigned k = 0;
    for (int t = 0; t < T_N; t++) {
        if (!present[t])
            continue;
        size_t start = o.len;
        uint8_t *d = NULL;
        switch (t) {
        case T_CVT:
            if ((d = out_grow(&o, cvt.len)) != NULL)
                memcpy(d, cvt.p, cvt.len);
            break;
        case T_FPGM:
            if ((d = out_grow(&o, fpgm.len)) != NULL)
                memcpy(d, fpgm.p, fpgm.len);
            break;
        case T_PREP:
            if ((d = out_grow(&o, prep.len)) != NULL)
                memcpy(d, prep.p, prep.len);
            break;
        case T_GLYF:
            if ((d = out_grow(&o, g.len)) != NULL && g.len > 0)
                memcpy(d, g.p, g.len);
            break;
        case T_HEAD:
            if ((d = out_grow(&o, 54)) != NULL) {
                memcpy(d, head.p, 54);
                wr32(d + 8, 0);  /* checkSumAdjustment, set below */
                wr16(d + 50, 1); /* long loca */
                head_at = start;
            }
            break;
        case T_HHEA:
            if ((d = out_grow(&o, 36)) != NULL) {
                memcpy(d, hhea.p, 36);
                wr16(d + 34, (uint32_t)ng);
            }
            break;
        case T_HMTX:
            if ((d = out_grow(&o, ng * 4)) != NULL)
                for (size_t i = 0; i < ng; i++) {
                    uint32_t gid = pl.old[i], adv = 0, lsb = 0;
                    if (gid < n_hm) {
                        rd16(&hmtx, (size_t)gid * 4, &adv);
                        rd16(&hmtx, (size_t)gid * 4 + 2, &lsb);
                    } else {
                        rd16(&hmtx, (size_t)(n_hm - 1) * 4, &adv);
                        rd16(&hmtx, (size_t)n_hm * 4 + (size_t)(gid - n_hm) * 2, &lsb);
                    }
                    wr16(d + i * 4, adv);
                    wr16(d + i * 4 + 2, lsb);
                }
            break;
        case T_LOCA:
            if ((d = out_grow(&o, (ng + 1) * 4)) != NULL)
                for (size_t i = 0; i <= ng; i++)
                    wr32(d + i * 4, offs[i]);
            break;
        case T_MAXP:
            if ((d = out_grow(&o, maxp.len)) != NULL) {
                memcpy(d, maxp.p, maxp.len);
                wr16(d + 4, (uint32_t)ng);
            }
            break;
        }
        if (o.failed)
            break;
        size_t len = o.len - start;
        out_pad4(&o);
        uint8_t *e = o.p + 12 + 16 * k++;
        wr32(e, tags[t]);
        wr32(e + 4, checksum(o.p + start, len));
        wr32(e + 8, (uint32_t)start);
        wr32(e + 12, (uint32_t)len);
    }
    OPENSSL_clear_free(offs, (ng + 1) * sizeof *offs);
    form_secure_free(g.p, g.cap);
    if (o.failed) {
        err = FORM_E_NOMEM;
        goto done;
    }
    wr32(o.p + head_at + 8, 0xB1B0AFBAu - checksum(o.p, o.len));
    *res = o.p;
    *res_len = o.len;
    /* the buffer may be larger than the font: hand over exactly len bytes */
    if (o.cap != o.len) {
        uint8_t *exact = form_subset_alloc(o.len);
        if (exact == NULL) {
            err = FORM_E_NOMEM;
            *res = NULL;
            *res_len = 0;
            goto done;
        }
        memcpy(exact, o.p, o.len);
        form_secure_free(o.p, o.cap);
        *res = exact;
    }
    o.p = NULL;
    o.cap = 0;
    err = FORM_OK;
done:
    if (o.p != NULL)
        form_secure_free(o.p, o.cap);
    OPENSSL_clear_free(pl.old, pl.cap * sizeof *pl.old);
    table *all[] = {&head, &hhea, &maxp, &hmtx, &loca, &glyf, &cvt, &fpgm, &prep};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        table_put(all[i]);
    return err;
}
