/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kakanai-form — the template tool for municipal IT staff.
 *
 *   kakanai-form check [--languages LIST] FILE|DIR
 *   kakanai-form render  --template T [--procedure P] --card-profile P.json
 *                        [--answers A.json] [--today YYYYMMDD] --out F.pdf
 *   kakanai-form render --blank --template T [--procedure P] --out F.pdf   (no resident: the
 *                        empty form with its background, labels and rules)
 *   kakanai-form preview (same as render, with a millimetre grid and field outlines)
 *   kakanai-form sign --key PRIV.pem DIR
 *   kakanai-form verify --pubkey PUB.pem DIR
 *   kakanai-form list DIR
 *   kakanai-form import FORM.pdf|SCAN.png --out NEW.form [--report R.json] [--page N]
 *                        (a proposed template; the input is copied next to it as background)
 *   kakanai-form dump FILE       (what the parser understood, for golden tests and clerks)
 *   kakanai-form --version
 *
 * T is a .form file, or a template directory together with --procedure P. The answers file may
 * also carry a counter visit's household members and children as "member.N.FIELD" and
 * "child.N.FIELD" keys (N 1..6; FIELD name, kana, birth, sex, relation, number).
 * check warns about
 * every text the kiosk shows that lacks a translation for one of LIST (comma-separated codes,
 * default: all nine the kiosk offers, "ja" being required anyway; "none" checks none).
 * Exit status: 0 success, 1 problems found / refused, 2 usage.
 */
#include "form-import.h"
#include "form-private.h"
#include "kakanai-form-events.h"
#include "form.h"

#include <dirent.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef KAKANAI_VERSION
#define KAKANAI_VERSION "0.1.0"
#endif

static void usage(void)
{
    fputs("usage: kakanai-form check [--languages ja,en,zh,ko,vi,fil,pt_BR,ne,id|none] FILE|DIR\n"
          "       (FILE: a .form or an events/ID.event)\n"
          "       kakanai-form render|preview --template T [--procedure P] --card-profile P.json\n"
          "                    [--answers A.json] [--today YYYYMMDD] --out F.pdf\n"
          "       kakanai-form render|preview --blank --template T [--procedure P] --out F.pdf\n"
          "       kakanai-form sign --key PRIV.pem DIR\n"
          "       kakanai-form verify --pubkey PUB.pem DIR\n"
          "       kakanai-form list DIR\n"
          "       kakanai-form events DIR\n"
          "       kakanai-form navigate DIR --event ID [--answers A.json] [--today YYYYMMDD]\n"
          "       kakanai-form annai DIR --event ID [--answers A.json] [--today YYYYMMDD]\n"
          "                    [--lang ja|en] [--reception NUMBER] --out F.pdf\n"
          "       kakanai-form import FORM.pdf|SCAN.png --out NEW.form [--report R.json] "
          "[--page N]\n"
          "       kakanai-form --version\n",
          stderr);
}

static void print_diags(const form_diags *d)
{
    for (size_t i = 0; i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        printf("%s:%d:%d: %s%s: %s\n", g->file ? g->file : "-", g->line, g->column,
               form_err_is_warning(g->err) ? "warning: " : "", form_err_name(g->err), g->message);
        if (g->message_ja)
            printf("    %s\n", g->message_ja);
    }
}

static bool is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parses --languages: comma-separated codes into indices; false (with a message) for an
 * unknown one. */
static bool parse_langs(const char *list, int *langs, size_t *n)
{
    *n = 0;
    if (strcmp(list, "none") == 0)
        return true;
    const char *p = list;
    while (*p != '\0') {
        size_t len = strcspn(p, ",");
        char code[16];
        if (len == 0 || len >= sizeof code) {
            fprintf(stderr, "kakanai-form: --languages: empty or overlong code in \"%s\"\n", list);
            return false;
        }
        memcpy(code, p, len);
        code[len] = '\0';
        int i = form_lang_index(code);
        if (i < 0 || strcmp(form_lang_code((size_t)i), code) != 0) {
            fprintf(stderr, "kakanai-form: --languages: unknown language \"%s\" (known:", code);
            for (size_t k = 0; k < FORM_LANG_COUNT; k++)
                fprintf(stderr, " %s", form_lang_code(k));
            fputs(")\n", stderr);
            return false;
        }
        bool dup = false;
        for (size_t k = 0; k < *n; k++)
            dup = dup || langs[k] == i;
        if (!dup)
            langs[(*n)++] = i;
        p += len + (p[len] == ',');
    }
    return true;
}

