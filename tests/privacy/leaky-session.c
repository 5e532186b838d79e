/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * leaky-session — what a kiosk session does with the libraries, without the GTK shell:
 * virtual card profile → myna_card (tries, VERIFY, read) → form_values → form_render
 * (→ form_print), then everything freed. Used to prove the canary scanner can fail
 * (--leak), for the sanitizer and valgrind passes, and for the RSS soak (--sessions).
 *
 *   leaky-session [--leak heap|stack|file:DIR] [--sessions N] [--print QUEUE] [--hold]
 *                 [--rss] [--answers FILE] PROFILE TEMPLATES_DIR [PIN]
 *
 * --leak heap      keep a non-wiped copy of the name in ordinary heap (the deliberate bug)
 * --leak stack     a worker thread copies the name into a local and ends: glibc keeps its
 *                  stack, unwiped, for the next thread (the bug the privacy review found)
 * --leak file:DIR  write the name into a file under DIR (another deliberate bug)
 * --hold           after the sessions, print "ready <pid>" and wait for a line on stdin, so a
 *                  test can scan this process's memory
 * --rss            print RSS (KB) after the first session and after the last
 * --answers FILE   kana/hira/text answers (default: answers.txt next to PROFILE)
 * Exit status: 0 when every session rendered, 1 otherwise, 2 usage.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "form.h"
#include "myna-vcard.h"
#include "myna.h"

#define SESSION_SECURE_HEAP (1u << 20)

/* The deliberate leak: a global so no compiler drops it. */
static char *volatile g_leaked;

/* What the resident types (kana reading, free text): personal too, so read from a file into
 * locked memory (never in this binary, where the scanner would find it) and wiped at exit. */
#define ANSWERS_MAX 1024u
static char *g_answers; /* locked, ANSWERS_MAX bytes: "kana\0hira\0text\0" */
static const char *g_kana = "", *g_hira = "", *g_text = "";

static int load_answers(const char *path)
{
    g_answers = myna_secure_alloc(ANSWERS_MAX);
    if (g_answers == NULL)
        return -1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t n = 0;
    for (;;) {
        ssize_t r = read(fd, g_answers + n, ANSWERS_MAX - 1 - n);
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    g_answers[n] = '\0';
    for (char *line = g_answers; line < g_answers + n;) {
        char *end = memchr(line, '\n', (size_t)(g_answers + n - line));
        if (end != NULL)
            *end = '\0';
        if (strncmp(line, "kana=", 5) == 0)
            g_kana = line + 5;
        else if (strncmp(line, "hira=", 5) == 0)
            g_hira = line + 5;
        else if (strncmp(line, "text=", 5) == 0)
            g_text = line + 5;
        line = end != NULL ? end + 1 : g_answers + n;
    }
    return 0;
}

typedef struct options {
    const char *leak; /* NULL, "heap" or "file:DIR" */
    unsigned long sessions;
    const char *queue;
    bool hold;
    bool rss;
    const char *profile;
    const char *templates;
    const char *pin;
    const char *answers;
} options;

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (f == NULL)
        return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(f);
    return kb;
}

/* An answer a resident could give; kana and text answers are canaries too (canaries.txt). */
static const char *answer_for(const form_question *q, char *buf, size_t cap)
{
    const char *def = form_question_default(q);
    switch (form_question_type_of(q)) {
    case FORM_Q_CHOICE:
    case FORM_Q_MULTI:
        if (form_question_choice_count(q) > 0)
            return form_question_choice_value(q, 0);
        return def;
    case FORM_Q_YESNO:
        return "no";
    case FORM_Q_NUMBER: {
        long v = form_question_min(q) > 1 ? form_question_min(q) : 1;
        if (v > form_question_max(q))
            v = form_question_min(q);
        snprintf(buf, cap, "%ld", v);
        return buf;
    }
    case FORM_Q_DATE:
        return "20260401";
    case FORM_Q_KANA:
        return form_question_kana(q) == FORM_KANA_HIRAGANA ? g_hira : g_kana;
    case FORM_Q_TEXT:
        return g_text;
    }
    return def;
}

