/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-batch.c — render and print a whole visit. See counter-batch.h. */
#include "counter-batch.h"

#include <glib.h>
#include "kiosk-worker.h"
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

struct counter_batch {
    const form_catalog *cat;
    unsigned gen;
    form_values *values;
    const form_procedure *guide[COUNTER_PROCEDURES_MAX]; /* route order */
    /* guide[i]'s own values when staff left members off its forms (else NULL: values) */
    form_values *own[COUNTER_PROCEDURES_MAX];
    size_t nguide;
    const form_text *note[COUNTER_NOTES_MAX]; /* the navigation's notes (catalogue texts) */
    size_t nnotes;
    char lang[8];
    form_doc *doc[COUNTER_DOCS_MAX];
    const form_procedure *doc_proc[COUNTER_DOCS_MAX];
    size_t ndocs;
    bool has_guide;
};

static int by_guide_order(const void *a, const void *b)
{
    const form_procedure *pa = *(const form_procedure *const *)a;
    const form_procedure *pb = *(const form_procedure *const *)b;
    long oa = form_procedure_guide(pa)->order, ob = form_procedure_guide(pb)->order;
    return (oa > ob) - (oa < ob);
}

static form_err set_guide_text(form_values *fv, unsigned n, const char *field,
                               const form_text *t, const char *lang)
{
    const char *s = form_text_get(t, lang);
    return form_values_set_guide(fv, n, field, s && *s ? s : NULL);
}

/* Rows first .. first + rows - 1 of the guide sheet into guide.1 .. guide.<rows>: the
 * procedures in route order, then the navigation's notes; rows past the end are cleared. */
static form_err set_guide_page(counter_batch *b, size_t first, size_t rows)
{
    form_err err = FORM_OK;
    bool en = strcmp(b->lang, "en") == 0;
    for (size_t r = 0; err == FORM_OK && r < rows; r++) {
        size_t k = first + r;
        unsigned row = (unsigned)r + 1;
        char num[24];
        snprintf(num, sizeof num, "%zu", k + 1);
        const form_procedure *p = k < b->nguide ? b->guide[k] : NULL;
        const form_text *note = !p && k - b->nguide < b->nnotes ? b->note[k - b->nguide] : NULL;
        const form_guide *g = p ? form_procedure_guide(p) : NULL;
        err = form_values_set_guide(b->values, row, "num", p || note ? num : NULL);
        if (err == FORM_OK)
            err = p ? set_guide_text(b->values, row, "title", form_procedure_title(p), b->lang)
                    : form_values_set_guide(b->values, row, "title",
                                            note ? (en ? "Note" : "ご注意") : NULL);
        if (err == FORM_OK)
            err = set_guide_text(b->values, row, "counter", g ? g->counter : NULL, b->lang);
        if (err == FORM_OK)
            err = set_guide_text(b->values, row, "bring", g ? g->bring : NULL, b->lang);
        if (err == FORM_OK)
            err = set_guide_text(b->values, row, "fee", g ? g->fee : NULL, b->lang);
        if (err == FORM_OK)
            err = set_guide_text(b->values, row, "note", g ? g->note : note, b->lang);
    }
    return err;
}

counter_err counter_batch_new(const counter_visit *v, const char *reception, const char *lang,
                              counter_batch **out)
{
    if (!out)
        return COUNTER_E_ARG;
    *out = NULL;
    if (!v || (reception && strlen(reception) > COUNTER_RECEPTION_MAX))
        return COUNTER_E_ARG;
    size_t n = counter_visit_procedure_count(v);
    if (n == 0)
        return COUNTER_E_NO_PROCEDURE;
    counter_batch *b = g_try_new0(counter_batch, 1);
    if (!b)
        return COUNTER_E_NOMEM;
    b->cat = counter_visit_catalog(v);
    b->gen = counter_visit_generation(v);
    for (size_t i = 0; i < n; i++)
        b->guide[i] = counter_visit_procedure(v, i);
    b->nguide = n;
    g_strlcpy(b->lang, lang ? lang : "ja", sizeof b->lang);
    const form_nav *nav = counter_visit_nav(v);
    for (size_t i = 0; i < form_nav_note_count(nav) && b->nnotes < COUNTER_NOTES_MAX; i++)
        b->note[b->nnotes++] = form_nav_note(nav, i);
    /* A navigation gives the route already (dependencies first); procedures picked by hand
     * go by their guide order. Stable: equal orders keep the visit's order. */
    for (size_t i = 1; !nav && i < n; i++)
        for (size_t j = i; j > 0 && by_guide_order(&b->guide[j - 1], &b->guide[j]) > 0; j--) {
            const form_procedure *t = b->guide[j];
            b->guide[j] = b->guide[j - 1];
            b->guide[j - 1] = t;
        }
    counter_err err = counter_visit_values(v, &b->values);
    form_err ferr = FORM_OK;
    if (err == COUNTER_OK && reception)
        ferr = form_values_set_reception(b->values, reception);
    for (size_t i = 0; i < n && err == COUNTER_OK && ferr == FORM_OK; i++) {
        if (form_procedure_template_count(b->guide[i]) == 0 ||
            counter_visit_procedure_all_members(v, b->guide[i]))
            continue;
        err = counter_visit_values_for(v, b->guide[i], &b->own[i]);
        if (err == COUNTER_OK && reception)
            ferr = form_values_set_reception(b->own[i], reception);
    }
    if (err == COUNTER_OK && ferr != FORM_OK)
        err = ferr == FORM_E_NOMEM ? COUNTER_E_NOMEM : COUNTER_E_ARG;
    if (err != COUNTER_OK) {
        counter_batch_free(b);
        return err;
    }
    *out = b;
    return COUNTER_OK;
}

