/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-doc.c — one template open in the studio. See designer-doc.h. */
#include "designer-doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "designer-sample.h"
#include "form-import.h"
#include "form-private.h"

struct dz_doc {
    char *path, *dir, *name, *catalog_path;
    form_source *src;
    form_source *catalog; /* catalog.conf of the folder, NULL when there is none */
    dz_object *objs;
    size_t nobjs;
    bool objs_stale;
    form_doc *pdf;
    form_diags *problems;
    size_t *problem_obj; /* per problem: its object or (size_t)-1 */
    double (*guides)[4]; /* the background's rules */
    size_t nguides;
    char **notes;        /* what the importer could not place */
    double (*note_box)[4];
    size_t nnotes;
};

const char *dz_strerror(dz_err e)
{
    switch (e) {
    case DZ_OK:
        return "no error";
    case DZ_E_ARG:
        return "invalid argument";
    case DZ_E_NOMEM:
        return "out of memory";
    case DZ_E_IO:
        return "the file could not be read or written";
    case DZ_E_SYNTAX:
        return "this is not a template's text (a line is too long, holds a NUL byte or is not "
               "UTF-8)";
    case DZ_E_RENDER:
        return "the template has problems that stop the engine: see the problem list";
    case DZ_E_SIGN:
        return "the folder could not be signed with this key (is it an Ed25519 private key?)";
    case DZ_E_IMPORT:
        return "the city's form could not be read";
    }
    return "unknown error";
}

static dz_err from_form(form_err e)
{
    switch (e) {
    case FORM_OK:
        return DZ_OK;
    case FORM_E_NOMEM:
        return DZ_E_NOMEM;
    case FORM_E_IO:
        return DZ_E_IO;
    case FORM_E_SYNTAX:
        return DZ_E_SYNTAX;
    case FORM_E_SIGNATURE:
        return DZ_E_SIGN;
    default:
        return DZ_E_ARG;
    }
}

/* The rules of the background the template names, read by the importer (bounded like every
 * PDF or image input); none when there is no background or it cannot be read. */
static void load_guides(dz_doc *d)
{
    size_t f = form_source_find(d->src, "form", NULL);
    const char *bg = f != (size_t)-1 ? form_source_get(d->src, f, "background") : NULL;
    if (bg == NULL || strchr(bg, '/') != NULL)
        return;
    size_t n = strlen(d->dir) + strlen(bg) + 2;
    char *path = malloc(n);
    form_import *im = NULL;
    if (path != NULL) {
        snprintf(path, n, "%s/%s", d->dir, bg);
        if (form_import_open(path, 1, &im, NULL, 0) != FORM_IMPORT_OK)
            im = NULL;
    }
    size_t count = form_import_rule_count(im);
    d->guides = count > 0 ? calloc(count, sizeof *d->guides) : NULL;
    for (size_t i = 0; d->guides != NULL && i < count; i++)
        if (form_import_rule(im, i, d->guides[d->nguides]))
            d->nguides++;
    form_import_free(im);
    free(path);
}

size_t dz_doc_guide_count(const dz_doc *d)
{
    return d != NULL ? d->nguides : 0;
}

bool dz_doc_guide(const dz_doc *d, size_t i, double seg[4])
{
    if (d == NULL || seg == NULL || i >= d->nguides)
        return false;
    memcpy(seg, d->guides[i], sizeof d->guides[i]);
    return true;
}

dz_err dz_doc_open(const char *path, dz_doc **out, int *bad_line)
{
    if (path == NULL || out == NULL)
        return DZ_E_ARG;
    *out = NULL;
    dz_doc *d = calloc(1, sizeof *d);
    if (d == NULL)
        return DZ_E_NOMEM;
    form_err fe = form_source_load(path, &d->src, bad_line);
    if (fe != FORM_OK) {
        free(d);
        return from_form(fe);
    }
    d->path = strdup(path);
    const char *slash = strrchr(path, '/');
    d->dir = slash != NULL ? strndup(path, (size_t)(slash - path)) : strdup(".");
    d->name = strdup(slash != NULL ? slash + 1 : path);
    d->objs_stale = true;
    if (d->path == NULL || d->dir == NULL || d->name == NULL) {
        dz_doc_free(d);
        return DZ_E_NOMEM;
    }
    size_t cn = strlen(d->dir) + sizeof "/catalog.conf";
    d->catalog_path = malloc(cn);
    if (d->catalog_path == NULL) {
        dz_doc_free(d);
        return DZ_E_NOMEM;
    }
    snprintf(d->catalog_path, cn, "%s/catalog.conf", d->dir);
    if (form_source_load(d->catalog_path, &d->catalog, NULL) != FORM_OK)
        d->catalog = NULL; /* a folder without a catalogue: one procedure per form */
    load_guides(d);
    *out = d;
    return DZ_OK;
}

