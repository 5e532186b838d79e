/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-question.h — the one question screen (KioskQuestionScreen); layout in ui/question.ui.
 */
#ifndef KIOSK_SCREEN_QUESTION_H
#define KIOSK_SCREEN_QUESTION_H

#include <gtk/gtk.h>

#include "form.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_QUESTION_SCREEN (kiosk_question_screen_get_type())
G_DECLARE_FINAL_TYPE(KioskQuestionScreen, kiosk_question_screen, KIOSK, QUESTION_SCREEN, GtkBox)
GtkWidget *kiosk_question_screen_new(void);
/* Show question q as step `step` of `count` ("Question 2 of 2"); step 0: a change asked
 * for from the confirmation (no step shown). previous: the answer so far, or NULL. */
void kiosk_question_screen_set(KioskQuestionScreen *self, const form_question *q, int step,
                               int count, const char *lang, const char *previous);
void kiosk_question_screen_set_error(KioskQuestionScreen *self, const char *why);
/* "answered" (no argument): the resident chose, or tapped Next. The answer is then
 * kiosk_question_screen_answer: the choice value, "a,b" for several choices, the number, the
 * date YYYYMMDD or the kana typed, in the screen's locked memory. The pointer is valid until
 * the screen's next action, _set or _wipe; copy it (into form_values) or drop it. */
const char *kiosk_question_screen_answer(KioskQuestionScreen *self);
/* The value being composed (kana text, number, date); for tests. */
const char *kiosk_question_screen_value(KioskQuestionScreen *self);
void kiosk_question_screen_wipe(KioskQuestionScreen *self);

G_END_DECLS

#endif
