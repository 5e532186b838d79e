/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-import-table.c — household tables on counter forms: a header row of column labels
 * (フリガナ／氏名, 生年月日, 性別, 続柄, 個人番号 …) between horizontal rules, columns between
 * vertical rules, and N ruled rows below. Each cell becomes a field bound to member.N.<field>
 * in row order, or child.N.<field> when the table's section (the heading beside or above it)
 * speaks of children (児童, 子). A column holding フリガナ and 氏名 that a short rule splits
 * inside each row gives the reading above and the name below.
 *
 * The individual number is never proposed: a template needs its legal basis (number_basis)
 * first, so the column is listed as unplaced, once.
 */
#include "form-import-private.h"

#include "form.h" /* FORM_MAX_MEMBERS */

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TBL_MAX_COLS 12
#define TBL_MAX_ROWS 16
#define TBL_MAX_YS 64
#define TBL_MAX_TRIES 24u

enum col_kind { C_KANA, C_NAME, C_KANA_NAME, C_BIRTH, C_SEX, C_RELATION, C_NUMBER };

typedef struct col {
    imp_run *label;
    enum col_kind kind;
    double x0, x1;
} col;

static int col_kind_of(const char *t)
{
    bool kana = strstr(t, "フリガナ") || strstr(t, "ふりがな");
    bool name = strstr(t, "氏名") || strstr(t, "名前");
    if (kana && name)
        return C_KANA_NAME;
    if (kana)
        return C_KANA;
    if (name)
        return C_NAME;
    if (strstr(t, "生年月日"))
        return C_BIRTH;
    if (strcmp(t, "性別") == 0)
        return C_SEX;
    if (strstr(t, "続柄"))
        return C_RELATION;
    if (strstr(t, "個人番号") || strstr(t, "マイナンバー"))
        return C_NUMBER;
    return -1;
}

static double cy_of(const imp_run *r)
{
    return (r->y0 + r->y1) / 2;
}

/* Nearest vertical rule left (dir < 0) or right (dir > 0) of x spanning y; -1 when none. */
static const imp_rule *vrule(const form_import *im, double x, double y, int dir)
{
    const imp_rule *best = NULL;
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *r = &im->rules[i];
        if (r->x0 != r->x1 || r->y0 > y + 0.2 || r->y1 < y - 0.2)
            continue;
        if (dir < 0 && r->x0 < x && (best == NULL || r->x0 > best->x0))
            best = r;
        if (dir > 0 && r->x0 > x && (best == NULL || r->x0 < best->x0))
            best = r;
    }
    return best;
}

/* Nearest horizontal rule below y covering [xa, xb]; -1 when none. */
static double hrule_below(const form_import *im, double xa, double xb, double y)
{
    double best = -1;
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *r = &im->rules[i];
        if (r->y0 == r->y1 && r->x0 <= xa + 0.3 && r->x1 >= xb - 0.3 && r->y0 > y &&
            (best < 0 || r->y0 < best))
            best = r->y0;
    }
    return best;
}

/* A horizontal rule inside (xa, xb) × (ya, yb) that does not span the whole table (xt0, xt1):
 * the split between the reading and the name. -1 when none. */
static double split_in(const form_import *im, double xa, double xb, double ya, double yb,
                       double xt0, double xt1)
{
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *r = &im->rules[i];
        if (r->y0 == r->y1 && r->y0 > ya + 2 && r->y0 < yb - 2 && r->x0 < xb && r->x1 > xa &&
            (r->x0 > xt0 + 1 || r->x1 < xt1 - 1))
            return r->y0;
    }
    return -1;
}

/* Does the text beside (left of) or just above the table speak of children? */
static bool about_children(const form_import *im, double xt0, double xt1, double ya, double yb)
{
    for (size_t i = 0; i < im->nruns; i++) {
        const imp_run *r = &im->runs[i];
        double cy = cy_of(r);
        bool left = r->x1 <= xt0 + 0.5 && xt0 - r->x1 < 20 && cy > ya && cy < yb;
        bool above = cy < ya && ya - cy < 8 && r->x0 < xt1 && r->x1 > xt0;
        if (!left && !above)
            continue;
        if (strstr(r->text, "児") || strstr(r->text, "子"))
            return true;
    }
    return false;
}

