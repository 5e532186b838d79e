/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-template.c — the template language parser (grammar and keys: templates/README.md).
 *
 * A template is INI-like UTF-8 text: `# comment` lines, `[section name]` headers and
 * `key = value` lines. The parser walks the text with a bounds-checked cursor, one line at a
 * time, and reports every problem with file, line, column (in characters) and a sentence in
 * English and Japanese. Nothing in a template is trusted.
 */
#include "form-private.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum section {
    SEC_NONE = 0,
    SEC_FORM,
    SEC_PAGE,
    SEC_QUESTION,
    SEC_FIELD,
    SEC_LABEL,
    SEC_LINE,
    SEC_BOX,
    SEC_ELLIPSE,
    SEC_QR,
};

static const char *const section_names[] = {
    "", "form", "page", "question", "field", "label", "line", "box", "ellipse", "qr",
};
#define NSECTIONS (sizeof section_names / sizeof section_names[0])

#define S(x) (1u << (x))
/* Every key, the sections it belongs to. Localized keys end in .ja / .en. */
static const struct key_def {
    const char *key;
    unsigned sections;
} keys[] = {
    {"id", S(SEC_FORM)},
    {"title.ja", S(SEC_FORM)},
    {"title.en", S(SEC_FORM)},
    {"paper", S(SEC_FORM) | S(SEC_PAGE)},
    {"orientation", S(SEC_FORM) | S(SEC_PAGE)},
    {"background", S(SEC_FORM)},
    {"background_box", S(SEC_FORM)},
    {"needs", S(SEC_FORM)},
    {"number_basis", S(SEC_FORM)},
    {"type", S(SEC_QUESTION)},
    {"label.ja", S(SEC_QUESTION)},
    {"label.en", S(SEC_QUESTION)},
    {"help.ja", S(SEC_QUESTION)},
    {"help.en", S(SEC_QUESTION)},
    {"required", S(SEC_QUESTION)},
    {"default", S(SEC_QUESTION)},
    {"min", S(SEC_QUESTION)},
    {"max", S(SEC_QUESTION)},
    {"kana", S(SEC_QUESTION)},
    {"about", S(SEC_QUESTION)},
    {"box", S(SEC_FIELD) | S(SEC_LABEL) | S(SEC_BOX) | S(SEC_ELLIPSE)},
    {"value", S(SEC_FIELD)},
    {"text", S(SEC_LABEL)},
    {"font", S(SEC_FIELD) | S(SEC_LABEL)},
    {"size", S(SEC_FIELD) | S(SEC_LABEL) | S(SEC_QR)},
    {"min_size", S(SEC_FIELD) | S(SEC_LABEL)},
    {"min_scale", S(SEC_FIELD) | S(SEC_LABEL)},
    {"lines", S(SEC_FIELD) | S(SEC_LABEL)},
    {"leading", S(SEC_FIELD) | S(SEC_LABEL)},
    {"align", S(SEC_FIELD) | S(SEC_LABEL)},
    {"valign", S(SEC_FIELD) | S(SEC_LABEL)},
    {"spacing", S(SEC_FIELD) | S(SEC_LABEL)},
    {"vertical", S(SEC_FIELD) | S(SEC_LABEL)},
    {"cells", S(SEC_FIELD)},
    {"pitch", S(SEC_FIELD)},
    {"cell_align", S(SEC_FIELD)},
    {"cell_outline", S(SEC_FIELD)},
    {"check", S(SEC_FIELD)},
    {"circle", S(SEC_FIELD)},
    {"optional", S(SEC_FIELD)},
    {"from", S(SEC_LINE)},
    {"to", S(SEC_LINE)},
    {"width", S(SEC_LINE) | S(SEC_BOX) | S(SEC_ELLIPSE)},
    {"dash", S(SEC_LINE) | S(SEC_BOX)},
    {"fill", S(SEC_BOX)},
    {"at", S(SEC_QR)},
    {"values", S(SEC_QR)},
};
#define NKEYS (sizeof keys / sizeof keys[0])

static const struct paper {
    const char *name;
    double w, h;
} papers[] = {
    {"A3", 297, 420}, {"A4", 210, 297}, {"A5", 148, 210},
    {"B4", 257, 364}, {"B5", 182, 257}, {"Letter", 215.9, 279.4},
};

typedef struct parser {
    const char *name; /* file name for diagnostics */
    form_diags *diags;
    form_template *t;
    bool strict;
    int errors;
    /* current line */
    int lineno;
    const char *line; /* start of the current line */
    size_t linelen;
    /* current section */
    enum section sec;
    int sec_line;
    form_item *item;       /* field/label/line/box/ellipse */
    form_question *q;
    char seen[48][40];     /* keys given in this section (duplicates) */
    size_t nseen;
    bool paper_set;
    double pending_w, pending_h; /* form paper before orientation */
    bool landscape;
    int cur_page;
    bool line_from, line_to;
} parser;

/* Column (1-based, in characters) of byte p within the current line. */
static int col_at(const parser *ps, const char *p)
{
    int col = 1;
    for (const char *s = ps->line; s < p && s < ps->line + ps->linelen; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            col++;
    return col;
}

#define ERR(ps, p, err, en, ja, ...)                                                       \
    do {                                                                                   \
        (ps)->errors++;                                                                    \
        form_diags_addf((ps)->diags, (err), (ps)->name, (ps)->lineno,                      \
                        (p) ? col_at((ps), (p)) : 0, NULL, en, ja, ##__VA_ARGS__);         \
    } while (0)

static bool is_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

static bool valid_id(const char *s, size_t n)
{
    if (n == 0 || n > FORM_MAX_ID)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!is_id_char(s[i]))
            return false;
    return true;
}

/* A decimal number without locale: [-]digits[.digits]. */
static bool parse_number(const char *s, size_t n, double *out)
{
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    double v = 0, scale = 0;
    size_t digits = 0;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            if (++digits > 9)
                return false;
            if (scale > 0) {
                v += (s[i] - '0') * scale;
                scale /= 10;
            } else {
                v = v * 10 + (s[i] - '0');
            }
        } else if (s[i] == '.' && scale == 0 && digits > 0) {
            scale = 0.1;
        } else {
            return false;
        }
    }
    if (digits == 0)
        return false;
    *out = neg ? -v : v;
    return true;
}

/* Exactly want numbers, a list as form_list_next reads it. */
static bool parse_numbers(parser *ps, const char *v, size_t n, double *out, size_t want,
                          const char *what)
{
    size_t got = 0, i = 0, s, len;
    while (form_list_next(v, n, &i, &s, &len)) {
        if (got == want || !parse_number(v + s, len, &out[got])) {
            ERR(ps, v + s, FORM_E_SYNTAX,
                "%s needs %zu numbers in millimetres (for example \"%s\")",
                "%s には数値を %zu 個書いてください（単位 mm、例「%s」）", what, want,
                want == 4 ? "20 30 80 10" : want == 2 ? "20 30" : "10");
            return false;
        }
        got++;
    }
    if (got != want) {
        ERR(ps, v, FORM_E_SYNTAX, "%s needs %zu numbers in millimetres (for example \"%s\")",
            "%s には数値を %zu 個書いてください（単位 mm、例「%s」）", what, want,
            want == 4 ? "20 30 80 10" : want == 2 ? "20 30" : "10");
        return false;
    }
    return true;
}

