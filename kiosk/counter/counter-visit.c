/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-visit.c — one visit's household, answers and procedures. See counter-visit.h. */
#include "counter-visit.h"

#include <glib.h>
#include <string.h>
#include <time.h>

/* A string in locked memory (cap bytes allocated, NUL included). */
typedef struct lstr {
    char *p;
    size_t cap;
    bool typed; /* typed by someone rather than read from a card or derived */
} lstr;

typedef struct member {
    lstr f[COUNTER_F_COUNT];
    counter_source source;
    counter_role role;
} member;

typedef struct answer {
    char id[COUNTER_ID_MAX + 1];
    lstr value;
} answer;

typedef struct answers {
    answer a[COUNTER_ANSWERS_MAX];
    size_t n;
} answers;

struct counter_visit {
    const form_catalog *cat;
    unsigned gen;
    member m[COUNTER_MEMBERS_MAX];
    size_t nm;
    char event[COUNTER_ID_MAX + 1];
    answers interview;
    answers form;
    const form_procedure *proc[COUNTER_PROCEDURES_MAX];
    size_t np;
    /* members left off a procedure's forms (bit i: member i), by procedure: kept across
     * navigations, so a procedure that comes back keeps what staff chose */
    struct {
        const form_procedure *p;
        unsigned off;
    } left_off[COUNTER_PROCEDURES_MAX];
    size_t nleft_off;
    char today[9];
    counter_end last_end;
    form_nav *nav; /* the last navigation of the event (procedures and notes, no values) */
};

/* ---- locked strings -------------------------------------------------------------------- */

static void lstr_clear(lstr *s)
{
    if (s->p)
        myna_secure_free(s->p, s->cap);
    s->p = NULL;
    s->cap = 0;
    s->typed = false;
}

static counter_err lstr_set(lstr *s, const char *value, bool typed)
{
    if (!value || !*value) {
        lstr_clear(s);
        return COUNTER_OK;
    }
    size_t n = strnlen(value, COUNTER_VALUE_MAX + 1);
    if (n > COUNTER_VALUE_MAX || !g_utf8_validate(value, (gssize)n, NULL))
        return COUNTER_E_ARG;
    char *p = myna_secure_alloc(n + 1);
    if (!p)
        return COUNTER_E_NOMEM;
    memcpy(p, value, n);
    lstr_clear(s);
    s->p = p;
    s->cap = n + 1;
    s->typed = typed;
    return COUNTER_OK;
}

static bool valid_id(const char *id)
{
    if (!id || !*id || strlen(id) > COUNTER_ID_MAX)
        return false;
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' ||
              *c == '.' || *c == '-'))
            return false;
    return true;
}

/* ---- checks ------------------------------------------------------------------------------ */

