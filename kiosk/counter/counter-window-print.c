/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-window-print.c — the visit's documents: rendered on a worker thread from a snapshot
 * (counter_batch), shown to staff and to the resident, printed in guide order on a worker
 * thread, and cancelled and purged when the visit ends first. See counter-window.h.
 */
#include "counter-window-private.h"
#include "kiosk-worker.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* ---- render ---------------------------------------------------------------------------- */

typedef struct render_task {
    CounterWindow *win; /* a reference */
    counter_batch *b;
    guint serial;
    counter_err err;
    const char *failed; /* a procedure id (catalogue) */
    double ms;
} render_task;

static gpointer render_thread(gpointer data)
{
    render_task *t = data;
    gint64 t0 = g_get_monotonic_time();
    t->err = counter_batch_render(t->b, 0, &t->failed, NULL);
    t->ms = (double)(g_get_monotonic_time() - t0) / 1000.0;
    return NULL;
}

static gboolean render_done(gpointer data)
{
    render_task *t = data;
    CounterWindow *self = t->win;
    if (t->serial != self->render_serial || !self->visit ||
        counter_batch_generation(t->b) != counter_visit_generation(self->visit)) {
        counter_batch_free(t->b); /* overtaken or wiped: dropped unseen */
    } else if (t->err != COUNTER_OK) {
        self->rendering = FALSE;
        const form_procedure *p = t->failed ? form_catalog_find(self->cat, t->failed) : NULL;
        g_autofree char *msg = g_strdup_printf(
            _("%s could not be made: a value does not fit or a character cannot be printed. "
              "Check the answers."),
            p ? form_text_get(form_procedure_title(p), self->lang) : _("A form"));
        counter_batch_free(t->b);
        counter_preview_screen_set_busy(self->preview, FALSE, msg);
    } else {
        self->rendering = FALSE;
        counter_batch_free(self->batch);
        self->batch = t->b;
        self->render_ms = t->ms;
        self->forms = (unsigned)counter_batch_doc_count(t->b);
        counter_pages_set_batch(counter_preview_screen_pages(self->preview), t->b, self->lang);
        counter_pages_set_batch(counter_resident_window_pages(self->resident), t->b, "ja");
        counter_resident_window_show(self->resident, "preview");
        counter_resident_window_set_note(self->resident,
                                         _("Please check your forms with the staff."));
        g_autofree char *sum = g_strdup_printf(
            _("%u documents, %zu pages (every form and the guide sheet). Check them with the "
              "resident."),
            self->forms, counter_batch_page_count(t->b));
        counter_preview_screen_set_busy(self->preview, FALSE, sum);
    }
    g_object_unref(t->win);
    g_free(t);
    return G_SOURCE_REMOVE;
}

static gpointer render_worker(gpointer data)
{
    render_thread(data);
    g_idle_add(render_done, data);
    return NULL;
}

void counter_window_render(CounterWindow *self)
{
    counter_batch *b = NULL;
    g_autofree char *reception = g_strdup_printf("%04u", self->reception + 1);
    counter_err err = counter_batch_new(self->visit, reception, self->lang, &b);
    if (err != COUNTER_OK) {
        counter_preview_screen_set_busy(self->preview, FALSE,
                                        err == COUNTER_E_NO_PROCEDURE
                                            ? _("No procedure was chosen.")
                                            : _("The forms could not be prepared."));
        return;
    }
    counter_batch_free(self->batch);
    self->batch = NULL;
    counter_pages_wipe(counter_preview_screen_pages(self->preview));
    counter_preview_screen_set_busy(self->preview, TRUE, _("Making every form…"));
    render_task *t = g_new0(render_task, 1);
    t->win = g_object_ref(self);
    t->b = b;
    t->serial = ++self->render_serial;
    self->rendering = TRUE;
    /* on a stack the kiosk owns, wiped once the thread ended (kiosk-worker.h) */
    kiosk_worker *w = kiosk_worker_start("counter-render", render_worker, t);
    if (w) {
        kiosk_worker_detach(w);
    } else {
        t->err = COUNTER_E_NOMEM;
        g_idle_add(render_done, t);
    }
}

/* ---- print ------------------------------------------------------------------------------ */

struct print_task {
    CounterWindow *win; /* a reference, until the task ends */
    counter_batch *b;   /* owned: freed (wiped) when the task ends */
    char *printer, *pdf_dir;
    int timeout_ms;
    gint cancelled;     /* the visit ended: every job is cancelled and purged */
    double accepted_ms;
    form_err first_err;
    counter_err err;
};

typedef struct job_note {
    CounterWindow *win;
    print_task *task;
    size_t doc;
    counter_job_event ev;
    form_err err;
} job_note;

static gboolean job_note_show(gpointer data)
{
    job_note *n = data;
    CounterWindow *self = n->win;
    if (self->printing == n->task) {
        const char *state = n->ev == COUNTER_JOB_ACCEPTED   ? _("accepted by the printer")
                            : n->ev == COUNTER_JOB_PRINTING ? _("printing")
                            : n->ev == COUNTER_JOB_DONE     ? _("printed")
                                                            : form_strerror(n->err);
        counter_done_screen_set_job(self->done, n->doc, state);
    }
    g_object_unref(n->win);
    g_free(n);
    return G_SOURCE_REMOVE;
}

