/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kakanai-form-events.c — the life-event commands of kakanai-form:
 *
 *   kakanai-form events DIR              the events of a template folder and their interviews
 *   kakanai-form navigate DIR --event ID [--answers A.json] [--today YYYYMMDD]
 *                                        the procedures and guide items, as JSON
 *   kakanai-form annai DIR --event ID [--answers A.json] [--today YYYYMMDD] [--lang ja|en]
 *                      [--reception NUMBER] --out F.pdf
 *                                        the guide sheet (annai.form of DIR); a route longer
 *                                        than the sheet's rows continues in F-2.pdf, F-3.pdf …
 *
 * The answers file is a JSON object: the event's question ids with their answers ("yes",
 * "no", a choice value, a count as a number or a string), and optionally "card.birth"
 * (YYYYMMDD: the applicant) and the household as "member.N.FIELD" (N 1..6). Every answer
 * is checked as the app checks it; an unknown key is an error (a typo would silently drop a
 * procedure). navigate uses form_event_navigate, the engine of the counter app.
 */
#include "kakanai-form-events.h"

#include "form-event-private.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_diags_err(const form_diags *d)
{
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        fprintf(stderr, "%s:%d:%d: %s: %s\n", g->file ? g->file : "-", g->line, g->column,
                form_err_name(g->err), g->message);
    }
}

void kf_check_events(const char *dir, form_diags *d)
{
    form_catalog *c = NULL;
    form_diags *cd = NULL;
    if (form_catalog_load(dir, NULL, &c, &cd) == FORM_OK)
        form_events_check_dir(c, dir, d);
    form_diags_free(cd);
    form_catalog_free(c);
}

bool kf_check_event_file(const char *path, form_diags *d)
{
    size_t n = strlen(path);
    if (n < 7 || strcmp(path + n - 6, ".event") != 0)
        return false;
    /* the catalogue is the folder above events/ */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    for (int up = 0; up < 2; up++) {
        char *slash = strrchr(dir, '/');
        if (slash == NULL)
            snprintf(dir, sizeof dir, "%s", up == 0 ? "." : "..");
        else
            *slash = '\0';
    }
    if (dir[0] == '\0')
        snprintf(dir, sizeof dir, "/");
    form_catalog *c = NULL;
    form_diags *cd = NULL;
    if (form_catalog_load(dir, NULL, &c, &cd) == FORM_OK)
        form_events_check_file(c, path, d);
    form_diags_free(cd);
    form_catalog_free(c);
    return true;
}

static json_object *text_json(const form_text *t)
{
    if (t == NULL)
        return NULL;
    json_object *o = json_object_new_object();
    json_object_object_add(o, "ja", json_object_new_string(form_text_get(t, "ja")));
    json_object_object_add(o, "en", json_object_new_string(form_text_get(t, "en")));
    return o;
}

static const char *const qtypes[] = {"choice", "multi", "yesno", "count", "date", "kana", "text"};

int kf_cmd_events(const char *dir)
{
    form_catalog *c = NULL;
    form_diags *d = NULL;
    form_err e = form_catalog_load(dir, getenv("KAKANAI_TEMPLATE_KEY"), &c, &d);
    print_diags_err(d);
    form_diags_free(d);
    if (e != FORM_OK) {
        fprintf(stderr, "kakanai-form: %s\n", form_strerror(e));
        return 1;
    }
    for (size_t i = 0; i < form_catalog_event_count(c); i++) {
        const form_event *ev = form_catalog_event(c, i);
        printf("%s\t%s\t%s\n", form_event_id(ev), form_text_get(form_event_title(ev), "ja"),
               form_text_get(form_event_title(ev), "en"));
        for (size_t k = 0; k < form_event_question_count(ev); k++) {
            const form_question *q = form_event_question(ev, k);
            printf("  question %s\t%s\t%s%s\n", form_question_id(q),
                   qtypes[form_question_type_of(q)], form_text_get(form_question_label(q), "ja"),
                   ev->ask_if[k].root >= 0 ? "\t(ask_if)" : "");
        }
        for (size_t k = 0; k < ev->nrules; k++) {
            const form_rule *r = &ev->rules[k];
            printf("  rule %zu\t", k + 1);
            for (size_t j = 0; j < r->nprocs; j++)
                printf("%s%s", j ? " " : "", r->procs[j]);
            printf("%s\n", r->note ? (r->nprocs ? " +note" : "note") : "");
        }
    }
    form_catalog_free(c);
    return 0;
}

