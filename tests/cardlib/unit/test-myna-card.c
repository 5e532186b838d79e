/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-myna-card.c — the Kenhojo AP through the replay transport and test transports:
 * the exact APDU sequence, PIN safety, removal, wiping, masking, 61xx/6Cxx. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <openssl/crypto.h>

#include "myna-fixture.h"
#include "myna-private.h"
#include "myna-replay.h"
#include "myna-transport-private.h"
#include "myna.h"

static bool locked_heap;

/* ---- helpers ---------------------------------------------------------------------------- */

static myna_card *open_replay(const fix_buf *b)
{
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_replay_new(b->s, b->len, &t), MYNA_OK);
    myna_card *c = NULL;
    assert_int_equal(myna_card_open(t, &c), MYNA_OK);
    return c;
}

/* The script of a full session up to (not including) the reads: select, tries, verify. */
static void script_verified(fix_buf *b)
{
    fix_ex(b, FIX_SELECT_AP, NULL, 0, 0x9000);
    fix_ex(b, FIX_SELECT_PIN, NULL, 0, 0x9000);
    fix_ex(b, FIX_VERIFY_QUERY, NULL, 0, 0x63C3);
    fix_ex(b, FIX_VERIFY_PIN, NULL, 0, 0x9000);
}

struct image {
    uint8_t attrs[2048], number[64], digests[512];
    size_t attrs_n, number_n, digests_n, span_off, span_n;
};

static void make_image(struct image *im, const char *name, const char *address)
{
    im->attrs_n =
        fix_attrs(im->attrs, name, address, FIX_BIRTH, FIX_SEX, &im->span_off, &im->span_n);
    im->number_n = fix_number(im->number, FIX_NUMBER);
    im->digests_n = fix_digests(im->digests, im->number, im->number_n - 2, /* the TLV */
                                im->attrs + im->span_off, im->span_n);
}

static void script_reads(fix_buf *b, const struct image *im, unsigned flags)
{
    fix_cat(b, "> " FIX_SELECT_ATTRS "\n< 9000\n");
    fix_reads(b, im->attrs, im->attrs_n);
    if (flags & MYNA_READ_NUMBER) {
        fix_cat(b, "> " FIX_SELECT_NUMBER "\n< 9000\n");
        fix_reads_le(b, im->number, im->number_n, 17);
    }
    if (flags & MYNA_READ_VERIFY) {
        fix_cat(b, "> " FIX_SELECT_DIGESTS "\n< 9000\n");
        fix_reads(b, im->digests, im->digests_n);
    }
}

/* ---- the exact APDU sequence ------------------------------------------------------------ */

static void full_read(unsigned flags, unsigned want_apdus)
{
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    fix_buf b = {0};
    script_verified(&b);
    script_reads(&b, &im, flags);
    myna_card *c = open_replay(&b);
    int tries = -1;
    assert_int_equal(myna_card_pin_tries(c, &tries), MYNA_OK);
    assert_int_equal(tries, 3);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, flags, &a), MYNA_OK);
    assert_string_equal(myna_attrs_name(a), FIX_NAME);
    assert_string_equal(myna_attrs_address(a), FIX_ADDRESS);
    assert_string_equal(myna_attrs_birth(a), FIX_BIRTH);
    assert_string_equal(myna_attrs_sex(a), FIX_SEX);
    if (flags & MYNA_READ_NUMBER)
        assert_string_equal(myna_attrs_number(a), FIX_NUMBER);
    else
        assert_null(myna_attrs_number(a));
    assert_int_equal(myna_attrs_verified(a), (flags & MYNA_READ_VERIFY) != 0);
    if (locked_heap) {
        assert_true(myna_secure_locked(myna_attrs_name(a)));
        assert_true(myna_secure_locked(myna_attrs_address(a)));
        assert_true(myna_secure_locked(a));
    }
    assert_int_equal(myna_card_apdu_count(c), want_apdus);
    myna_attrs_free(a);
    myna_card_free(c);
    fix_free(&b);
}

