/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-counter-visit.c — a counter visit: members from cards (in-process virtual cards, the
 * real cardlib) and typed by staff, checks on what staff types, navigation input, the values a
 * render gets, and the wipe on every way a visit ends.
 *
 *   test-counter-visit TEMPLATES_DIR PROFILES_DIR
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "counter-batch.h"
#include "counter-visit.h"
#include "myna-vcard.h"

static const char *g_templates, *g_profiles;

typedef struct fixture {
    form_catalog *cat;
    counter_visit *v;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(g_templates, NULL, &f->cat, &d), FORM_OK);
    form_diags_free(d);
    assert_int_equal(counter_visit_new(f->cat, &f->v), COUNTER_OK);
    assert_int_equal(counter_visit_set_today(f->v, "20261205"), COUNTER_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    counter_visit_free(f->v);
    form_catalog_free(f->cat);
    free(f);
    return 0;
}

/* Read a profile's card as the counter's card worker does: tries, VERIFY, read. */
static myna_attrs *read_card(const char *profile, const char *pin, unsigned flags)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", g_profiles, profile);
    myna_vcard *vc = NULL;
    assert_int_equal(myna_vcard_load(path, &vc, NULL), MYNA_OK);
    myna_transport *t = NULL;
    assert_int_equal(myna_vcard_transport_new(vc, &t), MYNA_OK);
    myna_card *card = NULL;
    assert_int_equal(myna_card_open(t, &card), MYNA_OK);
    int tries = 0;
    assert_int_equal(myna_card_pin_tries(card, &tries), MYNA_OK);
    assert_int_equal(tries, 3);
    assert_int_equal(myna_card_verify_pin(card, pin, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(card, flags, &a), MYNA_OK);
    myna_card_free(card);
    myna_vcard_free(vc);
    return a;
}

static counter_err add_card(fixture *f, const char *profile, const char *pin, counter_role role)
{
    myna_attrs *a = read_card(profile, pin, counter_visit_read_flags(f->v));
    counter_err err = counter_visit_add_card(f->v, counter_visit_generation(f->v), a,
                                             COUNTER_SRC_PIN, role, NULL);
    myna_attrs_free(a);
    return err;
}

static const counter_member_input child = {
    .name = "鐘成　陽向汰", .kana = "カネナリヒナタ", .birth = "20210814", .sex = "1",
    .number = "629481037579", .role = COUNTER_ROLE_CHILD};

static void a_household_from_two_cards_and_one_typed_child(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_visit_add_procedure(f->v, "tennyu"), COUNTER_OK);
    /* 転入届 declares a legal basis for the number: the card worker reads it */
    assert_true(counter_visit_read_flags(f->v) & MYNA_READ_NUMBER);
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_int_equal(add_card(f, "adult2.json", "1470", COUNTER_ROLE_SPOUSE), COUNTER_OK);
    size_t i = 99;
    assert_int_equal(counter_visit_add_typed(f->v, &child, &i), COUNTER_OK);
    assert_int_equal(i, 2);
    assert_int_equal(counter_visit_member_count(f->v), 3);
    assert_string_equal(counter_visit_member_field(f->v, 0, COUNTER_F_NAME), "鐘成　航汰朗");
    assert_string_equal(counter_visit_member_field(f->v, 0, COUNTER_F_RELATION), "世帯主");
    assert_string_equal(counter_visit_member_field(f->v, 1, COUNTER_F_RELATION), "妻");
    assert_string_equal(counter_visit_member_field(f->v, 2, COUNTER_F_RELATION), "子");
    assert_string_equal(counter_visit_member_field(f->v, 1, COUNTER_F_NUMBER), "460271953802");
    assert_null(counter_visit_member_field(f->v, 2, COUNTER_F_ADDRESS));
    assert_int_equal(counter_visit_member_source(f->v, 2), COUNTER_SRC_TYPED);
    assert_int_equal(counter_visit_member_age(f->v, 0, NULL), 38);
    assert_int_equal(counter_visit_member_age(f->v, 2, "20261205"), 5);
    assert_int_equal(counter_visit_member_age(f->v, 2, "20210813"), -1);
    counter_visit_stats st;
    counter_visit_get_stats(f->v, &st);
    assert_int_equal(st.members, 3);
    assert_int_equal(st.by_pin, 2);
    assert_int_equal(st.typed, 1);
    /* card: name, birth, sex, relation, number, address = 6 each; child 6 typed (no address) */
    assert_int_equal(st.values, 18);
    assert_int_equal(st.typed_values, 5);
}

