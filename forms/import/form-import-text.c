/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-import-text.c — the text layer (poppler: each character with its box) into runs, and
 * the labels a Japanese municipal form uses (氏名, フリガナ, 住所, 生年月日, 性別, 電話番号,
 * 個人番号, 本籍, 筆頭者, 年 月 日 …) into fields placed in the cell beside them.
 *
 * A cell is bounded by the page's rules (form-import-rules.c): the first vertical rule right of
 * the label ends the label's cell and starts the value's, the next one ends it; the nearest
 * horizontal rules above and below close it. The field is the cell less 2 mm at the sides and
 * 1 mm at top and bottom (where a clerk's handwriting would go). A label with no rules around
 * it gets the space up to the next text on its line, with a lower confidence; one with no
 * room is reported, never forced.
 */
#include "form-import-private.h"

#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PT_MM (25.4 / 72.0)
#define RUN_MAX_CHARS 64

/* ---- runs ------------------------------------------------------------------------------ */

static bool is_space(gunichar c)
{
    return c == ' ' || c == 0x3000 || c == '\t' || c == 0xA0;
}

static void run_end(form_import *im, GString *s, imp_run *r)
{
    if (s->len > 0 && r->nchars > 0 && im->nruns < IMP_MAX_RUNS) {
        r->text = g_strdup(s->str);
        im->runs[im->nruns++] = *r;
    } else {
        free(r->cx0);
        free(r->cx1);
    }
    memset(r, 0, sizeof *r);
    g_string_truncate(s, 0);
}

void imp_text_runs(form_import *im, PopplerPage *page)
{
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (text == NULL || !poppler_page_get_text_layout(page, &rects, &nrects)) {
        g_free(text);
        g_free(rects);
        return;
    }
    im->runs = calloc(IMP_MAX_RUNS, sizeof *im->runs);
    GString *s = g_string_new(NULL);
    imp_run r = {0};
    double prev_x1 = 0, prev_cy = 0, prev_h = 0;
    guint k = 0;
    for (const char *p = text; im->runs && *p && k < nrects; p = g_utf8_next_char(p), k++) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
        const PopplerRectangle *b = &rects[k];
        double x0 = b->x1 * PT_MM, y0 = b->y1 * PT_MM, x1 = b->x2 * PT_MM, y1 = b->y2 * PT_MM;
        double h = y1 - y0, cy = (y0 + y1) / 2;
        if (c == '\n' || c == '\r') {
            run_end(im, s, &r);
            continue;
        }
        if (is_space(c))
            continue; /* 氏　名: spaces join, they do not end a run */
        bool near = r.nchars > 0 && fabs(cy - prev_cy) < 0.5 * fmax(h, prev_h) &&
                    x0 - prev_x1 < 2.2 * fmax(h, prev_h) && x0 - prev_x1 > -0.5 * h;
        if (r.nchars > 0 && (!near || r.nchars >= RUN_MAX_CHARS))
            run_end(im, s, &r);
        if (r.nchars == 0) {
            r.cx0 = calloc(RUN_MAX_CHARS, sizeof *r.cx0);
            r.cx1 = calloc(RUN_MAX_CHARS, sizeof *r.cx1);
            if (r.cx0 == NULL || r.cx1 == NULL)
                break;
            r.x0 = x0, r.y0 = y0, r.x1 = x1, r.y1 = y1;
        }
        r.x0 = fmin(r.x0, x0), r.y0 = fmin(r.y0, y0);
        r.x1 = fmax(r.x1, x1), r.y1 = fmax(r.y1, y1);
        r.cx0[r.nchars] = x0;
        r.cx1[r.nchars] = x1;
        r.nchars++;
        g_string_append_unichar(s, c);
        prev_x1 = x1, prev_cy = cy, prev_h = h;
    }
    run_end(im, s, &r);
    g_string_free(s, TRUE);
    g_free(rects);
    g_free(text);
}

/* ---- cells from rules ------------------------------------------------------------------ */

typedef struct cell {
    double x0, y0, x1, y1;
    int ruled; /* sides found on rules, 0..4 */
} cell;

/* Vertical rule nearest right of x (> x) that spans y; -1 when none. */
static double vrule_right(const form_import *im, double x, double y)
{
    double best = -1;
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *r = &im->rules[i];
        if (r->x0 == r->x1 && r->x0 > x && r->y0 <= y + 0.2 && r->y1 >= y - 0.2 &&
            (best < 0 || r->x0 < best))
            best = r->x0;
    }
    return best;
}