void dz_doc_free(dz_doc *d)
{
    if (d == NULL)
        return;
    form_source_free(d->src);
    form_source_free(d->catalog);
    free(d->catalog_path);
    form_doc_free(d->pdf);
    form_diags_free(d->problems);
    free(d->problem_obj);
    for (size_t i = 0; i < d->nnotes; i++)
        free(d->notes[i]);
    free(d->notes);
    free(d->note_box);
    free(d->guides);
    free(d->objs);
    free(d->path);
    free(d->dir);
    free(d->name);
    free(d);
}

/* Copy a file byte for byte (the city's form next to its new template). */
static bool copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    FILE *out = in != NULL ? fopen(to, "wb") : NULL;
    bool ok = out != NULL;
    char buf[65536];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    ok = ok && !ferror(in);
    if (out != NULL && fclose(out) != 0)
        ok = false;
    if (in != NULL)
        fclose(in);
    return ok;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash != NULL ? strndup(path, (size_t)(slash - path)) : strdup(".");
}

dz_err dz_doc_import(const char *input, const char *out_form, dz_doc **out, char *why,
                     size_t cap)
{
    if (input == NULL || out_form == NULL || out == NULL)
        return DZ_E_ARG;
    *out = NULL;
    if (why != NULL && cap > 0)
        why[0] = '\0';
    form_import *im = NULL;
    if (form_import_open(input, 1, &im, why, cap) != FORM_IMPORT_OK)
        return DZ_E_IMPORT;
    const char *base = strrchr(input, '/') != NULL ? strrchr(input, '/') + 1 : input;
    char *in_dir = dir_of(input), *out_dir = dir_of(out_form);
    dz_err e = in_dir != NULL && out_dir != NULL ? DZ_OK : DZ_E_NOMEM;
    if (e == DZ_OK && strcmp(in_dir, out_dir) != 0) {
        size_t n = strlen(out_dir) + strlen(base) + 2;
        char *copy = malloc(n);
        if (copy == NULL)
            e = DZ_E_NOMEM;
        else {
            snprintf(copy, n, "%s/%s", out_dir, base);
            if (!copy_file(input, copy))
                e = DZ_E_IO;
            free(copy);
        }
    }
    if (e == DZ_OK && form_import_write_template(im, out_form, base, NULL) != FORM_IMPORT_OK)
        e = DZ_E_IO;
    dz_doc *d = NULL;
    if (e == DZ_OK)
        e = dz_doc_open(out_form, &d, NULL);
    size_t n = form_import_unplaced_count(im);
    if (e == DZ_OK && n > 0) {
        d->notes = calloc(n, sizeof *d->notes);
        d->note_box = calloc(n, sizeof *d->note_box);
        if (d->notes == NULL || d->note_box == NULL)
            e = DZ_E_NOMEM;
        for (size_t i = 0; e == DZ_OK && i < n; i++) {
            const form_import_unplaced *u = form_import_unplaced_get(im, i);
            size_t len = strlen(u->what) + strlen(u->text) + strlen(u->reason) + 8;
            d->notes[i] = malloc(len);
            if (d->notes[i] == NULL) {
                e = DZ_E_NOMEM;
                break;
            }
            snprintf(d->notes[i], len, "%s %s: %s", u->what, u->text, u->reason);
            d->note_box[i][0] = u->x, d->note_box[i][1] = u->y;
            d->note_box[i][2] = u->w, d->note_box[i][3] = u->h;
            d->nnotes++;
        }
    }
    free(in_dir);
    free(out_dir);
    form_import_free(im);
    if (e != DZ_OK) {
        dz_doc_free(d);
        return e;
    }
    *out = d;
    return DZ_OK;
}

