/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-render.c — templates → form_pdf_* calls (the engine in form-pdf*.c).
 *
 * Two passes: first every field of every form is evaluated and measured (missing values,
 * text that does not fit, characters no font can draw are collected as diagnostics, and
 * then no document is made); only when all fit is the PDF drawn. Values live in locked
 * memory and are wiped as soon as they are drawn.
 */
#include "form-pdf.h"
#include "form-private.h"
#include "form-secure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct form_doc {
    uint8_t *data;
    size_t len;
    size_t pages;
};

static form_text_style style_of(const form_item *it)
{
    form_text_style st = {
        .face = it->face == 1 ? FORM_FONT_GOTHIC : FORM_FONT_MINCHO,
        .pt = it->pt,
        .min_pt = it->min_pt,
        .min_scale = it->min_scale,
        .max_lines = it->max_lines > 0 ? it->max_lines : 1,
        .spacing = it->spacing,
        .leading = it->leading,
        .halign = (form_halign)it->halign,
        .valign = (form_valign)it->valign,
        .vertical = it->vertical,
    };
    return st;
}

static form_box box_of(const form_item *it)
{
    form_box b = {it->x, it->y, it->w, it->h};
    return b;
}

/* Whether a mark field's value selects it (a multi answer is a comma list). */
static bool mark_selected(const char *value, const char *want)
{
    size_t wl = strlen(want);
    const char *p = value;
    while (*p) {
        const char *c = strchr(p, ',');
        size_t l = c ? (size_t)(c - p) : strlen(p);
        if (l == wl && memcmp(p, want, l) == 0)
            return true;
        if (c == NULL)
            break;
        p = c + 1;
    }
    return false;
}

static void diag_cp(form_diags *d, const form_template *t, const form_item *it, uint32_t cp)
{
    char ch[5] = {0};
    form_utf8_put(cp, ch);
    form_diags_addf(d, FORM_E_GLYPH, t->file, it->vline, 0, it->name,
                    "the character %s (U+%04X) in the field \"%s\" cannot be printed with the "
                    "installed fonts: please write it by hand",
                    "項目「%3$s」の文字「%1$s」(U+%2$04X) は印字できません。手書きで補ってください", ch,
                    (unsigned)cp, it->name ? it->name : "");
}

static form_err check_item(form_pdf *pdf, const form_template *t, const form_item *it,
                           const form_values *v, form_diags *d)
{
    char missing[96];
    char *val = NULL;
    form_err e;
    if (it->kind == FORM_ITEM_LABEL) {
        val = form_secure_strdup(it->text);
        e = val ? FORM_OK : FORM_E_NOMEM;
    } else {
        e = form_expr_eval(it->text, t, v, &val, missing, sizeof missing);
    }
    if (e == FORM_E_MISSING_VALUE) {
        if (it->optional)
            return FORM_OK;
        form_diags_addf(d, FORM_E_MISSING_VALUE, t->file, it->vline, 0, it->name,
                        "the field \"%s\" needs %s, which this session does not have",
                        "項目「%s」に必要な値 %s がありません", it->name, missing);
        return e;
    }
    if (e != FORM_OK)
        return e;
    if (it->mark != FORM_MARK_NONE || val[0] == '\0') {
        form_secure_strfree(val);
        return FORM_OK;
    }
    form_text_style st = style_of(it);
    uint32_t bad = 0;
    if (!form_pdf_can_draw(pdf, val, &bad)) {
        diag_cp(d, t, it, bad);
        form_secure_strfree(val);
        return FORM_E_GLYPH;
    }
    if (it->cells > 0) {
        size_t n = form_utf8_count(val);
        form_secure_strfree(val);
        if (n > (size_t)it->cells) {
            form_diags_addf(d, FORM_E_OVERFLOW, t->file, it->vline, 0, it->name,
                            "the value of \"%s\" has %zu characters but the field has %d boxes",
                            "項目「%s」の値は %zu 文字ですが、マス目は %d 個です", it->name, n,
                            it->cells);
            return FORM_E_OVERFLOW;
        }
        return FORM_OK;
    }
    form_pdf_fit fit;
    e = form_pdf_measure(pdf, val, box_of(it), &st, &fit);
    if (e == FORM_E_GLYPH) {
        form_pdf_can_draw(pdf, val, &bad);
        diag_cp(d, t, it, bad);
    } else if (e == FORM_E_OVERFLOW && it->kind == FORM_ITEM_LABEL) {
        form_diags_addf(d, FORM_E_OVERFLOW, t->file, it->vline, it->vcol, NULL,
                        "the label \"%s\" does not fit its %g × %g mm box even at %g pt: make the "
                        "box larger or lower min_size",
                        "ラベル「%s」が %g × %g mm の枠に %g pt でも収まりません。枠を広げるか min_size を下げてください",
                        it->text, it->w, it->h, it->min_pt > 0 ? it->min_pt : it->pt);
    } else if (e == FORM_E_OVERFLOW) {
        form_diags_addf(d, FORM_E_OVERFLOW, t->file, it->vline, 0, it->name,
                        "the text of \"%s\" does not fit its %g × %g mm box even at %g pt: "
                        "please write it by hand",
                        "項目「%s」の文字が %g × %g mm の枠に %g pt でも収まりません。手書きで記入してください",
                        it->name ? it->name : "label", it->w, it->h,
                        it->min_pt > 0 ? it->min_pt : it->pt);
    }
    form_secure_strfree(val);
    return e;
}

