/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * bench-events.c — life events: the time to navigate each shipped event with the
 * reference household (two adults, one child; 国保 and 児童手当 apply) and with every question
 * answered yes, the time to load the template folder with its events, and the time of
 * `check`'s exhaustive search; each against the budget of one second from the last
 * card tap to every print job accepted (the share navigation takes of it).
 *
 *   bench-events TEMPLATES-DIR [ROUNDS]
 */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form-event-private.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* the household: two adults and one child of school age, 国保, 児童手当 */
static void household(form_values *v, const form_event *e, bool all_yes)
{
    form_values_set_today(v, "20260401");
    form_values_set_card(v, NULL, NULL, "19850410", NULL, NULL);
    form_values_set_member(v, "member", 1, "birth", "19850410");
    form_values_set_member(v, "member", 2, "birth", "19870802");
    form_values_set_member(v, "member", 3, "birth", "20170615");
    for (size_t i = 0; i < form_event_question_count(e); i++) {
        const form_question *q = form_event_question(e, i);
        const char *id = form_question_id(q);
        const char *a = NULL;
        if (all_yes)
            a = form_question_type_of(q) == FORM_Q_YESNO    ? "yes"
                : form_question_type_of(q) == FORM_Q_NUMBER ? "2"
                                                            : form_question_choice_value(q, 0);
        else if (strcmp(id, "kokuho") == 0 || strcmp(id, "school") == 0)
            a = "yes";
        else if (strcmp(id, "children") == 0)
            a = "1";
        form_values_set_answer(v, id, a);
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench-events TEMPLATES-DIR [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? (int)strtol(argv[2], NULL, 10) : 2000;
    if (rounds < 10)
        rounds = 10;
    double *t = calloc((size_t)rounds, sizeof *t);
    form_catalog *c = NULL;
    double t0 = now_us();
    if (t == NULL || form_catalog_load(argv[1], NULL, &c, NULL) != FORM_OK) {
        fprintf(stderr, "bench-events: cannot load %s\n", argv[1]);
        return 1;
    }
    double load_us = now_us() - t0;
    printf("bench-forms-events: %zu events, %zu procedures, loaded in %.2f ms\n",
           form_catalog_event_count(c), form_catalog_procedure_count(c), load_us / 1e3);
    printf("%-10s %-9s %6s %6s %12s %14s\n", "event", "answers", "procs", "rows", "navigate µs",
           "share of 1 s");
    for (size_t i = 0; i < form_catalog_event_count(c); i++) {
        const form_event *e = form_catalog_event(c, i);
        for (int all = 0; all < 2; all++) {
            form_values *v = NULL;
            form_values_new(&v);
            household(v, e, all);
            size_t procs = 0, rows = 0;
            for (int r = 0; r < rounds; r++) {
                form_nav *nav = NULL;
                double s = now_us();
                form_event_navigate(e, v, &nav);
                form_nav_set_guide(nav, v, "ja", 0, 14);
                t[r] = now_us() - s;
                procs = form_nav_count(nav);
                rows = form_nav_row_count(nav);
                form_nav_free(nav);
            }
            double m = median(t, (size_t)rounds);
            printf("%-10s %-9s %6zu %6zu %12.1f %13.5f%%\n", form_event_id(e),
                   all ? "all yes" : "household", procs, rows, m, m / 1e6 * 100);
            form_values_free(v);
        }
    }
    /* check: the exhaustive search for unreachable rules and never-asked questions */
    for (int r = 0; r < 20; r++) {
        form_diags *d = form_diags_new();
        double s = now_us();
        form_events_check_dir(c, argv[1], d);
        t[r] = now_us() - s;
        form_diags_free(d);
    }
    printf("check of every event (parse, bind, search): %.2f ms (median of 20)\n",
           median(t, 20) / 1e3);
    form_catalog_free(c);
    free(t);
    return 0;
}
