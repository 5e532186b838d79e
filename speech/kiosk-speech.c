/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-speech.c — the voice: engine and sink handles, the queue and its worker thread, the
 * neutral tick, secret text in locked memory (see kiosk-speech.h). */
#include "kiosk-speech.h"

#include "kiosk-speech-private.h"

#include <myna.h>

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

/* Under valgrind a dead thread's stack is no-access: the wipe says it writes there on purpose.
 * Outside valgrind the request is a few no-op instructions; without the header, nothing. */
#if defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#endif
#endif
#ifndef VALGRIND_MAKE_MEM_UNDEFINED
#define VALGRIND_MAKE_MEM_UNDEFINED(p, n) ((void)(p), (void)(n))
#endif

/* ---- errors -------------------------------------------------------------------------- */

const char *kiosk_speech_strerror(kiosk_speech_err err)
{
    switch (err) {
    case KIOSK_SPEECH_OK:
        return "Success.";
    case KIOSK_SPEECH_E_ARG:
        return "Invalid argument (or text too long, or not UTF-8).";
    case KIOSK_SPEECH_E_NOMEM:
        return "Out of memory (or the locked heap is full).";
    case KIOSK_SPEECH_E_FULL:
        return "Too much speech is waiting already.";
    case KIOSK_SPEECH_E_ENGINE:
        return "The speech engine failed.";
    case KIOSK_SPEECH_E_NO_VOICE:
        return "The speech engine has no voice for this language.";
    case KIOSK_SPEECH_E_OUTPUT:
        return "The audio output could not be opened or written.";
    case KIOSK_SPEECH_E_THREAD:
        return "The speech thread could not be started.";
    }
    return "Unknown error.";
}

/* ---- engine and sink handles ---------------------------------------------------------- */

struct kiosk_speech_engine {
    const kiosk_speech_engine_ops *ops;
    void *impl;
};

kiosk_speech_err kiosk_speech_engine_new(const kiosk_speech_engine_ops *ops, void *impl,
                                         kiosk_speech_engine **out)
{
    if (out != NULL)
        *out = NULL;
    if (ops == NULL || ops->rate == NULL || ops->voice == NULL || ops->synth == NULL ||
        out == NULL) {
        if (ops != NULL && ops->free != NULL && impl != NULL)
            ops->free(impl);
        return KIOSK_SPEECH_E_ARG;
    }
    kiosk_speech_engine *e = calloc(1, sizeof *e);
    if (e == NULL) {
        if (ops->free != NULL)
            ops->free(impl);
        return KIOSK_SPEECH_E_NOMEM;
    }
    e->ops = ops;
    e->impl = impl;
    *out = e;
    return KIOSK_SPEECH_OK;
}

void kiosk_speech_engine_free(kiosk_speech_engine *e)
{
    if (e == NULL)
        return;
    if (e->ops->free != NULL)
        e->ops->free(e->impl);
    free(e);
}

void *kiosk_speech_engine_impl(const kiosk_speech_engine *e, const kiosk_speech_engine_ops *ops)
{
    return e != NULL && ops != NULL && e->ops == ops ? e->impl : NULL;
}

unsigned kiosk_speech_engine_rate(const kiosk_speech_engine *e)
{
    return e != NULL ? e->ops->rate(e->impl) : 0;
}

const char *kiosk_speech_engine_voice(const kiosk_speech_engine *e, const char *lang)
{
    return e != NULL && lang != NULL ? e->ops->voice(e->impl, lang) : NULL;
}

struct kiosk_speech_sink {
    const kiosk_speech_sink_ops *ops;
    void *impl;
    unsigned rate; /* the rate it was opened at, 0 = not open */
};

kiosk_speech_err kiosk_speech_sink_new(const kiosk_speech_sink_ops *ops, void *impl,
                                       kiosk_speech_sink **out)
{
    if (out != NULL)
        *out = NULL;
    if (ops == NULL || ops->open == NULL || ops->write == NULL || out == NULL) {
        if (ops != NULL && ops->free != NULL && impl != NULL)
            ops->free(impl);
        return KIOSK_SPEECH_E_ARG;
    }
    kiosk_speech_sink *s = calloc(1, sizeof *s);
    if (s == NULL) {
        if (ops->free != NULL)
            ops->free(impl);
        return KIOSK_SPEECH_E_NOMEM;
    }
    s->ops = ops;
    s->impl = impl;
    *out = s;
    return KIOSK_SPEECH_OK;
}