/* Whether the kiosk shows form_id to residents: a procedure offered at the kiosk uses it.
 * Counter forms are filled by staff in Japanese and need no translation. Without a
 * catalogue every form counts as shown. */
static bool shown_at_kiosk(const form_catalog *c, const char *form_id)
{
    if (c == NULL)
        return true;
    for (size_t i = 0; i < form_catalog_procedure_count(c); i++) {
        const form_procedure *p = form_catalog_procedure(c, i);
        for (size_t k = 0; form_procedure_offered(p, FORM_OFFER_KIOSK) &&
                           k < form_procedure_template_count(p);
             k++)
            if (strcmp(form_template_id(form_procedure_template(p, k)), form_id) == 0)
                return true;
    }
    return false;
}

static int cmd_check(const char *path, const int *langs, size_t nlangs)
{
    form_diags *d = form_diags_new();
    if (d == NULL)
        return 1;
    size_t ok = 0, total = 0;
    if (is_dir(path)) {
        DIR *dir = opendir(path);
        char *names[FORM_MAX_TEMPLATES];
        size_t n = 0;
        struct dirent *de;
        while (dir && (de = readdir(dir)) != NULL) {
            size_t l = strlen(de->d_name);
            if (de->d_name[0] != '.' && l > 5 && strcmp(de->d_name + l - 5, ".form") == 0 &&
                n < FORM_MAX_TEMPLATES)
                names[n++] = form_path_join(path, de->d_name);
        }
        if (dir)
            closedir(dir);
        qsort(names, n, sizeof names[0], cmp_str);
        /* the catalogue says which forms residents see (their texts need every language) */
        form_catalog *shown = NULL;
        form_catalog_load(path, NULL, &shown, NULL);
        /* each file strictly; then duplicate ids and the catalogue */
        char *ids[FORM_MAX_TEMPLATES];
        char *files[FORM_MAX_TEMPLATES];
        size_t nids = 0;
        for (size_t i = 0; i < n; i++) {
            if (names[i] == NULL)
                continue;
            total++;
            form_template *t = NULL;
            if (form_template_load(names[i], true, &t, d) == FORM_OK) {
                ok++;
                if (form_render_check_labels(t, d) != FORM_OK)
                    ok--;
                if (shown_at_kiosk(shown, t->id))
                    form_template_check_translations(t, langs, nlangs, d);
                for (size_t k = 0; k < nids; k++)
                    if (strcmp(ids[k], t->id) == 0) {
                        form_diags_addf(d, FORM_E_TEMPLATE, names[i], 0, 0, NULL,
                                        "the form id \"%s\" is also used by %s",
                                        "様式の id「%s」は %s でも使われています", t->id, files[k]);
                        ok--;
                    }
                ids[nids] = form_strdup(t->id);
                files[nids++] = form_strdup(names[i]);
                form_template_free(t);
            }
            free(names[i]);
        }
        for (size_t k = 0; k < nids; k++) {
            free(ids[k]);
            free(files[k]);
        }
        form_catalog_free(shown);
        /* the catalogue's own problems (missing forms, unknown keys) */
        form_catalog *c = NULL;
        form_diags *cd = NULL;
        form_catalog_load(path, NULL, &c, &cd);
        for (size_t i = 0; i < form_diags_count(cd); i++) {
            const form_diag *g = form_diags_get(cd, i);
            if (g->file && strstr(g->file, "catalog.conf") != NULL)
                form_diags_add(d, g->err, g->file, g->line, g->column, g->field, g->message,
                               g->message_ja);
        }
        form_diags_free(cd);
        char *conf = form_path_join(path, "catalog.conf");
        if (c != NULL && conf != NULL)
            form_catalog_check_translations(c, conf, langs, nlangs, d);
        free(conf);
        form_catalog_free(c);
        kf_check_events(path, d); /* events/ID.event: rules, questions, dependencies */
    } else if (kf_check_event_file(path, d)) {
        total = 1;
        ok = form_diags_count(d) == 0;
    } else {
        total = 1;
        form_template *t = NULL;
        if (form_template_load(path, true, &t, d) == FORM_OK &&
            form_render_check_labels(t, d) == FORM_OK)
            ok++;
        form_template_check_translations(t, langs, nlangs, d);
        form_template_free(t);
    }
    print_diags(d);
    size_t problems = 0, warnings = 0;
    for (size_t i = 0; i < form_diags_count(d); i++) {
        if (form_err_is_warning(form_diags_get(d, i)->err))
            warnings++;
        else
            problems++;
    }
    form_diags_free(d);
    fprintf(stderr, "%zu of %zu template(s) OK, %zu problem(s), %zu missing translation(s)",
            ok, total, problems, warnings);
    fputs(" (languages checked:", stderr);
    for (size_t i = 0; i < nlangs; i++)
        fprintf(stderr, " %s", form_lang_code((size_t)langs[i]));
    fputs(nlangs ? ")\n" : " none)\n", stderr);
    return problems ? 1 : 0;
}

