/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * fuzz-render — the layout/render path on hostile input: random template text and random
 * values → form_catalog_load → form_values_* → form_render (every FORM_RENDER_* flag).
 *
 * Input layout (see corpus-render/ and make-render-corpus.c for examples):
 *   byte 0     render flags (FORM_RENDER_PREVIEW, FORM_RENDER_NO_QR: low two bits)
 *   byte 1     which card values to set (bit 0 name, 1 address, 2 birth, 3 sex, 4 number,
 *              5 today); the rest of the input gives them
 *   then       the template text (one *.form file), up to a line "%%"
 *   then       value lines "name=…", "address=…", "birth=…", "sex=…", "number=…",
 *              "today=…", and answers "q.ID=…"
 * Whatever the input, nothing may crash, hang, leak or read out of bounds, and a successful
 * render must give a PDF ("%PDF-") with at least one page.
 *
 * Built with clang -fsanitize=fuzzer when KAKANAI_FUZZ=ON; otherwise (KAKANAI_FUZZ_REPLAY) a
 * main() replays every file of the folders or files named on the command line, so the corpus
 * runs as an ordinary ctest.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form.h"

#define FUZZ_MAX_INPUT (64u * 1024u)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char g_dir[64];
static int g_verbose; /* FUZZ_RENDER_VERBOSE=1: say what happened to each input (replay) */

static void fuzz_abort(const char *what)
{
    fprintf(stderr, "fuzz-render: %s\n", what);
    abort();
}

static void remove_dir(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/fuzz.form", g_dir);
    unlink(path);
    rmdir(g_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    /* One private folder per process for the template file. */
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(g_dir, sizeof g_dir, "%s/kakanai-fuzz-render.XXXXXX", base);
    if (mkdtemp(g_dir) == NULL)
        fuzz_abort("mkdtemp");
    atexit(remove_dir);
    g_verbose = getenv("FUZZ_RENDER_VERBOSE") != NULL;
    return 0;
}

static void write_template(const uint8_t *text, size_t len)
{
    char path[128];
    snprintf(path, sizeof path, "%s/fuzz.form", g_dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        fuzz_abort("cannot write the template");
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w <= 0)
            fuzz_abort("short write");
        off += (size_t)w;
    }
    close(fd);
}

