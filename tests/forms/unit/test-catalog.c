/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-catalog.c — the shipped catalogue, and a broken template skipped, never fatal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "form-private.h"
#include "test-support.h"

static void shipped_catalogue_groups_the_forms(void **state)
{
    (void)state;
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(getenv("KAKANAI_TEMPLATES"), NULL, &c, &d), FORM_OK);
    assert_int_equal(form_diags_count(d), 0);
    static const char *const order[] = {"juminhyo", "inkan", "shotoku", "koseki", "tennyu",
                                        "juminhyo_shotoku"};
    /* the kiosk's six come first; the counter's procedures follow (offer = counter) */
    size_t kiosk = 0;
    for (size_t i = 0; i < form_catalog_procedure_count(c); i++)
        kiosk += form_procedure_offered(form_catalog_procedure(c, i), FORM_OFFER_KIOSK);
    assert_int_equal(kiosk, 6);
    for (size_t i = 0; i < 6; i++) {
        const form_procedure *p = form_catalog_procedure(c, i);
        assert_string_equal(form_procedure_id(p), order[i]);
        assert_non_null(form_text_get(form_procedure_title(p), "ja"));
        assert_non_null(form_text_get(form_procedure_title(p), "en"));
        assert_non_null(form_procedure_icon(p));
        unsigned needs = form_procedure_needs(p);
        assert_true(needs & FORM_NEEDS_NAME);
        assert_int_equal(!!(needs & FORM_NEEDS_NUMBER), strcmp(order[i], "tennyu") == 0);
    }
    const form_procedure *both = form_catalog_find(c, "juminhyo_shotoku");
    assert_int_equal(form_procedure_template_count(both), 2);
    assert_string_equal(form_template_id(form_procedure_template(both, 1)), "shotoku");
    /* common questions are asked once */
    size_t furigana = 0;
    for (size_t i = 0; i < form_procedure_question_count(both); i++)
        if (strcmp(form_question_id(form_procedure_question(both, i)), "furigana") == 0)
            furigana++;
    assert_int_equal(furigana, 1);
    assert_string_equal(form_question_id(form_procedure_question(both, 0)), "furigana");
    assert_null(form_catalog_find(c, "nope"));
    assert_null(form_catalog_procedure(c, form_catalog_procedure_count(c)));
    assert_non_null(form_catalog_template(c, "koseki"));
    form_catalog_free(c);
    form_diags_free(d);
    form_catalog_free(NULL);
    form_diags_free(NULL);
}

static void broken_template_is_skipped_with_diagnostics(void **state)
{
    (void)state;
    char dir[] = "/tmp/kakanai-cat-XXXXXX";
    assert_non_null(mkdtemp(dir));
    ts_copy_dir(getenv("KAKANAI_TEMPLATES"), dir);
    char path[512];
    ts_path(path, sizeof path, dir, "inkan.form");
    const char *broken = "[form]\nid = inkan\ntitle.ja = 壊れた\n[field x]\nbox = 1 1\n";
    assert_int_equal(ts_write(path, broken, strlen(broken)), 0);
    ts_path(path, sizeof path, dir, "zzz.form"); /* a second file with an id already used */
    const char *dup_id = "[form]\nid = koseki\ntitle.ja = 重複\n";
    assert_int_equal(ts_write(path, dup_id, strlen(dup_id)), 0);
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(dir, NULL, &c, &d), FORM_OK);
    form_catalog *shipped = NULL;
    assert_int_equal(form_catalog_load(getenv("KAKANAI_TEMPLATES"), NULL, &shipped, NULL), FORM_OK);
    assert_int_equal(form_catalog_procedure_count(c), form_catalog_procedure_count(shipped) - 1);
    form_catalog_free(shipped);
    assert_null(form_catalog_find(c, "inkan"));
    assert_non_null(form_catalog_find(c, "koseki"));
    bool syntax = false, missing = false, dup = false;
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        if (g->err == FORM_E_SYNTAX && strstr(g->file, "inkan.form") && g->line == 5)
            syntax = true;
        if (g->err == FORM_E_NOT_FOUND && strstr(g->file, "catalog.conf") && strstr(g->message, "\"inkan\""))
            missing = true;
        if (strstr(g->file, "zzz.form") && strstr(g->message, "used by another file"))
            dup = true;
    }
    assert_true(syntax);
    assert_true(missing);
    assert_true(dup);
    form_catalog_free(c);
    form_diags_free(d);
    ts_rmdir(dir);
}

