/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-event.c — the parser of life events (templates/events/ID.event), read by the same line
 * reader as templates and the catalogue:
 *
 *   [event]                         id, title.ja/.en, description.ja/.en, icon, order,
 *                                   procedure.X = Y …   (X needs Y: Y comes too, and first)
 *   [question ID]                   type = yesno | choice | count, label.ja/.en, help.ja/.en,
 *                                   choice.V.ja/.en, min, max (count), default, ask_if = COND
 *   [rule]                          when = COND (absent: always), procedure = X …,
 *                                   note.ja/.en (a line for the guide sheet)
 *
 * Conditions are parsed once the whole file is read (a rule may stand before the questions it
 * uses); procedure ids are resolved against the catalogue by form_event_bind.
 */
#include "form-event-private.h"

#include "form-ini.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum esec { ES_NONE = 0, ES_EVENT, ES_QUESTION, ES_RULE, ES_BAD };

typedef struct pending {
    char *text;
    int line;
    size_t col; /* 0-based column of the text in its line */
} pending;

typedef struct eparser {
    const char *file;
    form_event *e;
    form_diags *d;
    enum esec sec;
    bool seen_event;
    form_question *q;
    form_rule *r;
    pending ask[FORM_MAX_EVENT_QUESTIONS];
    pending when[FORM_MAX_RULES];
    char seen[32][24]; /* keys of the current section */
    size_t nseen;
    bool bad;
} eparser;

/* One problem at line:col (0-based col) of the file: the event is not loaded. */
#define err(ps, e, line, col, field, en, ja, ...)                                                 \
    do {                                                                                       \
        form_diags_addf((ps)->d, e, (ps)->file, line, (int)(col) + 1, field, en, ja, __VA_ARGS__); \
        (ps)->bad = true;                                                                      \
    } while (0)

static bool valid_id(const char *s, size_t n)
{
    if (n == 0 || n > FORM_MAX_ID)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}

int form_event_question_index(const form_event *e, const char *id, size_t n)
{
    for (size_t i = 0; e && i < e->nquestions; i++)
        if (strlen(e->questions[i].id) == n && memcmp(e->questions[i].id, id, n) == 0)
            return (int)i;
    return -1;
}

static bool reserved_name(const char *s)
{
    static const char *const r[] = {"and", "or", "not", "count", "reached_age", "yes", "no",
                                    "age", "school_age", "members"};
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        if (strcmp(r[i], s) == 0)
            return true;
    return false;
}

static void begin_section(eparser *ps, const form_ini_line *l)
{
    const char *p = l->p + l->name;
    size_t n = l->name_len;
    ps->nseen = 0;
    ps->q = NULL;
    ps->r = NULL;
    ps->sec = ES_BAD;
    if (n == 5 && memcmp(p, "event", 5) == 0) {
        if (ps->seen_event) {
            err(ps, FORM_E_SYNTAX, l->lineno, l->start, NULL, "a second [event] section%s",
                "[event] が二つあります%s", "");
            return;
        }
        ps->seen_event = true;
        ps->sec = ES_EVENT;
        return;
    }
    if (n == 4 && memcmp(p, "rule", 4) == 0) {
        if (ps->e->nrules >= FORM_MAX_RULES) {
            err(ps, FORM_E_SYNTAX, l->lineno, l->start, NULL, "too many rules (the limit is 64)%s",
                "ルールが多すぎます（上限 64）%s", "");
            return;
        }
        ps->r = &ps->e->rules[ps->e->nrules++];
        ps->r->line = l->lineno;
        ps->r->when.root = -1;
        ps->sec = ES_RULE;
        return;
    }
    if (n > 9 && memcmp(p, "question ", 9) == 0) {
        const char *id = p + 9;
        size_t idn = n - 9;
        while (idn > 0 && *id == ' ')
            id++, idn--;
        size_t col = (size_t)(id - l->p);
        if (!valid_id(id, idn)) {
            err(ps, FORM_E_SYNTAX, l->lineno, col, NULL,
                "a question id uses only a-z, 0-9 and _ (at most 48)%s",
                "質問の id には半角英小文字・数字・_ だけを使ってください（48 文字まで）%s", "");
            return;
        }
        char idbuf[FORM_MAX_ID + 1];
        memcpy(idbuf, id, idn);
        idbuf[idn] = '\0';
        if (form_event_question_index(ps->e, id, idn) >= 0) {
            err(ps, FORM_E_TEMPLATE, l->lineno, col, idbuf,
                "the question \"%s\" is defined twice: it would be asked twice",
                "質問「%s」が二度定義されています（二度聞くことになります）", idbuf);
            return;
        }
        if (reserved_name(idbuf)) {
            err(ps, FORM_E_SYNTAX, l->lineno, col, idbuf,
                "\"%s\" is a word of the condition language: give the question another id",
                "「%s」は条件の言葉なので、質問の id には使えません", idbuf);
            return;
        }
        if (ps->e->nquestions >= FORM_MAX_EVENT_QUESTIONS) {
            err(ps, FORM_E_SYNTAX, l->lineno, l->start, NULL,
                "too many questions (the limit is 32)%s", "質問が多すぎます（上限 32）%s", "");
            return;
        }
        form_question *q = &ps->e->questions[ps->e->nquestions++];
        memset(q, 0, sizeof *q);
        q->id = form_strdup(idbuf);
        q->line = l->lineno;
        ps->q = q;
        ps->sec = ES_QUESTION;
        return;
    }
    err(ps, FORM_E_SYNTAX, l->lineno, l->name - 1, NULL,
        "unknown section: use [event], [question ID] or [rule]%s",
        "不明な見出しです。[event]、[question ID]、[rule] のどれかを書いてください%s", "");
}

