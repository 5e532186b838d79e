/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-print-cups.c — form_print() against a real cupsd (tests/lib/with-cupsd.sh): a PDF
 * made here goes to the cups-pdf printer and comes back as a PDF whose pages look the same;
 * each printer fault of the fault queue gives its own error within a bounded time; after
 * every job the spool holds no document and the only title anywhere is "kakanai";
 * form_print_purge() leaves cupsd with no job and no record of the session's jobs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <cups/cups.h>

#include "form-print-private.h"
#include "print-util.h"

#define PDF_Q "kakanai-pdf"
#define FAULT_Q "kakanai-fault"

static uint8_t *g_pdf;
static size_t g_len;
static char g_in[1024]; /* g_pdf as a file, for pdftoppm */

static int setup(void **state)
{
    (void)state;
    if (!pu_env()) {
        fprintf(stderr, "not under tests/lib/with-cupsd.sh: skipped\n");
        exit(77);
    }
    g_pdf = pu_make_pdf(2, &g_len);
    if (g_pdf == NULL)
        return -1;
    snprintf(g_in, sizeof g_in, "%s/input.pdf", pu_scratch());
    return pu_write_file(g_in, g_pdf, g_len) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(g_pdf);
    return 0;
}

/* After every job: no document in the spool, neutral titles only (in the control files of
 * the jobs cupsd still remembers: PreserveJobHistory 30). */
static void assert_spool_clean(void)
{
    char name[256] = "";
    /* cupsd unlinks the document as the job ends; allow it a moment. */
    long long until = pu_now_ms() + 2000;
    while (pu_spool_documents(name, sizeof name) > 0 && pu_now_ms() < until)
        usleep(50 * 1000);
    if (pu_spool_documents(name, sizeof name) > 0)
        fail_msg("the spool still holds the document %s", name);
    char why[256] = "";
    size_t files = 0;
    if (!pu_spool_titles(FORM_PRINT_TITLE, NULL, &files, why, sizeof why))
        fail_msg("spool control files: %s", why);
}

static void set_fault(const char *mode)
{
    char path[1024], line[64];
    snprintf(path, sizeof path, "%s/fault", pu_dir());
    int n = snprintf(line, sizeof line, "%s\n", mode);
    assert_true(pu_write_file(path, line, (size_t)n));
}

/* Back to a healthy fault queue: backend ok, queue enabled and accepting, and a job through
 * it so that the backend clears what the last fault reported. */
static void reset_fault_queue(void)
{
    set_fault("ok");
    assert_int_equal(pu_run("cupsenable %s && cupsaccept %s", FAULT_Q, FAULT_Q), 0);
    char reason[64];
    if (form_printer_state(FAULT_Q, reason, sizeof reason) == FORM_OK)
        return;
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL), FORM_OK);
    assert_int_equal(form_printer_state(FAULT_Q, reason, sizeof reason), FORM_OK);
}

static long read_number(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", pu_dir(), name);
    FILE *f = fopen(path, "r");
    long v = -1;
    if (f != NULL) {
        if (fscanf(f, "%ld", &v) != 1)
            v = -1;
        fclose(f);
    }
    return v;
}

static void pdf_printed_through_cups_pdf_looks_like_the_input(void **state)
{
    (void)state;
    pu_clear_out();
    long long t0 = pu_now_ms();
    assert_int_equal(form_print_pdf(g_pdf, g_len, PDF_Q, 1, 60000, NULL, NULL), FORM_OK);
    long long t1 = pu_now_ms();
    char out[1024];
    assert_true(pu_wait_out(1, out, sizeof out, 10000));
    assert_int_equal(pu_pdf_pages(out), 2);
    for (int page = 1; page <= 2; page++) {
        double mean = 999, far = 1, tile = 999;
        assert_true(pu_compare_page_tiles(g_in, out, page, &mean, &far, &tile));
        fprintf(stderr, "  page %d: mean difference %.2f/255, %.3f%% pixels far, worst tile %.1f\n",
                page, mean, far * 100, tile);
        assert_true(mean < 4.0);
        assert_true(far < 0.01);
        assert_true(tile < 12.0);
    }
    fprintf(stderr, "  printed %zu bytes in %lld ms\n", g_len, t1 - t0);
    assert_spool_clean();
    /* This job's control file is still there (history), titled neutrally. */
    char why[256] = "";
    size_t files = 0;
    assert_true(pu_spool_titles(FORM_PRINT_TITLE, NULL, &files, why, sizeof why));
    assert_true(files >= 1);
}

