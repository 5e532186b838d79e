/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kakanai-scan — look for canary strings (a test resident's personal data) wherever a session
 * could have left them: a live process's memory, a core file, every file under a folder, a log.
 *
 *   kakanai-scan [-c CANARY]... [-C FILE] [-X HEX]... [-p PID]... [-P PID]... [-d DIR]... [-f FILE]...
 *                [-x PATH]... [-A N] [-i] [-q]
 *
 *   -c CANARY   a canary (UTF-8); -C FILE reads one canary per line ('#' comments; a line
 *               "hex:0020008004..." is raw bytes, e.g. a VERIFY APDU carrying the test PIN)
 *   -X HEX      a raw byte canary (looked for as is, no other encoding)
 *   -p PID      scan every mapping of a process (/proc/PID/smaps + /proc/PID/mem), each
 *               classified (heap, [stack], thread stacks, cached stacks of exited threads,
 *               malloc arenas, anonymous, shared, file-backed writable and read-only, no-access,
 *               kernel) and counted per class: see scan-mem.c
 *   -P PID      the same, but hits are only noted (the virtual card process: it IS the card)
 *   -d DIR      every regular file under DIR (symlinks not followed, other file systems too)
 *   -f FILE     one file (a log, a core from gcore, a captured stderr); "-" is stdin
 *   -x PATH     exclude this file or folder (e.g. the cups-pdf output folder: the printed paper)
 *   -i          an unreadable process or file is not an error (default: it is, exit 2)
 *   -q          print only hits
 *   -A N        also print N bytes of context either side of each hit (escaped), to tell
 *               where a copy comes from
 *
 * There is deliberately no way to ignore a hit by what surrounds it: a rule such as "a canary
 * right after the bytes 'answer ' is the test driver's copy" also hides the program's own
 * copy wherever it happens to follow those bytes. A test that must not find its own input
 * keeps the input out of the process (see tests/privacy/README.md).
 *
 * Each canary is looked for in UTF-8, UTF-16LE, UTF-16BE, Shift_JIS (CP932) and EUC-JP.
 * Every hit is printed with where it was found. Exit status: 0 no hit, 1 a hit, 2 an error
 * (a source that could not be scanned), 64 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scan.h"

#define SCAN_MAX_CANARIES 64
#define SCAN_MAX_EXCLUDES 64
#define SCAN_CHUNK (1u << 20)
#define SCAN_MIN_CANARY 4

typedef struct needle {
    const char *canary; /* the canary as given (UTF-8) */
    const char *enc;    /* the encoding of bytes */
    uint8_t *bytes;
    size_t len;
} needle;

static needle g_needles[SCAN_MAX_CANARIES * 5];
static size_t g_nneedles;
static size_t g_maxlen;
static const char *g_excludes[SCAN_MAX_EXCLUDES];
static size_t g_nexcludes;
static size_t g_context;
static unsigned long g_hits;    /* hits that fail the scan */
static unsigned long g_notes;   /* hits in allowed processes */
unsigned long g_scan_errors;
bool g_scan_quiet;
bool g_scan_ignore_unreadable;
static unsigned long g_scanned; /* bytes looked at */

static bool convert(const char *to, const char *s, uint8_t **out, size_t *outlen)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1)
        return false;
    size_t inlen = strlen(s);
    size_t cap = inlen * 4 + 8;
    uint8_t *buf = malloc(cap);
    if (buf == NULL) {
        iconv_close(cd);
        return false;
    }
    char *in = (char *)s;
    char *o = (char *)buf;
    size_t left = cap;
    size_t r = iconv(cd, &in, &inlen, &o, &left);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(buf);
        return false;
    }
    *out = buf;
    *outlen = cap - left;
    return true;
}

static void add_needle(const char *canary, const char *enc, uint8_t *bytes, size_t len)
{
    for (size_t i = 0; i < g_nneedles; i++) {
        if (g_needles[i].len == len && memcmp(g_needles[i].bytes, bytes, len) == 0) {
            free(bytes); /* same bytes in another encoding (ASCII in Shift_JIS): once is enough */
            return;
        }
    }
    g_needles[g_nneedles++] = (needle){ canary, enc, bytes, len };
    if (len > g_maxlen)
        g_maxlen = len;
}

