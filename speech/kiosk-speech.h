/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-speech.h — voice guidance for the kiosk, without GTK.
 *
 * Three parts, each behind its own seam so a municipality can plug in another:
 *
 *   kiosk_speech_engine   text → 16-bit mono PCM (espeak-ng here: kiosk_speech_engine_espeak_new;
 *                          another engine, e.g. Open JTalk, plugs in with kiosk_speech_engine_new)
 *   kiosk_speech_sink     PCM → an ALSA device (PipeWire through its ALSA plugin), a WAV file
 *                          (tests, written by us), or nothing
 *   kiosk_speech          the voice: a worker thread with a short queue; say (queued or
 *                          interrupting), tick (the neutral sound for a PIN digit), stop
 *
 * Threads: every kiosk_speech_* call is for one thread (the UI thread); the engine and the sink
 * are used only on the speech worker thread once handed over. Nothing here logs, and no text
 * ever leaves the process except as sound.
 *
 * Secret text (KIOSK_SPEECH_SECRET: a resident's name or address, read aloud only on request
 * with a handset): copied into locked memory (myna_secure_alloc), wiped right after synthesis,
 * then the engine scrubs its own copies (for espeak-ng: speech/README.md lists them) and the
 * worker wipes the stack it used. PIN digits are never text at all: kiosk_speech_tick plays a
 * sound we generate ourselves, the same for every digit.
 *
 * Every handle's free function accepts NULL. Functions with an **out set it to NULL first.
 */
#ifndef KIOSK_SPEECH_H
#define KIOSK_SPEECH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum kiosk_speech_err {
    KIOSK_SPEECH_OK = 0,
    KIOSK_SPEECH_E_ARG = 100,  /* NULL or out-of-range argument, text too long */
    KIOSK_SPEECH_E_NOMEM,      /* out of memory (or the locked heap is full) */
    KIOSK_SPEECH_E_FULL,       /* the queue holds KIOSK_SPEECH_QUEUE_MAX items already */
    KIOSK_SPEECH_E_ENGINE = 200, /* the engine failed to start or to synthesize */
    KIOSK_SPEECH_E_NO_VOICE,   /* the engine has no voice for the language (nor its fallback) */
    KIOSK_SPEECH_E_OUTPUT = 300, /* the audio device or file could not be opened or written */
    KIOSK_SPEECH_E_THREAD,     /* the worker thread could not be started */
} kiosk_speech_err;

/* A sentence (English) for an error; never NULL, static. */
const char *kiosk_speech_strerror(kiosk_speech_err err);

#define KIOSK_SPEECH_TEXT_MAX 4096u /* longest text accepted by kiosk_speech_say, in bytes */
#define KIOSK_SPEECH_QUEUE_MAX 16u  /* utterances and ticks waiting at most */
#define KIOSK_SPEECH_LANG_MAX 16u   /* longest language tag ("pt-BR") */

/* ---- engines ------------------------------------------------------------------------- */

typedef struct kiosk_speech_engine kiosk_speech_engine;

/* The engine hands PCM (mono, signed 16-bit, native order, at ops->rate) to this function,
 * in pieces, while it synthesizes; a non-zero return asks it to stop at once. */
typedef int (*kiosk_speech_pcm_fn)(void *user, const int16_t *pcm, size_t n);

typedef struct kiosk_speech_engine_ops {
    /* The sample rate of the PCM it gives (Hz). */
    unsigned (*rate)(void *impl);
    /* The voice it uses for a language tag (ja, en, zh, ko, vi, tl, pt-BR, ne, id ...), static
     * storage; NULL when it has none. */
    const char *(*voice)(void *impl, const char *lang);
    /* Synthesize NUL-terminated UTF-8 text with that language's voice, calling pcm as audio is
     * made; return when done or stopped. Must not keep a pointer to text. */
    kiosk_speech_err (*synth)(void *impl, const char *text, const char *lang,
                              kiosk_speech_pcm_fn pcm, void *user);
    /* Overwrite every copy of the last text the engine keeps internally (after secret text).
     * May be NULL for an engine that keeps none. */
    void (*scrub)(void *impl);
    void (*free)(void *impl);
} kiosk_speech_engine_ops;

/* Wrap an implementation; the engine owns impl (ops->free(impl) on free, also when this
 * fails). ops must outlive it. KIOSK_SPEECH_E_ARG (ops, rate, voice or synth NULL),
 * KIOSK_SPEECH_E_NOMEM. */
kiosk_speech_err kiosk_speech_engine_new(const kiosk_speech_engine_ops *ops, void *impl,
                                         kiosk_speech_engine **out);
void kiosk_speech_engine_free(kiosk_speech_engine *engine);
/* The implementation, if engine was made with exactly these ops (else NULL). */
void *kiosk_speech_engine_impl(const kiosk_speech_engine *engine,
                               const kiosk_speech_engine_ops *ops);
unsigned kiosk_speech_engine_rate(const kiosk_speech_engine *engine);
const char *kiosk_speech_engine_voice(const kiosk_speech_engine *engine, const char *lang);

/* espeak-ng (library API, synchronous mode: we get every sample and play it ourselves).
 * data_path: espeak-ng-data's parent folder, NULL for the system's. One per process (espeak-ng
 * keeps global state): a second gives KIOSK_SPEECH_E_ENGINE while the first lives.
 * Voices: ja→ja, en→en, zh→cmn, ko→ko, vi→vi, pt-BR→pt-br, ne→ne, id→id; tl (Filipino) has
 * no espeak-ng voice and falls back to en. KIOSK_SPEECH_E_ENGINE when espeak-ng cannot start
 * (no data). */
