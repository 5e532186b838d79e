/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-catalog.c — a template directory: every *.form file plus catalog.conf, which groups
 * forms into procedures (one card read can fill several forms). A broken template is
 * skipped with diagnostics; the rest of the catalogue still loads.
 *
 * catalog.conf:
 *   [procedure juminhyo]
 *   title.ja = 住民票の写し
 *   title.en = Copy of the residence record
 *   description.ja = ...
 *   icon = document
 *   order = 10
 *   forms = juminhyo
 */
#include "form-private.h"

#include "form-event-private.h"
#include "form-ini.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CATALOG_NAME "catalog.conf"

struct form_catalog {
    form_template **templates;
    size_t ntemplates;
    form_procedure *procs;
    size_t nprocs;
    form_event **events; /* life events (form-event-load.c) */
    size_t nevents;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void proc_free(form_procedure *p)
{
    free(p->id);
    form_text_free(p->title);
    form_text_free(p->description);
    free(p->icon);
    form_guide_free(p);
    free(p->templates);
    free(p->questions);
}

FORM_EXPORT void form_catalog_free(form_catalog *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->ntemplates; i++)
        form_template_free(c->templates[i]);
    free(c->templates);
    for (size_t i = 0; i < c->nprocs; i++)
        proc_free(&c->procs[i]);
    free(c->procs);
    for (size_t i = 0; i < c->nevents; i++)
        form_event_free(c->events[i]);
    free(c->events);
    free(c);
}

static const form_template *find_template(const form_catalog *c, const char *id, size_t n)
{
    for (size_t i = 0; i < c->ntemplates; i++)
        if (strlen(c->templates[i]->id) == n && memcmp(c->templates[i]->id, id, n) == 0)
            return c->templates[i];
    return NULL;
}

static bool same_question(const form_question *a, const form_question *b)
{
    if (a->type != b->type || a->nchoices != b->nchoices || a->min != b->min || a->max != b->max ||
        a->kana != b->kana)
        return false;
    for (size_t i = 0; i < a->nchoices; i++)
        if (strcmp(a->choice_value[i], b->choice_value[i]) != 0)
            return false;
    return true;
}

/* FORM_E_TEMPLATE when two forms of the procedure ask a question of the same id
 * differently (one answer would have to satisfy both). A question asked once for two forms
 * is required when either form requires it: the answer must satisfy both forms' checks. */
static form_err proc_add_template(form_procedure *p, const form_template *t)
{
    const form_template **v = realloc(p->templates, (p->ntemplates + 1) * sizeof *v);
    if (v == NULL)
        return FORM_E_NOMEM;
    p->templates = v;
    p->templates[p->ntemplates++] = t;
    p->needs |= t->needs;
    for (size_t i = 0; i < t->nquestions; i++) {
        const form_question *q = &t->questions[i];
        bool dup = false;
        for (size_t j = 0; j < p->nquestions; j++)
            if (strcmp(p->questions[j]->id, q->id) == 0) {
                if (!same_question(p->questions[j], q))
                    return FORM_E_TEMPLATE;
                if (q->required && !p->questions[j]->required)
                    p->questions[j] = q;
                dup = true;
            }
        if (dup)
            continue;
        const form_question **qv = realloc(p->questions, (p->nquestions + 1) * sizeof *qv);
        if (qv == NULL)
            return FORM_E_NOMEM;
        p->questions = qv;
        p->questions[p->nquestions++] = q;
    }
    return FORM_OK;
}

/* End of the section of procedure cur (the last one added, or NULL): drop it when it had an
 * error (already reported) or lists no forms (reported here). */
static void proc_close(form_catalog *c, form_procedure *cur, bool bad, const char *path,
                       int line, form_diags *diags)
{
    if (cur == NULL)
        return;
    form_guide_finish(cur);
    if (!bad && (cur->ntemplates > 0 || form_guide_only_ok(cur, path, line, diags)))
        return;
    proc_free(cur);
    c->nprocs--;
}

