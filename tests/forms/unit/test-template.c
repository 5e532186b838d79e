/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-template.c — the template parser: a table of broken inputs with the exact line,
 * column and sentence of the first diagnostic; hard limits; the shipped templates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form-private.h"

#define HEAD "[form]\nid = t\ntitle.ja = 試験\n"

static const struct {
    const char *name, *text;
    form_err err;
    int line, column;
    const char *says;
} broken[] = {
    {"no form section", "[field a]\nbox = 1 1 1 1\n", FORM_E_SYNTAX, 1, 1, "must start with [form]"},
    {"key before any section", "id = t\n", FORM_E_SYNTAX, 1, 1, "must start with [form]"},
    {"empty file", "", FORM_E_SYNTAX, 1, 0, "no [form]"},
    {"unknown section", HEAD "[feild a]\n", FORM_E_SYNTAX, 4, 2, "did you mean [field]"},
    {"unclosed section", HEAD "[field a\n", FORM_E_SYNTAX, 4, 1, "no closing ]"},
    {"text after section", HEAD "[line] x\n", FORM_E_SYNTAX, 4, 8, "nothing may follow"},
    {"field without name", HEAD "[field]\n", FORM_E_SYNTAX, 4, 2, "needs a name"},
    {"bad field name", HEAD "[field 氏名]\n", FORM_E_SYNTAX, 4, 8, "only a-z"},
    {"duplicate field", HEAD "[field a]\nbox = 1 1 5 5\nvalue = x\n[field a]\n", FORM_E_TEMPLATE, 7, 8,
     "already defined on line 4"},
    {"duplicate question", HEAD "[question q]\ntype = yesno\nlabel.ja = q\n[question q]\n",
     FORM_E_TEMPLATE, 7, 11, "already defined on line 4"},
    {"unknown key suggests", HEAD "[field a]\nbox = 1 1 5 5\nvalu = x\n", FORM_E_SYNTAX, 6, 1,
     "did you mean \"value\""},
    {"key of another section", HEAD "[line]\nbox = 1 1 5 5\n", FORM_E_SYNTAX, 5, 1, "unknown key \"box\" in [line]"},
    {"duplicate key", HEAD "[field a]\nbox = 1 1 5 5\nbox = 1 1 5 5\n", FORM_E_SYNTAX, 6, 1, "given twice"},
    {"full-width equals", HEAD "[field a]\nbox ＝ 1 1 5 5\n", FORM_E_SYNTAX, 5, 5, "not ＝"},
    {"no equals", HEAD "[field a]\nbox 1 1 5 5\n", FORM_E_SYNTAX, 5, 5, "key = value"},
    {"japanese key", HEAD "[field a]\n位置 = 1\n", FORM_E_SYNTAX, 5, 1, "keys use only"},
    {"empty value", HEAD "[field a]\nbox =\n", FORM_E_SYNTAX, 5, 1, "has no value"},
    {"three numbers", HEAD "[field a]\nbox = 1 2 3\n", FORM_E_SYNTAX, 5, 7, "needs 4 numbers"},
    {"five numbers", HEAD "[field a]\nbox = 1 2 3 4 5\n", FORM_E_SYNTAX, 5, 15, "needs 4 numbers"},
    {"not a number", HEAD "[field a]\nbox = 1 2 x 4\n", FORM_E_SYNTAX, 5, 11, "needs 4 numbers"},
    {"comma decimal", HEAD "[field a]\nsize = 10,5\n", FORM_E_SYNTAX, 5, 8, "needs a number"},
    {"size too small", HEAD "[field a]\nsize = 3.9\n", FORM_E_SYNTAX, 5, 8, "between 4 and 72"},
    {"size too large", HEAD "[field a]\nsize = 72.5\n", FORM_E_SYNTAX, 5, 8, "between 4 and 72"},
    {"min_scale below 0.5", HEAD "[field a]\nmin_scale = 0.4\n", FORM_E_SYNTAX, 5, 13, "between 0.5 and 1"},
    {"lines not whole", HEAD "[field a]\nlines = 2.5\n", FORM_E_SYNTAX, 5, 9, "needs a whole number"},
    {"cells not whole", HEAD "[field a]\ncells = 7.5\n", FORM_E_SYNTAX, 5, 9, "needs a whole number"},
    {"bad font", HEAD "[field a]\nfont = meiryo\n", FORM_E_SYNTAX, 5, 8, "use one of mincho, gothic"},
    {"bad bool", HEAD "[field a]\nvertical = はい\n", FORM_E_SYNTAX, 5, 12, "yes or no"},
    {"check and circle", HEAD "[field a]\ncheck = x\ncircle = y\n", FORM_E_SYNTAX, 6, 10, "not both"},
    {"bad paper", "[form]\npaper = A6\n", FORM_E_SYNTAX, 2, 9, "use A4"},
    {"second form", HEAD "[form]\n", FORM_E_SYNTAX, 4, 1, "only once"},
    {"bad id", "[form]\nid = Juminhyo\n", FORM_E_SYNTAX, 2, 6, "only a-z"},
    {"not utf-8", HEAD "# \x82\xa0 Shift_JIS\n", FORM_E_SYNTAX, 4, 3, "not UTF-8"},
    {"nul byte", HEAD "# a\0b\n", FORM_E_SYNTAX, 4, 4, "NUL"},
    {"no id", "[form]\ntitle.ja = x\n", FORM_E_TEMPLATE, 1, 0, "needs an id"},
    {"no title", "[form]\nid = x\n", FORM_E_TEMPLATE, 1, 0, "needs title.ja"},
    {"field off the page", HEAD "[field a]\nbox = 200 10 20 5\nvalue = x\n", FORM_E_TEMPLATE, 5, 7,
     "lies off the 210 × 297 mm page"},
    {"landscape page", HEAD "orientation = landscape\n[field a]\nbox = 10 205 20 10\nvalue = x\n",
     FORM_E_TEMPLATE, 6, 7, "lies off the 297 × 210 mm page"},
    {"field without value", HEAD "[field a]\nbox = 1 1 5 5\n", FORM_E_TEMPLATE, 4, 0, "needs a value"},
    {"unknown value name", HEAD "[field a]\nbox = 1 1 5 5\nvalue = 氏名 {card.nmae}\n", FORM_E_TEMPLATE, 6,
     13, "did you mean \"card.name\""},
    {"unknown answer", HEAD "[field a]\nbox = 1 1 5 5\nvalue = {answer.copies}\n", FORM_E_TEMPLATE, 6, 10,
     "unknown value name \"answer.copies\""},
    {"number without basis", HEAD "[field n]\nbox = 1 1 50 5\nvalue = {card.number}\n", FORM_E_TEMPLATE,
     6, 0, "declares no number_basis"},
    {"line without to", HEAD "[line]\nfrom = 1 1\n", FORM_E_TEMPLATE, 4, 0, "needs from and to"},
    {"choice with one option",
     HEAD "[question p]\ntype = choice\nlabel.ja = p\nchoice.a.ja = あ\n", FORM_E_TEMPLATE, 4, 0,
     "at least two choices"},
    {"number without bounds", HEAD "[question c]\ntype = number\nlabel.ja = c\n", FORM_E_TEMPLATE, 4, 0,
     "needs min and max"},
    {"bad default", HEAD "[question c]\ntype = number\nlabel.ja = c\nmin = 1\nmax = 3\ndefault = 4\n",
     FORM_E_TEMPLATE, 4, 0, "default of \"c\" is not a valid answer"},
    {"circle not a choice",
     HEAD "[question p]\ntype = choice\nlabel.ja = p\nchoice.a.ja = あ\nchoice.b.ja = い\n"
          "[field p_c]\nbox = 1 1 5 5\nvalue = {answer.p}\ncircle = c\n",
     FORM_E_TEMPLATE, 9, 0, "\"c\" is not a choice of the question \"p\""},
    {"cells wider than box", HEAD "[field c]\nbox = 1 1 10 5\nvalue = x\ncells = 3\npitch = 4\n",
     FORM_E_TEMPLATE, 4, 0, "do not fit"},
    {"background missing", HEAD "background = scan.png\n", FORM_E_IMAGE, 4, 0, "is missing"},
    {"background outside", HEAD "background = ../scan.png\n", FORM_E_TEMPLATE, 4, 14, "next to the template"},
};

