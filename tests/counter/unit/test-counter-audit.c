/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-counter-audit.c — the audit log: events only (a canary household's visit leaves none of
 * its data in it), append-only with a hash chain that shows any change.
 *
 *   test-counter-audit TEMPLATES_DIR PROFILES_DIR CANARIES
 */
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

#include "counter-audit.h"
#include "myna-vcard.h"

static const char *g_templates, *g_profiles, *g_canaries;

typedef struct fixture {
    char *dir, *log;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = g_dir_make_tmp("counter-audit-XXXXXX", NULL);
    f->log = g_build_filename(f->dir, "audit.log", NULL);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->log);
    rmdir(f->dir);
    g_free(f->log);
    g_free(f->dir);
    free(f);
    return 0;
}

static myna_attrs *read_card(const char *profile, const char *pin)
{
    char *path = g_build_filename(g_profiles, profile, NULL);
    myna_vcard *vc = NULL;
    assert_int_equal(myna_vcard_load(path, &vc, NULL), MYNA_OK);
    g_free(path);
    myna_transport *t = NULL;
    myna_card *card = NULL;
    myna_attrs *a = NULL;
    assert_int_equal(myna_vcard_transport_new(vc, &t), MYNA_OK);
    assert_int_equal(myna_card_open(t, &card), MYNA_OK);
    assert_int_equal(myna_card_verify_pin(card, pin, 4), MYNA_OK);
    assert_int_equal(myna_card_read_attrs(card, MYNA_READ_NUMBER, &a), MYNA_OK);
    myna_card_free(card);
    myna_vcard_free(vc);
    return a;
}

static void a_visit_leaves_only_events_never_the_residents(void **state)
{
    fixture *f = *state;
    form_catalog *cat = NULL;
    assert_int_equal(form_catalog_load(g_templates, NULL, &cat, NULL), FORM_OK);
    counter_visit *v = NULL;
    assert_int_equal(counter_visit_new(cat, &v), COUNTER_OK);
    assert_int_equal(counter_visit_set_event(v, "tennyu"), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(v, "tennyu"), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(v, "juminhyo"), COUNTER_OK);
    myna_attrs *a = read_card("adult1.json", "2580");
    assert_int_equal(counter_visit_add_card(v, counter_visit_generation(v), a, COUNTER_SRC_PIN,
                                            COUNTER_ROLE_HEAD, NULL), COUNTER_OK);
    myna_attrs_free(a);
    a = read_card("adult2.json", "1470");
    assert_int_equal(counter_visit_add_card(v, counter_visit_generation(v), a,
                                            COUNTER_SRC_CHECKCODE_B, COUNTER_ROLE_SPOUSE, NULL),
                     COUNTER_OK);
    myna_attrs_free(a);
    counter_member_input child = {.name = "鐘成　陽向汰", .kana = "カネナリヒナタ",
                                  .birth = "20210814", .number = "629481037579",
                                  .role = COUNTER_ROLE_CHILD};
    assert_int_equal(counter_visit_add_typed(v, &child, NULL), COUNTER_OK);
    assert_int_equal(counter_visit_set_answer(v, "new_address", "KNRYNEWADR8X"), COUNTER_OK);

    counter_audit *log = NULL;
    assert_int_equal(counter_audit_open(f->log, &log, NULL), COUNTER_OK);
    assert_int_equal(counter_audit_staff(log, "sign-in", "S0042"), COUNTER_OK);
    const char *ids[COUNTER_PROCEDURES_MAX];
    size_t n = counter_visit_procedure_count(v);
    for (size_t i = 0; i < n; i++)
        ids[i] = form_procedure_id(counter_visit_procedure(v, i));
    counter_audit_visit e = {.staff = "S0042", .event = counter_visit_event(v), .procedures = ids,
                             .n_procedures = n, .forms = 3, .printed = 3, .end = COUNTER_END_NEXT};
    counter_visit_get_stats(v, &e.stats);
    assert_int_equal(counter_audit_visit_done(log, &e), COUNTER_OK);
    /* free text cannot get in: a procedure "id" that is a name is refused, nothing written */
    const char *bad[] = {"鐘成　航汰朗"};
    counter_audit_visit e2 = e;
    e2.procedures = bad;
    e2.n_procedures = 1;
    assert_int_equal(counter_audit_visit_done(log, &e2), COUNTER_E_ARG);
    e2 = e;
    e2.staff = "鐘成";
    assert_int_equal(counter_audit_visit_done(log, &e2), COUNTER_E_ARG);
    assert_int_equal(counter_audit_staff(log, "sign-out", "KNRYHOME3W QQ"), COUNTER_OK);
    counter_visit_wipe(v, COUNTER_END_NEXT);
    counter_audit_free(log);
    counter_visit_free(v);
    form_catalog_free(cat);

    gchar *text = NULL, *canaries = NULL;
    assert_true(g_file_get_contents(f->log, &text, NULL, NULL));
    assert_true(g_file_get_contents(g_canaries, &canaries, NULL, NULL));
    assert_non_null(strstr(text, "staff=S0042 what=visit event=tennyu procedures=tennyu,juminhyo "
                                 "forms=3 printed=3 failed=0 members=3 cards=1 code_b=1 typed=1 "
                                 "end=next"));
    assert_non_null(strstr(text, "staff=? what=sign-out"));
    gchar **lines = g_strsplit(canaries, "\n", -1);
    unsigned checked = 0;
    for (gchar **l = lines; *l; l++) {
        g_strstrip(*l);
        if (!**l || **l == '#' || g_str_has_prefix(*l, "hex:"))
            continue;
        if (strstr(text, *l))
            fail_msg("canary in the audit log: line \"%s\" of %s", *l, g_canaries);
        checked++;
    }
    assert_true(checked >= 10);
    g_strfreev(lines);
    g_free(canaries);
    g_free(text);
    unsigned count = 0;
    assert_int_equal(counter_audit_verify(f->log, &count, NULL), COUNTER_OK);
    assert_int_equal(count, 3);
}

