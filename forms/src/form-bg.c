/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-bg.c — one page of a PDF read with qpdf into kakanai's own object tree (form-bg.h).
 *
 * The loader converts values breadth first: the page's resources and content are converted
 * directly; every indirect object they reach gets an index on first sight (a small hash from
 * qpdf's object id) and is converted later from the queue, so a cycle of references costs one
 * entry and no recursion. qpdf's C API keeps one dictionary-key iterator per document, so a
 * dictionary's keys are copied out before any of its values is converted.
 */
#include "form-bg.h"
#include "form-inflate.h"
#include "form-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <qpdf/qpdf-c.h>

/* values (numbers, names, …) converted in one page: with the strings counted in `kept`, this
 * bounds the tree's memory (a value is about 80 bytes) */
#define BG_MAX_VALUES (1u << 18)
#define BG_MAX_CONTENT_PARTS 1024u

typedef struct loader {
    qpdf_data q;
    form_bg *bg;
    int *ids, *gens;    /* qpdf object id and generation of each of bg->objs */
    uint32_t *slots;    /* hash: index + 1, 0 = empty */
    size_t nslots;
    size_t values;
    const char *why_en, *why_ja;
    form_err err;
} loader;

static void fail(loader *ld, form_err e, const char *en, const char *ja)
{
    if (ld->err == FORM_OK) {
        ld->err = e;
        ld->why_en = en;
        ld->why_ja = ja;
    }
}

#define FAIL_BROKEN(ld)                                                                            \
    fail(ld, FORM_E_INPUT, "the PDF is damaged (qpdf could not read an object)",                \
         "PDF が壊れています（オブジェクトを読めません）")
#define FAIL_LIMIT(ld)                                                                             \
    fail(ld, FORM_E_INPUT, "the PDF page is too large or too complex for a background",         \
         "PDF のページが背景として大きすぎるか複雑すぎます")

static void val_free(form_bg_val *v)
{
    if (v == NULL)
        return;
    free(v->s);
    for (size_t i = 0; i < v->n; i++) {
        if (v->items)
            val_free(&v->items[i]);
        if (v->keys)
            free(v->keys[i]);
    }
    free(v->items);
    free(v->keys);
    memset(v, 0, sizeof *v);
}

void form_bg_free(form_bg *bg)
{
    if (bg == NULL)
        return;
    for (size_t i = 0; i < bg->nobjs; i++) {
        val_free(&bg->objs[i].v);
        val_free(&bg->objs[i].filter);
        val_free(&bg->objs[i].parms);
        free(bg->objs[i].data);
    }
    free(bg->objs);
    val_free(&bg->resources);
    val_free(&bg->content_filter);
    val_free(&bg->content_parms);
    free(bg->content);
    free(bg);
}

/* The index of qpdf object (id, gen) in bg->objs, added (and queued) on first sight. */
static bool obj_index(loader *ld, int id, int gen, uint32_t *out)
{
    uint64_t h = ((uint64_t)(uint32_t)id * 0x9E3779B97F4A7C15u) ^ (uint32_t)gen;
    size_t mask = ld->nslots - 1;
    for (size_t k = (size_t)(h >> 20) & mask;; k = (k + 1) & mask) {
        uint32_t s = ld->slots[k];
        if (s == 0) {
            form_bg *bg = ld->bg;
            if (bg->nobjs >= FORM_BG_MAX_OBJECTS) {
                FAIL_LIMIT(ld);
                return false;
            }
            if (bg->nobjs == bg->cap) {
                size_t nc = bg->cap ? bg->cap * 2 : 64;
                form_bg_obj *no = realloc(bg->objs, nc * sizeof *no);
                int *ni = no ? realloc(ld->ids, nc * sizeof *ni) : NULL;
                if (ni)
                    ld->ids = ni;
                int *ng = ni ? realloc(ld->gens, nc * sizeof *ng) : NULL;
                if (no)
                    bg->objs = no;
                if (ng == NULL) {
                    fail(ld, FORM_E_NOMEM, NULL, NULL);
                    return false;
                }
                ld->gens = ng;
                bg->cap = nc;
            }
            memset(&bg->objs[bg->nobjs], 0, sizeof bg->objs[0]);
            ld->ids[bg->nobjs] = id;
            ld->gens[bg->nobjs] = gen;
            ld->slots[k] = (uint32_t)++bg->nobjs;
            *out = (uint32_t)(bg->nobjs - 1);
            return true;
        }
        if (ld->ids[s - 1] == id && ld->gens[s - 1] == gen) {
            *out = s - 1;
            return true;
        }
    }
}

static bool skip_key(const char *k)
{
    /* metadata and structure links: never drawn, and they lead far into the document */
    return strcmp(k, "Metadata") == 0 || strcmp(k, "PieceInfo") == 0 ||
           strcmp(k, "StructParent") == 0 || strcmp(k, "StructParents") == 0 ||
           strcmp(k, "Parent") == 0;
}

/* Convert h into *out. An indirect object below the top (depth > 0) becomes a reference,
 * unless inline_refs (filters and their parameters: written inline). */
static void conv(loader *ld, qpdf_oh h, form_bg_val *out, unsigned depth, bool inline_refs)
{
    qpdf_data q = ld->q;
    memset(out, 0, sizeof *out);
    if (ld->err != FORM_OK)
        return;
    if (depth > FORM_BG_MAX_DEPTH || ++ld->values > BG_MAX_VALUES) {
        FAIL_LIMIT(ld);
        return;
    }
    if (!inline_refs && depth > 0 && qpdf_oh_is_indirect(q, h)) {
        out->kind = FORM_BG_REF;
        obj_index(ld, qpdf_oh_get_object_id(q, h), qpdf_oh_get_generation(q, h), &out->ref);
        return;
    }
    enum qpdf_object_type_e t = qpdf_oh_get_type_code(q, h);
    if (qpdf_has_error(q)) {
        FAIL_BROKEN(ld);
        return;
    }
    switch (t) {
    case ot_null:
        out->kind = FORM_BG_NULL;
        return;
    case ot_boolean:
        out->kind = FORM_BG_BOOL;
        out->b = qpdf_oh_get_bool_value(q, h) != 0;
        return;
    case ot_integer:
    case ot_real: {
        double r = qpdf_oh_get_numeric_value(q, h);
        if (!isfinite(r) || fabs(r) > 2147483647.0) {
            fail(ld, FORM_E_INPUT, "the PDF has a number out of range",
                 "PDF に範囲外の数値があります");
            return;
        }
        if (t == ot_integer || (r == floor(r) && fabs(r) > 32767.0)) {
            out->kind = FORM_BG_INT;
            out->i = (int32_t)r;
        } else if (fabs(r) <= 32767.0) {
            out->kind = FORM_BG_REAL;
            out->r = r;
        } else {
            fail(ld, FORM_E_INPUT, "the PDF has a number out of range",
                 "PDF に範囲外の数値があります");
        }
        return;
    }
    case ot_name: {
        const char *n = NULL;
        size_t len = 0;
        if (!qpdf_oh_get_value_as_name(q, h, &n, &len) || n == NULL || len < 2 || len > 128 ||
            n[0] != '/' || memchr(n, '\0', len) != NULL) {
            fail(ld, FORM_E_INPUT, "the PDF has a name that is empty or too long",
                 "PDF に空か長すぎる名前があります");
            return;
        }
        out->kind = FORM_BG_NAME;
        out->s = form_strndup(n + 1, len - 1);
        out->slen = len - 1;
        if (out->s == NULL)
            fail(ld, FORM_E_NOMEM, NULL, NULL);
        return;
    }
    case ot_string: {
        size_t len = 0;
        const char *s = qpdf_oh_get_binary_string_value(q, h, &len);
        if (s == NULL || len > 65535) {
            fail(ld, FORM_E_INPUT, "the PDF has a string longer than 64 KiB",
                 "PDF に 64 KiB を超える文字列があります");
            return;
        }
        if (ld->bg->kept + len + 1 > FORM_BG_MAX_TOTAL_BYTES) {
            FAIL_LIMIT(ld);
            return;
        }
        ld->bg->kept += len + 1;
        out->kind = FORM_BG_STRING;
        out->s = malloc(len + 1);
        if (out->s == NULL) {
            fail(ld, FORM_E_NOMEM, NULL, NULL);
            return;
        }
        memcpy(out->s, s, len);
        out->s[len] = '\0';
        out->slen = len;
        return;
    }
    case ot_array: {
        int n = qpdf_oh_get_array_n_items(q, h);
        if (n < 0 || n > 32767) {
            FAIL_LIMIT(ld);
            return;
        }
        out->kind = FORM_BG_ARRAY;
        out->items = n ? calloc((size_t)n, sizeof *out->items) : NULL;
        if (n && out->items == NULL) {
            fail(ld, FORM_E_NOMEM, NULL, NULL);
            return;
        }
        for (int i = 0; i < n && ld->err == FORM_OK; i++) {
            qpdf_oh it = qpdf_oh_get_array_item(q, h, i);
            conv(ld, it, &out->items[i], depth + 1, inline_refs);
            qpdf_oh_release(q, it);
            out->n = (size_t)i + 1;
        }
        return;
    }
    case ot_dictionary: {
        /* the keys first: qpdf has one key iterator per document */
        size_t n = 0, cap = 0;
        char **keys = NULL;
        qpdf_oh_begin_dict_key_iter(q, h);
        while (ld->err == FORM_OK && qpdf_oh_dict_more_keys(q)) {
            const char *k = qpdf_oh_dict_next_key(q);
            size_t kl = k ? strlen(k) : 0;
            if (kl < 2 || kl > 128 || k[0] != '/') {
                fail(ld, FORM_E_INPUT, "the PDF has a name that is empty or too long",
                     "PDF に空か長すぎる名前があります");
                break;
            }
            if (skip_key(k + 1))
                continue;
            if (n >= 4095) {
                FAIL_LIMIT(ld);
                break;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 8;
                char **nk = realloc(keys, cap * sizeof *nk);
                if (nk == NULL) {
                    fail(ld, FORM_E_NOMEM, NULL, NULL);
                    break;
                }
                keys = nk;
            }
            keys[n] = form_strdup(k);
            if (keys[n] == NULL) {
                fail(ld, FORM_E_NOMEM, NULL, NULL);
                break;
            }
            n++;
        }
        out->kind = FORM_BG_DICT;
        out->keys = keys;
        out->items = n ? calloc(n, sizeof *out->items) : NULL;
        out->n = n;
        if (n && out->items == NULL) {
            out->n = 0;
            for (size_t i = 0; i < n; i++)
                free(keys[i]);
            fail(ld, FORM_E_NOMEM, NULL, NULL);
            return;
        }
        for (size_t i = 0; i < n && ld->err == FORM_OK; i++) {
            qpdf_oh it = qpdf_oh_get_key(q, h, keys[i]);
            conv(ld, it, &out->items[i], depth + 1, inline_refs);
            qpdf_oh_release(q, it);
        }
        for (size_t i = 0; i < n; i++) /* stored without the '/' */
            memmove(keys[i], keys[i] + 1, strlen(keys[i]));
        return;
    }
    case ot_stream:
        fail(ld, FORM_E_INPUT, "the PDF has a stream where a value was expected",
             "PDF の値があるべき所にストリームがあります");
        return;
    default:
        FAIL_BROKEN(ld);
        return;
    }
}

/* Drop one key of a converted dictionary (a stream's Length, Filter, DecodeParms). */
static void dict_take(form_bg_val *d, const char *key, form_bg_val *into)
{
    for (size_t i = 0; d->kind == FORM_BG_DICT && i < d->n; i++)
        if (strcmp(d->keys[i], key) == 0) {
            if (into)
                *into = d->items[i];
            else
                val_free(&d->items[i]);
            free(d->keys[i]);
            d->keys[i] = d->keys[d->n - 1];
            d->items[i] = d->items[d->n - 1];
            d->n--;
            return;
        }
}

/* A stream's raw bytes, its filter and parameters (followed through references). */
static bool stream_raw(loader *ld, qpdf_oh h, uint8_t **data, size_t *len, form_bg_val *filter,
                       form_bg_val *parms)
{
    qpdf_data q = ld->q;
    unsigned char *buf = NULL;
    size_t n = 0;
    if (qpdf_oh_get_stream_data(q, h, qpdf_dl_none, NULL, &buf, &n) & QPDF_ERRORS) {
        qpdf_get_error(q);
        free(buf);
        FAIL_BROKEN(ld);
        return false;
    }
    if (n > FORM_BG_MAX_STREAM_BYTES || ld->bg->kept + n > FORM_BG_MAX_TOTAL_BYTES) {
        free(buf);
        FAIL_LIMIT(ld);
        return false;
    }
    ld->bg->kept += n;
    *data = buf;
    *len = n;
    qpdf_oh d = qpdf_oh_get_dict(q, h);
    qpdf_oh f = qpdf_oh_get_key(q, d, "/Filter");
    qpdf_oh p = qpdf_oh_get_key(q, d, "/DecodeParms");
    conv(ld, f, filter, 0, true);
    conv(ld, p, parms, 0, true);
    qpdf_oh_release(q, f);
    qpdf_oh_release(q, p);
    qpdf_oh_release(q, d);
    return ld->err == FORM_OK;
}

/* Convert the queued indirect objects, in the order they were first seen. */
static void convert_objects(loader *ld)
{
    qpdf_data q = ld->q;
    for (size_t i = 0; i < ld->bg->nobjs && ld->err == FORM_OK; i++) {
        qpdf_oh h = qpdf_get_object_by_id(q, ld->ids[i], ld->gens[i]);
        form_bg_obj *o = &ld->bg->objs[i];
        if (qpdf_oh_is_stream(q, h)) {
            o->stream = true;
            qpdf_oh d = qpdf_oh_get_dict(q, h);
            form_bg_val dv;
            conv(ld, d, &dv, 0, false);
            qpdf_oh_release(q, d);
            o = &ld->bg->objs[i]; /* conv may have grown objs */
            o->v = dv;
            dict_take(&o->v, "Length", NULL);
            dict_take(&o->v, "Filter", NULL);
            dict_take(&o->v, "DecodeParms", NULL);
            dict_take(&o->v, "DL", NULL);
            uint8_t *data = NULL;
            size_t len = 0;
            form_bg_val f = {0}, p = {0};
            if (ld->err == FORM_OK)
                stream_raw(ld, h, &data, &len, &f, &p);
            o = &ld->bg->objs[i];
            o->data = data, o->len = len, o->filter = f, o->parms = p;
        } else {
            form_bg_val v;
            conv(ld, h, &v, 0, false); /* depth 0: its value, not a reference to itself */
            ld->bg->objs[i].v = v;
        }
        qpdf_oh_release(q, h);
        if (qpdf_has_error(q))
            FAIL_BROKEN(ld);
    }
}

const form_bg_val *form_bg_deref(const form_bg *bg, const form_bg_val *v)
{
    for (int hop = 0; v != NULL && v->kind == FORM_BG_REF && hop < 8; hop++)
        v = v->ref < bg->nobjs ? &bg->objs[v->ref].v : NULL;
    return v != NULL && v->kind == FORM_BG_REF ? NULL : v;
}

const form_bg_val *form_bg_dict_get(const form_bg *bg, const form_bg_val *d, const char *key)
{
    d = form_bg_deref(bg, d);
    if (d == NULL || d->kind != FORM_BG_DICT)
        return NULL;
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->keys[i], key) == 0)
            return form_bg_deref(bg, &d->items[i]);
    return NULL;
}

