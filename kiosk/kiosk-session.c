/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-session.c — the resident's session state machine (no GTK). See kiosk-session.h. */
#include "kiosk-session.h"

#include <stdlib.h>
#include <string.h>

struct kiosk_session {
    kiosk_backend be;
    kiosk_state state;
    kiosk_problem problem;
    int procedure;
    int n_questions;
    int question;
    int tries;
    bool last_try;
    bool checkcode_armed; /* staff armed 照合番号B for the next card */
    bool checkcode;       /* this session uses 照合番号B */
    bool pinpad;          /* the PIN is typed on the reader's own keys (PC/SC part 10) */
    bool rendered;
    bool printer_problem;
    unsigned long long skipped, pending_skipped;
    bool editing;         /* a question opened from CONFIRM returns there */
    char *secret;         /* KIOSK_SECRET_MAX bytes of locked memory, or NULL */
    size_t digits;
};

static const char *const state_names[KIOSK_S_COUNT_] = {
    "MENU", "CARD_WAIT", "PIN", "CHECKCODE_B", "READING", "QUESTIONS",
    "CONFIRM", "PRINTING", "DONE", "ERROR", "STAFF_CALL", "STAFF",
};

static const char *const event_names[KIOSK_EV_COUNT_] = {
    "PROCEDURE", "CARD_PRESENT", "CARD_PULLED", "CARD_ERROR", "DIGIT", "DELETE", "CLEAR",
    "SUBMIT", "VERIFY_OK", "WRONG_PIN", "BLOCKED", "READ_OK", "READ_FAILED", "ANSWER",
    "BACK", "RENDER_OK", "RENDER_FAILED", "CONFIRM", "PRINT_OK", "PRINTER_PROBLEM",
    "RETRY", "CANCEL", "IDLE_TIMEOUT", "STAFF", "STAFF_CHECKCODE_B", "EDIT",
    "HELP", "PINPAD",
};

static const char *const problem_names[KIOSK_P_COUNT_] = {
    "NONE", "NO_READER", "NO_SERVICE", "NOT_MYNA", "CARD", "CARD_PULLED", "BLOCKED",
    "TIMEOUT", "FORM", "NO_PRINTER", "PRINTER_OFFLINE", "OUT_OF_PAPER", "PRINTER", "INTERNAL",
};

const char *kiosk_state_name(kiosk_state st)
{
    return (unsigned)st < KIOSK_S_COUNT_ ? state_names[st] : "?";
}

const char *kiosk_event_name(kiosk_event_type ev)
{
    return (unsigned)ev < KIOSK_EV_COUNT_ ? event_names[ev] : "?";
}

const char *kiosk_problem_name(kiosk_problem p)
{
    return (unsigned)p < KIOSK_P_COUNT_ ? problem_names[p] : "?";
}

/* ---- the entry buffer ---------------------------------------------------------------- */

/* Zero every digit typed; the buffer stays for more typing. */
static void secret_clear(kiosk_session *s)
{
    if (s->secret) {
        volatile char *p = s->secret;
        for (size_t i = 0; i < KIOSK_SECRET_MAX; i++)
            p[i] = 0;
    }
    s->digits = 0;
}

static void secret_drop(kiosk_session *s)
{
    /* secure_free wipes; wipe here too so a double never sees a stale byte. */
    secret_clear(s);
    if (s->secret) {
        s->be.secure_free(s->be.user, s->secret, KIOSK_SECRET_MAX);
        s->secret = NULL;
    }
}

static bool secret_fresh(kiosk_session *s)
{
    secret_drop(s);
    s->secret = s->be.secure_alloc(s->be.user, KIOSK_SECRET_MAX);
    return s->secret != NULL;
}

size_t kiosk_session_secret_len(const kiosk_session *s)
{
    return s && s->checkcode ? KIOSK_CHECKCODE_B_LEN : KIOSK_PIN_LEN;
}

/* ---- asked questions -------------------------------------------------------------------- */

static bool asked(const kiosk_session *s, int i)
{
    return i >= 0 && i < s->n_questions &&
           (i >= KIOSK_QUESTIONS_MAX || !(s->skipped & (1ull << i)));
}

