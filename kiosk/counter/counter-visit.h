/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-visit.h — one visit at the 書かない窓口: a household, read once, every form filled.
 *
 * A visit holds, in locked memory (myna_secure_alloc, wiped on every path):
 *   - the members, in the order they were added: each read from a card (PIN or 照合番号B: the
 *     card worker verifies and reads, then hands the myna_attrs here on the UI thread) or typed
 *     by staff (a member without a card: a child, a 顔認証 card holder who forgot nothing but
 *     has no PIN is read with 照合番号B instead). Member 1 is the applicant (届出人).
 *   - the life event and its interview answers (navigation input),
 *   - the procedures to do (navigated from the event, or picked by staff),
 *   - the answers staff complete for the forms (新しい住所, 本籍, 筆頭者 ...).
 * counter_visit_values() makes a fresh form_values for one render (card.* = the first member
 * read from a card, member.N.* / child.N.* per the counter contract); the caller frees it.
 *
 * counter_visit_wipe() ends the visit: 「次の方」, card pulled, window closed, idle time-out,
 * staff signed out. Every value is wiped and the generation moves on, so a worker's result
 * that arrives later (counter_visit_add_card with the old generation) is refused with
 * COUNTER_E_STALE and the caller wipes it.
 *
 * Single-threaded: the app uses a visit on its UI thread only (workers get snapshots).
 * Every string a getter returns is borrowed (valid until the next change or wipe) and lives in
 * locked memory: never copy it into ordinary heap (a GtkLabel, a log line).
 */
#ifndef COUNTER_VISIT_H
#define COUNTER_VISIT_H

#include "counter-error.h"
#include "form.h"
#include "myna.h"

#include <stdbool.h>
#include <stddef.h>

#define COUNTER_MEMBERS_MAX 6     /* FORM_MAX_MEMBERS of the forms contract */
#define COUNTER_PROCEDURES_MAX 32 /* procedures in one visit */
#define COUNTER_ANSWERS_MAX 96    /* interview answers, and form answers, each */
#define COUNTER_VALUE_MAX 1024    /* bytes in one value (addresses are the longest) */
#define COUNTER_ID_MAX 48         /* event, procedure and question ids: [a-z0-9_.-] */

typedef struct counter_visit counter_visit;

/* How a member came into the visit. */
typedef enum counter_source {
    COUNTER_SRC_PIN = 0,    /* card read after the resident typed the PIN */
    COUNTER_SRC_CHECKCODE_B, /* card read with 照合番号B (no PIN, 顔認証カード) */
    COUNTER_SRC_TYPED,       /* typed by staff (no card) */
} counter_source;

/* A member's role in the household: decides child.N.* and the default 続柄. */
typedef enum counter_role {
    COUNTER_ROLE_HEAD = 0, /* 世帯主 */
    COUNTER_ROLE_SPOUSE,   /* 妻 / 夫 */
    COUNTER_ROLE_CHILD,    /* 子: also child.N.* on child-benefit forms */
    COUNTER_ROLE_PARENT,   /* 父 / 母 */
    COUNTER_ROLE_OTHER,    /* その他 (staff types the 続柄) */
} counter_role;

/* A member's fields: the member.N.* names of the forms contract, plus the address. */
typedef enum counter_field {
    COUNTER_F_NAME = 0, /* 氏名 as on the card (UTF-8, IVS and non-BMP kept) */
    COUNTER_F_KANA,     /* フリガナ (the card has none: staff or the resident types it) */
    COUNTER_F_BIRTH,    /* YYYYMMDD, a real date */
    COUNTER_F_SEX,      /* "1", "2", "9" (ISO 5218) */
    COUNTER_F_RELATION, /* 続柄 (default from the role) */
    COUNTER_F_NUMBER,   /* 個人番号, 12 digits with a valid check digit; only when a form needs it */
    COUNTER_F_ADDRESS,  /* 住所 from the card; typed members share the applicant's */
    COUNTER_F_COUNT
} counter_field;

/* Why a visit ended (kept for the audit line; never a resident's value). */
typedef enum counter_end {
    COUNTER_END_NEXT = 0,   /* 「次の方」 */
    COUNTER_END_CARD_PULLED,
    COUNTER_END_WINDOW_CLOSED,
    COUNTER_END_IDLE,
    COUNTER_END_SIGN_OUT,
    COUNTER_END_CANCEL, /* staff abandoned the visit */
} counter_end;
const char *counter_end_name(counter_end why); /* "next", "card-pulled", ... */

/* A member typed by staff. name and birth are required; the rest may be NULL. */
typedef struct counter_member_input {
    const char *name;
    const char *kana;
    const char *birth;
    const char *sex;
    const char *relation; /* NULL: from the role */
    const char *number;   /* NULL unless a procedure needs it */
    counter_role role;
} counter_member_input;

