/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-ini.c — the line reader shared by templates and catalog.conf, from a table of lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "form-ini.h"
#include "form-private.h"

/* One line of input and what the reader must make of it (NULL: not checked). */
static const struct {
    const char *line;
    size_t len; /* 0: strlen */
    form_ini_kind kind;
    const char *name, *key, *value;
    size_t at; /* for the problem kinds */
} lines[] = {
    {"", 0, FORM_INI_BLANK, NULL, NULL, NULL, 0},
    {" \t ", 0, FORM_INI_BLANK, NULL, NULL, NULL, 0},
    {"# 住民票 [form] a = b", 0, FORM_INI_BLANK, NULL, NULL, NULL, 0},
    {"  ; comment", 0, FORM_INI_BLANK, NULL, NULL, NULL, 0},
    {"[form]", 0, FORM_INI_SECTION, "form", NULL, NULL, 0},
    {"  [field name]  # why", 0, FORM_INI_SECTION, "field name", NULL, NULL, 0},
    {"[question]x", 0, FORM_INI_SECTION, "question", NULL, NULL, 0},
    {"[form", 0, FORM_INI_UNCLOSED, NULL, NULL, NULL, 0},
    {"   [", 0, FORM_INI_UNCLOSED, NULL, NULL, NULL, 3},
    {"id = juminhyo", 0, FORM_INI_PAIR, NULL, "id", "juminhyo", 0},
    {"\ttitle.ja=住民票の写し\t ", 0, FORM_INI_PAIR, NULL, "title.ja", "住民票の写し", 0},
    {"default =", 0, FORM_INI_PAIR, NULL, "default", "", 0},
    {"box = 20 30 80 10", 0, FORM_INI_PAIR, NULL, "box", "20 30 80 10", 0},
    {"a = b = c", 0, FORM_INI_PAIR, NULL, "a", "b = c", 0},
    {" = value", 0, FORM_INI_PAIR, NULL, "", "value", 1},
    {"key value", 0, FORM_INI_NO_EQUALS, NULL, NULL, NULL, 4},
    {"key", 0, FORM_INI_NO_EQUALS, NULL, NULL, NULL, 0},
    {"key ＝ value", 0, FORM_INI_NO_EQUALS, NULL, NULL, NULL, 4},
    {"\xE6\x9C\xAC = 1", 0, FORM_INI_PAIR, NULL, "\xE6\x9C\xAC", "1",
     0}, /* checked by the parser */
    {"a = \x82\xA0", 0, FORM_INI_NOT_UTF8, NULL, NULL, NULL, 4},
    {"a = b\0c", 7, FORM_INI_NUL, NULL, NULL, NULL, 5},
};

static void each_line_from_the_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        size_t n = lines[i].len ? lines[i].len : strlen(lines[i].line);
        form_ini r;
        form_ini_line l;
        form_ini_init(&r, lines[i].line, n);
        if (n == 0) {
            assert_false(form_ini_next(&r, &l)); /* an empty text has no line */
            continue;
        }
        assert_true(form_ini_next(&r, &l));
        if (l.kind != lines[i].kind)
            fail_msg("line %zu \"%s\": kind %d, want %d", i, lines[i].line, (int)l.kind,
                     (int)lines[i].kind);
        assert_int_equal(l.lineno, 1);
        assert_int_equal(l.n, n);
        if (lines[i].name) {
            assert_int_equal(l.name_len, strlen(lines[i].name));
            assert_memory_equal(l.p + l.name, lines[i].name, l.name_len);
        }
        if (lines[i].key) {
            assert_int_equal(l.key_len, strlen(lines[i].key));
            assert_memory_equal(l.p + l.key, lines[i].key, l.key_len);
            assert_int_equal(l.value_len, strlen(lines[i].value));
            assert_memory_equal(l.p + l.value, lines[i].value, l.value_len);
        }
        if (l.kind >= FORM_INI_UNCLOSED || (l.kind == FORM_INI_PAIR && l.key_len == 0))
            assert_int_equal(l.at, lines[i].at);
        assert_false(form_ini_next(&r, &l));
    }
}

static void fullwidth_equals_is_told_apart(void **state)
{
    (void)state;
    const char *t = "key ＝ value";
    form_ini r;
    form_ini_line l;
    form_ini_init(&r, t, strlen(t));
    assert_true(form_ini_next(&r, &l));
    assert_int_equal(l.kind, FORM_INI_NO_EQUALS);
    assert_true(l.fullwidth_equals);
    t = "key value";
    form_ini_init(&r, t, strlen(t));
    assert_true(form_ini_next(&r, &l));
    assert_false(l.fullwidth_equals);
}

static void lines_bom_and_crlf(void **state)
{
    (void)state;
    const char t[] = "\xEF\xBB\xBF[form]\r\nid = a\r\n\r\n# end\nlast = 1";
    form_ini r;
    form_ini_line l;
    form_ini_init(&r, t, sizeof t - 1);
    static const form_ini_kind want[] = {FORM_INI_SECTION, FORM_INI_PAIR, FORM_INI_BLANK,
                                         FORM_INI_BLANK, FORM_INI_PAIR};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_true(form_ini_next(&r, &l));
        assert_int_equal(l.lineno, (int)i + 1);
        assert_int_equal(l.kind, want[i]);
    }
    assert_memory_equal(l.p + l.value, "1", 1);
    assert_false(form_ini_next(&r, &l));
    /* the \r of a CRLF line is not part of the value */
    form_ini_init(&r, t, sizeof t - 1);
    assert_true(form_ini_next(&r, &l));
    assert_int_equal(l.p - t, 3); /* after the BOM */
    assert_int_equal(l.n, 6);
    assert_true(form_ini_next(&r, &l));
    assert_int_equal(l.value_len, 1);
}

static void a_line_over_the_limit(void **state)
{
    (void)state;
    static char t[FORM_MAX_LINE_BYTES + 2];
    memset(t, 'a', sizeof t);
    t[0] = '#'; /* even a comment: the bytes are checked first */
    form_ini r;
    form_ini_line l;
    form_ini_init(&r, t, FORM_MAX_LINE_BYTES);
    assert_true(form_ini_next(&r, &l));
    assert_int_equal(l.kind, FORM_INI_BLANK);
    form_ini_init(&r, t, FORM_MAX_LINE_BYTES + 1);
    assert_true(form_ini_next(&r, &l));
    assert_int_equal(l.kind, FORM_INI_TOO_LONG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_line_from_the_table),
        cmocka_unit_test(fullwidth_equals_is_told_apart),
        cmocka_unit_test(lines_bom_and_crlf),
        cmocka_unit_test(a_line_over_the_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