static size_t entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while (d != NULL && (e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    if (d != NULL)
        closedir(d);
    return n;
}

/* From memory: nothing lands in TMPDIR or HOME (libcups' ~/.cups) while printing. */
static void default_destination_is_used_without_a_name(void **state)
{
    (void)state;
    pu_clear_out();
    assert_int_equal(form_print_pdf(g_pdf, g_len, NULL, 1, 60000, NULL, NULL), FORM_OK);
    assert_true(pu_wait_out(1, NULL, 0, 10000));
    assert_spool_clean();
}

/* cups-pdf makes one PDF whatever the copies: the raw fault queue's backend is told. */
static void copies_reach_the_printer(void **state)
{
    (void)state;
    reset_fault_queue();
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 2, 20000, NULL, NULL), FORM_OK);
    assert_int_equal(read_number("fault.copies"), 2);
    assert_spool_clean();
}

typedef struct stages {
    int calls;
    int seen[4];
    int cancel_after; /* 0: never */
    char last_reason[64];
} stages;

static bool on_progress(void *user, form_print_stage stage, const char *reason)
{
    stages *s = user;
    s->calls++;
    if (stage >= 0 && stage <= FORM_PRINT_DONE)
        s->seen[stage]++;
    if (reason != NULL)
        snprintf(s->last_reason, sizeof s->last_reason, "%s", reason);
    return s->cancel_after == 0 || s->calls < s->cancel_after;
}

static void progress_reports_sending_and_done(void **state)
{
    (void)state;
    pu_clear_out();
    stages s = {0};
    assert_int_equal(form_print_pdf(g_pdf, g_len, PDF_Q, 1, 60000, on_progress, &s), FORM_OK);
    assert_int_equal(s.seen[FORM_PRINT_SENDING], 1);
    assert_int_equal(s.seen[FORM_PRINT_DONE], 1);
    assert_spool_clean();
}

static void fault_queue_receives_the_exact_bytes(void **state)
{
    (void)state;
    reset_fault_queue();
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL), FORM_OK);
    assert_int_equal(read_number("fault.bytes"), (long)g_len);
    assert_int_equal(read_number("fault.copies"), 1);
    assert_spool_clean();
}

/* A fault: the error, within max_ms. */
static void expect_fault(const char *mode, int timeout_ms, form_err want, long long max_ms)
{
    reset_fault_queue();
    set_fault(mode);
    long long t0 = pu_now_ms();
    stages s = {0};
    form_err e = form_print_pdf(g_pdf, g_len, FAULT_Q, 1, timeout_ms, on_progress, &s);
    long long ms = pu_now_ms() - t0;
    fprintf(stderr, "  %-10s → %d after %lld ms (last reason \"%s\")\n", mode, e, ms,
            s.last_reason);
    assert_int_equal(e, want);
    assert_true(ms <= max_ms);
    assert_spool_clean();
}

static void out_of_paper_is_reported_and_the_job_cancelled(void **state)
{
    (void)state;
    expect_fault("paper 30", 20000, FORM_E_OUT_OF_PAPER, 6000);
}

/* After the out-of-paper job was cancelled, cupsd still shows media-empty-error (nobody
 * cleared it). Paper is back: the next job must print, not fail on the stale reason. */