/* Parse catalog.conf; procedures naming a missing template are skipped with a diagnostic. */
static void load_conf(form_catalog *c, const char *path, const char *text, size_t len,
                      form_diags *diags)
{
    form_procedure *cur = NULL;
    bool cur_bad = false;
    int cur_line = 0;
    form_ini r;
    form_ini_line l;
    form_ini_init(&r, text, len);
    while (form_ini_next(&r, &l)) {
        const char *p = l.p;
        int lineno = l.lineno;
        size_t i = l.start;
        switch (l.kind) {
        case FORM_INI_BLANK:
            continue;
        case FORM_INI_TOO_LONG:
        case FORM_INI_NUL:
        case FORM_INI_NOT_UTF8:
            form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, 1, NULL,
                            "the line is too long or not UTF-8", "行が長すぎるか UTF-8 ではありません");
            continue;
        case FORM_INI_NO_EQUALS:
            form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)i + 1, NULL,
                            "expected \"key = value\"", "「キー = 値」と書いてください");
            continue;
        case FORM_INI_UNCLOSED:
        case FORM_INI_SECTION: {
            proc_close(c, cur, cur_bad, path, cur_line, diags);
            cur = NULL;
            cur_bad = false;
            const char *kw = p + l.name;
            size_t kwn = l.kind == FORM_INI_SECTION ? l.name_len : 0;
            if (kwn < 11 || memcmp(kw, "procedure ", 10) != 0) {
                form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)i + 1, NULL,
                                "expected [procedure <id>]", "[procedure <id>] と書いてください");
                cur_bad = true;
                continue;
            }
            const char *id = kw + 10;
            size_t idn = kwn - 10;
            bool ok = idn > 0 && idn <= FORM_MAX_ID;
            for (size_t k = 0; k < idn; k++)
                if (!((id[k] >= 'a' && id[k] <= 'z') || (id[k] >= '0' && id[k] <= '9') || id[k] == '_'))
                    ok = false;
            for (size_t k = 0; ok && k < c->nprocs; k++)
                if (strlen(c->procs[k].id) == idn && memcmp(c->procs[k].id, id, idn) == 0) {
                    form_diags_addf(diags, FORM_E_TEMPLATE, path, lineno, (int)(id - p) + 1, NULL,
                                    "the procedure \"%.*s\" is defined twice",
                                    "手続き「%.*s」が二度定義されています", (int)idn, id);
                    ok = false;
                }
            if (!ok || c->nprocs >= FORM_MAX_PROCEDURES) {
                if (ok)
                    form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, 1, NULL,
                                    "too many procedures (the limit is %u)",
                                    "手続きが多すぎます（上限 %u）", FORM_MAX_PROCEDURES);
                else
                    form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)(id - p) + 1, NULL,
                                    "a procedure id uses only a-z, 0-9 and _",
                                    "手続きの id には半角英小文字・数字・_ だけを使ってください");
                cur_bad = true;
                continue;
            }
            cur = &c->procs[c->nprocs++];
            memset(cur, 0, sizeof *cur);
            cur->id = form_strndup(id, idn);
            cur->order = 1000;
            cur->offer = FORM_OFFER_KIOSK | FORM_OFFER_COUNTER;
            cur->line = lineno;
            cur_line = lineno;
            continue;
        }
        case FORM_INI_PAIR:
            break;
        }
        if (cur == NULL) {
            if (!cur_bad)
                form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)i + 1, NULL,
                                "keys must follow a [procedure <id>] header",
                                "キーは [procedure <id>] の後に書いてください");
            continue;
        }
        size_t vs = l.value;
        char key[32];
        if (l.key_len >= sizeof key) {
            form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)i + 1, NULL,
                            "unknown key", "不明なキーです");
            continue;
        }
        memcpy(key, p + l.key, l.key_len);
        key[l.key_len] = '\0';
        char *val = form_strndup(p + vs, l.value_len);
        if (val == NULL)
            return;
        if (strncmp(key, "title.", 6) == 0 && form_lang_exact(key + 6, strlen(key + 6)) >= 0) {
            form_text_set(&cur->title, key + 6, val);
        } else if (strncmp(key, "description.", 12) == 0 &&
                   form_lang_exact(key + 12, strlen(key + 12)) >= 0) {
            form_text_set(&cur->description, key + 12, val);
        } else if (strcmp(key, "icon") == 0) {
            free(cur->icon);
            cur->icon = form_strdup(val);
        } else if (strcmp(key, "order") == 0) {
            char *end;
            long o = strtol(val, &end, 10);
            if (*end != '\0' || end == val)
                form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)vs + 1, cur->id,
                                "order needs a whole number", "order には整数を書いてください");
            else
                cur->order = o;
        } else if (form_guide_key(cur, key, val, path, lineno, (int)vs + 1, diags)) {
            /* guide.* (form-guide.c) */
        } else if (strcmp(key, "offer") == 0) {
            size_t k = 0, vn = strlen(val), s, wn;
            unsigned offer = 0;
            bool words = false;
            while (form_list_next(val, vn, &k, &s, &wn)) {
                words = true;
                if (wn == 5 && memcmp(val + s, "kiosk", 5) == 0)
                    offer |= FORM_OFFER_KIOSK;
                else if (wn == 7 && memcmp(val + s, "counter", 7) == 0)
                    offer |= FORM_OFFER_COUNTER;
                else
                    form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)(vs + s) + 1, cur->id,
                                    "offer lists where the procedure is offered: kiosk, counter "
                                    "(not \"%.*s\")",
                                    "offer には kiosk か counter を書いてください（「%.*s」は使えません）",
                                    (int)wn, val + s);
            }
            if (!words)
                form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)vs + 1, cur->id,
                                "offer needs kiosk, counter or both",
                                "offer には kiosk・counter のどちらか（または両方）が必要です");
            else if (offer != 0)
                cur->offer = offer;
        } else if (strcmp(key, "forms") == 0) {
            size_t k = 0, vn = strlen(val), s, idn;
            while (form_list_next(val, vn, &k, &s, &idn)) {
                const form_template *t = find_template(c, val + s, idn);
                if (t == NULL) {
                    form_diags_addf(diags, FORM_E_NOT_FOUND, path, lineno, (int)(vs + s) + 1,
                                    cur->id,
                                    "the procedure \"%s\" needs the form \"%.*s\", which is missing "
                                    "or broken: the procedure is left out",
                                    "手続き「%s」に必要な様式「%.*s」が無いか壊れているため、この手続きは使えません",
                                    cur->id, (int)idn, val + s);
                    cur_bad = true;
                } else if (proc_add_template(cur, t) != FORM_OK) {
                    form_diags_addf(diags, FORM_E_TEMPLATE, path, lineno, (int)(vs + s) + 1,
                                    cur->id,
                                    "the form \"%s\" asks a question with the same id as another "
                                    "form of \"%s\" but differently: rename one of them",
                                    "様式「%s」の質問が手続き「%s」の別の様式と同じ id で内容が違います。どちらかの id を変えてください",
                                    t->id, cur->id);
                    cur_bad = true;
                }
            }
        } else {
            static const char *const known[] = {"title.ja", "title.en", "description.ja",
                                                "description.en", "icon", "order", "forms",
                                                "offer", "guide.counter.ja", "guide.counter.en",
                                                "guide.bring.ja", "guide.bring.en",
                                                "guide.fee.ja", "guide.fee.en", "guide.note.ja",
                                                "guide.note.en", "guide.order"};
            const char *best = NULL;
            size_t bestd = 3;
            for (size_t k = 0; k < sizeof known / sizeof known[0]; k++) {
                size_t d = form_edit_distance(key, known[k]);
                if (d < bestd)
                    bestd = d, best = known[k];
            }
            if (best)
                form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)i + 1, cur->id,
                                "unknown key \"%s\"; did you mean \"%s\"?",
                                "キー「%s」はありません。「%s」の誤りではありませんか", key, best);
            else
                form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, (int)i + 1, cur->id,
                                "unknown key \"%s\"", "キー「%s」はありません", key);
        }
        free(val);
    }
    proc_close(c, cur, cur_bad, path, cur_line, diags);
}