void kiosk_speech_sink_free(kiosk_speech_sink *s)
{
    if (s == NULL)
        return;
    if (s->ops->free != NULL)
        s->ops->free(s->impl);
    free(s);
}

void *kiosk_speech_sink_impl(const kiosk_speech_sink *s, const kiosk_speech_sink_ops *ops)
{
    return s != NULL && ops != NULL && s->ops == ops ? s->impl : NULL;
}

/* ---- the tick -------------------------------------------------------------------------- */

size_t kiosk_speech_make_tick(unsigned rate, int16_t *out, size_t cap)
{
    /* 30 ms: a 1.8 kHz tone, 2 ms attack, exponential decay — a click, not a word, the same for
     * every digit (so the digits cannot be told apart by ear or by waveform). */
    size_t n = (size_t)rate * 30 / 1000;
    if (out == NULL || n > cap)
        return 0;
    const double pi = 3.14159265358979323846;
    size_t attack = (size_t)rate * 2 / 1000;
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / rate;
        double env = i < attack ? (double)i / (double)attack : exp(-(t - 0.002) * 120.0);
        out[i] = (int16_t)lrint(9000.0 * env * sin(2.0 * pi * 1800.0 * t));
    }
    return n;
}

/* ---- the voice ----------------------------------------------------------------------- */

enum item_kind { ITEM_SAY, ITEM_TICK };

struct item {
    enum item_kind kind;
    char *text; /* NUL-terminated; locked when secret */
    size_t cap;
    bool secret;
    bool measured; /* queued with INTERRUPT or onto a quiet voice: its latency counts */
    char lang[KIOSK_SPEECH_LANG_MAX];
    int64_t queued_us;
};

/* The worker's own stack: ours to lock and wipe (glibc caches exited threads' stacks
 * unwiped; this one never holds text after a secret job). */
#define SPEECH_STACK_SIZE (1024u * 1024u)

struct kiosk_speech {
    kiosk_speech_engine *engine;
    kiosk_speech_sink *sink, *pending_sink;
    int16_t *tick;
    size_t tick_n;
    unsigned rate;

    pthread_t thread;
    bool started;
    void *stack;
    pthread_mutex_t lock;
    pthread_cond_t cond, idle_cond;
    struct item queue[KIOSK_SPEECH_QUEUE_MAX];
    size_t head, count;
    bool busy, quit, drained;
    enum item_kind busy_kind; /* what the worker plays now, when busy */
    atomic_bool cancel;

    /* the item being played (worker only) */
    int64_t cur_queued_us;
    bool cur_started, cur_measured;
    kiosk_speech_stats stats;
};

int64_t kiosk_speech_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void item_clear(struct item *it)
{
    if (it->text != NULL) {
        if (it->secret)
            myna_secure_free(it->text, it->cap);
        else {
            explicit_bzero(it->text, it->cap);
            free(it->text);
        }
    }
    memset(it, 0, sizeof *it);
}

/* Under the lock: drop queued items (wiped) — every one, or only texts (ticks stay: each is
 * one PIN digit's feedback, 30 ms long, and must not go missing). */
static void queue_drop_kind(kiosk_speech *sp, bool texts_only)
{
    size_t kept = 0;
    for (size_t i = 0; i < sp->count; i++) {
        struct item *it = &sp->queue[(sp->head + i) % KIOSK_SPEECH_QUEUE_MAX];
        if (texts_only && it->kind == ITEM_TICK) {
            struct item keep = *it;
            memset(it, 0, sizeof *it);
            sp->queue[(sp->head + kept) % KIOSK_SPEECH_QUEUE_MAX] = keep;
            kept++;
            continue;
        }
        item_clear(it);
        sp->stats.interrupted++;
    }
    sp->count = kept;
    if (kept == 0)
        sp->head = 0;
}

static void queue_drop(kiosk_speech *sp)
{
    queue_drop_kind(sp, false);
}

