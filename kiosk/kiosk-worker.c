/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-worker.c — threads on owned, wiped stacks. See kiosk-worker.h. */
#include "kiosk-worker.h"

#include <errno.h>
#include <glib.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 1
#endif

typedef struct stack {
    void *map;    /* guard page + stack */
    size_t len;   /* of map */
    void *lo;     /* the stack's lowest usable byte */
    size_t size;  /* usable */
    bool locked;  /* mlock2 took: touched pages stay resident */
} stack;

struct kiosk_worker {
    pthread_t thread;
    stack st;
    void *(*fn)(void *);
    void *data;
    char name[16];
    gboolean detached; /* under lock: kiosk_worker_detach ran */
    gboolean ended;    /* under lock: fn returned */
};

static GMutex lock; /* pool; each worker's detached/ended */
static stack pool[KIOSK_WORKER_POOL_MAX];
static size_t pool_n;
static GAsyncQueue *reap_queue; /* workers to join: detached and ended */
static gint alive;              /* detached workers not joined yet */

static size_t page_size(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096u;
}

static bool stack_map(stack *st)
{
    size_t pg = page_size();
    size_t size = (KIOSK_WORKER_STACK + pg - 1) / pg * pg;
    void *map = mmap(NULL, size + pg, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (map == MAP_FAILED)
        return false;
    if (mprotect(map, pg, PROT_NONE) != 0) { /* the guard page below the stack */
        munmap(map, size + pg);
        return false;
    }
    *st = (stack){.map = map, .len = size + pg, .lo = (char *)map + pg, .size = size};
    madvise(st->lo, size, MADV_DONTDUMP);
    /* Locked as pages are touched: a worker's data is never written to swap. Without the
     * memlock allowance the stack is still owned and wiped, only not locked. */
    st->locked = mlock2(st->lo, size, MLOCK_ONFAULT) == 0;
    if (!st->locked) {
        static gsize warned;
        if (g_once_init_enter(&warned)) {
            g_warning("worker stacks cannot be locked (%s): raise LimitMEMLOCK", g_strerror(errno));
            g_once_init_leave(&warned, 1);
        }
    }
    return true;
}

static bool stack_get(stack *st)
{
    g_mutex_lock(&lock);
    bool pooled = pool_n > 0;
    if (pooled)
        *st = pool[--pool_n];
    g_mutex_unlock(&lock);
    return pooled || stack_map(st);
}

/* The thread has been joined: nothing runs on st any more. Wipe every page it touched (its
 * frames, and the thread's descriptor and TLS that glibc put at its top). Pages never touched
 * are not faulted in (that would lock and fill the whole stack): mincore tells which are
 * resident, and a locked stack keeps every touched page resident. An unlocked one may have
 * had pages swapped out: MADV_DONTNEED then drops them all from the mapping too. */
static void stack_wipe(stack *st)
{
    size_t pg = page_size(), n = st->size / pg;
    unsigned char *resident = g_malloc(n);
    if (mincore(st->lo, st->size, resident) == 0) {
        for (size_t i = 0; i < n; i++)
            if (resident[i] & 1)
                explicit_bzero((char *)st->lo + i * pg, pg);
    } else {
        explicit_bzero(st->lo, st->size);
    }
    g_free(resident);
    if (!st->locked)
        madvise(st->lo, st->size, MADV_DONTNEED);
}

static void stack_put(stack *st)
{
    stack_wipe(st);
    g_mutex_lock(&lock);
    bool kept = pool_n < KIOSK_WORKER_POOL_MAX;
    if (kept)
        pool[pool_n++] = *st;
    g_mutex_unlock(&lock);
    if (!kept)
        munmap(st->map, st->len);
}

static void finish(kiosk_worker *w)
{
    stack st = w->st;
    g_free(w);
    stack_put(&st);
}

static gpointer reaper(gpointer data)
{
    (void)data;
    for (;;) {
        kiosk_worker *w = g_async_queue_pop(reap_queue);
        pthread_join(w->thread, NULL);
        finish(w);
        g_atomic_int_dec_and_test(&alive);
    }
    return NULL;
}

static void reaper_start(void)
{
    static gsize once;
    if (g_once_init_enter(&once)) {
        reap_queue = g_async_queue_new();
        g_thread_unref(g_thread_new("kiosk-reaper", reaper, NULL));
        g_once_init_leave(&once, 1);
    }
}

/* A detached worker goes to the reaper once its fn returned: whichever of the thread and
 * the detacher comes second (under the lock) hands it over, exactly once. */
static void *trampoline(void *arg)
{
    kiosk_worker *w = arg;
    pthread_setname_np(pthread_self(), w->name);
    void *ret = w->fn(w->data);
    g_mutex_lock(&lock);
    w->ended = TRUE;
    gboolean reap = w->detached;
    g_mutex_unlock(&lock);
    if (reap) /* w may be freed from here on */
        g_async_queue_push(reap_queue, w);
    return ret;
}

kiosk_worker *kiosk_worker_start(const char *name, void *(*fn)(void *), void *data)
{
    reaper_start();
    kiosk_worker *w = g_new0(kiosk_worker, 1);
    w->fn = fn;
    w->data = data;
    g_strlcpy(w->name, name ? name : "kiosk-worker", sizeof w->name);
    if (!stack_get(&w->st)) {
        int e = errno;
        g_free(w);
        errno = e;
        return NULL;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstack(&attr, w->st.lo, w->st.size);
    int e = pthread_create(&w->thread, &attr, trampoline, w);
    pthread_attr_destroy(&attr);
    if (e != 0) {
        finish(w);
        errno = e;
        return NULL;
    }
    return w;
}

void kiosk_worker_join(kiosk_worker *w)
{
    if (!w)
        return;
    pthread_join(w->thread, NULL);
    finish(w);
}

void kiosk_worker_detach(kiosk_worker *w)
{
    if (!w)
        return;
    g_atomic_int_inc(&alive);
    g_mutex_lock(&lock);
    w->detached = TRUE;
    gboolean reap = w->ended;
    g_mutex_unlock(&lock);
    if (reap)
        g_async_queue_push(reap_queue, w);
}

bool kiosk_worker_quiesce(int timeout_ms)
{
    for (int i = 0; i < timeout_ms / 5 && g_atomic_int_get(&alive) > 0; i++)
        g_usleep(5000);
    return g_atomic_int_get(&alive) == 0;
}

size_t kiosk_worker_pool_size(void)
{
    g_mutex_lock(&lock);
    size_t n = pool_n;
    g_mutex_unlock(&lock);
    return n;
}
