/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-source-edit.c — changes to a form_source, each recorded as line operations so that undo
 * and redo restore the text byte for byte. A public edit is one step unless it runs inside
 * form_source_begin()/form_source_end(); a new edit after undo drops the redo history.
 */
#include "form-source-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_n(const char *p, size_t n)
{
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, p, n);
        d[n] = '\0';
    }
    return d;
}

form_err fsrc_lines_insert_raw(form_source *s, size_t at, const char *text, size_t n)
{
    if (at > s->nlines)
        return FORM_E_ARG;
    if (s->nlines == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 256;
        fsrc_line *l = realloc(s->lines, ncap * sizeof *l);
        if (l == NULL)
            return FORM_E_NOMEM;
        s->lines = l;
        s->cap = ncap;
    }
    char *t = dup_n(text, n);
    if (t == NULL)
        return FORM_E_NOMEM;
    memmove(s->lines + at + 1, s->lines + at, (s->nlines - at) * sizeof *s->lines);
    s->lines[at] = (fsrc_line){t, n};
    s->nlines++;
    return FORM_OK;
}

static void lines_delete_raw(form_source *s, size_t at)
{
    free(s->lines[at].text);
    memmove(s->lines + at, s->lines + at + 1, (s->nlines - at - 1) * sizeof *s->lines);
    s->nlines--;
}

static form_err lines_replace_raw(form_source *s, size_t at, const char *text, size_t n)
{
    char *t = dup_n(text, n);
    if (t == NULL)
        return FORM_E_NOMEM;
    free(s->lines[at].text);
    s->lines[at] = (fsrc_line){t, n};
    return FORM_OK;
}

/* Apply one op forwards (undo = false) or backwards, unrecorded. */
static form_err op_apply(form_source *s, const fsrc_op *op, bool backwards)
{
    const char *from = backwards ? op->new_text : op->old_text;
    const char *to = backwards ? op->old_text : op->new_text;
    size_t to_n = backwards ? op->old_n : op->new_n;
    if (from == NULL)
        return fsrc_lines_insert_raw(s, op->at, to, to_n);
    if (to == NULL) {
        lines_delete_raw(s, op->at);
        return FORM_OK;
    }
    return lines_replace_raw(s, op->at, to, to_n);
}

static void step_free(fsrc_step *st)
{
    for (size_t i = 0; i < st->n; i++) {
        free(st->ops[i].old_text);
        free(st->ops[i].new_text);
    }
    free(st->ops);
    *st = (fsrc_step){0};
}

static void history_clear(fsrc_history *h)
{
    for (size_t i = 0; i < h->n; i++)
        step_free(&h->steps[i]);
    h->n = 0;
}

void fsrc_history_free(form_source *s)
{
    history_clear(&s->undo);
    history_clear(&s->redo);
    free(s->undo.steps);
    free(s->redo.steps);
    s->undo = (fsrc_history){0};
    s->redo = (fsrc_history){0};
}

static form_err history_push(fsrc_history *h, fsrc_step st)
{
    if (h->n == h->cap) {
        size_t ncap = h->cap ? h->cap * 2 : 32;
        fsrc_step *n = realloc(h->steps, ncap * sizeof *n);
        if (n == NULL)
            return FORM_E_NOMEM;
        h->steps = n;
        h->cap = ncap;
    }
    h->steps[h->n++] = st;
    return FORM_OK;
}

/* Record op (taking its texts) in the open step, opening one if needed. */
static form_err record(form_source *s, fsrc_op op)
{
    if (!s->group_open) {
        fsrc_step st = {.serial = ++s->serial};
        if (history_push(&s->undo, st) != FORM_OK)
            goto nomem;
        history_clear(&s->redo);
        s->group_open = true;
    }
    fsrc_step *st = &s->undo.steps[s->undo.n - 1];
    if (st->n == st->cap) {
        size_t ncap = st->cap ? st->cap * 2 : 4;
        fsrc_op *n = realloc(st->ops, ncap * sizeof *n);
        if (n == NULL)
            goto nomem;
        st->ops = n;
        st->cap = ncap;
    }
    st->ops[st->n++] = op;
    return FORM_OK;
nomem:
    free(op.old_text);
    free(op.new_text);
    return FORM_E_NOMEM;
}

/* A recorded change of line `at`: old_text NULL inserts, new_text NULL deletes. */
static form_err change(form_source *s, size_t at, const char *new_text, size_t new_n, bool insert)
{
    fsrc_op op = {.at = at};
    if (!insert) {
        op.old_text = dup_n(s->lines[at].text, s->lines[at].n);
        op.old_n = s->lines[at].n;
        if (op.old_text == NULL)
            return FORM_E_NOMEM;
    }
    if (new_text != NULL) {
        op.new_text = dup_n(new_text, new_n);
        op.new_n = new_n;
        if (op.new_text == NULL) {
            free(op.old_text);
            return FORM_E_NOMEM;
        }
    }
    form_err e = op_apply(s, &op, false);
    if (e != FORM_OK) {
        free(op.old_text);
        free(op.new_text);
        return e;
    }
    return record(s, op);
}