/* The worker of --leak stack: the name in a local of a thread that then ends. */
static void *stack_worker(void *arg)
{
    const char *name = arg;
    volatile char local[256];
    size_t i = 0;
    for (; name[i] != '\0' && i + 1 < sizeof local; i++)
        local[i] = name[i];
    local[i] = '\0';
    return NULL;
}

static int leak_name(const char *how, const char *name)
{
    if (strcmp(how, "stack") == 0) {
        pthread_t t;
        if (pthread_create(&t, NULL, stack_worker, (void *)name) != 0)
            return -1;
        return pthread_join(t, NULL) == 0 ? 0 : -1;
    }
    if (strcmp(how, "heap") == 0) {
        g_leaked = strdup(name); /* never wiped, never freed: what the scanner must catch */
        return g_leaked != NULL ? 0 : -1;
    }
    if (strncmp(how, "file:", 5) == 0) {
        char path[4096];
        snprintf(path, sizeof path, "%s/leaky-session-%ld.txt", how + 5, (long)getpid());
        FILE *f = fopen(path, "w");
        if (f == NULL)
            return -1;
        fprintf(f, "name=%s\n", name);
        fclose(f);
        return 0;
    }
    return -1;
}

/* One session. Returns 0 when the forms rendered (and printed, with a queue). */
static int session(const options *o, const form_catalog *cat)
{
    int rc = 1;
    myna_vcard *vc = NULL;
    myna_transport *t = NULL;
    myna_card *card = NULL;
    myna_attrs *attrs = NULL;
    form_values *vals = NULL;
    form_doc *doc = NULL;
    form_diags *diags = NULL;
    char *why = NULL;

    myna_err me = myna_vcard_load(o->profile, &vc, &why);
    if (me != MYNA_OK) {
        fprintf(stderr, "leaky-session: profile: %s (%s)\n", myna_strerror(me),
                why != NULL ? why : "");
        goto out;
    }
    if ((me = myna_vcard_transport_new(vc, &t)) != MYNA_OK)
        goto card_err;
    me = myna_card_open(t, &card);
    t = NULL; /* the card owns it, also on error */
    if (me != MYNA_OK)
        goto card_err;
    int tries = -1;
    if ((me = myna_card_pin_tries(card, &tries)) != MYNA_OK)
        goto card_err;
    if (tries <= 0) {
        fprintf(stderr, "leaky-session: the test card's PIN is blocked\n");
        goto out;
    }
    if ((me = myna_card_verify_pin(card, o->pin, strlen(o->pin))) != MYNA_OK)
        goto card_err;

    /* The first procedure that renders with these answers. */
    size_t np = form_catalog_procedure_count(cat);
    for (size_t i = 0; i < np && rc != 0; i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        unsigned needs = form_procedure_needs(p);
        if ((me = myna_card_read_attrs(card, needs & FORM_NEEDS_NUMBER ? MYNA_READ_NUMBER : 0,
                                       &attrs)) != MYNA_OK)
            goto card_err;
        if (o->leak != NULL && leak_name(o->leak, myna_attrs_name(attrs)) != 0)
            fprintf(stderr, "leaky-session: could not leak (%s)\n", strerror(errno));
        if (form_values_new(&vals) != FORM_OK)
            goto out;
        form_values_set_card(vals, myna_attrs_name(attrs), myna_attrs_address(attrs),
                             myna_attrs_birth(attrs), myna_attrs_sex(attrs),
                             myna_attrs_number(attrs));
        form_values_set_today(vals, "20260401");
        myna_attrs_free(attrs);
        attrs = NULL;
        size_t nq = form_procedure_question_count(p);
        for (size_t k = 0; k < nq; k++) {
            const form_question *q = form_procedure_question(p, k);
            char buf[32];
            const char *a = answer_for(q, buf, sizeof buf);
            if (a != NULL)
                form_values_set_answer(vals, form_question_id(q), a);
        }
        form_err fe = form_render(p, NULL, vals, 0, &doc, &diags);
        if (fe == FORM_OK) {
            rc = 0;
            static bool told;
            if (!told) {
                size_t len = 0;
                form_doc_data(doc, &len);
                fprintf(stderr, "leaky-session: rendered procedure %s: %zu page(s), %zu bytes\n",
                        form_procedure_id(p), form_doc_page_count(doc), len);
                told = true;
            }
            if (o->queue != NULL) {
                fe = form_print(doc, o->queue, 1, 60000, NULL, NULL);
                if (fe != FORM_OK) {
                    fprintf(stderr, "leaky-session: print: %s\n", form_strerror(fe));
                    rc = 1;
                }
            }
        } else {
            fprintf(stderr, "leaky-session: procedure %s: %s\n", form_procedure_id(p),
                    form_strerror(fe));
        }
        form_doc_free(doc);
        doc = NULL;
        form_diags_free(diags);
        diags = NULL;
        form_values_free(vals);
        vals = NULL;
    }
    goto out;

card_err:
    fprintf(stderr, "leaky-session: card: %s\n", myna_strerror(me));
out:
    form_doc_free(doc);
    form_diags_free(diags);
    form_values_free(vals);
    myna_attrs_free(attrs);
    myna_card_free(card);
    myna_transport_free(t);
    myna_vcard_free(vc);
    free(why);
    return rc;
}

