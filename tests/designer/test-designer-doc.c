/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* The studio's document, GTK-free: every shipped template opens, renders for every fictional
 * resident with the real engine and rasterizes; moves and property edits change only their
 * lines and undo to the exact bytes; problems land on the object they concern; bad input is
 * refused with a clear error. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "designer-doc.h"
#include "designer-raster.h"
#include "designer-sample.h"

static const char *templates(void)
{
    const char *d = getenv("KAKANAI_TEMPLATES");
    assert_non_null(d);
    return d;
}

static char *text_of(dz_doc *d)
{
    char *t = NULL;
    assert_int_equal(form_source_text(dz_doc_source(d), &t, NULL), FORM_OK);
    return t;
}

static void test_every_template_renders_for_every_resident(void **state)
{
    (void)state;
    DIR *dir = opendir(templates());
    assert_non_null(dir);
    struct dirent *e;
    int seen = 0;
    while ((e = readdir(dir)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".form") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", templates(), e->d_name);
        dz_doc *d = NULL;
        assert_int_equal(dz_doc_open(path, &d, NULL), DZ_OK);
        assert_true(dz_doc_object_count(d) > 10);
        for (size_t r = 0; r < dz_sample_count(); r++) {
            dz_err err = dz_doc_render(d, r);
            if (err != DZ_OK)
                fprintf(stderr, "%s resident %zu: %s: %s\n", e->d_name, r, dz_strerror(err),
                        dz_doc_problem_count(d) ? dz_doc_problem(d, 0, NULL, NULL, NULL) : "");
            assert_int_equal(err, DZ_OK);
            size_t len = 0;
            const uint8_t *pdf = dz_doc_pdf(d, &len);
            assert_non_null(pdf);
            assert_true(len > 1000);
            cairo_surface_t *page = dz_raster_page(pdf, len, 2);
            assert_non_null(page);
            /* something is drawn: not every pixel white */
            cairo_surface_flush(page);
            const unsigned char *px = cairo_image_surface_get_data(page);
            int stride = cairo_image_surface_get_stride(page), h = cairo_image_surface_get_height(page);
            size_t dark = 0;
            for (int y = 0; y < h; y++)
                for (int x = 0; x < cairo_image_surface_get_width(page); x++)
                    dark += px[y * stride + 4 * x + 1] < 128;
            assert_true(dark > 500);
            cairo_surface_destroy(page);
        }
        dz_doc_free(d);
        seen++;
    }
    closedir(dir);
    assert_true(seen >= 5);
}

static dz_doc *open_inkan(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/inkan.form", templates());
    dz_doc *d = NULL;
    assert_int_equal(dz_doc_open(path, &d, NULL), DZ_OK);
    return d;
}

static size_t find(dz_doc *d, const char *kind, const char *name)
{
    size_t n = dz_doc_object_count(d);
    for (size_t i = 0; i < n; i++) {
        dz_object o;
        assert_true(dz_doc_object(d, i, &o));
        if (strcmp(o.kind, kind) == 0 && (name == NULL || strcmp(o.name, name) == 0))
            return i;
    }
    fail_msg("no [%s %s]", kind, name ? name : "");
    return 0;
}

static void test_moves_and_edits_undo_to_the_exact_bytes(void **state)
{
    (void)state;
    dz_doc *d = open_inkan();
    char *orig = text_of(d);
    size_t f = find(d, "field", "name");
    dz_object o;
    assert_true(dz_doc_object(d, f, &o));
    assert_int_equal(dz_doc_set_geometry(d, f, o.x + 2.5, o.y, o.w, o.h), DZ_OK);
    assert_int_equal(dz_doc_set(d, f, "size", "12"), DZ_OK);
    size_t l = find(d, "line", NULL);
    dz_object lo;
    assert_true(dz_doc_object(d, l, &lo));
    assert_int_equal(lo.shape, DZ_SHAPE_LINE);
    assert_int_equal(dz_doc_set_geometry(d, l, lo.x + 1, lo.y, lo.w, lo.h), DZ_OK);
    assert_true(dz_doc_modified(d));
    assert_int_equal(dz_doc_render(d, 0), DZ_OK);
    char *t = text_of(d);
    assert_string_not_equal(t, orig);
    free(t);
    assert_true(dz_doc_undo(d));
    assert_true(dz_doc_undo(d));
    assert_true(dz_doc_undo(d));
    assert_false(dz_doc_undo(d));
    t = text_of(d);
    assert_string_equal(t, orig);
    free(t);
    assert_false(dz_doc_modified(d));
    free(orig);
    dz_doc_free(d);
    dz_doc_free(NULL);
}

