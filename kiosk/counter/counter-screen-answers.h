/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-answers.h — staff complete what the forms still need (CounterAnswersScreen);
 * layout in ui/answers.ui. The window adds one row per item: text (GtkEntry with a wiped
 * buffer: kanji through the input method; kana; dates as YYYYMMDD), a choice (GtkDropDown) or
 * checks (GtkCheckButtons: who is on a form).
 * Each row has a key the window chose ("q:moved", "kana:2"); values are read back by index.
 * Signals: "next", "back".
 */
#ifndef COUNTER_SCREEN_ANSWERS_H
#define COUNTER_SCREEN_ANSWERS_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNTER_TYPE_ANSWERS_SCREEN (counter_answers_screen_get_type())
G_DECLARE_FINAL_TYPE(CounterAnswersScreen, counter_answers_screen, COUNTER, ANSWERS_SCREEN,
                     GtkBox)
GtkWidget *counter_answers_screen_new(void);
/* Remove every row (entries wiped). */
void counter_answers_screen_clear(CounterAnswersScreen *self);
/* A text row; value: prefilled (copied into the wiped buffer), may be NULL. Its index. */
int counter_answers_screen_add_text(CounterAnswersScreen *self, const char *key,
                                    const char *label, const char *hint, const char *value);
/* A choice row: n values with their labels; selected: the value shown first (NULL: none). */
int counter_answers_screen_add_choice(CounterAnswersScreen *self, const char *key,
                                      const char *label, const char *const *values,
                                      const char *const *labels, size_t n, const char *selected);
/* A row of n check buttons (labels: fixed vocabulary, never a resident's value), on: their
 * states. Its value is one character per check, '1' on and '0' off ("101"). -1 past
 * COUNTER_ANSWERS_CHECKS_MAX. */
#define COUNTER_ANSWERS_CHECKS_MAX 8
int counter_answers_screen_add_checks(CounterAnswersScreen *self, const char *key,
                                      const char *label, const char *const *labels,
                                      const gboolean *on, size_t n);
int counter_answers_screen_count(CounterAnswersScreen *self);
const char *counter_answers_screen_key(CounterAnswersScreen *self, int i);
/* The row's value (borrowed; NULL when empty or nothing chosen). */
const char *counter_answers_screen_value(CounterAnswersScreen *self, int i);
int counter_answers_screen_find(CounterAnswersScreen *self, const char *key);
/* Scripts and tests: the text entry of row i (NULL for a choice row), choose a value. */
GtkEntry *counter_answers_screen_entry(CounterAnswersScreen *self, int i);
gboolean counter_answers_screen_choose(CounterAnswersScreen *self, int i, const char *value);
/* Scripts and tests: set check k of row i. FALSE when row i has no check k. */
gboolean counter_answers_screen_check(CounterAnswersScreen *self, int i, size_t k, gboolean on);
/* A problem to show (fixed vocabulary) or NULL. */
void counter_answers_screen_set_message(CounterAnswersScreen *self, const char *message);

G_END_DECLS

#endif
