/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-guide.c — guide items of a procedure (the 手続き案内票's row: which counter, what to
 * bring, the fee, a note, and the route order), read from catalog.conf:
 *
 *   [procedure gakko]
 *   title.ja = 転入学・転校の手続き
 *   offer = counter
 *   guide.counter.ja = 学校教育課（2階 8番窓口）
 *   guide.bring.ja = 在学証明書・教科書給与証明書（前の学校でもらいます）
 *   guide.fee.ja = 無料
 *   guide.note.ja = 手続きのあと、学校へ連絡します。
 *   guide.order = 40
 *
 * A procedure without forms is guide-only: it is offered at the counter only and prints on
 * the sheet, nothing else.
 */
#include "form-private.h"

#include <stdlib.h>
#include <string.h>

static const char *const guide_keys[FORM_GUIDE_TEXTS] = {"counter", "bring", "fee", "note"};

void form_guide_free(form_procedure *p)
{
    for (size_t i = 0; i < FORM_GUIDE_TEXTS; i++)
        form_text_free(p->guide_text[i]);
}

bool form_guide_key(form_procedure *p, const char *key, const char *val, const char *path,
                    int lineno, int col, form_diags *diags)
{
    if (strncmp(key, "guide.", 6) != 0)
        return false;
    const char *k = key + 6;
    if (strcmp(k, "order") == 0) {
        char *end;
        long o = strtol(val, &end, 10);
        if (*end != '\0' || end == val || o < 0 || o > 9999)
            form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, col, p->id,
                            "guide.order needs a whole number from 0 to 9999",
                            "guide.order には 0〜9999 の整数を書いてください");
        else {
            p->guide.order = o;
            p->has_guide_order = true;
        }
        return true;
    }
    for (size_t i = 0; i < FORM_GUIDE_TEXTS; i++) {
        size_t n = strlen(guide_keys[i]);
        if (strncmp(k, guide_keys[i], n) == 0 && k[n] == '.' &&
            (strcmp(k + n + 1, "ja") == 0 || strcmp(k + n + 1, "en") == 0)) {
            if (val[0] == '\0') {
                form_diags_addf(diags, FORM_E_SYNTAX, path, lineno, col, p->id,
                                "%s is empty: write the text or leave the key out",
                                "%s が空です。文を書くか、キーを消してください", key);
                return true;
            }
            form_text_set(&p->guide_text[i], k + n + 1, val);
            return true;
        }
    }
    return false;
}

void form_guide_finish(form_procedure *p)
{
    p->guide.counter = p->guide_text[0];
    p->guide.bring = p->guide_text[1];
    p->guide.fee = p->guide_text[2];
    p->guide.note = p->guide_text[3];
    if (!p->has_guide_order)
        p->guide.order = p->order;
}

bool form_guide_only_ok(form_procedure *p, const char *path, int line, form_diags *diags)
{
    bool ok = true;
    if (p->offer & FORM_OFFER_KIOSK) {
        form_diags_addf(diags, FORM_E_TEMPLATE, path, line, 1, p->id,
                        "the procedure \"%s\" lists no forms (forms = ...); a guide-only "
                        "procedure says offer = counter",
                        "手続き「%s」に forms = ... がありません（案内だけの手続きは offer = counter と書きます）",
                        p->id);
        ok = false;
    }
    if (p->guide_text[0] == NULL) {
        form_diags_addf(diags, FORM_E_TEMPLATE, path, line, 1, p->id,
                        "the guide-only procedure \"%s\" needs guide.counter.ja (where to go)",
                        "案内だけの手続き「%s」には guide.counter.ja（窓口）が必要です", p->id);
        ok = false;
    }
    if (p->title == NULL) {
        form_diags_addf(diags, FORM_E_TEMPLATE, path, line, 1, p->id,
                        "the guide-only procedure \"%s\" needs title.ja",
                        "案内だけの手続き「%s」には title.ja が必要です", p->id);
        ok = false;
    }
    return ok;
}

FORM_EXPORT const form_guide *form_procedure_guide(const form_procedure *p)
{
    return p ? &p->guide : NULL;
}

FORM_EXPORT bool form_procedure_guide_only(const form_procedure *p)
{
    return p != NULL && p->ntemplates == 0;
}

FORM_EXPORT size_t form_template_guide_rows(const form_template *t)
{
    size_t rows = 0;
    for (size_t i = 0; t && i < t->nitems; i++) {
        const char *s = t->items[i].kind == FORM_ITEM_FIELD ? t->items[i].text : NULL;
        while (s && (s = strstr(s, "{guide.")) != NULL) {
            s += 7;
            size_t n = 0;
            while (*s >= '0' && *s <= '9' && n <= FORM_MAX_GUIDE)
                n = n * 10 + (size_t)(*s++ - '0');
            if (n <= FORM_MAX_GUIDE && n > rows)
                rows = n;
        }
    }
    return rows;
}
