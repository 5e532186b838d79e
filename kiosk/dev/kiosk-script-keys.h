/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-script-keys.h — real key presses for the --script runner (tests only): XTest sends
 * them through the X server, so they reach the kiosk as a USB keypad's would (GDK, the key
 * controller), not as calls into the kiosk.
 */
#ifndef KIOSK_SCRIPT_KEYS_H
#define KIOSK_SCRIPT_KEYS_H

#include <gtk/gtk.h>

/* Press and release each key named (X keysym names: KP_5, KP_Enter, KP_Add, BackSpace …),
 * after giving the window the X input focus. FALSE with a message for an unknown name or
 * without an X11 display. */
gboolean kiosk_script_keys(GtkWidget *win, const char *const *names, GError **error);

#endif
