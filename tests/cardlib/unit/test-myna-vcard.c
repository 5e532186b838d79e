/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-myna-vcard.c — the library against the in-process virtual card (the vcard developer's
 * model): every fictional profile read byte for byte, APDU counts, PIN safety on a blocked
 * card, 照合番号B, removal at every APDU. PROFILE_DIR is tests/profiles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "myna-vcard.h"
#include "myna.h"

static const char *profiles[] = {
    "yoshida-taro",   "katsuragi-ivs",         "nguyen-van-an", "sato-hanako-katagaki",
    "takahashi-saki", "williamson-fitzgerald", "one-try-left",
};

static const char *jstr(json_object *o, const char *key)
{
    json_object *v = NULL;
    return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : NULL;
}

static myna_vcard *load(const char *name, json_object **json)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.json", PROFILE_DIR, name);
    myna_vcard *vc = NULL;
    char *why = NULL;
    myna_err e = myna_vcard_load(path, &vc, &why);
    if (e != MYNA_OK)
        fail_msg("%s: %s", path, why != NULL ? why : myna_err_name(e));
    *json = json_object_from_file(path);
    assert_non_null(*json);
    return vc;
}

static myna_card *open_card(myna_vcard *vc)
{
    myna_transport *t = NULL;
    assert_int_equal(myna_vcard_transport_new(vc, &t), MYNA_OK);
    myna_card *c = NULL;
    assert_int_equal(myna_card_open(t, &c), MYNA_OK);
    return c;
}

/* Every profile, attributes + number + digests, byte for byte; APDUs counted. */
static void every_profile_reads_exactly(void **s)
{
    (void)s;
    for (size_t i = 0; i < sizeof profiles / sizeof profiles[0]; i++) {
        json_object *j;
        myna_vcard *vc = load(profiles[i], &j);
        myna_card *c = open_card(vc);
        const char *pin = jstr(j, "pin");
        int tries;
        assert_int_equal(myna_card_pin_tries(c, &tries), MYNA_OK);
        assert_true(tries > 0);
        assert_int_equal(myna_card_verify_pin(c, pin, strlen(pin)), MYNA_OK);
        unsigned before = myna_card_apdu_count(c);
        assert_int_equal(before, 4);
        myna_attrs *a = NULL;
        myna_err e = myna_card_read_attrs(c, MYNA_READ_NUMBER | MYNA_READ_VERIFY, &a);
        if (e != MYNA_OK)
            fail_msg("%s: %s (SW %04X)", profiles[i], myna_err_name(e), myna_card_last_sw(c));
        assert_string_equal(myna_attrs_name(a), jstr(j, "name"));
        assert_string_equal(myna_attrs_address(a), jstr(j, "address"));
        assert_string_equal(myna_attrs_birth(a), jstr(j, "birth"));
        assert_string_equal(myna_attrs_sex(a), jstr(j, "sex"));
        assert_string_equal(myna_attrs_number(a), jstr(j, "my_number"));
        assert_true(myna_attrs_verified(a));
        /* SELECT 0002 + 1..3 READ (+1 when the card answers 6Cxx), SELECT 0001 + READ,
         * SELECT 0003 + 2 READ */
        unsigned reads = myna_card_apdu_count(c) - before;
        printf("# %-22s %u APDUs for attributes + number + digests\n", profiles[i], reads);
        assert_true(reads >= 7 && reads <= 9);
        myna_attrs_free(a);
        myna_card_free(c);
        myna_vcard_free(vc);
        json_object_put(j);
    }
}

/* The session the kiosk runs: 4 APDUs to verify, then the attributes alone. */
static void attributes_only_apdu_count(void **s)
{
    (void)s;
    json_object *j;
    myna_vcard *vc = load("yoshida-taro", &j);
    myna_card *c = open_card(vc);
    assert_int_equal(myna_card_verify_pin(c, "1234", 4), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_OK);
    printf("# attributes only: %u APDUs in all\n", myna_card_apdu_count(c));
    assert_true(myna_card_apdu_count(c) <= 7);
    myna_vcard_stats st;
    myna_vcard_get_stats(vc, &st);
    assert_int_equal(st.verify_with_data, 1);
    assert_int_equal(st.verify_empty, 1);
    myna_attrs_free(a);
    myna_card_free(c);
    myna_vcard_free(vc);
    json_object_put(j);
}

static char *read_text(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[8192];
    *len = fread(buf, 1, sizeof buf - 1, fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

/* With the virtual card's (fictional) signing key the signature DF33 is checked too; another
 * key makes the read fail with MYNA_E_AUTH_DATA. */
static void signature_checked_with_the_signer_key(void **s)
{
    (void)s;
    size_t len;
    const char *pem = read_text(PROFILE_DIR "/vcard-signing-key.pub.pem", &len);
    json_object *j;
    myna_vcard *vc = load("takahashi-saki", &j);
    myna_card *c = open_card(vc);
    assert_int_equal(myna_card_set_signer_key(c, "not a key", 9), MYNA_E_ARG);
    assert_int_equal(myna_card_set_signer_key(c, pem, len), MYNA_OK);
    const char *pin = jstr(j, "pin");
    assert_int_equal(myna_card_verify_pin(c, pin, strlen(pin)), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, MYNA_READ_VERIFY, &a), MYNA_OK);
    assert_true(myna_attrs_verified(a));
    assert_true(myna_attrs_signed(a));
    myna_attrs_free(a);
    /* without MYNA_READ_VERIFY nothing is checked */
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_OK);
    assert_false(myna_attrs_signed(a));
    myna_attrs_free(a);
    /* another key: an EC key made here */
    static const char other[] = "-----BEGIN PUBLIC KEY-----\n"
                                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQ+YwMhYlnPr/mGiy3WLqO2PbZxsV\n"
                                "CC7h20pr7fDmwjbck/rJZEDlGTbvDuRsSQj8mzmPtJLDsblQaEYQkzdJCA==\n"
                                "-----END PUBLIC KEY-----\n";
    assert_int_equal(myna_card_set_signer_key(c, other, sizeof other - 1), MYNA_OK);
    assert_int_equal(myna_card_read_attrs(c, MYNA_READ_VERIFY, &a), MYNA_E_AUTH_DATA);
    assert_null(a);
    assert_int_equal(myna_card_set_signer_key(c, NULL, 0), MYNA_OK);
    myna_card_free(c);
    myna_vcard_free(vc);
    json_object_put(j);
}

