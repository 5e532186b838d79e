/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-lang.c — the nine languages: codes, template keys in every language, the fallback
 * order the kiosk relies on, and the missing-translation warnings of `kakanai-form check`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "form-private.h"

static void codes_and_locale_names(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int want;
    } table[] = {
        {"ja", 0},        {"en", 1},    {"zh", 2},          {"ko", 3},     {"vi", 4},
        {"fil", 5},       {"pt_BR", 6}, {"ne", 7},          {"id", 8},     {"pt-br", 6},
        {"PT_br", 6},     {"zh_CN", 2}, {"zh_CN.UTF-8", 2}, {"en_US", 1},  {"ja-JP", 0},
        {"ko_KR@x", 3},   {"pt", -1},   {"pt_PT", -1},      {"fr", -1},    {"", -1},
        {"j", -1},        {"jaa", -1},  {"fi", -1},         {"filx", -1},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        int got = form_lang_index(table[i].in);
        if (got != table[i].want)
            fail_msg("form_lang_index(\"%s\") = %d, want %d", table[i].in, got, table[i].want);
    }
    assert_int_equal(form_lang_index(NULL), -1);
    assert_string_equal(form_lang_code(6), "pt_BR");
    assert_string_equal(form_lang_name(2), "中文（简体）");
    assert_string_equal(form_lang_name(7), "नेपाली");
    assert_string_equal(form_lang_english_name(5), "Filipino");
    assert_null(form_lang_code(FORM_LANG_COUNT));
    assert_null(form_lang_name(FORM_LANG_COUNT));
    for (size_t i = 0; i < FORM_LANG_COUNT; i++)
        assert_int_equal(form_lang_index(form_lang_code(i)), (int)i);
}

static const char text[] =
    "[form]\nid = l\ntitle.ja = 申請書\ntitle.en = Application\ntitle.zh = 申请书\n"
    "[question purpose]\ntype = choice\nlabel.ja = 使いみち\nlabel.en = Purpose\n"
    "label.ko = 용도\nlabel.pt_br = Finalidade\nlabel.fil = Layunin\nhelp.ja = ひとつ\n"
    "choice.work.ja = 勤務先\nchoice.work.en = Employer\nchoice.work.vi = Nơi làm việc\n"
    "choice.work.pt_br = Empregador\n"
    "choice.other.ja = その他\n";

static void every_language_in_keys_and_the_fallback(void **state)
{
    (void)state;
    form_diags *d = form_diags_new();
    form_template *t = NULL;
    assert_int_equal(form_template_parse("l.form", NULL, text, strlen(text), true, &t, d),
                     FORM_OK);
    const form_question *q = &t->questions[0];
    assert_string_equal(form_text_get(q->label, "ko"), "용도");
    assert_string_equal(form_text_get(q->label, "pt_BR"), "Finalidade"); /* key .pt_br */
    assert_string_equal(form_text_get(q->label, "fil"), "Layunin");       
    assert_string_equal(form_text_get(q->label, "zh"), "Purpose");        /* falls back to en */
    assert_null(form_text_get_exact(q->label, "zh"));
    assert_string_equal(form_text_get(q->label, "ja"), "使いみち");
    assert_string_equal(form_text_get(q->label, NULL), "使いみち");
    assert_string_equal(form_text_get(q->label, "fr"), "Purpose"); /* unknown: English */
    assert_string_equal(form_text_get(q->help, "vi"), "ひとつ");    /* no en either: ja */
    assert_string_equal(form_text_get(q->choice_label[0], "vi"), "Nơi làm việc");
    assert_string_equal(form_text_get(q->choice_label[0], "pt-BR"), "Empregador");
    assert_string_equal(form_text_get(q->choice_label[1], "en"), "その他");
    assert_string_equal(form_text_get(t->title, "zh_CN.UTF-8"), "申请书");
    assert_null(form_text_get_exact(NULL, "ja"));

    /* the warnings name what and which languages, and only the languages asked for */
    int langs[] = {1, 2, 3}; /* en zh ko */
    size_t n = form_template_check_translations(t, langs, 3, d);
    assert_int_equal(n, 5); /* title: ko; label: zh; help: en zh ko; work: zh ko; other: all */
    assert_int_equal(form_diags_count(d), 5);
    const char *want[] = {"title has no translation for: ko",
                          "\"purpose\" (label) has no translation for: zh;",
                          "\"purpose\" (help) has no translation for: en zh ko;",
                          "\"work\" of the question \"purpose\" has no translation for: zh ko;",
                          "\"other\" of the question \"purpose\" has no translation for: en zh ko;"};
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        assert_int_equal(g->err, FORM_W_TRANSLATION);
        assert_true(form_err_is_warning(g->err));
        assert_non_null(strstr(g->message, want[i]));
    }
    assert_false(form_err_is_warning(FORM_E_TEMPLATE));
    form_template_free(t);
    form_diags_free(d);
}

static void an_unknown_language_is_a_syntax_error(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "[form]\nid = x\ntitle.ja = x\ntitle.fr = x\n",
        "[form]\nid = x\ntitle.ja = x\n[question q]\ntype = yesno\nlabel.ja = a\nlabel.zh_tw = a\n",
        "[form]\nid = x\ntitle.ja = x\n[question q]\ntype = choice\nlabel.ja = a\n"
        "choice.a.ja = a\nchoice.b.ja = b\nchoice.b.th = b\n",
        "[form]\nid = x\ntitle.ja = x\n[question q]\ntype = choice\nlabel.ja = a\n"
        "choice.a.ja = a\nchoice.b = b\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        form_diags *d = form_diags_new();
        form_template *t = NULL;
        assert_int_equal(form_template_parse("x.form", NULL, bad[i], strlen(bad[i]), true, &t, d),
                         FORM_E_SYNTAX);
        assert_null(t);
        assert_true(form_diags_count(d) >= 1);
        const char *m = form_diags_get(d, 0)->message;
        if (i < 3 && strstr(m, "the languages are: ja en zh ko vi fil pt_br ne id") == NULL)
            fail_msg("case %zu: %s", i, m);
        form_diags_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(codes_and_locale_names),
        cmocka_unit_test(every_language_in_keys_and_the_fallback),
        cmocka_unit_test(an_unknown_language_is_a_syntax_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