static bool parse_bool(parser *ps, const char *v, size_t n, bool *out)
{
    if ((n == 3 && memcmp(v, "yes", 3) == 0) || (n == 4 && memcmp(v, "true", 4) == 0)) {
        *out = true;
        return true;
    }
    if ((n == 2 && memcmp(v, "no", 2) == 0) || (n == 5 && memcmp(v, "false", 5) == 0)) {
        *out = false;
        return true;
    }
    ERR(ps, v, FORM_E_SYNTAX, "write yes or no here", "ここには yes か no を書いてください");
    return false;
}

static int parse_enum(parser *ps, const char *v, size_t n, const char *const *names,
                      size_t count, const char *what)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], v, n) == 0)
            return (int)i;
    char list[160] = "";
    size_t off = 0;
    for (size_t i = 0; i < count && off < sizeof list; i++)
        off += (size_t)snprintf(list + off, sizeof list - off, "%s%s", i ? ", " : "", names[i]);
    ERR(ps, v, FORM_E_SYNTAX, "unknown %s \"%.*s\": use one of %s",
        "%s「%.*s」は使えません。次のどれかにしてください: %s", what, (int)n, v, list);
    return -1;
}

static bool check_range(parser *ps, const char *v, double x, double lo, double hi,
                        const char *what)
{
    if (x < lo || x > hi) {
        ERR(ps, v, FORM_E_SYNTAX, "%s must be between %g and %g", "%s は %g から %g の間にしてください",
            what, lo, hi);
        return false;
    }
    return true;
}

/* The numeric keys of a drawing item or field: their range, and where the value goes. */
static const struct num_key {
    const char *key, *what;
    double lo, hi;
    size_t off;
    bool integer;
} num_keys[] = {
    {"size", "size (points)", 4, 72, offsetof(form_item, pt), false},
    {"min_size", "min_size (points)", 4, 72, offsetof(form_item, min_pt), false},
    {"min_scale", "min_scale", 0.5, 1, offsetof(form_item, min_scale), false},
    {"lines", "lines", 1, 20, offsetof(form_item, max_lines), true},
    {"leading", "leading", 0.8, 3, offsetof(form_item, leading), false},
    {"spacing", "spacing (mm)", 0, 20, offsetof(form_item, spacing), false},
    {"cells", "cells", 1, 40, offsetof(form_item, cells), true},
    {"pitch", "pitch (mm)", 1, 50, offsetof(form_item, pitch), false},
    {"width", "width (mm)", 0.05, 5, offsetof(form_item, width), false},
    {"dash", "dash (mm)", 0, 20, offsetof(form_item, dash), false},
    {"fill", "fill (0 black .. 1 white)", 0, 1, offsetof(form_item, fill), false},
};

static void set_number(parser *ps, form_item *it, const char *k, const char *v, double x)
{
    for (size_t i = 0; i < sizeof num_keys / sizeof num_keys[0]; i++) {
        const struct num_key *nk = &num_keys[i];
        if (strcmp(k, nk->key) != 0)
            continue;
        if (!check_range(ps, v, x, nk->lo, nk->hi, nk->what))
            return;
        if (nk->integer && x != (int)x) {
            ERR(ps, v, FORM_E_SYNTAX, "%s needs a whole number", "%s は整数で書いてください", k);
            return;
        }
        if (nk->integer)
            *(int *)((char *)it + nk->off) = (int)x;
        else
            *(double *)((char *)it + nk->off) = x;
        return;
    }
}

static void item_defaults(form_item *it)
{
    it->width = 0.3;
    it->fill = -1;
    it->face = 0;
    it->pt = 10.5;
    it->max_lines = 1;
    it->halign = 0;
    it->valign = 1;
    it->pitch = 0;
}

static form_item *new_item(parser *ps, form_item_kind kind)
{
    form_template *t = ps->t;
    if (t->nitems >= FORM_MAX_ITEMS) {
        ERR(ps, ps->line, FORM_E_SYNTAX, "too many fields and drawing items (the limit is %u)",
            "項目と図形が多すぎます（上限 %u）", FORM_MAX_ITEMS);
        return NULL;
    }
    if (t->nitems == t->items_cap) {
        size_t cap = t->items_cap ? t->items_cap * 2 : 32;
        form_item *v = realloc(t->items, cap * sizeof *v);
        if (v == NULL)
            return NULL;
        t->items = v;
        t->items_cap = cap;
    }
    form_item *it = &t->items[t->nitems++];
    memset(it, 0, sizeof *it);
    item_defaults(it);
    it->kind = kind;
    it->page = ps->cur_page;
    it->line = ps->lineno;
    if (kind == FORM_ITEM_LINE || kind == FORM_ITEM_BOX || kind == FORM_ITEM_ELLIPSE)
        it->x = it->y = it->w = it->h = -1;
    return it;
}

static void set_page_size(parser *ps, size_t page, const struct paper *p, bool landscape)
{
    ps->t->pages[page].w = landscape ? p->h : p->w;
    ps->t->pages[page].h = landscape ? p->w : p->h;
}

/* Did-you-mean: the closest known key of this section within distance 2. */
static const char *suggest_key(enum section sec, const char *k, size_t n)
{
    char buf[64];
    if (n >= sizeof buf)
        return NULL;
    memcpy(buf, k, n);
    buf[n] = '\0';
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; i < NKEYS; i++) {
        if (!(keys[i].sections & S(sec)))
            continue;
        size_t d = form_edit_distance(buf, keys[i].key);
        if (d < bestd) {
            bestd = d;
            best = keys[i].key;
        }
    }
    return best;
}

