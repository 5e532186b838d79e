/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-window.h — the staff's window of the counter app (CounterWindow), driving the
 * resident's window.
 *
 * An ordinary desktop window (keyboard, mouse, the desktop's input method) with one screen at
 * a time: signin → procedures → members → answers → preview → done, and 「次の方」 back to
 * procedures. It owns the visit (counter-visit.h), the card worker of the kiosk (one card at a
 * time; the PIN pad is on the resident's window), the render and print threads of a visit
 * (counter-batch.h) and the audit log. In files of one concern each, sharing
 * counter-window-private.h: counter-window.c (screens and flow), counter-window-card.c (card,
 * PIN, 照合番号B), counter-window-print.c (render, preview, print, 「次の方」).
 *
 * Every way a visit ends wipes it: 「次の方」, sign-out, the idle time-out, the window closed
 * (a card pulled while it is read drops that read; a card taken back after its read is what
 * residents do).
 */
#ifndef COUNTER_WINDOW_H
#define COUNTER_WINDOW_H

#include <gtk/gtk.h>

#include "counter-resident.h"
#include "counter-visit.h"
#include "kiosk-card-source.h"
#include "kiosk-config.h"

G_BEGIN_DECLS

/* Where staff and audit live, and how long an idle visit waits (0: defaults). */
typedef struct counter_options {
    const char *staff_file;
    const char *audit_log;
    int idle_seconds;
} counter_options;

#define COUNTER_IDLE_DEFAULT 600 /* an interview is long: 10 minutes without input */

#define COUNTER_TYPE_WINDOW (counter_window_get_type())
G_DECLARE_FINAL_TYPE(CounterWindow, counter_window, COUNTER, WINDOW, GtkWindow)

/* config and cards must outlive the window. NULL with *error set when the templates, the staff
 * file or the audit log cannot be used (the app must not run then). */
CounterWindow *counter_window_new(kiosk_config *config, kiosk_card_source *cards,
                                  const counter_options *opts, const char *lang, GError **error);
CounterResidentWindow *counter_window_resident(CounterWindow *self);
kiosk_card_source *counter_window_cards(CounterWindow *self);
/* The visit (tests and scripts read it; the window owns it). */
const counter_visit *counter_window_visit(CounterWindow *self);
/* The visible screen's name: signin, procedures, members, answers, preview, done. */
const char *counter_window_screen_name(CounterWindow *self);
GtkWidget *counter_window_screen(CounterWindow *self, const char *name);
/* Whether nothing of the last visit is left (what: where something was found). */
gboolean counter_window_is_wiped(CounterWindow *self, const char **what);
/* Fire the idle time-out now (tests). */
void counter_window_idle_now(CounterWindow *self);
/* Machine figures of the last visit (bench): ms from the last card tap to the read, the render
 * time and the time until every print job was accepted (-1 when not measured). */
void counter_window_timings(CounterWindow *self, double *read_ms, double *render_ms,
                            double *accepted_ms);
/* Tries left the card last reported (-1 unknown), for tests. */
int counter_window_card_tries(CounterWindow *self);
/* Print jobs still running (tests wait for 0). */
int counter_window_printing(CounterWindow *self);

G_END_DECLS

#endif