const form_bg_val *form_bg_resource(const form_bg *bg, const form_bg_val *resources,
                                    const char *category, const char *name)
{
    return form_bg_dict_get(bg, form_bg_dict_get(bg, resources, category), name);
}

bool form_bg_flate_only(const form_bg *bg, const form_bg_val *filter, const form_bg_val *parms,
                        bool *none)
{
    *none = false;
    filter = form_bg_deref(bg, filter);
    if (filter == NULL || filter->kind == FORM_BG_NULL ||
        (filter->kind == FORM_BG_ARRAY && filter->n == 0)) {
        *none = true;
        return true;
    }
    const form_bg_val *f = filter;
    if (f->kind == FORM_BG_ARRAY) {
        if (f->n != 1)
            return false;
        f = form_bg_deref(bg, &f->items[0]);
        parms = form_bg_deref(bg, parms);
        if (parms && parms->kind == FORM_BG_ARRAY)
            parms = parms->n == 1 ? form_bg_deref(bg, &parms->items[0]) : NULL;
    }
    if (f == NULL || f->kind != FORM_BG_NAME || strcmp(f->s, "FlateDecode") != 0)
        return false;
    const form_bg_val *pred = form_bg_dict_get(bg, parms, "Predictor");
    return pred == NULL || (pred->kind == FORM_BG_INT && pred->i <= 1);
}