static void stale_out_of_paper_reason_does_not_fail_a_good_job(void **state)
{
    (void)state;
    set_fault("paper 30");
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL),
                     FORM_E_OUT_OF_PAPER);
    char reason[64];
    assert_int_equal(form_printer_state(FAULT_Q, reason, sizeof reason), FORM_E_OUT_OF_PAPER);
    assert_string_equal(reason, "media-empty");
    set_fault("ok");
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL), FORM_OK);
    assert_int_equal(form_printer_state(FAULT_Q, reason, sizeof reason), FORM_OK);
    assert_spool_clean();
}

/* Paper still out (stale reason, and the backend reports it again): after the grace. */
static void lasting_out_of_paper_fails_after_the_grace(void **state)
{
    (void)state;
    set_fault("paper 30");
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL),
                     FORM_E_OUT_OF_PAPER);
    long long t0 = pu_now_ms();
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL),
                     FORM_E_OUT_OF_PAPER);
    long long ms = pu_now_ms() - t0;
    fprintf(stderr, "  stale paper → out of paper after %lld ms\n", ms);
    assert_true(ms >= FORM_PRINT_OFFLINE_GRACE_MS && ms < FORM_PRINT_OFFLINE_GRACE_MS + 4000);
    assert_spool_clean();
}

static void unreachable_printer_is_reported_offline(void **state)
{
    (void)state;
    expect_fault("offline 30", 20000, FORM_E_PRINTER_OFFLINE, FORM_PRINT_OFFLINE_GRACE_MS + 6000);
}

static void backend_stopping_the_queue_is_reported_stopped(void **state)
{
    (void)state;
    expect_fault("stop", 20000, FORM_E_PRINTER_STOPPED, 8000);
}

static void aborted_job_is_reported_stopped(void **state)
{
    (void)state;
    expect_fault("abort", 20000, FORM_E_PRINTER_STOPPED, 8000);
}

static void slow_printer_times_out_and_the_job_is_cancelled(void **state)
{
    (void)state;
    expect_fault("slow 30", 2000, FORM_E_PRINT_TIMEOUT, 2000 + FORM_PRINT_CANCEL_WAIT_MS + 1000);
}

static void progress_returning_false_cancels_the_job(void **state)
{
    (void)state;
    reset_fault_queue();
    set_fault("slow 30");
    stages s = {.cancel_after = 4};
    long long t0 = pu_now_ms();
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, on_progress, &s),
                     FORM_E_PRINT_CANCELLED);
    assert_true(pu_now_ms() - t0 < 5000);
    assert_int_equal(s.calls, 4);
    assert_spool_clean();
}

static void cancel_before_sending_sends_nothing(void **state)
{
    (void)state;
    reset_fault_queue();
    stages s = {.cancel_after = 1};
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, on_progress, &s),
                     FORM_E_PRINT_CANCELLED);
    assert_spool_clean();
}

static void disabled_queue_is_refused_before_sending(void **state)
{
    (void)state;
    reset_fault_queue();
    assert_int_equal(pu_run("cupsdisable %s", FAULT_Q), 0);
    char reason[64];
    assert_int_equal(form_printer_state(FAULT_Q, reason, sizeof reason), FORM_E_PRINTER_STOPPED);
    assert_string_equal(reason, "paused");
    stages s = {0};
    long long t0 = pu_now_ms();
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, on_progress, &s),
                     FORM_E_PRINTER_STOPPED);
    assert_true(pu_now_ms() - t0 < 2000);
    assert_int_equal(s.calls, 0); /* no job was created */
    reset_fault_queue();
}

static void rejecting_queue_is_refused(void **state)
{
    (void)state;
    reset_fault_queue();
    assert_int_equal(pu_run("cupsreject %s", FAULT_Q), 0);
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL),
                     FORM_E_PRINTER_STOPPED);
    reset_fault_queue();
}

static void unknown_queue_is_no_printer(void **state)
{
    (void)state;
    char reason[64];
    assert_int_equal(form_print_pdf(g_pdf, g_len, "kakanai-none", 1, 5000, NULL, NULL),
                     FORM_E_NO_PRINTER);
    assert_int_equal(form_printer_state("kakanai-none", reason, sizeof reason), FORM_E_NO_PRINTER);
}

