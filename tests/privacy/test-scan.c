/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-scan — the canary scanner finds what it must and nothing else.
 *
 *   test-scan /path/to/kakanai-scan
 *
 * Every canary is made at run time (random katakana and hex), so that it is in no binary and
 * in no process but the ones a test plants it in: a child forked *before* the canary exists
 * receives its bytes through a pipe, keeps them (the "leaky" child) or wipes them.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

static const char *g_scanner;
/* where a holder child keeps its copy: global and volatile so the compiler keeps the stores */
static void *volatile g_keep;
static char g_tmp[] = "/tmp/kakanai-test-scan.XXXXXX";

/* A fresh canary: 4 random katakana, "KNRY", 8 random hex digits (UTF-8). */
static void make_canary(char *out, size_t cap)
{
    uint8_t r[8];
    assert_int_equal(getrandom(r, sizeof r, 0), (ssize_t)sizeof r);
    size_t n = 0;
    for (int i = 0; i < 4; i++) {
        unsigned cp = 0x30A2 + r[i] % 0x50; /* ア..ヲ-ish: all in JIS X 0208 */
        out[n++] = (char)(0xE0 | (cp >> 12));
        out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[n++] = (char)(0x80 | (cp & 0x3F));
    }
    n += (size_t)snprintf(out + n, cap - n, "KNRY%02x%02x%02x%02x", r[4], r[5], r[6], r[7]);
    assert_true(n < cap);
}

static size_t encode(const char *to, const char *s, uint8_t *out, size_t cap)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char *in = (char *)s;
    size_t inlen = strlen(s);
    char *o = (char *)out;
    size_t left = cap;
    assert_true(iconv(cd, &in, &inlen, &o, &left) != (size_t)-1);
    iconv_close(cd);
    return cap - left;
}

/* Run the scanner; its stdout goes to *out (malloc'd). Returns its exit status. */
static int run_scan(char **out, ...)
{
    const char *argv[32];
    int argc = 0;
    argv[argc++] = g_scanner;
    va_list ap;
    va_start(ap, out);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && argc < 31)
        argv[argc++] = a;
    va_end(ap);
    argv[argc] = NULL;

    char path[64];
    snprintf(path, sizeof path, "%s/.scan-out", g_tmp);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0)
            _exit(127);
        dup2(fd, 1);
        execv(g_scanner, (char *const *)argv);
        _exit(127);
    }
    int st;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    unlink(path);
    *out = buf;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static void write_file(const char *path, const uint8_t *pre, size_t prelen, const uint8_t *data,
                       size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(pre, 1, prelen, f), prelen);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fputs("\ntrailing text\n", f);
    fclose(f);
}

static const struct {
    const char *iconv_name;
    const char *label;
} k_encodings[] = {
    { "UTF-8", "UTF-8" },         { "UTF-16LE", "UTF-16LE" }, { "UTF-16BE", "UTF-16BE" },
    { "CP932", "Shift_JIS" },     { "EUC-JP", "EUC-JP" },
};

/* ---- files ----------------------------------------------------------------------------- */

static void finds_canary_in_file_in_every_encoding(void **state)
{
    for (size_t e = 0; e < sizeof k_encodings / sizeof k_encodings[0]; e++) {
        char canary[64], dir[96], path[128], label[192];
        make_canary(canary, sizeof canary);
        uint8_t enc[256];
        size_t n = encode(k_encodings[e].iconv_name, canary, enc, sizeof enc);
        snprintf(dir, sizeof dir, "%s/files-%zu", g_tmp, e);
        assert_int_equal(mkdir(dir, 0700), 0);
        snprintf(path, sizeof path, "%s/deep", dir);
        assert_int_equal(mkdir(path, 0700), 0);
        snprintf(path, sizeof path, "%s/deep/spool.bin", dir);
        write_file(path, (const uint8_t *)"garbage\x01\x02", 9, enc, n);
        char *out;
        assert_int_equal(run_scan(&out, "-q", "-c", canary, "-d", dir, NULL), 1);
        snprintf(label, sizeof label, "(%s) in %s", k_encodings[e].label, path);
        if (strstr(out, label) == NULL)
            fail_msg("encoding %s: expected \"%s\" in:\n%s", k_encodings[e].label, label, out);
    }
}

