/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-event-expr.c — the conditions of life events: `when = ` of a rule and `ask_if = ` of
 * a question. A small, typed language with no side effects and no loops:
 *
 *   or    := and { "or" and }
 *   and   := not { "and" not }
 *   not   := "not" not | cmp
 *   cmp   := sum [ ("=" | "!=" | "<" | "<=" | ">" | ">=") sum ]
 *   sum   := prim { ("+" | "-") prim }
 *   prim  := NUMBER | "(" or ")" | "count" "(" or ")" | "reached_age" "(" NUMBER ")" | NAME
 *
 * NAME is a question of the event (yesno: a condition, also `= yes`; choice: compared with
 * one of its values; count: a number), a fact (age, school_age, members), yes / no, or a
 * choice value. Facts are the applicant's (card.birth, else member.1.birth), and each
 * member's inside count(…). An unanswered question is no / 0 / no choice; a fact that is
 * not known (no birth date) makes every comparison with it false.
 */
#include "form-event-private.h"

#include <openssl/crypto.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- dates: the law's ages ---- */

static long day_number(form_date d) /* days since a fixed epoch, proleptic Gregorian */
{
    long y = d.y, m = d.m;
    if (m <= 2) {
        y--;
        m += 12;
    }
    return 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + d.d;
}

/* The n-th birthday (29 February: 1 March in common years, as form_age counts). */
static form_date birthday(form_date b, int n)
{
    form_date r = {b.y + n, b.m, b.d};
    if (r.m == 2 && r.d == 29 && form_days_in_month(r.y, 2) == 28) {
        r.m = 3;
        r.d = 1;
    }
    return r;
}

bool form_reached_age(form_date birth, int n, form_date today)
{
    if (n <= 0)
        return day_number(today) >= day_number(birth);
    /* reached at the end of the day before the birthday: true from that day on */
    return day_number(today) >= day_number(birthday(birth, n)) - 1;
}

bool form_school_age(form_date birth, form_date today)
{
    /* 学校教育法 17条: from the first 1 April after the child reaches 6 (born 2 April … 1 April
     * of the next year share a school year) for nine years. */
    int start = birth.y + 6 + ((birth.m > 4 || (birth.m == 4 && birth.d >= 2)) ? 1 : 0);
    form_date from = {start, 4, 1}, until = {start + 9, 4, 1};
    long t = day_number(today);
    return t >= day_number(from) && t < day_number(until);
}

/* ---- lexer ---- */

typedef enum tok_kind {
    TK_END = 0,
    TK_NUM,
    TK_NAME,
    TK_LP,
    TK_RP,
    TK_EQ,
    TK_NE,
    TK_LT,
    TK_LE,
    TK_GT,
    TK_GE,
    TK_PLUS,
    TK_MINUS,
    TK_BAD,
} tok_kind;

typedef struct tok {
    tok_kind kind;
    size_t at, len;
    long num;
} tok;

typedef struct cparser {
    const struct form_event *ev;
    size_t limit_q;
    const char *s;
    size_t n, pos;
    tok t;
    form_expr *x;
    unsigned depth;
    bool in_count;
    char *why_en, *why_ja;
    size_t cap;
    size_t at;
    bool failed;
} cparser;

/* Copy msg into dst with its one %s replaced by arg (messages are not printf formats). */
static void put_msg(char *dst, size_t cap, const char *msg, const char *arg)
{
    if (dst == NULL || cap == 0)
        return;
    size_t o = 0;
    for (const char *m = msg; *m && o + 1 < cap; m++) {
        if (m[0] == '%' && m[1] == 's') {
            for (const char *a = arg; *a && o + 1 < cap; a++)
                dst[o++] = *a;
            m++;
        } else {
            dst[o++] = *m;
        }
    }
    dst[o] = '\0';
}

static void fail(cparser *p, size_t at, const char *en, const char *ja, const char *arg)
{
    if (p->failed)
        return;
    p->failed = true;
    p->at = at;
    put_msg(p->why_en, p->cap, en, arg ? arg : "");
    put_msg(p->why_ja, p->cap, ja, arg ? arg : "");
}

