/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-backend.h — the real work behind the session: card (cardlib) and forms (forms lib),
 * each on its own worker thread, results posted back to the UI thread.
 *
 * The engine implements the session's kiosk_backend seam. Card work runs on one thread per
 * session with its own myna_ctx (PC/SC rule), cancelled with myna_ctx_cancel; in virtual
 * mode the in-process card (myna_vcard) replaces PC/SC. Rendering and printing run on
 * their own threads. Every result carries the session generation: a result that arrives
 * after a wipe is dropped (and its data wiped).
 */
#ifndef KIOSK_BACKEND_H
#define KIOSK_BACKEND_H

#include <glib.h>
#include <stdbool.h>

#include "form.h"
#include "kiosk-config.h"
#include "kiosk-session.h"
#include "myna-vcard.h"
#include "myna.h"

typedef struct kiosk_engine kiosk_engine;

typedef enum kiosk_reader_status {
    KIOSK_READER_SEARCHING = 0, /* looking for a reader */
    KIOSK_READER_NONE,          /* no reader connected: call staff */
    KIOSK_READER_WAITING,       /* a reader, no card */
    KIOSK_READER_CARD,          /* a card is being read */
    KIOSK_READER_MUTE,          /* a card that does not answer (upside down?) */
} kiosk_reader_status;

typedef struct kiosk_engine_hooks {
    void *user;
    void (*event)(void *user, kiosk_event_type ev, int arg);   /* → kiosk_session_event */
    void (*reader)(void *user, kiosk_reader_status st);         /* place-card screen */
    void (*print_stage)(void *user, form_print_stage stage);   /* printing screen */
    void (*wiped)(void *user);                                 /* after every wipe */
    void (*testpage)(void *user, form_err result);             /* staff test page ended */
} kiosk_engine_hooks;

/* vcard: NULL for PC/SC. The engine does not own config or vcard. */
kiosk_engine *kiosk_engine_new(const kiosk_config *config, myna_vcard *vcard,
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

/* The procedure of the session (set before KIOSK_EV_PROCEDURE). */
void kiosk_engine_set_procedure(kiosk_engine *e, const form_procedure *p);
const form_procedure *kiosk_engine_procedure(const kiosk_engine *e);

/* Answers: validated and stored (locked memory). *why: a sentence for the resident. */
gboolean kiosk_engine_answer(kiosk_engine *e, const form_question *q, const char *value,
                             const char *lang, const char **why);
const char *kiosk_engine_answer_get(const kiosk_engine *e, const form_question *q);

/* Card attributes read this session (for the summary), or NULL. */
const myna_attrs *kiosk_engine_attrs(const kiosk_engine *e);
/* The rendered PDF (locked memory), or NULL; render problems of the last attempt. */
const form_doc *kiosk_engine_doc(const kiosk_engine *e);
const form_diags *kiosk_engine_render_diags(const kiosk_engine *e);
/* Where the last PDF went in --pdf-dir mode (g_malloc'd path) or NULL. */
const char *kiosk_engine_last_pdf(const kiosk_engine *e);

/* Staff: test page and printer health (blocking, a few seconds at most). */
form_err kiosk_engine_printer_state(kiosk_engine *e, char *reason, size_t cap);

/* Staff: print the sample of the first procedure (or write it to the pdf dir) on a
 * thread; hooks.testpage reports the result. FALSE when there is nothing to print. */
gboolean kiosk_engine_test_page(kiosk_engine *e);

/* Without a display: render each procedure's forms with sample values into dir. */
int kiosk_engine_render_samples(const form_catalog *cat, const char *dir, const char *lang);

/* Counters for tests/benchmarks. */
unsigned kiosk_engine_apdus(const kiosk_engine *e);

#endif
