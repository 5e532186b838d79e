/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screen-common.h — what every screen widget shares: the GResource, typed
 * signals, the digit keypad, PIN dots. Used by the kiosk-screen-*.c files only.
 */
#ifndef KIOSK_SCREEN_COMMON_H
#define KIOSK_SCREEN_COMMON_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where the templates live in the GResource. */
#define KIOSK_SCREEN_RES "/jp/kakanai/kiosk/"

/* Register the GResource (templates, CSS) once; call before making any screen. */
void kiosk_screens_register(void);

/* A typed screen signal, from class_init: with no argument, or with one int (a digit, an
 * index). A screen never sends a resident's value through a signal: the window reads it from
 * the screen's locked memory through a getter. Returns the signal id. */
guint kiosk_screen_signal_new(gpointer klass, const char *name);
guint kiosk_screen_signal_new_int(gpointer klass, const char *name);

/* A big keypad of digits into grid: 1-9, then left / 0 / right. digit_action gets the
 * digit as an "i" target. */
void kiosk_screen_build_keypad(GtkGrid *grid, const char *digit_action, const char *left_label,
                               const char *left_action, const char *right_label,
                               const char *right_action);
/* Remove every child of a box (or any widget whose children are unparented). */
void kiosk_screen_clear_box(GtkWidget *box);
/* "●●○○": filled of len; g_free. */
char *kiosk_screen_dots(size_t filled, size_t len);

G_END_DECLS

#endif
