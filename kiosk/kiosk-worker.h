/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-worker.h — worker threads on stacks the kiosk owns.
 *
 * glibc caches the stacks of exited threads for reuse and does not wipe them: a worker that
 * handled a resident's name leaves it in an anonymous mapping after a guard page until the
 * stack is reused. Every kiosk worker (card, render, print, test page) therefore
 * runs on a stack from here: mmap'd with a guard page below it, locked as it is touched
 * (mlock2 MLOCK_ONFAULT: never swapped), excluded from core dumps (MADV_DONTDUMP), handed to
 * the thread with pthread_attr_setstack, and wiped with explicit_bzero once the thread has
 * been joined, whichever way it ended. Wiped stacks are kept in a small pool for the next
 * worker (at most KIOSK_WORKER_POOL_MAX; more are unmapped).
 *
 * Stack size: the workers of a whole 住民票 session touch at most 28 KiB of their stacks
 * (measured with the debug line of the wipe); 1 MiB leaves room for libraries, and keeps the
 * locked total (the kernel counts a locked range whole) within the unit's LimitMEMLOCK=16M
 * beside the 4 MiB secure heap. Without the allowance a stack is still owned and wiped.
 *
 * A worker is joined either by its starter (kiosk_worker_join) or, once detached, by the
 * reaper thread as soon as it ends. The reaper handles no personal data: it only joins and
 * wipes.
 */
#ifndef KIOSK_WORKER_H
#define KIOSK_WORKER_H

#include <stdbool.h>
#include <stddef.h>

#define KIOSK_WORKER_STACK (1024u * 1024u) /* per worker (a 住民票 session touches ≤ 28 KiB) */
#define KIOSK_WORKER_POOL_MAX 4                /* wiped stacks kept for reuse */

typedef struct kiosk_worker kiosk_worker;

/* Run fn(data) on a new thread with an owned stack; name (≤ 15 bytes shown) for debuggers.
 * NULL when no stack or thread could be made (errno set); fn has not run then. */
kiosk_worker *kiosk_worker_start(const char *name, void *(*fn)(void *), void *data);
/* Wait for the thread to end, wipe its stack, and free w (its stack back to the pool). */
void kiosk_worker_join(kiosk_worker *w);
/* Nobody will join w: the reaper joins and wipes it as soon as fn returns. */
void kiosk_worker_detach(kiosk_worker *w);
/* Wait up to timeout_ms until every detached worker that ended is joined and wiped. True
 * when none is left running or waiting. For tests and teardown. */
bool kiosk_worker_quiesce(int timeout_ms);

/* For tests: stacks in the pool now. */
size_t kiosk_worker_pool_size(void);

#endif