/* Put the answers file into v: 0, or 1 with a message. */
static int load_answers(const form_event *ev, const char *path, form_values *v)
{
    json_object *aj = json_object_from_file(path);
    if (aj == NULL || json_object_get_type(aj) != json_type_object) {
        fprintf(stderr, "kakanai-form: %s: not a JSON object\n", path);
        json_object_put(aj);
        return 1;
    }
    int rc = 0;
    json_object_object_foreach(aj, key, jv)
    {
        char buf[32];
        const char *val = json_object_get_string(jv);
        if (json_object_get_type(jv) == json_type_int) {
            snprintf(buf, sizeof buf, "%lld", (long long)json_object_get_int64(jv));
            val = buf;
        }
        unsigned g, n, f;
        if (strcmp(key, "card.birth") == 0) {
            if (form_values_set_card(v, NULL, NULL, val, NULL, NULL) != FORM_OK) {
                fprintf(stderr, "kakanai-form: answers: card.birth is not a real date YYYYMMDD\n");
                rc = 1;
            }
            continue;
        }
        if (form_member_name(key, &g, &n, &f)) {
            if (form_values_set_member(v, form_member_groups[g], n, form_member_fields[f], val) !=
                FORM_OK) {
                fprintf(stderr, "kakanai-form: answers: \"%s\" has a value that is not valid\n",
                        key);
                rc = 1;
            }
            continue;
        }
        int qi = form_event_question_index(ev, key, strlen(key));
        if (qi < 0) {
            fprintf(stderr,
                    "kakanai-form: answers: \"%s\" is not a question of the event \"%s\" (nor "
                    "card.birth or member.N.FIELD)\n",
                    key, form_event_id(ev));
            rc = 1;
            continue;
        }
        const char *why = NULL;
        if (form_question_validate(form_event_question(ev, (size_t)qi), val, "en", &why) !=
            FORM_OK) {
            fprintf(stderr, "kakanai-form: answers: %s: %s\n", key, why ? why : "not valid");
            rc = 1;
            continue;
        }
        if (form_values_set_answer(v, key, val) != FORM_OK)
            rc = 1;
    }
    json_object_put(aj);
    return rc;
}

