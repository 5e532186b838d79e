/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-ctx.c — PC/SC context: readers, waiting for a card, cancel (see myna.h).
 *
 * pcsc-lite's rule: one SCARDCONTEXT per thread; SCardCancel on it from another thread wakes
 * SCardGetStatusChange. Readers plugged in later are noticed through the "\\?PnP?\Notification"
 * pseudo-reader. When pcscd goes away every call answers MYNA_E_NO_SERVICE and the context is
 * re-established on the next call (pcscd restarted). No wait is unbounded unless the caller
 * asks for it (timeout_ms < 0), and every wait can be cancelled. */
#include "myna.h"
#include "myna-transport-private.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <winscard.h>

/* Most readers watched at once (a kiosk has one or two). */
#define MYNA_READERS_MAX 16
/* Without PnP notification support, re-list readers this often while waiting. */
#define MYNA_POLL_MS 500

struct myna_ctx {
    pthread_mutex_t lock; /* guards h/valid against myna_ctx_cancel from another thread */
    SCARDCONTEXT h;
    bool valid;
    atomic_bool cancel;
    long last;
};

myna_err myna_pcsc_err(long rv)
{
    switch (rv) {
    case SCARD_S_SUCCESS:
        return MYNA_OK;
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
    case SCARD_E_INVALID_HANDLE:
    case SCARD_F_INTERNAL_ERROR:
    case SCARD_F_COMM_ERROR: /* pcsc-lite: the socket to pcscd broke (pcscd died) */
        return MYNA_E_NO_SERVICE;
    case SCARD_E_NO_READERS_AVAILABLE:
        return MYNA_E_NO_READER;
    case SCARD_E_READER_UNAVAILABLE:
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_COMM_DATA_LOST:
        return MYNA_E_READER;
    case SCARD_E_NO_SMARTCARD:
        return MYNA_E_NO_CARD;
    case SCARD_W_REMOVED_CARD:
    case SCARD_W_RESET_CARD: /* someone reset the card: our session (PIN state) is gone */
        return MYNA_E_CARD_REMOVED;
    case SCARD_E_CANCELLED:
        return MYNA_E_CANCELLED;
    case SCARD_E_TIMEOUT:
        return MYNA_E_TIMEOUT;
    case SCARD_E_NO_MEMORY:
        return MYNA_E_NOMEM;
    case SCARD_E_INVALID_PARAMETER:
    case SCARD_E_INVALID_VALUE:
        return MYNA_E_ARG;
    default:
        return MYNA_E_TRANSPORT;
    }
}

/* Record a PC/SC code; drop the context when the service is gone. */
static myna_err ctx_err(myna_ctx *ctx, LONG rv)
{
    ctx->last = rv;
    myna_err e = myna_pcsc_err(rv);
    if (e == MYNA_E_NO_SERVICE) {
        pthread_mutex_lock(&ctx->lock);
        if (ctx->valid)
            (void)SCardReleaseContext(ctx->h);
        ctx->valid = false;
        pthread_mutex_unlock(&ctx->lock);
    }
    return e;
}

/* (Re-)establish the context if needed (after pcscd restarted). */
static myna_err ctx_ensure(myna_ctx *ctx)
{
    if (ctx->valid)
        return MYNA_OK;
    SCARDCONTEXT h;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, NULL, NULL, &h);
    ctx->last = rv;
    if (rv != SCARD_S_SUCCESS)
        return myna_pcsc_err(rv) == MYNA_E_NOMEM ? MYNA_E_NOMEM : MYNA_E_NO_SERVICE;
    pthread_mutex_lock(&ctx->lock);
    ctx->h = h;
    ctx->valid = true;
    pthread_mutex_unlock(&ctx->lock);
    return MYNA_OK;
}

myna_err myna_ctx_new(myna_ctx **out)
{
    if (out == NULL)
        return MYNA_E_ARG;
    *out = NULL;
    myna_ctx *ctx = calloc(1, sizeof *ctx);
    if (ctx == NULL)
        return MYNA_E_NOMEM;
    pthread_mutex_init(&ctx->lock, NULL);
    atomic_init(&ctx->cancel, false);
    myna_err e = ctx_ensure(ctx);
    if (e != MYNA_OK) {
        myna_ctx_free(ctx);
        return e;
    }
    *out = ctx;
    return MYNA_OK;
}

