/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-apdu.h — command APDUs of the Kenhojo AP and the status-word table (internal).
 *
 * Sources for every byte: cardlib/README.md ("Card facts"). */
#ifndef MYNA_APDU_H
#define MYNA_APDU_H

#include "myna.h"

/* 券面事項入力補助AP (Kenhojo AP) */
#define MYNA_AID_KENHOJO_LEN 10u
extern const uint8_t myna_aid_kenhojo[MYNA_AID_KENHOJO_LEN];

/* Elementary files of the Kenhojo AP */
enum {
    MYNA_EF_NUMBER = 0x0001,     /* individual number, FF 10 */
    MYNA_EF_ATTRS = 0x0002,      /* the four attributes, FF 20 { DF21..DF25 } */
    MYNA_EF_DIGESTS = 0x0003,    /* FF 30 { DF31 number digest, DF32 attrs digest, DF33 sig } */
    MYNA_EF_PIN = 0x0011,        /* 4-digit PIN */
    MYNA_EF_CHECKCODE_B = 0x0015 /* 照合番号B */
};

/* EF 0001 is 17 bytes (FF 10 0C + 12 digits + 2 padding bytes): jpki/myna text_ap.go and
 * pymyna read 17. Asking exactly that avoids a 6Cxx round on a strict card. */
#define MYNA_EF_NUMBER_SIZE 17u

/* Tags (encoded bytes) */
enum {
    MYNA_TAG_NUMBER = 0xFF10,
    MYNA_TAG_ATTRS = 0xFF20,
    MYNA_TAG_HEADER = 0xDF21,
    MYNA_TAG_NAME = 0xDF22,
    MYNA_TAG_ADDRESS = 0xDF23,
    MYNA_TAG_BIRTH = 0xDF24,
    MYNA_TAG_SEX = 0xDF25,
    MYNA_TAG_DIGESTS = 0xFF30,
    MYNA_TAG_DIGEST_NUMBER = 0xDF31,
    MYNA_TAG_DIGEST_ATTRS = 0xDF32,
    MYNA_TAG_SIGNATURE = 0xDF33,
};

enum {
    MYNA_INS_VERIFY = 0x20,
    MYNA_INS_SELECT = 0xA4,
    MYNA_INS_READ_BINARY = 0xB0,
    MYNA_INS_GET_RESPONSE = 0xC0
};

/* Builders write into cmd (MYNA_APDU_MAX bytes) and return the length, 0 on bad input. */
size_t myna_apdu_select_aid(uint8_t *cmd, const uint8_t *aid, size_t aid_len);
size_t myna_apdu_select_ef(uint8_t *cmd, unsigned ef);
/* VERIFY without data: asks the tries left, spends none. */
size_t myna_apdu_verify_query(uint8_t *cmd);
/* VERIFY with data (the PIN); cmd must be locked memory: the caller wipes it. */
size_t myna_apdu_verify(uint8_t *cmd, const uint8_t *data, size_t len);
/* READ BINARY at offset (< 0x8000) for le bytes (1..256; 256 is sent as Le = 00). */
size_t myna_apdu_read_binary(uint8_t *cmd, unsigned offset, unsigned le);

/* Status word of a response (last two bytes); 0 when rlen < 2. */
unsigned myna_sw(const uint8_t *resp, size_t rlen);
/* Map a status word to an error through the one const table; 63Cx is handled before the
 * table (x = tries left: 0 blocked, 1 last try, more wrong). 9000 and 6282 are MYNA_OK. */
myna_err myna_sw_to_err(unsigned sw);
/* A short description of a status word for traces ("file not found"); never NULL. */
const char *myna_sw_text(unsigned sw);

#endif /* MYNA_APDU_H */