/* Horizontal rule nearest above (up) or below y that covers x; -1 when none. */
static double hrule(const form_import *im, double x, double y, bool up)
{
    double best = -1;
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *r = &im->rules[i];
        if (r->y0 != r->y1 || r->x0 > x || r->x1 < x)
            continue;
        if (up && r->y0 < y && (best < 0 || r->y0 > best))
            best = r->y0;
        if (!up && r->y0 > y && (best < 0 || r->y0 < best))
            best = r->y0;
    }
    return best;
}

/* Vertical rule nearest left of x (< x) that spans y; -1 when none. */
static double vrule_left(const form_import *im, double x, double y)
{
    double best = -1;
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *r = &im->rules[i];
        if (r->x0 == r->x1 && r->x0 < x && r->y0 <= y + 0.2 && r->y1 >= y - 0.2 && r->x0 > best)
            best = r->x0;
    }
    return best;
}

/* The value cell right of a label run: false when the label sits in no ruled cell. A label
 * with a rule on its left only is taken as centred in its cell (as Japanese forms set them):
 * the cell ends as far right of the label's centre as the rule is left of it. */
static bool cell_beside(const form_import *im, const imp_run *l, cell *c)
{
    double cy = (l->y0 + l->y1) / 2;
    double xa = vrule_right(im, l->x1 - 0.5, cy);
    c->ruled = 1;
    if (xa < 0 || xa - l->x1 > 30) {
        double xl = vrule_left(im, l->x0 + 0.5, cy), cx = (l->x0 + l->x1) / 2;
        /* a band whose rules start at the label's column: the column starts there */
        for (size_t i = 0; i < im->nrules; i++) {
            const imp_rule *r = &im->rules[i];
            if (r->y0 == r->y1 && fabs(r->y0 - cy) < 15 && r->x0 <= l->x0 && r->x1 >= cx &&
                r->x0 > xl)
                xl = r->x0;
        }
        if (xl < 0 || l->x0 - xl > 30)
            return false;
        xa = fmax(xl + 2 * ((l->x0 + l->x1) / 2 - xl), l->x1 + 1);
        c->ruled = 0;
    }
    double xb = vrule_right(im, xa + 3, cy);
    if (xb < 0) {
        xb = im->w - 10;
    } else {
        c->ruled++;
    }
    double mid = (xa + xb) / 2;
    double ya = hrule(im, mid, cy, true), yb = hrule(im, mid, cy, false);
    c->ruled += (ya >= 0) + (yb >= 0);
    if (ya < 0 || cy - ya > 30)
        ya = l->y0 - 1;
    if (yb < 0 || yb - cy > 30)
        yb = l->y1 + 1;
    c->x0 = xa, c->x1 = xb, c->y0 = ya, c->y1 = yb;
    return xb - xa >= 6 && yb - ya >= 3;
}

static bool overlaps_field(const form_import *im, double x, double y, double w, double h)
{
    for (size_t i = 0; i < im->nfields; i++) {
        const form_import_field *f = &im->fields[i];
        if (x < f->x + f->w - 0.2 && f->x < x + w - 0.2 && y < f->y + f->h - 0.2 &&
            f->y < y + h - 0.2)
            return true;
    }
    return false;
}

/* The first run to the right of l on its line, or NULL. */
static const imp_run *run_right(const form_import *im, const imp_run *l)
{
    const imp_run *best = NULL;
    double cy = (l->y0 + l->y1) / 2;
    for (size_t i = 0; i < im->nruns; i++) {
        const imp_run *r = &im->runs[i];
        if (r != l && r->x0 > l->x1 && r->y0 < cy && r->y1 > cy && (!best || r->x0 < best->x0))
            best = r;
    }
    return best;
}

/* ---- labels ---------------------------------------------------------------------------- */

typedef enum vkind { V_CARD, V_KANA_KATA, V_KANA_HIRA, V_TEXT, V_DATE, V_SEX, V_NUMBER } vkind;

