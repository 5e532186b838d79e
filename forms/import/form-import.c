/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-import.c — open a city's form (PDF, PNG, JPEG), find its page size and paper, its
 * rules, its text and AcroForm widgets, and hold the proposed fields (form-import.h).
 *
 * A PDF goes through form-bg.c first (qpdf, the FORM_BG_* bounds, kakanai's capped inflate):
 * only a file that passes is handed to poppler for its text and widgets. An image's size and
 * dimensions are read from its header and checked before anything decodes it.
 */
#include "form-import-private.h"

#include "form-bg.h"
#include "form-private.h"

#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct paper {
    const char *name;
    double w, h;
} papers[] = {
    {"A4", 210, 297}, {"A3", 297, 420}, {"A5", 148, 210},
    {"B4", 257, 364}, {"B5", 182, 257}, {"Letter", 215.9, 279.4},
};

const char *form_import_strerror(form_import_err e)
{
    switch (e) {
    case FORM_IMPORT_OK:
        return "success";
    case FORM_IMPORT_E_ARG:
        return "invalid argument";
    case FORM_IMPORT_E_NOMEM:
        return "out of memory";
    case FORM_IMPORT_E_IO:
        return "a file could not be read or written";
    case FORM_IMPORT_E_FORMAT:
        return "the file is neither a PDF nor a PNG or JPEG image";
    case FORM_IMPORT_E_INPUT:
        return "the file is broken, encrypted, or beyond kakanai's limits";
    case FORM_IMPORT_E_PAGE:
        return "the file has no such page";
    }
    return "unknown error";
}

static void say(char *why, size_t cap, const char *s)
{
    if (why && cap)
        snprintf(why, cap, "%s", s);
}

/* The paper (and orientation) within 3 mm of w × h, else the nearest by area. */
static void pick_paper(form_import *im)
{
    double best = 1e18;
    for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
        for (int land = 0; land < 2; land++) {
            double pw = land ? papers[i].h : papers[i].w, ph = land ? papers[i].w : papers[i].h;
            double d = fabs(pw - im->w) + fabs(ph - im->h);
            if (d < best) {
                best = d;
                im->paper = papers[i].name;
                im->orientation = land ? "landscape" : "portrait";
            }
        }
}

bool imp_field_add(form_import *im, const char *name, double x, double y, double w, double h,
                   const char *value, const char *mark, const char *mark_value,
                   double confidence, const char *source)
{
    if (im->nfields >= FORM_IMPORT_MAX_FIELDS)
        return false;
    /* keep it on the page: a template refuses fields off the paper */
    x = fmax(0, x), y = fmax(0, y);
    w = fmin(w, im->w - x), h = fmin(h, im->h - y);
    if (w <= 0.5 || h <= 0.5)
        return false;
    form_import_field *f = &im->fields[im->nfields];
    f->name = g_strdup(name);
    f->x = round(x * 10) / 10, f->y = round(y * 10) / 10;
    f->w = floor(w * 10 + 0.01) / 10, f->h = floor(h * 10 + 0.01) / 10;
    f->value = g_strdup(value);
    f->mark = mark ? g_strdup(mark) : NULL;
    f->mark_value = mark_value ? g_strdup(mark_value) : NULL;
    f->confidence = confidence;
    f->source = g_strdup(source ? source : "");
    im->nfields++;
    return true;
}

void imp_unplaced_add(form_import *im, const char *what, const char *text, double x, double y,
                      double w, double h, const char *reason)
{
    if (im->nunplaced >= FORM_IMPORT_MAX_FIELDS)
        return;
    form_import_unplaced *u = &im->unplaced[im->nunplaced++];
    u->what = g_strdup(what);
    u->text = g_strdup(text ? text : "");
    u->x = round(x * 10) / 10, u->y = round(y * 10) / 10;
    u->w = round(w * 10) / 10, u->h = round(h * 10) / 10;
    u->reason = g_strdup(reason);
}

void imp_unique_name(const form_import *im, const char *base, char *out, size_t cap)
{
    snprintf(out, cap, "%s", base);
    for (int n = 2; n < 1000; n++) {
        bool used = false;
        for (size_t i = 0; i < im->nfields && !used; i++)
            used = strcmp(im->fields[i].name, out) == 0;
        if (!used)
            return;
        snprintf(out, cap, "%s_%d", base, n);
    }
}

