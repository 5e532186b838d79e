/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-i18n.c — template texts in the resident's language, marked fallbacks. See the .h. */
#include "kiosk-i18n.h"

#include <glib/gi18n.h>
#include <string.h>

const char *kiosk_text_fallback(const form_text *t, const char *lang)
{
    int li = form_lang_index(lang);
    if (t == NULL || li < 0 || li == FORM_LANG_JA || li == FORM_LANG_EN ||
        form_text_get_exact(t, lang) != NULL)
        return NULL;
    return form_text_get_exact(t, "en") != NULL ? "en" : "ja";
}

char *kiosk_markup_with_marker(const char *markup, const char *fallback_lang)
{
    if (fallback_lang == NULL)
        return g_strdup(markup);
    /* the marker's words come from the resident's catalogue: 英文, 영어, tiếng Anh … */
    const char *word = strcmp(fallback_lang, "en") == 0 ? _("English") : _("Japanese");
    g_autofree char *w = g_markup_escape_text(word, -1);
    return g_strdup_printf("%s <span weight=\"bold\" foreground=\"#ffffff\" "
                           "background=\"#0b2e6b\"> %s </span>",
                           markup, w);
}

char *kiosk_text_markup(const form_text *t, const char *lang)
{
    const char *s = t ? form_text_get(t, lang) : NULL;
    g_autofree char *esc = g_markup_escape_text(s ? s : "", -1);
    return kiosk_markup_with_marker(esc, kiosk_text_fallback(t, lang));
}
