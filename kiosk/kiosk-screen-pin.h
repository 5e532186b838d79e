/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-pin.h — the PIN / 照合番号B keypad screen (KioskPinScreen); layout in ui/pin.ui.
 *
 * Signals: "digit-pressed" (int 0-9), "delete-pressed", "clear-pressed", "pin-entered". The
 * digits go one by one into the session's locked buffer; "pin-entered" carries nothing.
 */
#ifndef KIOSK_SCREEN_PIN_H
#define KIOSK_SCREEN_PIN_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_PIN_SCREEN (kiosk_pin_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskPinScreen, kiosk_pin_screen, KIOSK, PIN_SCREEN, GtkBox)
GtkWidget *kiosk_pin_screen_new(void);
void kiosk_pin_screen_update(KioskPinScreen *self, gboolean checkcode, size_t len,
                             size_t digits, int tries, gboolean last_try);

G_END_DECLS

#endif
