/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-values.c — the session's values (locked memory) and value expressions.
 *
 * An expression is text with {name|filter:arg|...} insertions: "{answer.copies}通",
 * "{card.birth|wareki}", "{today|wareki:year}". {{ and }} are literal braces. The names
 * and filters are a fixed vocabulary (templates/README.md); there is no scripting.
 */
#include "form-private.h"
#include "form-secure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ANSWERS 128u

struct form_values {
    char *name, *address, *birth, *sex, *number;
    char today[9];
    size_t n;
    char *id[MAX_ANSWERS];
    char *val[MAX_ANSWERS];
    /* household members and children: [group][n - 1][field] (form_member_fields) */
    char *member[2][FORM_MAX_MEMBERS][FORM_MEMBER_FIELDS];
    /* rows of the guide sheet, and the visit's reception number */
    char *guide[FORM_MAX_GUIDE][FORM_GUIDE_FIELDS];
    char *reception;
};

const char *const form_guide_fields[FORM_GUIDE_FIELDS] = {"title", "counter", "bring",
                                                          "fee",   "note",    "num"};

const char *const form_member_groups[2] = {"member", "child"};
const char *const form_member_fields[FORM_MEMBER_FIELDS] = {"name", "kana",     "birth",
                                                            "sex",  "relation", "number"};

static int index_of(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return (int)i;
    return -1;
}

bool form_member_name(const char *name, unsigned *group, unsigned *n, unsigned *field)
{
    const char *dot = strchr(name, '.');
    if (dot == NULL)
        return false;
    int g = index_of(form_member_groups, 2, name, (size_t)(dot - name));
    if (g < 0 || dot[1] < '1' || dot[1] > '0' + FORM_MAX_MEMBERS || dot[2] != '.')
        return false;
    int f = index_of(form_member_fields, FORM_MEMBER_FIELDS, dot + 3, strlen(dot + 3));
    if (f < 0)
        return false;
    *group = (unsigned)g;
    *n = (unsigned)(dot[1] - '0');
    *field = (unsigned)f;
    return true;
}

bool form_guide_name(const char *name, unsigned *n, unsigned *field)
{
    if (strncmp(name, "guide.", 6) != 0)
        return false;
    const char *p = name + 6;
    unsigned k = 0;
    size_t digits = 0;
    while (p[digits] >= '0' && p[digits] <= '9' && digits < 3)
        k = k * 10 + (unsigned)(p[digits++] - '0');
    if (digits == 0 || p[0] == '0' || k < 1 || k > FORM_MAX_GUIDE || p[digits] != '.')
        return false;
    const char *fname = p + digits + 1;
    int f = index_of(form_guide_fields, FORM_GUIDE_FIELDS, fname, strlen(fname));
    if (f < 0)
        return false;
    *n = k;
    *field = (unsigned)f;
    return true;
}

FORM_EXPORT form_err form_values_new(form_values **out)
{
    if (out == NULL)
        return FORM_E_ARG;
    *out = form_secure_alloc(sizeof(form_values));
    return *out ? FORM_OK : FORM_E_NOMEM;
}

FORM_EXPORT void form_values_free(form_values *v)
{
    if (v == NULL)
        return;
    form_secure_strfree(v->name);
    form_secure_strfree(v->address);
    form_secure_strfree(v->birth);
    form_secure_strfree(v->sex);
    form_secure_strfree(v->number);
    for (size_t i = 0; i < v->n; i++) {
        form_secure_strfree(v->id[i]);
        form_secure_strfree(v->val[i]);
    }
    for (size_t g = 0; g < 2; g++)
        for (size_t n = 0; n < FORM_MAX_MEMBERS; n++)
            for (size_t f = 0; f < FORM_MEMBER_FIELDS; f++)
                form_secure_strfree(v->member[g][n][f]);
    for (size_t n = 0; n < FORM_MAX_GUIDE; n++)
        for (size_t f = 0; f < FORM_GUIDE_FIELDS; f++)
            form_secure_strfree(v->guide[n][f]);
    form_secure_strfree(v->reception);
    form_secure_free(v, sizeof *v);
}