static int usage(void)
{
    fputs("usage: leaky-session [--leak heap|stack|file:DIR] [--sessions N] [--print QUEUE] [--hold]\n"
          "                     [--rss] [--answers FILE] PROFILE TEMPLATES_DIR [PIN]\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    options o = { .sessions = 1, .pin = "7391" };
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--leak") == 0 && i + 1 < argc) {
            o.leak = argv[++i];
        } else if (strcmp(argv[i], "--sessions") == 0 && i + 1 < argc) {
            o.sessions = strtoul(argv[++i], NULL, 10);
        } else if (strcmp(argv[i], "--print") == 0 && i + 1 < argc) {
            o.queue = argv[++i];
        } else if (strcmp(argv[i], "--hold") == 0) {
            o.hold = true;
        } else if (strcmp(argv[i], "--rss") == 0) {
            o.rss = true;
        } else if (strcmp(argv[i], "--answers") == 0 && i + 1 < argc) {
            o.answers = argv[++i];
        } else {
            return usage();
        }
    }
    if (argc - i < 2 || argc - i > 3 || o.sessions == 0)
        return usage();
    o.profile = argv[i];
    o.templates = argv[i + 1];
    if (argc - i == 3)
        o.pin = argv[i + 2];

    if (myna_secure_init(SESSION_SECURE_HEAP) != MYNA_OK) {
        fprintf(stderr, "leaky-session: no locked memory\n");
        return 1;
    }
    char answers_path[4096];
    if (o.answers == NULL) {
        const char *slash = strrchr(o.profile, '/');
        int dirlen = slash != NULL ? (int)(slash - o.profile) : 1;
        snprintf(answers_path, sizeof answers_path, "%.*s/answers.txt", dirlen,
                 slash != NULL ? o.profile : ".");
        o.answers = answers_path;
    }
    if (load_answers(o.answers) != 0)
        fprintf(stderr, "leaky-session: no answers file %s: kana/text questions unanswered\n",
                o.answers);
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err fe = form_catalog_load(o.templates, NULL, &cat, &diags);
    form_diags_free(diags);
    if (fe != FORM_OK) {
        fprintf(stderr, "leaky-session: templates: %s\n", form_strerror(fe));
        return 1;
    }
    int rc = 0;
    long first = -1;
    for (unsigned long s = 0; s < o.sessions; s++) {
        if (session(&o, cat) != 0)
            rc = 1;
        if (s == 0)
            first = rss_kb();
    }
    long last = rss_kb();
    if (o.rss)
        printf("sessions %lu rss_after_first_kb %ld rss_after_last_kb %ld growth_kb %ld\n",
               o.sessions, first, last, last - first);
    form_catalog_free(cat);
    myna_secure_free(g_answers, ANSWERS_MAX);
    g_answers = NULL;
    if (o.hold) {
        printf("ready %ld\n", (long)getpid());
        fflush(stdout);
        char line[16];
        if (fgets(line, sizeof line, stdin) == NULL) {
            /* stdin closed: the test is done with us */
        }
    }
    return rc;
}