/* ---- PDF ------------------------------------------------------------------------------- */

static form_import_err open_pdf(form_import *im, const uint8_t *data, size_t len, int page,
                                char *why, size_t cap)
{
    form_bg *bg = NULL;
    const char *en = NULL;
    form_err e = form_bg_load_mem(data, len, page, &bg, &en, NULL);
    if (e != FORM_OK) {
        say(why, cap, en ? en : form_strerror(e));
        if (e == FORM_E_NOMEM)
            return FORM_IMPORT_E_NOMEM;
        return en && strstr(en, "no such page") ? FORM_IMPORT_E_PAGE : FORM_IMPORT_E_INPUT;
    }
    form_bg_size_mm(bg, &im->w, &im->h);
    pick_paper(im);
    if (bg->rotate == 0)
        imp_rules_from_pdf(im, bg);
    else
        imp_unplaced_add(im, "box", "", 0, 0, im->w, im->h,
                         "the page is rotated: its rules were not read");
    form_bg_free(bg);

    GBytes *bytes = g_bytes_new(data, len);
    GError *err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    if (doc == NULL) {
        say(why, cap, "poppler cannot open the PDF");
        g_clear_error(&err);
        return FORM_IMPORT_E_INPUT;
    }
    PopplerPage *pg = poppler_document_get_page(doc, page - 1);
    if (pg == NULL) {
        g_object_unref(doc);
        say(why, cap, "the PDF has no such page");
        return FORM_IMPORT_E_PAGE;
    }
    imp_text_runs(im, pg);
    im->has_acroform = imp_fields_from_acroform(im, pg);
    if (!im->has_acroform)
        imp_fields_from_labels(im);
    g_object_unref(pg);
    g_object_unref(doc);
    return FORM_IMPORT_OK;
}

/* ---- images ---------------------------------------------------------------------------- */

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The PNG's size and pixels per metre (pHYs), walking its chunks with bounds checks. */
static bool png_header(const uint8_t *d, size_t n, uint32_t *w, uint32_t *h, double *px_mm)
{
    *px_mm = 0;
    if (n < 33 || memcmp(d + 12, "IHDR", 4) != 0 || be32(d + 8) != 13)
        return false;
    *w = be32(d + 16), *h = be32(d + 20);
    size_t i = 8;
    while (i + 12 <= n) {
        uint32_t len = be32(d + i);
        if (len > n - i - 12)
            return false;
        if (memcmp(d + i + 4, "pHYs", 4) == 0 && len == 9 && d[i + 16] == 1) {
            uint32_t ppm = be32(d + i + 8);
            if (ppm > 0 && ppm == be32(d + i + 12))
                *px_mm = ppm / 1000.0;
        }
        if (memcmp(d + i + 4, "IDAT", 4) == 0 || memcmp(d + i + 4, "IEND", 4) == 0)
            break;
        i += 12 + (size_t)len;
    }
    return true;
}

/* A JPEG's size from its first SOF marker. */
static bool jpeg_header(const uint8_t *d, size_t n, uint32_t *w, uint32_t *h)
{
    size_t i = 2;
    while (i + 9 < n) {
        if (d[i] != 0xFF)
            return false;
        uint8_t m = d[i + 1];
        size_t len = (size_t)d[i + 2] << 8 | d[i + 3];
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            *h = (uint32_t)d[i + 5] << 8 | d[i + 6];
            *w = (uint32_t)d[i + 7] << 8 | d[i + 8];
            return true;
        }
        if (len < 2)
            return false;
        i += 2 + len;
    }
    return false;
}

typedef struct png_reader {
    const uint8_t *d;
    size_t n, at;
} png_reader;

static cairo_status_t png_read(void *closure, unsigned char *buf, unsigned int len)
{
    png_reader *r = closure;
    if (len > r->n - r->at)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(buf, r->d + r->at, len);
    r->at += len;
    return CAIRO_STATUS_SUCCESS;
}