static bool all_digits(const char *s, size_t n)
{
    if (!s || strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool valid_birth(const char *s)
{
    if (!all_digits(s, 8))
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[4] - '0') * 10 + (s[5] - '0');
    int d = (s[6] - '0') * 10 + (s[7] - '0');
    return d >= 1 && d <= form_days_in_month(y, m);
}

static bool valid_sex(const char *s)
{
    return s && (strcmp(s, "1") == 0 || strcmp(s, "2") == 0 || strcmp(s, "9") == 0);
}

bool counter_number_valid(const char *s)
{
    if (!all_digits(s, 12))
        return false;
    /* P(n): the n-th digit from the right of the first 11; Q(n) = n + 1 (n <= 6), n - 5. */
    int sum = 0;
    for (int n = 1; n <= 11; n++) {
        int p = s[11 - n] - '0';
        sum += p * (n <= 6 ? n + 1 : n - 5);
    }
    int r = sum % 11;
    int check = r <= 1 ? 0 : 11 - r;
    return s[11] - '0' == check;
}

static counter_err check_field(counter_field f, const char *value)
{
    if (!value || !*value)
        return COUNTER_OK;
    switch (f) {
    case COUNTER_F_BIRTH:
        return valid_birth(value) ? COUNTER_OK : COUNTER_E_ARG;
    case COUNTER_F_SEX:
        return valid_sex(value) ? COUNTER_OK : COUNTER_E_ARG;
    case COUNTER_F_NUMBER:
        return counter_number_valid(value) ? COUNTER_OK : COUNTER_E_ARG;
    default:
        return COUNTER_OK;
    }
}

/* ---- life cycle ---------------------------------------------------------------------------- */

counter_err counter_visit_new(const form_catalog *cat, counter_visit **out)
{
    if (!out)
        return COUNTER_E_ARG;
    *out = NULL;
    if (!cat)
        return COUNTER_E_ARG;
    counter_visit *v = g_try_new0(counter_visit, 1);
    if (!v)
        return COUNTER_E_NOMEM;
    v->cat = cat;
    v->gen = 1;
    *out = v;
    return COUNTER_OK;
}

static void member_clear(member *m)
{
    for (int f = 0; f < COUNTER_F_COUNT; f++)
        lstr_clear(&m->f[f]);
    m->source = COUNTER_SRC_TYPED;
    m->role = COUNTER_ROLE_OTHER;
}

static void answers_clear(answers *a)
{
    for (size_t i = 0; i < a->n; i++) {
        lstr_clear(&a->a[i].value);
        memset(a->a[i].id, 0, sizeof a->a[i].id);
    }
    a->n = 0;
}

void counter_visit_wipe(counter_visit *v, counter_end why)
{
    if (!v)
        return;
    for (size_t i = 0; i < v->nm; i++)
        member_clear(&v->m[i]);
    v->nm = 0;
    answers_clear(&v->interview);
    answers_clear(&v->form);
    memset(v->event, 0, sizeof v->event);
    memset(v->proc, 0, sizeof v->proc);
    v->np = 0;
    memset(v->left_off, 0, sizeof v->left_off);
    v->nleft_off = 0;
    form_nav_free(v->nav);
    v->nav = NULL;
    v->last_end = why;
    v->gen++;
    if (v->gen == 0)
        v->gen = 1;
}

void counter_visit_free(counter_visit *v)
{
    if (!v)
        return;
    counter_visit_wipe(v, COUNTER_END_WINDOW_CLOSED);
    g_free(v);
}

unsigned counter_visit_generation(const counter_visit *v) { return v ? v->gen : 0; }

const form_catalog *counter_visit_catalog(const counter_visit *v) { return v ? v->cat : NULL; }

counter_err counter_visit_set_catalog(counter_visit *v, const form_catalog *cat)
{
    if (!v || !cat)
        return COUNTER_E_ARG;
    counter_visit_wipe(v, v->last_end); /* nothing may point into the old one */
    v->cat = cat;
    return COUNTER_OK;
}

const char *counter_end_name(counter_end why)
{
    switch (why) {
    case COUNTER_END_NEXT: return "next";
    case COUNTER_END_CARD_PULLED: return "card-pulled";
    case COUNTER_END_WINDOW_CLOSED: return "window-closed";
    case COUNTER_END_IDLE: return "idle";
    case COUNTER_END_SIGN_OUT: return "sign-out";
    case COUNTER_END_CANCEL: return "cancel";
    }
    return "unknown";
}

/* ---- answers ------------------------------------------------------------------------------ */

static answer *answers_find(const answers *a, const char *id)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->a[i].id, id) == 0)
            return (answer *)&a->a[i];
    return NULL;
}

static counter_err answers_set(answers *a, const char *id, const char *value, bool typed)
{
    if (!valid_id(id))
        return COUNTER_E_ARG;
    answer *x = answers_find(a, id);
    if (!value || !*value) {
        if (x) {
            lstr_clear(&x->value);
            size_t i = (size_t)(x - a->a);
            memmove(&a->a[i], &a->a[i + 1], (a->n - i - 1) * sizeof a->a[0]);
            a->n--;
            memset(&a->a[a->n], 0, sizeof a->a[0]);
        }
        return COUNTER_OK;
    }
    if (!x) {
        if (a->n == COUNTER_ANSWERS_MAX)
            return COUNTER_E_FULL;
        lstr tmp = {0};
        counter_err err = lstr_set(&tmp, value, typed);
        if (err != COUNTER_OK)
            return err;
        x = &a->a[a->n++];
        memcpy(x->id, id, strlen(id) + 1);
        x->value = tmp;
        return COUNTER_OK;
    }
    return lstr_set(&x->value, value, typed);
}

