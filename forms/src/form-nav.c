/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-nav.c — navigation (手続きナビ): an event and the visit's answers and card facts →
 * the procedures to do, in route order, and the notes for the guide sheet. The one engine
 * behind `kakanai-form navigate` and the counter app.
 *
 *  1. every rule whose `when` holds adds its procedures and its note (each once);
 *  2. procedure.X = Y adds Y wherever X is in, transitively;
 *  3. the order: a procedure comes after those it needs; otherwise by guide.order (the
 *     route through the building), then the catalogue's order, then id. A dependency cycle
 *     (reported by `check`) cannot stall it: the smallest waiting procedure goes next.
 */
#include "form-event-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAV_MAX FORM_MAX_PROCEDURES

typedef struct nav_item {
    const form_procedure *p;
    size_t rule; /* 1-based rule that added it; 0: needed by another procedure */
} nav_item;

struct form_nav {
    nav_item items[NAV_MAX];
    size_t n;
    const form_text *notes[FORM_MAX_RULES];
    size_t nnotes;
};

static bool has(const nav_item *v, size_t n, const form_procedure *p)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].p == p)
            return true;
    return false;
}

static int before(const form_procedure *a, const form_procedure *b)
{
    if (a->guide.order != b->guide.order)
        return a->guide.order < b->guide.order ? -1 : 1;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Does procedure x need y (a direct procedure.x = … y line)? */
static bool needs(const form_event *e, const form_procedure *x, const form_procedure *y)
{
    for (size_t k = 0; k < e->ndeps; k++)
        if (strcmp(e->deps[k].from, x->id) == 0)
            for (size_t j = 0; j < e->deps[k].nto; j++)
                if (strcmp(e->deps[k].to[j], y->id) == 0)
                    return true;
    return false;
}

static void order_items(const form_event *e, form_nav *nav)
{
    nav_item in[NAV_MAX];
    size_t n = nav->n;
    memcpy(in, nav->items, n * sizeof *in);
    bool done[NAV_MAX] = {false};
    for (size_t out = 0; out < n; out++) {
        size_t best = SIZE_MAX, any = SIZE_MAX;
        for (size_t i = 0; i < n; i++) {
            if (done[i])
                continue;
            if (any == SIZE_MAX || before(in[i].p, in[any].p) < 0)
                any = i;
            bool ready = true;
            for (size_t j = 0; j < n && ready; j++)
                if (!done[j] && j != i && needs(e, in[i].p, in[j].p))
                    ready = false;
            if (ready && (best == SIZE_MAX || before(in[i].p, in[best].p) < 0))
                best = i;
        }
        if (best == SIZE_MAX)
            best = any; /* a cycle: never stall */
        done[best] = true;
        nav->items[out] = in[best];
    }
}

FORM_EXPORT form_err form_event_navigate(const form_event *e, const form_values *v,
                                         form_nav **out)
{
    if (out == NULL)
        return FORM_E_ARG;
    *out = NULL;
    if (e == NULL || v == NULL)
        return FORM_E_ARG;
    form_nav *nav = calloc(1, sizeof *nav);
    if (nav == NULL)
        return FORM_E_NOMEM;
    form_facts f;
    form_facts_init(&f, e, v);
    for (size_t r = 0; r < e->nrules; r++) {
        const form_rule *rule = &e->rules[r];
        if (!form_cond_eval(&rule->when, &f))
            continue;
        for (size_t k = 0; k < rule->nprocs; k++)
            if (rule->proc[k] != NULL && !has(nav->items, nav->n, rule->proc[k]) &&
                nav->n < NAV_MAX)
                nav->items[nav->n++] = (nav_item){rule->proc[k], r + 1};
        if (rule->note != NULL)
            nav->notes[nav->nnotes++] = rule->note;
    }
    form_facts_wipe(&f);
    /* dependencies, to a fixed point: each pass adds one at least, or ends */
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < nav->n; i++)
            for (size_t k = 0; k < e->ndeps; k++) {
                const form_dep *dp = &e->deps[k];
                if (dp->from_proc != nav->items[i].p)
                    continue;
                for (size_t j = 0; j < dp->nto; j++)
                    if (dp->to_proc[j] != NULL && !has(nav->items, nav->n, dp->to_proc[j]) &&
                        nav->n < NAV_MAX) {
                        nav->items[nav->n++] = (nav_item){dp->to_proc[j], 0};
                        grew = true;
                    }
            }
    }
    order_items(e, nav);
    *out = nav;
    return FORM_OK;
}

FORM_EXPORT void form_nav_free(form_nav *n)
{
    free(n);
}

FORM_EXPORT size_t form_nav_count(const form_nav *n)
{
    return n ? n->n : 0;
}

FORM_EXPORT const form_procedure *form_nav_procedure(const form_nav *n, size_t i)
{
    return n && i < n->n ? n->items[i].p : NULL;
}

FORM_EXPORT size_t form_nav_rule(const form_nav *n, size_t i)
{
    return n && i < n->n ? n->items[i].rule : 0;
}

FORM_EXPORT size_t form_nav_note_count(const form_nav *n)
{
    return n ? n->nnotes : 0;
}

FORM_EXPORT const form_text *form_nav_note(const form_nav *n, size_t i)
{
    return n && i < n->nnotes ? n->notes[i] : NULL;
}

FORM_EXPORT size_t form_nav_row_count(const form_nav *n)
{
    return n ? n->n + n->nnotes : 0;
}

static form_err set_row(form_values *v, unsigned row, const char *num, const char *title,
                        const char *counter, const char *bring, const char *fee, const char *note)
{
    const char *vals[FORM_GUIDE_FIELDS] = {title, counter, bring, fee, note, num};
    for (size_t f = 0; f < FORM_GUIDE_FIELDS; f++) {
        form_err e = form_values_set_guide(v, row, form_guide_fields[f], vals[f]);
        if (e != FORM_OK)
            return e;
    }
    return FORM_OK;
}

FORM_EXPORT form_err form_nav_set_guide(const form_nav *n, form_values *v, const char *lang,
                                        size_t first, size_t rows)
{
    if (n == NULL || v == NULL || rows > FORM_MAX_GUIDE)
        return FORM_E_ARG;
    bool en = lang != NULL && strcmp(lang, "en") == 0;
    for (size_t r = 0; r < rows; r++) {
        size_t k = first + r;
        char num[24];
        snprintf(num, sizeof num, "%zu", k + 1);
        form_err e;
        if (k < n->n) {
            const form_procedure *p = n->items[k].p;
            e = set_row(v, (unsigned)r + 1, num, form_text_get(p->title, lang),
                        form_text_get(p->guide.counter, lang), form_text_get(p->guide.bring, lang),
                        form_text_get(p->guide.fee, lang), form_text_get(p->guide.note, lang));
        } else if (k < n->n + n->nnotes) {
            e = set_row(v, (unsigned)r + 1, num, en ? "Note" : "ご注意", NULL, NULL, NULL,
                        form_text_get(n->notes[k - n->n], lang));
        } else {
            e = set_row(v, (unsigned)r + 1, NULL, NULL, NULL, NULL, NULL, NULL);
        }
        if (e != FORM_OK)
            return e;
    }
    return FORM_OK;
}
