/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-print-purge.c — the jobs form_print() made in this process, and their purge when a
 * session ends (see form_print_purge() in form.h, forms/PRINTING.md).
 *
 * Every job form_print() creates is recorded here (its cupsd, its queue's URI, its id) until
 * form_print_purge() has seen cupsd forget it: Cancel-Job with purge-job on every recorded job,
 * pending, printing, stopped or already finished (CUPS purges a finished job's history record
 * too), then Get-Job-Attributes until cupsd answers "not found". A job cupsd could not be
 * told about stays recorded for the next purge.
 *
 * A purge also moves the epoch on: a form_print() still running from before it (a print thread
 * of the session that just ended) cancels and purges its own job as soon as it sees that, and
 * a job it creates after the purge is purged at once. So no resident's job survives the end of
 * the session, whichever thread made it and whenever.
 */
#include "form-print-private.h"

#include <cups/cups.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct tracked_job {
    int id;
    int port;
    char server[256];       /* cupsServer() when the job was made (libcups' is per thread) */
    char uri[HTTP_MAX_URI]; /* the queue's printer-uri */
} tracked_job;

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static tracked_job *g_jobs;
static size_t g_njobs, g_cap;
static unsigned g_epoch;

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

unsigned form_print_epoch(void)
{
    pthread_mutex_lock(&g_lock);
    unsigned e = g_epoch;
    pthread_mutex_unlock(&g_lock);
    return e;
}

/* Append (under g_lock). */
static bool append(const tracked_job *j)
{
    if (g_njobs == g_cap) {
        size_t cap = g_cap ? 2 * g_cap : 8;
        tracked_job *bigger = realloc(g_jobs, cap * sizeof *bigger);
        if (bigger == NULL)
            return false;
        g_jobs = bigger;
        g_cap = cap;
    }
    g_jobs[g_njobs++] = *j;
    return true;
}

form_err form_print_track(const char *uri, int job_id, unsigned epoch)
{
    tracked_job j = {.id = job_id, .port = ippPort()};
    const char *server = cupsServer();
    if (strlen(uri) >= sizeof j.uri || server == NULL || strlen(server) >= sizeof j.server)
        return FORM_E_PRINT; /* cannot be purged later: the caller cancels it now */
    memcpy(j.uri, uri, strlen(uri) + 1);
    memcpy(j.server, server, strlen(server) + 1);
    pthread_mutex_lock(&g_lock);
    bool ok = append(&j);
    bool stale = epoch != g_epoch;
    pthread_mutex_unlock(&g_lock);
    if (!ok)
        return FORM_E_NOMEM;
    return stale ? FORM_E_PRINT_CANCELLED : FORM_OK;
}

static int io_timeout_cb(http_t *http, void *user)
{
    (void)http;
    (void)user;
    return 0;
}

/* Whether cupsd still knows job j (-1: cupsd could not be asked). */
static int job_known(http_t *http, const tracked_job *j)
{
    static const char *const WANT[] = {"job-state"};
    ipp_t *req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    if (req == NULL)
        return -1;
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, j->uri);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", j->id);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", 1, NULL, WANT);
    ipp_t *resp = cupsDoRequest(http, req, "/");
    ipp_status_t st = cupsLastError();
    ippDelete(resp);
    if (st == IPP_STATUS_ERROR_NOT_FOUND)
        return 0;
    return resp != NULL && st <= IPP_STATUS_OK_EVENTS_COMPLETE ? 1 : -1;
}

/* Cancel-Job with purge-job, then wait until cupsd no longer knows the job. */
static form_err purge_one(const tracked_job *j, long long deadline)
{
    long long left = deadline - now_ms();
    int msec = left < FORM_PRINT_IO_TIMEOUT_MS ? (int)(left > 1000 ? left : 1000)
                                               : FORM_PRINT_IO_TIMEOUT_MS;
    http_t *http = httpConnect2(j->server, j->port, NULL, AF_UNSPEC, cupsEncryption(), 1, msec,
                                NULL);
    if (http == NULL)
        return FORM_E_NO_PRINTER;
    httpSetTimeout(http, msec / 1000.0, io_timeout_cb, NULL);
    form_err err = FORM_E_PRINT_TIMEOUT;
    ipp_t *req = ippNewRequest(IPP_OP_CANCEL_JOB);
    if (req == NULL) {
        httpClose(http);
        return FORM_E_NOMEM;
    }
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, j->uri);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", j->id);
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
    ippAddBoolean(req, IPP_TAG_OPERATION, "purge-job", 1);
    /* Whatever it answers (not found: purged already), the job must be gone after it. */
    ippDelete(cupsDoRequest(http, req, "/"));
    /* A job that was printing ends when its filters and backend have stopped. */
    for (;;) {
        int known = job_known(http, j);
        if (known == 0) {
            err = FORM_OK;
            break;
        }
        if (known < 0) {
            err = FORM_E_NO_PRINTER;
            break;
        }
        if (now_ms() >= deadline)
            break;
        struct timespec ts = {0, 50 * 1000000L};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
        }
    }
    httpClose(http);
    return err;
}

form_err form_print_purge(int timeout_ms)
{
    if (timeout_ms <= 0)
        timeout_ms = FORM_PRINT_PURGE_TIMEOUT_MS;
    long long deadline = now_ms() + timeout_ms;
    pthread_mutex_lock(&g_lock);
    tracked_job *jobs = g_jobs;
    size_t n = g_njobs;
    g_jobs = NULL;
    g_njobs = g_cap = 0;
    g_epoch++;
    pthread_mutex_unlock(&g_lock);

    form_err result = FORM_OK;
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        form_err err = purge_one(&jobs[i], deadline);
        if (err != FORM_OK) {
            if (result == FORM_OK)
                result = err;
            jobs[kept++] = jobs[i];
        }
    }
    if (kept > 0) { /* for the next purge */
        pthread_mutex_lock(&g_lock);
        for (size_t i = 0; i < kept; i++)
            if (!append(&jobs[i]) && result == FORM_OK)
                result = FORM_E_NOMEM;
        pthread_mutex_unlock(&g_lock);
    }
    free(jobs);
    return result;
}

size_t form_print_pending_purge(void)
{
    pthread_mutex_lock(&g_lock);
    size_t n = g_njobs;
    pthread_mutex_unlock(&g_lock);
    return n;
}
