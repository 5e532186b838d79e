/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-render.c — form_render() over the engine: the shipped procedures render; a field that
 * overflows, a character no font has and a missing value are reported per field and no
 * document is made; the preview renders. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form-private.h"

static form_values *values(const char *name)
{
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    assert_int_equal(form_values_set_card(v, name, "山口県山口市滝町1番1号", "19800401", "1", NULL), FORM_OK);
    assert_int_equal(form_values_set_today(v, "20261125"), FORM_OK);
    static const char *const answers[][2] = {
        {"furigana", "ヨシダ タロウ"}, {"kind", "copy"}, {"scope", "self"}, {"copies", "2"},
        {"purpose", "work"}, {"year", "r7"}, {"kinds", "shotoku"}, {"tax_copies", "1"},
        {"tax_purpose", "child"},
    };
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++)
        assert_int_equal(form_values_set_answer(v, answers[i][0], answers[i][1]), FORM_OK);
    return v;
}

static void combined_procedure_renders_two_pages(void **state)
{
    (void)state;
    form_catalog *c = NULL;
    assert_int_equal(form_catalog_load(getenv("KAKANAI_TEMPLATES"), NULL, &c, NULL), FORM_OK);
    form_values *v = values("𠮷田 太郎");
    form_doc *doc = NULL;
    form_diags *d = NULL;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(form_render(form_catalog_find(c, "juminhyo_shotoku"), NULL, v, 0, &doc, &d), FORM_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    size_t len = 0;
    const uint8_t *pdf = form_doc_data(doc, &len);
    assert_non_null(pdf);
    assert_true(len > 1000 && memcmp(pdf, "%PDF-", 5) == 0);
    assert_int_equal(form_doc_page_count(doc), 2);
    print_message("juminhyo_shotoku: 2 pages, %zu bytes, %.1f ms (first render, cold fonts)\n", len,
                  (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
    form_doc_free(doc);
    form_diags_free(d);
    /* warm */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(form_render(form_catalog_find(c, "juminhyo"), NULL, v, 0, &doc, NULL), FORM_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    pdf = form_doc_data(doc, &len);
    print_message("juminhyo: 1 page, %zu bytes, %.1f ms warm\n", len,
                  (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
    form_doc_free(doc);
    assert_int_equal(form_render(form_catalog_find(c, "juminhyo"), NULL, v, FORM_RENDER_PREVIEW, &doc, NULL),
                     FORM_OK);
    form_doc_free(doc);
    form_values_free(v);
    form_catalog_free(c);
}

static const char tpl[] = "[form]\nid = r\ntitle.ja = 試験\n"
                          "[question copies]\ntype = number\nlabel.ja = 通数\nmin = 1\nmax = 10\n"
                          "required = yes\n"
                          "[field name]\nbox = 10 10 20 6\nvalue = {card.name}\nsize = 10\nmin_size = 9\n"
                          "[field address]\nbox = 10 20 150 10\nvalue = {card.address}\n"
                          "[field copies]\nbox = 10 40 16 8\nvalue = {answer.copies}\ncells = 2\n";

static void problems_are_reported_per_field_and_no_document_is_made(void **state)
{
    (void)state;
    form_template *t = NULL;
    assert_int_equal(form_template_parse("r.form", NULL, tpl, strlen(tpl), false, &t, NULL), FORM_OK);
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    /* a name far too long for 20 mm at 9 pt, an address with a private-use character, and
       no answer to the required question copies (a missing value) */
    assert_int_equal(form_values_set_card(v, "WILLIAMSON-FITZGERALD ALEXANDRA CHRISTINA",
                                          "山口市\xee\x80\x80町", "19800401", "1", NULL),
                     FORM_OK);
    form_doc *doc = (form_doc *)1;
    form_diags *d = NULL;
    form_err e = form_render(NULL, t, v, 0, &doc, &d);
    assert_true(e == FORM_E_OVERFLOW || e == FORM_E_GLYPH || e == FORM_E_MISSING_VALUE);
    assert_null(doc);
    bool overflow = false, glyph = false, missing = false;
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        if (g->err == FORM_E_OVERFLOW && strcmp(g->field, "name") == 0)
            overflow = true;
        if (g->err == FORM_E_GLYPH && strcmp(g->field, "address") == 0 && strstr(g->message, "U+E000"))
            glyph = true;
        if (g->err == FORM_E_MISSING_VALUE && strcmp(g->field, "copies") == 0)
            missing = true;
    }
    assert_true(overflow);
    assert_true(glyph);
    assert_true(missing);
    form_diags_free(d);
    /* fixed: renders */
    assert_int_equal(form_values_set_card(v, "山田 太郎", "山口市滝町", "19800401", "1", NULL), FORM_OK);
    assert_int_equal(form_values_set_answer(v, "copies", "3"), FORM_OK);
    assert_int_equal(form_render(NULL, t, v, 0, &doc, &d), FORM_OK);
    assert_int_equal(form_diags_count(d), 0);
    form_doc_free(doc);
    form_diags_free(d);
    assert_int_equal(form_render(NULL, NULL, v, 0, &doc, NULL), FORM_E_ARG);
    form_values_free(v);
    form_template_free(t);
    form_doc_free(NULL);
}

/* Count copies of needle in the process's writable mappings (heap, secure heap, data),
 * apart from needle itself; the stack is left out (it is overwritten by the next calls). */
static size_t copies_in_memory(const char *needle)
{
    FILE *m = fopen("/proc/self/maps", "r");
    assert_non_null(m);
    char line[512];
    size_t hits = 0, nl = strlen(needle);
    while (fgets(line, sizeof line, m)) {
        unsigned long a, b;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &a, &b, perms) != 3 || perms[0] != 'r' || perms[1] != 'w' ||
            strstr(line, "[stack]") || strstr(line, "[vvar]"))
            continue;
        const char *p = (const char *)a, *end = (const char *)b;
        while (p < end) {
            const char *h = memmem(p, (size_t)(end - p), needle, nl);
            if (h == NULL)
                break;
            if (h != needle)
                hits++;
            p = h + 1;
        }
    }
    fclose(m);
    return hits;
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static void no_value_is_left_in_memory_after_render(void **state)
{
    (void)state;
#ifdef UNDER_ASAN
    skip(); /* the sanitizer's shadow memory cannot be scanned, and it quarantines freed blocks */
#endif
    /* Reading freed blocks on purpose is exactly what memcheck reports: the scan is for the
     * ordinary runs (tests/privacy/sanitizers.sh sets this for its valgrind pass). */
    if (getenv("KAKANAI_UNDER_VALGRIND") != NULL)
        skip();
    form_catalog *c = NULL;
    assert_int_equal(form_catalog_load(getenv("KAKANAI_TEMPLATES"), NULL, &c, NULL), FORM_OK);
    char needle[16];
    snprintf(needle, sizeof needle, "QQZZ%sXY", "ADDR"); /* not in the binary as one piece */
    for (int round = 0; round < 2; round++) {
        form_values *v = values("試験 太郎");
        char addr[128];
        snprintf(addr, sizeof addr, "カナリア市試験町九丁目七番地%s", needle);
        assert_int_equal(form_values_set_card(v, "試験 太郎", addr, "19800401", "1", NULL), FORM_OK);
        memset(addr, 0, sizeof addr);
        form_doc *doc = NULL;
        form_diags *d = NULL;
        assert_int_equal(form_render(form_catalog_find(c, "juminhyo_shotoku"), NULL, v, 0, &doc, &d),
                         FORM_OK);
        form_doc_free(doc);
        form_diags_free(d);
        form_values_free(v);
    }
    assert_int_equal(copies_in_memory(needle), 0);
    form_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(combined_procedure_renders_two_pages),
        cmocka_unit_test(problems_are_reported_per_field_and_no_document_is_made),
        cmocka_unit_test(no_value_is_left_in_memory_after_render),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
