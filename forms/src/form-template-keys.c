/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-template-keys.c — `key = value` lines: the table of keys and the sections they belong
 * to, the papers and numeric ranges, "did you mean" for unknown keys, and where each value
 * goes in the template. */
#include "form-template-private.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S(x) (1u << (x))
/* Every key, the sections it belongs to. Localized keys are listed with .ja and take any
 * language of form-lang.c (localized_key). */
static const struct key_def {
    const char *key;
    unsigned sections;
} keys[] = {
    {"id", S(SEC_FORM)},
    {"title.ja", S(SEC_FORM)},
    {"paper", S(SEC_FORM) | S(SEC_PAGE)},
    {"orientation", S(SEC_FORM) | S(SEC_PAGE)},
    {"background", S(SEC_FORM)},
    {"background_box", S(SEC_FORM)},
    {"background_page", S(SEC_FORM)},
    {"needs", S(SEC_FORM)},
    {"number_basis", S(SEC_FORM)},
    {"type", S(SEC_QUESTION)},
    {"label.ja", S(SEC_QUESTION)},
    {"help.ja", S(SEC_QUESTION)},
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
        if (!form_tpl_check_range(ps, v, x, nk->lo, nk->hi, nk->what))
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

static void set_page_size(parser *ps, size_t page, const struct paper *p, bool landscape)
{
    ps->t->pages[page].w = landscape ? p->h : p->w;
    ps->t->pages[page].h = landscape ? p->w : p->h;
}

void form_tpl_page_default(parser *ps, size_t page)
{
    set_page_size(ps, page, &papers[1], false); /* A4 */
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
        if (!form_tpl_valid_id(v, n))
            ERR(ps, v, FORM_E_SYNTAX, "the id may use only a-z, 0-9 and _ (at most %u characters)",
                "id には半角英小文字・数字・_ だけを使ってください（%u 文字まで）", FORM_MAX_ID);
        else
            set_str(&t->id, v, n);
    } else if (strncmp(k, "title.", 6) == 0) {
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
    } else if (strcmp(k, "background_page") == 0) {
        double pg[1];
        if (form_tpl_parse_numbers(ps, v, n, pg, 1, "background_page")) {
            if (pg[0] < 1 || pg[0] > FORM_BG_MAX_PAGES || pg[0] != (double)(long)pg[0])
                ERR(ps, v, FORM_E_TEMPLATE, "background_page is a page number from 1 to %u",
                    "background_page は 1 から %u までのページ番号です", FORM_BG_MAX_PAGES);
            else
                t->bg_page = (long)pg[0];
        }
    } else if (strcmp(k, "background_box") == 0) {
        double b[4];
        if (form_tpl_parse_numbers(ps, v, n, b, 4, "background_box")) {
            t->bg_x = b[0], t->bg_y = b[1], t->bg_w = b[2], t->bg_h = b[3];
        }
    } else if (strcmp(k, "needs") == 0) {
        size_t i = 0, s, len;
        while (form_list_next(v, n, &i, &s, &len)) {
            int e = form_tpl_parse_enum(ps, v + s, len, needs_names, 5, "card attribute");
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
        int o = form_tpl_parse_enum(ps, v, n, orient_names, 2, "orientation");
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
        int e = form_tpl_parse_enum(ps, v, n, qtype_names, 7, "question type");
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
        form_tpl_parse_bool(ps, v, n, &q->required);
    } else if (strcmp(k, "default") == 0) {
        set_str(&q->def, v, n);
    } else if (strcmp(k, "min") == 0 || strcmp(k, "max") == 0) {
        double x;
        if (!form_tpl_parse_number(v, n, &x) || x != (double)(long)x) {
            ERR(ps, v, FORM_E_SYNTAX, "%s must be a whole number", "%s は整数で書いてください", k);
            return;
        }
        if (k[1] == 'i')
            q->min = (long)x, q->has_min = true;
        else
            q->max = (long)x, q->has_max = true;
    } else if (strcmp(k, "kana") == 0) {
        int e = form_tpl_parse_enum(ps, v, n, kana_names, 2, "kana kind");
        if (e >= 0) {
            q->kana = (form_kana_kind)e;
            q->has_kana = true;
        }
    } else if (strcmp(k, "about") == 0) {
        set_str(&q->about, v, n);
    }
}

/* The languages, for messages: "ja en zh ko vi fil pt_BR ne id". */
typedef struct lang_list {
    char s[FORM_LANG_COUNT * 8];
} lang_list;
static lang_list langs_known(void)
{
    lang_list l = {{0}};
    size_t at = 0;
    for (size_t i = 0; i < FORM_LANG_COUNT && at < sizeof l.s; i++)
        at += (size_t)snprintf(l.s + at, sizeof l.s - at, "%s%s", i ? " " : "", form_lang_key(i));
    return l;
}

/* choice.<value>.<language>, in the order of first appearance. */
static bool key_choice(parser *ps, const char *kp, size_t kn, const char *v, size_t n)
{
    form_question *q = ps->q;
    if (kn < 7 || memcmp(kp, "choice.", 7) != 0)
        return false;
    const char *id = kp + 7;
    size_t idn = kn - 7;
    const char *dot = memchr(id, '.', idn);
    int li = dot ? form_lang_exact(dot + 1, (size_t)(id + idn - dot - 1)) : -1;
    if (dot == NULL) {
        ERR(ps, kp, FORM_E_SYNTAX, "write choice.<value>.ja, choice.<value>.en, ...",
            "choice.<値>.ja、choice.<値>.en などと書いてください");
        return true;
    }
    if (li < 0) {
        ERR(ps, dot + 1, FORM_E_SYNTAX, "unknown language \"%.*s\"; the languages are: %s",
            "言語「%.*s」はありません。使える言語: %s", (int)(id + idn - dot - 1), dot + 1,
            langs_known().s);
        return true;
    }
    idn = (size_t)(dot - id);
    if (!form_tpl_valid_id(id, idn)) {
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
    char *s = dup_value(v, n);
    if (s)
        form_text_set(&q->choice_label[i], form_lang_code((size_t)li), s);
    free(s);
    return true;
}

static void key_item(parser *ps, const char *k, const char *v, size_t n)
{
    form_item *it = ps->item;
    double x;
    if (strcmp(k, "box") == 0) {
        double b[4];
        if (form_tpl_parse_numbers(ps, v, n, b, 4, "box")) {
            if (b[2] <= 0 || b[3] <= 0) {
                ERR(ps, v, FORM_E_TEMPLATE,
                    "box needs a positive width and height (x y width height)",
                    "box の幅と高さは正の数にしてください（x y 幅 高さ）");
                return;
            }
            it->x = b[0], it->y = b[1], it->w = b[2], it->h = b[3];
            it->bline = ps->lineno;
            it->bcol = form_tpl_col_at(ps, v);
        }
    } else if (strcmp(k, "from") == 0 || strcmp(k, "to") == 0) {
        double b[2];
        if (form_tpl_parse_numbers(ps, v, n, b, 2, k)) {
            if (k[0] == 'f')
                it->x = b[0], it->y = b[1], ps->line_from = true;
            else
                it->w = b[0], it->h = b[1], ps->line_to = true;
            it->bline = ps->lineno;
            it->bcol = form_tpl_col_at(ps, v);
        }
    } else if (strcmp(k, "value") == 0 || strcmp(k, "text") == 0) {
        set_str(&it->text, v, n);
        it->vline = ps->lineno;
        it->vcol = form_tpl_col_at(ps, v);
    } else if (strcmp(k, "font") == 0) {
        int e = form_tpl_parse_enum(ps, v, n, face_names, 2, "font");
        if (e >= 0)
            it->face = e;
    } else if (strcmp(k, "align") == 0) {
        int e = form_tpl_parse_enum(ps, v, n, halign_names, 3, "alignment");
        if (e >= 0)
            it->halign = e;
    } else if (strcmp(k, "valign") == 0) {
        int e = form_tpl_parse_enum(ps, v, n, valign_names, 3, "vertical alignment");
        if (e >= 0)
            it->valign = e;
    } else if (strcmp(k, "cell_align") == 0) {
        static const char *const ca[] = {"left", "right"};
        int e = form_tpl_parse_enum(ps, v, n, ca, 2, "cell alignment");
        if (e >= 0)
            it->cells_right = e == 1;
    } else if (strcmp(k, "vertical") == 0) {
        form_tpl_parse_bool(ps, v, n, &it->vertical);
    } else if (strcmp(k, "cell_outline") == 0) {
        form_tpl_parse_bool(ps, v, n, &it->cells_outline);
    } else if (strcmp(k, "optional") == 0) {
        form_tpl_parse_bool(ps, v, n, &it->optional);
    } else if (strcmp(k, "check") == 0 || strcmp(k, "circle") == 0) {
        if (it->mark != FORM_MARK_NONE) {
            ERR(ps, v, FORM_E_SYNTAX, "a field has either check or circle, not both",
                "check と circle は同じ項目に両方は書けません");
            return;
        }
        it->mark = k[1] == 'h' ? FORM_MARK_CHECK : FORM_MARK_CIRCLE;
        set_str(&it->mark_value, v, n);
    } else if (!form_tpl_parse_number(v, n, &x)) {
        ERR(ps, v, FORM_E_SYNTAX, "%s needs a number, for example %s",
            "%s には数値を書いてください（例 %s）", k,
            strcmp(k, "lines") == 0 || strcmp(k, "cells") == 0 ? "3" : "0.5");
    } else {
        set_number(ps, it, k, v, x);
    }
}

static void key_qr(parser *ps, const char *k, const char *v, size_t n)
{
    form_template *t = ps->t;
    if (strcmp(k, "at") == 0) {
        double b[2];
        if (form_tpl_parse_numbers(ps, v, n, b, 2, "at"))
            t->qr_x = b[0], t->qr_y = b[1];
    } else if (strcmp(k, "size") == 0) {
        double x;
        if (!form_tpl_parse_number(v, n, &x) ||
            !form_tpl_check_range(ps, v, x, 10, 80, "size (mm)"))
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

void form_tpl_key_line(parser *ps, const char *kp, size_t kn, const char *v, size_t n)
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
    /* title.<language>, label.<language>, help.<language>: listed as .ja, spelled canonically */
    char look[64];
    memcpy(look, k, kn + 1);
    const char *dot = strchr(k, '.');
    if (dot != NULL && (size_t)(dot - k) + 4 < sizeof look) {
        size_t base = (size_t)(dot - k);
        int li = form_lang_exact(dot + 1, kn - base - 1);
        bool localized = false;
        for (size_t j = 0; j < NKEYS; j++)
            if (strncmp(keys[j].key, k, base + 1) == 0 && strcmp(keys[j].key + base, ".ja") == 0)
                localized = true;
        if (localized && li < 0) {
            ERR(ps, kp + base + 1, FORM_E_SYNTAX, "unknown language \"%s\"; the languages are: %s",
                "言語「%s」はありません。使える言語: %s", dot + 1, langs_known().s);
            return;
        }
        if (localized) {
            snprintf(look, sizeof look, "%.*s.ja", (int)base, k);
            snprintf(k + base + 1, sizeof k - base - 1, "%s", form_lang_key((size_t)li));
        }
    }
    size_t i;
    for (i = 0; i < NKEYS; i++)
        if (strcmp(keys[i].key, look) == 0 && (keys[i].sections & S(ps->sec)))
            break;
    if (i == NKEYS) {
        const char *best = suggest_key(ps->sec, kp, kn);
        if (best)
            ERR(ps, kp, FORM_E_SYNTAX, "unknown key \"%s\" in [%s]; did you mean \"%s\"?",
                "[%2$s] にキー「%1$s」はありません。「%3$s」の誤りではありませんか", k,
                form_tpl_section_name(ps->sec), best);
        else
            ERR(ps, kp, FORM_E_SYNTAX, "unknown key \"%s\" in [%s]",
                "[%2$s] にキー「%1$s」はありません", k, form_tpl_section_name(ps->sec));
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