static const char *json_str(json_object *o, const char *key)
{
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || json_object_get_type(v) != json_type_string)
        return NULL;
    return json_object_get_string(v);
}

/* "member.N.FIELD" / "child.N.FIELD" keys of the answers file: the members of a counter visit,
 * as the counter app sets them. A number only reaches a form with a number_basis. */
static int set_members(form_values *v, json_object *aj, bool number_allowed)
{
    json_object_object_foreach(aj, key, jv)
    {
        const char *dot = strchr(key, '.');
        if (dot == NULL || (strncmp(key, "member.", 7) != 0 && strncmp(key, "child.", 6) != 0))
            continue;
        char group[8];
        snprintf(group, sizeof group, "%.*s", (int)(dot - key), key);
        char *end = NULL;
        unsigned long n = strtoul(dot + 1, &end, 10);
        if (end == dot + 1 || *end != '.' || n < 1 || n > FORM_MAX_MEMBERS) {
            fprintf(stderr, "kakanai-form: answers: \"%s\" is not %s.N.FIELD with N 1..%d\n", key,
                    group, FORM_MAX_MEMBERS);
            return 1;
        }
        if (strcmp(end + 1, "number") == 0 && !number_allowed)
            continue; /* as the app: the number is read only where a form has a basis */
        if (form_values_set_member(v, group, (unsigned)n, end + 1, json_object_get_string(jv)) !=
            FORM_OK) {
            fprintf(stderr, "kakanai-form: answers: \"%s\" is not a member field or its value is "
                            "not valid\n", key);
            return 1;
        }
    }
    return 0;
}

