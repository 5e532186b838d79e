/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-print-private.h — printing through CUPS, below form_print() (internal to forms/).
 *
 * form_print() hands the bytes of a form_doc to form_print_pdf(); tests call it directly with
 * a PDF of their own. Everything here uses its own http_t connection per call and keeps no
 * state between calls, so several threads may print at once.
 */
#ifndef FORM_PRINT_PRIVATE_H
#define FORM_PRINT_PRIVATE_H

#include "form.h"

/* The neutral title of every job and document: never a name, never a form's subject. */
#define FORM_PRINT_TITLE "kakanai"
/* copies must lie in 1..FORM_PRINT_MAX_COPIES. */
#define FORM_PRINT_MAX_COPIES 20
/* timeout_ms <= 0 means this (two minutes). */
#define FORM_PRINT_DEFAULT_TIMEOUT_MS 120000
/* How often the job and the printer are asked for their state, and the progress callback
 * called (at least this often while the job runs). */
#define FORM_PRINT_POLL_MS 200
/* A network printer's backend shows "connecting-to-device" for a moment at the start of
 * every job: only when it lasts this long is the printer called offline. A problem the printer
 * already showed before the job (possibly stale: cupsd keeps a backend's last report) must
 * last this long too; a new problem counts at once. */
#define FORM_PRINT_OFFLINE_GRACE_MS 4000
/* After a job is cancelled (time-out, printer problem, caller's wish), how long to wait for
 * cupsd to confirm that it ended (and dropped the document). */
#define FORM_PRINT_CANCEL_WAIT_MS 3000
/* Each single exchange with cupsd is bounded by this (and by the caller's deadline). */
#define FORM_PRINT_IO_TIMEOUT_MS 10000

/* form_print_purge() with timeout_ms <= 0 waits at most this long for cupsd. */
#define FORM_PRINT_PURGE_TIMEOUT_MS 10000

/* The purge epoch (form-print-purge.c): form_print() takes it when it starts; a purge moves
 * it on, and a form_print() that sees it moved cancels and purges its own job. */
unsigned form_print_epoch(void);
/* Record a job just created on queue uri (the caller's cupsServer()) for form_print_purge().
 * FORM_E_PRINT_CANCELLED when a purge happened since epoch (the caller cancels the job at
 * once; it stays recorded all the same), FORM_E_NOMEM or FORM_E_PRINT when it could not be
 * recorded (the caller cancels it too). */
form_err form_print_track(const char *uri, int job_id, unsigned epoch);
/* Jobs recorded and not yet seen purged (for the tests). */
size_t form_print_pending_purge(void);

/* Print len bytes of PDF: see form_print() in form.h for the meaning of every result. */
form_err form_print_pdf(const uint8_t *pdf, size_t len, const char *printer, int copies,
                        int timeout_ms, form_print_progress_fn progress, void *user);

/* The document goes to cupsd in writes of FORM_PRINT_CHUNK bytes (the deadline is checked
 * between them); a tail shorter than another chunk is sent with the last one. libcups copies
 * a write shorter than its own write buffer into the http_t, which httpClose frees without
 * wiping; every write this long or longer goes straight to the socket. */
#define FORM_PRINT_CHUNK (64u * 1024u)
/* How many bytes of the left bytes of the document the next write sends (only a whole
 * document shorter than FORM_PRINT_CHUNK goes in one shorter write). */
size_t form_print_chunk(size_t left);

/* The error a printer state means: printer_state is IPP printer-state (3 idle, 4 processing,
 * 5 stopped), reasons its printer-state-reasons keywords, accepting printer-is-accepting-jobs,
 * stalled_ms how long "connecting-to-device" has been shown (0: not shown). The first reason
 * that explains the result is copied, without its -error/-warning/-report suffix, into
 * reason (may be NULL). Exposed for the unit tests. */
form_err form_print_state_error(int printer_state, const char *const *reasons, size_t n,
                                bool accepting, long stalled_ms, char *reason, size_t cap);

#endif /* FORM_PRINT_PRIVATE_H */
