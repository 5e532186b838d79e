/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna-vcard-profile.c — reading a virtual card's JSON profile (keys: tests/profiles/README.md)
 * with json-c, into a myna_vcard_profile in locked memory, and checking it.
 *
 * json-c copies what it parses into its own heap blocks: the tokener's string buffer and one
 * block per string value. The profile holds (fictional) personal data that the privacy tests
 * look for in freed memory, so every such copy is wiped before json-c frees it: the buffer is
 * sized once (it would otherwise leave its smaller predecessors behind when it grows), and
 * the values are wiped before the tree is released, also when parsing stopped half way.
 */
#include "myna-vcard-private.h"

#include "myna-codec-private.h"

#include <json-c/json.h>
#include <json-c/printbuf.h>
#include <openssl/crypto.h>
#include <string.h>

/* Deepest nesting accepted (only "faults" and values under "comment"/"_..." keys nest). */
#define PROFILE_DEPTH_MAX 16

/* ---- field checks ------------------------------------------------------------------------ */

static bool all_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return s[n] == '\0';
}

int myna_vcard_check_digit(const char *first11)
{
    if (!first11)
        return -1;
    for (size_t i = 0; i < 11; i++)
        if (first11[i] < '0' || first11[i] > '9')
            return -1;
    /* P_n: the n-th digit counted from the right of the 11; Q_n = n+1 (n<=6), n-5 (n>=7). */
    int sum = 0;
    for (int n = 1; n <= 11; n++) {
        int p = first11[11 - n] - '0';
        int q = n <= 6 ? n + 1 : n - 5;
        sum += p * q;
    }
    int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
}

static bool valid_date(const char *s)
{
    if (!all_digits(s, 8))
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[4] - '0') * 10 + (s[5] - '0');
    int d = (s[6] - '0') * 10 + (s[7] - '0');
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1850 || y > 2100 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* Strict UTF-8 (myna_utf8_next) without NUL and without U+FFFD: json-c turns a lone surrogate
 * escape ("\ud842") into U+FFFD instead of refusing it, and a card never holds one. Other
 * controls are allowed in a profile. */
static bool valid_text(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        if (s[i] == 0 || !myna_utf8_next(s, n, &i, &cp) || cp == 0xFFFD)
            return false;
    }
    return true;
}

/* ---- members ----------------------------------------------------------------------------- */

enum {
    K_NAME = 1u << 0,
    K_ADDRESS = 1u << 1,
    K_BIRTH = 1u << 2,
    K_SEX = 1u << 3,
    K_NUMBER = 1u << 4,
    K_PIN = 1u << 5,
    K_REQUIRED = K_NAME | K_ADDRESS | K_BIRTH | K_SEX | K_NUMBER | K_PIN,
};

/* A text value into out[cap] (NUL-terminated; *len without the NUL). */
static bool take_text(json_object *v, const char *key, char *out, size_t cap, size_t *len,
                      char **why)
{
    if (!json_object_is_type(v, json_type_string)) {
        myna_vcard_why(why, "profile: \"%s\" must be a string", key);
        return false;
    }
    size_t n = (size_t)json_object_get_string_len(v);
    if (n >= cap) {
        myna_vcard_why(why, "profile: \"%s\" is longer than %zu bytes", key, cap - 1);
        return false;
    }
    memcpy(out, json_object_get_string(v), n);
    out[n] = '\0';
    *len = n;
    if (!valid_text((const uint8_t *)out, n)) {
        myna_vcard_why(why, "profile: \"%s\" is not valid UTF-8 text", key);
        return false;
    }
    return true;
}

/* A fixed-width digit string into out[width + 1]. */
static bool take_digits(json_object *v, const char *key, char *out, size_t width, char **why)
{
    const char *s = json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
    if (s == NULL || (size_t)json_object_get_string_len(v) != width || !all_digits(s, width)) {
        myna_vcard_why(why, "profile: \"%s\" must be a string of %zu digits", key, width);
        return false;
    }
    memcpy(out, s, width + 1);
    return true;
}

