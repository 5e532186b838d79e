/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-staff.c — the staff file and sign-in. See counter-staff.h. */
#include "counter-staff.h"

#include "kiosk-passcode.h"

#include <errno.h>
#include <grp.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <glib.h>
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct staff_entry {
    char id[COUNTER_STAFF_ID_MAX + 1];
    char *hash;
    unsigned failures;  /* wrong passcodes in a row */
    unsigned lockouts;  /* how many times locked (the wait doubles) */
    long long locked_until;
} staff_entry;

struct counter_staff {
    staff_entry *e;
    size_t n;
    char *dummy; /* a hash to check unknown IDs against: the same work as a known one */
};

bool counter_staff_id_valid(const char *id)
{
    if (!id || !*id || strlen(id) > COUNTER_STAFF_ID_MAX)
        return false;
    for (const char *c = id; *c; c++)
        if (!g_ascii_isalnum(*c) && *c != '_' && *c != '.' && *c != '-')
            return false;
    return true;
}

void counter_staff_free(counter_staff *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->e[i].hash);
    free(s->e);
    free(s->dummy);
    free(s);
}

/* Read the whole file (at most COUNTER_STAFF_FILE_MAX). *text NULL and OK when missing. */
static counter_err read_file(const char *path, char **text)
{
    *text = NULL;
    FILE *f = fopen(path, "re");
    if (!f)
        return errno == ENOENT ? COUNTER_OK : COUNTER_E_IO;
    char *buf = malloc(COUNTER_STAFF_FILE_MAX + 1);
    if (!buf) {
        fclose(f);
        return COUNTER_E_NOMEM;
    }
    size_t n = fread(buf, 1, COUNTER_STAFF_FILE_MAX + 1, f);
    bool bad = ferror(f) || n > COUNTER_STAFF_FILE_MAX;
    fclose(f);
    if (bad) {
        free(buf);
        return COUNTER_E_IO;
    }
    buf[n] = 0;
    *text = buf;
    return COUNTER_OK;
}

/* Parse text into s (entries appended). */
static counter_err parse(counter_staff *s, char *text, unsigned *bad_line)
{
    unsigned line = 0;
    for (char *p = text, *next; p && *p; p = next) {
        line++;
        next = strchr(p, '\n');
        if (next)
            *next++ = 0;
        while (*p == ' ' || *p == '\t')
            p++;
        size_t len = strlen(p);
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
            p[--len] = 0;
        if (!*p || *p == '#')
            continue;
        char *sp = strpbrk(p, " \t");
        if (!sp)
            goto bad;
        *sp++ = 0;
        while (*sp == ' ' || *sp == '\t')
            sp++;
        if (!counter_staff_id_valid(p) || strncmp(sp, "pbkdf2-sha256$", 14) != 0 ||
            strpbrk(sp, " \t") || s->n >= COUNTER_STAFF_MAX)
            goto bad;
        for (size_t i = 0; i < s->n; i++)
            if (strcmp(s->e[i].id, p) == 0)
                goto bad;
        staff_entry *grown = realloc(s->e, (s->n + 1) * sizeof *grown);
        if (!grown)
            return COUNTER_E_NOMEM;
        s->e = grown;
        staff_entry *e = &s->e[s->n];
        memset(e, 0, sizeof *e);
        memcpy(e->id, p, strlen(p) + 1);
        e->hash = strdup(sp);
        if (!e->hash)
            return COUNTER_E_NOMEM;
        s->n++;
    }
    return COUNTER_OK;
bad:
    if (bad_line)
        *bad_line = line;
    return COUNTER_E_STAFF_FORMAT;
}

counter_err counter_staff_load(const char *path, counter_staff **out, unsigned *bad_line)
{
    if (bad_line)
        *bad_line = 0;
    if (!out)
        return COUNTER_E_ARG;
    *out = NULL;
    if (!path)
        return COUNTER_E_ARG;
    char *text = NULL;
    counter_err err = read_file(path, &text);
    if (err != COUNTER_OK)
        return err;
    counter_staff *s = calloc(1, sizeof *s);
    if (!s) {
        free(text);
        return COUNTER_E_NOMEM;
    }
    if (text)
        err = parse(s, text, bad_line);
    free(text);
    if (err == COUNTER_OK) {
        /* A random passcode nobody knows, hashed like a real entry. */
        unsigned char rnd[16];
        char pass[33];
        if (RAND_bytes(rnd, sizeof rnd) != 1)
            memset(rnd, 0x5a, sizeof rnd); /* a dummy still: never matches a typed code */
        for (size_t i = 0; i < sizeof rnd; i++)
            snprintf(pass + 2 * i, 3, "%02x", rnd[i]);
        s->dummy = kiosk_passcode_hash(pass, 0);
        if (!s->dummy)
            err = COUNTER_E_NOMEM;
    }
    if (err != COUNTER_OK) {
        counter_staff_free(s);
        return err;
    }
    *out = s;
    return COUNTER_OK;
}

size_t counter_staff_count(const counter_staff *s) { return s ? s->n : 0; }

const char *counter_staff_id(const counter_staff *s, size_t i)
{
    return s && i < s->n ? s->e[i].id : NULL;
}

