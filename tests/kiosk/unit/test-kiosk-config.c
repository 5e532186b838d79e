/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-kiosk-config.c — configuration defaults, values, limits and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "kiosk-config.h"

static char *write_conf(const char *text)
{
    char *path = NULL;
    int fd = g_file_open_tmp("kiosk-conf-XXXXXX", &path, NULL);
    assert_true(fd >= 0);
    close(fd);
    assert_true(g_file_set_contents(path, text, -1, NULL));
    return path;
}

static void missing_default_file_gives_defaults(void **state)
{
    g_autoptr(GError) e = NULL;
    kiosk_config *c = kiosk_config_load("/nonexistent/kiosk.conf", FALSE, &e);
    assert_non_null(c);
    assert_int_equal(c->idle_timeout, KIOSK_IDLE_DEFAULT);
    assert_string_equal(c->languages[0], "ja");
    assert_string_equal(c->printer, "");
    assert_true(kiosk_config_offers(c, "anything"));
    kiosk_config_free(c);
}

static void missing_explicit_file_is_an_error(void **state)
{
    g_autoptr(GError) e = NULL;
    assert_null(kiosk_config_load("/nonexistent/kiosk.conf", TRUE, &e));
    assert_non_null(e);
    assert_non_null(strstr(e->message, "/nonexistent/kiosk.conf"));
}

static void values_are_read(void **state)
{
    g_autofree char *p = write_conf("[kiosk]\nreader-filter=ACS\nprinter=front\n"
                                    "idle-timeout=45\nlanguages=en;ja;\ncounter=3\n"
                                    "procedures=juminhyo;inkan;\n");
    g_autoptr(GError) e = NULL;
    g_autoptr(kiosk_config) c = kiosk_config_load(p, TRUE, &e);
    assert_non_null(c);
    assert_string_equal(c->reader_filter, "ACS");
    assert_string_equal(c->printer, "front");
    assert_int_equal(c->idle_timeout, 45);
    assert_string_equal(c->languages[0], "en");
    assert_int_equal(c->counter, 3);
    assert_true(kiosk_config_offers(c, "inkan"));
    assert_false(kiosk_config_offers(c, "koseki"));
    g_unlink(p);
}

static void out_of_range_values_are_refused(void **state)
{
    static const char *const bad[] = {
        "[kiosk]\nidle-timeout=9\n",      "[kiosk]\nidle-timeout=901\n",
        "[kiosk]\nidle-timeout=soon\n",   "[kiosk]\ncounter=-1\n",
        "[kiosk]\nlanguages=fr;\n",       "[kiosk]\nrequire-signed=maybe\n",
        "[kiosk]\nprint-timeout=4\n",     "[kiosk]\nprint-timeout=301\n",
        "[kiosk]\nrequire-signed=true\n", "not a key file\n",
        "[kiosk]\nask-all-questions=2\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        g_autofree char *p = write_conf(bad[i]);
        g_autoptr(GError) e = NULL;
        assert_null(kiosk_config_load(p, TRUE, &e));
        assert_non_null(e);
        g_unlink(p);
    }
    static const char *const edge[] = {"[kiosk]\nidle-timeout=10\n",
                                       "[kiosk]\nidle-timeout=900\n"};
    for (size_t i = 0; i < 2; i++) {
        g_autofree char *p = write_conf(edge[i]);
        g_autoptr(kiosk_config) c = kiosk_config_load(p, TRUE, NULL);
        assert_non_null(c);
        g_unlink(p);
    }
}

static void save_then_load_round_trips(void **state)
{
    g_autofree char *p = write_conf("# installer's comment\n[kiosk]\nprinter=a\n");
    g_autoptr(kiosk_config) c = kiosk_config_load(p, TRUE, NULL);
    g_free(c->printer);
    c->printer = g_strdup("b");
    g_strfreev(c->procedures);
    c->procedures = g_strsplit("juminhyo", ";", -1);
    assert_true(kiosk_config_save(c, NULL));
    g_autoptr(kiosk_config) d = kiosk_config_load(p, TRUE, NULL);
    assert_string_equal(d->printer, "b");
    assert_false(kiosk_config_offers(d, "inkan"));
    g_autofree char *text = NULL;
    g_file_get_contents(p, &text, NULL, NULL);
    assert_non_null(strstr(text, "installer's comment"));
    g_unlink(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_default_file_gives_defaults),
        cmocka_unit_test(missing_explicit_file_is_an_error),
        cmocka_unit_test(values_are_read),
        cmocka_unit_test(out_of_range_values_are_refused),
        cmocka_unit_test(save_then_load_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
