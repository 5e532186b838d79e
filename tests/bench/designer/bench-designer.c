/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * bench-designer — the studio's preview latency per edit (move a field, check, render with the
 * real engine, rasterize at 4 px/mm), per shipped template, p50 and p95, against the goal
 * (50 ms at p95) and against today's workflow for the same edit: write the template and run
 * `kakanai-form preview` (a new process per look), then rasterize its PDF the same way.
 *   bench-designer TEMPLATES_DIR KAKANAI_FORM PROFILE.json ANSWERS_DIR WORK_DIR [EDITS]
 * (ANSWERS_DIR holds ID.json answers per template, as tests/forms/golden/answers.)
 * Prints figures; not a test.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "designer-doc.h"
#include "designer-raster.h"

extern char **environ;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, int n, double p)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    return v[(int)((n - 1) * p)];
}

static cairo_surface_t *raster_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    static unsigned char buf[8 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return dz_raster_page(buf, n, 4);
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: bench-designer TEMPLATES KAKANAI_FORM PROFILE ANSWERS WORK [EDITS]\n");
        return 2;
    }
    const char *dir = argv[1], *tool = argv[2], *profile = argv[3], *answers = argv[4];
    const char *work = argv[5];
    int edits = argc > 6 ? (int)strtol(argv[6], NULL, 10) : 60;
    if (edits < 2 || edits > 5000)
        edits = 60;
    static const char *const forms[] = {"juminhyo", "inkan", "shotoku", "koseki", "tennyu"};
    printf("template    studio p50   p95 ms | kakanai-form preview p50   p95 ms | p95 ratio | goal p95 < 50 ms\n");
    double *own = calloc((size_t)edits, sizeof *own), *peer = calloc((size_t)edits, sizeof *peer);
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        char path[4096], copy[4096], pdf[4096], ans[4096];
        snprintf(ans, sizeof ans, "%s/%s.json", answers, forms[k]);
        snprintf(path, sizeof path, "%s/%s.form", dir, forms[k]);
        snprintf(copy, sizeof copy, "%s/%s.form", work, forms[k]);
        snprintf(pdf, sizeof pdf, "%s/%s.pdf", work, forms[k]);
        dz_doc *d = NULL;
        if (dz_doc_open(path, &d, NULL) != DZ_OK) {
            printf("%-10s  cannot open\n", forms[k]);
            continue;
        }
        size_t obj = (size_t)-1, n = dz_doc_object_count(d);
        for (size_t i = 0; i < n && obj == (size_t)-1; i++) {
            dz_object o;
            if (dz_doc_object(d, i, &o) && strcmp(o.kind, "field") == 0)
                obj = i;
        }
        dz_doc_render(d, 0); /* warm: fonts loaded once, as in the running studio */
        for (int e = 0; e < edits; e++) {
            dz_object o;
            dz_doc_object(d, obj, &o);
            double t0 = now_ms();
            dz_doc_set_geometry(d, obj, o.x + (e % 2 ? -0.5 : 0.5), o.y, o.w, o.h);
            dz_doc_render(d, 0);
            size_t len = 0;
            const uint8_t *bytes = dz_doc_pdf(d, &len);
            cairo_surface_t *s = dz_raster_page(bytes, len, 4);
            own[e] = now_ms() - t0;
            if (s != NULL)
                cairo_surface_destroy(s);
        }
        /* today: save the text, run the CLI preview, look at the PDF */
        for (int e = 0; e < edits; e++) {
            dz_object o;
            dz_doc_object(d, obj, &o);
            double t0 = now_ms();
            dz_doc_set_geometry(d, obj, o.x + (e % 2 ? -0.5 : 0.5), o.y, o.w, o.h);
            dz_doc_save(d, copy);
            char *args[] = {(char *)tool, "preview", "--template", copy, "--card-profile",
                            (char *)profile, "--answers", ans, "--today", "20261205",
                            "--out", pdf, NULL};
            pid_t pid;
            int st = 0;
            remove(pdf);
            if (posix_spawn(&pid, tool, NULL, NULL, args, environ) == 0)
                waitpid(pid, &st, 0);
            cairo_surface_t *s = raster_file(pdf);
            if (s == NULL) {
                fprintf(stderr, "%s: kakanai-form preview made no PDF (status %d)\n", forms[k], st);
                return 1;
            }
            peer[e] = now_ms() - t0;
            if (s != NULL)
                cairo_surface_destroy(s);
        }
        double o50 = pct(own, edits, 0.5), o95 = pct(own, edits, 0.95);
        double p50 = pct(peer, edits, 0.5), p95 = pct(peer, edits, 0.95);
        printf("%-10s  %9.1f %6.1f    | %25.1f %6.1f    | %5.1fx    | %s\n", forms[k], o50, o95,
               p50, p95, o95 > 0 ? p95 / o95 : 0, o95 < 50 ? "met" : "MISSED");
        dz_doc_free(d);
    }
    free(own);
    free(peer);
    return 0;
}