/* The scan's rules: decode (cairo's PNG reader, after the header checks), grey, scan. */
static void png_rules(form_import *im, const uint8_t *d, size_t n, double px_mm)
{
    png_reader r = {d, n, 0};
    cairo_surface_t *s = cairo_image_surface_create_from_png_stream(png_read, &r);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return;
    }
    cairo_surface_flush(s);
    int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    int stride = cairo_image_surface_get_stride(s);
    const uint8_t *px = cairo_image_surface_get_data(s);
    uint8_t *g = px ? malloc((size_t)w * (size_t)h) : NULL;
    if (g) {
        cairo_format_t f = cairo_image_surface_get_format(s);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                uint8_t v;
                if (f == CAIRO_FORMAT_ARGB32 || f == CAIRO_FORMAT_RGB24) {
                    uint32_t p;
                    memcpy(&p, px + (size_t)y * (size_t)stride + (size_t)x * 4, 4);
                    v = (uint8_t)((((p >> 16) & 0xFF) * 30 + ((p >> 8) & 0xFF) * 59 +
                                   (p & 0xFF) * 11) / 100);
                } else {
                    v = px[(size_t)y * (size_t)stride + (size_t)x];
                }
                g[(size_t)y * (size_t)w + (size_t)x] = v;
            }
        imp_rules_from_pixels(im, g, w, h, w, px_mm);
        free(g);
    }
    cairo_surface_destroy(s);
}

/* Rows of a scan bounded by rules: listed for the clerk, never guessed into fields. */
static void list_ruled_rows(form_import *im)
{
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *a = &im->rules[i];
        if (a->y0 != a->y1 || a->x1 - a->x0 < 40)
            continue;
        double below = -1;
        for (size_t k = 0; k < im->nrules; k++) {
            const imp_rule *b = &im->rules[k];
            if (b->y0 == b->y1 && b->y0 > a->y0 + 4 && b->y0 < a->y0 + 40 &&
                b->x0 < a->x0 + 5 && b->x1 > a->x1 - 5 && (below < 0 || b->y0 < below))
                below = b->y0;
        }
        if (below > 0)
            imp_unplaced_add(im, "box", "", a->x0, a->y0, a->x1 - a->x0, below - a->y0,
                             "a ruled row of a scan (no text layer): bind it by hand or in "
                             "the studio");
    }
}

static form_import_err open_image(form_import *im, const uint8_t *d, size_t n, bool png,
                                  char *why, size_t cap)
{
    uint32_t w = 0, h = 0;
    double px_mm = 0;
    bool ok = png ? png_header(d, n, &w, &h, &px_mm) : jpeg_header(d, n, &w, &h);
    if (!ok || w == 0 || h == 0) {
        say(why, cap, png ? "the PNG header is damaged" : "the JPEG has no readable size");
        return FORM_IMPORT_E_INPUT;
    }
    if (w > FORM_IMPORT_MAX_IMAGE_SIDE || h > FORM_IMPORT_MAX_IMAGE_SIDE) {
        say(why, cap, "the image is larger than 12000 pixels on a side");
        return FORM_IMPORT_E_INPUT;
    }
    if (px_mm < 1 || px_mm > 100) {
        /* no resolution: the paper whose shape fits, filling the page */
        double ratio = (double)h / w, best = 1e9;
        for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
            for (int land = 0; land < 2; land++) {
                double pw = land ? papers[i].h : papers[i].w, ph = land ? papers[i].w : papers[i].h;
                double dd = fabs(ph / pw - ratio);
                if (dd < best)
                    best = dd, px_mm = w / pw;
            }
    }
    im->w = w / px_mm, im->h = h / px_mm;
    pick_paper(im);
    if (png)
        png_rules(im, d, n, px_mm);
    list_ruled_rows(im);
    imp_unplaced_add(im, "label", "", 0, 0, im->w, im->h,
                     "a scan has no text layer: labels cannot be read, so no field is proposed");
    return FORM_IMPORT_OK;
}

/* ---- open, free, accessors ------------------------------------------------------------- */

