/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-passcode.h — the staff passcode as a salted, slow hash (PBKDF2-HMAC-SHA256, OpenSSL).
 *
 * Stored form (one line in the config file, never the passcode itself):
 *   pbkdf2-sha256$<iterations>$<salt hex, 16 bytes>$<hash hex, 32 bytes>
 */
#ifndef KIOSK_PASSCODE_H
#define KIOSK_PASSCODE_H

#include <stdbool.h>

#define KIOSK_PASSCODE_ITER 200000
#define KIOSK_PASSCODE_ITER_MIN 10000
#define KIOSK_PASSCODE_ITER_MAX 10000000
#define KIOSK_PASSCODE_MAX 64 /* longest passcode accepted, bytes */

/* A new stored form for passcode (fresh random salt); malloc'd, NULL on failure.
 * iterations 0 = KIOSK_PASSCODE_ITER. */
char *kiosk_passcode_hash(const char *passcode, unsigned iterations);
/* Whether passcode matches stored (constant-time compare). A malformed stored form, an
 * empty or over-long passcode never match. */
bool kiosk_passcode_check(const char *stored, const char *passcode);

#endif