static form_err set_one(char **slot, const char *s)
{
    form_secure_strfree(*slot);
    *slot = NULL;
    if (s == NULL)
        return FORM_OK;
    if (strlen(s) > FORM_MAX_VALUE_BYTES || !form_utf8_valid(s, strlen(s)))
        return FORM_E_ARG;
    *slot = form_secure_strdup(s);
    return *slot ? FORM_OK : FORM_E_NOMEM;
}

FORM_EXPORT form_err form_values_set_card(form_values *v, const char *name, const char *address,
                                          const char *birth, const char *sex, const char *number)
{
    if (v == NULL)
        return FORM_E_ARG;
    form_date d;
    if (birth != NULL && !form_date_parse(birth, &d))
        return FORM_E_ARG;
    form_err e;
    if ((e = set_one(&v->name, name)) != FORM_OK || (e = set_one(&v->address, address)) != FORM_OK ||
        (e = set_one(&v->birth, birth)) != FORM_OK || (e = set_one(&v->sex, sex)) != FORM_OK ||
        (e = set_one(&v->number, number)) != FORM_OK)
        return e;
    return FORM_OK;
}

FORM_EXPORT form_err form_values_set_answer(form_values *v, const char *question_id,
                                            const char *value)
{
    if (v == NULL || question_id == NULL || strlen(question_id) > FORM_MAX_ID)
        return FORM_E_ARG;
    size_t i;
    for (i = 0; i < v->n; i++)
        if (strcmp(v->id[i], question_id) == 0)
            break;
    if (i == v->n) {
        if (value == NULL)
            return FORM_OK;
        if (v->n >= MAX_ANSWERS)
            return FORM_E_ARG;
        v->id[i] = form_secure_strdup(question_id);
        if (v->id[i] == NULL)
            return FORM_E_NOMEM;
        v->n++;
    }
    return set_one(&v->val[i], value);
}

FORM_EXPORT const char *form_values_answer(const form_values *v, const char *question_id)
{
    if (v == NULL || question_id == NULL)
        return NULL;
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->id[i], question_id) == 0)
            return v->val[i];
    return NULL;
}

FORM_EXPORT form_err form_values_set_member(form_values *v, const char *group, unsigned n,
                                            const char *field, const char *value)
{
    if (v == NULL || group == NULL || field == NULL || n < 1 || n > FORM_MAX_MEMBERS)
        return FORM_E_ARG;
    int g = index_of(form_member_groups, 2, group, strlen(group));
    int f = index_of(form_member_fields, FORM_MEMBER_FIELDS, field, strlen(field));
    if (g < 0 || f < 0)
        return FORM_E_ARG;
    form_date d;
    if (value != NULL && strcmp(field, "birth") == 0 && !form_date_parse(value, &d))
        return FORM_E_ARG;
    if (value != NULL && strcmp(field, "sex") == 0 && strcmp(value, "1") != 0 &&
        strcmp(value, "2") != 0 && strcmp(value, "9") != 0)
        return FORM_E_ARG;
    return set_one(&v->member[g][n - 1][f], value);
}

FORM_EXPORT form_err form_values_set_guide(form_values *v, unsigned n, const char *field,
                                           const char *value)
{
    if (v == NULL || field == NULL || n < 1 || n > FORM_MAX_GUIDE)
        return FORM_E_ARG;
    int f = index_of(form_guide_fields, FORM_GUIDE_FIELDS, field, strlen(field));
    if (f < 0)
        return FORM_E_ARG;
    return set_one(&v->guide[n - 1][f], value);
}

FORM_EXPORT form_err form_values_set_reception(form_values *v, const char *number)
{
    if (v == NULL || (number != NULL && strlen(number) > 32))
        return FORM_E_ARG;
    return set_one(&v->reception, number);
}