/* SELECT AP, SELECT 0011, VERIFY (tries), VERIFY (PIN), SELECT 0002, READ BINARY = 6 */
static void attrs_take_six_apdus(void **s)
{
    (void)s;
    full_read(0, 6);
}

/* + SELECT 0001, READ BINARY = 8 */
static void number_adds_two_apdus(void **s)
{
    (void)s;
    full_read(MYNA_READ_NUMBER, 8);
}

/* + SELECT 0003, READ BINARY (256), READ BINARY (the rest of 0003's 300 bytes) */
static void verify_adds_three_apdus(void **s)
{
    (void)s;
    full_read(MYNA_READ_VERIFY, 9);
    full_read(MYNA_READ_NUMBER | MYNA_READ_VERIFY, 11);
}

/* verify_pin without pin_tries first asks the tries itself: same count */
static void verify_without_tries_asks_first(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    fix_buf b = {0};
    script_verified(&b);
    script_reads(&b, &im, 0);
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    assert_int_equal(myna_card_apdu_count(c), 4);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_OK);
    assert_int_equal(myna_card_apdu_count(c), 6);
    myna_attrs_free(a);
    myna_card_free(c);
    fix_free(&b);
}

/* a long address: 0002 is longer than 256 bytes, exactly one more READ BINARY */
static void long_attrs_take_one_more_read(void **s)
{
    (void)s;
    char addr[600];
    size_t k = 0;
    while (k + 3 < 420) { /* 140 × 「番」 = 420 bytes */
        memcpy(addr + k, "\xE7\x95\xAA", 3);
        k += 3;
    }
    addr[k] = '\0';
    struct image im;
    make_image(&im, FIX_NAME, addr);
    assert_true(im.attrs_n > 256 && im.attrs_n <= 512);
    fix_buf b = {0};
    script_verified(&b);
    script_reads(&b, &im, 0);
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_OK);
    assert_string_equal(myna_attrs_address(a), addr);
    assert_int_equal(myna_card_apdu_count(c), 7);
    myna_attrs_free(a);
    myna_card_free(c);
    fix_free(&b);
}

/* 𠮷 (4 bytes) and the IVS (葛 + U+E0100) arrive byte for byte */
static void non_bmp_and_ivs_bytes_kept(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    fix_buf b = {0};
    script_verified(&b);
    script_reads(&b, &im, 0);
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_OK);
    assert_memory_equal(myna_attrs_name(a), "\xF0\xA0\xAE\xB7", 4);
    assert_non_null(strstr(myna_attrs_address(a), "\xE8\x91\x9B\xF3\xA0\x84\x80"));
    assert_int_equal(strlen(myna_attrs_address(a)), strlen(FIX_ADDRESS));
    myna_attrs_free(a);
    myna_card_free(c);
    fix_free(&b);
}

static void not_a_myna_card(void **s)
{
    (void)s;
    fix_buf b = {0};
    fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x6A82);
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_replay_new(b.s, b.len, &t), MYNA_OK);
    myna_card *c = (myna_card *)&b; /* must be reset to NULL */
    assert_int_equal(myna_card_open(t, &c), MYNA_E_NOT_MYNA);
    assert_null(c);
    fix_free(&b);
}

/* ---- PIN safety --------------------------------------------------------------------------- */

static void malformed_pins_send_nothing(void **s)
{
    (void)s;
    static const struct {
        const char *pin;
        size_t len;
    } bad[] = {
        {"", 0},
        {"123", 3},
        {"12345", 5},
        {"12a4", 4},
        {"12 4", 4},
        {"１２３４", 12},
        {NULL, 4},
        {"1234", 3},
        {"-123", 4},
        {"12\0"
         "4",
         4},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        fix_buf b = {0};
        fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
        myna_card *c = open_replay(&b);
        assert_int_equal(myna_card_verify_pin(c, bad[i].pin, bad[i].len), MYNA_E_PIN_FORMAT);
        assert_int_equal(myna_card_apdu_count(c), 1); /* the SELECT AP only */
        myna_card_free(c);
        fix_free(&b);
    }
    /* 照合番号B: 14 digits exactly */
    static const char *bad_b[] = {"8004012030123", "800401203012345", "80040120301a34"};
    for (size_t i = 0; i < sizeof bad_b / sizeof bad_b[0]; i++) {
        fix_buf b = {0};
        fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
        myna_card *c = open_replay(&b);
        assert_int_equal(myna_card_verify_checkcode_b(c, bad_b[i], strlen(bad_b[i])),
                         MYNA_E_PIN_FORMAT);
        assert_int_equal(myna_card_apdu_count(c), 1);
        myna_card_free(c);
        fix_free(&b);
    }
}