/* Worker: hand PCM to the sink, opening it at the engine's rate first. */
static int worker_pcm(void *user, const int16_t *pcm, size_t n)
{
    kiosk_speech *sp = user;
    if (atomic_load(&sp->cancel))
        return 1;
    if (n == 0)
        return 0;
    if (!sp->cur_started && sp->cur_measured) {
        sp->cur_started = true;
        int64_t lat = kiosk_speech_now_us() - sp->cur_queued_us;
        pthread_mutex_lock(&sp->lock);
        sp->stats.last_latency_us = lat;
        sp->stats.measured++;
        sp->stats.sum_latency_us += lat;
        if (lat > sp->stats.max_latency_us)
            sp->stats.max_latency_us = lat;
        pthread_mutex_unlock(&sp->lock);
    }
    kiosk_speech_sink *s = sp->sink;
    kiosk_speech_err e = KIOSK_SPEECH_OK;
    if (s->rate != sp->rate) {
        e = s->ops->open(s->impl, sp->rate);
        if (e == KIOSK_SPEECH_OK)
            s->rate = sp->rate;
    }
    if (e == KIOSK_SPEECH_OK)
        e = s->ops->write(s->impl, pcm, n);
    pthread_mutex_lock(&sp->lock);
    if (e != KIOSK_SPEECH_OK) {
        sp->stats.output_errors++;
        sp->stats.last_error = e;
    } else {
        sp->stats.samples += n;
    }
    pthread_mutex_unlock(&sp->lock);
    /* no sound device: the kiosk goes on without voice; the rest of this text is skipped */
    return e != KIOSK_SPEECH_OK;
}

/* Wipe the part of our stack below this frame that the synthesis used. */
__attribute__((noinline)) static void stack_wipe(kiosk_speech *sp)
{
    volatile char here = 0;
    char *low = sp->stack;
    char *mark = (char *)&here;
    if (mark > low + 4096 && mark < low + SPEECH_STACK_SIZE) {
        /* below the stack pointer: valgrind calls it unaddressable; the wipe is on purpose */
        VALGRIND_MAKE_MEM_UNDEFINED(low, (size_t)(mark - low) - 2048);
        explicit_bzero(low, (size_t)(mark - low) - 2048);
    }
    (void)here;
}

static void worker_play(kiosk_speech *sp, struct item *it)
{
    sp->cur_queued_us = it->queued_us;
    sp->cur_started = false;
    sp->cur_measured = it->measured;
    if (it->kind == ITEM_TICK) {
        worker_pcm(sp, sp->tick, sp->tick_n);
        pthread_mutex_lock(&sp->lock);
        sp->stats.ticks++;
        pthread_mutex_unlock(&sp->lock);
        return;
    }
    kiosk_speech_err e =
        sp->engine->ops->synth(sp->engine->impl, it->text, it->lang, worker_pcm, sp);
    pthread_mutex_lock(&sp->lock);
    sp->stats.utterances++;
    if (e != KIOSK_SPEECH_OK)
        sp->stats.last_error = e;
    pthread_mutex_unlock(&sp->lock);
    if (it->secret) {
        /* our copy first, then the engine's, then what the engine left on our stack */
        myna_secure_free(it->text, it->cap);
        it->text = NULL;
        if (sp->engine->ops->scrub != NULL)
            sp->engine->ops->scrub(sp->engine->impl);
        stack_wipe(sp);
    }
}

static void *worker_main(void *arg)
{
    kiosk_speech *sp = arg;
    pthread_mutex_lock(&sp->lock);
    while (!sp->quit) {
        if (sp->count == 0) {
            if (!sp->drained) {
                sp->drained = true;
                pthread_mutex_unlock(&sp->lock);
                if (sp->sink->rate != 0 && sp->sink->ops->drain != NULL)
                    sp->sink->ops->drain(sp->sink->impl);
                pthread_mutex_lock(&sp->lock);
                pthread_cond_broadcast(&sp->idle_cond);
                continue;
            }
            pthread_cond_wait(&sp->cond, &sp->lock);
            continue;
        }
        struct item it = sp->queue[sp->head];
        memset(&sp->queue[sp->head], 0, sizeof sp->queue[sp->head]);
        sp->head = (sp->head + 1) % KIOSK_SPEECH_QUEUE_MAX;
        sp->count--;
        sp->busy = true;
        sp->busy_kind = it.kind;
        sp->drained = false;
        atomic_store(&sp->cancel, false);
        kiosk_speech_sink *old = NULL;
        if (sp->pending_sink != NULL) {
            old = sp->sink;
            sp->sink = sp->pending_sink;
            sp->pending_sink = NULL;
        }
        pthread_mutex_unlock(&sp->lock);
        kiosk_speech_sink_free(old);
        worker_play(sp, &it);
        if (atomic_load(&sp->cancel) && sp->sink->rate != 0 && sp->sink->ops->drop != NULL)
            sp->sink->ops->drop(sp->sink->impl);
        item_clear(&it);
        pthread_mutex_lock(&sp->lock);
        sp->busy = false;
    }
    pthread_mutex_unlock(&sp->lock);
    stack_wipe(sp);
    return NULL;
}

