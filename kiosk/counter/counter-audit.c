/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-audit.c — append-only, hash-chained audit log. See counter-audit.h. */
#include "counter-audit.h"

#include "counter-staff.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#define HASH_HEX 64
#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

struct counter_audit {
    int fd;
    unsigned seq;
    char last[HASH_HEX + 1];
};

static bool ident(const char *s)
{
    if (!s || !*s || strlen(s) > 64)
        return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' ||
              *c == '.' || *c == '-'))
            return false;
    return true;
}

/* SHA-256 over prev (64 hex) and body, as 64 lowercase hex digits. */
static bool chain_hash(const char *prev, const char *body, size_t len, char out[HASH_HEX + 1])
{
    unsigned char md[32];
    unsigned int mdlen = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) == 1 &&
              EVP_DigestUpdate(ctx, prev, HASH_HEX) == 1 &&
              EVP_DigestUpdate(ctx, body, len) == 1 && EVP_DigestFinal_ex(ctx, md, &mdlen) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok || mdlen != 32)
        return false;
    for (int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
    return true;
}

/* Walk the lines of text: check each one's prev and hash. *last gets the chain's end. */
static counter_err check_chain(char *text, unsigned *lines, unsigned *bad_line,
                               char last[HASH_HEX + 1])
{
    memcpy(last, ZERO_HASH, HASH_HEX + 1);
    unsigned n = 0;
    for (char *p = text, *next; p && *p; p = next) {
        next = strchr(p, '\n');
        if (!next) { /* a torn last line (crash mid-write) is tampering too */
            if (bad_line)
                *bad_line = n + 1;
            return COUNTER_E_AUDIT_TAMPERED;
        }
        *next++ = 0;
        n++;
        char *h = strstr(p, " hash=");
        char *pv = strstr(p, " prev=");
        char want[HASH_HEX + 1];
        if (!h || !pv || strlen(h + 6) != HASH_HEX || strncmp(pv + 6, last, HASH_HEX) != 0 ||
            !chain_hash(last, p, (size_t)(h - p), want) || strcmp(want, h + 6) != 0) {
            if (bad_line)
                *bad_line = n;
            return COUNTER_E_AUDIT_TAMPERED;
        }
        memcpy(last, want, HASH_HEX + 1);
    }
    if (lines)
        *lines = n;
    return COUNTER_OK;
}

static counter_err read_fd(int fd, char **text)
{
    *text = NULL;
    GString *s = g_string_new(NULL);
    char buf[8192];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            g_string_free(s, TRUE);
            return COUNTER_E_IO;
        }
        if (r == 0)
            break;
        if (s->len + (size_t)r > COUNTER_AUDIT_FILE_MAX) {
            g_string_free(s, TRUE);
            return COUNTER_E_IO;
        }
        g_string_append_len(s, buf, r);
    }
    if (memchr(s->str, 0, s->len)) { /* a NUL byte: not our text */
        g_string_free(s, TRUE);
        return COUNTER_E_AUDIT_TAMPERED;
    }
    *text = g_string_free(s, FALSE);
    return COUNTER_OK;
}

counter_err counter_audit_verify(const char *path, unsigned *lines, unsigned *bad_line)
{
    if (lines)
        *lines = 0;
    if (bad_line)
        *bad_line = 0;
    if (!path)
        return COUNTER_E_ARG;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? COUNTER_OK : COUNTER_E_IO;
    char *text = NULL;
    counter_err err = read_fd(fd, &text);
    close(fd);
    if (err != COUNTER_OK)
        return err;
    char last[HASH_HEX + 1];
    err = check_chain(text, lines, bad_line, last);
    g_free(text);
    return err;
}