static void the_number_is_not_read_when_no_procedure_needs_it(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_visit_add_procedure(f->v, "juminhyo"), COUNTER_OK);
    assert_int_equal(counter_visit_read_flags(f->v), 0);
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_null(counter_visit_member_field(f->v, 0, COUNTER_F_NUMBER));
}

static void the_same_card_twice_is_one_member(void **state)
{
    fixture *f = *state;
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_OTHER), COUNTER_E_DUPLICATE);
    counter_member_input again = {.name = "鐘成　航汰朗", .birth = "19880612"};
    assert_int_equal(counter_visit_add_typed(f->v, &again, NULL), COUNTER_E_DUPLICATE);
    assert_int_equal(counter_visit_member_count(f->v), 1);
}

static void a_card_read_for_a_wiped_visit_is_refused(void **state)
{
    fixture *f = *state;
    unsigned gen = counter_visit_generation(f->v);
    myna_attrs *a = read_card("adult1.json", "2580", 0);
    counter_visit_wipe(f->v, COUNTER_END_CARD_PULLED);
    assert_int_not_equal(counter_visit_generation(f->v), gen);
    assert_int_equal(counter_visit_add_card(f->v, gen, a, COUNTER_SRC_PIN, COUNTER_ROLE_HEAD, NULL),
                     COUNTER_E_STALE);
    myna_attrs_free(a);
    assert_int_equal(counter_visit_member_count(f->v), 0);
}

static void what_staff_types_is_checked(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *name, *birth, *sex, *number;
    } bad[] = {
        {NULL, "20210814", NULL, NULL},           {"", "20210814", NULL, NULL},
        {"子", NULL, NULL, NULL},                 {"子", "20210230", NULL, NULL},
        {"子", "2021081", NULL, NULL},            {"子", "2021-8-1", NULL, NULL},
        {"子", "20210814", "3", NULL},            {"子", "20210814", "1", "629481037578"},
        {"子", "20210814", "1", "62948103757"},   {"子", "20210814", "1", "62948103757a"},
        {"\xff\xfe", "20210814", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        counter_member_input in = {.name = bad[i].name, .birth = bad[i].birth, .sex = bad[i].sex,
                                   .number = bad[i].number, .role = COUNTER_ROLE_CHILD};
        assert_int_equal(counter_visit_add_typed(f->v, &in, NULL), COUNTER_E_ARG);
    }
    assert_int_equal(counter_visit_member_count(f->v), 0);
    char longname[COUNTER_VALUE_MAX + 2];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    counter_member_input in = {.name = longname, .birth = "20000229"};
    assert_int_equal(counter_visit_add_typed(f->v, &in, NULL), COUNTER_E_ARG);
    in.name = "閏　日子";
    assert_int_equal(counter_visit_add_typed(f->v, &in, NULL), COUNTER_OK);
    assert_true(counter_number_valid("731904682521"));
    assert_false(counter_number_valid("731904682522"));
}