static void broken_templates_name_line_and_column(void **state)
{
    (void)state;
    int failures = 0;
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        form_diags *d = form_diags_new();
        form_template *t = NULL;
        size_t len = strlen(broken[i].text);
        if (strcmp(broken[i].name, "nul byte") == 0)
            len = sizeof(HEAD "# a\0b\n") - 1;
        form_err e = form_template_parse("t.form", "/nonexistent", broken[i].text, len, true, &t, d);
        form_template_free(t);
        const form_diag *g = form_diags_get(d, 0);
        if (e == FORM_OK || g == NULL) {
            print_error("%s: accepted\n", broken[i].name);
            failures++;
            form_diags_free(d);
            continue;
        }
        if (g->err != broken[i].err || g->line != broken[i].line || g->column != broken[i].column ||
            strstr(g->message, broken[i].says) == NULL) {
            print_error("%s: %s %d:%d \"%s\"; want %s %d:%d \"%s\"\n", broken[i].name,
                        form_err_name(g->err), g->line, g->column, g->message,
                        form_err_name(broken[i].err), broken[i].line, broken[i].column, broken[i].says);
            failures++;
        }
        assert_non_null(g->message_ja);
        assert_true(strlen(g->message_ja) > 0);
        assert_string_equal(g->file, "t.form");
        form_diags_free(d);
    }
    assert_int_equal(failures, 0);
}