/* 63C0 and 6983 both mean blocked: the PIN is never sent */
static void blocked_card_gets_no_verify(void **s)
{
    (void)s;
    static const unsigned blocked_sw[] = {0x63C0, 0x6983, 0x6984};
    for (size_t i = 0; i < 3; i++) {
        fix_buf b = {0};
        fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
        fix_ex(&b, FIX_SELECT_PIN, NULL, 0, 0x9000);
        fix_ex(&b, FIX_VERIFY_QUERY, NULL, 0, blocked_sw[i]);
        myna_card *c = open_replay(&b);
        assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_E_PIN_BLOCKED);
        assert_int_equal(myna_card_apdu_count(c), 3);
        assert_int_equal(myna_card_tries_left(c), 0);
        /* and again: still nothing sent, the library remembers */
        assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_E_PIN_BLOCKED);
        assert_int_equal(myna_card_apdu_count(c), 3);
        myna_card_free(c);
        fix_free(&b);
    }
}

static void wrong_pin_reports_tries(void **s)
{
    (void)s;
    static const struct {
        unsigned sw;
        myna_err err;
        int tries;
    } rows[] = {
        {0x63C2, MYNA_E_PIN_WRONG, 2},
        {0x63C1, MYNA_E_PIN_LAST_TRY, 1},
        {0x63C0, MYNA_E_PIN_BLOCKED, 0},
        {0x6983, MYNA_E_PIN_BLOCKED, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fix_buf b = {0};
        fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
        fix_ex(&b, FIX_SELECT_PIN, NULL, 0, 0x9000);
        fix_ex(&b, FIX_VERIFY_QUERY, NULL, 0, 0x63C3);
        fix_ex(&b, FIX_VERIFY_PIN, NULL, 0, rows[i].sw);
        myna_card *c = open_replay(&b);
        assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), rows[i].err);
        assert_int_equal(myna_card_tries_left(c), rows[i].tries);
        assert_int_equal(myna_card_apdu_count(c), 4);
        assert_int_equal(myna_card_last_sw(c), rows[i].sw);
        assert_false(myna_card_verified(c));
        myna_card_free(c);
        fix_free(&b);
    }
}

/* A transport error during VERIFY: returned as is, never retried, tries unknown after. */
static void transport_error_during_verify_is_not_retried(void **s)
{
    (void)s;
    static const char *fails[] = {"!transport", "!removed", "!reader", "!noservice"};
    static const myna_err errs[] = {MYNA_E_TRANSPORT, MYNA_E_CARD_REMOVED, MYNA_E_READER,
                                    MYNA_E_NO_SERVICE};
    for (size_t i = 0; i < 4; i++) {
        fix_buf b = {0};
        fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
        fix_ex(&b, FIX_SELECT_PIN, NULL, 0, 0x9000);
        fix_ex(&b, FIX_VERIFY_QUERY, NULL, 0, 0x63C3);
        fix_cat(&b, "> " FIX_VERIFY_PIN "\n< ");
        fix_cat(&b, fails[i]);
        fix_cat(&b, "\n");
        /* would the library retry, this would answer it: it must stay unused */
        fix_ex(&b, "*", NULL, 0, 0x9000);
        myna_card *c = open_replay(&b);
        assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), errs[i]);
        assert_int_equal(myna_card_apdu_count(c), 4);
        assert_int_equal(myna_card_tries_left(c), -1);
        myna_card_free(c);
        fix_free(&b);
    }
}

