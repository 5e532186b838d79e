/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-error.h — the errors of the counter core (visit, staff, audit, render, print).
 *
 * Grouped by range like myna_err and form_err; counter_strerror() gives a sentence for staff
 * (English; the app translates), counter_err_name() a stable identifier for logs. Neither
 * ever carries a resident's value.
 */
#ifndef COUNTER_ERROR_H
#define COUNTER_ERROR_H

typedef enum counter_err {
    COUNTER_OK = 0,

    /* 1xx: caller / process */
    COUNTER_E_ARG = 100, /* a NULL or out-of-range argument, or text that is not UTF-8 */
    COUNTER_E_NOMEM,     /* out of memory (ordinary or locked) */
    COUNTER_E_IO,        /* a file could not be read or written */
    COUNTER_E_STALE,     /* a result for a visit that was wiped since (dropped and wiped) */

    /* 2xx: the visit */
    COUNTER_E_FULL = 200,   /* COUNTER_MEMBERS_MAX members already */
    COUNTER_E_DUPLICATE,    /* this person is already in the visit (same card read twice) */
    COUNTER_E_NO_MEMBER,    /* no such member */
    COUNTER_E_NO_PROCEDURE, /* nothing to do: no procedure chosen or navigated */
    COUNTER_E_UNKNOWN,      /* a procedure, event or question the catalogue does not have */
    COUNTER_E_RENDER,       /* a form could not be made (see the diagnostics; no value in them) */
    COUNTER_E_PRINT,        /* a print job failed (the form_err says why) */

    /* 3xx: the card (PIN or 照合番号B) */
    COUNTER_E_CARD = 300,      /* the card could not be read (pulled, not a My Number card, ...) */
    COUNTER_E_PIN_FORMAT,      /* not 4 digits (照合番号B: not 14); nothing was sent */
    COUNTER_E_PIN_WRONG,       /* wrong; tries are left (see the tries out-parameter) */
    COUNTER_E_PIN_LAST_TRY,    /* wrong; one try is left: warn the resident before the next */
    COUNTER_E_PIN_BLOCKED,     /* blocked: no VERIFY is sent; 照合番号B or staff help */

    /* 4xx: staff sign-in and the audit log */
    COUNTER_E_STAFF_FORMAT = 400, /* a staff file line or ID is malformed (the line is named) */
    COUNTER_E_STAFF_UNKNOWN,      /* unknown staff ID or wrong passcode (never told apart) */
    COUNTER_E_STAFF_LOCKED,       /* too many wrong passcodes: wait (seconds are returned) */
    COUNTER_E_STAFF_EXISTS,       /* the ID is already in the staff file */
    COUNTER_E_AUDIT_TAMPERED,     /* the audit log's hash chain is broken (line named) */
} counter_err;

/* Static strings, never NULL ("Unknown error." / "COUNTER_E_UNKNOWN_CODE" outside the enum). */
const char *counter_strerror(counter_err err);
const char *counter_err_name(counter_err err);

#endif
