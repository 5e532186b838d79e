/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-myna-tlv.c — the TLV cursor, UTF-8 validation and the EF parsers, from tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "myna-card-private.h"
#include "myna-fixture.h"
#include "myna-tlv.h"

/* ---- the cursor ------------------------------------------------------------------------- */

struct tlv_row {
    const char *what;
    uint8_t bytes[16];
    size_t n;
    myna_err err;
    unsigned tag;
    size_t len;
};

static const struct tlv_row tlv_rows[] = {
    {"short tag, short length", {0x04, 0x02, 0xAA, 0xBB}, 4, MYNA_OK, 0x04, 2},
    {"two-byte private tag", {0xDF, 0x22, 0x01, 0x41}, 4, MYNA_OK, 0xDF22, 1},
    {"constructed FF20, empty", {0xFF, 0x20, 0x00}, 3, MYNA_OK, 0xFF20, 0},
    {"FF10 long-form tag 16 accepted", {0xFF, 0x10, 0x01, 0x31}, 4, MYNA_OK, 0xFF10, 1},
    {"length 81 xx", {0xDF, 0x22, 0x81, 0x02, 0x41, 0x42}, 6, MYNA_OK, 0xDF22, 2},
    {"length 82 xx xx", {0xDF, 0x22, 0x82, 0x00, 0x01, 0x41}, 6, MYNA_OK, 0xDF22, 1},
    {"three-byte tag", {0xDF, 0x81, 0x01, 0x00}, 4, MYNA_OK, 0xDF8101, 0},
    {"empty input", {0}, 0, MYNA_E_BAD_DATA, 0, 0},
    {"00 is padding", {0x00, 0x00}, 2, MYNA_E_BAD_DATA, 0, 0},
    {"tag without length", {0x04}, 1, MYNA_E_BAD_DATA, 0, 0},
    {"two-byte tag cut", {0xDF}, 1, MYNA_E_BAD_DATA, 0, 0},
    {"four-byte tag", {0xDF, 0x81, 0x81, 0x01, 0x00}, 5, MYNA_E_BAD_DATA, 0, 0},
    {"tag number 0 in long form", {0xDF, 0x80, 0x01, 0x00}, 4, MYNA_E_BAD_DATA, 0, 0},
    {"length longer than data", {0xDF, 0x22, 0x03, 0x41, 0x42}, 5, MYNA_E_BAD_DATA, 0, 0},
    {"81 without its byte", {0xDF, 0x22, 0x81}, 3, MYNA_E_BAD_DATA, 0, 0},
    {"82 with one byte", {0xDF, 0x22, 0x82, 0x01}, 4, MYNA_E_BAD_DATA, 0, 0},
    {"indefinite length 80", {0xFF, 0x20, 0x80, 0x00, 0x00}, 5, MYNA_E_BAD_DATA, 0, 0},
    {"83 too long a length", {0xDF, 0x22, 0x83, 0, 0, 1, 0x41}, 7, MYNA_E_BAD_DATA, 0, 0},
    {"84 length", {0xDF, 0x22, 0x84, 0, 0, 0, 1, 0x41}, 8, MYNA_E_BAD_DATA, 0, 0},
    {"82 above the limit", {0xDF, 0x22, 0x82, 0xFF, 0xFF}, 5, MYNA_E_BAD_DATA, 0, 0},
    {"81 lying by one", {0xDF, 0x22, 0x81, 0x03, 0x41, 0x42}, 6, MYNA_E_BAD_DATA, 0, 0},
};

static void cursor_boundary_table(void **s)
{
    (void)s;
    for (size_t i = 0; i < sizeof tlv_rows / sizeof tlv_rows[0]; i++) {
        const struct tlv_row *r = &tlv_rows[i];
        myna_tlv_cur c;
        myna_tlv t;
        myna_tlv_init(&c, r->bytes, r->n);
        myna_err e = myna_tlv_next(&c, &t);
        if (e != r->err)
            fail_msg("%s: got %s", r->what, myna_err_name(e));
        if (e == MYNA_OK) {
            assert_int_equal(t.tag, r->tag);
            assert_int_equal(t.len, r->len);
            assert_int_equal(t.total, r->n);
            assert_int_equal(c.left, 0);
        } else {
            assert_int_equal(c.left, r->n); /* unchanged on error */
        }
    }
}

