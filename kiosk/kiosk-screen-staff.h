/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-staff.h — the staff mode screen (KioskStaffScreen); layout in ui/staff.ui.
 *
 * Signals: "unlocked" (the passcode was right), "save-requested", "health-requested",
 * "testpage-requested", "checkcode-requested".
 */
#ifndef KIOSK_SCREEN_STAFF_H
#define KIOSK_SCREEN_STAFF_H

#include <gtk/gtk.h>

#include "form.h"
#include "kiosk-config.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_STAFF_SCREEN (kiosk_staff_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskStaffScreen, kiosk_staff_screen, KIOSK, STAFF_SCREEN, GtkBox)
GtkWidget *kiosk_staff_screen_new(void);
/* Back to the lock page; passcode_hash from the config ("" = staff mode unavailable). */
void kiosk_staff_screen_lock(KioskStaffScreen *self, const char *passcode_hash);
gboolean kiosk_staff_screen_unlocked(KioskStaffScreen *self);
void kiosk_staff_screen_set_panel(KioskStaffScreen *self, const form_catalog *cat,
                                  const kiosk_config *config, const char *lang);
void kiosk_staff_screen_set_health(KioskStaffScreen *self, const char *markup);
void kiosk_staff_screen_set_diags(KioskStaffScreen *self, const char *text);
/* Staff edits, read back by the window on "save". */
char **kiosk_staff_screen_selected(KioskStaffScreen *self); /* g_strfreev */
const char *kiosk_staff_screen_printer(KioskStaffScreen *self);

G_END_DECLS

#endif