/* Append one content stream, decoded when it is plain or FlateDecode (kakanai's capped
 * inflate), kept raw with its filter when it is the page's only stream. */
static void content_part(loader *ld, qpdf_oh h, bool only)
{
    form_bg *bg = ld->bg;
    uint8_t *raw = NULL;
    size_t len = 0;
    form_bg_val f = {0}, p = {0};
    if (!stream_raw(ld, h, &raw, &len, &f, &p)) {
        free(raw);
        val_free(&f);
        val_free(&p);
        return;
    }
    bool none = false;
    uint8_t *dec = NULL;
    size_t dlen = 0;
    if (form_bg_flate_only(bg, &f, &p, &none)) {
        if (none) {
            dec = raw, dlen = len, raw = NULL;
        } else {
            form_err e = form_inflate(raw, len, FORM_BG_MAX_STREAM_BYTES, &dec, &dlen);
            if (e != FORM_OK)
                fail(ld, e, "a content stream of the PDF page does not decompress (damaged, or "
                            "larger than 16 MiB)",
                     "PDF ページの内容が展開できません（壊れているか 16 MiB を超えます）");
        }
        val_free(&f);
        val_free(&p);
    } else if (only) {
        bg->content = raw, bg->content_len = len;
        bg->content_filter = f, bg->content_parms = p;
        return;
    } else {
        fail(ld, FORM_E_INPUT, "the PDF page's content uses a compression kakanai does not read",
             "PDF ページの内容の圧縮形式に対応していません");
        val_free(&f);
        val_free(&p);
    }
    free(raw);
    if (ld->err != FORM_OK) {
        free(dec);
        return;
    }
    if (bg->content_len + dlen + 1 > FORM_BG_MAX_STREAM_BYTES ||
        bg->kept + dlen + 1 > FORM_BG_MAX_TOTAL_BYTES) {
        free(dec);
        FAIL_LIMIT(ld);
        return;
    }
    uint8_t *nc = realloc(bg->content, bg->content_len + dlen + 2);
    if (nc == NULL) {
        free(dec);
        fail(ld, FORM_E_NOMEM, NULL, NULL);
        return;
    }
    bg->content = nc;
    if (dlen)
        memcpy(nc + bg->content_len, dec, dlen);
    bg->content_len += dlen;
    nc[bg->content_len++] = '\n';
    nc[bg->content_len] = '\0';
    bg->kept += dlen + 1;
    free(dec);
}