static bool overlaps(const form_import *im, double x0, double y0, double x1, double y1)
{
    for (size_t i = 0; i < im->nfields; i++) {
        const form_import_field *f = &im->fields[i];
        if (x0 < f->x + f->w - 0.2 && f->x < x1 - 0.2 && y0 < f->y + f->h - 0.2 && f->y < y1 - 0.2)
            return true;
    }
    return false;
}

static void add_cell(form_import *im, const char *who, int n, const char *field, const char *filter,
                     double x0, double y0, double x1, double y1, double conf, const char *src)
{
    char name[64], base[48], val[96];
    if (x1 - x0 < 3 || y1 - y0 < 2 || overlaps(im, x0, y0, x1, y1))
        return; /* a cell too small for text, or one another table took */
    snprintf(base, sizeof base, "%s%d_%s", who, n, field);
    imp_unique_name(im, base, name, sizeof name);
    snprintf(val, sizeof val, "{%s.%d.%s%s}", who, n, field, filter);
    imp_field_add(im, name, x0, y0, x1 - x0, y1 - y0, val, NULL, NULL, conf, src);
}

/* One header row whose first label is h: collect its columns and rows, add the fields. */
static bool table_at(form_import *im, imp_run *h)
{
    double cy = cy_of(h);
    col cols[TBL_MAX_COLS];
    int ncols = 0;
    for (size_t i = 0; i < im->nruns && ncols < TBL_MAX_COLS; i++) {
        imp_run *r = &im->runs[i];
        int k;
        if (r->used || r->nchars > 10 || fabs(cy_of(r) - cy) > 1.0 ||
            (k = col_kind_of(r->text)) < 0)
            continue;
        const imp_rule *l = vrule(im, r->x0 + 0.3, cy, -1), *rt = vrule(im, r->x1 - 0.3, cy, 1);
        if (l == NULL || rt == NULL || rt->x0 - l->x0 > 90)
            continue;
        cols[ncols++] = (col){r, (enum col_kind)k, l->x0, rt->x0};
    }
    if (ncols < 3)
        return false;
    /* left to right */
    for (int a = 1; a < ncols; a++)
        for (int b = a; b > 0 && cols[b].x0 < cols[b - 1].x0; b--) {
            col t = cols[b];
            cols[b] = cols[b - 1], cols[b - 1] = t;
        }
    /* a header's columns touch: 氏名 [value] 生年月日 [value] on an applicant's row do not */
    int best = 0, blen = 1;
    for (int a = 0, len = 1; a + 1 < ncols; a++) {
        len = fabs(cols[a + 1].x0 - cols[a].x1) < 0.5 ? len + 1 : 1;
        if (len > blen)
            blen = len, best = a + 2 - len;
    }
    if (blen < 3)
        return false;
    memmove(cols, cols + best, (size_t)blen * sizeof cols[0]);
    ncols = blen;
    double xt0 = cols[0].x0, xt1 = cols[ncols - 1].x1;
    /* the rows: the rules below the header that cross every column, while the first
     * column's vertical rule goes on */
    const imp_rule *edge = vrule(im, cols[0].x0 + 0.3, cy, -1);
    double bottom = edge ? edge->y1 : cy;
    for (int c = 0; c < ncols; c++) {
        const imp_rule *e = vrule(im, cols[c].x1 - 0.3, cy, 1);
        if (e && e->y1 < bottom)
            bottom = e->y1;
    }
    double ys[TBL_MAX_YS];
    int nys = 0;
    double y = cy;
    while (nys < TBL_MAX_YS) {
        double nx = hrule_below(im, xt0, xt1, y + 0.3);
        if (nx < 0 || nx > bottom + 0.3)
            break;
        ys[nys++] = nx;
        y = nx;
    }
    if (bottom - y > 3 && nys < TBL_MAX_YS)
        ys[nys++] = bottom; /* the table's box closes the last row */
    int nrows = nys - 1;
    if (nrows < 1)
        return false;
    if (nrows > TBL_MAX_ROWS)
        nrows = TBL_MAX_ROWS;
    if (nrows > FORM_MAX_MEMBERS) {
        /* member.N / child.N go up to FORM_MAX_MEMBERS: the rows below are the clerk's */
        imp_unplaced_add(im, "box", h->text, xt0, ys[FORM_MAX_MEMBERS], xt1 - xt0,
                         ys[nrows] - ys[FORM_MAX_MEMBERS],
                         "table rows beyond the household values kakanai has (member.1 to "
                         "member.6): not placed");
        nrows = FORM_MAX_MEMBERS;
    }
    const char *who =
        about_children(im, xt0, xt1, 2 * cy - ys[0] - 0.5, bottom) ? "child" : "member";
    double conf = nrows >= 2 ? 0.85 : 0.7;
    /* a second table of the same people on one page: its rows restart at 1, which may be
     * someone else (転出する方 / 残る方): a lower confidence says "look" */
    char key[24];
    snprintf(key, sizeof key, "{%s.1.", who);
    for (size_t i = 0; i < im->nfields; i++)
        if (strncmp(im->fields[i].value, key, strlen(key)) == 0) {
            conf = 0.5;
            break;
        }
    for (int c = 0; c < ncols; c++)
        cols[c].label->used = true;
    int n = 0;
    for (int rw = 0; rw < nrows; rw++) {
        double y0 = ys[rw], y1 = ys[rw + 1];
        if (y1 - y0 < 4 || y1 - y0 > 30)
            continue;
        n++;
        for (int c = 0; c < ncols; c++) {
            const col *k = &cols[c];
            char src[160];
            snprintf(src, sizeof src, "table column %s, row %d", k->label->text, n);
            double x0 = k->x0 + 1, x1 = k->x1 - 1;
            switch (k->kind) {
            case C_KANA_NAME: {
                double s = split_in(im, k->x0, k->x1, y0, y1, xt0, xt1);
                if (s < 0) {
                    add_cell(im, who, n, "name", "", x0, y0 + 1, x1, y1 - 1, conf * 0.8, src);
                    break;
                }
                add_cell(im, who, n, "kana", "", x0, y0 + 0.3, x1, s - 0.3, conf, src);
                add_cell(im, who, n, "name", "", x0, s + 0.4, x1, y1 - 0.4, conf, src);
                break;
            }
            case C_KANA:
                add_cell(im, who, n, "kana", "", x0, y0 + 1, x1, y1 - 1, conf, src);
                break;
            case C_NAME:
                add_cell(im, who, n, "name", "", x0, y0 + 1, x1, y1 - 1, conf, src);
                break;
            case C_BIRTH:
                add_cell(im, who, n, "birth", "|wareki", x0, y0 + 1, x1, y1 - 1, conf, src);
                break;
            case C_SEX:
                add_cell(im, who, n, "sex", "|sex", k->x0 + 0.5, y0 + 1, k->x1 - 0.5, y1 - 1, conf,
                         src);
                break;
            case C_RELATION:
                add_cell(im, who, n, "relation", "", x0, y0 + 1, x1, y1 - 1, conf, src);
                break;
            case C_NUMBER:
                if (rw == 0)
                    imp_unplaced_add(im, "field", k->label->text, k->x0, y0, k->x1 - k->x0,
                                     ys[nrows] - y0,
                                     "a column of individual numbers (member.N.number) needs "
                                     "the form's legal basis (number_basis): add it, then "
                                     "these fields, by hand");
                break;
            }
        }
    }
    return n > 0;
}

/* At least three column labels on r's line (cheap: no rules looked at). */
static bool header_like(const form_import *im, const imp_run *r)
{
    int n = 0;
    for (size_t i = 0; i < im->nruns && n < 3; i++) {
        const imp_run *o = &im->runs[i];
        n += !o->used && o->nchars <= 10 && fabs(cy_of(o) - cy_of(r)) <= 1.0 &&
             col_kind_of(o->text) >= 0;
    }
    return n >= 3;
}

void imp_tables(form_import *im)
{
    /* each try scans the rules a few hundred times: a hostile page full of 氏名 gets a bounded
     * number of tries, not one per run */
    unsigned tries = 0;
    for (size_t i = 0; i < im->nruns && tries < TBL_MAX_TRIES; i++) {
        imp_run *r = &im->runs[i];
        if (!r->used && r->nchars <= 10 && col_kind_of(r->text) >= 0 && header_like(im, r)) {
            tries++;
            table_at(im, r);
        }
    }
}
