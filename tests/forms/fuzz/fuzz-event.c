/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * fuzz-event.c — libFuzzer target for the life-event parser (templates/events/ID.event), its
 * conditions, the checks of `kakanai-form check` and navigation.
 *
 * With clang and -DKAKANAI_FUZZ=ON this is a real libFuzzer binary. Without it, main() below
 * replays every file of the directories given on the command line (the seed corpus and the
 * shipped events), so they run as an ordinary test under gcc.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form-event-private.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    form_diags *d = form_diags_new();
    form_event *e = NULL;
    if (form_event_parse("fuzz.event", (const char *)data, size, &e, d) == FORM_OK) {
        form_event_check(e, NULL, d); /* unbound: procedures are unknown, checks still run */
        form_values *v = NULL;
        if (form_values_new(&v) == FORM_OK) {
            form_values_set_today(v, "20260401");
            form_values_set_card(v, NULL, NULL, "19600401", NULL, NULL);
            form_values_set_member(v, "member", 2, "birth", "20180402");
            form_values_set_member(v, "member", 3, "birth", "19400229");
            for (size_t i = 0; i < e->nquestions; i++) {
                const form_question *q = &e->questions[i];
                const char *a = q->type == FORM_Q_YESNO   ? "yes"
                                : q->type == FORM_Q_CHOICE ? (q->nchoices ? q->choice_value[0] : "")
                                                           : "2";
                form_values_set_answer(v, q->id, a);
                (void)form_event_asks(e, i, v);
            }
            form_nav *nav = NULL;
            if (form_event_navigate(e, v, &nav) == FORM_OK) {
                form_nav_set_guide(nav, v, "ja", 0, 10);
                form_nav_free(nav);
            }
        }
        form_values_free(v);
    }
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        if (g->message == NULL || g->line < 0 || g->column < 0)
            abort();
    }
    form_event_free(e);
    form_diags_free(d);
    return 0;
}

#ifndef KAKANAI_LIBFUZZER
static int replay_file(const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (form_read_file(path, FORM_MAX_FILE_BYTES + 1024, &data, &len) != FORM_OK) {
        fprintf(stderr, "fuzz-event: cannot read %s\n", path);
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
            if (sub != NULL) {
                closedir(sub);
            } else if (p != NULL) {
                bad += replay_file(p);
                n++;
            }
            free(p);
        }
        closedir(dir);
    }
    printf("fuzz-event: replayed %d inputs\n", n);
    return bad ? 1 : 0;
}
#endif
