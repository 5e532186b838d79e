/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-fixture.c — see form-fixture.h. */
#include "form-fixture.h"

#include <stdio.h>

const char *fixture_json_str(json_object *o, const char *key)
{
    json_object *v;
    return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v)
               : NULL;
}

const char *fixture_answer(const form_question *q, char *buf, size_t cap)
{
    const char *d = form_question_default(q);
    if (d != NULL)
        return d;
    switch (form_question_type_of(q)) {
    case FORM_Q_CHOICE:
    case FORM_Q_MULTI:
        return form_question_choice_count(q) > 0 ? form_question_choice_value(q, 0) : "";
    case FORM_Q_YESNO:
        return "yes";
    case FORM_Q_NUMBER:
        snprintf(buf, cap, "%ld", form_question_min(q) > 1 ? form_question_min(q) : 1);
        return buf;
    case FORM_Q_DATE:
        return FIXTURE_TODAY;
    case FORM_Q_KANA:
        return form_question_kana(q) == FORM_KANA_HIRAGANA ? "やまだ" : "ヤマダ";
    case FORM_Q_TEXT:
        return "テスト";
    }
    return "";
}

void fixture_tpl_iter_init(fixture_tpl_iter *it, const form_catalog *cat)
{
    it->cat = cat;
    it->proc = it->tpl = it->ndone = 0;
}

const form_template *fixture_tpl_next(fixture_tpl_iter *it, const form_procedure **proc)
{
    for (; it->proc < form_catalog_procedure_count(it->cat); it->proc++, it->tpl = 0) {
        const form_procedure *p = form_catalog_procedure(it->cat, it->proc);
        while (it->tpl < form_procedure_template_count(p)) {
            const form_template *t = form_procedure_template(p, it->tpl++);
            int seen = 0;
            for (size_t k = 0; k < it->ndone && !seen; k++)
                seen = it->done[k] == t;
            if (seen || it->ndone == sizeof it->done / sizeof it->done[0])
                continue;
            it->done[it->ndone++] = t;
            if (proc)
                *proc = p;
            return t;
        }
    }
    return NULL;
}