static void begin_section(parser *ps, const char *p, size_t n)
{
    /* p points after '[' and n bytes up to ']' */
    size_t i = 0;
    while (i < n && p[i] == ' ')
        i++;
    size_t ns = i;
    while (i < n && p[i] != ' ')
        i++;
    size_t ne = i;
    while (i < n && p[i] == ' ')
        i++;
    size_t as = i;
    size_t ae = n;
    while (ae > as && p[ae - 1] == ' ')
        ae--;

    ps->sec = SEC_NONE;
    ps->item = NULL;
    ps->q = NULL;
    ps->nseen = 0;
    ps->sec_line = ps->lineno;
    ps->line_from = ps->line_to = false;

    enum section sec = SEC_NONE;
    for (size_t k = 1; k < NSECTIONS; k++)
        if (strlen(section_names[k]) == ne - ns && memcmp(section_names[k], p + ns, ne - ns) == 0)
            sec = (enum section)k;
    if (sec == SEC_NONE) {
        const char *best = NULL;
        size_t bestd = 3;
        char buf[64];
        if (ne - ns < sizeof buf) {
            memcpy(buf, p + ns, ne - ns);
            buf[ne - ns] = '\0';
            for (size_t k = 1; k < NSECTIONS; k++) {
                size_t d = form_edit_distance(buf, section_names[k]);
                if (d < bestd) {
                    bestd = d;
                    best = section_names[k];
                }
            }
        }
        if (best)
            ERR(ps, p + ns, FORM_E_SYNTAX, "unknown section [%.*s]; did you mean [%s]?",
                "[%.*s] という区分はありません。[%s] の誤りではありませんか", (int)(ne - ns), p + ns,
                best);
        else
            ERR(ps, p + ns, FORM_E_SYNTAX,
                "unknown section [%.*s]; sections are form, page, question, field, label, line, "
                "box, ellipse, qr",
                "[%.*s] という区分はありません（form, page, question, field, label, line, box, "
                "ellipse, qr のどれか）",
                (int)(ne - ns), p + ns);
        ps->sec = SEC_NONE;
        ps->sec_line = -1; /* skip its keys silently */
        return;
    }
    bool needs_name = sec == SEC_QUESTION || sec == SEC_FIELD;
    if (needs_name && as == ae) {
        ERR(ps, p + ns, FORM_E_SYNTAX, "[%s] needs a name, for example [%s copies]",
            "[%s] には名前が必要です（例 [%s copies]）", section_names[sec], section_names[sec]);
        ps->sec_line = -1;
        return;
    }
    if (!needs_name && as != ae) {
        ERR(ps, p + as, FORM_E_SYNTAX, "[%s] takes no name", "[%s] には名前を付けません",
            section_names[sec]);
    }
    if (needs_name && !valid_id(p + as, ae - as)) {
        ERR(ps, p + as, FORM_E_SYNTAX,
            "the name \"%.*s\" may use only a-z, 0-9 and _ (at most %u characters)",
            "名前「%.*s」には半角英小文字・数字・_ だけを使ってください（%u 文字まで）",
            (int)(ae - as), p + as, FORM_MAX_ID);
        ps->sec_line = -1;
        return;
    }
    form_template *t = ps->t;
    bool seen_form = t->npages > 0;
    if (sec != SEC_FORM && !seen_form) {
        ERR(ps, p - 1, FORM_E_SYNTAX, "the template must start with [form]",
            "テンプレートは [form] から始めてください");
        ps->sec_line = -1;
        return;
    }
    ps->sec = sec;
    switch (sec) {
    case SEC_FORM:
        if (seen_form) {
            ERR(ps, p - 1, FORM_E_SYNTAX, "[form] may appear only once",
                "[form] は一つだけ書けます");
            ps->sec_line = -1;
            return;
        }
        t->npages = 1;
        set_page_size(ps, 0, &papers[1], false);
        break;
    case SEC_PAGE:
        if (t->npages >= FORM_MAX_PAGES) {
            ERR(ps, p - 1, FORM_E_SYNTAX, "too many pages (the limit is %u)",
                "ページが多すぎます（上限 %u）", FORM_MAX_PAGES);
            ps->sec_line = -1;
            return;
        }
        t->pages[t->npages] = t->pages[0];
        ps->cur_page = (int)t->npages++;
        break;
    case SEC_QUESTION: {
        for (size_t k = 0; k < t->nquestions; k++)
            if (strlen(t->questions[k].id) == ae - as &&
                memcmp(t->questions[k].id, p + as, ae - as) == 0) {
                ERR(ps, p + as, FORM_E_TEMPLATE,
                    "the question \"%.*s\" is already defined on line %d",
                    "質問「%.*s」は %d 行目で定義済みです", (int)(ae - as), p + as,
                    t->questions[k].line);
                ps->sec_line = -1;
                return;
            }
        if (t->nquestions >= FORM_MAX_QUESTIONS) {
            ERR(ps, p - 1, FORM_E_SYNTAX, "too many questions (the limit is %u)",
                "質問が多すぎます（上限 %u）", FORM_MAX_QUESTIONS);
            ps->sec_line = -1;
            return;
        }
        form_question *q = &t->questions[t->nquestions++];
        memset(q, 0, sizeof *q);
        q->id = form_strndup(p + as, ae - as);
        q->line = ps->lineno;
        ps->q = q;
        break;
    }
    case SEC_FIELD:
        for (size_t k = 0; k < t->nitems; k++)
            if (t->items[k].kind == FORM_ITEM_FIELD && strlen(t->items[k].name) == ae - as &&
                memcmp(t->items[k].name, p + as, ae - as) == 0) {
                ERR(ps, p + as, FORM_E_TEMPLATE, "the field \"%.*s\" is already defined on line %d",
                    "項目「%.*s」は %d 行目で定義済みです", (int)(ae - as), p + as,
                    t->items[k].line);
                ps->sec_line = -1;
                return;
            }
        ps->item = new_item(ps, FORM_ITEM_FIELD);
        if (ps->item)
            ps->item->name = form_strndup(p + as, ae - as);
        break;
    case SEC_LABEL:
        ps->item = new_item(ps, FORM_ITEM_LABEL);
        break;
    case SEC_LINE:
        ps->item = new_item(ps, FORM_ITEM_LINE);
        break;
    case SEC_BOX:
        ps->item = new_item(ps, FORM_ITEM_BOX);
        break;
    case SEC_ELLIPSE:
        ps->item = new_item(ps, FORM_ITEM_ELLIPSE);
        break;
    case SEC_QR:
        if (t->has_qr) {
            ERR(ps, p - 1, FORM_E_SYNTAX, "[qr] may appear only once", "[qr] は一つだけ書けます");
            ps->sec_line = -1;
            return;
        }
        t->has_qr = true;
        t->qr_line = ps->lineno;
        t->qr_w = 25;
        t->qr_x = t->qr_y = -1;
        break;
    default:
        break;
    }
    if ((sec == SEC_FIELD || sec == SEC_LABEL || sec == SEC_LINE || sec == SEC_BOX ||
         sec == SEC_ELLIPSE) &&
        ps->item == NULL) {
        ps->sec = SEC_NONE; /* its keys are skipped: the limit was reported */
        ps->sec_line = -1;
    }
}

static const char *const face_names[] = {"mincho", "gothic"};
static const char *const halign_names[] = {"left", "center", "right"};
static const char *const valign_names[] = {"top", "middle", "bottom"};
static const char *const qtype_names[] = {"choice", "multi", "yesno", "number",
                                          "date",   "kana",  "text"};
static const char *const kana_names[] = {"katakana", "hiragana"};
static const char *const orient_names[] = {"portrait", "landscape"};
static const char *const needs_names[] = {"name", "address", "birth", "sex", "number"};

static char *dup_value(const char *v, size_t n)
{
    return form_strndup(v, n);
}

static void set_str(char **slot, const char *v, size_t n)
{
    free(*slot);
    *slot = dup_value(v, n);
}