FORM_EXPORT form_err form_values_set_today(form_values *v, const char *yyyymmdd)
{
    form_date d;
    if (v == NULL || !form_date_parse(yyyymmdd, &d))
        return FORM_E_ARG;
    memcpy(v->today, yyyymmdd, 9);
    return FORM_OK;
}

const char *form_values_get(const form_values *v, const char *name, char *buf, size_t cap)
{
    if (v == NULL)
        return NULL;
    if (strcmp(name, "card.name") == 0)
        return v->name;
    if (strcmp(name, "card.address") == 0)
        return v->address;
    if (strcmp(name, "card.birth") == 0)
        return v->birth;
    if (strcmp(name, "card.sex") == 0)
        return v->sex;
    if (strcmp(name, "card.number") == 0)
        return v->number;
    if (strcmp(name, "today") == 0 || strcmp(name, "age") == 0) {
        form_date t;
        if (v->today[0] == '\0' || !form_date_parse(v->today, &t))
            form_today(&t);
        if (name[0] == 't') {
            snprintf(buf, cap, "%04d%02d%02d", t.y, t.m, t.d);
            return buf;
        }
        form_date b;
        if (v->birth == NULL || !form_date_parse(v->birth, &b))
            return NULL;
        int age = form_age(b, t);
        if (age < 0)
            return NULL;
        snprintf(buf, cap, "%d", age);
        return buf;
    }
    if (strncmp(name, "answer.", 7) == 0)
        for (size_t i = 0; i < v->n; i++)
            if (strcmp(v->id[i], name + 7) == 0)
                return v->val[i];
    unsigned g, n, f;
    if (form_member_name(name, &g, &n, &f))
        return v->member[g][n - 1][f];
    if (form_guide_name(name, &n, &f))
        return v->guide[n - 1][f];
    if (strcmp(name, "reception") == 0)
        return v->reception;
    return NULL;
}

/* ---- expressions ---- */

static const struct name_def {
    const char *name;
    unsigned needs;
} names[] = {
    {"card.name", FORM_NEEDS_NAME},     {"card.address", FORM_NEEDS_ADDRESS},
    {"card.birth", FORM_NEEDS_BIRTH},   {"card.sex", FORM_NEEDS_SEX},
    {"card.number", FORM_NEEDS_NUMBER}, {"today", 0},
    {"age", FORM_NEEDS_BIRTH},
};

static const struct filter_def {
    const char *name;
    const char *args; /* '|'-separated allowed args, "" none, "*" any text, "#" a number */
    bool optional_arg;
} filters[] = {
    {"wareki", "era|year|yearnum|month|day", true},
    {"date", "year|month|day|iso|slash", true},
    {"sex", "en", true},
    {"pad", "#", false},
    {"zen", "", true},
    {"kanji", "", true},
    {"label", "en", true},
    {"default", "*", false},
    {"hira", "", true},
    {"kata", "", true},
};

typedef struct expr_ctx {
    const form_template *t;
    const form_values *v; /* NULL: check only */
    unsigned needs;
    char *why_en, *why_ja;
    size_t cap;
    size_t err_off;
    char *missing;
    size_t missing_cap;
} expr_ctx;

static const form_question *question_of(const form_template *t, const char *id)
{
    for (size_t i = 0; t && i < t->nquestions; i++)
        if (strcmp(t->questions[i].id, id) == 0)
            return &t->questions[i];
    return NULL;
}

/* Copy fmt replacing each %s with arg and %% with % (messages are not printf formats). */
static void subst(char *dst, size_t cap, const char *fmt, const char *arg)
{
    form_buf b = {0};
    for (const char *p = fmt; *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            form_buf_adds(&b, arg);
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            form_buf_add(&b, "%", 1);
            p++;
        } else {
            form_buf_add(&b, p, 1);
        }
    }
    snprintf(dst, cap, "%s", b.p && !b.failed ? b.p : "");
    form_buf_release(&b);
}