kiosk_speech_err kiosk_speech_new(kiosk_speech_engine *engine, kiosk_speech_sink *sink,
                                  kiosk_speech **out)
{
    if (out != NULL)
        *out = NULL;
    if (engine == NULL || sink == NULL || out == NULL) {
        kiosk_speech_engine_free(engine);
        kiosk_speech_sink_free(sink);
        return KIOSK_SPEECH_E_ARG;
    }
    kiosk_speech *sp = calloc(1, sizeof *sp);
    if (sp == NULL) {
        kiosk_speech_engine_free(engine);
        kiosk_speech_sink_free(sink);
        return KIOSK_SPEECH_E_NOMEM;
    }
    sp->engine = engine;
    sp->sink = sink;
    sp->drained = true;
    pthread_mutex_init(&sp->lock, NULL);
    pthread_cond_init(&sp->cond, NULL);
    pthread_cond_init(&sp->idle_cond, NULL);
    sp->rate = kiosk_speech_engine_rate(engine);
    size_t cap = (size_t)sp->rate / 10 + 1;
    sp->tick = calloc(cap, sizeof *sp->tick);
    if (sp->tick == NULL || sp->rate == 0) {
        kiosk_speech_err e = sp->rate == 0 ? KIOSK_SPEECH_E_ENGINE : KIOSK_SPEECH_E_NOMEM;
        kiosk_speech_free(sp);
        return e;
    }
    sp->tick_n = kiosk_speech_make_tick(sp->rate, sp->tick, cap);

    sp->stack = mmap(NULL, SPEECH_STACK_SIZE, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (sp->stack == MAP_FAILED) {
        sp->stack = NULL;
        kiosk_speech_free(sp);
        return KIOSK_SPEECH_E_NOMEM;
    }
    (void)madvise(sp->stack, SPEECH_STACK_SIZE, MADV_DONTDUMP);
    (void)mlock(sp->stack, SPEECH_STACK_SIZE); /* best effort: wiped either way */

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, sp->stack, SPEECH_STACK_SIZE);
    /* no signal handler ever runs on this stack (it is wiped below the live frame) */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&sp->thread, &attr, worker_main, sp);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        kiosk_speech_free(sp);
        return KIOSK_SPEECH_E_THREAD;
    }
    sp->started = true;
    *out = sp;
    return KIOSK_SPEECH_OK;
}

void kiosk_speech_free(kiosk_speech *sp)
{
    if (sp == NULL)
        return;
    if (sp->started) {
        pthread_mutex_lock(&sp->lock);
        queue_drop(sp);
        sp->quit = true;
        atomic_store(&sp->cancel, true);
        pthread_cond_broadcast(&sp->cond);
        pthread_mutex_unlock(&sp->lock);
        pthread_join(sp->thread, NULL);
    }
    if (sp->stack != NULL) {
        VALGRIND_MAKE_MEM_UNDEFINED(sp->stack, SPEECH_STACK_SIZE); /* the wipe writes on purpose */
        explicit_bzero(sp->stack, SPEECH_STACK_SIZE);
        munlock(sp->stack, SPEECH_STACK_SIZE);
        munmap(sp->stack, SPEECH_STACK_SIZE);
    }
    kiosk_speech_sink_free(sp->pending_sink);
    kiosk_speech_sink_free(sp->sink);
    kiosk_speech_engine_free(sp->engine);
    free(sp->tick);
    pthread_cond_destroy(&sp->idle_cond);
    pthread_cond_destroy(&sp->cond);
    pthread_mutex_destroy(&sp->lock);
    free(sp);
}

static kiosk_speech_err enqueue(kiosk_speech *sp, struct item *it, unsigned flags)
{
    pthread_mutex_lock(&sp->lock);
    if (flags & KIOSK_SPEECH_INTERRUPT) {
        queue_drop_kind(sp, true);
        if (sp->busy && sp->busy_kind == ITEM_SAY) {
            atomic_store(&sp->cancel, true);
            sp->stats.interrupted++;
        }
    }
    if (sp->count >= KIOSK_SPEECH_QUEUE_MAX) {
        pthread_mutex_unlock(&sp->lock);
        return KIOSK_SPEECH_E_FULL;
    }
    it->queued_us = kiosk_speech_now_us();
    it->measured = (flags & KIOSK_SPEECH_INTERRUPT) != 0 || (sp->count == 0 && !sp->busy);
    sp->queue[(sp->head + sp->count) % KIOSK_SPEECH_QUEUE_MAX] = *it;
    sp->count++;
    sp->drained = false;
    pthread_cond_broadcast(&sp->cond);
    pthread_mutex_unlock(&sp->lock);
    return KIOSK_SPEECH_OK;
}

