/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-window.h — the kiosk window: the screens in a stack, the session, the engine, the
 * idle timer, language switching and staff mode.
 *
 * In files of one concern each, sharing kiosk-window-private.h: kiosk-window.c (the window,
 * showing a state), kiosk-window-actions.c (the screens' typed signals and the window's
 * actions → session events), kiosk-window-staff.c (staff mode), kiosk-window-idle.c (the
 * idle timer, the print watchdog, template hot-reload), kiosk-summary.c (the
 * confirmation's summary), kiosk-window-voice.c (what the kiosk says) and
 * kiosk-window-keypad.c (the resident path from a numeric keypad).
 */
#ifndef KIOSK_WINDOW_H
#define KIOSK_WINDOW_H

#include <gtk/gtk.h>

#include "kiosk-card-source.h"
#include "kiosk-config.h"
#include "kiosk-engine.h"
#include "kiosk-session.h"
#include "kiosk-speech.h"
#include "myna.h"

G_BEGIN_DECLS

#define KIOSK_TYPE_WINDOW (kiosk_window_get_type())
G_DECLARE_FINAL_TYPE(KioskWindow, kiosk_window, KIOSK, WINDOW, GtkWindow)

/* config and cards must outlive the window. */
KioskWindow *kiosk_window_new(kiosk_config *config, kiosk_card_source *cards, const char *lang);

/* The name of what the resident sees now: menu, language, card, pin, checkcode, reading,
 * question, preparing, confirm, printing, print-problem, done, error, staff-call, staff. */
const char *kiosk_window_screen_name(KioskWindow *self);
/* The visible screen widget (actions are activated on it). */
GtkWidget *kiosk_window_screen(KioskWindow *self);
kiosk_session *kiosk_window_session(KioskWindow *self);
kiosk_engine *kiosk_window_engine(KioskWindow *self);
/* Demo card sources: put the card on the reader or take it off (no-op otherwise). */
void kiosk_window_set_card(KioskWindow *self, gboolean present);
/* Switch the language (on the menu or its picker only): one of the configured languages
 * (form_lang_code spelling or any form_lang_index accepts); others are ignored. */
void kiosk_window_set_lang(KioskWindow *self, const char *lang);
/* 「文字を大きく」: text at least 1.5 × (the window's .large style) on every screen until the
 * session ends. */
void kiosk_window_set_large_text(KioskWindow *self, gboolean large);
gboolean kiosk_window_large_text(KioskWindow *self);
/* Fire the idle timeout now (tests); the real timer does the same. */
void kiosk_window_idle_now(KioskWindow *self);
/* Whether nothing of the last resident is left in any screen or in the engine. */
gboolean kiosk_window_is_wiped(KioskWindow *self, const char **what);
/* Size the window and switch the small-screen style below 1600 px. */
void kiosk_window_set_size(KioskWindow *self, int w, int h);

/* Voice guidance (kiosk-window-voice.c): the window takes voice (NULL: voice off; the one
 * before is freed first, so a caller may free, then make a new espeak-ng engine). */
void kiosk_window_set_voice(KioskWindow *self, kiosk_speech *voice);
kiosk_speech *kiosk_window_voice(KioskWindow *self);
/* One key of the keypad, as the key controller hears it (kiosk-window-keypad.c): TRUE when
 * it was the kiosk's. */
gboolean kiosk_window_key(KioskWindow *self, guint keyval);
/* Keypad keys handled so far, and when the screen on show was announced (monotonic µs). */
unsigned kiosk_window_keys_pressed(KioskWindow *self);
gint64 kiosk_window_announced_at(KioskWindow *self);

G_END_DECLS

#endif
