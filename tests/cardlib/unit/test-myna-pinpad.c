/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-myna-pinpad.c — the reader's PIN pad (PC/SC part 10 FEATURE_VERIFY_PIN_DIRECT) at the
 * SCardControl boundary: the exact bytes handed to the reader, the answers mapped, and the PIN
 * safety rules (tries first, nothing to a blocked card, one request, never retried).
 *
 * vpcd (our virtual reader) has no PIN pad and cannot do part 10, so the reader is a test
 * transport here: its transmit answers the card's APDUs from a script, its control function
 * records every SCardControl call and answers what the test chose. No real PIN pad reader
 * was tried (see cardlib/README.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "myna-pinpad-private.h"
#include "myna.h"

#define MAX_STEPS 8

/* The fake reader: APDU answers in order, control answers in order, and what it saw. */
struct reader {
    unsigned apdu_sw[MAX_STEPS]; /* SW for the n-th APDU (after SELECT AP, SELECT EF...) */
    size_t apdus;
    uint8_t apdu_seen[MAX_STEPS][16];
    size_t apdu_len[MAX_STEPS];
    /* control answers: bytes + an error */
    uint8_t ctl_out[MAX_STEPS][64];
    size_t ctl_out_len[MAX_STEPS];
    myna_err ctl_err[MAX_STEPS];
    size_t ctls;
    uint32_t ctl_code[MAX_STEPS];
    uint8_t ctl_in[MAX_STEPS][64];
    size_t ctl_in_len[MAX_STEPS];
};

static myna_err fake_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                              size_t *rlen)
{
    struct reader *r = impl;
    assert_true(r->apdus < MAX_STEPS);
    assert_true(clen <= sizeof r->apdu_seen[0]);
    memcpy(r->apdu_seen[r->apdus], cmd, clen);
    r->apdu_len[r->apdus] = clen;
    unsigned sw = r->apdu_sw[r->apdus++];
    assert_true(sw != 0); /* the script did not expect this APDU */
    resp[0] = (uint8_t)(sw >> 8);
    resp[1] = (uint8_t)sw;
    *rlen = 2;
    return MYNA_OK;
}

static const myna_transport_ops fake_ops = {fake_transmit, NULL};

static myna_err fake_control(void *impl, uint32_t code, const uint8_t *in, size_t ilen,
                             uint8_t *out, size_t *olen)
{
    struct reader *r = impl;
    size_t i = r->ctls++;
    assert_true(i < MAX_STEPS);
    r->ctl_code[i] = code;
    assert_true(ilen <= sizeof r->ctl_in[0]);
    if (ilen > 0)
        memcpy(r->ctl_in[i], in, ilen);
    r->ctl_in_len[i] = ilen;
    if (r->ctl_err[i] != MYNA_OK) {
        *olen = 0;
        return r->ctl_err[i];
    }
    assert_true(r->ctl_out_len[i] <= *olen);
    memcpy(out, r->ctl_out[i], r->ctl_out_len[i]);
    *olen = r->ctl_out_len[i];
    return MYNA_OK;
}

/* A feature list as a CCID reader with a PIN pad answers (pcsc-lite's ccid driver gives
 * VERIFY_PIN_DIRECT, MODIFY_PIN_DIRECT, IFD_PIN_PROPERTIES, GET_TLV_PROPERTIES). */
static const uint8_t features_pinpad[] = {
    0x06, 0x04, 0x42, 0x33, 0x00, 0x06, /* VERIFY_PIN_DIRECT → 0x42330006 */
    0x07, 0x04, 0x42, 0x33, 0x00, 0x07, /* MODIFY_PIN_DIRECT */
    0x0A, 0x04, 0x42, 0x33, 0x00, 0x0A, /* IFD_PIN_PROPERTIES */
    0x12, 0x04, 0x42, 0x33, 0x00, 0x12, /* GET_TLV_PROPERTIES */
};
/* A reader without a keypad answers with GET_TLV_PROPERTIES only. */
static const uint8_t features_plain[] = {0x12, 0x04, 0x42, 0x33, 0x00, 0x12};

static void ctl_answer(struct reader *r, size_t i, const uint8_t *b, size_t n)
{
    memcpy(r->ctl_out[i], b, n);
    r->ctl_out_len[i] = n;
}

static void ctl_sw(struct reader *r, size_t i, unsigned sw)
{
    uint8_t b[2] = {(uint8_t)(sw >> 8), (uint8_t)sw};
    ctl_answer(r, i, b, 2);
}

