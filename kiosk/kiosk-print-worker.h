/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-print-worker.h — the resident's document to the printer (CUPS, form_print) or, with
 * a pdf dir, to a file (0600), on a thread per job. Progress and the result go to the UI
 * thread through the mailbox.
 *
 * A job reads the engine's document without copying it. When the engine lets go of a
 * document (a wipe) while a job may still read it, kiosk_print_worker_release keeps it as an
 * orphan until the last job ended, then frees (wipes) it: a job stuck in CUPS neither keeps
 * the resident from leaving nor reads freed memory.
 */
#ifndef KIOSK_PRINT_WORKER_H
#define KIOSK_PRINT_WORKER_H

#include <glib.h>

#include "form.h"
#include "kiosk-mailbox.h"

typedef struct kiosk_print_worker kiosk_print_worker;

kiosk_print_worker *kiosk_print_worker_new(kiosk_mailbox *mb);
/* Only once kiosk_print_worker_inflight is 0; NULL-safe. */
void kiosk_print_worker_free(kiosk_print_worker *pw);

/* Print doc (stays the caller's until kiosk_print_worker_release). pdf_dir non-empty: write
 * the PDF there instead. printer NULL or "": the default queue. Sheets: always 1 (the
 * "copies" answer is printed on the application). */
void kiosk_print_worker_start(kiosk_print_worker *pw, guint gen, const form_procedure *p,
                              const form_doc *doc, const char *pdf_dir, const char *printer,
                              int timeout_ms);
/* The resident stopped: the job in progress is cancelled (and purged by form_print). */
void kiosk_print_worker_cancel(kiosk_print_worker *pw);
/* Free doc now, or once the last job ended. NULL-safe. */
void kiosk_print_worker_release(kiosk_print_worker *pw, form_doc *doc);
/* Jobs still running. */
int kiosk_print_worker_inflight(kiosk_print_worker *pw);
/* Where the last PDF went in pdf-dir mode, or NULL. UI thread. */
const char *kiosk_print_worker_last_pdf(kiosk_print_worker *pw);

#endif
