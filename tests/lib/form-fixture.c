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