/* The card: SELECT AP, then SELECT PIN EF and VERIFY-without-data answered with `tries_sw`. */
static myna_card *open_card(struct reader *r, unsigned tries_sw, bool with_control)
{
    r->apdu_sw[0] = 0x9000; /* SELECT AP */
    r->apdu_sw[1] = 0x9000; /* SELECT EF 0011 */
    r->apdu_sw[2] = tries_sw;
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_new(&fake_ops, r, &t), MYNA_OK);
    if (with_control)
        myna_transport_set_control(t, fake_control);
    myna_card *c = NULL;
    assert_int_equal(myna_card_open(t, &c), MYNA_OK);
    return c;
}

/* The structure, byte by byte, as the reader receives it (x86/ARM: little-endian host). */
static const uint8_t expected_struct[] = {
    0x1E, 0x1E,             /* bTimerOut, bTimerOut2: 30 s */
    0x82,                   /* bmFormatString: bytes, offset 0, left, ASCII */
    0x04,                   /* bmPINBlockString: no length field, 4-byte block */
    0x00,                   /* bmPINLengthFormat */
    0x04, 0x04,             /* wPINMaxExtraDigit 0x0404: 4..4 digits */
    0x02,                   /* bEntryValidationCondition: OK key */
    0x01,                   /* bNumberMessage */
    0x11, 0x04,             /* wLangId 0x0411 (ja-JP) */
    0x00,                   /* bMsgIndex */
    0x00, 0x00, 0x00,       /* bTeoPrologue */
    0x09, 0x00, 0x00, 0x00, /* ulDataLength 9 */
    0x00, 0x20, 0x00, 0x80, 0x04, 0xFF, 0xFF, 0xFF, 0xFF, /* VERIFY, Lc 4, PIN block */
};

static bool little_endian(void)
{
    uint16_t one = 1;
    uint8_t b;
    memcpy(&b, &one, 1);
    return b == 1;
}

static void feature_list_parsing_is_bounded(void **s)
{
    (void)s;
    uint32_t code = 1;
    assert_int_equal(myna_pinpad_find_feature(features_pinpad, sizeof features_pinpad, 0x06, &code),
                     MYNA_OK);
    assert_int_equal(code, 0x42330006u);
    assert_int_equal(myna_pinpad_find_feature(features_plain, sizeof features_plain, 0x06, &code),
                     MYNA_OK);
    assert_int_equal(code, 0);
    assert_int_equal(myna_pinpad_find_feature(NULL, 0, 0x06, &code), MYNA_OK);
    assert_int_equal(code, 0);
    /* every truncation of a valid list is refused, never read past */
    for (size_t n = 1; n < sizeof features_pinpad; n++) {
        if (n % 6 == 0)
            continue;
        uint8_t *cut = malloc(n); /* exact size: ASan/valgrind see any overread */
        memcpy(cut, features_pinpad, n);
        assert_int_equal(myna_pinpad_find_feature(cut, n, 0x06, &code), MYNA_E_BAD_DATA);
        free(cut);
    }
    static const uint8_t bad_len[] = {0x06, 0x02, 0x42, 0x33};
    assert_int_equal(myna_pinpad_find_feature(bad_len, sizeof bad_len, 0x06, &code),
                     MYNA_E_BAD_DATA);
}

static void verify_structure_bytes_are_exact(void **s)
{
    (void)s;
    uint8_t out[64];
    assert_int_equal(myna_pinpad_verify_struct(out, sizeof out, 30), MYNA_PIN_VERIFY_STRUCT_LEN);
    assert_int_equal(sizeof expected_struct, MYNA_PIN_VERIFY_STRUCT_LEN);
    if (little_endian())
        assert_memory_equal(out, expected_struct, sizeof expected_struct);
    assert_int_equal(myna_pinpad_verify_struct(out, MYNA_PIN_VERIFY_STRUCT_LEN - 1, 30), 0);
    assert_int_equal(myna_pinpad_verify_struct(out, sizeof out, 256), 0);
}

static void pinpad_detected_from_feature_request(void **s)
{
    (void)s;
    struct reader r = {0};
    ctl_answer(&r, 0, features_pinpad, sizeof features_pinpad);
    myna_card *c = open_card(&r, 0x63C3, true);
    bool present = false;
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_true(present);
    assert_int_equal(r.ctls, 1);
    assert_int_equal(r.ctl_code[0], 0x42000000u + 3400u); /* CM_IOCTL_GET_FEATURE_REQUEST */
    assert_int_equal(r.ctl_in_len[0], 0);
    /* asked once per transport */
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_true(present);
    assert_int_equal(r.ctls, 1);
    assert_int_equal(myna_card_apdu_count(c), 1); /* only SELECT AP: no APDU for the query */
    myna_card_free(c);
}