static const struct vocab {
    const char *label; /* found inside a short run */
    const char *name;
    const char *value;
    vkind kind;
} vocab[] = {
    /* the more specific first: 筆頭者の氏名 is 筆頭者, 生年月日 is not a date row */
    {"フリガナ", "furigana", "{answer.furigana}", V_KANA_KATA},
    {"ふりがな", "furigana", "{answer.furigana}", V_KANA_HIRA},
    {"筆頭者", "hittosha", "{answer.hittosha}", V_TEXT},
    {"生年月日", "birth", "{card.birth|wareki}", V_CARD},
    {"個人番号", "number", "{card.number}", V_NUMBER},
    {"マイナンバー", "number", "{card.number}", V_NUMBER},
    /* the household: who heads it before and after, and how one is related to whom */
    {"新世帯主との続柄", "relation", "{answer.new_relation|label}", V_TEXT},
    {"続柄", "relation", "{answer.relation|label}", V_TEXT},
    {"前の世帯主", "old_householder", "{answer.old_householder}", V_TEXT},
    {"旧世帯主", "old_householder", "{answer.old_householder}", V_TEXT},
    {"新しい世帯主", "new_householder", "{answer.new_householder}", V_TEXT},
    {"新世帯主", "new_householder", "{answer.new_householder}", V_TEXT},
    {"転居後の世帯主", "new_householder", "{answer.householder_after}", V_TEXT},
    {"異動後の世帯主", "new_householder", "{answer.householder_after}", V_TEXT},
    {"1月1日の住所", "jan1_address", "{answer.jan1_address}", V_TEXT},
    {"1月1日現在の住所", "jan1_address", "{answer.jan1_address}", V_TEXT},
    {"新しい住所", "new_address", "{answer.new_address}", V_TEXT},
    {"新住所", "new_address", "{answer.new_address}", V_TEXT},
    {"転居後の住所", "new_address", "{answer.new_address}", V_TEXT},
    {"前の住所", "old_address", "{card.address}", V_CARD},
    {"従前の住所", "old_address", "{card.address}", V_CARD},
    {"旧住所", "old_address", "{card.address}", V_CARD},
    {"前住所", "old_address", "{card.address}", V_CARD},
    {"住所", "address", "{card.address}", V_CARD},
    {"氏名", "name", "{card.name}", V_CARD},
    {"お名前", "name", "{card.name}", V_CARD},
    {"性別", "sex", "{card.sex|sex}", V_SEX},
    {"電話番号", "phone", "{answer.phone}", V_TEXT},
    {"電話", "phone", "{answer.phone}", V_TEXT},
    {"連絡先", "phone", "{answer.phone}", V_TEXT},
    {"本籍", "honseki", "{answer.honseki}", V_TEXT},
    {"世帯主", "householder", "{answer.householder}", V_TEXT},
    /* 振込先: the account a benefit is paid into */
    {"金融機関名", "bank_name", "{answer.bank_name}", V_TEXT},
    {"支店名", "bank_branch", "{answer.bank_branch}", V_TEXT},
    {"口座番号", "account_no", "{answer.account_no}", V_TEXT},
    {"口座名義", "account_holder", "{answer.account_holder}", V_TEXT},
    {"印鑑登録番号", "regno", "{answer.regno}", V_TEXT},
    {"登録番号", "regno", "{answer.regno}", V_TEXT},
    /* the day something happened: a date question */
    {"住み始めた日", "moved", "{answer.moved|wareki}", V_DATE},
    {"転入した日", "moved", "{answer.moved|wareki}", V_DATE},
    {"転居した日", "moved", "{answer.moved|wareki}", V_DATE},
    {"異動日", "moved", "{answer.moved|wareki}", V_DATE},
    {"加入する日", "joined", "{answer.joined|wareki}", V_DATE},
    {"資格取得日", "joined", "{answer.joined|wareki}", V_DATE},
    {"やめる日", "left", "{answer.left|wareki}", V_DATE},
    {"資格喪失日", "left", "{answer.left|wareki}", V_DATE},
    {"変わった日", "changed", "{answer.changed|wareki}", V_DATE},
    {"変更日", "changed", "{answer.changed|wareki}", V_DATE},
    {"亡くなった日", "died", "{answer.died|wareki}", V_DATE},
    {"死亡日", "died", "{answer.died|wareki}", V_DATE},
    {"葬祭を行った日", "funeral", "{answer.funeral|wareki}", V_DATE},
    {"葬祭日", "funeral", "{answer.funeral|wareki}", V_DATE},
    {"通数", "copies", "{answer.copies}", V_TEXT},
};