static void cupsd_gone_is_no_printer(void **state)
{
    (void)state;
    cupsSetServer("/nonexistent/kakanai.sock");
    form_err e = form_print_pdf(g_pdf, g_len, PDF_Q, 1, 5000, NULL, NULL);
    cupsSetServer(NULL);
    assert_int_equal(e, FORM_E_NO_PRINTER);
    assert_int_equal(form_printer_state(PDF_Q, NULL, 0), FORM_OK);
}

typedef struct thread_job {
    pthread_t tid;
    form_err err;
} thread_job;

static void *print_thread(void *arg)
{
    thread_job *j = arg;
    j->err = form_print_pdf(g_pdf, g_len, PDF_Q, 1, 60000, NULL, NULL);
    return NULL;
}

static void printing_writes_no_file_of_its_own(void **state)
{
    (void)state;
    char tmp[1024], home[1024];
    snprintf(tmp, sizeof tmp, "%s/tmpdir", pu_scratch());
    snprintf(home, sizeof home, "%s/home", pu_scratch());
    assert_int_equal(mkdir(tmp, 0700), 0);
    assert_int_equal(mkdir(home, 0700), 0);
    char *old_tmp = getenv("TMPDIR") ? strdup(getenv("TMPDIR")) : NULL;
    char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    setenv("TMPDIR", tmp, 1);
    setenv("HOME", home, 1);
    pu_clear_out();
    thread_job j;
    assert_int_equal(pthread_create(&j.tid, NULL, print_thread, &j), 0);
    pthread_join(j.tid, NULL);
    form_err e = j.err;
    if (old_tmp != NULL)
        setenv("TMPDIR", old_tmp, 1);
    else
        unsetenv("TMPDIR");
    if (old_home != NULL)
        setenv("HOME", old_home, 1);
    else
        unsetenv("HOME");
    free(old_tmp);
    free(old_home);
    assert_int_equal(e, FORM_OK);
    assert_int_equal(entries(tmp), 0);
    assert_int_equal(entries(home), 0);
    assert_true(pu_wait_out(1, NULL, 0, 10000));
    assert_spool_clean();
}

static void two_threads_print_at_once(void **state)
{
    (void)state;
    pu_clear_out();
    thread_job j[2];
    for (int i = 0; i < 2; i++)
        assert_int_equal(pthread_create(&j[i].tid, NULL, print_thread, &j[i]), 0);
    for (int i = 0; i < 2; i++) {
        pthread_join(j[i].tid, NULL);
        assert_int_equal(j[i].err, FORM_OK);
    }
    assert_true(pu_wait_out(2, NULL, 0, 10000));
    assert_spool_clean();
}

/* Print to the fault queue a job the backend holds for 30 s while another thread runs
 * disrupt (which acts after ~800 ms); *ms is how long form_print_pdf() took. */
static form_err print_slow_job_while(void *(*disrupt)(void *), long long *ms)
{
    reset_fault_queue();
    set_fault("slow 30");
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, disrupt, NULL), 0);
    long long t0 = pu_now_ms();
    form_err e = form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL);
    *ms = pu_now_ms() - t0;
    pthread_join(t, NULL);
    return e;
}

static void *cancel_all_soon(void *arg)
{
    (void)arg;
    usleep(800 * 1000);
    pu_run("cancel -a %s", FAULT_Q);
    return NULL;
}

static void *delete_fault_queue_soon(void *arg)
{
    (void)arg;
    usleep(800 * 1000);
    pu_run("lpadmin -x %s", FAULT_Q);
    return NULL;
}

/* Staff delete the queue while our job waits: no printer (not "cancelled", which would mean
 * the kiosk's own wish and show nothing to the resident). */
