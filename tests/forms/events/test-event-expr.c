/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-event-expr.c — the condition language of life events: what parses, what it means, and
 * where a clerk's mistake is reported; ages as the law counts them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form-event-private.h"

static const char event_text[] = "[event]\nid = t\ntitle.ja = 試験\n"
                                 "[question a]\ntype = yesno\nlabel.ja = A\n"
                                 "[question n]\ntype = count\nmin = 0\nmax = 5\nlabel.ja = N\n"
                                 "[question c]\ntype = choice\nlabel.ja = C\nchoice.x.ja = X\n"
                                 "choice.y.ja = Y\nchoice.z.ja = Z\n"
                                 "[question d]\ntype = yesno\ndefault = yes\nask_if = a\nlabel.ja = D\n";

static form_event *event(void)
{
    form_diags *d = form_diags_new();
    form_event *e = NULL;
    assert_int_equal(form_event_parse("t.event", event_text, strlen(event_text), &e, d), FORM_OK);
    assert_int_equal(form_diags_count(d), 0);
    form_diags_free(d);
    return e;
}

/* "a=yes;n=2;@card=19600401;@m1=…;@today=…" → values */
static form_values *values(const char *spec)
{
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *kv = buf, *semi; kv != NULL && *kv != '\0'; kv = semi ? semi + 1 : NULL) {
        semi = strchr(kv, ';');
        if (semi != NULL)
            *semi = '\0';
        char *eq = strchr(kv, '=');
        assert_non_null(eq);
        *eq = '\0';
        const char *val = eq + 1;
        if (strcmp(kv, "@today") == 0)
            assert_int_equal(form_values_set_today(v, val), FORM_OK);
        else if (strcmp(kv, "@card") == 0)
            assert_int_equal(form_values_set_card(v, NULL, NULL, val, NULL, NULL), FORM_OK);
        else if (kv[0] == '@' && kv[1] == 'm')
            assert_int_equal(form_values_set_member(v, "member", (unsigned)(kv[2] - '0'), "birth", val),
                             FORM_OK);
        else
            assert_int_equal(form_values_set_answer(v, kv, val), FORM_OK);
    }
    return v;
}

static bool holds(const form_event *e, const char *cond, const char *spec)
{
    form_expr x;
    char en[256], ja[256];
    size_t at = 0;
    form_err r = form_cond_parse(e, SIZE_MAX, cond, &x, en, ja, sizeof en, &at);
    if (r != FORM_OK)
        fail_msg("%s: %s (at %zu)", cond, en, at);
    form_values *v = values(spec);
    form_facts f;
    form_facts_init(&f, e, v);
    bool b = form_cond_eval(&x, &f);
    form_values_free(v);
    form_cond_free(&x);
    return b;
}

static void conditions_mean_what_they_say(void **state)
{
    (void)state;
    static const struct {
        const char *cond, *values;
        bool want;
    } table[] = {
        {"a", "a=yes", true},
        {"a", "a=no", false},
        {"a", "@today=20260401", false}, /* unanswered yes/no is no */
        {"a = yes", "a=yes", true},
        {"a != yes", "a=yes", false},
        {"not a", "a=no", true},
        {"not not a", "a=yes", true},
        {"n > 0", "n=1", true},
        {"n > 0", "", false},            /* unanswered count is 0 */
        {"n >= 2 and n <= 3", "n=3", true},
        {"n + 1 = 3", "n=2", true},
        {"n - 3 < 0", "n=2", true},
        {"c = x", "c=x", true},
        {"x = c", "c=x", true},
        {"c = y or c = z", "c=x", false},
        {"c != x", "", true},           /* no choice is not x */
        {"a or n > 2 and c = z", "a=no;n=3;c=z", true},
        {"(a or n > 2) and c = z", "a=yes;c=x", false},
        {"a and (n = 1 or n = 2)", "a=yes;n=2", true},
        /* ask_if: d is asked only when a; not asked counts as unanswered, asked takes its default */
        {"d", "a=no;d=yes", false},
        {"d", "a=yes", true},
        {"d", "a=yes;d=no", false},
        /* facts */
        {"age >= 65", "@card=19600401;@today=20250401", true},
        {"age >= 65", "@card=19600401;@today=20250330", false},
        {"age < 200", "@today=20250101", false}, /* no birth: unknown, every comparison false */
        {"not (age < 200)", "@today=20250101", true},
        {"reached_age(65)", "@card=19600401;@today=20250331", true}, /* the day before */
        {"reached_age 65", "@card=19600401;@today=20250330", false},
        {"school_age", "@card=20190401;@today=20250401", true},  /* born 1 April: a year early */
        {"school_age", "@card=20190402;@today=20250401", false},
        {"members = 3", "@m1=19800101;@m2=19820202;@m3=20200303", true},
        {"count(age < 18) = 1", "@m1=19800101;@m2=19820202;@m3=20200303;@today=20260401", true},
        {"count(age >= 20 and age < 60) = 2", "@m1=19800101;@m2=19820202;@m3=20200303;@today=20260401", true},
        {"count(school_age) > 0", "@m1=19800101;@m2=20170615;@today=20260401", true},
        {"count(reached_age(75)) > 0", "@card=19500101;@today=20260401", true}, /* no members: the card */
        {"count(age >= 0) = 0", "", true}, /* nobody known: nobody counted */
    };
    form_event *e = event();
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (holds(e, table[i].cond, table[i].values) != table[i].want)
            fail_msg("\"%s\" with %s: want %s", table[i].cond, table[i].values,
                     table[i].want ? "true" : "false");
    form_event_free(e);
}

