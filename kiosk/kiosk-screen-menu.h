/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-menu.h — the procedure menu screen (KioskMenuScreen); layout in ui/menu.ui.
 *
 * Signal: "procedure-chosen" (guint index of the procedure in the catalogue last given to
 * kiosk_menu_screen_set_catalog, which must stay alive until the next call).
 */
#ifndef KIOSK_SCREEN_MENU_H
#define KIOSK_SCREEN_MENU_H

#include <gtk/gtk.h>

#include "form.h"
#include "kiosk-config.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_MENU_SCREEN (kiosk_menu_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskMenuScreen, kiosk_menu_screen, KIOSK, MENU_SCREEN, GtkBox)
GtkWidget *kiosk_menu_screen_new(void);
/* Returns the number of procedures shown. */
guint kiosk_menu_screen_set_catalog(KioskMenuScreen *self, const form_catalog *cat,
                                    const kiosk_config *config, const char *lang);

G_END_DECLS

#endif