/* A question two forms share is asked once, and required when either form requires it,
 * whichever of the two comes first (an optional answer would fail the other form's check). */
static void shared_question_is_required_when_either_form_requires_it(void **state)
{
    (void)state;
    char dir[] = "/tmp/kakanai-cat-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    static const char *const forms[][2] = {
        {"a.form", "[form]\nid = a\ntitle.ja = A\n[question kana]\ntype = kana\nlabel.ja = よみ\n"
                   "required = no\n"},
        {"b.form", "[form]\nid = b\ntitle.ja = B\n[question kana]\ntype = kana\nlabel.ja = よみ\n"
                   "required = yes\n"},
        {"catalog.conf", "[procedure ab]\ntitle.ja = AB\nforms = a b\n"
                         "[procedure ba]\ntitle.ja = BA\nforms = b a\n"
                         "[procedure aa]\ntitle.ja = A\nforms = a\n"},
    };
    for (size_t i = 0; i < 3; i++) {
        ts_path(path, sizeof path, dir, forms[i][0]);
        assert_int_equal(ts_write(path, forms[i][1], strlen(forms[i][1])), 0);
    }
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(dir, NULL, &c, &d), FORM_OK);
    assert_int_equal(form_diags_count(d), 0);
    static const char *const ids[] = {"ab", "ba", "aa"};
    for (size_t i = 0; i < 3; i++) {
        const form_procedure *p = form_catalog_find(c, ids[i]);
        assert_non_null(p);
        assert_int_equal(form_procedure_question_count(p), 1);
        assert_int_equal(form_question_required(form_procedure_question(p, 0)), i < 2);
    }
    form_catalog_free(c);
    form_diags_free(d);
    ts_rmdir(dir);
}

static void catalogue_problems_and_no_catalogue(void **state)
{
    (void)state;
    char dir[] = "/tmp/kakanai-cat-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    ts_path(path, sizeof path, dir, "a.form");
    const char *a = "[form]\nid = a\ntitle.ja = 様式A\ntitle.en = Form A\n";
    assert_int_equal(ts_write(path, a, strlen(a)), 0);
    /* no catalog.conf: one procedure per form */
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(dir, NULL, &c, &d), FORM_OK);
    assert_int_equal(form_catalog_procedure_count(c), 1);
    assert_string_equal(form_text_get(form_procedure_title(form_catalog_procedure(c, 0)), "en"), "Form A");
    form_catalog_free(c);
    form_diags_free(d);
    ts_path(path, sizeof path, dir, "catalog.conf");
    const char *conf = "[procedure p]\ntitel.ja = x\nforms = a\n[procedure q]\nforms = a b\n";
    assert_int_equal(ts_write(path, conf, strlen(conf)), 0);
    assert_int_equal(form_catalog_load(dir, NULL, &c, &d), FORM_OK);
    assert_int_equal(form_catalog_procedure_count(c), 1);
    assert_int_equal(form_diags_count(d), 2);
    assert_int_equal(form_diags_get(d, 0)->line, 2);
    assert_non_null(strstr(form_diags_get(d, 0)->message, "did you mean \"title.ja\""));
    assert_int_equal(form_diags_get(d, 1)->line, 5);
    assert_int_equal(form_diags_get(d, 1)->column, 11);
    form_catalog_free(c);
    form_diags_free(d);
    ts_rmdir(dir);
    assert_int_equal(form_catalog_load("/nonexistent-dir", NULL, &c, &d), FORM_E_IO);
    form_diags_free(d);
}

