/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-script-nav.h — pressing a control by keypad keys alone, for the --script runner
 * (tests only): the focus is moved with the keypad's 6 (next control) until it is on the
 * control, then 5 presses it — real key presses through the X server, one at a time, each
 * waited for until the kiosk has handled it, as a resident at a USB keypad would.
 *
 * A control is named by its action and target as the kiosk's widgets carry them
 * ("question.choose" "self", "question.kana" "や", "menu.choose" "juminhyo"), or by the two
 * names the question screen's multi-choice and あ/123 toggles answer to: "question.toggle"
 * VALUE and "question.mode".
 */
#ifndef KIOSK_SCRIPT_NAV_H
#define KIOSK_SCRIPT_NAV_H

#include <gtk/gtk.h>

#include "kiosk-window.h"

typedef struct kiosk_key_walk kiosk_key_walk;

kiosk_key_walk *kiosk_key_walk_new(void);
void kiosk_key_walk_free(kiosk_key_walk *w); /* NULL-safe */

/* Queue one control to press (target NULL: the action has none). */
void kiosk_key_walk_push(kiosk_key_walk *w, const char *action, const char *target);
gboolean kiosk_key_walk_done(const kiosk_key_walk *w);
/* Take the first queued control off (the caller frees both; *target NULL when it has none):
 * for a caller that presses the controls some other way. FALSE when none is left. */
gboolean kiosk_key_walk_pop(kiosk_key_walk *w, char **action, char **target);
void kiosk_key_walk_clear(kiosk_key_walk *w);

/* One step towards the first queued control: waits for the last key to be handled, moves the
 * focus one control on, or presses the control. *delay_ms: when to call again (400 after a
 * press: the press has taken effect then). FALSE (with a
 * message) when the control is not on the screen or the focus never reaches it. */
gboolean kiosk_key_walk_step(kiosk_key_walk *w, KioskWindow *win, guint *delay_ms,
                             GError **error);

/* Key presses sent so far. */
guint kiosk_key_walk_presses(const kiosk_key_walk *w);

#endif