static bool read_box(loader *ld, qpdf_oh page, const char *key, double out[4])
{
    qpdf_data q = ld->q;
    qpdf_oh b = qpdf_oh_get_key(q, page, key);
    bool ok = qpdf_oh_is_array(q, b) && qpdf_oh_get_array_n_items(q, b) == 4;
    double v[4] = {0};
    for (int i = 0; ok && i < 4; i++) {
        qpdf_oh it = qpdf_oh_get_array_item(q, b, i);
        ok = qpdf_oh_get_value_as_number(q, it, &v[i]) && isfinite(v[i]) && fabs(v[i]) < 1e5;
        qpdf_oh_release(q, it);
    }
    qpdf_oh_release(q, b);
    if (!ok)
        return false;
    out[0] = fmin(v[0], v[2]), out[1] = fmin(v[1], v[3]);
    out[2] = fmax(v[0], v[2]), out[3] = fmax(v[1], v[3]);
    return true;
}

static void load_page(loader *ld, long pageno)
{
    qpdf_data q = ld->q;
    form_bg *bg = ld->bg;
    if (qpdf_is_encrypted(q)) {
        fail(ld, FORM_E_INPUT, "the PDF is encrypted: save it again without a password",
             "PDF が暗号化されています。パスワードなしで保存し直してください");
        return;
    }
    int n = qpdf_get_num_pages(q);
    if (qpdf_has_error(q) || n <= 0) {
        qpdf_get_error(q);
        fail(ld, FORM_E_INPUT, "the PDF has no readable page", "PDF に読めるページがありません");
        return;
    }
    if (pageno < 1 || pageno > n) {
        fail(ld, FORM_E_INPUT, "the PDF has no such page (background_page)",
             "PDF にその番号のページがありません（background_page）");
        return;
    }
    if (qpdf_push_inherited_attributes_to_page(q) & QPDF_ERRORS) {
        qpdf_get_error(q);
        FAIL_BROKEN(ld);
        return;
    }
    qpdf_oh page = qpdf_get_page_n(q, (size_t)(pageno - 1));
    double media[4], crop[4];
    if (!read_box(ld, page, "/MediaBox", media)) {
        media[0] = 0, media[1] = 0, media[2] = 612, media[3] = 792; /* the PDF default */
    }
    memcpy(bg->box, media, sizeof media);
    if (read_box(ld, page, "/CropBox", crop)) {
        bg->box[0] = fmax(media[0], crop[0]), bg->box[1] = fmax(media[1], crop[1]);
        bg->box[2] = fmin(media[2], crop[2]), bg->box[3] = fmin(media[3], crop[3]);
    }
    if (bg->box[2] - bg->box[0] < 1 || bg->box[3] - bg->box[1] < 1) {
        fail(ld, FORM_E_INPUT, "the PDF page has no visible area", "PDF のページに表示範囲がありません");
        qpdf_oh_release(q, page);
        return;
    }
    qpdf_oh rot = qpdf_oh_get_key(q, page, "/Rotate");
    long long r = 0;
    if (qpdf_oh_get_value_as_longlong(q, rot, &r) && r % 90 == 0)
        bg->rotate = (int)(((r % 360) + 360) % 360);
    qpdf_oh_release(q, rot);
    qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
    if (qpdf_oh_is_dictionary(q, res))
        conv(ld, res, &bg->resources, 0, false);
    qpdf_oh_release(q, res);
    qpdf_oh c = qpdf_oh_get_key(q, page, "/Contents");
    if (qpdf_oh_is_stream(q, c)) {
        content_part(ld, c, true);
    } else if (qpdf_oh_is_array(q, c)) {
        int parts = qpdf_oh_get_array_n_items(q, c);
        if (parts < 0 || (unsigned)parts > BG_MAX_CONTENT_PARTS)
            FAIL_LIMIT(ld);
        for (int i = 0; i < parts && ld->err == FORM_OK; i++) {
            qpdf_oh it = qpdf_oh_get_array_item(q, c, i);
            if (qpdf_oh_is_stream(q, it))
                content_part(ld, it, parts == 1);
            qpdf_oh_release(q, it);
        }
    }
    qpdf_oh_release(q, c);
    qpdf_oh_release(q, page);
    if (qpdf_has_error(q)) {
        qpdf_get_error(q);
        FAIL_BROKEN(ld);
    }
    convert_objects(ld);
}

