/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-testpage.c — the staff's test page. See kiosk-testpage.h. */
#include "kiosk-testpage.h"

#include <glib/gstdio.h>

#include "kiosk-samples.h"
#include "kiosk-worker.h"

typedef struct testpage {
    const form_procedure *p;
    char *printer, *pdf_dir;
    kiosk_mailbox *mb;
    gint *running;
} testpage;

static gpointer testpage_thread(gpointer data)
{
    testpage *t = data;
    form_doc *doc = NULL;
    form_diags *diags = NULL;
    form_err err = kiosk_sample_doc(t->p, &doc, &diags);
    if (err == FORM_OK && t->pdf_dir && *t->pdf_dir) {
        size_t len = 0;
        const uint8_t *bytes = form_doc_data(doc, &len);
        g_autofree char *path = g_build_filename(t->pdf_dir, "kakanai-test-page.pdf", NULL);
        g_mkdir_with_parents(t->pdf_dir, 0700);
        if (!g_file_set_contents(path, (const char *)bytes, (gssize)len, NULL))
            err = FORM_E_IO;
    } else if (err == FORM_OK) {
        err = form_print(doc, t->printer && *t->printer ? t->printer : NULL, 1,
                         KIOSK_TESTPAGE_TIMEOUT_MS, NULL, NULL);
    }
    form_doc_free(doc);
    form_diags_free(diags);
    kiosk_mailbox_post_testpage(t->mb, err);
    gint *running = t->running;
    g_free(t->printer);
    g_free(t->pdf_dir);
    g_free(t);
    g_atomic_int_dec_and_test(running); /* the engine may be freed from here on */
    return NULL;
}

void kiosk_testpage_start(const form_procedure *p, const char *printer, const char *pdf_dir,
                          kiosk_mailbox *mb, gint *running)
{
    testpage *t = g_new0(testpage, 1);
    *t = (testpage){.p = p, .printer = g_strdup(printer), .pdf_dir = g_strdup(pdf_dir),
                    .mb = mb, .running = running};
    g_atomic_int_inc(running);
    kiosk_worker *w = kiosk_worker_start("kiosk-testpage", testpage_thread, t);
    if (!w) {
        kiosk_mailbox_post_testpage(mb, FORM_E_NOMEM);
        g_free(t->printer);
        g_free(t->pdf_dir);
        g_free(t);
        g_atomic_int_dec_and_test(running);
    }
    kiosk_worker_detach(w); /* joined and its stack wiped when it ends */
}