static void next(cparser *p)
{
    while (p->pos < p->n && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t'))
        p->pos++;
    tok t = {TK_END, p->pos, 0, 0};
    if (p->pos >= p->n) {
        p->t = t;
        return;
    }
    const char *s = p->s + p->pos;
    size_t left = p->n - p->pos;
    unsigned char c = (unsigned char)s[0];
    if (c >= '0' && c <= '9') {
        size_t k = 0;
        long v = 0;
        while (k < left && s[k] >= '0' && s[k] <= '9') {
            if (v < 100000)
                v = v * 10 + (s[k] - '0');
            k++;
        }
        t.kind = v < 100000 ? TK_NUM : TK_BAD;
        t.num = v;
        t.len = k;
    } else if ((c >= 'a' && c <= 'z') || c == '_') {
        size_t k = 0;
        while (k < left && ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= '0' && s[k] <= '9') ||
                            s[k] == '_'))
            k++;
        t.kind = TK_NAME;
        t.len = k;
    } else if (c == '(' || c == ')' || c == '+' || c == '-' || c == '=') {
        t.kind = c == '(' ? TK_LP : c == ')' ? TK_RP : c == '+' ? TK_PLUS : c == '-' ? TK_MINUS : TK_EQ;
        t.len = 1;
    } else if (c == '!' && left > 1 && s[1] == '=') {
        t.kind = TK_NE;
        t.len = 2;
    } else if (c == '<' || c == '>') {
        bool eq = left > 1 && s[1] == '=';
        t.kind = c == '<' ? (eq ? TK_LE : TK_LT) : (eq ? TK_GE : TK_GT);
        t.len = eq ? 2 : 1;
    } else {
        t.kind = TK_BAD;
        t.len = 1;
    }
    p->pos += t.len;
    p->t = t;
}

static bool is_name(const cparser *p, const char *w)
{
    return p->t.kind == TK_NAME && strlen(w) == p->t.len && memcmp(p->s + p->t.at, w, p->t.len) == 0;
}

static int node(cparser *p, form_xkind k, form_xtype ty, int a, int b, size_t at)
{
    if (p->failed)
        return -1;
    if (p->x->count >= FORM_MAX_EXPR_NODES) {
        fail(p, at, "the condition is too long (at most %s parts)",
             "条件が長すぎます（部品は %s 個まで）", "64");
        return -1;
    }
    form_xnode *nd = &p->x->n[p->x->count];
    memset(nd, 0, sizeof *nd);
    nd->kind = k;
    nd->type = ty;
    nd->a = a;
    nd->b = b;
    nd->q = -1;
    nd->col = at;
    return (int)p->x->count++;
}

static int parse_or(cparser *p);

static const char *const reserved[] = {"and", "or", "not", "count", "reached_age", "yes",
                                       "no",  "age", "school_age", "members"};

