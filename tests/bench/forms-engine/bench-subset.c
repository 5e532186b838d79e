/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * bench-subset.c — the engine's own TrueType subsetter (forms/src/form-subset.c) against
 * HarfBuzz's hb-subset (libharfbuzz-subset, the field's standard) on the glyph sets of real
 * documents. Prints figures; not a test.
 *
 *   bench-subset TEMPLATES_DIR PROFILE.json [ROUNDS]
 *
 * Each shipped procedure is rendered once with form_render() for the fictional resident of
 * PROFILE.json (answers: tests/lib's fixture answers); the linker's --wrap hands every call
 * of form_subset_truetype to this file, which keeps each font's glyph list (the glyph ids in
 * CID order, exactly what the engine subsets) and passes the call on. Then, per document, the
 * median of ROUNDS runs of subsetting all of its fonts with:
 *   own      form_subset_truetype: glyph i of the subset = CID i, output in locked memory;
 *   hb       hb-subset as a program would call it first: hb_subset_plan_create_or_fail on
 *            the engine's face with the glyph set, the old → new glyph map (for a
 *            CIDToGIDMap), hb_subset_plan_execute_or_fail, the font's bytes; hinting
 *            dropped (as own does), every other table subset and kept;
 *   hb-min   the same keeping only the tables a PDF CIDFontType2 reads (glyf loca hmtx hhea
 *            maxp head): the same output as own;
 *   hb-pre   hb-min on a face made once per process by hb_subset_preprocess() (its cost is
 *            printed apart: a kiosk would pay it once per font at start-up).
 * A font file that is not installed is left out (as the engine would fail on it).
 */
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hb-subset.h>
#include <hb.h>

#include "form-fixture.h"
#include "form-secure.h"
#include "form-subset.h"
#include "form.h"

#define DOCS_MAX 32
#define FONTS_MAX 8
#define ROUNDS_MAX 1000

typedef struct font_set {
    hb_face_t *face; /* the engine's, loaded once per process (form-font.c) */
    uint32_t *gids;  /* CID order */
    size_t n;
} font_set;

typedef struct doc {
    char id[64];
    font_set fonts[FONTS_MAX];
    size_t nfonts;
} doc;

static doc docs[DOCS_MAX];
static size_t ndocs;
static doc *capturing; /* the document being rendered, NULL otherwise */

form_err __real_form_subset_truetype(hb_face_t *face, const uint32_t *gids, size_t n, uint8_t **out,
                                     size_t *out_len);
form_err __wrap_form_subset_truetype(hb_face_t *face, const uint32_t *gids, size_t n, uint8_t **out,
                                     size_t *out_len);