/* Find "\n%%\n" (or a leading "%%\n"): the end of the template text. */
static size_t split_at(const uint8_t *d, size_t n, size_t *values_at)
{
    for (size_t i = 0; i + 3 <= n; i++) {
        if ((i == 0 || d[i - 1] == '\n') && d[i] == '%' && d[i + 1] == '%' &&
            (i + 2 == n || d[i + 2] == '\n')) {
            *values_at = i + 3 <= n ? i + 3 : n;
            return i;
        }
    }
    *values_at = n;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > FUZZ_MAX_INPUT)
        return 0;
    if (g_dir[0] == '\0')
        LLVMFuzzerInitialize(NULL, NULL);
    unsigned flags = data[0] & 3u;
    unsigned card = data[1];
    data += 2;
    size -= 2;
    size_t vat;
    size_t tlen = split_at(data, size, &vat);
    write_template(data, tlen);

    /* values: a NUL-terminated copy, split into lines */
    size_t vlen = size - vat;
    char *vals = malloc(vlen + 1);
    if (vals == NULL)
        return 0;
    memcpy(vals, data + vat, vlen);
    vals[vlen] = '\0';
    const char *name = NULL, *address = NULL, *birth = NULL, *sex = NULL, *number = NULL,
               *today = NULL;
    enum { MAXQ = 64 };
    const char *qid[MAXQ], *qval[MAXQ];
    size_t nq = 0;
    for (char *line = vals; line != NULL && *line != '\0';) {
        char *next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        char *eq = strchr(line, '=');
        if (eq != NULL) {
            *eq = '\0';
            const char *v = eq + 1;
            if (strcmp(line, "name") == 0)
                name = v;
            else if (strcmp(line, "address") == 0)
                address = v;
            else if (strcmp(line, "birth") == 0)
                birth = v;
            else if (strcmp(line, "sex") == 0)
                sex = v;
            else if (strcmp(line, "number") == 0)
                number = v;
            else if (strcmp(line, "today") == 0)
                today = v;
            else if (strncmp(line, "q.", 2) == 0 && nq < MAXQ) {
                qid[nq] = line + 2;
                qval[nq++] = v;
            }
        }
        line = next;
    }

    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err e = form_catalog_load(g_dir, NULL, &cat, &diags);
    /* diagnostics must be well-formed whatever happened */
    for (size_t i = 0; i < form_diags_count(diags); i++) {
        const form_diag *dg = form_diags_get(diags, i);
        if (dg == NULL || dg->message == NULL)
            fuzz_abort("a diagnostic without a message");
        (void)strlen(dg->message);
        if (g_verbose)
            fprintf(stderr, "  diag %d:%d %s\n", dg->line, dg->column, dg->message);
    }
    form_diags_free(diags);
    diags = NULL;
    if (e == FORM_OK && cat != NULL) {
        for (size_t p = 0; p < form_catalog_procedure_count(cat); p++) {
            const form_procedure *proc = form_catalog_procedure(cat, p);
            form_values *v = NULL;
            if (form_values_new(&v) != FORM_OK)
                break;
            form_values_set_card(v, card & 1 ? name : NULL, card & 2 ? address : NULL,
                                 card & 4 ? birth : NULL, card & 8 ? sex : NULL,
                                 card & 16 ? number : NULL);
            if ((card & 32) && today != NULL)
                form_values_set_today(v, today);
            for (size_t i = 0; i < nq; i++) {
                /* validate like the kiosk does, but also store what fails, as staff could */
                for (size_t k = 0; k < form_procedure_question_count(proc); k++) {
                    const form_question *q = form_procedure_question(proc, k);
                    if (strcmp(form_question_id(q), qid[i]) == 0) {
                        const char *why = NULL;
                        form_question_validate(q, qval[i], "ja", &why);
                        if (why != NULL)
                            (void)strlen(why);
                    }
                }
                form_values_set_answer(v, qid[i], qval[i]);
            }
            form_doc *doc = NULL;
            e = form_render(proc, NULL, v, flags, &doc, &diags);
            if (g_verbose)
                fprintf(stderr, "  render %s: %s, %zu pages\n", form_procedure_id(proc),
                        form_strerror(e), form_doc_page_count(doc));
            if (e == FORM_OK) {
                size_t len = 0;
                const uint8_t *pdf = form_doc_data(doc, &len);
                if (pdf == NULL || len < 5 || memcmp(pdf, "%PDF-", 5) != 0)
                    fuzz_abort("FORM_OK without a PDF");
                if (form_doc_page_count(doc) < 1)
                    fuzz_abort("FORM_OK with no page");
                const char *save = getenv("FUZZ_RENDER_SAVE"); /* replay: look at it */
                if (save != NULL) {
                    FILE *f = fopen(save, "wb");
                    if (f != NULL) {
                        fwrite(pdf, 1, len, f);
                        fclose(f);
                    }
                }
            } else if (doc != NULL) {
                fuzz_abort("an error but a document");
            }
            form_doc_free(doc);
            form_diags_free(diags);
            diags = NULL;
            /* the single-template path too */
            if (form_procedure_template_count(proc) > 0) {
                doc = NULL;
                e = form_render(NULL, form_procedure_template(proc, 0), v,
                                flags ^ FORM_RENDER_NO_QR, &doc, &diags);
                form_doc_free(doc);
                form_diags_free(diags);
                diags = NULL;
            }
            form_values_free(v);
        }
    }
    form_catalog_free(cat);
    free(vals);
    return 0;
}

#ifdef KAKANAI_FUZZ_REPLAY
static int replay_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    uint8_t *buf = malloc(FUZZ_MAX_INPUT + 1);
    size_t n = 0;
    ssize_t r;
    while (buf != NULL && n <= FUZZ_MAX_INPUT && (r = read(fd, buf + n, FUZZ_MAX_INPUT + 1 - n)) > 0)
        n += (size_t)r;
    close(fd);
    if (buf == NULL)
        return -1;
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    unsigned long runs = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "fuzz-render: %s: no such file\n", argv[i]);
            return 1;
        }
        if (!S_ISDIR(st.st_mode)) {
            replay_file(argv[i]);
            runs++;
            continue;
        }
        DIR *d = opendir(argv[i]);
        if (d == NULL)
            return 1;
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                char **nn = realloc(names, cap * sizeof *names);
                if (nn == NULL)
                    break;
                names = nn;
            }
            size_t l = strlen(argv[i]) + strlen(e->d_name) + 2;
            names[n] = malloc(l);
            if (names[n] == NULL)
                break;
            snprintf(names[n], l, "%s/%s", argv[i], e->d_name);
            n++;
        }
        closedir(d);
        qsort(names, n, sizeof *names, cmp_names);
        for (size_t k = 0; k < n; k++) {
            if (g_verbose)
                fprintf(stderr, "%s\n", names[k]);
            replay_file(names[k]);
            runs++;
            free(names[k]);
        }
        free(names);
    }
    printf("fuzz-render: %lu inputs replayed, no crash\n", runs);
    return 0;
}
#endif