static int parse_prim(cparser *p)
{
    if (p->failed)
        return -1;
    tok t = p->t;
    if (t.kind == TK_NUM) {
        next(p);
        int i = node(p, FORM_X_NUM, FORM_T_NUM, -1, -1, t.at);
        if (i >= 0)
            p->x->n[i].num = t.num;
        return i;
    }
    if (t.kind == TK_LP) {
        if (++p->depth > FORM_MAX_EXPR_DEPTH) {
            fail(p, t.at, "parentheses nest too deeply%s", "括弧が深すぎます%s", "");
            return -1;
        }
        next(p);
        int i = parse_or(p);
        if (!p->failed && p->t.kind != TK_RP)
            fail(p, p->t.at, "a ( has no closing )%s", "( に対応する ) がありません%s", "");
        next(p);
        p->depth--;
        return i;
    }
    if (t.kind != TK_NAME) {
        if (t.kind == TK_END)
            fail(p, t.at, "the condition ends too early%s", "条件が途中で終わっています%s", "");
        else if (t.kind == TK_BAD)
            fail(p, t.at,
                 "unexpected character here: write names in a-z 0-9 _, numbers, ( ), "
                 "= != < <= > >= + -%s",
                 "ここに使えない文字があります（名前は半角英小文字・数字・_、記号は ( ) = != < <= > >= + -）%s", "");
        else
            fail(p, t.at, "a name or a number is missing here%s", "ここに名前か数が必要です%s", "");
        return -1;
    }
    if (is_name(p, "count")) {
        next(p);
        if (p->t.kind != TK_LP) {
            fail(p, p->t.at, "write count(condition), e.g. count(age >= 65)%s",
                 "count(条件) と書きます（例 count(age >= 65)）%s", "");
            return -1;
        }
        if (p->in_count) {
            fail(p, t.at, "count(…) inside count(…) is not allowed%s",
                 "count(…) の中に count(…) は書けません%s", "");
            return -1;
        }
        p->in_count = true;
        int a = parse_prim(p);
        p->in_count = false;
        return node(p, FORM_X_COUNT, FORM_T_NUM, a, -1, t.at);
    }
    if (is_name(p, "reached_age")) {
        next(p);
        bool paren = p->t.kind == TK_LP;
        if (paren)
            next(p);
        if (p->t.kind != TK_NUM || p->t.num > 150) {
            fail(p, p->t.at, "write reached_age(N) with an age N from 0 to 150%s",
                 "reached_age(N) の N には 0〜150 の年齢を書きます%s", "");
            return -1;
        }
        long n = p->t.num;
        next(p);
        if (paren) {
            if (p->t.kind != TK_RP) {
                fail(p, p->t.at, "a ( has no closing )%s", "( に対応する ) がありません%s", "");
                return -1;
            }
            next(p);
        }
        int i = node(p, FORM_X_REACHED, FORM_T_BOOL, -1, -1, t.at);
        if (i >= 0)
            p->x->n[i].num = n;
        return i;
    }
    next(p);
    char w[FORM_MAX_ID + 1];
    if (t.len > FORM_MAX_ID) {
        fail(p, t.at, "a name is too long (at most %s characters)", "名前が長すぎます（%s 文字まで）",
             "48");
        return -1;
    }
    memcpy(w, p->s + t.at, t.len);
    w[t.len] = '\0';
    if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0 || strcmp(w, "not") == 0) {
        fail(p, t.at, "\"%s\" needs a condition before it", "「%s」の前に条件が必要です", w);
        return -1;
    }
    if (strcmp(w, "yes") == 0 || strcmp(w, "no") == 0) {
        int i = node(p, FORM_X_BOOL, FORM_T_BOOL, -1, -1, t.at);
        if (i >= 0)
            p->x->n[i].num = w[0] == 'y';
        return i;
    }
    if (strcmp(w, "age") == 0)
        return node(p, FORM_X_AGE, FORM_T_NUM, -1, -1, t.at);
    if (strcmp(w, "school_age") == 0)
        return node(p, FORM_X_SCHOOL, FORM_T_BOOL, -1, -1, t.at);
    if (strcmp(w, "members") == 0)
        return node(p, FORM_X_MEMBERS, FORM_T_NUM, -1, -1, t.at);
    int qi = form_event_question_index(p->ev, w, t.len);
    if (qi >= 0 && (size_t)qi >= p->limit_q) {
        fail(p, t.at,
             "\"%s\" is asked later: ask_if may only use questions asked before this one",
             "「%s」はこの質問より後に聞く質問です。ask_if には前の質問だけを使えます", w);
        return -1;
    }
    form_xtype ty = FORM_T_WORD;
    form_xkind k = FORM_X_WORD;
    if (qi >= 0) {
        k = FORM_X_ANSWER;
        form_question_type qt = p->ev->questions[qi].type;
        ty = qt == FORM_Q_YESNO ? FORM_T_BOOL : qt == FORM_Q_NUMBER ? FORM_T_NUM : FORM_T_WORD;
    }
    int i = node(p, k, ty, -1, -1, t.at);
    if (i >= 0) {
        p->x->n[i].q = qi;
        p->x->n[i].word = form_strdup(w);
        if (p->x->n[i].word == NULL)
            fail(p, t.at, "out of memory%s", "メモリが足りません%s", "");
    }
    return i;
}

static int parse_sum(cparser *p)
{
    int a = parse_prim(p);
    while (!p->failed && (p->t.kind == TK_PLUS || p->t.kind == TK_MINUS)) {
        tok op = p->t;
        next(p);
        int b = parse_prim(p);
        a = node(p, op.kind == TK_PLUS ? FORM_X_ADD : FORM_X_SUB, FORM_T_NUM, a, b, op.at);
    }
    return a;
}

static int parse_cmp(cparser *p)
{
    int a = parse_sum(p);
    tok op = p->t;
    static const struct {
        tok_kind t;
        form_xkind k;
    } ops[] = {{TK_EQ, FORM_X_EQ}, {TK_NE, FORM_X_NE}, {TK_LT, FORM_X_LT},
               {TK_LE, FORM_X_LE}, {TK_GT, FORM_X_GT}, {TK_GE, FORM_X_GE}};
    for (size_t i = 0; !p->failed && i < sizeof ops / sizeof ops[0]; i++)
        if (op.kind == ops[i].t) {
            next(p);
            int b = parse_sum(p);
            return node(p, ops[i].k, FORM_T_BOOL, a, b, op.at);
        }
    return a;
}