static void key_form(parser *ps, const char *k, const char *v, size_t n)
{
    form_template *t = ps->t;
    if (strcmp(k, "id") == 0) {
        if (!valid_id(v, n))
            ERR(ps, v, FORM_E_SYNTAX,
                "the id may use only a-z, 0-9 and _ (at most %u characters)",
                "id には半角英小文字・数字・_ だけを使ってください（%u 文字まで）", FORM_MAX_ID);
        else
            set_str(&t->id, v, n);
    } else if (strcmp(k, "title.ja") == 0 || strcmp(k, "title.en") == 0) {
        char *s = dup_value(v, n);
        if (s)
            form_text_set(&t->title, k + 6, s);
        free(s);
    } else if (strcmp(k, "paper") == 0 || strcmp(k, "orientation") == 0) {
        /* handled with the page below */
    } else if (strcmp(k, "background") == 0) {
        if (memchr(v, '/', n) != NULL && (v[0] == '/' || (n >= 2 && memcmp(v, "..", 2) == 0))) {
            ERR(ps, v, FORM_E_TEMPLATE,
                "the background must be a file next to the template (no absolute path, no ..)",
                "背景画像はテンプレートと同じフォルダに置いてください（絶対パスや .. は不可）");
            return;
        }
        set_str(&t->background, v, n);
        t->bg_line = ps->lineno;
    } else if (strcmp(k, "background_box") == 0) {
        double b[4];
        if (parse_numbers(ps, v, n, b, 4, "background_box")) {
            t->bg_x = b[0], t->bg_y = b[1], t->bg_w = b[2], t->bg_h = b[3];
        }
    } else if (strcmp(k, "needs") == 0) {
        size_t i = 0, s, len;
        while (form_list_next(v, n, &i, &s, &len)) {
            int e = parse_enum(ps, v + s, len, needs_names, 5, "card attribute");
            if (e >= 0)
                t->needs |= 1u << e;
        }
    } else if (strcmp(k, "number_basis") == 0) {
        set_str(&t->number_basis, v, n);
    }
}

static void key_page(parser *ps, const char *k, const char *v, size_t n)
{
    size_t page = ps->sec == SEC_FORM ? 0 : (size_t)ps->cur_page;
    form_template *t = ps->t;
    if (strcmp(k, "paper") == 0) {
        for (size_t i = 0; i < sizeof papers / sizeof papers[0]; i++)
            if (strlen(papers[i].name) == n && memcmp(papers[i].name, v, n) == 0) {
                bool land = t->pages[page].w > t->pages[page].h;
                set_page_size(ps, page, &papers[i], land);
                return;
            }
        ERR(ps, v, FORM_E_SYNTAX, "unknown paper \"%.*s\": use A4, A3, A5, B4, B5 or Letter",
            "用紙「%.*s」は使えません（A4, A3, A5, B4, B5, Letter のどれか）", (int)n, v);
    } else if (strcmp(k, "orientation") == 0) {
        int o = parse_enum(ps, v, n, orient_names, 2, "orientation");
        if (o < 0)
            return;
        double w = t->pages[page].w, h = t->pages[page].h;
        double lo = w < h ? w : h, hi = w < h ? h : w;
        t->pages[page].w = o == 1 ? hi : lo;
        t->pages[page].h = o == 1 ? lo : hi;
    }
}

static void key_question(parser *ps, const char *k, const char *v, size_t n)
{
    form_question *q = ps->q;
    if (strcmp(k, "type") == 0) {
        int e = parse_enum(ps, v, n, qtype_names, 7, "question type");
        if (e >= 0) {
            q->type = (form_question_type)e;
            q->has_type = true;
        }
    } else if (strncmp(k, "label.", 6) == 0 || strncmp(k, "help.", 5) == 0) {
        char *s = dup_value(v, n);
        if (s)
            form_text_set(k[0] == 'l' ? &q->label : &q->help, strchr(k, '.') + 1, s);
        free(s);
    } else if (strcmp(k, "required") == 0) {
        parse_bool(ps, v, n, &q->required);
    } else if (strcmp(k, "default") == 0) {
        set_str(&q->def, v, n);
    } else if (strcmp(k, "min") == 0 || strcmp(k, "max") == 0) {
        double x;
        if (!parse_number(v, n, &x) || x != (double)(long)x) {
            ERR(ps, v, FORM_E_SYNTAX, "%s must be a whole number", "%s は整数で書いてください", k);
            return;
        }
        if (k[1] == 'i')
            q->min = (long)x, q->has_min = true;
        else
            q->max = (long)x, q->has_max = true;
    } else if (strcmp(k, "kana") == 0) {
        int e = parse_enum(ps, v, n, kana_names, 2, "kana kind");
        if (e >= 0) {
            q->kana = (form_kana_kind)e;
            q->has_kana = true;
        }
    } else if (strcmp(k, "about") == 0) {
        set_str(&q->about, v, n);
    }
}

/* choice.<value>.ja / choice.<value>.en, in the order of first appearance. */
static bool key_choice(parser *ps, const char *kp, size_t kn, const char *v, size_t n)
{
    form_question *q = ps->q;
    if (kn < 7 || memcmp(kp, "choice.", 7) != 0)
        return false;
    const char *id = kp + 7;
    size_t idn = kn - 7;
    const char *lang = "ja";
    if (idn > 3 && (memcmp(id + idn - 3, ".ja", 3) == 0 || memcmp(id + idn - 3, ".en", 3) == 0)) {
        lang = id + idn - 2;
        idn -= 3;
    } else {
        ERR(ps, kp, FORM_E_SYNTAX, "write choice.<value>.ja or choice.<value>.en",
            "choice.<値>.ja または choice.<値>.en と書いてください");
        return true;
    }
    if (!valid_id(id, idn)) {
        ERR(ps, id, FORM_E_SYNTAX, "a choice value may use only a-z, 0-9 and _",
            "選択肢の値には半角英小文字・数字・_ だけを使ってください");
        return true;
    }
    size_t i;
    for (i = 0; i < q->nchoices; i++)
        if (strlen(q->choice_value[i]) == idn && memcmp(q->choice_value[i], id, idn) == 0)
            break;
    if (i == q->nchoices) {
        if (q->nchoices >= FORM_MAX_CHOICES) {
            ERR(ps, kp, FORM_E_SYNTAX, "too many choices (the limit is %u)",
                "選択肢が多すぎます（上限 %u）", FORM_MAX_CHOICES);
            return true;
        }
        q->choice_value[i] = form_strndup(id, idn);
        q->nchoices++;
    }
    char l[3] = {lang[0], lang[1], 0};
    char *s = dup_value(v, n);
    if (s)
        form_text_set(&q->choice_label[i], l, s);
    free(s);
    return true;
}

