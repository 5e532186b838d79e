/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-event-check.c — what `kakanai-form check` finds in a life event beyond its syntax:
 *
 *  - a rule that can never apply, and a question that is never asked: every answer of the
 *    questions the condition uses (and of those their ask_if uses) is tried, each fact
 *    (age, school_age, reached_age, members, count) as a free value around the numbers the
 *    condition compares it with; when no combination makes it true, it is reported. Facts
 *    are taken as independent, so only conditions that are certainly impossible are reported;
 *  - a question that no rule or ask_if uses (the resident would answer for nothing);
 *  - a question asked twice: a form of a procedure the event leads to asks a question of the
 *    same id differently (one answer serves both only when they are the same question);
 *  - a cycle in the procedure.X = Y dependencies.
 */
#include "form-event-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FVARS 48
#define MAX_DOM 40
#define MAX_COMBINATIONS 400000L

typedef struct qdom {
    long v[MAX_DOM];
    size_t n, cur;
    long unanswered;
    bool used;
} qdom;

typedef struct fvar {
    const form_expr *x;
    int node;
    long v[MAX_DOM];
    size_t n, cur;
} fvar;

typedef struct astate {
    const form_event *e;
    qdom q[FORM_MAX_EVENT_QUESTIONS];
    fvar f[MAX_FVARS];
    size_t nf;
    bool asked[FORM_MAX_EVENT_QUESTIONS];
    bool overflow;
} astate;

static void dom_add(long *v, size_t *n, long x)
{
    for (size_t i = 0; i < *n; i++)
        if (v[i] == x)
            return;
    if (*n < MAX_DOM)
        v[(*n)++] = x;
}

static void collect(astate *s, const form_expr *x, int i)
{
    if (i < 0 || s->overflow)
        return;
    const form_xnode *nd = &x->n[i];
    form_xkind k = nd->kind;
    if (k == FORM_X_ANSWER) {
        s->q[nd->q].used = true;
        return;
    }
    if (k == FORM_X_AGE || k == FORM_X_SCHOOL || k == FORM_X_REACHED || k == FORM_X_MEMBERS ||
        k == FORM_X_COUNT) {
        /* the applicant's facts are one value wherever they stand; each count is its own */
        fvar *f = NULL;
        for (size_t j = 0; j < s->nf && f == NULL; j++) {
            const form_xnode *o = &s->f[j].x->n[s->f[j].node];
            if (k != FORM_X_COUNT && o->kind == k && (k != FORM_X_REACHED || o->num == nd->num))
                f = &s->f[j];
        }
        if (f == NULL) {
            if (s->nf >= MAX_FVARS) {
                s->overflow = true;
                return;
            }
            f = &s->f[s->nf++];
            memset(f, 0, sizeof *f);
            f->x = x;
            f->node = i;
        }
        if (k == FORM_X_SCHOOL || k == FORM_X_REACHED) {
            dom_add(f->v, &f->n, 0);
            dom_add(f->v, &f->n, 1);
        } else if (k == FORM_X_AGE) {
            dom_add(f->v, &f->n, -1); /* not known */
            dom_add(f->v, &f->n, 0);
            dom_add(f->v, &f->n, 150);
            for (size_t j = 0; j < x->count; j++)
                if (x->n[j].kind == FORM_X_NUM)
                    for (long dd = -1; dd <= 1; dd++)
                        if (x->n[j].num + dd >= 0)
                            dom_add(f->v, &f->n, x->n[j].num + dd);
        } else {
            for (long m = 0; m <= FORM_MAX_MEMBERS; m++)
                dom_add(f->v, &f->n, m);
        }
        return; /* a count's inside is its own business */
    }
    collect(s, x, nd->a);
    collect(s, x, nd->b);
}

static void question_domain(astate *s, size_t i)
{
    const form_question *q = &s->e->questions[i];
    qdom *d = &s->q[i];
    d->n = d->cur = 0;
    if (q->type == FORM_Q_YESNO) {
        dom_add(d->v, &d->n, 0);
        dom_add(d->v, &d->n, 1);
        d->unanswered = 0;
    } else if (q->type == FORM_Q_CHOICE) {
        dom_add(d->v, &d->n, -1);
        for (size_t k = 0; k < q->nchoices; k++)
            dom_add(d->v, &d->n, (long)k);
        d->unanswered = -1;
    } else {
        dom_add(d->v, &d->n, 0);
        for (long v = q->min; v <= q->max && d->n < MAX_DOM - 1; v++)
            dom_add(d->v, &d->n, v);
        dom_add(d->v, &d->n, q->max);
        d->unanswered = 0;
    }
}

typedef struct aval {
    bool known;
    long n;
    const char *w;
} aval;

