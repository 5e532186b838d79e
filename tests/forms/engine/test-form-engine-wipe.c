/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-form-engine-wipe — what the shaping engine lets go of holds no code point of the text.
 *
 * HarfBuzz keeps the text of each run in its buffer (one hb_glyph_info_t of 20 bytes per
 * character, the code point first) and grows that buffer with realloc(), which frees the old
 * block as it is. This binary interposes realloc(): a block realloc() moves away from that
 * still holds the marker character's code point at the 20-byte stride of a glyph-info array
 * is personal text left on the ordinary heap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "form-pdf.h"

extern void *__libc_realloc(void *p, size_t n);
extern void __libc_free(void *p);

#define MARKER 0x7DD1u /* 緑 */
#define KA 0x304Bu     /* か */
#define DAKUTEN 0x3099u
static volatile int g_watch, g_watch_free, g_leaks;

static bool is_marker(uint32_t v)
{
    return v == MARKER || v == KA || v == DAKUTEN;
}

static bool holds_marker_run(const uint8_t *p, size_t n)
{
    for (size_t k = 0; k + 3 * 20 <= n; k += 4) {
        uint32_t a, b, c;
        memcpy(&a, p + k, 4);
        memcpy(&b, p + k + 20, 4);
        memcpy(&c, p + k + 40, 4);
        if (is_marker(a) && is_marker(b) && is_marker(c))
            return true;
    }
    return false;
}

/* While g_watch_free: a block freed with the text's code points in it is a leak. */
__attribute__((visibility("default"))) void free(void *p)
{
    if (g_watch_free && p != NULL && holds_marker_run(p, malloc_usable_size(p)))
        g_leaks++;
    __libc_free(p);
}

__attribute__((visibility("default"))) void *realloc(void *old, size_t n)
{
    bool had = g_watch && old != NULL && holds_marker_run(old, malloc_usable_size(old));
    void *p = __libc_realloc(old, n);
    if (had && p != NULL && p != old)
        g_leaks++;
    return p;
}

/* Measure `count` copies of the UTF-8 character ch (watching realloc() while shaping when
 * watch_growth), then free the engine (watching free() when watch_free); the leaks seen. */
static int measure_and_free(const char *ch, size_t count, bool watch_growth, bool watch_free)
{
    size_t cl = strlen(ch);
    char *text = calloc(count * cl + 1, 1);
    assert_non_null(text);
    for (size_t i = 0; i < count; i++)
        memcpy(text + i * cl, ch, cl);
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    form_text_style st = {.pt = 6, .min_pt = 4, .max_lines = 20};
    form_pdf_fit fit;
    g_leaks = 0;
    g_watch = watch_growth;
    form_err e = form_pdf_measure(pdf, text, (form_box){10, 10, 190, 270}, &st, &fit);
    g_watch = 0;
    assert_true(e == FORM_OK || e == FORM_E_OVERFLOW);
    g_watch_free = watch_free;
    form_pdf_free(pdf);
    g_watch_free = 0;
    free(text);
    return g_leaks;
}

/* 1,200 characters: far past HarfBuzz's first allocation, so it would grow several times. */
static void long_text_leaves_no_copy_when_shaping_grows(void **state)
{
    (void)state;
    assert_int_equal(measure_and_free("\xE7\xB7\x91" /* 緑 */, 1200, true, false), 0);
}

/* か + combining dakuten composes to が: HarfBuzz's normalisation shrinks the buffer, and what
 * lies past its new end (the decomposed text) must be wiped as well before it is freed. */
static void composed_text_leaves_no_copy_behind_the_buffer_end(void **state)
{
    (void)state;
    assert_int_equal(measure_and_free("\xE3\x81\x8B\xE3\x82\x99", 300, false, true), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_text_leaves_no_copy_when_shaping_grows),
        cmocka_unit_test(composed_text_leaves_no_copy_behind_the_buffer_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