static bool parse_long(const char *v, long lo, long hi, long *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || *end != '\0' || x < lo || x > hi)
        return false;
    *out = x;
    return true;
}

/* procedure ids in a list value: into ids/cols (at most FORM_MAX_RULE_PROCS). */
static size_t parse_ids(eparser *ps, const form_ini_line *l, const char *val, char **ids,
                        int *cols)
{
    size_t k = 0, n = strlen(val), s, len, count = 0;
    while (form_list_next(val, n, &k, &s, &len)) {
        size_t col = l->value + s;
        if (!valid_id(val + s, len)) {
            err(ps, FORM_E_SYNTAX, l->lineno, col, NULL,
                "a procedure id uses only a-z, 0-9 and _%s",
                "手続きの id には半角英小文字・数字・_ だけを使ってください%s", "");
            continue;
        }
        if (count >= FORM_MAX_RULE_PROCS) {
            err(ps, FORM_E_SYNTAX, l->lineno, col, NULL,
                "too many procedures on one line (at most 8)%s",
                "一行に書ける手続きは 8 つまでです%s", "");
            break;
        }
        ids[count] = form_strndup(val + s, len);
        cols[count++] = (int)col + 1;
    }
    return count;
}

static void unknown_key(eparser *ps, const form_ini_line *l, const char *key,
                        const char *const *known, size_t nknown)
{
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t k = 0; k < nknown; k++) {
        size_t dd = form_edit_distance(key, known[k]);
        if (dd < bestd)
            bestd = dd, best = known[k];
    }
    if (best)
        form_diags_addf(ps->d, FORM_E_SYNTAX, ps->file, l->lineno, (int)l->key + 1, NULL,
                        "unknown key \"%s\"; did you mean \"%s\"?",
                        "キー「%s」はありません。「%s」の誤りではありませんか", key, best);
    else
        form_diags_addf(ps->d, FORM_E_SYNTAX, ps->file, l->lineno, (int)l->key + 1, NULL,
                        "unknown key \"%s\" here", "ここにキー「%s」は書けません", key);
    ps->bad = true;
}

