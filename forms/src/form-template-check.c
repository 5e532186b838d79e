/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-template-check.c — the consistency checks once the whole file is read: required keys,
 * questions and their choices, boxes on the page, value expressions, marks against the
 * question's choices, the QR code, the number's legal basis, and (strict, for
 * `kakanai-form check`) overlapping fields; and, for `check` too, missing translations. */
#include "form-template-private.h"

#include "form-bg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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

static bool is_pdf(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".pdf") == 0;
}

/* A PDF background is read now, once, before any resident's data exists (form-bg.h). */
static void load_pdf_background(parser *ps, const char *path)
{
    form_template *t = ps->t;
    const char *en = NULL, *ja = NULL;
    form_err e = form_bg_load(path, t->bg_page > 0 ? t->bg_page : 1, &t->bg_pdf, &en, &ja);
    if (e == FORM_OK)
        return;
    if (e == FORM_E_NOMEM) {
        ERRL(ps, t->bg_line, FORM_E_NOMEM, "out of memory reading the background PDF",
             "背景の PDF を読むメモリが足りません");
        return;
    }
    char m_en[512], m_ja[512];
    snprintf(m_en, sizeof m_en, "the background PDF \"%s\" cannot be used: %s", t->background,
             en ? en : "unknown problem");
    snprintf(m_ja, sizeof m_ja, "背景の PDF「%s」は使えません：%s", t->background,
             ja ? ja : "原因不明");
    ps->errors++;
    form_diags_add(ps->diags, e == FORM_E_IO ? FORM_E_IO : FORM_E_INPUT, ps->name, t->bg_line, 0,
                   NULL, m_en, m_ja);
}

