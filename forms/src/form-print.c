/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-print.c — stream a PDF from memory to a CUPS queue and follow the job (see form.h,
 * form-print-private.h, forms/PRINTING.md).
 *
 * One call: connect (own http_t) → find the destination → refuse early when the queue is
 * stopped or refuses jobs (no personal data is sent to a queue that will not print it) →
 * Create-Job titled "kakanai" → Send-Document from memory in chunks → poll Get-Job-Attributes
 * and Get-Printer-Attributes until the job completes, the printer reports a problem, the
 * deadline passes, or the caller cancels. On every failure after Create-Job the job is
 * cancelled and purged, so a document with a resident's data never waits in a queue for
 * whoever stands at the printer next. Every job is also recorded for form_print_purge()
 * (form-print-purge.c), which the kiosk calls when a session ends; a purge while this call
 * runs ends it too (FORM_E_PRINT_CANCELLED, the job cancelled and purged).
 *
 * Nothing personal goes into any attribute: job-name and document-name are the neutral
 * title; requesting-user-name is the process user. Nothing is logged.
 */
#include "form-print-private.h"

#include <cups/cups.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- time ------------------------------------------------------------------------------ */

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long long ms)
{
    if (ms <= 0)
        return;
    struct timespec ts = {.tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms % 1000) * 1000000};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

/* ---- printer state → error ------------------------------------------------------------- */

typedef enum reason_class {
    R_IGNORE = 0,
    R_PAPER,      /* FORM_E_OUT_OF_PAPER */
    R_OFFLINE,    /* FORM_E_PRINTER_OFFLINE at once */
    R_CONNECTING, /* FORM_E_PRINTER_OFFLINE once it lasted FORM_PRINT_OFFLINE_GRACE_MS */
    R_ATTENTION,  /* FORM_E_PRINTER_STOPPED: the printer needs a person */
} reason_class;

/* IPP printer-state-reasons keywords (RFC 8011 §5.4.12, PWG 5100.9) that stop a kiosk's job,
 * without their suffix. -warning never counts; -report counts only for offline ones. */
static const struct {
    const char *keyword;
    reason_class cls;
} REASONS[] = {
    {"media-empty", R_PAPER},
    {"media-needed", R_PAPER},
    {"input-tray-missing", R_PAPER},
    {"offline", R_OFFLINE},
    {"shutdown", R_OFFLINE},
    {"connecting-to-device", R_CONNECTING},
    {"timed-out", R_CONNECTING},
    {"paused", R_ATTENTION},
    {"stopped", R_ATTENTION},
    {"media-jam", R_ATTENTION},
    {"door-open", R_ATTENTION},
    {"cover-open", R_ATTENTION},
    {"interlock-open", R_ATTENTION},
    {"toner-empty", R_ATTENTION},
    {"marker-supply-empty", R_ATTENTION},
    {"output-area-full", R_ATTENTION},
};

/* Split "media-empty-error" into its keyword length and suffix kind. */
typedef enum suffix { SUF_NONE = 0, SUF_ERROR, SUF_WARNING, SUF_REPORT } suffix;

static size_t keyword_len(const char *r, suffix *suf)
{
    static const struct {
        const char *s;
        suffix kind;
    } SUFFIXES[] = {{"-error", SUF_ERROR}, {"-warning", SUF_WARNING}, {"-report", SUF_REPORT}};
    size_t n = strlen(r);
    for (size_t i = 0; i < sizeof SUFFIXES / sizeof SUFFIXES[0]; i++) {
        size_t k = strlen(SUFFIXES[i].s);
        if (n > k && memcmp(r + n - k, SUFFIXES[i].s, k) == 0) {
            *suf = SUFFIXES[i].kind;
            return n - k;
        }
    }
    *suf = SUF_NONE;
    return n;
}

static reason_class classify(const char *r, size_t *klen)
{
    suffix suf;
    size_t n = keyword_len(r, &suf);
    *klen = n;
    if (suf == SUF_WARNING)
        return R_IGNORE;
    for (size_t i = 0; i < sizeof REASONS / sizeof REASONS[0]; i++) {
        if (strlen(REASONS[i].keyword) == n && memcmp(REASONS[i].keyword, r, n) == 0) {
            reason_class c = REASONS[i].cls;
            if (suf == SUF_REPORT && c != R_OFFLINE && c != R_CONNECTING)
                return R_IGNORE;
            return c;
        }
    }
    return R_IGNORE;
}

