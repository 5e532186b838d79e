/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-kiosk-log.c — the log writer never lets a number, a name or an address through. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>

#include "kiosk-log.h"

static const struct {
    const char *in, *out;
} redact_table[] = {
    {"state PIN -> READING", "state PIN -> READING"},
    {"tries 3", "tries 3"},
    {"pin 1234", "pin ####"},
    {"number 123456789012", "number ####"}, /* any run of 4+ digits */
    {"birth 19800101 x", "birth #### x"},
    {"吉田太郎", "????"},
    {"東京都千代田区1-2-3", "???????1-2-3"},
    {"a\nb", "a b"},
    {"", ""},
};

static void redaction_table(void **state)
{
    for (size_t i = 0; i < sizeof redact_table / sizeof redact_table[0]; i++) {
        g_autofree char *r = kiosk_log_redact(redact_table[i].in);
        assert_string_equal(r, redact_table[i].out);
    }
    g_autofree char *n = kiosk_log_redact(NULL);
    assert_string_equal(n, "");
}

static void writer_at_debug_level_redacts(void **state)
{
    /* Run ourselves as a child with G_MESSAGES_DEBUG=all and check its stderr. */
    if (g_getenv("KIOSK_LOG_CHILD")) {
        kiosk_log_install();
        g_debug("debug pin=%s name=%s", "1234", "吉田太郎");
        g_message("addr %s", "東京都千代田区");
        g_warning("number %s", "123456789012");
        exit(0);
    }
    g_autofree char *self = g_file_read_link("/proc/self/exe", NULL);
    char *args[] = {self, NULL};
    char **env = g_get_environ();
    env = g_environ_setenv(env, "KIOSK_LOG_CHILD", "1", TRUE);
    env = g_environ_setenv(env, "G_MESSAGES_DEBUG", "all", TRUE);
    g_autofree char *err = NULL;
    int status = 0;
    assert_true(g_spawn_sync(NULL, args, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status,
                             NULL));
    g_strfreev(env);
    assert_non_null(strstr(err, "DEBUG"));
    assert_non_null(strstr(err, "MESSAGE"));
    assert_non_null(strstr(err, "WARNING"));
    assert_null(strstr(err, "1234"));
    assert_null(strstr(err, "吉田"));
    assert_null(strstr(err, "東京"));
    assert_null(strstr(err, "123456789012"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(redaction_table),
        cmocka_unit_test(writer_at_debug_level_redacts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
