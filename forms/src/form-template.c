/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-template.c — the template language parser (grammar and keys: templates/README.md):
 * parse and load one template, free it, and the public accessors.
 *
 * A template is INI-like UTF-8 text: `# comment` lines, `[section name]` headers and
 * `key = value` lines. The parser walks the text one line at a time (form-ini.c, the line reader
 * shared with catalog.conf), and reports every problem with file, line, column (in characters) and
 * a sentence in English and Japanese. Nothing in a template is trusted. Headers are read in
 * form-template-sections.c, keys in form-template-keys.c (their values' syntax in
 * form-template-syntax.c), and the whole is checked in form-template-check.c.
 */
#include "form-template-private.h"

#include "form-bg.h"
#include "form-ini.h"

#include <stdlib.h>
#include <string.h>

/* Column (1-based, in characters) of byte p within the current line. */
int form_tpl_col_at(const parser *ps, const char *p)
{
    int col = 1;
    for (const char *s = ps->line; s < p && s < ps->line + ps->linelen; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            col++;
    return col;
}

/* One line as the reader sees it: a header, a key = value, or a problem. */
static void parse_line(parser *ps, const form_ini_line *l)
{
    const char *p = l->p;
    switch (l->kind) {
    case FORM_INI_BLANK:
        return;
    case FORM_INI_TOO_LONG:
        ERR(ps, p, FORM_E_SYNTAX, "the line is longer than %u bytes",
            "行が長すぎます（上限 %u バイト）", FORM_MAX_LINE_BYTES);
        return;
    case FORM_INI_NUL:
        ERR(ps, p + l->at, FORM_E_SYNTAX, "the file contains a NUL byte: is it really a text file?",
            "ファイルに NUL 文字があります。テキストファイルですか");
        return;
    case FORM_INI_NOT_UTF8:
        ERR(ps, p + l->at, FORM_E_SYNTAX,
            "this line is not UTF-8 text (save the file as UTF-8, not Shift_JIS)",
            "この行は UTF-8 ではありません（Shift_JIS ではなく UTF-8 で保存してください）");
        return;
    case FORM_INI_UNCLOSED:
        ERR(ps, p + l->at, FORM_E_SYNTAX, "the section header has no closing ]",
            "区分の見出しに ] がありません");
        ps->sec = SEC_NONE;
        ps->sec_line = -1;
        return;
    case FORM_INI_SECTION:
        if (l->after < l->n && p[l->after] != '#')
            ERR(ps, p + l->after, FORM_E_SYNTAX, "nothing may follow ] on a section line",
                "区分の見出しの ] の後には何も書けません");
        form_tpl_begin_section(ps, p + l->name, l->name_len);
        return;
    case FORM_INI_NO_EQUALS:
        if (l->fullwidth_equals)
            ERR(ps, p + l->at, FORM_E_SYNTAX, "use the half-width = between key and value, not ＝",
                "キーと値の間は全角の＝ではなく半角の = にしてください");
        else
            ERR(ps, p + l->at, FORM_E_SYNTAX,
                "expected \"key = value\", a [section] or a # comment",
                "「キー = 値」、[区分]、# コメントのどれかを書いてください");
        return;
    case FORM_INI_PAIR:
        break;
    }
    if (l->key_len == 0) {
        ERR(ps, p + l->at, FORM_E_SYNTAX, "a key is missing before =", "= の前にキーがありません");
        return;
    }
    for (size_t j = l->key; j < l->key + l->key_len; j++) {
        char c = p[j];
        if (!(form_tpl_is_id_char(c) || c == '.')) {
            ERR(ps, p + j, FORM_E_SYNTAX,
                "keys use only a-z, 0-9, _ and . (write Japanese text after the =)",
                "キーには半角英小文字・数字・_・. だけを使ってください（日本語は = の右側に）");
            return;
        }
    }
    form_tpl_key_line(ps, p + l->key, l->key_len, p + l->value, l->value_len);
}

void form_template_free(form_template *t)
{
    if (t == NULL)
        return;
    free(t->id);
    free(t->file);
    free(t->dir);
    form_text_free(t->title);
    free(t->background);
    form_bg_free(t->bg_pdf);
    free(t->number_basis);
    for (size_t i = 0; i < t->nitems; i++) {
        free(t->items[i].name);
        free(t->items[i].text);
        free(t->items[i].mark_value);
    }
    free(t->items);
    for (size_t i = 0; i < t->nquestions; i++) {
        form_question *q = &t->questions[i];
        free(q->id);
        form_text_free(q->label);
        form_text_free(q->help);
        free(q->def);
        free(q->about);
        for (size_t c = 0; c < q->nchoices; c++) {
            free(q->choice_value[c]);
            form_text_free(q->choice_label[c]);
        }
    }
    free(t->questions);
    for (size_t i = 0; i < t->nqr; i++)
        free(t->qr_values[i]);
    free(t);
}

form_err form_template_parse(const char *name, const char *dir, const char *text, size_t len,
                             bool strict, form_template **out, form_diags *diags)
{
    *out = NULL;
    parser ps = {.name = name, .diags = diags, .strict = strict};
    if (len > FORM_MAX_FILE_BYTES) {
        form_diags_addf(diags, FORM_E_SYNTAX, name, 0, 0, NULL, "the file is larger than %u bytes",
                        "ファイルが大きすぎます（上限 %u バイト）", FORM_MAX_FILE_BYTES);
        return FORM_E_SYNTAX;
    }
    form_template *t = calloc(1, sizeof *t);
    if (t == NULL)
        return FORM_E_NOMEM;
    t->questions = calloc(FORM_MAX_QUESTIONS, sizeof *t->questions);
    t->file = form_strdup(name);
    t->dir = dir ? form_strdup(dir) : NULL;
    if (t->questions == NULL || t->file == NULL || (dir && t->dir == NULL)) {
        form_template_free(t);
        return FORM_E_NOMEM;
    }
    ps.t = t;
    form_ini r;
    form_ini_line l;
    form_ini_init(&r, text, len);
    while (form_ini_next(&r, &l)) {
        ps.lineno = l.lineno;
        ps.line = l.p;
        ps.linelen = l.n;
        parse_line(&ps, &l);
        if (ps.errors > 50)
            break;
    }
    ps.line = NULL;
    ps.linelen = 0;
    if (ps.errors == 0)
        form_tpl_check(&ps);
    if (ps.errors > 0) {
        bool syntax = false;
        for (size_t i = 0; diags && i < diags->n; i++)
            if (diags->v[i].err == FORM_E_SYNTAX)
                syntax = true;
        form_template_free(t);
        return syntax ? FORM_E_SYNTAX : FORM_E_TEMPLATE;
    }
    *out = t;
    return FORM_OK;
}

form_err form_template_load(const char *path, bool strict, form_template **out, form_diags *diags)
{
    *out = NULL;
    char *text = NULL;
    size_t len = 0;
    form_err e = form_read_file(path, FORM_MAX_FILE_BYTES, &text, &len);
    if (e == FORM_E_ARG) {
        form_diags_addf(diags, FORM_E_SYNTAX, path, 0, 0, NULL, "the file is larger than %u bytes",
                        "ファイルが大きすぎます（上限 %u バイト）", FORM_MAX_FILE_BYTES);
        return FORM_E_SYNTAX;
    }
    if (e != FORM_OK) {
        form_diags_addf(diags, FORM_E_IO, path, 0, 0, NULL, "the file cannot be read",
                        "ファイルを読めません");
        return e;
    }
    char *dir = form_strdup(path);
    if (dir == NULL) {
        free(text);
        return FORM_E_NOMEM;
    }
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        dir[0] = '.', dir[1] = '\0';
    e = form_template_parse(path, dir, text, len, strict, out, diags);
    free(dir);
    free(text);
    return e;
}

/* ---- public accessors ---- */
FORM_EXPORT const char *form_template_id(const form_template *t)
{
    return t ? t->id : NULL;
}
FORM_EXPORT const form_text *form_template_title(const form_template *t)
{
    return t ? t->title : NULL;
}
FORM_EXPORT const char *form_template_file(const form_template *t)
{
    return t ? t->file : NULL;
}
FORM_EXPORT unsigned form_template_needs(const form_template *t)
{
    return t ? t->needs : 0;
}
FORM_EXPORT const char *form_template_number_basis(const form_template *t)
{
    return t ? t->number_basis : NULL;
}