static void clean_folder_has_no_hit(void **state)
{
    char canary[64], dir[96], path[128];
    make_canary(canary, sizeof canary);
    snprintf(dir, sizeof dir, "%s/clean", g_tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/log.txt", dir);
    write_file(path, (const uint8_t *)"hello", 5, (const uint8_t *)"KNRY", 4); /* a prefix only */
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-c", canary, "-d", dir, NULL), 0);
    assert_string_equal(out, "");
}

static void finds_canary_across_chunk_boundary(void **state)
{
    char canary[64], path[128];
    make_canary(canary, sizeof canary);
    uint8_t enc[256];
    size_t n = encode("UTF-16LE", canary, enc, sizeof enc);
    size_t pre = (1u << 20) - n / 2; /* the scanner reads 1 MiB chunks */
    uint8_t *fill = calloc(1, pre);
    assert_non_null(fill);
    snprintf(path, sizeof path, "%s/big.bin", g_tmp);
    write_file(path, fill, pre, enc, n);
    free(fill);
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-c", canary, "-f", path, NULL), 1);
    char want[64];
    snprintf(want, sizeof want, "at 0x%zx", pre);
    assert_non_null(strstr(out, want));
    unlink(path);
}

static void excluded_folder_is_not_scanned(void **state)
{
    char canary[64], dir[96], path[160];
    make_canary(canary, sizeof canary);
    snprintf(dir, sizeof dir, "%s/excl", g_tmp);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/PDF", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/PDF/job.pdf", dir);
    write_file(path, (const uint8_t *)"%PDF", 4, (const uint8_t *)canary, strlen(canary));
    char excl[128];
    snprintf(excl, sizeof excl, "%s/PDF/", dir);
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-c", canary, "-x", excl, "-d", dir, NULL), 0);
    assert_int_equal(run_scan(&out, "-q", "-c", canary, "-d", dir, NULL), 1);
}

static void finds_canary_in_log_on_stdin(void **state)
{
    char canary[64], path[128];
    make_canary(canary, sizeof canary);
    snprintf(path, sizeof path, "%s/stderr.log", g_tmp);
    write_file(path, (const uint8_t *)"DEBUG: name=", 12, (const uint8_t *)canary, strlen(canary));
    int fd = open(path, O_RDONLY);
    assert_true(fd >= 0);
    int saved = dup(0);
    dup2(fd, 0);
    char *out;
    int rc = run_scan(&out, "-q", "-c", canary, "-f", "-", NULL);
    dup2(saved, 0);
    close(saved);
    close(fd);
    assert_int_equal(rc, 1);
    assert_non_null(strstr(out, "in stdin"));
}

static void finds_raw_bytes_and_canaries_from_a_list_file(void **state)
{
    uint8_t r[6];
    assert_int_equal(getrandom(r, sizeof r, 0), (ssize_t)sizeof r);
    uint8_t apdu[11] = { 0x00, 0x20, 0x00, 0x80, 0x04, 0, 0, 0, 0, 0, 0 };
    memcpy(apdu + 5, r, sizeof r);
    char hex[64], canary[64], list[128], path[128];
    size_t n = 0;
    for (size_t i = 0; i < sizeof apdu; i++)
        n += (size_t)snprintf(hex + n, sizeof hex - n, "%02X", apdu[i]);
    make_canary(canary, sizeof canary);
    snprintf(list, sizeof list, "%s/canaries.txt", g_tmp);
    FILE *f = fopen(list, "w");
    assert_non_null(f);
    fprintf(f, "# test list\n\nhex:%s\n%s\n", hex, canary);
    fclose(f);
    snprintf(path, sizeof path, "%s/apdu.bin", g_tmp);
    write_file(path, (const uint8_t *)"xx", 2, apdu, sizeof apdu);
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-C", list, "-x", list, "-f", path, NULL), 1);
    assert_non_null(strstr(out, "(bytes)"));
    assert_null(strstr(out, canary));
    assert_int_equal(run_scan(&out, "-q", "-X", hex, "-f", path, NULL), 1);
    unlink(path);
    unlink(list);
}

