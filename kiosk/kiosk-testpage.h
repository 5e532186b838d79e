/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-testpage.h — the staff's test page: the sample of a procedure printed (or written to
 * the pdf dir as kakanai-test-page.pdf) on a thread of its own; the result reaches the UI
 * thread as a KIOSK_MSG_TESTPAGE.
 */
#ifndef KIOSK_TESTPAGE_H
#define KIOSK_TESTPAGE_H

#include <glib.h>

#include "form.h"
#include "kiosk-mailbox.h"

#define KIOSK_TESTPAGE_TIMEOUT_MS 60000

/* p and mb must outlive the thread: *running is incremented now and decremented by the
 * thread as its very last access to them. */
void kiosk_testpage_start(const form_procedure *p, const char *printer, const char *pdf_dir,
                          kiosk_mailbox *mb, gint *running);

#endif
