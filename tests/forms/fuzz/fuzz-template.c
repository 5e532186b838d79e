/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * fuzz-template.c — libFuzzer target for the template parser and the value expressions.
 *
 * With clang and -DKAKANAI_FUZZ=ON this is a real libFuzzer binary. Without it, main()
 * below replays every file of the corpus directories given on the command line, so the
 * seed corpus runs as an ordinary test under gcc.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form-private.h"
#include "form-secure.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    form_diags *d = form_diags_new();
    form_template *t = NULL;
    if (form_template_parse("fuzz.form", NULL, (const char *)data, size, true, &t, d) == FORM_OK) {
        /* evaluate every field with a full set of values: nothing may read out of bounds */
        form_values *v = NULL;
        if (form_values_new(&v) == FORM_OK &&
            form_values_set_card(v, "𠮷田 太郎", "山口県山口市1-1", "19800401", "1",
                                 "123456789018") == FORM_OK) {
            form_values_set_today(v, "20190501");
            for (size_t i = 0; i < t->nquestions; i++) {
                const char *def = form_question_default(&t->questions[i]);
                const char *why = NULL;
                form_question_validate(&t->questions[i], def ? def : "1", "ja", &why);
                form_values_set_answer(v, t->questions[i].id, def ? def : "1");
            }
            for (size_t i = 0; i < t->nitems; i++) {
                if (t->items[i].kind != FORM_ITEM_FIELD)
                    continue;
                char *out = NULL;
                char missing[64];
                if (form_expr_eval(t->items[i].text, t, v, &out, missing, sizeof missing) == FORM_OK)
                    form_secure_strfree(out);
            }
        }
        form_values_free(v);
    }
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        if (g->message == NULL || g->line < 0 || g->column < 0)
            abort();
    }
    form_template_free(t);
    form_diags_free(d);
    /* the same bytes as one expression */
    if (size < 2048) {
        char *e = malloc(size + 1);
        if (e != NULL) {
            memcpy(e, data, size);
            e[size] = '\0';
            char en[256], ja[256];
            size_t off = 0;
            form_expr_check(e, NULL, NULL, en, ja, sizeof en, &off);
            free(e);
        }
    }
    return 0;
}

#ifndef KAKANAI_LIBFUZZER
static int replay_file(const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (form_read_file(path, FORM_MAX_FILE_BYTES + 1024, &data, &len) != FORM_OK) {
        fprintf(stderr, "fuzz-template: cannot read %s\n", path);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int n = 0, bad = 0;
    for (int a = 1; a < argc; a++) {
        DIR *dir = opendir(argv[a]);
        if (dir == NULL) {
            bad += replay_file(argv[a]);
            n++;
            continue;
        }
        struct dirent *de;
        while ((de = readdir(dir)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char *p = form_path_join(argv[a], de->d_name);
            DIR *sub = p ? opendir(p) : NULL;
            if (sub != NULL) { /* a folder (templates/events): not a template */
                closedir(sub);
                free(p);
                continue;
            }
            if (p != NULL) {
                bad += replay_file(p);
                n++;
            }
            free(p);
        }
        closedir(dir);
    }
    printf("fuzz-template: replayed %d inputs\n", n);
    return bad ? 1 : 0;
}
#endif