static int cmd_render(int argc, char **argv, bool preview)
{
    const char *tpath = NULL, *proc = NULL, *profile = NULL, *answers = NULL, *today = NULL,
               *outp = NULL;
    bool blank = false;
    for (int i = 0; i < argc; i++) {
        const char **slot = NULL;
        if (strcmp(argv[i], "--blank") == 0) {
            blank = true;
            continue;
        }
        if (strcmp(argv[i], "--template") == 0)
            slot = &tpath;
        else if (strcmp(argv[i], "--procedure") == 0)
            slot = &proc;
        else if (strcmp(argv[i], "--card-profile") == 0)
            slot = &profile;
        else if (strcmp(argv[i], "--answers") == 0)
            slot = &answers;
        else if (strcmp(argv[i], "--today") == 0)
            slot = &today;
        else if (strcmp(argv[i], "--out") == 0)
            slot = &outp;
        if (slot == NULL || i + 1 >= argc) {
            usage();
            return 2;
        }
        *slot = argv[++i];
    }
    if (tpath == NULL || (profile == NULL && !blank) || outp == NULL) {
        usage();
        return 2;
    }
    int rc = 1;
    form_catalog *cat = NULL;
    form_template *one = NULL;
    form_values *v = NULL;
    form_doc *doc = NULL;
    form_diags *d = NULL;
    json_object *pj = NULL, *aj = NULL;
    const form_procedure *p = NULL;
    const form_template *t = NULL;

    if (is_dir(tpath)) {
        form_err e = form_catalog_load(tpath, getenv("KAKANAI_TEMPLATE_KEY"), &cat, &d);
        print_diags(d);
        form_diags_free(d);
        d = NULL;
        if (e != FORM_OK)
            goto out;
        if (proc == NULL) {
            fprintf(stderr, "kakanai-form: give --procedure with a template directory\n");
            rc = 2;
            goto out;
        }
        p = form_catalog_find(cat, proc);
        if (p == NULL) {
            fprintf(stderr, "kakanai-form: no procedure \"%s\" in %s\n", proc, tpath);
            goto out;
        }
    } else {
        d = form_diags_new();
        form_err e = form_template_load(tpath, false, &one, d);
        print_diags(d);
        form_diags_free(d);
        d = NULL;
        if (e != FORM_OK)
            goto out;
        t = one;
    }
    unsigned needs = p ? form_procedure_needs(p) : form_template_needs(t);

    if (blank) {
        /* the empty form, for a city's records and for `import` round trips: no resident */
        if (form_values_new(&v) != FORM_OK)
            goto out;
        goto render;
    }
    pj = json_object_from_file(profile);
    if (pj == NULL) {
        fprintf(stderr, "kakanai-form: cannot read the card profile %s\n", profile);
        goto out;
    }
    if (form_values_new(&v) != FORM_OK ||
        form_values_set_card(v, json_str(pj, "name"), json_str(pj, "address"),
                             json_str(pj, "birth"), json_str(pj, "sex"),
                             (needs & FORM_NEEDS_NUMBER) ? json_str(pj, "my_number") : NULL) !=
            FORM_OK) {
        fprintf(stderr, "kakanai-form: the card profile %s has unusable values\n", profile);
        goto out;
    }
    if (today && form_values_set_today(v, today) != FORM_OK) {
        fprintf(stderr, "kakanai-form: --today needs YYYYMMDD\n");
        rc = 2;
        goto out;
    }
    size_t nq = p ? form_procedure_question_count(p) : t->nquestions;
    if (answers) {
        aj = json_object_from_file(answers);
        if (aj == NULL || json_object_get_type(aj) != json_type_object) {
            fprintf(stderr, "kakanai-form: cannot read the answers %s (a JSON object)\n", answers);
            goto out;
        }
    }
    for (size_t i = 0; i < nq; i++) {
        const form_question *q = p ? form_procedure_question(p, i) : &t->questions[i];
        const char *val = NULL;
        json_object *jv;
        if (aj && json_object_object_get_ex(aj, form_question_id(q), &jv))
            val = json_object_get_string(jv);
        if (val == NULL)
            val = form_question_default(q);
        const char *why = NULL;
        if (form_question_validate(q, val, "en", &why) != FORM_OK) {
            fprintf(stderr, "kakanai-form: answer to \"%s\": %s\n", form_question_id(q), why);
            goto out;
        }
        form_err ae = val ? form_values_set_answer(v, form_question_id(q), val) : FORM_OK;
        if (ae != FORM_OK) {
            fprintf(stderr, "kakanai-form: answer to \"%s\": %s\n", form_question_id(q),
                    form_strerror(ae));
            goto out;
        }
    }
    if (aj && set_members(v, aj, (needs & FORM_NEEDS_NUMBER) != 0) != 0)
        goto out;
render:;
    unsigned flags = (preview ? FORM_RENDER_PREVIEW : 0) | (blank ? FORM_RENDER_BLANK : 0);
    form_err e = form_render(p, t, v, flags, &doc, &d);
    print_diags(d);
    if (e != FORM_OK) {
        fprintf(stderr, "kakanai-form: %s\n", form_strerror(e));
        goto out;
    }
    size_t len = 0;
    const uint8_t *data = form_doc_data(doc, &len);
    FILE *f = fopen(outp, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len) {
        fprintf(stderr, "kakanai-form: cannot write %s\n", outp);
        if (f)
            fclose(f);
        goto out;
    }
    if (fclose(f) != 0)
        goto out;
    fprintf(stderr, "%s: %zu page(s), %zu bytes\n", outp, form_doc_page_count(doc), len);
    rc = 0;
out:
    form_diags_free(d);
    form_doc_free(doc);
    form_values_free(v);
    if (pj)
        json_object_put(pj);
    if (aj)
        json_object_put(aj);
    form_template_free(one);
    form_catalog_free(cat);
    return rc;
}

