/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-import-rules.c — the rules of a form: the straight horizontal and vertical lines and
 * rectangle sides a PDF page draws (its content stream and the form XObjects it calls), or the
 * long dark runs of a scan. They bound the cells the importer gives each label.
 *
 * The content stream is read by a small lexer of kakanai's own over the bytes form-bg.c kept
 * (decoded with the capped inflate): numbers are operands, names and strings are skipped,
 * inline images are stepped over, and only the graphics-state and path operators act
 * (q Q cm, m l re h, the painting operators, Do). A hostile stream costs at most its length:
 * no recursion but Do, which is limited in depth and count.
 */
#include "form-import-private.h"

#include "form-bg.h"
#include "form-inflate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define PT_MM (25.4 / 72.0)
#define MIN_RULE_MM 3.0
#define GSTACK_MAX 32
#define PATH_MAX_SEGS 2048
#define DO_MAX_DEPTH 4
#define DO_MAX_CALLS 256

typedef struct seg {
    double ax, ay, bx, by; /* page space, points */
} seg;

typedef struct lexer {
    form_import *im;
    const form_bg *bg;
    double ctm[6];
    double gstack[GSTACK_MAX][6];
    int gdepth, gskipped;
    double num[8];
    int nnum;
    char name[128];
    seg *path;
    size_t npath;
    double cx, cy, sx, sy; /* current and subpath start, page space */
    int calls;
} lexer;

void imp_rule_add(form_import *im, double x0, double y0, double x1, double y1)
{
    if (im->nrules >= IMP_MAX_RULES)
        return;
    if (im->rules == NULL) {
        im->rules = calloc(IMP_MAX_RULES, sizeof *im->rules);
        if (im->rules == NULL)
            return;
    }
    imp_rule r = {fmin(x0, x1), fmin(y0, y1), fmax(x0, x1), fmax(y0, y1)};
    im->rules[im->nrules++] = r;
}

static void apply(const double m[6], double x, double y, double *ox, double *oy)
{
    *ox = m[0] * x + m[2] * y + m[4];
    *oy = m[1] * x + m[3] * y + m[5];
}

static void concat(double ctm[6], const double m[6])
{
    double r[6] = {
        m[0] * ctm[0] + m[1] * ctm[2],        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4], m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    };
    memcpy(ctm, r, sizeof r);
}

static void seg_add(lexer *lx, double ax, double ay, double bx, double by)
{
    if (lx->path == NULL || lx->npath >= PATH_MAX_SEGS)
        return;
    seg s = {ax, ay, bx, by};
    lx->path[lx->npath++] = s;
}

