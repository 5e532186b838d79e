/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-values.c — 和暦 at every era boundary, age, and the formatting vocabulary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "form-private.h"
#include "form-secure.h"

static form_template *tpl(void)
{
    static const char text[] = "[form]\nid = t\ntitle.ja = 試験\n"
                               "[question copies]\ntype = number\nlabel.ja = 通数\nmin = 1\nmax = 10\n"
                               "[question purpose]\ntype = choice\nlabel.ja = 使途\nchoice.work.ja = 勤務先\n"
                               "choice.work.en = Employer\nchoice.school.ja = 学校\n"
                               "[question note]\ntype = text\nlabel.ja = 備考\n"
                               "[question kana]\ntype = kana\nlabel.ja = フリガナ\nrequired = yes\n";
    form_template *t = NULL;
    form_diags *d = form_diags_new();
    assert_int_equal(form_template_parse("t.form", NULL, text, strlen(text), false, &t, d), FORM_OK);
    form_diags_free(d);
    return t;
}

static void expect(const form_template *t, const form_values *v, const char *expr, const char *want)
{
    char *out = NULL;
    char missing[64];
    form_err e = form_expr_eval(expr, t, v, &out, missing, sizeof missing);
    if (e != FORM_OK)
        fail_msg("%s: %s (%s)", expr, form_err_name(e), missing);
    if (strcmp(out, want) != 0)
        fail_msg("%s: got \"%s\", want \"%s\"", expr, out, want);
    form_secure_strfree(out);
}

static void wareki_at_every_era_boundary(void **state)
{
    (void)state;
    static const struct {
        const char *date, *want;
    } table[] = {
        {"18730101", "明治6年1月1日"},   {"19120729", "明治45年7月29日"},
        {"19120730", "大正元年7月30日"}, {"19130101", "大正2年1月1日"},
        {"19261224", "大正15年12月24日"}, {"19261225", "昭和元年12月25日"},
        {"19270101", "昭和2年1月1日"},   {"19890107", "昭和64年1月7日"},
        {"19890108", "平成元年1月8日"},  {"19900101", "平成2年1月1日"},
        {"20190430", "平成31年4月30日"}, {"20190501", "令和元年5月1日"},
        {"20200101", "令和2年1月1日"},   {"20261125", "令和8年11月25日"},
    };
    form_template *t = tpl();
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        assert_int_equal(form_values_set_today(v, table[i].date), FORM_OK);
        expect(t, v, "{today|wareki}", table[i].want);
    }
    assert_int_equal(form_values_set_today(v, "20190501"), FORM_OK);
    expect(t, v, "{today|wareki:era}/{today|wareki:year}/{today|wareki:yearnum}", "令和/元/1");
    expect(t, v, "{today|wareki:month}月{today|wareki:day|pad:2}日", "5月01日");
    /* before the Gregorian calendar (1873): out of range, never a wrong era */
    assert_int_equal(form_values_set_today(v, "18721231"), FORM_OK);
    char *out = NULL;
    char missing[64];
    assert_int_equal(form_expr_eval("{today|wareki}", t, v, &out, missing, sizeof missing),
                     FORM_E_MISSING_VALUE);
    assert_null(out);
    form_values_free(v);
    form_template_free(t);
}

static void age_on_birthdays_and_29_february(void **state)
{
    (void)state;
    static const struct {
        const char *birth, *today;
        int age;
    } table[] = {
        {"19800401", "20260331", 45}, {"19800401", "20260401", 46},
        {"20000229", "20010228", 0},  {"20000229", "20010301", 1},
        {"20000229", "20040228", 3},  {"20000229", "20040229", 4},
        {"20001231", "20001231", 0},  {"19000101", "20261125", 126},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        form_date b, t;
        assert_true(form_date_parse(table[i].birth, &b));
        assert_true(form_date_parse(table[i].today, &t));
        assert_int_equal(form_age(b, t), table[i].age);
    }
    form_date b = {2000, 1, 2}, t = {2000, 1, 1};
    assert_int_equal(form_age(b, t), -1);
    form_template *tp = tpl();
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    assert_int_equal(form_values_set_card(v, "試験 太郎", "住所", "20000229", "1", NULL), FORM_OK);
    assert_int_equal(form_values_set_today(v, "20250301"), FORM_OK);
    expect(tp, v, "{age}歳", "25歳");
    form_values_free(v);
    form_template_free(tp);
}

