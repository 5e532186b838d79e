/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-import-acro.c — fields from a PDF's AcroForm widgets (poppler): the widget's rectangle
 * is the field's box, its name and tooltip (/TU) guess the value. A text widget whose name
 * says nothing kakanai knows becomes a text question of its own; a check box a yes/no
 * question with a check mark.
 */
#include "form-import-private.h"

#include <ctype.h>
#include <glib.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#define PT_MM (25.4 / 72.0)

static const struct guess {
    const char *needle; /* in the lower-cased name or the tooltip */
    const char *name;
    const char *value;
} guesses[] = {
    {"furigana", "furigana", "{answer.furigana}"},
    {"フリガナ", "furigana", "{answer.furigana}"},
    {"ふりがな", "furigana", "{answer.furigana}"},
    {"kana", "furigana", "{answer.furigana}"},
    {"birth", "birth", "{card.birth|wareki}"},
    {"生年月日", "birth", "{card.birth|wareki}"},
    {"address", "address", "{card.address}"},
    {"jusho", "address", "{card.address}"},
    {"住所", "address", "{card.address}"},
    {"氏名", "name", "{card.name}"},
    {"shimei", "name", "{card.name}"},
    {"name", "name", "{card.name}"},
    {"sex", "sex", "{card.sex|sex}"},
    {"gender", "sex", "{card.sex|sex}"},
    {"性別", "sex", "{card.sex|sex}"},
    {"phone", "phone", "{answer.phone}"},
    {"tel", "phone", "{answer.phone}"},
    {"電話", "phone", "{answer.phone}"},
    {"honseki", "honseki", "{answer.honseki}"},
    {"本籍", "honseki", "{answer.honseki}"},
    {"hittosha", "hittosha", "{answer.hittosha}"},
    {"筆頭者", "hittosha", "{answer.hittosha}"},
};

/* [a-z0-9_] from an AcroForm name ("Applicant.Name[0]" → "applicant_name_0"). */
static void sanitize(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = in; *p && n + 1 < cap && n < 40; p++) {
        char c = (char)tolower((unsigned char)*p);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out[n++] = c;
        else if (n > 0 && out[n - 1] != '_')
            out[n++] = '_';
    }
    while (n > 0 && out[n - 1] == '_')
        n--;
    out[n] = '\0';
    if (n == 0 || (out[0] >= '0' && out[0] <= '9'))
        snprintf(out, cap, "field");
}

bool imp_fields_from_acroform(form_import *im, PopplerPage *page)
{
    GList *map = poppler_page_get_form_field_mapping(page);
    if (map == NULL)
        return false;
    double ph = 0, pw = 0;
    poppler_page_get_size(page, &pw, &ph);
    bool any = false;
    for (GList *l = map; l; l = l->next) {
        PopplerFormFieldMapping *m = l->data;
        PopplerFormField *f = m->field;
        gchar *fname = poppler_form_field_get_name(f);
        gchar *tip = poppler_form_field_get_alternate_ui_name(f);
        char low[128] = "";
        if (fname)
            for (size_t i = 0; fname[i] && i + 1 < sizeof low; i++)
                low[i] = (char)tolower((unsigned char)fname[i]), low[i + 1] = '\0';
        /* poppler's area is in PDF space: y from the bottom */
        double x = m->area.x1 * PT_MM, w = (m->area.x2 - m->area.x1) * PT_MM;
        double y = (ph - m->area.y2) * PT_MM, h = (m->area.y2 - m->area.y1) * PT_MM;
        char name[64], base[48], src[200];
        snprintf(src, sizeof src, "AcroForm field %s%s%s", fname ? fname : "?",
                 tip ? ", tooltip " : "", tip ? tip : "");
        PopplerFormFieldType type = poppler_form_field_get_field_type(f);
        any = true;
        if (type == POPPLER_FORM_FIELD_TEXT) {
            const struct guess *g = NULL;
            for (size_t k = 0; k < sizeof guesses / sizeof guesses[0] && g == NULL; k++)
                if (strstr(low, guesses[k].needle) || (tip && strstr(tip, guesses[k].needle)))
                    g = &guesses[k];
            if (g) {
                imp_unique_name(im, g->name, name, sizeof name);
                imp_field_add(im, name, x, y, w, h, g->value, NULL, NULL, 0.9, src);
            } else {
                char val[96];
                sanitize(fname ? fname : "field", base, sizeof base);
                imp_unique_name(im, base, name, sizeof name);
                snprintf(val, sizeof val, "{answer.%s}", name);
                imp_field_add(im, name, x, y, w, h, val, NULL, NULL, 0.5, src);
            }
        } else if (type == POPPLER_FORM_FIELD_BUTTON &&
                   poppler_form_field_button_get_button_type(f) == POPPLER_FORM_BUTTON_CHECK) {
            char val[96];
            sanitize(fname ? fname : "check", base, sizeof base);
            imp_unique_name(im, base, name, sizeof name);
            snprintf(val, sizeof val, "{answer.%s}", name);
            imp_field_add(im, name, x, y, w, h, val, "check", "yes", 0.6, src);
        } else {
            imp_unplaced_add(im, "field", fname ? fname : "", x, y, w, h,
                             "an AcroForm button, choice or signature widget: make it a "
                             "question by hand");
        }
        g_free(fname);
        g_free(tip);
    }
    poppler_page_free_form_field_mapping(map);
    return any;
}
