/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-kiosk-speech.c — the voice with the real espeak-ng engine: a WAV file written and read
 * back, the right voice for every resident language, the PIN screen's audio made of ticks
 * only (compared sample by sample with the tick), interrupt, a missing sound device. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* How long a wait for the voice to fall silent may take: a bound for a hang, not a speed goal
 * (bench-speech measures speed). Under valgrind on a loaded 2-core machine one sentence took
 * more than 20 s. */
#define IDLE_WAIT_MS 240000

#include "kiosk-speech-private.h"
#include "kiosk-speech-prompts.h"
#include "kiosk-speech.h"
#include "speech-fixture.h"

static double rms(const int16_t *p, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)p[i] * p[i];
    return n > 0 ? __builtin_sqrt(s / (double)n) : 0;
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void wav_file_holds_the_spoken_menu(void **s)
{
    (void)s;
    char path[] = "/tmp/kakanai-speech-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    kiosk_speech_engine *e = NULL;
    assert_int_equal(kiosk_speech_engine_espeak_new(NULL, &e), KIOSK_SPEECH_OK);
    unsigned rate = kiosk_speech_engine_rate(e);
    assert_int_equal(rate, 22050);
    kiosk_speech_sink *sink = NULL;
    assert_int_equal(kiosk_speech_sink_wav_new(path, &sink), KIOSK_SPEECH_OK);
    kiosk_speech *sp = NULL;
    assert_int_equal(kiosk_speech_new(e, sink, &sp), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_say(sp, kiosk_prompt_speech("ja", KIOSK_PROMPT_MENU), "ja", 0),
                     KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    kiosk_speech_stats st;
    kiosk_speech_get_stats(sp, &st);
    printf("# menu (ja): %llu samples (%.1f s), first sound %.1f ms after say\n",
           (unsigned long long)st.samples, (double)st.samples / rate,
           (double)st.last_latency_us / 1000.0);
    kiosk_speech_free(sp);

    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    uint8_t h[44];
    assert_int_equal(fread(h, 1, 44, f), 44);
    assert_memory_equal(h, "RIFF", 4);
    assert_memory_equal(h + 8, "WAVEfmt ", 8);
    assert_int_equal(h[20] | h[21] << 8, 1);  /* PCM */
    assert_int_equal(h[22] | h[23] << 8, 1);  /* mono */
    assert_int_equal(le32(h + 24), rate);
    assert_int_equal(h[34] | h[35] << 8, 16); /* bits */
    assert_memory_equal(h + 36, "data", 4);
    uint32_t data = le32(h + 40);
    assert_int_equal(le32(h + 4), 36 + data);
    assert_int_equal(data, st.samples * 2);
    assert_true(data > rate * 2 * 3); /* the menu prompt is several seconds long */
    int16_t *pcm = malloc(data);
    assert_int_equal(fread(pcm, 1, data, f), data);
    fclose(f);
    double level = rms(pcm, data / 2);
    printf("# RMS level %.0f\n", level);
    assert_true(level > 300.0); /* speech, not silence */
    free(pcm);
    unlink(path);
}

/* The voice espeak-ng reports after speaking each language's prompt. */
static const struct {
    const char *lang, *voice_name;
} want_voice[] = {
    {"ja", "Japanese"},
    {"en", "English (Great Britain)"},
    {"zh", "Chinese (Mandarin, latin as Pinyin)"},
    {"ko", "Korean"},
    {"vi", "Vietnamese (Northern)"},
    {"tl", "English (Great Britain)"}, /* no Filipino voice in espeak-ng 1.51 */
    {"pt-BR", "Portuguese (Brazil)"},
    {"ne", "Nepali"},
    {"id", "Indonesian"},
};

static void every_language_speaks_with_its_own_voice(void **s)
{
    (void)s;
    struct spy_engine *spy = NULL;
    kiosk_speech_engine *e = spy_engine_new(&spy);
    assert_non_null(e);
    struct capture cap;
    kiosk_speech *sp = NULL;
    assert_int_equal(kiosk_speech_new(e, capture_sink(&cap), &sp), KIOSK_SPEECH_OK);
    size_t nl = sizeof want_voice / sizeof want_voice[0];
    assert_int_equal(nl, KIOSK_SPEECH_LANGS);
    for (size_t i = 0; i < nl; i++) {
        const char *lang = want_voice[i].lang;
        size_t before = cap.n;
        assert_int_equal(kiosk_speech_say(sp, kiosk_prompt_speech(lang, KIOSK_PROMPT_CARD),
                                          kiosk_prompt_voice_lang(lang), 0),
                         KIOSK_SPEECH_OK);
        assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
        assert_int_equal(spy->n, i + 1);
        printf("# %-5s voice %-38s %6zu samples\n", lang, spy->voice[i], cap.n - before);
        assert_string_equal(spy->voice[i], want_voice[i].voice_name);
        assert_true(cap.n - before > cap.rate / 2); /* at least half a second of speech */
        assert_true(rms(cap.pcm + before, cap.n - before) > 300.0);
    }
    /* no voice at all for an unknown language: refused before anything is queued */
    assert_int_equal(kiosk_speech_say(sp, "x", "xx", 0), KIOSK_SPEECH_E_NO_VOICE);
    kiosk_speech_free(sp);
    capture_clear(&cap);
}

static bool has_digit(const char *t)
{
    for (const unsigned char *p = (const unsigned char *)t; *p != '\0'; p++) {
        if (*p >= '0' && *p <= '9')
            return true;
        /* fullwidth ０-９ (EF BC 90..99), Devanagari ०-९ (E0 A5 A6..AF) */
        if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99)
            return true;
        if (p[0] == 0xE0 && p[1] == 0xA5 && p[2] >= 0xA6 && p[2] <= 0xAF)
            return true;
    }
    return false;
}