static int add_canary(const char *c)
{
    if (strlen(c) < SCAN_MIN_CANARY) {
        fprintf(stderr, "kakanai-scan: canary \"%s\" is shorter than %d bytes: too likely by chance\n",
                c, SCAN_MIN_CANARY);
        return -1;
    }
    if (g_nneedles + 5 > sizeof g_needles / sizeof g_needles[0]) {
        fprintf(stderr, "kakanai-scan: too many canaries (at most %d)\n", SCAN_MAX_CANARIES);
        return -1;
    }
    static const struct {
        const char *iconv_name;
        const char *label;
    } encs[] = {
        { "UTF-16LE", "UTF-16LE" },
        { "UTF-16BE", "UTF-16BE" },
        { "CP932", "Shift_JIS" },
        { "EUC-JP", "EUC-JP" },
    };
    size_t n = strlen(c);
    uint8_t *u8 = malloc(n);
    if (u8 == NULL)
        return -1;
    memcpy(u8, c, n);
    add_needle(c, "UTF-8", u8, n);
    for (size_t i = 0; i < sizeof encs / sizeof encs[0]; i++) {
        uint8_t *b;
        size_t len;
        if (convert(encs[i].iconv_name, c, &b, &len))
            add_needle(c, encs[i].label, b, len);
        else if (!g_scan_quiet)
            fprintf(stderr, "kakanai-scan: note: \"%s\" has no %s form\n", c, encs[i].label);
    }
    return 0;
}

/* A raw byte needle from hex digits (spaces allowed). */
static int add_hex_canary(const char *hex)
{
    size_t n = strlen(hex);
    uint8_t *b = malloc(n / 2 + 1);
    if (b == NULL)
        return -1;
    size_t len = 0;
    int hi = -1;
    for (size_t i = 0; i < n; i++) {
        char ch = hex[i];
        int v;
        if (ch >= '0' && ch <= '9')
            v = ch - '0';
        else if (ch >= 'a' && ch <= 'f')
            v = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'F')
            v = ch - 'A' + 10;
        else if (ch == ' ')
            continue;
        else
            break;
        if (hi < 0) {
            hi = v;
        } else {
            b[len++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    if (len < SCAN_MIN_CANARY || hi >= 0 || g_nneedles == sizeof g_needles / sizeof g_needles[0]) {
        fprintf(stderr, "kakanai-scan: bad hex canary \"%s\" (even digits, at least %d bytes)\n", hex,
                SCAN_MIN_CANARY);
        free(b);
        return -1;
    }
    add_needle(hex, "bytes", b, len);
    return 0;
}

static int add_canary_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "kakanai-scan: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char line[1024];
    int rc = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        bool hex = strncmp(line, "hex:", 4) == 0;
        char *c = strdup(hex ? line + 4 : line);
        if (c == NULL || (hex ? add_hex_canary(c) : add_canary(c)) != 0) {
            free(c);
            rc = -1;
            break;
        }
    }
    fclose(f);
    return rc;
}

/* Report every needle in buf[0..len) that starts before `limit` (the rest is scanned again
 * with the next chunk). base: the address or file offset of buf[0]. */
static void search(const uint8_t *buf, size_t len, size_t limit, uint64_t base, scan_source *src)
{
    for (size_t k = 0; k < g_nneedles; k++) {
        const needle *nd = &g_needles[k];
        const uint8_t *p = buf;
        size_t left = len;
        while (left >= nd->len) {
            const uint8_t *hit = memmem(p, left, nd->bytes, nd->len);
            if (hit == NULL)
                break;
            size_t off = (size_t)(hit - buf);
            if (off >= limit)
                break;
            printf("%s: \"%s\" (%s) in %s%s%s at 0x%" PRIx64 "\n", src->note_only ? "NOTE" : "HIT",
                   nd->canary, nd->enc, src->where, src->detail != NULL ? " " : "",
                   src->detail != NULL ? src->detail : "", base + off);
            if (g_context > 0) {
                size_t from = off > g_context ? off - g_context : 0;
                size_t to = off + nd->len + g_context < len ? off + nd->len + g_context : len;
                fputs("    context: ", stdout);
                for (size_t c = from; c < to; c++) {
                    if (c == off)
                        fputs("[[", stdout);
                    if (buf[c] >= 0x20 && buf[c] < 0x7F && buf[c] != '\\')
                        putchar(buf[c]);
                    else if (buf[c] >= 0x80)
                        putchar(buf[c]); /* UTF-8 stays readable */
                    else
                        printf("\\x%02x", buf[c]);
                    if (c + 1 == off + nd->len)
                        fputs("]]", stdout);
                }
                putchar('\n');
            }
            src->hits++;
            if (src->note_only)
                g_notes++;
            else
                g_hits++;
            p = hit + 1;
            left = len - off - 1;
        }
    }
}