static void why(expr_ctx *c, size_t off, const char *en, const char *ja, const char *arg)
{
    if (c->why_en) {
        subst(c->why_en, c->cap, en, arg);
        subst(c->why_ja, c->cap, ja, arg);
    }
    c->err_off = off;
}

static const char *closest_name(const form_template *t, const char *n, char *buf, size_t cap)
{
    const char *best = NULL;
    size_t bestd = 4;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t d = form_edit_distance(n, names[i].name);
        if (d < bestd)
            bestd = d, best = names[i].name;
    }
    if (strncmp(n, "answer.", 7) == 0)
        for (size_t i = 0; t && i < t->nquestions; i++) {
            size_t d = form_edit_distance(n + 7, t->questions[i].id);
            if (d < bestd) {
                bestd = d;
                snprintf(buf, cap, "answer.%s", t->questions[i].id);
                best = buf;
            }
        }
    return best;
}

/* One filter "name" or "name:arg" of an insert, read from s[*i] up to the next '|' (or n); the
 * name is trimmed of spaces. Both the check and the evaluation read filters through this, so
 * they agree on where each starts and ends. *fs and *as are the offsets of the name and the
 * argument, for diagnostics. */
#define FILTER_NAME_MAX 32
#define FILTER_ARG_MAX 128
enum { SPLIT_OK, SPLIT_NAME_LONG, SPLIT_ARG_LONG };
static int split_filter(const char *s, size_t n, size_t *i, char f[FILTER_NAME_MAX],
                        char arg[FILTER_ARG_MAX], bool *has_arg, size_t *fs, size_t *as)
{
    size_t k = *i, b = k;
    while (k < n && s[k] != '|' && s[k] != ':')
        k++;
    size_t e = k;
    while (b < e && s[b] == ' ')
        b++;
    while (e > b && s[e - 1] == ' ')
        e--;
    *fs = b;
    *as = k;
    *has_arg = false;
    arg[0] = '\0';
    f[0] = '\0';
    *i = k;
    if (e - b >= FILTER_NAME_MAX)
        return SPLIT_NAME_LONG;
    memcpy(f, s + b, e - b);
    f[e - b] = '\0';
    if (k < n && s[k] == ':') {
        size_t a = ++k;
        while (k < n && s[k] != '|')
            k++;
        *as = a;
        *i = k;
        if (k - a >= FILTER_ARG_MAX)
            return SPLIT_ARG_LONG;
        memcpy(arg, s + a, k - a);
        arg[k - a] = '\0';
        *has_arg = true;
    }
    return SPLIT_OK;
}

