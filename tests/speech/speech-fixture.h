/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* speech-fixture.h — test doubles around the real espeak-ng engine: a spy that records the
 * text and the voice of every synthesis, and a capture sink that keeps every write. */
#ifndef SPEECH_FIXTURE_H
#define SPEECH_FIXTURE_H

#include <espeak-ng/speak_lib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk-speech.h"

#define SPY_MAX 64

struct spy_engine {
    kiosk_speech_engine *real;        /* the espeak-ng engine, owned */
    const kiosk_speech_engine_ops *inner_ops;
    void *inner; /* its impl */
    pthread_mutex_t lock;
    size_t n;
    char *text[SPY_MAX];          /* each text handed to the engine */
    char voice[SPY_MAX][64];      /* espeak-ng's voice name right after the synthesis */
    unsigned scrubs;
};

static inline unsigned spy_rate(void *impl)
{
    struct spy_engine *s = impl;
    return s->inner_ops->rate(s->inner);
}

static inline const char *spy_voice(void *impl, const char *lang)
{
    struct spy_engine *s = impl;
    return s->inner_ops->voice(s->inner, lang);
}

static inline kiosk_speech_err spy_synth(void *impl, const char *text, const char *lang,
                                         kiosk_speech_pcm_fn pcm, void *user)
{
    struct spy_engine *s = impl;
    kiosk_speech_err e = s->inner_ops->synth(s->inner, text, lang, pcm, user);
    espeak_VOICE *v = espeak_GetCurrentVoice();
    pthread_mutex_lock(&s->lock);
    if (s->n < SPY_MAX) {
        s->text[s->n] = strdup(text);
        strncpy(s->voice[s->n], v != NULL && v->name != NULL ? v->name : "?",
                sizeof s->voice[0] - 1);
        s->n++;
    }
    pthread_mutex_unlock(&s->lock);
    return e;
}

static inline void spy_scrub(void *impl)
{
    struct spy_engine *s = impl;
    s->inner_ops->scrub(s->inner);
    s->scrubs++;
}

static inline void spy_free(void *impl)
{
    struct spy_engine *s = impl;
    kiosk_speech_engine_free(s->real);
    for (size_t i = 0; i < s->n; i++)
        free(s->text[i]);
    pthread_mutex_destroy(&s->lock);
    free(s);
}

static const kiosk_speech_engine_ops spy_ops = {spy_rate, spy_voice, spy_synth, spy_scrub,
                                                spy_free};

/* The real espeak-ng engine behind a spy; *spy_out stays valid while the engine lives. */
static inline kiosk_speech_engine *spy_engine_new(struct spy_engine **spy_out)
{
    kiosk_speech_engine *real = NULL;
    if (kiosk_speech_engine_espeak_new(NULL, &real) != KIOSK_SPEECH_OK)
        return NULL;
    struct spy_engine *s = calloc(1, sizeof *s);
    s->real = real;
    s->inner_ops = kiosk_speech_espeak_ops();
    s->inner = kiosk_speech_engine_impl(real, s->inner_ops);
    pthread_mutex_init(&s->lock, NULL);
    kiosk_speech_engine *e = NULL;
    kiosk_speech_engine_new(&spy_ops, s, &e);
    *spy_out = s;
    return e;
}

/* Capture sink: every sample, and where each write began. */
struct capture {
    pthread_mutex_t lock;
    unsigned rate;
    int16_t *pcm;
    size_t n, cap;
    size_t starts[4096];
    size_t lens[4096];
    size_t writes;
};

static inline kiosk_speech_err cap_open(void *impl, unsigned rate)
{
    struct capture *c = impl;
    c->rate = rate;
    return KIOSK_SPEECH_OK;
}

static inline kiosk_speech_err cap_write(void *impl, const int16_t *pcm, size_t n)
{
    struct capture *c = impl;
    pthread_mutex_lock(&c->lock);
    if (c->n + n > c->cap) {
        c->cap = (c->n + n) * 2;
        c->pcm = realloc(c->pcm, c->cap * sizeof *c->pcm);
    }
    memcpy(c->pcm + c->n, pcm, n * sizeof *pcm);
    if (c->writes < 4096) {
        c->starts[c->writes] = c->n;
        c->lens[c->writes] = n;
        c->writes++;
    }
    c->n += n;
    pthread_mutex_unlock(&c->lock);
    return KIOSK_SPEECH_OK;
}

static inline void cap_free(void *impl)
{
    (void)impl; /* the test owns the capture */
}

static const kiosk_speech_sink_ops capture_ops = {cap_open, cap_write, NULL, NULL, cap_free};

static inline kiosk_speech_sink *capture_sink(struct capture *c)
{
    memset(c, 0, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
    kiosk_speech_sink *s = NULL;
    kiosk_speech_sink_new(&capture_ops, c, &s);
    return s;
}

static inline void capture_clear(struct capture *c)
{
    free(c->pcm);
    pthread_mutex_destroy(&c->lock);
    memset(c, 0, sizeof *c);
}

#endif /* SPEECH_FIXTURE_H */