form_err __wrap_form_subset_truetype(hb_face_t *face, const uint32_t *gids, size_t n, uint8_t **out,
                                     size_t *out_len)
{
    if (capturing != NULL && capturing->nfonts < FONTS_MAX && n > 0) {
        font_set *fs = &capturing->fonts[capturing->nfonts];
        fs->gids = malloc(n * sizeof *gids);
        if (fs->gids != NULL) {
            memcpy(fs->gids, gids, n * sizeof *gids);
            fs->face = face;
            fs->n = n;
            capturing->nfonts++;
        }
    }
    return __real_form_subset_truetype(face, gids, n, out, out_len);
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Resident memory of the process, KiB (/proc/self/statm). */
static long rss_kib(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f == NULL)
        return 0;
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
        resident = 0;
    fclose(f);
    return resident * 4;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* ---- the documents ----------------------------------------------------------------------- */

static int render_all(const char *templates, const char *profile)
{
    json_object *pj = json_object_from_file(profile);
    if (pj == NULL) {
        fprintf(stderr, "bench-subset: cannot read %s\n", profile);
        return 1;
    }
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err e = form_catalog_load(templates, NULL, &cat, &diags);
    form_diags_free(diags);
    if (e != FORM_OK) {
        fprintf(stderr, "bench-subset: %s: %s\n", templates, form_strerror(e));
        json_object_put(pj);
        return 1;
    }
    int rc = 0;
    for (size_t i = 0; i < form_catalog_procedure_count(cat) && ndocs < DOCS_MAX; i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        form_values *v = NULL;
        if (form_values_new(&v) != FORM_OK)
            return 1;
        e = form_values_set_card(v, fixture_json_str(pj, "name"), fixture_json_str(pj, "address"),
                                 fixture_json_str(pj, "birth"), fixture_json_str(pj, "sex"),
                                 fixture_json_str(pj, "my_number"));
        if (e == FORM_OK)
            e = form_values_set_today(v, FIXTURE_TODAY);
        for (size_t k = 0; e == FORM_OK && k < form_procedure_question_count(p); k++) {
            const form_question *q = form_procedure_question(p, k);
            char buf[32];
            e = form_values_set_answer(v, form_question_id(q), fixture_answer(q, buf, sizeof buf));
        }
        doc *d = &docs[ndocs];
        snprintf(d->id, sizeof d->id, "%s", form_procedure_id(p));
        form_doc *out = NULL;
        capturing = d;
        if (e == FORM_OK)
            e = form_render(p, NULL, v, 0, &out, &diags);
        capturing = NULL;
        form_diags_free(diags);
        diags = NULL;
        form_doc_free(out);
        form_values_free(v);
        if (e != FORM_OK) {
            fprintf(stderr, "bench-subset: %s: %s\n", d->id, form_strerror(e));
            rc = 1;
            break;
        }
        ndocs++;
    }
    form_catalog_free(cat);
    json_object_put(pj);
    return rc;
}

/* ---- the subsetters ---------------------------------------------------------------------- */

/* Own: every font of the document; the bytes of the subsets in *bytes. */
static bool own_doc(const doc *d, size_t *bytes)
{
    *bytes = 0;
    for (size_t f = 0; f < d->nfonts; f++) {
        uint8_t *out = NULL;
        size_t len = 0;
        const font_set *fs = &d->fonts[f];
        if (__real_form_subset_truetype(fs->face, fs->gids, fs->n, &out, &len) != FORM_OK)
            return false;
        *bytes += len;
        form_secure_free(out, len);
    }
    return true;
}

/* The tables hb-min keeps. */
static bool kept_table(hb_tag_t t)
{
    static const hb_tag_t keep[] = {
        HB_TAG('g', 'l', 'y', 'f'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('h', 'm', 't', 'x'),
        HB_TAG('h', 'h', 'e', 'a'), HB_TAG('m', 'a', 'x', 'p'), HB_TAG('h', 'e', 'a', 'd'),
    };
    for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++)
        if (keep[i] == t)
            return true;
    return false;
}

/* hb-subset of one glyph list of face; minimal: keep only kept_table()s. The old → new map is
 * read for every CID (what a CIDToGIDMap needs). Returns the subset's bytes, 0 on failure. */
static size_t hb_one(hb_face_t *face, const font_set *fs, bool minimal)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (in == NULL)
        return 0;
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    for (size_t i = 0; i < fs->n; i++)
        hb_set_add(glyphs, fs->gids[i]);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    if (minimal) {
        hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
        hb_tag_t tags[64];
        unsigned count = 64, start = 0;
        for (;;) {
            count = 64;
            unsigned total = hb_face_get_table_tags(face, start, &count, tags);
            for (unsigned i = 0; i < count; i++)
                if (!kept_table(tags[i]))
                    hb_set_add(drop, tags[i]);
            start += count;
            if (count == 0 || start >= total)
                break;
        }
    }
    size_t bytes = 0;
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    if (plan != NULL) {
        const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
        uint32_t sum = 0;
        for (size_t i = 0; i < fs->n; i++)
            sum += hb_map_get(map, fs->gids[i]);
        hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
        if (sub != NULL) {
            hb_blob_t *blob = hb_face_reference_blob(sub);
            bytes = hb_blob_get_length(blob) + (sum == 0xFFFFFFFFu); /* keep sum used */
            hb_blob_destroy(blob);
            hb_face_destroy(sub);
        }
        hb_subset_plan_destroy(plan);
    }
    hb_subset_input_destroy(in);
    return bytes;
}

static bool hb_doc(const doc *d, hb_face_t *const *faces, bool minimal, size_t *bytes)
{
    *bytes = 0;
    for (size_t f = 0; f < d->nfonts; f++) {
        size_t b = hb_one(faces[f], &d->fonts[f], minimal);
        if (b == 0)
            return false;
        *bytes += b;
    }
    return true;
}

