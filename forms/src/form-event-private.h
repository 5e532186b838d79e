/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-event-private.h — life events (templates/events/ID.event) inside the forms library:
 * the event, its interview, its rules, and the small condition language they use. Shared by
 * form-event.c (parser), form-event-expr.c (conditions), form-event-check.c (checks) and
 * form-nav.c (navigation). Not installed.
 */
#ifndef FORM_EVENT_PRIVATE_H
#define FORM_EVENT_PRIVATE_H

#include "form-private.h"

/* Hard limits on event input (an event file is untrusted text, like a template). */
#define FORM_MAX_EVENTS 16u          /* events in one catalogue */
#define FORM_MAX_EVENT_QUESTIONS 32u /* questions of one event */
#define FORM_MAX_RULES 64u           /* rules of one event */
#define FORM_MAX_RULE_PROCS 8u       /* procedures one rule names */
#define FORM_MAX_DEPS 32u            /* procedure.X = … dependency lines of one event */
#define FORM_MAX_EXPR_NODES 64u      /* nodes of one condition */
#define FORM_MAX_EXPR_DEPTH 16u      /* parentheses / not nesting */
#define FORM_EVENT_COUNT_MAX 9       /* default max of a count question */

/* ---- conditions (form-event-expr.c) ---- */

typedef enum form_xkind {
    FORM_X_NUM = 0,  /* num */
    FORM_X_BOOL,     /* num 0/1: yes / no */
    FORM_X_WORD,     /* word: a choice value */
    FORM_X_ANSWER,   /* q: the answer to question q */
    FORM_X_AGE,      /* the person's completed years */
    FORM_X_SCHOOL,   /* the person is of compulsory school age (小・中学校) */
    FORM_X_REACHED,  /* reached_age(num): from the day before the num-th birthday */
    FORM_X_MEMBERS,  /* household members entered */
    FORM_X_COUNT,    /* a: members for whom a holds */
    FORM_X_NOT,      /* a */
    FORM_X_AND,      /* a, b */
    FORM_X_OR,
    FORM_X_EQ,
    FORM_X_NE,
    FORM_X_LT,
    FORM_X_LE,
    FORM_X_GT,
    FORM_X_GE,
    FORM_X_ADD,
    FORM_X_SUB,
} form_xkind;

/* What a node yields. */
typedef enum form_xtype { FORM_T_NUM = 0, FORM_T_BOOL, FORM_T_WORD } form_xtype;

typedef struct form_xnode {
    form_xkind kind;
    form_xtype type;
    int a, b;     /* operands (node indexes), -1 none */
    long num;
    char *word;   /* FORM_X_WORD, and the name as written for FORM_X_ANSWER */
    int q;        /* FORM_X_ANSWER: question index in the event */
    size_t col;   /* 0-based offset in the expression text */
} form_xnode;

typedef struct form_expr {
    form_xnode *n;
    size_t count;
    int root;     /* -1: no expression (always true) */
    int line;     /* where it stands in the file */
    size_t col0;  /* 0-based column of the expression's first byte in its line */
} form_expr;

/* Parse text as a condition over ev's questions (those before limit_q only when limit_q is
 * not SIZE_MAX: ask_if may look back only). FORM_OK, or FORM_E_SYNTAX / FORM_E_TEMPLATE with
 * an English and a Japanese sentence and the 0-based offset of the problem. */
struct form_event;
form_err form_cond_parse(const struct form_event *ev, size_t limit_q, const char *text,
                         form_expr *out, char *why_en, char *why_ja, size_t cap, size_t *at);
void form_cond_free(form_expr *x);

