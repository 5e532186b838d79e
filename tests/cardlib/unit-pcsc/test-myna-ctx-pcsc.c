/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-myna-ctx-pcsc.c — the PC/SC context against a real, private pcscd with the vpcd
 * driver (run through tests/lib/with-pcscd.sh). The virtual card is a small vpcd client in
 * this program (protocol: 2-byte big-endian length + payload; a 1-byte payload is a control:
 * 0 power off, 1 power on, 2 reset, 4 send ATR) answering with the in-process card model.
 *
 * In order: readers listed; empty reader; wait times out on time; cancel from another
 * thread; a card inserted later is noticed; a full read through SCardTransmit; the card
 * pulled mid-session; wait_removed; pcscd killed while waiting -> NO_SERVICE; pcscd
 * restarted -> the same context works again; the reader unplugged and plugged back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "myna-vcard.h"
#include "myna.h"

#define READER "Virtual PCD 00 00"

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- the vpcd client ------------------------------------------------------------------- */

struct vicc {
    pthread_t thread;
    atomic_bool stop;
    int delay_ms; /* connect after this long */
    myna_vcard *vc;
    bool running;
};

static bool read_full(int fd, uint8_t *b, size_t n, atomic_bool *stop)
{
    size_t got = 0;
    while (got < n) {
        struct pollfd p = {fd, POLLIN, 0};
        int r = poll(&p, 1, 100);
        if (atomic_load(stop))
            return false;
        if (r <= 0)
            continue;
        ssize_t k = read(fd, b + got, n - got);
        if (k <= 0)
            return false;
        /* vpcd writes the 2-byte length and the payload separately: ACK at once so its
         * Nagle algorithm does not hold the payload for our delayed ACK (~40 ms) */
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
        got += (size_t)k;
    }
    return true;
}

/* One write per message (header + payload) and TCP_NODELAY: no Nagle delay per APDU. */
static bool send_msg(int fd, const uint8_t *b, size_t n)
{
    static uint8_t out[65536 + 2];
    if (n > 65535)
        return false;
    out[0] = (uint8_t)(n >> 8);
    out[1] = (uint8_t)n;
    memcpy(out + 2, b, n);
    return write(fd, out, n + 2) == (ssize_t)(n + 2);
}

static void *vicc_main(void *arg)
{
    struct vicc *v = arg;
    const char *port = getenv("KAKANAI_VPCD_PORT");
    usleep((useconds_t)v->delay_ms * 1000);
    int fd = -1;
    for (int i = 0; i < 100 && !atomic_load(&v->stop); i++) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in sa = {0};
        sa.sin_family = AF_INET;
        sa.sin_port = htons((uint16_t)strtol(port, NULL, 10));
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
            int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            break;
        }
        close(fd);
        fd = -1;
        usleep(50000);
    }
    if (fd < 0)
        return NULL;
    static uint8_t msg[65536 + 16], resp[65536 + 16];
    while (!atomic_load(&v->stop)) {
        uint8_t hdr[2];
        if (!read_full(fd, hdr, 2, &v->stop))
            break;
        size_t n = (size_t)hdr[0] << 8 | hdr[1];
        if (!read_full(fd, msg, n, &v->stop))
            break;
        if (n == 1) {
            if (msg[0] == 4) {
                size_t an = myna_vcard_atr(v->vc, resp, sizeof resp);
                if (!send_msg(fd, resp, an))
                    break;
            } else if (msg[0] == 0 || msg[0] == 2) {
                myna_vcard_reset(v->vc);
            }
            continue;
        }
        size_t rn = sizeof resp;
        if (myna_vcard_process(v->vc, msg, n, resp, &rn) != MYNA_OK) {
            resp[0] = 0x6F;
            resp[1] = 0x00;
            rn = 2;
        }
        if (!send_msg(fd, resp, rn))
            break;
    }
    close(fd); /* the card leaves the reader */
    return NULL;
}

static void vicc_start(struct vicc *v, int delay_ms)
{
    char *why = NULL;
    atomic_store(&v->stop, false);
    v->delay_ms = delay_ms;
    assert_int_equal(myna_vcard_load(PROFILE_DIR "/yoshida-taro.json", &v->vc, &why), MYNA_OK);
    assert_int_equal(pthread_create(&v->thread, NULL, vicc_main, v), 0);
    v->running = true;
}

