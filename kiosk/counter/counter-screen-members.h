/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-members.h — the household of the visit (CounterMembersScreen); layout in
 * ui/members.ui. Each member is read from a card (the resident types the PIN on the resident's
 * screen; or staff types 照合番号B here for a resident without a PIN) or typed by staff
 * (kanji through the desktop's input method).
 * Signals: "read-card" (int: 0 PIN, 1 照合番号B), "add-typed", "remove-member" (int: index),
 * "next". Values are read through the getters (wiped buffers), never sent in a signal.
 */
#ifndef COUNTER_SCREEN_MEMBERS_H
#define COUNTER_SCREEN_MEMBERS_H

#include <gtk/gtk.h>

#include "counter-visit.h"

G_BEGIN_DECLS

#define COUNTER_TYPE_MEMBERS_SCREEN (counter_members_screen_get_type())
G_DECLARE_FINAL_TYPE(CounterMembersScreen, counter_members_screen, COUNTER, MEMBERS_SCREEN,
                     GtkBox)
GtkWidget *counter_members_screen_new(void);
/* Show the visit's members (text kept in locked memory: KioskSecretLabel). */
void counter_members_screen_show_members(CounterMembersScreen *self, const counter_visit *v);
/* The role chosen for the next member. */
counter_role counter_members_screen_role(CounterMembersScreen *self);
void counter_members_screen_set_role(CounterMembersScreen *self, counter_role role);
/* The typed member's fields (borrowed, wiped buffers; "" when empty; sex "1"/"2" or NULL). */
void counter_members_screen_typed(CounterMembersScreen *self, counter_member_input *out);
/* 照合番号B as staff typed it (14 digits expected; borrowed, wiped buffer). */
const char *counter_members_screen_code_b(CounterMembersScreen *self);
/* Empty the typed fields and the code (wiped). */
void counter_members_screen_clear_typed(CounterMembersScreen *self);
/* Reader status for staff (fixed vocabulary, never a value); busy: a card read in progress. */
void counter_members_screen_set_status(CounterMembersScreen *self, const char *text,
                                       gboolean busy);
/* Fill the typed fields by name (scripts): name, kana, birth, number, code-b. */
GtkEntry *counter_members_screen_entry(CounterMembersScreen *self, const char *field);
void counter_members_screen_set_sex(CounterMembersScreen *self, const char *sex);
const char *counter_members_screen_status_text(CounterMembersScreen *self);
void counter_members_screen_wipe(CounterMembersScreen *self);

G_END_DECLS

#endif