static json_object *nav_json(const form_event *ev, const form_values *v, const form_nav *nav,
                             const char *today)
{
    json_object *root = json_object_new_object();
    json_object_object_add(root, "event", json_object_new_string(form_event_id(ev)));
    if (today)
        json_object_object_add(root, "today", json_object_new_string(today));
    json_object *qs = json_object_new_array();
    for (size_t k = 0; k < form_event_question_count(ev); k++) {
        const form_question *q = form_event_question(ev, k);
        json_object *qo = json_object_new_object();
        json_object_object_add(qo, "id", json_object_new_string(form_question_id(q)));
        bool asked = form_event_asks(ev, k, v);
        json_object_object_add(qo, "asked", json_object_new_boolean(asked));
        char key[FORM_MAX_ID + 8], buf[16];
        snprintf(key, sizeof key, "answer.%s", form_question_id(q));
        const char *a = asked ? form_values_get(v, key, buf, sizeof buf) : NULL;
        if (a != NULL)
            json_object_object_add(qo, "answer", json_object_new_string(a));
        json_object_array_add(qs, qo);
    }
    json_object_object_add(root, "questions", qs);
    json_object *ps = json_object_new_array();
    for (size_t i = 0; i < form_nav_count(nav); i++) {
        const form_procedure *p = form_nav_procedure(nav, i);
        const form_guide *g = form_procedure_guide(p);
        json_object *po = json_object_new_object();
        json_object_object_add(po, "id", json_object_new_string(form_procedure_id(p)));
        json_object_object_add(po, "title", text_json(form_procedure_title(p)));
        json_object *forms = json_object_new_array();
        for (size_t k = 0; k < form_procedure_template_count(p); k++)
            json_object_array_add(forms, json_object_new_string(
                                             form_template_id(form_procedure_template(p, k))));
        json_object_object_add(po, "forms", forms);
        json_object_object_add(po, "rule", json_object_new_int((int)form_nav_rule(nav, i)));
        json_object *go = json_object_new_object();
        json_object_object_add(go, "order", json_object_new_int64(g->order));
        if (g->counter)
            json_object_object_add(go, "counter", text_json(g->counter));
        if (g->bring)
            json_object_object_add(go, "bring", text_json(g->bring));
        if (g->fee)
            json_object_object_add(go, "fee", text_json(g->fee));
        if (g->note)
            json_object_object_add(go, "note", text_json(g->note));
        json_object_object_add(po, "guide", go);
        json_object_array_add(ps, po);
    }
    json_object_object_add(root, "procedures", ps);
    json_object *ns = json_object_new_array();
    for (size_t i = 0; i < form_nav_note_count(nav); i++)
        json_object_array_add(ns, text_json(form_nav_note(nav, i)));
    json_object_object_add(root, "notes", ns);
    return root;
}

typedef struct nav_args {
    const char *dir, *event, *answers, *today, *lang, *reception, *out;
} nav_args;

static int parse_args(int argc, char **argv, nav_args *a, bool sheet)
{
    memset(a, 0, sizeof *a);
    for (int i = 0; i < argc; i++) {
        const char **slot = NULL;
        if (strcmp(argv[i], "--event") == 0)
            slot = &a->event;
        else if (strcmp(argv[i], "--answers") == 0)
            slot = &a->answers;
        else if (strcmp(argv[i], "--today") == 0)
            slot = &a->today;
        else if (sheet && strcmp(argv[i], "--lang") == 0)
            slot = &a->lang;
        else if (sheet && strcmp(argv[i], "--reception") == 0)
            slot = &a->reception;
        else if (sheet && strcmp(argv[i], "--out") == 0)
            slot = &a->out;
        if (slot != NULL && i + 1 < argc) {
            *slot = argv[++i];
        } else if (argv[i][0] != '-' && a->dir == NULL) {
            a->dir = argv[i];
        } else {
            fprintf(stderr, "kakanai-form: unexpected argument \"%s\"\n", argv[i]);
            return 2;
        }
    }
    if (a->dir == NULL || a->event == NULL || (sheet && a->out == NULL)) {
        fputs(sheet ? "usage: kakanai-form annai DIR --event ID [--answers A.json] [--today "
                      "YYYYMMDD] [--lang ja|en] [--reception NUMBER] --out F.pdf\n"
                    : "usage: kakanai-form navigate DIR --event ID [--answers A.json] "
                      "[--today YYYYMMDD]\n",
              stderr);
        return 2;
    }
    return 0;
}

/* Load the catalogue, find the event, fill the values and navigate: 0, or the exit status. */
static int run_nav(const nav_args *a, form_catalog **c, const form_event **ev, form_values **v,
                   form_nav **nav)
{
    form_diags *d = NULL;
    form_err e = form_catalog_load(a->dir, getenv("KAKANAI_TEMPLATE_KEY"), c, &d);
    print_diags_err(d);
    form_diags_free(d);
    if (e != FORM_OK) {
        fprintf(stderr, "kakanai-form: %s\n", form_strerror(e));
        return 1;
    }
    *ev = form_catalog_find_event(*c, a->event);
    if (*ev == NULL) {
        fprintf(stderr, "kakanai-form: no event \"%s\" in %s (see kakanai-form events)\n",
                a->event, a->dir);
        return 1;
    }
    if (form_values_new(v) != FORM_OK)
        return 1;
    if (a->today && form_values_set_today(*v, a->today) != FORM_OK) {
        fprintf(stderr, "kakanai-form: --today needs a real date YYYYMMDD\n");
        return 1;
    }
    if (a->answers && load_answers(*ev, a->answers, *v) != 0)
        return 1;
    e = form_event_navigate(*ev, *v, nav);
    if (e != FORM_OK) {
        fprintf(stderr, "kakanai-form: %s\n", form_strerror(e));
        return 1;
    }
    return 0;
}

