/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-session.h — the resident's session as a state machine, independent of GTK.
 *
 *   MENU → CARD_WAIT → PIN (or CHECKCODE_B, staff-assisted) → READING → QUESTIONS(i)
 *        → CONFIRM → PRINTING → DONE → MENU,  plus ERROR, STAFF_CALL and STAFF.
 *
 * The machine never touches a card, a template or a printer itself: it asks a backend (a
 * small table of function pointers) to start work, and the work's results come back as
 * events. The GTK app's backend runs the work on worker threads; the unit tests use doubles.
 *
 * Secrets: the PIN (or 照合番号B) is typed into a buffer in locked memory (backend
 * secure_alloc). On the resident's explicit submit the buffer is handed over to the
 * backend's verify(), which owns it from then on and must wipe+free it right after VERIFY,
 * whatever the result. The session never verifies on its own and never retries.
 * Every way out of a session (back to the menu, card pulled, idle timeout, cancel, error)
 * calls backend wipe() — card attributes, answers, rendered PDF, entry texts — and clears
 * the PIN buffer.
 */
#ifndef KIOSK_SESSION_H
#define KIOSK_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#define KIOSK_PIN_LEN 4         /* the Kenhojo PIN: 4 digits */
#define KIOSK_CHECKCODE_B_LEN 14 /* 照合番号B: YYMMDD + YYYY + 4 digits */
#define KIOSK_SECRET_MAX 16      /* size of the locked entry buffer */
#define KIOSK_QUESTIONS_MAX 64   /* questions per procedure the kiosk handles */

typedef enum kiosk_state {
    KIOSK_S_MENU = 0,
    KIOSK_S_CARD_WAIT,
    KIOSK_S_PIN,
    KIOSK_S_CHECKCODE_B,
    KIOSK_S_READING,
    KIOSK_S_QUESTIONS,
    KIOSK_S_CONFIRM,
    KIOSK_S_PRINTING,
    KIOSK_S_DONE,
    KIOSK_S_ERROR,
    KIOSK_S_STAFF_CALL,
    KIOSK_S_STAFF,
    KIOSK_S_COUNT_
} kiosk_state;

typedef enum kiosk_event_type {
    KIOSK_EV_PROCEDURE = 0, /* arg: procedure index; arg2: its number of questions */
    KIOSK_EV_CARD_PRESENT,  /* arg: tries left (PIN, or 照合番号B in that mode); -1 unknown */
    KIOSK_EV_CARD_PULLED,
    KIOSK_EV_CARD_ERROR,    /* arg: kiosk_problem */
    KIOSK_EV_DIGIT,         /* arg: 0..9 */
    KIOSK_EV_DELETE,        /* remove the last digit */
    KIOSK_EV_CLEAR,         /* remove every digit */
    KIOSK_EV_SUBMIT,        /* the resident pressed OK on the keypad */
    KIOSK_EV_VERIFY_OK,
    KIOSK_EV_WRONG_PIN,     /* arg: tries left (>= 1) */
    KIOSK_EV_BLOCKED,
    KIOSK_EV_READ_OK,
    KIOSK_EV_READ_FAILED,   /* arg: kiosk_problem */
    KIOSK_EV_ANSWER,        /* the current question was answered (value stored by the UI) */
    KIOSK_EV_BACK,
    KIOSK_EV_RENDER_OK,
    KIOSK_EV_RENDER_FAILED, /* arg: kiosk_problem */
    KIOSK_EV_CONFIRM,
    KIOSK_EV_PRINT_OK,
    KIOSK_EV_PRINTER_PROBLEM, /* arg: kiosk_problem */
    KIOSK_EV_RETRY,
    KIOSK_EV_CANCEL,
    KIOSK_EV_IDLE_TIMEOUT,
    KIOSK_EV_STAFF,          /* staff mode requested (passcode checked by the UI) */
    KIOSK_EV_STAFF_CHECKCODE_B, /* staff: next card uses 照合番号B instead of the PIN */
    KIOSK_EV_EDIT,           /* CONFIRM: change question arg, then come back to CONFIRM */
    KIOSK_EV_HELP,           /* the resident calls staff (keypad *): wipe, STAFF_CALL */
    KIOSK_EV_PINPAD,         /* PIN: arg 1 the reader's own keys take it (VERIFY_OK, WRONG_PIN,
                              * BLOCKED follow without SUBMIT); arg 0 back to the kiosk's keypad */
    KIOSK_EV_COUNT_
} kiosk_event_type;

