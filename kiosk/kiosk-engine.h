/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-engine.h — the real work behind the session: card (cardlib) and forms (forms lib),
 * each on worker threads, results posted back to the UI thread.
 *
 * The engine implements the session's kiosk_backend seam and drives the workers: one card
 * thread per session on the card source it was given (kiosk-card-worker.h), render threads
 * (here), print threads (kiosk-print-worker.h) and the staff's test page (kiosk-testpage.h).
 * Every result comes through the mailbox (kiosk-mailbox.h) with the session generation: a
 * result that arrives after a wipe is dropped (and its data wiped).
 *
 * The session's values (card attributes, answers) live once, in form_values in locked memory;
 * the engine keeps no other copy. Everything here runs on the UI thread.
 */
#ifndef KIOSK_ENGINE_H
#define KIOSK_ENGINE_H

#include <glib.h>
#include <stdbool.h>

#include "form.h"
#include "kiosk-card-source.h"
#include "kiosk-config.h"
#include "kiosk-session.h"
#include "myna.h"

typedef struct kiosk_engine kiosk_engine;

typedef struct kiosk_engine_hooks {
    void *user;
    void (*event)(void *user, kiosk_event_type ev, int arg);   /* → kiosk_session_event */
    void (*reader)(void *user, kiosk_reader_status st);         /* place-card screen */
    void (*print_stage)(void *user, form_print_stage stage);   /* printing screen */
    void (*wiped)(void *user);                                 /* after every wipe */
    void (*testpage)(void *user, form_err result);             /* staff test page ended */
} kiosk_engine_hooks;

/* The engine owns neither config nor cards; both must outlive it. */
kiosk_engine *kiosk_engine_new(const kiosk_config *config, kiosk_card_source *cards,
                               const kiosk_engine_hooks *hooks);
void kiosk_engine_free(kiosk_engine *e);

/* The seam for kiosk_session_new (user = the engine). changed is left NULL. */
void kiosk_engine_backend(kiosk_engine *e, kiosk_backend *be);

/* The catalogue in use (owned by the engine); reload when its fingerprint changed.
 * Returns TRUE when a new catalogue was loaded. Broken templates are kept in diags. */
gboolean kiosk_engine_reload(kiosk_engine *e, gboolean force);
const form_catalog *kiosk_engine_catalog(const kiosk_engine *e);
const form_diags *kiosk_engine_catalog_diags(const kiosk_engine *e);
char *kiosk_engine_catalog_error(const kiosk_engine *e); /* g_malloc'd or NULL */

/* The procedure of the session (set before KIOSK_EV_PROCEDURE); clears the answers to the
 * previous procedure's questions. */
void kiosk_engine_set_procedure(kiosk_engine *e, const form_procedure *p);
const form_procedure *kiosk_engine_procedure(const kiosk_engine *e);

/* Answers: validated and stored in the values (locked memory). *why: a sentence for the
 * resident. value is copied; the caller wipes its own. */
gboolean kiosk_engine_answer(kiosk_engine *e, const form_question *q, const char *value,
                             const char *lang, const char **why);
/* The answer to q (a question of the procedure), or NULL: a pointer into the values' locked
 * memory (form_values_answer), valid until the next answer to q or the next wipe. Read it,
 * never keep it. */
const char *kiosk_engine_answer_get(const kiosk_engine *e, const form_question *q);

/* Card attributes read this session (for the summary), or NULL. */
const myna_attrs *kiosk_engine_attrs(const kiosk_engine *e);
/* The rendered PDF (locked memory), or NULL; render problems of the last attempt. */
const form_doc *kiosk_engine_doc(const kiosk_engine *e);
const form_diags *kiosk_engine_render_diags(const kiosk_engine *e);
/* Where the last PDF went in --pdf-dir mode, or NULL. */
const char *kiosk_engine_last_pdf(const kiosk_engine *e);

/* Staff: printer health (blocking, a few seconds at most). */
form_err kiosk_engine_printer_state(kiosk_engine *e, char *reason, size_t cap);

/* Staff: print the sample of the first procedure (or write it to the pdf dir) on a
 * thread; hooks.testpage reports the result. FALSE when there is nothing to print. */
gboolean kiosk_engine_test_page(kiosk_engine *e);

/* Counters for tests/benchmarks. */
unsigned kiosk_engine_apdus(const kiosk_engine *e);

#endif