/* cat is borrowed and must outlive the visit. COUNTER_E_ARG, COUNTER_E_NOMEM. */
counter_err counter_visit_new(const form_catalog *cat, counter_visit **out);
/* Wipes and frees; NULL is a no-op. */
void counter_visit_free(counter_visit *v);
/* Wipe everything (members, answers, event, procedures); the generation moves on. */
void counter_visit_wipe(counter_visit *v, counter_end why);
/* Changes at every wipe; workers tag their results with it. 0 for NULL. */
unsigned counter_visit_generation(const counter_visit *v);
/* The catalogue the visit was made with (borrowed). */
const form_catalog *counter_visit_catalog(const counter_visit *v);
/* Between visits: use cat from now on (the city updated its templates). The visit is wiped
 * first (the generation moves on); cat is borrowed like the first. COUNTER_E_ARG. */
counter_err counter_visit_set_catalog(counter_visit *v, const form_catalog *cat);

/* ---- event, interview, procedures -------------------------------------------------------- */

/* The life event ("tennyu"), or NULL for procedures picked one by one. COUNTER_E_ARG for an
 * id that is not [a-z0-9_.-]{1,48}. Changing the event clears the interview answers. */
counter_err counter_visit_set_event(counter_visit *v, const char *event_id);
const char *counter_visit_event(const counter_visit *v); /* NULL when none */
/* Interview answers (navigation input: "yes", "2", a choice id). value NULL clears. */
counter_err counter_visit_set_interview(counter_visit *v, const char *question_id,
                                        const char *value);
const char *counter_visit_interview(const counter_visit *v, const char *question_id);
size_t counter_visit_interview_count(const counter_visit *v);
/* The i-th interview answer's id and value (NULL past the end). */
const char *counter_visit_interview_id(const counter_visit *v, size_t i);
const char *counter_visit_interview_value(const counter_visit *v, size_t i);

/* Navigate the life event (counter_visit_set_event): its rules over the interview answers,
 * the members (ages, counts) and today (form_event_navigate) give the procedures, which
 * replace the visit's, in route order; the navigation (no personal data in it) is kept for
 * the guide sheet's rows and notes. COUNTER_E_NO_PROCEDURE without an event,
 * COUNTER_E_UNKNOWN when the catalogue has no such event, COUNTER_E_ARG for an interview answer
 * its question refuses, COUNTER_E_NOMEM. keep_extra: procedures staff added by hand stay
 * (after the navigated ones). */
counter_err counter_visit_navigate(counter_visit *v, bool keep_extra);
/* The last navigation (borrowed; NULL when none or after a wipe or a new event). */
const form_nav *counter_visit_nav(const counter_visit *v);
/* The event's questions asked with the answers so far (form_event_asks), for the interview
 * screen: whether question i of the visit's event is asked. */
bool counter_visit_event_asks(const counter_visit *v, size_t i);

/* The procedures to do, in the order of the guide sheet. add: COUNTER_E_UNKNOWN for an id
 * the catalogue lacks, COUNTER_E_FULL past COUNTER_PROCEDURES_MAX; adding one twice is
 * COUNTER_OK and keeps the first place. */
counter_err counter_visit_add_procedure(counter_visit *v, const char *procedure_id);
void counter_visit_clear_procedures(counter_visit *v);
size_t counter_visit_procedure_count(const counter_visit *v);
const form_procedure *counter_visit_procedure(const counter_visit *v, size_t i);
/* Forms (templates) the procedures make, all together (guide-only procedures make none). */
size_t counter_visit_form_count(const counter_visit *v);
/* FORM_NEEDS_* the procedures need from a card: read the number only with FORM_NEEDS_NUMBER. */
unsigned counter_visit_card_needs(const counter_visit *v);
/* The flags for myna_card_read_attrs that follow from counter_visit_card_needs(). */
unsigned counter_visit_read_flags(const counter_visit *v);

/* ---- members ---------------------------------------------------------------------------- */

/* Add the member whose card a worker read (attrs from myna_card_read_attrs, still owned by the
 * caller, who frees it right after). gen: the generation the worker was started with.
 * COUNTER_E_STALE (the visit was wiped since), COUNTER_E_DUPLICATE (same name and birth date
 * as a member already there), COUNTER_E_FULL, COUNTER_E_ARG (attrs without name or birth,
 * source COUNTER_SRC_TYPED), COUNTER_E_NOMEM. *index (may be NULL) gets the member's index. */