/* ---- event, interview, procedures ----------------------------------------------------------- */

counter_err counter_visit_set_event(counter_visit *v, const char *event_id)
{
    if (!v || (event_id && !valid_id(event_id)))
        return COUNTER_E_ARG;
    const char *now = v->event;
    if (!event_id || strcmp(now, event_id) != 0) {
        answers_clear(&v->interview);
        form_nav_free(v->nav);
        v->nav = NULL;
    }
    memset(v->event, 0, sizeof v->event);
    if (event_id)
        memcpy(v->event, event_id, strlen(event_id));
    return COUNTER_OK;
}

const char *counter_visit_event(const counter_visit *v)
{
    return v && v->event[0] ? v->event : NULL;
}

counter_err counter_visit_set_interview(counter_visit *v, const char *question_id,
                                        const char *value)
{
    if (!v)
        return COUNTER_E_ARG;
    return answers_set(&v->interview, question_id, value, false);
}

const char *counter_visit_interview(const counter_visit *v, const char *question_id)
{
    if (!v || !question_id)
        return NULL;
    answer *a = answers_find(&v->interview, question_id);
    return a ? a->value.p : NULL;
}

size_t counter_visit_interview_count(const counter_visit *v) { return v ? v->interview.n : 0; }

const char *counter_visit_interview_id(const counter_visit *v, size_t i)
{
    return v && i < v->interview.n ? v->interview.a[i].id : NULL;
}

const char *counter_visit_interview_value(const counter_visit *v, size_t i)
{
    return v && i < v->interview.n ? v->interview.a[i].value.p : NULL;
}

counter_err counter_visit_add_procedure(counter_visit *v, const char *procedure_id)
{
    if (!v || !valid_id(procedure_id))
        return COUNTER_E_ARG;
    const form_procedure *p = form_catalog_find(v->cat, procedure_id);
    if (!p)
        return COUNTER_E_UNKNOWN;
    for (size_t i = 0; i < v->np; i++)
        if (v->proc[i] == p)
            return COUNTER_OK;
    if (v->np == COUNTER_PROCEDURES_MAX)
        return COUNTER_E_FULL;
    v->proc[v->np++] = p;
    return COUNTER_OK;
}

void counter_visit_clear_procedures(counter_visit *v)
{
    if (!v)
        return;
    memset(v->proc, 0, sizeof v->proc);
    v->np = 0;
}

size_t counter_visit_procedure_count(const counter_visit *v) { return v ? v->np : 0; }

const form_procedure *counter_visit_procedure(const counter_visit *v, size_t i)
{
    return v && i < v->np ? v->proc[i] : NULL;
}

size_t counter_visit_form_count(const counter_visit *v)
{
    size_t n = 0;
    for (size_t i = 0; v && i < v->np; i++)
        n += form_procedure_template_count(v->proc[i]);
    return n;
}

unsigned counter_visit_card_needs(const counter_visit *v)
{
    unsigned needs = 0;
    for (size_t i = 0; v && i < v->np; i++)
        needs |= form_procedure_needs(v->proc[i]);
    return needs;
}

unsigned counter_visit_read_flags(const counter_visit *v)
{
    return (counter_visit_card_needs(v) & FORM_NEEDS_NUMBER) ? MYNA_READ_NUMBER : 0u;
}

/* ---- members -------------------------------------------------------------------------------- */

static const char *default_relation(counter_role role, const char *sex)
{
    bool male = sex && strcmp(sex, "1") == 0, female = sex && strcmp(sex, "2") == 0;
    switch (role) {
    case COUNTER_ROLE_HEAD: return "世帯主";
    case COUNTER_ROLE_SPOUSE: return male ? "夫" : female ? "妻" : "配偶者";
    case COUNTER_ROLE_CHILD: return "子";
    case COUNTER_ROLE_PARENT: return male ? "父" : female ? "母" : "親";
    case COUNTER_ROLE_OTHER: break;
    }
    return NULL;
}