static double conf_of(const cell *c)
{
    return c->ruled >= 4 ? 0.9 : c->ruled >= 2 ? 0.75 : 0.6;
}

static void source_of(char *out, size_t cap, const char *label, const cell *c)
{
    snprintf(out, cap, "label %s, %s", label,
             c->ruled >= 4 ? "cell closed by rules" : c->ruled ? "cell partly ruled" : "no rules");
}

/* 男 and 女 printed in the sex cell: circle fields on them (values 1 and 2 of card.sex). */
static bool sex_circles(form_import *im, const cell *c, const char *src)
{
    const imp_run *m = NULL, *f = NULL;
    for (size_t i = 0; i < im->nruns; i++) {
        const imp_run *r = &im->runs[i];
        double cx = (r->x0 + r->x1) / 2, cy = (r->y0 + r->y1) / 2;
        if (cx < c->x0 || cx > c->x1 || cy < c->y0 || cy > c->y1)
            continue;
        if (strcmp(r->text, "男") == 0)
            m = r;
        else if (strcmp(r->text, "女") == 0)
            f = r;
    }
    if (m == NULL || f == NULL)
        return false;
    const imp_run *two[2] = {m, f};
    static const char *const names[2] = {"sex_male", "sex_female"}, *const vals[2] = {"1", "2"};
    for (int k = 0; k < 2; k++) {
        const imp_run *r = two[k];
        double w = (r->x1 - r->x0) + 7, h = fmin(c->y1 - c->y0 - 2, (r->y1 - r->y0) + 4.5);
        double x = (r->x0 + r->x1) / 2 - w / 2, y = (c->y0 + c->y1) / 2 - h / 2;
        char name[64];
        imp_unique_name(im, names[k], name, sizeof name);
        imp_field_add(im, name, x, y, w, h, "{card.sex}", "circle", vals[k], conf_of(c), src);
        ((imp_run *)r)->used = true;
    }
    return true;
}

/* ---- whose value: the applicant (the card), or someone the form asks about -------------- */

static bool mentions_deceased(const char *t)
{
    return strstr(t, "亡くなった") || strstr(t, "死亡者") || strstr(t, "故人");
}

/* The person a label's row or section is about, when not the card holder: "spouse" for a row
 * that starts with 配偶者, "deceased" for a section headed 亡くなった方 / 死亡者 (its heading
 * may be set vertically, one character per run, in a column left of the labels). */
static const char *whose(const form_import *im, const imp_run *l)
{
    double cy = (l->y0 + l->y1) / 2;
    const imp_rule *sec = NULL;
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *r = &im->rules[i];
        if (r->x0 == r->x1 && r->x0 < l->x0 && l->x0 - r->x0 < 40 && r->y0 <= cy && r->y1 >= cy &&
            (sec == NULL || r->x0 > sec->x0))
            sec = r;
    }
    char head[256] = "";
    size_t hl = 0;
    for (size_t i = 0; i < im->nruns; i++) {
        const imp_run *r = &im->runs[i];
        double rx = (r->x0 + r->x1) / 2, ry = (r->y0 + r->y1) / 2;
        bool row = r->x1 <= l->x0 && fabs(ry - cy) < 0.4 * (l->y1 - l->y0) && l->x0 - r->x1 < 120;
        bool col = sec && rx < sec->x0 && sec->x0 - rx < 12 && ry > sec->y0 && ry < sec->y1;
        if (row && strstr(r->text, "配偶者"))
            return "spouse";
        if (row && strstr(r->text, "代理人"))
            return "agent";
        if (row && mentions_deceased(r->text))
            return "deceased";
        size_t n = strlen(r->text);
        if (col && hl + n < sizeof head) /* runs come in reading order: top to bottom */
            memcpy(head + hl, r->text, n + 1), hl += n;
    }
    return mentions_deceased(head)  ? "deceased"
           : strstr(head, "配偶者") ? "spouse"
           : strstr(head, "代理人") ? "agent"
           : strstr(head, "保証人") ? "guarantor"
                                    : NULL;
}

static bool page_mentions_deceased(const form_import *im)
{
    for (size_t i = 0; i < im->nruns; i++)
        if (im->runs[i].nchars <= 10 && mentions_deceased(im->runs[i].text))
            return true;
    return false;
}