static void key_event(eparser *ps, const form_ini_line *l, const char *key, const char *val)
{
    form_event *e = ps->e;
    long o;
    if (strcmp(key, "id") == 0) {
        if (!valid_id(val, strlen(val)))
            err(ps, FORM_E_SYNTAX, l->lineno, l->value, NULL,
                "an event id uses only a-z, 0-9 and _%s",
                "出来事の id には半角英小文字・数字・_ だけを使ってください%s", "");
        else
            e->id = form_strdup(val);
    } else if (strcmp(key, "title.ja") == 0 || strcmp(key, "title.en") == 0) {
        form_text_set(&e->title, key + 6, val);
    } else if (strcmp(key, "description.ja") == 0 || strcmp(key, "description.en") == 0) {
        form_text_set(&e->description, key + 12, val);
    } else if (strcmp(key, "icon") == 0) {
        free(e->icon);
        e->icon = form_strdup(val);
    } else if (strcmp(key, "order") == 0) {
        if (!parse_long(val, 0, 9999, &o))
            err(ps, FORM_E_SYNTAX, l->lineno, l->value, NULL,
                "order needs a whole number from 0 to 9999%s",
                "order には 0〜9999 の整数を書いてください%s", "");
        else
            e->order = o;
    } else if (strncmp(key, "procedure.", 10) == 0 && valid_id(key + 10, strlen(key + 10))) {
        if (e->ndeps >= FORM_MAX_DEPS) {
            err(ps, FORM_E_SYNTAX, l->lineno, l->key, NULL,
                "too many procedure.X lines (the limit is 32)%s",
                "procedure.X の行が多すぎます（上限 32）%s", "");
            return;
        }
        form_dep *dp = &e->deps[e->ndeps++];
        dp->from = form_strdup(key + 10);
        dp->line = l->lineno;
        dp->col = (int)l->key + 11;
        dp->nto = parse_ids(ps, l, val, dp->to, dp->to_col);
    } else {
        static const char *const known[] = {"id", "title.ja", "title.en", "description.ja",
                                            "description.en", "icon", "order"};
        unknown_key(ps, l, key, known, sizeof known / sizeof known[0]);
    }
}

static void key_question(eparser *ps, const form_ini_line *l, const char *key, const char *val)
{
    form_question *q = ps->q;
    long x;
    size_t qi = (size_t)(q - ps->e->questions);
    if (strcmp(key, "type") == 0) {
        q->has_type = true;
        if (strcmp(val, "yesno") == 0)
            q->type = FORM_Q_YESNO;
        else if (strcmp(val, "choice") == 0)
            q->type = FORM_Q_CHOICE;
        else if (strcmp(val, "count") == 0)
            q->type = FORM_Q_NUMBER;
        else {
            q->has_type = false;
            err(ps, FORM_E_SYNTAX, l->lineno, l->value, q->id,
                "an interview question is yesno, choice or count%s",
                "聞き取りの質問の type は yesno, choice, count のどれかです%s", "");
        }
    } else if (strcmp(key, "label.ja") == 0 || strcmp(key, "label.en") == 0) {
        form_text_set(&q->label, key + 6, val);
    } else if (strcmp(key, "help.ja") == 0 || strcmp(key, "help.en") == 0) {
        form_text_set(&q->help, key + 5, val);
    } else if (strcmp(key, "min") == 0 || strcmp(key, "max") == 0) {
        if (!parse_long(val, 0, 99, &x)) {
            err(ps, FORM_E_SYNTAX, l->lineno, l->value, q->id,
                "a count's min and max are whole numbers from 0 to 99%s",
                "count の min と max には 0〜99 の整数を書いてください%s", "");
        } else if (key[1] == 'i') {
            q->min = x;
            q->has_min = true;
        } else {
            q->max = x;
            q->has_max = true;
        }
    } else if (strcmp(key, "default") == 0) {
        free(q->def);
        q->def = form_strdup(val);
    } else if (strcmp(key, "ask_if") == 0) {
        ps->ask[qi].text = form_strdup(val);
        ps->ask[qi].line = l->lineno;
        ps->ask[qi].col = l->value;
    } else if (strncmp(key, "choice.", 7) == 0) {
        const char *v = key + 7;
        const char *dot = strrchr(v, '.');
        if (dot == NULL || !valid_id(v, (size_t)(dot - v)) ||
            (strcmp(dot, ".ja") != 0 && strcmp(dot, ".en") != 0)) {
            err(ps, FORM_E_SYNTAX, l->lineno, l->key, q->id,
                "write a choice as choice.VALUE.ja / choice.VALUE.en%s",
                "選択肢は choice.値.ja / choice.値.en と書きます%s", "");
            return;
        }
        size_t vn = (size_t)(dot - v), i;
        for (i = 0; i < q->nchoices; i++)
            if (strlen(q->choice_value[i]) == vn && memcmp(q->choice_value[i], v, vn) == 0)
                break;
        if (i == q->nchoices) {
            if (q->nchoices >= FORM_MAX_CHOICES) {
                err(ps, FORM_E_SYNTAX, l->lineno, l->key, q->id,
                    "too many choices (the limit is 32)%s", "選択肢が多すぎます（上限 32）%s", "");
                return;
            }
            q->choice_value[i] = form_strndup(v, vn);
            q->nchoices++;
        }
        form_text_set(&q->choice_label[i], dot + 1, val);
    } else {
        static const char *const known[] = {"type",  "label.ja", "label.en", "help.ja", "help.en",
                                            "min",   "max",      "default",  "ask_if"};
        unknown_key(ps, l, key, known, sizeof known / sizeof known[0]);
    }
}

