/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-dev-voice.c — espeak-ng behind a logging engine, into a WAV file (tests). See
 * kiosk-dev-voice.h. */
#include "kiosk-dev-voice.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

typedef struct logged_engine {
    kiosk_speech_engine *real;
    const kiosk_speech_engine_ops *ops;
    void *impl;
    FILE *log;
    GMutex lock;
} logged_engine;

static unsigned le_rate(void *p)
{
    logged_engine *l = p;
    return l->ops->rate(l->impl);
}

static const char *le_voice(void *p, const char *lang)
{
    logged_engine *l = p;
    return l->ops->voice(l->impl, lang);
}

/* Runs on the speech thread. */
static kiosk_speech_err le_synth(void *p, const char *text, const char *lang,
                                 kiosk_speech_pcm_fn pcm, void *user)
{
    logged_engine *l = p;
    if (l->log) {
        g_mutex_lock(&l->lock);
        fprintf(l->log, "%s\t%s\n", lang, text);
        fflush(l->log);
        g_mutex_unlock(&l->lock);
    }
    return l->ops->synth(l->impl, text, lang, pcm, user);
}

static void le_scrub(void *p)
{
    logged_engine *l = p;
    if (l->ops->scrub)
        l->ops->scrub(l->impl);
}

static void le_free(void *p)
{
    logged_engine *l = p;
    kiosk_speech_engine_free(l->real);
    if (l->log)
        fclose(l->log);
    g_mutex_clear(&l->lock);
    g_free(l);
}

static const kiosk_speech_engine_ops logged_ops = {le_rate, le_voice, le_synth, le_scrub,
                                                   le_free};

gboolean kiosk_dev_voice_attach(KioskWindow *win, const char *wav_path, const char *log_path,
                                GError **error)
{
    /* espeak-ng is one per process: the kiosk's own voice goes first */
    kiosk_window_set_voice(win, NULL);
    logged_engine *l = g_new0(logged_engine, 1);
    g_mutex_init(&l->lock);
    kiosk_speech_err e = kiosk_speech_engine_espeak_new(NULL, &l->real);
    if (e == KIOSK_SPEECH_OK && log_path) {
        int fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        l->log = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (!l->log) {
            if (fd >= 0)
                close(fd);
            e = KIOSK_SPEECH_E_OUTPUT;
        }
    }
    if (e != KIOSK_SPEECH_OK) {
        le_free(l);
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "voice: %s", kiosk_speech_strerror(e));
        return FALSE;
    }
    l->ops = kiosk_speech_espeak_ops();
    l->impl = kiosk_speech_engine_impl(l->real, l->ops);
    kiosk_speech_engine *engine = NULL;
    kiosk_speech_sink *sink = NULL;
    kiosk_speech *voice = NULL;
    e = kiosk_speech_engine_new(&logged_ops, l, &engine);
    if (e == KIOSK_SPEECH_OK)
        e = wav_path ? kiosk_speech_sink_wav_new(wav_path, &sink) : kiosk_speech_sink_null_new(&sink);
    if (e == KIOSK_SPEECH_OK)
        e = kiosk_speech_new(engine, sink, &voice);
    else
        kiosk_speech_engine_free(engine);
    if (e != KIOSK_SPEECH_OK) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "voice: %s", kiosk_speech_strerror(e));
        return FALSE;
    }
    kiosk_window_set_voice(win, voice);
    return TRUE;
}
