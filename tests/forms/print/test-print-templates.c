/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-print-templates.c — every shipped template, rendered with fictional residents
 * (tests/profiles/NAME.json), printed through the private cupsd's cups-pdf queue: the printed PDF
 * has the pages of the rendered one and looks the same; afterwards the spool holds no document
 * and no control file or page_log line holds the resident's name or address.
 *
 *   with-cupsd.sh test-print-templates TEMPLATES_DIR PROFILE.json...
 *
 * With KAKANAI_PRINT_KEEP=DIR the rendered and the printed PDF of each template are kept there
 * (TEMPLATE-PROFILE-rendered.pdf, -printed.pdf) to look at.
 */
#include <json-c/json.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "form-fixture.h"

#include "form-print-private.h"
#include "print-util.h"

#define PDF_Q "kakanai-pdf"

/* Largest ink difference of a 16 × 16 tile (0..255) between the rendered and the printed
 * page, pixels that a one-pixel shift explains left out (print-util.h). Measured over the 14
 * shipped templates × 3 residents: a faithful print ≤ 9.1 (Ghostscript's re-distilled glyphs
 * anti-alias a little differently), page mean ≤ 1.12, far pixels ≤ 0.06 %; the same form with
 * another resident's name and address ≥ 20.5. Counted pixel by pixel without that tolerance, a
 * rule rounded to the neighbouring pixel row failed the forms with many rules (mean 4.9, 2.4 %
 * far, a tile 14.8) though the pages looked the same. */
#define MAX_TILE_DIFF 12.0

static const char *g_templates;
static char **g_profiles;
static int g_nprofiles;

static void fill(form_values *v, const form_template *t, const form_procedure *proc,
                 json_object *profile)
{
    const char *number = (form_template_needs(t) & FORM_NEEDS_NUMBER)
                             ? fixture_json_str(profile, "my_number")
                             : NULL;
    assert_int_equal(form_values_set_card(v, fixture_json_str(profile, "name"),
                                          fixture_json_str(profile, "address"),
                                          fixture_json_str(profile, "birth"),
                                          fixture_json_str(profile, "sex"), number),
                     FORM_OK);
    assert_int_equal(form_values_set_today(v, FIXTURE_TODAY), FORM_OK);
    for (size_t i = 0; i < form_procedure_question_count(proc); i++) {
        const form_question *q = form_procedure_question(proc, i);
        char buf[32];
        const char *a = fixture_answer(q, buf, sizeof buf);
        const char *why = NULL;
        if (form_question_validate(q, a, "en", &why) == FORM_OK)
            assert_int_equal(form_values_set_answer(v, form_question_id(q), a), FORM_OK);
    }
}

static void keep(const char *pdf, const char *tmpl, const char *profile, const char *what)
{
    const char *dir = getenv("KAKANAI_PRINT_KEEP");
    if (dir == NULL || dir[0] == '\0')
        return;
    pu_run("cp '%s' '%s/%s-%s-%s.pdf'", pdf, dir, tmpl, profile, what);
}

