/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-done.h — the done screen (KioskDoneScreen); layout in ui/done.ui.
 *
 * Signal: "finished".
 */
#ifndef KIOSK_SCREEN_DONE_H
#define KIOSK_SCREEN_DONE_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_DONE_SCREEN (kiosk_done_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskDoneScreen, kiosk_done_screen, KIOSK, DONE_SCREEN, GtkBox)
GtkWidget *kiosk_done_screen_new(void);
void kiosk_done_screen_set_counter(KioskDoneScreen *self, int counter);

G_END_DECLS

#endif
