/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-household — a whole counter visit on the real parts, without the GUI (test-only).
 *
 *   counter-household --templates DIR --plan FILE [--reader FILTER] [--printer NAME]
 *                     [--keys FILE] [--pdf-dir DIR] [--hold]
 *
 * Reads each card in the plan in turn from a real PC/SC reader (pcscd + vpcd + kakanai-vcard;
 * the harness swaps the vcard processes when told), adds the members staff types, completes
 * the answers, renders every form and the guide sheet, prints them through CUPS and wipes.
 * It speaks to the harness on stdout, one line per step (never a resident's value):
 *   WAIT-CARD n / READ n / WAIT-REMOVED n / RENDERED docs pages / ACCEPTED ms / PRINTED ok
 *   FIGURE name value / WIPED
 * With --hold it then waits for a line on stdin (so kakanai-scan can scan its memory).
 * --keys FILE: the value keys the visit set (names only; choice answers with their choice
 * ids), for the benchmark's count of filled fields.
 *
 * The plan (UTF-8, "key = value" lines; fictional residents only):
 *   event = tennyu                    interview.kokuho = yes
 *   navigate = yes                    (the event's rules: procedures from answers and members)
 *   procedure = kokuho_kanyu          answer.moved = 20261201
 *   card = PIN ROLE [kana=…] [relation=…]
 *   typed = ROLE name=… birth=… [kana=… sex=… number=… relation=…]
 *   reception = 0012                  today = 20261205
 */
#include "counter-audit.h"
#include "counter-batch.h"
#include "counter-visit.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

typedef struct figures {
    unsigned typed_entries; /* values someone typed (staff or resident) */
    unsigned typed_chars;   /* characters of them (committed text, before any IME) */
    unsigned pin_digits;    /* digits residents typed on the PIN pad */
    unsigned choices;       /* answers given by a click (choice, yes/no, interview) */
    unsigned cards;
} figures;

static void say(const char *fmt, ...) G_GNUC_PRINTF(1, 2);
static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

static counter_role role_of(const char *s)
{
    if (strcmp(s, "head") == 0)
        return COUNTER_ROLE_HEAD;
    if (strcmp(s, "spouse") == 0)
        return COUNTER_ROLE_SPOUSE;
    if (strcmp(s, "child") == 0)
        return COUNTER_ROLE_CHILD;
    if (strcmp(s, "parent") == 0)
        return COUNTER_ROLE_PARENT;
    return COUNTER_ROLE_OTHER;
}

/* "k=v" from a word list */
static const char *opt(char **words, const char *key)
{
    size_t n = strlen(key);
    for (char **w = words; *w; w++)
        if (strncmp(*w, key, n) == 0 && (*w)[n] == '=')
            return *w + n + 1;
    return NULL;
}

static const form_question *find_question(const counter_visit *v, const char *id)
{
    for (size_t i = 0; i < counter_visit_procedure_count(v); i++) {
        const form_procedure *p = counter_visit_procedure(v, i);
        for (size_t k = 0; k < form_procedure_question_count(p); k++)
            if (strcmp(form_question_id(form_procedure_question(p, k)), id) == 0)
                return form_procedure_question(p, k);
    }
    return NULL;
}

static unsigned chars(const char *s) { return s ? (unsigned)g_utf8_strlen(s, -1) : 0; }

static int fail(const char *what, const char *err)
{
    fprintf(stderr, "counter-household: %s: %s\n", what, err);
    return 1;
}

/* Wait for a card, check tries, VERIFY, read: the counter's card worker in a line. */
static counter_err read_member(myna_ctx *ctx, const char *filter, const char *pin,
                               unsigned flags, myna_attrs **out, double *read_ms)
{
    char *reader = NULL;
    myna_err err = myna_ctx_wait_card(ctx, filter, 60000, &reader);
    if (err != MYNA_OK)
        return COUNTER_E_CARD;
    gint64 tapped = g_get_monotonic_time();
    myna_transport *t = NULL;
    myna_card *card = NULL;
    err = myna_transport_pcsc_open(ctx, reader, &t);
    if (err == MYNA_OK)
        err = myna_card_open(t, &card);
    int tries = -1;
    if (err == MYNA_OK)
        err = myna_card_pin_tries(card, &tries);
    if (err == MYNA_OK && tries == 0)
        err = MYNA_E_PIN_BLOCKED;
    char *secret = myna_secure_alloc(MYNA_PIN_LEN + 1);
    if (err == MYNA_OK && secret) {
        memcpy(secret, pin, strnlen(pin, MYNA_PIN_LEN));
        err = myna_card_verify_pin(card, secret, strlen(secret));
    }
    myna_secure_free(secret, MYNA_PIN_LEN + 1);
    if (err == MYNA_OK)
        err = myna_card_read_attrs(card, flags, out);
    /* tap → attributes in memory: the PIN is typed at once here (a resident's typing time is
     * not the machine's) */
    *read_ms = (double)(g_get_monotonic_time() - tapped) / 1000.0;
    myna_card_free(card);
    if (err == MYNA_OK) {
        say("WAIT-REMOVED");
        myna_ctx_wait_removed(ctx, reader, 60000);
    }
    free(reader);
    switch (err) {
    case MYNA_OK: return COUNTER_OK;
    case MYNA_E_PIN_FORMAT: return COUNTER_E_PIN_FORMAT;
    case MYNA_E_PIN_WRONG: return COUNTER_E_PIN_WRONG;
    case MYNA_E_PIN_LAST_TRY: return COUNTER_E_PIN_LAST_TRY;
    case MYNA_E_PIN_BLOCKED: return COUNTER_E_PIN_BLOCKED;
    default: return COUNTER_E_CARD;
    }
}

static void write_keys(const counter_visit *v, const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fputs("today\nreception\n", f);
    for (size_t i = 0; i < counter_visit_member_count(v); i++) {
        static const char *const names[] = {"name", "kana", "birth", "sex", "relation", "number"};
        for (int k = 0; k < 6; k++)
            if (counter_visit_member_field(v, i, (counter_field)k))
                fprintf(f, "member.%zu.%s\n", i + 1, names[k]);
    }
    static const char *const card[] = {"name", "address", "birth", "sex", "number"};
    static const counter_field cf[] = {COUNTER_F_NAME, COUNTER_F_ADDRESS, COUNTER_F_BIRTH,
                                       COUNTER_F_SEX, COUNTER_F_NUMBER};
    for (int k = 0; k < 5; k++)
        if (counter_visit_member_field(v, 0, cf[k]))
            fprintf(f, "card.%s\n", card[k]);
    unsigned child = 0;
    for (size_t i = 0; i < counter_visit_member_count(v); i++)
        if (counter_visit_member_role(v, i) == COUNTER_ROLE_CHILD) {
            child++;
            fprintf(f, "child.%u.name\nchild.%u.birth\nchild.%u.kana\nchild.%u.number\n"
                       "child.%u.sex\nchild.%u.relation\n", child, child, child, child, child,
                    child);
        }
    /* answers (with defaults): choice ids for circle marks, names only for the rest */
    for (size_t i = 0; i < counter_visit_procedure_count(v); i++) {
        const form_procedure *p = counter_visit_procedure(v, i);
        for (size_t k = 0; k < form_procedure_question_count(p); k++) {
            const form_question *q = form_procedure_question(p, k);
            const char *id = form_question_id(q), *a = counter_visit_answer(v, id);
            if (!a)
                a = form_question_default(q);
            if (!a && form_question_type_of(q) == FORM_Q_KANA && form_question_about(q) &&
                strcmp(form_question_about(q), "card.name") == 0 &&
                counter_visit_member_field(v, 0, COUNTER_F_KANA))
                a = "kana"; /* filled from the applicant's kana */
            if (!a)
                continue;
            form_question_type t = form_question_type_of(q);
            if (t == FORM_Q_CHOICE || t == FORM_Q_MULTI || t == FORM_Q_YESNO)
                fprintf(f, "answer.%s=%s\n", id, a);
            else
                fprintf(f, "answer.%s\n", id);
        }
    }
    for (size_t i = 0; i < counter_visit_procedure_count(v) && i < FORM_MAX_GUIDE; i++)
        fprintf(f, "guide.%zu.title\nguide.%zu.counter\nguide.%zu.bring\nguide.%zu.fee\n"
                   "guide.%zu.note\n", i + 1, i + 1, i + 1, i + 1, i + 1);
    fclose(f);
}

int main(int argc, char **argv)
{
    const char *templates = NULL, *plan_path = NULL, *filter = "Virtual PCD 00 00";
    const char *printer = NULL, *keys = NULL, *pdf_dir = NULL;
    bool hold = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--hold") == 0)
            hold = true;
        else if (i + 1 < argc && strcmp(argv[i], "--templates") == 0)
            templates = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--plan") == 0)
            plan_path = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--reader") == 0)
            filter = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--printer") == 0)
            printer = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--pdf-dir") == 0)
            pdf_dir = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--keys") == 0)
            keys = argv[++i];
        else
            return fail("usage", "counter-household --templates DIR --plan FILE [--reader F] "
                                 "[--printer Q] [--keys FILE] [--hold]");
    }
    if (!templates || !plan_path)
        return fail("usage", "--templates and --plan are needed");
    if (myna_secure_init(1u << 20) != MYNA_OK)
        return fail("locked memory", "unavailable");
    /* The plan holds the (fictional) residents' data: read it with read(2) straight into
     * locked memory (no stdio buffer, no growing copies), split, wipe. */
    enum { PLAN_MAX = 64 * 1024 };
    char *text = myna_secure_alloc(PLAN_MAX + 1);
    int fd = open(plan_path, O_RDONLY | O_CLOEXEC);
    ssize_t got = fd >= 0 && text ? read(fd, text, PLAN_MAX) : -1;
    if (fd >= 0)
        close(fd);
    if (got < 0) {
        myna_secure_free(text, PLAN_MAX + 1);
        return fail(plan_path, "unreadable");
    }
    gchar **plan = g_strsplit(text, "\n", -1);
    myna_secure_free(text, PLAN_MAX + 1);
    /* lines are cut in place while parsed: remember each one's length to wipe it whole */
    guint nlines = g_strv_length(plan);
    size_t *lens = g_new0(size_t, nlines + 1);
    for (guint k = 0; k < nlines; k++)
        lens[k] = strlen(plan[k]);

    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    if (form_catalog_load(templates, NULL, &cat, &diags) != FORM_OK)
        return fail(templates, "catalogue");
    form_diags_free(diags);
    counter_visit *v = NULL;
    counter_visit_new(cat, &v);
    myna_ctx *ctx = NULL;
    if (myna_ctx_new(&ctx) != MYNA_OK)
        return fail("pcscd", "unreachable");

    figures fig = {0};
    const char *reception = NULL;
    double last_read_ms = -1, render_ms = -1, accept_ms = -1;
    int rc = 0;
    unsigned ncard = 0;
    for (gchar **l = plan; *l && rc == 0; l++) {
        g_strstrip(*l);
        if (!**l || **l == '#')
            continue;
        char *eq = strchr(*l, '=');
        if (!eq)
            continue;
        *eq = 0;
        char *key = g_strstrip(*l), *val = g_strstrip(eq + 1);
        counter_err err = COUNTER_OK;
        if (strcmp(key, "event") == 0) {
            err = counter_visit_set_event(v, val);
        } else if (g_str_has_prefix(key, "interview.")) {
            err = counter_visit_set_interview(v, key + 10, val);
            fig.choices++;
        } else if (strcmp(key, "navigate") == 0) {
            err = counter_visit_navigate(v, true);
            for (size_t i = 0; err == COUNTER_OK && i < counter_visit_procedure_count(v); i++)
                say("NAVIGATED %s", form_procedure_id(counter_visit_procedure(v, i)));
        } else if (strcmp(key, "procedure") == 0) {
            err = counter_visit_add_procedure(v, val);
            if (err == COUNTER_E_UNKNOWN) {
                say("SKIP-PROCEDURE %s", val); /* not in these templates (yet) */
                err = COUNTER_OK;
            }
        } else if (strcmp(key, "today") == 0) {
            err = counter_visit_set_today(v, val);
        } else if (strcmp(key, "reception") == 0) {
            reception = val;
        } else if (strcmp(key, "card") == 0) {
            gchar **w = g_strsplit(val, " ", -1);
            ncard++;
            say("WAIT-CARD %u", ncard);
            myna_attrs *a = NULL;
            err = read_member(ctx, filter, w[0], counter_visit_read_flags(v), &a, &last_read_ms);
            fig.pin_digits += (unsigned)strlen(w[0]);
            if (err == COUNTER_OK) {
                size_t idx = 0;
                err = counter_visit_add_card(v, counter_visit_generation(v), a, COUNTER_SRC_PIN,
                                             role_of(w[1] ? w[1] : "other"), &idx);
                myna_attrs_free(a);
                const char *kana = opt(w, "kana"), *rel = opt(w, "relation");
                if (err == COUNTER_OK && kana) {
                    err = counter_visit_set_member_field(v, idx, COUNTER_F_KANA, kana);
                    fig.typed_entries++;
                    fig.typed_chars += chars(kana);
                }
                if (err == COUNTER_OK && rel) {
                    err = counter_visit_set_member_field(v, idx, COUNTER_F_RELATION, rel);
                    fig.typed_entries++;
                    fig.typed_chars += chars(rel);
                }
                fig.cards++;
                say("READ %u", ncard);
            }
            for (char **x = w; *x; x++)
                memset(*x, 0, strlen(*x));
            g_strfreev(w);
        } else if (strcmp(key, "typed") == 0) {
            gchar **w = g_strsplit(val, " ", -1);
            counter_member_input in = {.name = opt(w, "name"), .kana = opt(w, "kana"),
                                       .birth = opt(w, "birth"), .sex = opt(w, "sex"),
                                       .number = opt(w, "number"), .relation = opt(w, "relation"),
                                       .role = role_of(w[0])};
            err = counter_visit_add_typed(v, &in, NULL);
            for (char **x = w + 1; *x; x++) {
                const char *e = strchr(*x, '=');
                if (!e)
                    continue;
                fig.typed_entries++;
                /* sex is a click on 男/女, not typing */
                if (g_str_has_prefix(*x, "sex=")) {
                    fig.typed_entries--;
                    fig.choices++;
                } else {
                    fig.typed_chars += chars(e + 1);
                }
            }
            for (char **x = w; *x; x++)
                memset(*x, 0, strlen(*x));
            g_strfreev(w);
        } else if (g_str_has_prefix(key, "answer.")) {
            const form_question *q = find_question(v, key + 7);
            if (!q) {
                say("SKIP-ANSWER %s", key + 7); /* no procedure of this visit asks it */
            } else {
                err = counter_visit_set_answer(v, key + 7, val);
                form_question_type t = form_question_type_of(q);
                if (t == FORM_Q_CHOICE || t == FORM_Q_MULTI || t == FORM_Q_YESNO) {
                    fig.choices++;
                } else {
                    fig.typed_entries++;
                    fig.typed_chars += chars(val);
                }
            }
        }
        if (err != COUNTER_OK) {
            fprintf(stderr, "counter-household: plan line \"%s\": %s\n", key,
                    counter_strerror(err));
            rc = 1;
        }
    }
    const char *missing[16];
    size_t nmiss = rc == 0 ? counter_visit_missing_answers(v, missing, 16) : 0;
    for (size_t i = 0; i < nmiss && i < 16; i++)
        fprintf(stderr, "counter-household: unanswered: %s\n", missing[i]);
    if (nmiss)
        rc = 1;
    if (keys && rc == 0)
        write_keys(v, keys);

    counter_batch *b = NULL;
    if (rc == 0) {
        counter_err err = counter_batch_new(v, reception, "ja", &b);
        const char *failed = NULL;
        form_diags *d = NULL;
        gint64 t0 = g_get_monotonic_time();
        if (err == COUNTER_OK)
            err = counter_batch_render(b, 0, &failed, &d);
        render_ms = (double)(g_get_monotonic_time() - t0) / 1000.0;
        for (size_t i = 0; i < form_diags_count(d); i++)
            fprintf(stderr, "counter-household: %s: %s %s\n", failed ? failed : "?",
                    form_diags_get(d, i)->field ? form_diags_get(d, i)->field : "",
                    form_diags_get(d, i)->message);
        form_diags_free(d);
        if (err != COUNTER_OK) {
            fprintf(stderr, "counter-household: render: %s\n", counter_strerror(err));
            rc = 1;
        } else {
            say("RENDERED %zu %zu guide=%d", counter_batch_doc_count(b),
                counter_batch_page_count(b), counter_batch_has_guide(b));
            for (size_t i = 0; i < counter_batch_doc_count(b); i++) {
                const form_procedure *p = counter_batch_doc_procedure(b, i);
                const char *id = p ? form_procedure_id(p) : "annai";
                say("DOC %zu %s", i + 1, id);
                const form_catalog *cat_ = counter_visit_catalog(v);
                for (size_t k = 0; p && k < form_procedure_template_count(p); k++)
                    say("TEMPLATE %s %s", form_template_id(form_procedure_template(p, k)),
                        form_template_file(form_procedure_template(p, k)));
                if (!p && form_catalog_template(cat_, "annai"))
                    say("TEMPLATE annai %s",
                        form_template_file(form_catalog_template(cat_, "annai")));
                if (pdf_dir) {
                    size_t len = 0;
                    const uint8_t *pdf = form_doc_data(counter_batch_doc(b, i), &len);
                    char *path = g_strdup_printf("%s/%zu-%s.pdf", pdf_dir, i + 1, id);
                    if (!g_file_set_contents(path, (const char *)pdf, (gssize)len, NULL))
                        rc = 1;
                    g_free(path);
                }
            }
        }
    }
    if (rc == 0) {
        double ms = -1;
        form_err ferr = FORM_OK;
        counter_err err = counter_batch_print(b, printer, 120000, NULL, NULL, NULL, &ms, &ferr);
        if (err != COUNTER_OK) {
            fprintf(stderr, "counter-household: print: %s\n", form_strerror(ferr));
            rc = 1;
        } else {
            say("ACCEPTED %.1f", ms);
            accept_ms = ms;
        }
        say("PRINTED %s", rc == 0 ? "ok" : "failed");
    }
    /* Figures: machine time from the last card tap to every job accepted is measured by the
     * harness around the lines above; here the pieces. */
    counter_visit_stats st;
    counter_visit_get_stats(v, &st);
    say("FIGURE members %u", st.members);
    say("FIGURE cards %u", fig.cards);
    say("FIGURE typed_entries %u", fig.typed_entries);
    say("FIGURE typed_chars %u", fig.typed_chars);
    say("FIGURE pin_digits %u", fig.pin_digits);
    say("FIGURE choices %u", fig.choices);
    say("FIGURE forms %zu", b ? counter_batch_doc_count(b) : (size_t)0);
    say("FIGURE pages %zu", b ? counter_batch_page_count(b) : (size_t)0);
    say("FIGURE last_card_read_ms %.1f", last_read_ms);
    say("FIGURE render_ms %.1f", render_ms);
    say("FIGURE print_accepted_ms %.1f", accept_ms);
    if (last_read_ms >= 0 && render_ms >= 0 && accept_ms >= 0)
        say("FIGURE machine_tap_to_accepted_ms %.1f", last_read_ms + render_ms + accept_ms);

    counter_batch_free(b);
    counter_visit_wipe(v, COUNTER_END_NEXT);
    for (guint k = 0; k < nlines; k++)
        memset(plan[k], 0, lens[k]);
    g_free(lens);
    g_strfreev(plan);
    say("WIPED");
    if (hold) {
        char line[16];
        if (!fgets(line, sizeof line, stdin))
            line[0] = 0;
    }
    counter_visit_free(v);
    myna_ctx_free(ctx);
    form_catalog_free(cat);
    return rc;
}