bool kiosk_speech_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t len;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (p[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        i += len;
    }
    return true;
}

kiosk_speech_err kiosk_speech_say(kiosk_speech *sp, const char *text, const char *lang,
                                  unsigned flags)
{
    if (sp == NULL || text == NULL || lang == NULL)
        return KIOSK_SPEECH_E_ARG;
    size_t n = strnlen(text, KIOSK_SPEECH_TEXT_MAX + 1);
    size_t ln = strnlen(lang, KIOSK_SPEECH_LANG_MAX);
    if (n > KIOSK_SPEECH_TEXT_MAX || ln == 0 || ln >= KIOSK_SPEECH_LANG_MAX ||
        (flags & ~(unsigned)(KIOSK_SPEECH_INTERRUPT | KIOSK_SPEECH_SECRET)) != 0 ||
        !kiosk_speech_utf8_valid(text, n))
        return KIOSK_SPEECH_E_ARG;
    if (kiosk_speech_engine_voice(sp->engine, lang) == NULL)
        return KIOSK_SPEECH_E_NO_VOICE;
    struct item it = {.kind = ITEM_SAY, .secret = (flags & KIOSK_SPEECH_SECRET) != 0};
    it.cap = n + 1;
    it.text = it.secret ? myna_secure_alloc(it.cap) : calloc(1, it.cap);
    if (it.text == NULL)
        return KIOSK_SPEECH_E_NOMEM;
    memcpy(it.text, text, n);
    it.text[n] = '\0';
    memcpy(it.lang, lang, ln + 1);
    kiosk_speech_err e = enqueue(sp, &it, flags);
    if (e != KIOSK_SPEECH_OK)
        item_clear(&it);
    return e;
}

kiosk_speech_err kiosk_speech_tick(kiosk_speech *sp)
{
    if (sp == NULL)
        return KIOSK_SPEECH_E_ARG;
    /* a digit's feedback is now: the text being spoken is cut (the resident is typing, so
     * knows what to do), queued texts dropped, earlier ticks kept */
    struct item it = {.kind = ITEM_TICK};
    return enqueue(sp, &it, KIOSK_SPEECH_INTERRUPT);
}

void kiosk_speech_stop(kiosk_speech *sp)
{
    if (sp == NULL)
        return;
    pthread_mutex_lock(&sp->lock);
    queue_drop(sp);
    if (sp->busy) {
        atomic_store(&sp->cancel, true);
        sp->stats.interrupted++;
    }
    pthread_mutex_unlock(&sp->lock);
}

kiosk_speech_err kiosk_speech_set_output(kiosk_speech *sp, kiosk_speech_sink *sink)
{
    if (sp == NULL || sink == NULL) {
        kiosk_speech_sink_free(sink);
        return KIOSK_SPEECH_E_ARG;
    }
    pthread_mutex_lock(&sp->lock);
    kiosk_speech_sink *old = sp->pending_sink;
    sp->pending_sink = sink;
    pthread_mutex_unlock(&sp->lock);
    kiosk_speech_sink_free(old);
    return KIOSK_SPEECH_OK;
}

bool kiosk_speech_wait_idle(kiosk_speech *sp, int timeout_ms)
{
    if (sp == NULL)
        return true;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    if (timeout_ms >= 0) {
        until.tv_sec += timeout_ms / 1000;
        until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
    }
    pthread_mutex_lock(&sp->lock);
    while (sp->count > 0 || sp->busy || !sp->drained) {
        int rc = timeout_ms < 0 ? pthread_cond_wait(&sp->idle_cond, &sp->lock)
                                : pthread_cond_timedwait(&sp->idle_cond, &sp->lock, &until);
        if (rc == ETIMEDOUT)
            break;
    }
    bool idle = sp->count == 0 && !sp->busy && sp->drained;
    pthread_mutex_unlock(&sp->lock);
    return idle;
}

const int16_t *kiosk_speech_tick_pcm(const kiosk_speech *sp, size_t *n)
{
    if (n != NULL)
        *n = sp != NULL ? sp->tick_n : 0;
    return sp != NULL ? sp->tick : NULL;
}

void kiosk_speech_get_stats(kiosk_speech *sp, kiosk_speech_stats *st)
{
    if (st == NULL)
        return;
    memset(st, 0, sizeof *st);
    if (sp == NULL)
        return;
    pthread_mutex_lock(&sp->lock);
    *st = sp->stats;
    pthread_mutex_unlock(&sp->lock);
}