size_t dz_doc_note_count(const dz_doc *d)
{
    return d != NULL ? d->nnotes : 0;
}

const char *dz_doc_note(const dz_doc *d, size_t i, double box[4])
{
    if (d == NULL || i >= d->nnotes)
        return NULL;
    if (box != NULL)
        memcpy(box, d->note_box[i], sizeof d->note_box[i]);
    return d->notes[i];
}

form_source *dz_doc_source(dz_doc *d)
{
    return d != NULL ? d->src : NULL;
}

const char *dz_doc_path(const dz_doc *d)
{
    return d != NULL ? d->path : NULL;
}

void dz_doc_page_mm(const dz_doc *d, double *w, double *h)
{
    static const struct {
        const char *name;
        double w, h;
    } papers[] = {{"A4", 210, 297}, {"A3", 297, 420}, {"A5", 148, 210},
                  {"B4", 257, 364}, {"B5", 182, 257}, {"Letter", 215.9, 279.4}};
    double pw = 210, ph = 297;
    size_t f = d != NULL ? form_source_find(d->src, "form", NULL) : (size_t)-1;
    if (f != (size_t)-1) {
        const char *paper = form_source_get(d->src, f, "paper");
        for (size_t i = 0; paper != NULL && i < sizeof papers / sizeof papers[0]; i++)
            if (strcmp(paper, papers[i].name) == 0) {
                pw = papers[i].w;
                ph = papers[i].h;
            }
        const char *o = form_source_get(d->src, f, "orientation");
        if (o != NULL && strcmp(o, "landscape") == 0) {
            double t = pw;
            pw = ph;
            ph = t;
        }
    }
    if (w != NULL)
        *w = pw;
    if (h != NULL)
        *h = ph;
}

/* One decimal number as templates write it, read without the C locale. */
static bool number(const char **pp, double *out)
{
    const char *p = *pp;
    while (*p == ' ' || *p == '\t')
        p++;
    bool neg = *p == '-';
    p += neg;
    double v = 0, scale = 1;
    int digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 9)
        v = v * 10 + (*p++ - '0'), digits++;
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9' && digits < 15; digits++)
            scale /= 10, v += (*p++ - '0') * scale;
    if (digits == 0)
        return false;
    *out = neg ? -v : v;
    *pp = p;
    return true;
}

/* Two numbers "x y". */
static bool two_numbers(const char *v, double *a, double *b)
{
    return v != NULL && number(&v, a) && number(&v, b);
}

static bool object_of(dz_doc *d, size_t sec, dz_object *o)
{
    const char *kind = form_source_section_kind(d->src, sec);
    *o = (dz_object){.section = sec, .kind = kind, .name = form_source_section_name(d->src, sec)};
    double box[4];
    if (form_source_box(d->src, sec, box) == FORM_OK) {
        o->shape = DZ_SHAPE_RECT;
        o->x = box[0], o->y = box[1], o->w = box[2], o->h = box[3];
        return true;
    }
    double x1, y1, x2, y2;
    if (strcmp(kind, "line") == 0 && two_numbers(form_source_get(d->src, sec, "from"), &x1, &y1) &&
        two_numbers(form_source_get(d->src, sec, "to"), &x2, &y2)) {
        o->shape = DZ_SHAPE_LINE;
        o->x = x1, o->y = y1, o->w = x2 - x1, o->h = y2 - y1;
        return true;
    }
    const char *size = form_source_get(d->src, sec, "size");
    if (strcmp(kind, "qr") == 0 && two_numbers(form_source_get(d->src, sec, "at"), &x1, &y1) &&
        size != NULL) {
        o->shape = DZ_SHAPE_SQUARE;
        double side = 0;
        if (!number(&size, &side))
            return false;
        o->x = x1, o->y = y1, o->w = o->h = side;
        return true;
    }
    return false;
}