static staff_entry *find(counter_staff *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->e[i].id, id) == 0)
            return &s->e[i];
    return NULL;
}

counter_err counter_staff_sign_in(counter_staff *s, const char *id, const char *passcode,
                                  long long now, unsigned *wait_s)
{
    if (wait_s)
        *wait_s = 0;
    if (!s || !id || !passcode)
        return COUNTER_E_ARG;
    staff_entry *e = counter_staff_id_valid(id) ? find(s, id) : NULL;
    if (e && e->locked_until > now) {
        if (wait_s)
            *wait_s = (unsigned)(e->locked_until - now);
        return COUNTER_E_STAFF_LOCKED;
    }
    bool ok = kiosk_passcode_check(e ? e->hash : s->dummy, passcode);
    if (!e)
        return COUNTER_E_STAFF_UNKNOWN;
    if (ok) {
        e->failures = 0;
        e->lockouts = 0;
        e->locked_until = 0;
        return COUNTER_OK;
    }
    if (++e->failures >= COUNTER_STAFF_LOCK_AFTER) {
        long long wait = COUNTER_STAFF_LOCK_SECONDS;
        for (unsigned i = 0; i < e->lockouts && wait < COUNTER_STAFF_LOCK_MAX; i++)
            wait *= 2;
        if (wait > COUNTER_STAFF_LOCK_MAX)
            wait = COUNTER_STAFF_LOCK_MAX;
        e->lockouts++;
        e->failures = 0;
        e->locked_until = now + wait;
    }
    return COUNTER_E_STAFF_UNKNOWN;
}

/* ---- editing the file ------------------------------------------------------------------- */

/* Write s to path atomically (temporary file in the same folder, fsync, rename), mode 0600;
 * when root writes it and the group kakanai-counter exists (the package creates it), 0640
 * root:kakanai-counter, so the staff's own desktop accounts can check passcodes. */
static counter_err save(const counter_staff *s, const char *path)
{
    GString *out = g_string_new("# kakanai counter staff: ID and salted PBKDF2 hash "
                                "(kakanai-staff add|remove)\n");
    for (size_t i = 0; i < s->n; i++)
        g_string_append_printf(out, "%s %s\n", s->e[i].id, s->e[i].hash);
    char *tmp = g_strdup_printf("%s.XXXXXX", path);
    int fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600);
    counter_err err = COUNTER_OK;
    if (fd < 0) {
        err = COUNTER_E_IO;
    } else {
        const struct group *g = geteuid() == 0 ? getgrnam("kakanai-counter") : NULL;
        if (g != NULL && (fchown(fd, 0, g->gr_gid) != 0 || fchmod(fd, 0640) != 0))
            err = COUNTER_E_IO;
        size_t done = 0;
        while (done < out->len) {
            ssize_t w = write(fd, out->str + done, out->len - done);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                break;
            done += (size_t)w;
        }
        if (done != out->len || fsync(fd) != 0)
            err = COUNTER_E_IO;
        if (close(fd) != 0)
            err = COUNTER_E_IO;
        if (err == COUNTER_OK && rename(tmp, path) != 0)
            err = COUNTER_E_IO;
        if (err != COUNTER_OK)
            unlink(tmp);
    }
    g_free(tmp);
    g_string_free(out, TRUE);
    return err;
}

counter_err counter_staff_add(const char *path, const char *id, const char *passcode,
                              unsigned iterations)
{
    if (!path || !counter_staff_id_valid(id) || !passcode || !*passcode ||
        strlen(passcode) > KIOSK_PASSCODE_MAX)
        return COUNTER_E_ARG;
    counter_staff *s = NULL;
    counter_err err = counter_staff_load(path, &s, NULL);
    if (err != COUNTER_OK)
        return err;
    if (find(s, id)) {
        counter_staff_free(s);
        return COUNTER_E_STAFF_EXISTS;
    }
    char *hash = kiosk_passcode_hash(passcode, iterations);
    staff_entry *grown = hash ? realloc(s->e, (s->n + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(hash);
        counter_staff_free(s);
        return hash ? COUNTER_E_NOMEM : COUNTER_E_ARG;
    }
    s->e = grown;
    memset(&s->e[s->n], 0, sizeof s->e[0]);
    memcpy(s->e[s->n].id, id, strlen(id) + 1);
    s->e[s->n].hash = hash;
    s->n++;
    err = save(s, path);
    counter_staff_free(s);
    return err;
}

counter_err counter_staff_remove(const char *path, const char *id)
{
    if (!path || !counter_staff_id_valid(id))
        return COUNTER_E_ARG;
    counter_staff *s = NULL;
    counter_err err = counter_staff_load(path, &s, NULL);
    if (err != COUNTER_OK)
        return err;
    staff_entry *e = find(s, id);
    if (!e) {
        counter_staff_free(s);
        return COUNTER_E_STAFF_UNKNOWN;
    }
    size_t i = (size_t)(e - s->e);
    free(e->hash);
    memmove(&s->e[i], &s->e[i + 1], (s->n - i - 1) * sizeof s->e[0]);
    s->n--;
    err = save(s, path);
    counter_staff_free(s);
    return err;
}
