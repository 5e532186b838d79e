/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-engine.c — the session's work, driven on worker threads. See kiosk-engine.h. */
#include "kiosk-engine.h"

#include <string.h>

#include "kiosk-card-worker.h"
#include "kiosk-mailbox.h"
#include "kiosk-print-worker.h"
#include "kiosk-stack-scrub.h"
#include "kiosk-testpage.h"
#include "kiosk-worker.h"

struct kiosk_engine {
    const kiosk_config *config;
    kiosk_card_source *cards;
    kiosk_engine_hooks hooks;
    guint gen;        /* bumped on every wipe / stop: stale results are dropped */
    guint render_gen; /* bumped on every render: only the latest one is shown and printed */

    form_catalog *catalog;
    form_diags *catalog_diags;
    char *catalog_error;
    char fingerprint[65];

    const form_procedure *procedure;
    GMutex values_lock; /* written here, read by the render thread */
    form_values *values;
    myna_attrs *attrs;
    form_doc *doc;
    form_diags *render_diags;

    kiosk_mailbox *mailbox;
    kiosk_card_worker *card;
    gint card_threads; /* card threads still running (stopped ones end by themselves) */
    gint workers;      /* render and test-page threads still running */
    kiosk_print_worker *printer;
    unsigned apdus;
    guint scrub; /* idle source: scrub the UI thread's stack after a wipe */
};

/* ---- results from the workers (UI thread) ------------------------------------------------ */

static void deliver(void *user, kiosk_msg *m)
{
    kiosk_engine *e = user;
    if (m->kind != KIOSK_MSG_TESTPAGE && m->gen != e->gen) /* its session is gone: wipe, drop */
        return;
    if (m->kind == KIOSK_MSG_RENDERED && m->render_gen != e->render_gen)
        return; /* answers changed since: a newer render */
    if (m->apdus)
        e->apdus = m->apdus;
    if (m->attrs) {
        myna_attrs_free(e->attrs);
        e->attrs = g_steal_pointer(&m->attrs);
        g_mutex_lock(&e->values_lock);
        form_values_set_card(e->values, myna_attrs_name(e->attrs), myna_attrs_address(e->attrs),
                             myna_attrs_birth(e->attrs), myna_attrs_sex(e->attrs),
                             myna_attrs_number(e->attrs));
        g_mutex_unlock(&e->values_lock);
    }
    if (m->kind == KIOSK_MSG_RENDERED) {
        kiosk_print_worker_release(e->printer, e->doc);
        e->doc = g_steal_pointer(&m->doc);
        form_diags_free(e->render_diags);
        e->render_diags = g_steal_pointer(&m->diags);
    }
    switch (m->kind) {
    case KIOSK_MSG_EVENT:
    case KIOSK_MSG_CARD_READ:
    case KIOSK_MSG_RENDERED:
        if (e->hooks.event)
            e->hooks.event(e->hooks.user, m->ev, m->arg);
        break;
    case KIOSK_MSG_READER:
        if (e->hooks.reader)
            e->hooks.reader(e->hooks.user, m->reader);
        break;
    case KIOSK_MSG_PRINT_STAGE:
        if (e->hooks.print_stage)
            e->hooks.print_stage(e->hooks.user, m->stage);
        break;
    case KIOSK_MSG_TESTPAGE:
        if (e->hooks.testpage)
            e->hooks.testpage(e->hooks.user, m->result);
        break;
    }
}

/* ---- the render thread -------------------------------------------------------------------- */

typedef struct render_job {
    kiosk_engine *e;
    guint gen, render_gen;
    const form_procedure *p;
} render_job;

static gpointer render_thread(gpointer data)
{
    render_job *r = data;
    kiosk_engine *e = r->e;
    form_doc *doc = NULL;
    form_diags *diags = NULL;
    g_mutex_lock(&e->values_lock);
    form_err err = form_render(r->p, NULL, e->values, 0, &doc, &diags);
    g_mutex_unlock(&e->values_lock);
    if (err != FORM_OK)
        g_clear_pointer(&doc, form_doc_free);
    kiosk_mailbox_post_rendered(e->mailbox, r->gen, r->render_gen, err, doc, diags);
    g_free(r);
    g_atomic_int_dec_and_test(&e->workers); /* e may be freed from here on */
    return NULL;
}

