/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * make-render-corpus — the seed inputs of fuzz-render made from the shipped templates at build
 * time, so that the seeds follow every change to templates/ (a committed copy went stale).
 *
 *   make-render-corpus TEMPLATES_DIR OUT_DIR
 *
 * For each template of the folder, four inputs in fuzz-render's layout (see fuzz-render.c):
 *   tpl-ID          every card value and today, an answer to every question
 *   tpl-ID-hard     the same with hostile card values: a 200-character name, an address with
 *                   𠮷, 葛󠄀 (an IVS) and 髙﨑 that runs far past its field, 29 February
 * 1900 (no such day), sex 9, a number of zeros; rendered as a preview tpl-ID-nocard   answers only,
 * no card value; without the QR code tpl-ID-preview  the plain values, as a preview without the QR
 * code The answers are tests/lib's fixture answers (a question's default, else a valid made-up
 * answer). Old tpl-* files in OUT_DIR are removed first.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form-fixture.h"
#include "form.h"

#define TEMPLATE_MAX (256u * 1024u)

static const char plain_card[] = "name=試験　花子\n"
                                 "address=東京都千代田区試験町一丁目1番1号\n"
                                 "birth=19800101\n"
                                 "sex=2\n"
                                 "number=123456789018\n"
                                 "today=20260401\n";

/* The hard address: 𠮷, 葛 with the selector U+E0100, 髙﨑, full-width letters and digits,
 * then 200 × あ. */
static const char hard_address_head[] =
    "\U00020BB7野県葛\U000E0100飾市髙﨑町一丁目1番地の1ＡＢＣマンション１０１号室";

static const char hard_name[] = "寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末食う寝る"
                                "処に住む処やぶら小路の藪柑子パイポパイポパイポのシューリンガン"
                                "シューリンガンのグーリンダイグーリンダイのポンポコピーのポンポコ"
                                "ナーの長久命の長助";

static const struct variant {
    const char *suffix;
    unsigned char flags, card; /* fuzz-render's bytes 0 and 1 */
    int values;                /* 0 plain, 1 hard, 2 none */
} variants[] = {
    {"", 0x00, 0x3f, 0},
    {"-hard", 0x01, 0x3f, 1},
    {"-nocard", 0x02, 0x00, 2},
    {"-preview", 0x03, 0x3f, 0},
};

static int fail(const char *what, const char *detail)
{
    fprintf(stderr, "make-render-corpus: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    return 1;
}

static char *read_text(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *buf = malloc(TEMPLATE_MAX + 1);
    size_t n = buf ? fread(buf, 1, TEMPLATE_MAX + 1, f) : 0;
    fclose(f);
    if (buf == NULL || n > TEMPLATE_MAX) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static void put_card(FILE *f, int values)
{
    if (values == 0) {
        fputs(plain_card, f);
    } else if (values == 1) {
        fprintf(f, "name=%s\naddress=%s", hard_name, hard_address_head);
        for (int i = 0; i < 200; i++)
            fputs("あ", f);
        fputs("\nbirth=19000229\nsex=9\nnumber=000000000000\ntoday=20190501\n", f);
    }
}

static int write_one(const char *out_dir, const form_template *t, const form_procedure *p,
                     const char *text, size_t len, const struct variant *v)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tpl-%s%s", out_dir, form_template_id(t), v->suffix);
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return fail("cannot write", path);
    fputc(v->flags, f);
    fputc(v->card, f);
    fwrite(text, 1, len, f);
    if (len > 0 && text[len - 1] != '\n')
        fputc('\n', f);
    fputs("%%\n", f);
    put_card(f, v->values);
    for (size_t i = 0; i < form_procedure_question_count(p); i++) {
        const form_question *q = form_procedure_question(p, i);
        char buf[32];
        fprintf(f, "q.%s=%s\n", form_question_id(q), fixture_answer(q, buf, sizeof buf));
    }
    if (fclose(f) != 0)
        return fail("cannot write", path);
    return 0;
}

/* Remove the tpl-* files a previous run left (a template may have been renamed). */
static int clean(const char *out_dir)
{
    DIR *d = opendir(out_dir);
    if (d == NULL)
        return fail("cannot read", out_dir);
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "tpl-", 4) != 0)
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", out_dir, e->d_name);
        if (unlink(path) != 0)
            rc = fail("cannot remove", path);
    }
    closedir(d);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: make-render-corpus TEMPLATES_DIR OUT_DIR\n");
        return 2;
    }
    const char *out_dir = argv[2];
    if (mkdir(out_dir, 0755) != 0 && errno != EEXIST)
        return fail("cannot make", out_dir);
    if (clean(out_dir) != 0)
        return 1;
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err e = form_catalog_load(argv[1], NULL, &cat, &diags);
    size_t problems = form_diags_count(diags);
    for (size_t i = 0; i < problems; i++)
        fprintf(stderr, "make-render-corpus: %s\n", form_diags_get(diags, i)->message);
    form_diags_free(diags);
    if (e != FORM_OK || problems > 0) {
        form_catalog_free(cat);
        return fail("the shipped templates do not load", form_strerror(e));
    }
    fixture_tpl_iter it;
    fixture_tpl_iter_init(&it, cat);
    const form_procedure *p = NULL;
    int rc = 0, count = 0;
    for (const form_template *t; rc == 0 && (t = fixture_tpl_next(&it, &p)) != NULL;) {
        size_t len = 0;
        char *text = read_text(form_template_file(t), &len);
        if (text == NULL) {
            rc = fail("cannot read", form_template_file(t));
            break;
        }
        for (size_t k = 0; rc == 0 && k < sizeof variants / sizeof variants[0]; k++) {
            rc = write_one(out_dir, t, p, text, len, &variants[k]);
            count += rc == 0;
        }
        free(text);
    }
    form_catalog_free(cat);
    if (rc != 0)
        return rc;
    if (count == 0)
        return fail("no template in", argv[1]);
    printf("make-render-corpus: %d inputs from %s\n", count, argv[1]);
    return 0;
}
