/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-speech-sink.c — where the voice goes: an ALSA device (PipeWire through its ALSA
 * plugin, so one code path serves both under cage), a WAV file we write ourselves (tests), or
 * nowhere. */
#include "kiosk-speech.h"

#include <alsa/asoundlib.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- ALSA ---------------------------------------------------------------------------- */

struct alsa_sink {
    char *device;
    snd_pcm_t *pcm;
};

/* 100 ms of buffer: an interrupt cuts the voice within that, and a drain waits no longer. */
#define ALSA_LATENCY_US 100000

/* alsa-lib prints its own errors on stderr: the kiosk counts them in its stats instead */
static void alsa_quiet(const char *file, int line, const char *function, int err, const char *fmt,
                       ...)
{
    (void)file;
    (void)line;
    (void)function;
    (void)err;
    (void)fmt;
}

static kiosk_speech_err alsa_open(void *impl, unsigned rate)
{
    struct alsa_sink *a = impl;
    snd_lib_error_set_handler(alsa_quiet);
    if (a->pcm != NULL) {
        snd_pcm_close(a->pcm);
        a->pcm = NULL;
    }
    if (snd_pcm_open(&a->pcm, a->device, SND_PCM_STREAM_PLAYBACK, 0) < 0) {
        a->pcm = NULL;
        return KIOSK_SPEECH_E_OUTPUT;
    }
    if (snd_pcm_set_params(a->pcm, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1, rate, 1,
                           ALSA_LATENCY_US) < 0) {
        snd_pcm_close(a->pcm);
        a->pcm = NULL;
        return KIOSK_SPEECH_E_OUTPUT;
    }
    return KIOSK_SPEECH_OK;
}

static kiosk_speech_err alsa_write(void *impl, const int16_t *pcm, size_t n)
{
    struct alsa_sink *a = impl;
    if (a->pcm == NULL)
        return KIOSK_SPEECH_E_OUTPUT;
    while (n > 0) {
        snd_pcm_sframes_t w = snd_pcm_writei(a->pcm, pcm, n);
        if (w < 0) {
            /* an underrun between two utterances is normal: recover once and go on */
            if (snd_pcm_recover(a->pcm, (int)w, 1) < 0)
                return KIOSK_SPEECH_E_OUTPUT;
            continue;
        }
        pcm += w;
        n -= (size_t)w;
    }
    return KIOSK_SPEECH_OK;
}

static void alsa_drain(void *impl)
{
    struct alsa_sink *a = impl;
    if (a->pcm != NULL) {
        snd_pcm_drain(a->pcm);
        snd_pcm_prepare(a->pcm);
    }
}

static void alsa_drop(void *impl)
{
    struct alsa_sink *a = impl;
    if (a->pcm != NULL) {
        snd_pcm_drop(a->pcm);
        snd_pcm_prepare(a->pcm);
    }
}

static void alsa_free(void *impl)
{
    struct alsa_sink *a = impl;
    if (a == NULL)
        return;
    if (a->pcm != NULL)
        snd_pcm_close(a->pcm);
    free(a->device);
    free(a);
}

static const kiosk_speech_sink_ops alsa_ops = {alsa_open, alsa_write, alsa_drain, alsa_drop,
                                               alsa_free};

kiosk_speech_err kiosk_speech_sink_alsa_new(const char *device, kiosk_speech_sink **out)
{
    if (out != NULL)
        *out = NULL;
    if (out == NULL)
        return KIOSK_SPEECH_E_ARG;
    struct alsa_sink *a = calloc(1, sizeof *a);
    if (a == NULL)
        return KIOSK_SPEECH_E_NOMEM;
    a->device = strdup(device != NULL ? device : "default");
    if (a->device == NULL) {
        free(a);
        return KIOSK_SPEECH_E_NOMEM;
    }
    return kiosk_speech_sink_new(&alsa_ops, a, out);
}

/* ---- WAV file ------------------------------------------------------------------------ */

struct wav_sink {
    FILE *f;
    unsigned rate;
    uint64_t bytes; /* PCM bytes written */
    bool failed;
};