/* ---- the session seam --------------------------------------------------------------------- */

static void *be_alloc(void *user, size_t n) { return myna_secure_alloc(n); }
static void be_free(void *user, void *p, size_t n) { myna_secure_free(p, n); }

static void be_card_start(void *user, bool checkcode)
{
    kiosk_engine *e = user;
    kiosk_card_worker_stop(e->card, false);
    e->card = kiosk_card_worker_start(e->cards, e->mailbox, e->gen, checkcode,
                                      e->config->reader_filter, &e->card_threads);
}

static void be_card_stop(void *user)
{
    kiosk_engine *e = user;
    e->gen++;
    kiosk_card_worker_stop(g_steal_pointer(&e->card), false);
}

static void be_verify(void *user, char *secret, size_t len, bool checkcode)
{
    kiosk_engine *e = user;
    if (!e->card) {
        myna_secure_free(secret, KIOSK_SECRET_MAX);
        kiosk_mailbox_post_event(e->mailbox, e->gen, KIOSK_EV_READ_FAILED, KIOSK_P_CARD);
        return;
    }
    kiosk_card_worker_verify(e->card, secret, len, checkcode);
}

static void be_read(void *user, int procedure)
{
    kiosk_engine *e = user;
    if (!e->card) {
        kiosk_mailbox_post_event(e->mailbox, e->gen, KIOSK_EV_READ_FAILED, KIOSK_P_CARD);
        return;
    }
    /* The individual number only when a template of the procedure declares its basis. */
    const form_procedure *p = e->procedure;
    kiosk_card_worker_read(e->card, (p && (form_procedure_needs(p) & FORM_NEEDS_NUMBER))
                                        ? MYNA_READ_NUMBER
                                        : 0);
}

static void be_render(void *user)
{
    kiosk_engine *e = user;
    render_job *r = g_new0(render_job, 1);
    *r = (render_job){.e = e, .gen = e->gen, .render_gen = ++e->render_gen, .p = e->procedure};
    g_atomic_int_inc(&e->workers);
    kiosk_worker *w = kiosk_worker_start("kiosk-render", render_thread, r);
    if (!w) {
        kiosk_mailbox_post_rendered(e->mailbox, r->gen, r->render_gen, FORM_E_NOMEM, NULL, NULL);
        g_free(r);
        g_atomic_int_dec_and_test(&e->workers);
    }
    kiosk_worker_detach(w); /* joined and its stack wiped when it ends */
}

static void be_print(void *user)
{
    kiosk_engine *e = user;
    if (!e->doc) {
        kiosk_mailbox_post_event(e->mailbox, e->gen, KIOSK_EV_PRINTER_PROBLEM, KIOSK_P_INTERNAL);
        return;
    }
    kiosk_print_worker_start(e->printer, e->gen, e->procedure, e->doc, e->config->pdf_dir,
                             e->config->printer, e->config->print_timeout * 1000);
}

static void be_print_cancel(void *user)
{
    kiosk_print_worker_cancel(((kiosk_engine *)user)->printer);
}

/* From the main loop, a shallow frame: the deep frames the session used lie below it. */
static gboolean scrub_idle(gpointer data)
{
    kiosk_engine *e = data;
    e->scrub = 0;
    kiosk_stack_scrub();
    return G_SOURCE_REMOVE;
}

static void be_wipe(void *user)
{
    kiosk_engine *e = user;
    e->gen++;
    g_clear_pointer(&e->attrs, myna_attrs_free);
    kiosk_print_worker_release(e->printer, g_steal_pointer(&e->doc));
    g_clear_pointer(&e->render_diags, form_diags_free);
    g_mutex_lock(&e->values_lock);
    form_values_free(e->values); /* wipes the card attributes and every answer */
    e->values = NULL;
    form_values_new(&e->values);
    g_mutex_unlock(&e->values_lock);
    if (e->hooks.wiped)
        e->hooks.wiped(e->hooks.user);
    if (!e->scrub)
        e->scrub = g_idle_add(scrub_idle, e);
}