/* The PIN screen as the kiosk drives it: the prompt with the tries left, then one tick per
 * digit typed. The engine never gets a digit; the audio after the prompt is ticks, sample for
 * sample, and every tick is the same whatever the digit. */
static void pin_screen_audio_is_ticks_only(void **s)
{
    (void)s;
    struct spy_engine *spy = NULL;
    kiosk_speech_engine *e = spy_engine_new(&spy);
    struct capture cap;
    kiosk_speech *sp = NULL;
    assert_int_equal(kiosk_speech_new(e, capture_sink(&cap), &sp), KIOSK_SPEECH_OK);
    for (size_t li = 0; li < KIOSK_SPEECH_LANGS; li++) {
        const char *lang = kiosk_speech_lang_at(li);
        char tries[256], text[2048];
        assert_true(kiosk_prompt_format(tries, sizeof tries,
                                        kiosk_prompt_speech(lang, KIOSK_PHRASE_TRIES),
                                        kiosk_prompt_number(lang, 3), NULL, NULL));
        snprintf(text, sizeof text, "%s %s", kiosk_prompt_speech(lang, KIOSK_PROMPT_PIN), tries);
        size_t spoken = spy->n;
        assert_int_equal(kiosk_speech_say(sp, text, kiosk_prompt_voice_lang(lang),
                                          KIOSK_SPEECH_INTERRUPT),
                         KIOSK_SPEECH_OK);
        assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
        size_t writes_before = cap.writes;
        const char pin[] = "2580";
        for (size_t d = 0; d < 4; d++) {
            (void)pin[d]; /* the digit goes to the card thread, never to the voice */
            assert_int_equal(kiosk_speech_tick(sp), KIOSK_SPEECH_OK);
        }
        assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
        assert_int_equal(spy->n, spoken + 1); /* the prompt only: digits made no text */
        assert_false(has_digit(spy->text[spoken]));
        size_t tn;
        const int16_t *tick = kiosk_speech_tick_pcm(sp, &tn);
        assert_true(tn > 0 && rms(tick, tn) > 1000.0);
        assert_int_equal(cap.writes, writes_before + 4);
        for (size_t w = writes_before; w < cap.writes; w++) {
            assert_int_equal(cap.lens[w], tn);
            assert_memory_equal(cap.pcm + cap.starts[w], tick, tn * sizeof *tick);
        }
    }
    /* the tick is ours and deterministic */
    int16_t again[4096];
    size_t tn;
    const int16_t *tick = kiosk_speech_tick_pcm(sp, &tn);
    assert_int_equal(kiosk_speech_make_tick(cap.rate, again, 4096), tn);
    assert_memory_equal(again, tick, tn * sizeof *tick);
    kiosk_speech_stats st;
    kiosk_speech_get_stats(sp, &st);
    assert_int_equal(st.ticks, 4 * KIOSK_SPEECH_LANGS);
    kiosk_speech_free(sp);
    capture_clear(&cap);
}

