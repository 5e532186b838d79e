/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-error.c — names and sentences for myna_err (see myna.h). */
#include "myna.h"

#include <stddef.h>

struct err_text {
    myna_err err;
    const char *name;
    const char *text;
};

/* One row per error; sentences are for installers and the CLI, never shown with data. */
static const struct err_text err_table[] = {
    {MYNA_OK, "MYNA_OK", "Success."},
    {MYNA_E_ARG, "MYNA_E_ARG", "Invalid argument."},
    {MYNA_E_NOMEM, "MYNA_E_NOMEM", "Out of memory (or the locked heap is full)."},
    {MYNA_E_MLOCK, "MYNA_E_MLOCK", "Locked memory is not available."},
    {MYNA_E_CANCELLED, "MYNA_E_CANCELLED", "The wait was cancelled."},
    {MYNA_E_TIMEOUT, "MYNA_E_TIMEOUT", "Timed out."},
    {MYNA_E_PROFILE, "MYNA_E_PROFILE", "The virtual card profile is unreadable or invalid."},
    {MYNA_E_NO_SERVICE, "MYNA_E_NO_SERVICE",
     "The smart card service (pcscd) is not running or was restarted."},
    {MYNA_E_NO_READER, "MYNA_E_NO_READER", "No card reader is connected."},
    {MYNA_E_READER, "MYNA_E_READER", "The card reader failed or was unplugged."},
    {MYNA_E_NO_CARD, "MYNA_E_NO_CARD", "There is no card in the reader."},
    {MYNA_E_CARD_REMOVED, "MYNA_E_CARD_REMOVED", "The card was removed."},
    {MYNA_E_TRANSPORT, "MYNA_E_TRANSPORT", "Communication with the card failed."},
    {MYNA_E_PINPAD, "MYNA_E_PINPAD",
     "The reader's PIN pad refused the request; nothing was sent to the card."},
    {MYNA_E_NOT_MYNA, "MYNA_E_NOT_MYNA", "This card is not a My Number card."},
    {MYNA_E_CARD, "MYNA_E_CARD", "The card gave an unexpected answer."},
    {MYNA_E_BAD_DATA, "MYNA_E_BAD_DATA", "The data on the card is malformed."},
    {MYNA_E_NOT_VERIFIED, "MYNA_E_NOT_VERIFIED", "The card refused: PIN not verified."},
    {MYNA_E_AUTH_DATA, "MYNA_E_AUTH_DATA", "The data read does not match the card's digests."},
    {MYNA_E_PIN_FORMAT, "MYNA_E_PIN_FORMAT",
     "The PIN must be 4 digits (check code B: 14 digits); nothing was sent."},
    {MYNA_E_PIN_WRONG, "MYNA_E_PIN_WRONG", "Wrong PIN."},
    {MYNA_E_PIN_LAST_TRY, "MYNA_E_PIN_LAST_TRY", "Wrong PIN; one try is left."},
    {MYNA_E_PIN_BLOCKED, "MYNA_E_PIN_BLOCKED",
     "The PIN is blocked; it can only be reset at the city office."},
};

static const struct err_text *err_find(myna_err err)
{
    for (size_t i = 0; i < sizeof err_table / sizeof err_table[0]; i++)
        if (err_table[i].err == err)
            return &err_table[i];
    return NULL;
}

const char *myna_strerror(myna_err err)
{
    const struct err_text *e = err_find(err);
    return e != NULL ? e->text : "Unknown error.";
}

const char *myna_err_name(myna_err err)
{
    const struct err_text *e = err_find(err);
    return e != NULL ? e->name : "MYNA_E_UNKNOWN";
}
