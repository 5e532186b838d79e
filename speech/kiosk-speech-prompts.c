/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-speech-prompts.c — looking prompts up, filling them in, and giving Japanese text a kana
 * reading espeak-ng can speak (see kiosk-speech-prompts.h). */
#include "kiosk-speech-prompts-private.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *lang;
    const struct kiosk_prompt_row *rows;
    const char *const *numbers;
    const char *voice_lang;
} langs[] = {
    {"ja", kiosk_prompts_ja, kiosk_numbers_ja, "ja"},
    {"en", kiosk_prompts_en, kiosk_numbers_en, "en"},
    {"zh", kiosk_prompts_zh, kiosk_numbers_zh, "zh"},
    {"ko", kiosk_prompts_ko, kiosk_numbers_ko, "ko"},
    {"vi", kiosk_prompts_vi, kiosk_numbers_vi, "vi"},
    {"tl", kiosk_prompts_en, kiosk_numbers_en, "en"}, /* no Filipino voice: English */
    {"pt-BR", kiosk_prompts_pt_br, kiosk_numbers_pt_br, "pt-BR"},
    {"ne", kiosk_prompts_ne, kiosk_numbers_ne, "ne"},
    {"id", kiosk_prompts_id, kiosk_numbers_id, "id"},
};

_Static_assert(sizeof langs / sizeof langs[0] == KIOSK_SPEECH_LANGS, "one row per language");

static size_t lang_index(const char *lang)
{
    if (lang != NULL) {
        for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
            if (strcmp(langs[i].lang, lang) == 0)
                return i;
        /* "zh-CN", "pt_BR", "ja_JP.UTF-8": match on the language part */
        for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++) {
            size_t n = strlen(langs[i].lang);
            const char *dash = strchr(langs[i].lang, '-');
            size_t base = dash != NULL ? (size_t)(dash - langs[i].lang) : n;
            if (strncmp(langs[i].lang, lang, base) == 0 &&
                (lang[base] == '\0' || lang[base] == '-' || lang[base] == '_' ||
                 lang[base] == '.'))
                return i;
        }
    }
    return 1; /* English */
}

const char *kiosk_speech_lang_at(size_t i)
{
    return i < sizeof langs / sizeof langs[0] ? langs[i].lang : NULL;
}

const char *kiosk_prompt_speech(const char *lang, kiosk_prompt id)
{
    if ((unsigned)id >= KIOSK_PROMPT_COUNT)
        return NULL;
    return langs[lang_index(lang)].rows[id].speech;
}

const char *kiosk_prompt_text(const char *lang, kiosk_prompt id)
{
    if ((unsigned)id >= KIOSK_PROMPT_COUNT)
        return NULL;
    return langs[lang_index(lang)].rows[id].text;
}

const char *kiosk_prompt_voice_lang(const char *lang)
{
    return langs[lang_index(lang)].voice_lang;
}

const char *kiosk_prompt_number(const char *lang, unsigned n)
{
    static const char *const digits[] = {"21", "22", "23", "24", "25", "26", "27", "28", "29",
                                         "30"};
    if (n <= 20)
        return langs[lang_index(lang)].numbers[n];
    return n <= 30 ? digits[n - 21] : "30+";
}

bool kiosk_prompt_format(char *out, size_t cap, const char *tmpl, const char *a1, const char *a2,
                         const char *a3)
{
    if (out == NULL || cap == 0)
        return false;
    out[0] = '\0';
    if (tmpl == NULL)
        return false;
    const char *args[3] = {a1, a2, a3};
    size_t o = 0;
    bool fit = true;
    for (const char *p = tmpl; *p != '\0';) {
        const char *piece = p;
        size_t n = 1;
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            piece = args[p[1] - '1'] != NULL ? args[p[1] - '1'] : "";
            n = strlen(piece);
            p += 3;
        } else {
            p++;
        }
        if (o + n >= cap) {
            fit = false;
            break;
        }
        memcpy(out + o, piece, n);
        o += n;
    }
    out[o] = '\0';
    return fit;
}

/* One UTF-8 character's code point and length (the text was validated before). */
static unsigned utf8_next(const unsigned char *s, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0 && s[1] != 0) {
        *len = 2;
        return (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0 && s[1] != 0 && s[2] != 0) {
        *len = 3;
        return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && s[1] != 0 && s[2] != 0 && s[3] != 0) {
        *len = 4;
        return (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 |
               (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    }
    *len = 1;
    return 0xFFFD;
}

static bool is_kanji(unsigned cp)
{
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF) || cp == 0x3005;
}

size_t kiosk_speech_kana(const char *text, char *out, size_t cap)
{
    if (out == NULL || cap == 0)
        return 0;
    out[0] = '\0';
    if (text == NULL)
        return 0;
    size_t o = 0, left = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p != '\0') {
        /* the longest lexicon word starting here */
        size_t best = 0;
        const char *reading = NULL;
        for (size_t i = 0; kiosk_lexicon_ja[i][0] != NULL; i++) {
            size_t n = strlen(kiosk_lexicon_ja[i][0]);
            if (n > best && strncmp((const char *)p, kiosk_lexicon_ja[i][0], n) == 0) {
                best = n;
                reading = kiosk_lexicon_ja[i][1];
            }
        }
        size_t n;
        const char *piece;
        if (reading != NULL) {
            piece = reading;
            n = strlen(reading);
            p += best;
        } else {
            size_t len;
            unsigned cp = utf8_next(p, &len);
            if (is_kanji(cp))
                left++;
            piece = (const char *)p;
            n = len;
            p += len;
        }
        if (o + n >= cap)
            break;
        memcpy(out + o, piece, n);
        o += n;
    }
    out[o] = '\0';
    return left;
}