static void interrupt_cuts_the_current_text(void **s)
{
    (void)s;
    /* timing: the cut must land while the long text still sounds; under valgrind's
     * slowdown synthesis ends first. The ordinary and ASan builds run it. */
    if (getenv("KAKANAI_UNDER_VALGRIND") != NULL)
        skip();
    struct capture cap;
    kiosk_speech_engine *e = NULL;
    assert_int_equal(kiosk_speech_engine_espeak_new(NULL, &e), KIOSK_SPEECH_OK);
    kiosk_speech *sp = NULL;
    assert_int_equal(kiosk_speech_new(e, capture_sink(&cap), &sp), KIOSK_SPEECH_OK);
    /* the full length of the long text alone */
    const char *longer = kiosk_prompt_speech("en", KIOSK_PROMPT_PIN);
    assert_int_equal(kiosk_speech_say(sp, longer, "en", 0), KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    size_t full = cap.n;
    /* again, cut by a short one after the first sound */
    size_t start = cap.n;
    assert_int_equal(kiosk_speech_say(sp, longer, "en", 0), KIOSK_SPEECH_OK);
    for (int i = 0; i < 2000 && cap.n == start; i++)
        usleep(1000);
    assert_int_equal(kiosk_speech_say(sp, "Yes", "en", KIOSK_SPEECH_INTERRUPT), KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    kiosk_speech_stats st;
    kiosk_speech_get_stats(sp, &st);
    printf("# long text %zu samples; cut + \"Yes\" %zu samples\n", full, cap.n - start);
    assert_true(st.interrupted >= 1);
    assert_true(cap.n - start < full);
    /* stop drops the queue */
    for (int i = 0; i < 5; i++)
        assert_int_equal(kiosk_speech_say(sp, longer, "en", 0), KIOSK_SPEECH_OK);
    kiosk_speech_stop(sp);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    kiosk_speech_get_stats(sp, &st);
    assert_true(st.utterances <= 4);
    kiosk_speech_free(sp);
    capture_clear(&cap);
}

static void no_sound_device_is_survived(void **s)
{
    (void)s;
    kiosk_speech_engine *e = NULL;
    assert_int_equal(kiosk_speech_engine_espeak_new(NULL, &e), KIOSK_SPEECH_OK);
    kiosk_speech_sink *sink = NULL;
    assert_int_equal(kiosk_speech_sink_alsa_new("kakanai_no_such_device", &sink), KIOSK_SPEECH_OK);
    kiosk_speech *sp = NULL;
    assert_int_equal(kiosk_speech_new(e, sink, &sp), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_say(sp, "はい", "ja", 0), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_tick(sp), KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    kiosk_speech_stats st;
    kiosk_speech_get_stats(sp, &st);
    assert_true(st.output_errors >= 1);
    assert_int_equal(st.last_error, KIOSK_SPEECH_E_OUTPUT);
    /* the output can be swapped for a working one */
    struct capture cap;
    assert_int_equal(kiosk_speech_set_output(sp, capture_sink(&cap)), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_say(sp, "はい", "ja", 0), KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    assert_true(cap.n > 0);
    kiosk_speech_free(sp);
    capture_clear(&cap);
}

static void bad_arguments_are_refused(void **s)
{
    (void)s;
    kiosk_speech_engine *e = NULL;
    assert_int_equal(kiosk_speech_engine_espeak_new(NULL, &e), KIOSK_SPEECH_OK);
    /* espeak-ng has global state: a second engine is refused while the first lives */
    kiosk_speech_engine *e2 = NULL;
    assert_int_equal(kiosk_speech_engine_espeak_new(NULL, &e2), KIOSK_SPEECH_E_ENGINE);
    assert_null(e2);
    kiosk_speech_sink *sink = NULL;
    assert_int_equal(kiosk_speech_sink_null_new(&sink), KIOSK_SPEECH_OK);
    kiosk_speech *sp = NULL;
    assert_int_equal(kiosk_speech_new(e, sink, &sp), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_say(sp, NULL, "ja", 0), KIOSK_SPEECH_E_ARG);
    assert_int_equal(kiosk_speech_say(sp, "a", NULL, 0), KIOSK_SPEECH_E_ARG);
    assert_int_equal(kiosk_speech_say(sp, "a", "ja", 1u << 7), KIOSK_SPEECH_E_ARG);
    assert_int_equal(kiosk_speech_say(sp, "\xC3\x28", "ja", 0), KIOSK_SPEECH_E_ARG);
    assert_int_equal(kiosk_speech_say(sp, "\xED\xA0\x80", "ja", 0), KIOSK_SPEECH_E_ARG);
    assert_int_equal(kiosk_speech_say(sp, "a", "a-very-long-language-tag", 0), KIOSK_SPEECH_E_ARG);
    char *big = malloc(KIOSK_SPEECH_TEXT_MAX + 2);
    memset(big, 'a', KIOSK_SPEECH_TEXT_MAX + 1);
    big[KIOSK_SPEECH_TEXT_MAX + 1] = '\0';
    assert_int_equal(kiosk_speech_say(sp, big, "en", 0), KIOSK_SPEECH_E_ARG);
    free(big);
    /* a full queue says so */
    kiosk_speech_err last = KIOSK_SPEECH_OK;
    for (unsigned i = 0; i < KIOSK_SPEECH_QUEUE_MAX + 2 && last == KIOSK_SPEECH_OK; i++)
        last = kiosk_speech_say(sp, "Hello there.", "en", 0);
    assert_int_equal(last, KIOSK_SPEECH_E_FULL);
    kiosk_speech_free(sp);
    kiosk_speech_free(NULL);
    kiosk_speech_engine_free(NULL);
    kiosk_speech_sink_free(NULL);
    assert_int_equal(kiosk_speech_new(NULL, NULL, &sp), KIOSK_SPEECH_E_ARG);
    assert_null(sp);
    assert_int_equal(kiosk_speech_sink_wav_new("/nonexistent-dir/x.wav", &sink),
                     KIOSK_SPEECH_E_OUTPUT);
    assert_string_equal(kiosk_speech_strerror((kiosk_speech_err)12345), "Unknown error.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wav_file_holds_the_spoken_menu),
        cmocka_unit_test(every_language_speaks_with_its_own_voice),
        cmocka_unit_test(pin_screen_audio_is_ticks_only),
        cmocka_unit_test(interrupt_cuts_the_current_text),
        cmocka_unit_test(no_sound_device_is_survived),
        cmocka_unit_test(bad_arguments_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