static void copy_reason(char *dst, size_t cap, const char *src, size_t n)
{
    if (dst == NULL || cap == 0)
        return;
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

form_err form_print_state_error(int printer_state, const char *const *reasons, size_t n,
                                bool accepting, long stalled_ms, char *reason, size_t cap)
{
    /* The most specific problem wins: paper, then offline, then anything else. */
    static const struct {
        reason_class cls;
        form_err err;
    } ORDER[] = {
        {R_PAPER, FORM_E_OUT_OF_PAPER},
        {R_OFFLINE, FORM_E_PRINTER_OFFLINE},
        {R_CONNECTING, FORM_E_PRINTER_OFFLINE},
        {R_ATTENTION, FORM_E_PRINTER_STOPPED},
    };
    copy_reason(reason, cap, "", 0);
    for (size_t o = 0; o < sizeof ORDER / sizeof ORDER[0]; o++) {
        for (size_t i = 0; i < n; i++) {
            if (reasons[i] == NULL)
                continue;
            size_t klen;
            if (classify(reasons[i], &klen) != ORDER[o].cls)
                continue;
            if (ORDER[o].cls == R_CONNECTING && stalled_ms < FORM_PRINT_OFFLINE_GRACE_MS)
                continue;
            copy_reason(reason, cap, reasons[i], klen);
            return ORDER[o].err;
        }
    }
    if (printer_state == IPP_PSTATE_STOPPED) {
        copy_reason(reason, cap, "stopped", strlen("stopped"));
        return FORM_E_PRINTER_STOPPED;
    }
    if (!accepting) {
        copy_reason(reason, cap, "not-accepting-jobs", strlen("not-accepting-jobs"));
        return FORM_E_PRINTER_STOPPED;
    }
    return FORM_OK;
}

/* ---- one printing session ------------------------------------------------------------- */

#define MAX_REASONS 16
#define REASON_LEN 64

typedef struct printer_status {
    int state; /* IPP printer-state */
    bool accepting;
    size_t n;
    char reasons[MAX_REASONS][REASON_LEN];
} printer_status;

typedef struct session {
    http_t *http;
    cups_dest_t *dest;
    cups_dinfo_t *info;
    char uri[HTTP_MAX_URI];
    long long deadline;
} session;

/* libcups calls this when a read or write has waited FORM_PRINT_IO_TIMEOUT_MS: give up. */
static int io_timeout_cb(http_t *http, void *user)
{
    (void)http;
    (void)user;
    return 0;
}

static form_err session_open(session *s, const char *printer, long long deadline)
{
    memset(s, 0, sizeof *s);
    s->deadline = deadline;
    long long left = deadline - now_ms();
    int msec =
        left < FORM_PRINT_IO_TIMEOUT_MS ? (int)(left > 0 ? left : 1) : FORM_PRINT_IO_TIMEOUT_MS;
    /* cupsServer(): CUPS_SERVER, client.conf, or the local socket (thread-local in libcups). */
    s->http =
        httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC, cupsEncryption(), 1, msec, NULL);
    if (s->http == NULL)
        return FORM_E_NO_PRINTER;
    httpSetTimeout(s->http, FORM_PRINT_IO_TIMEOUT_MS / 1000.0, io_timeout_cb, NULL);

    s->dest = cupsGetNamedDest(s->http, printer, NULL);
    if (s->dest == NULL)
        return FORM_E_NO_PRINTER;
    const char *u = cupsGetOption("printer-uri-supported", s->dest->num_options, s->dest->options);
    if (u != NULL && strlen(u) < sizeof s->uri) {
        memcpy(s->uri, u, strlen(u) + 1);
    } else if (httpAssembleURIf(HTTP_URI_CODING_ALL, s->uri, sizeof s->uri, "ipp", NULL,
                                "localhost", ippPort(), "/printers/%s",
                                s->dest->name) != HTTP_URI_STATUS_OK) {
        return FORM_E_NO_PRINTER;
    }
    return FORM_OK;
}

