/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kakanai-card — read a My Number card's text attributes from the command line (installers,
 * municipal IT staff, tests).
 *
 *   kakanai-card readers
 *   kakanai-card status [--reader NAME] [--wait SEC]
 *   kakanai-card read   [--reader NAME] [--wait SEC] [--with-number] [--verify] [--timing]
 *                       [--trace] (--pin-stdin | --checkcode-b-stdin)
 *   kakanai-card --version | --help
 *
 * Without --reader, the first reader that holds a card is used. `read` prints one JSON object
 * {"name", "address", "birth", "sex"} ("my_number" only with --with-number, "verified" with
 * --verify); every UTF-8 byte of the card is kept (non-BMP characters, variation selectors).
 * On failure it prints {"error": "MYNA_E_…", "message": "…"} (+ "tries_left" for PIN errors).
 * The PIN (4 digits) or 照合番号B (14 digits: birth YYMMDD, expiry year, security code) is read
 * from standard input, one line; it is never retried.
 *
 * Exit codes (stable; scripts and tests rely on them):
 *   0 ok                       6 wrong PIN, two or more tries left
 *   1 internal error           7 wrong PIN, exactly one try left
 *   2 usage (bad option/PIN)   8 PIN blocked (no VERIFY was sent)
 *   3 no reader / no pcscd     9 not a My Number card
 *   4 no card in the reader   10 bad card data (or digests do not match)
 *   5 card removed            11 reader or transport error
 */
#include "myna.h"

#include <errno.h>
#include <getopt.h>
#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef KAKANAI_VERSION
#define KAKANAI_VERSION "0.0.0"
#endif

enum {
    EXIT_OK = 0,
    EXIT_INTERNAL = 1,
    EXIT_USAGE = 2,
    EXIT_NO_READER = 3,
    EXIT_NO_CARD = 4,
    EXIT_REMOVED = 5,
    EXIT_PIN_WRONG = 6,
    EXIT_PIN_LAST = 7,
    EXIT_PIN_BLOCKED = 8,
    EXIT_NOT_MYNA = 9,
    EXIT_BAD_DATA = 10,
    EXIT_READER = 11,
};

#define SECRET_LINE_MAX 64

typedef struct opts {
    const char *cmd;
    const char *reader;
    int wait_ms;
    bool with_number, verify, timing, trace, pin_stdin, code_stdin;
} opts;

static int exit_code(myna_err e)
{
    switch (e) {
    case MYNA_OK:
        return EXIT_OK;
    case MYNA_E_ARG:
    case MYNA_E_PIN_FORMAT:
        return EXIT_USAGE;
    case MYNA_E_NO_SERVICE:
    case MYNA_E_NO_READER:
        return EXIT_NO_READER;
    case MYNA_E_NO_CARD:
    case MYNA_E_TIMEOUT:
        return EXIT_NO_CARD;
    case MYNA_E_CARD_REMOVED:
        return EXIT_REMOVED;
    case MYNA_E_PIN_WRONG:
        return EXIT_PIN_WRONG;
    case MYNA_E_PIN_LAST_TRY:
        return EXIT_PIN_LAST;
    case MYNA_E_PIN_BLOCKED:
        return EXIT_PIN_BLOCKED;
    case MYNA_E_NOT_MYNA:
        return EXIT_NOT_MYNA;
    case MYNA_E_CARD:
    case MYNA_E_BAD_DATA:
    case MYNA_E_NOT_VERIFIED:
    case MYNA_E_AUTH_DATA:
        return EXIT_BAD_DATA;
    case MYNA_E_READER:
    case MYNA_E_TRANSPORT:
        return EXIT_READER;
    default:
        return EXIT_INTERNAL;
    }
}

/* JSON string: '"', '\\' and control characters escaped, every other byte as it is. */
static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20 || *p == 0x7F)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static int fail(myna_err e, int tries)
{
    fputs("{\"error\": ", stdout);
    json_str(stdout, myna_err_name(e));
    fputs(", \"message\": ", stdout);
    json_str(stdout, myna_strerror(e));
    if (tries >= 0)
        printf(", \"tries_left\": %d", tries);
    fputs("}\n", stdout);
    fprintf(stderr, "kakanai-card: %s\n", myna_strerror(e));
    return exit_code(e);
}

static void usage(FILE *f)
{
    fputs("usage: kakanai-card readers\n"
          "       kakanai-card status [--reader NAME] [--wait SEC]\n"
          "       kakanai-card read [--reader NAME] [--wait SEC] [--with-number] [--verify]\n"
          "                         [--timing] [--trace] (--pin-stdin | --checkcode-b-stdin)\n"
          "       kakanai-card --version\n"
          "exit: 0 ok, 2 usage, 3 no reader/pcscd, 4 no card, 5 card removed, 6 wrong PIN,\n"
          "      7 wrong PIN (last try left), 8 blocked, 9 not a My Number card, 10 bad data,\n"
          "      11 reader error, 1 other\n",
          f);
}