/* The section a problem concerns: by its line, or for a render problem by its field. */
static size_t problem_section(const dz_doc *d, const form_diag *g)
{
    if (g->line > 0)
        return form_source_section_at_line(d->src, g->line);
    return g->field != NULL ? form_source_find(d->src, "field", g->field) : (size_t)-1;
}

static void refresh_objects(dz_doc *d)
{
    if (!d->objs_stale)
        return;
    free(d->objs);
    d->objs = NULL;
    d->nobjs = 0;
    size_t n = form_source_section_count(d->src);
    d->objs = calloc(n > 0 ? n : 1, sizeof *d->objs);
    if (d->objs == NULL)
        return;
    for (size_t s = 0; s < n; s++)
        if (object_of(d, s, &d->objs[d->nobjs]))
            d->nobjs++;
    for (size_t k = 0; k < dz_doc_problem_count(d); k++) {
        const form_diag *g = form_diags_get(d->problems, k);
        size_t sec = problem_section(d, g);
        for (size_t i = 0; sec != (size_t)-1 && i < d->nobjs; i++)
            if (d->objs[i].section == sec)
                d->objs[i].problems++;
    }
    d->objs_stale = false;
}

size_t dz_doc_object_count(dz_doc *d)
{
    if (d == NULL)
        return 0;
    refresh_objects(d);
    return d->nobjs;
}

bool dz_doc_object(dz_doc *d, size_t i, dz_object *out)
{
    if (d == NULL || out == NULL)
        return false;
    refresh_objects(d);
    if (i >= d->nobjs)
        return false;
    *out = d->objs[i];
    /* the strings are the source's: fetch them fresh */
    out->kind = form_source_section_kind(d->src, out->section);
    out->name = form_source_section_name(d->src, out->section);
    return true;
}

size_t dz_doc_object_of_section(dz_doc *d, size_t section)
{
    size_t n = dz_doc_object_count(d);
    for (size_t i = 0; i < n; i++)
        if (d->objs[i].section == section)
            return i;
    return (size_t)-1;
}

/* "12.5 30" with at most two decimals, locale-free. */
static void fmt2(char *out, size_t cap, double a, double b)
{
    double v[2] = {a, b};
    char s[2][32];
    for (int k = 0; k < 2; k++) {
        long long c = (long long)(v[k] * 100 + (v[k] < 0 ? -0.5 : 0.5));
        const char *sign = c < 0 ? "-" : "";
        if (c < 0)
            c = -c;
        if (c % 100 == 0)
            snprintf(s[k], sizeof s[k], "%s%lld", sign, c / 100);
        else if (c % 10 == 0)
            snprintf(s[k], sizeof s[k], "%s%lld.%lld", sign, c / 100, (c % 100) / 10);
        else
            snprintf(s[k], sizeof s[k], "%s%lld.%02lld", sign, c / 100, c % 100);
    }
    snprintf(out, cap, "%s %s", s[0], s[1]);
}

dz_err dz_doc_set_geometry(dz_doc *d, size_t i, double x, double y, double w, double h)
{
    dz_object o;
    if (!dz_doc_object(d, i, &o))
        return DZ_E_ARG;
    if (!(x > -1000 && x < 2000 && y > -1000 && y < 2000 && w > -2000 && w < 2000 &&
          h > -2000 && h < 2000))
        return DZ_E_ARG;
    form_err e = FORM_OK;
    form_source_begin(d->src);
    char v[80];
    switch (o.shape) {
    case DZ_SHAPE_RECT: {
        double box[4] = {x, y, w, h};
        e = form_source_set_box(d->src, o.section, box);
        break;
    }
    case DZ_SHAPE_LINE:
        fmt2(v, sizeof v, x, y);
        e = form_source_set(d->src, o.section, "from", v);
        fmt2(v, sizeof v, x + w, y + h);
        if (e == FORM_OK)
            e = form_source_set(d->src, o.section, "to", v);
        break;
    case DZ_SHAPE_SQUARE:
        fmt2(v, sizeof v, x, y);
        e = form_source_set(d->src, o.section, "at", v);
        if (e == FORM_OK) {
            fmt2(v, sizeof v, w, 0);
            *strchr(v, ' ') = '\0';
            e = form_source_set(d->src, o.section, "size", v);
        }
        break;
    }
    form_source_end(d->src);
    d->objs_stale = true;
    return from_form(e);
}

