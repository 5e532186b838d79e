/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-date.c — the public calendar: days in a month (the one leap-year rule) and 和暦 text
 * at every era boundary, from tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "form.h"

static void days_in_month_from_a_table(void **state)
{
    (void)state;
    static const struct {
        int y, m, days;
    } t[] = {
        {2024, 2, 29},  {2023, 2, 28}, {2000, 2, 29},  {1900, 2, 28}, {2100, 2, 28},
        {2400, 2, 29},  {1, 1, 31},    {9999, 12, 31}, {2025, 4, 30}, {2025, 11, 30},
        {2025, 12, 31}, {2025, 0, 0},  {2025, 13, 0},  {0, 1, 0},     {10000, 1, 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (form_days_in_month(t[i].y, t[i].m) != t[i].days)
            fail_msg("%d-%d: %d days, want %d", t[i].y, t[i].m, form_days_in_month(t[i].y, t[i].m),
                     t[i].days);
}

static void wareki_at_every_era_boundary(void **state)
{
    (void)state;
    static const struct {
        int y, m, d;
        const char *want; /* NULL: FORM_E_ARG */
    } t[] = {
        {1873, 1, 1, "明治6年1月1日"},
        {1872, 12, 31, NULL},
        {1912, 7, 29, "明治45年7月29日"},
        {1912, 7, 30, "大正元年7月30日"},
        {1926, 12, 24, "大正15年12月24日"},
        {1926, 12, 25, "昭和元年12月25日"},
        {1989, 1, 7, "昭和64年1月7日"},
        {1989, 1, 8, "平成元年1月8日"},
        {2019, 4, 30, "平成31年4月30日"},
        {2019, 5, 1, "令和元年5月1日"},
        {2020, 1, 1, "令和2年1月1日"},
        {2025, 11, 25, "令和7年11月25日"},
        {9999, 12, 31, "令和7981年12月31日"},
        {2024, 2, 29, "令和6年2月29日"},
        {2023, 2, 29, NULL},
        {2019, 2, 30, NULL},
        {2019, 13, 1, NULL},
        {2019, 0, 1, NULL},
        {2019, 1, 0, NULL},
        {10000, 1, 1, NULL},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char out[FORM_WAREKI_MAX];
        memset(out, 'x', sizeof out);
        form_err e = form_wareki_format(t[i].y, t[i].m, t[i].d, out, sizeof out);
        if (t[i].want == NULL) {
            assert_int_equal(e, FORM_E_ARG);
            assert_string_equal(out, "");
        } else {
            assert_int_equal(e, FORM_OK);
            assert_string_equal(out, t[i].want);
        }
    }
}

static void wareki_needs_room(void **state)
{
    (void)state;
    char out[FORM_WAREKI_MAX];
    assert_int_equal(form_wareki_format(2025, 11, 25, NULL, 0), FORM_E_ARG);
    out[0] = 'x';
    assert_int_equal(form_wareki_format(2025, 11, 25, out, FORM_WAREKI_MAX - 1), FORM_E_ARG);
    assert_int_equal(out[0], '\0');
    assert_int_equal(form_wareki_format(9999, 12, 31, out, sizeof out), FORM_OK);
    assert_true(strlen(out) < FORM_WAREKI_MAX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(days_in_month_from_a_table),
        cmocka_unit_test(wareki_at_every_era_boundary),
        cmocka_unit_test(wareki_needs_room),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
