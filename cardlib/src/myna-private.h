/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-private.h — internals shared by cardlib's modules (not installed). */
#ifndef MYNA_PRIVATE_H
#define MYNA_PRIVATE_H

#include "myna.h"

/* The smallest secure arena myna_secure_init sets up (rounded to a power of two). */
#define MYNA_SECURE_MIN (64u * 1024u)

/* Whether p lies in the locked heap (tests check that secrets do). */
bool myna_secure_locked(const void *p);
/* Wipe n bytes so the compiler cannot drop it. */
void myna_wipe(void *p, size_t n);

#endif /* MYNA_PRIVATE_H */