/* The next asked question after i (i = -1: the first), or -1. */
static int next_asked(const kiosk_session *s, int i)
{
    for (int k = i + 1; k < s->n_questions; k++)
        if (asked(s, k))
            return k;
    return -1;
}

static int prev_asked(const kiosk_session *s, int i)
{
    for (int k = i - 1; k >= 0; k--)
        if (asked(s, k))
            return k;
    return -1;
}

void kiosk_session_set_skipped(kiosk_session *s, unsigned long long mask)
{
    if (s)
        s->pending_skipped = mask;
}

bool kiosk_session_editing(const kiosk_session *s) { return s && s->editing; }

/* ---- transitions --------------------------------------------------------------------- */

static void go(kiosk_session *s, kiosk_state to)
{
    kiosk_state from = s->state;
    s->state = to;
    if (s->be.changed)
        s->be.changed(s->be.user, from, to);
}

/* Leave the session from any state: stop the card, wipe everything, show `to`. */
static void abort_to(kiosk_session *s, kiosk_state to, kiosk_problem why)
{
    if (s->state == KIOSK_S_PRINTING && s->be.print_cancel)
        s->be.print_cancel(s->be.user);
    s->be.card_stop(s->be.user);
    secret_drop(s);
    s->be.wipe(s->be.user);
    s->procedure = -1;
    s->n_questions = 0;
    s->question = 0;
    s->tries = -1;
    s->last_try = false;
    s->checkcode = false;
    s->pinpad = false;
    s->rendered = false;
    s->printer_problem = false;
    s->editing = false;
    s->skipped = 0;
    s->problem = why;
    go(s, to);
}

static kiosk_state entry_state(const kiosk_session *s)
{
    return s->checkcode ? KIOSK_S_CHECKCODE_B : KIOSK_S_PIN;
}

static void to_entry(kiosk_session *s, int tries)
{
    s->tries = tries;
    s->last_try = tries == 1;
    if (!secret_fresh(s)) {
        abort_to(s, KIOSK_S_ERROR, KIOSK_P_INTERNAL);
        return;
    }
    go(s, entry_state(s));
}

static void start_render(kiosk_session *s)
{
    s->rendered = false;
    go(s, KIOSK_S_CONFIRM);
    s->be.render(s->be.user);
}

static bool on_card_wait(kiosk_session *s, kiosk_event_type ev, int arg)
{
    switch (ev) {
    case KIOSK_EV_CARD_PRESENT:
        if (arg == 0) { /* blocked: to the counter, no VERIFY ever */
            abort_to(s, KIOSK_S_STAFF_CALL, KIOSK_P_BLOCKED);
            return true;
        }
        to_entry(s, arg);
        return true;
    case KIOSK_EV_CARD_ERROR:
        abort_to(s, (arg == KIOSK_P_NO_READER || arg == KIOSK_P_NO_SERVICE) ? KIOSK_S_STAFF_CALL
                                                                            : KIOSK_S_ERROR,
                 (kiosk_problem)arg);
        return true;
    default:
        return false;
    }
}

/* The reader's own keys take the PIN: the kiosk's keypad is off, and the card worker reports
 * the card's answer straight away (no SUBMIT). */
static bool on_pinpad_entry(kiosk_session *s, kiosk_event_type ev, int arg)
{
    switch (ev) {
    case KIOSK_EV_PINPAD:
        s->pinpad = arg != 0; /* 0: the reader gave up (timeout, Cancel): type on the kiosk */
        return true;
    case KIOSK_EV_VERIFY_OK:
        go(s, KIOSK_S_READING);
        s->be.read(s->be.user, s->procedure);
        return true;
    case KIOSK_EV_WRONG_PIN:
        if (arg <= 0) {
            abort_to(s, KIOSK_S_STAFF_CALL, KIOSK_P_BLOCKED);
            return true;
        }
        to_entry(s, arg);
        return true;
    case KIOSK_EV_BLOCKED:
        abort_to(s, KIOSK_S_STAFF_CALL, KIOSK_P_BLOCKED);
        return true;
    default:
        return false; /* digits, delete, OK: the kiosk's keypad is not in use */
    }
}

