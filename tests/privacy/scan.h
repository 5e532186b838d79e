/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * scan.h — what the two halves of kakanai-scan share: the search over a byte source
 * (kakanai-scan.c: needles, files, folders) and the walk over a process's mappings
 * (scan-mem.c: every mapping classified, read, counted per class).
 */
#ifndef KAKANAI_SCAN_H
#define KAKANAI_SCAN_H

#include <stdbool.h>
#include <stdint.h>

/* Whether hits in a source fail the scan or are only noted (-P: the virtual card IS the card). */
typedef struct scan_source {
    const char *where;  /* "pid 12 (kakanai-kiosk) memory", a path, "stdin" */
    const char *detail; /* the mapping ("class heap [lo-hi rw-p [heap]]"), or NULL */
    bool note_only;
    unsigned long hits; /* hits found in this source (failing or noted) */
} scan_source;

/* Scan fd from start for length bytes (to EOF when length is 0) with pread, in chunks that
 * overlap by the longest needle. A chunk that cannot be read is read again page by page
 * (page = 4096), so one bad page never hides the rest: *unreadable (may be NULL) counts the
 * bytes that could not be read. Returns the bytes read, or -1 when nothing at all could be. */
int64_t scan_fd(int fd, uint64_t start, uint64_t length, scan_source *src, uint64_t *unreadable);

/* Counters of the whole run. */
extern unsigned long g_scan_errors; /* sources (or parts) that could not be scanned */
extern bool g_scan_quiet;           /* -q: hits only */
extern bool g_scan_ignore_unreadable;

/* Report a source that could not be scanned (an error unless -i): errno says why. */
void scan_error(const char *what, const char *path);

/* Scan every mapping of process pid (scan-mem.c); prints a per-class summary to stderr. */
void scan_pid(long pid, bool note_only);

#endif /* KAKANAI_SCAN_H */
