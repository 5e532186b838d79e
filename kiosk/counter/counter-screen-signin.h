/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-signin.h — staff sign-in (CounterSigninScreen); layout in ui/signin.ui.
 * Signal: "sign-in-requested" (no argument: the window reads the ID and the passcode from
 * the screen, so the passcode never travels in a GValue).
 */
#ifndef COUNTER_SCREEN_SIGNIN_H
#define COUNTER_SCREEN_SIGNIN_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNTER_TYPE_SIGNIN_SCREEN (counter_signin_screen_get_type())
G_DECLARE_FINAL_TYPE(CounterSigninScreen, counter_signin_screen, COUNTER, SIGNIN_SCREEN, GtkBox)
GtkWidget *counter_signin_screen_new(void);
const char *counter_signin_screen_id(CounterSigninScreen *self);
const char *counter_signin_screen_passcode(CounterSigninScreen *self); /* wiped buffer */
/* The fields themselves (scripts type into them). */
GtkEditable *counter_signin_screen_id_entry(CounterSigninScreen *self);
GtkEditable *counter_signin_screen_passcode_entry(CounterSigninScreen *self);
/* Empty both fields (wiped) and show message (NULL: none). */
void counter_signin_screen_reset(CounterSigninScreen *self, const char *message);

G_END_DECLS

#endif