static void queue_deleted_mid_job_is_no_printer(void **state)
{
    (void)state;
    long long ms;
    form_err e = print_slow_job_while(delete_fault_queue_soon, &ms);
    fprintf(stderr, "  queue deleted → %d after %lld ms\n", e, ms);
    assert_int_equal(pu_run("lpadmin -p %s -E -v kakanai-fault:%s -m raw "
                            "-o printer-error-policy=abort-job 2>/dev/null",
                            FAULT_Q, pu_dir()),
                     0);
    assert_int_equal(e, FORM_E_NO_PRINTER);
    assert_true(ms < 3000);
    assert_spool_clean();
}

/* Staff cancel our job (cancel -a): the resident is told (printer stopped), not silence. */
static void job_cancelled_by_staff_is_reported_stopped(void **state)
{
    (void)state;
    long long ms;
    form_err e = print_slow_job_while(cancel_all_soon, &ms);
    assert_int_equal(e, FORM_E_PRINTER_STOPPED);
    assert_spool_clean();
}

static void *kill_cupsd_soon(void *arg)
{
    (void)arg;
    usleep(800 * 1000);
    const char *pid = getenv("KAKANAI_CUPSD_PID");
    if (pid != NULL)
        kill((pid_t)strtol(pid, NULL, 10), SIGKILL);
    return NULL;
}

/* Last: cupsd dies while our job waits → no printer, within a bound (not the full time-out). */
static void cupsd_dying_mid_job_is_no_printer(void **state)
{
    (void)state;
    long long ms;
    form_err e = print_slow_job_while(kill_cupsd_soon, &ms);
    fprintf(stderr, "  cupsd killed → %d after %lld ms\n", e, ms);
    assert_int_equal(e, FORM_E_NO_PRINTER);
    assert_true(ms < 5000);
}

/* ---- the end of a session: form_print_purge() ------------------------------------------ */

/* How many jobs cupsd still lists on both queues, finished ones included. */
static int jobs_listed(void)
{
    char cmd[256], line[512];
    snprintf(cmd, sizeof cmd, "lpstat -W all -o %s %s 2>/dev/null", PDF_Q, FAULT_Q);
    FILE *p = popen(cmd, "r");
    int n = 0;
    if (p == NULL)
        return -1;
    while (fgets(line, sizeof line, p) != NULL)
        n++;
    pclose(p);
    return n;
}

static void *fault_print_thread(void *arg)
{
    thread_job *j = arg;
    j->err = form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 60000, NULL, NULL);
    return NULL;
}

/* A finished job stays in cupsd's history (PreserveJobHistory) with its control file: the
 * purge at the end of the session removes the record too. */
static void purge_removes_finished_jobs_and_their_records(void **state)
{
    (void)state;
    reset_fault_queue();
    assert_int_equal(form_print_pdf(g_pdf, g_len, FAULT_Q, 1, 20000, NULL, NULL), FORM_OK);
    size_t files = 0;
    char why[256] = "";
    assert_true(pu_spool_titles(FORM_PRINT_TITLE, NULL, &files, why, sizeof why));
    assert_true(files > 0);
    assert_true(jobs_listed() > 0);
    assert_true(form_print_pending_purge() > 0);
    long long t0 = pu_now_ms();
    assert_int_equal(form_print_purge(0), FORM_OK);
    fprintf(stderr, "  purge of %zu control file(s) → none in %lld ms\n", files, pu_now_ms() - t0);
    assert_int_equal(form_print_pending_purge(), 0);
    assert_int_equal(jobs_listed(), 0);
    assert_true(pu_spool_titles(FORM_PRINT_TITLE, NULL, &files, why, sizeof why));
    assert_int_equal(files, 0);
    assert_spool_clean();
}

/* Resident A's job is still at the printer (slow) when A's session ends: the purge cancels
 * it, A's form_print() ends with FORM_E_PRINT_CANCELLED, and when the printer is well again
 * nothing of A comes out, then or later. */