/* Check one {name|filters} (inner text without braces) */
static form_err check_insert(expr_ctx *c, const char *s, size_t n, size_t off)
{
    size_t i = 0;
    while (i < n && s[i] != '|')
        i++;
    char name[64];
    size_t nn = i;
    while (nn > 0 && s[nn - 1] == ' ')
        nn--;
    size_t ns = 0;
    while (ns < nn && s[ns] == ' ')
        ns++;
    if (nn - ns == 0 || nn - ns >= sizeof name) {
        why(c, off, "an empty or too long value name%s", "値の名前が空か長すぎます%s", "");
        return FORM_E_TEMPLATE;
    }
    memcpy(name, s + ns, nn - ns);
    name[nn - ns] = '\0';
    bool known = false;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(names[k].name, name) == 0) {
            known = true;
            c->needs |= names[k].needs;
        }
    if (!known && strncmp(name, "answer.", 7) == 0) {
        if (c->t == NULL || question_of(c->t, name + 7) != NULL)
            known = true;
    }
    unsigned mg, mn, mf;
    if (!known && (form_guide_name(name, &mn, &mf) || strcmp(name, "reception") == 0))
        known = true;
    if (!known && form_member_name(name, &mg, &mn, &mf)) {
        known = true;
        c->needs |= FORM_NEEDS_MEMBERS;
        if (strcmp(form_member_fields[mf], "number") == 0)
            c->needs |= FORM_NEEDS_NUMBER; /* the same legal basis as card.number */
    }
    if (!known) {
        char sugg[FORM_MAX_ID + 8];
        const char *best = closest_name(c->t, name, sugg, sizeof sugg);
        char msg_en[320], msg_ja[320];
        if (best) {
            snprintf(msg_en, sizeof msg_en, "unknown value name \"%%s\"; did you mean \"%s\"?", best);
            snprintf(msg_ja, sizeof msg_ja, "値の名前「%%s」はありません。「%s」の誤りではありませんか", best);
        } else {
            snprintf(msg_en, sizeof msg_en, "%s",
                     "unknown value name \"%s\" (use card.name, card.address, card.birth, "
                     "card.sex, card.number, today, age, answer.<question>, member.N.<field>, "
                     "child.N.<field>, guide.N.<field> or reception)");
            snprintf(msg_ja, sizeof msg_ja, "%s",
                     "値の名前「%s」はありません（card.name, card.address, card.birth, card.sex, "
                     "card.number, today, age, answer.<質問>, member.N.<項目>, child.N.<項目>, guide.N.<項目>, reception のどれか）");
        }
        why(c, off + ns, msg_en, msg_ja, name);
        return FORM_E_TEMPLATE;
    }
    while (i < n) {
        i++; /* '|' */
        char f[FILTER_NAME_MAX], arg[FILTER_ARG_MAX];
        bool has_arg;
        size_t fs, as;
        int split = split_filter(s, n, &i, f, arg, &has_arg, &fs, &as);
        if (split == SPLIT_NAME_LONG) {
            why(c, off + fs, "unknown filter%s", "フィルタ名が長すぎます%s", "");
            return FORM_E_TEMPLATE;
        }
        const struct filter_def *fd = NULL;
        for (size_t k = 0; k < sizeof filters / sizeof filters[0]; k++)
            if (strcmp(filters[k].name, f) == 0)
                fd = &filters[k];
        if (fd == NULL) {
            why(c, off + fs,
                "unknown filter \"%s\" (use wareki, date, sex, pad, zen, kanji, label, default, "
                "hira, kata)",
                "フィルタ「%s」はありません（wareki, date, sex, pad, zen, kanji, label, default, "
                "hira, kata のどれか）",
                f);
            return FORM_E_TEMPLATE;
        }
        if (split == SPLIT_ARG_LONG) {
            why(c, off + as, "the filter argument is too long%s", "フィルタの引数が長すぎます%s", "");
            return FORM_E_TEMPLATE;
        }
        if (!has_arg && !fd->optional_arg) {
            why(c, off + fs, "the filter \"%s\" needs an argument, for example pad:3 or default:—",
                "フィルタ「%s」には引数が必要です（例 pad:3、default:—）", f);
            return FORM_E_TEMPLATE;
        }
        if (has_arg && strcmp(fd->args, "*") != 0) {
            bool ok = false;
            if (strcmp(fd->args, "#") == 0) {
                ok = arg[0] >= '1' && arg[0] <= '9' && (arg[1] == '\0' || (arg[1] >= '0' && arg[1] <= '9' && arg[2] == '\0'));
            } else if (fd->args[0] != '\0') {
                const char *a = fd->args;
                size_t al = strlen(arg);
                while (*a) {
                    const char *bar = strchr(a, '|');
                    size_t len = bar ? (size_t)(bar - a) : strlen(a);
                    if (len == al && memcmp(a, arg, al) == 0)
                        ok = true;
                    a += len + (bar ? 1 : 0);
                }
            }
            if (!ok) {
                why(c, off + fs, "the filter \"%s\" does not take this argument",
                    "フィルタ「%s」にこの引数は使えません", f);
                return FORM_E_TEMPLATE;
            }
        }
    }
    return FORM_OK;
}

/* Walk an expression; for each insertion, check it (and in eval mode, evaluate). */
typedef form_err (*insert_fn)(expr_ctx *c, const char *s, size_t n, size_t off, form_buf *out);