static void place_label(form_import *im, imp_run *l, const struct vocab *v)
{
    cell c;
    char src[160], name[64], vbuf[96], nbuf[48];
    const char *value = v->value, *base = v->name, *who = whose(im, l);
    bool kana = v->kind == V_KANA_KATA || v->kind == V_KANA_HIRA;
    bool birth = strcmp(v->name, "birth") == 0;
    if (who && (kana || birth || strcmp(v->name, "name") == 0 || strcmp(v->name, "address") == 0 ||
                strcmp(v->name, "phone") == 0 || strcmp(v->name, "regno") == 0)) {
        /* 亡くなった方の氏名, 配偶者の生年月日, 代理人の住所, 保証人の登録番号: questions about
         * that person, never the card holder's own values */
        const char *part = kana ? "kana" : v->name;
        snprintf(nbuf, sizeof nbuf, "%s_%s", who, part);
        snprintf(vbuf, sizeof vbuf, "{answer.%s_%s%s}", who, part, birth ? "|wareki" : "");
        value = vbuf, base = nbuf;
    } else if (strcmp(v->value, "{answer.relation|label}") == 0 && page_mentions_deceased(im)) {
        /* on a form about someone who died, 続柄 is the applicant's relation to them */
        value = "{answer.deceased_relation|label}";
    }
    bool ruled = cell_beside(im, l, &c);
    if (ruled && v->kind != V_CARD && c.y1 - c.y0 > 24)
        ruled = false; /* a one-line answer in a tall block: the block is not its cell */
    if (!ruled && strcmp(l->text, v->label) != 0) {
        /* 本籍・筆頭者, 世帯主との続柄: a longer text in no cell is an option or a note */
        imp_unplaced_add(im, "label", l->text, l->x0, l->y0, l->x1 - l->x0, l->y1 - l->y0,
                         "the text names a value but sits in no ruled cell (an option or a "
                         "note?): not placed");
        l->used = true;
        return;
    }
    if (!ruled) {
        /* beside the label up to the next text on the line */
        const imp_run *nx = run_right(im, l);
        double x = l->x1 + 2, right = nx ? nx->x0 - 2 : im->w - 10;
        if (nx && nx->x0 - l->x1 < 40) {
            /* between the label and a unit (通, 円, 歳): centred, 15 % of the gap kept free */
            double gap = nx->x0 - l->x1, m = fmax(2, 0.15 * gap);
            x = l->x1 + m, right = nx->x0 - m;
        }
        double h = fmax(7, (l->y1 - l->y0) * 1.8);
        c.x0 = x - 2, c.x1 = right + 2, c.y0 = (l->y0 + l->y1) / 2 - h / 2 - 1;
        c.y1 = c.y0 + h + 2, c.ruled = 0;
    }
    source_of(src, sizeof src, l->text, &c);
    double x = c.x0 + 2, y = c.y0 + 1, w = c.x1 - c.x0 - 4, h = c.y1 - c.y0 - 2;
    if (v->kind == V_SEX && sex_circles(im, &c, src)) {
        l->used = true;
        return;
    }
    if (w < 8 || h < 3 || x + w > im->w || y + h > im->h || overlaps_field(im, x, y, w, h)) {
        imp_unplaced_add(im, "label", l->text, l->x0, l->y0, l->x1 - l->x0, l->y1 - l->y0,
                         "no free space beside the label for its value");
        return;
    }
    if (v->kind == V_NUMBER) {
        imp_unplaced_add(im, "field", l->text, x, y, w, h,
                         "the individual number (card.number) needs the form's legal basis "
                         "(number_basis): add it, then this field, by hand");
        l->used = true;
        return;
    }
    imp_unique_name(im, base, name, sizeof name);
    imp_field_add(im, name, x, y, w, h, value, NULL, NULL, conf_of(&c), src);
    l->used = true;
}

/* ---- dates: 年 月 日 ----------------------------------------------------------------------- */

static bool same_line(const imp_run *a, const imp_run *b)
{
    double ca = (a->y0 + a->y1) / 2, cb = (b->y0 + b->y1) / 2;
    return fabs(ca - cb) < 0.4 * fmax(a->y1 - a->y0, b->y1 - b->y0);
}

static imp_run *single(form_import *im, const char *ch, const imp_run *from, bool right)
{
    imp_run *best = NULL;
    for (size_t i = 0; i < im->nruns; i++) {
        imp_run *r = &im->runs[i];
        if (r->used || strcmp(r->text, ch) != 0 || !same_line(r, from))
            continue;
        double gap = right ? r->x0 - from->x1 : from->x0 - r->x1;
        if (gap < 3 || gap > 40)
            continue;
        if (best == NULL || (right ? r->x0 < best->x0 : r->x1 > best->x1))
            best = r;
    }
    return best;
}