static int parse_not(cparser *p)
{
    if (!p->failed && is_name(p, "not")) {
        tok t = p->t;
        if (++p->depth > FORM_MAX_EXPR_DEPTH) {
            fail(p, t.at, "\"not\" nests too deeply%s", "not が深すぎます%s", "");
            return -1;
        }
        next(p);
        int a = parse_not(p);
        p->depth--;
        return node(p, FORM_X_NOT, FORM_T_BOOL, a, -1, t.at);
    }
    return parse_cmp(p);
}

static int parse_and(cparser *p)
{
    int a = parse_not(p);
    while (!p->failed && is_name(p, "and")) {
        size_t at = p->t.at;
        next(p);
        a = node(p, FORM_X_AND, FORM_T_BOOL, a, parse_not(p), at);
    }
    return a;
}

static int parse_or(cparser *p)
{
    int a = parse_and(p);
    while (!p->failed && is_name(p, "or")) {
        size_t at = p->t.at;
        next(p);
        a = node(p, FORM_X_OR, FORM_T_BOOL, a, parse_and(p), at);
    }
    return a;
}

/* ---- types ---- */

static const char *type_name(form_xtype t, bool ja)
{
    static const char *const en[] = {"a number", "a yes/no condition", "a choice"};
    static const char *const jp[] = {"数", "はい/いいえの条件", "選択肢"};
    return ja ? jp[t] : en[t];
}

/* The closest known name to w, for "did you mean". */
static const char *closest(const cparser *p, const char *w)
{
    const char *best = NULL;
    size_t bestd = 3;
    for (size_t i = 0; i < p->ev->nquestions && i < p->limit_q; i++) {
        size_t d = form_edit_distance(w, p->ev->questions[i].id);
        if (d < bestd)
            bestd = d, best = p->ev->questions[i].id;
    }
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++) {
        size_t d = form_edit_distance(w, reserved[i]);
        if (d < bestd)
            bestd = d, best = reserved[i];
    }
    return best;
}

static void unknown_word(cparser *p, const form_xnode *nd)
{
    const char *best = closest(p, nd->word);
    char en[160], ja[200];
    if (best) {
        snprintf(en, sizeof en, "unknown name \"%%s\"; did you mean \"%s\"?", best);
        snprintf(ja, sizeof ja, "名前「%%s」はありません。「%s」の誤りではありませんか", best);
    } else {
        snprintf(en, sizeof en, "%s",
                 "unknown name \"%s\" (a question of this event, age, school_age, members, "
                 "count(…), reached_age(N), yes or no)");
        snprintf(ja, sizeof ja, "%s",
                 "名前「%s」はありません（この出来事の質問、age, school_age, members, count(…), "
                 "reached_age(N), yes, no のどれか）");
    }
    fail(p, nd->col, en, ja, nd->word);
}

static bool has_choice(const form_question *q, const char *w)
{
    for (size_t i = 0; i < q->nchoices; i++)
        if (strcmp(q->choice_value[i], w) == 0)
            return true;
    return false;
}

static void need(cparser *p, int i, form_xtype want)
{
    if (p->failed || i < 0)
        return;
    const form_xnode *nd = &p->x->n[i];
    if (nd->kind == FORM_X_WORD) {
        unknown_word(p, nd);
        return;
    }
    if (nd->type != want) {
        char en[160], ja[200];
        snprintf(en, sizeof en, "%s is needed here, not %s%%s", type_name(want, false),
                 type_name(nd->type, false));
        snprintf(ja, sizeof ja, "ここには%sが必要です（%sは使えません）%%s", type_name(want, true),
                 type_name(nd->type, true));
        fail(p, nd->col, en, ja, "");
    }
}

