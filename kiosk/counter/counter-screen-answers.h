/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-answers.h — staff complete what the forms still need (CounterAnswersScreen);
 * layout in ui/answers.ui. The window adds one row per item: text (GtkEntry with a wiped
 * buffer: kanji through the input method; kana; dates as YYYYMMDD) or a choice (GtkDropDown).
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
int counter_answers_screen_count(CounterAnswersScreen *self);
const char *counter_answers_screen_key(CounterAnswersScreen *self, int i);
/* The row's value (borrowed; NULL when empty or nothing chosen). */
const char *counter_answers_screen_value(CounterAnswersScreen *self, int i);
int counter_answers_screen_find(CounterAnswersScreen *self, const char *key);
/* Scripts and tests: the text entry of row i (NULL for a choice row), choose a value. */
GtkEntry *counter_answers_screen_entry(CounterAnswersScreen *self, int i);
gboolean counter_answers_screen_choose(CounterAnswersScreen *self, int i, const char *value);
/* A problem to show (fixed vocabulary) or NULL. */
void counter_answers_screen_set_message(CounterAnswersScreen *self, const char *message);

G_END_DECLS

#endif
