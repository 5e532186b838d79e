/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-kiosk-worker.c — a worker's stack holds nothing once it is joined: a worker writes a
 * canary on its stack; while it runs the scan of every readable mapping of the process
 * (/proc/self/maps + /proc/self/mem) finds it (the scan can see a stack); after the join,
 * or after a detached worker ended, no mapping holds it. The canary exists only on the
 * worker's stack: it is made from a seed drawn at run time, and the scan compares byte by
 * byte against the same generator instead of a copy.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <glib.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kiosk-stack-scrub.h"
#include "kiosk-worker.h"

#define CANARY_LEN 48

static uint8_t canary_byte(uint32_t seed, size_t i)
{
    uint32_t x = seed ^ (uint32_t)(i * 2654435761u);
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return (uint8_t)(x >> 11);
}

typedef struct job {
    uint32_t seed;
    GMutex lock;
    GCond cond;
    gboolean written, go;
    uintptr_t where; /* an address on the worker's stack */
} job;

static void *write_canary(void *arg)
{
    job *j = arg;
    volatile uint8_t buf[512];
    for (size_t k = 0; k < 4; k++) /* a few copies, as a resident's name would be */
        for (size_t i = 0; i < CANARY_LEN; i++)
            buf[k * 128 + i] = canary_byte(j->seed, i);
    g_mutex_lock(&j->lock);
    j->where = (uintptr_t)buf;
    j->written = TRUE;
    g_cond_broadcast(&j->cond);
    while (!j->go)
        g_cond_wait(&j->cond, &j->lock);
    g_mutex_unlock(&j->lock);
    return NULL;
}

static void job_init(job *j)
{
    memset(j, 0, sizeof *j);
    j->seed = g_random_int() | 1u;
    g_mutex_init(&j->lock);
    g_cond_init(&j->cond);
}

static void job_wait_written(job *j)
{
    g_mutex_lock(&j->lock);
    while (!j->written)
        g_cond_wait(&j->cond, &j->lock);
    g_mutex_unlock(&j->lock);
}

static void job_release(job *j)
{
    g_mutex_lock(&j->lock);
    j->go = TRUE;
    g_cond_broadcast(&j->cond);
    g_mutex_unlock(&j->lock);
}

static size_t hits_in(const uint8_t *p, size_t n, uint32_t seed)
{
    size_t hits = 0;
    uint8_t first = canary_byte(seed, 0);
    for (size_t i = 0; i + CANARY_LEN <= n; i++) {
        if (p[i] != first)
            continue;
        size_t k = 1;
        while (k < CANARY_LEN && p[i + k] == canary_byte(seed, k))
            k++;
        hits += k == CANARY_LEN;
    }
    return hits;
}

/* Every readable mapping of the process, read through /proc/self/mem. */
static size_t scan(uint32_t seed, size_t *mappings)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    int mem = open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    assert_non_null(maps);
    assert_true(mem >= 0);
    size_t chunk = 1u << 20, hits = 0;
    uint8_t *buf = g_malloc(chunk + CANARY_LEN);
    char line[512];
    *mappings = 0;
    while (fgets(line, sizeof line, maps)) {
        uintptr_t lo, hi;
        char perms[8];
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %7s", &lo, &hi, perms) != 3 || perms[0] != 'r')
            continue;
        if (strstr(line, "[vvar]") || strstr(line, "[vsyscall]"))
            continue;
        (*mappings)++;
        size_t carry = 0;
        for (uintptr_t a = lo; a < hi;) {
            size_t want = (size_t)MIN((uintptr_t)chunk, hi - a);
            ssize_t got = pread(mem, buf + carry, want, (off_t)a);
            if (got <= 0)
                break;
            hits += hits_in(buf, carry + (size_t)got, seed);
            /* keep the last bytes: a canary across two chunks is found once */
            size_t keep = MIN((size_t)CANARY_LEN - 1, carry + (size_t)got);
            memmove(buf, buf + carry + (size_t)got - keep, keep);
            carry = keep;
            a += (uintptr_t)got;
        }
    }
    explicit_bzero(buf, chunk + CANARY_LEN);
    g_free(buf);
    close(mem);
    fclose(maps);
    return hits;
}

/* The mapping that holds addr: the perms of the mapping right below, its VmFlags, its Rss. */
static long mapping_of(uintptr_t addr, char below[8], char flags[128])
{
    FILE *f = fopen("/proc/self/smaps", "r");
    assert_non_null(f);
    char line[512], prev_perms[8] = "", cur_perms[8] = "";
    uintptr_t prev_hi = 0;
    gboolean in = FALSE;
    long rss_kb = -1;
    below[0] = flags[0] = 0;
    while (fgets(line, sizeof line, f)) {
        uintptr_t lo, hi;
        char perms[8];
        if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " %7s", &lo, &hi, perms) == 3) {
            if (in)
                break;
            in = addr >= lo && addr < hi;
            if (in && prev_hi == lo)
                g_strlcpy(below, prev_perms, 8);
            g_strlcpy(cur_perms, perms, sizeof cur_perms);
            g_strlcpy(prev_perms, perms, sizeof prev_perms);
            prev_hi = hi;
        } else if (in && strncmp(line, "VmFlags:", 8) == 0) {
            g_strlcpy(flags, line + 8, 128);
        } else if (in && strncmp(line, "Rss:", 4) == 0) {
            rss_kb = strtol(line + 4, NULL, 10);
        }
    }
    fclose(f);
    return rss_kb;
}

