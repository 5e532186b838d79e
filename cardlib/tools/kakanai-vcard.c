/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kakanai-vcard — a virtual My Number card behind the vsmartcard-vpcd reader driver.
 *
 *   kakanai-vcard --profile FILE.json [--port N] [--host 127.0.0.1] [--state FILE]
 *                 [--stats FILE] [--quiet]
 *
 * It connects to the vpcd driver inside pcscd (TCP; default port $KAKANAI_VPCD_PORT or
 * 35963). Each message is a 2-byte big-endian length and a payload: a 1-byte payload is a
 * control (0 power off, 1 power on, 2 reset, 4 send the ATR), anything longer is a command
 * APDU answered the same way. Closing the connection is pulling the card.
 *
 *   SIGUSR1  pull the card (disconnect)       SIGUSR2  insert it again (reconnect)
 *   SIGTERM / SIGINT  exit cleanly (state and statistics written)
 *
 * --state FILE keeps the retry counters across runs (a blocked card stays blocked); --stats
 * FILE is rewritten after every command with what the card has seen (JSON, no personal data).
 * Nothing personal is ever printed: only connection events.
 */
#include "myna-vcard.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/crypto.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef KAKANAI_VERSION
#define KAKANAI_VERSION "0.0.0"
#endif

typedef struct opts {
    const char *profile;
    const char *host;
    const char *state;
    const char *stats;
    unsigned port;
    bool quiet;
} opts;

static bool g_quiet;

/* A pulled card stays out at least this long: pcscd polls readers every 400 ms and must see
 * the empty slot, as it would with a hand pulling a real card. */
#define MIN_OUT_MS 500

static long long mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void note(const char *msg)
{
    if (!g_quiet)
        fprintf(stderr, "kakanai-vcard: %s\n", msg);
}

static void usage(FILE *f)
{
    fputs("usage: kakanai-vcard --profile FILE.json [--port N] [--host ADDR] [--state FILE]\n"
          "                     [--stats FILE] [--quiet] | --version\n"
          "  --port   vpcd port (default $KAKANAI_VPCD_PORT, else 35963)\n"
          "  --host   vpcd address (default 127.0.0.1)\n"
          "  --state  keep PIN/code retry counters in FILE across runs\n"
          "  --stats  write what the card has seen (APDU counts) to FILE as JSON\n"
          "signals: SIGUSR1 pulls the card, SIGUSR2 inserts it, SIGTERM exits\n",
          f);
}

static bool parse_port(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < 1 || v > 65535)
        return false;
    *out = (unsigned)v;
    return true;
}