static form_err walk(expr_ctx *c, const char *e, insert_fn fn, form_buf *out)
{
    size_t n = strlen(e), i = 0;
    while (i < n) {
        if (e[i] == '{' && i + 1 < n && e[i + 1] == '{') {
            if (out)
                form_buf_add(out, "{", 1);
            i += 2;
        } else if (e[i] == '}' && i + 1 < n && e[i + 1] == '}') {
            if (out)
                form_buf_add(out, "}", 1);
            i += 2;
        } else if (e[i] == '{') {
            const char *close = memchr(e + i, '}', n - i);
            if (close == NULL) {
                why(c, i, "a { has no closing }%s (write {{ for a literal brace)",
                    "{ に対応する } がありません%s（括弧そのものは {{ と書きます）", "");
                return FORM_E_TEMPLATE;
            }
            size_t len = (size_t)(close - (e + i + 1));
            form_err r = fn(c, e + i + 1, len, i + 1, out);
            if (r != FORM_OK)
                return r;
            i += len + 2;
        } else if (e[i] == '}') {
            why(c, i, "a } has no opening {%s (write }} for a literal brace)",
                "} に対応する { がありません%s（括弧そのものは }} と書きます）", "");
            return FORM_E_TEMPLATE;
        } else {
            if (out)
                form_buf_add(out, e + i, 1);
            i++;
        }
    }
    return FORM_OK;
}

static form_err check_fn(expr_ctx *c, const char *s, size_t n, size_t off, form_buf *out)
{
    (void)out;
    return check_insert(c, s, n, off);
}

form_err form_expr_check(const char *expr, const form_template *t, unsigned *needs,
                         char *why_en, char *why_ja, size_t cap, size_t *err_off)
{
    expr_ctx c = {.t = t, .why_en = why_en, .why_ja = why_ja, .cap = cap};
    form_err e = walk(&c, expr, check_fn, NULL);
    if (needs)
        *needs = c.needs;
    if (err_off) {
        /* characters, for the clerk's column */
        size_t chars = 0;
        for (size_t i = 0; i < c.err_off && expr[i]; i++)
            if (((unsigned char)expr[i] & 0xC0) != 0x80)
                chars++;
        *err_off = chars;
    }
    return e;
}

/* ---- filters ---- */

static const char *const kanji_digits[10] = {"〇", "一", "二", "三", "四",
                                             "五", "六", "七", "八", "九"};

static void put_num(form_buf *b, int n)
{
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%d", n);
    form_buf_adds(b, tmp);
    explicit_bzero(tmp, sizeof tmp); /* a part of a birth date, an age */
}

