/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-procedures.h — what the visit is for (CounterProceduresScreen); layout in
 * ui/procedures.ui. Every procedure offered at the counter, as check buttons: staff tick what
 * the interview found (a life event's navigation ticks them itself, see the window).
 * A row of life events above them starts an interview that ticks them.
 * Signals: "procedures-chosen" (no argument: the window asks for the ticked ids),
 * "event-chosen" (int: the event's index in the catalogue).
 */
#ifndef COUNTER_SCREEN_PROCEDURES_H
#define COUNTER_SCREEN_PROCEDURES_H

#include <gtk/gtk.h>

#include "form.h"

G_BEGIN_DECLS

#define COUNTER_TYPE_PROCEDURES_SCREEN (counter_procedures_screen_get_type())
G_DECLARE_FINAL_TYPE(CounterProceduresScreen, counter_procedures_screen, COUNTER,
                     PROCEDURES_SCREEN, GtkBox)
GtkWidget *counter_procedures_screen_new(void);
/* One check button per procedure of cat offered at the counter (cat outlives the screen's use
 * of it: a new catalogue means a new call). */
void counter_procedures_screen_set_catalog(CounterProceduresScreen *self, const form_catalog *cat,
                                           const char *lang);
/* Tick (or untick) a procedure by id; FALSE when the screen has no such procedure. */
gboolean counter_procedures_screen_set_checked(CounterProceduresScreen *self, const char *id,
                                               gboolean checked);
/* The ticked procedures' ids in catalogue order (borrowed from the catalogue): how many; the
 * first cap go to ids. */
size_t counter_procedures_screen_selected(CounterProceduresScreen *self, const char **ids,
                                          size_t cap);
/* Untick everything. */
void counter_procedures_screen_reset(CounterProceduresScreen *self);

G_END_DECLS

#endif