void myna_ctx_free(myna_ctx *ctx)
{
    if (ctx == NULL)
        return;
    if (ctx->valid)
        (void)SCardReleaseContext(ctx->h);
    pthread_mutex_destroy(&ctx->lock);
    free(ctx);
}

long myna_ctx_last_pcsc(const myna_ctx *ctx)
{
    return ctx != NULL ? ctx->last : 0;
}

myna_err myna_ctx_cancel(myna_ctx *ctx)
{
    if (ctx == NULL)
        return MYNA_E_ARG;
    /* the flag also cancels a wait that has not reached SCardGetStatusChange yet */
    atomic_store(&ctx->cancel, true);
    pthread_mutex_lock(&ctx->lock);
    LONG rv = ctx->valid ? SCardCancel(ctx->h) : SCARD_S_SUCCESS;
    pthread_mutex_unlock(&ctx->lock);
    return rv == SCARD_S_SUCCESS || rv == SCARD_E_NO_SERVICE ? MYNA_OK : myna_pcsc_err(rv);
}

void myna_strv_free(char **v, size_t count)
{
    if (v == NULL)
        return;
    for (size_t i = 0; i < count; i++)
        free(v[i]);
    free(v);
}

/* The multi-string of reader names, malloc'd; *len its size. Empty when none. */
static myna_err list_raw(myna_ctx *ctx, char **buf, DWORD *len)
{
    *buf = NULL;
    *len = 0;
    myna_err e = ctx_ensure(ctx);
    if (e != MYNA_OK)
        return e;
    for (int attempt = 0; attempt < 3; attempt++) {
        DWORD n = 0;
        LONG rv = SCardListReaders(ctx->h, NULL, NULL, &n);
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            ctx->last = rv;
            return MYNA_OK;
        }
        if (rv != SCARD_S_SUCCESS)
            return ctx_err(ctx, rv);
        char *b = malloc(n > 0 ? n : 1);
        if (b == NULL)
            return MYNA_E_NOMEM;
        rv = SCardListReaders(ctx->h, NULL, b, &n);
        if (rv == SCARD_E_INSUFFICIENT_BUFFER) { /* a reader appeared in between */
            free(b);
            continue;
        }
        if (rv == SCARD_E_NO_READERS_AVAILABLE) {
            free(b);
            ctx->last = rv;
            return MYNA_OK;
        }
        if (rv != SCARD_S_SUCCESS) {
            free(b);
            return ctx_err(ctx, rv);
        }
        ctx->last = rv;
        *buf = b;
        *len = n;
        return MYNA_OK;
    }
    return MYNA_E_READER;
}

myna_err myna_ctx_list_readers(myna_ctx *ctx, char ***names, size_t *count)
{
    if (ctx == NULL || names == NULL || count == NULL)
        return MYNA_E_ARG;
    *names = NULL;
    *count = 0;
    char *raw;
    DWORD len;
    myna_err e = list_raw(ctx, &raw, &len);
    if (e != MYNA_OK || raw == NULL)
        return e;
    size_t n = 0;
    for (const char *p = raw; p < raw + len && *p != '\0'; p += strlen(p) + 1)
        n++;
    char **v = calloc(n + 1, sizeof *v);
    if (v == NULL) {
        free(raw);
        return MYNA_E_NOMEM;
    }
    size_t i = 0;
    for (const char *p = raw; p < raw + len && *p != '\0' && i < n; p += strlen(p) + 1) {
        v[i] = strdup(p);
        if (v[i] == NULL) {
            myna_strv_free(v, i);
            free(raw);
            return MYNA_E_NOMEM;
        }
        i++;
    }
    free(raw);
    *names = v;
    *count = n;
    return MYNA_OK;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Milliseconds left before the deadline (INFINITE without one), capped at cap_ms if >= 0. */
static DWORD remaining(long deadline, long cap_ms)
{
    long left;
    if (deadline < 0) {
        left = cap_ms >= 0 ? cap_ms : -1;
    } else {
        left = deadline - now_ms();
        if (left < 0)
            left = 0;
        if (cap_ms >= 0 && left > cap_ms)
            left = cap_ms;
    }
    return left < 0 ? INFINITE : (DWORD)left;
}

static bool card_ready(DWORD st)
{
    return (st & SCARD_STATE_PRESENT) != 0 && (st & SCARD_STATE_MUTE) == 0 &&
           (st & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_IGNORE)) == 0;
}