static form_err apply(expr_ctx *c, const char *f, const char *arg, bool has_arg, form_buf *in,
                      form_buf *out, const char *vname)
{
    const char *s = in->p ? in->p : "";
    size_t n = in->n;
    if (strcmp(f, "wareki") == 0 || strcmp(f, "date") == 0) {
        form_date d;
        if (!form_date_parse(s, &d)) {
            snprintf(c->missing, c->missing_cap, "%s (not a date)", vname);
            return FORM_E_MISSING_VALUE;
        }
        if (f[0] == 'w') {
            int era, year;
            if (!form_wareki(d, &era, &year)) {
                snprintf(c->missing, c->missing_cap, "%s (before 1873)", vname);
                return FORM_E_MISSING_VALUE;
            }
            if (!has_arg) {
                form_buf_adds(out, form_era_names[era]);
                if (year == 1)
                    form_buf_adds(out, "元");
                else
                    put_num(out, year);
                form_buf_adds(out, "年");
                put_num(out, d.m);
                form_buf_adds(out, "月");
                put_num(out, d.d);
                form_buf_adds(out, "日");
            } else if (strcmp(arg, "era") == 0) {
                form_buf_adds(out, form_era_names[era]);
            } else if (strcmp(arg, "year") == 0) {
                if (year == 1)
                    form_buf_adds(out, "元");
                else
                    put_num(out, year);
            } else if (strcmp(arg, "yearnum") == 0) {
                put_num(out, year);
            } else if (strcmp(arg, "month") == 0) {
                put_num(out, d.m);
            } else {
                put_num(out, d.d);
            }
        } else {
            char tmp[16];
            if (!has_arg) {
                put_num(out, d.y);
                form_buf_adds(out, "年");
                put_num(out, d.m);
                form_buf_adds(out, "月");
                put_num(out, d.d);
                form_buf_adds(out, "日");
            } else if (strcmp(arg, "year") == 0) {
                put_num(out, d.y);
            } else if (strcmp(arg, "month") == 0) {
                put_num(out, d.m);
            } else if (strcmp(arg, "day") == 0) {
                put_num(out, d.d);
            } else {
                snprintf(tmp, sizeof tmp, strcmp(arg, "iso") == 0 ? "%04d-%02d-%02d" : "%04d/%02d/%02d",
                         d.y, d.m, d.d);
                form_buf_adds(out, tmp);
                explicit_bzero(tmp, sizeof tmp);
            }
        }
        explicit_bzero(&d, sizeof d);
    } else if (strcmp(f, "sex") == 0) {
        bool en = has_arg;
        if (strcmp(s, "1") == 0)
            form_buf_adds(out, en ? "male" : "男");
        else if (strcmp(s, "2") == 0)
            form_buf_adds(out, en ? "female" : "女");
        /* 9 (not applicable) and anything else: blank, never a guess */
    } else if (strcmp(f, "pad") == 0) {
        size_t width = (size_t)strtol(arg, NULL, 10);
        bool digits = n > 0;
        for (size_t i = 0; i < n; i++)
            if (s[i] < '0' || s[i] > '9')
                digits = false;
        for (size_t i = n; digits && i < width; i++)
            form_buf_add(out, "0", 1);
        form_buf_add(out, s, n);
    } else if (strcmp(f, "zen") == 0 || strcmp(f, "kanji") == 0 || strcmp(f, "hira") == 0 ||
               strcmp(f, "kata") == 0) {
        size_t i = 0;
        while (i < n) {
            size_t st = i;
            uint32_t cp;
            if (!form_utf8_next(s, n, &i, &cp))
                return FORM_E_ARG;
            if (f[0] == 'z' && cp == ' ')
                form_buf_addcp(out, 0x3000);
            else if (f[0] == 'z' && cp > 0x20 && cp < 0x7F)
                form_buf_addcp(out, (uint32_t)(cp - 0x21 + 0xFF01));
            else if (f[0] == 'k' && f[1] == 'a' && f[2] == 'n' && cp >= '0' && cp <= '9')
                form_buf_adds(out, kanji_digits[cp - '0']);
            else if (f[0] == 'h' && cp >= 0x30A1 && cp <= 0x30F6)
                form_buf_addcp(out, (uint32_t)(cp - 0x60));
            else if (f[0] == 'k' && f[1] == 'a' && f[2] == 't' && cp >= 0x3041 && cp <= 0x3096)
                form_buf_addcp(out, (uint32_t)(cp + 0x60));
            else
                form_buf_add(out, s + st, i - st);
        }
    } else if (strcmp(f, "label") == 0) {
        const form_question *q =
            strncmp(vname, "answer.", 7) == 0 ? question_of(c->t, vname + 7) : NULL;
        const char *lang = has_arg ? "en" : "ja";
        size_t i = 0;
        bool first = true;
        while (i <= n && n > 0) {
            size_t st = i;
            while (i < n && s[i] != ',')
                i++;
            const char *lab = NULL;
            for (size_t k = 0; q && k < q->nchoices; k++)
                if (strlen(q->choice_value[k]) == i - st && memcmp(q->choice_value[k], s + st, i - st) == 0)
                    lab = form_text_get(q->choice_label[k], lang);
            if (q && q->type == FORM_Q_YESNO)
                lab = (i - st == 3 && memcmp(s + st, "yes", 3) == 0) ? (has_arg ? "yes" : "はい")
                                                                    : (has_arg ? "no" : "いいえ");
            if (!first)
                form_buf_adds(out, has_arg ? ", " : "、");
            if (lab)
                form_buf_adds(out, lab);
            else
                form_buf_add(out, s + st, i - st);
            first = false;
            i++;
        }
    } else if (strcmp(f, "default") == 0) {
        if (n == 0)
            form_buf_adds(out, arg);
        else
            form_buf_add(out, s, n);
    }
    return out->failed ? FORM_E_NOMEM : FORM_OK;
}