static bool same_person(const member *m, const char *name, const char *birth)
{
    const lstr *n = &m->f[COUNTER_F_NAME], *b = &m->f[COUNTER_F_BIRTH];
    if (!n->p || !b->p || !name || !birth)
        return false;
    size_t ln = strlen(name), lb = strlen(birth);
    return n->cap == ln + 1 && b->cap == lb + 1 && myna_secure_cmp(n->p, name, ln) == 0 &&
           myna_secure_cmp(b->p, birth, lb) == 0;
}

/* Fill slot nm from the fields given (all checked first); on error nothing is added. */
static counter_err add_member(counter_visit *v, const char *const vals[COUNTER_F_COUNT],
                              const bool typed[COUNTER_F_COUNT], counter_source src,
                              counter_role role, size_t *index)
{
    if (!vals[COUNTER_F_NAME] || !*vals[COUNTER_F_NAME] || !vals[COUNTER_F_BIRTH])
        return COUNTER_E_ARG;
    if ((unsigned)role > COUNTER_ROLE_OTHER)
        return COUNTER_E_ARG;
    for (int f = 0; f < COUNTER_F_COUNT; f++)
        if (check_field((counter_field)f, vals[f]) != COUNTER_OK)
            return COUNTER_E_ARG;
    if (!valid_birth(vals[COUNTER_F_BIRTH]))
        return COUNTER_E_ARG;
    for (size_t i = 0; i < v->nm; i++)
        if (same_person(&v->m[i], vals[COUNTER_F_NAME], vals[COUNTER_F_BIRTH]))
            return COUNTER_E_DUPLICATE;
    if (v->nm == COUNTER_MEMBERS_MAX)
        return COUNTER_E_FULL;
    member *m = &v->m[v->nm];
    for (int f = 0; f < COUNTER_F_COUNT; f++) {
        counter_err err = lstr_set(&m->f[f], vals[f], typed[f]);
        if (err != COUNTER_OK) {
            member_clear(m);
            return err;
        }
    }
    m->source = src;
    m->role = role;
    if (index)
        *index = v->nm;
    v->nm++;
    return COUNTER_OK;
}

counter_err counter_visit_add_card(counter_visit *v, unsigned gen, const myna_attrs *attrs,
                                   counter_source source, counter_role role, size_t *index)
{
    if (!v || !attrs || source == COUNTER_SRC_TYPED)
        return COUNTER_E_ARG;
    if (gen != v->gen)
        return COUNTER_E_STALE;
    const char *sex = myna_attrs_sex(attrs);
    const char *vals[COUNTER_F_COUNT] = {
        [COUNTER_F_NAME] = myna_attrs_name(attrs),
        [COUNTER_F_BIRTH] = myna_attrs_birth(attrs),
        [COUNTER_F_SEX] = sex,
        [COUNTER_F_RELATION] = default_relation(role, sex),
        [COUNTER_F_NUMBER] = myna_attrs_number(attrs),
        [COUNTER_F_ADDRESS] = myna_attrs_address(attrs),
    };
    const bool typed[COUNTER_F_COUNT] = {0};
    return add_member(v, vals, typed, source, role, index);
}

counter_err counter_visit_add_typed(counter_visit *v, const counter_member_input *in,
                                    size_t *index)
{
    if (!v || !in)
        return COUNTER_E_ARG;
    const char *vals[COUNTER_F_COUNT] = {
        [COUNTER_F_NAME] = in->name,
        [COUNTER_F_KANA] = in->kana,
        [COUNTER_F_BIRTH] = in->birth,
        [COUNTER_F_SEX] = in->sex,
        [COUNTER_F_RELATION] = in->relation ? in->relation : default_relation(in->role, in->sex),
        [COUNTER_F_NUMBER] = in->number,
        [COUNTER_F_ADDRESS] = NULL, /* the applicant's, at render time */
    };
    bool typed[COUNTER_F_COUNT];
    for (int f = 0; f < COUNTER_F_COUNT; f++)
        typed[f] = vals[f] != NULL;
    typed[COUNTER_F_RELATION] = in->relation != NULL;
    return add_member(v, vals, typed, COUNTER_SRC_TYPED, in->role, index);
}

