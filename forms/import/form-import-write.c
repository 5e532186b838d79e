/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-import-write.c — the proposal as a template (templates/README.md; `kakanai-form check`
 * clean) and as a JSON report with what could not be placed.
 *
 * Every field carries a comment line saying where it came from and how sure the importer is,
 * so the clerk reviews the least certain first. Questions are written for the answer.* values
 * the fields use, with the type their label implies (フリガナ katakana, ふりがな hiragana,
 * 住み始めた日 a date, a check box yes/no, anything else short text).
 */
#include "form-import-private.h"

#include <glib.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const struct qlabel {
    const char *id, *ja, *en;
} qlabels[] = {
    {"furigana", "フリガナ", "Reading of your name"},
    {"phone", "電話番号", "Phone number"},
    {"honseki", "本籍", "Registered domicile"},
    {"hittosha", "筆頭者", "Head of the family register"},
    {"new_address", "新しい住所", "New address"},
    {"householder", "世帯主", "Householder"},
    {"moved", "住み始めた日", "Date you moved in"},
    {"regno", "印鑑登録番号", "Seal registration number"},
    {"copies", "通数", "Number of copies"},
    {"relation", "続柄", "Relationship"},
    {"new_relation", "新しい世帯主との続柄", "Relationship to the new householder"},
    {"deceased_relation", "亡くなった方との続柄", "Relationship to the deceased"},
    {"old_householder", "前の世帯主", "Previous householder"},
    {"new_householder", "新しい世帯主", "New householder"},
    {"householder_after", "転居後の世帯主", "Householder after the move"},
    {"jan1_address", "1月1日の住所", "Address on 1 January"},
    {"bank_name", "金融機関名", "Bank"},
    {"bank_branch", "支店名", "Branch"},
    {"account_no", "口座番号", "Account number"},
    {"account_holder", "口座名義（カナ）", "Account holder (katakana)"},
    {"joined", "加入する日", "Date of joining"},
    {"left", "やめる日", "Date of leaving"},
    {"changed", "変わった日", "Date of the change"},
    {"died", "亡くなった日", "Date of death"},
    {"funeral", "葬祭を行った日", "Date of the funeral"},
    {"deceased_kana", "亡くなった方のフリガナ", "Reading of the deceased's name"},
    {"deceased_name", "亡くなった方の氏名", "Name of the deceased"},
    {"deceased_birth", "亡くなった方の生年月日", "Birth date of the deceased"},
    {"spouse_kana", "配偶者のフリガナ", "Reading of the spouse's name"},
    {"spouse_name", "配偶者の氏名", "Name of the spouse"},
    {"spouse_birth", "配偶者の生年月日", "Birth date of the spouse"},
    {"agent_address", "代理人の住所", "Agent's address"},
    {"agent_name", "代理人の氏名", "Agent's name"},
    {"agent_kana", "代理人のフリガナ", "Reading of the agent's name"},
    {"agent_phone", "代理人の電話番号", "Agent's phone number"},
    {"guarantor_address", "保証人の住所", "Guarantor's address"},
    {"guarantor_name", "保証人の氏名", "Guarantor's name"},
    {"guarantor_regno", "保証人の印鑑登録番号", "Guarantor's seal registration number"},
};

/* The answer id an expression uses ("{answer.moved|wareki}" → "moved"), into out. */
static bool answer_id(const char *value, char *out, size_t cap)
{
    const char *p = strstr(value, "{answer.");
    if (p == NULL)
        return false;
    p += 8;
    size_t n = strcspn(p, "|}");
    if (n == 0 || n >= cap)
        return false;
    memcpy(out, p, n);
    out[n] = '\0';
    return true;
}

