/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * scan-mem.c — kakanai-scan -p: every mapping of a live process, classified, read, counted.
 *
 * /proc/PID/smaps lists the mappings; /proc/PID/mem reads them (as root, or with ptrace
 * rights; the kernel reads with FOLL_FORCE, so even PROT_NONE pages can be read). Each
 * mapping gets one class, and the summary says, per class, how many mappings there were,
 * how many were read, how many bytes, and the hits:
 *
 *   heap          [heap] (the main arena)
 *   stack         [stack] (the main thread)
 *   thread-stack  an anonymous mapping holding a live thread's stack pointer
 *                 (/proc/PID/task/TID/syscall)
 *   cached-stack  an anonymous mapping right above a PROT_NONE guard, with no live thread's
 *                 stack pointer in it: the stack of an exited thread that glibc keeps for
 *                 reuse (unwiped), or a thread whose stack pointer was not seen
 *   locked        an anonymous mapping locked in RAM (mlock: the secure heaps of cardlib and
 *                 forms, VmFlags "lo")
 *   malloc-arena  an anonymous mapping followed by its PROT_NONE reserve (a thread's arena)
 *   anonymous     every other private anonymous mapping (mmap'd buffers, locked memory, ...)
 *   shared        MAP_SHARED, memfd, /dev/shm, SysV shared memory
 *   file-rw       a writable mapping of a file (a library's .data, a mapped file)
 *   file-ro       a read-only mapping of a file (code, fonts, locale data, ...)
 *   no-access     PROT_NONE (guards, reserves): read too, as a page made inaccessible after
 *                 use still holds what was written there
 *   kernel        [vdso], [vvar], [vsyscall]: read where the kernel allows
 *   reserve       an anonymous mapping larger than 64 GiB (only sanitizers make these: ASan's
 *                 shadow and allocator reserve): listed, not read
 *
 * Nothing readable is skipped, with one exception that is exact: a private anonymous mapping
 * with no page resident and none swapped (smaps Rss + Swap = 0) reads as zeros and is counted
 * "untouched". A page that cannot be read is counted; in a mapping that holds process data
 * (every class but file-ro, kernel and no-access) it is an error (exit 2).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scan.h"

#define MEM_RESERVE_BYTES (64ull << 30)
#define MEM_ARENA_ALIGN (64ull << 20) /* glibc's HEAP_MAX_SIZE on 64-bit */
#define MEM_MAX_THREADS 4096

typedef enum mclass {
    MC_HEAP = 0,
    MC_STACK,
    MC_THREAD_STACK,
    MC_CACHED_STACK,
    MC_LOCKED,
    MC_ARENA,
    MC_ANON,
    MC_SHARED,
    MC_FILE_RW,
    MC_FILE_RO,
    MC_NOACCESS,
    MC_KERNEL,
    MC_RESERVE,
    MC_COUNT_
} mclass;

static const char *const CLASS_NAMES[MC_COUNT_] = {
    "heap",    "stack",   "thread-stack", "cached-stack", "locked", "malloc-arena",
    "anonymous", "shared", "file-rw",     "file-ro",      "no-access", "kernel", "reserve",
};

typedef struct mapping {
    uint64_t lo, hi;
    char perms[8];
    char label[176];
    uint64_t resident_kb; /* Rss + Swap */
    bool locked;          /* VmFlags "lo" */
} mapping;

typedef struct class_stats {
    unsigned maps, read, untouched;
    uint64_t bytes, unreadable;
    unsigned long hits;
} class_stats;

static bool anon_label(const char *l)
{
    return l[0] == '\0' || strncmp(l, "[anon:", 6) == 0;
}

static bool is_guard(const mapping *m)
{
    return strcmp(m->perms, "---p") == 0 && anon_label(m->label);
}

/* The stack pointers of the process's threads that are blocked (the kiosk at rest). */
static size_t thread_sps(long pid, uint64_t *sps, size_t cap, unsigned *threads)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/task", pid);
    DIR *d = opendir(path);
    size_t n = 0;
    *threads = 0;
    if (d == NULL)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        (*threads)++;
        char p[96], line[512];
        long tid = strtol(e->d_name, NULL, 10);
        snprintf(p, sizeof p, "/proc/%ld/task/%ld/syscall", pid, tid);
        FILE *f = fopen(p, "r");
        if (f == NULL)
            continue;
        /* "NR a1 a2 a3 a4 a5 a6 SP PC", "-1 SP PC", or "running" */
        if (fgets(line, sizeof line, f) != NULL && strncmp(line, "running", 7) != 0) {
            char *tok[10], *save = NULL;
            size_t k = 0;
            for (char *s = strtok_r(line, " \n", &save); s != NULL && k < 10;
                 s = strtok_r(NULL, " \n", &save))
                tok[k++] = s;
            if (k >= 3 && n < cap)
                sps[n++] = strtoull(tok[k - 2], NULL, 16);
        }
        fclose(f);
    }
    closedir(d);
    return n;
}

static mclass classify(const mapping *m, size_t n, size_t i, const uint64_t *sps, size_t nsp)
{
    const mapping *r = &m[i];
    if (strcmp(r->label, "[heap]") == 0)
        return MC_HEAP;
    if (strcmp(r->label, "[stack]") == 0)
        return MC_STACK;
    if (strncmp(r->label, "[stack:", 7) == 0)
        return MC_THREAD_STACK;
    if (r->label[0] == '[' && !anon_label(r->label))
        return MC_KERNEL;
    if (r->perms[0] != 'r')
        return MC_NOACCESS;
    if (!anon_label(r->label)) {
        if (r->perms[3] == 's' || strncmp(r->label, "/memfd:", 7) == 0 ||
            strncmp(r->label, "/dev/shm/", 9) == 0 || strncmp(r->label, "/SYSV", 5) == 0)
            return MC_SHARED;
        return r->perms[1] == 'w' ? MC_FILE_RW : MC_FILE_RO;
    }
    if (r->perms[3] == 's')
        return MC_SHARED;
    if (r->hi - r->lo > MEM_RESERVE_BYTES)
        return MC_RESERVE;
    for (size_t k = 0; k < nsp; k++)
        if (sps[k] >= r->lo && sps[k] < r->hi)
            return MC_THREAD_STACK;
    if (r->locked)
        return MC_LOCKED;
    bool guard_below = i > 0 && m[i - 1].hi == r->lo && is_guard(&m[i - 1]);
    bool reserve_above = i + 1 < n && m[i + 1].lo == r->hi && is_guard(&m[i + 1]);
    if (reserve_above && r->lo % MEM_ARENA_ALIGN == 0)
        return MC_ARENA;
    if (guard_below)
        return MC_CACHED_STACK;
    if (reserve_above)
        return MC_ARENA;
    return MC_ANON;
}

/* Classes whose pages hold what the process itself wrote: an unreadable page there is an
 * error, not a note. */
static bool holds_data(mclass c)
{
    return c != MC_FILE_RO && c != MC_KERNEL && c != MC_NOACCESS && c != MC_RESERVE;
}

/* Whether some mapping of pid still covers [lo, hi) now (/proc/PID/maps read again). A live
 * process maps and unmaps while it is scanned (glibc frees cached thread stacks beyond its
 * cache size, a thread ends): what was unmapped in between holds nothing any more. */
static bool still_mapped(long pid, uint64_t lo, uint64_t hi)
{
    char path[64], line[512];
    snprintf(path, sizeof path, "/proc/%ld/maps", pid);
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return false;
    bool found = false;
    while (!found && fgets(line, sizeof line, f) != NULL) {
        uint64_t a, b;
        if (sscanf(line, "%" SCNx64 "-%" SCNx64, &a, &b) == 2 && a < hi && b > lo)
            found = true;
    }
    fclose(f);
    return found;
}

/* Read /proc/PID/smaps whole. */
static mapping *read_smaps(long pid, size_t *count)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/smaps", pid);
    FILE *f = fopen(path, "r");
    *count = 0;
    if (f == NULL)
        return NULL;
    size_t cap = 256, n = 0;
    mapping *m = malloc(cap * sizeof *m);
    char line[4096];
    while (m != NULL && fgets(line, sizeof line, f) != NULL) {
        uint64_t lo, hi;
        char perms[8] = "";
        int consumed = 0;
        unsigned long long kb;
        if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %*s %*s %*s%n", &lo, &hi, perms,
                   &consumed) >= 3 &&
            consumed > 0) {
            if (n == cap) {
                mapping *bigger = realloc(m, 2 * cap * sizeof *m);
                if (bigger == NULL) {
                    free(m);
                    m = NULL;
                    break;
                }
                m = bigger;
                cap *= 2;
            }
            mapping *cur = &m[n++];
            memset(cur, 0, sizeof *cur);
            cur->lo = lo;
            cur->hi = hi;
            memcpy(cur->perms, perms, sizeof cur->perms);
            const char *label = line + consumed;
            while (*label == ' ')
                label++;
            size_t ll = strcspn(label, "\n");
            snprintf(cur->label, sizeof cur->label, "%.*s", (int)(ll > 160 ? 160 : ll), label);
        } else if (n > 0 && (sscanf(line, "Rss: %llu kB", &kb) == 1 ||
                             sscanf(line, "Swap: %llu kB", &kb) == 1)) {
            m[n - 1].resident_kb += kb;
        } else if (n > 0 && strncmp(line, "VmFlags:", 8) == 0) {
            char *save = NULL;
            for (char *t = strtok_r(line + 8, " \n", &save); t != NULL;
                 t = strtok_r(NULL, " \n", &save))
                if (strcmp(t, "lo") == 0)
                    m[n - 1].locked = true;
        }
    }
    fclose(f);
    *count = m != NULL ? n : 0;
    return m;
}