static bool on_entry(kiosk_session *s, kiosk_event_type ev, int arg)
{
    size_t len = kiosk_session_secret_len(s);
    if (s->pinpad)
        return on_pinpad_entry(s, ev, arg);
    switch (ev) {
    case KIOSK_EV_PINPAD:
        if (s->checkcode || arg == 0)
            return false;
        secret_clear(s);
        s->pinpad = true;
        return true;
    case KIOSK_EV_DIGIT:
        if (arg < 0 || arg > 9 || !s->secret || s->digits >= len)
            return false;
        s->secret[s->digits++] = (char)('0' + arg);
        return true;
    case KIOSK_EV_DELETE:
        if (s->digits == 0)
            return false;
        s->secret[--s->digits] = 0;
        return true;
    case KIOSK_EV_CLEAR:
        secret_clear(s);
        return true;
    case KIOSK_EV_SUBMIT: {
        if (!s->secret || s->digits != len)
            return false;
        /* Hand the buffer over: the backend wipes and frees it right after VERIFY. */
        char *secret = s->secret;
        s->secret = NULL;
        s->digits = 0;
        go(s, KIOSK_S_READING);
        s->be.verify(s->be.user, secret, len, s->checkcode);
        return true;
    }
    default:
        return false;
    }
}

static bool on_reading(kiosk_session *s, kiosk_event_type ev, int arg)
{
    switch (ev) {
    case KIOSK_EV_VERIFY_OK:
        s->be.read(s->be.user, s->procedure);
        return true;
    case KIOSK_EV_WRONG_PIN:
        if (arg <= 0) {
            abort_to(s, KIOSK_S_STAFF_CALL, KIOSK_P_BLOCKED);
            return true;
        }
        to_entry(s, arg);
        return true;
    case KIOSK_EV_BLOCKED:
        abort_to(s, KIOSK_S_STAFF_CALL, KIOSK_P_BLOCKED);
        return true;
    case KIOSK_EV_READ_OK:
        s->question = next_asked(s, -1);
        if (s->question >= 0) {
            go(s, KIOSK_S_QUESTIONS);
        } else {
            s->question = 0;
            start_render(s);
        }
        return true;
    case KIOSK_EV_READ_FAILED:
        abort_to(s, KIOSK_S_ERROR, arg > 0 ? (kiosk_problem)arg : KIOSK_P_CARD);
        return true;
    default:
        return false;
    }
}

/* "Back" from question i (n_questions: from the confirmation): the asked question before
 * it, or the menu (which wipes) when there is none. */
static void back_before(kiosk_session *s, int i)
{
    int prev = prev_asked(s, i);
    if (prev < 0) {
        abort_to(s, KIOSK_S_MENU, KIOSK_P_NONE);
    } else {
        s->question = prev;
        go(s, KIOSK_S_QUESTIONS);
    }
}

static bool on_questions(kiosk_session *s, kiosk_event_type ev)
{
    switch (ev) {
    case KIOSK_EV_ANSWER: {
        int next = s->editing ? -1 : next_asked(s, s->question);
        if (next >= 0) {
            s->question = next;
            go(s, KIOSK_S_QUESTIONS);
        } else {
            s->editing = false;
            start_render(s);
        }
        return true;
    }
    case KIOSK_EV_BACK: {
        if (s->editing) { /* back to the confirmation, nothing changed */
            s->editing = false;
            start_render(s);
            return true;
        }
        back_before(s, s->question);
        return true;
    }
    default:
        return false;
    }
}

static bool on_confirm(kiosk_session *s, kiosk_event_type ev, int arg)
{
    switch (ev) {
    case KIOSK_EV_RENDER_OK:
        s->rendered = true;
        go(s, KIOSK_S_CONFIRM);
        return true;
    case KIOSK_EV_RENDER_FAILED:
        abort_to(s, KIOSK_S_STAFF_CALL, arg > 0 ? (kiosk_problem)arg : KIOSK_P_FORM);
        return true;
    case KIOSK_EV_CONFIRM:
        if (!s->rendered)
            return false;
        s->printer_problem = false;
        go(s, KIOSK_S_PRINTING);
        s->be.print(s->be.user);
        return true;
    case KIOSK_EV_BACK: {
        s->rendered = false;
        back_before(s, s->n_questions);
        return true;
    }
    case KIOSK_EV_EDIT:
        if (arg < 0 || arg >= s->n_questions)
            return false;
        s->rendered = false;
        s->editing = true;
        s->question = arg;
        go(s, KIOSK_S_QUESTIONS);
        return true;
    default:
        return false;
    }
}