/* Form XObjects that draw themselves (directly or through others) would send a viewer or a
 * printer's renderer into endless recursion: refused, as are chains deeper than 32. state:
 * 0 unseen, 1 on the path, 2 done. */
static bool xobject_loops(const form_bg *bg, const form_bg_val *res, uint8_t *state, int depth)
{
    const form_bg_val *xd = form_bg_dict_get(bg, res, "XObject");
    if (xd == NULL || xd->kind != FORM_BG_DICT)
        return false;
    if (depth > 32)
        return true;
    for (size_t i = 0; i < xd->n; i++) {
        if (xd->items[i].kind != FORM_BG_REF || xd->items[i].ref >= bg->nobjs)
            continue;
        uint32_t k = xd->items[i].ref;
        if (state[k] == 1)
            return true;
        if (state[k] == 2 || !bg->objs[k].stream)
            continue;
        state[k] = 1;
        if (xobject_loops(bg, form_bg_dict_get(bg, &bg->objs[k].v, "Resources"), state,
                          depth + 1))
            return true;
        state[k] = 2;
    }
    return false;
}

form_err form_bg_load_mem(const uint8_t *data, size_t len, long page, form_bg **out,
                          const char **why_en, const char **why_ja)
{
    const char *dummy;
    if (why_en == NULL)
        why_en = &dummy;
    if (why_ja == NULL)
        why_ja = &dummy;
    *why_en = *why_ja = NULL;
    if (out == NULL || (data == NULL && len > 0))
        return FORM_E_ARG;
    *out = NULL;
    if (len > FORM_BG_MAX_FILE_BYTES) {
        *why_en = "the PDF is larger than 32 MiB";
        *why_ja = "PDF が 32 MiB を超えています";
        return FORM_E_INPUT;
    }
    if (len < 8 || memcmp(data, "%PDF-", 5) != 0) {
        *why_en = "the file is not a PDF (it does not start with %PDF-)";
        *why_ja = "PDF ファイルではありません（%PDF- で始まっていません）";
        return FORM_E_INPUT;
    }
    loader ld = {0};
    ld.bg = calloc(1, sizeof *ld.bg);
    ld.nslots = 2 * FORM_BG_MAX_OBJECTS; /* a power of two, never more than half full */
    ld.slots = calloc(ld.nslots, sizeof *ld.slots);
    ld.q = qpdf_init();
    if (ld.bg == NULL || ld.slots == NULL || ld.q == NULL) {
        form_bg_free(ld.bg);
        free(ld.slots);
        if (ld.q)
            qpdf_cleanup(&ld.q);
        return FORM_E_NOMEM;
    }
    qpdf_silence_errors(ld.q);
    qpdf_set_suppress_warnings(ld.q, QPDF_TRUE);
    if (qpdf_read_memory(ld.q, "background", (const char *)data, len, NULL) & QPDF_ERRORS) {
        qpdf_get_error(ld.q);
        fail(&ld, FORM_E_INPUT, "the PDF is damaged beyond repair (qpdf cannot open it)",
             "PDF が壊れていて開けません");
    } else {
        load_page(&ld, page);
    }
    qpdf_cleanup(&ld.q);
    free(ld.slots);
    free(ld.ids);
    free(ld.gens);
    if (ld.err == FORM_OK) {
        uint8_t *state = calloc(ld.bg->nobjs + 1, 1);
        if (state == NULL)
            fail(&ld, FORM_E_NOMEM, NULL, NULL);
        else if (xobject_loops(ld.bg, &ld.bg->resources, state, 0))
            fail(&ld, FORM_E_INPUT, "a drawing of the PDF page draws itself (endless recursion)",
                 "PDF ページの図形が自分自身を描いています（無限の繰り返し）");
        free(state);
    }
    if (ld.err != FORM_OK) {
        form_bg_free(ld.bg);
        *why_en = ld.why_en;
        *why_ja = ld.why_ja;
        return ld.err;
    }
    *out = ld.bg;
    return FORM_OK;
}

