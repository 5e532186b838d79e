/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-printing.h — the printing screen (KioskPrintingScreen); layout in ui/printing.ui.
 *
 * Signals: "retry-requested", "cancelled" (a printer problem: try again / stop).
 */
#ifndef KIOSK_SCREEN_PRINTING_H
#define KIOSK_SCREEN_PRINTING_H

#include <gtk/gtk.h>

#include "form.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_PRINTING_SCREEN (kiosk_printing_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskPrintingScreen, kiosk_printing_screen, KIOSK, PRINTING_SCREEN, GtkBox)
GtkWidget *kiosk_printing_screen_new(void);
void kiosk_printing_screen_set_stage(KioskPrintingScreen *self, form_print_stage stage);
void kiosk_printing_screen_set_problem(KioskPrintingScreen *self, const char *problem);

G_END_DECLS

#endif