static int parse_args(int argc, char **argv, opts *o)
{
    static const struct option lo[] = {
        {"profile", required_argument, NULL, 'p'},
        {"port", required_argument, NULL, 'P'},
        {"host", required_argument, NULL, 'H'},
        {"state", required_argument, NULL, 's'},
        {"stats", required_argument, NULL, 'S'},
        {"quiet", no_argument, NULL, 'q'},
        {"version", no_argument, NULL, 'V'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    o->host = "127.0.0.1";
    o->port = 35963;
    const char *env = getenv("KAKANAI_VPCD_PORT");
    if (env && *env && !parse_port(env, &o->port)) {
        fprintf(stderr, "kakanai-vcard: KAKANAI_VPCD_PORT is not a port number\n");
        return 2;
    }
    int c;
    while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
        switch (c) {
        case 'p':
            o->profile = optarg;
            break;
        case 'H':
            o->host = optarg;
            break;
        case 's':
            o->state = optarg;
            break;
        case 'S':
            o->stats = optarg;
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'P':
            if (!parse_port(optarg, &o->port)) {
                fprintf(stderr, "kakanai-vcard: --port needs a number 1..65535\n");
                return 2;
            }
            break;
        case 'V':
            printf("kakanai-vcard %s\n", KAKANAI_VERSION);
            return 0;
        case 'h':
            usage(stdout);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc || !o->profile) {
        usage(stderr);
        return 2;
    }
    return -1;
}

/* ---- state and statistics files ------------------------------------------------------- */

static bool write_file_atomic(const char *path, const char *text)
{
    char tmp[4096];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (n < 0 || (size_t)n >= sizeof tmp)
        return false;
    FILE *f = fopen(tmp, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    ok = fclose(f) == 0 && ok;
    return ok && rename(tmp, path) == 0;
}

static void load_state(const char *path, myna_vcard *vc)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return; /* first run: the profile's counters */
    myna_vcard_counters c;
    myna_vcard_get_counters(vc, &c);
    char line[128];
    while (fgets(line, sizeof line, f)) {
        char key[64];
        int v;
        if (sscanf(line, "%63s %d", key, &v) != 2)
            continue;
        if (strcmp(key, "pin_tries") == 0)
            c.pin_tries = v;
        else if (strcmp(key, "checkcode_tries") == 0)
            c.checkcode_tries = v;
        else if (strcmp(key, "number_tries") == 0)
            c.number_tries = v;
    }
    fclose(f);
    myna_vcard_set_counters(vc, &c);
}

static void save_state(const char *path, const myna_vcard *vc)
{
    myna_vcard_counters c;
    myna_vcard_get_counters(vc, &c);
    char text[256];
    snprintf(text, sizeof text, "pin_tries %d\ncheckcode_tries %d\nnumber_tries %d\n", c.pin_tries,
             c.checkcode_tries, c.number_tries);
    if (!write_file_atomic(path, text))
        note("cannot write the state file");
}

static void save_stats(const char *path, const myna_vcard *vc, unsigned connects)
{
    myna_vcard_stats s;
    myna_vcard_counters c;
    myna_vcard_get_stats(vc, &s);
    myna_vcard_get_counters(vc, &c);
    char text[512];
    snprintf(text, sizeof text,
             "{\"apdus\": %u, \"verify_with_data\": %u, \"verify_empty\": %u, "
             "\"verify_blocked\": %u, \"read_binary\": %u, \"pulls\": %u, \"connects\": %u, "
             "\"pin_tries\": %d, \"checkcode_tries\": %d, \"number_tries\": %d}\n",
             s.apdus, s.verify_with_data, s.verify_empty, s.verify_blocked, s.read_binary, s.pulls,
             connects, c.pin_tries, c.checkcode_tries, c.number_tries);
    if (!write_file_atomic(path, text))
        note("cannot write the statistics file");
}

/* ---- the vpcd link --------------------------------------------------------------------- */

static int vpcd_connect(const char *host, unsigned port)
{
    struct sockaddr_in sa = {0};
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &sa.sin_addr) != 1)
        return -2;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

/* vpcd writes the length and the payload in two send()s; with Nagle on its side and delayed
 * ACKs on ours every APDU would wait ~40 ms for an ACK. Acknowledge at once instead. */
static void quick_ack(int fd)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

static bool read_full(int fd, uint8_t *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        quick_ack(fd);
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        got += (size_t)r;
    }
    return true;
}

static bool send_msg(int fd, const uint8_t *payload, size_t n)
{
    uint8_t hdr[2] = {(uint8_t)(n >> 8), (uint8_t)n};
    struct iovec iov[2] = {{hdr, 2}, {(void *)payload, n}};
    struct msghdr mh = {0};
    mh.msg_iov = iov;
    mh.msg_iovlen = 2;
    size_t total = n + 2;
    ssize_t w;
    do {
        w = sendmsg(fd, &mh, MSG_NOSIGNAL);
    } while (w < 0 && errno == EINTR);
    return w == (ssize_t)total;
}

