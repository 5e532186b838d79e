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

/* One summary row: question i's answer as the resident chose it (labels, 和暦), with 「なおす」. */
static void add_answer_row(KioskWindow *self, KioskConfirmScreen *c, const form_procedure *p,
                           size_t i)
{
    const form_question *q = form_procedure_question(p, i);
    const char *v = kiosk_engine_answer_get(self->engine, q);
    if (!v)
        v = "";
    GString *shown = g_string_new(NULL);
    switch (form_question_type_of(q)) {
    case FORM_Q_YESNO:
        g_string_append(shown, strcmp(v, "yes") == 0 ? _("Yes") : _("No"));
        break;
    case FORM_Q_MULTI: { /* "a,b" → "label a、label b" */
        g_auto(GStrv) parts = g_strsplit(v, ",", -1);
        for (char **x = parts; *x; x++)
            if (**x)
                g_string_append_printf(shown, "%s%s", shown->len ? _(", ") : "",
                                       choice_label(q, *x, self->lang));
        break;
    }
    case FORM_Q_DATE: {
        char *date = strlen(v) == 8 ? kiosk_wareki_ymd(v) : NULL;
        g_string_append(shown, date ? date : v);
        kiosk_text_free(date);
        break;
    }
    default:
        g_string_append(shown, choice_label(q, v, self->lang));
        break;
    }
    if (!shown->len)
        g_string_append(shown, _("(none)"));
    kiosk_confirm_screen_add_summary(c, form_text_get(form_question_label(q), self->lang),
                                     shown->str, (int)i);
    /* typed answers are a resident's data: wipe this copy (the row keeps its own, locked) */
    explicit_bzero(shown->str, shown->allocated_len);
    g_string_free(shown, TRUE);
}

void kiosk_summary_fill(KioskWindow *self, KioskConfirmScreen *c)
{
    const form_procedure *p = kiosk_engine_procedure(self->engine);
    const myna_attrs *a = kiosk_engine_attrs(self->engine);
    if (p)
        kiosk_confirm_screen_add_summary(c, _("Form"), form_text_get(form_procedure_title(p),
                                                                     self->lang), -1);
    if (a) {
        unsigned needs = p ? form_procedure_needs(p) : 0;
        if (needs & FORM_NEEDS_NAME)
            kiosk_confirm_screen_add_summary(c, _("Name"), myna_attrs_name(a), -1);
        if (needs & FORM_NEEDS_ADDRESS)
            kiosk_confirm_screen_add_summary(c, _("Address"), myna_attrs_address(a), -1);
        if ((needs & FORM_NEEDS_BIRTH) && strlen(myna_attrs_birth(a)) == 8) {
            const char *b = myna_attrs_birth(a);
            char *w = kiosk_wareki_ymd(b);
            kiosk_confirm_screen_add_summary(c, _("Date of birth"), w ? w : b, -1);
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

