/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-sign.c — signed template bundles: sign, verify, one flipped byte, an added file, a
 * wrong key, an unsigned bundle; the catalogue refuses them; the fingerprint follows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include "form-private.h"
#include "test-support.h"

typedef struct fixture {
    char dir[256];
    char keydir[256];
    char priv[300], pub[300], pub2[300];
} fixture;

static void write_key(const char *priv, const char *pub)
{
    EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
    assert_non_null(k);
    FILE *f = fopen(priv, "w");
    assert_non_null(f);
    assert_int_equal(PEM_write_PrivateKey(f, k, NULL, NULL, 0, NULL, NULL), 1);
    fclose(f);
    f = fopen(pub, "w");
    assert_non_null(f);
    assert_int_equal(PEM_write_PUBKEY(f, k), 1);
    fclose(f);
    EVP_PKEY_free(k);
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/kakanai-sign-XXXXXX");
    snprintf(fx->keydir, sizeof fx->keydir, "/tmp/kakanai-keys-XXXXXX");
    if (mkdtemp(fx->dir) == NULL || mkdtemp(fx->keydir) == NULL)
        return -1;
    ts_copy_dir(getenv("KAKANAI_TEMPLATES"), fx->dir);
    ts_path(fx->priv, sizeof fx->priv, fx->keydir, "priv.pem");
    ts_path(fx->pub, sizeof fx->pub, fx->keydir, "pub.pem");
    ts_path(fx->pub2, sizeof fx->pub2, fx->keydir, "other.pem");
    write_key(fx->priv, fx->pub);
    char other[300];
    ts_path(other, sizeof other, fx->keydir, "otherpriv.pem");
    write_key(other, fx->pub2);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    ts_rmdir(fx->dir);
    ts_rmdir(fx->keydir);
    free(fx);
    return 0;
}

static void expect_refused(fixture *fx, const char *says)
{
    char why[256];
    assert_int_equal(form_bundle_verify(fx->dir, fx->pub, why, sizeof why), FORM_E_SIGNATURE);
    if (strstr(why, says) == NULL)
        fail_msg("\"%s\" does not say \"%s\"", why, says);
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(fx->dir, fx->pub, &c, &d), FORM_E_SIGNATURE);
    assert_null(c);
    assert_int_equal(form_diags_get(d, 0)->err, FORM_E_SIGNATURE);
    assert_non_null(strstr(form_diags_get(d, 0)->message, says));
    form_diags_free(d);
}

static void unsigned_bundle_is_refused(void **state)
{
    expect_refused(*state, "not signed");
}

static void signed_bundle_verifies_and_loads(void **state)
{
    fixture *fx = *state;
    assert_int_equal(form_bundle_sign(fx->dir, fx->priv), FORM_OK);
    char why[256];
    assert_int_equal(form_bundle_verify(fx->dir, fx->pub, why, sizeof why), FORM_OK);
    form_catalog *c = NULL;
    form_diags *d = NULL;
    assert_int_equal(form_catalog_load(fx->dir, fx->pub, &c, &d), FORM_OK);
    form_catalog *shipped = NULL;
    assert_int_equal(form_catalog_load(getenv("KAKANAI_TEMPLATES"), NULL, &shipped, NULL), FORM_OK);
    assert_int_equal(form_catalog_procedure_count(c), form_catalog_procedure_count(shipped));
    form_catalog_free(shipped);
    assert_int_equal(form_diags_count(d), 0);
    form_catalog_free(c);
    form_diags_free(d);
    /* the manifest is sorted and lists every file */
    char path[512];
    ts_path(path, sizeof path, fx->dir, FORM_MANIFEST_NAME);
    char *man = NULL;
    size_t len = 0;
    assert_int_equal(form_read_file(path, 1 << 20, &man, &len), FORM_OK);
    assert_non_null(strstr(man, "  catalog.conf\n"));
    assert_true(strstr(man, "  inkan.form\n") < strstr(man, "  juminhyo.form\n"));
    free(man);
}