static void date_rows(form_import *im)
{
    for (size_t i = 0; i < im->nruns; i++) {
        imp_run *m = &im->runs[i];
        if (m->used || strcmp(m->text, "月") != 0)
            continue;
        imp_run *y = single(im, "年", m, false), *d = single(im, "日", m, true);
        if (y == NULL || d == NULL)
            continue;
        /* what the date is: the nearest text left of 年 on its line */
        imp_run *ctx = NULL;
        for (size_t k = 0; k < im->nruns; k++) {
            imp_run *r = &im->runs[k];
            if (r != y && same_line(r, y) && r->x1 <= y->x0 - 3 && y->x0 - r->x1 < 60 &&
                (ctx == NULL || r->x1 > ctx->x1))
                ctx = r;
        }
        const char *base = "date", *what = "today", *conf_why = "申請日";
        double conf = 0.8;
        if (ctx && strstr(ctx->text, "生年月日")) {
            base = "birth", what = "card.birth", conf_why = "生年月日";
        } else if (ctx && !strstr(ctx->text, "申請") && !strstr(ctx->text, "届出") &&
                   !strstr(ctx->text, "請求") && !strstr(ctx->text, "記入") &&
                   !strstr(ctx->text, "提出") && !strstr(ctx->text, "令和")) {
            conf = 0.5, conf_why = ctx->text;
        }
        double cy = (m->y0 + m->y1) / 2, h = 7, top = cy - h / 2;
        double yr_right = y->x0 - 1, yr_left = yr_right - 10;
        double era_left = yr_left - 12;
        double ctx_right = ctx ? ctx->x1 + 1 : 0;
        bool era = era_left >= ctx_right;
        char src[160], name[64], val[96];
        snprintf(src, sizeof src, "年 月 日 after %s", conf_why);
        static const char *const parts[4] = {"era", "year", "month", "day"};
        double xs[4][2] = {{era_left, yr_left},
                           {era ? yr_left : fmax(ctx_right, yr_right - 22), yr_right},
                           {y->x1 + 1, m->x0 - 1},
                           {m->x1 + 1, d->x0 - 1}};
        for (int k = era ? 0 : 1; k < 4; k++) {
            char nb[48];
            snprintf(nb, sizeof nb, "%s_%s", base, parts[k]);
            imp_unique_name(im, nb, name, sizeof name);
            if (k == 1 && !era)
                snprintf(val, sizeof val, "{%s|wareki:era}{%s|wareki:year}", what, what);
            else
                snprintf(val, sizeof val, "{%s|wareki:%s}", what, parts[k]);
            double w = xs[k][1] - xs[k][0];
            if (w < 3 || overlaps_field(im, xs[k][0], top, w, h))
                continue;
            imp_field_add(im, name, xs[k][0], top, w, h, val, NULL, NULL, conf, src);
        }
        y->used = m->used = d->used = true;
        if (ctx && (strcmp(base, "birth") == 0))
            ctx->used = true;
    }
}

/* ---- all labels ------------------------------------------------------------------------ */

void imp_fields_from_labels(form_import *im)
{
    imp_tables(im);
    date_rows(im);
    for (size_t i = 0; i < im->nruns; i++) {
        imp_run *r = &im->runs[i];
        if (r->used || r->nchars > 10 || strncmp(r->text, "（", 3) == 0 ||
            strncmp(r->text, "※", 3) == 0 || r->text[0] == '(')
            continue; /* sentences, notes and asides are not labels */
        for (size_t k = 0; k < sizeof vocab / sizeof vocab[0]; k++)
            if (strstr(r->text, vocab[k].label) != NULL) {
                place_label(im, r, &vocab[k]);
                break;
            }
    }
    /* the title: the tallest short run */
    const imp_run *t = NULL;
    for (size_t i = 0; i < im->nruns; i++) {
        const imp_run *r = &im->runs[i];
        if (r->nchars >= 3 && r->nchars <= 40 && (t == NULL || r->y1 - r->y0 > t->y1 - t->y0))
            t = r;
    }
    if (t)
        im->title = g_strdup(t->text);
}