static void vicc_stop(struct vicc *v)
{
    if (!v->running)
        return;
    atomic_store(&v->stop, true);
    pthread_join(v->thread, NULL);
    myna_vcard_free(v->vc);
    v->vc = NULL;
    v->running = false;
}

static struct vicc card;
static myna_ctx *ctx;
static pid_t restarted_pcscd;

/* Start pcscd as our child on the reader.conf folder conf (with-pcscd.sh stops it too, by
 * its command line) and wait for its socket. */
static void pcscd_start(const char *conf)
{
    unlink("/run/pcscd/pcscd.comm");
    restarted_pcscd = fork();
    assert_true(restarted_pcscd >= 0);
    if (restarted_pcscd == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execlp("pcscd", "pcscd", "--foreground", "--config", conf, (char *)NULL);
        _exit(127);
    }
    struct stat st;
    for (int i = 0; i < 100 && stat("/run/pcscd/pcscd.comm", &st) != 0; i++)
        usleep(50000);
    usleep(200000);
}

/* Stop the pcscd running now: the one we restarted, else with-pcscd.sh's. */
static void pcscd_stop(void)
{
    if (restarted_pcscd > 0) {
        kill(restarted_pcscd, SIGTERM);
        waitpid(restarted_pcscd, NULL, 0);
        restarted_pcscd = 0;
    } else if (getenv("KAKANAI_PCSCD_PID") != NULL) {
        pid_t p = (pid_t)strtol(getenv("KAKANAI_PCSCD_PID"), NULL, 10);
        if (kill(p, SIGTERM) == 0)
            for (int i = 0; i < 50 && kill(p, 0) == 0; i++)
                usleep(50000);
    }
}

/* ---- tests, in order --------------------------------------------------------------------- */

static void lists_both_virtual_readers(void **s)
{
    (void)s;
    char **names = NULL;
    size_t n = 0;
    assert_int_equal(myna_ctx_list_readers(ctx, &names, &n), MYNA_OK);
    assert_int_equal(n, 2);
    assert_non_null(strstr(names[0], "Virtual PCD"));
    myna_strv_free(names, n);
    myna_reader_state st;
    assert_int_equal(myna_ctx_reader_state(ctx, READER, &st), MYNA_OK);
    assert_int_equal(st, MYNA_READER_EMPTY);
    assert_int_equal(myna_ctx_reader_state(ctx, "No Such Reader 99", &st), MYNA_OK);
    assert_int_equal(st, MYNA_READER_ABSENT);
}

static void wait_times_out_on_time(void **s)
{
    (void)s;
    char *reader = NULL;
    long t0 = now_ms();
    assert_int_equal(myna_ctx_wait_card(ctx, NULL, 300, &reader), MYNA_E_TIMEOUT);
    long took = now_ms() - t0;
    printf("# timeout 300 ms took %ld ms\n", took);
    assert_true(took >= 250 && took < 1500);
    assert_null(reader);
    /* the wait sleeps in pcscd, it does not spin: CPU time over a 1 s wait stays small */
    struct rusage r0, r1;
    getrusage(RUSAGE_SELF, &r0);
    assert_int_equal(myna_ctx_wait_card(ctx, NULL, 1000, &reader), MYNA_E_TIMEOUT);
    getrusage(RUSAGE_SELF, &r1);
    long cpu_ms = (r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) * 1000 +
                  (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1000 +
                  (r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) * 1000 +
                  (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1000;
    printf("# a 1 s wait used %ld ms of CPU\n", cpu_ms);
    assert_true(cpu_ms < 200);
    /* a filter no reader matches: still a bounded wait */
    assert_int_equal(myna_ctx_wait_card(ctx, "Nothing Like This", 100, &reader), MYNA_E_TIMEOUT);
}

struct waiter {
    myna_ctx *ctx;
    myna_err result;
    long took;
};

static void *wait_forever(void *arg)
{
    struct waiter *w = arg;
    char *reader = NULL;
    long t0 = now_ms();
    w->result = myna_ctx_wait_card(w->ctx, NULL, -1, &reader);
    w->took = now_ms() - t0;
    free(reader);
    return NULL;
}

/* The wait runs on its own context in its own thread (the PC/SC rule); cancel wakes it. */
static void cancel_wakes_an_endless_wait(void **s)
{
    (void)s;
    struct waiter w = {0};
    assert_int_equal(myna_ctx_new(&w.ctx), MYNA_OK);
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, wait_forever, &w), 0);
    usleep(300000);
    long t0 = now_ms();
    assert_int_equal(myna_ctx_cancel(w.ctx), MYNA_OK);
    pthread_join(th, NULL);
    printf("# cancel woke the wait after %ld ms\n", now_ms() - t0);
    assert_int_equal(w.result, MYNA_E_CANCELLED);
    assert_true(now_ms() - t0 < 2000);
    /* a cancel that comes before the wait still cancels it (no lost wake-up) */
    assert_int_equal(myna_ctx_cancel(w.ctx), MYNA_OK);
    char *reader = NULL;
    assert_int_equal(myna_ctx_wait_card(w.ctx, NULL, 5000, &reader), MYNA_E_CANCELLED);
    myna_ctx_free(w.ctx);
}