void form_source_begin(form_source *s)
{
    if (s != NULL)
        s->group_depth++;
}

void form_source_end(form_source *s)
{
    if (s == NULL || s->group_depth == 0)
        return;
    if (--s->group_depth == 0)
        s->group_open = false;
}

static form_err finish(form_source *s, form_err e)
{
    form_source_end(s);
    form_err r = fsrc_reindex(s);
    return e != FORM_OK ? e : r;
}

static const char *eol(const form_source *s)
{
    return s->crlf ? "\r\n" : "\n";
}

/* Make sure the last line ends in a newline before something is added after it. */
static form_err terminate_last(form_source *s)
{
    if (s->nlines == 0)
        return FORM_OK;
    const fsrc_line *l = &s->lines[s->nlines - 1];
    if (l->n > 0 && l->text[l->n - 1] == '\n')
        return FORM_OK;
    size_t n = l->n + 2;
    char *t = malloc(n + 1);
    if (t == NULL)
        return FORM_E_NOMEM;
    int k = snprintf(t, n + 1, "%.*s%s", (int)l->n, l->text, eol(s));
    form_err e = change(s, s->nlines - 1, t, (size_t)k, false);
    free(t);
    return e;
}

static form_err insert_line(form_source *s, size_t at, const char *body)
{
    if (at == s->nlines) {
        form_err e = terminate_last(s);
        if (e != FORM_OK)
            return e;
    }
    size_t n = strlen(body) + 2;
    char *t = malloc(n + 1);
    if (t == NULL)
        return FORM_E_NOMEM;
    int k = snprintf(t, n + 1, "%s%s", body, eol(s));
    form_err e = change(s, at, t, (size_t)k, true);
    free(t);
    return e;
}

static bool one_line(const char *v)
{
    return strchr(v, '\n') == NULL && strchr(v, '\r') == NULL;
}

form_err form_source_set(form_source *s, size_t i, const char *key, const char *value)
{
    if (s == NULL || key == NULL || value == NULL || i >= s->nsecs || key[0] == '\0' ||
        !one_line(value) || !one_line(key) || strchr(key, '=') != NULL)
        return FORM_E_ARG;
    form_ini_line l;
    size_t at = fsrc_find_key(s, i, key, &l);
    form_source_begin(s);
    form_err e;
    if (at != (size_t)-1) {
        if (l.value_len == strlen(value) && memcmp(l.p + l.value, value, l.value_len) == 0)
            return finish(s, FORM_OK);
        /* keep everything around the value: indentation, spacing, a trailing blank, the eol */
        size_t pre, post;
        if (l.value_len > 0) {
            pre = l.value;
            post = l.value + l.value_len;
        } else {
            const char *eq = memchr(l.p + l.key + l.key_len, '=', l.n - l.key - l.key_len);
            pre = eq != NULL ? (size_t)(eq - l.p) + 1 : l.n;
            post = pre;
            while (post < l.n && (l.p[post] == ' ' || l.p[post] == '\t'))
                post++;
        }
        const fsrc_line *line = &s->lines[at];
        bool space = l.value_len == 0 && value[0] != '\0';
        size_t vn = strlen(value), n = pre + space + vn + (line->n - post);
        char *t = malloc(n + 1);
        if (t == NULL)
            return finish(s, FORM_E_NOMEM);
        memcpy(t, line->text, pre);
        if (space)
            t[pre] = ' ';
        memcpy(t + pre + space, value, vn);
        memcpy(t + pre + space + vn, line->text + post, line->n - post);
        t[n] = '\0';
        e = change(s, at, t, n, false);
        free(t);
        return finish(s, e);
    }
    /* a new key: after the section's last key line, indented like it */
    size_t end = fsrc_section_end(s, i), after = s->secs[i].line;
    size_t indent = 0;
    for (size_t j = s->secs[i].line + 1; j < end; j++) {
        form_ini_line k;
        fsrc_classify(&s->lines[j], &k);
        if (k.kind == FORM_INI_PAIR) {
            after = j;
            indent = k.key;
        }
    }
    size_t n = indent + strlen(key) + strlen(value) + 4;
    char *body = malloc(n + 1);
    if (body == NULL)
        return finish(s, FORM_E_NOMEM);
    snprintf(body, n + 1, "%.*s%s = %s", (int)indent, s->lines[after].text, key, value);
    e = insert_line(s, after + 1, body);
    free(body);
    return finish(s, e);
}

form_err form_source_unset(form_source *s, size_t i, const char *key)
{
    if (s == NULL || key == NULL || i >= s->nsecs)
        return FORM_E_ARG;
    size_t at = fsrc_find_key(s, i, key, NULL);
    if (at == (size_t)-1)
        return FORM_E_NOT_FOUND;
    form_source_begin(s);
    return finish(s, change(s, at, NULL, 0, false));
}

