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

#define MARKER 0x7DD1u /* 緑 */
static volatile int g_watch, g_leaks;

static bool holds_marker_run(const uint8_t *p, size_t n)
{
    for (size_t k = 0; k + 3 * 20 <= n; k += 4) {
        uint32_t a, b, c;
        memcpy(&a, p + k, 4);
        memcpy(&b, p + k + 20, 4);
        memcpy(&c, p + k + 40, 4);
        if (a == MARKER && b == MARKER && c == MARKER)
            return true;
    }
    return false;
}

__attribute__((visibility("default"))) void *realloc(void *old, size_t n)
{
    bool had = g_watch && old != NULL && holds_marker_run(old, malloc_usable_size(old));
    void *p = __libc_realloc(old, n);
    if (had && p != NULL && p != old)
        g_leaks++;
    return p;
}

static void long_text_leaves_no_copy_when_shaping_grows(void **state)
{
    (void)state;
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    /* 1,200 characters: far past HarfBuzz's first allocation, so it grows several times */
    static char text[1200 * 3 + 1];
    for (size_t i = 0; i < 1200; i++)
        memcpy(text + 3 * i, "\xE7\xB7\x91", 3);
    form_text_style st = {.pt = 4, .min_pt = 4, .max_lines = 20};
    form_pdf_fit fit;
    g_watch = 1;
    form_err e = form_pdf_measure(pdf, text, (form_box){10, 10, 190, 270}, &st, &fit);
    g_watch = 0;
    assert_true(e == FORM_OK || e == FORM_E_OVERFLOW);
    form_pdf_free(pdf);
    assert_int_equal(g_leaks, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(long_text_leaves_no_copy_when_shaping_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