static void card_inserted_later_is_noticed_and_read(void **s)
{
    (void)s;
    vicc_start(&card, 400);
    char *reader = NULL;
    long t0 = now_ms();
    assert_int_equal(myna_ctx_wait_card(ctx, "PCD 00 00", 10000, &reader), MYNA_OK);
    printf("# card noticed %ld ms after the wait began (inserted at ~400 ms)\n", now_ms() - t0);
    assert_string_equal(reader, READER);
    myna_reader_state st;
    assert_int_equal(myna_ctx_reader_state(ctx, reader, &st), MYNA_OK);
    assert_int_equal(st, MYNA_READER_CARD);
    /* the whole stack: SCardConnect, SCardTransmit */
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_pcsc_open(ctx, reader, &t), MYNA_OK);
    myna_card *c = NULL;
    assert_int_equal(myna_card_open(t, &c), MYNA_OK);
    /* SCardControl(CM_IOCTL_GET_FEATURE_REQUEST) through the real pcscd: vpcd has no PIN pad
     * (no part 10 at all), so the kiosk falls back to its own keypad */
    bool pinpad = true;
    assert_int_equal(myna_card_pinpad(c, &pinpad), MYNA_OK);
    printf("# vpcd feature request: PC/SC 0x%lX, PIN pad %s\n", myna_ctx_last_pcsc(ctx),
           pinpad ? "yes" : "no");
    assert_false(pinpad);
    assert_int_equal(myna_card_verify_pin_pinpad(c, 5), MYNA_E_PINPAD);
    assert_int_equal(myna_card_verify_pin(c, "1234", 4), MYNA_OK);
    myna_attrs *a = NULL;
    t0 = now_ms();
    assert_int_equal(myna_card_read_attrs(c, MYNA_READ_VERIFY, &a), MYNA_OK);
    unsigned before = myna_card_apdu_count(c) - 0;
    long took = now_ms() - t0;
    printf("# read through pcscd: %u APDUs in all, attributes+digests in %ld ms\n", before, took);
    assert_string_equal(myna_attrs_name(a),
                        "\xF0\xA0\xAE\xB7\xE7\x94\xB0 \xE5\xA4\xAA\xE9\x83\x8E");
    assert_true(myna_attrs_verified(a));
    myna_attrs_free(a);
    /* pull the card mid-session: the next command ends in CARD_REMOVED */
    vicc_stop(&card); /* no pause: the next command meets the pull at once */
    int tries;
    myna_err e = myna_card_pin_tries(c, &tries);
    printf("# after the pull: %s (PC/SC 0x%lX)\n", myna_err_name(e), myna_ctx_last_pcsc(ctx));
    assert_int_equal(e, MYNA_E_CARD_REMOVED);
    myna_card_free(c);
    assert_int_equal(myna_ctx_wait_removed(ctx, reader, 3000), MYNA_OK);
    assert_int_equal(myna_ctx_reader_state(ctx, reader, &st), MYNA_OK);
    assert_int_equal(st, MYNA_READER_EMPTY);
    free(reader);
}