static void a_card_members_identity_stays_as_read(void **state)
{
    fixture *f = *state;
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_int_equal(counter_visit_set_member_field(f->v, 0, COUNTER_F_NAME, "別人"), COUNTER_E_ARG);
    assert_int_equal(counter_visit_set_member_field(f->v, 0, COUNTER_F_BIRTH, "20000101"),
                     COUNTER_E_ARG);
    assert_int_equal(counter_visit_set_member_field(f->v, 0, COUNTER_F_KANA, "カネナリコウタロウ"),
                     COUNTER_OK);
    assert_int_equal(counter_visit_set_member_field(f->v, 0, COUNTER_F_RELATION, "本人"), COUNTER_OK);
    assert_int_equal(counter_visit_set_member_field(f->v, 3, COUNTER_F_KANA, "ア"),
                     COUNTER_E_NO_MEMBER);
    assert_string_equal(counter_visit_member_field(f->v, 0, COUNTER_F_RELATION), "本人");
}

static void seven_members_do_not_fit(void **state)
{
    fixture *f = *state;
    char name[32];
    for (int i = 0; i < COUNTER_MEMBERS_MAX; i++) {
        snprintf(name, sizeof name, "試験　%d", i);
        counter_member_input in = {.name = name, .birth = "20000101"};
        assert_int_equal(counter_visit_add_typed(f->v, &in, NULL), COUNTER_OK);
    }
    counter_member_input in = {.name = "試験　7", .birth = "20000101"};
    assert_int_equal(counter_visit_add_typed(f->v, &in, NULL), COUNTER_E_FULL);
    assert_int_equal(counter_visit_remove_member(f->v, 0), COUNTER_OK);
    assert_string_equal(counter_visit_member_field(f->v, 0, COUNTER_F_NAME), "試験　1");
    assert_int_equal(counter_visit_add_typed(f->v, &in, NULL), COUNTER_OK);
    assert_int_equal(counter_visit_remove_member(f->v, 6), COUNTER_E_NO_MEMBER);
}

static void event_interview_and_procedures(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_visit_set_event(f->v, "tennyu"), COUNTER_OK);
    assert_int_equal(counter_visit_set_event(f->v, "転入"), COUNTER_E_ARG);
    assert_string_equal(counter_visit_event(f->v), "tennyu");
    assert_int_equal(counter_visit_set_interview(f->v, "kokuho", "yes"), COUNTER_OK);
    assert_int_equal(counter_visit_set_interview(f->v, "children", "1"), COUNTER_OK);
    assert_int_equal(counter_visit_set_interview(f->v, "children", "2"), COUNTER_OK);
    assert_int_equal(counter_visit_interview_count(f->v), 2);
    assert_string_equal(counter_visit_interview(f->v, "children"), "2");
    assert_int_equal(counter_visit_set_interview(f->v, "kokuho", NULL), COUNTER_OK);
    assert_int_equal(counter_visit_interview_count(f->v), 1);
    assert_string_equal(counter_visit_interview_id(f->v, 0), "children");
    /* another event: the interview starts again */
    assert_int_equal(counter_visit_set_event(f->v, "tenkyo"), COUNTER_OK);
    assert_int_equal(counter_visit_interview_count(f->v), 0);

    assert_int_equal(counter_visit_add_procedure(f->v, "no_such"), COUNTER_E_UNKNOWN);
    assert_int_equal(counter_visit_add_procedure(f->v, "tennyu"), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(f->v, "juminhyo_shotoku"), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(f->v, "tennyu"), COUNTER_OK);
    assert_int_equal(counter_visit_procedure_count(f->v), 2);
    assert_int_equal(counter_visit_form_count(f->v), 3);
    const char *ids[16];
    size_t n = counter_visit_missing_answers(f->v, ids, 16);
    bool moved = false;
    for (size_t i = 0; i < n && i < 16; i++) {
        assert_string_not_equal(ids[i], "furigana"); /* filled from the member's kana */
        moved |= strcmp(ids[i], "moved") == 0;
    }
    assert_true(moved);
    assert_int_equal(counter_visit_set_answer(f->v, "moved", "20261201"), COUNTER_OK);
    assert_int_equal(counter_visit_missing_answers(f->v, NULL, 0), n - 1);
}