static void drop_docs(counter_batch *b)
{
    for (size_t i = 0; i < b->ndocs; i++)
        form_doc_free(b->doc[i]);
    memset(b->doc, 0, sizeof b->doc);
    memset(b->doc_proc, 0, sizeof b->doc_proc);
    b->ndocs = 0;
    b->has_guide = false;
}

void counter_batch_free(counter_batch *b)
{
    if (!b)
        return;
    drop_docs(b);
    form_values_free(b->values);
    for (size_t i = 0; i < b->nguide; i++)
        form_values_free(b->own[i]);
    g_free(b);
}

unsigned counter_batch_generation(const counter_batch *b) { return b ? b->gen : 0; }

counter_err counter_batch_render(counter_batch *b, unsigned flags, const char **failed,
                                 form_diags **diags)
{
    if (failed)
        *failed = NULL;
    if (diags)
        *diags = NULL;
    if (!b)
        return COUNTER_E_ARG;
    drop_docs(b);
    for (size_t i = 0; i < b->nguide; i++) {
        const form_procedure *p = b->guide[i];
        if (form_procedure_template_count(p) == 0)
            continue;
        form_doc *doc = NULL;
        form_err err = form_render(p, NULL, b->own[i] ? b->own[i] : b->values, flags, &doc, diags);
        if (err != FORM_OK) {
            if (failed)
                *failed = form_procedure_id(p);
            return err == FORM_E_NOMEM ? COUNTER_E_NOMEM : COUNTER_E_RENDER;
        }
        if (diags) {
            form_diags_free(*diags);
            *diags = NULL;
        }
        b->doc_proc[b->ndocs] = p;
        b->doc[b->ndocs++] = doc;
    }
    /* The guide sheet: as many pages of annai.form as its rows need. */
    const form_template *annai = form_catalog_template(b->cat, "annai");
    size_t rows = form_template_guide_rows(annai), total = b->nguide + b->nnotes;
    for (size_t first = 0; annai && rows > 0 && first < total && b->ndocs < COUNTER_DOCS_MAX;
         first += rows) {
        form_err err = set_guide_page(b, first, rows);
        form_doc *doc = NULL;
        if (err == FORM_OK)
            err = form_render(NULL, annai, b->values, flags, &doc, diags);
        if (err != FORM_OK) {
            if (failed)
                *failed = "annai";
            return err == FORM_E_NOMEM ? COUNTER_E_NOMEM : COUNTER_E_RENDER;
        }
        if (diags) {
            form_diags_free(*diags);
            *diags = NULL;
        }
        b->doc_proc[b->ndocs] = NULL;
        b->doc[b->ndocs++] = doc;
        b->has_guide = true;
    }
    return COUNTER_OK;
}

size_t counter_batch_doc_count(const counter_batch *b) { return b ? b->ndocs : 0; }

const form_doc *counter_batch_doc(const counter_batch *b, size_t i)
{
    return b && i < b->ndocs ? b->doc[i] : NULL;
}

const form_procedure *counter_batch_doc_procedure(const counter_batch *b, size_t i)
{
    return b && i < b->ndocs ? b->doc_proc[i] : NULL;
}

size_t counter_batch_page_count(const counter_batch *b)
{
    size_t n = 0;
    for (size_t i = 0; b && i < b->ndocs; i++)
        n += form_doc_page_count(b->doc[i]);
    return n;
}

bool counter_batch_has_guide(const counter_batch *b) { return b && b->has_guide; }

size_t counter_batch_guide_count(const counter_batch *b) { return b ? b->nguide : 0; }

const form_procedure *counter_batch_guide_procedure(const counter_batch *b, size_t i)
{
    return b && i < b->nguide ? b->guide[i] : NULL;
}

/* ---- printing ---------------------------------------------------------------------------- */

typedef struct print_run print_run;

typedef struct print_job {
    print_run *run;
    size_t i;
    bool started, accepted, printing, ended;
    form_err err;
} print_job;

struct print_run {
    counter_batch *b;
    const char *printer;
    int timeout_ms;
    counter_job_fn fn;
    void *user;
    const int *cancel;
    GMutex lock;
    GCond cond;
    size_t cancel_from; /* jobs with i >= cancel_from are cancelled */
    gint64 t0, last_accepted;
    print_job job[COUNTER_DOCS_MAX];
};

