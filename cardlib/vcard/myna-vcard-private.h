/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * myna-vcard-private.h — what the virtual card offers beyond myna.h, for kakanai's own tools
 * (kakanai-vcard) and tests. Not installed, not exported from the shared library: link
 * myna_static to use it.
 *
 * Every myna_vcard_* function may be called from any thread (one lock per card): a pull
 * (myna_vcard_set_present(vc, false)) while an answer is delayed by faults.latency_ms makes
 * that answer MYNA_E_CARD_REMOVED, as a reader that never received it.
 *
 * The card model answers like the My Number card's 券面事項入力補助AP; its file layout, the
 * status words and what is and is not modelled are described in tests/profiles/README.md.
 */
#ifndef MYNA_VCARD_PRIVATE_H
#define MYNA_VCARD_PRIVATE_H

#include "myna.h"

/* Hard limits of the model (bytes). A profile beyond them is refused (MYNA_E_PROFILE). */
#define MYNA_VCARD_PROFILE_MAX (64u * 1024u) /* the JSON profile file */
#define MYNA_VCARD_NAME_MAX 1024u            /* DF 22, UTF-8 bytes */
#define MYNA_VCARD_ADDRESS_MAX 2048u         /* DF 23, UTF-8 bytes */
#define MYNA_VCARD_ATR_MAX 33u
#define MYNA_VCARD_RESP_MAX (65536u + 2u) /* the longest answer: extended Le + SW */

/* The card's retry counters (tries left; 0 = blocked) and its maxima. */
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
/* Cold reset (power off/on, or the reader's reset): no application selected, no EF, the
 * security status cleared. Counters stay. */
void myna_vcard_reset(myna_vcard *vc);
/* Parse a profile from memory instead of a file (tests). The text is not kept. */
myna_err myna_vcard_load_mem(const char *json, size_t len, myna_vcard **out, char **why);
/* The individual number's check digit (My Number Act ordinance, art. 5): returns the check
 * digit 0..9 for the first 11 ASCII digits, or -1 when they are not 11 digits. */
int myna_vcard_check_digit(const char *first11);

#endif /* MYNA_VCARD_PRIVATE_H */