static bool on_job(void *user, size_t doc, counter_job_event ev, form_err err, const char *reason)
{
    print_task *t = user;
    job_note *n = g_new0(job_note, 1);
    n->win = g_object_ref(t->win);
    n->task = t;
    n->doc = doc;
    n->ev = ev;
    n->err = err;
    g_idle_add(job_note_show, n);
    return !g_atomic_int_get(&t->cancelled);
}

/* Demonstration mode (pdf-dir): each document into a file of its own, 0600. */
static counter_err write_pdfs(print_task *t)
{
    for (size_t i = 0; i < counter_batch_doc_count(t->b); i++) {
        size_t len = 0;
        const uint8_t *pdf = form_doc_data(counter_batch_doc(t->b, i), &len);
        const form_procedure *p = counter_batch_doc_procedure(t->b, i);
        g_autofree char *name = g_strdup_printf("counter-%02zu-%s.pdf", i + 1,
                                                p ? form_procedure_id(p) : "annai");
        g_autofree char *path = g_build_filename(t->pdf_dir, name, NULL);
        g_mkdir_with_parents(t->pdf_dir, 0700);
        int fd = g_open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        gboolean ok = fd >= 0 && write(fd, pdf, len) == (ssize_t)len;
        if (fd >= 0)
            close(fd);
        if (!ok)
            return COUNTER_E_IO;
        on_job(t, i, COUNTER_JOB_ACCEPTED, FORM_OK, NULL);
        on_job(t, i, COUNTER_JOB_DONE, FORM_OK, NULL);
    }
    t->accepted_ms = 0;
    return COUNTER_OK;
}

static gboolean print_done(gpointer data)
{
    print_task *t = data;
    CounterWindow *self = t->win;
    if (self->printing == t) {
        self->printing = NULL;
        unsigned n = (unsigned)counter_batch_doc_count(t->b);
        self->accepted_ms = t->accepted_ms;
        if (t->err == COUNTER_OK) {
            self->printed = n;
            self->reception++;
            counter_done_screen_set_summary(self->done, _("Every form and the guide sheet are "
                                                          "printed."));
            counter_resident_window_show(self->resident, "thanks");
        } else {
            self->failed = n;
            g_autofree char *msg = g_strdup_printf(
                _("Printing failed (%s). Nothing is left in the queue: fix the printer, then "
                  "go back and print again."),
                form_strerror(t->first_err));
            counter_done_screen_set_summary(self->done, msg);
        }
    }
    counter_batch_free(t->b);
    g_free(t->printer);
    g_free(t->pdf_dir);
    g_atomic_int_dec_and_test(&self->print_threads);
    g_object_unref(self);
    g_free(t);
    return G_SOURCE_REMOVE;
}

static gpointer print_thread(gpointer data)
{
    print_task *t = data;
    if (t->pdf_dir)
        t->err = write_pdfs(t);
    else
        t->err = counter_batch_print(t->b, t->printer, t->timeout_ms, on_job, t, &t->cancelled,
                                     &t->accepted_ms, &t->first_err);
    g_idle_add(print_done, t);
    return NULL;
}

void counter_window_print(CounterWindow *self)
{
    if (!self->batch || self->printing)
        return;
    print_task *t = g_new0(print_task, 1);
    t->win = g_object_ref(self);
    t->b = self->batch; /* the task owns the documents now */
    self->batch = NULL;
    t->printer = self->config->printer && *self->config->printer ? g_strdup(self->config->printer)
                                                                 : NULL;
    t->pdf_dir = self->config->pdf_dir && *self->config->pdf_dir ? g_strdup(self->config->pdf_dir)
                                                                 : NULL;
    t->timeout_ms = self->config->print_timeout > 0 ? self->config->print_timeout * 1000 : 30000;
    self->printing = t;
    size_t n = counter_batch_doc_count(t->b);
    const char **titles = g_new0(const char *, n + 1);
    for (size_t i = 0; i < n; i++) {
        const form_procedure *p = counter_batch_doc_procedure(t->b, i);
        titles[i] = p ? form_text_get(form_procedure_title(p), self->lang)
                      : _("Procedure guide (手続き案内票)");
    }
    counter_done_screen_set_jobs(self->done, titles, n);
    g_free(titles);
    counter_done_screen_set_summary(self->done, _("Printing…"));
    counter_pages_wipe(counter_preview_screen_pages(self->preview));
    counter_window_go(self, "done");
    g_atomic_int_inc(&self->print_threads);
    kiosk_worker *w = kiosk_worker_start("counter-print", print_thread, t);
    if (w) {
        kiosk_worker_detach(w);
    } else {
        t->err = COUNTER_E_NOMEM;
        t->first_err = FORM_E_NOMEM;
        g_idle_add(print_done, t);
    }
}

void counter_window_print_drop(CounterWindow *self)
{
    self->render_serial++; /* a render still running is dropped on arrival */
    self->rendering = FALSE;
    counter_batch_free(self->batch);
    self->batch = NULL;
    if (self->printing) {
        g_atomic_int_set(&self->printing->cancelled, 1);
        self->printing = NULL; /* its end frees its documents */
    }
}