static void wait_removed_sees_the_card_go(void **s)
{
    (void)s;
    vicc_start(&card, 0);
    char *reader = NULL;
    assert_int_equal(myna_ctx_wait_card(ctx, NULL, 10000, &reader), MYNA_OK);
    assert_int_equal(myna_ctx_wait_removed(ctx, reader, 200), MYNA_E_TIMEOUT);
    vicc_stop(&card);
    long t0 = now_ms();
    assert_int_equal(myna_ctx_wait_removed(ctx, reader, 5000), MYNA_OK);
    printf("# removal seen after %ld ms\n", now_ms() - t0);
    free(reader);
}

static void pcscd_killed_while_waiting_then_restarted(void **s)
{
    (void)s;
    const char *pid_s = getenv("KAKANAI_PCSCD_PID");
    const char *conf = getenv("KAKANAI_PCSCD_CONF");
    assert_non_null(pid_s);
    assert_non_null(conf);
    struct waiter w = {ctx, MYNA_OK, 0};
    pthread_t th;
    assert_int_equal(pthread_create(&th, NULL, wait_forever, &w), 0);
    usleep(300000);
    assert_int_equal(kill((pid_t)strtol(pid_s, NULL, 10), SIGTERM), 0);
    pthread_join(th, NULL);
    printf("# pcscd killed: the wait ended with %s (PC/SC 0x%lX)\n", myna_err_name(w.result),
           myna_ctx_last_pcsc(ctx));
    assert_int_equal(w.result, MYNA_E_NO_SERVICE);
    char **names = NULL;
    size_t n = 0;
    usleep(200000);
    assert_int_equal(myna_ctx_list_readers(ctx, &names, &n), MYNA_E_NO_SERVICE);
    myna_ctx *other = (myna_ctx *)&n;
    assert_int_equal(myna_ctx_new(&other), MYNA_E_NO_SERVICE);
    assert_null(other);
    char *none = NULL;
    assert_int_equal(myna_ctx_wait_card(ctx, NULL, 200, &none), MYNA_E_NO_SERVICE);
    myna_reader_state rs;
    assert_int_equal(myna_ctx_reader_state(ctx, READER, &rs), MYNA_E_NO_SERVICE);
    /* restart pcscd (our child; with-pcscd.sh would also stop it) */
    pcscd_start(conf);
    /* the same context comes back by itself */
    myna_err e = MYNA_E_NO_SERVICE;
    for (int i = 0; i < 20 && e != MYNA_OK; i++) {
        e = myna_ctx_list_readers(ctx, &names, &n);
        if (e != MYNA_OK)
            usleep(100000);
    }
    assert_int_equal(e, MYNA_OK);
    assert_int_equal(n, 2);
    myna_strv_free(names, n);
    vicc_start(&card, 0);
    char *reader = NULL;
    assert_int_equal(myna_ctx_wait_card(ctx, NULL, 10000, &reader), MYNA_OK);
    free(reader);
    vicc_stop(&card);
}

/* A reader unplugged and plugged back. vpcd's readers are fixed while pcscd runs, and pcscd
 * 1.9.9 (libudev build) does not re-read reader.conf on `pcscd --hotplug` (SIGUSR1 only), so
 * the reader goes and comes with a pcscd restart without / with its reader.conf: the same
 * context then sees no reader (MYNA_E_READER for the reader that held the card), and notices
 * the reader and its card when it is back. Bounded: about 3 s. */
