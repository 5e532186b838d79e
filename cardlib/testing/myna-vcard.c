/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna-vcard.c — a virtual My Number card: the 券面事項入力補助AP (Kenhojo AP) as public readers
 * see it (jpki/myna libmyna, OpenSC card-jpki.c, aokiapp/jsapdu mynacard schemas; see
 * tests/profiles/README.md for the layout and what is a modelling choice).
 *
 * This file is the card object: loading (profile → secrets and files), presence and faults
 * (pull, latency, remove-after), counters and statistics, and the in-process transport. One
 * vcard = one card. Its personal data (the EF contents, PIN and codes) lives in locked memory
 * from the moment the profile file is read until myna_vcard_free wipes it.
 */
#include "myna-vcard-private.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

/* The contact ATR OpenSC's card-jpki.c lists for the card. */
static const uint8_t VCARD_ATR[] = {0x3B, 0xE0, 0x00, 0xFF, 0x81, 0x31, 0xFE, 0x45, 0x14};

const size_t myna_vcard_secret_len[VCARD_CTR_COUNT] = {4, 14, 12};

void myna_vcard_why(char **why, const char *fmt, ...)
{
    if (!why)
        return;
    char buf[200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    free(*why);
    *why = strdup(buf);
}

static void set_present_locked(myna_vcard *vc, bool present);

static myna_err load_profile(myna_vcard *vc, const myna_vcard_profile *p)
{
    vc->tries_max[VCARD_CTR_PIN] = VCARD_PIN_TRIES_MAX;
    vc->tries_max[VCARD_CTR_B] = p->checkcode_tries > 3 ? (int)p->checkcode_tries : 3;
    vc->tries_max[VCARD_CTR_A] = p->number_tries > 3 ? (int)p->number_tries : 3;
    vc->tries[VCARD_CTR_PIN] = (int)p->pin_tries;
    vc->tries[VCARD_CTR_B] = (int)p->checkcode_tries;
    vc->tries[VCARD_CTR_A] = (int)p->number_tries;
    vc->remove_after = (unsigned)p->remove_after;
    vc->no_kenhojo = p->no_kenhojo;
    vc->latency_ms = (unsigned)p->latency_ms;

    for (int k = 0; k < VCARD_CTR_COUNT; k++) {
        vc->secret[k] = myna_secure_alloc(myna_vcard_secret_len[k] + 1);
        if (!vc->secret[k])
            return MYNA_E_NOMEM;
    }
    memcpy(vc->secret[VCARD_CTR_PIN], p->pin, 4);
    /* 照合番号B: birth YYMMDD + expiry year YYYY + security code. */
    memcpy(vc->secret[VCARD_CTR_B], p->birth + 2, 6);
    memcpy(vc->secret[VCARD_CTR_B] + 6, p->expiry_year, 4);
    memcpy(vc->secret[VCARD_CTR_B] + 10, p->security_code, 4);
    memcpy(vc->secret[VCARD_CTR_A], p->number, 12);
    return myna_vcard_files_build(vc, p);
}

myna_err myna_vcard_load_mem(const char *json, size_t len, myna_vcard **out, char **why)
{
    if (why)
        *why = NULL;
    if (!json || !out)
        return MYNA_E_ARG;
    *out = NULL;
    if (len > MYNA_VCARD_PROFILE_MAX) {
        myna_vcard_why(why, "profile: larger than %u bytes", MYNA_VCARD_PROFILE_MAX);
        return MYNA_E_PROFILE;
    }
    myna_vcard_profile *p = myna_secure_alloc(sizeof *p);
    myna_vcard *vc = calloc(1, sizeof *vc);
    if (!p || !vc) {
        myna_secure_free(p, sizeof *p);
        free(vc);
        return MYNA_E_NOMEM;
    }
    pthread_mutex_init(&vc->lock, NULL);
    myna_err rc = myna_vcard_profile_read(json, len, p, why);
    if (rc == MYNA_OK)
        rc = load_profile(vc, p);
    myna_secure_free(p, sizeof *p);
    if (rc != MYNA_OK) {
        myna_vcard_free(vc);
        return rc;
    }
    vc->present = true;
    myna_vcard_reset(vc);
    *out = vc;
    return MYNA_OK;
}

myna_err myna_vcard_load(const char *path, myna_vcard **out, char **why)
{
    if (why)
        *why = NULL;
    if (!path || !out)
        return MYNA_E_ARG;
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        myna_vcard_why(why, "profile: cannot open the file (%s)", strerror(errno));
        return MYNA_E_PROFILE;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
        (size_t)st.st_size > MYNA_VCARD_PROFILE_MAX) {
        close(fd);
        myna_vcard_why(why, "profile: not a regular file of at most %u bytes",
                       MYNA_VCARD_PROFILE_MAX);
        return MYNA_E_PROFILE;
    }
    size_t cap = (size_t)st.st_size + 1;
    char *buf = myna_secure_alloc(cap);
    if (!buf) {
        close(fd);
        return MYNA_E_NOMEM;
    }
    size_t got = 0;
    while (got < cap - 1) {
        ssize_t r = read(fd, buf + got, cap - 1 - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    myna_err rc = myna_vcard_load_mem(buf, got, out, why);
    myna_secure_free(buf, cap);
    return rc;
}

void myna_vcard_free(myna_vcard *vc)
{
    if (!vc)
        return;
    myna_secure_free(vc->ef0001, VCARD_EF0001_LEN);
    myna_secure_free(vc->ef0002, vc->ef0002_len);
    myna_secure_free(vc->ef0003, VCARD_EF0003_LEN);
    for (int k = 0; k < VCARD_CTR_COUNT; k++)
        myna_secure_free(vc->secret[k], myna_vcard_secret_len[k] + 1);
    pthread_mutex_destroy(&vc->lock);
    OPENSSL_cleanse(vc, sizeof *vc);
    free(vc);
}

myna_err myna_vcard_process(myna_vcard *vc, const uint8_t *cmd, size_t clen, uint8_t *resp,
                            size_t *rlen)
{
    if (!vc || !cmd || !resp || !rlen || *rlen < 2)
        return MYNA_E_ARG;
    pthread_mutex_lock(&vc->lock);
    if (!vc->present) {
        pthread_mutex_unlock(&vc->lock);
        return MYNA_E_CARD_REMOVED;
    }
    unsigned gen = vc->generation;
    size_t cap = *rlen - 2;
    size_t dlen = 0;
    bool too_small = false;
    unsigned sw = myna_vcard_apdu_answer(vc, cmd, clen, resp, cap, &dlen, &too_small);
    if (too_small) {
        pthread_mutex_unlock(&vc->lock);
        return MYNA_E_ARG;
    }
    resp[dlen] = (uint8_t)(sw >> 8);
    resp[dlen + 1] = (uint8_t)sw;
    *rlen = dlen + 2;
    vc->stats.apdus++;
    unsigned latency = vc->latency_ms;
    pthread_mutex_unlock(&vc->lock);

    if (latency) {
        struct timespec ts = {(time_t)(latency / 1000), (long)(latency % 1000) * 1000000L};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        }
    }

    pthread_mutex_lock(&vc->lock);
    /* pulled while the answer was on its way: the reader never gets it */
    bool lost = vc->generation != gen;
    if (!lost && vc->remove_after && vc->stats.apdus == vc->remove_after)
        set_present_locked(vc, false);
    pthread_mutex_unlock(&vc->lock);
    if (lost) {
        OPENSSL_cleanse(resp, *rlen);
        *rlen = 0;
        return MYNA_E_CARD_REMOVED;
    }
    return MYNA_OK;
}

/* ---- presence, state, transport ---------------------------------------------------------- */

static void reset_locked(myna_vcard *vc)
{
    vc->ap = VCARD_AP_NONE;
    vc->ef = 0;
    vc->verified = 0;
}

void myna_vcard_reset(myna_vcard *vc)
{
    if (!vc)
        return;
    pthread_mutex_lock(&vc->lock);
    reset_locked(vc);
    pthread_mutex_unlock(&vc->lock);
}

static void set_present_locked(myna_vcard *vc, bool present)
{
    if (vc->present && !present) {
        vc->stats.pulls++;
        vc->generation++;
    }
    if (vc->present != present)
        reset_locked(vc); /* pulled or freshly inserted: power cycled */
    vc->present = present;
}

void myna_vcard_set_present(myna_vcard *vc, bool present)
{
    if (!vc)
        return;
    pthread_mutex_lock(&vc->lock);
    set_present_locked(vc, present);
    pthread_mutex_unlock(&vc->lock);
}

bool myna_vcard_present(const myna_vcard *vc)
{
    if (!vc)
        return false;
    myna_vcard *m = (myna_vcard *)vc; /* the lock is not part of the card's value */
    pthread_mutex_lock(&m->lock);
    bool p = m->present;
    pthread_mutex_unlock(&m->lock);
    return p;
}

size_t myna_vcard_atr(const myna_vcard *vc, uint8_t *buf, size_t cap)
{
    if (!vc || !buf || cap < sizeof VCARD_ATR)
        return 0;
    memcpy(buf, VCARD_ATR, sizeof VCARD_ATR);
    return sizeof VCARD_ATR;
}

void myna_vcard_get_counters(const myna_vcard *vc, myna_vcard_counters *out)
{
    if (!vc || !out)
        return;
    myna_vcard *m = (myna_vcard *)vc;
    pthread_mutex_lock(&m->lock);
    out->pin_tries = vc->tries[VCARD_CTR_PIN];
    out->checkcode_tries = vc->tries[VCARD_CTR_B];
    out->number_tries = vc->tries[VCARD_CTR_A];
    pthread_mutex_unlock(&m->lock);
}

static int clamp(int v, int max)
{
    return v < 0 ? 0 : v > max ? max : v;
}

void myna_vcard_set_counters(myna_vcard *vc, const myna_vcard_counters *in)
{
    if (!vc || !in)
        return;
    pthread_mutex_lock(&vc->lock);
    vc->tries[VCARD_CTR_PIN] = clamp(in->pin_tries, vc->tries_max[VCARD_CTR_PIN]);
    vc->tries[VCARD_CTR_B] = clamp(in->checkcode_tries, vc->tries_max[VCARD_CTR_B]);
    vc->tries[VCARD_CTR_A] = clamp(in->number_tries, vc->tries_max[VCARD_CTR_A]);
    pthread_mutex_unlock(&vc->lock);
}

void myna_vcard_get_stats(const myna_vcard *vc, myna_vcard_stats *out)
{
    if (!vc || !out)
        return;
    myna_vcard *m = (myna_vcard *)vc;
    pthread_mutex_lock(&m->lock);
    *out = vc->stats;
    pthread_mutex_unlock(&m->lock);
}

static myna_err vt_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                            size_t *rlen)
{
    return myna_vcard_process(impl, cmd, clen, resp, rlen);
}

static const myna_transport_ops vcard_ops = {vt_transmit, NULL};

myna_err myna_vcard_transport_new(myna_vcard *vc, myna_transport **out)
{
    if (out)
        *out = NULL;
    if (!vc || !out)
        return MYNA_E_ARG;
    return myna_transport_new(&vcard_ops, vc, out);
}