static void session_close(session *s)
{
    if (s->info != NULL)
        cupsFreeDestInfo(s->info);
    if (s->dest != NULL)
        cupsFreeDests(1, s->dest);
    if (s->http != NULL)
        httpClose(s->http);
    memset(s, 0, sizeof *s);
}

/* Bound the next exchange with cupsd by the deadline (at least 1 s, so that a cancel after
 * the deadline can still be sent; at most FORM_PRINT_IO_TIMEOUT_MS). */
static void bound_io(session *s)
{
    long long left = s->deadline - now_ms();
    if (left < 1000)
        left = 1000;
    if (left > FORM_PRINT_IO_TIMEOUT_MS)
        left = FORM_PRINT_IO_TIMEOUT_MS;
    httpSetTimeout(s->http, (double)left / 1000.0, io_timeout_cb, NULL);
}

static void add_user(ipp_t *req)
{
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL, cupsUser());
}

/* Get-Printer-Attributes. FORM_E_NO_PRINTER when cupsd cannot be reached or the queue is gone. */
static form_err get_printer_status(session *s, printer_status *ps)
{
    static const char *const WANT[] = {"printer-state", "printer-state-reasons",
                                       "printer-is-accepting-jobs"};
    memset(ps, 0, sizeof *ps);
    ipp_t *req = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
    if (req == NULL)
        return FORM_E_NOMEM;
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, s->uri);
    add_user(req);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  (int)(sizeof WANT / sizeof WANT[0]), NULL, WANT);
    bound_io(s);
    ipp_t *resp = cupsDoRequest(s->http, req, "/");
    ipp_status_t st = cupsLastError();
    if (resp == NULL || st > IPP_STATUS_OK_EVENTS_COMPLETE) {
        ippDelete(resp);
        return FORM_E_NO_PRINTER;
    }
    ipp_attribute_t *a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM);
    ps->state = a != NULL ? ippGetInteger(a, 0) : IPP_PSTATE_IDLE;
    a = ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN);
    ps->accepting = a == NULL || ippGetBoolean(a, 0);
    a = ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD);
    int count = a != NULL ? ippGetCount(a) : 0;
    for (int i = 0; i < count && ps->n < MAX_REASONS; i++) {
        const char *r = ippGetString(a, i, NULL);
        if (r == NULL || strcmp(r, "none") == 0)
            continue;
        size_t len = strlen(r);
        if (len >= REASON_LEN)
            continue; /* no keyword we act on is that long */
        memcpy(ps->reasons[ps->n++], r, len + 1);
    }
    ippDelete(resp);
    return FORM_OK;
}

static form_err status_error(const printer_status *ps, long stalled_ms, char *reason, size_t cap)
{
    const char *list[MAX_REASONS];
    for (size_t i = 0; i < ps->n; i++)
        list[i] = ps->reasons[i];
    return form_print_state_error(ps->state, list, ps->n, ps->accepting, stalled_ms, reason, cap);
}

static bool has_reason(const printer_status *ps, const char *keyword)
{
    size_t k = strlen(keyword);
    for (size_t i = 0; i < ps->n; i++) {
        suffix suf;
        size_t n = keyword_len(ps->reasons[i], &suf);
        if (n == k && memcmp(ps->reasons[i], keyword, k) == 0)
            return true;
    }
    return false;
}

/* The first reason worth showing in the progress callback (stripped), or NULL. */
static const char *shown_reason(const printer_status *ps, char *buf, size_t cap)
{
    for (size_t i = 0; i < ps->n; i++) {
        const char *r = ps->reasons[i];
        if (strncmp(r, "cups-", 5) == 0 || strncmp(r, "com.", 4) == 0)
            continue;
        suffix suf;
        size_t n = keyword_len(r, &suf);
        copy_reason(buf, cap, r, n);
        return buf;
    }
    return NULL;
}