static bool on_printing(kiosk_session *s, kiosk_event_type ev, int arg)
{
    switch (ev) {
    case KIOSK_EV_PRINT_OK:
        /* The job is accepted: nothing personal is needed any more. */
        s->be.card_stop(s->be.user);
        secret_drop(s);
        s->be.wipe(s->be.user);
        s->rendered = false;
        s->printer_problem = false;
        s->problem = KIOSK_P_NONE;
        go(s, KIOSK_S_DONE);
        return true;
    case KIOSK_EV_PRINTER_PROBLEM:
        s->printer_problem = true;
        s->problem = arg > 0 ? (kiosk_problem)arg : KIOSK_P_PRINTER;
        go(s, KIOSK_S_PRINTING);
        return true;
    case KIOSK_EV_RETRY:
        if (!s->printer_problem)
            return false;
        s->printer_problem = false;
        s->problem = KIOSK_P_NONE;
        go(s, KIOSK_S_PRINTING);
        s->be.print(s->be.user);
        return true;
    case KIOSK_EV_CANCEL:
        if (!s->printer_problem)
            return false;
        abort_to(s, KIOSK_S_MENU, KIOSK_P_NONE);
        return true;
    case KIOSK_EV_IDLE_TIMEOUT:
        /* Only while a problem waits for the resident; a running job is not timed out. */
        if (!s->printer_problem)
            return false;
        abort_to(s, KIOSK_S_MENU, KIOSK_P_TIMEOUT);
        return true;
    default:
        return false;
    }
}

bool kiosk_session_event(kiosk_session *s, kiosk_event_type ev, int arg, int arg2)
{
    if (!s || (unsigned)ev >= KIOSK_EV_COUNT_)
        return false;
    kiosk_state st = s->state;

    /* Card pulled, back and idle timeout mean the same in every card-holding state. */
    bool card_held = st == KIOSK_S_PIN || st == KIOSK_S_CHECKCODE_B || st == KIOSK_S_READING ||
                     st == KIOSK_S_QUESTIONS || st == KIOSK_S_CONFIRM;
    if (ev == KIOSK_EV_CARD_PULLED) {
        if (!card_held)
            return false; /* waiting: no card yet; printing/done: the card may go now */
        abort_to(s, KIOSK_S_ERROR, KIOSK_P_CARD_PULLED);
        return true;
    }
    if (ev == KIOSK_EV_IDLE_TIMEOUT && st != KIOSK_S_PRINTING) {
        if (st == KIOSK_S_STAFF)
            s->checkcode_armed = false;
        abort_to(s, KIOSK_S_MENU, st == KIOSK_S_MENU ? KIOSK_P_NONE : KIOSK_P_TIMEOUT);
        return st != KIOSK_S_MENU;
    }
    /* The resident asks for staff (the keypad's * key): the session ends, wiped, and the
     * staff-call screen says where to go. Not while a job prints (it may still come out). */
    if (ev == KIOSK_EV_HELP) {
        if (st == KIOSK_S_PRINTING || st == KIOSK_S_STAFF || st == KIOSK_S_STAFF_CALL)
            return false;
        abort_to(s, KIOSK_S_STAFF_CALL, KIOSK_P_NONE);
        return true;
    }
    if (ev == KIOSK_EV_BACK && st != KIOSK_S_QUESTIONS && st != KIOSK_S_CONFIRM &&
        st != KIOSK_S_PRINTING && st != KIOSK_S_MENU) {
        abort_to(s, KIOSK_S_MENU, KIOSK_P_NONE);
        return true;
    }

    switch (st) {
    case KIOSK_S_MENU:
        if (ev == KIOSK_EV_PROCEDURE && arg >= 0 && arg2 >= 0) {
            s->procedure = arg;
            s->n_questions = arg2;
            s->question = 0;
            s->tries = -1;
            s->last_try = false;
            s->problem = KIOSK_P_NONE;
            s->checkcode = s->checkcode_armed;
            s->pinpad = false;
            s->checkcode_armed = false;
            s->skipped = s->pending_skipped;
            s->pending_skipped = 0;
            s->editing = false;
            go(s, KIOSK_S_CARD_WAIT);
            s->be.card_start(s->be.user, s->checkcode);
            return true;
        }
        if (ev == KIOSK_EV_STAFF) {
            go(s, KIOSK_S_STAFF);
            return true;
        }
        return false;
    case KIOSK_S_STAFF:
        if (ev == KIOSK_EV_STAFF_CHECKCODE_B) {
            s->checkcode_armed = true;
            go(s, KIOSK_S_MENU);
            return true;
        }
        return false;
    case KIOSK_S_CARD_WAIT:
        return on_card_wait(s, ev, arg);
    case KIOSK_S_PIN:
    case KIOSK_S_CHECKCODE_B:
        return on_entry(s, ev, arg);
    case KIOSK_S_READING:
        return on_reading(s, ev, arg);
    case KIOSK_S_QUESTIONS:
        return on_questions(s, ev);
    case KIOSK_S_CONFIRM:
        return on_confirm(s, ev, arg);
    case KIOSK_S_PRINTING:
        return on_printing(s, ev, arg);
    case KIOSK_S_DONE:
    case KIOSK_S_ERROR:
    case KIOSK_S_STAFF_CALL:
        if (ev == KIOSK_EV_CONFIRM || ev == KIOSK_EV_CANCEL) {
            abort_to(s, KIOSK_S_MENU, KIOSK_P_NONE);
            return true;
        }
        return false;
    default:
        return false;
    }
}