myna_err myna_ctx_wait_card(myna_ctx *ctx, const char *filter, int timeout_ms, char **reader_out)
{
    if (ctx == NULL || reader_out == NULL)
        return MYNA_E_ARG;
    *reader_out = NULL;
    long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    SCARD_READERSTATE st[MYNA_READERS_MAX + 1];

    for (;;) {
        if (atomic_exchange(&ctx->cancel, false))
            return MYNA_E_CANCELLED;
        char *raw;
        DWORD len;
        myna_err e = list_raw(ctx, &raw, &len);
        if (e != MYNA_OK)
            return e;
        /* readers that match the filter, then the PnP pseudo-reader */
        size_t n = 0;
        for (const char *p = raw; raw != NULL && p < raw + len && *p != '\0'; p += strlen(p) + 1) {
            if (n >= MYNA_READERS_MAX)
                break;
            if (filter != NULL && filter[0] != '\0' && strstr(p, filter) == NULL)
                continue;
            memset(&st[n], 0, sizeof st[n]);
            st[n].szReader = p;
            st[n].dwCurrentState = SCARD_STATE_UNAWARE;
            n++;
        }
        memset(&st[n], 0, sizeof st[n]);
        st[n].szReader = "\\\\?PnP?\\Notification";
        st[n].dwCurrentState = SCARD_STATE_UNAWARE;
        size_t total = n + 1;
        bool relist = false;
        bool first = true;
        while (!relist) {
            if (atomic_exchange(&ctx->cancel, false)) {
                free(raw);
                return MYNA_E_CANCELLED;
            }
            bool pnp_ok = (st[n].dwEventState & SCARD_STATE_UNKNOWN) == 0;
            DWORD wait = first ? 0 : remaining(deadline, pnp_ok ? -1 : MYNA_POLL_MS);
            LONG rv = SCardGetStatusChange(ctx->h, wait, st, (DWORD)total);
            if (rv == SCARD_E_TIMEOUT) {
                if (!first && deadline >= 0 && now_ms() >= deadline) {
                    free(raw);
                    ctx->last = rv;
                    return MYNA_E_TIMEOUT;
                }
                if (!first && !pnp_ok)
                    relist = true; /* poll for new readers */
                first = false;
                continue;
            }
            if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE) {
                relist = true; /* a reader went away between list and wait */
                ctx->last = rv;
                break;
            }
            if (rv != SCARD_S_SUCCESS) {
                free(raw);
                return ctx_err(ctx, rv);
            }
            first = false;
            for (size_t i = 0; i < n; i++) {
                if (card_ready(st[i].dwEventState)) {
                    *reader_out = strdup(st[i].szReader);
                    free(raw);
                    return *reader_out != NULL ? MYNA_OK : MYNA_E_NOMEM;
                }
                if (st[i].dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE))
                    relist = true;
            }
            if ((st[n].dwEventState & SCARD_STATE_CHANGED) &&
                (st[n].dwCurrentState != SCARD_STATE_UNAWARE))
                relist = true; /* a reader was plugged in or out */
            for (size_t i = 0; i < total; i++)
                st[i].dwCurrentState = st[i].dwEventState & ~SCARD_STATE_CHANGED;
            if (deadline >= 0 && now_ms() >= deadline && !relist) {
                free(raw);
                return MYNA_E_TIMEOUT;
            }
        }
        free(raw);
        if (deadline >= 0 && now_ms() >= deadline)
            return MYNA_E_TIMEOUT;
    }
}

/* One reader's state word, without waiting. */
static myna_err reader_word(myna_ctx *ctx, const char *reader, DWORD *word)
{
    myna_err e = ctx_ensure(ctx);
    if (e != MYNA_OK)
        return e;
    SCARD_READERSTATE st;
    memset(&st, 0, sizeof st);
    st.szReader = reader;
    st.dwCurrentState = SCARD_STATE_UNAWARE;
    LONG rv = SCardGetStatusChange(ctx->h, 0, &st, 1);
    if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE) {
        ctx->last = rv;
        *word = SCARD_STATE_UNKNOWN;
        return MYNA_OK;
    }
    if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
        return ctx_err(ctx, rv);
    ctx->last = rv;
    *word = st.dwEventState;
    return MYNA_OK;
}

