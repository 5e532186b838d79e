/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * bench-import — time form_import_open_mem per page: each shipped template rendered blank
 * in memory (FORM_RENDER_BLANK), then imported `runs` times; prints the median per form and
 * over all. Run by bench-forms-import.sh; prints figures, not a test.
 *
 *   bench-import TEMPLATES_DIR RUNS
 */
#include "form-import.h"
#include "form-private.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench-import TEMPLATES_DIR RUNS\n");
        return 2;
    }
    long nr = strtol(argv[2], NULL, 10);
    int runs = nr > 0 && nr < 1000 ? (int)nr : 10;
    DIR *dir = opendir(argv[1]);
    if (dir == NULL)
        return 1;
    double all[256];
    size_t nall = 0;
    struct dirent *de;
    form_values *v = NULL;
    form_values_new(&v);
    while ((de = readdir(dir)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l < 6 || strcmp(de->d_name + l - 5, ".form") != 0)
            continue;
        char *path = form_path_join(argv[1], de->d_name);
        form_template *t = NULL;
        form_doc *doc = NULL;
        if (path && form_template_load(path, false, &t, NULL) == FORM_OK &&
            form_render(NULL, t, v, FORM_RENDER_BLANK, &doc, NULL) == FORM_OK) {
            size_t len = 0;
            const uint8_t *pdf = form_doc_data(doc, &len);
            uint8_t *copy = malloc(len);
            memcpy(copy, pdf, len);
            double *ms = calloc((size_t)runs, sizeof *ms);
            size_t fields = 0;
            for (int r = 0; r < runs; r++) {
                form_import *im = NULL;
                double t0 = now_ms();
                form_import_open_mem(copy, len, de->d_name, 1, &im, NULL, 0);
                ms[r] = now_ms() - t0;
                fields = form_import_field_count(im);
                form_import_free(im);
            }
            qsort(ms, (size_t)runs, sizeof *ms, cmp_d);
            printf("  %-16s %6zu bytes  %zu fields  median %.1f ms/page\n", de->d_name, len,
                   fields, ms[runs / 2]);
            for (int r = 0; r < runs && nall < sizeof all / sizeof all[0]; r++)
                all[nall++] = ms[r];
            free(ms);
            free(copy);
        }
        form_doc_free(doc);
        form_template_free(t);
        free(path);
    }
    closedir(dir);
    form_values_free(v);
    qsort(all, nall, sizeof all[0], cmp_d);
    if (nall)
        printf("import: median %.1f ms/page, 95th percentile %.1f ms/page (%zu imports)\n",
               all[nall / 2], all[nall * 95 / 100], nall);
    return nall ? 0 : 1;
}
