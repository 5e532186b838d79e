/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-lang.h — the language picker, reached from the menu: one large button per
 * language the kiosk offers, each written in its own script (and set in that language, so
 * Pango picks its glyphs: 中文 in Simplified Chinese shapes, not Japanese ones). A button
 * activates "win.lang" with its code; the window switches and goes back to the menu.
 */
#ifndef KIOSK_SCREEN_LANG_H
#define KIOSK_SCREEN_LANG_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_LANG_SCREEN (kiosk_lang_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskLangScreen, kiosk_lang_screen, KIOSK, LANG_SCREEN, GtkBox)

GtkWidget *kiosk_lang_screen_new(void);
/* One button per code of langs (NULL-terminated; codes form_lang_index knows), current one
 * shown as chosen. */
void kiosk_lang_screen_set_languages(KioskLangScreen *self, const char *const *langs,
                                     const char *current);

G_END_DECLS

#endif /* KIOSK_SCREEN_LANG_H */