kiosk_speech_err kiosk_speech_engine_espeak_new(const char *data_path, kiosk_speech_engine **out);
/* The ops of the espeak-ng engine (so a caller can wrap it, e.g. a test spy). */
const kiosk_speech_engine_ops *kiosk_speech_espeak_ops(void);

/* ---- sinks --------------------------------------------------------------------------- */

typedef struct kiosk_speech_sink kiosk_speech_sink;

typedef struct kiosk_speech_sink_ops {
    /* Get ready for mono S16 at rate (called before the first write and when the rate
     * changes). */
    kiosk_speech_err (*open)(void *impl, unsigned rate);
    /* Play or store n samples; may block while the device plays. */
    kiosk_speech_err (*write)(void *impl, const int16_t *pcm, size_t n);
    /* Everything written is heard (or stored): called when the queue runs empty. May be NULL. */
    void (*drain)(void *impl);
    /* Drop what is buffered and not yet played (interrupt). May be NULL. */
    void (*drop)(void *impl);
    void (*free)(void *impl);
} kiosk_speech_sink_ops;

kiosk_speech_err kiosk_speech_sink_new(const kiosk_speech_sink_ops *ops, void *impl,
                                       kiosk_speech_sink **out);
void kiosk_speech_sink_free(kiosk_speech_sink *sink);
void *kiosk_speech_sink_impl(const kiosk_speech_sink *sink, const kiosk_speech_sink_ops *ops);

/* An ALSA PCM device ("default", "pipewire", "plughw:0,0"...; NULL = "default"). Opened on
 * the first write, so a kiosk without sound still starts: KIOSK_SPEECH_E_OUTPUT then. */
kiosk_speech_err kiosk_speech_sink_alsa_new(const char *device, kiosk_speech_sink **out);
/* A RIFF/WAVE file (PCM 16-bit mono), its header rewritten at every drain so the file is
 * always complete. The file is created (mode 0600) at once: KIOSK_SPEECH_E_OUTPUT if not. */
kiosk_speech_err kiosk_speech_sink_wav_new(const char *path, kiosk_speech_sink **out);
/* Discards everything (voice off, benchmarks). */
kiosk_speech_err kiosk_speech_sink_null_new(kiosk_speech_sink **out);

/* ---- the voice ----------------------------------------------------------------------- */

typedef struct kiosk_speech kiosk_speech;

enum {
    KIOSK_SPEECH_INTERRUPT = 1u << 0, /* drop the texts queued or playing, speak this now
                                       * (ticks already queued still play) */
    KIOSK_SPEECH_SECRET = 1u << 1,    /* resident data: locked copy, wiped, engine scrubbed */
};

/* Take engine and sink (freed with the voice, also on error) and start the worker thread
 * (its stack is ours, locked, and wiped after secret text). KIOSK_SPEECH_E_ARG,
 * KIOSK_SPEECH_E_NOMEM, KIOSK_SPEECH_E_THREAD. */
kiosk_speech_err kiosk_speech_new(kiosk_speech_engine *engine, kiosk_speech_sink *sink,
                                  kiosk_speech **out);
/* Stop (drop the queue, cut the sound), join the worker, wipe and free. */
void kiosk_speech_free(kiosk_speech *sp);

/* Queue text (UTF-8, at most KIOSK_SPEECH_TEXT_MAX bytes) in language lang. Returns at once.
 * KIOSK_SPEECH_E_ARG (NULLs, too long, invalid UTF-8, lang too long), KIOSK_SPEECH_E_NOMEM,
 * KIOSK_SPEECH_E_FULL (without INTERRUPT), KIOSK_SPEECH_E_NO_VOICE (no voice for lang). */
kiosk_speech_err kiosk_speech_say(kiosk_speech *sp, const char *text, const char *lang,
                                  unsigned flags);
/* One tick, now: the neutral sound a PIN digit makes (never the digit). It interrupts the
 * text being spoken and drops queued texts; ticks are never dropped by an interrupt. */
kiosk_speech_err kiosk_speech_tick(kiosk_speech *sp);
/* Drop everything queued and cut what is playing. */
void kiosk_speech_stop(kiosk_speech *sp);
/* Swap the sink (the old one is freed once the worker lets it go); sink is taken. */
kiosk_speech_err kiosk_speech_set_output(kiosk_speech *sp, kiosk_speech_sink *sink);
/* Block until the queue is empty and the sink drained, at most timeout_ms (< 0: for ever).
 * true when idle (tests, benchmarks, the dev runner). */
bool kiosk_speech_wait_idle(kiosk_speech *sp, int timeout_ms);

/* The neutral tick as the voice plays it (for tests to compare): *n samples at the engine's
 * rate, owned by sp. */
const int16_t *kiosk_speech_tick_pcm(const kiosk_speech *sp, size_t *n);

typedef struct kiosk_speech_stats {
    unsigned utterances;      /* texts synthesized */
    unsigned ticks;           /* ticks played */
    unsigned interrupted;     /* texts cut short or dropped by INTERRUPT / stop */
    unsigned output_errors;   /* sink failures (no device): the kiosk goes on silently */
    uint64_t samples;         /* samples handed to the sink */
    /* say() → first sample handed to the sink, for an utterance that interrupted or found the
     * voice quiet (one queued behind others waits by design and is not counted) */
    int64_t last_latency_us;
    int64_t max_latency_us;
    unsigned measured;        /* utterances whose latency was measured */
    int64_t sum_latency_us;
    kiosk_speech_err last_error;
} kiosk_speech_stats;
void kiosk_speech_get_stats(kiosk_speech *sp, kiosk_speech_stats *st);

#endif /* KIOSK_SPEECH_H */