int main(int argc, char **argv)
{
    opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    g_quiet = o.quiet;

    myna_vcard *vc = NULL;
    uint8_t *cmd = NULL, *resp = NULL;
    int sfd = -1, sock = -1;
    unsigned connects = 0;
    rc = 1;

    if (myna_secure_init(1024 * 1024) != MYNA_OK) {
        note("locked memory is not available");
        goto out;
    }
    char *why = NULL;
    myna_err e = myna_vcard_load(o.profile, &vc, &why);
    if (e != MYNA_OK) {
        fprintf(stderr, "kakanai-vcard: %s\n", why ? why : myna_strerror(e));
        free(why);
        rc = 2;
        goto out;
    }
    if (o.state)
        load_state(o.state, vc);
    /* The largest message vpcd can carry: 0xFFFF bytes. Commands carry PINs: locked too. */
    cmd = myna_secure_alloc(0x10000);
    resp = myna_secure_alloc(0x10000 + 2);
    if (!cmd || !resp) {
        note("out of memory");
        goto out;
    }

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigaddset(&mask, SIGUSR2);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGHUP);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    signal(SIGPIPE, SIG_IGN);
    sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    if (sfd < 0) {
        note("signalfd failed");
        goto out;
    }
    if (o.stats)
        save_stats(o.stats, vc, connects);

    bool want_in = true, running = true, told_wait = false;
    long long pulled_at = -MIN_OUT_MS;
    myna_vcard_counters last;
    myna_vcard_get_counters(vc, &last);
    while (running) {
        long long out_left = pulled_at + MIN_OUT_MS - mono_ms();
        if (want_in && sock < 0 && out_left <= 0) {
            sock = vpcd_connect(o.host, o.port);
            if (sock == -2) {
                note("--host must be an IPv4 address");
                rc = 2;
                goto out;
            }
            if (sock >= 0) {
                connects++;
                told_wait = false;
                myna_vcard_set_present(vc, true);
                note("card inserted (connected to vpcd)");
                if (o.stats)
                    save_stats(o.stats, vc, connects);
            } else if (!told_wait) {
                note("waiting for vpcd");
                told_wait = true;
            }
        }
        struct pollfd pf[2] = {{sfd, POLLIN, 0}, {sock, POLLIN, 0}};
        int wait_ms = -1;
        if (want_in && sock < 0)
            wait_ms = out_left > 0 ? (int)out_left : 100;
        int pr = poll(pf, sock >= 0 ? 2 : 1, wait_ms);
        if (pr < 0 && errno != EINTR) {
            note("poll failed");
            goto out;
        }
        if (pr <= 0)
            continue;
        if (pf[0].revents & POLLIN) {
            struct signalfd_siginfo si;
            if (read(sfd, &si, sizeof si) == (ssize_t)sizeof si) {
                if (si.ssi_signo == SIGUSR1) {
                    if (sock >= 0) {
                        close(sock);
                        sock = -1;
                    }
                    want_in = false;
                    pulled_at = mono_ms();
                    myna_vcard_set_present(vc, false);
                    note("card pulled");
                } else if (si.ssi_signo == SIGUSR2) {
                    want_in = true;
                } else {
                    running = false;
                }
                if (o.stats)
                    save_stats(o.stats, vc, connects);
            }
            continue;
        }
        if (sock < 0 || !(pf[1].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        uint8_t hdr[2];
        size_t len = 0;
        bool ok = read_full(sock, hdr, 2);
        if (ok) {
            len = (size_t)hdr[0] << 8 | hdr[1];
            ok = len > 0 && read_full(sock, cmd, len);
        }
        if (!ok) {
            /* pcscd went away (or restarted): reconnect while the card is "inserted". */
            close(sock);
            sock = -1;
            myna_vcard_reset(vc);
            note("vpcd closed the connection");
            continue;
        }
        if (len == 1) {
            switch (cmd[0]) {
            case 0: /* power off */
            case 1: /* power on */
            case 2: /* reset */
                myna_vcard_reset(vc);
                break;
            case 4: {
                uint8_t atr[MYNA_VCARD_ATR_MAX];
                size_t n = myna_vcard_atr(vc, atr, sizeof atr);
                if (!send_msg(sock, atr, n)) {
                    close(sock);
                    sock = -1;
                }
                break;
            }
            default:
                break;
            }
            continue;
        }
        size_t rlen = 0x10000 + 2;
        e = myna_vcard_process(vc, cmd, len, resp, &rlen);
        if (e == MYNA_OK && rlen > 0xFFFF)
            rlen = 0; /* cannot be carried: answer nothing, vpcd reports an error */
        /* Like a card writing its EEPROM before it answers: the retry counters (and the
         * statistics) are on disk before the reader can learn the result. */
        myna_vcard_counters now;
        myna_vcard_get_counters(vc, &now);
        if (o.state && memcmp(&now, &last, sizeof now) != 0)
            save_state(o.state, vc);
        last = now;
        if (o.stats)
            save_stats(o.stats, vc, connects);
        bool sent = e == MYNA_OK && rlen && send_msg(sock, resp, rlen);
        OPENSSL_cleanse(resp, rlen);
        OPENSSL_cleanse(cmd, len);
        if (!myna_vcard_present(vc)) {
            /* faults.remove_after_apdus: pulled right after answering. */
            close(sock);
            sock = -1;
            want_in = false;
            pulled_at = mono_ms();
            note("card pulled (fault injection)");
        } else if (!sent) {
            close(sock);
            sock = -1;
        }
    }
    rc = 0;

out:
    if (vc && o.state)
        save_state(o.state, vc);
    if (vc && o.stats)
        save_stats(o.stats, vc, connects);
    if (sock >= 0)
        close(sock);
    if (sfd >= 0)
        close(sfd);
    myna_secure_free(cmd, 0x10000);
    myna_secure_free(resp, 0x10000 + 2);
    myna_vcard_free(vc);
    return rc;
}