void form_tpl_check(parser *ps)
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
        ERRL(ps, 1, FORM_E_TEMPLATE, "[form] needs title.ja",
             "[form] に title.ja を書いてください");
    if (t->background != NULL) {
        if (t->bg_w <= 0 || t->bg_h <= 0) {
            t->bg_x = 0, t->bg_y = 0, t->bg_w = t->pages[0].w, t->bg_h = t->pages[0].h;
        }
        char *path = t->dir ? form_path_join(t->dir, t->background) : form_strdup(t->background);
        struct stat st;
        if (path == NULL || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            ERRL(ps, t->bg_line, FORM_E_IMAGE, "the background image \"%s\" is missing",
                 "背景画像「%s」が見つかりません", t->background);
        else if (is_pdf(t->background))
            load_pdf_background(ps, path);
        free(path);
    } else if (t->bg_page > 0) {
        ERRL(ps, 1, FORM_E_TEMPLATE, "background_page needs a PDF background",
             "background_page は PDF の背景と一緒に書いてください");
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
                     "質問「%2$s」の選択肢「%1$s」に .ja の表示名を書いてください",
                     q->choice_value[c], q->id);
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
                snprintf(m_en, sizeof m_en, "the default of \"%s\" is not a valid answer: %s",
                         q->id, why_en ? why_en : "");
                snprintf(m_ja, sizeof m_ja, "質問「%s」の default が正しい回答になっていません: %s",
                         q->id, why_ja ? why_ja : "");
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
                            "box %g %g %g %g が用紙（%g × %g mm）からはみ出しています", it->x,
                            it->y, it->w, it->h, pg->w, pg->h);
            ps->errors++;
        }
        if (it->kind == FORM_ITEM_LABEL && it->text == NULL)
            ERRL(ps, it->line, FORM_E_TEMPLATE, "[label] needs text",
                 "[label] に text を書いてください");
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
                 "マス目 %1$d 個 × %2$g mm が項目「%4$s」の幅 %3$g mm に収まりません", it->cells,
                 it->pitch, it->w, it->name);
        if (it->mark != FORM_MARK_NONE) {
            /* the value compared must be one of the question's choices */
            const char *e = it->text;
            if (strncmp(e, "{answer.", 8) == 0) {
                char id[FORM_MAX_ID + 1];
                size_t k = 0;
                const char *s = e + 8;
                while (k < FORM_MAX_ID && form_tpl_is_id_char(s[k]))
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
            ERRL(ps, t->qr_line, FORM_E_TEMPLATE, "[qr] needs at = x y",
                 "[qr] に at = x y を書いてください");
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
             "この様式は個人番号（card.number）を使っていますが "
             "number_basis（法的根拠）がありません。"
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

/* The codes of the checked languages t lacks, space-separated, in missing; false if none.
 * A text given in no language at all is not asked for (an absent help line). */
static bool missing_langs(const form_text *t, const int *langs, size_t nlangs, char *missing,
                          size_t cap)
{
    missing[0] = '\0';
    if (t == NULL)
        return false;
    size_t at = 0;
    for (size_t i = 0; i < nlangs; i++)
        if (form_text_get_exact(t, form_lang_code((size_t)langs[i])) == NULL && at < cap)
            at += (size_t)snprintf(missing + at, cap - at, "%s%s", at ? " " : "",
                                   form_lang_key((size_t)langs[i]));
    return at > 0;
}

#define FALLBACK_EN "; the kiosk shows the English text marked \"English\" instead"
#define FALLBACK_JA "（キオスクでは英語を「English」の印付きで表示します）"

size_t form_template_check_translations(const form_template *t, const int *langs, size_t nlangs,
                                        form_diags *diags)
{
    size_t n = 0;
    char miss[FORM_LANG_COUNT * 8];
    if (t == NULL)
        return 0;
    const char *file = t->file;
    if (missing_langs(t->title, langs, nlangs, miss, sizeof miss)) {
        form_diags_addf(diags, FORM_W_TRANSLATION, file, 1, 0, NULL,
                        "the form's title has no translation for: %s" FALLBACK_EN,
                        "様式の title に次の言語の訳がありません: %s" FALLBACK_JA, miss);
        n++;
    }
    for (size_t i = 0; i < t->nquestions; i++) {
        const form_question *q = &t->questions[i];
        if (missing_langs(q->label, langs, nlangs, miss, sizeof miss)) {
            form_diags_addf(diags, FORM_W_TRANSLATION, file, q->line, 0, q->id,
                            "the question \"%s\" (label) has no translation for: %s" FALLBACK_EN,
                            "質問「%s」の label に次の言語の訳がありません: %s" FALLBACK_JA, q->id,
                            miss);
            n++;
        }
        if (missing_langs(q->help, langs, nlangs, miss, sizeof miss)) {
            form_diags_addf(diags, FORM_W_TRANSLATION, file, q->line, 0, q->id,
                            "the question \"%s\" (help) has no translation for: %s" FALLBACK_EN,
                            "質問「%s」の help に次の言語の訳がありません: %s" FALLBACK_JA, q->id,
                            miss);
            n++;
        }
        for (size_t c = 0; c < q->nchoices; c++)
            if (missing_langs(q->choice_label[c], langs, nlangs, miss, sizeof miss)) {
                form_diags_addf(diags, FORM_W_TRANSLATION, file, q->line, 0, q->id,
                                "the choice \"%s\" of the question \"%s\" has no translation "
                                "for: %s" FALLBACK_EN,
                                "質問「%2$s」の選択肢「%1$s」に次の言語の訳がありません: %3$s"
                                FALLBACK_JA,
                                q->choice_value[c], q->id, miss);
                n++;
            }
    }
    return n;
}

size_t form_catalog_check_translations(const form_catalog *c, const char *conf_path,
                                       const int *langs, size_t nlangs, form_diags *diags)
{
    size_t n = 0;
    char miss[FORM_LANG_COUNT * 8];
    for (size_t i = 0; i < form_catalog_procedure_count(c); i++) {
        const form_procedure *p = form_catalog_procedure(c, i);
        if (!form_procedure_offered(p, FORM_OFFER_KIOSK))
            continue; /* the counter's: staff read them, in Japanese */
        if (p->line == 0)
            continue; /* no catalogue: the title is the form's, checked with the form */
        if (missing_langs(p->title, langs, nlangs, miss, sizeof miss)) {
            form_diags_addf(diags, FORM_W_TRANSLATION, conf_path, p->line, 0, p->id,
                            "the procedure \"%s\" (title) has no translation for: %s" FALLBACK_EN,
                            "手続き「%s」の title に次の言語の訳がありません: %s" FALLBACK_JA, p->id,
                            miss);
            n++;
        }
        if (missing_langs(p->description, langs, nlangs, miss, sizeof miss)) {
            form_diags_addf(diags, FORM_W_TRANSLATION, conf_path, p->line, 0, p->id,
                            "the procedure \"%s\" (description) has no translation for: %s"
                            FALLBACK_EN,
                            "手続き「%s」の description に次の言語の訳がありません: %s" FALLBACK_JA,
                            p->id, miss);
            n++;
        }
    }
    return n;
}