/* Get-Job-Attributes: job-state, or 0 when the job is no longer known. */
static form_err get_job_state(session *s, int job_id, int *state)
{
    static const char *const WANT[] = {"job-state", "job-state-reasons"};
    *state = 0;
    ipp_t *req = ippNewRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    if (req == NULL)
        return FORM_E_NOMEM;
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, s->uri);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
    add_user(req);
    ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes",
                  (int)(sizeof WANT / sizeof WANT[0]), NULL, WANT);
    bound_io(s);
    ipp_t *resp = cupsDoRequest(s->http, req, "/");
    ipp_status_t st = cupsLastError();
    if (st == IPP_STATUS_ERROR_NOT_FOUND) {
        ippDelete(resp);
        return FORM_OK;
    }
    if (resp == NULL || st > IPP_STATUS_OK_EVENTS_COMPLETE) {
        ippDelete(resp);
        return FORM_E_NO_PRINTER;
    }
    ipp_attribute_t *a = ippFindAttribute(resp, "job-state", IPP_TAG_ENUM);
    *state = a != NULL ? ippGetInteger(a, 0) : 0;
    ippDelete(resp);
    return FORM_OK;
}

/* Cancel and purge the job (document and history), then wait a bounded while for cupsd to
 * confirm it ended. Best effort: the caller already has its error to report. */
static void cancel_job(session *s, int job_id)
{
    ipp_t *req = ippNewRequest(IPP_OP_CANCEL_JOB);
    if (req == NULL)
        return;
    ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", NULL, s->uri);
    ippAddInteger(req, IPP_TAG_OPERATION, IPP_TAG_INTEGER, "job-id", job_id);
    add_user(req);
    ippAddBoolean(req, IPP_TAG_OPERATION, "purge-job", 1);
    bound_io(s);
    ippDelete(cupsDoRequest(s->http, req, "/"));

    long long until = now_ms() + FORM_PRINT_CANCEL_WAIT_MS;
    for (;;) {
        int state;
        if (get_job_state(s, job_id, &state) != FORM_OK)
            return;
        if (state == 0 || state >= IPP_JSTATE_CANCELED)
            return;
        if (now_ms() >= until)
            return;
        sleep_ms(50);
    }
}

static form_err create_error(ipp_status_t st)
{
    switch (st) {
    case IPP_STATUS_ERROR_NOT_FOUND:
    case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
        return FORM_E_NO_PRINTER;
    case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
        return FORM_E_PRINTER_STOPPED;
    case IPP_STATUS_ERROR_INTERNAL:
        /* libcups' own code for a lost or timed-out connection */
        return FORM_E_NO_PRINTER;
    default:
        return FORM_E_PRINT;
    }
}

static bool report(form_print_progress_fn progress, void *user, form_print_stage stage,
                   const char *reason)
{
    return progress == NULL || progress(user, stage, reason);
}

size_t form_print_chunk(size_t left)
{
    return left < 2 * (size_t)FORM_PRINT_CHUNK ? left : FORM_PRINT_CHUNK;
}

