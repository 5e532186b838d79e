/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-counter-staff.c — per-staff sign-in: the staff file, hashes, lockout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "counter-staff.h"

#define FAST 10000

typedef struct fixture {
    char *dir;
    char *file;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = g_dir_make_tmp("counter-staff-XXXXXX", NULL);
    f->file = g_build_filename(f->dir, "staff.conf", NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->file);
    rmdir(f->dir);
    g_free(f->file);
    g_free(f->dir);
    free(f);
    return 0;
}

static void write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void each_staff_member_signs_in_with_their_own_passcode(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_staff_add(f->file, "S0042", "aoi-7731", FAST), COUNTER_OK);
    assert_int_equal(counter_staff_add(f->file, "S0043", "kei-2290", FAST), COUNTER_OK);
    assert_int_equal(counter_staff_add(f->file, "S0042", "again", FAST), COUNTER_E_STAFF_EXISTS);
    struct stat st;
    assert_int_equal(stat(f->file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    gchar *text = NULL;
    assert_true(g_file_get_contents(f->file, &text, NULL, NULL));
    assert_null(strstr(text, "aoi-7731"));
    assert_null(strstr(text, "kei-2290"));
    g_free(text);

    counter_staff *s = NULL;
    assert_int_equal(counter_staff_load(f->file, &s, NULL), COUNTER_OK);
    assert_int_equal(counter_staff_count(s), 2);
    assert_string_equal(counter_staff_id(s, 1), "S0043");
    assert_int_equal(counter_staff_sign_in(s, "S0042", "aoi-7731", 100, NULL), COUNTER_OK);
    assert_int_equal(counter_staff_sign_in(s, "S0043", "kei-2290", 100, NULL), COUNTER_OK);
    /* someone else's passcode, an unknown ID: the same answer */
    assert_int_equal(counter_staff_sign_in(s, "S0042", "kei-2290", 100, NULL),
                     COUNTER_E_STAFF_UNKNOWN);
    assert_int_equal(counter_staff_sign_in(s, "S9999", "kei-2290", 100, NULL),
                     COUNTER_E_STAFF_UNKNOWN);
    assert_int_equal(counter_staff_sign_in(s, "bad id", "x", 100, NULL), COUNTER_E_STAFF_UNKNOWN);
    counter_staff_free(s);

    assert_int_equal(counter_staff_remove(f->file, "S0042"), COUNTER_OK);
    assert_int_equal(counter_staff_remove(f->file, "S0042"), COUNTER_E_STAFF_UNKNOWN);
    assert_int_equal(counter_staff_load(f->file, &s, NULL), COUNTER_OK);
    assert_int_equal(counter_staff_count(s), 1);
    assert_int_equal(counter_staff_sign_in(s, "S0042", "aoi-7731", 100, NULL),
                     COUNTER_E_STAFF_UNKNOWN);
    counter_staff_free(s);
}

static void wrong_passcodes_lock_the_id_for_a_growing_while(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_staff_add(f->file, "S1", "right-one", FAST), COUNTER_OK);
    counter_staff *s = NULL;
    assert_int_equal(counter_staff_load(f->file, &s, NULL), COUNTER_OK);
    unsigned wait = 0;
    for (int i = 0; i < COUNTER_STAFF_LOCK_AFTER; i++)
        assert_int_equal(counter_staff_sign_in(s, "S1", "wrong", 1000, &wait),
                         COUNTER_E_STAFF_UNKNOWN);
    /* locked: even the right passcode is refused, and no derivation is spent */
    assert_int_equal(counter_staff_sign_in(s, "S1", "right-one", 1001, &wait),
                     COUNTER_E_STAFF_LOCKED);
    assert_int_equal(wait, COUNTER_STAFF_LOCK_SECONDS - 1);
    long long t = 1000 + COUNTER_STAFF_LOCK_SECONDS;
    for (int i = 0; i < COUNTER_STAFF_LOCK_AFTER; i++)
        assert_int_equal(counter_staff_sign_in(s, "S1", "wrong", t, NULL), COUNTER_E_STAFF_UNKNOWN);
    assert_int_equal(counter_staff_sign_in(s, "S1", "right-one", t, &wait),
                     COUNTER_E_STAFF_LOCKED);
    assert_int_equal(wait, 2 * COUNTER_STAFF_LOCK_SECONDS);
    t += 2 * COUNTER_STAFF_LOCK_SECONDS;
    assert_int_equal(counter_staff_sign_in(s, "S1", "right-one", t, NULL), COUNTER_OK);
    counter_staff_free(s);
}

static void a_malformed_staff_file_names_its_line(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text;
        unsigned line;
    } bad[] = {
        {"# ok\nS1\n", 2},
        {"S1 plain-passcode\n", 1},
        {"\n\nS 1 pbkdf2-sha256$1$2$3\n", 3},
        {"S1 pbkdf2-sha256$x\nS1 pbkdf2-sha256$y\n", 2},
        {"山田 pbkdf2-sha256$x\n", 1},
        {"S1 pbkdf2-sha256$x extra\n", 1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_text(f->file, bad[i].text);
        counter_staff *s = (counter_staff *)1;
        unsigned line = 0;
        assert_int_equal(counter_staff_load(f->file, &s, &line), COUNTER_E_STAFF_FORMAT);
        assert_null(s);
        assert_int_equal(line, bad[i].line);
    }
    /* comments, blank lines, CRLF and a missing file are fine */
    write_text(f->file, "# staff\r\n\r\n  S7 pbkdf2-sha256$10000$aa$bb  \r\n");
    counter_staff *s = NULL;
    assert_int_equal(counter_staff_load(f->file, &s, NULL), COUNTER_OK);
    assert_int_equal(counter_staff_count(s), 1);
    assert_int_equal(counter_staff_sign_in(s, "S7", "x", 0, NULL), COUNTER_E_STAFF_UNKNOWN);
    counter_staff_free(s);
    unlink(f->file);
    assert_int_equal(counter_staff_load(f->file, &s, NULL), COUNTER_OK);
    assert_int_equal(counter_staff_count(s), 0);
    counter_staff_free(s);
}

static void ids_and_passcodes_are_bounded(void **state)
{
    fixture *f = *state;
    assert_true(counter_staff_id_valid("S-0042.a_b"));
    assert_false(counter_staff_id_valid(""));
    assert_false(counter_staff_id_valid("a b"));
    assert_false(counter_staff_id_valid("123456789012345678901234567890123"));
    assert_int_equal(counter_staff_add(f->file, "a b", "x", FAST), COUNTER_E_ARG);
    assert_int_equal(counter_staff_add(f->file, "S1", "", FAST), COUNTER_E_ARG);
    char longpass[100];
    memset(longpass, 'p', sizeof longpass - 1);
    longpass[sizeof longpass - 1] = 0;
    assert_int_equal(counter_staff_add(f->file, "S1", longpass, FAST), COUNTER_E_ARG);
    counter_staff_free(NULL);
    assert_int_equal(counter_staff_load(NULL, NULL, NULL), COUNTER_E_ARG);
    assert_int_equal(counter_staff_sign_in(NULL, "S1", "x", 0, NULL), COUNTER_E_ARG);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(each_staff_member_signs_in_with_their_own_passcode, setup, teardown),
        cmocka_unit_test_setup_teardown(wrong_passcodes_lock_the_id_for_a_growing_while, setup, teardown),
        cmocka_unit_test_setup_teardown(a_malformed_staff_file_names_its_line, setup, teardown),
        cmocka_unit_test_setup_teardown(ids_and_passcodes_are_bounded, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