dz_err dz_doc_set(dz_doc *d, size_t i, const char *key, const char *value)
{
    dz_object o;
    if (key == NULL || value == NULL || !dz_doc_object(d, i, &o))
        return DZ_E_ARG;
    form_err e;
    if (value[0] == '\0') {
        e = form_source_unset(d->src, o.section, key);
        if (e == FORM_E_NOT_FOUND)
            e = FORM_OK;
    } else {
        e = form_source_set(d->src, o.section, key, value);
    }
    d->objs_stale = true;
    return from_form(e);
}

dz_err dz_doc_set_key(dz_doc *d, size_t section, const char *key, const char *value)
{
    if (d == NULL || key == NULL || value == NULL ||
        section >= form_source_section_count(d->src))
        return DZ_E_ARG;
    form_err e = value[0] == '\0' ? form_source_unset(d->src, section, key)
                                   : form_source_set(d->src, section, key, value);
    d->objs_stale = true;
    return e == FORM_E_NOT_FOUND ? DZ_OK : from_form(e);
}

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 48)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '_'))
            return false;
    return true;
}

dz_err dz_doc_add_question(dz_doc *d, const char *id, size_t *section)
{
    if (d == NULL || id == NULL || !valid_id(id) ||
        form_source_find(d->src, "question", id) != (size_t)-1)
        return DZ_E_ARG;
    size_t after = form_source_find(d->src, "form", NULL);
    for (size_t s = 0; s < form_source_section_count(d->src); s++)
        if (strcmp(form_source_section_kind(d->src, s), "question") == 0)
            after = s;
    char header[64];
    snprintf(header, sizeof header, "question %s", id);
    const char *pairs[] = {"type", "text", "label.ja", id, "required", "no", NULL};
    form_err e = form_source_add_section(d->src, after, header, pairs, section);
    d->objs_stale = true;
    return from_form(e);
}

form_source *dz_doc_catalog(dz_doc *d)
{
    return d != NULL ? d->catalog : NULL;
}

size_t dz_doc_catalog_entry(dz_doc *d)
{
    size_t f = d != NULL && d->catalog != NULL ? form_source_find(d->src, "form", NULL)
                                               : (size_t)-1;
    const char *id = f != (size_t)-1 ? form_source_get(d->src, f, "id") : NULL;
    if (id == NULL)
        return (size_t)-1;
    size_t idn = strlen(id);
    for (size_t s = 0; s < form_source_section_count(d->catalog); s++) {
        if (strcmp(form_source_section_kind(d->catalog, s), "procedure") != 0)
            continue;
        const char *forms = form_source_get(d->catalog, s, "forms");
        for (const char *p = forms; p != NULL && *p != '\0';) {
            while (*p == ' ')
                p++;
            size_t n = strcspn(p, " ");
            if (n == idn && strncmp(p, id, n) == 0)
                return s;
            p += n;
        }
    }
    return (size_t)-1;
}

dz_err dz_doc_catalog_set(dz_doc *d, size_t section, const char *key, const char *value)
{
    if (d == NULL || d->catalog == NULL || key == NULL || value == NULL ||
        section >= form_source_section_count(d->catalog))
        return DZ_E_ARG;
    form_err e = value[0] == '\0' ? form_source_unset(d->catalog, section, key)
                                   : form_source_set(d->catalog, section, key, value);
    return e == FORM_E_NOT_FOUND ? DZ_OK : from_form(e);
}

bool dz_doc_undo(dz_doc *d)
{
    bool ok = d != NULL && form_source_undo(d->src);
    if (ok)
        d->objs_stale = true;
    return ok;
}

bool dz_doc_redo(dz_doc *d)
{
    bool ok = d != NULL && form_source_redo(d->src);
    if (ok)
        d->objs_stale = true;
    return ok;
}

