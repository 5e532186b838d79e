/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-speech-prompts.c — the spoken prompts: complete in every language, the same
 * placeholders as English, Japanese readings in kana only (espeak-ng says "Chinese letter" for
 * a kanji), no digit in anything said on the PIN screen, and the lexicon covering every title,
 * question and choice of the shipped templates. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "form.h"
#include "kiosk-speech-private.h"
#include "kiosk-speech-prompts.h"

static unsigned placeholders(const char *s)
{
    unsigned m = 0;
    for (const char *p = s; (p = strchr(p, '{')) != NULL; p++)
        if (p[1] >= '1' && p[1] <= '3' && p[2] == '}')
            m |= 1u << (p[1] - '1');
    return m;
}

static bool has_digit(const char *t)
{
    for (const unsigned char *p = (const unsigned char *)t; *p != '\0'; p++) {
        if (*p >= '0' && *p <= '9')
            return true;
        if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
            return true;
        if (p[0] == 0xE0 && p[1] == 0xA5 && p[2] >= 0xA6 && p[2] <= 0xAF)
            return true;
    }
    return false;
}

static void every_language_has_every_prompt(void **s)
{
    (void)s;
    for (size_t li = 0; li < KIOSK_SPEECH_LANGS; li++) {
        const char *lang = kiosk_speech_lang_at(li);
        for (int id = 0; id < KIOSK_PROMPT_COUNT; id++) {
            const char *sp = kiosk_prompt_speech(lang, (kiosk_prompt)id);
            const char *tx = kiosk_prompt_text(lang, (kiosk_prompt)id);
            if (sp == NULL || tx == NULL || sp[0] == '\0' || tx[0] == '\0')
                fail_msg("%s: prompt %d missing", lang, id);
            assert_true(kiosk_speech_utf8_valid(sp, strlen(sp)));
            assert_true(strlen(sp) < KIOSK_SPEECH_TEXT_MAX / 2);
            unsigned want = placeholders(kiosk_prompt_speech("en", (kiosk_prompt)id));
            if (placeholders(sp) != want || placeholders(tx) != want)
                fail_msg("%s: prompt %d has other placeholders than English", lang, id);
        }
        for (unsigned n = 0; n <= 20; n++) {
            const char *w = kiosk_prompt_number(lang, n);
            assert_non_null(w);
            assert_false(has_digit(w));
        }
    }
    assert_null(kiosk_speech_lang_at(KIOSK_SPEECH_LANGS));
    assert_null(kiosk_prompt_speech("ja", KIOSK_PROMPT_COUNT));
    /* fallbacks: region tags and locales find their language; unknown → English */
    assert_string_equal(kiosk_prompt_speech("pt_BR.UTF-8", KIOSK_PROMPT_CARD),
                        kiosk_prompt_speech("pt-BR", KIOSK_PROMPT_CARD));
    assert_string_equal(kiosk_prompt_speech("zh-CN", KIOSK_PROMPT_CARD),
                        kiosk_prompt_speech("zh", KIOSK_PROMPT_CARD));
    assert_string_equal(kiosk_prompt_speech("fr", KIOSK_PROMPT_CARD),
                        kiosk_prompt_speech("en", KIOSK_PROMPT_CARD));
    assert_string_equal(kiosk_prompt_voice_lang("tl"), "en");
    assert_string_equal(kiosk_prompt_voice_lang("ja"), "ja");
}

static size_t kanji_in(const char *s)
{
    char out[8192];
    /* kiosk_speech_kana counts the kanji it could not read; prompts must need no lexicon */
    size_t before = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (p[0] >= 0xE3 && p[0] <= 0xE9) {
            unsigned cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 |
                          (p[2] & 0x3F);
            if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF))
                before++;
            p += 2;
        }
    }
    (void)out;
    return before;
}

static void japanese_readings_are_kana_only(void **s)
{
    (void)s;
    for (int id = 0; id < KIOSK_PROMPT_COUNT; id++) {
        const char *sp = kiosk_prompt_speech("ja", (kiosk_prompt)id);
        if (kanji_in(sp) != 0)
            fail_msg("ja prompt %d reading has kanji: %s", id, sp);
        assert_null(strstr(sp, "・"));
        assert_null(strstr(sp, "（"));
    }
    for (unsigned n = 0; n <= 20; n++)
        assert_int_equal(kanji_in(kiosk_prompt_number("ja", n)), 0);
    /* the shown text keeps its kanji, with the reading beside it */
    assert_non_null(strstr(kiosk_prompt_text("ja", KIOSK_PROMPT_PIN), "暗証番号（あんしょうばんごう）"));
}

