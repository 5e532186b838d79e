/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-event-check.c — what `kakanai-form check` says about an event, at file:line:column:
 * syntax, unknown procedures, rules that never apply, questions never asked, unused or asked
 * twice, dependency cycles; and what loading does with a bad event (leaves it out). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "form-event-private.h"
#include "test-support.h"

typedef struct want {
    int line, column;
    const char *says;
} want;

/* A folder with one form (question copies: number 1..10), a catalogue of procedures a b c
 * (a has the form), and events/e.event = text; the check's diagnostics compared with w. */
static void check_event(const char *text, const want *w, size_t nw)
{
    char dir[] = "/tmp/kakanai-ev-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[1200], edir[600];
    ts_path(path, sizeof path, dir, "a.form");
    const char *form = "[form]\nid = a\ntitle.ja = A\n[question copies]\ntype = number\n"
                       "label.ja = 通数\nmin = 1\nmax = 10\n";
    assert_int_equal(ts_write(path, form, strlen(form)), 0);
    ts_path(path, sizeof path, dir, "catalog.conf");
    const char *conf = "[procedure a]\nforms = a\n"
                       "[procedure b]\ntitle.ja = B\noffer = counter\nguide.counter.ja = 1番\n"
                       "[procedure c]\ntitle.ja = C\noffer = counter\nguide.counter.ja = 2番\n";
    assert_int_equal(ts_write(path, conf, strlen(conf)), 0);
    ts_path(edir, sizeof edir, dir, "events");
    assert_int_equal(mkdir(edir, 0700), 0);
    ts_path(path, sizeof path, edir, "e.event");
    assert_int_equal(ts_write(path, text, strlen(text)), 0);
    form_catalog *c = NULL;
    form_diags *ld = NULL;
    assert_int_equal(form_catalog_load(dir, NULL, &c, &ld), FORM_OK);
    form_diags *d = form_diags_new();
    form_events_check_dir(c, dir, d);
    bool ok = form_diags_count(d) == nw;
    for (size_t i = 0; ok && i < nw; i++) {
        const form_diag *g = form_diags_get(d, i);
        ok = g->line == w[i].line && g->column == w[i].column && strstr(g->message, w[i].says) &&
             g->message_ja != NULL && strstr(g->file, "e.event");
    }
    if (!ok) {
        for (size_t i = 0; i < form_diags_count(d); i++)
            print_message("got %d:%d %s\n", form_diags_get(d, i)->line,
                          form_diags_get(d, i)->column, form_diags_get(d, i)->message);
        for (size_t i = 0; i < nw; i++)
            print_message("want %d:%d %s\n", w[i].line, w[i].column, w[i].says);
        fail();
    }
    /* loading: an event with problems of its syntax or procedures is left out */
    bool load_errors = false;
    for (size_t i = 0; i < form_diags_count(ld); i++)
        load_errors |= strstr(form_diags_get(ld, i)->file, "e.event") != NULL;
    assert_int_equal(form_catalog_event_count(c), load_errors ? 0 : 1);
    form_diags_free(d);
    form_diags_free(ld);
    form_catalog_free(c);
    unlink(path);
    rmdir(edir);
    ts_rmdir(dir);
}

#define HEAD "[event]\nid = e\ntitle.ja = 出来事\n"

static void a_good_event_has_no_problems(void **state)
{
    (void)state;
    check_event(HEAD "procedure.b = c\n[question q]\ntype = yesno\nlabel.ja = Q\n"
                     "[rule]\nprocedure = a\n[rule]\nwhen = q\nprocedure = b\nnote.ja = 注意\n",
                NULL, 0);
}

