/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * bench-render.c — kakanai's side of the forms benchmark: render every shipped template with a
 * virtual card profile, warm, N times; print one JSON line per template (median and minimum ms,
 * PDF bytes, pages) and keep the last PDF in OUTDIR/<template>.kakanai.pdf for the pdfme side
 * (tests/bench/forms/pdfme-bench.mjs), which reads the same fields back from it.
 *
 *   bench-render TEMPLATES_DIR PROFILE.json OUTDIR [N]
 *
 * Answers: each question's default, else a plausible value of its type (first choice, "yes",
 * the minimum, the fixed date, a short kana text). "Today" is fixed so runs compare.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form-fixture.h"
#include "form.h"

#define MAX_RUNS 200

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void print_diags(const char *what, form_diags *d)
{
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        fprintf(stderr, "bench-render: %s: %s:%d: %s%s%s\n", what, g->file ? g->file : "-", g->line,
                g->field ? g->field : "", g->field ? ": " : "", g->message);
    }
}

/* Render template t n times; JSON line on stdout. */
static int bench_template(const form_template *t, const form_procedure *proc, json_object *profile,
                          const char *outdir, int n)
{
    form_values *v = NULL;
    if (form_values_new(&v) != FORM_OK)
        return 1;
    const char *number = (form_template_needs(t) & FORM_NEEDS_NUMBER)
                             ? fixture_json_str(profile, "my_number")
                             : NULL;
    form_err e = form_values_set_card(
        v, fixture_json_str(profile, "name"), fixture_json_str(profile, "address"),
        fixture_json_str(profile, "birth"), fixture_json_str(profile, "sex"), number);
    if (e == FORM_OK)
        e = form_values_set_today(v, FIXTURE_TODAY);
    if (e != FORM_OK) {
        fprintf(stderr, "bench-render: %s: values: %s\n", form_template_id(t), form_err_name(e));
        form_values_free(v);
        return 1;
    }
    /* Answers for the procedure's questions (form.h lists questions per procedure). */
    for (size_t i = 0; i < form_procedure_question_count(proc) && e == FORM_OK; i++) {
        const form_question *q = form_procedure_question(proc, i);
        char buf[32];
        const char *a = fixture_answer(q, buf, sizeof buf);
        const char *why = NULL;
        if (form_question_validate(q, a, "en", &why) != FORM_OK) {
            fprintf(stderr, "bench-render: %s: no valid answer for %s (%s)\n", form_template_id(t),
                    form_question_id(q), why ? why : "");
            continue;
        }
        e = form_values_set_answer(v, form_question_id(q), a);
    }
    if (e != FORM_OK) {
        fprintf(stderr, "bench-render: %s: answers: %s\n", form_template_id(t), form_err_name(e));
        form_values_free(v);
        return 1;
    }
    double ms[MAX_RUNS];
    size_t bytes = 0, pages = 0;
    form_doc *doc = NULL;
    for (int i = 0; i <= n; i++) {
        form_diags *diags = NULL;
        double t0 = now_ms();
        e = form_render(NULL, t, v, FORM_RENDER_NO_QR, &doc, &diags);
        double t1 = now_ms();
        if (e != FORM_OK) {
            fprintf(stderr, "bench-render: %s: render: %s\n", form_template_id(t),
                    form_err_name(e));
            print_diags(form_template_id(t), diags);
            form_diags_free(diags);
            form_values_free(v);
            return 1;
        }
        form_diags_free(diags);
        if (i > 0)
            ms[i - 1] = t1 - t0; /* run 0 warms caches and fonts */
        if (i < n) {
            form_doc_free(doc);
            doc = NULL;
        }
    }
    const uint8_t *data = form_doc_data(doc, &bytes);
    pages = form_doc_page_count(doc);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.kakanai.pdf", outdir, form_template_id(t));
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, bytes, f) != bytes) {
        fprintf(stderr, "bench-render: cannot write %s\n", path);
        if (f != NULL)
            fclose(f);
        form_doc_free(doc);
        form_values_free(v);
        return 1;
    }
    fclose(f);
    qsort(ms, (size_t)n, sizeof ms[0], cmp_double);
    double median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    const char *title = form_text_get(form_template_title(t), "ja");
    json_object *o = json_object_new_object();
    json_object_object_add(o, "template", json_object_new_string(form_template_id(t)));
    json_object_object_add(o, "title", json_object_new_string(title ? title : ""));
    json_object_object_add(o, "runs", json_object_new_int(n));
    json_object_object_add(o, "median_ms", json_object_new_double(median));
    json_object_object_add(o, "min_ms", json_object_new_double(ms[0]));
    json_object_object_add(o, "bytes", json_object_new_int64((int64_t)bytes));
    json_object_object_add(o, "pages", json_object_new_int64((int64_t)pages));
    json_object_object_add(o, "pdf", json_object_new_string(path));
    printf("%s\n", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
    json_object_put(o);
    form_doc_free(doc);
    form_values_free(v);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s TEMPLATES_DIR PROFILE.json OUTDIR [N]\n", argv[0]);
        return 2;
    }
    int n = argc > 4 ? (int)strtol(argv[4], NULL, 10) : 15;
    if (n < 1 || n > MAX_RUNS)
        n = 15;
    json_object *profile = json_object_from_file(argv[2]);
    if (profile == NULL) {
        fprintf(stderr, "bench-render: cannot read %s\n", argv[2]);
        return 1;
    }
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err e = form_catalog_load(argv[1], NULL, &cat, &diags);
    print_diags("catalogue", diags);
    form_diags_free(diags);
    if (e != FORM_OK) {
        fprintf(stderr, "bench-render: catalogue: %s\n", form_err_name(e));
        json_object_put(profile);
        return 1;
    }

    /* Each template once, in catalogue order; answers from its procedure's questions. */
    int rc = 0;
    fixture_tpl_iter it;
    fixture_tpl_iter_init(&it, cat);
    const form_procedure *proc = NULL;
    for (const form_template *t; (t = fixture_tpl_next(&it, &proc)) != NULL;)
        rc |= bench_template(t, proc, profile, argv[3], n);
    form_catalog_free(cat);
    json_object_put(profile);
    return rc;
}