static void test_a_problem_lands_on_its_object(void **state)
{
    (void)state;
    dz_doc *d = open_inkan();
    assert_int_equal(dz_doc_render(d, 0), DZ_OK);
    size_t before = dz_doc_problem_count(d);
    size_t f = find(d, "field", "name");
    /* an unknown value stops the engine, and the problem points at the field */
    assert_int_equal(dz_doc_set(d, f, "value", "{card.nonexistent}"), DZ_OK);
    assert_int_equal(dz_doc_render(d, 0), DZ_E_RENDER);
    assert_true(dz_doc_problem_count(d) > before);
    size_t obj = (size_t)-1;
    int line = 0;
    bool found = false;
    for (size_t k = 0; k < dz_doc_problem_count(d); k++) {
        assert_non_null(dz_doc_problem(d, k, NULL, &line, &obj));
        found |= obj == f;
    }
    assert_true(found);
    dz_object o;
    assert_true(dz_doc_object(d, f, &o));
    assert_true(o.problems > 0);
    assert_true(dz_doc_undo(d));
    assert_int_equal(dz_doc_render(d, 0), DZ_OK);
    dz_doc_free(d);
}

/* A city's PDF (here the blank 住民票 application, as a city would print it) imported in the
 * studio: fields proposed, the page's rules kept as guides to snap to, a preview renders. */
static void test_import_a_city_pdf(void **state)
{
    (void)state;
    form_catalog *cat = NULL;
    assert_int_equal(form_catalog_load(templates(), NULL, &cat, NULL), FORM_OK);
    const form_template *t = form_catalog_template(cat, "juminhyo");
    assert_non_null(t);
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    form_doc *blank = NULL;
    assert_int_equal(form_render(NULL, t, v, FORM_RENDER_BLANK, &blank, NULL), FORM_OK);
    char dir[] = "/tmp/kakanai-dz-import-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char pdf[256], form[300], out_dir[256];
    snprintf(pdf, sizeof pdf, "%s/city.pdf", dir);
    snprintf(out_dir, sizeof out_dir, "%s/tpl", dir);
    assert_int_equal(mkdir(out_dir, 0700), 0);
    snprintf(form, sizeof form, "%s/city.form", out_dir);
    size_t len = 0;
    const uint8_t *bytes = form_doc_data(blank, &len);
    FILE *f = fopen(pdf, "wb");
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    dz_doc *d = NULL;
    char why[256];
    assert_int_equal(dz_doc_import(pdf, form, &d, why, sizeof why), DZ_OK);
    assert_true(dz_doc_object_count(d) >= 8);
    assert_true(dz_doc_guide_count(d) > 20); /* the rules of the city's page */
    double seg[4];
    assert_true(dz_doc_guide(d, 0, seg));
    assert_true(seg[0] == seg[2] || seg[1] == seg[3]);
    assert_int_equal(dz_doc_render(d, 2), DZ_OK);
    assert_int_equal(dz_doc_save(d, NULL), DZ_OK);
    dz_doc_free(d);
    /* a broken file is refused with a sentence, nothing is written */
    f = fopen(pdf, "wb");
    fputs("%PDF-1.7\nnot really\n", f);
    fclose(f);
    char bad_form[320];
    snprintf(bad_form, sizeof bad_form, "%s/bad.form", out_dir);
    assert_int_equal(dz_doc_import(pdf, bad_form, &d, why, sizeof why), DZ_E_IMPORT);
    assert_null(d);
    assert_true(why[0] != '\0');
    assert_int_equal(access(bad_form, F_OK), -1);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    form_doc_free(blank);
    form_values_free(v);
    form_catalog_free(cat);
}

static void test_bad_input(void **state)
{
    (void)state;
    dz_doc *d = NULL;
    assert_int_equal(dz_doc_open("/nonexistent/a.form", &d, NULL), DZ_E_IO);
    char dir[] = "/tmp/kakanai-dz-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/bad.form", dir);
    FILE *f = fopen(path, "wb");
    fwrite("[form]\nid = x\xff\n", 1, 15, f);
    fclose(f);
    int bad = 0;
    assert_int_equal(dz_doc_open(path, &d, &bad), DZ_E_SYNTAX);
    assert_int_equal(bad, 2);
    /* a syntactically broken template opens, and the render says why instead of crashing */
    f = fopen(path, "wb");
    fputs("[form]\nid = x\n[field a]\nbox = 1 2\nvalue = {card.name\n", f);
    fclose(f);
    assert_int_equal(dz_doc_open(path, &d, NULL), DZ_OK);
    assert_int_equal(dz_doc_render(d, 0), DZ_E_RENDER);
    assert_true(dz_doc_problem_count(d) > 0);
    assert_null(dz_doc_pdf(d, NULL));
    assert_int_equal(dz_doc_render(d, 99), DZ_E_ARG);
    assert_int_equal(dz_doc_set_geometry(d, 999, 0, 0, 1, 1), DZ_E_ARG);
    assert_null(dz_raster_page((const uint8_t *)"not a pdf", 9, 4));
    dz_doc_free(d);
    unlink(path);
    rmdir(dir);
    assert_string_equal(dz_strerror(DZ_E_IO), "the file could not be read or written");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_template_renders_for_every_resident),
        cmocka_unit_test(test_moves_and_edits_undo_to_the_exact_bytes),
        cmocka_unit_test(test_a_problem_lands_on_its_object),
        cmocka_unit_test(test_import_a_city_pdf),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
