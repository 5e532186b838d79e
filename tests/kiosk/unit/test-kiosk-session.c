/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-kiosk-session.c — every transition and every abort path of the session machine,
 * through a backend double that records what the machine asked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kiosk-session.h"

typedef struct fake {
    int allocs, frees;
    int card_start, card_stop, verify, read, render, print, print_cancel, wipe, changed;
    bool last_checkcode;
    char verified[KIOSK_SECRET_MAX + 1];
    size_t verified_len;
    bool secret_wiped_on_free; /* every freed buffer was all zero */
    kiosk_state last_from, last_to;
} fake;

static void *f_alloc(void *u, size_t n)
{
    ((fake *)u)->allocs++;
    return calloc(1, n);
}

static void f_free(void *u, void *p, size_t n)
{
    fake *f = u;
    f->frees++;
    for (size_t i = 0; i < n; i++)
        if (((char *)p)[i])
            f->secret_wiped_on_free = false;
    free(p);
}

static void f_card_start(void *u, bool cc)
{
    ((fake *)u)->card_start++;
    ((fake *)u)->last_checkcode = cc;
}
static void f_card_stop(void *u) { ((fake *)u)->card_stop++; }
static void f_verify(void *u, char *secret, size_t len, bool cc)
{
    fake *f = u;
    f->verify++;
    f->last_checkcode = cc;
    memcpy(f->verified, secret, len);
    f->verified[len] = 0;
    f->verified_len = len;
    /* As the real backend does: wipe then free right after VERIFY. */
    memset(secret, 0, KIOSK_SECRET_MAX);
    f_free(u, secret, KIOSK_SECRET_MAX);
}
static void f_read(void *u, int p) { ((fake *)u)->read++; }
static void f_render(void *u) { ((fake *)u)->render++; }
static void f_print(void *u) { ((fake *)u)->print++; }
static void f_print_cancel(void *u) { ((fake *)u)->print_cancel++; }
static void f_wipe(void *u) { ((fake *)u)->wipe++; }
static void f_changed(void *u, kiosk_state from, kiosk_state to)
{
    fake *f = u;
    f->changed++;
    f->last_from = from;
    f->last_to = to;
}

typedef struct fixture {
    fake f;
    kiosk_session *s;
} fixture;

static int setup(void **state)
{
    fixture *x = calloc(1, sizeof *x);
    x->f.secret_wiped_on_free = true;
    kiosk_backend be = {
        .user = &x->f, .secure_alloc = f_alloc, .secure_free = f_free,
        .card_start = f_card_start, .card_stop = f_card_stop, .verify = f_verify,
        .read = f_read, .render = f_render, .print = f_print, .print_cancel = f_print_cancel,
        .wipe = f_wipe, .changed = f_changed,
    };
    x->s = kiosk_session_new(&be);
    assert_non_null(x->s);
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    fixture *x = *state;
    kiosk_session_free(x->s);
    /* Every locked buffer went back, wiped. */
    assert_int_equal(x->f.allocs, x->f.frees);
    assert_true(x->f.secret_wiped_on_free);
    free(x);
    return 0;
}

#define EV(x, e, a) kiosk_session_event((x)->s, KIOSK_EV_##e, (a), 0)
#define ST(x) kiosk_session_state((x)->s)

/* Drive the machine to a given state with a procedure of `nq` questions. */
static void to_pin(fixture *x, int nq, int tries)
{
    assert_true(kiosk_session_event(x->s, KIOSK_EV_PROCEDURE, 0, nq));
    assert_int_equal(ST(x), KIOSK_S_CARD_WAIT);
    assert_true(EV(x, CARD_PRESENT, tries));
}

static void type_pin(fixture *x, const char *pin)
{
    for (const char *p = pin; *p; p++)
        assert_true(EV(x, DIGIT, *p - '0'));
}

static void to_questions(fixture *x, int nq)
{
    to_pin(x, nq, 3);
    type_pin(x, "1234");
    assert_true(EV(x, SUBMIT, 0));
    assert_true(EV(x, VERIFY_OK, 0));
    assert_true(EV(x, READ_OK, 0));
}