counter_err counter_visit_add_card(counter_visit *v, unsigned gen, const myna_attrs *attrs,
                                   counter_source source, counter_role role, size_t *index);
/* Add a member typed by staff: COUNTER_E_ARG for a missing name or birth, a birth that is not
 * a real YYYYMMDD date, a sex not 1/2/9, a number that is not 12 digits with a valid check
 * digit, text that is not UTF-8 or longer than COUNTER_VALUE_MAX; COUNTER_E_DUPLICATE,
 * COUNTER_E_FULL, COUNTER_E_NOMEM. */
counter_err counter_visit_add_typed(counter_visit *v, const counter_member_input *in,
                                    size_t *index);
/* Staff completes or corrects a field (kana, relation, a typed member's anything; a card's
 * name, birth and sex stay as read: COUNTER_E_ARG). value NULL clears. Checked as above. */
counter_err counter_visit_set_member_field(counter_visit *v, size_t i, counter_field f,
                                           const char *value);
/* Remove member i (wiped); later members move up. COUNTER_E_NO_MEMBER. */
counter_err counter_visit_remove_member(counter_visit *v, size_t i);
size_t counter_visit_member_count(const counter_visit *v);
/* NULL for no such member or an empty field. */
const char *counter_visit_member_field(const counter_visit *v, size_t i, counter_field f);
counter_source counter_visit_member_source(const counter_visit *v, size_t i);
counter_role counter_visit_member_role(const counter_visit *v, size_t i);
/* Who is on a procedure's forms (their member.N.* / child.N.* rows): every member unless
 * staff leaves one off (a 国保加入届 lists only those who join 国保, a spouse insured at work
 * is not on it). The choice belongs to the procedure and survives a new navigation; a member
 * added later is on every form; removing a member keeps the others' choices. set:
 * COUNTER_E_UNKNOWN when p is not one of the visit's procedures, COUNTER_E_NO_MEMBER,
 * COUNTER_E_FULL (never in practice: one entry per procedure). */
counter_err counter_visit_set_procedure_member(counter_visit *v, const form_procedure *p,
                                               size_t i, bool on);
bool counter_visit_procedure_member(const counter_visit *v, const form_procedure *p, size_t i);
/* Whether p's forms list every member (then counter_visit_values serves them). */
bool counter_visit_procedure_all_members(const counter_visit *v, const form_procedure *p);
/* Age in whole years on today (YYYYMMDD); -1 when unknown or today is invalid. */
int counter_visit_member_age(const counter_visit *v, size_t i, const char *today);

/* ---- answers staff completes for the forms ---------------------------------------------- */

counter_err counter_visit_set_answer(counter_visit *v, const char *question_id,
                                     const char *value);
const char *counter_visit_answer(const counter_visit *v, const char *question_id);
/* Questions of the visit's procedures still unanswered that are required and have no
 * default, excluding those the visit fills itself (about = card.*); *count gets how many,
 * the first cap ids go to ids (borrowed from the catalogue). */
size_t counter_visit_missing_answers(const counter_visit *v, const char **ids, size_t cap);

/* "Today" for dates on the forms and ages (YYYYMMDD); default: the local date. */
counter_err counter_visit_set_today(counter_visit *v, const char *yyyymmdd);

/* ---- for rendering, audit and the benchmark ---------------------------------------------- */

/* A new form_values holding the visit (the caller frees it with form_values_free; it may hand
 * it to a worker thread: it shares nothing with the visit). card.* = the first member read
 * from a card (else member 1), member.N.* for every member, child.N.* for the children, every
 * form answer, the applicant's kana as the answer of kana questions about card.name.
 * COUNTER_E_NOMEM, COUNTER_E_ARG. */
counter_err counter_visit_values(const counter_visit *v, form_values **out);
/* The same for the forms of procedure p: member.N.* / child.N.* only for the members on p's
 * forms (counter_visit_procedure_member), numbered 1.. in the household's order; card.* stays
 * the applicant. p NULL: every member (counter_visit_values). */
counter_err counter_visit_values_for(const counter_visit *v, const form_procedure *p,
                                     form_values **out);

typedef struct counter_visit_stats {
    unsigned members;    /* in the visit */
    unsigned by_pin;     /* read with a PIN */
    unsigned by_code_b;  /* read with 照合番号B */
    unsigned typed;      /* typed by staff */
    unsigned values;     /* non-empty member fields + form answers (entries on the forms) */
    unsigned typed_values; /* of those, typed by someone (staff or resident) */
} counter_visit_stats;
void counter_visit_get_stats(const counter_visit *v, counter_visit_stats *out);

/* The 12-digit individual number's check digit is right (My Number Act ordinance art. 5). */
bool counter_number_valid(const char *digits);

#endif