static void cursor_null_safe(void **s)
{
    (void)s;
    myna_tlv_cur c;
    myna_tlv t;
    myna_tlv_init(&c, NULL, 5);
    assert_int_equal(c.left, 0);
    assert_int_equal(myna_tlv_next(&c, &t), MYNA_E_BAD_DATA);
    assert_int_equal(myna_tlv_next(NULL, &t), MYNA_E_ARG);
    size_t need;
    assert_int_equal(myna_tlv_peek_total(NULL, 0, &need), MYNA_E_ARG);
    const uint8_t hdr[] = {0xFF, 0x20, 0x82, 0x01, 0x2C};
    assert_int_equal(myna_tlv_peek_total(hdr, 5, &need), MYNA_OK);
    assert_int_equal(need, 5 + 300);
    assert_int_equal(myna_tlv_peek_total(hdr, 4, &need), MYNA_E_ARG); /* need more */
}

/* ---- UTF-8 -------------------------------------------------------------------------------- */

struct utf8_row {
    const char *what;
    const char *s;
    size_t n;
    bool ok;
};

#define U(what, lit, ok)                                                                           \
    {                                                                                              \
        what, lit, sizeof lit - 1, ok                                                              \
    }

static const struct utf8_row utf8_rows[] = {
    U("ASCII", "Smith John", true),
    U("kanji", "\xE5\xB1\xB1\xE7\x94\xB0", true),
    U("non-BMP 𠮷", "\xF0\xA0\xAE\xB7", true),
    U("IVS 葛󠄀", "\xE8\x91\x9B\xF3\xA0\x84\x80", true),
    U("U+10FFFF", "\xF4\x8F\xBF\xBF", true),
    U("U+FFFD", "\xEF\xBF\xBD", true),
    U("empty", "", true),
    U("overlong slash C0 AF", "\xC0\xAF", false),
    U("overlong C1", "\xC1\x81", false),
    U("overlong 3-byte", "\xE0\x80\xAF", false),
    U("overlong 4-byte", "\xF0\x80\x80\xAF", false),
    U("surrogate D800", "\xED\xA0\x80", false),
    U("surrogate DFFF", "\xED\xBF\xBF", false),
    U("above U+10FFFF", "\xF4\x90\x80\x80", false),
    U("F5 lead", "\xF5\x80\x80\x80", false),
    U("FF byte", "\xFF", false),
    U("lone continuation", "\x80", false),
    U("truncated 2-byte", "\xC3", false),
    U("truncated 3-byte", "\xE5\xB1", false),
    U("truncated 4-byte", "\xF0\xA0\xAE", false),
    U("bad continuation", "\xE5\x41\x41", false),
    U("NUL inside", "A\0B", false),
    U("newline", "A\nB", false),
    U("escape", "\x1B[2J", false),
    U("DEL", "\x7F", false),
};

static void utf8_table(void **s)
{
    (void)s;
    for (size_t i = 0; i < sizeof utf8_rows / sizeof utf8_rows[0]; i++) {
        const struct utf8_row *r = &utf8_rows[i];
        if (myna_utf8_valid((const uint8_t *)r->s, r->n) != r->ok)
            fail_msg("utf8 %s: expected %s", r->what, r->ok ? "valid" : "invalid");
    }
}

/* ---- EF 0002 --------------------------------------------------------------------------- */

static myna_err parse_attrs(const uint8_t *buf, size_t n)
{
    myna_attrs *a = myna_attrs_new_empty();
    assert_non_null(a);
    const uint8_t *d;
    size_t dl;
    myna_err e = myna_parse_attrs(buf, n, a, &d, &dl);
    myna_attrs_free(a);
    return e;
}

static void attrs_every_truncation_is_bad_data(void **s)
{
    (void)s;
    uint8_t img[1024];
    size_t n = fix_attrs(img, FIX_NAME, FIX_ADDRESS, FIX_BIRTH, FIX_SEX, NULL, NULL);
    assert_int_equal(parse_attrs(img, n), MYNA_OK);
    for (size_t cut = 0; cut < n; cut++)
        assert_int_equal(parse_attrs(img, cut), MYNA_E_BAD_DATA);
    /* trailing padding after the element is ignored (the EF may be longer) */
    memset(img + n, 0xFF, 8);
    assert_int_equal(parse_attrs(img, n + 8), MYNA_OK);
}

static void attrs_keep_bytes_and_digest_span(void **s)
{
    (void)s;
    uint8_t img[1024];
    size_t off, len;
    size_t n = fix_attrs(img, FIX_NAME, FIX_ADDRESS, FIX_BIRTH, FIX_SEX, &off, &len);
    myna_attrs *a = myna_attrs_new_empty();
    const uint8_t *d;
    size_t dl;
    assert_int_equal(myna_parse_attrs(img, n, a, &d, &dl), MYNA_OK);
    assert_ptr_equal(d, img + off);
    assert_int_equal(dl, len);
    assert_int_equal(off + len, n); /* the span runs to the end of FF 20 */
    assert_string_equal(myna_attrs_name(a), FIX_NAME);
    assert_string_equal(myna_attrs_address(a), FIX_ADDRESS);
    myna_attrs_free(a);
}

