/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-card.c — the Kenhojo AP: select, tries, VERIFY, read the attributes (see myna.h and
 * cardlib/README.md for the exact APDU sequence and the safety rules).
 *
 * Safety rules enforced here, in this order, before any VERIFY with data:
 *   1. the PIN (or 照合番号B) has the right format, else nothing is sent;
 *   2. the tries left are known (asked with VERIFY without data, which spends none);
 *   3. a blocked reference (0 tries) gets nothing;
 *   4. exactly one VERIFY is sent; whatever happens (wrong PIN, transport error, card
 *      pulled) it is never sent again by the library.
 * Every buffer that held the PIN or card data is locked memory and wiped on every path. */
#include "myna.h"

#include "myna-apdu.h"
#include "myna-card-private.h"
#include "myna-private.h"
#include "myna-tlv.h"
#include "myna-transport-private.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <stdlib.h>
#include <string.h>

enum ref { REF_PIN = 0, REF_B = 1, REF_COUNT };

static const unsigned ref_ef[REF_COUNT] = {MYNA_EF_PIN, MYNA_EF_CHECKCODE_B};
static const size_t ref_len[REF_COUNT] = {MYNA_PIN_LEN, MYNA_CHECKCODE_B_LEN};

struct myna_card {
    myna_transport *t;
    uint8_t *io;          /* locked response buffer, MYNA_RESP_MAX bytes */
    unsigned cur_ef;      /* currently selected EF, 0 = none known */
    int tries[REF_COUNT]; /* -1 unknown */
    enum ref last_ref;
    bool verified;
    unsigned last_sw;
    EVP_PKEY *signer; /* optional key for DF33 (myna_card_set_signer_key) */
};

struct myna_attrs {
    char *name, *address, *birth, *sex, *number;        /* locked, NUL-terminated */
    size_t name_n, address_n, birth_n, sex_n, number_n; /* allocation sizes */
    bool verified;
    bool signed_ok;
};

/* One exchange on the card's locked io buffer; *n = response length. */
static myna_err card_xfer(myna_card *c, const uint8_t *cmd, size_t clen, size_t *n)
{
    myna_wipe(c->io, MYNA_RESP_MAX);
    *n = MYNA_RESP_MAX;
    myna_err e = myna_transport_transmit(c->t, cmd, clen, c->io, n);
    if (e != MYNA_OK) {
        c->cur_ef = 0; /* after a failure nothing is known about the card's state */
        return e;
    }
    c->last_sw = myna_sw(c->io, *n);
    return MYNA_OK;
}

static myna_err select_ef(myna_card *c, unsigned ef)
{
    if (c->cur_ef == ef)
        return MYNA_OK; /* still selected: no APDU */
    uint8_t cmd[MYNA_APDU_MAX];
    size_t n, clen = myna_apdu_select_ef(cmd, ef);
    myna_err e = card_xfer(c, cmd, clen, &n);
    if (e != MYNA_OK)
        return e;
    if (c->last_sw != 0x9000)
        return myna_sw_to_err(c->last_sw) == MYNA_OK ? MYNA_E_CARD : myna_sw_to_err(c->last_sw);
    c->cur_ef = ef;
    return MYNA_OK;
}

myna_err myna_card_open(myna_transport *t, myna_card **out)
{
    if (out != NULL)
        *out = NULL;
    if (t == NULL || out == NULL) {
        myna_transport_free(t);
        return MYNA_E_ARG;
    }
    myna_card *c = calloc(1, sizeof *c);
    if (c == NULL) {
        myna_transport_free(t);
        return MYNA_E_NOMEM;
    }
    c->t = t;
    c->tries[REF_PIN] = c->tries[REF_B] = -1;
    c->io = myna_secure_alloc(MYNA_RESP_MAX);
    if (c->io == NULL) {
        myna_card_free(c);
        return MYNA_E_NOMEM;
    }
    uint8_t cmd[MYNA_APDU_MAX];
    size_t n, clen = myna_apdu_select_aid(cmd, myna_aid_kenhojo, MYNA_AID_KENHOJO_LEN);
    myna_err e = card_xfer(c, cmd, clen, &n);
    if (e == MYNA_OK && c->last_sw != 0x9000) {
        unsigned sw = c->last_sw;
        /* not found / not supported: some other card */
        e = (sw == 0x6A82 || sw == 0x6A86 || sw == 0x6A81 || sw == 0x6D00 || sw == 0x6E00 ||
             sw == 0x6999)
                ? MYNA_E_NOT_MYNA
                : MYNA_E_CARD;
    }
    if (e != MYNA_OK) {
        myna_card_free(c);
        return e;
    }
    *out = c;
    return MYNA_OK;
}