static void the_values_render_every_form(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_visit_add_procedure(f->v, "tennyu"), COUNTER_OK);
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_int_equal(add_card(f, "adult2.json", "1470", COUNTER_ROLE_SPOUSE), COUNTER_OK);
    assert_int_equal(counter_visit_add_typed(f->v, &child, NULL), COUNTER_OK);
    assert_int_equal(counter_visit_set_member_field(f->v, 0, COUNTER_F_KANA, "かねなりこうたろう"),
                     COUNTER_OK);
    assert_int_equal(counter_visit_set_answer(f->v, "moved", "20261201"), COUNTER_OK);
    assert_int_equal(counter_visit_set_answer(f->v, "new_address", "カナリア市試験町KNRYNEWADR8X"),
                     COUNTER_OK);
    form_values *fv = NULL;
    assert_int_equal(counter_visit_values(f->v, &fv), COUNTER_OK);
    form_doc *doc = NULL;
    form_diags *d = NULL;
    form_err err = form_render(counter_visit_procedure(f->v, 0), NULL, fv, 0, &doc, &d);
    for (size_t i = 0; i < form_diags_count(d); i++)
        fprintf(stderr, "diag: %s %s\n", form_diags_get(d, i)->field ? form_diags_get(d, i)->field : "",
                form_diags_get(d, i)->message);
    assert_int_equal(err, FORM_OK);
    assert_true(form_doc_page_count(doc) >= 1);
    form_diags_free(d);
    form_doc_free(doc);
    form_values_free(fv);
}

static void every_way_a_visit_ends_wipes_it(void **state)
{
    fixture *f = *state;
    static const counter_end ends[] = {COUNTER_END_NEXT, COUNTER_END_CARD_PULLED,
                                       COUNTER_END_WINDOW_CLOSED, COUNTER_END_IDLE,
                                       COUNTER_END_SIGN_OUT, COUNTER_END_CANCEL};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        assert_int_equal(counter_visit_set_event(f->v, "tennyu"), COUNTER_OK);
        assert_int_equal(counter_visit_set_interview(f->v, "kokuho", "yes"), COUNTER_OK);
        assert_int_equal(counter_visit_add_procedure(f->v, "tennyu"), COUNTER_OK);
        assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
        assert_int_equal(counter_visit_add_typed(f->v, &child, NULL), COUNTER_OK);
        assert_int_equal(counter_visit_set_answer(f->v, "moved", "20261201"), COUNTER_OK);
        unsigned gen = counter_visit_generation(f->v);
        counter_visit_wipe(f->v, ends[i]);
        assert_int_not_equal(counter_visit_generation(f->v), gen);
        assert_int_equal(counter_visit_member_count(f->v), 0);
        assert_null(counter_visit_member_field(f->v, 0, COUNTER_F_NAME));
        assert_null(counter_visit_event(f->v));
        assert_int_equal(counter_visit_interview_count(f->v), 0);
        assert_int_equal(counter_visit_procedure_count(f->v), 0);
        assert_null(counter_visit_answer(f->v, "moved"));
        assert_string_not_equal(counter_end_name(ends[i]), "unknown");
    }
}

static bool has_procedure(const counter_visit *v, const char *id)
{
    for (size_t i = 0; i < counter_visit_procedure_count(v); i++)
        if (!strcmp(form_procedure_id(counter_visit_procedure(v, i)), id))
            return true;
    return false;
}

