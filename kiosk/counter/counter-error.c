/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-error.c — one table for the counter core's errors. See counter-error.h. */
#include "counter-error.h"

#include <stddef.h>

static const struct {
    counter_err err;
    const char *name;
    const char *text;
} table[] = {
    {COUNTER_OK, "COUNTER_OK", "Success."},
    {COUNTER_E_ARG, "COUNTER_E_ARG", "Invalid argument."},
    {COUNTER_E_NOMEM, "COUNTER_E_NOMEM", "Out of memory (or locked memory is full)."},
    {COUNTER_E_IO, "COUNTER_E_IO", "A file could not be read or written."},
    {COUNTER_E_STALE, "COUNTER_E_STALE", "The visit ended before this result arrived."},
    {COUNTER_E_FULL, "COUNTER_E_FULL", "This visit already has the most members it can hold."},
    {COUNTER_E_DUPLICATE, "COUNTER_E_DUPLICATE", "This person is already part of the visit."},
    {COUNTER_E_NO_MEMBER, "COUNTER_E_NO_MEMBER", "There is no such member in the visit."},
    {COUNTER_E_NO_PROCEDURE, "COUNTER_E_NO_PROCEDURE", "No procedure has been chosen yet."},
    {COUNTER_E_UNKNOWN, "COUNTER_E_UNKNOWN",
     "The templates have no such procedure, event or question."},
    {COUNTER_E_RENDER, "COUNTER_E_RENDER", "A form could not be made; see the details."},
    {COUNTER_E_PRINT, "COUNTER_E_PRINT", "A print job failed."},
    {COUNTER_E_CARD, "COUNTER_E_CARD", "The card could not be read."},
    {COUNTER_E_PIN_FORMAT, "COUNTER_E_PIN_FORMAT", "The PIN must be 4 digits."},
    {COUNTER_E_PIN_WRONG, "COUNTER_E_PIN_WRONG", "Wrong PIN; tries are left."},
    {COUNTER_E_PIN_LAST_TRY, "COUNTER_E_PIN_LAST_TRY", "Wrong PIN; only one try is left."},
    {COUNTER_E_PIN_BLOCKED, "COUNTER_E_PIN_BLOCKED",
     "The PIN is blocked; use the check code B or unlock it at the counter."},
    {COUNTER_E_STAFF_FORMAT, "COUNTER_E_STAFF_FORMAT", "The staff file or ID is malformed."},
    {COUNTER_E_STAFF_UNKNOWN, "COUNTER_E_STAFF_UNKNOWN", "Unknown staff ID or wrong passcode."},
    {COUNTER_E_STAFF_LOCKED, "COUNTER_E_STAFF_LOCKED",
     "Too many wrong passcodes; sign-in is paused for a while."},
    {COUNTER_E_STAFF_EXISTS, "COUNTER_E_STAFF_EXISTS", "This staff ID already exists."},
    {COUNTER_E_AUDIT_TAMPERED, "COUNTER_E_AUDIT_TAMPERED",
     "The audit log was changed: its hash chain is broken."},
};

const char *counter_strerror(counter_err err)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].err == err)
            return table[i].text;
    return "Unknown error.";
}

const char *counter_err_name(counter_err err)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].err == err)
            return table[i].name;
    return "COUNTER_E_UNKNOWN_CODE";
}