static void key_item(parser *ps, const char *k, const char *v, size_t n)
{
    form_item *it = ps->item;
    double x;
    if (strcmp(k, "box") == 0) {
        double b[4];
        if (parse_numbers(ps, v, n, b, 4, "box")) {
            if (b[2] <= 0 || b[3] <= 0) {
                ERR(ps, v, FORM_E_TEMPLATE, "box needs a positive width and height (x y width height)",
                    "box の幅と高さは正の数にしてください（x y 幅 高さ）");
                return;
            }
            it->x = b[0], it->y = b[1], it->w = b[2], it->h = b[3];
            it->bline = ps->lineno;
            it->bcol = col_at(ps, v);
        }
    } else if (strcmp(k, "from") == 0 || strcmp(k, "to") == 0) {
        double b[2];
        if (parse_numbers(ps, v, n, b, 2, k)) {
            if (k[0] == 'f')
                it->x = b[0], it->y = b[1], ps->line_from = true;
            else
                it->w = b[0], it->h = b[1], ps->line_to = true;
            it->bline = ps->lineno;
            it->bcol = col_at(ps, v);
        }
    } else if (strcmp(k, "value") == 0 || strcmp(k, "text") == 0) {
        set_str(&it->text, v, n);
        it->vline = ps->lineno;
        it->vcol = col_at(ps, v);
    } else if (strcmp(k, "font") == 0) {
        int e = parse_enum(ps, v, n, face_names, 2, "font");
        if (e >= 0)
            it->face = e;
    } else if (strcmp(k, "align") == 0) {
        int e = parse_enum(ps, v, n, halign_names, 3, "alignment");
        if (e >= 0)
            it->halign = e;
    } else if (strcmp(k, "valign") == 0) {
        int e = parse_enum(ps, v, n, valign_names, 3, "vertical alignment");
        if (e >= 0)
            it->valign = e;
    } else if (strcmp(k, "cell_align") == 0) {
        static const char *const ca[] = {"left", "right"};
        int e = parse_enum(ps, v, n, ca, 2, "cell alignment");
        if (e >= 0)
            it->cells_right = e == 1;
    } else if (strcmp(k, "vertical") == 0) {
        parse_bool(ps, v, n, &it->vertical);
    } else if (strcmp(k, "cell_outline") == 0) {
        parse_bool(ps, v, n, &it->cells_outline);
    } else if (strcmp(k, "optional") == 0) {
        parse_bool(ps, v, n, &it->optional);
    } else if (strcmp(k, "check") == 0 || strcmp(k, "circle") == 0) {
        if (it->mark != FORM_MARK_NONE) {
            ERR(ps, v, FORM_E_SYNTAX, "a field has either check or circle, not both",
                "check と circle は同じ項目に両方は書けません");
            return;
        }
        it->mark = k[1] == 'h' ? FORM_MARK_CHECK : FORM_MARK_CIRCLE;
        set_str(&it->mark_value, v, n);
    } else if (!parse_number(v, n, &x)) {
        ERR(ps, v, FORM_E_SYNTAX, "%s needs a number, for example %s", "%s には数値を書いてください（例 %s）",
            k, strcmp(k, "lines") == 0 || strcmp(k, "cells") == 0 ? "3" : "0.5");
    } else {
        set_number(ps, it, k, v, x);
    }
}

static void key_qr(parser *ps, const char *k, const char *v, size_t n)
{
    form_template *t = ps->t;
    if (strcmp(k, "at") == 0) {
        double b[2];
        if (parse_numbers(ps, v, n, b, 2, "at"))
            t->qr_x = b[0], t->qr_y = b[1];
    } else if (strcmp(k, "size") == 0) {
        double x;
        if (!parse_number(v, n, &x) || !check_range(ps, v, x, 10, 80, "size (mm)"))
            return;
        t->qr_w = x;
    } else if (strcmp(k, "values") == 0) {
        size_t i = 0, s, len;
        while (form_list_next(v, n, &i, &s, &len)) {
            if (t->nqr >= FORM_MAX_QR_VALUES) {
                ERR(ps, v + s, FORM_E_SYNTAX, "too many QR values (the limit is %u)",
                    "QR コードの値が多すぎます（上限 %u）", FORM_MAX_QR_VALUES);
                return;
            }
            t->qr_values[t->nqr++] = form_strndup(v + s, len);
        }
    }
}

static void key_line(parser *ps, const char *kp, size_t kn, const char *v, size_t n)
{
    if (ps->sec_line < 0)
        return; /* the keys of a refused section: its header was reported */
    if (ps->sec == SEC_NONE) {
        if (ps->sec_line < 0)
            return; /* the broken section was reported */
        ERR(ps, kp, FORM_E_SYNTAX, "the template must start with [form]",
            "テンプレートは [form] から始めてください");
        ps->sec_line = -1;
        return;
    }
    if (ps->sec == SEC_QUESTION && key_choice(ps, kp, kn, v, n))
        return;
    char k[64];
    if (kn >= sizeof k) {
        ERR(ps, kp, FORM_E_SYNTAX, "this key is too long", "キーが長すぎます");
        return;
    }
    memcpy(k, kp, kn);
    k[kn] = '\0';
    size_t i;
    for (i = 0; i < NKEYS; i++)
        if (strcmp(keys[i].key, k) == 0 && (keys[i].sections & S(ps->sec)))
            break;
    if (i == NKEYS) {
        const char *best = suggest_key(ps->sec, kp, kn);
        if (best)
            ERR(ps, kp, FORM_E_SYNTAX, "unknown key \"%s\" in [%s]; did you mean \"%s\"?",
                "[%2$s] にキー「%1$s」はありません。「%3$s」の誤りではありませんか", k,
                section_names[ps->sec], best);
        else
            ERR(ps, kp, FORM_E_SYNTAX, "unknown key \"%s\" in [%s]",
                "[%2$s] にキー「%1$s」はありません", k, section_names[ps->sec]);
        return;
    }
    for (size_t j = 0; j < ps->nseen; j++)
        if (strcmp(ps->seen[j], k) == 0) {
            ERR(ps, kp, FORM_E_SYNTAX, "the key \"%s\" is given twice in this section",
                "キー「%s」がこの区分に二度書かれています", k);
            return;
        }
    if (ps->nseen < sizeof ps->seen / sizeof ps->seen[0] && kn < sizeof ps->seen[0])
        memcpy(ps->seen[ps->nseen++], k, kn + 1);
    if (n == 0 && strcmp(k, "default") != 0) {
        ERR(ps, kp, FORM_E_SYNTAX, "the key \"%s\" has no value", "キー「%s」に値がありません", k);
        return;
    }
    switch (ps->sec) {
    case SEC_FORM:
        key_form(ps, k, v, n);
        key_page(ps, k, v, n);
        break;
    case SEC_PAGE:
        key_page(ps, k, v, n);
        break;
    case SEC_QUESTION:
        key_question(ps, k, v, n);
        break;
    case SEC_QR:
        key_qr(ps, k, v, n);
        break;
    default:
        key_item(ps, k, v, n);
        break;
    }
}

