/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form_source: byte-identical round trip of every shipped template, edits that change only
 * their own lines, undo/redo back to the exact bytes, and refusal of bytes a template may not
 * hold. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "form-source.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    assert_non_null(b);
    assert_int_equal(fread(b, 1, (size_t)n, f), (size_t)n);
    b[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return b;
}

static char *text_of(const form_source *s, size_t *len)
{
    char *t = NULL;
    assert_int_equal(form_source_text(s, &t, len), FORM_OK);
    return t;
}

/* How many lines differ between a and b when both have the same number of lines (else -1). */
static int lines_changed(const char *a, const char *b)
{
    int changed = 0;
    while (*a != '\0' || *b != '\0') {
        const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
        if ((ea == NULL) != (eb == NULL))
            return -1;
        size_t na = ea ? (size_t)(ea - a) : strlen(a), nb = eb ? (size_t)(eb - b) : strlen(b);
        if (na != nb || memcmp(a, b, na) != 0)
            changed++;
        if (ea == NULL)
            break;
        a = ea + 1;
        b = eb + 1;
    }
    return changed;
}

static void test_every_shipped_template_round_trips(void **state)
{
    (void)state;
    const char *dir = getenv("KAKANAI_TEMPLATES");
    assert_non_null(dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (!(nl > 5 && strcmp(e->d_name + nl - 5, ".form") == 0) &&
            strcmp(e->d_name, "catalog.conf") != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t n = 0, m = 0;
        char *orig = slurp(path, &n);
        form_source *s = NULL;
        assert_int_equal(form_source_load(path, &s, NULL), FORM_OK);
        assert_true(form_source_section_count(s) > 0);
        char *back = text_of(s, &m);
        assert_int_equal(m, n);
        assert_memory_equal(back, orig, n);
        assert_false(form_source_modified(s));
        free(back);
        free(orig);
        form_source_free(s);
        seen++;
    }
    closedir(d);
    assert_true(seen >= 6);
}

static const char sample[] =
    "# a comment that stays\n"
    "[form]\n"
    "id = demo\n"
    "paper = A4\n"
    "\n"
    "# the name field\n"
    "[field name]\n"
    "box   =  10 20 30.5 7   \n"
    "value = {card.name}\n"
    "\n"
    "# the date\n"
    "[label]\n"
    "text = 年\n"
    "box = 1 2 3 4";

static form_source *parse_sample(void)
{
    form_source *s = NULL;
    assert_int_equal(form_source_parse(sample, strlen(sample), &s, NULL), FORM_OK);
    return s;
}

static void test_sections_and_values(void **state)
{
    (void)state;
    form_source *s = parse_sample();
    assert_int_equal(form_source_section_count(s), 3);
    assert_string_equal(form_source_section_kind(s, 1), "field");
    assert_string_equal(form_source_section_name(s, 1), "name");
    assert_string_equal(form_source_section_name(s, 2), "");
    assert_int_equal(form_source_section_line(s, 1), 7);
    assert_int_equal(form_source_find(s, "field", "name"), 1);
    assert_int_equal(form_source_find(s, "qr", NULL), (size_t)-1);
    assert_int_equal(form_source_section_at_line(s, 9), 1);
    assert_int_equal(form_source_section_at_line(s, 1), (size_t)-1);
    assert_string_equal(form_source_get(s, 1, "value"), "{card.name}");
    assert_null(form_source_get(s, 1, "font"));
    double box[4];
    assert_int_equal(form_source_box(s, 1, box), FORM_OK);
    assert_true(box[2] > 30.49 && box[2] < 30.51);
    assert_int_equal(form_source_box(s, 0, box), FORM_E_NOT_FOUND);
    form_source_free(s);
    form_source_free(NULL);
}

static void test_an_edit_changes_only_its_line_and_undoes_exactly(void **state)
{
    (void)state;
    form_source *s = parse_sample();
    double box[4] = {12.5, 20, 30.25, 7};
    assert_int_equal(form_source_set_box(s, 1, box), FORM_OK);
    assert_true(form_source_modified(s));
    char *t = text_of(s, NULL);
    assert_int_equal(lines_changed(t, sample), 1);
    assert_non_null(strstr(t, "box   =  12.5 20 30.25 7   \n")); /* spacing kept */
    free(t);
    /* setting the same value again is no edit */
    assert_int_equal(form_source_set_box(s, 1, box), FORM_OK);
    assert_true(form_source_undo(s));
    assert_false(form_source_modified(s));
    t = text_of(s, NULL);
    assert_string_equal(t, sample);
    free(t);
    assert_false(form_source_can_undo(s));
    assert_true(form_source_redo(s));
    t = text_of(s, NULL);
    assert_non_null(strstr(t, "12.5 20 30.25 7"));
    free(t);
    form_source_free(s);
}

static void test_new_keys_sections_and_removal(void **state)
{
    (void)state;
    form_source *s = parse_sample();
    form_source_begin(s);
    assert_int_equal(form_source_set(s, 1, "font", "mincho"), FORM_OK);
    assert_int_equal(form_source_set(s, 2, "size", "9"), FORM_OK); /* after a last line w/o \n */
    const char *pairs[] = {"box", "40 50 60 8", "value", "{answer.phone}", NULL};
    size_t idx = 0;
    assert_int_equal(form_source_add_section(s, 1, "field phone", pairs, &idx), FORM_OK);
    form_source_end(s);
    assert_int_equal(idx, 2);
    assert_string_equal(form_source_section_name(s, 2), "phone");
    assert_string_equal(form_source_get(s, 2, "value"), "{answer.phone}");
    assert_string_equal(form_source_get(s, 1, "font"), "mincho");
    char *t = text_of(s, NULL);
    /* the new key follows the last key; the comment of the next section stays above it */
    assert_non_null(strstr(t, "value = {card.name}\nfont = mincho\n\n[field phone]\n"));
    assert_non_null(strstr(t, "value = {answer.phone}\n\n# the date\n[label]\n"));
    assert_non_null(strstr(t, "box = 1 2 3 4\nsize = 9\n"));
    free(t);
    /* one group: one undo step restores the exact bytes */
    assert_true(form_source_undo(s));
    t = text_of(s, NULL);
    assert_string_equal(t, sample);
    free(t);
    /* removing a section keeps the next one's comment and the file otherwise intact */
    assert_int_equal(form_source_remove_section(s, 1), FORM_OK);
    t = text_of(s, NULL);
    assert_null(strstr(t, "[field name]"));
    assert_non_null(strstr(t, "paper = A4\n\n# the date\n[label]\n"));
    free(t);
    assert_int_equal(form_source_unset(s, 1, "text"), FORM_OK);
    assert_null(form_source_get(s, 1, "text"));
    assert_int_equal(form_source_unset(s, 1, "text"), FORM_E_NOT_FOUND);
    assert_true(form_source_undo(s));
    assert_true(form_source_undo(s));
    t = text_of(s, NULL);
    assert_string_equal(t, sample);
    free(t);
    form_source_free(s);
}

static void test_bad_input_and_arguments(void **state)
{
    (void)state;
    form_source *s = NULL;
    int bad = 0;
    static const char nul[] = "[form]\nid = a\0b\n";
    assert_int_equal(form_source_parse(nul, sizeof nul - 1, &s, &bad), FORM_E_SYNTAX);
    assert_int_equal(bad, 2);
    assert_null(s);
    static const char latin1[] = "[form]\n# caf\xe9\n";
    assert_int_equal(form_source_parse(latin1, strlen(latin1), &s, &bad), FORM_E_SYNTAX);
    assert_int_equal(form_source_load("/nonexistent/x.form", &s, NULL), FORM_E_IO);
    s = parse_sample();
    assert_int_equal(form_source_set(s, 1, "value", "two\nlines"), FORM_E_ARG);
    assert_int_equal(form_source_set(s, 9, "value", "x"), FORM_E_ARG);
    assert_int_equal(form_source_set(s, 1, "a=b", "x"), FORM_E_ARG);
    assert_int_equal(form_source_add_section(s, 0, "field x]", NULL, NULL), FORM_E_ARG);
    double huge[4] = {1e9, 0, 0, 0};
    assert_int_equal(form_source_set_box(s, 1, huge), FORM_E_ARG);
    assert_false(form_source_modified(s));
    /* an empty source is fine */
    form_source *e = NULL;
    assert_int_equal(form_source_parse("", 0, &e, NULL), FORM_OK);
    assert_int_equal(form_source_section_count(e), 0);
    form_source_free(e);
    form_source_free(s);
}

static void test_save_is_atomic_and_exact(void **state)
{
    (void)state;
    char dir[] = "/tmp/kakanai-source-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/demo.form", dir);
    form_source *s = parse_sample();
    assert_int_equal(form_source_save(s, path), FORM_OK);
    size_t n = 0;
    char *back = slurp(path, &n);
    assert_int_equal(n, strlen(sample));
    assert_memory_equal(back, sample, n);
    free(back);
    form_source_free(s);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_shipped_template_round_trips),
        cmocka_unit_test(test_sections_and_values),
        cmocka_unit_test(test_an_edit_changes_only_its_line_and_undoes_exactly),
        cmocka_unit_test(test_new_keys_sections_and_removal),
        cmocka_unit_test(test_bad_input_and_arguments),
        cmocka_unit_test(test_save_is_atomic_and_exact),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