static bool is_blank(const form_source *s, size_t j)
{
    form_ini_line l;
    fsrc_classify(&s->lines[j], &l);
    return l.kind == FORM_INI_BLANK && l.start >= l.n;
}

static bool is_comment(const form_source *s, size_t j)
{
    form_ini_line l;
    fsrc_classify(&s->lines[j], &l);
    return l.kind == FORM_INI_BLANK && l.start < l.n;
}

/* Where section i's own lines end: before the comment block that introduces the next one. */
static size_t own_end(const form_source *s, size_t i)
{
    size_t end = fsrc_section_end(s, i);
    if (i + 1 >= s->nsecs)
        return end;
    size_t j = end;
    while (j > s->secs[i].line + 1 && is_comment(s, j - 1))
        j--;
    return j;
}

form_err form_source_add_section(form_source *s, size_t after, const char *header,
                                 const char *const *pairs, size_t *index)
{
    if (s == NULL || header == NULL || header[0] == '\0' || !one_line(header) ||
        strchr(header, ']') != NULL || (after != (size_t)-1 && after >= s->nsecs))
        return FORM_E_ARG;
    for (size_t k = 0; pairs != NULL && pairs[k] != NULL; k += 2)
        if (pairs[k + 1] == NULL || !one_line(pairs[k]) || !one_line(pairs[k + 1]))
            return FORM_E_ARG;
    size_t at = after == (size_t)-1 ? s->nlines : own_end(s, after);
    /* step back over blank lines so the new section sits right after the last content */
    while (at > 0 && is_blank(s, at - 1))
        at--;
    form_source_begin(s);
    form_err e = FORM_OK;
    if (at > 0)
        e = insert_line(s, at++, "");
    size_t hn = strlen(header) + 3;
    char *h = malloc(hn);
    if (h == NULL)
        return finish(s, FORM_E_NOMEM);
    snprintf(h, hn, "[%s]", header);
    if (e == FORM_OK)
        e = insert_line(s, at++, h);
    free(h);
    for (size_t k = 0; e == FORM_OK && pairs != NULL && pairs[k] != NULL; k += 2) {
        size_t n = strlen(pairs[k]) + strlen(pairs[k + 1]) + 4;
        char *body = malloc(n);
        if (body == NULL) {
            e = FORM_E_NOMEM;
            break;
        }
        snprintf(body, n, "%s = %s", pairs[k], pairs[k + 1]);
        e = insert_line(s, at++, body);
        free(body);
    }
    if (e == FORM_OK && at < s->nlines && !is_blank(s, at))
        e = insert_line(s, at, "");
    e = finish(s, e);
    if (e == FORM_OK && index != NULL) {
        *index = (size_t)-1;
        for (size_t k = 0; k < s->nsecs; k++)
            if (s->secs[k].line < at)
                *index = k;
    }
    return e;
}

form_err form_source_remove_section(form_source *s, size_t i)
{
    if (s == NULL || i >= s->nsecs)
        return FORM_E_ARG;
    size_t from = s->secs[i].line, to = own_end(s, i);
    /* the comment directly above the header introduces it: it goes too */
    size_t floor = i > 0 ? s->secs[i - 1].line + 1 : 0;
    while (from > floor && is_comment(s, from - 1))
        from--;
    /* keep one blank line between what stays before and after */
    if (!(to > from && is_blank(s, to - 1)) && from > 0 && is_blank(s, from - 1))
        from--;
    form_source_begin(s);
    form_err e = FORM_OK;
    for (size_t j = to; e == FORM_OK && j > from; j--)
        e = change(s, j - 1, NULL, 0, false);
    return finish(s, e);
}

bool form_source_can_undo(const form_source *s)
{
    return s != NULL && s->undo.n > 0 && s->group_depth == 0;
}

bool form_source_can_redo(const form_source *s)
{
    return s != NULL && s->redo.n > 0 && s->group_depth == 0;
}

bool form_source_undo(form_source *s)
{
    if (!form_source_can_undo(s))
        return false;
    fsrc_step st = s->undo.steps[--s->undo.n];
    for (size_t k = st.n; k > 0; k--)
        op_apply(s, &st.ops[k - 1], true);
    if (history_push(&s->redo, st) != FORM_OK)
        step_free(&st);
    fsrc_reindex(s);
    return true;
}

bool form_source_redo(form_source *s)
{
    if (!form_source_can_redo(s))
        return false;
    fsrc_step st = s->redo.steps[--s->redo.n];
    for (size_t k = 0; k < st.n; k++)
        op_apply(s, &st.ops[k], false);
    if (history_push(&s->undo, st) != FORM_OK)
        step_free(&st);
    fsrc_reindex(s);
    return true;
}

bool form_source_modified(const form_source *s)
{
    if (s == NULL)
        return false;
    unsigned long top = s->undo.n > 0 ? s->undo.steps[s->undo.n - 1].serial : 0;
    return top != s->saved;
}

void form_source_mark_saved(form_source *s)
{
    if (s != NULL)
        s->saved = s->undo.n > 0 ? s->undo.steps[s->undo.n - 1].serial : 0;
}