static void parse_line(parser *ps, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (i == n || p[i] == '#' || p[i] == ';')
        return;
    if (p[i] == '[') {
        size_t j = i + 1;
        while (j < n && p[j] != ']')
            j++;
        if (j == n) {
            ERR(ps, p + i, FORM_E_SYNTAX, "the section header has no closing ]",
                "区分の見出しに ] がありません");
            ps->sec = SEC_NONE;
            ps->sec_line = -1;
            return;
        }
        size_t after = j + 1;
        while (after < n && (p[after] == ' ' || p[after] == '\t'))
            after++;
        if (after < n && p[after] != '#')
            ERR(ps, p + after, FORM_E_SYNTAX, "nothing may follow ] on a section line",
                "区分の見出しの ] の後には何も書けません");
        begin_section(ps, p + i + 1, j - i - 1);
        return;
    }
    size_t ks = i;
    while (i < n && p[i] != '=' && p[i] != ' ' && p[i] != '\t')
        i++;
    size_t ke = i;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    if (i == n || p[i] != '=') {
        /* a full-width equals sign is a common slip when typing Japanese */
        if (n - i >= 3 && memcmp(p + i, "\xEF\xBC\x9D", 3) == 0)
            ERR(ps, p + i, FORM_E_SYNTAX, "use the half-width = between key and value, not ＝",
                "キーと値の間は全角の＝ではなく半角の = にしてください");
        else
            ERR(ps, p + (i < n ? i : ks), FORM_E_SYNTAX,
                "expected \"key = value\", a [section] or a # comment",
                "「キー = 値」、[区分]、# コメントのどれかを書いてください");
        return;
    }
    if (ke == ks) {
        ERR(ps, p + i, FORM_E_SYNTAX, "a key is missing before =", "= の前にキーがありません");
        return;
    }
    for (size_t j = ks; j < ke; j++) {
        char c = p[j];
        if (!(is_id_char(c) || c == '.')) {
            ERR(ps, p + j, FORM_E_SYNTAX,
                "keys use only a-z, 0-9, _ and . (write Japanese text after the =)",
                "キーには半角英小文字・数字・_・. だけを使ってください（日本語は = の右側に）");
            return;
        }
    }
    i++;
    while (i < n && (p[i] == ' ' || p[i] == '\t'))
        i++;
    size_t ve = n;
    while (ve > i && (p[ve - 1] == ' ' || p[ve - 1] == '\t'))
        ve--;
    key_line(ps, p + ks, ke - ks, p + i, ve - i);
}

/* ---- consistency checks after the whole file ---- */

