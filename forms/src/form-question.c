/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-question.c — questions: accessors and answer validation. */
#include "form-private.h"

#include <stdio.h>
#include <string.h>

FORM_EXPORT const char *form_question_id(const form_question *q)
{
    return q ? q->id : NULL;
}
FORM_EXPORT form_question_type form_question_type_of(const form_question *q)
{
    return q ? q->type : FORM_Q_TEXT;
}
FORM_EXPORT const form_text *form_question_label(const form_question *q)
{
    return q ? q->label : NULL;
}
FORM_EXPORT const form_text *form_question_help(const form_question *q)
{
    return q ? q->help : NULL;
}
FORM_EXPORT bool form_question_required(const form_question *q)
{
    return q && q->required;
}
FORM_EXPORT const char *form_question_default(const form_question *q)
{
    return q && q->def && q->def[0] ? q->def : NULL;
}
FORM_EXPORT long form_question_min(const form_question *q)
{
    return q ? q->min : 0;
}
FORM_EXPORT long form_question_max(const form_question *q)
{
    return q ? q->max : 0;
}
FORM_EXPORT form_kana_kind form_question_kana(const form_question *q)
{
    return q ? q->kana : FORM_KANA_KATAKANA;
}
FORM_EXPORT const char *form_question_about(const form_question *q)
{
    return q ? q->about : NULL;
}
FORM_EXPORT size_t form_question_choice_count(const form_question *q)
{
    return q ? q->nchoices : 0;
}
FORM_EXPORT const char *form_question_choice_value(const form_question *q, size_t i)
{
    return q && i < q->nchoices ? q->choice_value[i] : NULL;
}
FORM_EXPORT const form_text *form_question_choice_label(const form_question *q, size_t i)
{
    return q && i < q->nchoices ? q->choice_label[i] : NULL;
}

static bool is_choice(const form_question *q, const char *s, size_t n)
{
    for (size_t i = 0; i < q->nchoices; i++)
        if (strlen(q->choice_value[i]) == n && memcmp(q->choice_value[i], s, n) == 0)
            return true;
    return false;
}

/* Katakana: ァ..ヺ and ー; hiragana: ぁ..ゖ and ー; both allow the ideographic space and ・. */
static bool kana_ok(uint32_t cp, form_kana_kind k)
{
    if (cp == 0x30FC || cp == 0x3000 || cp == 0x30FB || cp == 0x20)
        return true;
    if (k == FORM_KANA_KATAKANA)
        return cp >= 0x30A1 && cp <= 0x30FA;
    return cp >= 0x3041 && cp <= 0x3096;
}

#define WHY(en, ja)                                                                        \
    do {                                                                                   \
        if (why)                                                                           \
            *why = ja_lang ? (ja) : (en);                                                  \
        return FORM_E_ANSWER;                                                              \
    } while (0)

FORM_EXPORT form_err form_question_validate(const form_question *q, const char *value,
                                            const char *lang, const char **why)
{
    if (why)
        *why = NULL;
    if (q == NULL)
        return FORM_E_ARG;
    bool ja_lang = lang == NULL || strcmp(lang, "en") != 0;
    if (value == NULL || value[0] == '\0') {
        if (q->required)
            WHY("Please answer this question.", "この質問に答えてください。");
        return FORM_OK;
    }
    size_t n = strlen(value);
    if (n > FORM_MAX_VALUE_BYTES || !form_utf8_valid(value, n))
        WHY("This answer cannot be used.", "この回答は使えません。");
    switch (q->type) {
    case FORM_Q_CHOICE:
        if (!is_choice(q, value, n))
            WHY("Please choose one of the options.", "選択肢から一つ選んでください。");
        return FORM_OK;
    case FORM_Q_MULTI: {
        size_t st[FORM_MAX_CHOICES], ln[FORM_MAX_CHOICES], count = 0, i = 0;
        while (i <= n) {
            size_t s = i;
            while (i < n && value[i] != ',')
                i++;
            if (!is_choice(q, value + s, i - s) || count == FORM_MAX_CHOICES)
                WHY("Please choose from the options.", "選択肢から選んでください。");
            for (size_t j = 0; j < count; j++)
                if (ln[j] == i - s && memcmp(value + st[j], value + s, i - s) == 0)
                    WHY("Each option can be chosen only once.", "同じ選択肢は一度だけ選べます。");
            st[count] = s;
            ln[count++] = i - s;
            i++;
        }
        return FORM_OK;
    }
    case FORM_Q_YESNO:
        if (strcmp(value, "yes") != 0 && strcmp(value, "no") != 0)
            WHY("Please answer yes or no.", "「はい」か「いいえ」で答えてください。");
        return FORM_OK;
    case FORM_Q_NUMBER: {
        if (n > 9)
            WHY("This number is too large.", "数が大きすぎます。");
        long v = 0;
        for (size_t i = 0; i < n; i++) {
            if (value[i] < '0' || value[i] > '9')
                WHY("Please enter a number with the digits 0-9.", "数字で入力してください。");
            v = v * 10 + (value[i] - '0');
        }
        if (n > 1 && value[0] == '0')
            WHY("Please enter the number without leading zeros.", "先頭に 0 を付けずに入力してください。");
        if (v < q->min)
            WHY("This number is too small.", "数が小さすぎます。");
        if (v > q->max)
            WHY("This number is too large.", "数が大きすぎます。");
        return FORM_OK;
    }
    case FORM_Q_DATE: {
        form_date d;
        if (!form_date_parse(value, &d))
            WHY("Please enter a real date.", "正しい日付を入力してください。");
        return FORM_OK;
    }
    case FORM_Q_KANA:
    case FORM_Q_TEXT: {
        size_t i = 0, count = 0;
        while (i < n) {
            uint32_t cp = 0;
            if (!form_utf8_next(value, n, &i, &cp) || cp < 0x20 || cp == 0x7F ||
                (cp >= 0x80 && cp < 0xA0))
                WHY("This answer contains a character that cannot be used.",
                    "使えない文字が含まれています。");
            if (q->type == FORM_Q_KANA && !kana_ok(cp, q->kana)) {
                if (q->kana == FORM_KANA_KATAKANA)
                    WHY("Please enter katakana only.", "カタカナで入力してください。");
                WHY("Please enter hiragana only.", "ひらがなで入力してください。");
            }
            count++;
        }
        if (q->has_min && (long)count < q->min)
            WHY("This answer is too short.", "入力が短すぎます。");
        if (q->has_max && (long)count > q->max)
            WHY("This answer is too long.", "入力が長すぎます。");
        return FORM_OK;
    }
    }
    return FORM_E_ARG;
}