static void one_flipped_byte_is_refused(void **state)
{
    fixture *fx = *state;
    assert_int_equal(form_bundle_sign(fx->dir, fx->priv), FORM_OK);
    char path[512];
    ts_path(path, sizeof path, fx->dir, "inkan.form");
    char *text = NULL;
    size_t len = 0;
    assert_int_equal(form_read_file(path, 1 << 20, &text, &len), FORM_OK);
    text[len / 2] ^= 0x01;
    assert_int_equal(ts_write(path, text, len), 0);
    expect_refused(fx, "changed after signing");
    text[len / 2] ^= 0x01; /* restored: accepted again */
    assert_int_equal(ts_write(path, text, len), 0);
    assert_int_equal(form_bundle_verify(fx->dir, fx->pub, NULL, 0), FORM_OK);
    free(text);
}

static void added_file_and_flipped_signature_are_refused(void **state)
{
    fixture *fx = *state;
    assert_int_equal(form_bundle_sign(fx->dir, fx->priv), FORM_OK);
    char path[512];
    ts_path(path, sizeof path, fx->dir, "extra.form");
    assert_int_equal(ts_write(path, "x", 1), 0);
    expect_refused(fx, "added, removed or changed");
    unlink(path);
    /* a manifest edited to match edited files still needs the signature */
    ts_path(path, sizeof path, fx->dir, FORM_SIGNATURE_NAME);
    char *sig = NULL;
    size_t len = 0;
    assert_int_equal(form_read_file(path, 4096, &sig, &len), FORM_OK);
    sig[10] = sig[10] == 'A' ? 'B' : 'A';
    assert_int_equal(ts_write(path, sig, len), 0);
    expect_refused(fx, "does not match");
    free(sig);
}

static void another_key_is_refused(void **state)
{
    fixture *fx = *state;
    assert_int_equal(form_bundle_sign(fx->dir, fx->priv), FORM_OK);
    char why[256];
    assert_int_equal(form_bundle_verify(fx->dir, fx->pub2, why, sizeof why), FORM_E_SIGNATURE);
    assert_non_null(strstr(why, "does not match"));
    assert_int_equal(form_bundle_verify(fx->dir, "/nonexistent.pem", why, sizeof why), FORM_E_SIGNATURE);
    /* a public key is not a signing key */
    assert_int_equal(form_bundle_sign(fx->dir, fx->pub), FORM_E_SIGNATURE);
}

/* NULL arguments are refused, not followed (verify used to read a NULL dir). */
static void null_arguments_are_refused(void **state)
{
    fixture *fx = *state;
    char why[65] = "x";
    assert_int_equal(form_bundle_verify(NULL, fx->pub, why, sizeof why), FORM_E_ARG);
    assert_string_equal(why, "");
    assert_int_equal(form_bundle_sign(NULL, fx->priv), FORM_E_ARG);
    assert_int_equal(form_bundle_sign(fx->dir, NULL), FORM_E_ARG);
    assert_int_equal(form_bundle_verify(fx->dir, NULL, NULL, 0), FORM_E_SIGNATURE);
    assert_int_equal(form_catalog_fingerprint(NULL, why), FORM_E_ARG);
}

static void fingerprint_follows_the_files(void **state)
{
    fixture *fx = *state;
    char a[65], b[65], c[65];
    assert_int_equal(form_catalog_fingerprint(fx->dir, a), FORM_OK);
    assert_int_equal(form_catalog_fingerprint(fx->dir, b), FORM_OK);
    assert_string_equal(a, b);
    assert_int_equal(strlen(a), 64);
    char path[512];
    ts_path(path, sizeof path, fx->dir, "new.form");
    assert_int_equal(ts_write(path, "#", 1), 0);
    assert_int_equal(form_catalog_fingerprint(fx->dir, c), FORM_OK);
    assert_string_not_equal(a, c);
    unlink(path);
    assert_int_equal(form_catalog_fingerprint(fx->dir, c), FORM_OK);
    assert_string_equal(a, c);
    assert_int_equal(form_catalog_fingerprint("/nonexistent-dir", c), FORM_E_IO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(unsigned_bundle_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(signed_bundle_verifies_and_loads, setup, teardown),
        cmocka_unit_test_setup_teardown(one_flipped_byte_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(added_file_and_flipped_signature_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(another_key_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(null_arguments_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(fingerprint_follows_the_files, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
