/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-done.h — the print jobs of the visit and 「次の方」 (CounterDoneScreen);
 * layout in ui/done.ui. Signal: "next-visitor" (wipes the visit; cancels jobs still queued).
 */
#ifndef COUNTER_SCREEN_DONE_H
#define COUNTER_SCREEN_DONE_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNTER_TYPE_DONE_SCREEN (counter_done_screen_get_type())
G_DECLARE_FINAL_TYPE(CounterDoneScreen, counter_done_screen, COUNTER, DONE_SCREEN, GtkBox)
GtkWidget *counter_done_screen_new(void);
/* n rows titled by their document (procedure titles, not values). */
void counter_done_screen_set_jobs(CounterDoneScreen *self, const char *const *titles, size_t n);
void counter_done_screen_set_job(CounterDoneScreen *self, size_t i, const char *state);
void counter_done_screen_set_summary(CounterDoneScreen *self, const char *text);

G_END_DECLS

#endif