static form_err draw_item(form_pdf *pdf, const form_template *t, const form_item *it,
                          const form_values *v)
{
    switch (it->kind) {
    case FORM_ITEM_LINE:
        return form_pdf_line(pdf, it->x, it->y, it->w, it->h, it->width, it->dash);
    case FORM_ITEM_BOX:
        return form_pdf_rect(pdf, box_of(it), it->width, it->fill);
    case FORM_ITEM_ELLIPSE:
        return form_pdf_ellipse(pdf, box_of(it), it->width);
    case FORM_ITEM_LABEL: {
        form_text_style st = style_of(it);
        return form_pdf_text(pdf, it->text, box_of(it), &st, NULL, NULL);
    }
    case FORM_ITEM_FIELD:
        break;
    }
    char *val = NULL;
    char missing[96];
    form_err e = form_expr_eval(it->text, t, v, &val, missing, sizeof missing);
    if (e == FORM_E_MISSING_VALUE && it->optional)
        return FORM_OK;
    if (e != FORM_OK)
        return e;
    form_text_style st = style_of(it);
    if (it->mark != FORM_MARK_NONE) {
        if (mark_selected(val, it->mark_value))
            e = it->mark == FORM_MARK_CHECK ? form_pdf_check(pdf, box_of(it))
                                            : form_pdf_ellipse(pdf, box_of(it), 0.4);
    } else if (it->cells > 0) {
        e = form_pdf_boxes(pdf, val, box_of(it), it->cells, it->pitch, it->cells_right,
                           it->cells_outline, &st);
    } else if (val[0] != '\0') {
        e = form_pdf_text(pdf, val, box_of(it), &st, NULL, NULL);
    }
    form_secure_strfree(val);
    return e;
}

/* key=value lines of the declared values, for back-office intake. */
static form_err draw_qr(form_pdf *pdf, const form_template *t, const form_values *v)
{
    form_buf b = {.secure = true};
    form_buf_adds(&b, "kakanai:");
    form_buf_adds(&b, t->id);
    form_buf_adds(&b, "\n");
    for (size_t i = 0; i < t->nqr; i++) {
        char expr[FORM_MAX_ID + 16];
        snprintf(expr, sizeof expr, "{%s}", t->qr_values[i]);
        char *val = NULL;
        if (form_expr_eval(expr, t, v, &val, NULL, 0) != FORM_OK)
            continue;
        form_buf_adds(&b, t->qr_values[i]);
        form_buf_adds(&b, "=");
        form_buf_adds(&b, val);
        form_buf_adds(&b, "\n");
        form_secure_strfree(val);
    }
    form_err e = b.failed ? FORM_E_NOMEM : FORM_OK;
    if (e == FORM_OK) {
        form_box box = {t->qr_x, t->qr_y, t->qr_w, t->qr_w};
        e = form_pdf_qr(pdf, (const uint8_t *)b.p, b.n, box);
    }
    form_buf_release(&b);
    return e;
}