/* With the run locked: tell the caller; false from it cancels everything. */
static void tell(print_run *r, size_t i, counter_job_event ev, form_err err, const char *reason)
{
    if (r->fn && !r->fn(r->user, i, ev, err, reason))
        r->cancel_from = 0;
}

static void mark_accepted(print_job *j)
{
    print_run *r = j->run;
    if (j->accepted)
        return;
    j->accepted = true;
    r->last_accepted = g_get_monotonic_time();
    tell(r, j->i, COUNTER_JOB_ACCEPTED, FORM_OK, NULL);
    g_cond_broadcast(&r->cond);
}

static bool on_progress(void *user, form_print_stage stage, const char *reason)
{
    print_job *j = user;
    print_run *r = j->run;
    g_mutex_lock(&r->lock);
    if (stage == FORM_PRINT_QUEUED || stage == FORM_PRINT_PRINTING || stage == FORM_PRINT_DONE)
        mark_accepted(j);
    if (stage == FORM_PRINT_PRINTING && !j->printing) {
        j->printing = true;
        tell(r, j->i, COUNTER_JOB_PRINTING, FORM_OK, reason);
    }
    if (r->cancel && g_atomic_int_get(r->cancel))
        r->cancel_from = 0;
    bool go = j->i < r->cancel_from;
    g_mutex_unlock(&r->lock);
    return go;
}

static gpointer print_thread(gpointer data)
{
    print_job *j = data;
    print_run *r = j->run;
    g_mutex_lock(&r->lock);
    /* Wait for the job before to be accepted (or to end): the tray keeps the guide order. */
    while (j->i > 0 && !r->job[j->i - 1].accepted && !r->job[j->i - 1].ended)
        g_cond_wait(&r->cond, &r->lock);
    if (r->cancel && g_atomic_int_get(r->cancel))
        r->cancel_from = 0;
    bool go = j->i < r->cancel_from;
    g_mutex_unlock(&r->lock);
    form_err err = go ? form_print(r->b->doc[j->i], r->printer, 1, r->timeout_ms, on_progress, j)
                      : FORM_E_PRINT_CANCELLED;
    g_mutex_lock(&r->lock);
    j->ended = true;
    j->err = err;
    if (err == FORM_OK) {
        mark_accepted(j);
        tell(r, j->i, COUNTER_JOB_DONE, FORM_OK, NULL);
    } else {
        if (r->cancel_from > j->i + 1)
            r->cancel_from = j->i + 1; /* the jobs after a failed one go too */
        tell(r, j->i, COUNTER_JOB_FAILED, err, NULL);
    }
    g_cond_broadcast(&r->cond);
    g_mutex_unlock(&r->lock);
    return NULL;
}

counter_err counter_batch_print(counter_batch *b, const char *printer, int timeout_ms,
                                counter_job_fn fn, void *user, const int *cancel,
                                double *accepted_ms, form_err *first_err)
{
    if (accepted_ms)
        *accepted_ms = -1;
    if (first_err)
        *first_err = FORM_OK;
    if (!b || b->ndocs == 0)
        return COUNTER_E_ARG;
    print_run *r = g_new0(print_run, 1);
    r->b = b;
    r->printer = printer;
    r->timeout_ms = timeout_ms;
    r->fn = fn;
    r->user = user;
    r->cancel = cancel;
    r->cancel_from = COUNTER_DOCS_MAX + 1;
    g_mutex_init(&r->lock);
    g_cond_init(&r->cond);
    r->t0 = g_get_monotonic_time();
    kiosk_worker *th[COUNTER_DOCS_MAX] = {0};
    for (size_t i = 0; i < b->ndocs; i++) {
        r->job[i].run = r;
        r->job[i].i = i;
    }
    /* each job on a stack the kiosk owns, wiped after the join (kiosk-worker.h) */
    for (size_t i = 0; i < b->ndocs; i++) {
        th[i] = kiosk_worker_start("counter-print", print_thread, &r->job[i]);
        if (!th[i]) { /* no thread: this job fails, and with it the ones after it */
            g_mutex_lock(&r->lock);
            r->job[i].ended = true;
            r->job[i].err = FORM_E_NOMEM;
            if (r->cancel_from > i)
                r->cancel_from = i;
            g_cond_broadcast(&r->cond);
            g_mutex_unlock(&r->lock);
        }
    }
    for (size_t i = 0; i < b->ndocs; i++)
        if (th[i])
            kiosk_worker_join(th[i]);
    counter_err err = COUNTER_OK;
    bool all_accepted = true;
    for (size_t i = 0; i < b->ndocs; i++) {
        all_accepted &= r->job[i].accepted;
        if (r->job[i].err != FORM_OK && err == COUNTER_OK) {
            err = COUNTER_E_PRINT;
            if (first_err)
                *first_err = r->job[i].err;
        }
    }
    if (accepted_ms && all_accepted)
        *accepted_ms = (double)(r->last_accepted - r->t0) / 1000.0;
    g_mutex_clear(&r->lock);
    g_cond_clear(&r->cond);
    g_free(r);
    return err;
}