static myna_reader_state word_to_state(DWORD w)
{
    if (w & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_IGNORE))
        return MYNA_READER_ABSENT;
    if (w & SCARD_STATE_PRESENT)
        return (w & SCARD_STATE_MUTE) ? MYNA_READER_MUTE : MYNA_READER_CARD;
    return MYNA_READER_EMPTY;
}

myna_err myna_ctx_reader_state(myna_ctx *ctx, const char *reader, myna_reader_state *state)
{
    if (ctx == NULL || reader == NULL || state == NULL)
        return MYNA_E_ARG;
    DWORD w = SCARD_STATE_UNKNOWN; /* set by reader_word on success */
    myna_err e = reader_word(ctx, reader, &w);
    if (e != MYNA_OK)
        return e;
    *state = word_to_state(w);
    return MYNA_OK;
}

myna_err myna_ctx_wait_removed(myna_ctx *ctx, const char *reader, int timeout_ms)
{
    if (ctx == NULL || reader == NULL)
        return MYNA_E_ARG;
    long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    DWORD w = SCARD_STATE_UNKNOWN; /* set by reader_word on success */
    myna_err e = reader_word(ctx, reader, &w);
    if (e != MYNA_OK)
        return e;
    for (;;) {
        if (atomic_exchange(&ctx->cancel, false))
            return MYNA_E_CANCELLED;
        myna_reader_state s = word_to_state(w);
        if (s == MYNA_READER_ABSENT)
            return MYNA_E_READER; /* unplugged with the card: nobody took it back */
        if (s == MYNA_READER_EMPTY)
            return MYNA_OK;
        SCARD_READERSTATE st;
        memset(&st, 0, sizeof st);
        st.szReader = reader;
        st.dwCurrentState = w & ~SCARD_STATE_CHANGED;
        LONG rv = SCardGetStatusChange(ctx->h, remaining(deadline, -1), &st, 1);
        if (rv == SCARD_E_TIMEOUT) {
            ctx->last = rv;
            return MYNA_E_TIMEOUT;
        }
        if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE) {
            ctx->last = rv;
            return MYNA_E_READER;
        }
        if (rv != SCARD_S_SUCCESS)
            return ctx_err(ctx, rv);
        w = st.dwEventState;
    }
}

/* ---- the PC/SC transport --------------------------------------------------------------- */

struct pcsc_impl {
    SCARDHANDLE card;
    DWORD proto;
    myna_ctx *ctx;
    char *reader;
};

/* How long a failed transmit may wait to learn whether the card was pulled: pcscd polls
 * readers every 400 ms, so a pull right after an answer shows as a transmit error first. */
#define MYNA_PULL_SETTLE_MS 1200

/* After a transmit error that says nothing precise (SCARD_E_NOT_TRANSACTED and friends):
 * was the card pulled, or the reader unplugged? Bounded wait on the reader's state. */
static myna_err classify_failure(struct pcsc_impl *p, myna_err e)
{
    SCARD_READERSTATE st;
    memset(&st, 0, sizeof st);
    st.szReader = p->reader;
    st.dwCurrentState = SCARD_STATE_UNAWARE;
    long deadline = now_ms() + MYNA_PULL_SETTLE_MS;
    for (int round = 0; round < 8; round++) {
        DWORD wait = round == 0 ? 0 : remaining(deadline, -1);
        LONG rv = SCardGetStatusChange(p->ctx->h, wait, &st, 1);
        if (rv == SCARD_E_UNKNOWN_READER || rv == SCARD_E_READER_UNAVAILABLE)
            return MYNA_E_READER;
        if (rv == SCARD_E_TIMEOUT)
            return e; /* the card stayed: a real transmission failure */
        if (rv != SCARD_S_SUCCESS) {
            myna_err m = myna_pcsc_err(rv);
            return m == MYNA_E_NO_SERVICE ? m : e;
        }
        DWORD w = st.dwEventState;
        if (w & (SCARD_STATE_UNKNOWN | SCARD_STATE_UNAVAILABLE | SCARD_STATE_IGNORE))
            return MYNA_E_READER;
        if ((w & SCARD_STATE_EMPTY) || !(w & SCARD_STATE_PRESENT))
            return MYNA_E_CARD_REMOVED;
        if (now_ms() >= deadline)
            return e;
        st.dwCurrentState = w & ~SCARD_STATE_CHANGED;
    }
    return e;
}