/* The wipe touches only what the worker touched: a pooled stack is not faulted in (and so
 * locked) whole. First in the run, on a fresh stack (the scans below read every page). */
static void wipe_leaves_untouched_pages_alone(void **state)
{
    job j;
    job_init(&j);
    kiosk_worker *w = kiosk_worker_start("test-rss", write_canary, &j);
    assert_non_null(w);
    job_wait_written(&j);
    job_release(&j);
    kiosk_worker_join(w);
    char below[8], flags[128];
    long rss = mapping_of(j.where, below, flags);
    print_message("pooled stack: %ld kB resident of %u kB\n", rss, KIOSK_WORKER_STACK / 1024);
    assert_true(rss >= 0 && rss < 256);
}

static void joined_worker_leaves_nothing_on_its_stack(void **state)
{
    job j;
    job_init(&j);
    kiosk_worker *w = kiosk_worker_start("test-canary", write_canary, &j);
    assert_non_null(w);
    job_wait_written(&j);
    size_t mappings = 0;
    size_t alive = scan(j.seed, &mappings);
    print_message("while the worker runs: %zu hits in %zu readable mappings\n", alive, mappings);
    assert_true(alive >= 4); /* the scan sees a thread's stack */
    /* the stack is ours: a guard page right below it, excluded from core dumps */
    char below[8], flags[128];
    mapping_of(j.where, below, flags);
    print_message("stack mapping: below %s, flags%s", below, flags);
    assert_string_equal(below, "---p");
    assert_non_null(strstr(flags, " dd"));
    job_release(&j);
    kiosk_worker_join(w);
    size_t after = scan(j.seed, &mappings);
    print_message("after the join: %zu hits in %zu readable mappings\n", after, mappings);
    assert_int_equal(after, 0);
}

static void detached_worker_is_wiped_when_it_ends(void **state)
{
    job j;
    job_init(&j);
    kiosk_worker *w = kiosk_worker_start("test-detached", write_canary, &j);
    assert_non_null(w);
    job_wait_written(&j);
    kiosk_worker_detach(w);
    size_t mappings = 0;
    assert_true(scan(j.seed, &mappings) >= 4);
    job_release(&j);
    assert_true(kiosk_worker_quiesce(5000));
    assert_int_equal(scan(j.seed, &mappings), 0);
}

/* Many workers at once: each gets a stack; afterwards the pool keeps a few, never more. */
static void stack_pool_is_reused_and_bounded(void **state)
{
    enum { N = KIOSK_WORKER_POOL_MAX + 3 };
    job jobs[N];
    kiosk_worker *w[N];
    for (int i = 0; i < N; i++) {
        job_init(&jobs[i]);
        w[i] = kiosk_worker_start("test-pool", write_canary, &jobs[i]);
        assert_non_null(w[i]);
        job_wait_written(&jobs[i]);
    }
    for (int i = 0; i < N; i++) {
        job_release(&jobs[i]);
        kiosk_worker_join(w[i]);
    }
    assert_int_equal(kiosk_worker_pool_size(), KIOSK_WORKER_POOL_MAX);
    size_t mappings = 0;
    for (int i = 0; i < N; i++)
        assert_int_equal(scan(jobs[i].seed, &mappings), 0);
    /* the next worker takes a pooled stack */
    job j;
    job_init(&j);
    kiosk_worker *again = kiosk_worker_start("test-reuse", write_canary, &j);
    assert_non_null(again);
    job_wait_written(&j);
    assert_int_equal(kiosk_worker_pool_size(), KIOSK_WORKER_POOL_MAX - 1);
    job_release(&j);
    kiosk_worker_join(again);
    assert_int_equal(kiosk_worker_pool_size(), KIOSK_WORKER_POOL_MAX);
}

/* What a deep call left below the caller's frame is gone after kiosk_stack_scrub. The
 * canary sits 64 KiB deep, below anything the scan itself uses. */
__attribute__((noinline)) static void deep_write(uint32_t seed)
{
    volatile uint8_t buf[64 * 1024];
    for (size_t i = 0; i < CANARY_LEN; i++)
        buf[i] = canary_byte(seed, i);
    __asm__ __volatile__("" : : "r"(buf) : "memory");
}

static void stack_scrub_wipes_what_deep_calls_left(void **state)
{
    uint32_t seed = g_random_int() | 1u;
    deep_write(seed);
    size_t mappings = 0;
    assert_true(scan(seed, &mappings) >= 1);
    kiosk_stack_scrub();
    assert_int_equal(scan(seed, &mappings), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wipe_leaves_untouched_pages_alone),
        cmocka_unit_test(joined_worker_leaves_nothing_on_its_stack),
        cmocka_unit_test(detached_worker_is_wiped_when_it_ends),
        cmocka_unit_test(stack_pool_is_reused_and_bounded),
        cmocka_unit_test(stack_scrub_wipes_what_deep_calls_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