/* catalog.conf is read by the same line reader as templates: a byte order mark at the start
 * and CRLF line ends are fine, a non-UTF-8 line is reported and the rest still loads. */
static void catalogue_read_like_templates(void **state)
{
    (void)state;
    char dir[] = "/tmp/kakanai-cat-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    ts_path(path, sizeof path, dir, "a.form");
    const char *a = "[form]\nid = a\ntitle.ja = 様式A\n";
    assert_int_equal(ts_write(path, a, strlen(a)), 0);
    ts_path(path, sizeof path, dir, "catalog.conf");
    const char *conf = "\xEF\xBB\xBF[procedure p]\r\ntitle.ja = \x8E\x9A\r\nforms = a\r\n";
    assert_int_equal(ts_write(path, conf, strlen(conf)), 0);
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(dir, NULL, &c, &d), FORM_OK);
    assert_int_equal(form_catalog_procedure_count(c), 1);
    assert_string_equal(form_procedure_id(form_catalog_procedure(c, 0)), "p");
    assert_int_equal(form_diags_count(d), 1);
    assert_int_equal(form_diags_get(d, 0)->line, 2);
    assert_non_null(strstr(form_diags_get(d, 0)->message, "not UTF-8"));
    form_catalog_free(c);
    form_diags_free(d);
    ts_rmdir(dir);
}

/* offer = kiosk counter: absent means both; counter-only procedures stay off the kiosk; a
 * word that is neither is reported where it stands and the default stays. */
static void offer_says_where_a_procedure_is_offered(void **state)
{
    (void)state;
    char dir[] = "/tmp/kakanai-cat-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    ts_path(path, sizeof path, dir, "a.form");
    const char *a = "[form]\nid = a\ntitle.ja = 様式A\n";
    assert_int_equal(ts_write(path, a, strlen(a)), 0);
    ts_path(path, sizeof path, dir, "catalog.conf");
    const char *conf = "[procedure both]\nforms = a\n"
                       "[procedure staff]\noffer = counter\nforms = a\n"
                       "[procedure listed]\noffer = counter, kiosk\nforms = a\n"
                       "[procedure kiosk]\noffer = kiosk\nforms = a\n"
                       "[procedure typo]\noffer = countr\nforms = a\n"
                       "[procedure empty]\noffer =\nforms = a\n";
    assert_int_equal(ts_write(path, conf, strlen(conf)), 0);
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(dir, NULL, &c, &d), FORM_OK);
    static const struct {
        const char *id;
        bool kiosk, counter;
    } want[] = {{"both", true, true},   {"staff", false, true}, {"listed", true, true},
                {"kiosk", true, false}, {"typo", true, true},   {"empty", true, true}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const form_procedure *p = form_catalog_find(c, want[i].id);
        assert_non_null(p);
        assert_int_equal(form_procedure_offered(p, FORM_OFFER_KIOSK), want[i].kiosk);
        assert_int_equal(form_procedure_offered(p, FORM_OFFER_COUNTER), want[i].counter);
        assert_int_equal(form_procedure_offered(p, FORM_OFFER_KIOSK | FORM_OFFER_COUNTER),
                         want[i].kiosk && want[i].counter);
    }
    assert_false(form_procedure_offered(NULL, FORM_OFFER_KIOSK));
    assert_int_equal(form_diags_count(d), 2);
    assert_int_equal(form_diags_get(d, 0)->line, 13);
    assert_int_equal(form_diags_get(d, 0)->column, 9);
    assert_non_null(strstr(form_diags_get(d, 0)->message, "countr"));
    assert_int_equal(form_diags_get(d, 1)->line, 16);
    form_catalog_free(c);
    form_diags_free(d);
    ts_rmdir(dir);
    /* the shipped kiosk procedures stay on the kiosk */
    assert_int_equal(form_catalog_load(getenv("KAKANAI_TEMPLATES"), NULL, &c, &d), FORM_OK);
    assert_true(form_procedure_offered(form_catalog_find(c, "juminhyo"), FORM_OFFER_KIOSK));
    assert_true(form_procedure_offered(form_catalog_find(c, "tennyu"), FORM_OFFER_COUNTER));
    form_catalog_free(c);
    form_diags_free(d);
}