static int parse_args(int argc, char **argv, opts *o)
{
    static const struct option lo[] = {
        {"reader", required_argument, NULL, 'r'},
        {"wait", required_argument, NULL, 'w'},
        {"with-number", no_argument, NULL, 'n'},
        {"verify", no_argument, NULL, 'v'},
        {"timing", no_argument, NULL, 't'},
        {"trace", no_argument, NULL, 'T'},
        {"pin-stdin", no_argument, NULL, 'p'},
        {"checkcode-b-stdin", no_argument, NULL, 'b'},
        {"version", no_argument, NULL, 'V'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
        switch (c) {
        case 'r':
            o->reader = optarg;
            break;
        case 'w': {
            char *end;
            errno = 0;
            double s = strtod(optarg, &end);
            if (errno || *end || s < 0 || s > 86400) {
                fputs("kakanai-card: --wait needs seconds (0..86400)\n", stderr);
                return EXIT_USAGE;
            }
            o->wait_ms = (int)(s * 1000);
            break;
        }
        case 'n':
            o->with_number = true;
            break;
        case 'v':
            o->verify = true;
            break;
        case 't':
            o->timing = true;
            break;
        case 'T':
            o->trace = true;
            break;
        case 'p':
            o->pin_stdin = true;
            break;
        case 'b':
            o->code_stdin = true;
            break;
        case 'V':
            printf("kakanai-card %s\n", KAKANAI_VERSION);
            return EXIT_OK;
        case 'h':
            usage(stdout);
            return EXIT_OK;
        default:
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (optind != argc - 1) {
        usage(stderr);
        return EXIT_USAGE;
    }
    o->cmd = argv[optind];
    bool is_read = strcmp(o->cmd, "read") == 0;
    if (!is_read && strcmp(o->cmd, "status") != 0 && strcmp(o->cmd, "readers") != 0) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (is_read && o->pin_stdin == o->code_stdin) {
        fputs("kakanai-card: read needs exactly one of --pin-stdin, --checkcode-b-stdin\n", stderr);
        return EXIT_USAGE;
    }
    if (!is_read && (o->pin_stdin || o->code_stdin || o->with_number || o->verify)) {
        fputs("kakanai-card: PIN and read options belong to `read`\n", stderr);
        return EXIT_USAGE;
    }
    return -1;
}

/* One line from stdin into locked memory, without its line end. */
static char *read_secret(size_t *len)
{
    char *buf = myna_secure_alloc(SECRET_LINE_MAX);
    if (!buf)
        return NULL;
    size_t n = 0;
    bool too_long = false;
    char ch = 0;
    for (;;) {
        ssize_t r = read(STDIN_FILENO, &ch, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0 || ch == '\n')
            break;
        if (n < SECRET_LINE_MAX - 1)
            buf[n++] = ch;
        else
            too_long = true;
    }
    /* the last digit read may still sit in ch: a plain store could be optimised away */
    OPENSSL_cleanse(&ch, sizeof ch);
    if (!too_long && n > 0 && buf[n - 1] == '\r')
        buf[--n] = '\0';
    /* a line too long keeps 63 bytes: never a valid length, refused by the library */
    *len = n;
    return buf;
}

static void trace_cb(void *user, bool is_command, const char *masked_hex)
{
    (void)user;
    fprintf(stderr, "%s %s\n", is_command ? ">" : "<", masked_hex);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmd_readers(myna_ctx *ctx)
{
    char **names = NULL;
    size_t count = 0;
    myna_err e = myna_ctx_list_readers(ctx, &names, &count);
    if (e != MYNA_OK)
        return fail(e, -1);
    for (size_t i = 0; i < count; i++)
        puts(names[i]);
    myna_strv_free(names, count);
    if (count == 0) {
        fputs("kakanai-card: no reader is connected\n", stderr);
        return EXIT_NO_READER;
    }
    return EXIT_OK;
}

/* The reader to use: the named one (it must hold a card) or the first with a card. */
static myna_err find_card(myna_ctx *ctx, const opts *o, char **reader)
{
    if (o->reader && o->wait_ms == 0) {
        /* a named reader that is not there is "no reader", not "no card" */
        char **names = NULL;
        size_t count = 0;
        myna_err e = myna_ctx_list_readers(ctx, &names, &count);
        if (e != MYNA_OK)
            return e;
        bool found = false;
        for (size_t i = 0; i < count && !found; i++)
            found = strstr(names[i], o->reader) != NULL;
        myna_strv_free(names, count);
        if (!found)
            return MYNA_E_NO_READER;
    }
    myna_err e = myna_ctx_wait_card(ctx, o->reader, o->wait_ms, reader);
    if (e == MYNA_E_TIMEOUT)
        e = MYNA_E_NO_CARD;
    return e;
}

static int cmd_status(myna_ctx *ctx, const opts *o)
{
    char *reader = NULL;
    myna_err e = find_card(ctx, o, &reader);
    if (e != MYNA_OK)
        return fail(e, -1);
    myna_transport *t = NULL;
    myna_card *card = NULL;
    int pin = -1, code = -1;
    e = myna_transport_pcsc_open(ctx, reader, &t);
    if (e == MYNA_OK)
        e = myna_card_open(t, &card); /* takes t, also on error */
    if (e == MYNA_OK)
        e = myna_card_pin_tries(card, &pin);
    if (e == MYNA_OK)
        e = myna_card_checkcode_b_tries(card, &code);
    int rc;
    if (e != MYNA_OK) {
        rc = fail(e, -1);
    } else {
        fputs("{\"reader\": ", stdout);
        json_str(stdout, reader);
        printf(", \"card\": \"present\", \"myna\": true, \"pin_tries\": %d, "
               "\"checkcode_b_tries\": %d}\n",
               pin, code);
        rc = EXIT_OK;
    }
    myna_card_free(card);
    free(reader);
    return rc;
}

static int cmd_read(myna_ctx *ctx, const opts *o)
{
    size_t slen = 0;
    char *secret = read_secret(&slen);
    if (!secret)
        return fail(MYNA_E_NOMEM, -1);
    char *reader = NULL;
    myna_transport *t = NULL;
    myna_card *card = NULL;
    myna_attrs *a = NULL;
    int rc;
    myna_err e = find_card(ctx, o, &reader);
    double t0 = now_ms();
    if (e == MYNA_OK)
        e = myna_transport_pcsc_open(ctx, reader, &t);
    if (e == MYNA_OK && o->trace)
        myna_transport_set_trace(t, trace_cb, NULL);
    if (e == MYNA_OK)
        e = myna_card_open(t, &card);
    if (e == MYNA_OK)
        e = o->pin_stdin ? myna_card_verify_pin(card, secret, slen)
                         : myna_card_verify_checkcode_b(card, secret, slen);
    myna_secure_free(secret, SECRET_LINE_MAX);
    secret = NULL;
    unsigned flags = (o->with_number ? MYNA_READ_NUMBER : 0u) | (o->verify ? MYNA_READ_VERIFY : 0u);
    if (e == MYNA_OK)
        e = myna_card_read_attrs(card, flags, &a);
    double t1 = now_ms();
    if (e != MYNA_OK) {
        int tries = -1;
        if (e == MYNA_E_PIN_WRONG || e == MYNA_E_PIN_LAST_TRY || e == MYNA_E_PIN_BLOCKED)
            tries = card ? myna_card_tries_left(card) : -1;
        rc = fail(e, tries);
    } else {
        /* unbuffered: the attributes go straight to the pipe, no copy left in a stdio buffer */
        setvbuf(stdout, NULL, _IONBF, 0);
        fputs("{\"name\": ", stdout);
        json_str(stdout, myna_attrs_name(a));
        fputs(", \"address\": ", stdout);
        json_str(stdout, myna_attrs_address(a));
        fputs(", \"birth\": ", stdout);
        json_str(stdout, myna_attrs_birth(a));
        fputs(", \"sex\": ", stdout);
        json_str(stdout, myna_attrs_sex(a));
        if (o->with_number && myna_attrs_number(a)) {
            fputs(", \"my_number\": ", stdout);
            json_str(stdout, myna_attrs_number(a));
        }
        if (o->verify)
            printf(", \"verified\": %s", myna_attrs_verified(a) ? "true" : "false");
        fputs("}\n", stdout);
        rc = EXIT_OK;
    }
    if (o->timing && card)
        fprintf(stderr, "kakanai-card: timing apdus=%u ms=%.1f\n", myna_card_apdu_count(card),
                t1 - t0);
    myna_attrs_free(a);
    myna_card_free(card);
    free(reader);
    return rc;
}

int main(int argc, char **argv)
{
    opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;
    myna_err e = myna_secure_init(256 * 1024);
    if (e != MYNA_OK)
        return fail(e, -1);
    myna_ctx *ctx = NULL;
    e = myna_ctx_new(&ctx);
    if (e != MYNA_OK)
        return fail(e, -1);
    if (strcmp(o.cmd, "readers") == 0)
        rc = cmd_readers(ctx);
    else if (strcmp(o.cmd, "status") == 0)
        rc = cmd_status(ctx, &o);
    else
        rc = cmd_read(ctx, &o);
    myna_ctx_free(ctx);
    return rc;
}
