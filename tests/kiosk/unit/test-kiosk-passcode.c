/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-kiosk-passcode.c — the staff passcode is stored salted and slow, and checked safely. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kiosk-passcode.h"

#define FAST 10000

static void hash_then_check_matches_only_the_same_passcode(void **state)
{
    char *h = kiosk_passcode_hash("counter-7", FAST);
    assert_non_null(h);
    assert_null(strstr(h, "counter-7"));
    assert_true(kiosk_passcode_check(h, "counter-7"));
    assert_false(kiosk_passcode_check(h, "counter-8"));
    assert_false(kiosk_passcode_check(h, "counter-"));
    assert_false(kiosk_passcode_check(h, ""));
    free(h);
}

static void same_passcode_twice_gets_different_salts(void **state)
{
    char *a = kiosk_passcode_hash("same", FAST), *b = kiosk_passcode_hash("same", FAST);
    assert_string_not_equal(a, b);
    assert_true(kiosk_passcode_check(a, "same"));
    assert_true(kiosk_passcode_check(b, "same"));
    free(a);
    free(b);
}

static void malformed_stored_forms_never_match(void **state)
{
    char *h = kiosk_passcode_hash("x1", FAST);
    size_t n = strlen(h);
    static const char *const bad[] = {
        "", "pbkdf2-sha256$", "pbkdf2-sha256$10000$", "sha1$10000$00$00",
        "pbkdf2-sha256$9999$00000000000000000000000000000000$"
        "0000000000000000000000000000000000000000000000000000000000000000",
        "pbkdf2-sha256$99999999999$00000000000000000000000000000000$"
        "0000000000000000000000000000000000000000000000000000000000000000",
        "pbkdf2-sha256$10000$0000000000000000000000000000000g$"
        "0000000000000000000000000000000000000000000000000000000000000000",
        "pbkdf2-sha256$10000$00000000000000000000000000000000$00",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(kiosk_passcode_check(bad[i], "x1"));
    /* truncated or extended copies of a good one */
    char *t = strdup(h);
    t[n - 1] = 0;
    assert_false(kiosk_passcode_check(t, "x1"));
    free(t);
    size_t cap = n + 3;
    char *e = malloc(cap);
    memcpy(e, h, n);
    memcpy(e + n, "00", 3);
    assert_false(kiosk_passcode_check(e, "x1"));
    free(e);
    /* a flipped hash byte */
    char *f = strdup(h);
    f[n - 1] = f[n - 1] == '0' ? '1' : '0';
    assert_false(kiosk_passcode_check(f, "x1"));
    free(f);
    assert_false(kiosk_passcode_check(NULL, "x1"));
    assert_false(kiosk_passcode_check(h, NULL));
    free(h);
}

static void over_long_or_empty_passcodes_are_refused(void **state)
{
    char longp[KIOSK_PASSCODE_MAX + 2];
    memset(longp, 'a', sizeof longp - 1);
    longp[sizeof longp - 1] = 0;
    assert_null(kiosk_passcode_hash(longp, FAST));
    assert_null(kiosk_passcode_hash("", FAST));
    assert_null(kiosk_passcode_hash("ok", 5)); /* too few iterations */
    longp[KIOSK_PASSCODE_MAX] = 0; /* exactly the limit is fine */
    char *h = kiosk_passcode_hash(longp, FAST);
    assert_non_null(h);
    assert_true(kiosk_passcode_check(h, longp));
    free(h);
}

static void default_iterations_are_recorded(void **state)
{
    char *h = kiosk_passcode_hash("d", 0);
    assert_non_null(h);
    assert_non_null(strstr(h, "$200000$"));
    free(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hash_then_check_matches_only_the_same_passcode),
        cmocka_unit_test(same_passcode_twice_gets_different_salts),
        cmocka_unit_test(malformed_stored_forms_never_match),
        cmocka_unit_test(over_long_or_empty_passcodes_are_refused),
        cmocka_unit_test(default_iterations_are_recorded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