static void dates_are_checked(void **state)
{
    (void)state;
    form_date d;
    assert_false(form_date_parse("20230229", &d));
    assert_true(form_date_parse("20240229", &d));
    assert_false(form_date_parse("19000229", &d));
    assert_true(form_date_parse("20000229", &d));
    assert_false(form_date_parse("2024022", &d));
    assert_false(form_date_parse("202402290", &d));
    assert_false(form_date_parse("2024-2-1", &d));
    assert_false(form_date_parse("20241301", &d));
    assert_false(form_date_parse("20240400", &d));
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    assert_int_equal(form_values_set_card(v, "a", "b", "19991340", "1", NULL), FORM_E_ARG);
    assert_int_equal(form_values_set_today(v, "2024"), FORM_E_ARG);
    form_values_free(v);
}

static void formatting_vocabulary(void **state)
{
    (void)state;
    form_template *t = tpl();
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    assert_int_equal(form_values_set_card(v, "試験 花子", "山口県山口市1-2", "19751010", "2", "123456789018"),
                     FORM_OK);
    assert_int_equal(form_values_set_today(v, "20261125"), FORM_OK);
    assert_int_equal(form_values_set_answer(v, "copies", "3"), FORM_OK);
    assert_int_equal(form_values_set_answer(v, "purpose", "work"), FORM_OK);
    assert_int_equal(form_values_set_answer(v, "kana", "シケン ハナコ"), FORM_OK);
    expect(t, v, "{answer.copies}通", "3通");
    expect(t, v, "{answer.copies|pad:2}", "03");
    expect(t, v, "{answer.copies|zen}通", "３通");
    expect(t, v, "{card.address|zen}", "山口県山口市１－２");
    expect(t, v, "{today|date:year|kanji}", "二〇二六");
    expect(t, v, "{card.sex|sex}", "女");
    expect(t, v, "{card.sex|sex:en}", "female");
    expect(t, v, "{card.birth|date}", "1975年10月10日");
    expect(t, v, "{card.birth|date:iso}", "1975-10-10");
    expect(t, v, "{card.birth|date:slash}", "1975/10/10");
    expect(t, v, "{card.birth|wareki}", "昭和50年10月10日");
    expect(t, v, "{answer.purpose|label}", "勤務先");
    expect(t, v, "{answer.purpose|label:en}", "Employer");
    expect(t, v, "{answer.kana|hira}", "しけん はなこ");
    expect(t, v, "{answer.kana|hira|kata}", "シケン ハナコ");
    expect(t, v, "{answer.note}", "");                 /* optional and unanswered */
    expect(t, v, "{answer.note|default:なし}", "なし");
    expect(t, v, "{{literal}} {card.number}", "{literal} 123456789018");
    expect(t, v, "{ card.name }様", "試験 花子様");
    assert_int_equal(form_values_set_card(v, NULL, NULL, NULL, "9", NULL), FORM_OK);
    expect(t, v, "[{card.sex|sex}]", "[]"); /* 9: not applicable, never guessed */
    char *out = NULL;
    char missing[64];
    assert_int_equal(form_expr_eval("{card.name}", t, v, &out, missing, sizeof missing),
                     FORM_E_MISSING_VALUE);
    assert_string_equal(missing, "card.name");
    expect(t, v, "{card.name|default:—}", "—");
    form_values_free(v);
    form_template_free(t);
}

