/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna-vcard-private.h — what the virtual card's modules share (internal to cardlib/testing):
 * the card's state, the profile as read, and the three steps between them.
 *
 *   myna-vcard-profile.c   JSON profile (json-c) → myna_vcard_profile, checked, in locked memory
 *   myna-vcard-files.c     profile → the card's files EF 0001, 0002, 0003 (signed with the test
 * key) myna-vcard-apdu.c      one command APDU → the card's answer (SELECT, VERIFY, READ BINARY)
 *   myna-vcard.c           the card object: loading, presence, faults, counters, the transport
 */
#ifndef MYNA_VCARD_PRIVATE_H
#define MYNA_VCARD_PRIVATE_H

#include "myna-vcard.h"

#include <pthread.h>

enum { VCARD_AP_NONE = 0, VCARD_AP_KENHOJO, VCARD_AP_KENKAKU, VCARD_AP_JPKI };

enum {
    VCARD_EF_NUMBER = 0x0001,
    VCARD_EF_ATTRS = 0x0002,
    VCARD_EF_DIGESTS = 0x0003,
    VCARD_EF_PIN = 0x0011,
    VCARD_EF_CODE_A = 0x0014,
    VCARD_EF_CODE_B = 0x0015,
};

/* Retry counters: index into vc->tries / vc->tries_max / vc->secret. */
enum { VCARD_CTR_PIN = 0, VCARD_CTR_B, VCARD_CTR_A, VCARD_CTR_COUNT };
/* Each secret's length: PIN 4, 照合番号B 14, 照合番号A (the number) 12. */
extern const size_t myna_vcard_secret_len[VCARD_CTR_COUNT];

#define VCARD_PIN_TRIES_MAX 3
#define VCARD_EF0001_LEN 17 /* FF 10 0C <12 digits> FF FF */
#define VCARD_EF0003_LEN 336

struct myna_vcard {
    /* personal data: locked memory */
    uint8_t *ef0001;
    uint8_t *ef0002;
    size_t ef0002_len;
    uint8_t *ef0003;
    char *secret[VCARD_CTR_COUNT]; /* PIN "1234", 照合番号B (14 digits), 照合番号A (the number) */

    int tries[VCARD_CTR_COUNT];
    int tries_max[VCARD_CTR_COUNT];

    /* One lock for the card: the kiosk may pull the virtual card (set_present) from its UI
     * thread while a worker thread talks to it. */
    pthread_mutex_t lock;
    unsigned generation; /* +1 on every pull */

    /* volatile card state */
    int ap;
    unsigned ef;
    unsigned verified; /* bit per counter */
    bool present;

    bool no_kenhojo; /* a card without the Kenhojo AP (not a My Number card) */

    /* faults */
    unsigned remove_after;
    unsigned latency_ms;

    myna_vcard_stats stats;
};

/* A profile as read and checked; it holds personal data: only ever in locked memory. */
typedef struct myna_vcard_profile {
    char name[MYNA_VCARD_NAME_MAX + 1];
    char address[MYNA_VCARD_ADDRESS_MAX + 1];
    char birth[9];
    char sex[2];
    char number[13];
    char pin[5];
    char expiry_year[5];
    char security_code[5];
    size_t name_len, address_len;
    long pin_tries, checkcode_tries, number_tries;
    long remove_after, latency_ms;
    bool no_kenhojo; /* "kenhojo_ap": false — some other card */
} myna_vcard_profile;

/* Read and check a profile (p in locked memory, filled with the defaults first). MYNA_OK,
 * MYNA_E_NOMEM, or MYNA_E_PROFILE with *why (may be NULL) set as myna_vcard_load says. Every
 * copy of the text's values made on the way is wiped, on every path. */
myna_err myna_vcard_profile_read(const char *json, size_t len, myna_vcard_profile *p, char **why);
/* Build EF 0001, 0002 and 0003 from a checked profile into vc (locked memory; freed by
 * myna_vcard_free). MYNA_E_NOMEM, MYNA_E_PROFILE (attributes too long for one EF). */
myna_err myna_vcard_files_build(myna_vcard *vc, const myna_vcard_profile *p);
/* Answer one command APDU (vc->lock held): the status word; data in out[0..*olen) (at most
 * cap bytes). *too_small is set when the answer does not fit in cap. */
unsigned myna_vcard_apdu_answer(myna_vcard *vc, const uint8_t *cmd, size_t clen, uint8_t *out,
                                size_t cap, size_t *olen, bool *too_small);

/* Set *why (when why is not NULL) to a malloc'd copy of the formatted sentence. */
__attribute__((format(printf, 2, 3))) void myna_vcard_why(char **why, const char *fmt, ...);

#endif /* MYNA_VCARD_PRIVATE_H */