/* Render, print, compare; returns the number of templates printed. */
static size_t print_catalogue(json_object *profile, const char *pname)
{
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    assert_int_equal(form_catalog_load(g_templates, NULL, &cat, &diags), FORM_OK);
    form_diags_free(diags);
    const char *name = fixture_json_str(profile, "name");
    const char *address = fixture_json_str(profile, "address");
    size_t printed = 0;
    fixture_tpl_iter it;
    fixture_tpl_iter_init(&it, cat);
    const form_procedure *proc = NULL;
    for (const form_template *t; (t = fixture_tpl_next(&it, &proc)) != NULL;) {
        form_values *v = NULL;
        assert_int_equal(form_values_new(&v), FORM_OK);
        fill(v, t, proc, profile);
        form_doc *doc = NULL;
        diags = NULL;
        form_err e = form_render(NULL, t, v, 0, &doc, &diags);
        if (e != FORM_OK) {
            for (size_t d = 0; d < form_diags_count(diags); d++)
                fprintf(stderr, "  %s: %s\n", form_template_id(t),
                        form_diags_get(diags, d)->message);
            fail_msg("%s: render: %s", form_template_id(t), form_err_name(e));
        }
        form_diags_free(diags);
        size_t len = 0;
        const uint8_t *data = form_doc_data(doc, &len);
        size_t pages = form_doc_page_count(doc);
        char in[1024], out[1024];
        snprintf(in, sizeof in, "%s/%s.pdf", pu_scratch(), form_template_id(t));
        assert_true(pu_write_file(in, data, len));

        pu_clear_out();
        long long t0 = pu_now_ms();
        e = form_print(doc, PDF_Q, 1, 60000, NULL, NULL);
        long long ms = pu_now_ms() - t0;
        form_doc_free(doc);
        form_values_free(v);
        if (e != FORM_OK)
            fail_msg("%s: print: %s", form_template_id(t), form_err_name(e));
        assert_true(pu_wait_out(1, out, sizeof out, 20000));
        /* kept before the comparison, so that a page that fails can be looked at */
        keep(in, form_template_id(t), pname, "rendered");
        keep(out, form_template_id(t), pname, "printed");
        assert_int_equal(pu_pdf_pages(out), (int)pages);
        for (size_t pg = 1; pg <= pages; pg++) {
            double mean = 999, far = 1, tile = 999;
            assert_true(pu_compare_page_tiles(in, out, (int)pg, &mean, &far, &tile));
            fprintf(stderr,
                    "  %-10s p%zu: %3zu KB, printed in %4lld ms; image difference: mean "
                    "%.2f, %.2f%% far, worst tile %.1f\n",
                    form_template_id(t), pg, len / 1024, ms, mean, far * 100, tile);
            if (mean >= 4.0 || far >= 0.02 || tile >= MAX_TILE_DIFF)
                fail_msg("%s page %zu: the printed page does not look like the rendered one",
                         form_template_id(t), pg);
        }
        unlink(in);

        /* Nothing of the resident in the spool or the logs. */
        char doc_name[256] = "";
        long long until = pu_now_ms() + 2000;
        while (pu_spool_documents(doc_name, sizeof doc_name) > 0 && pu_now_ms() < until)
            usleep(50 * 1000);
        if (pu_spool_documents(doc_name, sizeof doc_name) > 0)
            fail_msg("%s: the spool still holds %s", form_template_id(t), doc_name);
        char why[256] = "";
        size_t files = 0;
        if (!pu_spool_titles(FORM_PRINT_TITLE, name, &files, why, sizeof why) ||
            !pu_spool_titles(FORM_PRINT_TITLE, address, &files, why, sizeof why))
            fail_msg("%s: %s", form_template_id(t), why);
        size_t lines = 0;
        assert_true(pu_page_log_titles(FORM_PRINT_TITLE, name, &lines));
        assert_true(pu_page_log_titles(FORM_PRINT_TITLE, address, &lines));
        printed++;
    }
    form_catalog_free(cat);
    return printed;
}

static void every_template_prints_as_rendered_and_leaves_nothing(void **state)
{
    (void)state;
    for (int i = 0; i < g_nprofiles; i++) {
        json_object *profile = json_object_from_file(g_profiles[i]);
        assert_non_null(profile);
        const char *base =
            strrchr(g_profiles[i], '/') ? strrchr(g_profiles[i], '/') + 1 : g_profiles[i];
        char pname[128];
        snprintf(pname, sizeof pname, "%.*s", (int)strcspn(base, "."), base);
        fprintf(stderr, " profile %s\n", pname);
        size_t n = print_catalogue(profile, pname);
        json_object_put(profile);
        assert_true(n >= 1);
    }
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s TEMPLATES_DIR PROFILE.json...\n", argv[0]);
        return 2;
    }
    if (!pu_env()) {
        fprintf(stderr, "not under tests/lib/with-cupsd.sh: skipped\n");
        return 77;
    }
    g_templates = argv[1];
    g_profiles = argv + 2;
    g_nprofiles = argc - 2;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_template_prints_as_rendered_and_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
