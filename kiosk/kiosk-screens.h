/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-screens.h — one widget per screen, each with its .ui template in the GResource.
 *
 * Screens do not know the session: their actions ("pin.digit", "question.next", …, the
 * same actions the --script driver activates) emit typed signals, listed in each screen's
 * header, that the window turns into session events (kiosk-window-actions.c); the window
 * then refreshes the screen. No signal carries a resident's value.
 * Every screen that shows something personal has a _wipe() that forgets it.
 *
 * This header only gathers the screens: each lives in its own kiosk-screen-*.{c,h} pair.
 */
#ifndef KIOSK_SCREENS_H
#define KIOSK_SCREENS_H

#include "kiosk-screen-card.h"
#include "kiosk-screen-common.h"
#include "kiosk-screen-confirm.h"
#include "kiosk-screen-done.h"
#include "kiosk-screen-lang.h"
#include "kiosk-screen-menu.h"
#include "kiosk-screen-message.h"
#include "kiosk-screen-pin.h"
#include "kiosk-screen-printing.h"
#include "kiosk-screen-question.h"
#include "kiosk-screen-staff.h"

#endif