static int cmp_proc(const void *a, const void *b)
{
    const form_procedure *x = a, *y = b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->id, y->id);
}

/* The *.form files of dir, sorted. */
static form_err list_forms(const char *dir, char ***out, size_t *n)
{
    *out = NULL;
    *n = 0;
    DIR *d = opendir(dir);
    if (d == NULL)
        return FORM_E_IO;
    char **v = calloc(FORM_MAX_TEMPLATES + 1, sizeof *v);
    if (v == NULL) {
        closedir(d);
        return FORM_E_NOMEM;
    }
    struct dirent *de;
    size_t k = 0;
    while ((de = readdir(d)) != NULL) {
        size_t l = strlen(de->d_name);
        if (de->d_name[0] == '.' || l < 6 || strcmp(de->d_name + l - 5, ".form") != 0)
            continue;
        if (k >= FORM_MAX_TEMPLATES)
            break;
        v[k] = form_path_join(dir, de->d_name);
        if (v[k] != NULL)
            k++;
    }
    closedir(d);
    qsort(v, k, sizeof *v, cmp_str);
    *out = v;
    *n = k;
    return FORM_OK;
}

FORM_EXPORT form_err form_catalog_load(const char *dir, const char *keyfile,
                                       form_catalog **out, form_diags **diags)
{
    if (out == NULL || dir == NULL)
        return FORM_E_ARG;
    *out = NULL;
    form_diags *dg = form_diags_new();
    if (dg == NULL)
        return FORM_E_NOMEM;
    if (diags)
        *diags = NULL;
    form_err e = FORM_OK;
    if (keyfile != NULL) {
        char why[256];
        if (form_bundle_verify(dir, keyfile, why, sizeof why) != FORM_OK) {
            form_diags_addf(dg, FORM_E_SIGNATURE, dir, 0, 0, NULL,
                            "the template bundle is refused: %s",
                            "様式の束を使えません（署名の確認に失敗）: %s", why);
            e = FORM_E_SIGNATURE;
            goto done;
        }
    }
    form_catalog *c = calloc(1, sizeof *c);
    char **files = NULL;
    size_t nfiles = 0;
    if (c == NULL || (c->procs = calloc(FORM_MAX_PROCEDURES, sizeof *c->procs)) == NULL) {
        form_catalog_free(c);
        e = FORM_E_NOMEM;
        goto done;
    }
    e = list_forms(dir, &files, &nfiles);
    if (e != FORM_OK) {
        form_diags_addf(dg, FORM_E_IO, dir, 0, 0, NULL, "the template directory cannot be read",
                        "様式のフォルダを読めません");
        form_catalog_free(c);
        goto done;
    }
    c->templates = calloc(nfiles + 1, sizeof *c->templates);
    for (size_t i = 0; c->templates && i < nfiles; i++) {
        form_template *t = NULL;
        if (form_template_load(files[i], false, &t, dg) != FORM_OK)
            continue; /* skipped: the diagnostics say why */
        if (find_template(c, t->id, strlen(t->id)) != NULL) {
            form_diags_addf(dg, FORM_E_TEMPLATE, files[i], 0, 0, NULL,
                            "the form id \"%s\" is used by another file: this one is skipped",
                            "様式の id「%s」は別のファイルで使われているため、このファイルは読み込みません",
                            t->id);
            form_template_free(t);
            continue;
        }
        c->templates[c->ntemplates++] = t;
    }
    for (size_t i = 0; i < nfiles; i++)
        free(files[i]);
    free(files);
    if (c->templates == NULL) {
        form_catalog_free(c);
        e = FORM_E_NOMEM;
        goto done;
    }
    char *conf = form_path_join(dir, CATALOG_NAME);
    char *text = NULL;
    size_t len = 0;
    if (conf && form_read_file(conf, FORM_MAX_FILE_BYTES, &text, &len) == FORM_OK) {
        load_conf(c, conf, text, len, dg);
    } else {
        /* no catalogue: one procedure per form */
        for (size_t i = 0; i < c->ntemplates && c->nprocs < FORM_MAX_PROCEDURES; i++) {
            form_procedure *p = &c->procs[c->nprocs++];
            p->id = form_strdup(c->templates[i]->id);
            form_text_copy(&p->title, c->templates[i]->title);
            p->order = (long)i;
            p->offer = FORM_OFFER_KIOSK | FORM_OFFER_COUNTER;
            proc_add_template(p, c->templates[i]);
            form_guide_finish(p);
        }
    }
    free(text);
    free(conf);
    qsort(c->procs, c->nprocs, sizeof *c->procs, cmp_proc);
    form_events_load(c, dir, false, dg);
    *out = c;
    e = FORM_OK;
done:
    if (diags)
        *diags = dg;
    else
        form_diags_free(dg);
    return e;
}