static void a_life_event_navigates_from_answers_and_the_household(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_visit_navigate(f->v, false), COUNTER_E_NO_PROCEDURE);
    assert_int_equal(counter_visit_set_event(f->v, "no_such_event"), COUNTER_OK);
    assert_int_equal(counter_visit_navigate(f->v, false), COUNTER_E_UNKNOWN);
    assert_int_equal(counter_visit_set_event(f->v, "tennyu"), COUNTER_OK);
    static const char *const no[][2] = {{"kokuho", "no"},  {"children", "0"}, {"inkan", "no"},
                                        {"elderly", "no"}, {"no_employee_pension", "no"}, {"water", "no"},
                                        {"dog", "no"}};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        assert_int_equal(counter_visit_set_interview(f->v, no[i][0], no[i][1]), COUNTER_OK);
    assert_int_equal(counter_visit_navigate(f->v, false), COUNTER_OK);
    assert_true(has_procedure(f->v, "tennyu"));
    assert_false(has_procedure(f->v, "kokuho_kanyu"));
    assert_false(has_procedure(f->v, "jidoteate"));
    assert_non_null(counter_visit_nav(f->v));
    /* the household decides too: a child of five brings the child benefit */
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_int_equal(counter_visit_add_typed(f->v, &child, NULL), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(f->v, "juminhyo"), COUNTER_OK); /* by hand */
    assert_int_equal(counter_visit_navigate(f->v, true), COUNTER_OK);
    assert_true(has_procedure(f->v, "jidoteate"));
    assert_true(has_procedure(f->v, "juminhyo"));
    assert_false(has_procedure(f->v, "kokuho_kanyu"));
    /* an answer the question refuses stops the navigation */
    assert_int_equal(counter_visit_set_interview(f->v, "children", "many"), COUNTER_OK);
    assert_int_equal(counter_visit_navigate(f->v, true), COUNTER_E_ARG);
    /* the yes answer brings 国保 */
    assert_int_equal(counter_visit_set_interview(f->v, "children", "1"), COUNTER_OK);
    assert_int_equal(counter_visit_set_interview(f->v, "kokuho", "yes"), COUNTER_OK);
    assert_int_equal(counter_visit_navigate(f->v, false), COUNTER_OK);
    assert_true(has_procedure(f->v, "kokuho_kanyu"));
    assert_false(has_procedure(f->v, "juminhyo"));
    /* staff untick 国保 (the resident joins it elsewhere): reading the household again
     * navigates once more, and what staff declined stays off */
    const form_procedure *keep[COUNTER_PROCEDURES_MAX];
    size_t nkeep = 0;
    for (size_t i = 0; i < counter_visit_procedure_count(f->v); i++)
        if (strcmp(form_procedure_id(counter_visit_procedure(f->v, i)), "kokuho_kanyu") != 0)
            keep[nkeep++] = counter_visit_procedure(f->v, i);
    counter_visit_clear_procedures(f->v);
    for (size_t i = 0; i < nkeep; i++)
        assert_int_equal(counter_visit_add_procedure(f->v, form_procedure_id(keep[i])), COUNTER_OK);
    assert_int_equal(counter_visit_navigate(f->v, true), COUNTER_OK);
    assert_false(has_procedure(f->v, "kokuho_kanyu"));
    assert_true(has_procedure(f->v, "tennyu"));
    assert_true(has_procedure(f->v, "jidoteate"));
    counter_visit_wipe(f->v, COUNTER_END_NEXT);
    assert_null(counter_visit_nav(f->v));
}

