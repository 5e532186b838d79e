/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-event-load.c — the life events of a template folder (DIR/events/ID.event) loaded with
 * its catalogue, and their public accessors: the event, its interview, which question is
 * asked given the answers so far. An event that does not parse, or names a procedure the
 * catalogue does not have, is left out with its diagnostics (never a partial list of
 * procedures for a resident); `kakanai-form check` reports the same and more.
 */
#include "form-event-private.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#define EVENTS_DIR "events"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_event(const void *a, const void *b)
{
    const form_event *x = *(form_event *const *)a, *y = *(form_event *const *)b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* The *.event files of dir/events, sorted; *n is 0 when there is no such folder. */
static char **list_events(const char *dir, size_t *n)
{
    *n = 0;
    char *edir = form_path_join(dir, EVENTS_DIR);
    DIR *d = edir ? opendir(edir) : NULL;
    char **v = d ? calloc(FORM_MAX_EVENTS * 2 + 1, sizeof *v) : NULL;
    if (v == NULL) {
        if (d)
            closedir(d);
        free(edir);
        return NULL;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL && *n < FORM_MAX_EVENTS * 2) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.' || l < 7 || strcmp(de->d_name + l - 6, ".event") != 0)
            continue;
        v[*n] = form_path_join(edir, de->d_name);
        if (v[*n] != NULL)
            (*n)++;
    }
    closedir(d);
    free(edir);
    qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

/* Read, parse, bind and (strict) check one file: the event, or NULL (reported). */
static form_event *load_one(const form_catalog *c, const char *path, bool strict,
                            form_event *const *have, size_t nhave, form_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    form_event *e = NULL;
    if (form_read_file(path, FORM_MAX_FILE_BYTES, &text, &len) != FORM_OK) {
        form_diags_addf(diags, FORM_E_IO, path, 0, 0, NULL,
                        "the event file cannot be read (or is larger than 256 KiB)%s",
                        "出来事のファイルを読めません（または 256 KiB を超えています）%s", "");
        return NULL;
    }
    if (form_event_parse(path, text, len, &e, diags) != FORM_OK) {
        free(text);
        return NULL;
    }
    free(text);
    bool ok = form_event_bind(e, c, diags);
    for (size_t k = 0; k < nhave && ok; k++)
        if (strcmp(have[k]->id, e->id) == 0) {
            form_diags_addf(diags, FORM_E_TEMPLATE, path, 0, 0, NULL,
                            "the event id \"%s\" is also used by %s: this file is skipped",
                            "出来事の id「%s」は %s でも使われているため、このファイルは読み込みません",
                            e->id, have[k]->file);
            ok = false;
        }
    if (strict)
        form_event_check(e, c, diags); /* everything at once, also with unknown procedures */
    if (!ok) {
        form_event_free(e);
        return NULL;
    }
    return e;
}

/* Every event of dir into out (at most FORM_MAX_EVENTS); the count. */
static size_t load_all(const form_catalog *c, const char *dir, bool strict, form_event **out,
                       form_diags *diags)
{
    size_t nfiles = 0, nout = 0;
    char **files = list_events(dir, &nfiles);
    for (size_t i = 0; i < nfiles; i++) {
        form_event *e = load_one(c, files[i], strict, out, nout, diags);
        if (e != NULL && nout < FORM_MAX_EVENTS)
            out[nout++] = e;
        else
            form_event_free(e);
        free(files[i]);
    }
    if (nfiles > FORM_MAX_EVENTS)
        form_diags_addf(diags, FORM_E_TEMPLATE, dir, 0, 0, NULL,
                        "more than %u events: the rest are left out",
                        "出来事が %u を超えています（残りは読み込みません）", FORM_MAX_EVENTS);
    free(files);
    return nout;
}

void form_events_load(form_catalog *c, const char *dir, bool strict, form_diags *diags)
{
    form_event **v = calloc(FORM_MAX_EVENTS, sizeof *v);
    if (v == NULL)
        return;
    size_t n = load_all(c, dir, strict, v, diags);
    qsort(v, n, sizeof *v, cmp_event);
    form_catalog_set_events(c, v, n);
}

void form_events_check_dir(const form_catalog *c, const char *dir, form_diags *diags)
{
    form_event **v = calloc(FORM_MAX_EVENTS, sizeof *v);
    if (v == NULL)
        return;
    size_t n = load_all(c, dir, true, v, diags);
    for (size_t i = 0; i < n; i++)
        form_event_free(v[i]);
    free(v);
}

void form_events_check_file(const form_catalog *c, const char *path, form_diags *diags)
{
    form_event_free(load_one(c, path, true, NULL, 0, diags));
}

FORM_EXPORT const form_event *form_catalog_find_event(const form_catalog *c, const char *id)
{
    for (size_t i = 0; id && i < form_catalog_event_count(c); i++)
        if (strcmp(form_catalog_event(c, i)->id, id) == 0)
            return form_catalog_event(c, i);
    return NULL;
}

FORM_EXPORT const char *form_event_id(const form_event *e)
{
    return e ? e->id : NULL;
}
FORM_EXPORT const form_text *form_event_title(const form_event *e)
{
    return e ? e->title : NULL;
}
FORM_EXPORT const form_text *form_event_description(const form_event *e)
{
    return e ? e->description : NULL;
}
FORM_EXPORT const char *form_event_icon(const form_event *e)
{
    return e ? e->icon : NULL;
}
FORM_EXPORT size_t form_event_question_count(const form_event *e)
{
    return e ? e->nquestions : 0;
}
FORM_EXPORT const form_question *form_event_question(const form_event *e, size_t i)
{
    return e && i < e->nquestions ? &e->questions[i] : NULL;
}

FORM_EXPORT bool form_event_asks(const form_event *e, size_t i, const form_values *v)
{
    if (e == NULL || i >= e->nquestions)
        return false;
    form_facts f;
    form_facts_init(&f, e, v);
    bool asked = f.asked[i];
    form_facts_wipe(&f);
    return asked;
}
