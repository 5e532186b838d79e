/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-template-sections.c — `[section name]` headers: which sections exist, what each header
 * starts (the form, a page, a question, a field or drawing item, the QR code), and the
 * problems a header can have (unknown, unnamed, misnamed, duplicate, over a limit). */
#include "form-template-private.h"

#include <stdlib.h>
#include <string.h>

static const char *const section_names[] = {
    "", "form", "page", "question", "field", "label", "line", "box", "ellipse", "qr",
};
#define NSECTIONS (sizeof section_names / sizeof section_names[0])

const char *form_tpl_section_name(enum section sec)
{
    return (size_t)sec < NSECTIONS ? section_names[sec] : "";
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

void form_tpl_begin_section(parser *ps, const char *p, size_t n)
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
                "[%.*s] という区分はありません。[%s] の誤りではありませんか", (int)(ne - ns),
                p + ns, best);
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
    if (needs_name && !form_tpl_valid_id(p + as, ae - as)) {
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
        form_tpl_page_default(ps, 0);
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