static aval aeval(const astate *s, const form_expr *x, int i)
{
    aval r = {true, 0, ""};
    if (i < 0)
        return r;
    const form_xnode *nd = &x->n[i];
    switch (nd->kind) {
    case FORM_X_NUM:
    case FORM_X_BOOL:
        r.n = nd->num;
        return r;
    case FORM_X_WORD:
        r.w = nd->word;
        return r;
    case FORM_X_ANSWER: {
        const qdom *d = &s->q[nd->q];
        long v = d->v[d->cur];
        const form_question *q = &s->e->questions[nd->q];
        if (q->type == FORM_Q_CHOICE)
            r.w = v < 0 ? "" : q->choice_value[v];
        else
            r.n = v;
        return r;
    }
    case FORM_X_AGE:
    case FORM_X_SCHOOL:
    case FORM_X_REACHED:
    case FORM_X_MEMBERS:
    case FORM_X_COUNT:
        for (size_t k = 0; k < s->nf; k++)
            if ((s->f[k].x == x && s->f[k].node == i) ||
                (nd->kind != FORM_X_COUNT && s->f[k].x->n[s->f[k].node].kind == nd->kind &&
                 (nd->kind != FORM_X_REACHED || s->f[k].x->n[s->f[k].node].num == nd->num))) {
                r.n = s->f[k].v[s->f[k].cur];
                r.known = r.n >= 0;
                return r;
            }
        r.known = false;
        return r;
    case FORM_X_NOT:
        r.n = !aeval(s, x, nd->a).n;
        return r;
    case FORM_X_AND:
        r.n = aeval(s, x, nd->a).n && aeval(s, x, nd->b).n;
        return r;
    case FORM_X_OR:
        r.n = aeval(s, x, nd->a).n || aeval(s, x, nd->b).n;
        return r;
    case FORM_X_ADD:
    case FORM_X_SUB: {
        aval a = aeval(s, x, nd->a), b = aeval(s, x, nd->b);
        r.known = a.known && b.known;
        r.n = nd->kind == FORM_X_ADD ? a.n + b.n : a.n - b.n;
        return r;
    }
    default: {
        aval a = aeval(s, x, nd->a), b = aeval(s, x, nd->b);
        if (!a.known || !b.known)
            return (aval){true, 0, ""};
        const form_xnode *na = &x->n[nd->a];
        int cmp = na->type == FORM_T_WORD ? strcmp(a.w, b.w) : (a.n < b.n ? -1 : a.n > b.n);
        switch (nd->kind) {
        case FORM_X_EQ: r.n = cmp == 0; break;
        case FORM_X_NE: r.n = cmp != 0; break;
        case FORM_X_LT: r.n = cmp < 0; break;
        case FORM_X_LE: r.n = cmp <= 0; break;
        case FORM_X_GT: r.n = cmp > 0; break;
        default: r.n = cmp >= 0; break;
        }
        return r;
    }
    }
}

static bool next_combination(astate *s)
{
    for (size_t i = 0; i < s->e->nquestions; i++) {
        if (!s->q[i].used)
            continue;
        if (++s->q[i].cur < s->q[i].n)
            return true;
        s->q[i].cur = 0;
    }
    for (size_t i = 0; i < s->nf; i++) {
        if (++s->f[i].cur < s->f[i].n)
            return true;
        s->f[i].cur = 0;
    }
    return false;
}

/* Can x (a rule's when, or question limit's ask_if) ever hold? true also when the search
 * would be too large to tell. */
static bool satisfiable(const form_event *e, const form_expr *x)
{
    if (x->root < 0)
        return true;
    astate *s = calloc(1, sizeof *s);
    if (s == NULL)
        return true;
    s->e = e;
    collect(s, x, x->root);
    for (size_t i = e->nquestions; i-- > 0;)
        if (s->q[i].used)
            collect(s, &e->ask_if[i], e->ask_if[i].root);
    double combos = 1;
    for (size_t i = 0; i < e->nquestions; i++)
        if (s->q[i].used) {
            question_domain(s, i);
            combos *= (double)s->q[i].n;
        }
    for (size_t i = 0; i < s->nf; i++)
        combos *= (double)s->f[i].n;
    bool found = s->overflow || combos > (double)MAX_COMBINATIONS;
    while (!found) {
        bool consistent = true;
        for (size_t i = 0; i < e->nquestions && consistent; i++) {
            if (!s->q[i].used)
                continue;
            bool asked = e->ask_if[i].root < 0 || aeval(s, &e->ask_if[i], e->ask_if[i].root).n;
            if (!asked && s->q[i].v[s->q[i].cur] != s->q[i].unanswered)
                consistent = false;
        }
        if (consistent && aeval(s, x, x->root).n)
            found = true;
        else if (!next_combination(s))
            break;
    }
    free(s);
    return found;
}

static bool uses_question(const form_expr *x, size_t q)
{
    for (size_t i = 0; x->n && i < x->count; i++)
        if (x->n[i].kind == FORM_X_ANSWER && x->n[i].q == (int)q)
            return true;
    return false;
}