static void write_question(FILE *f, const form_import *im, const form_import_field *fl,
                           const char *id)
{
    const struct qlabel *ql = NULL;
    for (size_t k = 0; k < sizeof qlabels / sizeof qlabels[0]; k++)
        if (strcmp(qlabels[k].id, id) == 0)
            ql = &qlabels[k];
    fprintf(f, "[question %s]\n", id);
    if (fl->mark && strcmp(fl->mark, "check") == 0) {
        fprintf(f, "type = yesno\n");
    } else if (strcmp(id, "furigana") == 0) {
        bool hira = false;
        for (size_t i = 0; i < im->nfields; i++)
            if (strstr(im->fields[i].source, "ふりがな"))
                hira = true;
        fprintf(f, "type = kana\nkana = %s\nmax = 40\nabout = card.name\n",
                hira ? "hiragana" : "katakana");
    } else if (strstr(id, "_kana") != NULL) {
        fprintf(f, "type = kana\nkana = katakana\nmax = 40\n");
    } else if (strcmp(id, "moved") == 0 || strstr(fl->value, "|wareki") != NULL) {
        fprintf(f, "type = date\n");
    } else if (strcmp(id, "copies") == 0) {
        fprintf(f, "type = number\nmin = 1\nmax = 10\ndefault = 1\n");
    } else {
        fprintf(f, "type = text\nmax = %d\n", strcmp(id, "phone") == 0 ? 15 : 40);
    }
    if (ql) {
        fprintf(f, "label.ja = %s\nlabel.en = %s\n", ql->ja, ql->en);
    } else {
        /* the AcroForm tooltip (its /TU, what a reader shows), else the field's name */
        const char *tip = strstr(fl->source, ", tooltip ");
        fprintf(f, "label.ja = %s\n", tip ? tip + 10 : id);
    }
    fprintf(f, "required = no\n\n");
}

static double size_for(double h_mm)
{
    double pt = h_mm * 0.62 / (25.4 / 72.0);
    return fmin(14, fmax(6, round(pt * 2) / 2));
}

form_import_err form_import_write_template(const form_import *im, const char *path,
                                           const char *background, const char *form_id)
{
    if (im == NULL || path == NULL)
        return FORM_IMPORT_E_ARG;
    char *base = g_path_get_basename(im->path);
    char id[49];
    size_t n = 0;
    const char *src_id = form_id ? form_id : base;
    for (const char *p = src_id; *p && *p != '.' && n < 40; p++) {
        char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
        id[n++] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_';
    }
    id[n] = '\0';
    if (n == 0)
        snprintf(id, sizeof id, "imported");
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        g_free(base);
        return FORM_IMPORT_E_IO;
    }
    fprintf(f, "# Proposed by `kakanai-form import %s`: check every field before use.\n", base);
    fprintf(f, "# Each field says where it came from and how sure the importer is (0..1);\n"
               "# what could not be placed is in the report (--report), never guessed.\n\n");
    fprintf(f, "[form]\nid = %s\ntitle.ja = %s\npaper = %s\norientation = %s\n", id,
            im->title ? im->title : id, im->paper, im->orientation);
    fprintf(f, "background = %s\n", background ? background : base);
    double pw = 0, ph = 0;
    for (size_t i = 0; i < 6; i++) {
        static const double ps[6][2] = {{210, 297}, {297, 420}, {148, 210},
                                        {257, 364}, {182, 257}, {215.9, 279.4}};
        static const char *const pn[6] = {"A4", "A3", "A5", "B4", "B5", "Letter"};
        if (strcmp(pn[i], im->paper) == 0) {
            bool land = strcmp(im->orientation, "landscape") == 0;
            pw = land ? ps[i][1] : ps[i][0], ph = land ? ps[i][0] : ps[i][1];
        }
    }
    if (fabs(pw - im->w) > 0.5 || fabs(ph - im->h) > 0.5)
        fprintf(f, "# the page is %.1f × %.1f mm: scaled onto %s\nbackground_box = 0 0 %g %g\n",
                im->w, im->h, im->paper, pw, ph);
    fputc('\n', f);
    /* questions, each id once */
    char seen[FORM_IMPORT_MAX_FIELDS][49];
    size_t nseen = 0;
    for (size_t i = 0; i < im->nfields; i++) {
        char q[49];
        if (!answer_id(im->fields[i].value, q, sizeof q))
            continue;
        bool dup = false;
        for (size_t k = 0; k < nseen && !dup; k++)
            dup = strcmp(seen[k], q) == 0;
        if (dup)
            continue;
        snprintf(seen[nseen++], sizeof seen[0], "%s", q);
        write_question(f, im, &im->fields[i], q);
    }
    for (size_t i = 0; i < im->nfields; i++) {
        const form_import_field *fl = &im->fields[i];
        fprintf(f, "# %s — confidence %.2f\n[field %s]\nbox = %g %g %g %g\nvalue = %s\n",
                fl->source, fl->confidence, fl->name, fl->x, fl->y, fl->w, fl->h, fl->value);
        if (fl->mark) {
            fprintf(f, "%s = %s\n\n", fl->mark, fl->mark_value);
            continue;
        }
        double pt = size_for(fl->h);
        fprintf(f, "size = %g\nmin_size = %g\nmin_scale = 0.6\n", pt, fmin(pt, 6));
        if (fl->h >= 12)
            fprintf(f, "lines = 2\n");
        fputc('\n', f);
    }
    g_free(base);
    return fclose(f) == 0 ? FORM_IMPORT_OK : FORM_IMPORT_E_IO;
}

