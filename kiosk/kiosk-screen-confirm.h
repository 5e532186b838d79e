/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-confirm.h — the confirmation screen (KioskConfirmScreen); layout in ui/confirm.ui.
 *
 * Signals: "confirmed" (print), "edit-requested" (int: the question to change).
 */
#ifndef KIOSK_SCREEN_CONFIRM_H
#define KIOSK_SCREEN_CONFIRM_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_CONFIRM_SCREEN (kiosk_confirm_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskConfirmScreen, kiosk_confirm_screen, KIOSK, CONFIRM_SCREEN, GtkBox)
GtkWidget *kiosk_confirm_screen_new(void);
void kiosk_confirm_screen_set_waiting(KioskConfirmScreen *self);
/* pdf: the exact bytes that will be printed (not copied, not written anywhere). */
gboolean kiosk_confirm_screen_set_pdf(KioskConfirmScreen *self, const guint8 *pdf, gsize len);
/* One row: key_markup (Pango markup: a template text may carry its "English" marker), the
 * value in the resident's language, and, when printed is not NULL, the Japanese value the form
 * prints beside it (a resident reading another language sees what goes on paper). Values are
 * the resident's data: kept in KioskSecretLabels. edit >= 0: a "change" button that emits
 * "edit-requested" (edit). */
void kiosk_confirm_screen_add_summary(KioskConfirmScreen *self, const char *key_markup,
                                      const char *value, const char *printed, int edit);
void kiosk_confirm_screen_set_flags(KioskConfirmScreen *self, const char *text);
gboolean kiosk_confirm_screen_has_preview(KioskConfirmScreen *self);
/* Pages in the preview (one per printed page, at most 8); ◀ ▶ flip through them. */
int kiosk_confirm_screen_page_count(KioskConfirmScreen *self);
void kiosk_confirm_screen_wipe(KioskConfirmScreen *self);

G_END_DECLS

#endif
