/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-vcard-files.c — the virtual card's files, built once from a checked profile: EF 0001
 * (the number), EF 0002 (the four attributes as TLV) and EF 0003 (their digests, signed with
 * the fictional test key of myna-vcard-testkey.h). Layouts: tests/profiles/README.md. */
#include "myna-vcard-private.h"
#include "myna-vcard-testkey.h"

#include <string.h>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

/* BER length, minimal form; returns bytes written (buf may be NULL to measure). */
static size_t put_len(uint8_t *buf, size_t len)
{
    if (len < 0x80) {
        if (buf)
            buf[0] = (uint8_t)len;
        return 1;
    }
    if (len < 0x100) {
        if (buf) {
            buf[0] = 0x81;
            buf[1] = (uint8_t)len;
        }
        return 2;
    }
    if (buf) {
        buf[0] = 0x82;
        buf[1] = (uint8_t)(len >> 8);
        buf[2] = (uint8_t)len;
    }
    return 3;
}

static size_t put_tlv(uint8_t *buf, uint8_t t1, uint8_t t2, const void *v, size_t len)
{
    size_t at = 0;
    if (buf) {
        buf[0] = t1;
        buf[1] = t2;
    }
    at = 2;
    at += put_len(buf ? buf + at : NULL, len);
    if (buf && len)
        memcpy(buf + at, v, len);
    return at + len;
}

myna_err myna_vcard_files_build(myna_vcard *vc, const myna_vcard_profile *p)
{
    /* EF 0001: FF 10 0C <12 ASCII digits>, then two bytes of FF padding. */
    vc->ef0001 = myna_secure_alloc(VCARD_EF0001_LEN);
    if (!vc->ef0001)
        return MYNA_E_NOMEM;
    vc->ef0001[0] = 0xFF;
    vc->ef0001[1] = 0x10;
    vc->ef0001[2] = 0x0C;
    memcpy(vc->ef0001 + 3, p->number, 12);
    vc->ef0001[15] = 0xFF;
    vc->ef0001[16] = 0xFF;

    /* EF 0002: FF 20 82 LL LL { DF 21 08 <4 offsets>, DF 22 name, DF 23 address,
     * DF 24 birth, DF 25 sex }. The outer length always takes the 82 form (readers such as
     * jpki/myna read 5 bytes and take the length from bytes 3-4). */
    size_t l22 = put_tlv(NULL, 0xDF, 0x22, NULL, p->name_len);
    size_t l23 = put_tlv(NULL, 0xDF, 0x23, NULL, p->address_len);
    size_t l24 = put_tlv(NULL, 0xDF, 0x24, NULL, 8);
    size_t l25 = put_tlv(NULL, 0xDF, 0x25, NULL, 1);
    size_t l21 = 3 + 8;
    size_t content = l21 + l22 + l23 + l24 + l25;
    if (content > 0xFFFF)
        return MYNA_E_PROFILE;
    vc->ef0002_len = 5 + content;
    vc->ef0002 = myna_secure_alloc(vc->ef0002_len);
    if (!vc->ef0002)
        return MYNA_E_NOMEM;
    uint8_t *f = vc->ef0002;
    f[0] = 0xFF;
    f[1] = 0x20;
    f[2] = 0x82;
    f[3] = (uint8_t)(content >> 8);
    f[4] = (uint8_t)content;
    size_t off[4];
    off[0] = 5 + l21;
    off[1] = off[0] + l22;
    off[2] = off[1] + l23;
    off[3] = off[2] + l24;
    uint8_t hdr[8];
    for (size_t k = 0; k < 4; k++) {
        hdr[2 * k] = (uint8_t)(off[k] >> 8);
        hdr[2 * k + 1] = (uint8_t)off[k];
    }
    size_t at = 5;
    at += put_tlv(f + at, 0xDF, 0x21, hdr, sizeof hdr);
    at += put_tlv(f + at, 0xDF, 0x22, p->name, p->name_len);
    at += put_tlv(f + at, 0xDF, 0x23, p->address, p->address_len);
    at += put_tlv(f + at, 0xDF, 0x24, p->birth, 8);
    at += put_tlv(f + at, 0xDF, 0x25, p->sex, 1);
    if (at != vc->ef0002_len)
        return MYNA_E_PROFILE;

    /* EF 0003: FF 30 82 01 4B { DF 31 20 SHA-256(EF 0001's TLV, 15 bytes),
     * DF 32 20 SHA-256(EF 0002 from DF 22 to the end of FF 20),
     * DF 33 82 01 00 RSA-2048 PKCS#1 v1.5 SHA-256 signature over the DF 31 and DF 32 TLVs
     * made with the fictional test key }. 336 bytes, like the real file. */
    vc->ef0003 = myna_secure_alloc(VCARD_EF0003_LEN);
    if (!vc->ef0003)
        return MYNA_E_NOMEM;
    uint8_t *g = vc->ef0003;
    g[0] = 0xFF;
    g[1] = 0x30;
    g[2] = 0x82;
    g[3] = 0x01;
    g[4] = 0x4B;
    g[5] = 0xDF;
    g[6] = 0x31;
    g[7] = 0x20;
    g[40] = 0xDF;
    g[41] = 0x32;
    g[42] = 0x20;
    g[75] = 0xDF;
    g[76] = 0x33;
    g[77] = 0x82;
    g[78] = 0x01;
    g[79] = 0x00;
    unsigned int dlen = 0;
    if (!EVP_Digest(vc->ef0001, 15, g + 8, &dlen, EVP_sha256(), NULL) || dlen != 32)
        return MYNA_E_NOMEM;
    if (!EVP_Digest(f + off[0], vc->ef0002_len - off[0], g + 43, &dlen, EVP_sha256(), NULL) ||
        dlen != 32)
        return MYNA_E_NOMEM;

    myna_err rc = MYNA_E_NOMEM;
    BIO *bio = BIO_new_mem_buf(myna_vcard_test_key_pem, -1);
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t slen = 256;
    if (key && md && EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) == 1 &&
        EVP_DigestSign(md, g + 80, &slen, g + 5, 70) == 1 && slen == 256)
        rc = MYNA_OK;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(key);
    BIO_free(bio);
    return rc;
}