int kf_cmd_navigate(int argc, char **argv)
{
    nav_args a;
    int rc = parse_args(argc, argv, &a, false);
    if (rc != 0)
        return rc;
    form_catalog *c = NULL;
    const form_event *ev = NULL;
    form_values *v = NULL;
    form_nav *nav = NULL;
    rc = run_nav(&a, &c, &ev, &v, &nav);
    if (rc == 0) {
        json_object *j = nav_json(ev, v, nav, a.today);
        puts(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY |
                                                   JSON_C_TO_STRING_SPACED |
                                                   JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(j);
    }
    form_nav_free(nav);
    form_values_free(v);
    form_catalog_free(c);
    return rc;
}

/* out, or for page k > 1 out with -k before its .pdf */
static void page_path(const char *out, size_t k, char *buf, size_t cap)
{
    size_t n = strlen(out);
    if (k <= 1)
        snprintf(buf, cap, "%s", out);
    else if (n > 4 && strcmp(out + n - 4, ".pdf") == 0)
        snprintf(buf, cap, "%.*s-%zu.pdf", (int)(n - 4), out, k);
    else
        snprintf(buf, cap, "%s-%zu", out, k);
}

int kf_cmd_annai(int argc, char **argv)
{
    nav_args a;
    int rc = parse_args(argc, argv, &a, true);
    if (rc != 0)
        return rc;
    form_catalog *c = NULL;
    const form_event *ev = NULL;
    form_values *v = NULL;
    form_nav *nav = NULL;
    rc = run_nav(&a, &c, &ev, &v, &nav);
    const form_template *t = form_catalog_template(c, "annai");
    size_t rows = form_template_guide_rows(t);
    if (rc == 0 && rows == 0) {
        fprintf(stderr, "kakanai-form: %s has no annai.form with {guide.N.…} rows\n", a.dir);
        rc = 1;
    }
    if (rc == 0 && a.reception && form_values_set_reception(v, a.reception) != FORM_OK) {
        fprintf(stderr, "kakanai-form: --reception is at most 32 bytes\n");
        rc = 1;
    }
    size_t total = form_nav_row_count(nav);
    for (size_t first = 0, page = 1; rc == 0 && (first == 0 || first < total);
         first += rows, page++) {
        form_doc *doc = NULL;
        form_diags *d = NULL;
        form_err e = form_nav_set_guide(nav, v, a.lang ? a.lang : "ja", first, rows);
        if (e == FORM_OK)
            e = form_render(NULL, t, v, 0, &doc, &d);
        print_diags_err(d);
        form_diags_free(d);
        char path[4096];
        page_path(a.out, page, path, sizeof path);
        size_t len = 0;
        const uint8_t *data = form_doc_data(doc, &len);
        FILE *f = e == FORM_OK ? fopen(path, "wb") : NULL;
        if (e != FORM_OK || f == NULL || fwrite(data, 1, len, f) != len) {
            fprintf(stderr, "kakanai-form: %s: %s\n", path,
                    e != FORM_OK ? form_strerror(e) : "cannot be written");
            rc = 1;
        }
        if (f != NULL && fclose(f) != 0)
            rc = 1;
        if (rc == 0)
            printf("%s: %zu of %zu rows\n", path, total - first < rows ? total - first : rows,
                   total);
        form_doc_free(doc);
    }
    form_nav_free(nav);
    form_values_free(v);
    form_catalog_free(c);
    return rc;
}