static void typecheck(cparser *p, int i)
{
    if (p->failed || i < 0)
        return;
    form_xnode *nd = &p->x->n[i];
    typecheck(p, nd->a);
    typecheck(p, nd->b);
    if (p->failed)
        return;
    switch (nd->kind) {
    case FORM_X_NOT:
    case FORM_X_COUNT:
        need(p, nd->a, FORM_T_BOOL);
        break;
    case FORM_X_AND:
    case FORM_X_OR:
        need(p, nd->a, FORM_T_BOOL);
        need(p, nd->b, FORM_T_BOOL);
        break;
    case FORM_X_ADD:
    case FORM_X_SUB:
    case FORM_X_LT:
    case FORM_X_LE:
    case FORM_X_GT:
    case FORM_X_GE:
        need(p, nd->a, FORM_T_NUM);
        need(p, nd->b, FORM_T_NUM);
        break;
    case FORM_X_EQ:
    case FORM_X_NE: {
        form_xnode *a = &p->x->n[nd->a], *b = &p->x->n[nd->b];
        if (a->kind == FORM_X_WORD && b->kind == FORM_X_ANSWER) {
            form_xnode *t = a;
            a = b;
            b = t;
        }
        if (a->kind == FORM_X_ANSWER && a->type == FORM_T_WORD && b->kind == FORM_X_WORD) {
            const form_question *q = &p->ev->questions[a->q];
            if (!has_choice(q, b->word)) {
                char en[200], ja[240];
                snprintf(en, sizeof en, "\"%%s\" is not a choice of the question \"%s\"", q->id);
                snprintf(ja, sizeof ja, "「%%s」は質問「%s」の選択肢にありません", q->id);
                fail(p, b->col, en, ja, b->word);
            }
            break;
        }
        if (a->kind == FORM_X_WORD || b->kind == FORM_X_WORD) {
            unknown_word(p, a->kind == FORM_X_WORD ? a : b);
            break;
        }
        need(p, nd->b, a->type);
        break;
    }
    default:
        break;
    }
}

form_err form_cond_parse(const struct form_event *ev, size_t limit_q, const char *text,
                         form_expr *out, char *why_en, char *why_ja, size_t cap, size_t *at)
{
    memset(out, 0, sizeof *out);
    out->root = -1;
    out->n = calloc(FORM_MAX_EXPR_NODES, sizeof *out->n);
    if (out->n == NULL)
        return FORM_E_NOMEM;
    cparser p = {.ev = ev, .limit_q = limit_q, .s = text, .n = strlen(text), .x = out,
                 .why_en = why_en, .why_ja = why_ja, .cap = cap};
    next(&p);
    if (p.t.kind == TK_END)
        fail(&p, 0, "the condition is empty%s", "条件が空です%s", "");
    int root = parse_or(&p);
    if (!p.failed && p.t.kind == TK_BAD)
        fail(&p, p.t.at,
             "unexpected character here: write names in a-z 0-9 _, numbers, ( ), "
             "= != < <= > >= + -%s",
             "ここに使えない文字があります（名前は半角英小文字・数字・_、記号は ( ) = != < <= > >= + -）%s", "");
    if (!p.failed && p.t.kind != TK_END)
        fail(&p, p.t.at,
             "unexpected text here: join conditions with and / or, compare with = != < <= > >=%s",
             "ここで条件が終わっていません（and / or でつなぎ、= != < <= > >= で比べます）%s", "");
    if (!p.failed) {
        typecheck(&p, root);
        need(&p, root, FORM_T_BOOL);
    }
    if (p.failed) {
        *at = p.at;
        form_cond_free(out);
        return FORM_E_TEMPLATE;
    }
    out->root = root;
    return FORM_OK;
}

void form_cond_free(form_expr *x)
{
    if (x == NULL)
        return;
    for (size_t i = 0; x->n && i < x->count; i++)
        free(x->n[i].word);
    free(x->n);
    x->n = NULL;
    x->count = 0;
    x->root = -1;
}

/* ---- evaluation ---- */

void form_facts_init(form_facts *f, const struct form_event *ev, const form_values *v)
{
    memset(f, 0, sizeof *f);
    f->ev = ev;
    f->v = v;
    char buf[16];
    const char *t = form_values_get(v, "today", buf, sizeof buf);
    if (t == NULL || !form_date_parse(t, &f->today))
        form_today(&f->today);
    const char *b = form_values_get(v, "card.birth", buf, sizeof buf);
    f->applicant.has_birth = b != NULL && form_date_parse(b, &f->applicant.birth);
    for (unsigned n = 1; n <= FORM_MAX_MEMBERS; n++) {
        char name[32];
        bool any = false;
        form_person person = {0};
        for (size_t k = 0; k < FORM_MEMBER_FIELDS; k++) {
            snprintf(name, sizeof name, "member.%u.%s", n, form_member_fields[k]);
            const char *val = form_values_get(v, name, buf, sizeof buf);
            if (val == NULL)
                continue;
            any = true;
            if (strcmp(form_member_fields[k], "birth") == 0)
                person.has_birth = form_date_parse(val, &person.birth);
        }
        if (any)
            f->members[f->nmembers++] = person;
    }
    if (!f->applicant.has_birth && f->nmembers > 0)
        f->applicant = f->members[0];
    /* in interview order: ask_if sees only earlier questions, whose asked[] is known */
    for (size_t i = 0; ev && i < ev->nquestions; i++)
        f->asked[i] = form_cond_eval(&ev->ask_if[i], f);
}

