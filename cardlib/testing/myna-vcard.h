/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna-vcard.h — a virtual My Number card for tests, demos and development tools.
 *
 * Part of kakanai's test-only library (cardlib/testing, CMake target myna_testing), never of
 * the installed libkakanai-myna: link myna_testing (with the shared library) or
 * myna_testing_static (with myna_static). It plugs into the library's transport seam
 * (myna_transport_new) like any other transport.
 *
 * The model answers like the My Number card's 券面事項入力補助AP; its file layout, the status
 * words and what is and is not modelled are described in tests/profiles/README.md. It signs
 * EF 0003 with a FICTIONAL test key (tests/profiles/vcard-signing-key.pub.pem is the public half).
 *
 * Every myna_vcard_* function may be called from any thread (one lock per card): a pull
 * (myna_vcard_set_present(vc, false)) while an answer is delayed by faults.latency_ms makes
 * that answer MYNA_E_CARD_REMOVED, as a reader that never received it.
 */
#ifndef MYNA_VCARD_H
#define MYNA_VCARD_H

#include "myna.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Hard limits of the model (bytes). A profile beyond them is refused (MYNA_E_PROFILE). */
#define MYNA_VCARD_PROFILE_MAX (64u * 1024u) /* the JSON profile file */
#define MYNA_VCARD_NAME_MAX 1024u            /* DF 22, UTF-8 bytes */
#define MYNA_VCARD_ADDRESS_MAX 2048u         /* DF 23, UTF-8 bytes */
#define MYNA_VCARD_ATR_MAX 33u
#define MYNA_VCARD_RESP_MAX (65536u + 2u) /* the longest answer: extended Le + SW */

typedef struct myna_vcard myna_vcard;

/* Load a card from a JSON profile (see tests/profiles/README.md for the keys; read with
 * json-c, so a key given twice counts once, with its last value). The personal data is kept in
 * locked memory, and every copy the JSON reader made is wiped. MYNA_E_ARG (path or out NULL),
 * MYNA_E_NOMEM, MYNA_E_PROFILE when the file is unreadable, over MYNA_VCARD_PROFILE_MAX or
 * invalid. why may be NULL; else *why is set to NULL, or on MYNA_E_PROFILE to a malloc'd
 * sentence without personal data (the caller frees it with free()). Free the card with
 * myna_vcard_free (it wipes; NULL is a no-op). */
myna_err myna_vcard_load(const char *path, myna_vcard **out, char **why);
/* The same from memory (tests). The text is not kept. */
myna_err myna_vcard_load_mem(const char *json, size_t len, myna_vcard **out, char **why);
void myna_vcard_free(myna_vcard *vc);

/* Process one command APDU as the card would (PIN counters persist in the vcard); a status
 * word other than 9000 is MYNA_OK here. *rlen: buffer size in, answer length out.
 * MYNA_E_ARG (NULLs, *rlen < 2, or the buffer too small for the answer),
 * MYNA_E_CARD_REMOVED (the card is out; or it was pulled while the answer was delayed, and
 * then the answer is wiped and *rlen is 0). */
myna_err myna_vcard_process(myna_vcard *vc, const uint8_t *cmd, size_t clen, uint8_t *resp,
                            size_t *rlen);

/* Card inserted / pulled (an in-process transport answers MYNA_E_CARD_REMOVED while out; a
 * pull also drops the verified state). NULL: no-op / false. */
void myna_vcard_set_present(myna_vcard *vc, bool present);
bool myna_vcard_present(const myna_vcard *vc);
/* Cold reset (power off/on, or the reader's reset): no application selected, no EF, the
 * security status cleared. Counters stay. */
void myna_vcard_reset(myna_vcard *vc);

/* A transport onto the in-process card. The vcard must outlive the transport; freeing the
 * transport leaves the vcard alone. MYNA_E_ARG (vc or out NULL), MYNA_E_NOMEM. */
myna_err myna_vcard_transport_new(myna_vcard *vc, myna_transport **out);

/* Copy the card's ATR into buf and return its length; 0 when vc or buf is NULL or cap is
 * smaller than the ATR (MYNA_VCARD_ATR_MAX always suffices). */
size_t myna_vcard_atr(const myna_vcard *vc, uint8_t *buf, size_t cap);

/* The card's retry counters (tries left; 0 = blocked). */
typedef struct myna_vcard_counters {
    int pin_tries;       /* EF 0011: the 4-digit PIN */
    int checkcode_tries; /* EF 0015: 照合番号B */
    int number_tries;    /* EF 0014: 照合番号A (the 12-digit number) */
} myna_vcard_counters;

/* What the card has seen since it was loaded (the integration tests check, for example,
 * that a blocked card never received a VERIFY with data). */
typedef struct myna_vcard_stats {
    unsigned apdus;            /* command APDUs answered */
    unsigned verify_with_data; /* VERIFY carrying a PIN / code (any EF) */
    unsigned verify_empty;     /* VERIFY without data (tries left query) */
    unsigned verify_blocked;   /* VERIFY with data that reached a blocked counter */
    unsigned read_binary;      /* READ BINARY commands */
    unsigned pulls;            /* times the card was pulled (fault or set_present) */
} myna_vcard_stats;

void myna_vcard_get_counters(const myna_vcard *vc, myna_vcard_counters *out);
/* Restore counters (from a state file). Values are clamped to 0..max. */
void myna_vcard_set_counters(myna_vcard *vc, const myna_vcard_counters *in);
void myna_vcard_get_stats(const myna_vcard *vc, myna_vcard_stats *out);

/* The individual number's check digit (My Number Act ordinance, art. 5): returns the check
 * digit 0..9 for the first 11 ASCII digits, or -1 when they are not 11 digits. */
int myna_vcard_check_digit(const char *first11);

#ifdef __cplusplus
}
#endif
#endif /* MYNA_VCARD_H */
