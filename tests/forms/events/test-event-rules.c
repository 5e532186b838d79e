/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-event-rules.c — the shipped events as rule tables: event × answers × household →
 * the procedures in route order and the notes (NOTES.md's procedure sets); the guide rows
 * for the sheet; the API's NULL cases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form-event-private.h"

static form_catalog *shipped(void)
{
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(getenv("KAKANAI_TEMPLATES"), NULL, &c, &d), FORM_OK);
    for (size_t i = 0; i < form_diags_count(d); i++)
        fail_msg("%s:%d: %s", form_diags_get(d, i)->file, form_diags_get(d, i)->line,
                 form_diags_get(d, i)->message);
    form_diags_free(d);
    return c;
}

/* "k=v;…": answers; @card / @mN: birth dates; @today */
static form_values *values(const char *spec)
{
    form_values *v = NULL;
    assert_int_equal(form_values_new(&v), FORM_OK);
    char buf[512];
    snprintf(buf, sizeof buf, "%s", spec);
    for (char *kv = buf, *semi; kv != NULL && *kv != '\0'; kv = semi ? semi + 1 : NULL) {
        semi = strchr(kv, ';');
        if (semi != NULL)
            *semi = '\0';
        char *eq = strchr(kv, '=');
        assert_non_null(eq);
        *eq = '\0';
        const char *val = eq + 1;
        if (strcmp(kv, "@today") == 0)
            assert_int_equal(form_values_set_today(v, val), FORM_OK);
        else if (strcmp(kv, "@card") == 0)
            assert_int_equal(form_values_set_card(v, NULL, NULL, val, NULL, NULL), FORM_OK);
        else if (kv[0] == '@' && kv[1] == 'm')
            assert_int_equal(form_values_set_member(v, "member", (unsigned)(kv[2] - '0'), "birth", val),
                             FORM_OK);
        else
            assert_int_equal(form_values_set_answer(v, kv, val), FORM_OK);
    }
    return v;
}

