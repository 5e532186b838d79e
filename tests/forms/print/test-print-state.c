/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-print-state.c — printing without a printer: which error each printer state means,
 * argument checks, and an unreachable cupsd. No cupsd needed (see test-print-cups.c for the
 * real one).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "form-print-private.h"

#define MAXR 4

static const struct {
    const char *what;
    int state; /* 3 idle, 4 processing, 5 stopped */
    bool accepting;
    long stalled_ms;
    const char *reasons[MAXR];
    form_err want;
    const char *want_reason;
} STATES[] = {
    {"idle, nothing to say", 3, true, 0, {"none"}, FORM_OK, ""},
    {"printing", 4, true, 0, {NULL}, FORM_OK, ""},
    {"out of paper", 4, true, 0, {"media-empty-error"}, FORM_E_OUT_OF_PAPER, "media-empty"},
    {"paper needed, bare keyword",
     4,
     true,
     0,
     {"media-needed"},
     FORM_E_OUT_OF_PAPER,
     "media-needed"},
    {"paper low is only a warning", 4, true, 0, {"media-empty-warning"}, FORM_OK, ""},
    {"media report is informational", 4, true, 0, {"media-needed-report"}, FORM_OK, ""},
    {"offline report", 4, true, 0, {"offline-report"}, FORM_E_PRINTER_OFFLINE, "offline"},
    {"connecting, just started", 4, true, 500, {"connecting-to-device"}, FORM_OK, ""},
    {"connecting, for long",
     4,
     true,
     FORM_PRINT_OFFLINE_GRACE_MS,
     {"connecting-to-device"},
     FORM_E_PRINTER_OFFLINE,
     "connecting-to-device"},
    {"paper beats offline",
     4,
     true,
     0,
     {"offline-report", "media-empty-error"},
     FORM_E_OUT_OF_PAPER,
     "media-empty"},
    {"jam needs a person", 4, true, 0, {"media-jam-error"}, FORM_E_PRINTER_STOPPED, "media-jam"},
    {"queue stopped", 5, true, 0, {"paused"}, FORM_E_PRINTER_STOPPED, "paused"},
    {"stopped, no reason", 5, true, 0, {NULL}, FORM_E_PRINTER_STOPPED, "stopped"},
    {"stopped for paper",
     5,
     true,
     0,
     {"paused", "media-empty-error"},
     FORM_E_OUT_OF_PAPER,
     "media-empty"},
    {"refusing jobs", 3, false, 0, {NULL}, FORM_E_PRINTER_STOPPED, "not-accepting-jobs"},
    {"unknown vendor reason", 4, true, 0, {"com.example-thing-error", "cups-waiting"}, FORM_OK, ""},
    {"suffix only", 4, true, 0, {"-error"}, FORM_OK, ""},
};

static void state_table_maps_each_printer_state_to_its_error(void **unused)
{
    (void)unused;
    for (size_t i = 0; i < sizeof STATES / sizeof STATES[0]; i++) {
        size_t n = 0;
        while (n < MAXR && STATES[i].reasons[n] != NULL)
            n++;
        char reason[32];
        form_err e =
            form_print_state_error(STATES[i].state, STATES[i].reasons, n, STATES[i].accepting,
                                   STATES[i].stalled_ms, reason, sizeof reason);
        if (e != STATES[i].want || strcmp(reason, STATES[i].want_reason) != 0)
            fail_msg("%s: got %d \"%s\", want %d \"%s\"", STATES[i].what, e, reason, STATES[i].want,
                     STATES[i].want_reason);
    }
}

static void state_reason_is_cut_to_the_buffer(void **unused)
{
    (void)unused;
    const char *r[] = {"media-empty-error"};
    char small[6];
    assert_int_equal(form_print_state_error(4, r, 1, true, 0, small, sizeof small),
                     FORM_E_OUT_OF_PAPER);
    assert_string_equal(small, "media");
    assert_int_equal(form_print_state_error(4, r, 1, true, 0, NULL, 0), FORM_E_OUT_OF_PAPER);
}

static const uint8_t PDF[] = "%PDF-1.4\n%%EOF\n";

/* No write but a whole small document is shorter than a chunk: libcups would keep a copy of a
 * short one in its connection's buffer, freed unwiped. */
static void document_is_sent_in_long_writes_only(void **unused)
{
    (void)unused;
    static const size_t lens[] = {1, 1000, FORM_PRINT_CHUNK - 1, FORM_PRINT_CHUNK,
                                  FORM_PRINT_CHUNK + 1, 2 * FORM_PRINT_CHUNK - 1,
                                  2 * FORM_PRINT_CHUNK, 2 * FORM_PRINT_CHUNK + 1,
                                  5 * FORM_PRINT_CHUNK + 12345, 40u * 1024u * 1024u + 7};
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        size_t left = lens[i], writes = 0;
        while (left > 0) {
            size_t n = form_print_chunk(left);
            assert_true(n > 0 && n <= left);
            if (lens[i] >= FORM_PRINT_CHUNK)
                assert_true(n >= FORM_PRINT_CHUNK);
            else
                assert_int_equal(n, lens[i]);
            assert_true(n < 2 * FORM_PRINT_CHUNK); /* the deadline is still checked often */
            left -= n;
            writes++;
        }
        assert_true(writes >= 1);
    }
}

static void print_refuses_bad_arguments(void **unused)
{
    (void)unused;
    assert_int_equal(form_print(NULL, NULL, 1, 1000, NULL, NULL), FORM_E_ARG);
    assert_int_equal(form_print_pdf(NULL, 10, NULL, 1, 1000, NULL, NULL), FORM_E_ARG);
    assert_int_equal(form_print_pdf(PDF, 0, NULL, 1, 1000, NULL, NULL), FORM_E_ARG);
    assert_int_equal(form_print_pdf(PDF, sizeof PDF, NULL, 0, 1000, NULL, NULL), FORM_E_ARG);
    assert_int_equal(
        form_print_pdf(PDF, sizeof PDF, NULL, FORM_PRINT_MAX_COPIES + 1, 1000, NULL, NULL),
        FORM_E_ARG);
    assert_int_equal(form_print_pdf(PDF, sizeof PDF, "", 1, 1000, NULL, NULL), FORM_E_ARG);
    assert_int_equal(form_printer_state("", NULL, 0), FORM_E_ARG);
}

static void unreachable_cupsd_means_no_printer(void **unused)
{
    (void)unused;
    /* A socket that does not exist: libcups reads CUPS_SERVER on first use in a thread. */
    setenv("CUPS_SERVER", "/nonexistent/kakanai/cups.sock", 1);
    char reason[32] = "x";
    assert_int_equal(form_print_pdf(PDF, sizeof PDF, "kakanai-pdf", 1, 3000, NULL, NULL),
                     FORM_E_NO_PRINTER);
    assert_int_equal(form_printer_state("kakanai-pdf", reason, sizeof reason), FORM_E_NO_PRINTER);
    assert_string_equal(reason, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(state_table_maps_each_printer_state_to_its_error),
        cmocka_unit_test(state_reason_is_cut_to_the_buffer),
        cmocka_unit_test(document_is_sent_in_long_writes_only),
        cmocka_unit_test(print_refuses_bad_arguments),
        cmocka_unit_test(unreachable_cupsd_means_no_printer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
