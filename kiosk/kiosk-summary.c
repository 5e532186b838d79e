/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-summary.c — the confirmation's summary: the form, the card data the procedure needs,
 * each answer as the resident chose it (labels, 和暦) with 「なおす」, and the counter's note
 * of characters that cannot be printed. The rows keep their text in locked memory
 * (kiosk-secret-label); every scratch copy made here is wiped. See kiosk-window-private.h.
 */
#include "kiosk-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-i18n.h"
#include "kiosk-util.h"

/* Unprintable characters of the card data, listed for the counter (not logged). */
char *kiosk_summary_unprintable(KioskWindow *self)
{
    const myna_attrs *a = kiosk_engine_attrs(self->engine);
    GString *s = g_string_new(NULL);
    const char *fields[2] = {a ? myna_attrs_name(a) : NULL, a ? myna_attrs_address(a) : NULL};
    for (int f = 0; f < 2; f++) {
        uint32_t cps[16];
        size_t n = fields[f] ? form_unprintable(fields[f], cps, G_N_ELEMENTS(cps)) : 0;
        for (size_t i = 0; i < n && i < G_N_ELEMENTS(cps); i++) {
            char u[8] = {0};
            g_unichar_to_utf8(cps[i], u);
            g_string_append_printf(s, "%s%s (U+%04X)", s->len ? ", " : "", u, cps[i]);
        }
    }
    const form_diags *d = kiosk_engine_render_diags(self->engine);
    for (size_t i = 0; d && i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        if (g->err == FORM_E_GLYPH || g->err == FORM_E_OVERFLOW)
            g_string_append_printf(s, "%s%s", s->len ? "; " : "",
                                   (strcmp(self->lang, "ja") == 0 && g->message_ja)
                                       ? g->message_ja
                                       : g->message);
    }
    if (!s->len) {
        g_string_free(s, TRUE);
        return NULL;
    }
    g_string_prepend(s, _("For the counter — cannot be printed: "));
    return g_string_free(s, FALSE);
}

/* The label of choice value v of q (v itself when q offers no such choice). */
static const char *choice_label(const form_question *q, const char *v, const char *lang)
{
    for (size_t k = 0; k < form_question_choice_count(q); k++)
        if (strcmp(form_question_choice_value(q, k), v) == 0)
            return form_text_get(form_question_choice_label(q, k), lang);
    return v;
}

/* Question q's answer v as shown in lang (labels; dates as 和暦 in Japanese, YYYY-MM-DD
 * otherwise) appended to out; japanese: the language of the printed form. */
static void answer_text(GString *out, const form_question *q, const char *v, const char *lang,
                        gboolean japanese)
{
    switch (form_question_type_of(q)) {
    case FORM_Q_YESNO:
        if (japanese)
            g_string_append(out, strcmp(v, "yes") == 0 ? "はい" : "いいえ");
        else
            g_string_append(out, strcmp(v, "yes") == 0 ? _("Yes") : _("No"));
        break;
    case FORM_Q_MULTI: { /* "a,b" → "label a、label b" */
        g_auto(GStrv) parts = g_strsplit(v, ",", -1);
        for (char **x = parts; *x; x++)
            if (**x)
                g_string_append_printf(out, "%s%s", out->len ? (japanese ? "、" : _(", ")) : "",
                                       choice_label(q, *x, lang));
        for (char **x = parts; *x; x++)
            explicit_bzero(*x, strlen(*x));
        break;
    }
    case FORM_Q_DATE: {
        char *date = japanese && strlen(v) == 8 ? kiosk_wareki_ymd(v) : NULL;
        if (date)
            g_string_append(out, date);
        else if (strlen(v) == 8)
            g_string_append_printf(out, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
        else
            g_string_append(out, v);
        kiosk_text_free(date);
        break;
    }
    default:
        g_string_append(out, choice_label(q, v, lang));
        break;
    }
}

static void wipe_gstring(GString *s)
{
    explicit_bzero(s->str, s->allocated_len);
    g_string_free(s, TRUE);
}

/* One summary row: question i's answer as the resident chose it, in their language, with the
 * Japanese the form prints beside it where that reads differently, and 「なおす」. */
static void add_answer_row(KioskWindow *self, KioskConfirmScreen *c, const form_procedure *p,
                           size_t i)
{
    const form_question *q = form_procedure_question(p, i);
    const char *v = kiosk_engine_answer_get(self->engine, q);
    if (!v)
        v = "";
    gboolean ja = strcmp(self->lang, "ja") == 0;
    GString *shown = g_string_new(NULL), *printed = g_string_new(NULL);
    answer_text(shown, q, v, self->lang, ja);
    if (!ja && *v)
        answer_text(printed, q, v, "ja", TRUE);
    if (!shown->len)
        g_string_append(shown, _("(none)"));
    g_autofree char *key = kiosk_text_markup(form_question_label(q), self->lang);
    kiosk_confirm_screen_add_summary(c, key, shown->str,
                                     printed->len && strcmp(printed->str, shown->str) != 0
                                         ? printed->str
                                         : NULL,
                                     (int)i);
    /* typed answers are a resident's data: wipe these copies (the rows keep their own, locked) */
    wipe_gstring(shown);
    wipe_gstring(printed);
}

/* A fixed key (translated by gettext) as markup. */
static char *key_markup(const char *key)
{
    return g_markup_escape_text(key, -1);
}

void kiosk_summary_fill(KioskWindow *self, KioskConfirmScreen *c)
{
    const form_procedure *p = kiosk_engine_procedure(self->engine);
    const myna_attrs *a = kiosk_engine_attrs(self->engine);
    gboolean ja = strcmp(self->lang, "ja") == 0;
    if (p) {
        const form_text *title = form_procedure_title(p);
        g_autofree char *k = key_markup(_("Form"));
        const char *shown = form_text_get(title, self->lang), *printed = form_text_get(title, "ja");
        kiosk_confirm_screen_add_summary(c, k, shown,
                                         !ja && g_strcmp0(shown, printed) != 0 ? printed : NULL, -1);
    }
    if (a) {
        unsigned needs = p ? form_procedure_needs(p) : 0;
        if (needs & FORM_NEEDS_NAME) {
            g_autofree char *k = key_markup(_("Name"));
            kiosk_confirm_screen_add_summary(c, k, myna_attrs_name(a), NULL, -1);
        }
        if (needs & FORM_NEEDS_ADDRESS) {
            g_autofree char *k = key_markup(_("Address"));
            kiosk_confirm_screen_add_summary(c, k, myna_attrs_address(a), NULL, -1);
        }
        if ((needs & FORM_NEEDS_BIRTH) && strlen(myna_attrs_birth(a)) == 8) {
            const char *b = myna_attrs_birth(a);
            char *w = kiosk_wareki_ymd(b);
            char iso[16];
            g_snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", b, b + 4, b + 6);
            g_autofree char *k = key_markup(_("Date of birth"));
            kiosk_confirm_screen_add_summary(c, k, ja ? (w ? w : b) : iso, ja ? NULL : w, -1);
            explicit_bzero(iso, sizeof iso);
            kiosk_text_free(w);
        }
    }
    /* What was answered first, in the forms' order; the optional questions left blank after
     * them, so that the choices a resident made are on screen without scrolling. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; p && i < form_procedure_question_count(p); i++) {
            const char *v = kiosk_engine_answer_get(self->engine, form_procedure_question(p, i));
            if ((v && *v) == (pass == 0))
                add_answer_row(self, c, p, i);
        }
}