static void shipped_events_lead_to_the_right_procedures(void **state)
{
    (void)state;
    static const struct {
        const char *event, *answers, *want;
        size_t notes;
    } table[] = {
        /* 転入: a single employee, nothing else */
        {"tennyu", "water=no;@card=19900510;@today=20260401", "tennyu gomi", 0},
        /* the household: two adults, one child, 国保 and 児童手当 */
        {"tennyu",
         "kokuho=yes;children=1;school=yes;water=yes;@m1=19850410;@m2=19870802;@m3=20170615;"
         "@today=20260401",
         "tennyu kokuho_kanyu nenkin jidoteate kodomo_iryo gakko suido gomi", 0},
        /* the household alone says it: a school-age child without the question answered */
        {"tennyu", "water=no;@m1=19850410;@m2=20170615;@today=20260401",
         "tennyu jidoteate kodomo_iryo gakko gomi", 0},
        /* a baby is not of school age; 保育 asked */
        {"tennyu", "children=1;preschool=yes;water=no;@m1=19850410;@m2=20240901;@today=20260401",
         "tennyu jidoteate kodomo_iryo hoiku gomi", 0},
        /* 印鑑登録, 65+ from the card (reached the day before the birthday), a dog */
        {"tennyu", "inkan=yes;dog=yes;water=no;@card=19610402;@today=20260401",
         "tennyu inkan_toroku kaigo gomi inu", 0},
        {"tennyu", "water=no;@card=19610403;@today=20260401", "tennyu gomi", 0},
        /* 75+: 介護 and 後期高齢者; the question 75 is asked only after 65 */
        {"tennyu", "elderly=yes;elderly75=yes;water=no;@today=20260401", "tennyu kouki kaigo gomi", 0},
        {"tennyu", "elderly=no;elderly75=yes;water=no;@today=20260401", "tennyu gomi", 0},
        /* 20–59 and not employed: 国民年金 */
        {"tennyu", "no_employee_pension=yes;water=no;@today=20260401", "tennyu nenkin gomi", 0},
        /* 国保 with only over-60s: no 国民年金 */
        {"tennyu", "kokuho=yes;water=no;@m1=19620101;@today=20260401", "tennyu kokuho_kanyu gomi", 0},
        /* water defaults to yes when asked */
        {"tennyu", "@today=20260401", "tennyu suido gomi", 0},
        /* 転居 */
        {"tenkyo", "water=no;@today=20260401", "tenkyo gomi", 0},
        {"tenkyo", "kokuho=yes;allowance=yes;school=yes;water=yes;@today=20260401",
         "tenkyo gakko suido gomi", 2},
        {"tenkyo", "elderly=yes;elderly75=yes;dog=yes;water=no;@today=20260401",
         "tenkyo kouki kaigo gomi inu", 0},
        {"tenkyo", "water=no;@m1=19850410;@m2=20200101;@today=20260401", "tenkyo gomi", 1},
        /* 出生: registration not done yet, 国保, first child */
        {"shussei", "kokuho=yes;@today=20260401",
         "shussei_todoke kokuho_kanyu shussan_ikuji jidoteate kodomo_iryo", 0},
        {"shussei", "registered=yes;allowance=more;@today=20260401", "kodomo_iryo", 1},
        {"shussei", "registered=yes;allowance=work;@today=20260401", "kodomo_iryo", 1},
        /* おくやみ: householder with two adults left, 国保 and a funeral */
        {"okuyami",
         "age_group=under65;was_householder=yes;remaining=2;kokuho=yes;funeral_held=yes;deceased_pension=yes;"
         "@today=20260401",
         "setainushi kokuho_soshitsu sosaihi nenkin", 0},
        /* one adult left: no 世帯主変更届 */
        {"okuyami", "age_group=under65;was_householder=yes;remaining=1;kokuho=yes;funeral_held=no",
         "kokuho_soshitsu", 0},
        /* remaining is asked only for a householder */
        {"okuyami", "age_group=under65;was_householder=no;remaining=3", "", 0},
        /* 75+: 後期高齢者 and 介護, never 国保 (not asked) */
        {"okuyami", "registered=no;age_group=over75;kokuho=yes;funeral_held=yes;inkan=yes;water=yes",
         "shibou_todoke kouki_soshitsu kaigo_soshitsu suido", 1},
        {"okuyami", "age_group=from65;kokuho=yes;funeral_held=yes;allowance=yes",
         "kokuho_soshitsu sosaihi jidoteate kaigo_soshitsu", 1},
    };
    form_catalog *c = shipped();
    assert_int_equal(form_catalog_event_count(c), 4);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        const form_event *e = form_catalog_find_event(c, table[i].event);
        assert_non_null(e);
        form_values *v = values(table[i].answers);
        form_nav *nav = NULL;
        assert_int_equal(form_event_navigate(e, v, &nav), FORM_OK);
        char got[512] = "";
        size_t o = 0;
        for (size_t k = 0; k < form_nav_count(nav); k++)
            o += (size_t)snprintf(got + o, sizeof got - o, "%s%s", k ? " " : "",
                                  form_procedure_id(form_nav_procedure(nav, k)));
        if (strcmp(got, table[i].want) != 0 || form_nav_note_count(nav) != table[i].notes)
            fail_msg("%s with %s:\n  got  \"%s\" (%zu notes)\n  want \"%s\" (%zu notes)",
                     table[i].event, table[i].answers, got, form_nav_note_count(nav), table[i].want,
                     table[i].notes);
        form_nav_free(nav);
        form_values_free(v);
    }
    form_catalog_free(c);
}

/* okuyami: 葬祭費 needs the 国保 喪失 (procedure.sosaihi = kokuho_soshitsu) and comes after it;
 * the rule that added each is told. */
static void dependencies_come_first_and_reasons_are_kept(void **state)
{
    (void)state;
    form_catalog *c = shipped();
    const form_event *e = form_catalog_find_event(c, "okuyami");
    form_values *v = values("age_group=under65;kokuho=yes;funeral_held=yes");
    form_nav *nav = NULL;
    assert_int_equal(form_event_navigate(e, v, &nav), FORM_OK);
    assert_int_equal(form_nav_count(nav), 2);
    assert_string_equal(form_procedure_id(form_nav_procedure(nav, 0)), "kokuho_soshitsu");
    assert_int_equal(form_nav_rule(nav, 0), 3);
    assert_string_equal(form_procedure_id(form_nav_procedure(nav, 1)), "sosaihi");
    assert_int_equal(form_nav_rule(nav, 1), 4);
    form_nav_free(nav);
    form_values_free(v);
    form_catalog_free(c);
}

