/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-backend.c — card and forms work on worker threads. See kiosk-backend.h. */
#include "kiosk-backend.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#define CARD_POLL_MS 150
#define TESTPAGE_TIMEOUT_MS 60000

typedef struct card_job card_job;

struct kiosk_engine {
    const kiosk_config *config;
    myna_vcard *vcard;
    kiosk_engine_hooks hooks;
    guint gen; /* bumped on every wipe / stop: stale results are dropped */
    guint render_gen; /* bumped on every render: only the latest one is shown and printed */

    form_catalog *catalog;
    form_diags *catalog_diags;
    char *catalog_error;
    char fingerprint[65];

    const form_procedure *procedure;
    GMutex values_lock; /* form_values is read by the render thread */
    form_values *values;
    char **answers;     /* one per question of the procedure, locked memory */
    size_t n_answers;
    myna_attrs *attrs;
    form_doc *doc;
    form_diags *render_diags;
    char *last_pdf;

    card_job *card;
    gint card_threads; /* card threads still running (stopped ones end by themselves) */
    gint workers;      /* render and test-page threads still running */
    gint print_cancel;
    GMutex print_lock;  /* prints_inflight, orphans, last_pdf */
    int prints_inflight;
    GPtrArray *orphans; /* documents wiped while a print thread may still read them */
    unsigned apdus;
    GMutex post_lock;   /* posts */
    GHashTable *posts;  /* results queued for the UI thread, not delivered yet */
};

/* ---- documents and print threads ------------------------------------------------------ */

/* Drop the engine's document: freed now, or by the last print thread still reading it (a
 * job stuck in CUPS must not keep the resident from leaving, nor read freed memory). */
static void doc_release(kiosk_engine *e)
{
    if (!e->doc)
        return;
    g_mutex_lock(&e->print_lock);
    if (e->prints_inflight > 0)
        g_ptr_array_add(e->orphans, e->doc);
    else
        form_doc_free(e->doc);
    g_mutex_unlock(&e->print_lock);
    e->doc = NULL;
}

/* ---- posting results to the UI thread ------------------------------------------------ */

typedef struct post {
    kiosk_engine *e;
    guint source; /* its idle source in the default main context */
    guint gen;
    guint render_gen; /* RENDER_OK / RENDER_FAILED: which render */
    int kind; /* 0 session event, 1 reader status, 2 print stage, 3 test page (form_err) */
    kiosk_event_type ev;
    int arg;
    myna_attrs *attrs;
    form_doc *doc;
    form_diags *diags;
    unsigned apdus;
} post;

/* The payload a post still holds is wiped with it (delivered, stale, or dropped unseen). */
static void post_free(gpointer data)
{
    post *p = data;
    myna_attrs_free(p->attrs);
    form_doc_free(p->doc);
    form_diags_free(p->diags);
    g_free(p);
}

static gboolean post_deliver(gpointer data)
{
    post *p = data;
    kiosk_engine *e = p->e;
    g_mutex_lock(&e->post_lock);
    g_hash_table_remove(e->posts, p);
    g_mutex_unlock(&e->post_lock);
    if (p->kind != 3 && p->gen != e->gen) /* its session is gone: wipe and drop */
        return G_SOURCE_REMOVE;
    bool render = p->kind == 0 && (p->ev == KIOSK_EV_RENDER_OK || p->ev == KIOSK_EV_RENDER_FAILED);
    if (render && p->render_gen != e->render_gen) /* answers changed since: a newer render */
        return G_SOURCE_REMOVE;
    if (p->apdus)
        e->apdus = p->apdus;
    if (p->attrs) {
        myna_attrs_free(e->attrs);
        e->attrs = g_steal_pointer(&p->attrs);
        g_mutex_lock(&e->values_lock);
        form_values_set_card(e->values, myna_attrs_name(e->attrs), myna_attrs_address(e->attrs),
                             myna_attrs_birth(e->attrs), myna_attrs_sex(e->attrs),
                             myna_attrs_number(e->attrs));
        g_mutex_unlock(&e->values_lock);
    }
    if (render) {
        doc_release(e);
        e->doc = p->doc;
        form_diags_free(e->render_diags);
        e->render_diags = p->diags;
        p->doc = NULL;
        p->diags = NULL;
    }
    if (p->kind == 0 && e->hooks.event)
        e->hooks.event(e->hooks.user, p->ev, p->arg);
    else if (p->kind == 1 && e->hooks.reader)
        e->hooks.reader(e->hooks.user, (kiosk_reader_status)p->arg);
    else if (p->kind == 2 && e->hooks.print_stage)
        e->hooks.print_stage(e->hooks.user, (form_print_stage)p->arg);
    else if (p->kind == 3 && e->hooks.testpage)
        e->hooks.testpage(e->hooks.user, (form_err)p->arg);
    return G_SOURCE_REMOVE;
}