#define ERRL(ps, ln, err, en, ja, ...)                                                     \
    do {                                                                                   \
        (ps)->errors++;                                                                    \
        form_diags_addf((ps)->diags, (err), (ps)->name, (ln), 0, NULL, en, ja, ##__VA_ARGS__); \
    } while (0)

static void check_expr(parser *ps, const form_item *it, const char *expr, int line, int col)
{
    char en[256], ja[256];
    size_t off = 0;
    unsigned needs = 0;
    if (form_expr_check(expr, ps->t, &needs, en, ja, sizeof en, &off) != FORM_OK) {
        ps->errors++;
        char m_en[512], m_ja[512];
        snprintf(m_en, sizeof m_en, "%s (in \"%s\")", en, expr);
        snprintf(m_ja, sizeof m_ja, "%s（「%s」の中）", ja, expr);
        form_diags_add(ps->diags, FORM_E_TEMPLATE, ps->name, line, col ? col + (int)off : 0,
                       it ? it->name : NULL, m_en, m_ja);
        return;
    }
    if ((needs & FORM_NEEDS_NUMBER) && !(ps->t->needs & FORM_NEEDS_NUMBER))
        ps->t->needs_line = line;
    ps->t->needs |= needs;
}

static const form_question *find_question(const form_template *t, const char *id)
{
    for (size_t i = 0; i < t->nquestions; i++)
        if (strcmp(t->questions[i].id, id) == 0)
            return &t->questions[i];
    return NULL;
}

static void finish(parser *ps)
{
    form_template *t = ps->t;
    if (t->npages == 0) {
        ERRL(ps, 1, FORM_E_SYNTAX, "the template has no [form] section",
             "テンプレートに [form] がありません");
        return;
    }
    if (t->id == NULL)
        ERRL(ps, 1, FORM_E_TEMPLATE, "[form] needs an id", "[form] に id を書いてください");
    if (form_text_get(t->title, "ja") == NULL)
        ERRL(ps, 1, FORM_E_TEMPLATE, "[form] needs title.ja", "[form] に title.ja を書いてください");
    if (t->background != NULL) {
        if (t->bg_w <= 0 || t->bg_h <= 0) {
            t->bg_x = 0, t->bg_y = 0, t->bg_w = t->pages[0].w, t->bg_h = t->pages[0].h;
        }
        char *path = t->dir ? form_path_join(t->dir, t->background) : form_strdup(t->background);
        struct stat st;
        if (path == NULL || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            ERRL(ps, t->bg_line, FORM_E_IMAGE, "the background image \"%s\" is missing",
                 "背景画像「%s」が見つかりません", t->background);
        free(path);
    }
    for (size_t i = 0; i < t->nquestions; i++) {
        form_question *q = &t->questions[i];
        if (!q->has_type) {
            ERRL(ps, q->line, FORM_E_TEMPLATE, "the question \"%s\" needs a type",
                 "質問「%s」に type を書いてください", q->id);
            continue;
        }
        if (form_text_get(q->label, "ja") == NULL)
            ERRL(ps, q->line, FORM_E_TEMPLATE, "the question \"%s\" needs label.ja",
                 "質問「%s」に label.ja を書いてください", q->id);
        if ((q->type == FORM_Q_CHOICE || q->type == FORM_Q_MULTI) && q->nchoices < 2)
            ERRL(ps, q->line, FORM_E_TEMPLATE,
                 "the question \"%s\" needs at least two choices (choice.<value>.ja = ...)",
                 "質問「%s」には選択肢を二つ以上書いてください（choice.<値>.ja = ...）", q->id);
        for (size_t c = 0; c < q->nchoices; c++)
            if (form_text_get(q->choice_label[c], "ja") == NULL)
                ERRL(ps, q->line, FORM_E_TEMPLATE, "the choice \"%s\" of \"%s\" needs a .ja label",
                     "質問「%2$s」の選択肢「%1$s」に .ja の表示名を書いてください", q->choice_value[c],
                     q->id);
        if (q->type == FORM_Q_NUMBER && (!q->has_min || !q->has_max))
            ERRL(ps, q->line, FORM_E_TEMPLATE, "the number question \"%s\" needs min and max",
                 "数値の質問「%s」には min と max を書いてください", q->id);
        if (q->type == FORM_Q_KANA && !q->has_kana) {
            const char *l = form_text_get(q->label, "ja");
            q->kana = l && strstr(l, "ふりがな") ? FORM_KANA_HIRAGANA : FORM_KANA_KATAKANA;
        }
        if ((q->type == FORM_Q_KANA || q->type == FORM_Q_TEXT) && !q->has_max)
            q->max = 40, q->has_max = true;
        if (q->has_min && q->has_max && q->min > q->max)
            ERRL(ps, q->line, FORM_E_TEMPLATE, "in \"%s\" min is larger than max",
                 "質問「%s」の min が max より大きくなっています", q->id);
        bool bounded = q->type != FORM_Q_NUMBER || (q->has_min && q->has_max);
        if (q->def != NULL && q->def[0] != '\0' && bounded) {
            const char *why_en = NULL, *why_ja = NULL;
            if (form_question_validate(q, q->def, "en", &why_en) != FORM_OK) {
                form_question_validate(q, q->def, "ja", &why_ja);
                char m_en[256], m_ja[256];
                snprintf(m_en, sizeof m_en, "the default of \"%s\" is not a valid answer: %s", q->id,
                         why_en ? why_en : "");
                snprintf(m_ja, sizeof m_ja, "質問「%s」の default が正しい回答になっていません: %s", q->id,
                         why_ja ? why_ja : "");
                form_diags_add(ps->diags, FORM_E_TEMPLATE, ps->name, q->line, 0, q->id, m_en, m_ja);
                ps->errors++;
            }
        }
    }
    for (size_t i = 0; i < t->nitems; i++) {
        form_item *it = &t->items[i];
        const form_page *pg = &t->pages[it->page];
        if (it->kind == FORM_ITEM_LINE) {
            if (!ps->strict && (it->x < 0 || it->w < 0)) { /* reported below */
            }
            if (it->x < 0 || it->y < 0 || it->w < 0 || it->h < 0) {
                ERRL(ps, it->line, FORM_E_TEMPLATE, "[line] needs from and to",
                     "[line] に from と to を書いてください");
                continue;
            }
            if (it->x > pg->w || it->w > pg->w || it->y > pg->h || it->h > pg->h)
                ERRL(ps, it->bline, FORM_E_TEMPLATE, "the line runs off the %g × %g mm page",
                     "線が用紙（%g × %g mm）からはみ出しています", pg->w, pg->h);
            continue;
        }
        if (it->w <= 0 || it->h <= 0) {
            ERRL(ps, it->line, FORM_E_TEMPLATE, "this item needs box = x y width height (mm)",
                 "この項目に box = x y 幅 高さ（mm）を書いてください");
            continue;
        }
        if (it->x < 0 || it->y < 0 || it->x + it->w > pg->w + 0.001 ||
            it->y + it->h > pg->h + 0.001) {
            form_diags_addf(ps->diags, FORM_E_TEMPLATE, ps->name, it->bline, it->bcol, it->name,
                            "the box %g %g %g %g lies off the %g × %g mm page",
                            "box %g %g %g %g が用紙（%g × %g mm）からはみ出しています", it->x, it->y,
                            it->w, it->h, pg->w, pg->h);
            ps->errors++;
        }
        if (it->kind == FORM_ITEM_LABEL && it->text == NULL)
            ERRL(ps, it->line, FORM_E_TEMPLATE, "[label] needs text", "[label] に text を書いてください");
        if (it->kind != FORM_ITEM_FIELD)
            continue;
        if (it->text == NULL) {
            form_diags_addf(ps->diags, FORM_E_TEMPLATE, ps->name, it->line, 0, it->name,
                            "the field \"%s\" needs a value", "項目「%s」に value を書いてください",
                            it->name);
            ps->errors++;
            continue;
        }
        check_expr(ps, it, it->text, it->vline, it->vcol);
        if (it->min_pt > it->pt)
            ERRL(ps, it->line, FORM_E_TEMPLATE, "min_size is larger than size in \"%s\"",
                 "項目「%s」の min_size が size より大きくなっています", it->name);
        if (it->cells > 0 && it->pitch <= 0)
            it->pitch = it->w / it->cells;
        if (it->cells > 0 && it->cells * it->pitch > it->w + 0.001)
            ERRL(ps, it->line, FORM_E_TEMPLATE,
                 "%d cells of %g mm do not fit the %g mm wide box of \"%s\"",
                 "マス目 %1$d 個 × %2$g mm が項目「%4$s」の幅 %3$g mm に収まりません", it->cells, it->pitch,
                 it->w, it->name);
        if (it->mark != FORM_MARK_NONE) {
            /* the value compared must be one of the question's choices */
            const char *e = it->text;
            if (strncmp(e, "{answer.", 8) == 0) {
                char id[FORM_MAX_ID + 1];
                size_t k = 0;
                const char *s = e + 8;
                while (k < FORM_MAX_ID && is_id_char(s[k]))
                    id[k] = s[k], k++;
                id[k] = '\0';
                const form_question *q = find_question(t, id);
                if (q && (q->type == FORM_Q_CHOICE || q->type == FORM_Q_MULTI)) {
                    size_t c;
                    for (c = 0; c < q->nchoices; c++)
                        if (strcmp(q->choice_value[c], it->mark_value) == 0)
                            break;
                    if (c == q->nchoices)
                        ERRL(ps, it->line, FORM_E_TEMPLATE,
                             "\"%s\" is not a choice of the question \"%s\"",
                             "「%s」は質問「%s」の選択肢にありません", it->mark_value, id);
                } else if (q && q->type == FORM_Q_YESNO && strcmp(it->mark_value, "yes") != 0 &&
                           strcmp(it->mark_value, "no") != 0) {
                    ERRL(ps, it->line, FORM_E_TEMPLATE,
                         "a yes/no question is compared with yes or no, not \"%s\"",
                         "はい・いいえの質問は yes か no と比べてください（「%s」は不可）",
                         it->mark_value);
                }
            }
        }
    }
    if (t->has_qr) {
        if (t->qr_x < 0 || t->qr_y < 0)
            ERRL(ps, t->qr_line, FORM_E_TEMPLATE, "[qr] needs at = x y", "[qr] に at = x y を書いてください");
        else if (t->qr_x + t->qr_w > t->pages[0].w || t->qr_y + t->qr_w > t->pages[0].h)
            ERRL(ps, t->qr_line, FORM_E_TEMPLATE, "the QR code lies off the page",
                 "QR コードが用紙からはみ出しています");
        if (t->nqr == 0)
            ERRL(ps, t->qr_line, FORM_E_TEMPLATE, "[qr] needs values = ...",
                 "[qr] に values = ... を書いてください");
        for (size_t i = 0; i < t->nqr; i++) {
            char buf[FORM_MAX_ID + 16];
            snprintf(buf, sizeof buf, "{%s}", t->qr_values[i]);
            check_expr(ps, NULL, buf, t->qr_line, 0);
        }
    }
    if ((t->needs & FORM_NEEDS_NUMBER) && t->number_basis == NULL)
        ERRL(ps, t->needs_line ? t->needs_line : 1, FORM_E_TEMPLATE,
             "this form uses the individual number (card.number) but declares no number_basis; "
             "without a legal basis the number must not be read",
             "この様式は個人番号（card.number）を使っていますが number_basis（法的根拠）がありません。"
             "根拠のない個人番号の利用はできません");
    if (ps->strict) {
        /* overlapping fields (marks sit on printed options and are left out) */
        for (size_t i = 0; i < t->nitems; i++) {
            const form_item *a = &t->items[i];
            if (a->kind != FORM_ITEM_FIELD || a->mark != FORM_MARK_NONE || a->w <= 0)
                continue;
            for (size_t j = i + 1; j < t->nitems; j++) {
                const form_item *b = &t->items[j];
                if (b->kind != FORM_ITEM_FIELD || b->mark != FORM_MARK_NONE || b->w <= 0 ||
                    b->page != a->page)
                    continue;
                double ox = (a->x + a->w < b->x + b->w ? a->x + a->w : b->x + b->w) -
                            (a->x > b->x ? a->x : b->x);
                double oy = (a->y + a->h < b->y + b->h ? a->y + a->h : b->y + b->h) -
                            (a->y > b->y ? a->y : b->y);
                if (ox > 0.01 && oy > 0.01) {
                    form_diags_addf(ps->diags, FORM_E_TEMPLATE, ps->name, b->line, 0, b->name,
                                    "the field \"%s\" overlaps the field \"%s\" (line %d)",
                                    "項目「%s」が項目「%s」（%d 行目）と重なっています", b->name,
                                    a->name, a->line);
                    ps->errors++;
                }
            }
        }
    }
}

void form_template_free(form_template *t)
{
    if (t == NULL)
        return;
    free(t->id);
    free(t->file);
    free(t->dir);
    form_text_free(t->title);
    free(t->background);
    free(t->number_basis);
    for (size_t i = 0; i < t->nitems; i++) {
        free(t->items[i].name);
        free(t->items[i].text);
        free(t->items[i].mark_value);
    }
    free(t->items);
    for (size_t i = 0; i < t->nquestions; i++) {
        form_question *q = &t->questions[i];
        free(q->id);
        form_text_free(q->label);
        form_text_free(q->help);
        free(q->def);
        free(q->about);
        for (size_t c = 0; c < q->nchoices; c++) {
            free(q->choice_value[c]);
            form_text_free(q->choice_label[c]);
        }
    }
    free(t->questions);
    for (size_t i = 0; i < t->nqr; i++)
        free(t->qr_values[i]);
    free(t);
}

form_err form_template_parse(const char *name, const char *dir, const char *text, size_t len,
                             bool strict, form_template **out, form_diags *diags)
{
    *out = NULL;
    parser ps = {.name = name, .diags = diags, .strict = strict};
    if (len > FORM_MAX_FILE_BYTES) {
        form_diags_addf(diags, FORM_E_SYNTAX, name, 0, 0, NULL,
                        "the file is larger than %u bytes", "ファイルが大きすぎます（上限 %u バイト）",
                        FORM_MAX_FILE_BYTES);
        return FORM_E_SYNTAX;
    }
    form_template *t = calloc(1, sizeof *t);
    if (t == NULL)
        return FORM_E_NOMEM;
    t->questions = calloc(FORM_MAX_QUESTIONS, sizeof *t->questions);
    t->file = form_strdup(name);
    t->dir = dir ? form_strdup(dir) : NULL;
    if (t->questions == NULL || t->file == NULL || (dir && t->dir == NULL)) {
        form_template_free(t);
        return FORM_E_NOMEM;
    }
    ps.t = t;
    size_t pos = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3; /* a BOM some editors add */
    while (pos < len) {
        ps.lineno++;
        size_t e = pos;
        while (e < len && text[e] != '\n')
            e++;
        size_t n = e - pos;
        if (n > 0 && text[pos + n - 1] == '\r')
            n--;
        ps.line = text + pos;
        ps.linelen = n;
        if (n > FORM_MAX_LINE_BYTES) {
            ERR(&ps, ps.line, FORM_E_SYNTAX, "the line is longer than %u bytes",
                "行が長すぎます（上限 %u バイト）", FORM_MAX_LINE_BYTES);
        } else if (memchr(ps.line, '\0', n) != NULL) {
            ERR(&ps, (const char *)memchr(ps.line, '\0', n), FORM_E_SYNTAX,
                "the file contains a NUL byte: is it really a text file?",
                "ファイルに NUL 文字があります。テキストファイルですか");
        } else if (!form_utf8_valid(ps.line, n)) {
            size_t bad = 0;
            uint32_t cp;
            while (bad < n && form_utf8_next(ps.line, n, &bad, &cp))
                ;
            ERR(&ps, ps.line + bad, FORM_E_SYNTAX,
                "this line is not UTF-8 text (save the file as UTF-8, not Shift_JIS)",
                "この行は UTF-8 ではありません（Shift_JIS ではなく UTF-8 で保存してください）");
        } else {
            parse_line(&ps, ps.line, n);
        }
        pos = e + 1;
        if (ps.errors > 50)
            break;
    }
    ps.line = NULL;
    ps.linelen = 0;
    if (ps.errors == 0)
        finish(&ps);
    if (ps.errors > 0) {
        bool syntax = false;
        for (size_t i = 0; diags && i < diags->n; i++)
            if (diags->v[i].err == FORM_E_SYNTAX)
                syntax = true;
        form_template_free(t);
        return syntax ? FORM_E_SYNTAX : FORM_E_TEMPLATE;
    }
    *out = t;
    return FORM_OK;
}

form_err form_template_load(const char *path, bool strict, form_template **out,
                            form_diags *diags)
{
    *out = NULL;
    char *text = NULL;
    size_t len = 0;
    form_err e = form_read_file(path, FORM_MAX_FILE_BYTES, &text, &len);
    if (e == FORM_E_ARG) {
        form_diags_addf(diags, FORM_E_SYNTAX, path, 0, 0, NULL,
                        "the file is larger than %u bytes", "ファイルが大きすぎます（上限 %u バイト）",
                        FORM_MAX_FILE_BYTES);
        return FORM_E_SYNTAX;
    }
    if (e != FORM_OK) {
        form_diags_addf(diags, FORM_E_IO, path, 0, 0, NULL, "the file cannot be read",
                        "ファイルを読めません");
        return e;
    }
    char *dir = form_strdup(path);
    if (dir == NULL) {
        free(text);
        return FORM_E_NOMEM;
    }
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir[0] = '.', dir[1] = '\0';
    e = form_template_parse(path, dir, text, len, strict, out, diags);
    free(dir);
    free(text);
    return e;
}

/* ---- public accessors ---- */
FORM_EXPORT const char *form_template_id(const form_template *t)
{
    return t ? t->id : NULL;
}
FORM_EXPORT const form_text *form_template_title(const form_template *t)
{
    return t ? t->title : NULL;
}
FORM_EXPORT const char *form_template_file(const form_template *t)
{
    return t ? t->file : NULL;
}
FORM_EXPORT unsigned form_template_needs(const form_template *t)
{
    return t ? t->needs : 0;
}
FORM_EXPORT const char *form_template_number_basis(const form_template *t)
{
    return t ? t->number_basis : NULL;
}
