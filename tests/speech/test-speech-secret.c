/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-speech-secret.c — a resident's data read aloud (KIOSK_SPEECH_SECRET) leaves no copy in
 * the process: every writable mapping (heap, espeak-ng's static buffers, thread stacks) is
 * scanned for the text as UTF-8, UTF-16 and UTF-32. The control case shows the scan finds what
 * espeak-ng keeps when the text is not treated as secret. Fictional data only. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <uchar.h>

#include <cmocka.h>

#include <myna.h>

/* How long a wait for the voice to fall silent may take: a bound for a hang, not a speed goal
 * (bench-speech measures speed). Under valgrind on a loaded 2-core machine one sentence took
 * more than 20 s. */
#define IDLE_WAIT_MS 240000

#include "kiosk-speech.h"

/* Needles live in read-only data (string literals), which the scan skips: the only copies it
 * can find are the ones the speech path made. */
static const char name_ja[] = "きたやまぎり はなこ";
static const char16_t name_ja16[] = u"きたやまぎり";
static const char32_t name_ja32[] = U"きたやまぎり";
static const char addr_en[] = "Zwolinska Trzebiatowska Street";
static const char32_t addr_en32[] = U"Zwolinska Trzebiatowska";

struct needle {
    const void *p;
    size_t n;
};

/* Count hits of any needle in every readable, writable private or anonymous mapping. */
static size_t scan(const struct needle *nd, size_t count, char *where, size_t where_cap)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    assert_non_null(maps);
    FILE *mem = fopen("/proc/self/mem", "rb");
    assert_non_null(mem);
    char line[512];
    size_t hits = 0;
    where[0] = '\0';
    /* our read buffer is its own mapping, skipped: it holds what it read last */
    static uint8_t *buf;
    const size_t bufsz = 1u << 20;
    if (buf == NULL) {
        buf = mmap(NULL, bufsz, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        assert_true(buf != MAP_FAILED);
    }
    while (fgets(line, sizeof line, maps) != NULL) {
        unsigned long lo, hi;
        char perms[8] = "";
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3 || perms[0] != 'r' ||
            perms[1] != 'w')
            continue;
        if (strstr(line, "[vvar]") != NULL || strstr(line, "[vsyscall]") != NULL)
            continue;
        if ((unsigned long)buf >= lo && (unsigned long)buf < hi)
            continue;
        for (unsigned long a = lo; a < hi; a += bufsz - 256) {
            size_t len = hi - a < bufsz ? hi - a : bufsz;
            if (fseek(mem, (long)a, SEEK_SET) != 0)
                break;
            size_t got = fread(buf, 1, len, mem);
            clearerr(mem);
            for (size_t k = 0; k < count; k++) {
                const uint8_t *at = buf;
                size_t left = got;
                const void *f;
                while (left >= nd[k].n && (f = memmem(at, left, nd[k].p, nd[k].n)) != NULL) {
                    hits++;
                    size_t used = strlen(where);
                    snprintf(where + used, where_cap - used, "needle %zu in %.60s", k, line);
                    size_t skip = (size_t)((const uint8_t *)f - at) + 1;
                    at += skip;
                    left -= skip;
                }
            }
            if (len < bufsz)
                break;
        }
    }
    memset(buf, 0, bufsz);
    fclose(mem);
    fclose(maps);
    return hits;
}

static const struct needle needles[] = {
    {name_ja, sizeof name_ja - 1},
    {"きたやまぎり", sizeof "きたやまぎり" - 1},
    {name_ja16, sizeof name_ja16 - sizeof(char16_t)},
    {name_ja32, sizeof name_ja32 - sizeof(char32_t)},
    {addr_en, sizeof addr_en - 1},
    {"Trzebiatowska", sizeof "Trzebiatowska" - 1},
    {addr_en32, sizeof addr_en32 - sizeof(char32_t)},
};
#define N_NEEDLES (sizeof needles / sizeof needles[0])

static kiosk_speech *voice(void)
{
    kiosk_speech_engine *e = NULL;
    assert_int_equal(kiosk_speech_engine_espeak_new(NULL, &e), KIOSK_SPEECH_OK);
    kiosk_speech_sink *sink = NULL;
    assert_int_equal(kiosk_speech_sink_null_new(&sink), KIOSK_SPEECH_OK);
    kiosk_speech *sp = NULL;
    assert_int_equal(kiosk_speech_new(e, sink, &sp), KIOSK_SPEECH_OK);
    return sp;
}

static void plain_text_stays_in_espeak_buffers_so_the_scan_sees_it(void **s)
{
    (void)s;
    kiosk_speech *sp = voice();
    assert_int_equal(kiosk_speech_say(sp, name_ja, "ja", 0), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_say(sp, addr_en, "en", 0), KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    char where[4096];
    size_t hits = scan(needles, N_NEEDLES, where, sizeof where);
    printf("# without SECRET: %zu copies left after synthesis:\n%s", hits, where);
    assert_true(hits > 0); /* the control: espeak-ng keeps the last clause */
    kiosk_speech_free(sp);
}

static void secret_text_leaves_no_copy(void **s)
{
    (void)s;
    kiosk_speech *sp = voice();
    assert_int_equal(kiosk_speech_say(sp, name_ja, "ja", KIOSK_SPEECH_SECRET), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_say(sp, addr_en, "en", KIOSK_SPEECH_SECRET), KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    char where[4096];
    size_t hits = scan(needles, N_NEEDLES, where, sizeof where);
    printf("# with SECRET, voice still alive: %zu copies\n%s", hits, where);
    assert_int_equal(hits, 0);
    /* cut short by an interrupt, the scrub still runs */
    assert_int_equal(kiosk_speech_say(sp, addr_en, "en", KIOSK_SPEECH_SECRET), KIOSK_SPEECH_OK);
    assert_int_equal(kiosk_speech_say(sp, "Yes.", "en", KIOSK_SPEECH_INTERRUPT), KIOSK_SPEECH_OK);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    hits = scan(needles, N_NEEDLES, where, sizeof where);
    printf("# after an interrupted secret: %zu copies\n%s", hits, where);
    assert_int_equal(hits, 0);
    /* dropped from the queue before it was spoken: wiped too */
    for (int i = 0; i < 3; i++)
        assert_int_equal(kiosk_speech_say(sp, addr_en, "en", KIOSK_SPEECH_SECRET),
                         KIOSK_SPEECH_OK);
    kiosk_speech_stop(sp);
    assert_true(kiosk_speech_wait_idle(sp, IDLE_WAIT_MS));
    kiosk_speech_free(sp);
    hits = scan(needles, N_NEEDLES, where, sizeof where);
    printf("# after stop and free: %zu copies\n%s", hits, where);
    assert_int_equal(hits, 0);
}

int main(void)
{
    /* locked memory as the kiosk has it */
    (void)myna_secure_init(1u << 20);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_text_stays_in_espeak_buffers_so_the_scan_sees_it),
        cmocka_unit_test(secret_text_leaves_no_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