/* tries already known (from pin_tries): VERIFY goes out with no extra query */
static void known_tries_cost_no_extra_apdu(void **s)
{
    (void)s;
    fix_buf b = {0};
    script_verified(&b);
    myna_card *c = open_replay(&b);
    int tries;
    assert_int_equal(myna_card_pin_tries(c, &tries), MYNA_OK);
    assert_int_equal(myna_card_apdu_count(c), 3);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    assert_int_equal(myna_card_apdu_count(c), 4);
    assert_true(myna_card_verified(c));
    myna_card_free(c);
    fix_free(&b);
}

/* 照合番号B: EF 0015, its own counter, 14 digits */
static void checkcode_b_path(void **s)
{
    (void)s;
    fix_buf b = {0};
    fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
    fix_ex(&b, FIX_SELECT_B, NULL, 0, 0x9000);
    fix_ex(&b, FIX_VERIFY_QUERY, NULL, 0, 0x63CA);
    fix_ex(&b,
           "00200080"
           "0E"
           "3830303430313230333031323334",
           NULL, 0, 0x63C9);
    fix_ex(&b, FIX_SELECT_PIN, NULL, 0, 0x9000);
    fix_ex(&b, FIX_VERIFY_QUERY, NULL, 0, 0x63C3);
    myna_card *c = open_replay(&b);
    int tries;
    assert_int_equal(myna_card_checkcode_b_tries(c, &tries), MYNA_OK);
    assert_int_equal(tries, 10);
    assert_int_equal(myna_card_verify_checkcode_b(c, "80040120301234", 14), MYNA_E_PIN_WRONG);
    assert_int_equal(myna_card_tries_left(c), 9);
    /* the PIN's counter is separate and still unknown: asked, not assumed */
    assert_int_equal(myna_card_pin_tries(c, &tries), MYNA_OK);
    assert_int_equal(tries, 3);
    assert_int_equal(myna_card_apdu_count(c), 6);
    assert_int_equal(myna_transport_replay_left(NULL), 0);
    myna_card_free(c);
    fix_free(&b);
}

/* The card already verified on this session (9000 to the query): the PIN is not sent. */
static void already_verified_sends_no_pin(void **s)
{
    (void)s;
    fix_buf b = {0};
    fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
    fix_ex(&b, FIX_SELECT_PIN, NULL, 0, 0x9000);
    fix_ex(&b, FIX_VERIFY_QUERY, NULL, 0, 0x9000);
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    assert_int_equal(myna_card_apdu_count(c), 3);
    myna_card_free(c);
    fix_free(&b);
}

/* ---- removal, wiping, errors during reads ------------------------------------------------ */

/* A test transport in front of a replay that remembers the response buffer it wrote. */
struct spy {
    myna_transport *inner;
    uint8_t *last_resp;
    size_t last_cap;
};

static myna_err spy_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                             size_t *rlen)
{
    struct spy *sp = impl;
    sp->last_resp = resp;
    sp->last_cap = *rlen;
    return sp->inner->ops->transmit(sp->inner->impl, cmd, clen, resp, rlen);
}

static void spy_close(void *impl)
{
    struct spy *sp = impl;
    myna_transport_free(sp->inner);
    free(sp);
}

static const myna_transport_ops spy_ops = {spy_transmit, spy_close};