static myna_err pcsc_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                              size_t *rlen)
{
    struct pcsc_impl *p = impl;
    const SCARD_IO_REQUEST *pci = p->proto == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    DWORD n = (DWORD)*rlen;
    LONG rv = SCardTransmit(p->card, pci, cmd, (DWORD)clen, NULL, resp, &n);
    p->ctx->last = rv;
    if (rv != SCARD_S_SUCCESS) {
        *rlen = 0;
        myna_err e = myna_pcsc_err(rv);
        /* an empty reader mid-session means the card was pulled */
        if (e == MYNA_E_NO_CARD)
            return MYNA_E_CARD_REMOVED;
        if (e == MYNA_E_TRANSPORT || e == MYNA_E_READER)
            e = classify_failure(p, e);
        return e;
    }
    if (n < 2) {
        /* no status word: vpcd answers so when the card left between two commands */
        *rlen = 0;
        return classify_failure(p, MYNA_E_TRANSPORT);
    }
    *rlen = n;
    return MYNA_OK;
}

/* The reader's control channel: part 10 features and secure PIN entry. The answer to a
 * VERIFY_PIN_DIRECT comes back only once the resident finished on the reader's keypad. */
static myna_err pcsc_control(void *impl, uint32_t code, const uint8_t *in, size_t ilen,
                             uint8_t *out, size_t *olen)
{
    struct pcsc_impl *p = impl;
    DWORD n = 0;
    LONG rv = SCardControl(p->card, (DWORD)code, in, (DWORD)ilen, out, (DWORD)*olen, &n);
    p->ctx->last = rv;
    if (rv != SCARD_S_SUCCESS) {
        *olen = 0;
        myna_err e = myna_pcsc_err(rv);
        if (e == MYNA_E_NO_CARD)
            return MYNA_E_CARD_REMOVED;
        /* a reader without the feature: SCARD_E_UNSUPPORTED_FEATURE, or a generic failure */
        if (e == MYNA_E_TRANSPORT || e == MYNA_E_ARG)
            return MYNA_E_PINPAD;
        return e;
    }
    *olen = n;
    return MYNA_OK;
}

static void pcsc_close(void *impl)
{
    struct pcsc_impl *p = impl;
    if (p == NULL)
        return;
    /* reset: the card forgets the verified PIN before anyone else talks to it */
    (void)SCardDisconnect(p->card, SCARD_RESET_CARD);
    free(p->reader);
    free(p);
}

static const myna_transport_ops pcsc_ops = {pcsc_transmit, pcsc_close};

myna_err myna_transport_pcsc_open(myna_ctx *ctx, const char *reader, myna_transport **out)
{
    if (out != NULL)
        *out = NULL;
    if (ctx == NULL || reader == NULL || out == NULL)
        return MYNA_E_ARG;
    myna_err e = ctx_ensure(ctx);
    if (e != MYNA_OK)
        return e;
    struct pcsc_impl *p = calloc(1, sizeof *p);
    if (p == NULL)
        return MYNA_E_NOMEM;
    p->ctx = ctx;
    p->reader = strdup(reader);
    if (p->reader == NULL) {
        free(p);
        return MYNA_E_NOMEM;
    }
    LONG rv = SCardConnect(ctx->h, reader, SCARD_SHARE_SHARED,
                           SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &p->card, &p->proto);
    if (rv != SCARD_S_SUCCESS) {
        free(p->reader);
        free(p);
        e = ctx_err(ctx, rv);
        /* SCardConnect on a pulled card answers REMOVED_CARD: there is no card now */
        return e == MYNA_E_CARD_REMOVED ? MYNA_E_NO_CARD : e;
    }
    ctx->last = rv;
    e = myna_transport_new(&pcsc_ops, p, out);
    if (e == MYNA_OK)
        myna_transport_set_control(*out, pcsc_control);
    return e;
}