static form_err eval_fn(expr_ctx *c, const char *s, size_t n, size_t off, form_buf *out)
{
    form_err e = check_insert(c, s, n, off);
    if (e != FORM_OK)
        return e;
    /* name */
    size_t i = 0;
    while (i < n && s[i] != '|')
        i++;
    size_t ns = 0, nn = i;
    while (ns < nn && s[ns] == ' ')
        ns++;
    while (nn > ns && s[nn - 1] == ' ')
        nn--;
    char name[64];
    memcpy(name, s + ns, nn - ns);
    name[nn - ns] = '\0';
    char tmp[16];
    const char *raw = form_values_get(c->v, name, tmp, sizeof tmp);
    bool has_default = false;
    for (size_t k = i; k + 8 <= n; k++)
        if (memcmp(s + k, "|default", 8) == 0)
            has_default = true;
    if (raw == NULL && strncmp(name, "answer.", 7) == 0) {
        const form_question *q = question_of(c->t, name + 7);
        if (q && q->def && q->def[0])
            raw = q->def;
        else if (q && !q->required)
            raw = "";
    }
    if (raw == NULL && !has_default) {
        snprintf(c->missing, c->missing_cap, "%s", name);
        return FORM_E_MISSING_VALUE;
    }
    form_buf cur = {.secure = true};
    form_buf_adds(&cur, raw ? raw : "");
    explicit_bzero(tmp, sizeof tmp); /* may have held the age */
    while (i < n) {
        i++; /* '|' */
        char f[FILTER_NAME_MAX], arg[FILTER_ARG_MAX];
        bool has_arg;
        size_t fs, as;
        if (split_filter(s, n, &i, f, arg, &has_arg, &fs, &as) != SPLIT_OK) {
            form_buf_release(&cur); /* form_expr_check() rejects these first */
            return FORM_E_TEMPLATE;
        }
        form_buf next = {.secure = true};
        if (cur.n == 0 && strcmp(f, "default") != 0) {
            form_buf_release(&next);
            continue; /* a blank optional answer stays blank through formatting */
        }
        e = apply(c, f, arg, has_arg, &cur, &next, name);
        form_buf_release(&cur);
        cur = next;
        if (e != FORM_OK) {
            form_buf_release(&cur);
            return e;
        }
    }
    if (cur.n)
        form_buf_add(out, cur.p, cur.n);
    form_buf_release(&cur);
    return out->failed ? FORM_E_NOMEM : FORM_OK;
}

form_err form_expr_eval(const char *expr, const form_template *t, const form_values *v,
                        char **out, char *missing, size_t cap)
{
    *out = NULL;
    if (missing && cap)
        missing[0] = '\0';
    char dummy[8];
    expr_ctx c = {.t = t, .v = v, .missing = missing ? missing : dummy,
                  .missing_cap = missing ? cap : sizeof dummy};
    form_buf b = {.secure = true};
    form_buf_add(&b, "", 0);
    form_err e = walk(&c, expr, eval_fn, &b);
    if (e == FORM_OK && (b.failed || b.n > FORM_MAX_VALUE_BYTES))
        e = b.failed ? FORM_E_NOMEM : FORM_E_OVERFLOW;
    if (e != FORM_OK) {
        form_buf_release(&b);
        return e;
    }
    *out = b.p;
    /* the caller frees with form_secure_strfree (strlen + 1 ≤ cap: wiping strlen+1 is enough
       since the rest of the block is still zero) */
    return FORM_OK;
}