static void key_rule(eparser *ps, const form_ini_line *l, const char *key, const char *val)
{
    form_rule *r = ps->r;
    size_t ri = (size_t)(r - ps->e->rules);
    if (strcmp(key, "when") == 0) {
        ps->when[ri].text = form_strdup(val);
        ps->when[ri].line = l->lineno;
        ps->when[ri].col = l->value;
    } else if (strcmp(key, "procedure") == 0) {
        r->nprocs = parse_ids(ps, l, val, r->procs, r->proc_col);
        r->procs_line = l->lineno;
    } else if (strcmp(key, "note.ja") == 0 || strcmp(key, "note.en") == 0) {
        form_text_set(&r->note, key + 5, val);
    } else {
        static const char *const known[] = {"when", "procedure", "note.ja", "note.en"};
        unknown_key(ps, l, key, known, sizeof known / sizeof known[0]);
    }
}

static void on_pair(eparser *ps, const form_ini_line *l)
{
    char key[64], *val;
    if (ps->sec == ES_BAD)
        return;
    if (ps->sec == ES_NONE) {
        err(ps, FORM_E_SYNTAX, l->lineno, l->start, NULL,
            "the file must start with [event]%s", "ファイルは [event] で始めてください%s", "");
        ps->sec = ES_BAD;
        return;
    }
    if (l->key_len == 0 || l->key_len >= sizeof key) {
        err(ps, FORM_E_SYNTAX, l->lineno, l->start, NULL, "a key is missing or too long%s",
            "キーが無いか長すぎます%s", "");
        return;
    }
    memcpy(key, l->p + l->key, l->key_len);
    key[l->key_len] = '\0';
    for (size_t i = 0; i < ps->nseen; i++)
        if (strcmp(ps->seen[i], key) == 0) {
            err(ps, FORM_E_SYNTAX, l->lineno, l->key, NULL,
                "the key \"%s\" is given twice in this section",
                "キー「%s」がこの見出しの中で二度書かれています", key);
            return;
        }
    if (ps->nseen < sizeof ps->seen / sizeof ps->seen[0] && strlen(key) < sizeof ps->seen[0])
        memcpy(ps->seen[ps->nseen++], key, strlen(key) + 1);
    val = form_strndup(l->p + l->value, l->value_len);
    if (val == NULL) {
        ps->bad = true;
        return;
    }
    if (ps->sec == ES_EVENT)
        key_event(ps, l, key, val);
    else if (ps->sec == ES_QUESTION)
        key_question(ps, l, key, val);
    else
        key_rule(ps, l, key, val);
    free(val);
}