static form_err draw_template(form_pdf *pdf, const form_template *t, const form_values *v,
                              unsigned flags, size_t *pages)
{
    form_err e = FORM_OK;
    for (size_t pg = 0; pg < t->npages && e == FORM_OK; pg++) {
        e = form_pdf_page(pdf, t->pages[pg].w, t->pages[pg].h);
        if (e != FORM_OK)
            break;
        (*pages)++;
        if (pg == 0 && t->background != NULL) {
            char *path = form_path_join(t->dir ? t->dir : ".", t->background);
            form_box b = {t->bg_x, t->bg_y, t->bg_w, t->bg_h};
            e = path ? form_pdf_image(pdf, path, b) : FORM_E_NOMEM;
            free(path);
            if (e != FORM_OK)
                break;
        }
        for (size_t i = 0; i < t->nitems && e == FORM_OK; i++)
            if ((size_t)t->items[i].page == pg)
                e = draw_item(pdf, t, &t->items[i], v);
        if (e == FORM_OK && pg == 0 && t->has_qr && !(flags & FORM_RENDER_NO_QR))
            e = draw_qr(pdf, t, v);
        if (e == FORM_OK && (flags & FORM_RENDER_PREVIEW)) {
            e = form_pdf_grid(pdf);
            for (size_t i = 0; i < t->nitems && e == FORM_OK; i++) {
                const form_item *it = &t->items[i];
                if ((size_t)it->page == pg && it->kind == FORM_ITEM_FIELD)
                    e = form_pdf_outline(pdf, box_of(it), it->name);
            }
        }
    }
    return e;
}

FORM_EXPORT form_err form_render(const form_procedure *p, const form_template *t,
                                 const form_values *v, unsigned flags, form_doc **out,
                                 form_diags **diags)
{
    if (out == NULL || (p == NULL && t == NULL) || v == NULL)
        return FORM_E_ARG;
    *out = NULL;
    if (p != NULL && p->ntemplates == 0)
        return FORM_E_ARG; /* guide-only: nothing to fill, it prints on the guide sheet */
    if (diags)
        *diags = NULL;
    const form_template *one[1] = {t};
    const form_template *const *list = p ? p->templates : one;
    size_t n = p ? p->ntemplates : 1;
    form_diags *d = form_diags_new();
    if (d == NULL)
        return FORM_E_NOMEM;
    form_pdf *pdf = NULL;
    form_err e = form_pdf_new(getenv("KAKANAI_FONTS_DIR"), &pdf);
    form_err first = FORM_OK;
    for (size_t k = 0; e == FORM_OK && k < n; k++)
        for (size_t i = 0; i < list[k]->nitems; i++) {
            const form_item *it = &list[k]->items[i];
            if (it->kind != FORM_ITEM_FIELD && it->kind != FORM_ITEM_LABEL)
                continue;
            form_err r = check_item(pdf, list[k], it, v, d);
            if (r == FORM_E_NOMEM || r == FORM_E_FONT || r == FORM_E_PDF || r == FORM_E_ARG) {
                e = r;
                break;
            }
            if (r != FORM_OK && first == FORM_OK)
                first = r;
        }
    if (e == FORM_OK)
        e = first;
    size_t pages = 0;
    for (size_t k = 0; e == FORM_OK && k < n; k++)
        e = draw_template(pdf, list[k], v, flags, &pages);
    uint8_t *buf = NULL;
    size_t len = 0;
    if (e == FORM_OK)
        e = form_pdf_finish(pdf, &buf, &len);
    form_pdf_free(pdf);
    if (e == FORM_OK) {
        form_doc *doc = form_secure_alloc(sizeof *doc);
        if (doc == NULL) {
            form_secure_free(buf, len);
            e = FORM_E_NOMEM;
        } else {
            doc->data = buf;
            doc->len = len;
            doc->pages = pages;
            *out = doc;
        }
    }
    if (diags)
        *diags = d;
    else
        form_diags_free(d);
    return e;
}

FORM_EXPORT void form_doc_free(form_doc *d)
{
    if (d == NULL)
        return;
    form_secure_free(d->data, d->len);
    form_secure_free(d, sizeof *d);
}

FORM_EXPORT const uint8_t *form_doc_data(const form_doc *d, size_t *len)
{
    if (len)
        *len = d ? d->len : 0;
    return d ? d->data : NULL;
}

FORM_EXPORT size_t form_doc_page_count(const form_doc *d)
{
    return d ? d->pages : 0;
}

form_err form_render_check_labels(const form_template *t, form_diags *diags)
{
    form_pdf *pdf = NULL;
    form_err e = form_pdf_new(getenv("KAKANAI_FONTS_DIR"), &pdf);
    if (e != FORM_OK)
        return e;
    form_err worst = FORM_OK;
    for (size_t i = 0; i < t->nitems; i++)
        if (t->items[i].kind == FORM_ITEM_LABEL) {
            form_err r = check_item(pdf, t, &t->items[i], NULL, diags);
            if (r != FORM_OK && worst == FORM_OK)
                worst = r;
        }
    form_pdf_free(pdf);
    return worst;
}

/* form_unprintable() is the engine's (form-font.c). */