/* Send the document. Returns FORM_OK or the error; *job_id is set once a job exists. */
static form_err send_document(session *s, const uint8_t *pdf, size_t len, int copies,
                              form_print_progress_fn progress, void *user, unsigned epoch,
                              int *job_id)
{
    bound_io(s);
    s->info = cupsCopyDestInfo(s->http, s->dest);
    if (s->info == NULL)
        return create_error(cupsLastError());

    cups_option_t *opts = NULL;
    int nopts = 0;
    char buf[16];
    snprintf(buf, sizeof buf, "%d", copies);
    nopts = cupsAddOption("copies", buf, nopts, &opts);
    ipp_status_t st =
        cupsCreateDestJob(s->http, s->dest, s->info, job_id, FORM_PRINT_TITLE, nopts, opts);
    if (st > IPP_STATUS_OK_EVENTS_COMPLETE || *job_id <= 0) {
        cupsFreeOptions(nopts, opts);
        *job_id = 0;
        return create_error(st);
    }
    /* Recorded for form_print_purge(); a purge since this call began cancels it at once. */
    form_err tracked = form_print_track(s->uri, *job_id, epoch);
    if (tracked != FORM_OK) {
        cupsFreeOptions(nopts, opts);
        return tracked;
    }
    if (!report(progress, user, FORM_PRINT_SENDING, NULL)) {
        cupsFreeOptions(nopts, opts);
        return FORM_E_PRINT_CANCELLED;
    }
    if (now_ms() >= s->deadline) {
        cupsFreeOptions(nopts, opts);
        return FORM_E_PRINT_TIMEOUT;
    }
    http_status_t hs = cupsStartDestDocument(s->http, s->dest, s->info, *job_id, FORM_PRINT_TITLE,
                                             CUPS_FORMAT_PDF, 0, NULL, 1);
    cupsFreeOptions(nopts, opts);
    if (hs != HTTP_STATUS_CONTINUE)
        return create_error(cupsLastError());

    /* Stream from memory in chunks, watching the deadline between them. */
    size_t off = 0;
    form_err err = FORM_OK;
    while (off < len) {
        size_t n = form_print_chunk(len - off);
        if (cupsWriteRequestData(s->http, (const char *)pdf + off, n) != HTTP_STATUS_CONTINUE) {
            err = FORM_E_PRINT;
            break;
        }
        off += n;
        if (off < len && now_ms() >= s->deadline) {
            err = FORM_E_PRINT_TIMEOUT;
            break;
        }
        if (off < len && form_print_epoch() != epoch) {
            err = FORM_E_PRINT_CANCELLED; /* the session ended: form_print_purge() */
            break;
        }
    }
    /* Always finish the request so the connection can be used to cancel. */
    st = cupsFinishDestDocument(s->http, s->dest, s->info);
    if (err != FORM_OK)
        return err;
    if (st > IPP_STATUS_OK_EVENTS_COMPLETE)
        return create_error(st);
    return FORM_OK;
}

/* Whether the queue no longer exists (or cupsd cannot be reached). */
static bool queue_gone(session *s)
{
    printer_status ps;
    return get_printer_status(s, &ps) == FORM_E_NO_PRINTER;
}

/* The reasons of now that were not there before the job (new problems). */
static void without(const printer_status *now, const printer_status *before, printer_status *out)
{
    *out = *now;
    out->n = 0;
    for (size_t i = 0; i < now->n; i++) {
        bool old = false;
        for (size_t j = 0; j < before->n && !old; j++)
            old = strcmp(now->reasons[i], before->reasons[j]) == 0;
        if (!old)
            memcpy(out->reasons[out->n++], now->reasons[i], REASON_LEN);
    }
}

/* Follow the job until it ends, a printer problem shows, the deadline passes or the caller
 * cancels. before: the printer's state just before the job was created. A problem reason the
 * printer already showed then may be stale (cupsd keeps what a backend last reported until a
 * backend clears it): it counts only when it lasts FORM_PRINT_OFFLINE_GRACE_MS while our job
 * waits. A new one counts at once. */
static form_err follow_job(session *s, int job_id, const printer_status *before,
                           form_print_progress_fn progress, void *user, unsigned epoch)
{
    long long connecting_since = 0, problem_since = 0;
    for (;;) {
        if (form_print_epoch() != epoch)
            return FORM_E_PRINT_CANCELLED; /* the session ended: form_print_purge() */
        int jstate;
        form_err err = get_job_state(s, job_id, &jstate);
        if (err != FORM_OK)
            return err;
        switch (jstate) {
        case 0:
            /* Gone: the queue was deleted with its jobs, or the job left the history before
             * we saw it end (PreserveJobHistory No or too short: success cannot be told from
             * abort). */
            return queue_gone(s) ? FORM_E_NO_PRINTER : FORM_E_PRINT;
        case IPP_JSTATE_COMPLETED:
            report(progress, user, FORM_PRINT_DONE, NULL);
            return FORM_OK;
        case IPP_JSTATE_CANCELED:
            /* Not by us (that returns before): staff cancelled it, or the queue was deleted.
             * The resident must be told: FORM_E_PRINT_CANCELLED means the caller's own wish. */
            return queue_gone(s) ? FORM_E_NO_PRINTER : FORM_E_PRINTER_STOPPED;
        case IPP_JSTATE_ABORTED:
        case IPP_JSTATE_STOPPED:
            return FORM_E_PRINTER_STOPPED;
        default:
            break;
        }

        printer_status ps, fresh;
        err = get_printer_status(s, &ps);
        if (err != FORM_OK)
            return err;
        long long t = now_ms();
        if (has_reason(&ps, "connecting-to-device") || has_reason(&ps, "timed-out")) {
            if (connecting_since == 0)
                connecting_since = t;
        } else {
            connecting_since = 0;
        }
        long stalled = connecting_since != 0 ? (long)(t - connecting_since) : 0;
        without(&ps, before, &fresh);
        err = status_error(&fresh, stalled, NULL, 0);
        if (err != FORM_OK)
            return err;
        err = status_error(&ps, stalled, NULL, 0);
        if (err == FORM_OK) {
            problem_since = 0;
        } else {
            if (problem_since == 0)
                problem_since = t;
            if (t - problem_since >= FORM_PRINT_OFFLINE_GRACE_MS)
                return err;
        }

        char rbuf[REASON_LEN];
        form_print_stage stage =
            jstate == IPP_JSTATE_PROCESSING ? FORM_PRINT_PRINTING : FORM_PRINT_QUEUED;
        if (!report(progress, user, stage, shown_reason(&ps, rbuf, sizeof rbuf)))
            return FORM_E_PRINT_CANCELLED;

        if (now_ms() >= s->deadline)
            return FORM_E_PRINT_TIMEOUT;
        long long nap = s->deadline - now_ms();
        sleep_ms(nap < FORM_PRINT_POLL_MS ? nap : FORM_PRINT_POLL_MS);
    }
}