void kiosk_engine_backend(kiosk_engine *e, kiosk_backend *be)
{
    *be = (kiosk_backend){
        .user = e, .secure_alloc = be_alloc, .secure_free = be_free,
        .card_start = be_card_start, .card_stop = be_card_stop, .verify = be_verify,
        .read = be_read, .render = be_render, .print = be_print,
        .print_cancel = be_print_cancel, .wipe = be_wipe,
    };
}

/* ---- engine life cycle --------------------------------------------------------------------- */

kiosk_engine *kiosk_engine_new(const kiosk_config *config, kiosk_card_source *cards,
                               const kiosk_engine_hooks *hooks)
{
    kiosk_engine *e = g_new0(kiosk_engine, 1);
    e->config = config;
    e->cards = cards;
    if (hooks)
        e->hooks = *hooks;
    g_mutex_init(&e->values_lock);
    e->mailbox = kiosk_mailbox_new(deliver, e);
    e->printer = kiosk_print_worker_new(e->mailbox);
    if (form_values_new(&e->values) != FORM_OK) {
        kiosk_engine_free(e);
        return NULL;
    }
    kiosk_engine_reload(e, TRUE);
    return e;
}

/* Wait up to ms for *counter to reach 0. */
static gboolean wait_zero(gint *counter, int ms)
{
    for (int i = 0; i < ms / 10 && g_atomic_int_get(counter) > 0; i++)
        g_usleep(10000);
    return g_atomic_int_get(counter) == 0;
}

void kiosk_engine_free(kiosk_engine *e)
{
    if (!e)
        return;
    kiosk_card_worker_stop(g_steal_pointer(&e->card), true);
    /* Earlier sessions' threads end within a poll period unless a transmit hangs. */
    wait_zero(&e->card_threads, 2000);
    /* Render and test-page threads read the values and the catalogue. */
    wait_zero(&e->workers, 3000);
    be_wipe(e);
    g_clear_handle_id(&e->scrub, g_source_remove);
    kiosk_stack_scrub();
    /* Results the UI thread has not taken yet (card attributes, a rendered document) are
     * wiped now: nothing delivers them after the engine is gone. */
    kiosk_mailbox_drop(e->mailbox);
    /* A print thread stuck in CUPS gets a few seconds to end; its document is then wiped. */
    int n = 0;
    for (int i = 0; i < 300 && (n = kiosk_print_worker_inflight(e->printer)) > 0; i++)
        g_usleep(10000);
    if (n > 0) { /* the process is ending: leave what the stuck thread still uses */
        g_warning("print: a job is still stuck at exit");
        return;
    }
    if (g_atomic_int_get(&e->card_threads) > 0) { /* likewise: it still posts to e */
        g_warning("card: a reader is still stuck at exit");
        return;
    }
    if (g_atomic_int_get(&e->workers) > 0) { /* likewise: it reads the catalogue */
        g_warning("render or test page still running at exit");
        return;
    }
    form_values_free(e->values);
    form_catalog_free(e->catalog);
    form_diags_free(e->catalog_diags);
    g_free(e->catalog_error);
    kiosk_print_worker_free(e->printer);
    kiosk_mailbox_free(e->mailbox); /* none can come any more */
    g_mutex_clear(&e->values_lock);
    g_free(e);
}

/* ---- catalogue ------------------------------------------------------------------------------ */

gboolean kiosk_engine_reload(kiosk_engine *e, gboolean force)
{
    if (g_atomic_int_get(&e->workers) > 0)
        return FALSE; /* a render or test page still reads the catalogue: next time */
    const char *dir = e->config->template_dir;
    char fp[65] = "";
    if (form_catalog_fingerprint(dir, fp) != FORM_OK)
        fp[0] = 0;
    if (!force && e->catalog && strcmp(fp, e->fingerprint) == 0)
        return FALSE;
    const char *key = e->config->require_signed && e->config->public_key &&
                              *e->config->public_key
                          ? e->config->public_key
                          : NULL;
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err err = form_catalog_load(dir, key, &cat, &diags);
    if (err != FORM_OK) {
        /* Keep the catalogue we have: a broken update never takes the kiosk down. */
        g_free(e->catalog_error);
        e->catalog_error = g_strdup_printf("%s: %s", form_err_name(err), form_strerror(err));
        form_diags_free(diags);
        form_catalog_free(cat);
        memcpy(e->fingerprint, fp, sizeof fp);
        g_warning("templates: reload failed (%s)", form_err_name(err));
        return FALSE;
    }
    g_clear_pointer(&e->catalog_error, g_free);
    form_catalog_free(e->catalog);
    form_diags_free(e->catalog_diags);
    e->catalog = cat;
    e->catalog_diags = diags;
    memcpy(e->fingerprint, fp, sizeof fp);
    g_message("templates: %zu procedures loaded, %zu problems",
              form_catalog_procedure_count(cat), form_diags_count(diags));
    return TRUE;
}

