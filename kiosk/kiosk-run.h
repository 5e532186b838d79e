/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-run.h — the start-up both kiosk programs share, in steps that main() calls in a
 * straight line: the installed kakanai-kiosk (kiosk-main.c, PC/SC only) and the test-only
 * kakanai-kiosk-dev (kiosk/dev/kiosk-dev-main.c: virtual card, --script, test overrides).
 *
 * Each step returns KIOSK_RUN_GO to go on, or the exit status of the process (0 when a step
 * answered the whole request: --version, --hash-passcode, --list-procedures, the samples
 * written without a display). kiosk_run_free tears down in the right order: the window (which
 * wipes the session) before the card source and the configuration.
 */
#ifndef KIOSK_RUN_H
#define KIOSK_RUN_H

#include <gtk/gtk.h>

#include "kiosk-card-source.h"
#include "kiosk-config.h"
#include "kiosk-window.h"

#define KIOSK_RUN_GO (-1)

typedef struct kiosk_run kiosk_run;

/* Hardening first (not dumpable, no core, freed heap overwritten), locale and log writer. */
kiosk_run *kiosk_run_new(void);
/* NULL-safe. */
void kiosk_run_free(kiosk_run *r);

/* Parse the options; extra (NULL or {0}-terminated) adds a program's own. */
int kiosk_run_options(kiosk_run *r, const GOptionEntry *extra, int *argc, char ***argv);
/* Locked heap for secrets, configuration with the options' overrides, --list-procedures,
 * the display (none: the sample forms into the pdf dir instead). */
int kiosk_run_setup(kiosk_run *r);
/* The configuration (after kiosk_run_setup), for a program's own overrides. */
kiosk_config *kiosk_run_config(kiosk_run *r);
/* Unless a pdf dir or --printer was given, PDFs go to ./out (a demonstration never prints). */
void kiosk_run_pdf_by_default(kiosk_run *r);
/* The window's size in px (default: 1920×1080, or the panel's with --fullscreen). */
void kiosk_run_set_size(kiosk_run *r, int w, int h);
/* The window on cards (taken over), presented; stop signals end the main loop. */
int kiosk_run_window(kiosk_run *r, kiosk_card_source *cards);
KioskWindow *kiosk_run_get_window(kiosk_run *r);
GMainLoop *kiosk_run_get_loop(kiosk_run *r);
/* Run the main loop until the window closes, a stop signal, or g_main_loop_quit. 0. */
int kiosk_run_loop(kiosk_run *r);

#endif