void form_facts_wipe(form_facts *f)
{
    OPENSSL_cleanse(f, sizeof *f); /* birth dates of the household */
}

typedef struct xval {
    form_xtype t;
    bool known;
    long n;
    const char *w;
} xval;

static xval eval(const form_expr *x, int i, const form_facts *f, const form_person *who)
{
    xval r = {FORM_T_BOOL, true, 0, ""};
    if (i < 0)
        return r;
    const form_xnode *nd = &x->n[i];
    r.t = nd->type;
    switch (nd->kind) {
    case FORM_X_NUM:
    case FORM_X_BOOL:
        r.n = nd->num;
        return r;
    case FORM_X_WORD:
        r.w = nd->word;
        return r;
    case FORM_X_ANSWER: {
        const form_question *q = &f->ev->questions[nd->q];
        char key[FORM_MAX_ID + 8], buf[16];
        snprintf(key, sizeof key, "answer.%s", q->id);
        const char *a = f->asked[nd->q] ? form_values_get(f->v, key, buf, sizeof buf) : NULL;
        if ((a == NULL || a[0] == '\0') && q->def != NULL && f->asked[nd->q])
            a = q->def;
        if (q->type == FORM_Q_YESNO) {
            r.n = a != NULL && strcmp(a, "yes") == 0;
        } else if (q->type == FORM_Q_NUMBER) {
            char *end = NULL;
            long v = a ? strtol(a, &end, 10) : 0;
            r.n = (a && end != a && *end == '\0' && v >= q->min && v <= q->max) ? v : 0;
        } else {
            r.w = a ? a : "";
        }
        return r;
    }
    case FORM_X_AGE:
        if (!who->has_birth || form_age(who->birth, f->today) < 0) {
            r.known = false;
            return r;
        }
        r.n = form_age(who->birth, f->today);
        return r;
    case FORM_X_SCHOOL:
        r.n = who->has_birth && form_school_age(who->birth, f->today);
        return r;
    case FORM_X_REACHED:
        r.n = who->has_birth && form_reached_age(who->birth, (int)nd->num, f->today);
        return r;
    case FORM_X_MEMBERS:
        r.n = (long)f->nmembers;
        return r;
    case FORM_X_COUNT: {
        long c = 0;
        if (f->nmembers == 0) {
            if (f->applicant.has_birth && eval(x, nd->a, f, &f->applicant).n)
                c = 1;
        } else {
            for (size_t k = 0; k < f->nmembers; k++)
                if (eval(x, nd->a, f, &f->members[k]).n)
                    c++;
        }
        r.n = c;
        return r;
    }
    case FORM_X_NOT:
        r.n = !eval(x, nd->a, f, who).n;
        return r;
    case FORM_X_AND:
        r.n = eval(x, nd->a, f, who).n && eval(x, nd->b, f, who).n;
        return r;
    case FORM_X_OR:
        r.n = eval(x, nd->a, f, who).n || eval(x, nd->b, f, who).n;
        return r;
    case FORM_X_ADD:
    case FORM_X_SUB: {
        xval a = eval(x, nd->a, f, who), b = eval(x, nd->b, f, who);
        r.known = a.known && b.known;
        r.n = nd->kind == FORM_X_ADD ? a.n + b.n : a.n - b.n;
        return r;
    }
    default: {
        xval a = eval(x, nd->a, f, who), b = eval(x, nd->b, f, who);
        r.t = FORM_T_BOOL;
        if (!a.known || !b.known) {
            r.n = 0;
            return r;
        }
        int cmp;
        if (a.t == FORM_T_WORD || b.t == FORM_T_WORD)
            cmp = strcmp(a.w ? a.w : "", b.w ? b.w : "");
        else
            cmp = a.n < b.n ? -1 : a.n > b.n;
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

bool form_cond_eval(const form_expr *x, const form_facts *f)
{
    if (x == NULL || x->root < 0)
        return true;
    return eval(x, x->root, f, &f->applicant).n != 0;
}