void scan_pid(long pid, bool note_only)
{
    char name[64] = "", where[160], path[64];
    snprintf(path, sizeof path, "/proc/%ld/comm", pid);
    FILE *cf = fopen(path, "r");
    if (cf != NULL) {
        if (fgets(name, sizeof name, cf) != NULL)
            name[strcspn(name, "\n")] = '\0';
        fclose(cf);
    }
    snprintf(where, sizeof where, "pid %ld (%s) memory", pid, name);

    size_t n = 0;
    mapping *maps = read_smaps(pid, &n);
    if (maps == NULL) {
        snprintf(path, sizeof path, "/proc/%ld/smaps", pid);
        scan_error("process", path);
        return;
    }
    snprintf(path, sizeof path, "/proc/%ld/mem", pid);
    int mem = open(path, O_RDONLY | O_CLOEXEC);
    if (mem < 0) {
        scan_error("process", path);
        free(maps);
        return;
    }
    static uint64_t sps[MEM_MAX_THREADS];
    unsigned threads = 0;
    size_t nsp = thread_sps(pid, sps, MEM_MAX_THREADS, &threads);

    class_stats st[MC_COUNT_];
    memset(st, 0, sizeof st);
    uint64_t data_unreadable = 0;
    unsigned vanished = 0;
    for (size_t i = 0; i < n; i++) {
        const mapping *r = &maps[i];
        mclass c = classify(maps, n, i, sps, nsp);
        class_stats *s = &st[c];
        s->maps++;
        bool private_anon = r->perms[3] == 'p' &&
                            (anon_label(r->label) || c == MC_HEAP || c == MC_STACK);
        if (c == MC_RESERVE) {
            if (!g_scan_quiet)
                fprintf(stderr, "kakanai-scan: note: %s [%" PRIx64 "-%" PRIx64 "] %" PRIu64
                                " GiB, %" PRIu64 " kB resident: a sanitizer's reserve, not read\n",
                        where, r->lo, r->hi, (r->hi - r->lo) >> 30, r->resident_kb);
            continue;
        }
        if (private_anon && r->resident_kb == 0) {
            s->untouched++; /* no page ever present or swapped: zeros */
            continue;
        }
        char detail[256];
        snprintf(detail, sizeof detail, "class %s [%" PRIx64 "-%" PRIx64 " %s %s]", CLASS_NAMES[c],
                 r->lo, r->hi, r->perms, r->label);
        scan_source src = {where, detail, note_only, 0};
        uint64_t bad = 0;
        int64_t got = scan_fd(mem, r->lo, r->hi - r->lo, &src, &bad);
        if (got > 0) {
            s->read++;
            s->bytes += (uint64_t)got;
        }
        s->unreadable += bad;
        s->hits += src.hits;
        if (bad > 0 && holds_data(c) && !still_mapped(pid, r->lo, r->hi)) {
            vanished++; /* unmapped while scanned: nothing left there to find */
            if (!g_scan_quiet)
                fprintf(stderr, "kakanai-scan: note: %s %s: unmapped during the scan\n", where,
                        detail);
        } else if (bad > 0 && holds_data(c)) {
            data_unreadable += bad;
            if (!g_scan_quiet)
                fprintf(stderr, "kakanai-scan: %s %s: %" PRIu64 " bytes unreadable\n", where,
                        detail, bad);
        }
    }
    if (data_unreadable > 0) {
        errno = EIO;
        scan_error("every page of", where);
    }
    if (!g_scan_quiet) {
        unsigned total = 0, read = 0, untouched = 0;
        uint64_t bytes = 0;
        for (int c = 0; c < MC_COUNT_; c++) {
            total += st[c].maps;
            read += st[c].read;
            untouched += st[c].untouched;
            bytes += st[c].bytes;
            if (st[c].maps == 0)
                continue;
            fprintf(stderr,
                    "kakanai-scan: pid %ld (%s) class %-12s mappings %u read %u untouched %u "
                    "bytes %" PRIu64 " unreadable %" PRIu64 " hits %lu%s\n",
                    pid, name, CLASS_NAMES[c], st[c].maps, st[c].read, st[c].untouched,
                    st[c].bytes, st[c].unreadable, st[c].hits,
                    c == MC_RESERVE ? " (not read)" : "");
        }
        fprintf(stderr,
                "kakanai-scan: pid %ld (%s): %u mappings, %u read, %u untouched (zeros), %" PRIu64
                " bytes read; %u threads, %zu stack pointers seen; %u unmapped during the scan\n",
                pid, name, total, read, untouched, bytes, threads, nsp, vanished);
    }
    close(mem);
    free(maps);
}