counter_err counter_visit_set_member_field(counter_visit *v, size_t i, counter_field f,
                                           const char *value)
{
    if (!v)
        return COUNTER_E_ARG;
    if (i >= v->nm)
        return COUNTER_E_NO_MEMBER;
    if ((unsigned)f >= COUNTER_F_COUNT)
        return COUNTER_E_ARG;
    member *m = &v->m[i];
    bool from_card = m->source != COUNTER_SRC_TYPED;
    if (from_card && (f == COUNTER_F_NAME || f == COUNTER_F_BIRTH || f == COUNTER_F_SEX ||
                      f == COUNTER_F_ADDRESS || f == COUNTER_F_NUMBER))
        return COUNTER_E_ARG;
    if ((f == COUNTER_F_NAME || f == COUNTER_F_BIRTH) && (!value || !*value))
        return COUNTER_E_ARG;
    if (check_field(f, value) != COUNTER_OK)
        return COUNTER_E_ARG;
    return lstr_set(&m->f[f], value, true);
}

counter_err counter_visit_remove_member(counter_visit *v, size_t i)
{
    if (!v)
        return COUNTER_E_ARG;
    if (i >= v->nm)
        return COUNTER_E_NO_MEMBER;
    member_clear(&v->m[i]);
    memmove(&v->m[i], &v->m[i + 1], (v->nm - i - 1) * sizeof v->m[0]);
    v->nm--;
    memset(&v->m[v->nm], 0, sizeof v->m[0]);
    /* the later members move up: so do their bits */
    for (size_t k = 0; k < v->nleft_off; k++) {
        unsigned off = v->left_off[k].off, low = off & ((1u << i) - 1u);
        v->left_off[k].off = low | ((off >> (i + 1)) << i);
    }
    return COUNTER_OK;
}

static bool has_procedure(const counter_visit *v, const form_procedure *p)
{
    for (size_t i = 0; i < v->np; i++)
        if (v->proc[i] == p)
            return true;
    return false;
}

static unsigned left_off_of(const counter_visit *v, const form_procedure *p)
{
    for (size_t k = 0; p && k < v->nleft_off; k++)
        if (v->left_off[k].p == p)
            return v->left_off[k].off;
    return 0;
}

counter_err counter_visit_set_procedure_member(counter_visit *v, const form_procedure *p,
                                               size_t i, bool on)
{
    if (!v || !p)
        return COUNTER_E_ARG;
    if (!has_procedure(v, p))
        return COUNTER_E_UNKNOWN;
    if (i >= v->nm)
        return COUNTER_E_NO_MEMBER;
    size_t k = 0;
    while (k < v->nleft_off && v->left_off[k].p != p)
        k++;
    if (k == v->nleft_off) {
        if (on)
            return COUNTER_OK;
        if (k == COUNTER_PROCEDURES_MAX) { /* make room: drop a procedure no longer here */
            for (k = 0; k < v->nleft_off && has_procedure(v, v->left_off[k].p); k++)
                ;
            if (k == v->nleft_off)
                return COUNTER_E_FULL;
        } else {
            v->nleft_off++;
        }
        v->left_off[k].p = p;
        v->left_off[k].off = 0;
    }
    if (on)
        v->left_off[k].off &= ~(1u << i);
    else
        v->left_off[k].off |= 1u << i;
    return COUNTER_OK;
}

bool counter_visit_procedure_member(const counter_visit *v, const form_procedure *p, size_t i)
{
    return v && p && i < v->nm && !(left_off_of(v, p) & (1u << i));
}

bool counter_visit_procedure_all_members(const counter_visit *v, const form_procedure *p)
{
    return v && (left_off_of(v, p) & ((1u << v->nm) - 1u)) == 0;
}

size_t counter_visit_member_count(const counter_visit *v) { return v ? v->nm : 0; }

const char *counter_visit_member_field(const counter_visit *v, size_t i, counter_field f)
{
    if (!v || i >= v->nm || (unsigned)f >= COUNTER_F_COUNT)
        return NULL;
    return v->m[i].f[f].p;
}

counter_source counter_visit_member_source(const counter_visit *v, size_t i)
{
    return v && i < v->nm ? v->m[i].source : COUNTER_SRC_TYPED;
}

counter_role counter_visit_member_role(const counter_visit *v, size_t i)
{
    return v && i < v->nm ? v->m[i].role : COUNTER_ROLE_OTHER;
}