void myna_card_free(myna_card *c)
{
    if (c == NULL)
        return;
    myna_secure_free(c->io, MYNA_RESP_MAX);
    myna_transport_free(c->t);
    EVP_PKEY_free(c->signer);
    free(c);
}

int myna_card_tries_left(const myna_card *c)
{
    return c != NULL ? c->tries[c->last_ref] : -1;
}

bool myna_card_verified(const myna_card *c)
{
    return c != NULL && c->verified;
}

unsigned myna_card_last_sw(const myna_card *c)
{
    return c != NULL ? c->last_sw : 0;
}

unsigned myna_card_apdu_count(const myna_card *c)
{
    return c != NULL ? myna_transport_apdu_count(c->t) : 0;
}

/* VERIFY without data on the reference's EF. 9000 means already verified on this card
 * session (tries unknown: -1). */
static myna_err query_tries(myna_card *c, enum ref r, int *tries)
{
    c->last_ref = r;
    myna_err e = select_ef(c, ref_ef[r]);
    if (e != MYNA_OK)
        return e;
    uint8_t cmd[8];
    size_t n, clen = myna_apdu_verify_query(cmd);
    e = card_xfer(c, cmd, clen, &n);
    if (e != MYNA_OK)
        return e;
    unsigned sw = c->last_sw;
    if ((sw & 0xFFF0) == 0x63C0) {
        c->tries[r] = (int)(sw & 0x0F);
    } else if (sw == 0x6983 || sw == 0x6984) {
        c->tries[r] = 0;
    } else if (sw == 0x9000) {
        c->tries[r] = -1;
        c->verified = true;
    } else {
        return myna_sw_to_err(sw) == MYNA_OK ? MYNA_E_CARD : myna_sw_to_err(sw);
    }
    *tries = c->tries[r];
    return MYNA_OK;
}

static bool all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Steps 2 and 3, then the reference's EF selected: ready for exactly one VERIFY. *done is
 * true when the card says it is verified already (nothing is to be sent). */
static myna_err verify_begin(myna_card *c, enum ref r, bool *done)
{
    *done = false;
    c->last_ref = r;
    /* 2. tries known, or asked without spending one */
    if (c->tries[r] < 0) {
        int tries;
        myna_err e = query_tries(c, r, &tries);
        if (e != MYNA_OK)
            return e;
        if (c->verified && c->last_sw == 0x9000) {
            *done = true; /* the card says it is verified already: no PIN sent */
            return MYNA_OK;
        }
    }
    /* 3. a blocked card gets nothing */
    if (c->tries[r] == 0)
        return MYNA_E_PIN_BLOCKED;
    return select_ef(c, ref_ef[r]);
}

/* The card's answer to the one VERIFY. */
static myna_err verify_end(myna_card *c, enum ref r, unsigned sw)
{
    c->last_sw = sw;
    if (sw == 0x9000) {
        c->verified = true;
        return MYNA_OK;
    }
    if ((sw & 0xFFF0) == 0x63C0)
        c->tries[r] = (int)(sw & 0x0F);
    else if (sw == 0x6983 || sw == 0x6984)
        c->tries[r] = 0;
    myna_err e = myna_sw_to_err(sw);
    return e == MYNA_OK ? MYNA_E_CARD : e;
}

static myna_err verify_ref(myna_card *c, enum ref r, const char *secret, size_t len)
{
    /* 1. format: nothing is sent for a malformed PIN */
    if (c == NULL)
        return MYNA_E_ARG;
    if (secret == NULL || len != ref_len[r] || !all_digits(secret, len))
        return MYNA_E_PIN_FORMAT;
    bool done;
    myna_err e = verify_begin(c, r, &done);
    if (e != MYNA_OK || done)
        return e;
    /* 4. one VERIFY from locked memory, wiped right after */
    uint8_t *cmd = myna_secure_alloc(MYNA_APDU_MAX);
    if (cmd == NULL)
        return MYNA_E_NOMEM;
    size_t n, clen = myna_apdu_verify(cmd, (const uint8_t *)secret, len);
    /* whatever comes back, the tries are unknown until the card says otherwise */
    c->tries[r] = -1;
    e = card_xfer(c, cmd, clen, &n);
    myna_secure_free(cmd, MYNA_APDU_MAX);
    if (e != MYNA_OK)
        return e; /* never retried: the caller decides, after asking the tries again */
    return verify_end(c, r, c->last_sw);
}