static bool take_range(json_object *v, const char *key, long lo, long hi, long *out, char **why)
{
    int64_t x = json_object_is_type(v, json_type_int) ? json_object_get_int64(v) : lo - 1;
    if (x < lo || x > hi) {
        myna_vcard_why(why, "profile: \"%s\" must be an integer %ld..%ld", key, lo, hi);
        return false;
    }
    *out = (long)x;
    return true;
}

static bool take_faults(json_object *faults, myna_vcard_profile *p, char **why)
{
    if (!json_object_is_type(faults, json_type_object)) {
        myna_vcard_why(why, "profile: \"faults\" must be an object");
        return false;
    }
    json_object_object_foreach(faults, key, v)
    {
        bool ok;
        if (strcmp(key, "remove_after_apdus") == 0)
            ok = take_range(v, key, 0, 1000000, &p->remove_after, why);
        else if (strcmp(key, "latency_ms") == 0)
            ok = take_range(v, key, 0, 10000, &p->latency_ms, why);
        else {
            myna_vcard_why(why, "profile: unknown key \"%s\" in \"faults\"", key);
            ok = false;
        }
        if (!ok)
            return false;
    }
    return true;
}

static bool take_member(const char *key, json_object *v, myna_vcard_profile *p, unsigned *seen,
                        char **why)
{
    if (strcmp(key, "name") == 0) {
        *seen |= K_NAME;
        return take_text(v, key, p->name, sizeof p->name, &p->name_len, why);
    }
    if (strcmp(key, "address") == 0) {
        *seen |= K_ADDRESS;
        return take_text(v, key, p->address, sizeof p->address, &p->address_len, why);
    }
    if (strcmp(key, "birth") == 0) {
        *seen |= K_BIRTH;
        return take_digits(v, key, p->birth, 8, why);
    }
    if (strcmp(key, "sex") == 0) {
        *seen |= K_SEX;
        return take_digits(v, key, p->sex, 1, why);
    }
    if (strcmp(key, "my_number") == 0) {
        *seen |= K_NUMBER;
        return take_digits(v, key, p->number, 12, why);
    }
    if (strcmp(key, "pin") == 0) {
        *seen |= K_PIN;
        return take_digits(v, key, p->pin, 4, why);
    }
    if (strcmp(key, "pin_tries") == 0)
        return take_range(v, key, 0, VCARD_PIN_TRIES_MAX, &p->pin_tries, why);
    if (strcmp(key, "expiry_year") == 0)
        return take_digits(v, key, p->expiry_year, 4, why);
    if (strcmp(key, "security_code") == 0)
        return take_digits(v, key, p->security_code, 4, why);
    if (strcmp(key, "checkcode_tries") == 0)
        return take_range(v, key, 0, 10, &p->checkcode_tries, why);
    if (strcmp(key, "number_tries") == 0)
        return take_range(v, key, 0, 10, &p->number_tries, why);
    if (strcmp(key, "faults") == 0)
        return take_faults(v, p, why);
    if (strcmp(key, "kenhojo_ap") == 0) {
        if (!json_object_is_type(v, json_type_boolean)) {
            myna_vcard_why(why, "profile: \"kenhojo_ap\" must be true or false");
            return false;
        }
        p->no_kenhojo = !json_object_get_boolean(v);
        return true;
    }
    if (strcmp(key, "comment") == 0 || key[0] == '_')
        return true;
    myna_vcard_why(why, "profile: unknown key \"%s\"", key);
    return false;
}

static bool profile_check(const myna_vcard_profile *p, unsigned seen, char **why)
{
    unsigned missing = K_REQUIRED & ~seen;
    static const char *const names[] = {"name", "address", "birth", "sex", "my_number", "pin"};
    for (unsigned k = 0; k < 6; k++) {
        if (missing & (1u << k)) {
            myna_vcard_why(why, "profile: missing key \"%s\"", names[k]);
            return false;
        }
    }
    if (p->name_len == 0 || p->address_len == 0) {
        myna_vcard_why(why, "profile: empty %s", p->name_len == 0 ? "name" : "address");
        return false;
    }
    if (!valid_date(p->birth)) {
        myna_vcard_why(why, "profile: \"birth\" is not a date YYYYMMDD");
        return false;
    }
    if (strcmp(p->sex, "1") != 0 && strcmp(p->sex, "2") != 0 && strcmp(p->sex, "9") != 0) {
        myna_vcard_why(why, "profile: \"sex\" must be \"1\", \"2\" or \"9\" (ISO 5218)");
        return false;
    }
    if (myna_vcard_check_digit(p->number) != p->number[11] - '0') {
        myna_vcard_why(why, "profile: \"my_number\" has a wrong check digit");
        return false;
    }
    return true;
}