static void interview_asks_by_earlier_answers(void **state)
{
    (void)state;
    form_catalog *c = shipped();
    const form_event *e = form_catalog_find_event(c, "okuyami");
    assert_string_equal(form_event_id(e), "okuyami");
    assert_non_null(form_text_get(form_event_title(e), "en"));
    size_t remaining = SIZE_MAX, kokuho = SIZE_MAX;
    for (size_t i = 0; i < form_event_question_count(e); i++) {
        const char *id = form_question_id(form_event_question(e, i));
        if (strcmp(id, "remaining") == 0)
            remaining = i;
        if (strcmp(id, "kokuho") == 0)
            kokuho = i;
    }
    assert_int_equal(form_question_type_of(form_event_question(e, remaining)), FORM_Q_NUMBER);
    form_values *v = values("was_householder=no;age_group=over75");
    assert_false(form_event_asks(e, remaining, v));
    assert_false(form_event_asks(e, kokuho, v));
    form_values_free(v);
    v = values("was_householder=yes;age_group=from65");
    assert_true(form_event_asks(e, remaining, v));
    assert_true(form_event_asks(e, kokuho, v));
    const char *why = NULL;
    assert_int_equal(form_question_validate(form_event_question(e, remaining), "7", "en", &why),
                     FORM_E_ANSWER);
    assert_int_equal(form_question_validate(form_event_question(e, remaining), "2", "en", &why),
                     FORM_OK);
    form_values_free(v);
    /* NULL-safe */
    assert_int_equal(form_catalog_event_count(NULL), 0);
    assert_null(form_catalog_event(c, 99));
    assert_null(form_catalog_find_event(c, "nope"));
    assert_null(form_catalog_find_event(NULL, "okuyami"));
    assert_null(form_event_id(NULL));
    assert_null(form_event_question(e, 99));
    assert_false(form_event_asks(NULL, 0, NULL));
    form_nav *nav = (form_nav *)1;
    assert_int_equal(form_event_navigate(NULL, NULL, &nav), FORM_E_ARG);
    assert_null(nav);
    assert_int_equal(form_event_navigate(e, NULL, NULL), FORM_E_ARG);
    form_nav_free(NULL);
    assert_int_equal(form_nav_count(NULL), 0);
    assert_null(form_nav_procedure(NULL, 0));
    assert_null(form_nav_note(NULL, 0));
    form_catalog_free(c);
}

/* The sheet: annai.form's rows, filled in route order, notes after, the rest cleared; a route
 * longer than the sheet continues on the next print. */
