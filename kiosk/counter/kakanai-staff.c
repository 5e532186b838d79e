/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kakanai-staff — manage the counter's staff sign-in file.
 *
 *   kakanai-staff [--file FILE] add ID       passcode from stdin (asked twice on a terminal)
 *   kakanai-staff [--file FILE] remove ID
 *   kakanai-staff [--file FILE] list
 *   kakanai-staff [--file FILE] check ID     passcode from stdin; exit 0 when it signs in
 *   kakanai-staff --verify-audit LOG         check the audit log's hash chain
 *
 * FILE defaults to /etc/kakanai/staff.conf. Only the salted PBKDF2 hash is written.
 */
#include "counter-audit.h"
#include "counter-staff.h"
#include "kiosk-passcode.h"

#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs("usage: kakanai-staff [--file FILE] add|remove|check ID\n"
          "       kakanai-staff [--file FILE] list\n"
          "       kakanai-staff --verify-audit LOG\n"
          "The passcode is read from standard input (asked twice on a terminal).\n",
          f);
}

/* One line from stdin without its newline, echo off on a terminal. */
static bool read_passcode(const char *prompt, char *buf, size_t cap)
{
    bool tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fputs(prompt, stderr);
        tcgetattr(STDIN_FILENO, &old);
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    bool ok = fgets(buf, (int)cap, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!ok)
        return false;
    size_t n = strcspn(buf, "\r\n");
    if (buf[n] == 0 && n + 1 == cap) /* longer than the buffer */
        return false;
    buf[n] = 0;
    return n > 0;
}

static int fail(const char *what, counter_err err, unsigned line)
{
    if (line)
        fprintf(stderr, "kakanai-staff: %s: %s (line %u)\n", what, counter_strerror(err), line);
    else
        fprintf(stderr, "kakanai-staff: %s: %s\n", what, counter_strerror(err));
    return 1;
}

int main(int argc, char **argv)
{
    const char *file = COUNTER_STAFF_FILE;
    int i = 1;
    if (argc == 3 && strcmp(argv[1], "--verify-audit") == 0) {
        unsigned lines = 0, bad = 0;
        counter_err err = counter_audit_verify(argv[2], &lines, &bad);
        if (err != COUNTER_OK)
            return fail(argv[2], err, bad);
        printf("%u lines, hash chain intact\n", lines);
        return 0;
    }
    if (argc > 2 && strcmp(argv[1], "--file") == 0) {
        file = argv[2];
        i = 3;
    }
    if (i >= argc || strcmp(argv[i], "--help") == 0) {
        usage(i >= argc ? stderr : stdout);
        return i >= argc ? 2 : 0;
    }
    const char *cmd = argv[i];
    if (strcmp(cmd, "list") == 0 && i + 1 == argc) {
        counter_staff *s = NULL;
        unsigned bad = 0;
        counter_err err = counter_staff_load(file, &s, &bad);
        if (err != COUNTER_OK)
            return fail(file, err, bad);
        for (size_t k = 0; k < counter_staff_count(s); k++)
            puts(counter_staff_id(s, k));
        counter_staff_free(s);
        return 0;
    }
    if (i + 2 != argc) {
        usage(stderr);
        return 2;
    }
    const char *id = argv[i + 1];
    if (!counter_staff_id_valid(id)) {
        fprintf(stderr, "kakanai-staff: an ID is 1 to %d letters, digits, '_', '.' or '-'\n",
                COUNTER_STAFF_ID_MAX);
        return 2;
    }
    if (strcmp(cmd, "remove") == 0) {
        counter_err err = counter_staff_remove(file, id);
        return err == COUNTER_OK ? 0 : fail(file, err, 0);
    }
    char pass[KIOSK_PASSCODE_MAX + 2], again[KIOSK_PASSCODE_MAX + 2];
    int rc = 0;
    if (!read_passcode("Passcode: ", pass, sizeof pass)) {
        fprintf(stderr, "kakanai-staff: a passcode is 1 to %d bytes on one line\n",
                KIOSK_PASSCODE_MAX);
        rc = 2;
    } else if (strcmp(cmd, "add") == 0) {
        if (isatty(STDIN_FILENO) && (!read_passcode("Again: ", again, sizeof again) ||
                                     strcmp(pass, again) != 0)) {
            fputs("kakanai-staff: the two passcodes differ\n", stderr);
            rc = 2;
        } else {
            counter_err err = counter_staff_add(file, id, pass, 0);
            rc = err == COUNTER_OK ? 0 : fail(file, err, 0);
        }
    } else if (strcmp(cmd, "check") == 0) {
        counter_staff *s = NULL;
        unsigned bad = 0;
        counter_err err = counter_staff_load(file, &s, &bad);
        if (err == COUNTER_OK)
            err = counter_staff_sign_in(s, id, pass, (long long)time(NULL), NULL);
        counter_staff_free(s);
        rc = err == COUNTER_OK ? 0 : fail(id, err, bad);
    } else {
        usage(stderr);
        rc = 2;
    }
    OPENSSL_cleanse(pass, sizeof pass);
    OPENSSL_cleanse(again, sizeof again);
    return rc;
}