/* ---- json-c without traces --------------------------------------------------------------- */

/* Wipe every string value in a json-c tree (before it is released). */
static void wipe_tree(json_object *o)
{
    switch (json_object_get_type(o)) {
    case json_type_string:
        OPENSSL_cleanse((char *)json_object_get_string(o), (size_t)json_object_get_string_len(o));
        break;
    case json_type_object: {
        json_object_object_foreach(o, key, v)
        {
            (void)key;
            wipe_tree(v);
        }
        break;
    }
    case json_type_array:
        for (size_t i = 0; i < json_object_array_length(o); i++)
            wipe_tree(json_object_array_get_idx(o, i));
        break;
    default:
        break;
    }
}

/* Release a tokener after wiping what it still holds: the values of a parse that stopped half
 * way (json-c 0.16 keeps them on its published, deprecated stack until it is reset) and its
 * string buffer. */
static void tokener_free_wiped(struct json_tokener *tok)
{
    for (int d = 0; d <= tok->depth && d < tok->max_depth; d++)
        wipe_tree(tok->stack[d].current);
    OPENSSL_cleanse(tok->pb->buf, (size_t)tok->pb->size);
    json_tokener_free(tok);
}

static myna_err parse(const char *json, size_t len, json_object **root, char **why)
{
    *root = NULL;
    struct json_tokener *tok = json_tokener_new_ex(PROFILE_DEPTH_MAX);
    /* one buffer large enough for any string of the text: it never grows (and never leaves a
     * copy in a freed block) */
    if (tok == NULL || printbuf_memset(tok->pb, 0, 0, (int)len + 1) < 0) {
        if (tok != NULL)
            json_tokener_free(tok);
        return MYNA_E_NOMEM;
    }
    printbuf_reset(tok->pb);
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
    json_object *o = json_tokener_parse_ex(tok, json, (int)len);
    enum json_tokener_error err = json_tokener_get_error(tok);
    if (o == NULL || err != json_tokener_success) {
        if (err == json_tokener_success || err == json_tokener_continue)
            myna_vcard_why(why, "profile: unexpected end of the text");
        else
            myna_vcard_why(why, "profile: %s at byte %zu", json_tokener_error_desc(err),
                           json_tokener_get_parse_end(tok));
        if (o != NULL) {
            wipe_tree(o);
            json_object_put(o);
        }
        tokener_free_wiped(tok);
        return MYNA_E_PROFILE;
    }
    tokener_free_wiped(tok);
    *root = o;
    return MYNA_OK;
}

myna_err myna_vcard_profile_read(const char *json, size_t len, myna_vcard_profile *p, char **why)
{
    memset(p, 0, sizeof *p);
    p->pin_tries = VCARD_PIN_TRIES_MAX;
    p->checkcode_tries = 3;
    p->number_tries = 3;
    memcpy(p->expiry_year, "2035", 5);
    memcpy(p->security_code, "0000", 5);

    json_object *root = NULL;
    myna_err rc = parse(json, len, &root, why);
    if (rc != MYNA_OK)
        return rc;
    rc = MYNA_E_PROFILE;
    if (!json_object_is_type(root, json_type_object)) {
        myna_vcard_why(why, "profile: not a JSON object");
    } else {
        unsigned seen = 0;
        bool ok = true;
        json_object_object_foreach(root, key, v)
        {
            if (!take_member(key, v, p, &seen, why)) {
                ok = false;
                break;
            }
        }
        if (ok && profile_check(p, seen, why))
            rc = MYNA_OK;
    }
    wipe_tree(root);
    json_object_put(root);
    return rc;
}
