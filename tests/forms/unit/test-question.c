/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-question.c — answer validation for every question type, from a table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "form-private.h"

static const char text[] =
    "[form]\nid = q\ntitle.ja = 質問\n"
    "[question purpose]\ntype = choice\nlabel.ja = 使途\nrequired = yes\n"
    "choice.work.ja = 勤務先\nchoice.school.ja = 学校\nchoice.other.ja = その他\n"
    "[question kinds]\ntype = multi\nlabel.ja = 種類\nchoice.a.ja = あ\nchoice.b.ja = い\nchoice.c.ja = う\n"
    "[question ok]\ntype = yesno\nlabel.ja = はい・いいえ\nrequired = yes\n"
    "[question copies]\ntype = number\nlabel.ja = 通数\nmin = 1\nmax = 10\ndefault = 1\nrequired = yes\n"
    "[question moved]\ntype = date\nlabel.ja = 日付\n"
    "[question kata]\ntype = kana\nlabel.ja = フリガナ\nkana = katakana\nmax = 8\nrequired = yes\n"
    "[question hira]\ntype = kana\nlabel.ja = ふりがな\nkana = hiragana\nmin = 2\nmax = 8\n"
    "[question yomi]\ntype = kana\nlabel.ja = お名前のふりがな\n"
    "[question yomi2]\ntype = kana\nlabel.ja = お名前のフリガナ\n"
    "[question note]\ntype = text\nlabel.ja = 備考\nlabel.en = Note\nhelp.ja = 任意\nmax = 5\n";

static const struct {
    const char *q, *value;
    form_err want;
} table[] = {
    {"purpose", "work", FORM_OK},       {"purpose", "other", FORM_OK},
    {"purpose", "Work", FORM_E_ANSWER}, {"purpose", "", FORM_E_ANSWER}, /* required */
    {"purpose", NULL, FORM_E_ANSWER},   {"purpose", "work,school", FORM_E_ANSWER},
    {"kinds", "a", FORM_OK},            {"kinds", "a,c", FORM_OK},
    {"kinds", "", FORM_OK},             {"kinds", "a,a", FORM_E_ANSWER},
    {"kinds", "a,", FORM_E_ANSWER},     {"kinds", "d", FORM_E_ANSWER},
    {"ok", "yes", FORM_OK},             {"ok", "no", FORM_OK},
    {"ok", "YES", FORM_E_ANSWER},       {"ok", "はい", FORM_E_ANSWER},
    {"copies", "1", FORM_OK},           {"copies", "10", FORM_OK},
    {"copies", "0", FORM_E_ANSWER},     {"copies", "11", FORM_E_ANSWER},
    {"copies", "01", FORM_E_ANSWER},    {"copies", "-1", FORM_E_ANSWER},
    {"copies", "1.5", FORM_E_ANSWER},   {"copies", "１", FORM_E_ANSWER},
    {"copies", "9999999999", FORM_E_ANSWER},
    {"moved", "20240229", FORM_OK},     {"moved", "20230229", FORM_E_ANSWER},
    {"moved", "2024-02-29", FORM_E_ANSWER}, {"moved", "", FORM_OK},
    {"kata", "ヤマダ タロウ", FORM_OK}, {"kata", "ヴァン・グエン", FORM_OK},
    {"kata", "ヤマダ　ー", FORM_OK},    {"kata", "やまだ", FORM_E_ANSWER},
    {"kata", "山田", FORM_E_ANSWER},    {"kata", "ﾔﾏﾀﾞ", FORM_E_ANSWER},
    {"kata", "アイウエオカキクケ", FORM_E_ANSWER}, /* 9 > max 8 */
    {"kata", "アイウエオカキク", FORM_OK},
    {"hira", "やまだ", FORM_OK},        {"hira", "ヤマダ", FORM_E_ANSWER},
    {"hira", "や", FORM_E_ANSWER},      /* min 2 */
    {"yomi", "やまだ", FORM_OK},        {"yomi", "ヤマダ", FORM_E_ANSWER}, /* inferred from ふりがな */
    {"yomi2", "ヤマダ", FORM_OK},       {"yomi2", "やまだ", FORM_E_ANSWER},
    {"note", "12345", FORM_OK},         {"note", "123456", FORM_E_ANSWER},
    {"note", "a\tb", FORM_E_ANSWER},    {"note", "𠮷田", FORM_OK},
    {"note", "\xe3\x81", FORM_E_ANSWER}, /* cut UTF-8 */
};

static void answers_from_the_table(void **state)
{
    (void)state;
    form_template *t = NULL;
    form_diags *d = form_diags_new();
    assert_int_equal(form_template_parse("q.form", NULL, text, strlen(text), true, &t, d), FORM_OK);
    form_diags_free(d);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const form_question *q = NULL;
        for (size_t k = 0; k < t->nquestions; k++)
            if (strcmp(t->questions[k].id, table[i].q) == 0)
                q = &t->questions[k];
        assert_non_null(q);
        const char *why = NULL;
        form_err e = form_question_validate(q, table[i].value, "ja", &why);
        if (e != table[i].want)
            fail_msg("%s = \"%s\": %s, want %s", table[i].q, table[i].value ? table[i].value : "(null)",
                     form_err_name(e), form_err_name(table[i].want));
        if (e != FORM_OK)
            assert_non_null(why);
    }
    form_template_free(t);
}

static void accessors_and_languages(void **state)
{
    (void)state;
    form_template *t = NULL;
    assert_int_equal(form_template_parse("q.form", NULL, text, strlen(text), true, &t, NULL), FORM_OK);
    const form_question *purpose = &t->questions[0], *copies = &t->questions[3],
                        *kata = &t->questions[5], *hira = &t->questions[6], *note = &t->questions[9];
    assert_string_equal(form_question_id(purpose), "purpose");
    assert_int_equal(form_question_type_of(purpose), FORM_Q_CHOICE);
    assert_int_equal(form_question_choice_count(purpose), 3);
    assert_string_equal(form_question_choice_value(purpose, 2), "other");
    assert_string_equal(form_text_get(form_question_choice_label(purpose, 1), "ja"), "学校");
    assert_string_equal(form_text_get(form_question_choice_label(purpose, 1), "en"), "学校"); /* falls back */
    assert_null(form_question_choice_value(purpose, 3));
    assert_true(form_question_required(copies));
    assert_string_equal(form_question_default(copies), "1");
    assert_int_equal(form_question_min(copies), 1);
    assert_int_equal(form_question_max(copies), 10);
    assert_int_equal(form_question_kana(kata), FORM_KANA_KATAKANA);
    assert_int_equal(form_question_kana(hira), FORM_KANA_HIRAGANA);
    assert_string_equal(form_text_get(form_question_label(note), "en"), "Note");
    assert_string_equal(form_text_get(form_question_help(note), "en"), "任意");
    const char *why = NULL;
    assert_int_equal(form_question_validate(kata, "やまだ", "en", &why), FORM_E_ANSWER);
    assert_string_equal(why, "Please enter katakana only.");
    assert_int_equal(form_question_validate(kata, "やまだ", "ja", &why), FORM_E_ANSWER);
    assert_string_equal(why, "カタカナで入力してください。");
    assert_int_equal(form_question_validate(NULL, "x", "ja", &why), FORM_E_ARG);
    assert_null(form_question_id(NULL));
    form_template_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(answers_from_the_table),
        cmocka_unit_test(accessors_and_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
