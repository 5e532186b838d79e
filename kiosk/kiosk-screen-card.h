/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-card.h — the place your card screen (KioskCardScreen); layout in ui/card.ui.
 *
 * Signal: "demo-toggled": the demonstration's card button (put the card on / take it off).
 */
#ifndef KIOSK_SCREEN_CARD_H
#define KIOSK_SCREEN_CARD_H

#include <gtk/gtk.h>

#include "kiosk-card-source.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_CARD_SCREEN (kiosk_card_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskCardScreen, kiosk_card_screen, KIOSK, CARD_SCREEN, GtkBox)
GtkWidget *kiosk_card_screen_new(void);
void kiosk_card_screen_set_status(KioskCardScreen *self, kiosk_reader_status st);
void kiosk_card_screen_set_demo(KioskCardScreen *self, gboolean demo, gboolean present);

G_END_DECLS

#endif