myna_transport *myna_card_transport(myna_card *c)
{
    return c != NULL ? c->t : NULL;
}

myna_err myna_card_pin_begin(myna_card *c, bool *done)
{
    return verify_begin(c, REF_PIN, done);
}

void myna_card_pin_sent(myna_card *c)
{
    c->tries[REF_PIN] = -1;
}

myna_err myna_card_pin_end(myna_card *c, unsigned sw)
{
    return verify_end(c, REF_PIN, sw);
}

myna_err myna_card_pin_tries(myna_card *c, int *tries)
{
    if (c == NULL || tries == NULL)
        return MYNA_E_ARG;
    return query_tries(c, REF_PIN, tries);
}

myna_err myna_card_verify_pin(myna_card *c, const char *pin, size_t len)
{
    return verify_ref(c, REF_PIN, pin, len);
}

myna_err myna_card_checkcode_b_tries(myna_card *c, int *tries)
{
    if (c == NULL || tries == NULL)
        return MYNA_E_ARG;
    return query_tries(c, REF_B, tries);
}

myna_err myna_card_verify_checkcode_b(myna_card *c, const char *code, size_t len)
{
    return verify_ref(c, REF_B, code, len);
}

/* ---- reading EFs --------------------------------------------------------------------- */

/* Read the first TLV element of an EF into locked memory with the fewest READ BINARYs:
 * one with Le = first_le (00 = 256 bytes, or the whole EF when the card returns a shorter
 * file with 9000/6282; a card that answers 6Cxx gets one resend with its Le), then only if
 * the element's header says it is longer, the rest. *buf (locked, MYNA_EF_MAX bytes) holds *len
 * bytes: the element plus any padding the card returned after it. */
static myna_err read_ef(myna_card *c, unsigned ef, unsigned first_le, uint8_t **buf, size_t *len)
{
    *buf = NULL;
    *len = 0;
    myna_err e = select_ef(c, ef);
    if (e != MYNA_OK)
        return e;
    uint8_t *b = myna_secure_alloc(MYNA_EF_MAX);
    if (b == NULL)
        return MYNA_E_NOMEM;
    size_t have = 0, need = 0;
    bool know = false;
    for (int round = 0; round < (int)(MYNA_EF_MAX / 256) + 1; round++) {
        unsigned le = round == 0 ? first_le : 256;
        if (know) {
            if (have >= need)
                break;
            le = need - have < 256 ? (unsigned)(need - have) : 256;
        }
        uint8_t cmd[8];
        size_t n, clen = myna_apdu_read_binary(cmd, (unsigned)have, le);
        if (clen == 0) {
            e = MYNA_E_BAD_DATA;
            goto fail;
        }
        e = card_xfer(c, cmd, clen, &n);
        if (e != MYNA_OK)
            goto fail;
        unsigned sw = c->last_sw;
        if (sw != 0x9000 && sw != 0x6282) {
            e = myna_sw_to_err(sw);
            if (e == MYNA_OK)
                e = MYNA_E_CARD;
            goto fail;
        }
        size_t got = n - 2;
        if (got > MYNA_EF_MAX - have) {
            e = MYNA_E_BAD_DATA;
            goto fail;
        }
        memcpy(b + have, c->io, got);
        myna_wipe(c->io, MYNA_RESP_MAX);
        have += got;
        if (!know) {
            e = myna_tlv_peek_total(b, have, &need);
            if (e == MYNA_E_ARG) {
                e = MYNA_E_BAD_DATA; /* even 256 bytes do not hold the header */
                goto fail;
            }
            if (e != MYNA_OK)
                goto fail;
            if (need > MYNA_EF_MAX) {
                e = MYNA_E_BAD_DATA;
                goto fail;
            }
            know = true;
        }
        if (have >= need)
            break;
        if (got == 0 || sw == 0x6282) {
            e = MYNA_E_BAD_DATA; /* the EF ends before the element does */
            goto fail;
        }
    }
    if (!know || have < need) {
        e = MYNA_E_BAD_DATA;
        goto fail;
    }
    *buf = b;
    *len = have;
    return MYNA_OK;
fail:
    myna_wipe(c->io, MYNA_RESP_MAX); /* a refused answer may still have carried card data */
    myna_secure_free(b, MYNA_EF_MAX);
    return e;
}