/* Facts the conditions see, gathered once per navigation. */
typedef struct form_person {
    bool has_birth;
    form_date birth;
} form_person;
typedef struct form_facts {
    const struct form_event *ev;
    const form_values *v;
    form_date today;
    form_person applicant;              /* card.birth, else member.1.birth */
    form_person members[FORM_MAX_MEMBERS];
    size_t nmembers;                    /* member.N with any field set, N in order */
    bool asked[FORM_MAX_EVENT_QUESTIONS]; /* its ask_if holds: else it counts as unanswered */
} form_facts;
void form_facts_init(form_facts *f, const struct form_event *ev, const form_values *v);
/* Wipe the facts (they hold the household's birth dates) before they go out of scope. */
void form_facts_wipe(form_facts *f);
/* true when x holds (an empty expression always holds). */
bool form_cond_eval(const form_expr *x, const form_facts *f);

/* Ages as the law counts them (年齢計算ニ関スル法律): a person reaches age n at the end of
 * the day before the n-th birthday. School age: from 1 April after reaching 6 until 31 March
 * after reaching 15 (学校教育法 17条), so a child born on 1 April starts a year earlier. */
bool form_reached_age(form_date birth, int n, form_date today);
bool form_school_age(form_date birth, form_date today);

/* ---- events (form-event.c) ---- */

typedef struct form_rule {
    int line;
    form_expr when;             /* root -1: always */
    char *procs[FORM_MAX_RULE_PROCS];
    int proc_col[FORM_MAX_RULE_PROCS];
    const form_procedure *proc[FORM_MAX_RULE_PROCS]; /* bound at load; NULL: unknown */
    size_t nprocs;
    int procs_line;
    form_text *note;            /* an extra line for the guide sheet */
} form_rule;

typedef struct form_dep {
    char *from;                 /* procedure.from = to… */
    char *to[FORM_MAX_RULE_PROCS];
    int to_col[FORM_MAX_RULE_PROCS];
    const form_procedure *from_proc; /* bound at load */
    const form_procedure *to_proc[FORM_MAX_RULE_PROCS];
    size_t nto;
    int line, col;
} form_dep;

struct form_event {
    char *id;
    char *file;
    form_text *title;
    form_text *description;
    char *icon;
    long order;
    form_question questions[FORM_MAX_EVENT_QUESTIONS];
    form_expr ask_if[FORM_MAX_EVENT_QUESTIONS];
    size_t nquestions;
    form_rule rules[FORM_MAX_RULES];
    size_t nrules;
    form_dep deps[FORM_MAX_DEPS];
    size_t ndeps;
};

/* Parse one .event file. On a syntax problem: FORM_E_SYNTAX with records in diags, *out NULL.
 * Procedure ids are not resolved here (form_event_bind). */
form_err form_event_parse(const char *name, const char *text, size_t len,
                          struct form_event **out, form_diags *diags);
void form_event_free(struct form_event *e);
/* Resolve the rules' and dependencies' procedure ids in c; each unknown id is reported
 * (FORM_E_NOT_FOUND at its file:line:column). false when any is unknown. */
bool form_event_bind(struct form_event *e, const form_catalog *c, form_diags *diags);
/* The consistency checks of `kakanai-form check` (form-event-check.c): unreachable rules,
 * questions asked twice, ask_if looking ahead, dependency cycles. */
void form_event_check(const struct form_event *e, const form_catalog *c, form_diags *diags);
/* Index of question id in e, or -1. */
int form_event_question_index(const struct form_event *e, const char *id, size_t n);

/* Catalogue side (form-catalog.c): the events loaded with it, set by form_catalog_load. */
void form_catalog_set_events(form_catalog *c, struct form_event **events, size_t n);
/* Load DIR/events/ID.event into c (binding procedures); strict adds form_event_check. */
void form_events_load(form_catalog *c, const char *dir, bool strict, form_diags *diags);
/* `kakanai-form check`: every event of dir parsed, bound and checked into diags. */
void form_events_check_dir(const form_catalog *c, const char *dir, form_diags *diags);
/* The same for one .event file against catalogue c. */
void form_events_check_file(const form_catalog *c, const char *path, form_diags *diags);

#endif /* FORM_EVENT_PRIVATE_H */
