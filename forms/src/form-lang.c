/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-lang.c — the languages a template may carry, and localized text (form_text). */
#include "form-private.h"

#include <stdlib.h>
#include <string.h>

/* The kiosk's languages in its picker's order. ja is the printed language and required;
 * en is the fallback of every other language. The code is the gettext catalogue's name, the
 * key its spelling in a template key (keys are lower case: label.pt_br); the name is in its
 * own script. */
static const struct lang {
    const char *code, *key, *name, *english;
} langs[FORM_LANG_COUNT] = {
    {"ja", "ja", "日本語", "Japanese"},
    {"en", "en", "English", "English"},
    {"zh", "zh", "中文（简体）", "Chinese (Simplified)"},
    {"ko", "ko", "한국어", "Korean"},
    {"vi", "vi", "Tiếng Việt", "Vietnamese"},
    {"fil", "fil", "Filipino", "Filipino"},
    {"pt_BR", "pt_br", "Português (Brasil)", "Portuguese (Brazil)"},
    {"ne", "ne", "नेपाली", "Nepali"},
    {"id", "id", "Bahasa Indonesia", "Indonesian"},
};

const char *form_lang_key(size_t i)
{
    return i < FORM_LANG_COUNT ? langs[i].key : NULL;
}

FORM_EXPORT const char *form_lang_code(size_t i)
{
    return i < FORM_LANG_COUNT ? langs[i].code : NULL;
}

FORM_EXPORT const char *form_lang_name(size_t i)
{
    return i < FORM_LANG_COUNT ? langs[i].name : NULL;
}

FORM_EXPORT const char *form_lang_english_name(size_t i)
{
    return i < FORM_LANG_COUNT ? langs[i].english : NULL;
}

static char fold(char c)
{
    if (c >= 'A' && c <= 'Z')
        return (char)(c - 'A' + 'a');
    return c == '-' ? '_' : c;
}

/* Does lang (n bytes) spell code, ignoring case and - versus _? */
static bool same(const char *lang, size_t n, const char *code)
{
    size_t k = strlen(code);
    if (n != k)
        return false;
    for (size_t i = 0; i < n; i++)
        if (fold(lang[i]) != fold(code[i]))
            return false;
    return true;
}

int form_lang_exact(const char *s, size_t n)
{
    for (int i = 0; i < FORM_LANG_COUNT; i++)
        if (same(s, n, langs[i].code))
            return i;
    return -1;
}

FORM_EXPORT int form_lang_index(const char *lang)
{
    if (lang == NULL)
        return -1;
    size_t n = strlen(lang);
    /* a POSIX locale's codeset or modifier is not part of the language */
    size_t cut = strcspn(lang, ".@");
    for (int i = 0; i < FORM_LANG_COUNT; i++)
        if (same(lang, cut, langs[i].code))
            return i;
    /* zh_CN, en_US, ja-JP: the primary tag, when the table has no region for it */
    size_t prim = strcspn(lang, "_-.@");
    if (prim < n)
        for (int i = 0; i < FORM_LANG_COUNT; i++)
            if (strchr(langs[i].code, '_') == NULL && same(lang, prim, langs[i].code))
                return i;
    return -1;
}

form_err form_text_set(form_text **t, const char *lang, const char *s)
{
    int i = form_lang_index(lang);
    if (i < 0)
        return FORM_E_ARG;
    if (*t == NULL) {
        *t = calloc(1, sizeof(form_text));
        if (*t == NULL)
            return FORM_E_NOMEM;
    }
    free((*t)->s[i]);
    (*t)->s[i] = form_strdup(s);
    return (*t)->s[i] ? FORM_OK : FORM_E_NOMEM;
}

form_err form_text_copy(form_text **to, const form_text *from)
{
    for (size_t i = 0; from != NULL && i < FORM_LANG_COUNT; i++)
        if (from->s[i] != NULL) {
            form_err e = form_text_set(to, langs[i].code, from->s[i]);
            if (e != FORM_OK)
                return e;
        }
    return FORM_OK;
}

void form_text_free(form_text *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < FORM_LANG_COUNT; i++)
        free(t->s[i]);
    free(t);
}

FORM_EXPORT const char *form_text_get_exact(const form_text *t, const char *lang)
{
    int i = form_lang_index(lang);
    return t != NULL && i >= 0 ? t->s[i] : NULL;
}

FORM_EXPORT const char *form_text_get(const form_text *t, const char *lang)
{
    if (t == NULL)
        return NULL;
    int i = form_lang_index(lang);
    if (i >= 0 && t->s[i] != NULL)
        return t->s[i];
    if (i == FORM_LANG_JA || lang == NULL)
        return t->s[FORM_LANG_JA] ? t->s[FORM_LANG_JA] : t->s[FORM_LANG_EN];
    return t->s[FORM_LANG_EN] ? t->s[FORM_LANG_EN] : t->s[FORM_LANG_JA];
}