/* Build FF 20 from raw inner bytes. */
static size_t wrap(uint8_t *out, const uint8_t *inner, size_t n)
{
    return fix_tlv(out, 0xFF20, inner, n);
}

static void attrs_structure_table(void **s)
{
    (void)s;
    uint8_t inner[1024], img[1100];
    static const uint8_t hdr[3] = {1, 2, 3};
    struct {
        const char *what;
        int drop; /* index 0..4 of a DF2x to leave out, -1 none */
        int dup;  /* index to repeat, -1 none */
        const char *name, *birth, *sex;
        myna_err err;
    } rows[] = {
        {"complete", -1, -1, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_OK},
        {"no header", 0, -1, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"no name", 1, -1, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"no address", 2, -1, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"no birth", 3, -1, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"no sex", 4, -1, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"two names", -1, 1, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"two sexes", -1, 4, FIX_NAME, FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"empty name", -1, -1, "", FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"overlong in name", -1, -1, "\xC0\xAF", FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"surrogate in name", -1, -1, "\xED\xA0\x80", FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"cut 𠮷 in name", -1, -1, "\xF0\xA0\xAE", FIX_BIRTH, FIX_SEX, MYNA_E_BAD_DATA},
        {"birth 7 digits", -1, -1, FIX_NAME, "1980041", FIX_SEX, MYNA_E_BAD_DATA},
        {"birth month 13", -1, -1, FIX_NAME, "19801301", FIX_SEX, MYNA_E_BAD_DATA},
        {"birth letters", -1, -1, FIX_NAME, "1980O401", FIX_SEX, MYNA_E_BAD_DATA},
        {"sex 0", -1, -1, FIX_NAME, FIX_BIRTH, "0", MYNA_E_BAD_DATA},
        {"sex 3", -1, -1, FIX_NAME, FIX_BIRTH, "3", MYNA_E_BAD_DATA},
        {"sex 9", -1, -1, FIX_NAME, FIX_BIRTH, "9", MYNA_OK},
        {"sex two bytes", -1, -1, FIX_NAME, FIX_BIRTH, "12", MYNA_E_BAD_DATA},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const char *vals[5] = {NULL, rows[i].name, FIX_ADDRESS, rows[i].birth, rows[i].sex};
        size_t k = 0;
        for (int f = 0; f < 5; f++) {
            if (f == rows[i].drop)
                continue;
            for (int times = 0; times < (f == rows[i].dup ? 2 : 1); times++) {
                if (f == 0)
                    k += fix_tlv(inner + k, 0xDF21, hdr, sizeof hdr);
                else
                    k += fix_tlv(inner + k, 0xDF21 + (unsigned)f, vals[f], strlen(vals[f]));
            }
        }
        size_t n = wrap(img, inner, k);
        myna_err e = parse_attrs(img, n);
        if (e != rows[i].err)
            fail_msg("attrs %s: got %s", rows[i].what, myna_err_name(e));
    }
}

/* Lengths that lie: inner element longer than the outer one, outer longer than the data,
 * an unknown tag in between (skipped), a constructed DF22, the wrong outer tag. */
static void attrs_lying_lengths(void **s)
{
    (void)s;
    uint8_t img[1024];
    size_t n = fix_attrs(img, FIX_NAME, FIX_ADDRESS, FIX_BIRTH, FIX_SEX, NULL, NULL);
    /* the outer length says one byte more than there is */
    uint8_t bad[1024];
    size_t lp = img[2] == 0x81 ? 3 : 2; /* the outer length byte */
    memcpy(bad, img, n);
    bad[lp]++;
    assert_int_equal(parse_attrs(bad, n), MYNA_E_BAD_DATA);
    /* the outer length one short: the last inner element crosses it */
    memcpy(bad, img, n);
    bad[lp]--;
    assert_int_equal(parse_attrs(bad, n), MYNA_E_BAD_DATA);
    /* DF21's length grows: it swallows DF22's header, the rest no longer parses */
    memcpy(bad, img, n);
    assert_int_equal(bad[lp + 1], 0xDF);
    assert_int_equal(bad[lp + 2], 0x21);
    bad[lp + 3] = (uint8_t)(bad[lp + 3] + 30);
    assert_int_equal(parse_attrs(bad, n), MYNA_E_BAD_DATA);
    /* wrong outer tag */
    memcpy(bad, img, n);
    bad[1] = 0x21;
    assert_int_equal(parse_attrs(bad, n), MYNA_E_BAD_DATA);
    /* an unknown tag between the known ones is skipped */
    uint8_t inner[64];
    size_t k = fix_tlv(inner, 0xDF21, "x", 1);
    k += fix_tlv(inner + k, 0xDF30, "?", 1); /* unknown: skipped */
    k += fix_tlv(inner + k, 0xDF22, "A", 1);
    k += fix_tlv(inner + k, 0xDF23, "B", 1);
    k += fix_tlv(inner + k, 0xDF24, FIX_BIRTH, 8);
    k += fix_tlv(inner + k, 0xDF25, "2", 1);
    n = wrap(img, inner, k);
    assert_int_equal(parse_attrs(img, n), MYNA_OK);
}

