/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-speech-espeak.c — the espeak-ng engine: library API in synchronous mode (we receive
 * every sample through the callback and play it ourselves), a voice per resident language,
 * and the scrub that overwrites what espeak-ng keeps of the last text (speech/README.md). */
#include "kiosk-speech.h"

#include <espeak-ng/speak_lib.h>

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* Resident language (the kiosk's tags) → espeak-ng voice. Filipino has no espeak-ng voice in
 * Debian 12 (1.51): English, which the kiosk's Filipino residents are offered on screen too. */
static const struct {
    const char *lang, *voice;
} voices[] = {
    {"ja", "ja"},    {"en", "en"},    {"zh", "cmn-latn-pinyin"}, {"zh-CN", "cmn-latn-pinyin"}, {"ko", "ko"},
    {"vi", "vi"},    {"pt-BR", "pt-br"}, {"pt", "pt-br"}, {"ne", "ne"}, {"id", "id"},
    {"tl", "en"},    {"fil", "en"},
};

/* espeak-ng speaks a little slower than its default for elderly residents; Japanese morae
 * come fast, so it gets a lower rate (words per minute as espeak-ng counts them). */
#define ESPEAK_RATE 150
#define ESPEAK_RATE_JA 140

struct espeak_impl {
    unsigned rate;
    const char *current; /* voice set in espeak-ng, NULL = none yet */
    kiosk_speech_pcm_fn pcm;
    void *user;
    bool stopped;
};

static atomic_bool espeak_in_use;
/* espeak-ng is initialized once per process and never terminated: in 1.51 espeak_Terminate
 * waits for good on its (unused, in synchronous mode) queue thread once the library has been
 * initialized a second time. Its state holds no resident data after a scrub. */
static int espeak_rate_once;

static const char *espeak_voice(void *impl, const char *lang)
{
    (void)impl;
    for (size_t i = 0; i < sizeof voices / sizeof voices[0]; i++)
        if (strcmp(voices[i].lang, lang) == 0)
            return voices[i].voice;
    return NULL;
}

static unsigned espeak_rate(void *impl)
{
    return ((struct espeak_impl *)impl)->rate;
}

/* espeak-ng's synchronous callback: wav is NULL at the end; return 1 to stop. */
static int espeak_cb(short *wav, int n, espeak_EVENT *events)
{
    struct espeak_impl *p = events != NULL ? events->user_data : NULL;
    if (p == NULL || p->stopped)
        return 1;
    if (wav == NULL || n <= 0)
        return 0;
    if (p->pcm(p->user, (const int16_t *)wav, (size_t)n) != 0) {
        p->stopped = true;
        return 1;
    }
    return 0;
}

static kiosk_speech_err use_voice(struct espeak_impl *p, const char *voice)
{
    if (p->current != NULL && strcmp(p->current, voice) == 0)
        return KIOSK_SPEECH_OK;
    if (espeak_SetVoiceByName(voice) != EE_OK)
        return KIOSK_SPEECH_E_NO_VOICE;
    espeak_SetParameter(espeakRATE, strcmp(voice, "ja") == 0 ? ESPEAK_RATE_JA : ESPEAK_RATE, 0);
    p->current = voice;
    return KIOSK_SPEECH_OK;
}

static kiosk_speech_err synth_text(struct espeak_impl *p, const char *text)
{
    /* In AUDIO_OUTPUT_SYNCHRONOUS mode espeak-ng reads the caller's buffer in place (no copy
     * into its command queue) and returns when the text is spoken or the callback stopped. */
    espeak_ERROR r = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                  NULL, p);
    return r == EE_OK ? KIOSK_SPEECH_OK : KIOSK_SPEECH_E_ENGINE;
}

static kiosk_speech_err espeak_synth(void *impl, const char *text, const char *lang,
                                     kiosk_speech_pcm_fn pcm, void *user)
{
    struct espeak_impl *p = impl;
    const char *voice = espeak_voice(p, lang);
    if (voice == NULL)
        return KIOSK_SPEECH_E_NO_VOICE;
    kiosk_speech_err e = use_voice(p, voice);
    if (e != KIOSK_SPEECH_OK)
        return e;
    p->pcm = pcm;
    p->user = user;
    p->stopped = false;
    e = synth_text(p, text);
    p->pcm = NULL;
    p->user = NULL;
    return e;
}

static int discard_pcm(void *user, const int16_t *pcm, size_t n)
{
    (void)user;
    (void)pcm;
    (void)n;
    return 0;
}

/* What espeak-ng 1.51 keeps of the last text, all static or per-voice storage it reuses for the
 * next clause: the clause's source text (translate.c `source`, 800 bytes), its words
 * (`sbuf`), the phoneme lists (`ph_list2`, `phoneme_list`), the wave command queue, and the
 * last audio block (`outbuf`). None is reachable through the API, so we overwrite them the way
 * they are filled: by synthesizing neutral filler (long enough for the largest clause buffer)
 * in the same voice, its sound discarded. tests/speech checks with a scan of every writable
 * mapping that no form of the secret text (UTF-8, UTF-32) survives. */
static void espeak_scrub(void *impl)
{
    struct espeak_impl *p = impl;
    /* 3 clauses of ~790 bytes: plain ASCII letters and spaces, valid in every voice */
    char filler[2400];
    size_t n = 0;
    for (int clause = 0; clause < 3; clause++) {
        for (int i = 0; i < 197 && n + 8 < sizeof filler; i++) {
            memcpy(filler + n, "aaa ", 4);
            n += 4;
        }
        memcpy(filler + n, ". ", 2);
        n += 2;
    }
    filler[n] = '\0';
    p->pcm = discard_pcm;
    p->user = NULL;
    p->stopped = false;
    (void)synth_text(p, filler);
    p->pcm = NULL;
}

static void espeak_free(void *impl)
{
    if (impl == NULL)
        return;
    free(impl);
    atomic_store(&espeak_in_use, false);
}

static const kiosk_speech_engine_ops espeak_ops = {
    .rate = espeak_rate,
    .voice = espeak_voice,
    .synth = espeak_synth,
    .scrub = espeak_scrub,
    .free = espeak_free,
};

const kiosk_speech_engine_ops *kiosk_speech_espeak_ops(void)
{
    return &espeak_ops;
}

kiosk_speech_err kiosk_speech_engine_espeak_new(const char *data_path, kiosk_speech_engine **out)
{
    if (out != NULL)
        *out = NULL;
    if (out == NULL)
        return KIOSK_SPEECH_E_ARG;
    if (atomic_exchange(&espeak_in_use, true))
        return KIOSK_SPEECH_E_ENGINE;
    struct espeak_impl *p = calloc(1, sizeof *p);
    if (p == NULL) {
        atomic_store(&espeak_in_use, false);
        return KIOSK_SPEECH_E_NOMEM;
    }
    /* DONT_EXIT: a missing data folder is an error code, not exit() */
    if (espeak_rate_once <= 0)
        espeak_rate_once = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, data_path,
                                             espeakINITIALIZE_DONT_EXIT);
    int rate = espeak_rate_once;
    if (rate <= 0) {
        free(p);
        atomic_store(&espeak_in_use, false);
        return KIOSK_SPEECH_E_ENGINE;
    }
    p->rate = (unsigned)rate;
    espeak_SetSynthCallback(espeak_cb);
    return kiosk_speech_engine_new(&espeak_ops, p, out);
}