/* guide.* keys on procedures; a procedure without forms is guide-only, counter only. */
static void guide_items_and_guide_only_procedures(void **state)
{
    (void)state;
    char dir[] = "/tmp/kakanai-cat-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[512];
    ts_path(path, sizeof path, dir, "a.form");
    const char *a = "[form]\nid = a\ntitle.ja = 様式A\n";
    assert_int_equal(ts_write(path, a, strlen(a)), 0);
    ts_path(path, sizeof path, dir, "catalog.conf");
    const char *conf = "[procedure a]\norder = 5\nforms = a\nguide.counter.ja = 市民課 1番窓口\n"
                       "guide.counter.en = Citizens Division, counter 1\nguide.fee.ja = 300円\n"
                       "[procedure gakko]\ntitle.ja = 転校\noffer = counter\nguide.order = 40\n"
                       "guide.counter.ja = 学校教育課\nguide.bring.ja = 在学証明書\n"
                       "guide.note.ja = 学校へ連絡します。\nguide.note.en = We tell the school.\n"
                       "[procedure nocounter]\ntitle.ja = x\noffer = counter\n"
                       "[procedure kiosk]\ntitle.ja = x\nguide.counter.ja = y\n"
                       "[procedure bad]\nforms = a\nguide.order = -1\nguide.fee.ja =\nguide.fe.ja = 1\n";
    assert_int_equal(ts_write(path, conf, strlen(conf)), 0);
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(dir, NULL, &c, &d), FORM_OK);
    const form_procedure *p = form_catalog_find(c, "a");
    const form_guide *g = form_procedure_guide(p);
    assert_string_equal(form_text_get(g->counter, "ja"), "市民課 1番窓口");
    assert_string_equal(form_text_get(g->counter, "en"), "Citizens Division, counter 1");
    assert_string_equal(form_text_get(g->fee, "en"), "300円"); /* falls back to Japanese */
    assert_null(g->bring);
    assert_int_equal(g->order, 5);
    assert_false(form_procedure_guide_only(p));
    p = form_catalog_find(c, "gakko");
    assert_true(form_procedure_guide_only(p));
    assert_int_equal(form_procedure_template_count(p), 0);
    assert_false(form_procedure_offered(p, FORM_OFFER_KIOSK));
    g = form_procedure_guide(p);
    assert_int_equal(g->order, 40);
    assert_string_equal(form_text_get(g->note, "en"), "We tell the school.");
    assert_string_equal(form_text_get(g->bring, "ja"), "在学証明書");
    assert_null(form_catalog_find(c, "nocounter"));
    assert_null(form_catalog_find(c, "kiosk"));
    assert_non_null(form_catalog_find(c, "bad"));
    assert_null(form_procedure_guide(NULL));
    assert_false(form_procedure_guide_only(NULL));
    size_t n = form_diags_count(d);
    assert_int_equal(n, 5);
    assert_non_null(strstr(form_diags_get(d, 0)->message, "guide.counter.ja"));
    assert_non_null(strstr(form_diags_get(d, 1)->message, "offer = counter"));
    assert_non_null(strstr(form_diags_get(d, 2)->message, "guide.order"));
    assert_non_null(strstr(form_diags_get(d, 3)->message, "empty"));
    assert_non_null(strstr(form_diags_get(d, 4)->message, "did you mean \"guide.fee.ja\""));
    form_catalog_free(c);
    form_diags_free(d);
    ts_rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_catalogue_groups_the_forms),
        cmocka_unit_test(broken_template_is_skipped_with_diagnostics),
        cmocka_unit_test(shared_question_is_required_when_either_form_requires_it),
        cmocka_unit_test(catalogue_problems_and_no_catalogue),
        cmocka_unit_test(catalogue_read_like_templates),
        cmocka_unit_test(offer_says_where_a_procedure_is_offered),
        cmocka_unit_test(guide_items_and_guide_only_procedures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