static void good_templates_parse(void **state)
{
    (void)state;
    static const char *const good[] = {
        HEAD,
        "\xEF\xBB\xBF" HEAD,                       /* BOM */
        "[form]\r\nid = t\r\ntitle.ja = 試験\r\n", /* CRLF */
        HEAD "  # indented comment\n; semicolon comment\n\n",
        HEAD "[label]\nbox = 10 10 50 8\ntext = 請求者\nvertical = yes\n",
        HEAD "[field a]\nbox = 0 0 210 297\nvalue = {{x}}\n",     /* exactly the page */
        HEAD "number_basis = 法\n[field n]\nbox = 1 1 80 8\nvalue = {card.number}\ncells = 12\npitch = 6.5\n",
        HEAD "[page]\npaper = A3\norientation = landscape\n[box]\nbox = 10 10 400 100\n",
        /* lists: spaces, tabs and commas alike */
        HEAD "needs = name,\taddress ,sex\n[label]\nbox = 10,\t10 50\t8\ntext = x\n",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        form_diags *d = form_diags_new();
        form_template *t = NULL;
        form_err e = form_template_parse("g.form", NULL, good[i], strlen(good[i]), true, &t, d);
        if (e != FORM_OK)
            fail_msg("good #%zu: %s", i, form_diags_get(d, 0)->message);
        if (strstr(good[i], "needs ="))
            assert_int_equal(form_template_needs(t) &
                                 (FORM_NEEDS_NAME | FORM_NEEDS_ADDRESS | FORM_NEEDS_SEX),
                             FORM_NEEDS_NAME | FORM_NEEDS_ADDRESS | FORM_NEEDS_SEX);
        form_template_free(t);
        form_diags_free(d);
    }
}