/* Pull the card at every APDU index of a full read (number and digests included). */
static void card_removed_at_every_apdu(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    unsigned flags = MYNA_READ_NUMBER | MYNA_READ_VERIFY;
    fix_buf full = {0};
    script_verified(&full);
    script_reads(&full, &im, flags);
    /* count the exchanges in the script */
    size_t total = 0;
    for (size_t i = 0; i < full.len; i++)
        if (full.s[i] == '>')
            total++;
    assert_int_equal(total, 11);
    for (size_t pull = 1; pull < total; pull++) {
        /* the script with the pull-th exchange (0-based) answered by "!removed" */
        fix_buf b = {0};
        size_t ex = 0;
        const char *p = full.s;
        while (*p != '\0') {
            const char *nl = strchr(p, '\n');
            size_t n = nl != NULL ? (size_t)(nl - p + 1) : strlen(p);
            char line[2048];
            assert_true(n < sizeof line);
            memcpy(line, p, n);
            line[n] = '\0';
            if (line[0] == '<') {
                if (ex == pull)
                    fix_cat(&b, "< !removed\n");
                else
                    fix_cat(&b, line);
                ex++;
            } else {
                fix_cat(&b, line);
            }
            if (ex > pull)
                break;
            p += n;
        }
        size_t used_before = locked_heap ? CRYPTO_secure_used() : 0;
        myna_transport *rt = NULL;
        assert_int_equal(myna_transport_replay_new(b.s, b.len, &rt), MYNA_OK);
        struct spy *sp = calloc(1, sizeof *sp);
        sp->inner = rt;
        myna_transport *t = NULL;
        assert_int_equal(myna_transport_new(&spy_ops, sp, &t), MYNA_OK);
        myna_card *c = NULL;
        myna_err e = myna_card_open(t, &c);
        if (e == MYNA_OK)
            e = myna_card_verify_pin(c, FIX_PIN, 4);
        myna_attrs *a = NULL;
        if (e == MYNA_OK)
            e = myna_card_read_attrs(c, flags, &a);
        assert_int_equal(e, MYNA_E_CARD_REMOVED);
        assert_null(a);
        /* the response buffer the card layer used holds nothing any more */
        if (c != NULL) {
            for (size_t i = 0; i < sp->last_cap; i++)
                assert_int_equal(sp->last_resp[i], 0);
        }
        myna_card_free(c);
        if (locked_heap)
            assert_int_equal(CRYPTO_secure_used(), used_before); /* all freed (wiped) */
        fix_free(&b);
    }
    fix_free(&full);
}

static void read_refused_without_pin(void **s)
{
    (void)s;
    fix_buf b = {0};
    fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
    fix_ex(&b, FIX_SELECT_ATTRS, NULL, 0, 0x9000);
    fix_ex(&b, FIX_READ_256, NULL, 0, 0x6982);
    myna_card *c = open_replay(&b);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_E_NOT_VERIFIED);
    assert_null(a);
    myna_card_free(c);
    fix_free(&b);
}

static void digest_mismatch_is_auth_data(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    /* the digests of another resident */
    struct image other;
    make_image(&other, "\xE5\xB1\xB1\xE7\x94\xB0 \xE8\x8A\xB1\xE5\xAD\x90", FIX_ADDRESS);
    memcpy(im.digests, other.digests, other.digests_n);
    fix_buf b = {0};
    script_verified(&b);
    script_reads(&b, &im, MYNA_READ_VERIFY);
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, MYNA_READ_VERIFY, &a), MYNA_E_AUTH_DATA);
    assert_null(a);
    myna_card_free(c);
    fix_free(&b);
}

/* A READ BINARY refused after the card sent data (6281: data may be corrupted) leaves no
 * card data in the card's response buffer. */
static void refused_read_wipes_card_data(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    fix_buf b = {0};
    script_verified(&b);
    fix_cat(&b, "> " FIX_SELECT_ATTRS "\n< 9000\n");
    fix_ex(&b, FIX_READ_256, im.attrs, im.attrs_n < 256 ? im.attrs_n : 256, 0x6281);
    struct spy *sp = calloc(1, sizeof *sp);
    assert_non_null(sp);
    assert_int_equal(myna_transport_replay_new(b.s, b.len, &sp->inner), MYNA_OK);
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_new(&spy_ops, sp, &t), MYNA_OK);
    myna_card *c = NULL;
    assert_int_equal(myna_card_open(t, &c), MYNA_OK);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_E_BAD_DATA);
    assert_null(a);
    for (size_t i = 0; i < sp->last_cap; i++)
        assert_int_equal(sp->last_resp[i], 0); /* wiped, though the card is still open */
    myna_card_free(c);
    fix_free(&b);
}