static json_object *box_json(double x, double y, double w, double h)
{
    json_object *a = json_object_new_array();
    json_object_array_add(a, json_object_new_double(x));
    json_object_array_add(a, json_object_new_double(y));
    json_object_array_add(a, json_object_new_double(w));
    json_object_array_add(a, json_object_new_double(h));
    return a;
}

form_import_err form_import_write_report(const form_import *im, const char *path)
{
    if (im == NULL || path == NULL)
        return FORM_IMPORT_E_ARG;
    json_object *r = json_object_new_object();
    json_object_object_add(r, "source", json_object_new_string(im->path));
    json_object_object_add(r, "kind", json_object_new_string(im->is_pdf ? "pdf" : "image"));
    json_object *pg = json_object_new_object();
    json_object_object_add(pg, "width_mm", json_object_new_double(round(im->w * 10) / 10));
    json_object_object_add(pg, "height_mm", json_object_new_double(round(im->h * 10) / 10));
    json_object_object_add(pg, "paper", json_object_new_string(im->paper));
    json_object_object_add(pg, "orientation", json_object_new_string(im->orientation));
    json_object_object_add(r, "page", pg);
    json_object_object_add(r, "rule_count", json_object_new_int((int)im->nrules));
    json_object *ra = json_object_new_array(); /* what the studio snaps to */
    for (size_t i = 0; i < im->nrules; i++) {
        const imp_rule *u = &im->rules[i];
        json_object *o = json_object_new_array();
        json_object_array_add(o, json_object_new_double(round(u->x0 * 10) / 10));
        json_object_array_add(o, json_object_new_double(round(u->y0 * 10) / 10));
        json_object_array_add(o, json_object_new_double(round(u->x1 * 10) / 10));
        json_object_array_add(o, json_object_new_double(round(u->y1 * 10) / 10));
        json_object_array_add(ra, o);
    }
    json_object_object_add(r, "rules", ra);
    json_object_object_add(r, "text_runs", json_object_new_int((int)im->nruns));
    json_object_object_add(r, "acroform", json_object_new_boolean(im->has_acroform));
    json_object *fa = json_object_new_array();
    for (size_t i = 0; i < im->nfields; i++) {
        const form_import_field *fl = &im->fields[i];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "name", json_object_new_string(fl->name));
        json_object_object_add(o, "box", box_json(fl->x, fl->y, fl->w, fl->h));
        json_object_object_add(o, "value", json_object_new_string(fl->value));
        if (fl->mark) {
            json_object_object_add(o, fl->mark, json_object_new_string(fl->mark_value));
        }
        json_object_object_add(o, "confidence", json_object_new_double(fl->confidence));
        json_object_object_add(o, "source", json_object_new_string(fl->source));
        json_object_array_add(fa, o);
    }
    json_object_object_add(r, "fields", fa);
    json_object *ua = json_object_new_array();
    for (size_t i = 0; i < im->nunplaced; i++) {
        const form_import_unplaced *u = &im->unplaced[i];
        json_object *o = json_object_new_object();
        json_object_object_add(o, "what", json_object_new_string(u->what));
        json_object_object_add(o, "text", json_object_new_string(u->text));
        json_object_object_add(o, "box", box_json(u->x, u->y, u->w, u->h));
        json_object_object_add(o, "reason", json_object_new_string(u->reason));
        json_object_array_add(ua, o);
    }
    json_object_object_add(r, "unplaced", ua);
    int rc = json_object_to_file_ext(path, r, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
    json_object_put(r);
    return rc == 0 ? FORM_IMPORT_OK : FORM_IMPORT_E_IO;
}