/* Copy a validated value into a locked NUL-terminated string. */
static myna_err dup_str(const uint8_t *v, size_t len, char **out, size_t *alloc)
{
    *out = myna_secure_alloc(len + 1);
    if (*out == NULL)
        return MYNA_E_NOMEM;
    memcpy(*out, v, len);
    (*out)[len] = '\0';
    *alloc = len + 1;
    return MYNA_OK;
}

static bool valid_birth(const uint8_t *v, size_t len)
{
    if (len != 8 || !all_digits((const char *)v, len))
        return false;
    int month = (v[4] - '0') * 10 + (v[5] - '0');
    int day = (v[6] - '0') * 10 + (v[7] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static bool valid_sex(const uint8_t *v, size_t len)
{
    return len == 1 && (v[0] == '1' || v[0] == '2' || v[0] == '9');
}

/* Parse EF 0002 (FF 20 { DF21 header, DF22 name, DF23 address, DF24 birth, DF25 sex }).
 * Each inner tag exactly once; unknown inner tags are skipped (bounds-checked all the same).
 * *digested / *dlen: the bytes the card's DF32 digest covers (every element after DF21). */
myna_err myna_parse_attrs(const uint8_t *buf, size_t len, myna_attrs *a, const uint8_t **digested,
                          size_t *dlen)
{
    myna_tlv_cur cur, in;
    myna_tlv outer, el;
    myna_tlv_init(&cur, buf, len);
    if (myna_tlv_next(&cur, &outer) != MYNA_OK || outer.tag != MYNA_TAG_ATTRS || !outer.constructed)
        return MYNA_E_BAD_DATA;
    const uint8_t *val[5] = {NULL};
    size_t vlen[5] = {0};
    const uint8_t *after_header = NULL;
    myna_tlv_enter(&outer, &in);
    while (in.left > 0) {
        if (myna_tlv_next(&in, &el) != MYNA_OK)
            return MYNA_E_BAD_DATA;
        if (el.tag < MYNA_TAG_HEADER || el.tag > MYNA_TAG_SEX)
            continue;
        size_t k = el.tag - MYNA_TAG_HEADER;
        if (val[k] != NULL || el.constructed)
            return MYNA_E_BAD_DATA; /* duplicated or wrongly constructed */
        val[k] = el.val;
        vlen[k] = el.len;
        if (k == 0)
            after_header = el.start + el.total;
    }
    for (size_t k = 0; k < 5; k++)
        if (val[k] == NULL)
            return MYNA_E_BAD_DATA; /* missing */
    if (vlen[1] == 0 || vlen[1] > MYNA_ATTR_MAX || !myna_utf8_valid(val[1], vlen[1]))
        return MYNA_E_BAD_DATA;
    if (vlen[2] == 0 || vlen[2] > MYNA_ATTR_MAX || !myna_utf8_valid(val[2], vlen[2]))
        return MYNA_E_BAD_DATA;
    if (!valid_birth(val[3], vlen[3]) || !valid_sex(val[4], vlen[4]))
        return MYNA_E_BAD_DATA;
    myna_err e;
    if ((e = dup_str(val[1], vlen[1], &a->name, &a->name_n)) != MYNA_OK ||
        (e = dup_str(val[2], vlen[2], &a->address, &a->address_n)) != MYNA_OK ||
        (e = dup_str(val[3], vlen[3], &a->birth, &a->birth_n)) != MYNA_OK ||
        (e = dup_str(val[4], vlen[4], &a->sex, &a->sex_n)) != MYNA_OK)
        return e;
    *digested = after_header;
    *dlen = (size_t)(outer.val + outer.len - after_header);
    return MYNA_OK;
}

/* EF 0001: FF 10 0C <12 ASCII digits>. */
myna_err myna_parse_number(const uint8_t *buf, size_t len, myna_attrs *a)
{
    myna_tlv_cur cur;
    myna_tlv el;
    myna_tlv_init(&cur, buf, len);
    if (myna_tlv_next(&cur, &el) != MYNA_OK || el.tag != MYNA_TAG_NUMBER || el.len != 12 ||
        !all_digits((const char *)el.val, el.len))
        return MYNA_E_BAD_DATA;
    return dup_str(el.val, el.len, &a->number, &a->number_n);
}

/* EF 0003: FF 30 { DF31 SHA-256 of EF 0001, DF32 SHA-256 of the attributes, DF33 sig }. */
myna_err myna_parse_digests(const uint8_t *buf, size_t len, myna_digests *d)
{
    myna_tlv_cur cur, in;
    myna_tlv outer, el;
    memset(d, 0, sizeof *d);
    const uint8_t *df31_end = NULL;
    myna_tlv_init(&cur, buf, len);
    if (myna_tlv_next(&cur, &outer) != MYNA_OK || outer.tag != MYNA_TAG_DIGESTS ||
        !outer.constructed)
        return MYNA_E_BAD_DATA;
    myna_tlv_enter(&outer, &in);
    while (in.left > 0) {
        if (myna_tlv_next(&in, &el) != MYNA_OK)
            return MYNA_E_BAD_DATA;
        if (el.tag == MYNA_TAG_DIGEST_NUMBER) {
            if (d->number != NULL || el.len != 32)
                return MYNA_E_BAD_DATA;
            d->number = el.val;
            d->signed_from = el.start;
            df31_end = el.start + el.total;
        } else if (el.tag == MYNA_TAG_DIGEST_ATTRS) {
            if (d->attrs != NULL || el.len != 32)
                return MYNA_E_BAD_DATA;
            d->attrs = el.val;
            if (df31_end == el.start)
                d->signed_len = (size_t)(el.start + el.total - d->signed_from);
        } else if (el.tag == MYNA_TAG_SIGNATURE) {
            if (d->sig != NULL || el.len == 0)
                return MYNA_E_BAD_DATA;
            d->sig = el.val;
            d->sig_len = el.len;
        }
    }
    return d->number != NULL && d->attrs != NULL ? MYNA_OK : MYNA_E_BAD_DATA;
}

static bool signature_ok(EVP_PKEY *key, const uint8_t *data, size_t len, const uint8_t *sig,
                         size_t sig_len)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    EVP_PKEY_CTX *pctx = NULL;
    bool ok = md != NULL && EVP_DigestVerifyInit(md, &pctx, EVP_sha256(), NULL, key) == 1 &&
              (EVP_PKEY_base_id(key) != EVP_PKEY_RSA ||
               EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1) &&
              EVP_DigestVerify(md, sig, sig_len, data, len) == 1;
    EVP_MD_CTX_free(md);
    ERR_clear_error();
    return ok;
}

myna_err myna_card_set_signer_key(myna_card *c, const char *pem, size_t len)
{
    if (c == NULL || (pem == NULL && len > 0) || len > 16384)
        return MYNA_E_ARG;
    EVP_PKEY_free(c->signer);
    c->signer = NULL;
    if (pem == NULL)
        return MYNA_OK;
    BIO *bio = BIO_new_mem_buf(pem, (int)len);
    if (bio == NULL)
        return MYNA_E_NOMEM;
    c->signer = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
    BIO_free(bio);
    ERR_clear_error();
    return c->signer != NULL ? MYNA_OK : MYNA_E_ARG;
}

static bool sha256_equals(const uint8_t *data, size_t len, const uint8_t *want)
{
    uint8_t md[32];
    unsigned mdlen = 0;
    bool ok = EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) == 1 && mdlen == 32 &&
              myna_secure_cmp(md, want, 32) == 0;
    myna_wipe(md, sizeof md);
    return ok;
}