static void write_n(const char *log, int n)
{
    counter_audit *a = NULL;
    assert_int_equal(counter_audit_open(log, &a, NULL), COUNTER_OK);
    for (int i = 0; i < n; i++)
        assert_int_equal(counter_audit_staff(a, i % 2 ? "sign-out" : "sign-in", "S1"), COUNTER_OK);
    counter_audit_free(a);
}

static void any_change_to_the_log_breaks_its_chain(void **state)
{
    fixture *f = *state;
    write_n(f->log, 4);
    write_n(f->log, 2); /* a second opening continues the same chain */
    unsigned lines = 0, bad = 0;
    assert_int_equal(counter_audit_verify(f->log, &lines, &bad), COUNTER_OK);
    assert_int_equal(lines, 6);
    gchar *orig = NULL;
    assert_true(g_file_get_contents(f->log, &orig, NULL, NULL));
    gchar **l = g_strsplit(orig, "\n", -1);

    /* 1. a word changed in line 3 */
    gchar *t = g_strdup(orig);
    char *p = strstr(strstr(strstr(strstr(t, "\n") + 1, "\n") + 1, "S1"), "S1");
    p[1] = '2';
    assert_true(g_file_set_contents(f->log, t, -1, NULL));
    assert_int_equal(counter_audit_verify(f->log, NULL, &bad), COUNTER_E_AUDIT_TAMPERED);
    assert_int_equal(bad, 3);
    counter_audit *a = NULL;
    assert_int_equal(counter_audit_open(f->log, &a, &bad), COUNTER_E_AUDIT_TAMPERED);
    assert_null(a);
    g_free(t);

    /* 2. line 2 removed */
    t = g_strjoin("\n", l[0], l[2], l[3], l[4], l[5], "", NULL);
    assert_true(g_file_set_contents(f->log, t, -1, NULL));
    assert_int_equal(counter_audit_verify(f->log, NULL, &bad), COUNTER_E_AUDIT_TAMPERED);
    assert_int_equal(bad, 2);
    g_free(t);

    /* 3. the last line removed is not detectable by the chain alone: still a valid prefix */
    t = g_strjoin("\n", l[0], l[1], l[2], l[3], l[4], "", NULL);
    assert_true(g_file_set_contents(f->log, t, -1, NULL));
    assert_int_equal(counter_audit_verify(f->log, &lines, NULL), COUNTER_OK);
    assert_int_equal(lines, 5);
    g_free(t);

    /* 4. a torn line (crash mid-write) */
    t = g_strdup_printf("%s%s", orig, "2026-12-05T00:00:00Z seq=7 staff=S1");
    assert_true(g_file_set_contents(f->log, t, -1, NULL));
    assert_int_equal(counter_audit_verify(f->log, NULL, &bad), COUNTER_E_AUDIT_TAMPERED);
    assert_int_equal(bad, 7);
    g_free(t);
    g_strfreev(l);
    g_free(orig);

    struct stat st;
    unlink(f->log);
    write_n(f->log, 1);
    assert_int_equal(stat(f->log, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
}

static void null_and_missing_are_safe(void **state)
{
    fixture *f = *state;
    counter_audit_free(NULL);
    unsigned lines = 9;
    assert_int_equal(counter_audit_verify(f->log, &lines, NULL), COUNTER_OK);
    assert_int_equal(lines, 0);
    assert_int_equal(counter_audit_open(NULL, NULL, NULL), COUNTER_E_ARG);
    assert_int_equal(counter_audit_staff(NULL, "sign-in", "S1"), COUNTER_E_ARG);
    assert_int_equal(counter_audit_visit_done(NULL, NULL), COUNTER_E_ARG);
    counter_audit *a = NULL;
    assert_int_equal(counter_audit_open("/nonexistent-dir/x.log", &a, NULL), COUNTER_E_IO);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s TEMPLATES_DIR PROFILES_DIR CANARIES\n", argv[0]);
        return 2;
    }
    g_templates = argv[1];
    g_profiles = argv[2];
    g_canaries = argv[3];
    umask(022);
    myna_secure_init(1u << 20);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_visit_leaves_only_events_never_the_residents, setup, teardown),
        cmocka_unit_test_setup_teardown(any_change_to_the_log_breaks_its_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(null_and_missing_are_safe, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
