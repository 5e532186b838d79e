/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-noprint.c — form_print() before the CUPS backend (src/print.cmake) is built in. */
#include "form-private.h"

FORM_EXPORT form_err form_print(const form_doc *doc, const char *printer, int copies,
                                int timeout_ms, form_print_progress_fn progress, void *user)
{
    (void)doc, (void)printer, (void)copies, (void)timeout_ms, (void)progress, (void)user;
    return FORM_E_NO_PRINTER;
}
FORM_EXPORT form_err form_printer_state(const char *printer, char *reason, size_t cap)
{
    (void)printer;
    if (reason && cap)
        reason[0] = '\0';
    return FORM_E_NO_PRINTER;
}