static void nothing_said_on_the_pin_screen_holds_a_digit(void **s)
{
    (void)s;
    static const kiosk_prompt pin_screen[] = {
        KIOSK_PROMPT_PIN,       KIOSK_PROMPT_PIN_PAD, KIOSK_PHRASE_TRIES,  KIOSK_PHRASE_LAST_TRY,
        KIOSK_PHRASE_PIN_WRONG, KIOSK_PHRASE_BLOCKED, KIOSK_PHRASE_DIGITS, KIOSK_PHRASE_BACK,
        KIOSK_PHRASE_CALL_STAFF, KIOSK_PHRASE_REPEAT, KIOSK_PHRASE_CARD_REMOVED,
    };
    for (size_t li = 0; li < KIOSK_SPEECH_LANGS; li++) {
        const char *lang = kiosk_speech_lang_at(li);
        for (size_t k = 0; k < sizeof pin_screen / sizeof pin_screen[0]; k++) {
            const char *sp = kiosk_prompt_speech(lang, pin_screen[k]);
            char filled[512];
            for (unsigned n = 0; n <= 4; n++) {
                /* filled in as the kiosk does: numbers as words */
                assert_true(kiosk_prompt_format(filled, sizeof filled, sp,
                                                kiosk_prompt_number(lang, n), NULL, NULL));
                if (has_digit(filled))
                    fail_msg("%s: PIN-screen prompt %d has a digit: %s", lang,
                             (int)pin_screen[k], filled);
            }
        }
    }
}

static void format_fills_and_truncates(void **s)
{
    (void)s;
    char out[64];
    assert_true(kiosk_prompt_format(out, sizeof out, "{1} of {2}{3}.", "one", "two", NULL));
    assert_string_equal(out, "one of two.");
    assert_true(kiosk_prompt_format(out, sizeof out, "{4} {x", "a", "b", "c"));
    assert_string_equal(out, "{4} {x");
    assert_false(kiosk_prompt_format(out, 8, "{1}", "0123456789", NULL, NULL));
    assert_string_equal(out, "");
    assert_false(kiosk_prompt_format(out, 4, "abcdef", NULL, NULL, NULL));
    assert_string_equal(out, "abc");
    assert_false(kiosk_prompt_format(NULL, 4, "a", NULL, NULL, NULL));
    assert_false(kiosk_prompt_format(out, sizeof out, NULL, NULL, NULL, NULL));
}

/* Whether text has a reading espeak-ng can speak; counts it, prints it when not. */
static void check_reading(const char *where, const char *text, size_t *checked, size_t *missing)
{
    if (text == NULL)
        return;
    char kana[4096];
    size_t left = kiosk_speech_kana(text, kana, sizeof kana);
    (*checked)++;
    if (left != 0) {
        (*missing)++;
        printf("# %s: %s → %s (%zu kanji unread)\n", where, text, kana, left);
    }
}

/* Every title, question and choice a resident hears comes from a template: load the shipped
 * catalogue and check the lexicon gives a reading to each text of every procedure offered
 * at the kiosk (the counter's forms are filled by staff: the voice never reads them). */
static void shipped_template_words_have_kana_readings(void **s)
{
    (void)s;
    form_catalog *cat = NULL;
    assert_int_equal(form_catalog_load(TEMPLATES_DIR, NULL, &cat, NULL), FORM_OK);
    size_t checked = 0, missing = 0;
    for (size_t i = 0; i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        if (!form_procedure_offered(p, FORM_OFFER_KIOSK))
            continue;
        const char *id = form_procedure_id(p);
        check_reading(id, form_text_get(form_procedure_title(p), "ja"), &checked, &missing);
        for (size_t q = 0; q < form_procedure_question_count(p); q++) {
            const form_question *qu = form_procedure_question(p, q);
            check_reading(id, form_text_get(form_question_label(qu), "ja"), &checked, &missing);
            for (size_t c = 0; c < form_question_choice_count(qu); c++)
                check_reading(id, form_text_get(form_question_choice_label(qu, c), "ja"),
                              &checked, &missing);
        }
    }
    form_catalog_free(cat);
    printf("# %zu template texts read, %zu with kanji left\n", checked, missing);
    assert_true(checked > 40);
    assert_int_equal(missing, 0);
    char out[256];
    assert_int_equal(kiosk_speech_kana("住民票の写し", out, sizeof out), 0);
    assert_string_equal(out, "じゅうみんひょうのうつし");
    assert_int_equal(kiosk_speech_kana("所得・課税証明書", out, sizeof out), 0);
    assert_string_equal(out, "しょとく、かぜいしょうめいしょ");
    assert_int_equal(kiosk_speech_kana("鬱", out, sizeof out), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_language_has_every_prompt),
        cmocka_unit_test(japanese_readings_are_kana_only),
        cmocka_unit_test(nothing_said_on_the_pin_screen_holds_a_digit),
        cmocka_unit_test(format_fills_and_truncates),
        cmocka_unit_test(shipped_template_words_have_kana_readings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