enum { OWN, HB, HB_MIN, HB_PRE, NWAYS };
static const char *const way_names[NWAYS] = {"own", "hb", "hb-min", "hb-pre"};

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-subset TEMPLATES_DIR PROFILE.json [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 30;
    if (rounds < 1 || rounds > ROUNDS_MAX)
        rounds = 30;
    /* locked memory as in the kiosk (kiosk-main.c: 4 MiB) */
    bool locked = form_secure_init(4u * 1024u * 1024u);
    if (render_all(argv[1], argv[2]) != 0 || ndocs == 0)
        return 1;

    /* hb_subset_preprocess once per distinct face, as a process would at start-up */
    hb_face_t *distinct[FONTS_MAX], *pre[FONTS_MAX];
    double pre_ms[FONTS_MAX];
    long pre_kib[FONTS_MAX];
    size_t ndistinct = 0;
    for (size_t i = 0; i < ndocs; i++)
        for (size_t f = 0; f < docs[i].nfonts; f++) {
            size_t k = 0;
            while (k < ndistinct && distinct[k] != docs[i].fonts[f].face)
                k++;
            if (k == ndistinct && ndistinct < FONTS_MAX) {
                distinct[k] = docs[i].fonts[f].face;
                long r0 = rss_kib();
                double t0 = now_ms();
                pre[k] = hb_subset_preprocess(distinct[k]);
                pre_ms[k] = now_ms() - t0;
                pre_kib[k] = rss_kib() - r0;
                ndistinct++;
            }
        }

    printf("bench-subset: %zu documents (shipped procedures, %s), median of %d rounds, "
           "locked memory %s\n",
           ndocs, argv[2], rounds, locked ? "on" : "off (ordinary memory, wiped)");
    for (size_t k = 0; k < ndistinct; k++)
        printf("  hb_subset_preprocess, once per font: font %zu (%u glyphs): %.1f ms, "
               "resident memory +%ld KiB\n",
               k + 1, hb_face_get_glyph_count(distinct[k]), pre_ms[k], pre_kib[k]);
    printf("%-16s %5s %6s | %8s %8s %8s %8s | %7s %7s %7s | %6s %6s %6s\n", "document", "fonts",
           "glyphs", "own ms", "hb ms", "hb-min", "hb-pre", "own KB", "hb KB", "min KB", "hb/own",
           "min/own", "pre/own");
    double sum[NWAYS] = {0};
    double *t = malloc((size_t)rounds * sizeof *t);
    if (t == NULL)
        return 1;
    for (size_t i = 0; i < ndocs; i++) {
        const doc *d = &docs[i];
        hb_face_t *faces[FONTS_MAX], *faces_pre[FONTS_MAX];
        size_t glyphs = 0;
        for (size_t f = 0; f < d->nfonts; f++) {
            faces[f] = d->fonts[f].face;
            for (size_t k = 0; k < ndistinct; k++)
                if (distinct[k] == faces[f])
                    faces_pre[f] = pre[k];
            glyphs += d->fonts[f].n;
        }
        double med[NWAYS];
        size_t bytes[NWAYS] = {0};
        for (int w = 0; w < NWAYS; w++) {
            for (int r = -1; r < rounds; r++) { /* run -1 warms caches */
                double t0 = now_ms();
                bool ok = w == OWN      ? own_doc(d, &bytes[w])
                          : w == HB     ? hb_doc(d, faces, false, &bytes[w])
                          : w == HB_MIN ? hb_doc(d, faces, true, &bytes[w])
                                        : hb_doc(d, faces_pre, true, &bytes[w]);
                double ms = now_ms() - t0;
                if (!ok) {
                    fprintf(stderr, "bench-subset: %s: %s failed\n", d->id, way_names[w]);
                    return 1;
                }
                if (r >= 0)
                    t[r] = ms;
            }
            med[w] = median(t, rounds);
            sum[w] += med[w];
        }
        printf(
            "%-16s %5zu %6zu | %8.2f %8.2f %8.2f %8.2f | %7.1f %7.1f %7.1f | %6.1f %6.1f %6.1f\n",
            d->id, d->nfonts, glyphs, med[OWN], med[HB], med[HB_MIN], med[HB_PRE],
            bytes[OWN] / 1024.0, bytes[HB] / 1024.0, bytes[HB_MIN] / 1024.0, med[HB] / med[OWN],
            med[HB_MIN] / med[OWN], med[HB_PRE] / med[OWN]);
    }
    printf("%-16s %5s %6s | %8.2f %8.2f %8.2f %8.2f |  (mean per document: own %.2f ms, hb %.2f, "
           "hb-min %.2f, hb-pre %.2f)\n",
           "all", "", "", sum[OWN], sum[HB], sum[HB_MIN], sum[HB_PRE], sum[OWN] / (double)ndocs,
           sum[HB] / (double)ndocs, sum[HB_MIN] / (double)ndocs, sum[HB_PRE] / (double)ndocs);
    free(t);
    for (size_t k = 0; k < ndistinct; k++)
        hb_face_destroy(pre[k]);
    for (size_t i = 0; i < ndocs; i++)
        for (size_t f = 0; f < docs[i].nfonts; f++)
            free(docs[i].fonts[f].gids);
    return 0;
}