static void put_le16(uint8_t *p, unsigned v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put_le32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* The 44-byte RIFF header of a PCM 16-bit mono file. */
static bool wav_header(struct wav_sink *w)
{
    uint8_t h[44];
    uint32_t data = w->bytes > 0xFFFFFFF0u - 36 ? 0xFFFFFFF0u - 36 : (uint32_t)w->bytes;
    memcpy(h, "RIFF", 4);
    put_le32(h + 4, 36 + data);
    memcpy(h + 8, "WAVEfmt ", 8);
    put_le32(h + 16, 16);
    put_le16(h + 20, 1); /* PCM */
    put_le16(h + 22, 1); /* mono */
    put_le32(h + 24, w->rate);
    put_le32(h + 28, w->rate * 2);
    put_le16(h + 32, 2);
    put_le16(h + 34, 16);
    memcpy(h + 36, "data", 4);
    put_le32(h + 40, data);
    long pos = ftell(w->f);
    if (fseek(w->f, 0, SEEK_SET) != 0 || fwrite(h, 1, sizeof h, w->f) != sizeof h)
        return false;
    if (pos > (long)sizeof h && fseek(w->f, pos, SEEK_SET) != 0)
        return false;
    return fflush(w->f) == 0;
}

static kiosk_speech_err wav_open(void *impl, unsigned rate)
{
    struct wav_sink *w = impl;
    if (w->rate != 0 && w->rate != rate)
        return KIOSK_SPEECH_E_OUTPUT; /* one file, one rate */
    w->rate = rate;
    return wav_header(w) ? KIOSK_SPEECH_OK : KIOSK_SPEECH_E_OUTPUT;
}

static kiosk_speech_err wav_write(void *impl, const int16_t *pcm, size_t n)
{
    struct wav_sink *w = impl;
    uint8_t buf[1024];
    while (n > 0) {
        size_t k = n < sizeof buf / 2 ? n : sizeof buf / 2;
        for (size_t i = 0; i < k; i++)
            put_le16(buf + 2 * i, (uint16_t)pcm[i]);
        if (fwrite(buf, 2, k, w->f) != k) {
            w->failed = true;
            return KIOSK_SPEECH_E_OUTPUT;
        }
        w->bytes += 2 * k;
        pcm += k;
        n -= k;
    }
    return KIOSK_SPEECH_OK;
}

static void wav_drain(void *impl)
{
    struct wav_sink *w = impl;
    if (!wav_header(w))
        w->failed = true;
}

static void wav_free(void *impl)
{
    struct wav_sink *w = impl;
    if (w == NULL)
        return;
    if (w->rate != 0)
        (void)wav_header(w);
    fclose(w->f);
    free(w);
}

static const kiosk_speech_sink_ops wav_ops = {wav_open, wav_write, wav_drain, NULL, wav_free};

kiosk_speech_err kiosk_speech_sink_wav_new(const char *path, kiosk_speech_sink **out)
{
    if (out != NULL)
        *out = NULL;
    if (path == NULL || out == NULL)
        return KIOSK_SPEECH_E_ARG;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return KIOSK_SPEECH_E_OUTPUT;
    struct wav_sink *w = calloc(1, sizeof *w);
    if (w == NULL) {
        close(fd);
        return KIOSK_SPEECH_E_NOMEM;
    }
    w->f = fdopen(fd, "wb");
    if (w->f == NULL) {
        free(w);
        close(fd);
        return KIOSK_SPEECH_E_OUTPUT;
    }
    return kiosk_speech_sink_new(&wav_ops, w, out);
}

/* ---- nowhere ------------------------------------------------------------------------- */

static kiosk_speech_err null_open(void *impl, unsigned rate)
{
    (void)impl;
    (void)rate;
    return KIOSK_SPEECH_OK;
}

static kiosk_speech_err null_write(void *impl, const int16_t *pcm, size_t n)
{
    (void)impl;
    (void)pcm;
    (void)n;
    return KIOSK_SPEECH_OK;
}

static const kiosk_speech_sink_ops null_ops = {null_open, null_write, NULL, NULL, NULL};

kiosk_speech_err kiosk_speech_sink_null_new(kiosk_speech_sink **out)
{
    return kiosk_speech_sink_new(&null_ops, NULL, out);
}