form_err form_print_pdf(const uint8_t *pdf, size_t len, const char *printer, int copies,
                        int timeout_ms, form_print_progress_fn progress, void *user)
{
    if (pdf == NULL || len == 0 || copies < 1 || copies > FORM_PRINT_MAX_COPIES)
        return FORM_E_ARG;
    if (printer != NULL && (printer[0] == '\0' || strlen(printer) > 127))
        return FORM_E_ARG;
    if (timeout_ms <= 0)
        timeout_ms = FORM_PRINT_DEFAULT_TIMEOUT_MS;
    long long deadline = now_ms() + timeout_ms;
    unsigned epoch = form_print_epoch();

    session s;
    form_err err = session_open(&s, printer, deadline);
    if (err != FORM_OK) {
        session_close(&s);
        return err;
    }

    /* Refuse before sending anything when the queue will not print. */
    printer_status ps;
    err = get_printer_status(&s, &ps);
    if (err == FORM_OK && (ps.state == IPP_PSTATE_STOPPED || !ps.accepting))
        err = status_error(&ps, 0, NULL, 0);
    if (err != FORM_OK) {
        session_close(&s);
        return err;
    }

    int job_id = 0;
    err = send_document(&s, pdf, len, copies, progress, user, epoch, &job_id);
    if (err == FORM_OK)
        err = follow_job(&s, job_id, &ps, progress, user, epoch);
    if (err != FORM_OK && job_id > 0)
        cancel_job(&s, job_id);
    session_close(&s);
    return err;
}

form_err form_print(const form_doc *doc, const char *printer, int copies, int timeout_ms,
                    form_print_progress_fn progress, void *user)
{
    if (doc == NULL)
        return FORM_E_ARG;
    size_t len = 0;
    const uint8_t *data = form_doc_data(doc, &len);
    return form_print_pdf(data, len, printer, copies, timeout_ms, progress, user);
}

form_err form_printer_state(const char *printer, char *reason, size_t cap)
{
    copy_reason(reason, cap, "", 0);
    if (printer != NULL && (printer[0] == '\0' || strlen(printer) > 127))
        return FORM_E_ARG;
    session s;
    form_err err = session_open(&s, printer, now_ms() + FORM_PRINT_IO_TIMEOUT_MS);
    printer_status ps;
    if (err == FORM_OK)
        err = get_printer_status(&s, &ps);
    if (err == FORM_OK) {
        /* Staff mode: "connecting-to-device" outside a job means the printer is not there. */
        long stalled = has_reason(&ps, "connecting-to-device") ? FORM_PRINT_OFFLINE_GRACE_MS : 0;
        err = status_error(&ps, stalled, reason, cap);
    }
    session_close(&s);
    return err;
}