/* Painted segments that are horizontal or vertical and long enough become rules (mm). */
static void paint(lexer *lx)
{
    const double *b = lx->bg->box;
    for (size_t i = 0; i < lx->npath; i++) {
        const seg *s = &lx->path[i];
        double x0 = (s->ax - b[0]) * PT_MM, y0 = (b[3] - s->ay) * PT_MM;
        double x1 = (s->bx - b[0]) * PT_MM, y1 = (b[3] - s->by) * PT_MM;
        if (!isfinite(x0) || !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
            continue;
        if (fabs(y0 - y1) < 0.3 && fabs(x1 - x0) >= MIN_RULE_MM)
            imp_rule_add(lx->im, x0, (y0 + y1) / 2, x1, (y0 + y1) / 2);
        else if (fabs(x0 - x1) < 0.3 && fabs(y1 - y0) >= MIN_RULE_MM)
            imp_rule_add(lx->im, (x0 + x1) / 2, y0, (x0 + x1) / 2, y1);
    }
    lx->npath = 0;
}

static void run(lexer *lx, const uint8_t *p, size_t n, const form_bg_val *res, int depth);

static void do_xobject(lexer *lx, const form_bg_val *res, int depth)
{
    if (depth >= DO_MAX_DEPTH || ++lx->calls > DO_MAX_CALLS)
        return;
    const form_bg_val *x = NULL;
    const form_bg_val *xd = form_bg_dict_get(lx->bg, res, "XObject");
    if (xd && xd->kind == FORM_BG_DICT)
        for (size_t i = 0; i < xd->n; i++)
            if (strcmp(xd->keys[i], lx->name) == 0 && xd->items[i].kind == FORM_BG_REF)
                x = &xd->items[i];
    if (x == NULL || x->ref >= lx->bg->nobjs || !lx->bg->objs[x->ref].stream)
        return;
    const form_bg_obj *o = &lx->bg->objs[x->ref];
    const form_bg_val *st = form_bg_dict_get(lx->bg, &o->v, "Subtype");
    if (st == NULL || st->kind != FORM_BG_NAME || strcmp(st->s, "Form") != 0)
        return;
    bool none = false;
    if (!form_bg_flate_only(lx->bg, &o->filter, &o->parms, &none))
        return;
    uint8_t *data = NULL;
    size_t len = 0;
    if (none) {
        data = o->data, len = o->len;
    } else if (form_inflate(o->data, o->len, FORM_BG_MAX_STREAM_BYTES, &data, &len) != FORM_OK) {
        return;
    }
    double saved[6];
    memcpy(saved, lx->ctm, sizeof saved);
    const form_bg_val *m = form_bg_dict_get(lx->bg, &o->v, "Matrix");
    if (m && m->kind == FORM_BG_ARRAY && m->n == 6) {
        double mm6[6];
        bool ok = true;
        for (int k = 0; k < 6; k++) {
            const form_bg_val *e = form_bg_deref(lx->bg, &m->items[k]);
            ok = ok && e && (e->kind == FORM_BG_INT || e->kind == FORM_BG_REAL);
            mm6[k] = ok ? (e->kind == FORM_BG_INT ? e->i : e->r) : 0;
        }
        if (ok)
            concat(lx->ctm, mm6);
    }
    const form_bg_val *r = form_bg_dict_get(lx->bg, &o->v, "Resources");
    int gd = lx->gdepth;
    run(lx, data, len, r ? r : res, depth + 1);
    lx->gdepth = gd;
    memcpy(lx->ctm, saved, sizeof saved);
    if (!none)
        free(data);
}

static void op(lexer *lx, const char *o, size_t ol, const form_bg_val *res, int depth)
{
    double *v = lx->num;
    int n = lx->nnum;
#define IS(s) (ol == sizeof(s) - 1 && memcmp(o, s, ol) == 0)
    if (IS("q")) {
        if (lx->gdepth < GSTACK_MAX)
            memcpy(lx->gstack[lx->gdepth++], lx->ctm, sizeof lx->ctm);
        else
            lx->gskipped++;
    } else if (IS("Q")) {
        if (lx->gskipped > 0)
            lx->gskipped--;
        else if (lx->gdepth > 0)
            memcpy(lx->ctm, lx->gstack[--lx->gdepth], sizeof lx->ctm);
    } else if (IS("cm") && n >= 6) {
        concat(lx->ctm, v + n - 6);
    } else if (IS("m") && n >= 2) {
        apply(lx->ctm, v[n - 2], v[n - 1], &lx->cx, &lx->cy);
        lx->sx = lx->cx, lx->sy = lx->cy;
    } else if (IS("l") && n >= 2) {
        double x, y;
        apply(lx->ctm, v[n - 2], v[n - 1], &x, &y);
        seg_add(lx, lx->cx, lx->cy, x, y);
        lx->cx = x, lx->cy = y;
    } else if ((IS("c") && n >= 6) || ((IS("v") || IS("y")) && n >= 4)) {
        apply(lx->ctm, v[n - 2], v[n - 1], &lx->cx, &lx->cy); /* curves are not rules */
    } else if (IS("h")) {
        seg_add(lx, lx->cx, lx->cy, lx->sx, lx->sy);
        lx->cx = lx->sx, lx->cy = lx->sy;
    } else if (IS("re") && n >= 4) {
        double x = v[n - 4], y = v[n - 3], w = v[n - 2], h = v[n - 1];
        double p[4][2];
        apply(lx->ctm, x, y, &p[0][0], &p[0][1]);
        apply(lx->ctm, x + w, y, &p[1][0], &p[1][1]);
        apply(lx->ctm, x + w, y + h, &p[2][0], &p[2][1]);
        apply(lx->ctm, x, y + h, &p[3][0], &p[3][1]);
        for (int k = 0; k < 4; k++)
            seg_add(lx, p[k][0], p[k][1], p[(k + 1) % 4][0], p[(k + 1) % 4][1]);
        lx->cx = lx->sx = p[0][0], lx->cy = lx->sy = p[0][1];
    } else if (IS("S") || IS("s") || IS("f") || IS("F") || IS("f*") || IS("B") || IS("B*") ||
               IS("b") || IS("b*")) {
        paint(lx);
    } else if (IS("n")) {
        lx->npath = 0;
    } else if (IS("Do")) {
        do_xobject(lx, res, depth);
    }
#undef IS
    lx->nnum = 0;
}

static bool is_ws(uint8_t c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

static bool is_delim(uint8_t c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == '/' || c == '%';
}

/* After BI: step over the image dictionary and data to just past EI. */
static size_t skip_inline_image(const uint8_t *p, size_t n, size_t i)
{
    for (; i + 1 < n; i++)
        if (p[i] == 'I' && p[i + 1] == 'D' && (i == 0 || is_ws(p[i - 1])))
            break;
    for (i += 2; i + 2 < n; i++)
        if (is_ws(p[i]) && p[i + 1] == 'E' && p[i + 2] == 'I' && (i + 3 == n || is_ws(p[i + 3])))
            return i + 3;
    return n;
}

static void run(lexer *lx, const uint8_t *p, size_t n, const form_bg_val *res, int depth)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = p[i];
        if (is_ws(c)) {
            i++;
        } else if (c == '%') {
            while (i < n && p[i] != '\n' && p[i] != '\r')
                i++;
        } else if (c == '(') { /* a string: nesting and escapes */
            int nest = 0;
            for (; i < n; i++) {
                if (p[i] == '\\') {
                    i++;
                } else if (p[i] == '(') {
                    nest++;
                } else if (p[i] == ')' && --nest == 0) {
                    i++;
                    break;
                }
            }
        } else if (c == '<' && i + 1 < n && p[i + 1] == '<') {
            i += 2;
        } else if (c == '>' && i + 1 < n && p[i + 1] == '>') {
            i += 2;
        } else if (c == '<') {
            while (i < n && p[i] != '>')
                i++;
            i++;
        } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == '>' || c == ')') {
            i++;
        } else if (c == '/') {
            size_t s = ++i;
            while (i < n && !is_ws(p[i]) && !is_delim(p[i]))
                i++;
            size_t l = i - s < sizeof lx->name - 1 ? i - s : sizeof lx->name - 1;
            memcpy(lx->name, p + s, l);
            lx->name[l] = '\0';
        } else if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.') {
            char t[40];
            size_t s = i, l = 0;
            while (i < n && ((p[i] >= '0' && p[i] <= '9') || p[i] == '-' || p[i] == '+' ||
                             p[i] == '.'))
                i++;
            l = i - s < sizeof t - 1 ? i - s : sizeof t - 1;
            memcpy(t, p + s, l);
            t[l] = '\0';
            double d = strtod(t, NULL);
            if (!isfinite(d))
                d = 0;
            if (lx->nnum == 8) {
                memmove(lx->num, lx->num + 1, 7 * sizeof lx->num[0]);
                lx->nnum = 7;
            }
            lx->num[lx->nnum++] = d;
        } else {
            size_t s = i;
            while (i < n && !is_ws(p[i]) && !is_delim(p[i]))
                i++;
            if (i == s) {
                i++;
                continue;
            }
            if (i - s == 2 && memcmp(p + s, "BI", 2) == 0) {
                i = skip_inline_image(p, n, i);
                lx->nnum = 0;
                continue;
            }
            op(lx, (const char *)p + s, i - s, res, depth);
        }
    }
}

