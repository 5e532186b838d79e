/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-bg.c — PDF backgrounds: the capped inflate (form-inflate.c), one page read into
 * kakanai's object tree (form-bg.c), and the Form XObject embedded once per document however
 * many pages draw it (form-pdf-xobject.c). Hostile files are in tests/forms/import.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "form-bg.h"
#include "form-inflate.h"
#include "form-pdf.h"
#include "form-secure.h"

/* ---- inflate ---------------------------------------------------------------------------- */

static void inflate_up_to_the_cap_and_not_one_byte_more(void **state)
{
    (void)state;
    uint8_t plain[5000], packed[6000];
    for (size_t i = 0; i < sizeof plain; i++)
        plain[i] = (uint8_t)(i % 7);
    uLongf n = sizeof packed;
    assert_int_equal(compress(packed, &n, plain, sizeof plain), Z_OK);
    uint8_t *out = NULL;
    size_t len = 0;
    assert_int_equal(form_inflate(packed, n, sizeof plain, &out, &len), FORM_OK);
    assert_int_equal(len, sizeof plain);
    assert_memory_equal(out, plain, len);
    assert_int_equal(out[len], 0); /* NUL after the data */
    free(out);
    assert_int_equal(form_inflate(packed, n, sizeof plain - 1, &out, &len), FORM_E_INPUT);
    assert_null(out);
    assert_int_equal(len, 0);
}

static void inflate_refuses_truncated_and_garbage(void **state)
{
    (void)state;
    uint8_t plain[300] = {0}, packed[400];
    uLongf n = sizeof packed;
    assert_int_equal(compress(packed, &n, plain, sizeof plain), Z_OK);
    uint8_t *out = (uint8_t *)"x";
    size_t len = 1;
    assert_int_equal(form_inflate(packed, n / 2, 1000, &out, &len), FORM_E_INPUT);
    assert_null(out);
    static const uint8_t junk[] = "not zlib at all";
    assert_int_equal(form_inflate(junk, sizeof junk, 1000, &out, &len), FORM_E_INPUT);
    assert_int_equal(form_inflate(junk, 0, 1000, &out, &len), FORM_E_INPUT);
    assert_int_equal(form_inflate(NULL, 5, 1000, &out, &len), FORM_E_ARG);
    assert_int_equal(form_inflate(junk, 5, 1000, NULL, &len), FORM_E_ARG);
}

/* ---- one page --------------------------------------------------------------------------- */

/* A small PDF (qpdf rebuilds the cross-reference table: no offsets needed) with a rotated
 * page, an inherited resource dictionary, a shared object and a form XObject. */
static const char rotated_pdf[] =
    "%PDF-1.4\n"
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /Fm0 5 0 R >>"
    " /ExtGState << /G 6 0 R /H 6 0 R >> >> >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /CropBox [10 10 842 595]"
    " /Rotate -270 /Contents 4 0 R >> endobj\n"
    "4 0 obj << /Length 21 >> stream\n0 0 m 100 0 l S /Fm0 Do\nendstream endobj\n"
    "5 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 50 50] /Length 12 >> stream\n"
    "0 0 50 50 re\nendstream endobj\n"
    "6 0 obj << /Type /ExtGState /LW 0.5 >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

static void a_page_is_read_with_its_box_rotation_and_resources(void **state)
{
    (void)state;
    form_bg *bg = NULL;
    const char *en = NULL, *ja = NULL;
    assert_int_equal(form_bg_load_mem((const uint8_t *)rotated_pdf, sizeof rotated_pdf - 1, 1,
                                      &bg, &en, &ja),
                     FORM_OK);
    assert_non_null(bg);
    assert_true(bg->box[0] == 10 && bg->box[1] == 10 && bg->box[2] == 842 && bg->box[3] == 595);
    assert_int_equal(bg->rotate, 90); /* -270 */
    double w = 0, h = 0;
    form_bg_size_mm(bg, &w, &h);
    assert_true(w < h); /* shown upright */
    /* the content, decoded; the XObject and the shared state, each object once */
    assert_non_null(strstr((const char *)bg->content, "/Fm0 Do"));
    assert_int_equal(bg->content_filter.kind, FORM_BG_NULL);
    const form_bg_val *fm = form_bg_resource(bg, &bg->resources, "XObject", "Fm0");
    assert_non_null(fm);
    const form_bg_val *g = form_bg_resource(bg, &bg->resources, "ExtGState", "G");
    const form_bg_val *h2 = form_bg_resource(bg, &bg->resources, "ExtGState", "H");
    assert_ptr_equal(g, h2);
    assert_int_equal(bg->nobjs, 2);
    form_bg_free(bg);
    form_bg_free(NULL);
}

static void no_such_page_and_not_a_pdf_say_why(void **state)
{
    (void)state;
    form_bg *bg = (form_bg *)1;
    const char *en = NULL, *ja = NULL;
    assert_int_equal(form_bg_load_mem((const uint8_t *)rotated_pdf, sizeof rotated_pdf - 1, 2,
                                      &bg, &en, &ja),
                     FORM_E_INPUT);
    assert_null(bg);
    assert_non_null(strstr(en, "no such page"));
    assert_non_null(ja);
    assert_int_equal(form_bg_load_mem((const uint8_t *)"GIF89a....", 10, 1, &bg, &en, &ja),
                     FORM_E_INPUT);
    assert_non_null(strstr(en, "not a PDF"));
    assert_int_equal(form_bg_load("/nonexistent/x.pdf", 1, &bg, &en, &ja), FORM_E_IO);
}

/* ---- embedded once ---------------------------------------------------------------------- */

static size_t count(const uint8_t *p, size_t n, const char *needle)
{
    size_t k = 0, l = strlen(needle);
    for (size_t i = 0; i + l <= n; i++)
        if (memcmp(p + i, needle, l) == 0)
            k++;
    return k;
}

static void three_pages_embed_the_page_once(void **state)
{
    (void)state;
    form_bg *bg = NULL;
    assert_int_equal(form_bg_load_mem((const uint8_t *)rotated_pdf, sizeof rotated_pdf - 1, 1,
                                      &bg, NULL, NULL),
                     FORM_OK);
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(getenv("KAKANAI_FONTS_DIR"), &pdf), FORM_OK);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
        form_box b = {0, 0, 210, 297};
        assert_int_equal(form_pdf_background(pdf, bg, b), FORM_OK);
    }
    uint8_t *buf = NULL;
    size_t len = 0;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    /* the page as one XObject, its own form XObject once, the shared ExtGState once */
    assert_int_equal(count(buf, len, "/Subtype /Form"), 2);
    assert_int_equal(count(buf, len, "/Type /ExtGState"), 1);
    form_secure_free(buf, len);
    form_pdf_free(pdf);
    form_bg_free(bg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(inflate_up_to_the_cap_and_not_one_byte_more),
        cmocka_unit_test(inflate_refuses_truncated_and_garbage),
        cmocka_unit_test(a_page_is_read_with_its_box_rotation_and_resources),
        cmocka_unit_test(no_such_page_and_not_a_pdf_say_why),
        cmocka_unit_test(three_pages_embed_the_page_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
