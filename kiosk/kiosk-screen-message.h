/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-message.h — the reading / error / staff call screen (KioskMessageScreen); layout in ui/message.ui.
 *
 * Signal: "acknowledged" (OK).
 */
#ifndef KIOSK_SCREEN_MESSAGE_H
#define KIOSK_SCREEN_MESSAGE_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_MESSAGE_SCREEN (kiosk_message_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskMessageScreen, kiosk_message_screen, KIOSK, MESSAGE_SCREEN, GtkBox)
GtkWidget *kiosk_message_screen_new(void);
void kiosk_message_screen_set(KioskMessageScreen *self, const char *icon, const char *title,
                              const char *message, const char *detail, gboolean busy);

G_END_DECLS

#endif