void imp_rules_from_pdf(form_import *im, const form_bg *bg)
{
    if (bg->content == NULL || bg->content_filter.kind != FORM_BG_NULL)
        return; /* content kept encoded (a filter kakanai does not decode): no rules */
    lexer lx = {.im = im, .bg = bg, .ctm = {1, 0, 0, 1, 0, 0}};
    lx.path = calloc(PATH_MAX_SEGS, sizeof *lx.path);
    if (lx.path == NULL)
        return;
    run(&lx, bg->content, bg->content_len, &bg->resources, 0);
    free(lx.path);
}

/* ---- scans ---------------------------------------------------------------------------- */

static void pixel_runs(form_import *im, const uint8_t *g, int w, int h, int stride, double px_mm,
                       bool horizontal)
{
    int outer = horizontal ? h : w, inner = horizontal ? w : h;
    int min_len = (int)(15.0 * px_mm);
    /* rules added in the last rows: a run matching one of them is the same (thick) line */
    size_t *row_start = calloc((size_t)outer + 1, sizeof *row_start);
    if (row_start == NULL)
        return;
    for (int a = 0; a < outer; a++) {
        row_start[a] = im->nrules;
        size_t window = row_start[a >= 3 ? a - 3 : 0];
        int start = -1;
        for (int b = 0; b <= inner; b++) {
            bool dark = false;
            if (b < inner) {
                int x = horizontal ? b : a, y = horizontal ? a : b;
                dark = g[(size_t)y * (size_t)stride + (size_t)x] < 224; /* thin rules scan grey */
            }
            if (dark && start < 0)
                start = b;
            if (dark || start < 0)
                continue;
            if (b - start >= min_len) {
                double s0 = start / px_mm, s1 = b / px_mm, c = (a + 0.5) / px_mm;
                bool dup = false;
                for (size_t k = window; k < im->nrules && !dup; k++) {
                    const imp_rule *r = &im->rules[k];
                    double r0 = horizontal ? r->x0 : r->y0, r1 = horizontal ? r->x1 : r->y1;
                    double rc = horizontal ? r->y0 : r->x0;
                    dup = fabs(s0 - r0) < 2 && fabs(s1 - r1) < 2 && fabs(c - rc) < 4 / px_mm;
                }
                if (!dup && horizontal)
                    imp_rule_add(im, s0, c, s1, c);
                else if (!dup)
                    imp_rule_add(im, c, s0, c, s1);
            }
            start = -1;
        }
    }
    free(row_start);
}

void imp_rules_from_pixels(form_import *im, const uint8_t *grey, int w, int h, int stride,
                           double px_mm)
{
    if (grey == NULL || w <= 0 || h <= 0 || px_mm <= 0)
        return;
    pixel_runs(im, grey, w, h, stride, px_mm, true);
    pixel_runs(im, grey, w, h, stride, px_mm, false);
}