/* EF 0003 that cannot be selected fails the verified read cleanly (no digest is looked at). */
static void unreadable_digests_fail_the_read(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    fix_buf b = {0};
    script_verified(&b);
    script_reads(&b, &im, 0);
    fix_cat(&b, "> " FIX_SELECT_DIGESTS "\n< 6A82\n");
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, MYNA_READ_VERIFY, &a), MYNA_E_CARD);
    assert_null(a);
    myna_card_free(c);
    fix_free(&b);
}

/* ---- ISO 7816-4: 61xx and 6Cxx ---------------------------------------------------------- */

static void get_response_and_wrong_le_followed(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    fix_buf b = {0};
    script_verified(&b);
    fix_cat(&b, "> " FIX_SELECT_ATTRS "\n< 9000\n");
    /* the card wants Le = n, then hands the data in two parts through 61xx */
    char cmd[32];
    fix_ex(&b, FIX_READ_256, NULL, 0, 0x6C00 | (unsigned)im.attrs_n);
    snprintf(cmd, sizeof cmd, "00B00000%02X", (unsigned)im.attrs_n);
    fix_ex(&b, cmd, im.attrs, 10, 0x6100 | (unsigned)(im.attrs_n - 10));
    snprintf(cmd, sizeof cmd, "00C00000%02X", (unsigned)(im.attrs_n - 10));
    fix_ex(&b, cmd, im.attrs + 10, im.attrs_n - 10, 0x9000);
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_OK);
    assert_string_equal(myna_attrs_name(a), FIX_NAME);
    assert_int_equal(myna_card_apdu_count(c), 8);
    myna_attrs_free(a);
    myna_card_free(c);
    fix_free(&b);
}

/* 6Cxx to a VERIFY with data is never answered by a resend */
static void wrong_le_never_resends_verify(void **s)
{
    (void)s;
    fix_buf b = {0};
    fix_ex(&b, FIX_SELECT_AP, NULL, 0, 0x9000);
    fix_ex(&b, FIX_SELECT_PIN, NULL, 0, 0x9000);
    fix_ex(&b, FIX_VERIFY_QUERY, NULL, 0, 0x63C3);
    fix_ex(&b, FIX_VERIFY_PIN, NULL, 0, 0x6C04);
    fix_ex(&b, "*", NULL, 0, 0x9000);
    myna_card *c = open_replay(&b);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_E_CARD);
    assert_int_equal(myna_card_apdu_count(c), 4);
    myna_card_free(c);
    fix_free(&b);
}

/* ---- masking in the trace ----------------------------------------------------------------- */

struct trace_log {
    char lines[64][600];
    size_t n;
};

static void collect(void *user, bool is_command, const char *hex)
{
    struct trace_log *log = user;
    if (log->n < 64)
        snprintf(log->lines[log->n++], sizeof log->lines[0], "%c%s", is_command ? '>' : '<', hex);
}

static void trace_masks_pin_and_data(void **s)
{
    (void)s;
    struct image im;
    make_image(&im, FIX_NAME, FIX_ADDRESS);
    fix_buf b = {0};
    script_verified(&b);
    script_reads(&b, &im, MYNA_READ_NUMBER);
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_replay_new(b.s, b.len, &t), MYNA_OK);
    static struct trace_log log;
    log.n = 0;
    myna_transport_set_trace(t, collect, &log);
    myna_card *c = NULL;
    assert_int_equal(myna_card_open(t, &c), MYNA_OK);
    assert_int_equal(myna_card_verify_pin(c, FIX_PIN, 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, MYNA_READ_NUMBER, &a), MYNA_OK);
    assert_int_equal(log.n, 16); /* 8 commands, 8 responses */
    bool saw_verify = false;
    for (size_t i = 0; i < log.n; i++) {
        assert_null(strstr(log.lines[i], "31323334"));     /* the PIN */
        assert_null(strstr(log.lines[i], "F0A0AEB7"));     /* 𠮷 */
        assert_null(strstr(log.lines[i], "313233343536")); /* the number */
        if (strcmp(log.lines[i], ">0020008004**") == 0)
            saw_verify = true;
    }
    assert_true(saw_verify);
    assert_string_equal(log.lines[11], "<**9000"); /* READ BINARY of 0002 */
    assert_string_equal(log.lines[15], "<**9000"); /* READ BINARY of 0001 */
    assert_string_equal(log.lines[0], ">" FIX_SELECT_AP);
    myna_attrs_free(a);
    myna_card_free(c);
    fix_free(&b);
}