static void no_rule_can_ignore_a_hit(void **state)
{
    /* There was once "-I PREFIX" (a hit after PREFIX was the test driver's): it hid the
     * program's own copies too. It is gone: asking for it is a usage error. */
    char canary[64], path[128], line[128];
    make_canary(canary, sizeof canary);
    snprintf(path, sizeof path, "%s/script.txt", g_tmp);
    snprintf(line, sizeof line, "answer %s\n", canary);
    write_file(path, (const uint8_t *)"wait question\n", 14, (const uint8_t *)line, strlen(line));
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-I", "answer ", "-c", canary, "-f", path, NULL), 64);
    assert_int_equal(run_scan(&out, "-q", "-c", canary, "-f", path, NULL), 1);
    unlink(path);
}

static void unreadable_source_is_an_error_unless_ignored(void **state)
{
    char canary[64];
    make_canary(canary, sizeof canary);
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-c", canary, "-d", "/nonexistent-kakanai", NULL), 2);
    assert_int_equal(run_scan(&out, "-q", "-i", "-c", canary, "-d", "/nonexistent-kakanai", NULL), 0);
}

static void short_canary_is_refused(void **state)
{
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-c", "abc", "-d", g_tmp, NULL), 64);
}

/* ---- process memory -------------------------------------------------------------------- */

enum hold { HOLD_NOTHING, HOLD_HEAP, HOLD_MMAP, HOLD_THREAD_STACK, HOLD_NOACCESS };

/* A worker thread that copies what it is given into a local and ends: glibc keeps its stack
 * (unwiped) for the next thread. */
typedef struct stack_job {
    const uint8_t *src;
    size_t n;
} stack_job;

static void *stack_worker(void *arg)
{
    stack_job *j = arg;
    volatile uint8_t local[512];
    for (size_t i = 0; i < j->n && i < sizeof local; i++)
        local[i] = j->src[i];
    return NULL;
}

/* A child that gets bytes through a pipe, keeps them where asked (or wipes them), answers
 * one byte and waits to be killed. It is forked before the canary exists. */