static void blocked_card_never_sees_the_pin(void **s)
{
    (void)s;
    json_object *j;
    myna_vcard *vc = load("blocked", &j);
    myna_card *c = open_card(vc);
    assert_int_equal(myna_card_verify_pin(c, "7777", 4), MYNA_E_PIN_BLOCKED);
    assert_int_equal(myna_card_verify_pin(c, "7777", 4), MYNA_E_PIN_BLOCKED);
    myna_vcard_stats st;
    myna_vcard_get_stats(vc, &st);
    assert_int_equal(st.verify_with_data, 0);
    /* 照合番号B still works: birth YYMMDD + expiry year + security code */
    assert_int_equal(myna_card_verify_checkcode_b(c, "58070720342236", 14), MYNA_OK);
    myna_attrs *a = NULL;
    assert_int_equal(myna_card_read_attrs(c, 0, &a), MYNA_OK);
    assert_string_equal(myna_attrs_birth(a), "19580707");
    myna_attrs_free(a);
    myna_card_free(c);
    myna_vcard_free(vc);
    json_object_put(j);
}

static void wrong_pins_count_down(void **s)
{
    (void)s;
    json_object *j;
    myna_vcard *vc = load("one-try-left", &j);
    myna_card *c = open_card(vc);
    int tries;
    assert_int_equal(myna_card_pin_tries(c, &tries), MYNA_OK);
    assert_int_equal(tries, 1);
    const char *pin = jstr(j, "pin");
    char wrong[5] = "0000";
    if (strcmp(pin, wrong) == 0)
        wrong[0] = '1';
    assert_int_equal(myna_card_verify_pin(c, wrong, 4), MYNA_E_PIN_BLOCKED);
    assert_int_equal(myna_card_tries_left(c), 0);
    assert_int_equal(myna_card_verify_pin(c, pin, 4), MYNA_E_PIN_BLOCKED);
    myna_vcard_stats st;
    myna_vcard_get_stats(vc, &st);
    assert_int_equal(st.verify_with_data, 1);
    myna_card_free(c);
    myna_vcard_free(vc);
    json_object_put(j);
}

/* Pull the card after each APDU of a full session: always CARD_REMOVED, never a crash. */
/* Bad arguments leave no stale handle behind in *out (the myna.h convention). */
static void transport_new_clears_out_on_bad_arguments(void **s)
{
    (void)s;
    myna_transport *t = (myna_transport *)&t;
    assert_int_equal(myna_vcard_transport_new(NULL, &t), MYNA_E_ARG);
    assert_null(t);
    assert_int_equal(myna_vcard_transport_new(NULL, NULL), MYNA_E_ARG);
}

static void removed_at_every_apdu(void **s)
{
    (void)s;
    for (int pull = 1; pull <= 11; pull++) {
        json_object *j;
        myna_vcard *vc = load("katsuragi-ivs", &j);
        myna_transport *t = NULL;
        assert_int_equal(myna_vcard_transport_new(vc, &t), MYNA_OK);
        /* pull the card once `pull` APDUs have been answered: a trace callback counts */
        myna_card *c = NULL;
        myna_err e = myna_card_open(t, &c);
        int step = 1;
        if (e == MYNA_OK) {
            if (pull == step++)
                myna_vcard_set_present(vc, false);
            int tries;
            e = myna_card_pin_tries(c, &tries);
        }
        if (e == MYNA_OK) {
            if (pull <= 3)
                myna_vcard_set_present(vc, false);
            e = myna_card_verify_pin(c, jstr(j, "pin"), 4);
        }
        myna_attrs *a = NULL;
        if (e == MYNA_OK) {
            if (pull > 3)
                myna_vcard_set_present(vc, false);
            e = myna_card_read_attrs(c, MYNA_READ_NUMBER | MYNA_READ_VERIFY, &a);
        }
        assert_int_equal(e, MYNA_E_CARD_REMOVED);
        assert_null(a);
        myna_card_free(c);
        myna_vcard_free(vc);
        json_object_put(j);
    }
}

static int setup(void **s)
{
    (void)s;
    (void)myna_secure_init(1u << 20);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_profile_reads_exactly),
        cmocka_unit_test(attributes_only_apdu_count),
        cmocka_unit_test(signature_checked_with_the_signer_key),
        cmocka_unit_test(blocked_card_never_sees_the_pin),
        cmocka_unit_test(wrong_pins_count_down),
        cmocka_unit_test(removed_at_every_apdu),
        cmocka_unit_test(transport_new_clears_out_on_bad_arguments),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