dz_err dz_doc_render(dz_doc *d, size_t resident)
{
    if (d == NULL || resident >= dz_sample_count())
        return DZ_E_ARG;
    form_doc_free(d->pdf);
    d->pdf = NULL;
    form_diags_free(d->problems);
    d->problems = form_diags_new();
    d->objs_stale = true;
    if (d->problems == NULL)
        return DZ_E_NOMEM;
    char *text = NULL;
    size_t len = 0;
    form_err e = form_source_text(d->src, &text, &len);
    if (e != FORM_OK)
        return from_form(e);
    /* the problems `kakanai-form check` reports (strict: overlaps, labels that cannot fit);
     * then the template as the kiosk loads it, which renders despite such warnings */
    form_template *t = NULL;
    e = form_template_parse(d->name, d->dir, text, len, true, &t, d->problems);
    if (t != NULL)
        form_render_check_labels(t, d->problems);
    form_template_free(t);
    t = NULL;
    if (e != FORM_E_NOMEM) {
        form_diags *scratch = form_diags_new();
        e = scratch != NULL ? form_template_parse(d->name, d->dir, text, len, false, &t, scratch)
                            : FORM_E_NOMEM;
        form_diags_free(scratch);
    }
    free(text);
    if (e != FORM_OK || t == NULL)
        return e == FORM_E_NOMEM ? DZ_E_NOMEM : DZ_E_RENDER;
    form_values *v = NULL;
    e = form_values_new(&v);
    if (e == FORM_OK)
        e = dz_sample_fill(t, resident, v);
    form_diags *rd = NULL;
    if (e == FORM_OK)
        e = form_render(NULL, t, v, 0, &d->pdf, &rd);
    for (size_t k = 0; k < form_diags_count(rd); k++) {
        const form_diag *g = form_diags_get(rd, k);
        form_diags_add(d->problems, g->err, g->file, g->line, g->column, g->field, g->message,
                       g->message_ja);
    }
    form_diags_free(rd);
    form_values_free(v);
    form_template_free(t);
    if (e == FORM_E_NOMEM)
        return DZ_E_NOMEM;
    return e == FORM_OK ? DZ_OK : DZ_E_RENDER;
}

const uint8_t *dz_doc_pdf(const dz_doc *d, size_t *len)
{
    if (len != NULL)
        *len = 0;
    return d != NULL ? form_doc_data(d->pdf, len) : NULL;
}

size_t dz_doc_problem_count(const dz_doc *d)
{
    return d != NULL ? form_diags_count(d->problems) : 0;
}

const char *dz_doc_problem(const dz_doc *d, size_t k, const char **ja, int *line,
                           size_t *object)
{
    const form_diag *g = d != NULL ? form_diags_get(d->problems, k) : NULL;
    if (g == NULL)
        return NULL;
    if (ja != NULL)
        *ja = g->message_ja;
    if (line != NULL)
        *line = g->line;
    if (object != NULL) {
        size_t sec = problem_section(d, g);
        *object = sec != (size_t)-1 ? dz_doc_object_of_section((dz_doc *)d, sec) : (size_t)-1;
    }
    return g->message;
}

dz_err dz_doc_save(dz_doc *d, const char *path)
{
    if (d == NULL)
        return DZ_E_ARG;
    form_err e = form_source_save(d->src, path != NULL ? path : d->path);
    if (e == FORM_OK)
        form_source_mark_saved(d->src);
    if (e == FORM_OK && d->catalog != NULL && form_source_modified(d->catalog)) {
        e = form_source_save(d->catalog, d->catalog_path);
        if (e == FORM_OK)
            form_source_mark_saved(d->catalog);
    }
    return from_form(e);
}

bool dz_doc_modified(const dz_doc *d)
{
    return d != NULL && (form_source_modified(d->src) || form_source_modified(d->catalog));
}

dz_err dz_doc_sign(dz_doc *d, const char *privkey_pem)
{
    if (d == NULL || privkey_pem == NULL)
        return DZ_E_ARG;
    form_err e = form_bundle_sign(d->dir, privkey_pem);
    return e == FORM_OK ? DZ_OK : e == FORM_E_IO ? DZ_E_IO : DZ_E_SIGN;
}