static bool today_of(const counter_visit *v, char out[9])
{
    if (v->today[0]) {
        memcpy(out, v->today, 9);
        return true;
    }
    time_t now = time(NULL);
    struct tm tm;
    if (!localtime_r(&now, &tm))
        return false;
    return strftime(out, 9, "%Y%m%d", &tm) == 8;
}

static int digits_n(const char *s, int n)
{
    int x = 0;
    for (int i = 0; i < n; i++)
        x = x * 10 + (s[i] - '0');
    return x;
}

static int age_on(const char *birth, const char *today)
{
    if (!valid_birth(birth) || !valid_birth(today))
        return -1;
    int by = digits_n(birth, 4), ty = digits_n(today, 4);
    int bmd = digits_n(birth + 4, 4), tmd = digits_n(today + 4, 4);
    int age = ty - by - (tmd < bmd ? 1 : 0);
    return age < 0 ? -1 : age;
}

int counter_visit_member_age(const counter_visit *v, size_t i, const char *today)
{
    if (!v || i >= v->nm)
        return -1;
    char t[9];
    if (today) {
        if (strlen(today) != 8)
            return -1;
        memcpy(t, today, 9);
    } else if (!today_of(v, t)) {
        return -1;
    }
    return age_on(v->m[i].f[COUNTER_F_BIRTH].p, t);
}

counter_err counter_visit_set_today(counter_visit *v, const char *yyyymmdd)
{
    if (!v || (yyyymmdd && !valid_birth(yyyymmdd)))
        return COUNTER_E_ARG;
    memset(v->today, 0, sizeof v->today);
    if (yyyymmdd)
        memcpy(v->today, yyyymmdd, 8);
    return COUNTER_OK;
}

/* ---- form answers ---------------------------------------------------------------------------- */

counter_err counter_visit_set_answer(counter_visit *v, const char *question_id,
                                     const char *value)
{
    if (!v)
        return COUNTER_E_ARG;
    return answers_set(&v->form, question_id, value, true);
}

const char *counter_visit_answer(const counter_visit *v, const char *question_id)
{
    if (!v || !question_id)
        return NULL;
    answer *a = answers_find(&v->form, question_id);
    return a ? a->value.p : NULL;
}

/* A question the visit answers itself: its value comes from a card attribute. */
static bool answered_by_visit(const form_question *q)
{
    const char *about = form_question_about(q);
    return about && strncmp(about, "card.", 5) == 0;
}

size_t counter_visit_missing_answers(const counter_visit *v, const char **ids, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; v && i < v->np; i++) {
        for (size_t k = 0; k < form_procedure_question_count(v->proc[i]); k++) {
            const form_question *q = form_procedure_question(v->proc[i], k);
            const char *id = form_question_id(q);
            if (!form_question_required(q) || form_question_default(q) || answered_by_visit(q) ||
                answers_find(&v->form, id))
                continue;
            bool seen = false;
            for (size_t j = 0; j < n && j < cap; j++)
                if (ids && strcmp(ids[j], id) == 0)
                    seen = true;
            if (seen)
                continue;
            if (ids && n < cap)
                ids[n] = id;
            n++;
        }
    }
    return n;
}

/* ---- values --------------------------------------------------------------------------------- */

static const char *const member_field_name[COUNTER_F_COUNT] = {
    [COUNTER_F_NAME] = "name",         [COUNTER_F_KANA] = "kana",
    [COUNTER_F_BIRTH] = "birth",       [COUNTER_F_SEX] = "sex",
    [COUNTER_F_RELATION] = "relation", [COUNTER_F_NUMBER] = "number",
    [COUNTER_F_ADDRESS] = NULL, /* one address per household: card.address */
};

static form_err set_person(form_values *fv, const char *group, unsigned n, const member *m)
{
    for (int f = 0; f < COUNTER_F_COUNT; f++) {
        if (!member_field_name[f] || !m->f[f].p)
            continue;
        form_err err = form_values_set_member(fv, group, n, member_field_name[f], m->f[f].p);
        if (err != FORM_OK)
            return err;
    }
    return FORM_OK;
}

