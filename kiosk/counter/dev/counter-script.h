/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-script.h — kakanai-kiosk-dev --counter --script FILE: staff keystrokes and clicks on
 * the real widgets of the counter's windows, the resident's PIN taps, waits and screenshots
 * (test-only; never in the installed kiosk).
 *
 * One command a line ('#' comments):
 *   wait SCREEN [MS]            the staff's screen (signin procedures interview members answers preview
 *                               done); wait-resident SCREEN [MS] the resident's (welcome card pin
 *                               reading taken preview thanks); wait-status TEXT [MS]: the
 *                               members screen's status contains TEXT
 *   signin ID PASSCODE          typed, then the sign-in button
 *   event ID                    a life event's button; ask QUESTION VALUE: an interview answer
 *   tick PROCEDURE...           tick procedures; next: the screen's main button
 *   role head|spouse|child|parent|other
 *   read-card pin|code-b        the read button
 *   type FIELD TEXT...          a field of the member form (name kana birth number code-b): TEXT
 *                               is committed at the cursor as an input method commits a
 *                               converted string
 *   sex 1|2, add-member, remove N
 *   answer KEY TEXT...          a row of the answers screen ("q:moved", "kana:2"): text
 *                               committed, or a choice id chosen
 *   answer-if KEY TEXT...       the same, skipped when the templates do not ask it
 *   on-form PROCEDURE N on|off  whether member N is on that procedure's forms (a check)
 *   expect-on-form PROC FLAGS   the visit has exactly those members on PROC's forms ("101")
 *   expect-title PROC TITLE     the catalogue in use titles PROC so (ja): template updates;
 *   wait-title PROC TITLE       the same within 30 s
 *   wait-pages [MS]             the preview shows pages (the render ended)
 *   pin DIGITS, pin-ok          the resident's taps on the PIN pad
 *   run SHELL-COMMAND           (swap the virtual cards between residents)
 *   card on|off                 the in-process virtual card (--virtual-card) on the reader
 *   screenshot FILE, resident-screenshot FILE, sleep MS, back, idle (the idle time-out now)
 *   wait-printed [MS]           every print job of the window ended
 *   expect-wiped                nothing of the visit is left (else the script fails)
 *   expect-tries N, expect-members N   what the card said, how many people the visit holds
 *   debug-find TEXT             print where TEXT is in this process's memory (diagnosis)
 *   figures FILE                staff keystrokes and clicks, resident taps, machine timings
 *   quit
 * A command that does not apply (no such field, procedure or choice) fails the script.
 */
#ifndef COUNTER_SCRIPT_H
#define COUNTER_SCRIPT_H

#include "counter-window.h"

/* Start replaying path on win's main context; *status gets 0 (done) or 1 (failed) and loop is
 * quit at the end. FALSE with *error when the file cannot be read. */
gboolean counter_script_start(CounterWindow *win, const char *path, GMainLoop *loop,
                              int *status, GError **error);

#endif