myna_err myna_card_read_attrs(myna_card *c, unsigned flags, myna_attrs **out)
{
    if (out != NULL)
        *out = NULL;
    if (c == NULL || out == NULL || (flags & ~(unsigned)(MYNA_READ_NUMBER | MYNA_READ_VERIFY)))
        return MYNA_E_ARG;
    myna_attrs *a = myna_attrs_new_empty();
    if (a == NULL)
        return MYNA_E_NOMEM;
    uint8_t *attrs = NULL, *num = NULL, *dig = NULL;
    size_t attrs_n = 0, num_n = 0, dig_n = 0;
    const uint8_t *digested = NULL;
    size_t dlen = 0;
    myna_err e = read_ef(c, MYNA_EF_ATTRS, 256, &attrs, &attrs_n);
    if (e == MYNA_OK)
        e = myna_parse_attrs(attrs, attrs_n, a, &digested, &dlen);
    if (e == MYNA_OK && (flags & MYNA_READ_NUMBER)) {
        e = read_ef(c, MYNA_EF_NUMBER, MYNA_EF_NUMBER_SIZE, &num, &num_n);
        if (e == MYNA_OK)
            e = myna_parse_number(num, num_n, a);
    }
    if (e == MYNA_OK && (flags & MYNA_READ_VERIFY)) {
        myna_digests d = {0}; /* read below only after myna_parse_digests filled it */
        e = read_ef(c, MYNA_EF_DIGESTS, 256, &dig, &dig_n);
        if (e == MYNA_OK)
            e = myna_parse_digests(dig, dig_n, &d);
        const uint8_t *dn = d.number;
        if (e == MYNA_OK && !sha256_equals(digested, dlen, d.attrs))
            e = MYNA_E_AUTH_DATA;
        /* DF31 covers EF 0001: its TLV element (FF 10 0C + 12 digits, as our virtual card
         * and the file layout suggest) or the whole file as read (pymyna hashes the 17
         * bytes): the public sources differ, either is accepted (cardlib/README.md) */
        if (e == MYNA_OK && num != NULL) {
            size_t tlv_n = 0;
            if (myna_tlv_peek_total(num, num_n, &tlv_n) != MYNA_OK || tlv_n > num_n)
                tlv_n = num_n;
            if (!sha256_equals(num, tlv_n, dn) && !sha256_equals(num, num_n, dn))
                e = MYNA_E_AUTH_DATA;
        }
        if (e == MYNA_OK && c->signer != NULL) {
            /* DF33: RSA PKCS#1 v1.5 with SHA-256 over the DF31 and DF32 elements */
            if (d.sig == NULL || d.signed_len == 0 ||
                !signature_ok(c->signer, d.signed_from, d.signed_len, d.sig, d.sig_len))
                e = MYNA_E_AUTH_DATA;
            else
                a->signed_ok = true;
        }
        if (e == MYNA_OK)
            a->verified = true;
    }
    myna_secure_free(attrs, MYNA_EF_MAX);
    myna_secure_free(num, MYNA_EF_MAX);
    myna_secure_free(dig, MYNA_EF_MAX);
    if (e != MYNA_OK) {
        myna_attrs_free(a);
        return e;
    }
    *out = a;
    return MYNA_OK;
}

