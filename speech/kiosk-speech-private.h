/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-speech-private.h — helpers shared by the speech files and their tests (internal). */
#ifndef KIOSK_SPEECH_PRIVATE_H
#define KIOSK_SPEECH_PRIVATE_H

#include "kiosk-speech.h"

/* The neutral tick at rate: writes at most cap samples, returns how many (0 if cap is too
 * small). Deterministic: the same samples every time. */
size_t kiosk_speech_make_tick(unsigned rate, int16_t *out, size_t cap);
/* CLOCK_MONOTONIC in microseconds. */
int64_t kiosk_speech_now_us(void);
/* Strict UTF-8 (no overlongs, surrogates, > U+10FFFF, truncation). */
bool kiosk_speech_utf8_valid(const char *s, size_t n);

#endif /* KIOSK_SPEECH_PRIVATE_H */
