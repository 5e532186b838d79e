/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-interview.h — a life event's interview (CounterInterviewScreen); layout in
 * ui/interview.ui. One row per question of the event (yes/no, a choice, a count), shown only
 * while the event asks it (its ask_if over the answers so far, decided by the window).
 * Signals: "answer-changed" (int: the row), "navigate" (work out the procedures), "back".
 */
#ifndef COUNTER_SCREEN_INTERVIEW_H
#define COUNTER_SCREEN_INTERVIEW_H

#include <gtk/gtk.h>

#include "form.h"

G_BEGIN_DECLS

#define COUNTER_TYPE_INTERVIEW_SCREEN (counter_interview_screen_get_type())
G_DECLARE_FINAL_TYPE(CounterInterviewScreen, counter_interview_screen, COUNTER,
                     INTERVIEW_SCREEN, GtkBox)
GtkWidget *counter_interview_screen_new(void);
/* One row per question of e (e outlives its use here: set again for another event). */
void counter_interview_screen_set_event(CounterInterviewScreen *self, const form_event *e,
                                        const char *lang);
/* Row i's answer ("yes", a choice id, a count) or NULL when not answered. */
const char *counter_interview_screen_value(CounterInterviewScreen *self, int i);
gboolean counter_interview_screen_choose(CounterInterviewScreen *self, int i, const char *value);
int counter_interview_screen_find(CounterInterviewScreen *self, const char *question_id);
void counter_interview_screen_set_asked(CounterInterviewScreen *self, int i, gboolean asked);
int counter_interview_screen_count(CounterInterviewScreen *self);

G_END_DECLS

#endif