static void to_confirm(fixture *x, int nq)
{
    to_questions(x, nq);
    for (int i = 0; i < nq; i++)
        assert_true(EV(x, ANSWER, 0));
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_true(EV(x, RENDER_OK, 0));
}

static void to_printing(fixture *x)
{
    to_confirm(x, 2);
    assert_true(EV(x, CONFIRM, 0));
    assert_int_equal(ST(x), KIOSK_S_PRINTING);
}

/* ---- the happy path --------------------------------------------------------------------- */

static void whole_path_walks_every_state_in_order(void **state)
{
    fixture *x = *state;
    assert_int_equal(ST(x), KIOSK_S_MENU);
    to_pin(x, 2, 3);
    assert_int_equal(ST(x), KIOSK_S_PIN);
    assert_int_equal(kiosk_session_tries(x->s), 3);
    assert_false(kiosk_session_last_try(x->s));
    assert_int_equal(x->f.card_start, 1);
    assert_false(x->f.last_checkcode);
    type_pin(x, "4321");
    assert_int_equal(kiosk_session_digits(x->s), 4);
    assert_true(EV(x, SUBMIT, 0));
    assert_int_equal(ST(x), KIOSK_S_READING);
    assert_int_equal(x->f.verify, 1);
    assert_string_equal(x->f.verified, "4321");
    assert_false(kiosk_session_secret_dirty(x->s));
    assert_true(EV(x, VERIFY_OK, 0));
    assert_int_equal(x->f.read, 1);
    assert_true(EV(x, READ_OK, 0));
    assert_int_equal(ST(x), KIOSK_S_QUESTIONS);
    assert_int_equal(kiosk_session_question(x->s), 0);
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(kiosk_session_question(x->s), 1);
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_int_equal(x->f.render, 1);
    assert_false(EV(x, CONFIRM, 0)); /* not before the preview is there */
    assert_true(EV(x, RENDER_OK, 0));
    assert_true(kiosk_session_rendered(x->s));
    assert_true(EV(x, CONFIRM, 0));
    assert_int_equal(ST(x), KIOSK_S_PRINTING);
    assert_int_equal(x->f.print, 1);
    int wipes = x->f.wipe;
    assert_true(EV(x, PRINT_OK, 0));
    assert_int_equal(ST(x), KIOSK_S_DONE);
    assert_int_equal(x->f.wipe, wipes + 1); /* wiped as soon as the job is accepted */
    assert_true(EV(x, CONFIRM, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
    assert_int_equal(kiosk_session_procedure(x->s), -1);
}

static void procedure_without_questions_goes_straight_to_confirm(void **state)
{
    fixture *x = *state;
    to_questions(x, 0);
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_int_equal(x->f.render, 1);
    assert_true(EV(x, BACK, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
}

static void done_returns_to_menu_on_timeout(void **state)
{
    fixture *x = *state;
    to_printing(x);
    assert_true(EV(x, PRINT_OK, 0));
    assert_true(EV(x, IDLE_TIMEOUT, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
}

/* ---- PIN rules ---------------------------------------------------------------------------- */

static void pin_accepts_exactly_four_digits(void **state)
{
    fixture *x = *state;
    to_pin(x, 1, 3);
    assert_false(EV(x, SUBMIT, 0)); /* empty */
    type_pin(x, "123");
    assert_false(EV(x, SUBMIT, 0)); /* 3 digits: nothing sent */
    assert_int_equal(x->f.verify, 0);
    assert_true(EV(x, DIGIT, 4));
    assert_false(EV(x, DIGIT, 5)); /* a fifth is refused */
    assert_false(EV(x, DIGIT, 10));
    assert_false(EV(x, DIGIT, -1));
    assert_true(EV(x, DELETE, 0));
    assert_int_equal(kiosk_session_digits(x->s), 3);
    assert_true(EV(x, CLEAR, 0));
    assert_int_equal(kiosk_session_digits(x->s), 0);
    assert_false(kiosk_session_secret_dirty(x->s));
    assert_false(EV(x, DELETE, 0));
    assert_int_equal(x->f.verify, 0);
}

static const struct {
    int tries_after;
    kiosk_state want;
    bool last_try;
} wrong_pin_table[] = {
    {2, KIOSK_S_PIN, false},
    {1, KIOSK_S_PIN, true},
    {0, KIOSK_S_STAFF_CALL, false},
};

static void wrong_pin_shows_tries_warns_on_last_and_blocks(void **state)
{
    for (size_t i = 0; i < sizeof wrong_pin_table / sizeof wrong_pin_table[0]; i++) {
        fixture *x = *state;
        to_pin(x, 1, 3);
        type_pin(x, "0000");
        assert_true(EV(x, SUBMIT, 0));
        assert_true(EV(x, WRONG_PIN, wrong_pin_table[i].tries_after));
        assert_int_equal(ST(x), wrong_pin_table[i].want);
        assert_int_equal(x->f.verify, 1); /* never an automatic retry */
        if (wrong_pin_table[i].want == KIOSK_S_PIN) {
            assert_int_equal(kiosk_session_tries(x->s), wrong_pin_table[i].tries_after);
            assert_int_equal(kiosk_session_last_try(x->s), wrong_pin_table[i].last_try);
            assert_int_equal(kiosk_session_digits(x->s), 0);
            assert_true(EV(x, BACK, 0));
        } else {
            assert_int_equal(kiosk_session_problem(x->s), KIOSK_P_BLOCKED);
            assert_true(EV(x, CONFIRM, 0));
        }
        assert_int_equal(ST(x), KIOSK_S_MENU);
        teardown(state);
        setup(state);
    }
}

static void last_try_is_announced_before_entry(void **state)
{
    fixture *x = *state;
    to_pin(x, 1, 1);
    assert_int_equal(ST(x), KIOSK_S_PIN);
    assert_true(kiosk_session_last_try(x->s));
    assert_int_equal(kiosk_session_tries(x->s), 1);
}

static void blocked_card_goes_to_staff_without_verify(void **state)
{
    fixture *x = *state;
    to_pin(x, 1, 0);
    assert_int_equal(ST(x), KIOSK_S_STAFF_CALL);
    assert_int_equal(kiosk_session_problem(x->s), KIOSK_P_BLOCKED);
    assert_int_equal(x->f.verify, 0);
    assert_false(EV(x, DIGIT, 1));
    assert_false(EV(x, SUBMIT, 0));
    assert_int_equal(x->f.verify, 0);
}

static void blocked_answer_to_verify_goes_to_staff(void **state)
{
    fixture *x = *state;
    to_pin(x, 1, 3);
    type_pin(x, "9999");
    assert_true(EV(x, SUBMIT, 0));
    assert_true(EV(x, BLOCKED, 0));
    assert_int_equal(ST(x), KIOSK_S_STAFF_CALL);
    assert_int_equal(x->f.verify, 1);
}

static void verify_only_on_explicit_submit(void **state)
{
    fixture *x = *state;
    to_pin(x, 1, 3);
    type_pin(x, "1234");
    assert_int_equal(x->f.verify, 0); /* four digits typed: still nothing sent */
    assert_true(EV(x, IDLE_TIMEOUT, 0));
    assert_int_equal(x->f.verify, 0);
}

static void checkcode_b_armed_by_staff_applies_to_next_card_only(void **state)
{
    fixture *x = *state;
    assert_true(EV(x, STAFF, 0));
    assert_int_equal(ST(x), KIOSK_S_STAFF);
    assert_true(EV(x, STAFF_CHECKCODE_B, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
    assert_true(kiosk_session_checkcode_b_armed(x->s));
    to_pin(x, 0, 3);
    assert_true(x->f.last_checkcode);
    assert_int_equal(ST(x), KIOSK_S_CHECKCODE_B);
    assert_int_equal(kiosk_session_secret_len(x->s), 14);
    type_pin(x, "8001012030");
    assert_false(EV(x, SUBMIT, 0)); /* 10 of 14 digits */
    type_pin(x, "1234");
    assert_false(EV(x, DIGIT, 1));
    assert_true(EV(x, SUBMIT, 0));
    assert_string_equal(x->f.verified, "80010120301234");
    assert_true(x->f.last_checkcode);
    assert_true(EV(x, WRONG_PIN, 1));
    assert_int_equal(ST(x), KIOSK_S_CHECKCODE_B);
    assert_true(kiosk_session_last_try(x->s));
    assert_true(EV(x, BACK, 0));
    assert_false(kiosk_session_checkcode_b_armed(x->s));
    to_pin(x, 0, 3);
    assert_int_equal(ST(x), KIOSK_S_PIN);
    assert_true(EV(x, BACK, 0));
}

static void staff_mode_times_out_and_backs_out(void **state)
{
    fixture *x = *state;
    assert_true(EV(x, STAFF, 0));
    assert_true(EV(x, BACK, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
    assert_true(EV(x, STAFF, 0));
    assert_true(EV(x, IDLE_TIMEOUT, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
    assert_false(EV(x, STAFF_CHECKCODE_B, 0)); /* only inside staff mode */
}

/* ---- back ----------------------------------------------------------------------------------- */

static void back_walks_questions_then_leaves(void **state)
{
    fixture *x = *state;
    to_questions(x, 3);
    assert_true(EV(x, ANSWER, 0));
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(kiosk_session_question(x->s), 2);
    assert_true(EV(x, BACK, 0));
    assert_int_equal(kiosk_session_question(x->s), 1);
    assert_true(EV(x, BACK, 0));
    assert_true(EV(x, BACK, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
    assert_true(x->f.wipe >= 1);
    assert_true(x->f.card_stop >= 1);
}

static void back_from_confirm_returns_to_last_question(void **state)
{
    fixture *x = *state;
    to_confirm(x, 2);
    assert_true(EV(x, BACK, 0));
    assert_int_equal(ST(x), KIOSK_S_QUESTIONS);
    assert_int_equal(kiosk_session_question(x->s), 1);
    assert_false(kiosk_session_rendered(x->s));
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(x->f.render, 2); /* rendered again with the new answer */
}

static void menu_ignores_back_and_stray_results(void **state)
{
    fixture *x = *state;
    for (int e = 0; e < KIOSK_EV_COUNT_; e++) {
        if (e == KIOSK_EV_PROCEDURE || e == KIOSK_EV_STAFF || e == KIOSK_EV_HELP)
            continue;
        assert_false(kiosk_session_event(x->s, (kiosk_event_type)e, 1, 0));
        assert_int_equal(ST(x), KIOSK_S_MENU);
    }
    assert_int_equal(x->f.verify + x->f.read + x->f.print + x->f.render, 0);
}

/* ---- aborts: card pulled, idle timeout, back — in every card-holding state ------------------ */

typedef void (*reach_fn)(fixture *);
static void reach_pin(fixture *x) { to_pin(x, 2, 3); type_pin(x, "12"); }
static void reach_checkcode(fixture *x)
{
    assert_true(EV(x, STAFF, 0));
    assert_true(EV(x, STAFF_CHECKCODE_B, 0));
    to_pin(x, 2, 3);
    type_pin(x, "800101");
}
static void reach_reading(fixture *x) { to_pin(x, 2, 3); type_pin(x, "1234"); EV(x, SUBMIT, 0); }
static void reach_reading_verified(fixture *x) { reach_reading(x); EV(x, VERIFY_OK, 0); }
static void reach_questions(fixture *x) { to_questions(x, 2); EV(x, ANSWER, 0); }
static void reach_confirm_rendering(fixture *x) { to_questions(x, 1); EV(x, ANSWER, 0); }
static void reach_confirm(fixture *x) { to_confirm(x, 1); }

static const struct {
    const char *name;
    reach_fn reach;
    kiosk_state at;
} held_states[] = {
    {"pin", reach_pin, KIOSK_S_PIN},
    {"checkcode-b", reach_checkcode, KIOSK_S_CHECKCODE_B},
    {"reading (verifying)", reach_reading, KIOSK_S_READING},
    {"reading (verified)", reach_reading_verified, KIOSK_S_READING},
    {"questions", reach_questions, KIOSK_S_QUESTIONS},
    {"confirm (rendering)", reach_confirm_rendering, KIOSK_S_CONFIRM},
    {"confirm", reach_confirm, KIOSK_S_CONFIRM},
};

static void check_aborted(fixture *x, int wipes_before, int stops_before)
{
    assert_true(x->f.wipe > wipes_before);
    assert_true(x->f.card_stop > stops_before);
    assert_false(kiosk_session_secret_dirty(x->s));
    assert_int_equal(kiosk_session_digits(x->s), 0);
    assert_int_equal(kiosk_session_procedure(x->s), -1);
    assert_false(kiosk_session_rendered(x->s));
}

static void abort_event_in_every_held_state(void **state, kiosk_event_type ev,
                                            kiosk_state want, kiosk_problem why)
{
    for (size_t i = 0; i < sizeof held_states / sizeof held_states[0]; i++) {
        fixture *x = *state;
        held_states[i].reach(x);
        assert_int_equal(ST(x), held_states[i].at);
        int w = x->f.wipe, c = x->f.card_stop;
        int verifies = x->f.verify;
        if (ev == KIOSK_EV_BACK && (held_states[i].at == KIOSK_S_QUESTIONS ||
                                    held_states[i].at == KIOSK_S_CONFIRM)) {
            /* back steps through the questions first */
            while (ST(x) != KIOSK_S_MENU)
                assert_true(kiosk_session_event(x->s, ev, 0, 0));
        } else {
            assert_true(kiosk_session_event(x->s, ev, 0, 0));
        }
        assert_int_equal(ST(x), want);
        assert_int_equal(kiosk_session_problem(x->s), why);
        check_aborted(x, w, c);
        assert_int_equal(x->f.verify, verifies);
        /* a late worker result after the abort changes nothing */
        assert_false(EV(x, VERIFY_OK, 0));
        assert_false(EV(x, READ_OK, 0));
        assert_false(EV(x, RENDER_OK, 0));
        assert_int_equal(ST(x), want);
        teardown(state);
        setup(state);
    }
}

static void card_pulled_at_any_step_aborts_and_wipes(void **state)
{
    abort_event_in_every_held_state(state, KIOSK_EV_CARD_PULLED, KIOSK_S_ERROR,
                                    KIOSK_P_CARD_PULLED);
}

static void idle_timeout_at_any_step_wipes_to_menu(void **state)
{
    abort_event_in_every_held_state(state, KIOSK_EV_IDLE_TIMEOUT, KIOSK_S_MENU,
                                    KIOSK_P_TIMEOUT);
}

static void back_at_any_step_leaves_wiped(void **state)
{
    abort_event_in_every_held_state(state, KIOSK_EV_BACK, KIOSK_S_MENU, KIOSK_P_NONE);
}

static void card_wait_aborts(void **state)
{
    static const struct {
        kiosk_event_type ev;
        int arg;
        kiosk_state want;
    } t[] = {
        {KIOSK_EV_BACK, 0, KIOSK_S_MENU},
        {KIOSK_EV_IDLE_TIMEOUT, 0, KIOSK_S_MENU},
        {KIOSK_EV_CARD_ERROR, KIOSK_P_NO_READER, KIOSK_S_STAFF_CALL},
        {KIOSK_EV_CARD_ERROR, KIOSK_P_NO_SERVICE, KIOSK_S_STAFF_CALL},
        {KIOSK_EV_CARD_ERROR, KIOSK_P_NOT_MYNA, KIOSK_S_ERROR},
        {KIOSK_EV_CARD_ERROR, KIOSK_P_CARD, KIOSK_S_ERROR},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        fixture *x = *state;
        assert_true(kiosk_session_event(x->s, KIOSK_EV_PROCEDURE, 1, 2));
        assert_false(EV(x, CARD_PULLED, 0)); /* no card yet: nothing to abort */
        int c = x->f.card_stop;
        assert_true(kiosk_session_event(x->s, t[i].ev, t[i].arg, 0));
        assert_int_equal(ST(x), t[i].want);
        assert_true(x->f.card_stop > c);
        if (t[i].want != KIOSK_S_MENU) {
            assert_true(EV(x, BACK, 0));
            assert_int_equal(ST(x), KIOSK_S_MENU);
        }
        teardown(state);
        setup(state);
    }
}

static void read_failure_is_an_error_and_wiped(void **state)
{
    fixture *x = *state;
    reach_reading_verified(x);
    int w = x->f.wipe;
    assert_true(EV(x, READ_FAILED, KIOSK_P_CARD));
    assert_int_equal(ST(x), KIOSK_S_ERROR);
    assert_int_equal(kiosk_session_problem(x->s), KIOSK_P_CARD);
    assert_true(x->f.wipe > w);
}

static void render_failure_sends_resident_to_counter(void **state)
{
    fixture *x = *state;
    reach_confirm_rendering(x);
    assert_true(EV(x, RENDER_FAILED, KIOSK_P_FORM));
    assert_int_equal(ST(x), KIOSK_S_STAFF_CALL);
    assert_int_equal(kiosk_session_problem(x->s), KIOSK_P_FORM);
}

/* ---- printing -------------------------------------------------------------------------------- */

static void printer_problem_retry_then_ok(void **state)
{
    fixture *x = *state;
    to_printing(x);
    assert_false(EV(x, RETRY, 0)); /* nothing to retry */
    assert_false(EV(x, CANCEL, 0)); /* a running job is not cancelled by a stray tap */
    assert_false(EV(x, IDLE_TIMEOUT, 0)); /* nor timed out */
    assert_false(EV(x, CARD_PULLED, 0)); /* the card may be taken now */
    assert_true(EV(x, PRINTER_PROBLEM, KIOSK_P_OUT_OF_PAPER));
    assert_true(kiosk_session_printer_problem(x->s));
    assert_int_equal(kiosk_session_problem(x->s), KIOSK_P_OUT_OF_PAPER);
    assert_true(EV(x, RETRY, 0));
    assert_int_equal(x->f.print, 2);
    assert_false(kiosk_session_printer_problem(x->s));
    assert_true(EV(x, PRINT_OK, 0));
    assert_int_equal(ST(x), KIOSK_S_DONE);
}

static void printer_problem_cancel_or_timeout_wipes(void **state)
{
    static const kiosk_event_type t[] = {KIOSK_EV_CANCEL, KIOSK_EV_IDLE_TIMEOUT};
    for (size_t i = 0; i < 2; i++) {
        fixture *x = *state;
        to_printing(x);
        assert_true(EV(x, PRINTER_PROBLEM, KIOSK_P_PRINTER_OFFLINE));
        int w = x->f.wipe;
        assert_true(kiosk_session_event(x->s, t[i], 0, 0));
        assert_int_equal(ST(x), KIOSK_S_MENU);
        assert_true(x->f.wipe > w);
        assert_int_equal(x->f.print_cancel, 1);
        teardown(state);
        setup(state);
    }
}

/* ---- questions already answered (defaults) or optional: shown on CONFIRM, not asked ------ */

static void skipped_questions_are_not_asked(void **state)
{
    fixture *x = *state;
    /* 5 questions; 0, 2 and 4 skipped: asked are 1 and 3 */
    kiosk_session_set_skipped(x->s, (1ull << 0) | (1ull << 2) | (1ull << 4));
    to_pin(x, 5, 3);
    type_pin(x, "1234");
    assert_true(EV(x, SUBMIT, 0));
    assert_true(EV(x, VERIFY_OK, 0));
    assert_true(EV(x, READ_OK, 0));
    assert_int_equal(kiosk_session_question(x->s), 1);
    int asked = 0;
    assert_int_equal(kiosk_session_question_step(x->s, &asked), 1); /* "question 1 of 2" */
    assert_int_equal(asked, 2);
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(kiosk_session_question(x->s), 3);
    assert_int_equal(kiosk_session_question_step(x->s, &asked), 2);
    assert_int_equal(asked, 2);
    assert_true(EV(x, BACK, 0));
    assert_int_equal(kiosk_session_question(x->s), 1);
    assert_true(EV(x, ANSWER, 0));
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_true(EV(x, RENDER_OK, 0));
    assert_true(EV(x, BACK, 0)); /* back from confirm: the last asked one */
    assert_int_equal(kiosk_session_question(x->s), 3);
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
}

static void edit_from_confirm_returns_to_confirm(void **state)
{
    fixture *x = *state;
    kiosk_session_set_skipped(x->s, 1ull << 2);
    to_questions(x, 3); /* asks 0 and 1 */
    assert_true(EV(x, ANSWER, 0));
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_true(EV(x, RENDER_OK, 0));
    int renders = x->f.render;
    assert_false(EV(x, EDIT, 3)); /* out of range */
    assert_false(EV(x, EDIT, -1));
    assert_true(EV(x, EDIT, 2)); /* a skipped one can be changed */
    assert_int_equal(ST(x), KIOSK_S_QUESTIONS);
    assert_int_equal(kiosk_session_question(x->s), 2);
    assert_true(kiosk_session_editing(x->s));
    assert_int_equal(kiosk_session_question_step(x->s, NULL), 0); /* a change: no step */
    assert_false(kiosk_session_rendered(x->s));
    assert_true(EV(x, ANSWER, 0));
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_false(kiosk_session_editing(x->s));
    assert_int_equal(x->f.render, renders + 1);
    assert_true(EV(x, RENDER_OK, 0));
    assert_true(EV(x, EDIT, 0));
    assert_true(EV(x, BACK, 0)); /* back while editing: to the confirmation, not the menu */
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_int_equal(x->f.render, renders + 2);
    assert_true(EV(x, EDIT, 1));
    assert_true(EV(x, CARD_PULLED, 0)); /* editing holds the card like any question */
    assert_int_equal(ST(x), KIOSK_S_ERROR);
    assert_false(kiosk_session_editing(x->s));
}

static void all_skipped_goes_straight_to_confirm_and_mask_is_per_session(void **state)
{
    fixture *x = *state;
    kiosk_session_set_skipped(x->s, 0x3);
    to_questions(x, 2);
    assert_int_equal(ST(x), KIOSK_S_CONFIRM);
    assert_true(EV(x, BACK, 0)); /* nothing asked: back leaves */
    assert_int_equal(ST(x), KIOSK_S_MENU);
    to_questions(x, 2); /* next session: no mask set, both asked */
    assert_int_equal(ST(x), KIOSK_S_QUESTIONS);
    assert_int_equal(kiosk_session_question(x->s), 0);
}

static void changed_callback_reports_each_transition(void **state)
{
    fixture *x = *state;
    to_pin(x, 1, 3);
    assert_int_equal(x->f.last_from, KIOSK_S_CARD_WAIT);
    assert_int_equal(x->f.last_to, KIOSK_S_PIN);
    assert_int_equal(x->f.changed, 2);
}

static void names_cover_every_value(void **state)
{
    for (int i = 0; i < KIOSK_S_COUNT_; i++)
        assert_string_not_equal(kiosk_state_name((kiosk_state)i), "?");
    for (int i = 0; i < KIOSK_EV_COUNT_; i++)
        assert_string_not_equal(kiosk_event_name((kiosk_event_type)i), "?");
    for (int i = 0; i < KIOSK_P_COUNT_; i++)
        assert_string_not_equal(kiosk_problem_name((kiosk_problem)i), "?");
    assert_string_equal(kiosk_state_name(KIOSK_S_COUNT_), "?");
    assert_false(kiosk_session_event(NULL, KIOSK_EV_BACK, 0, 0));
    kiosk_session_free(NULL);
    kiosk_backend empty = {0};
    assert_null(kiosk_session_new(&empty));
}

/* The keypad's *: from any resident step the session ends wiped on the staff-call
 * screen; never while a job prints, and the staff screen is not a resident's. */
static void help_calls_staff_and_wipes(void **state)
{
    fixture *x = *state;
    to_pin(x, 2, 3);
    type_pin(x, "12");
    int wipes = x->f.wipe;
    assert_true(EV(x, HELP, 0));
    assert_int_equal(ST(x), KIOSK_S_STAFF_CALL);
    assert_true(x->f.wipe > wipes);
    assert_int_equal(kiosk_session_digits(x->s), 0);
    assert_false(EV(x, HELP, 0)); /* already there */
    assert_true(EV(x, CONFIRM, 0));
    assert_int_equal(ST(x), KIOSK_S_MENU);
    assert_true(EV(x, HELP, 0)); /* from the menu too */
    assert_true(EV(x, CONFIRM, 0));
    to_printing(x);
    assert_false(EV(x, HELP, 0));
    assert_int_equal(ST(x), KIOSK_S_PRINTING);
    assert_string_equal(kiosk_event_name(KIOSK_EV_HELP), "HELP");
}

/* The reader's own PIN keys: the kiosk's keypad is off, the worker's results come without
 * SUBMIT, a wrong PIN stays on the PIN screen with the tries, the reader giving up hands over
 * to the kiosk's keypad, and nothing of it outlives the session. */
static void pinpad_takes_the_pin_without_the_kiosk_keypad(void **state)
{
    fixture *x = *state;
    to_pin(x, 2, 3);
    type_pin(x, "1");
    assert_true(EV(x, PINPAD, 1));
    assert_true(kiosk_session_pinpad(x->s));
    assert_int_equal(kiosk_session_digits(x->s), 0); /* what was typed before is gone */
    assert_false(EV(x, DIGIT, 5));
    assert_false(EV(x, SUBMIT, 0));
    assert_int_equal(x->f.verify, 0); /* the kiosk never verifies a PIN it does not hold */
    assert_true(EV(x, WRONG_PIN, 2));
    assert_int_equal(ST(x), KIOSK_S_PIN);
    assert_int_equal(kiosk_session_tries(x->s), 2);
    assert_true(EV(x, PINPAD, 0)); /* the reader gave up: the kiosk's keypad */
    assert_false(kiosk_session_pinpad(x->s));
    type_pin(x, "1234");
    assert_true(EV(x, SUBMIT, 0));
    assert_int_equal(x->f.verify, 1);
    assert_true(EV(x, VERIFY_OK, 0));
    assert_int_equal(ST(x), KIOSK_S_READING);
    assert_true(EV(x, BACK, 0)); /* leaves, wiped */
    to_pin(x, 2, 3);
    assert_false(kiosk_session_pinpad(x->s)); /* a new session starts without */
    assert_true(EV(x, PINPAD, 1));
    assert_true(EV(x, VERIFY_OK, 0));
    assert_int_equal(ST(x), KIOSK_S_READING);
    assert_int_equal(x->f.read, 2); /* the typed path read once before */
    assert_true(EV(x, BACK, 0));
    to_pin(x, 2, 1);
    assert_true(EV(x, PINPAD, 1));
    assert_true(EV(x, BLOCKED, 0));
    assert_int_equal(ST(x), KIOSK_S_STAFF_CALL);
    assert_false(kiosk_session_pinpad(x->s));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
int main(void)
{
    const struct CMUnitTest tests[] = {
        T(whole_path_walks_every_state_in_order),
        T(help_calls_staff_and_wipes),
        T(pinpad_takes_the_pin_without_the_kiosk_keypad),
        T(procedure_without_questions_goes_straight_to_confirm),
        T(done_returns_to_menu_on_timeout),
        T(pin_accepts_exactly_four_digits),
        T(wrong_pin_shows_tries_warns_on_last_and_blocks),
        T(last_try_is_announced_before_entry),
        T(blocked_card_goes_to_staff_without_verify),
        T(blocked_answer_to_verify_goes_to_staff),
        T(verify_only_on_explicit_submit),
        T(checkcode_b_armed_by_staff_applies_to_next_card_only),
        T(staff_mode_times_out_and_backs_out),
        T(back_walks_questions_then_leaves),
        T(back_from_confirm_returns_to_last_question),
        T(menu_ignores_back_and_stray_results),
        T(card_pulled_at_any_step_aborts_and_wipes),
        T(idle_timeout_at_any_step_wipes_to_menu),
        T(back_at_any_step_leaves_wiped),
        T(card_wait_aborts),
        T(read_failure_is_an_error_and_wiped),
        T(render_failure_sends_resident_to_counter),
        T(printer_problem_retry_then_ok),
        T(printer_problem_cancel_or_timeout_wipes),
        T(skipped_questions_are_not_asked),
        T(edit_from_confirm_returns_to_confirm),
        T(all_skipped_goes_straight_to_confirm_and_mask_is_per_session),
        T(changed_callback_reports_each_transition),
        T(names_cover_every_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