/* ---- replay format ------------------------------------------------------------------------ */

static void replay_refuses_bad_scripts(void **s)
{
    (void)s;
    static const char *bad[] = {
        "< 9000\n",                  /* response without command */
        "> 00A4\n< 9000\n",          /* command shorter than 4 bytes */
        "> 00A4040C\n",              /* command without response */
        "> 00A4040C\n> 00A4040C\n",  /* two commands */
        "> 00A4040\n< 9000\n",       /* odd hex */
        "> 00A4040C\n< 90\n",        /* response without a full SW */
        "> 00A4040C\n< !exploded\n", /* unknown special */
        "? 00\n",                    /* unknown line kind */
        "> 00A4040C\n< 90 0G\n",     /* not hex */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        myna_transport *t = (myna_transport *)&t;
        assert_int_equal(myna_transport_replay_new(bad[i], strlen(bad[i]), &t), MYNA_E_ARG);
        assert_null(t);
    }
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_replay_new("x", MYNA_REPLAY_MAX + 1, &t), MYNA_E_ARG);
    const char *ok = "# a comment\n\n> 00 A4 04 0C  # spaces and comments\n< 90 00\n";
    assert_int_equal(myna_transport_replay_new(ok, strlen(ok), &t), MYNA_OK);
    assert_int_equal(myna_transport_replay_left(t), 1);
    uint8_t cmd[4] = {0x00, 0xA4, 0x04, 0x0D}, resp[8];
    size_t n = sizeof resp;
    assert_int_equal(myna_transport_transmit(t, cmd, 4, resp, &n), MYNA_E_TRANSPORT);
    n = sizeof resp;
    assert_int_equal(myna_transport_transmit(t, cmd, 4, resp, &n), MYNA_E_TRANSPORT);
    myna_transport_free(t);
}

/* The transport's own limits: endless 61xx, a response without SW, a short buffer. */
static void transport_edges(void **s)
{
    (void)s;
    fix_buf b = {0};
    fix_ex(&b, FIX_READ_256, NULL, 0, 0x6101);
    for (int i = 0; i < 9; i++)
        fix_ex(&b, "00C0000001", (const uint8_t *)"x", 1, 0x6101);
    myna_transport *t = NULL;
    assert_int_equal(myna_transport_replay_new(b.s, b.len, &t), MYNA_OK);
    uint8_t cmd[5] = {0x00, 0xB0, 0x00, 0x00, 0x00}, resp[MYNA_RESP_MAX];
    size_t n = sizeof resp;
    assert_int_equal(myna_transport_transmit(t, cmd, 5, resp, &n), MYNA_E_BAD_DATA);
    assert_int_equal(n, 0);
    assert_int_equal(myna_transport_apdu_count(t), 9); /* 1 + 8 GET RESPONSE, then stop */
    for (size_t i = 0; i < sizeof resp; i++)
        assert_int_equal(resp[i], 0); /* wiped */
    myna_transport_free(t);
    fix_free(&b);
    /* a response bigger than the caller's buffer is refused, not cut */
    uint8_t big[100];
    memset(big, 0x41, sizeof big);
    fix_ex(&b, FIX_READ_256, big, sizeof big, 0x9000);
    assert_int_equal(myna_transport_replay_new(b.s, b.len, &t), MYNA_OK);
    n = 50;
    assert_int_equal(myna_transport_transmit(t, cmd, 5, resp, &n), MYNA_E_TRANSPORT);
    myna_transport_free(t);
    fix_free(&b);
    /* arguments */
    n = sizeof resp;
    assert_int_equal(myna_transport_transmit(NULL, cmd, 5, resp, &n), MYNA_E_ARG);
    assert_int_equal(myna_transport_replay_new("> 00A4040C\n< 9000\n", 18, &t), MYNA_OK);
    assert_int_equal(myna_transport_transmit(t, cmd, 3, resp, &n), MYNA_E_ARG);
    n = 1;
    assert_int_equal(myna_transport_transmit(t, cmd, 5, resp, &n), MYNA_E_ARG);
    myna_transport_free(t);
    myna_transport_free(NULL);
    myna_card_free(NULL);
    myna_attrs_free(NULL);
    assert_int_equal(myna_card_open(NULL, NULL), MYNA_E_ARG);
    assert_int_equal(myna_card_tries_left(NULL), -1);
    assert_null(myna_attrs_name(NULL));
}