/* After the file: each question and rule complete, conditions parsed. */
static void finish(eparser *ps)
{
    form_event *e = ps->e;
    if (!ps->seen_event || e->id == NULL || e->title == NULL || e->title->s[0] == NULL)
        err(ps, FORM_E_SYNTAX, 1, 0, NULL, "the [event] section needs id and title.ja%s",
            "[event] には id と title.ja が必要です%s", "");
    for (size_t i = 0; i < e->nquestions; i++) {
        form_question *q = &e->questions[i];
        if (!q->has_type)
            err(ps, FORM_E_SYNTAX, q->line, 0, q->id, "the question \"%s\" needs a type",
                "質問「%s」に type がありません", q->id);
        if (q->label == NULL || q->label->s[0] == NULL) /* s[0]: ja */
            err(ps, FORM_E_SYNTAX, q->line, 0, q->id, "the question \"%s\" needs label.ja",
                "質問「%s」に label.ja がありません", q->id);
        if (q->has_type && q->type == FORM_Q_CHOICE && q->nchoices < 2)
            err(ps, FORM_E_SYNTAX, q->line, 0, q->id,
                "the choice question \"%s\" needs at least two choices",
                "選択の質問「%s」には選択肢が二つ以上必要です", q->id);
        if (q->has_type && q->type != FORM_Q_CHOICE && q->nchoices > 0)
            err(ps, FORM_E_SYNTAX, q->line, 0, q->id, "only a choice question has choices (%s)",
                "選択肢を書けるのは choice の質問だけです（%s）", q->id);
        if (q->type == FORM_Q_NUMBER) {
            if (!q->has_max)
                q->max = FORM_EVENT_COUNT_MAX;
            if (q->min > q->max)
                err(ps, FORM_E_SYNTAX, q->line, 0, q->id, "min is above max in \"%s\"",
                    "質問「%s」の min が max より大きくなっています", q->id);
        } else if (q->has_min || q->has_max) {
            err(ps, FORM_E_SYNTAX, q->line, 0, q->id, "only a count question has min and max (%s)",
                "min と max を書けるのは count の質問だけです（%s）", q->id);
        }
        q->required = true;
        if (q->def && q->has_type && form_question_validate(q, q->def, "en", NULL) != FORM_OK)
            err(ps, FORM_E_SYNTAX, q->line, 0, q->id,
                "the default of \"%s\" is not one of its answers",
                "質問「%s」の default が答えとして正しくありません", q->id);
    }
    char en[320], ja[400];
    size_t at = 0;
    for (size_t i = 0; i < e->nquestions && !ps->bad; i++) {
        pending *pd = &ps->ask[i];
        if (pd->text == NULL)
            continue;
        form_err r = form_cond_parse(e, i, pd->text, &e->ask_if[i], en, ja, sizeof en, &at);
        if (r == FORM_E_NOMEM)
            ps->bad = true;
        else if (r != FORM_OK)
            form_diags_add(ps->d, FORM_E_TEMPLATE, ps->file, pd->line, (int)(pd->col + at) + 1,
                           e->questions[i].id, en, ja);
        e->ask_if[i].line = pd->line;
        e->ask_if[i].col0 = pd->col;
        if (r != FORM_OK)
            ps->bad = true;
    }
    for (size_t i = 0; i < e->nrules; i++) {
        form_rule *r = &e->rules[i];
        if (r->nprocs == 0 && r->note == NULL)
            err(ps, FORM_E_SYNTAX, r->line, 0, NULL,
                "a rule leads to nothing: give it procedure = … or note.ja%s",
                "ルールに procedure = … も note.ja もありません%s", "");
        pending *pd = &ps->when[i];
        if (pd->text == NULL || ps->bad)
            continue;
        form_err x = form_cond_parse(e, SIZE_MAX, pd->text, &r->when, en, ja, sizeof en, &at);
        if (x == FORM_E_NOMEM)
            ps->bad = true;
        else if (x != FORM_OK)
            form_diags_add(ps->d, FORM_E_TEMPLATE, ps->file, pd->line, (int)(pd->col + at) + 1,
                           NULL, en, ja);
        r->when.line = pd->line;
        r->when.col0 = pd->col;
        if (x != FORM_OK)
            ps->bad = true;
    }
}