/* ---- life cycle and accessors -------------------------------------------------------- */

kiosk_session *kiosk_session_new(const kiosk_backend *backend)
{
    if (!backend || !backend->secure_alloc || !backend->secure_free || !backend->card_start ||
        !backend->card_stop || !backend->verify || !backend->read || !backend->render ||
        !backend->print || !backend->wipe)
        return NULL;
    kiosk_session *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->be = *backend;
    s->state = KIOSK_S_MENU;
    s->procedure = -1;
    s->tries = -1;
    return s;
}

void kiosk_session_free(kiosk_session *s)
{
    if (!s)
        return;
    secret_drop(s);
    s->be.wipe(s->be.user);
    free(s);
}

kiosk_state kiosk_session_state(const kiosk_session *s) { return s ? s->state : KIOSK_S_MENU; }
int kiosk_session_procedure(const kiosk_session *s) { return s ? s->procedure : -1; }
int kiosk_session_question(const kiosk_session *s) { return s ? s->question : 0; }
int kiosk_session_question_count(const kiosk_session *s) { return s ? s->n_questions : 0; }
int kiosk_session_question_step(const kiosk_session *s, int *asked_count)
{
    int n = 0, step = 0;
    for (int i = 0; s && i < s->n_questions; i++)
        if (asked(s, i)) {
            n++;
            if (i == s->question)
                step = n;
        }
    if (asked_count)
        *asked_count = n;
    return s && s->state == KIOSK_S_QUESTIONS && !s->editing ? step : 0;
}
int kiosk_session_tries(const kiosk_session *s) { return s ? s->tries : -1; }
bool kiosk_session_last_try(const kiosk_session *s) { return s && s->last_try; }
bool kiosk_session_pinpad(const kiosk_session *s) { return s && s->pinpad; }
size_t kiosk_session_digits(const kiosk_session *s) { return s ? s->digits : 0; }
kiosk_problem kiosk_session_problem(const kiosk_session *s)
{
    return s ? s->problem : KIOSK_P_NONE;
}
bool kiosk_session_rendered(const kiosk_session *s) { return s && s->rendered; }
bool kiosk_session_printer_problem(const kiosk_session *s) { return s && s->printer_problem; }
bool kiosk_session_checkcode_b_armed(const kiosk_session *s) { return s && s->checkcode_armed; }

bool kiosk_session_secret_dirty(const kiosk_session *s)
{
    if (!s || !s->secret)
        return false;
    for (size_t i = 0; i < KIOSK_SECRET_MAX; i++)
        if (s->secret[i])
            return true;
    return false;
}
