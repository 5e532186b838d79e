/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-print-worker.c — print threads. See kiosk-print-worker.h. */
#include "kiosk-print-worker.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "kiosk-worker.h"

struct kiosk_print_worker {
    kiosk_mailbox *mb;
    gint cancel;
    GMutex lock; /* inflight, orphans, last_pdf */
    int inflight;
    GPtrArray *orphans; /* documents released while a job may still read them */
    char *last_pdf;
};

typedef struct job {
    kiosk_print_worker *pw;
    guint gen;
    const form_procedure *p;
    const form_doc *doc;
    char *pdf_dir;
    char *printer;
    int timeout_ms;
} job;

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

static bool progress(void *user, form_print_stage stage, const char *reason)
{
    job *j = user;
    (void)reason;
    kiosk_mailbox_post_stage(j->pw->mb, j->gen, stage);
    return !g_atomic_int_get(&j->pw->cancel);
}

/* pdf dir: the PDF goes to a file (0600) instead of a printer. */
static form_err write_pdf(job *j, char **path_out)
{
    size_t len = 0;
    const uint8_t *data = form_doc_data(j->doc, &len);
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *stamp = g_date_time_format(now, "%Y%m%d-%H%M%S");
    g_autofree char *name = g_strdup_printf("kakanai-%s-%s.pdf", form_procedure_id(j->p), stamp);
    char *path = g_build_filename(j->pdf_dir, name, NULL);
    g_mkdir_with_parents(j->pdf_dir, 0700);
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
    job *j = data;
    kiosk_print_worker *pw = j->pw;
    form_err err;
    char *path = NULL;
    if (j->pdf_dir && *j->pdf_dir) {
        kiosk_mailbox_post_stage(pw->mb, j->gen, FORM_PRINT_SENDING);
        err = write_pdf(j, &path);
    } else {
        err = form_print(j->doc, (j->printer && *j->printer) ? j->printer : NULL, 1,
                         j->timeout_ms, progress, j);
    }
    if (err == FORM_OK)
        kiosk_mailbox_post_event(pw->mb, j->gen, KIOSK_EV_PRINT_OK, 0);
    else if (err != FORM_E_PRINT_CANCELLED || !g_atomic_int_get(&pw->cancel))
        /* a cancel the resident did not ask for is a printer problem, never silence */
        kiosk_mailbox_post_event(pw->mb, j->gen, KIOSK_EV_PRINTER_PROBLEM, print_problem(err));
    g_free(j->pdf_dir);
    g_free(j->printer);
    g_free(j);
    g_mutex_lock(&pw->lock);
    if (path) { /* only the path (no personal data) is kept */
        g_free(pw->last_pdf);
        pw->last_pdf = path;
    }
    if (--pw->inflight == 0)
        g_ptr_array_set_size(pw->orphans, 0); /* frees (wipes) the orphaned documents */
    g_mutex_unlock(&pw->lock); /* pw may be freed from here on */
    return NULL;
}

kiosk_print_worker *kiosk_print_worker_new(kiosk_mailbox *mb)
{
    kiosk_print_worker *pw = g_new0(kiosk_print_worker, 1);
    pw->mb = mb;
    g_mutex_init(&pw->lock);
    pw->orphans = g_ptr_array_new_with_free_func((GDestroyNotify)form_doc_free);
    return pw;
}

void kiosk_print_worker_free(kiosk_print_worker *pw)
{
    if (!pw)
        return;
    g_ptr_array_unref(pw->orphans);
    g_mutex_clear(&pw->lock);
    g_free(pw->last_pdf);
    g_free(pw);
}

void kiosk_print_worker_start(kiosk_print_worker *pw, guint gen, const form_procedure *p,
                              const form_doc *doc, const char *pdf_dir, const char *printer,
                              int timeout_ms)
{
    g_atomic_int_set(&pw->cancel, 0);
    g_mutex_lock(&pw->lock);
    pw->inflight++;
    g_mutex_unlock(&pw->lock);
    job *j = g_new0(job, 1);
    *j = (job){.pw = pw, .gen = gen, .p = p, .doc = doc, .pdf_dir = g_strdup(pdf_dir),
               .printer = g_strdup(printer), .timeout_ms = timeout_ms};
    kiosk_worker *w = kiosk_worker_start("kiosk-print", print_thread, j);
    if (!w) { /* no thread: a printer problem the resident can retry or stop */
        kiosk_mailbox_post_event(pw->mb, gen, KIOSK_EV_PRINTER_PROBLEM, KIOSK_P_INTERNAL);
        g_free(j->pdf_dir);
        g_free(j->printer);
        g_free(j);
        g_mutex_lock(&pw->lock);
        pw->inflight--;
        g_mutex_unlock(&pw->lock);
    }
    kiosk_worker_detach(w); /* joined and its stack wiped when it ends */
}

void kiosk_print_worker_cancel(kiosk_print_worker *pw) { g_atomic_int_set(&pw->cancel, 1); }

void kiosk_print_worker_release(kiosk_print_worker *pw, form_doc *doc)
{
    if (!doc)
        return;
    g_mutex_lock(&pw->lock);
    if (pw->inflight > 0)
        g_ptr_array_add(pw->orphans, doc);
    else
        form_doc_free(doc);
    g_mutex_unlock(&pw->lock);
}

int kiosk_print_worker_inflight(kiosk_print_worker *pw)
{
    g_mutex_lock(&pw->lock);
    int n = pw->inflight;
    g_mutex_unlock(&pw->lock);
    return n;
}

const char *kiosk_print_worker_last_pdf(kiosk_print_worker *pw) { return pw->last_pdf; }
