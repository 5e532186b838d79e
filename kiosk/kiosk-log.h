/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-log.h — events and errors only, never personal data.
 *
 * kiosk_log_install() sets a structured g_log writer that prints "LEVEL domain: message" to
 * stderr (or the journal when stderr is it) after passing the message through
 * kiosk_log_redact(): a second line of defence, the first being that the kiosk logs only
 * fixed vocabulary (state names, error names).
 */
#ifndef KIOSK_LOG_H
#define KIOSK_LOG_H

#include <glib.h>

/* Copy of msg where every run of 4 or more digits becomes "####" and every non-ASCII
 * character (names and addresses are Japanese) becomes '?'. Free with g_free. */
char *kiosk_log_redact(const char *msg);
void kiosk_log_install(void);

#endif