void form_catalog_set_events(form_catalog *c, form_event **events, size_t n)
{
    c->events = events;
    c->nevents = n;
}
FORM_EXPORT size_t form_catalog_event_count(const form_catalog *c)
{
    return c ? c->nevents : 0;
}
FORM_EXPORT const form_event *form_catalog_event(const form_catalog *c, size_t i)
{
    return c && i < c->nevents ? c->events[i] : NULL;
}
FORM_EXPORT size_t form_catalog_procedure_count(const form_catalog *c)
{
    return c ? c->nprocs : 0;
}
FORM_EXPORT const form_procedure *form_catalog_procedure(const form_catalog *c, size_t i)
{
    return c && i < c->nprocs ? &c->procs[i] : NULL;
}
FORM_EXPORT const form_procedure *form_catalog_find(const form_catalog *c, const char *id)
{
    for (size_t i = 0; c && id && i < c->nprocs; i++)
        if (strcmp(c->procs[i].id, id) == 0)
            return &c->procs[i];
    return NULL;
}
/* A template by its id (see form.h). */
FORM_EXPORT const form_template *form_catalog_template(const form_catalog *c, const char *id)
{
    return c && id ? find_template(c, id, strlen(id)) : NULL;
}
FORM_EXPORT const char *form_procedure_id(const form_procedure *p)
{
    return p ? p->id : NULL;
}
FORM_EXPORT const form_text *form_procedure_title(const form_procedure *p)
{
    return p ? p->title : NULL;
}
FORM_EXPORT const form_text *form_procedure_description(const form_procedure *p)
{
    return p ? p->description : NULL;
}
FORM_EXPORT const char *form_procedure_icon(const form_procedure *p)
{
    return p ? p->icon : NULL;
}
FORM_EXPORT bool form_procedure_offered(const form_procedure *p, form_offer where)
{
    return p != NULL && where != 0 && (p->offer & (unsigned)where) == (unsigned)where;
}
FORM_EXPORT size_t form_procedure_template_count(const form_procedure *p)
{
    return p ? p->ntemplates : 0;
}
FORM_EXPORT const form_template *form_procedure_template(const form_procedure *p, size_t i)
{
    return p && i < p->ntemplates ? p->templates[i] : NULL;
}
FORM_EXPORT unsigned form_procedure_needs(const form_procedure *p)
{
    return p ? p->needs : 0;
}
FORM_EXPORT size_t form_procedure_question_count(const form_procedure *p)
{
    return p ? p->nquestions : 0;
}
FORM_EXPORT const form_question *form_procedure_question(const form_procedure *p, size_t i)
{
    return p && i < p->nquestions ? p->questions[i] : NULL;
}
