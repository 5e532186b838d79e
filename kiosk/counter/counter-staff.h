/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-staff.h — per-staff sign-in for the counter app.
 *
 * The staff file (default /etc/kakanai/staff.conf, mode 0600, root-owned) holds one line per
 * staff member, never a passcode:
 *     # comment
 *     <ID> pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>
 * ID: [A-Za-z0-9_.-]{1,32} (a staff number, not a name). The hash is kiosk-passcode's salted
 * PBKDF2-HMAC-SHA256 (OpenSSL), compared in constant time. An unknown ID costs the same
 * derivation as a known one and gets the same answer as a wrong passcode. After
 * COUNTER_STAFF_LOCK_AFTER wrong passcodes in a row an ID is refused for
 * COUNTER_STAFF_LOCK_SECONDS (the wait doubles each time, up to an hour).
 * Managed with `kakanai-staff add|remove|list` (kiosk/counter/kakanai-staff.c).
 */
#ifndef COUNTER_STAFF_H
#define COUNTER_STAFF_H

#include "counter-error.h"

#include <stdbool.h>
#include <stddef.h>

#define COUNTER_STAFF_FILE "/etc/kakanai/staff.conf"
#define COUNTER_STAFF_ID_MAX 32
#define COUNTER_STAFF_MAX 4096        /* lines in a staff file */
#define COUNTER_STAFF_FILE_MAX (1u << 20)
#define COUNTER_STAFF_LOCK_AFTER 5
#define COUNTER_STAFF_LOCK_SECONDS 60
#define COUNTER_STAFF_LOCK_MAX 3600

typedef struct counter_staff counter_staff;

bool counter_staff_id_valid(const char *id);

/* Read the staff file. COUNTER_E_IO (unreadable, or over COUNTER_STAFF_FILE_MAX),
 * COUNTER_E_STAFF_FORMAT (a malformed line: *bad_line, may be NULL, names it, 1-based; an ID
 * given twice counts as malformed), COUNTER_E_NOMEM, COUNTER_E_ARG. A missing file is an empty
 * list (COUNTER_OK: the app then says no staff is set up). Free with counter_staff_free. */
counter_err counter_staff_load(const char *path, counter_staff **out, unsigned *bad_line);
void counter_staff_free(counter_staff *s);
size_t counter_staff_count(const counter_staff *s);
const char *counter_staff_id(const counter_staff *s, size_t i);

/* Check a sign-in at time now (seconds, monotonic). COUNTER_OK, COUNTER_E_STAFF_UNKNOWN
 * (unknown ID or wrong passcode), COUNTER_E_STAFF_LOCKED (*wait_s, may be NULL, gets the
 * seconds left; no derivation is done), COUNTER_E_ARG. The passcode is not kept. */
counter_err counter_staff_sign_in(counter_staff *s, const char *id, const char *passcode,
                                  long long now, unsigned *wait_s);

/* Add a staff member to the file (created 0600 when missing; rewritten atomically through a
 * temporary file and rename). iterations 0 = the default. COUNTER_E_STAFF_EXISTS,
 * COUNTER_E_ARG (bad ID, empty or over-long passcode), COUNTER_E_IO, COUNTER_E_STAFF_FORMAT,
 * COUNTER_E_NOMEM. */
counter_err counter_staff_add(const char *path, const char *id, const char *passcode,
                              unsigned iterations);
/* Remove one (COUNTER_E_STAFF_UNKNOWN when absent). */
counter_err counter_staff_remove(const char *path, const char *id);

#endif