static const char *const kind_names[] = {"line", "box", "ellipse", "label", "field"};
static const char *const qtype_names[] = {"choice", "multi", "yesno", "number", "date", "kana", "text"};

/* The languages beyond ja and en a text carries, one line each. */
static void dump_more_langs(const char *what, const form_text *t)
{
    for (size_t i = 2; i < FORM_LANG_COUNT; i++) {
        const char *s = form_text_get_exact(t, form_lang_code(i));
        if (s != NULL)
            printf("%s.%s %s\n", what, form_lang_code(i), s);
    }
}

static int cmd_dump(const char *path)
{
    form_diags *d = form_diags_new();
    form_template *t = NULL;
    form_err e = form_template_load(path, false, &t, d);
    print_diags(d);
    form_diags_free(d);
    if (e != FORM_OK)
        return 1;
    printf("form %s\n  title.ja %s\n  title.en %s\n", t->id, form_text_get(t->title, "ja"),
           form_text_get_exact(t->title, "en") ? form_text_get_exact(t->title, "en") : "-");
    dump_more_langs("  title", t->title);
    printf("  needs%s%s%s%s%s\n", t->needs & FORM_NEEDS_NAME ? " name" : "",
           t->needs & FORM_NEEDS_ADDRESS ? " address" : "", t->needs & FORM_NEEDS_BIRTH ? " birth" : "",
           t->needs & FORM_NEEDS_SEX ? " sex" : "", t->needs & FORM_NEEDS_NUMBER ? " number" : "");
    printf("  number_basis %s\n", t->number_basis ? t->number_basis : "-");
    for (size_t i = 0; i < t->npages; i++)
        printf("  page %zu %g x %g mm\n", i + 1, t->pages[i].w, t->pages[i].h);
    if (t->background)
        printf("  background %s at %g %g %g %g\n", t->background, t->bg_x, t->bg_y, t->bg_w, t->bg_h);
    for (size_t i = 0; i < t->nquestions; i++) {
        const form_question *q = &t->questions[i];
        printf("question %s %s%s min %ld max %ld default %s\n", q->id, qtype_names[q->type],
               q->required ? " required" : "", q->min, q->max, q->def ? q->def : "-");
        printf("  label %s / %s\n", form_text_get(q->label, "ja"), form_text_get(q->label, "en"));
        dump_more_langs("  label", q->label);
        for (size_t c = 0; c < q->nchoices; c++) {
            printf("  choice %s %s / %s\n", q->choice_value[c], form_text_get(q->choice_label[c], "ja"),
                   form_text_get(q->choice_label[c], "en"));
            dump_more_langs("    choice", q->choice_label[c]);
        }
    }
    for (size_t i = 0; i < t->nitems; i++) {
        const form_item *it = &t->items[i];
        printf("%s%s%s p%d %g %g %g %g", kind_names[it->kind], it->name ? " " : "",
               it->name ? it->name : "", it->page + 1, it->x, it->y, it->w, it->h);
        if (it->kind == FORM_ITEM_LINE || it->kind == FORM_ITEM_BOX || it->kind == FORM_ITEM_ELLIPSE)
            printf(" width %g dash %g fill %g\n", it->width, it->dash, it->fill);
        else
            printf(" %s %gpt min %gpt scale %g lines %d align %d/%d spacing %g%s%s\n",
                   it->face ? "gothic" : "mincho", it->pt, it->min_pt, it->min_scale, it->max_lines,
                   it->halign, it->valign, it->spacing, it->vertical ? " vertical" : "",
                   it->optional ? " optional" : "");
        if (it->text)
            printf("  %s %s\n", it->kind == FORM_ITEM_FIELD ? "value" : "text", it->text);
        if (it->cells)
            printf("  cells %d pitch %g%s%s\n", it->cells, it->pitch, it->cells_right ? " right" : "",
                   it->cells_outline ? " outline" : "");
        if (it->mark != FORM_MARK_NONE)
            printf("  %s when %s\n", it->mark == FORM_MARK_CHECK ? "check" : "circle", it->mark_value);
    }
    if (t->has_qr) {
        printf("qr at %g %g size %g:", t->qr_x, t->qr_y, t->qr_w);
        for (size_t i = 0; i < t->nqr; i++)
            printf(" %s", t->qr_values[i]);
        printf("\n");
    }
    form_template_free(t);
    return 0;
}