form_err form_bg_load(const char *path, long page, form_bg **out, const char **why_en,
                      const char **why_ja)
{
    if (out == NULL || path == NULL)
        return FORM_E_ARG;
    *out = NULL;
    char *buf = NULL;
    size_t len = 0;
    form_err e = form_read_file(path, FORM_BG_MAX_FILE_BYTES, &buf, &len);
    if (e == FORM_E_ARG) {
        if (why_en)
            *why_en = "the PDF is larger than 32 MiB";
        if (why_ja)
            *why_ja = "PDF が 32 MiB を超えています";
        return FORM_E_INPUT;
    }
    if (e != FORM_OK) {
        if (why_en)
            *why_en = "the PDF cannot be read";
        if (why_ja)
            *why_ja = "PDF を読めません";
        return e;
    }
    e = form_bg_load_mem((const uint8_t *)buf, len, page, out, why_en, why_ja);
    free(buf);
    return e;
}

void form_bg_size_mm(const form_bg *bg, double *w, double *h)
{
    double bw = (bg->box[2] - bg->box[0]) * 25.4 / 72.0;
    double bh = (bg->box[3] - bg->box[1]) * 25.4 / 72.0;
    bool sideways = bg->rotate == 90 || bg->rotate == 270;
    *w = sideways ? bh : bw;
    *h = sideways ? bw : bh;
}