static void no_pinpad_without_the_feature_or_control(void **s)
{
    (void)s;
    struct reader r = {0};
    ctl_answer(&r, 0, features_plain, sizeof features_plain);
    myna_card *c = open_card(&r, 0x63C3, true);
    bool present = true;
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_false(present);
    assert_int_equal(myna_card_verify_pin_pinpad(c, 30), MYNA_E_PINPAD);
    assert_int_equal(myna_card_apdu_count(c), 1); /* nothing sent to the card */
    myna_card_free(c);

    /* the reader refuses the request (SCARD_E_UNSUPPORTED_FEATURE → MYNA_E_PINPAD) */
    struct reader r2 = {0};
    r2.ctl_err[0] = MYNA_E_PINPAD;
    c = open_card(&r2, 0x63C3, true);
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_false(present);
    myna_card_free(c);

    /* a malformed feature list is no PIN pad */
    struct reader r3 = {0};
    ctl_answer(&r3, 0, features_pinpad, 5);
    c = open_card(&r3, 0x63C3, true);
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_false(present);
    myna_card_free(c);

    /* a transport without a control channel (the in-process virtual card) */
    struct reader r4 = {0};
    c = open_card(&r4, 0x63C3, false);
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_false(present);
    assert_int_equal(r4.ctls, 0);
    myna_card_free(c);

    /* pcscd gone while asking: an error, asked again next time */
    struct reader r5 = {0};
    r5.ctl_err[0] = MYNA_E_NO_SERVICE;
    ctl_answer(&r5, 1, features_pinpad, sizeof features_pinpad);
    c = open_card(&r5, 0x63C3, true);
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_E_NO_SERVICE);
    assert_false(present);
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_true(present);
    myna_card_free(c);
}

/* One row per answer of the reader to VERIFY_PIN_DIRECT. */
struct verify_case {
    unsigned tries_sw; /* the card's answer to VERIFY without data */
    myna_err ctl_err;  /* the control call's own error */
    unsigned answer;   /* the reader's answer (SW), when ctl_err is MYNA_OK */
    myna_err want;
    int tries_after; /* myna_card_tries_left afterwards */
    bool sent;       /* whether VERIFY_PIN_DIRECT was sent at all */
};

static const struct verify_case verify_cases[] = {
    {0x63C3, MYNA_OK, 0x9000, MYNA_OK, -1, true},
    {0x63C3, MYNA_OK, 0x63C2, MYNA_E_PIN_WRONG, 2, true},
    {0x63C2, MYNA_OK, 0x63C1, MYNA_E_PIN_LAST_TRY, 1, true},
    {0x63C1, MYNA_OK, 0x63C0, MYNA_E_PIN_BLOCKED, 0, true},
    {0x63C1, MYNA_OK, 0x6983, MYNA_E_PIN_BLOCKED, 0, true},
    {0x63C3, MYNA_OK, 0x6400, MYNA_E_TIMEOUT, 3, true},     /* nobody typed: no try spent */
    {0x63C3, MYNA_OK, 0x6401, MYNA_E_CANCELLED, 3, true},   /* Cancel key */
    {0x63C2, MYNA_OK, 0x6403, MYNA_E_PIN_FORMAT, 2, true},  /* wrong length, card untouched */
    {0x63C3, MYNA_OK, 0x6B80, MYNA_E_PINPAD, 3, true},      /* structure refused */
    {0x63C3, MYNA_E_CARD_REMOVED, 0, MYNA_E_CARD_REMOVED, -1, true}, /* pulled: tries unknown */
    {0x63C0, MYNA_OK, 0, MYNA_E_PIN_BLOCKED, 0, false},     /* blocked: nothing sent */
    {0x6983, MYNA_OK, 0, MYNA_E_PIN_BLOCKED, 0, false},
    {0x9000, MYNA_OK, 0, MYNA_OK, -1, false},               /* verified already */
};