static int cmd_list(const char *dir)
{
    form_catalog *c = NULL;
    form_diags *d = NULL;
    form_err e = form_catalog_load(dir, getenv("KAKANAI_TEMPLATE_KEY"), &c, &d);
    print_diags(d);
    form_diags_free(d);
    if (e != FORM_OK) {
        fprintf(stderr, "kakanai-form: %s\n", form_strerror(e));
        return 1;
    }
    for (size_t i = 0; i < form_catalog_procedure_count(c); i++) {
        const form_procedure *p = form_catalog_procedure(c, i);
        printf("%s\t%s\t%s\n", form_procedure_id(p), form_text_get(form_procedure_title(p), "ja"),
               form_text_get(form_procedure_title(p), "en"));
        for (size_t k = 0; k < form_procedure_template_count(p); k++) {
            const form_template *t = form_procedure_template(p, k);
            printf("  form %s\t%s%s\n", form_template_id(t),
                   form_text_get(form_template_title(t), "ja"),
                   form_template_number_basis(t) ? "\t(individual number)" : "");
        }
        for (size_t k = 0; k < form_procedure_question_count(p); k++) {
            const form_question *q = form_procedure_question(p, k);
            printf("  question %s\t%s\n", form_question_id(q),
                   form_text_get(form_question_label(q), "ja"));
        }
    }
    form_catalog_free(c);
    return 0;
}

/* Copy the input next to the template (a background sits beside its template). */
static bool copy_beside(const char *src, const char *out_form, char *name, size_t cap)
{
    const char *b = strrchr(src, '/');
    snprintf(name, cap, "%s", b ? b + 1 : src);
    char *dir = form_strdup(out_form);
    if (dir == NULL)
        return false;
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, strlen(dir) + 1, ".");
    char *dst = form_path_join(dir, name);
    free(dir);
    char *data = NULL;
    size_t len = 0;
    bool ok = dst != NULL && form_read_file(src, 64u * 1024u * 1024u, &data, &len) == FORM_OK;
    if (ok && strcmp(dst, src) != 0) {
        FILE *f = fopen(dst, "wb");
        ok = f != NULL && fwrite(data, 1, len, f) == len;
        if (f && fclose(f) != 0)
            ok = false;
    }
    free(data);
    free(dst);
    return ok;
}