counter_err counter_audit_open(const char *path, counter_audit **out, unsigned *bad_line)
{
    if (bad_line)
        *bad_line = 0;
    if (!out)
        return COUNTER_E_ARG;
    *out = NULL;
    if (!path)
        return COUNTER_E_ARG;
    /* group-writable: every staff account of the counter's group appends to one chain */
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0660);
    if (fd < 0)
        return COUNTER_E_IO;
    char *text = NULL;
    counter_err err = read_fd(fd, &text);
    counter_audit *a = NULL;
    unsigned lines = 0;
    if (err == COUNTER_OK) {
        a = calloc(1, sizeof *a);
        err = a ? check_chain(text, &lines, bad_line, a->last) : COUNTER_E_NOMEM;
    }
    g_free(text);
    if (err != COUNTER_OK) {
        free(a);
        close(fd);
        return err;
    }
    a->fd = fd;
    a->seq = lines;
    *out = a;
    return COUNTER_OK;
}

void counter_audit_free(counter_audit *a)
{
    if (!a)
        return;
    if (a->fd >= 0)
        close(a->fd);
    free(a);
}

/* Append body (no newline) with its prev and hash, under an exclusive lock so two processes
 * writing the same log keep one chain. */
static counter_err append(counter_audit *a, GString *body)
{
    if (flock(a->fd, LOCK_EX) != 0)
        return COUNTER_E_IO;
    /* Another process may have appended since: re-read the chain's end. */
    counter_err err = COUNTER_OK;
    if (lseek(a->fd, 0, SEEK_SET) == 0) {
        char *text = NULL;
        err = read_fd(a->fd, &text);
        unsigned lines = 0;
        if (err == COUNTER_OK)
            err = check_chain(text, &lines, NULL, a->last);
        g_free(text);
        a->seq = lines;
    }
    if (err == COUNTER_OK) {
        GString *line = g_string_new(NULL);
        time_t now = time(NULL);
        struct tm tm;
        char ts[32] = "1970-01-01T00:00:00Z";
        if (gmtime_r(&now, &tm))
            strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
        g_string_append_printf(line, "%s seq=%u %s prev=%s", ts, a->seq + 1, body->str, a->last);
        char h[HASH_HEX + 1];
        if (line->len > COUNTER_AUDIT_LINE_MAX || !chain_hash(a->last, line->str, line->len, h)) {
            err = COUNTER_E_ARG;
        } else {
            g_string_append_printf(line, " hash=%s\n", h);
            ssize_t w;
            do
                w = write(a->fd, line->str, line->len);
            while (w < 0 && errno == EINTR);
            if (w != (ssize_t)line->len || fsync(a->fd) != 0) {
                err = COUNTER_E_IO;
            } else {
                memcpy(a->last, h, sizeof h);
                a->seq++;
            }
        }
        g_string_free(line, TRUE);
    }
    flock(a->fd, LOCK_UN);
    return err;
}

counter_err counter_audit_staff(counter_audit *a, const char *what, const char *staff)
{
    if (!a || !ident(what))
        return COUNTER_E_ARG;
    GString *b = g_string_new(NULL);
    g_string_append_printf(b, "staff=%s what=%s", counter_staff_id_valid(staff) ? staff : "?",
                           what);
    counter_err err = append(a, b);
    g_string_free(b, TRUE);
    return err;
}

counter_err counter_audit_visit_done(counter_audit *a, const counter_audit_visit *e)
{
    if (!a || !e || !counter_staff_id_valid(e->staff) || (e->event && !ident(e->event)) ||
        (e->n_procedures && !e->procedures))
        return COUNTER_E_ARG;
    for (size_t i = 0; i < e->n_procedures; i++)
        if (!ident(e->procedures[i]))
            return COUNTER_E_ARG;
    GString *b = g_string_new(NULL);
    g_string_append_printf(b, "staff=%s what=visit event=%s procedures=", e->staff,
                           e->event ? e->event : "-");
    for (size_t i = 0; i < e->n_procedures; i++)
        g_string_append_printf(b, "%s%s", i ? "," : "", e->procedures[i]);
    if (!e->n_procedures)
        g_string_append_c(b, '-');
    g_string_append_printf(b,
                           " forms=%u printed=%u failed=%u members=%u cards=%u code_b=%u "
                           "typed=%u end=%s",
                           e->forms, e->printed, e->failed, e->stats.members, e->stats.by_pin,
                           e->stats.by_code_b, e->stats.typed, counter_end_name(e->end));
    counter_err err = append(a, b);
    g_string_free(b, TRUE);
    return err;
}