static bool same_definition(const form_question *a, const form_question *b)
{
    if (a->type != b->type || a->nchoices != b->nchoices)
        return false;
    if (a->type == FORM_Q_NUMBER && (a->min != b->min || a->max != b->max))
        return false;
    for (size_t i = 0; i < a->nchoices; i++)
        if (strcmp(a->choice_value[i], b->choice_value[i]) != 0)
            return false;
    return true;
}

static void check_asked_twice(const form_event *e, form_diags *diags)
{
    for (size_t r = 0; r < e->nrules; r++)
        for (size_t k = 0; k < e->rules[r].nprocs; k++) {
            const form_procedure *p = e->rules[r].proc[k];
            for (size_t j = 0; p && j < form_procedure_question_count(p); j++) {
                const form_question *fq = form_procedure_question(p, j);
                int qi = form_event_question_index(e, fq->id, strlen(fq->id));
                if (qi < 0 || same_definition(&e->questions[qi], fq))
                    continue;
                form_diags_addf(diags, FORM_E_TEMPLATE, e->file, e->questions[qi].line, 1,
                                fq->id,
                                "the question \"%s\" is also asked by a form of the procedure "
                                "\"%s\", differently: it would be asked twice (use the same "
                                "definition, or another id)",
                                "質問「%s」は手続き「%s」の様式でも別の形で聞かれます（二度聞くことになります）。同じ定義にするか、id を変えてください",
                                fq->id, p->id);
            }
        }
}

/* Depth-first search over the dependency graph of procedure ids. */
typedef struct dfs {
    const form_event *e;
    const char *stack[FORM_MAX_DEPS + 1];
    size_t depth;
    bool reported;
} dfs;

static void visit(dfs *s, const char *id, form_diags *diags)
{
    for (size_t i = 0; i < s->depth; i++)
        if (strcmp(s->stack[i], id) == 0) {
            if (s->reported)
                return;
            s->reported = true;
            char path[512] = "";
            size_t o = 0;
            for (size_t k = i; k < s->depth && o < sizeof path; k++)
                o += (size_t)snprintf(path + o, sizeof path - o, "%s → ", s->stack[k]);
            if (o < sizeof path)
                snprintf(path + o, sizeof path - o, "%s", id);
            const form_dep *line = NULL;
            for (size_t k = 0; k < s->e->ndeps; k++)
                if (strcmp(s->e->deps[k].from, s->stack[s->depth - 1]) == 0)
                    line = &s->e->deps[k];
            form_diags_addf(diags, FORM_E_TEMPLATE, s->e->file, line ? line->line : 0,
                            line ? line->col : 0, id,
                            "the procedure dependencies go round in a circle: %s",
                            "手続きの前後関係（procedure.X）が循環しています: %s", path);
            return;
        }
    if (s->depth > FORM_MAX_DEPS)
        return;
    s->stack[s->depth++] = id;
    for (size_t k = 0; k < s->e->ndeps; k++)
        if (strcmp(s->e->deps[k].from, id) == 0)
            for (size_t j = 0; j < s->e->deps[k].nto; j++)
                visit(s, s->e->deps[k].to[j], diags);
    s->depth--;
}

void form_event_check(const form_event *e, const form_catalog *c, form_diags *diags)
{
    (void)c;
    for (size_t i = 0; i < e->nquestions; i++) {
        if (!satisfiable(e, &e->ask_if[i]))
            form_diags_addf(diags, FORM_E_TEMPLATE, e->file, e->ask_if[i].line,
                            (int)e->ask_if[i].col0 + 1, e->questions[i].id,
                            "the question \"%s\" is never asked: its ask_if can never hold",
                            "質問「%s」は聞かれることがありません（ask_if が成り立ちません）",
                            e->questions[i].id);
        bool used = false;
        for (size_t r = 0; r < e->nrules && !used; r++)
            used = uses_question(&e->rules[r].when, i);
        for (size_t k = i + 1; k < e->nquestions && !used; k++)
            used = uses_question(&e->ask_if[k], i);
        if (!used)
            form_diags_addf(diags, FORM_E_TEMPLATE, e->file, e->questions[i].line, 1,
                            e->questions[i].id,
                            "the question \"%s\" is asked but no rule or ask_if uses its answer",
                            "質問「%s」の答えをどのルールも ask_if も使っていません",
                            e->questions[i].id);
    }
    for (size_t r = 0; r < e->nrules; r++)
        if (!satisfiable(e, &e->rules[r].when))
            form_diags_addf(diags, FORM_E_TEMPLATE, e->file, e->rules[r].when.line,
                            (int)e->rules[r].when.col0 + 1, NULL,
                            "this rule can never apply: no answers make its condition true%s",
                            "このルールは当てはまることがありません（条件を満たす答えがありません）%s",
                            "");
    check_asked_twice(e, diags);
    dfs s = {.e = e};
    for (size_t k = 0; k < e->ndeps && !s.reported; k++)
        visit(&s, e->deps[k].from, diags);
}
