/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-app.h — `kakanai-kiosk --counter`: the counter app's start-up, after the kiosk's own
 * (kiosk-run.h: hardening, options, locked memory, configuration, display).
 *
 *   counter_app_new()    the staff's window and the resident's (on a second monitor when there
 *                        is one, or on another X display with --resident-display), styles,
 *                        stop signals
 *   counter_app_run()    the main loop, until the staff's window closes or a stop signal
 *   counter_app_free()   wipes the visit, waits for print jobs being cancelled, frees
 *
 * counter_main() is the three in a line, for kakanai-kiosk's main().
 */
#ifndef COUNTER_APP_H
#define COUNTER_APP_H

#include "counter-window.h"
#include "kiosk-run.h"

/* The options the kiosk programs add for counter mode (their storage: counter_app_opts). */
typedef struct counter_app_opts {
    gboolean counter;
    char *staff_file, *audit_log, *resident_display;
} counter_app_opts;

/* Entries for kiosk_run_options (4 entries, then a {0} sentinel); out must have room for 5. */
void counter_app_option_entries(counter_app_opts *o, GOptionEntry out[5]);
void counter_app_opts_clear(counter_app_opts *o);

typedef struct counter_app counter_app;

/* NULL with a message on stderr when the counter cannot run (templates, staff file, audit
 * log, display); cards is taken over in every case. */
counter_app *counter_app_new(kiosk_run *run, kiosk_card_source *cards, const counter_app_opts *o,
                             int idle_seconds);
CounterWindow *counter_app_window(counter_app *a);
GMainLoop *counter_app_loop(counter_app *a);
int counter_app_run(counter_app *a);
void counter_app_free(counter_app *a);

/* new + run + free: the process's exit status. */
int counter_main(kiosk_run *run, kiosk_card_source *cards, const counter_app_opts *o);

#endif