typedef enum kiosk_problem {
    KIOSK_P_NONE = 0,
    KIOSK_P_NO_READER,
    KIOSK_P_NO_SERVICE,
    KIOSK_P_NOT_MYNA,
    KIOSK_P_CARD,          /* the card failed or answered oddly */
    KIOSK_P_CARD_PULLED,
    KIOSK_P_BLOCKED,
    KIOSK_P_TIMEOUT,
    KIOSK_P_FORM,          /* the form could not be filled (overflow, glyph, template) */
    KIOSK_P_NO_PRINTER,
    KIOSK_P_PRINTER_OFFLINE,
    KIOSK_P_OUT_OF_PAPER,
    KIOSK_P_PRINTER,
    KIOSK_P_INTERNAL,
    KIOSK_P_COUNT_
} kiosk_problem;

typedef struct kiosk_backend {
    void *user;
    /* Locked memory for the entry buffer (myna_secure_alloc / myna_secure_free). */
    void *(*secure_alloc)(void *user, size_t n);
    void (*secure_free)(void *user, void *p, size_t n);
    /* Start waiting for a card (and, once found, watching for its removal); report
     * CARD_PRESENT / CARD_ERROR / CARD_PULLED. checkcode_b: ask that counter's tries. */
    void (*card_start)(void *user, bool checkcode_b);
    /* Stop every card work and close the card. */
    void (*card_stop)(void *user);
    /* VERIFY once. Takes ownership of secret (KIOSK_SECRET_MAX bytes from secure_alloc,
     * len digits used): wipe and free it right after VERIFY. Report VERIFY_OK / WRONG_PIN /
     * BLOCKED / READ_FAILED. */
    void (*verify)(void *user, char *secret, size_t len, bool checkcode_b);
    /* Read the attributes the procedure needs; report READ_OK / READ_FAILED. */
    void (*read)(void *user, int procedure);
    /* Render the procedure's forms; report RENDER_OK / RENDER_FAILED. */
    void (*render)(void *user);
    /* Print the rendered document; report PRINT_OK / PRINTER_PROBLEM. */
    void (*print)(void *user);
    void (*print_cancel)(void *user);
    /* Wipe everything personal: attributes, answers, rendered PDF, entry texts, preview. */
    void (*wipe)(void *user);
    /* The state changed (the UI shows the matching screen). May be NULL. */
    void (*changed)(void *user, kiosk_state from, kiosk_state to);
} kiosk_backend;

typedef struct kiosk_session kiosk_session;

kiosk_session *kiosk_session_new(const kiosk_backend *backend);
void kiosk_session_free(kiosk_session *s); /* wipes */

/* Questions not asked one by one (bit i = question i): they already have an answer (a
 * default) or are optional; the confirmation screen shows them and KIOSK_EV_EDIT changes
 * them. Set before KIOSK_EV_PROCEDURE; applies to that session only. */
void kiosk_session_set_skipped(kiosk_session *s, unsigned long long mask);
/* Whether the current question was opened from the confirmation screen. */
bool kiosk_session_editing(const kiosk_session *s);

/* Feed one event. Returns true when the event was accepted in the current state; an event
 * that does not apply (a late worker result, a double tap) is ignored and returns false. */
bool kiosk_session_event(kiosk_session *s, kiosk_event_type ev, int arg, int arg2);

kiosk_state kiosk_session_state(const kiosk_session *s);
const char *kiosk_state_name(kiosk_state st);
const char *kiosk_event_name(kiosk_event_type ev);
const char *kiosk_problem_name(kiosk_problem p);

int kiosk_session_procedure(const kiosk_session *s);      /* -1 outside a session */
int kiosk_session_question(const kiosk_session *s);       /* current index in QUESTIONS */
int kiosk_session_question_count(const kiosk_session *s);
/* The question on screen among those asked one by one: its 1-based step, and how many are
 * asked (*asked); 0 when it was opened from the confirmation to be changed. */
int kiosk_session_question_step(const kiosk_session *s, int *asked);
int kiosk_session_tries(const kiosk_session *s);          /* tries left shown, -1 unknown */
bool kiosk_session_last_try(const kiosk_session *s);      /* warn: one try left */
bool kiosk_session_pinpad(const kiosk_session *s);        /* PIN typed on the reader's keys */
size_t kiosk_session_digits(const kiosk_session *s);      /* digits typed (for the dots) */
size_t kiosk_session_secret_len(const kiosk_session *s);  /* 4 (PIN) or 14 (照合番号B) */
kiosk_problem kiosk_session_problem(const kiosk_session *s);
bool kiosk_session_rendered(const kiosk_session *s);      /* CONFIRM: the preview is ready */
bool kiosk_session_printer_problem(const kiosk_session *s); /* PRINTING: waiting for retry */
bool kiosk_session_checkcode_b_armed(const kiosk_session *s);
/* For tests: whether the entry buffer currently holds any non-zero byte. */
bool kiosk_session_secret_dirty(const kiosk_session *s);

#endif /* KIOSK_SESSION_H */