static int cmd_import(int argc, char **argv)
{
    const char *in = NULL, *outp = NULL, *report = NULL;
    int page = 1;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--out") == 0 && i + 1 < argc)
            outp = argv[++i];
        else if (strcmp(argv[i], "--report") == 0 && i + 1 < argc)
            report = argv[++i];
        else if (strcmp(argv[i], "--page") == 0 && i + 1 < argc)
            page = (int)strtol(argv[++i], NULL, 10);
        else if (argv[i][0] != '-' && in == NULL)
            in = argv[i];
        else {
            usage();
            return 2;
        }
    }
    if (in == NULL || outp == NULL || page < 1) {
        usage();
        return 2;
    }
    char why[256] = "";
    form_import *im = NULL;
    form_import_err e = form_import_open(in, page, &im, why, sizeof why);
    if (e != FORM_IMPORT_OK) {
        fprintf(stderr, "kakanai-form: %s: %s%s%s\n", in, form_import_strerror(e),
                why[0] ? ": " : "", why);
        return 1;
    }
    char bgname[256];
    int rc = 0;
    if (!copy_beside(in, outp, bgname, sizeof bgname)) {
        fprintf(stderr, "kakanai-form: cannot copy %s next to %s\n", in, outp);
        rc = 1;
    } else if (form_import_write_template(im, outp, bgname, NULL) != FORM_IMPORT_OK ||
               (report && form_import_write_report(im, report) != FORM_IMPORT_OK)) {
        fprintf(stderr, "kakanai-form: cannot write %s\n", outp);
        rc = 1;
    } else {
        const char *paper = NULL, *orient = NULL;
        double w = 0, h = 0;
        form_import_page(im, &w, &h, &paper, &orient);
        fprintf(stderr, "%s: %s %s (%.1f × %.1f mm), %zu field(s) proposed, %zu not placed%s\n",
                outp, paper, orient, w, h, form_import_field_count(im),
                form_import_unplaced_count(im), report ? " (see the report)" : "");
    }
    form_import_free(im);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage();
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0) {
        printf("kakanai-form %s\n", KAKANAI_VERSION);
        return 0;
    }
    if (strcmp(cmd, "check") == 0 && (argc == 3 || (argc == 5 && strcmp(argv[2], "--languages") == 0))) {
        int langs[FORM_LANG_COUNT];
        size_t nlangs = FORM_LANG_COUNT;
        for (size_t i = 0; i < FORM_LANG_COUNT; i++)
            langs[i] = (int)i;
        if (argc == 5 && !parse_langs(argv[3], langs, &nlangs))
            return 2;
        return cmd_check(argv[argc - 1], langs, nlangs);
    }
    if (strcmp(cmd, "render") == 0 || strcmp(cmd, "preview") == 0)
        return cmd_render(argc - 2, argv + 2, cmd[0] == 'p');
    if (strcmp(cmd, "import") == 0)
        return cmd_import(argc - 2, argv + 2);
    if (strcmp(cmd, "dump") == 0 && argc == 3)
        return cmd_dump(argv[2]);
    if (strcmp(cmd, "list") == 0 && argc == 3)
        return cmd_list(argv[2]);
    if (strcmp(cmd, "events") == 0 && argc == 3)
        return kf_cmd_events(argv[2]);
    if (strcmp(cmd, "navigate") == 0)
        return kf_cmd_navigate(argc - 2, argv + 2);
    if (strcmp(cmd, "annai") == 0)
        return kf_cmd_annai(argc - 2, argv + 2);
    if ((strcmp(cmd, "sign") == 0 && argc == 5 && strcmp(argv[2], "--key") == 0) ||
        (strcmp(cmd, "verify") == 0 && argc == 5 && strcmp(argv[2], "--pubkey") == 0)) {
        char why[256] = "";
        form_err e = cmd[0] == 's' ? form_bundle_sign(argv[4], argv[3])
                                   : form_bundle_verify(argv[4], argv[3], why, sizeof why);
        if (e != FORM_OK) {
            fprintf(stderr, "kakanai-form: %s: %s%s%s\n", argv[4], form_strerror(e),
                    why[0] ? ": " : "", why);
            return 1;
        }
        printf("%s: %s\n", argv[4], cmd[0] == 's' ? "signed" : "signature OK");
        return 0;
    }
    usage();
    return 2;
}