form_import_err form_import_open_mem(const uint8_t *d, size_t len, const char *name, int page,
                                     form_import **out, char *why, size_t cap)
{
    if (out)
        *out = NULL;
    if (d == NULL || name == NULL || out == NULL || page < 1) {
        say(why, cap, "invalid argument");
        return FORM_IMPORT_E_ARG;
    }
    static const uint8_t png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    form_import *im = calloc(1, sizeof *im);
    if (im == NULL || (im->path = g_strdup(name)) == NULL) {
        free(im);
        return FORM_IMPORT_E_NOMEM;
    }
    form_import_err r;
    if (len >= 5 && memcmp(d, "%PDF-", 5) == 0) {
        im->is_pdf = true;
        r = open_pdf(im, d, len, page, why, cap);
    } else if (len >= 8 && memcmp(d, png_sig, 8) == 0) {
        r = page == 1 ? open_image(im, d, len, true, why, cap) : FORM_IMPORT_E_PAGE;
    } else if (len >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) {
        r = page == 1 ? open_image(im, d, len, false, why, cap) : FORM_IMPORT_E_PAGE;
    } else {
        say(why, cap, "not a PDF, PNG or JPEG file");
        r = FORM_IMPORT_E_FORMAT;
    }
    if (r != FORM_IMPORT_OK) {
        form_import_free(im);
        return r;
    }
    *out = im;
    return FORM_IMPORT_OK;
}

form_import_err form_import_open(const char *path, int page, form_import **out, char *why,
                                 size_t cap)
{
    if (out)
        *out = NULL;
    if (path == NULL || out == NULL || page < 1) {
        say(why, cap, "invalid argument");
        return FORM_IMPORT_E_ARG;
    }
    char *buf = NULL;
    size_t len = 0;
    form_err e = form_read_file(path, FORM_IMPORT_MAX_IMAGE_BYTES, &buf, &len);
    if (e == FORM_E_ARG) {
        say(why, cap, "the file is larger than kakanai imports (64 MiB)");
        return FORM_IMPORT_E_INPUT;
    }
    if (e != FORM_OK) {
        say(why, cap, "the file cannot be read");
        return e == FORM_E_NOMEM ? FORM_IMPORT_E_NOMEM : FORM_IMPORT_E_IO;
    }
    form_import_err r = form_import_open_mem((const uint8_t *)buf, len, path, page, out, why, cap);
    free(buf);
    return r;
}

void form_import_free(form_import *im)
{
    if (im == NULL)
        return;
    for (size_t i = 0; i < im->nfields; i++) {
        form_import_field *f = &im->fields[i];
        g_free((char *)f->name);
        g_free((char *)f->value);
        g_free((char *)f->mark);
        g_free((char *)f->mark_value);
        g_free((char *)f->source);
    }
    for (size_t i = 0; i < im->nunplaced; i++) {
        form_import_unplaced *u = &im->unplaced[i];
        g_free((char *)u->what);
        g_free((char *)u->text);
        g_free((char *)u->reason);
    }
    for (size_t i = 0; i < im->nruns; i++) {
        g_free(im->runs[i].text);
        free(im->runs[i].cx0);
        free(im->runs[i].cx1);
    }
    free(im->runs);
    free(im->rules);
    g_free(im->title);
    g_free(im->path);
    free(im);
}

void form_import_page(const form_import *im, double *w_mm, double *h_mm, const char **paper,
                      const char **orientation)
{
    if (w_mm)
        *w_mm = im ? im->w : 0;
    if (h_mm)
        *h_mm = im ? im->h : 0;
    if (paper)
        *paper = im ? im->paper : NULL;
    if (orientation)
        *orientation = im ? im->orientation : NULL;
}

size_t form_import_field_count(const form_import *im)
{
    return im ? im->nfields : 0;
}

const form_import_field *form_import_field_get(const form_import *im, size_t i)
{
    return im && i < im->nfields ? &im->fields[i] : NULL;
}

size_t form_import_unplaced_count(const form_import *im)
{
    return im ? im->nunplaced : 0;
}

const form_import_unplaced *form_import_unplaced_get(const form_import *im, size_t i)
{
    return im && i < im->nunplaced ? &im->unplaced[i] : NULL;
}

size_t form_import_rule_count(const form_import *im)
{
    return im ? im->nrules : 0;
}

bool form_import_rule(const form_import *im, size_t i, double seg[4])
{
    if (im == NULL || seg == NULL || i >= im->nrules)
        return false;
    seg[0] = im->rules[i].x0, seg[1] = im->rules[i].y0;
    seg[2] = im->rules[i].x1, seg[3] = im->rules[i].y1;
    return true;
}