static void purge_ends_a_job_still_at_the_printer_and_it_never_prints(void **state)
{
    (void)state;
    reset_fault_queue();
    char bytes[1024];
    snprintf(bytes, sizeof bytes, "%s/fault.bytes", pu_dir());
    unlink(bytes);
    set_fault("slow 30");
    thread_job j;
    assert_int_equal(pthread_create(&j.tid, NULL, fault_print_thread, &j), 0);
    usleep(1200 * 1000);
    long long t0 = pu_now_ms();
    assert_int_equal(form_print_purge(0), FORM_OK);
    long long purge_ms = pu_now_ms() - t0;
    pthread_join(j.tid, NULL);
    long long end_ms = pu_now_ms() - t0;
    fprintf(stderr, "  purge mid-job: %lld ms; the printing thread ended %lld ms after it (%d)\n",
            purge_ms, end_ms, j.err);
    assert_int_equal(j.err, FORM_E_PRINT_CANCELLED);
    assert_int_equal(jobs_listed(), 0);
    set_fault("ok");
    assert_int_equal(pu_run("cupsenable %s", FAULT_Q), 0);
    sleep(3);
    assert_int_equal(access(bytes, F_OK), -1); /* the backend never got A's document */
    assert_int_equal(jobs_listed(), 0);
    assert_spool_clean();
}

/* A purge with nothing recorded, and a purge while cupsd cannot be told, are answered. */
static void purge_with_nothing_recorded_is_ok(void **state)
{
    (void)state;
    assert_int_equal(form_print_purge(0), FORM_OK);
    assert_int_equal(form_print_pending_purge(), 0);
}

static void page_log_holds_only_the_neutral_title(void **state)
{
    (void)state;
    size_t lines = 0;
    assert_true(pu_page_log_titles(FORM_PRINT_TITLE, NULL, &lines));
    fprintf(stderr, "  page_log: %zu lines, all titled \"%s\"\n", lines, FORM_PRINT_TITLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pdf_printed_through_cups_pdf_looks_like_the_input),
        cmocka_unit_test(printing_writes_no_file_of_its_own),
        cmocka_unit_test(default_destination_is_used_without_a_name),
        cmocka_unit_test(copies_reach_the_printer),
        cmocka_unit_test(progress_reports_sending_and_done),
        cmocka_unit_test(two_threads_print_at_once),
        cmocka_unit_test(fault_queue_receives_the_exact_bytes),
        cmocka_unit_test(out_of_paper_is_reported_and_the_job_cancelled),
        cmocka_unit_test(stale_out_of_paper_reason_does_not_fail_a_good_job),
        cmocka_unit_test(lasting_out_of_paper_fails_after_the_grace),
        cmocka_unit_test(unreachable_printer_is_reported_offline),
        cmocka_unit_test(backend_stopping_the_queue_is_reported_stopped),
        cmocka_unit_test(aborted_job_is_reported_stopped),
        cmocka_unit_test(slow_printer_times_out_and_the_job_is_cancelled),
        cmocka_unit_test(progress_returning_false_cancels_the_job),
        cmocka_unit_test(cancel_before_sending_sends_nothing),
        cmocka_unit_test(disabled_queue_is_refused_before_sending),
        cmocka_unit_test(rejecting_queue_is_refused),
        cmocka_unit_test(unknown_queue_is_no_printer),
        cmocka_unit_test(cupsd_gone_is_no_printer),
        cmocka_unit_test(page_log_holds_only_the_neutral_title),
        cmocka_unit_test(purge_removes_finished_jobs_and_their_records),
        cmocka_unit_test(purge_ends_a_job_still_at_the_printer_and_it_never_prints),
        cmocka_unit_test(purge_with_nothing_recorded_is_ok),
        cmocka_unit_test(queue_deleted_mid_job_is_no_printer),
        cmocka_unit_test(job_cancelled_by_staff_is_reported_stopped),
        cmocka_unit_test(cupsd_dying_mid_job_is_no_printer), /* last: cupsd is gone after it */
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