static pid_t spawn_holder(enum hold how, int *wfd)
{
    int in[2], ack[2];
    assert_int_equal(pipe(in), 0);
    assert_int_equal(pipe(ack), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(in[1]);
        close(ack[0]);
        uint8_t buf[512];
        ssize_t n = read(in[0], buf, sizeof buf);
        if (n <= 0)
            _exit(1);
        if (how == HOLD_HEAP) {
            uint8_t *keep = malloc((size_t)n);
            memcpy(keep, buf, (size_t)n);
            g_keep = keep;
        } else if (how == HOLD_THREAD_STACK) {
            stack_job j = {buf, (size_t)n};
            pthread_t t;
            if (pthread_create(&t, NULL, stack_worker, &j) != 0 || pthread_join(t, NULL) != 0)
                _exit(1);
        } else if (how == HOLD_NOACCESS) {
            uint8_t *keep = mmap(NULL, 65536, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            memcpy(keep + 8192, buf, (size_t)n);
            mprotect(keep, 65536, PROT_NONE); /* e.g. a secure heap made inaccessible */
            g_keep = keep;
        } else if (how == HOLD_MMAP) {
            uint8_t *keep = mmap(NULL, 65536, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            memcpy(keep + 40000, buf, (size_t)n);
            g_keep = keep;
        }
        explicit_bzero(buf, sizeof buf);
        if (write(ack[1], "k", 1) != 1)
            _exit(1);
        for (;;)
            pause();
    }
    close(in[0]);
    close(ack[1]);
    /* both ends in one int: the write end low, the ack read end high (fds are small) */
    *wfd = in[1] | (ack[0] << 16);
    return pid;
}

static void feed_holder(int fds, const uint8_t *b, size_t n)
{
    int w = fds & 0xFFFF, a = fds >> 16;
    assert_int_equal(write(w, b, n), (ssize_t)n);
    char c;
    assert_int_equal(read(a, &c, 1), 1);
    close(w);
    close(a);
}

static void stop_holder(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

static void finds_canary_in_process_heap_in_every_encoding(void **state)
{
    for (size_t e = 0; e < sizeof k_encodings / sizeof k_encodings[0]; e++) {
        int fds;
        pid_t pid = spawn_holder(e % 2 == 0 ? HOLD_HEAP : HOLD_MMAP, &fds);
        char canary[64], pidarg[16], want[64];
        make_canary(canary, sizeof canary);
        uint8_t enc[256];
        size_t n = encode(k_encodings[e].iconv_name, canary, enc, sizeof enc);
        feed_holder(fds, enc, n);
        explicit_bzero(enc, sizeof enc);
        snprintf(pidarg, sizeof pidarg, "%d", (int)pid);
        char *out;
        int rc = run_scan(&out, "-q", "-c", canary, "-p", pidarg, NULL);
        stop_holder(pid);
        snprintf(want, sizeof want, "(%s) in pid %d", k_encodings[e].label, (int)pid);
        if (rc != 1 || strstr(out, want) == NULL)
            fail_msg("encoding %s: rc %d, expected \"%s\" in:\n%s", k_encodings[e].label, rc, want,
                     out);
    }
}

static void wiped_process_has_no_hit(void **state)
{
    int fds;
    pid_t pid = spawn_holder(HOLD_NOTHING, &fds);
    char canary[64], pidarg[16];
    make_canary(canary, sizeof canary);
    uint8_t enc[256];
    size_t n = encode("UTF-8", canary, enc, sizeof enc);
    feed_holder(fds, enc, n);
    snprintf(pidarg, sizeof pidarg, "%d", (int)pid);
    char *out;
    int rc = run_scan(&out, "-q", "-c", canary, "-p", pidarg, NULL);
    stop_holder(pid);
    assert_int_equal(rc, 0);
    assert_string_equal(out, "");
}

static void allowed_process_is_only_noted(void **state)
{
    int fds;
    pid_t pid = spawn_holder(HOLD_HEAP, &fds);
    char canary[64], pidarg[16];
    make_canary(canary, sizeof canary);
    feed_holder(fds, (const uint8_t *)canary, strlen(canary));
    snprintf(pidarg, sizeof pidarg, "%d", (int)pid);
    char *out;
    int rc = run_scan(&out, "-q", "-c", canary, "-P", pidarg, NULL);
    stop_holder(pid);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(out, "NOTE:"));
}

/* A holder of kind how gets a fresh canary; the scan must find it in a mapping of class cls. */
static void finds_canary_in_class(enum hold how, const char *cls)
{
    int fds;
    pid_t pid = spawn_holder(how, &fds);
    char canary[64], pidarg[16], want[96];
    make_canary(canary, sizeof canary);
    feed_holder(fds, (const uint8_t *)canary, strlen(canary));
    snprintf(pidarg, sizeof pidarg, "%d", (int)pid);
    char *out;
    int rc = run_scan(&out, "-q", "-c", canary, "-p", pidarg, NULL);
    stop_holder(pid);
    snprintf(want, sizeof want, "memory class %s [", cls);
    if (rc != 1 || strstr(out, want) == NULL)
        fail_msg("rc %d, expected \"%s\" in:\n%s", rc, want, out);
}

static void finds_canary_on_an_exited_threads_cached_stack(void **state)
{
    finds_canary_in_class(HOLD_THREAD_STACK, "cached-stack");
}

static void finds_canary_in_memory_made_inaccessible(void **state)
{
    finds_canary_in_class(HOLD_NOACCESS, "no-access");
}

/* Whether malloc here uses the brk [heap] (not under valgrind or ASan, whose allocators map
 * their own memory: there the holder's block is in another class and this check has nothing
 * to look at). */
static bool malloc_uses_brk_heap(void)
{
    void *probe = malloc(64);
    FILE *f = fopen("/proc/self/maps", "r");
    bool in = false;
    char line[512];
    while (f != NULL && probe != NULL && fgets(line, sizeof line, f) != NULL) {
        uintptr_t lo, hi;
        if (strstr(line, "[heap]") != NULL &&
            sscanf(line, "%" SCNxPTR "-%" SCNxPTR, &lo, &hi) == 2)
            in = (uintptr_t)probe >= lo && (uintptr_t)probe < hi;
    }
    if (f != NULL)
        fclose(f);
    free(probe);
    return in;
}

static void finds_canary_in_the_heap_as_heap(void **state)
{
    if (!malloc_uses_brk_heap())
        skip();
    finds_canary_in_class(HOLD_HEAP, "heap");
}

/* VmSize of a process in kB (0 when unknown). */
static unsigned long vm_size_kb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    unsigned long kb = 0;
    if (f == NULL)
        return 0;
    while (fgets(line, sizeof line, f) != NULL)
        if (sscanf(line, "VmSize: %lu kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

static void finds_canary_in_core_file(void **state)
{
#if defined(__SANITIZE_ADDRESS__)
    /* ASan maps terabytes of shadow: gcore would write a core that size. */
    skip();
#endif
    if (access("/usr/bin/gcore", X_OK) != 0)
        skip();
    int fds;
    pid_t pid = spawn_holder(HOLD_HEAP, &fds);
    char canary[64], pidarg[16], core[128], cmd[256];
    make_canary(canary, sizeof canary);
    uint8_t enc[256];
    size_t n = encode("UTF-16LE", canary, enc, sizeof enc);
    feed_holder(fds, enc, n);
    snprintf(pidarg, sizeof pidarg, "%d", (int)pid);
    if (vm_size_kb(pid) == 0 || vm_size_kb(pid) > 1024ul * 1024ul) {
        stop_holder(pid); /* a core over 1 GiB is not written into /tmp by a unit test */
        skip();
    }
    snprintf(core, sizeof core, "%s/core", g_tmp);
    snprintf(cmd, sizeof cmd, "gcore -o %s %d >/dev/null 2>&1", core, (int)pid);
    int rc = system(cmd);
    stop_holder(pid);
    if (rc != 0)
        skip();
    char corefile[160];
    snprintf(corefile, sizeof corefile, "%s.%d", core, (int)pid);
    char *out;
    assert_int_equal(run_scan(&out, "-q", "-c", canary, "-f", corefile, NULL), 1);
    assert_non_null(strstr(out, "(UTF-16LE)"));
    unlink(corefile);
}

static int cleanup_tmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", g_tmp);
    return system(cmd) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test-scan PATH-TO-kakanai-scan\n");
        return 2;
    }
    g_scanner = argv[1];
    if (mkdtemp(g_tmp) == NULL) {
        perror("mkdtemp");
        return 2;
    }
    /* The scanner reads other processes' memory: root, or ptrace rights over our children. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_canary_in_file_in_every_encoding),
        cmocka_unit_test(clean_folder_has_no_hit),
        cmocka_unit_test(finds_canary_across_chunk_boundary),
        cmocka_unit_test(excluded_folder_is_not_scanned),
        cmocka_unit_test(finds_canary_in_log_on_stdin),
        cmocka_unit_test(finds_raw_bytes_and_canaries_from_a_list_file),
        cmocka_unit_test(no_rule_can_ignore_a_hit),
        cmocka_unit_test(unreadable_source_is_an_error_unless_ignored),
        cmocka_unit_test(short_canary_is_refused),
        cmocka_unit_test(finds_canary_in_process_heap_in_every_encoding),
        cmocka_unit_test(wiped_process_has_no_hit),
        cmocka_unit_test(allowed_process_is_only_noted),
        cmocka_unit_test(finds_canary_on_an_exited_threads_cached_stack),
        cmocka_unit_test(finds_canary_in_memory_made_inaccessible),
        cmocka_unit_test(finds_canary_in_the_heap_as_heap),
        cmocka_unit_test(finds_canary_in_core_file),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    cleanup_tmp();
    return rc;
}