static void reader_unplugged_then_plugged_back(void **s)
{
    (void)s;
    const char *conf = getenv("KAKANAI_PCSCD_CONF");
    assert_non_null(conf);
    char on[4096], off[4096];
    snprintf(on, sizeof on, "%s/vpcd", conf);
    snprintf(off, sizeof off, "%s.vpcd-unplugged", conf);
    vicc_start(&card, 0);
    char *reader = NULL;
    myna_err e = MYNA_E_NO_SERVICE;
    for (int i = 0; i < 20 && e == MYNA_E_NO_SERVICE; i++)
        e = myna_ctx_wait_card(ctx, "PCD 00 00", 10000, &reader);
    assert_int_equal(e, MYNA_OK);

    /* unplugged, card and all */
    pcscd_stop();
    vicc_stop(&card);
    assert_int_equal(rename(on, off), 0);
    pcscd_start(conf);
    char **names = NULL;
    size_t n = 99;
    e = MYNA_E_NO_SERVICE;
    for (int i = 0; i < 20 && e != MYNA_OK; i++)
        if ((e = myna_ctx_list_readers(ctx, &names, &n)) != MYNA_OK)
            usleep(100000);
    assert_int_equal(e, MYNA_OK);
    assert_int_equal(n, 0);
    assert_null(names);
    assert_int_equal(myna_ctx_wait_removed(ctx, reader, 1000), MYNA_E_READER);
    myna_reader_state st;
    assert_int_equal(myna_ctx_reader_state(ctx, reader, &st), MYNA_OK);
    assert_int_equal(st, MYNA_READER_ABSENT);
    myna_transport *t = NULL;
    e = myna_transport_pcsc_open(ctx, reader, &t);
    printf("# opening the unplugged reader: %s (PC/SC 0x%lX)\n", myna_err_name(e),
           myna_ctx_last_pcsc(ctx));
    assert_true(e == MYNA_E_READER || e == MYNA_E_NO_READER);
    assert_null(t);
    char *none = NULL;
    assert_int_equal(myna_ctx_wait_card(ctx, NULL, 300, &none), MYNA_E_TIMEOUT);
    assert_null(none);

    /* plugged back in, with the card */
    pcscd_stop();
    assert_int_equal(rename(off, on), 0);
    pcscd_start(conf);
    vicc_start(&card, 0);
    char *again = NULL;
    long t0 = now_ms();
    e = MYNA_E_NO_SERVICE;
    for (int i = 0; i < 20 && e == MYNA_E_NO_SERVICE; i++)
        e = myna_ctx_wait_card(ctx, "PCD 00 00", 10000, &again);
    assert_int_equal(e, MYNA_OK);
    printf("# reader and card back after %ld ms\n", now_ms() - t0);
    assert_string_equal(again, reader);
    free(again);
    free(reader);
    vicc_stop(&card);
}

static int setup(void **s)
{
    (void)s;
    if (getenv("KAKANAI_VPCD_PORT") == NULL) {
        fprintf(stderr, "run me through tests/lib/with-pcscd.sh\n");
        return -1;
    }
    (void)myna_secure_init(1u << 20);
    /* pcscd may still be starting its driver */
    myna_err e = MYNA_E_NO_SERVICE;
    for (int i = 0; i < 50 && e != MYNA_OK; i++) {
        e = myna_ctx_new(&ctx);
        if (e != MYNA_OK)
            usleep(100000);
    }
    if (e != MYNA_OK)
        return -1;
    for (int i = 0; i < 50; i++) {
        char **names = NULL;
        size_t n = 0;
        if (myna_ctx_list_readers(ctx, &names, &n) == MYNA_OK && n == 2) {
            myna_strv_free(names, n);
            return 0;
        }
        myna_strv_free(names, n);
        usleep(100000);
    }
    return -1;
}

static int teardown(void **s)
{
    (void)s;
    vicc_stop(&card);
    myna_ctx_free(ctx);
    if (restarted_pcscd > 0) {
        kill(restarted_pcscd, SIGTERM);
        waitpid(restarted_pcscd, NULL, 0);
    }
    /* a failed reader_unplugged_then_plugged_back may leave the reader.conf aside */
    const char *conf = getenv("KAKANAI_PCSCD_CONF");
    if (conf != NULL) {
        char on[4096], off[4096];
        snprintf(on, sizeof on, "%s/vpcd", conf);
        snprintf(off, sizeof off, "%s.vpcd-unplugged", conf);
        (void)rename(off, on);
    }
    return 0;
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lists_both_virtual_readers),
        cmocka_unit_test(wait_times_out_on_time),
        cmocka_unit_test(cancel_wakes_an_endless_wait),
        cmocka_unit_test(card_inserted_later_is_noticed_and_read),
        cmocka_unit_test(wait_removed_sees_the_card_go),
        cmocka_unit_test(pcscd_killed_while_waiting_then_restarted),
        cmocka_unit_test(reader_unplugged_then_plugged_back),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