static void attrs_size_limits(void **s)
{
    (void)s;
    static char name[MYNA_ATTR_MAX + 2];
    memset(name, 'A', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    uint8_t img[2048];
    size_t n = fix_attrs(img, name, FIX_ADDRESS, FIX_BIRTH, FIX_SEX, NULL, NULL);
    assert_int_equal(parse_attrs(img, n), MYNA_E_BAD_DATA);
    name[MYNA_ATTR_MAX] = '\0';
    n = fix_attrs(img, name, FIX_ADDRESS, FIX_BIRTH, FIX_SEX, NULL, NULL);
    assert_int_equal(parse_attrs(img, n), MYNA_OK);
}

/* ---- EF 0001 and 0003 ------------------------------------------------------------------- */

static void number_table(void **s)
{
    (void)s;
    struct {
        const char *what;
        uint8_t b[24];
        size_t n;
        myna_err err;
    } rows[] = {
        {"12 digits",
         {0xFF, 0x10, 0x0C, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '8'},
         15,
         MYNA_OK},
        {"padding after",
         {0xFF, 0x10, 0x0C, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '8', 0xFF, 0xFF},
         17,
         MYNA_OK},
        {"11 digits",
         {0xFF, 0x10, 0x0B, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1'},
         14,
         MYNA_E_BAD_DATA},
        {"letter",
         {0xFF, 0x10, 0x0C, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', 'X'},
         15,
         MYNA_E_BAD_DATA},
        {"wrong tag",
         {0xDF, 0x10, 0x0C, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1', '8'},
         15,
         MYNA_E_BAD_DATA},
        {"cut", {0xFF, 0x10, 0x0C, '1', '2'}, 5, MYNA_E_BAD_DATA},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        myna_attrs *a = myna_attrs_new_empty();
        myna_err e = myna_parse_number(rows[i].b, rows[i].n, a);
        if (e != rows[i].err)
            fail_msg("number %s: got %s", rows[i].what, myna_err_name(e));
        if (e == MYNA_OK)
            assert_string_equal(myna_attrs_number(a), "123456789018");
        myna_attrs_free(a);
    }
}

static void digests_table(void **s)
{
    (void)s;
    uint8_t img[512], num[32], attrs[32] = {0};
    size_t nn = fix_number(num, FIX_NUMBER);
    size_t n = fix_digests(img, num, nn, attrs, sizeof attrs);
    myna_digests d;
    assert_int_equal(myna_parse_digests(img, n, &d), MYNA_OK);
    assert_int_equal(d.signed_len, 70);       /* DF31 (35 bytes) + DF32 (35 bytes) */
    assert_ptr_equal(d.signed_from, img + 5); /* after FF 30 82 01 4B */
    assert_int_equal(d.sig_len, 256);
    for (size_t cut = 0; cut < n; cut++)
        assert_int_equal(myna_parse_digests(img, cut, &d), MYNA_E_BAD_DATA);
    /* a 31-byte digest */
    uint8_t inner[128], md[32] = {0};
    size_t k = fix_tlv(inner, 0xDF31, md, 31);
    k += fix_tlv(inner + k, 0xDF32, md, 32);
    n = fix_tlv(img, 0xFF30, inner, k);
    assert_int_equal(myna_parse_digests(img, n, &d), MYNA_E_BAD_DATA);
    /* a duplicated DF32 */
    k = fix_tlv(inner, 0xDF31, md, 32);
    k += fix_tlv(inner + k, 0xDF32, md, 32);
    k += fix_tlv(inner + k, 0xDF32, md, 32);
    n = fix_tlv(img, 0xFF30, inner, k);
    assert_int_equal(myna_parse_digests(img, n, &d), MYNA_E_BAD_DATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cursor_boundary_table),
        cmocka_unit_test(cursor_null_safe),
        cmocka_unit_test(utf8_table),
        cmocka_unit_test(attrs_every_truncation_is_bad_data),
        cmocka_unit_test(attrs_keep_bytes_and_digest_span),
        cmocka_unit_test(attrs_structure_table),
        cmocka_unit_test(attrs_lying_lengths),
        cmocka_unit_test(attrs_size_limits),
        cmocka_unit_test(number_table),
        cmocka_unit_test(digests_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