static void expressions_are_checked(void **state)
{
    (void)state;
    form_template *t = tpl();
    static const struct {
        const char *expr;
        size_t off; /* column offset of the problem, in characters */
        const char *why;
    } bad[] = {
        {"{card.nmae}", 1, "did you mean \"card.name\""},
        {"通数{answer.copise}", 3, "did you mean \"answer.copies\""},
        {"{answer.copies|wareki:yaer}", 15, "does not take"},
        {"{today|bogus}", 7, "unknown filter"},
        {"{today", 0, "no closing"},
        {"today}", 5, "no opening"},
        {"{answer.copies|pad}", 15, "needs an argument"},
        {"{}", 1, "empty"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char en[256], ja[256];
        size_t off = 99;
        assert_int_equal(form_expr_check(bad[i].expr, t, NULL, en, ja, sizeof en, &off),
                         FORM_E_TEMPLATE);
        if (strstr(en, bad[i].why) == NULL || off != bad[i].off)
            fail_msg("%s: \"%s\" at %zu", bad[i].expr, en, off);
        assert_true(strlen(ja) > 0);
    }
    unsigned needs = 0;
    assert_int_equal(form_expr_check("{card.name}{age}{card.number}", t, &needs, NULL, NULL, 0, NULL),
                     FORM_OK);
    assert_int_equal(needs, FORM_NEEDS_NAME | FORM_NEEDS_BIRTH | FORM_NEEDS_NUMBER);
    form_template_free(t);
}

/* The one UTF-8 decoder (form-utf8.h) that the parser, the checks and the engine share. */
static void utf8_decoder_rejects_every_malformed_form(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t n;
        bool ok;
        uint32_t cp;
        size_t len;
    } cases[] = {
        {"A", 1, true, 0x41, 1},
        {"\xC2\x80", 2, true, 0x80, 2},
        {"\xDF\xBF", 2, true, 0x7FF, 2},
        {"\xE0\xA0\x80", 3, true, 0x800, 3},
        {"\xE6\x9B\xB8", 3, true, 0x66F8, 3},         /* 書 */
        {"\xED\x9F\xBF", 3, true, 0xD7FF, 3},         /* last before the surrogates */
        {"\xEE\x80\x80", 3, true, 0xE000, 3},         /* first after them */
        {"\xF0\x90\x80\x80", 4, true, 0x10000, 4},
        {"\xF3\xA0\x84\x80", 4, true, 0xE0100, 4},   /* an IVS */
        {"\xF4\x8F\xBF\xBF", 4, true, 0x10FFFF, 4},
        {"", 0, false, 0, 0},                         /* at the end */
        {"\x80", 1, false, 0, 0},                      /* stray continuation */
        {"\xC0\xAF", 2, false, 0, 0},                  /* overlong '/' */
        {"\xC1\xBF", 2, false, 0, 0},                  /* overlong */
        {"\xE0\x9F\xBF", 3, false, 0, 0},              /* overlong 3-byte */
        {"\xF0\x8F\xBF\xBF", 4, false, 0, 0},          /* overlong 4-byte */
        {"\xED\xA0\x80", 3, false, 0, 0},              /* U+D800 */
        {"\xED\xBF\xBF", 3, false, 0, 0},              /* U+DFFF */
        {"\xF4\x90\x80\x80", 4, false, 0, 0},          /* U+110000 */
        {"\xF5\x80\x80\x80", 4, false, 0, 0},
        {"\xFF", 1, false, 0, 0},
        {"\xE6\x9B", 2, false, 0, 0},                  /* truncated */
        {"\xE6\x9B\xB8", 2, false, 0, 0},              /* truncated by the bound, not NUL */
        {"\xE6\x41\xB8", 3, false, 0, 0},              /* bad continuation */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        size_t i = 0;
        uint32_t cp = 0xABCD;
        bool ok = form_utf8_next(cases[k].s, cases[k].n, &i, &cp);
        assert_int_equal(ok, cases[k].ok);
        assert_int_equal(i, cases[k].len);                   /* untouched when malformed */
        assert_int_equal(cp, cases[k].ok ? cases[k].cp : 0xABCD);
    }
    assert_true(form_utf8_valid("\xE6\x9B\xB8\xE3\x81\x8B", 6));
    assert_false(form_utf8_valid("\xE6\x9B\xB8\xED\xA0\x80", 6));
    assert_int_equal(form_utf8_count("\xE6\x9B\xB8\xE3\x81\x8B" "A"), 3);
    assert_int_equal(form_utf8_count("A\xC0\x80"), SIZE_MAX);
}

static void values_are_wiped_and_null_safe(void **state)
{
    (void)state;
    form_values_free(NULL);
    assert_int_equal(form_values_new(NULL), FORM_E_ARG);
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    assert_int_equal(form_values_set_answer(v, "x", "1"), FORM_OK);
    assert_int_equal(form_values_set_answer(v, "x", "2"), FORM_OK); /* replaced */
    char buf[16];
    assert_string_equal(form_values_get(v, "answer.x", buf, sizeof buf), "2");
    assert_int_equal(form_values_set_answer(v, "x", "\xff"), FORM_E_ARG); /* not UTF-8 */
    form_values_free(v);
}

/* The answer getter reads the locked copy in place: NULL until set, after a clear, and for
 * NULL arguments; a replaced answer is the new one. */
static void answer_getter_reads_the_locked_copy(void **state)
{
    (void)state;
    assert_null(form_values_answer(NULL, "x"));
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    assert_null(form_values_answer(v, NULL));
    assert_null(form_values_answer(v, "x"));
    assert_int_equal(form_values_set_answer(v, "x", "やまだ"), FORM_OK);
    assert_int_equal(form_values_set_answer(v, "y", "2"), FORM_OK);
    assert_string_equal(form_values_answer(v, "x"), "やまだ");
    assert_int_equal(form_values_set_answer(v, "x", "たなか"), FORM_OK);
    assert_string_equal(form_values_answer(v, "x"), "たなか");
    assert_string_equal(form_values_answer(v, "y"), "2");
    assert_int_equal(form_values_set_answer(v, "x", NULL), FORM_OK);
    assert_null(form_values_answer(v, "x"));
    assert_null(form_values_answer(v, "z"));
    form_values_free(v);
}

/* Several people in one visit: member.N.* and child.N.* in locked memory, read by templates
 * as {member.2.name}; bad groups, fields, numbers, dates and sexes are refused. */