/* Queue p (from any thread) for the UI thread; the engine keeps track of it until then. */
static void post_send(post *p)
{
    kiosk_engine *e = p->e;
    g_mutex_lock(&e->post_lock);
    p->source = g_idle_add_full(G_PRIORITY_DEFAULT_IDLE, post_deliver, p, post_free);
    g_hash_table_add(e->posts, p);
    g_mutex_unlock(&e->post_lock);
}

/* The engine goes away: results still queued are dropped, their payload wiped. UI thread. */
static void posts_drop(kiosk_engine *e)
{
    g_mutex_lock(&e->post_lock);
    GList *pending = g_hash_table_get_keys(e->posts);
    g_hash_table_remove_all(e->posts);
    g_mutex_unlock(&e->post_lock);
    for (GList *l = pending; l; l = l->next)
        g_source_remove(((post *)l->data)->source); /* → post_free */
    g_list_free(pending);
}

static void post_event(kiosk_engine *e, guint gen, kiosk_event_type ev, int arg)
{
    post *p = g_new0(post, 1);
    *p = (post){.e = e, .gen = gen, .kind = 0, .ev = ev, .arg = arg};
    post_send(p);
}

static void post_status(kiosk_engine *e, guint gen, int kind, int arg)
{
    post *p = g_new0(post, 1);
    *p = (post){.e = e, .gen = gen, .kind = kind, .arg = arg};
    post_send(p);
}

/* ---- the card thread ------------------------------------------------------------------- */

typedef enum { CMD_VERIFY, CMD_READ, CMD_STOP } cmd_kind;

typedef struct card_cmd {
    cmd_kind kind;
    char *secret; /* KIOSK_SECRET_MAX bytes of locked memory */
    size_t len;
    bool checkcode;
    unsigned flags;
} card_cmd;

struct card_job {
    kiosk_engine *e; /* only for posting (e outlives every job: freed after joins) */
    guint gen;
    bool checkcode;
    char *filter;
    myna_vcard *vcard;
    GAsyncQueue *cmds;
    GMutex lock;
    myna_ctx *ctx; /* under lock, for cancel */
    gboolean stop;  /* under lock */
    GThread *thread;
    gint refs;      /* the engine's and the thread's */
};

static void cmd_free(card_cmd *c)
{
    if (!c)
        return;
    if (c->secret)
        myna_secure_free(c->secret, KIOSK_SECRET_MAX);
    g_free(c);
}

static kiosk_problem card_problem(myna_err err)
{
    switch (err) {
    case MYNA_E_NO_SERVICE:
        return KIOSK_P_NO_SERVICE;
    case MYNA_E_NO_READER:
    case MYNA_E_READER:
        return KIOSK_P_NO_READER;
    case MYNA_E_NOT_MYNA:
        return KIOSK_P_NOT_MYNA;
    case MYNA_E_CARD_REMOVED:
    case MYNA_E_NO_CARD:
        return KIOSK_P_CARD_PULLED;
    case MYNA_E_PIN_BLOCKED:
        return KIOSK_P_BLOCKED;
    default:
        return KIOSK_P_CARD;
    }
}

static bool job_stopped(card_job *j)
{
    g_mutex_lock(&j->lock);
    bool s = j->stop;
    g_mutex_unlock(&j->lock);
    return s;
}