static void mistakes_are_reported_where_they_are(void **state)
{
    (void)state;
    static const struct {
        const char *cond;
        size_t at;
        const char *says;
    } table[] = {
        {"", 0, "empty"},
        {"a and", 5, "ends too early"},
        {"(a or n > 1", 11, "no closing"},
        {"a = yes)", 7, "unexpected text"},
        {"a & n", 2, "unexpected character"},
        {"age >= ６５", 7, "unexpected character"},
        {"kokuho", 0, "unknown name \"kokuho\""},
        {"agee > 3", 0, "did you mean \"age\""},
        {"c = w", 4, "not a choice of the question \"c\""},
        {"c = yes", 4, "a choice is needed here"},
        {"n = yes", 4, "a number is needed here"},
        {"a > 1", 0, "a number is needed here"},
        {"n", 0, "a yes/no condition is needed here"},
        {"count(a) and 1", 0, "a yes/no condition is needed here"},
        {"count(count(a) > 1) > 0", 6, "inside count"},
        {"reached_age(200)", 12, "reached_age(N)"},
        {"and a", 0, "needs a condition before it"},
        {"n > 99999999", 4, "unexpected character"},
    };
    form_event *e = event();
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        form_expr x;
        char en[256], ja[256];
        size_t at = 99;
        form_err r = form_cond_parse(e, SIZE_MAX, table[i].cond, &x, en, ja, sizeof en, &at);
        if (r == FORM_OK)
            fail_msg("\"%s\" parsed", table[i].cond);
        if (at != table[i].at || strstr(en, table[i].says) == NULL)
            fail_msg("\"%s\": at %zu \"%s\", want at %zu \"%s\"", table[i].cond, at, en, table[i].at,
                     table[i].says);
        assert_true(ja[0] != '\0');
        assert_null(x.n);
    }
    /* ask_if looks back only */
    form_expr x;
    char en[256], ja[256];
    size_t at = 0;
    assert_int_equal(form_cond_parse(e, 1, "n > 1", &x, en, ja, sizeof en, &at), FORM_E_TEMPLATE);
    assert_non_null(strstr(en, "asked later"));
    /* nesting and size limits */
    char deep[64];
    memset(deep, '(', 20);
    deep[20] = 'a';
    memset(deep + 21, ')', 20);
    deep[41] = '\0';
    assert_int_equal(form_cond_parse(e, SIZE_MAX, deep, &x, en, ja, sizeof en, &at), FORM_E_TEMPLATE);
    assert_non_null(strstr(en, "too deeply"));
    char longc[1024] = "a";
    for (size_t i = 0, n = 1; i < 40; i++, n += 5)
        memcpy(longc + n, " or a", 6);
    assert_int_equal(form_cond_parse(e, SIZE_MAX, longc, &x, en, ja, sizeof en, &at), FORM_E_TEMPLATE);
    assert_non_null(strstr(en, "too long"));
    form_cond_free(NULL);
    form_event_free(e);
}

static void ages_as_the_law_counts_them(void **state)
{
    (void)state;
    form_date b = {1960, 4, 1}, leap = {2004, 2, 29};
    assert_true(form_reached_age(b, 65, (form_date){2025, 3, 31}));
    assert_false(form_reached_age(b, 65, (form_date){2025, 3, 30}));
    /* 29 February: the birthday is 1 March in a common year, reached on 28 February */
    assert_true(form_reached_age(leap, 18, (form_date){2022, 2, 28}));
    assert_false(form_reached_age(leap, 18, (form_date){2022, 2, 27}));
    assert_true(form_reached_age(leap, 0, (form_date){2004, 2, 29}));
    /* school: born 2 April 2018 … 1 April 2019 start on 1 April 2025, for nine years */
    assert_true(form_school_age((form_date){2019, 4, 1}, (form_date){2025, 4, 1}));
    assert_true(form_school_age((form_date){2018, 4, 2}, (form_date){2025, 4, 1}));
    assert_false(form_school_age((form_date){2018, 4, 2}, (form_date){2025, 3, 31}));
    assert_false(form_school_age((form_date){2019, 4, 2}, (form_date){2025, 4, 1}));
    assert_true(form_school_age((form_date){2018, 4, 2}, (form_date){2034, 3, 31}));
    assert_false(form_school_age((form_date){2018, 4, 2}, (form_date){2034, 4, 1}));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conditions_mean_what_they_say),
        cmocka_unit_test(mistakes_are_reported_where_they_are),
        cmocka_unit_test(ages_as_the_law_counts_them),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
