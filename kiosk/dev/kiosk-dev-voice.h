/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-dev-voice.h — the voice captured for tests (kakanai-kiosk-dev only, never installed):
 * espeak-ng as in the kiosk, its sound into a WAV file instead of the sound card, and every
 * text handed to the engine written to a log, one line each ("lang<TAB>text"), so a test can
 * check what was said (the PIN never) and that something was heard. The log holds every text
 * spoken, a resident's name too when it is read aloud on request: fictional residents only.
 */
#ifndef KIOSK_DEV_VOICE_H
#define KIOSK_DEV_VOICE_H

#include "kiosk-window.h"

/* Replace the window's voice; wav_path and/or log_path may be NULL (no WAV: null sink). */
gboolean kiosk_dev_voice_attach(KioskWindow *win, const char *wav_path, const char *log_path,
                                GError **error);

#endif