static void the_guide_sheet_follows_every_procedure(void **state)
{
    fixture *f = *state;
    counter_batch *b = NULL;
    assert_int_equal(counter_batch_new(f->v, "0001", "ja", &b), COUNTER_E_NO_PROCEDURE);
    assert_int_equal(counter_visit_add_procedure(f->v, "tennyu"), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(f->v, "gomi"), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(f->v, "suido"), COUNTER_OK);
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_int_equal(counter_visit_set_member_field(f->v, 0, COUNTER_F_KANA, "かねなり"), COUNTER_OK);
    assert_int_equal(counter_visit_set_answer(f->v, "moved", "20261201"), COUNTER_OK);
    assert_int_equal(counter_visit_set_answer(f->v, "new_address", "試験町1"), COUNTER_OK);
    assert_int_equal(counter_batch_new(f->v, "123456789012345678901234567890123", "ja", &b),
                     COUNTER_E_ARG);
    assert_int_equal(counter_batch_new(f->v, "0001", "ja", &b), COUNTER_OK);
    /* a snapshot: the visit may be wiped while a worker renders */
    counter_visit_wipe(f->v, COUNTER_END_NEXT);
    assert_int_equal(counter_batch_guide_count(b), 3);
    /* picked by hand: by guide order (the route through the building) */
    long prev = -1000000;
    for (size_t i = 0; i < counter_batch_guide_count(b); i++) {
        long o = form_procedure_guide(counter_batch_guide_procedure(b, i))->order;
        assert_true(o >= prev);
        prev = o;
    }
    const char *failed = NULL;
    counter_err err = counter_batch_render(b, 0, &failed, NULL);
    if (err != COUNTER_OK)
        fprintf(stderr, "render failed: %s\n", failed ? failed : "?");
    assert_int_equal(err, COUNTER_OK);
    /* gomi and suido are guide-only: one form and the guide sheet */
    assert_int_equal(counter_batch_doc_count(b), 2);
    assert_true(counter_batch_has_guide(b));
    assert_string_equal(form_procedure_id(counter_batch_doc_procedure(b, 0)), "tennyu");
    assert_null(counter_batch_doc_procedure(b, 1));
    assert_true(counter_batch_page_count(b) >= 2);
    counter_batch_free(b);
    counter_batch_free(NULL);
}

/* The text of a document, through pdftotext (spaces and line breaks dropped). */
static char *doc_text(const form_doc *doc)
{
    char path[] = "/tmp/kakanai-counter-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t len = 0;
    const uint8_t *pdf = form_doc_data(doc, &len);
    assert_int_equal(write(fd, pdf, len), (ssize_t)len);
    close(fd);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 %s - 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    static char text[65536];
    size_t n = 0;
    int c;
    while ((c = fgetc(p)) != EOF && n + 1 < sizeof text)
        if (c != ' ' && c != '\n')
            text[n++] = (char)c;
    text[n] = '\0';
    pclose(p);
    unlink(path);
    return text;
}

static const form_doc *doc_of(const counter_batch *b, const char *procedure)
{
    for (size_t i = 0; i < counter_batch_doc_count(b); i++)
        if (counter_batch_doc_procedure(b, i) &&
            !strcmp(form_procedure_id(counter_batch_doc_procedure(b, i)), procedure))
            return counter_batch_doc(b, i);
    return NULL;
}