form_err form_event_parse(const char *name, const char *text, size_t len, form_event **out,
                          form_diags *diags)
{
    if (out == NULL || text == NULL || diags == NULL)
        return FORM_E_ARG;
    *out = NULL;
    eparser ps = {.file = name, .d = diags};
    ps.e = calloc(1, sizeof *ps.e);
    if (ps.e == NULL)
        return FORM_E_NOMEM;
    ps.e->file = form_strdup(name);
    ps.e->order = 1000;
    for (size_t i = 0; i < FORM_MAX_EVENT_QUESTIONS; i++)
        ps.e->ask_if[i].root = -1;
    form_ini r;
    form_ini_line l;
    form_ini_init(&r, text, len);
    /* at most 200 problems of this file (the list may already hold other files' findings) */
    const size_t before = form_diags_count(diags);
    if (len > FORM_MAX_FILE_BYTES) {
        err(&ps, FORM_E_SYNTAX, 0, 0, NULL, "the file is larger than 256 KiB%s",
            "ファイルが 256 KiB を超えています%s", "");
    }
    while (form_diags_count(diags) - before < 200) {
        if (len > FORM_MAX_FILE_BYTES || !form_ini_next(&r, &l))
            break;
        switch (l.kind) {
        case FORM_INI_BLANK:
            break;
        case FORM_INI_TOO_LONG:
            err(&ps, FORM_E_SYNTAX, l.lineno, 0, NULL, "the line is longer than 1024 bytes%s",
                "行が 1024 バイトを超えています%s", "");
            break;
        case FORM_INI_NUL:
        case FORM_INI_NOT_UTF8:
            err(&ps, FORM_E_SYNTAX, l.lineno, l.at, NULL,
                "the line is not UTF-8 text (save the file as UTF-8)%s",
                "行が UTF-8 ではありません（UTF-8 で保存してください）%s", "");
            break;
        case FORM_INI_UNCLOSED:
            err(&ps, FORM_E_SYNTAX, l.lineno, l.at, NULL, "a [ has no closing ]%s",
                "[ に対応する ] がありません%s", "");
            ps.sec = ES_BAD;
            break;
        case FORM_INI_NO_EQUALS:
            if (l.fullwidth_equals)
                err(&ps, FORM_E_SYNTAX, l.lineno, l.at, NULL,
                    "a full-width ＝ stands where = belongs%s", "全角の「＝」は半角の「=」にしてください%s", "");
            else
                err(&ps, FORM_E_SYNTAX, l.lineno, l.at, NULL, "expected \"key = value\"%s",
                    "「キー = 値」と書いてください%s", "");
            break;
        case FORM_INI_SECTION:
            begin_section(&ps, &l);
            break;
        case FORM_INI_PAIR:
            on_pair(&ps, &l);
            break;
        }
    }
    if (!ps.bad)
        finish(&ps);
    for (size_t i = 0; i < FORM_MAX_EVENT_QUESTIONS; i++)
        free(ps.ask[i].text);
    for (size_t i = 0; i < FORM_MAX_RULES; i++)
        free(ps.when[i].text);
    if (ps.bad) {
        form_event_free(ps.e);
        return FORM_E_SYNTAX;
    }
    *out = ps.e;
    return FORM_OK;
}

void form_event_free(form_event *e)
{
    if (e == NULL)
        return;
    free(e->id);
    free(e->file);
    form_text_free(e->title);
    form_text_free(e->description);
    free(e->icon);
    for (size_t i = 0; i < e->nquestions; i++) {
        form_question *q = &e->questions[i];
        free(q->id);
        form_text_free(q->label);
        form_text_free(q->help);
        free(q->def);
        free(q->about);
        for (size_t k = 0; k < q->nchoices; k++) {
            free(q->choice_value[k]);
            form_text_free(q->choice_label[k]);
        }
        form_cond_free(&e->ask_if[i]);
    }
    for (size_t i = 0; i < e->nrules; i++) {
        form_rule *r = &e->rules[i];
        form_cond_free(&r->when);
        for (size_t k = 0; k < r->nprocs; k++)
            free(r->procs[k]);
        form_text_free(r->note);
    }
    for (size_t i = 0; i < e->ndeps; i++) {
        free(e->deps[i].from);
        for (size_t k = 0; k < e->deps[i].nto; k++)
            free(e->deps[i].to[k]);
    }
    free(e);
}

static bool bind_id(form_event *e, const form_catalog *c, const char *id, int line, int col,
                    form_diags *diags)
{
    if (form_catalog_find(c, id) != NULL)
        return true;
    form_diags_addf(diags, FORM_E_NOT_FOUND, e->file, line, col, id,
                    "unknown procedure \"%s\": it is not in catalog.conf (or its form is broken)",
                    "手続き「%s」が catalog.conf にありません（または様式が壊れています）", id);
    return false;
}

bool form_event_bind(form_event *e, const form_catalog *c, form_diags *diags)
{
    bool ok = true;
    for (size_t i = 0; i < e->nrules; i++) {
        form_rule *r = &e->rules[i];
        for (size_t k = 0; k < r->nprocs; k++) {
            if (bind_id(e, c, r->procs[k], r->procs_line, r->proc_col[k], diags))
                r->proc[k] = form_catalog_find(c, r->procs[k]);
            else
                ok = false;
        }
    }
    for (size_t i = 0; i < e->ndeps; i++) {
        form_dep *dp = &e->deps[i];
        ok = bind_id(e, c, dp->from, dp->line, dp->col, diags) && ok;
        dp->from_proc = form_catalog_find(c, dp->from);
        for (size_t k = 0; k < dp->nto; k++) {
            ok = bind_id(e, c, dp->to[k], dp->line, dp->to_col[k], diags) && ok;
            dp->to_proc[k] = form_catalog_find(c, dp->to[k]);
        }
    }
    return ok;
}