myna_attrs *myna_attrs_new_empty(void)
{
    return myna_secure_alloc(sizeof(myna_attrs));
}

void myna_attrs_free(myna_attrs *a)
{
    if (a == NULL)
        return;
    myna_secure_free(a->name, a->name_n);
    myna_secure_free(a->address, a->address_n);
    myna_secure_free(a->birth, a->birth_n);
    myna_secure_free(a->sex, a->sex_n);
    myna_secure_free(a->number, a->number_n);
    myna_secure_free(a, sizeof *a);
}

const char *myna_attrs_name(const myna_attrs *a)
{
    return a != NULL ? a->name : NULL;
}

const char *myna_attrs_address(const myna_attrs *a)
{
    return a != NULL ? a->address : NULL;
}

const char *myna_attrs_birth(const myna_attrs *a)
{
    return a != NULL ? a->birth : NULL;
}

const char *myna_attrs_sex(const myna_attrs *a)
{
    return a != NULL ? a->sex : NULL;
}

const char *myna_attrs_number(const myna_attrs *a)
{
    return a != NULL ? a->number : NULL;
}

bool myna_attrs_verified(const myna_attrs *a)
{
    return a != NULL && a->verified;
}

bool myna_attrs_signed(const myna_attrs *a)
{
    return a != NULL && a->signed_ok;
}