static void household_members_resolve_in_expressions(void **state)
{
    (void)state;
    form_template *t = tpl();
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    assert_int_equal(form_values_set_card(v, "吉田 太郎", NULL, "19800401", "1", NULL), FORM_OK);
    assert_int_equal(form_values_set_member(v, "member", 1, "name", "吉田 太郎"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "member", 2, "name", "吉田 花子"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "member", 2, "kana", "ヨシダ ハナコ"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "member", 2, "birth", "19820715"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "member", 2, "sex", "2"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "member", 2, "relation", "妻"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "child", 1, "name", "吉田 一郎"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "child", 1, "birth", "20190501"), FORM_OK);
    assert_int_equal(form_values_set_member(v, "member", 6, "number", "123456789018"), FORM_OK);
    expect(t, v, "{member.2.name}（{member.2.kana|hira}）", "吉田 花子（よしだ はなこ）");
    expect(t, v, "{member.2.birth|wareki} {member.2.sex|sex} {member.2.relation}",
           "昭和57年7月15日 女 妻");
    expect(t, v, "{child.1.name} {child.1.birth|wareki}", "吉田 一郎 令和元年5月1日");
    expect(t, v, "{member.6.number}", "123456789018");
    expect(t, v, "{member.3.name|default:—}", "—");
    /* replacing and clearing */
    assert_int_equal(form_values_set_member(v, "member", 2, "name", "吉田 はな"), FORM_OK);
    expect(t, v, "{member.2.name}", "吉田 はな");
    assert_int_equal(form_values_set_member(v, "member", 2, "name", NULL), FORM_OK);
    char *out = NULL;
    char missing[64];
    assert_int_equal(form_expr_eval("{member.2.name}", t, v, &out, missing, sizeof missing),
                     FORM_E_MISSING_VALUE);
    assert_string_equal(missing, "member.2.name");
    /* refused */
    static const struct {
        const char *group;
        unsigned n;
        const char *field, *value;
    } bad[] = {
        {"members", 1, "name", "x"}, {"member", 0, "name", "x"},     {"member", 7, "name", "x"},
        {"child", 1, "age", "3"},    {"member", 1, "birth", "20230229"}, {"member", 1, "sex", "3"},
        {NULL, 1, "name", "x"},      {"member", 1, NULL, "x"},       {"member", 1, "name", "\xff"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(form_values_set_member(v, bad[i].group, bad[i].n, bad[i].field, bad[i].value),
                         FORM_E_ARG);
    assert_int_equal(form_values_set_member(NULL, "member", 1, "name", "x"), FORM_E_ARG);
    /* the check knows the names; the individual number needs a legal basis like card.number */
    char en[256], ja[256];
    size_t off = 0;
    unsigned needs = 0;
    assert_int_equal(form_expr_check("{member.6.relation}{child.2.kana|hira}", t, &needs, en, ja,
                                     sizeof en, &off), FORM_OK);
    assert_int_equal(needs, FORM_NEEDS_MEMBERS); /* a household row, no card attribute */
    assert_int_equal(form_expr_check("{child.1.number}", t, &needs, en, ja, sizeof en, &off), FORM_OK);
    assert_true(needs & FORM_NEEDS_NUMBER);
    static const char *const unknown[] = {"{member.7.name}", "{member.1.nam}", "{member.12.name}",
                                          "{child.0.name}", "{member.1}", "{spouse.1.name}"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        assert_int_equal(form_expr_check(unknown[i], t, &needs, en, ja, sizeof en, &off),
                         FORM_E_TEMPLATE);
    form_values_free(v);
    form_template_free(t);
}

/* A template that prints a member's number without number_basis is refused, as for card.number. */
static void member_number_needs_a_legal_basis(void **state)
{
    (void)state;
    static const char text[] = "[form]\nid = t\ntitle.ja = 試験\n"
                               "[field n]\nbox = 10 10 80 10\nvalue = {member.2.number}\n";
    form_template *t = NULL;
    form_diags *d = form_diags_new();
    assert_int_equal(form_template_parse("t.form", NULL, text, strlen(text), false, &t, d),
                     FORM_E_TEMPLATE);
    assert_null(t);
    assert_true(form_diags_count(d) >= 1);
    assert_non_null(strstr(form_diags_get(d, 0)->message, "number_basis"));
    form_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wareki_at_every_era_boundary),
        cmocka_unit_test(age_on_birthdays_and_29_february),
        cmocka_unit_test(dates_are_checked),
        cmocka_unit_test(formatting_vocabulary),
        cmocka_unit_test(expressions_are_checked),
        cmocka_unit_test(utf8_decoder_rejects_every_malformed_form),
        cmocka_unit_test(values_are_wiped_and_null_safe),
        cmocka_unit_test(answer_getter_reads_the_locked_copy),
        cmocka_unit_test(household_members_resolve_in_expressions),
        cmocka_unit_test(member_number_needs_a_legal_basis),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
