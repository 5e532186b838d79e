/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-samples.c — sample documents. See kiosk-samples.h. */
#include "kiosk-samples.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdbool.h>

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

form_err kiosk_sample_doc(const form_procedure *p, form_doc **doc, form_diags **diags)
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

int kiosk_samples_render(const form_catalog *cat, const char *dir, const char *lang)
{
    int failures = 0;
    g_mkdir_with_parents(dir, 0755);
    for (size_t i = 0; cat && i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        form_doc *doc = NULL;
        form_diags *diags = NULL;
        form_err err = kiosk_sample_doc(p, &doc, &diags);
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
