/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-pinpad-private.h — PC/SC part 10 secure PIN entry: the bytes (internal, unit-tested).
 *
 * Sources: PC/SC Workgroup, "Interoperability Specification for ICCs and Personal Computer
 * Systems, Part 10: IFDs with Secure PIN Entry Capabilities" v2.02; pcsc-lite's reader.h
 * (the structures, packed, multi-byte fields in host byte order since CCID 1.4.1; the
 * feature TLV's value big-endian). See cardlib/README.md ("The reader's PIN pad"). */
#ifndef MYNA_PINPAD_PRIVATE_H
#define MYNA_PINPAD_PRIVATE_H

#include "myna.h"

#define MYNA_CTL_GET_FEATURE_REQUEST (0x42000000u + 3400u) /* SCARD_CTL_CODE(3400) */
#define MYNA_FEATURE_VERIFY_PIN_DIRECT 0x06u

/* Bytes of the PIN_VERIFY_STRUCTURE header before abData. */
#define MYNA_PIN_VERIFY_HEADER 19u
/* Our structure: the header and the 9-byte Kenhojo VERIFY (00 20 00 80 04 + 4 placeholders). */
#define MYNA_PIN_VERIFY_STRUCT_LEN (MYNA_PIN_VERIFY_HEADER + 9u)

/* The answers a PIN pad gives itself, without the card (part 10, 2.5.2). */
enum {
    MYNA_SPE_TIMEOUT = 0x6400,   /* nothing typed in time */
    MYNA_SPE_CANCELLED = 0x6401, /* the Cancel key */
    MYNA_SPE_MISMATCH = 0x6402,  /* (modify) the two new PINs differ */
    MYNA_SPE_LENGTH = 0x6403,    /* too few or too many digits */
    MYNA_SPE_PARAM = 0x6B80,     /* the reader refused the structure */
};

/* Find `tag`'s control code in a CM_IOCTL_GET_FEATURE_REQUEST answer: a list of
 * { tag (1), length (1) = 4, code (4, big-endian) }. *code = 0 when the tag is absent.
 * MYNA_E_BAD_DATA when an entry runs past the end or its length is not 4. */
myna_err myna_pinpad_find_feature(const uint8_t *buf, size_t len, uint8_t tag, uint32_t *code);

/* Write the PIN_VERIFY_STRUCTURE for the Kenhojo PIN (4 ASCII digits, validated with the
 * reader's OK key, messages in Japanese) into out (at least MYNA_PIN_VERIFY_STRUCT_LEN bytes);
 * returns the length, 0 when cap is too small or timeout_s > 255. */
size_t myna_pinpad_verify_struct(uint8_t *out, size_t cap, unsigned timeout_s);

#endif /* MYNA_PINPAD_PRIVATE_H */