/* The applicant's kana answers every kana question about card.name. */
static form_err set_kana_answers(const counter_visit *v, form_values *fv, const member *app)
{
    const char *kana = app->f[COUNTER_F_KANA].p;
    if (!kana)
        return FORM_OK;
    for (size_t i = 0; i < v->np; i++) {
        for (size_t k = 0; k < form_procedure_question_count(v->proc[i]); k++) {
            const form_question *q = form_procedure_question(v->proc[i], k);
            const char *about = form_question_about(q);
            if (form_question_type_of(q) != FORM_Q_KANA || !about ||
                strcmp(about, "card.name") != 0 || answers_find(&v->form, form_question_id(q)))
                continue;
            form_err err = form_values_set_answer(fv, form_question_id(q), kana);
            if (err != FORM_OK)
                return err;
        }
    }
    return FORM_OK;
}

counter_err counter_visit_values(const counter_visit *v, form_values **out)
{
    return counter_visit_values_for(v, NULL, out);
}

counter_err counter_visit_values_for(const counter_visit *v, const form_procedure *p,
                                     form_values **out)
{
    if (!out)
        return COUNTER_E_ARG;
    *out = NULL;
    if (!v)
        return COUNTER_E_ARG;
    form_values *fv = NULL;
    if (form_values_new(&fv) != FORM_OK)
        return COUNTER_E_NOMEM;
    form_err err = FORM_OK;
    const member *app = NULL;
    for (size_t i = 0; i < v->nm && !app; i++)
        if (v->m[i].source != COUNTER_SRC_TYPED)
            app = &v->m[i];
    if (!app && v->nm > 0)
        app = &v->m[0];
    if (app)
        err = form_values_set_card(fv, app->f[COUNTER_F_NAME].p, app->f[COUNTER_F_ADDRESS].p,
                                   app->f[COUNTER_F_BIRTH].p, app->f[COUNTER_F_SEX].p,
                                   app->f[COUNTER_F_NUMBER].p);
    /* the rows: the members on p's forms, numbered in the household's order */
    unsigned row = 0, child = 0, off = left_off_of(v, p);
    for (size_t i = 0; err == FORM_OK && i < v->nm; i++) {
        if (off & (1u << i))
            continue;
        err = set_person(fv, "member", ++row, &v->m[i]);
        if (err == FORM_OK && v->m[i].role == COUNTER_ROLE_CHILD)
            err = set_person(fv, "child", ++child, &v->m[i]);
    }
    for (size_t i = 0; err == FORM_OK && i < v->form.n; i++)
        err = form_values_set_answer(fv, v->form.a[i].id, v->form.a[i].value.p);
    if (err == FORM_OK && app)
        err = set_kana_answers(v, fv, app);
    if (err == FORM_OK && v->today[0])
        err = form_values_set_today(fv, v->today);
    if (err != FORM_OK) {
        form_values_free(fv);
        return err == FORM_E_NOMEM ? COUNTER_E_NOMEM : COUNTER_E_ARG;
    }
    *out = fv;
    return COUNTER_OK;
}

void counter_visit_get_stats(const counter_visit *v, counter_visit_stats *out)
{
    if (!out)
        return;
    memset(out, 0, sizeof *out);
    if (!v)
        return;
    out->members = (unsigned)v->nm;
    for (size_t i = 0; i < v->nm; i++) {
        const member *m = &v->m[i];
        if (m->source == COUNTER_SRC_PIN)
            out->by_pin++;
        else if (m->source == COUNTER_SRC_CHECKCODE_B)
            out->by_code_b++;
        else
            out->typed++;
        for (int f = 0; f < COUNTER_F_COUNT; f++) {
            if (!m->f[f].p)
                continue;
            out->values++;
            if (m->f[f].typed)
                out->typed_values++;
        }
    }
    for (size_t i = 0; i < v->form.n; i++) {
        out->values++;
        if (v->form.a[i].value.typed)
            out->typed_values++;
    }
}

/* ---- life events ------------------------------------------------------------------------ */