#define SCAN_PAGE 4096u

/* pread all of want bytes at pos (EINTR and short reads retried); the bytes read, or -1. */
static ssize_t read_at(int fd, uint8_t *buf, size_t want, uint64_t pos)
{
    size_t got = 0;
    while (got < want) {
        ssize_t r = pread(fd, buf + got, want - got, (off_t)(pos + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return got > 0 ? (ssize_t)got : -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

int64_t scan_fd(int fd, uint64_t start, uint64_t length, scan_source *src, uint64_t *unreadable)
{
    static uint8_t *buf;
    size_t overlap = g_maxlen > 0 ? g_maxlen - 1 : 0;
    if (buf == NULL && (buf = malloc(SCAN_CHUNK + overlap + 1)) == NULL)
        return -1;
    uint64_t pos = start; /* the next byte to read */
    uint64_t bad = 0;
    int64_t got = 0;
    size_t have = 0; /* buf[0..have): bytes carried over from just before pos */
    for (;;) {
        size_t want = SCAN_CHUNK;
        if (length != 0) {
            uint64_t rest = start + length - pos;
            if (rest == 0)
                break;
            if (rest < want)
                want = (size_t)rest;
        }
        ssize_t r = read_at(fd, buf + have, want, pos);
        if (length == 0) { /* a file: an error or the end stops it */
            if (r < 0 && got == 0)
                return -1;
            if (r <= 0)
                break;
        } else if (r != (ssize_t)want) {
            /* Memory: this chunk again page by page. A page that cannot be read is counted
             * and ends the run of bytes before it (searched whole), so it hides nothing else. */
            size_t off = r > 0 ? (size_t)r : 0;
            while (off < want) {
                size_t step = SCAN_PAGE - (size_t)((pos + off) % SCAN_PAGE);
                if (step > want - off)
                    step = want - off;
                if (read_at(fd, buf + have + off, step, pos + off) == (ssize_t)step) {
                    off += step;
                    continue;
                }
                size_t total = have + off;
                if (total > 0)
                    search(buf, total, total, pos + off - total, src);
                g_scanned += off;
                got += (int64_t)off;
                bad += step;
                pos += off + step;
                want -= off + step;
                off = 0;
                have = 0;
            }
            r = (ssize_t)off;
            if (r == 0)
                continue;
        }
        g_scanned += (unsigned long)r;
        got += r;
        size_t total = have + (size_t)r;
        /* Needles starting in the last `overlap` bytes are found with the next chunk. */
        size_t limit = total > overlap ? total - overlap : 0;
        search(buf, total, limit, pos - have, src);
        have = total - limit;
        memmove(buf, buf + limit, have);
        pos += (uint64_t)r;
    }
    if (have > 0)
        search(buf, have, have, pos - have, src);
    if (unreadable != NULL)
        *unreadable += bad;
    return got == 0 && bad > 0 ? -1 : got;
}

void scan_error(const char *what, const char *path)
{
    if (!g_scan_ignore_unreadable) {
        fprintf(stderr, "kakanai-scan: cannot scan %s %s: %s\n", what, path, strerror(errno));
        g_scan_errors++;
    } else if (!g_scan_quiet) {
        fprintf(stderr, "kakanai-scan: note: skipped %s %s: %s\n", what, path, strerror(errno));
    }
}

static bool excluded(const char *path)
{
    for (size_t i = 0; i < g_nexcludes; i++) {
        size_t n = strlen(g_excludes[i]);
        while (n > 1 && g_excludes[i][n - 1] == '/')
            n--;
        if (strncmp(path, g_excludes[i], n) == 0 && (path[n] == '\0' || path[n] == '/'))
            return true;
    }
    return false;
}

static void scan_file(const char *path)
{
    if (excluded(path))
        return;
    int fd = strcmp(path, "-") == 0 ? dup(0) : open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        scan_error("file", path);
        return;
    }
    if (strcmp(path, "-") == 0) {
        /* stdin may be a pipe: pread does not work there; copy it through read(). */
        uint8_t *all = NULL;
        size_t n = 0, cap = 0;
        for (;;) {
            if (n == cap) {
                cap = cap ? cap * 2 : 65536;
                uint8_t *p = realloc(all, cap);
                if (p == NULL)
                    break;
                all = p;
            }
            ssize_t r = read(fd, all + n, cap - n);
            if (r <= 0)
                break;
            n += (size_t)r;
        }
        g_scanned += n;
        scan_source in = {"stdin", NULL, false, 0};
        if (all != NULL)
            search(all, n, n, 0, &in);
        free(all);
        close(fd);
        return;
    }
    scan_source file = {path, NULL, false, 0};
    if (scan_fd(fd, 0, 0, &file, NULL) < 0)
        scan_error("file", path);
    close(fd);
}

static void scan_dir(const char *dir)
{
    if (excluded(dir))
        return;
    DIR *d = opendir(dir);
    if (d == NULL) {
        scan_error("folder", dir);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (path == NULL)
            break;
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                scan_dir(path);
            else if (S_ISREG(st.st_mode))
                scan_file(path);
            /* symlinks, sockets, fifos, devices: not followed, not read */
        }
        free(path);
    }
    closedir(d);
}

static long parse_pid(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0' || v <= 0)
        return -1;
    return v;
}

static int usage(void)
{
    fputs("usage: kakanai-scan [-c CANARY]... [-C FILE] [-X HEX]... [-p PID]... [-P PID]...\n"
          "                    [-d DIR]... [-f FILE]... [-x PATH]... [-A N] [-i] [-q]\n",
          stderr);
    return 64;
}

int main(int argc, char **argv)
{
    /* Two passes: canaries and options first, then the sources in the order given. */
    int opt;
    while ((opt = getopt(argc, argv, "c:C:X:p:P:d:f:x:A:iqh")) != -1) {
        switch (opt) {
        case 'c':
            if (add_canary(optarg) != 0)
                return 64;
            break;
        case 'C':
            if (add_canary_file(optarg) != 0)
                return 64;
            break;
        case 'X':
            if (add_hex_canary(optarg) != 0)
                return 64;
            break;
        case 'x':
            if (g_nexcludes == SCAN_MAX_EXCLUDES)
                return usage();
            g_excludes[g_nexcludes++] = optarg;
            break;
        case 'i':
            g_scan_ignore_unreadable = true;
            break;
        case 'q':
            g_scan_quiet = true;
            break;
        case 'A':
            g_context = strtoul(optarg, NULL, 10);
            if (g_context > 256)
                g_context = 256;
            break;
        case 'p':
        case 'P':
            if (parse_pid(optarg) < 0)
                return usage();
            break;
        case 'd':
        case 'f':
            break;
        default:
            return usage();
        }
    }
    if (optind != argc || g_nneedles == 0)
        return usage();
    optind = 1;
    while ((opt = getopt(argc, argv, "c:C:X:p:P:d:f:x:A:iqh")) != -1) {
        switch (opt) {
        case 'p':
            scan_pid(parse_pid(optarg), false);
            break;
        case 'P':
            scan_pid(parse_pid(optarg), true);
            break;
        case 'd':
            scan_dir(optarg);
            break;
        case 'f':
            scan_file(optarg);
            break;
        default:
            break;
        }
    }
    if (!g_scan_quiet)
        fprintf(stderr, "kakanai-scan: %zu needles, %lu bytes scanned, %lu hits, %lu notes, %lu errors\n",
                g_nneedles, g_scanned, g_hits, g_notes, g_scan_errors);
    fflush(stdout);
    for (size_t i = 0; i < g_nneedles; i++)
        free(g_needles[i].bytes);
    if (g_hits > 0)
        return 1;
    return g_scan_errors > 0 ? 2 : 0;
}
