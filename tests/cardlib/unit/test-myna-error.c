/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-myna-error.c — every error has a name and a sentence; unknown values are safe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "myna.h"

static const myna_err all_errors[] = {
    MYNA_OK,
    MYNA_E_ARG,
    MYNA_E_NOMEM,
    MYNA_E_MLOCK,
    MYNA_E_CANCELLED,
    MYNA_E_TIMEOUT,
    MYNA_E_PROFILE,
    MYNA_E_NO_SERVICE,
    MYNA_E_NO_READER,
    MYNA_E_READER,
    MYNA_E_NO_CARD,
    MYNA_E_CARD_REMOVED,
    MYNA_E_TRANSPORT,
    MYNA_E_PINPAD,
    MYNA_E_NOT_MYNA,
    MYNA_E_CARD,
    MYNA_E_BAD_DATA,
    MYNA_E_NOT_VERIFIED,
    MYNA_E_AUTH_DATA,
    MYNA_E_PIN_FORMAT,
    MYNA_E_PIN_WRONG,
    MYNA_E_PIN_LAST_TRY,
    MYNA_E_PIN_BLOCKED,
};

static void every_error_has_a_distinct_name(void **state)
{
    (void)state;
    size_t n = sizeof all_errors / sizeof all_errors[0];
    for (size_t i = 0; i < n; i++) {
        const char *name = myna_err_name(all_errors[i]);
        assert_non_null(name);
        assert_int_equal(strncmp(name, "MYNA_", 5), 0);
        assert_string_not_equal(myna_strerror(all_errors[i]), "Unknown error.");
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(name, myna_err_name(all_errors[j]));
    }
}

static void unknown_error_gets_a_static_text(void **state)
{
    (void)state;
    assert_string_equal(myna_err_name((myna_err)9999), "MYNA_E_UNKNOWN");
    assert_string_equal(myna_strerror((myna_err)-1), "Unknown error.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_error_has_a_distinct_name),
        cmocka_unit_test(unknown_error_gets_a_static_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
