/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-sample.c — fictional residents and sample answers. See designer-sample.h. */
#include "designer-sample.h"

#include <stdio.h>
#include <string.h>

#include "form-private.h"

static const dz_sample samples[] = {
    {"𠮷田 太郎 (𠮷)", "𠮷田　太郎", "東京都千代田区霞が関一丁目１番１号", "19800401", "1",
     "123456789018", "ヨシダ　タロウ"},
    {"葛󠄀城 花子 (IVS)", "葛󠄀城　花子", "奈良県葛城市柿本１６６番地", "19920229", "2",
     "123456789018", "カツラギ　ハナコ"},
    {"120-character Latin name",
     "WILLIAMSON-FITZGERALD MONTGOMERY ALEXANDRA KATHERINE ELIZABETH VICTORIA "
     "CHRISTIANSEN-OYELARAN BARTHOLOMEW",
     "神奈川県横浜市中区日本大通１番地", "19751231", "2", "123456789018",
     "ウィリアムソンフィッツジェラルド"},
    {"髙橋 (long 方書)", "髙橋　咲",
     "北海道札幌市中央区北一条西二丁目１番地　さっぽろ中央グリーンヒルズレジデンス東棟"
     "１２０３号室（管理人室横、郵便受けは一階西側）",
     "20010115", "2", "123456789018", "タカハシ　サキ"},
};

size_t dz_sample_count(void)
{
    return sizeof samples / sizeof samples[0];
}

const dz_sample *dz_sample_get(size_t i)
{
    return i < dz_sample_count() ? &samples[i] : NULL;
}

static const char *sample_answer(const form_question *q, const dz_sample *s, char *buf,
                                 size_t cap)
{
    if (form_question_default(q) != NULL)
        return form_question_default(q);
    switch (form_question_type_of(q)) {
    case FORM_Q_CHOICE:
    case FORM_Q_MULTI:
        return form_question_choice_count(q) > 0 ? form_question_choice_value(q, 0) : NULL;
    case FORM_Q_YESNO:
        return "yes";
    case FORM_Q_NUMBER:
        snprintf(buf, cap, "%ld", form_question_min(q));
        return buf;
    case FORM_Q_DATE:
        return "20260401";
    case FORM_Q_KANA:
        return s->kana;
    case FORM_Q_TEXT:
        snprintf(buf, cap, "%s", "見本");
        return buf;
    }
    return NULL;
}

form_err dz_sample_fill(const form_template *t, size_t i, form_values *v)
{
    const dz_sample *s = dz_sample_get(i);
    if (t == NULL || s == NULL || v == NULL)
        return FORM_E_ARG;
    form_err e = form_values_set_card(v, s->name, s->address, s->birth, s->sex,
                                      t->number_basis != NULL ? s->number : NULL);
    for (size_t k = 0; e == FORM_OK && k < t->nquestions; k++) {
        const form_question *q = &t->questions[k];
        char buf[32];
        const char *a = sample_answer(q, s, buf, sizeof buf);
        if (a != NULL)
            e = form_values_set_answer(v, form_question_id(q), a);
    }
    if (e == FORM_OK)
        e = form_values_set_today(v, "20261205");
    return e;
}