/* Trace of the tries query (no data): shown whole; a VERIFY with data: never the digits. */
static void trace_format_rules(void **s)
{
    (void)s;
    char out[64];
    const uint8_t q[] = {0x00, 0x20, 0x00, 0x80};
    myna_trace_format(true, q, 4, q, 4, out, sizeof out);
    assert_string_equal(out, "00200080");
    const uint8_t v[] = {0x00, 0x20, 0x00, 0x80, 0x04, '9', '8', '7', '6'};
    myna_trace_format(true, v, 9, v, 9, out, sizeof out);
    assert_string_equal(out, "0020008004**");
    const uint8_t r[] = {0x41, 0x42, 0x90, 0x00};
    const uint8_t rb[] = {0x00, 0xB0, 0x00, 0x00, 0x00};
    myna_trace_format(false, rb, 5, r, 4, out, sizeof out);
    assert_string_equal(out, "**9000");
    const uint8_t gr[] = {0x00, 0xC0, 0x00, 0x00, 0x02};
    myna_trace_format(false, gr, 5, r, 4, out, sizeof out);
    assert_string_equal(out, "**9000");
    myna_trace_format(false, q, 4, r + 2, 2, out, sizeof out);
    assert_string_equal(out, "9000");
    myna_trace_format(true, v, 9, v, 9, out, 4); /* tiny buffer: cut, terminated */
    assert_true(strlen(out) < 4);
}

static int setup(void **s)
{
    (void)s;
    locked_heap = myna_secure_init(1u << 20) == MYNA_OK;
    if (!locked_heap)
        fprintf(stderr, "note: no locked heap here; locked-memory checks skipped\n");
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(attrs_take_six_apdus),
        cmocka_unit_test(number_adds_two_apdus),
        cmocka_unit_test(verify_adds_three_apdus),
        cmocka_unit_test(verify_without_tries_asks_first),
        cmocka_unit_test(long_attrs_take_one_more_read),
        cmocka_unit_test(non_bmp_and_ivs_bytes_kept),
        cmocka_unit_test(not_a_myna_card),
        cmocka_unit_test(malformed_pins_send_nothing),
        cmocka_unit_test(blocked_card_gets_no_verify),
        cmocka_unit_test(wrong_pin_reports_tries),
        cmocka_unit_test(transport_error_during_verify_is_not_retried),
        cmocka_unit_test(known_tries_cost_no_extra_apdu),
        cmocka_unit_test(checkcode_b_path),
        cmocka_unit_test(already_verified_sends_no_pin),
        cmocka_unit_test(card_removed_at_every_apdu),
        cmocka_unit_test(read_refused_without_pin),
        cmocka_unit_test(digest_mismatch_is_auth_data),
        cmocka_unit_test(refused_read_wipes_card_data),
        cmocka_unit_test(unreadable_digests_fail_the_read),
        cmocka_unit_test(get_response_and_wrong_le_followed),
        cmocka_unit_test(wrong_le_never_resends_verify),
        cmocka_unit_test(trace_masks_pin_and_data),
        cmocka_unit_test(replay_refuses_bad_scripts),
        cmocka_unit_test(transport_edges),
        cmocka_unit_test(trace_format_rules),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
