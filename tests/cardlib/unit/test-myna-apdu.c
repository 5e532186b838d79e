/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-myna-apdu.c — command bytes and the status-word table (63Cx before the table). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "myna-apdu.h"
#include "myna-private.h"

static void status_word_table(void **s)
{
    (void)s;
    static const struct {
        unsigned sw;
        myna_err err;
    } rows[] = {
        {0x9000, MYNA_OK},
        {0x6282, MYNA_OK},
        {0x6281, MYNA_E_BAD_DATA},
        {0x6982, MYNA_E_NOT_VERIFIED},
        {0x6983, MYNA_E_PIN_BLOCKED},
        {0x6984, MYNA_E_PIN_BLOCKED},
        {0x6A82, MYNA_E_CARD},
        {0x6A86, MYNA_E_CARD},
        {0x6B00, MYNA_E_CARD},
        {0x6700, MYNA_E_CARD},
        {0x6D00, MYNA_E_CARD},
        {0x6E00, MYNA_E_CARD},
        {0x6F00, MYNA_E_CARD},
        {0x6985, MYNA_E_CARD},
        {0x6110, MYNA_E_CARD},
        {0x6C10, MYNA_E_CARD},
        {0x63C0, MYNA_E_PIN_BLOCKED},
        {0x63C1, MYNA_E_PIN_LAST_TRY},
        {0x63C2, MYNA_E_PIN_WRONG},
        {0x63C3, MYNA_E_PIN_WRONG},
        {0x63CF, MYNA_E_PIN_WRONG},
        {0x6300, MYNA_E_CARD},
        {0x0000, MYNA_E_CARD},
        {0x1234, MYNA_E_CARD},
        {0xFFFF, MYNA_E_CARD},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        myna_err e = myna_sw_to_err(rows[i].sw);
        if (e != rows[i].err)
            fail_msg("SW %04X: got %s", rows[i].sw, myna_err_name(e));
        assert_non_null(myna_sw_text(rows[i].sw));
    }
}

static void command_bytes(void **s)
{
    (void)s;
    uint8_t cmd[MYNA_APDU_MAX];
    static const uint8_t sel_ap[] = {0x00, 0xA4, 0x04, 0x0C, 0x0A, 0xD3, 0x92, 0x10,
                                     0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};
    assert_int_equal(myna_apdu_select_aid(cmd, myna_aid_kenhojo, MYNA_AID_KENHOJO_LEN), 15);
    assert_memory_equal(cmd, sel_ap, 15);
    static const uint8_t sel_ef[] = {0x00, 0xA4, 0x02, 0x0C, 0x02, 0x00, 0x15};
    assert_int_equal(myna_apdu_select_ef(cmd, 0x0015), 7);
    assert_memory_equal(cmd, sel_ef, 7);
    static const uint8_t query[] = {0x00, 0x20, 0x00, 0x80};
    assert_int_equal(myna_apdu_verify_query(cmd), 4);
    assert_memory_equal(cmd, query, 4);
    static const uint8_t ver[] = {0x00, 0x20, 0x00, 0x80, 0x04, '1', '2', '3', '4'};
    assert_int_equal(myna_apdu_verify(cmd, (const uint8_t *)"1234", 4), 9);
    assert_memory_equal(cmd, ver, 9);
    static const uint8_t rb0[] = {0x00, 0xB0, 0x00, 0x00, 0x00};
    assert_int_equal(myna_apdu_read_binary(cmd, 0, 256), 5);
    assert_memory_equal(cmd, rb0, 5);
    static const uint8_t rb1[] = {0x00, 0xB0, 0x01, 0x00, 0x50};
    assert_int_equal(myna_apdu_read_binary(cmd, 256, 0x50), 5);
    assert_memory_equal(cmd, rb1, 5);
    /* refused inputs build nothing */
    assert_int_equal(myna_apdu_read_binary(cmd, 0x8000, 1), 0); /* would be an SFI */
    assert_int_equal(myna_apdu_read_binary(cmd, 0, 0), 0);
    assert_int_equal(myna_apdu_read_binary(cmd, 0, 257), 0);
    assert_int_equal(myna_apdu_verify(cmd, NULL, 4), 0);
    assert_int_equal(myna_apdu_select_aid(cmd, myna_aid_kenhojo, 17), 0);
    assert_int_equal(myna_sw(NULL, 2), 0);
    assert_int_equal(myna_sw(cmd, 1), 0);
}

static void secure_memory(void **s)
{
    (void)s;
    bool locked = myna_secure_init(1u << 16) == MYNA_OK;
    assert_int_equal(myna_secure_init(1u << 16), locked ? MYNA_OK : MYNA_E_MLOCK);
    uint8_t *p = myna_secure_alloc(32);
    assert_non_null(p);
    for (size_t i = 0; i < 32; i++)
        assert_int_equal(p[i], 0);
    if (locked)
        assert_true(myna_secure_locked(p));
    memcpy(p, "1234", 4);
    assert_int_equal(myna_secure_cmp(p, "1234", 4), 0);
    assert_int_not_equal(myna_secure_cmp(p, "1235", 4), 0);
    assert_int_not_equal(myna_secure_cmp(p, NULL, 4), 0);
    myna_secure_free(p, 32);
    myna_secure_free(NULL, 32);
    assert_false(myna_secure_locked(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(status_word_table),
        cmocka_unit_test(command_bytes),
        cmocka_unit_test(secure_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