/* Wait for the card: returns the open card or NULL (stopped, or an error already posted). */
static myna_card *job_wait_card(card_job *j, myna_ctx *ctx, char **reader)
{
    kiosk_engine *e = j->e;
    myna_transport *t = NULL;
    myna_err err;
    if (j->vcard) {
        post_status(e, j->gen, 1, KIOSK_READER_WAITING);
        while (!myna_vcard_present(j->vcard)) {
            card_cmd *c = g_async_queue_timeout_pop(j->cmds, CARD_POLL_MS * 1000);
            bool stop = c && c->kind == CMD_STOP;
            cmd_free(c);
            if (stop || job_stopped(j))
                return NULL;
        }
        err = myna_vcard_transport_new(j->vcard, &t);
    } else {
        char **names = NULL;
        size_t n = 0;
        err = myna_ctx_list_readers(ctx, &names, &n);
        bool any = false;
        for (size_t i = 0; err == MYNA_OK && i < n; i++)
            if (!*j->filter || strstr(names[i], j->filter))
                any = true;
        myna_strv_free(names, n);
        if (err == MYNA_E_NO_SERVICE) {
            post_event(e, j->gen, KIOSK_EV_CARD_ERROR, KIOSK_P_NO_SERVICE);
            return NULL;
        }
        post_status(e, j->gen, 1, any ? KIOSK_READER_WAITING : KIOSK_READER_NONE);
        err = myna_ctx_wait_card(ctx, j->filter, -1, reader);
        if (err == MYNA_E_CANCELLED || job_stopped(j))
            return NULL;
        if (err != MYNA_OK) {
            post_event(e, j->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
            return NULL;
        }
        post_status(e, j->gen, 1, KIOSK_READER_CARD);
        err = myna_transport_pcsc_open(ctx, *reader, &t);
    }
    if (err != MYNA_OK) {
        post_event(e, j->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
        return NULL;
    }
    myna_card *card = NULL;
    err = myna_card_open(t, &card);
    if (err != MYNA_OK) {
        if (err == MYNA_E_TRANSPORT)
            post_status(e, j->gen, 1, KIOSK_READER_MUTE);
        post_event(e, j->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
        return NULL;
    }
    return card;
}

static bool card_still_there(card_job *j, myna_ctx *ctx, const char *reader)
{
    if (j->vcard)
        return myna_vcard_present(j->vcard);
    myna_reader_state st = MYNA_READER_ABSENT;
    if (myna_ctx_reader_state(ctx, reader, &st) != MYNA_OK)
        return false;
    return st == MYNA_READER_CARD || st == MYNA_READER_MUTE;
}

static void job_verify(card_job *j, myna_card *card, card_cmd *c)
{
    myna_err err = c->checkcode ? myna_card_verify_checkcode_b(card, c->secret, c->len)
                                : myna_card_verify_pin(card, c->secret, c->len);
    /* The PIN is not needed any more, whatever the result. */
    myna_secure_free(c->secret, KIOSK_SECRET_MAX);
    c->secret = NULL;
    kiosk_engine *e = j->e;
    switch (err) {
    case MYNA_OK:
        post_event(e, j->gen, KIOSK_EV_VERIFY_OK, 0);
        break;
    case MYNA_E_PIN_WRONG: {
        int left = myna_card_tries_left(card);
        post_event(e, j->gen, KIOSK_EV_WRONG_PIN, left > 0 ? left : 2);
        break;
    }
    case MYNA_E_PIN_LAST_TRY:
        post_event(e, j->gen, KIOSK_EV_WRONG_PIN, 1);
        break;
    case MYNA_E_PIN_BLOCKED:
        post_event(e, j->gen, KIOSK_EV_BLOCKED, 0);
        break;
    case MYNA_E_CARD_REMOVED:
    case MYNA_E_NO_CARD:
        post_event(e, j->gen, KIOSK_EV_CARD_PULLED, 0);
        break;
    default:
        post_event(e, j->gen, KIOSK_EV_READ_FAILED, card_problem(err));
        break;
    }
}

static void job_read(card_job *j, myna_card *card, card_cmd *c)
{
    myna_attrs *a = NULL;
    myna_err err = myna_card_read_attrs(card, c->flags, &a);
    if (err != MYNA_OK) {
        post_event(j->e, j->gen,
                   err == MYNA_E_CARD_REMOVED ? KIOSK_EV_CARD_PULLED : KIOSK_EV_READ_FAILED,
                   card_problem(err));
        return;
    }
    post *p = g_new0(post, 1);
    *p = (post){.e = j->e, .gen = j->gen, .kind = 0, .ev = KIOSK_EV_READ_OK, .attrs = a,
                .apdus = myna_card_apdu_count(card)};
    post_send(p);
}

static void card_job_unref(card_job *j);

static gpointer card_thread(gpointer data)
{
    card_job *j = data;
    myna_ctx *ctx = NULL;
    char *reader = NULL;
    myna_card *card = NULL;

    if (!j->vcard) {
        myna_err err = myna_ctx_new(&ctx);
        if (err != MYNA_OK) {
            post_event(j->e, j->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
            goto out;
        }
        g_mutex_lock(&j->lock);
        j->ctx = ctx;
        bool stop = j->stop;
        g_mutex_unlock(&j->lock);
        if (stop)
            goto out;
    }
    card = job_wait_card(j, ctx, &reader);
    if (!card)
        goto out;
    int tries = -1;
    myna_err err = j->checkcode ? myna_card_checkcode_b_tries(card, &tries)
                                : myna_card_pin_tries(card, &tries);
    if (err != MYNA_OK) {
        post_event(j->e, j->gen, KIOSK_EV_CARD_ERROR, card_problem(err));
        goto out;
    }
    post_event(j->e, j->gen, KIOSK_EV_CARD_PRESENT, tries);

    for (;;) {
        card_cmd *c = g_async_queue_timeout_pop(j->cmds, CARD_POLL_MS * 1000);
        if (!c) {
            if (job_stopped(j))
                break;
            if (!card_still_there(j, ctx, reader)) {
                post_event(j->e, j->gen, KIOSK_EV_CARD_PULLED, 0);
                break;
            }
            continue;
        }
        cmd_kind kind = c->kind;
        if (kind == CMD_VERIFY)
            job_verify(j, card, c);
        else if (kind == CMD_READ)
            job_read(j, card, c);
        cmd_free(c);
        if (kind == CMD_STOP)
            break;
    }
out:
    myna_card_free(card);
    free(reader);
    g_mutex_lock(&j->lock);
    j->ctx = NULL;
    g_mutex_unlock(&j->lock);
    myna_ctx_free(ctx);
    kiosk_engine *e = j->e;
    card_job_unref(j);
    g_atomic_int_dec_and_test(&e->card_threads);
    return NULL;
}

static void card_job_unref(card_job *j)
{
    if (!g_atomic_int_dec_and_test(&j->refs))
        return;
    card_cmd *c;
    while ((c = g_async_queue_try_pop(j->cmds)))
        cmd_free(c);
    g_async_queue_unref(j->cmds);
    g_mutex_clear(&j->lock);
    g_free(j->filter);
    g_free(j);
}

/* Stop the card thread: wake its wait (myna_ctx_cancel), tell it to stop, and let it end
 * on its own (it polls every CARD_POLL_MS): the UI never waits for a card that hangs in a
 * transmit. join: wait for it (only when the engine goes away). */
static void card_stop_job(kiosk_engine *e, bool join)
{
    card_job *j = e->card;
    if (!j)
        return;
    e->card = NULL;
    g_mutex_lock(&j->lock);
    j->stop = TRUE;
    if (j->ctx)
        myna_ctx_cancel(j->ctx);
    g_mutex_unlock(&j->lock);
    card_cmd *c = g_new0(card_cmd, 1);
    c->kind = CMD_STOP;
    g_async_queue_push(j->cmds, c);
    if (join)
        g_thread_join(j->thread);
    else
        g_thread_unref(j->thread);
    card_job_unref(j);
}

/* ---- the session seam -------------------------------------------------------------------- */

static void *be_alloc(void *user, size_t n) { return myna_secure_alloc(n); }
static void be_free(void *user, void *p, size_t n) { myna_secure_free(p, n); }

static void be_card_start(void *user, bool checkcode)
{
    kiosk_engine *e = user;
    card_stop_job(e, false);
    card_job *j = g_new0(card_job, 1);
    j->refs = 2; /* the engine's, the thread's */
    j->e = e;
    j->gen = e->gen;
    j->checkcode = checkcode;
    j->filter = g_strdup(e->config->reader_filter ? e->config->reader_filter : "");
    j->vcard = e->vcard;
    j->cmds = g_async_queue_new();
    g_mutex_init(&j->lock);
    e->card = j;
    post_status(e, e->gen, 1, KIOSK_READER_SEARCHING);
    g_atomic_int_inc(&e->card_threads);
    j->thread = g_thread_new("kiosk-card", card_thread, j);
}

static void be_card_stop(void *user)
{
    kiosk_engine *e = user;
    e->gen++;
    card_stop_job(e, false);
}

static void be_verify(void *user, char *secret, size_t len, bool checkcode)
{
    kiosk_engine *e = user;
    if (!e->card) {
        myna_secure_free(secret, KIOSK_SECRET_MAX);
        post_event(e, e->gen, KIOSK_EV_READ_FAILED, KIOSK_P_CARD);
        return;
    }
    card_cmd *c = g_new0(card_cmd, 1);
    *c = (card_cmd){.kind = CMD_VERIFY, .secret = secret, .len = len, .checkcode = checkcode};
    g_async_queue_push(e->card->cmds, c);
}

static unsigned read_flags(const form_procedure *p)
{
    /* The individual number only when a template of the procedure declares its basis. */
    return (p && (form_procedure_needs(p) & FORM_NEEDS_NUMBER)) ? MYNA_READ_NUMBER : 0;
}

static void be_read(void *user, int procedure)
{
    kiosk_engine *e = user;
    if (!e->card) {
        post_event(e, e->gen, KIOSK_EV_READ_FAILED, KIOSK_P_CARD);
        return;
    }
    card_cmd *c = g_new0(card_cmd, 1);
    *c = (card_cmd){.kind = CMD_READ, .flags = read_flags(e->procedure)};
    g_async_queue_push(e->card->cmds, c);
}

/* ---- render and print threads ----------------------------------------------------------- */

typedef struct work {
    kiosk_engine *e;
    guint gen;
    const form_procedure *p;
    guint render_gen;
    const form_doc *doc; /* print: owned by the engine, kept until wipe */
    char *pdf_dir;
    char *printer;
    int copies; /* sheets of the application: always 1 (the "copies" answer is printed on it) */
    int timeout_ms;
} work;

static gpointer render_thread(gpointer data)
{
    work *w = data;
    kiosk_engine *e = w->e;
    form_doc *doc = NULL;
    form_diags *diags = NULL;
    g_mutex_lock(&e->values_lock);
    form_err err = form_render(w->p, NULL, e->values, 0, &doc, &diags);
    g_mutex_unlock(&e->values_lock);
    post *p = g_new0(post, 1);
    *p = (post){.e = e, .gen = w->gen, .render_gen = w->render_gen, .kind = 0,
                .ev = err == FORM_OK ? KIOSK_EV_RENDER_OK : KIOSK_EV_RENDER_FAILED,
                .arg = KIOSK_P_FORM, .doc = err == FORM_OK ? doc : NULL, .diags = diags};
    if (err != FORM_OK)
        form_doc_free(doc);
    post_send(p);
    g_free(w);
    g_atomic_int_dec_and_test(&e->workers); /* e may be freed from here on */
    return NULL;
}

static void be_render(void *user)
{
    kiosk_engine *e = user;
    work *w = g_new0(work, 1);
    *w = (work){.e = e, .gen = e->gen, .render_gen = ++e->render_gen, .p = e->procedure};
    g_atomic_int_inc(&e->workers);
    g_thread_unref(g_thread_new("kiosk-render", render_thread, w));
}

static kiosk_problem print_problem(form_err err)
{
    switch (err) {
    case FORM_E_NO_PRINTER:
        return KIOSK_P_NO_PRINTER;
    case FORM_E_PRINTER_OFFLINE:
    case FORM_E_PRINT_TIMEOUT:
        return KIOSK_P_PRINTER_OFFLINE;
    case FORM_E_OUT_OF_PAPER:
        return KIOSK_P_OUT_OF_PAPER;
    default:
        return KIOSK_P_PRINTER;
    }
}

static bool print_progress(void *user, form_print_stage stage, const char *reason)
{
    work *w = user;
    post_status(w->e, w->gen, 2, stage);
    return !g_atomic_int_get(&w->e->print_cancel);
}

/* --pdf-dir: the PDF goes to a file (0600) instead of a printer. */
static form_err write_pdf(work *w, char **path_out)
{
    size_t len = 0;
    const uint8_t *data = form_doc_data(w->doc, &len);
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *stamp = g_date_time_format(now, "%Y%m%d-%H%M%S");
    g_autofree char *name = g_strdup_printf("kakanai-%s-%s.pdf", form_procedure_id(w->p), stamp);
    char *path = g_build_filename(w->pdf_dir, name, NULL);
    g_mkdir_with_parents(w->pdf_dir, 0700);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    bool ok = fd >= 0;
    for (size_t off = 0; ok && off < len;) {
        ssize_t n = write(fd, data + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        ok = n > 0;
        off += ok ? (size_t)n : 0;
    }
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (!ok) {
        g_free(path);
        return FORM_E_PRINT;
    }
    *path_out = path;
    return FORM_OK;
}

static gpointer print_thread(gpointer data)
{
    work *w = data;
    form_err err;
    char *path = NULL;
    if (w->pdf_dir && *w->pdf_dir) {
        post_status(w->e, w->gen, 2, FORM_PRINT_SENDING);
        err = write_pdf(w, &path);
    } else {
        err = form_print(w->doc, (w->printer && *w->printer) ? w->printer : NULL, w->copies,
                         w->timeout_ms, print_progress, w);
    }
    kiosk_engine *e = w->e;
    if (err == FORM_OK)
        post_event(e, w->gen, KIOSK_EV_PRINT_OK, 0);
    else if (err != FORM_E_PRINT_CANCELLED || !g_atomic_int_get(&e->print_cancel))
        /* a cancel the resident did not ask for is a printer problem, never silence */
        post_event(e, w->gen, KIOSK_EV_PRINTER_PROBLEM, print_problem(err));
    g_mutex_lock(&e->print_lock);
    if (path) { /* only the path (no personal data) is kept */
        g_free(e->last_pdf);
        e->last_pdf = path;
    }
    if (--e->prints_inflight == 0)
        g_ptr_array_set_size(e->orphans, 0); /* frees (wipes) the orphaned documents */
    g_mutex_unlock(&e->print_lock);
    g_free(w->pdf_dir);
    g_free(w->printer);
    g_free(w);
    return NULL;
}

static void be_print(void *user)
{
    kiosk_engine *e = user;
    if (!e->doc) {
        post_event(e, e->gen, KIOSK_EV_PRINTER_PROBLEM, KIOSK_P_INTERNAL);
        return;
    }
    g_atomic_int_set(&e->print_cancel, 0);
    g_mutex_lock(&e->print_lock);
    e->prints_inflight++;
    g_mutex_unlock(&e->print_lock);
    work *w = g_new0(work, 1);
    *w = (work){.e = e, .gen = e->gen, .p = e->procedure, .doc = e->doc,
                .pdf_dir = g_strdup(e->config->pdf_dir), .printer = g_strdup(e->config->printer),
                .copies = 1, .timeout_ms = e->config->print_timeout * 1000};
    g_thread_unref(g_thread_new("kiosk-print", print_thread, w));
}

static void be_print_cancel(void *user)
{
    kiosk_engine *e = user;
    g_atomic_int_set(&e->print_cancel, 1);
}

static void answers_clear(kiosk_engine *e)
{
    for (size_t i = 0; i < e->n_answers; i++)
        if (e->answers[i])
            myna_secure_free(e->answers[i], strlen(e->answers[i]) + 1);
    g_free(e->answers);
    e->answers = NULL;
    e->n_answers = 0;
}

static void be_wipe(void *user)
{
    kiosk_engine *e = user;
    e->gen++;
    myna_attrs_free(e->attrs);
    e->attrs = NULL;
    answers_clear(e);
    doc_release(e);
    form_diags_free(e->render_diags);
    e->render_diags = NULL;
    g_mutex_lock(&e->values_lock);
    form_values_free(e->values);
    e->values = NULL;
    form_values_new(&e->values);
    g_mutex_unlock(&e->values_lock);
    if (e->hooks.wiped)
        e->hooks.wiped(e->hooks.user);
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

/* ---- engine life cycle, catalogue ------------------------------------------------------- */

kiosk_engine *kiosk_engine_new(const kiosk_config *config, myna_vcard *vcard,
                               const kiosk_engine_hooks *hooks)
{
    kiosk_engine *e = g_new0(kiosk_engine, 1);
    e->config = config;
    e->vcard = vcard;
    if (hooks)
        e->hooks = *hooks;
    g_mutex_init(&e->values_lock);
    g_mutex_init(&e->print_lock);
    e->orphans = g_ptr_array_new_with_free_func((GDestroyNotify)form_doc_free);
    g_mutex_init(&e->post_lock);
    e->posts = g_hash_table_new(NULL, NULL);
    if (form_values_new(&e->values) != FORM_OK) {
        kiosk_engine_free(e);
        return NULL;
    }
    kiosk_engine_reload(e, TRUE);
    return e;
}

void kiosk_engine_free(kiosk_engine *e)
{
    if (!e)
        return;
    card_stop_job(e, true);
    /* Earlier sessions' threads end within a poll period unless a transmit hangs. */
    for (int i = 0; i < 200 && g_atomic_int_get(&e->card_threads) > 0; i++)
        g_usleep(10000);
    /* Render and test-page threads read the values and the catalogue. */
    for (int i = 0; i < 300 && g_atomic_int_get(&e->workers) > 0; i++)
        g_usleep(10000);
    be_wipe(e);
    /* Results the UI thread has not taken yet (card attributes, a rendered document) are
     * wiped now: nothing delivers them after the engine is gone. */
    posts_drop(e);
    /* A print thread stuck in CUPS gets a few seconds to end; its document is then wiped. */
    int n = 0;
    for (int i = 0; i < 300; i++) {
        g_mutex_lock(&e->print_lock);
        n = e->prints_inflight;
        g_mutex_unlock(&e->print_lock);
        if (n == 0)
            break;
        g_usleep(10000);
    }
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
    g_ptr_array_unref(e->orphans);
    posts_drop(e); /* none can come any more */
    g_hash_table_unref(e->posts);
    g_mutex_clear(&e->post_lock);
    g_mutex_clear(&e->print_lock);
    g_free(e->last_pdf);
    g_mutex_clear(&e->values_lock);
    g_free(e);
}

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

void kiosk_engine_set_procedure(kiosk_engine *e, const form_procedure *p)
{
    answers_clear(e);
    e->procedure = p;
    e->n_answers = p ? form_procedure_question_count(p) : 0;
    e->answers = g_new0(char *, e->n_answers + 1);
}

const form_procedure *kiosk_engine_procedure(const kiosk_engine *e) { return e->procedure; }

static size_t question_index(const kiosk_engine *e, const form_question *q)
{
    for (size_t i = 0; i < e->n_answers; i++)
        if (form_procedure_question(e->procedure, i) == q)
            return i;
    return SIZE_MAX;
}

gboolean kiosk_engine_answer(kiosk_engine *e, const form_question *q, const char *value,
                             const char *lang, const char **why)
{
    *why = NULL;
    size_t i = question_index(e, q);
    if (i == SIZE_MAX || !value)
        return FALSE;
    if (form_question_validate(q, value, lang, why) != FORM_OK)
        return FALSE;
    g_mutex_lock(&e->values_lock);
    form_err err = form_values_set_answer(e->values, form_question_id(q), value);
    g_mutex_unlock(&e->values_lock);
    if (err != FORM_OK)
        return FALSE;
    if (e->answers[i])
        myna_secure_free(e->answers[i], strlen(e->answers[i]) + 1);
    size_t n = strlen(value) + 1;
    e->answers[i] = myna_secure_alloc(n);
    if (e->answers[i])
        memcpy(e->answers[i], value, n);
    return TRUE;
}

const char *kiosk_engine_answer_get(const kiosk_engine *e, const form_question *q)
{
    size_t i = question_index(e, q);
    return i == SIZE_MAX ? NULL : e->answers[i];
}

const myna_attrs *kiosk_engine_attrs(const kiosk_engine *e) { return e->attrs; }
const form_doc *kiosk_engine_doc(const kiosk_engine *e) { return e->doc; }
const form_diags *kiosk_engine_render_diags(const kiosk_engine *e) { return e->render_diags; }
const char *kiosk_engine_last_pdf(const kiosk_engine *e) { return e->last_pdf; }
unsigned kiosk_engine_apdus(const kiosk_engine *e) { return e->apdus; }

form_err kiosk_engine_printer_state(kiosk_engine *e, char *reason, size_t cap)
{
    if (e->config->pdf_dir && *e->config->pdf_dir) {
        g_strlcpy(reason, "pdf-dir", cap);
        return FORM_OK;
    }
    const char *pr = e->config->printer;
    return form_printer_state(pr && *pr ? pr : NULL, reason, cap);
}

/* ---- sample forms without a display ----------------------------------------------------- */

static const char *sample_answer(const form_question *q)
{
    const char *d = form_question_default(q);
    if (d)
        return d;
    switch (form_question_type_of(q)) {
    case FORM_Q_CHOICE:
    case FORM_Q_MULTI:
        return form_question_choice_count(q) ? form_question_choice_value(q, 0) : "";
    case FORM_Q_YESNO:
        return "no";
    case FORM_Q_NUMBER:
        return form_question_min(q) > 1 ? "2" : "1";
    case FORM_Q_DATE:
        return "20250401";
    case FORM_Q_KANA:
        return form_question_kana(q) == FORM_KANA_HIRAGANA ? "みほん　はなこ" : "ミホン　ハナコ";
    default:
        return "見本";
    }
}

/* The sample document of a procedure: a made-up resident, clearly marked as such; never
 * real card data. The number, only for forms with a legal basis, is the fictional test
 * resident's (a valid check digit, no real person's). */
static form_err sample_doc(const form_procedure *p, form_doc **doc, form_diags **diags)
{
    form_values *v = NULL;
    form_err err = form_values_new(&v);
    if (err != FORM_OK)
        return err;
    bool number = form_procedure_needs(p) & FORM_NEEDS_NUMBER;
    form_values_set_card(v, "見本　花子", "東京都千代田区霞が関一丁目1番1号", "19800401", "2",
                         number ? "123456789018" : NULL);
    for (size_t k = 0; k < form_procedure_question_count(p); k++) {
        const form_question *q = form_procedure_question(p, k);
        form_values_set_answer(v, form_question_id(q), sample_answer(q));
    }
    err = form_render(p, NULL, v, 0, doc, diags);
    form_values_free(v);
    return err;
}

int kiosk_engine_render_samples(const form_catalog *cat, const char *dir, const char *lang)
{
    int failures = 0;
    g_mkdir_with_parents(dir, 0755);
    for (size_t i = 0; cat && i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        if (!form_procedure_offered(p, FORM_OFFER_KIOSK))
            continue; /* the counter's (offer = counter): forms staff fill, guide-only rows */
        form_doc *doc = NULL;
        form_diags *diags = NULL;
        form_err err = sample_doc(p, &doc, &diags);
        if (err == FORM_OK) {
            size_t len = 0;
            const uint8_t *data = form_doc_data(doc, &len);
            g_autofree char *name = g_strdup_printf("sample-%s.pdf", form_procedure_id(p));
            g_autofree char *path = g_build_filename(dir, name, NULL);
            if (g_file_set_contents(path, (const char *)data, (gssize)len, NULL))
                g_print("%s\n", path);
            else
                failures++;
        } else {
            g_printerr("sample %s: %s\n", form_procedure_id(p), form_strerror(err));
            for (size_t k = 0; diags && k < form_diags_count(diags); k++) {
                const form_diag *d = form_diags_get(diags, k);
                g_printerr("  %s: %s\n", d->field ? d->field : "-", d->message);
            }
            failures++;
        }
        form_doc_free(doc);
        form_diags_free(diags);
    }
    (void)lang;
    return failures;
}

/* ---- staff: test page -------------------------------------------------------------------- */

typedef struct testpage {
    kiosk_engine *e;
    const form_procedure *p;
    char *printer, *pdf_dir;
} testpage;

static gpointer testpage_thread(gpointer data)
{
    testpage *t = data;
    form_doc *doc = NULL;
    form_diags *diags = NULL;
    form_err err = sample_doc(t->p, &doc, &diags);
    if (err == FORM_OK && t->pdf_dir && *t->pdf_dir) {
        size_t len = 0;
        const uint8_t *bytes = form_doc_data(doc, &len);
        g_autofree char *path = g_build_filename(t->pdf_dir, "kakanai-test-page.pdf", NULL);
        g_mkdir_with_parents(t->pdf_dir, 0700);
        if (!g_file_set_contents(path, (const char *)bytes, (gssize)len, NULL))
            err = FORM_E_IO;
    } else if (err == FORM_OK) {
        err = form_print(doc, t->printer && *t->printer ? t->printer : NULL, 1,
                         TESTPAGE_TIMEOUT_MS, NULL, NULL);
    }
    form_doc_free(doc);
    form_diags_free(diags);
    kiosk_engine *e = t->e;
    post_status(e, 0, 3, (int)err);
    g_free(t->printer);
    g_free(t->pdf_dir);
    g_free(t);
    g_atomic_int_dec_and_test(&e->workers); /* e may be freed from here on */
    return NULL;
}

gboolean kiosk_engine_test_page(kiosk_engine *e)
{
    if (!e->catalog || form_catalog_procedure_count(e->catalog) == 0)
        return FALSE;
    testpage *t = g_new0(testpage, 1);
    t->e = e;
    t->p = form_catalog_procedure(e->catalog, 0);
    t->printer = g_strdup(e->config->printer);
    t->pdf_dir = g_strdup(e->config->pdf_dir);
    g_atomic_int_inc(&e->workers);
    g_thread_unref(g_thread_new("kiosk-testpage", testpage_thread, t));
    return TRUE;
}