static void a_member_left_off_a_form_is_not_on_it(void **state)
{
    fixture *f = *state;
    assert_int_equal(counter_visit_add_procedure(f->v, "kokuho_kanyu"), COUNTER_OK);
    assert_int_equal(counter_visit_add_procedure(f->v, "tenkyo"), COUNTER_OK);
    const form_procedure *kokuho = counter_visit_procedure(f->v, 0);
    assert_true(form_procedure_needs(kokuho) & FORM_NEEDS_MEMBERS);
    assert_false(form_procedure_needs(form_catalog_find(f->cat, "juminhyo")) & FORM_NEEDS_MEMBERS);
    assert_int_equal(add_card(f, "adult1.json", "2580", COUNTER_ROLE_HEAD), COUNTER_OK);
    assert_int_equal(add_card(f, "adult2.json", "1470", COUNTER_ROLE_SPOUSE), COUNTER_OK);
    assert_int_equal(counter_visit_add_typed(f->v, &child, NULL), COUNTER_OK);
    assert_int_equal(counter_visit_set_member_field(f->v, 0, COUNTER_F_KANA, "カネナリコウタロウ"),
                     COUNTER_OK);
    /* everyone is on every form until staff says otherwise */
    for (size_t i = 0; i < 3; i++)
        assert_true(counter_visit_procedure_member(f->v, kokuho, i));
    assert_true(counter_visit_procedure_all_members(f->v, kokuho));
    /* the spouse is insured at work: not on the 国保加入届, still on the 転居届 */
    assert_int_equal(counter_visit_set_procedure_member(f->v, kokuho, 1, false), COUNTER_OK);
    assert_false(counter_visit_procedure_member(f->v, kokuho, 1));
    assert_false(counter_visit_procedure_all_members(f->v, kokuho));
    assert_int_equal(counter_visit_set_procedure_member(f->v, kokuho, 3, false), COUNTER_E_NO_MEMBER);
    assert_int_equal(counter_visit_set_procedure_member(
                         f->v, form_catalog_find(f->cat, "juminhyo"), 0, false), COUNTER_E_UNKNOWN);
    assert_int_equal(counter_visit_set_procedure_member(f->v, NULL, 0, false), COUNTER_E_ARG);
    const char *ids[32];
    size_t nmiss = counter_visit_missing_answers(f->v, ids, 32);
    for (size_t i = 0; i < nmiss && i < 32; i++) { /* what the two forms ask: any valid answer */
        const form_question *q = NULL;
        for (size_t p = 0; p < 2 && !q; p++)
            for (size_t k = 0; k < form_procedure_question_count(counter_visit_procedure(f->v, p)); k++)
                if (!strcmp(form_question_id(form_procedure_question(counter_visit_procedure(f->v, p), k)), ids[i]))
                    q = form_procedure_question(counter_visit_procedure(f->v, p), k);
        assert_non_null(q);
        form_question_type t = form_question_type_of(q);
        const char *a = t == FORM_Q_DATE ? "20261201"
                        : t == FORM_Q_YESNO ? "yes"
                        : t == FORM_Q_CHOICE ? form_question_choice_value(q, 0)
                        : t == FORM_Q_KANA ? "カネナリ"
                                           : "試験町1";
        assert_int_equal(counter_visit_set_answer(f->v, ids[i], a), COUNTER_OK);
    }
    counter_batch *b = NULL;
    assert_int_equal(counter_batch_new(f->v, "0002", "ja", &b), COUNTER_OK);
    const char *failed = NULL;
    form_diags *d = NULL;
    counter_err err = counter_batch_render(b, 0, &failed, &d);
    if (err != COUNTER_OK)
        fprintf(stderr, "render failed: %s\n", failed ? failed : "?");
    for (size_t i = 0; i < form_diags_count(d); i++)
        fprintf(stderr, "diag: %s %s\n", form_diags_get(d, i)->field ? form_diags_get(d, i)->field : "",
                form_diags_get(d, i)->message);
    form_diags_free(d);
    assert_int_equal(err, COUNTER_OK);
    const char *t = doc_text(doc_of(b, "kokuho_kanyu"));
    assert_non_null(strstr(t, "航汰朗"));
    assert_non_null(strstr(t, "陽向汰"));
    assert_null(strstr(t, "澪璃花"));
    t = doc_text(doc_of(b, "tenkyo"));
    assert_non_null(strstr(t, "航汰朗"));
    assert_non_null(strstr(t, "澪璃花"));
    assert_non_null(strstr(t, "陽向汰"));
    counter_batch_free(b);

    /* the choice belongs to the procedure: a new navigation, a member removed */
    assert_int_equal(counter_visit_remove_member(f->v, 0), COUNTER_OK);
    assert_false(counter_visit_procedure_member(f->v, kokuho, 0)); /* the spouse moved up */
    assert_true(counter_visit_procedure_member(f->v, kokuho, 1));
    assert_int_equal(counter_visit_set_procedure_member(f->v, kokuho, 0, true), COUNTER_OK);
    assert_true(counter_visit_procedure_all_members(f->v, kokuho));
    assert_int_equal(counter_visit_set_procedure_member(f->v, kokuho, 1, false), COUNTER_OK);
    counter_visit_wipe(f->v, COUNTER_END_NEXT);
    assert_int_equal(counter_visit_add_procedure(f->v, "kokuho_kanyu"), COUNTER_OK);
    assert_int_equal(counter_visit_add_typed(f->v, &child, NULL), COUNTER_OK);
    assert_true(counter_visit_procedure_all_members(f->v, kokuho)); /* nothing left over */
    /* new templates between visits: the visit starts empty, late card reads are refused */
    unsigned gen = counter_visit_generation(f->v);
    assert_int_equal(counter_visit_set_catalog(f->v, NULL), COUNTER_E_ARG);
    assert_int_equal(counter_visit_set_catalog(f->v, f->cat), COUNTER_OK);
    assert_int_equal(counter_visit_member_count(f->v), 0);
    assert_int_equal(counter_visit_procedure_count(f->v), 0);
    assert_true(counter_visit_generation(f->v) != gen);
}