/* The visit's values plus the interview answers: what the event's rules read. */
static counter_err nav_values(const counter_visit *v, const form_event *e, form_values **out)
{
    counter_err err = counter_visit_values(v, out);
    for (size_t i = 0; err == COUNTER_OK && i < v->interview.n; i++) {
        const answer *a = &v->interview.a[i];
        const form_question *q = NULL;
        for (size_t k = 0; k < form_event_question_count(e) && !q; k++)
            if (strcmp(form_question_id(form_event_question(e, k)), a->id) == 0)
                q = form_event_question(e, k);
        if (!q || form_question_validate(q, a->value.p, "ja", NULL) != FORM_OK)
            err = COUNTER_E_ARG;
        else if (form_values_set_answer(*out, a->id, a->value.p) != FORM_OK)
            err = COUNTER_E_NOMEM;
    }
    if (err != COUNTER_OK) {
        form_values_free(*out);
        *out = NULL;
    }
    return err;
}

bool counter_visit_event_asks(const counter_visit *v, size_t i)
{
    const form_event *e = v && v->event[0] ? form_catalog_find_event(v->cat, v->event) : NULL;
    if (!e)
        return false;
    form_values *fv = NULL;
    if (counter_visit_values(v, &fv) != COUNTER_OK)
        return true;
    for (size_t k = 0; k < v->interview.n; k++)
        form_values_set_answer(fv, v->interview.a[k].id, v->interview.a[k].value.p);
    bool asks = form_event_asks(e, i, fv);
    form_values_free(fv);
    return asks;
}

counter_err counter_visit_navigate(counter_visit *v, bool keep_extra)
{
    if (!v)
        return COUNTER_E_ARG;
    if (!v->event[0])
        return COUNTER_E_NO_PROCEDURE;
    const form_event *e = form_catalog_find_event(v->cat, v->event);
    if (!e)
        return COUNTER_E_UNKNOWN;
    form_values *fv = NULL;
    counter_err err = nav_values(v, e, &fv);
    if (err != COUNTER_OK)
        return err;
    form_nav *nav = NULL;
    form_err ferr = form_event_navigate(e, fv, &nav);
    form_values_free(fv);
    if (ferr != FORM_OK)
        return ferr == FORM_E_NOMEM ? COUNTER_E_NOMEM : COUNTER_E_ARG;
    const form_procedure *extra[COUNTER_PROCEDURES_MAX];
    size_t nextra = 0;
    for (size_t i = 0; keep_extra && i < v->np; i++) {
        bool navigated = false;
        for (size_t k = 0; k < form_nav_count(nav) && !navigated; k++)
            navigated = form_nav_procedure(nav, k) == v->proc[i];
        bool from_before = false; /* added by an earlier navigation, not by hand */
        for (size_t k = 0; v->nav && k < form_nav_count(v->nav) && !from_before; k++)
            from_before = form_nav_procedure(v->nav, k) == v->proc[i];
        if (!navigated && !from_before)
            extra[nextra++] = v->proc[i];
    }
    /* what staff unticked after an earlier navigation stays off: a procedure that earlier
     * navigation gave and the visit no longer has was declined (only a procedure the new
     * answers or household bring for the first time is added) */
    const form_procedure *declined[COUNTER_PROCEDURES_MAX];
    size_t ndeclined = 0;
    for (size_t k = 0; keep_extra && v->nav && k < form_nav_count(v->nav); k++) {
        const form_procedure *p = form_nav_procedure(v->nav, k);
        bool kept = false;
        for (size_t i = 0; i < v->np && !kept; i++)
            kept = v->proc[i] == p;
        if (!kept && ndeclined < COUNTER_PROCEDURES_MAX)
            declined[ndeclined++] = p;
    }
    v->np = 0;
    for (size_t k = 0; k < form_nav_count(nav) && v->np < COUNTER_PROCEDURES_MAX; k++) {
        const form_procedure *p = form_nav_procedure(nav, k);
        bool was_declined = false;
        for (size_t i = 0; i < ndeclined && !was_declined; i++)
            was_declined = declined[i] == p;
        if (!was_declined)
            v->proc[v->np++] = p;
    }
    for (size_t i = 0; i < nextra && v->np < COUNTER_PROCEDURES_MAX; i++)
        v->proc[v->np++] = extra[i];
    form_nav_free(v->nav);
    v->nav = nav;
    return COUNTER_OK;
}

const form_nav *counter_visit_nav(const counter_visit *v) { return v ? v->nav : NULL; }