static void limits_are_enforced(void **state)
{
    (void)state;
    /* a line of exactly the limit is fine, one byte more is not */
    size_t n = FORM_MAX_LINE_BYTES;
    char *text = malloc(64 + 2 * n);
    int k = snprintf(text, 64, "%s# ", HEAD);
    memset(text + k, 'a', n - 2);
    text[k + n - 2] = '\n';
    text[k + n - 1] = '\0';
    form_template *t = NULL;
    form_diags *d = form_diags_new();
    assert_int_equal(form_template_parse("l.form", NULL, text, strlen(text), false, &t, d), FORM_OK);
    form_template_free(t);
    text[k + n - 2] = 'a';
    text[k + n - 1] = '\n';
    text[k + n] = '\0';
    assert_int_equal(form_template_parse("l.form", NULL, text, strlen(text), false, &t, d), FORM_E_SYNTAX);
    assert_string_equal(form_diags_get(d, 0)->message, "the line is longer than 1024 bytes");
    assert_int_equal(form_diags_get(d, 0)->line, 4);
    free(text);
    form_diags_free(d);

    /* the file size limit */
    d = form_diags_new();
    char *big = calloc(1, FORM_MAX_FILE_BYTES + 2);
    memset(big, '\n', FORM_MAX_FILE_BYTES + 1);
    assert_int_equal(form_template_parse("b.form", NULL, big, FORM_MAX_FILE_BYTES + 1, false, &t, d),
                     FORM_E_SYNTAX);
    assert_non_null(strstr(form_diags_get(d, 0)->message, "larger than"));
    free(big);
    form_diags_free(d);

    /* the item limit: FORM_MAX_ITEMS boxes pass, one more fails */
    form_buf b = {0};
    form_buf_adds(&b, HEAD);
    for (unsigned i = 0; i < FORM_MAX_ITEMS; i++)
        form_buf_adds(&b, "[box]\nbox = 1 1 1 1\n");
    d = form_diags_new();
    assert_int_equal(form_template_parse("i.form", NULL, b.p, b.n, false, &t, d), FORM_OK);
    form_template_free(t);
    form_buf_adds(&b, "[box]\nbox = 1 1 1 1\n");
    assert_int_equal(form_template_parse("i.form", NULL, b.p, b.n, false, &t, d), FORM_E_SYNTAX);
    assert_non_null(strstr(form_diags_get(d, 0)->message, "too many fields"));
    form_buf_release(&b);
    form_diags_free(d);
}

static void overlapping_fields_only_in_strict_mode(void **state)
{
    (void)state;
    static const char text[] = HEAD "[field a]\nbox = 10 10 50 10\nvalue = x\n"
                                    "[field b]\nbox = 40 15 50 10\nvalue = y\n";
    form_template *t = NULL;
    form_diags *d = form_diags_new();
    assert_int_equal(form_template_parse("o.form", NULL, text, strlen(text), false, &t, d), FORM_OK);
    form_template_free(t);
    assert_int_equal(form_template_parse("o.form", NULL, text, strlen(text), true, &t, d), FORM_E_TEMPLATE);
    assert_string_equal(form_diags_get(d, 0)->message, "the field \"b\" overlaps the field \"a\" (line 4)");
    assert_int_equal(form_diags_get(d, 0)->line, 7);
    assert_string_equal(form_diags_get(d, 0)->field, "b");
    form_diags_free(d);
}

static void shipped_templates_pass_strict_checks(void **state)
{
    (void)state;
    const char *dir = getenv("KAKANAI_TEMPLATES");
    assert_non_null(dir);
    static const char *const ids[] = {"juminhyo", "inkan", "shotoku", "koseki", "tennyu"};
    for (size_t i = 0; i < 5; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.form", dir, ids[i]);
        form_template *t = NULL;
        form_diags *d = form_diags_new();
        form_err e = form_template_load(path, true, &t, d);
        if (e != FORM_OK)
            fail_msg("%s: %s", path, form_diags_get(d, 0)->message);
        assert_string_equal(form_template_id(t), ids[i]);
        unsigned needs = form_template_needs(t);
        assert_true(needs & FORM_NEEDS_NAME);
        assert_false(needs & FORM_NEEDS_MEMBERS); /* kiosk forms: one resident, no household rows */
        if (strcmp(ids[i], "tennyu") == 0) {
            assert_true(needs & FORM_NEEDS_NUMBER);
            assert_non_null(strstr(form_template_number_basis(t), "住民基本台帳法"));
        } else {
            assert_false(needs & FORM_NEEDS_NUMBER);
            assert_null(form_template_number_basis(t));
        }
        form_template_free(t);
        form_diags_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(broken_templates_name_line_and_column),
        cmocka_unit_test(good_templates_parse),
        cmocka_unit_test(limits_are_enforced),
        cmocka_unit_test(overlapping_fields_only_in_strict_mode),
        cmocka_unit_test(shipped_templates_pass_strict_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