static void syntax_problems(void **state)
{
    (void)state;
    static const want w[] = {
        {4, 1, "unknown section"},
        {6, 1, "unknown key \"lable.ja\"; did you mean \"label.ja\"?"},
        {7, 8, "yesno, choice or count"},
        {10, 1, "given twice"},
        {12, 11, "defined twice: it would be asked twice"},
    };
    check_event(HEAD "[rules]\n[question q]\nlable.ja = Q\ntype = text\n[question r]\ntype = yesno\n"
                     "type = yesno\n[question s]\n[question q]\n",
                w, sizeof w / sizeof w[0]);
}

static void conditions_are_checked_at_their_column(void **state)
{
    (void)state;
    static const want w[] = {{8, 13, "unknown name \"qq\"; did you mean \"q\"?"}};
    check_event(HEAD "[question q]\ntype = yesno\nlabel.ja = Q\n[rule]\nwhen = q or qq\nprocedure = a\n",
                w, 1);
    static const want w2[] = {{7, 10, "asked later"}};
    check_event(HEAD "[question p]\ntype = yesno\nlabel.ja = P\nask_if = q\n[question q]\ntype = yesno\n"
                     "label.ja = Q\n[rule]\nwhen = p or q\nprocedure = a\n",
                w2, 1);
}

static void unknown_procedures_are_named(void **state)
{
    (void)state;
    static const want w[] = {
        {7, 15, "unknown procedure \"zz\""},
        {4, 15, "unknown procedure \"kokuho_kanyu\""},
    };
    check_event(HEAD "procedure.a = kokuho_kanyu\n[rule]\nwhen = members > 1\nprocedure = a zz\n", w, 2);
}

static void rules_that_never_apply_and_questions_never_asked(void **state)
{
    (void)state;
    static const want w[] = {
        {10, 10, "is never asked"},
        {16, 8, "can never apply"},
        {19, 8, "can never apply"},
        {22, 8, "can never apply"},
    };
    check_event(HEAD "[question n]\ntype = count\nmax = 3\nlabel.ja = N\n"       /* 4-7 */
                     "[question m]\ntype = yesno\nask_if = n > 3\nlabel.ja = M\n" /* 8-11 */
                     "[rule]\nwhen = n >= 3\nprocedure = a\n"                      /* 12-14 */
                     "[rule]\nwhen = n > 3 or m\nprocedure = b\n"                  /* 15-17 */
                     "[rule]\nwhen = age < 20 and age > 70\nprocedure = c\n"       /* 18-20 */
                     "[rule]\nwhen = count(school_age) > members + 6\nprocedure = c\n",
                w, sizeof w / sizeof w[0]);
}

static void unused_and_twice_asked_questions(void **state)
{
    (void)state;
    static const want w[] = {
        {4, 1, "no rule or ask_if uses its answer"},
        {7, 1, "also asked by a form of the procedure \"a\", differently"},
    };
    check_event(HEAD "[question q]\ntype = yesno\nlabel.ja = Q\n"
                     "[question copies]\ntype = count\nlabel.ja = 通数\nmax = 5\n"
                     "[rule]\nwhen = copies > 1\nprocedure = a\n",
                w, 2);
    /* the same definition is fine: one answer serves the event and the form */
    check_event(HEAD "[question copies]\ntype = count\nlabel.ja = 通数\nmin = 1\nmax = 10\n"
                     "[rule]\nwhen = copies > 1\nprocedure = a\n",
                NULL, 0);
}

static void dependency_cycles(void **state)
{
    (void)state;
    static const want w[] = {{6, 11, "go round in a circle: a → b → c → a"}};
    check_event(HEAD "procedure.a = b\nprocedure.b = c\nprocedure.c = a\n[rule]\nprocedure = a\n", w, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_good_event_has_no_problems),
        cmocka_unit_test(syntax_problems),
        cmocka_unit_test(conditions_are_checked_at_their_column),
        cmocka_unit_test(unknown_procedures_are_named),
        cmocka_unit_test(rules_that_never_apply_and_questions_never_asked),
        cmocka_unit_test(unused_and_twice_asked_questions),
        cmocka_unit_test(dependency_cycles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
