/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-script.h — replay UI actions on the real widgets (tests, demos, benchmark).
 *
 * One command per line ('#' comments):
 *   procedure ID        tap a procedure on the menu          (a resident touch)
 *   procedure-index N   tap the N-th procedure of the catalogue (0-based)
 *   answer-questions    answer every question with its suggested answer (defaults, first
 *                       choice, "no", typed kana), one touch per tap
 *   card on|off|pull    put the virtual card on / take it off (over pcscd: SIGUSR2 / SIGUSR1
 *                       to $KAKANAI_VCARD_PID, the kakanai-vcard process) (a resident action)
 *   digit N | pin NNNN  tap digits on the keypad               (one touch per digit)
 *   delete | clear | submit                                    (a touch each)
 *   choose VALUE        tap a choice / yes / no button          (a touch)
 *   answer VALUE        set the value (as typed) and tap Next   (a touch for Next)
 *   kana TEXT           tap kana keys one by one                (a touch per character)
 *   edit N              on the confirmation, change question N (0-based)  (a touch)
 *   next | print | retry | cancel | finish | ok | back         (a touch each)
 *   staff PASSCODE      open staff mode and enter the passcode
 *   staff-action NAME   health | testpage | checkcode | save
 *   lang ja|en          switch language
 *   idle                fire the idle timeout now
 *   wait SCREEN[,SCREEN…] [MS]  until one of the screens shows (default 10000 ms), else fail
 *   sleep MS
 *   expect-tries N      the PIN screen shows N tries left
 *   expect-wiped        nothing of the resident is left anywhere
 *   size W H            resize the window
 *   screenshot PATH     save the window as PNG
 *   rss                 print "rss-peak-kb N" (VmHWM)
 *   run SHELL-COMMAND   tests only: run a command between two steps
 *   mark NAME           print "mark NAME <ms now> shown=<ms the last wait ended>
 *                       touched=<ms of the last tap> touches=<n> keys=<digits and kana typed>"
 *   quit
 * The run ends with status 0 when every command succeeded, 1 at the first failure.
 */
#ifndef KIOSK_SCRIPT_H
#define KIOSK_SCRIPT_H

#include "kiosk-window.h"

/* Start the script on the main loop; *status is set and loop quit at the end. */
gboolean kiosk_script_start(KioskWindow *win, const char *path, GMainLoop *loop, int *status,
                            GError **error);
/* Save the window to a PNG (the same code the script's screenshot uses). */
gboolean kiosk_window_screenshot(KioskWindow *win, const char *path, GError **error);

#endif
