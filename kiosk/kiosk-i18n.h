/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-i18n.h — a template's text in the resident's language, and what to show where the
 * template has none: the English text (or the Japanese, where English is missing too) with a
 * visible marker in the resident's language — 「英文」, "Ingles", "अंग्रेजी" … — so a
 * resident knows the text is not in their language on purpose, and the city sees what to
 * translate. Japanese and English need no marker (Japanese is always there; English falls
 * back to Japanese as before).
 */
#ifndef KIOSK_I18N_H
#define KIOSK_I18N_H

#include <glib.h>

#include "form.h"

G_BEGIN_DECLS

/* The code of the language shown instead of lang's own ("en" or "ja"), NULL when t has lang's
 * own text (or lang is ja/en, or t is NULL). */
const char *kiosk_text_fallback(const form_text *t, const char *lang);
/* Pango markup for a GtkLabel: the text (escaped) and, when it falls back, the marker (same
 * size, white on dark blue). g_free; "" for a NULL text. */
char *kiosk_text_markup(const form_text *t, const char *lang);
/* The same marker for a text built elsewhere: markup (already escaped) + the marker for
 * fallback_lang ("en"/"ja"; NULL: none). g_free. */
char *kiosk_markup_with_marker(const char *markup, const char *fallback_lang);

G_END_DECLS

#endif /* KIOSK_I18N_H */