static void verify_answers_are_mapped_and_tries_checked_first(void **s)
{
    (void)s;
    for (size_t k = 0; k < sizeof verify_cases / sizeof verify_cases[0]; k++) {
        const struct verify_case *vc = &verify_cases[k];
        struct reader r = {0};
        ctl_answer(&r, 0, features_pinpad, sizeof features_pinpad);
        r.ctl_err[1] = vc->ctl_err;
        ctl_sw(&r, 1, vc->answer);
        myna_card *c = open_card(&r, vc->tries_sw, true);
        bool present = false;
        assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
        assert_true(present);
        myna_err e = myna_card_verify_pin_pinpad(c, 30);
        if (e != vc->want)
            fail_msg("case %zu: %s, want %s", k, myna_err_name(e), myna_err_name(vc->want));
        assert_int_equal(myna_card_tries_left(c), vc->tries_after);
        /* the card saw SELECT AP, SELECT EF 0011, VERIFY without data: never a VERIFY with data */
        assert_int_equal(r.apdus, 3);
        static const uint8_t query[] = {0x00, 0x20, 0x00, 0x80};
        assert_int_equal(r.apdu_len[2], 4);
        assert_memory_equal(r.apdu_seen[2], query, 4);
        assert_int_equal(r.ctls, vc->sent ? 2 : 1);
        if (vc->sent) {
            assert_int_equal(r.ctl_code[1], 0x42330006u); /* the code the reader gave */
            assert_int_equal(r.ctl_in_len[1], sizeof expected_struct);
            if (little_endian())
                assert_memory_equal(r.ctl_in[1], expected_struct, sizeof expected_struct);
        }
        assert_int_equal(myna_card_verified(c), vc->want == MYNA_OK);
        myna_card_free(c);
    }
}

static void tries_known_are_not_asked_again_and_a_wrong_pin_is_never_retried(void **s)
{
    (void)s;
    struct reader r = {0};
    ctl_answer(&r, 0, features_pinpad, sizeof features_pinpad);
    ctl_sw(&r, 1, 0x63C2); /* wrong */
    ctl_sw(&r, 2, 0x9000); /* right, on the resident's second attempt */
    myna_card *c = open_card(&r, 0x63C3, true);
    int tries = -1;
    assert_int_equal(myna_card_pin_tries(c, &tries), MYNA_OK);
    assert_int_equal(tries, 3);
    bool present;
    assert_int_equal(myna_card_pinpad(c, &present), MYNA_OK);
    assert_int_equal(myna_card_verify_pin_pinpad(c, 0), MYNA_E_PIN_WRONG);
    assert_int_equal(r.ctls, 2); /* one request, no retry */
    assert_int_equal(r.ctl_in[1][0], 0x00); /* timeout 0: the reader's default */
    assert_int_equal(myna_card_verify_pin_pinpad(c, 0), MYNA_OK);
    assert_int_equal(r.ctls, 3);
    assert_int_equal(r.apdus, 3); /* tries were known from the card's answer: no new query */
    myna_card_free(c);
}

static void control_is_traced_without_secrets(void **s)
{
    (void)s;
    /* the trace of the VERIFY_PIN_DIRECT input shows placeholders only (no PIN exists here) */
    struct reader r = {0};
    ctl_answer(&r, 0, features_pinpad, sizeof features_pinpad);
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_new(&fake_ops, &r, &t), MYNA_OK);
    uint8_t out[64];
    size_t n = sizeof out;
    assert_int_equal(myna_transport_control(t, 1, NULL, 0, out, &n), MYNA_E_PINPAD);
    assert_int_equal(n, 0);
    myna_transport_set_control(t, fake_control);
    n = 0;
    assert_int_equal(myna_transport_control(t, 1, NULL, 0, out, &n), MYNA_E_ARG);
    uint8_t big[MYNA_CONTROL_MAX + 1] = {0};
    n = sizeof out;
    assert_int_equal(myna_transport_control(t, 1, big, sizeof big, out, &n), MYNA_E_ARG);
    assert_int_equal(myna_transport_control(NULL, 1, NULL, 0, out, &n), MYNA_E_ARG);
    myna_transport_free(t);
    assert_int_equal(myna_card_pinpad(NULL, NULL), MYNA_E_ARG);
    assert_int_equal(myna_card_verify_pin_pinpad(NULL, 0), MYNA_E_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(feature_list_parsing_is_bounded),
        cmocka_unit_test(verify_structure_bytes_are_exact),
        cmocka_unit_test(pinpad_detected_from_feature_request),
        cmocka_unit_test(no_pinpad_without_the_feature_or_control),
        cmocka_unit_test(verify_answers_are_mapped_and_tries_checked_first),
        cmocka_unit_test(tries_known_are_not_asked_again_and_a_wrong_pin_is_never_retried),
        cmocka_unit_test(control_is_traced_without_secrets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