const form_catalog *kiosk_engine_catalog(const kiosk_engine *e) { return e->catalog; }
const form_diags *kiosk_engine_catalog_diags(const kiosk_engine *e) { return e->catalog_diags; }
char *kiosk_engine_catalog_error(const kiosk_engine *e) { return g_strdup(e->catalog_error); }

/* ---- procedure and answers ------------------------------------------------------------------ */

void kiosk_engine_set_procedure(kiosk_engine *e, const form_procedure *p)
{
    g_mutex_lock(&e->values_lock);
    for (size_t i = 0; e->procedure && i < form_procedure_question_count(e->procedure); i++)
        form_values_set_answer(e->values,
                               form_question_id(form_procedure_question(e->procedure, i)), NULL);
    g_mutex_unlock(&e->values_lock);
    e->procedure = p;
}

const form_procedure *kiosk_engine_procedure(const kiosk_engine *e) { return e->procedure; }

static gboolean of_procedure(const kiosk_engine *e, const form_question *q)
{
    for (size_t i = 0; e->procedure && i < form_procedure_question_count(e->procedure); i++)
        if (form_procedure_question(e->procedure, i) == q)
            return TRUE;
    return FALSE;
}

gboolean kiosk_engine_answer(kiosk_engine *e, const form_question *q, const char *value,
                             const char *lang, const char **why)
{
    *why = NULL;
    if (!q || !value || !of_procedure(e, q))
        return FALSE;
    if (form_question_validate(q, value, lang, why) != FORM_OK)
        return FALSE;
    g_mutex_lock(&e->values_lock);
    form_err err = form_values_set_answer(e->values, form_question_id(q), value);
    g_mutex_unlock(&e->values_lock);
    return err == FORM_OK;
}

const char *kiosk_engine_answer_get(const kiosk_engine *e, const form_question *q)
{
    /* Only the UI thread writes the values: reading here needs no lock. */
    return of_procedure(e, q) ? form_values_answer(e->values, form_question_id(q)) : NULL;
}

const myna_attrs *kiosk_engine_attrs(const kiosk_engine *e) { return e->attrs; }
const form_doc *kiosk_engine_doc(const kiosk_engine *e) { return e->doc; }
const form_diags *kiosk_engine_render_diags(const kiosk_engine *e) { return e->render_diags; }
const char *kiosk_engine_last_pdf(const kiosk_engine *e)
{
    return kiosk_print_worker_last_pdf(e->printer);
}
unsigned kiosk_engine_apdus(const kiosk_engine *e) { return e->apdus; }

/* ---- staff ---------------------------------------------------------------------------------- */

form_err kiosk_engine_printer_state(kiosk_engine *e, char *reason, size_t cap)
{
    if (e->config->pdf_dir && *e->config->pdf_dir) {
        g_strlcpy(reason, "pdf-dir", cap);
        return FORM_OK;
    }
    const char *pr = e->config->printer;
    return form_printer_state(pr && *pr ? pr : NULL, reason, cap);
}

gboolean kiosk_engine_test_page(kiosk_engine *e)
{
    if (!e->catalog || form_catalog_procedure_count(e->catalog) == 0)
        return FALSE;
    kiosk_testpage_start(form_catalog_procedure(e->catalog, 0), e->config->printer,
                         e->config->pdf_dir, e->mailbox, &e->workers);
    return TRUE;
}
