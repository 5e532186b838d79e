/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-resident.h — the resident's window (second monitor) at the counter
 * (CounterResidentWindow); layout in ui/resident.ui.
 *
 * Screens, by name: welcome, card (put the card on the reader), pin (the kiosk's own PIN pad,
 * KioskPinScreen: tries shown before entry, last-try warning), reading, preview (the pages the
 * staff will print, for the resident to check), thanks. The staff window drives it; it has no
 * state of its own beyond what it shows. Residents' data only ever appear as page images.
 */
#ifndef COUNTER_RESIDENT_H
#define COUNTER_RESIDENT_H

#include <gtk/gtk.h>

#include "counter-pages.h"
#include "kiosk-screen-pin.h"

G_BEGIN_DECLS

#define COUNTER_TYPE_RESIDENT_WINDOW (counter_resident_window_get_type())
G_DECLARE_FINAL_TYPE(CounterResidentWindow, counter_resident_window, COUNTER, RESIDENT_WINDOW,
                     GtkWindow)
CounterResidentWindow *counter_resident_window_new(void);
void counter_resident_window_show(CounterResidentWindow *self, const char *screen);
const char *counter_resident_window_screen(CounterResidentWindow *self);
KioskPinScreen *counter_resident_window_pin(CounterResidentWindow *self);
CounterPages *counter_resident_window_pages(CounterResidentWindow *self);
/* A line under the title of the card / reading screens (fixed vocabulary). */
void counter_resident_window_set_note(CounterResidentWindow *self, const char *text);

G_END_DECLS

#endif