static void guide_rows_fill_the_sheet(void **state)
{
    (void)state;
    form_catalog *c = shipped();
    const form_template *annai = form_catalog_template(c, "annai");
    assert_non_null(annai);
    size_t rows = form_template_guide_rows(annai);
    assert_int_equal(rows, 14);
    assert_null(form_catalog_find(c, "annai")); /* not a procedure */
    const form_event *e = form_catalog_find_event(c, "tenkyo");
    form_values *v = values("kokuho=yes;allowance=yes;water=no;@today=20260401");
    form_nav *nav = NULL;
    assert_int_equal(form_event_navigate(e, v, &nav), FORM_OK);
    assert_int_equal(form_nav_row_count(nav), 4);
    assert_int_equal(form_values_set_guide(v, 7, "title", "stale"), FORM_OK);
    assert_int_equal(form_nav_set_guide(nav, v, "ja", 0, rows), FORM_OK);
    char buf[64];
    assert_string_equal(form_values_get(v, "guide.1.title", buf, sizeof buf), "転居届");
    assert_string_equal(form_values_get(v, "guide.1.counter", buf, sizeof buf), "市民課（1階 1番窓口）");
    assert_string_equal(form_values_get(v, "guide.1.num", buf, sizeof buf), "1");
    assert_string_equal(form_values_get(v, "guide.2.title", buf, sizeof buf), "ごみの出し方");
    assert_string_equal(form_values_get(v, "guide.3.title", buf, sizeof buf), "ご注意");
    assert_non_null(strstr(form_values_get(v, "guide.3.note", buf, sizeof buf), "国民健康保険"));
    assert_null(form_values_get(v, "guide.3.counter", buf, sizeof buf));
    assert_null(form_values_get(v, "guide.7.title", buf, sizeof buf));
    assert_int_equal(form_nav_set_guide(nav, v, "en", 2, 2), FORM_OK);
    assert_string_equal(form_values_get(v, "guide.1.title", buf, sizeof buf), "Note");
    assert_string_equal(form_values_get(v, "guide.1.num", buf, sizeof buf), "3");
    assert_int_equal(form_nav_set_guide(nav, v, "ja", 0, FORM_MAX_GUIDE + 1), FORM_E_ARG);
    assert_int_equal(form_nav_set_guide(NULL, v, "ja", 0, 1), FORM_E_ARG);
    assert_int_equal(form_values_set_guide(v, 0, "title", "x"), FORM_E_ARG);
    assert_int_equal(form_values_set_guide(v, 21, "title", "x"), FORM_E_ARG);
    assert_int_equal(form_values_set_guide(v, 1, "name", "x"), FORM_E_ARG);
    assert_int_equal(form_values_set_reception(v, "A-012"), FORM_OK);
    assert_string_equal(form_values_get(v, "reception", buf, sizeof buf), "A-012");
    assert_int_equal(form_values_set_reception(v, "123456789012345678901234567890123"), FORM_E_ARG);
    assert_int_equal(form_template_guide_rows(NULL), 0);
    /* a guide-only procedure is not rendered: it is a row of the sheet */
    form_doc *doc = NULL;
    assert_int_equal(form_render(form_catalog_find(c, "gomi"), NULL, v, 0, &doc, NULL), FORM_E_ARG);
    assert_null(doc);
    form_nav_free(nav);
    form_values_free(v);
    form_catalog_free(c);
}

/* Foreign residents read the interview and the sheet in English: every shipped text has it. */
static void every_shipped_text_has_english(void **state)
{
    (void)state;
    form_catalog *c = shipped();
    for (size_t i = 0; i < form_catalog_event_count(c); i++) {
        const form_event *e = form_catalog_event(c, i);
        assert_non_null(e->title->s[1]); /* s[1]: en */
        for (size_t k = 0; k < form_event_question_count(e); k++) {
            const form_question *q = form_event_question(e, k);
            if (q->label->s[1] == NULL)
                fail_msg("%s: question %s has no label.en", e->id, q->id);
            for (size_t j = 0; j < q->nchoices; j++)
                if (q->choice_label[j]->s[1] == NULL)
                    fail_msg("%s: %s: choice %s has no .en", e->id, q->id, q->choice_value[j]);
        }
        for (size_t r = 0; r < e->nrules; r++)
            if (e->rules[r].note && e->rules[r].note->s[1] == NULL)
                fail_msg("%s: rule %zu: note has no .en", e->id, r + 1);
    }
    for (size_t i = 0; i < form_catalog_procedure_count(c); i++) {
        const form_procedure *p = form_catalog_procedure(c, i);
        const form_guide *g = form_procedure_guide(p);
        const form_text *t[] = {g->counter, g->bring, g->fee, g->note};
        for (size_t k = 0; k < 4; k++)
            if (t[k] != NULL && t[k]->s[1] == NULL)
                fail_msg("procedure %s: a guide text has no .en", p->id);
        if (form_procedure_offered(p, FORM_OFFER_COUNTER) && !form_procedure_offered(p, FORM_OFFER_KIOSK) &&
            g->counter == NULL)
            fail_msg("counter procedure %s says nowhere where to go (guide.counter.ja)", p->id);
    }
    form_catalog_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_events_lead_to_the_right_procedures),
        cmocka_unit_test(dependencies_come_first_and_reasons_are_kept),
        cmocka_unit_test(interview_asks_by_earlier_answers),
        cmocka_unit_test(guide_rows_fill_the_sheet),
        cmocka_unit_test(every_shipped_text_has_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