static void null_is_safe_everywhere(void **state)
{
    counter_visit_free(NULL);
    counter_visit_wipe(NULL, COUNTER_END_NEXT);
    assert_int_equal(counter_visit_new(NULL, NULL), COUNTER_E_ARG);
    counter_visit *v = (counter_visit *)1;
    assert_int_equal(counter_visit_new(NULL, &v), COUNTER_E_ARG);
    assert_null(v);
    assert_int_equal(counter_visit_member_count(NULL), 0);
    assert_null(counter_visit_member_field(NULL, 0, COUNTER_F_NAME));
    assert_int_equal(counter_visit_add_typed(NULL, &child, NULL), COUNTER_E_ARG);
    assert_int_equal(counter_visit_values(NULL, NULL), COUNTER_E_ARG);
    assert_int_equal(counter_visit_values_for(NULL, NULL, NULL), COUNTER_E_ARG);
    assert_false(counter_visit_procedure_member(NULL, NULL, 0));
    assert_false(counter_visit_procedure_all_members(NULL, NULL));
    assert_int_equal(counter_visit_set_procedure_member(NULL, NULL, 0, true), COUNTER_E_ARG);
    assert_string_equal(counter_err_name(COUNTER_E_STALE), "COUNTER_E_STALE");
    assert_string_equal(counter_strerror((counter_err)12345), "Unknown error.");
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s TEMPLATES_DIR PROFILES_DIR [CANARIES]\n", argv[0]);
        return 2;
    }
    g_templates = argv[1];
    g_profiles = argv[2];
    myna_secure_init(1u << 20);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_household_from_two_cards_and_one_typed_child, setup, teardown),
        cmocka_unit_test_setup_teardown(the_number_is_not_read_when_no_procedure_needs_it, setup, teardown),
        cmocka_unit_test_setup_teardown(the_same_card_twice_is_one_member, setup, teardown),
        cmocka_unit_test_setup_teardown(a_card_read_for_a_wiped_visit_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(what_staff_types_is_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(a_card_members_identity_stays_as_read, setup, teardown),
        cmocka_unit_test_setup_teardown(seven_members_do_not_fit, setup, teardown),
        cmocka_unit_test_setup_teardown(event_interview_and_procedures, setup, teardown),
        cmocka_unit_test_setup_teardown(the_values_render_every_form, setup, teardown),
        cmocka_unit_test_setup_teardown(every_way_a_visit_ends_wipes_it, setup, teardown),
        cmocka_unit_test_setup_teardown(a_life_event_navigates_from_answers_and_the_household, setup, teardown),
        cmocka_unit_test_setup_teardown(the_guide_sheet_follows_every_procedure, setup, teardown),
        cmocka_unit_test_setup_teardown(a_member_left_off_a_form_is_not_on_it, setup, teardown),
        cmocka_unit_test(null_is_safe_everywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
