/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-batch.h — everything a visit prints: every procedure's forms and the 手続き案内票.
 *
 * counter_batch_new() takes a snapshot of the visit on the UI thread (a form_values of its own,
 * one more for each procedure whose forms leave members off, the procedures in guide order, the
 * guide rows); a worker thread then renders
 * (counter_batch_render) and prints (counter_batch_print) without touching the visit again.
 * Documents are PDFs in locked memory (form_doc); counter_batch_free wipes everything.
 *
 * Printing keeps the guide order on paper: job i+1 is created only once CUPS has accepted job
 * i (its document is in and the job is queued), then every job is followed to its end at once.
 * A failed job cancels and purges the jobs after it (no half a household's forms on the tray
 * for the next resident); form_print already cancels and purges its own job on every error.
 */
#ifndef COUNTER_BATCH_H
#define COUNTER_BATCH_H

#include "counter-visit.h"

#define COUNTER_NOTES_MAX 16 /* notes of a navigation on the guide sheet */
#define COUNTER_DOCS_MAX (COUNTER_PROCEDURES_MAX + 4) /* forms, and the guide sheet's pages */
#define COUNTER_RECEPTION_MAX 32

typedef struct counter_batch counter_batch;

/* Snapshot v for printing. reception: the visit's 受付番号 (digits, at most
 * COUNTER_RECEPTION_MAX; may be NULL); lang: the guide sheet's language ("ja", "en").
 * COUNTER_E_NO_PROCEDURE (no procedure), COUNTER_E_ARG, COUNTER_E_NOMEM. */
counter_err counter_batch_new(const counter_visit *v, const char *reception, const char *lang,
                              counter_batch **out);
/* Wipes every document and value; NULL is a no-op. */
void counter_batch_free(counter_batch *b);
unsigned counter_batch_generation(const counter_batch *b); /* the visit's, at the snapshot */

/* Render every procedure that has forms (one document each, in guide order) and then the guide
 * sheet (when the catalogue has templates/annai.form: as many of its pages as the rows need:
 * the procedures in route order, then the navigation's notes). flags: FORM_RENDER_*. On a form's
 * FORM_E_OVERFLOW / _GLYPH / _MISSING_VALUE: COUNTER_E_RENDER, *failed (may be NULL) names the
 * procedure, *diags (may be NULL) has the fields; documents made before stay. COUNTER_E_NOMEM. */
counter_err counter_batch_render(counter_batch *b, unsigned flags, const char **failed,
                                 form_diags **diags);
size_t counter_batch_doc_count(const counter_batch *b);
const form_doc *counter_batch_doc(const counter_batch *b, size_t i);
/* The procedure document i was made for; NULL for the guide sheet. */
const form_procedure *counter_batch_doc_procedure(const counter_batch *b, size_t i);
/* Pages over every document. */
size_t counter_batch_page_count(const counter_batch *b);
/* Whether the guide sheet was made (the templates have annai.form). */
bool counter_batch_has_guide(const counter_batch *b);
/* Guide rows (procedures in route order, guide-only ones included). */
size_t counter_batch_guide_count(const counter_batch *b);
const form_procedure *counter_batch_guide_procedure(const counter_batch *b, size_t i);

/* Called from counter_batch_print's threads (serialised by the batch): doc i accepted by CUPS
 * (stage FORM_PRINT_QUEUED first seen), printing, done, or failed with err. Return false to
 * cancel every job of the batch. */
typedef enum counter_job_event {
    COUNTER_JOB_ACCEPTED = 0,
    COUNTER_JOB_PRINTING,
    COUNTER_JOB_DONE,
    COUNTER_JOB_FAILED,
} counter_job_event;
typedef bool (*counter_job_fn)(void *user, size_t doc, counter_job_event ev, form_err err,
                               const char *reason);

/* Print every document on printer (NULL: the default queue), in order. Blocks until every job
 * ended; call it off the UI thread. cancel (may be NULL): set it to non-zero from any thread
 * to cancel (and purge) every job at its next poll. *accepted_ms (may be NULL): milliseconds
 * from the call to the moment the last job was accepted (-1 when not all were). COUNTER_OK
 * when all printed; COUNTER_E_PRINT with *first_err the first job's form_err otherwise;
 * COUNTER_E_ARG. */
counter_err counter_batch_print(counter_batch *b, const char *printer, int timeout_ms,
                                counter_job_fn fn, void *user, const int *cancel,
                                double *accepted_ms, form_err *first_err);

#endif
