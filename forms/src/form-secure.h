/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-secure.h — locked memory for personal data inside forms/ (internal).
 *
 * Uses OpenSSL's secure heap (mlock'd, excluded from core dumps) when the process set it up
 * (myna_secure_init() in the kiosk, or form_secure_init()); otherwise ordinary memory that is
 * still wiped on free. Every allocation here is zeroed and wiped on release.
 */
#ifndef FORM_SECURE_H
#define FORM_SECURE_H

#include <stdbool.h>
#include <stddef.h>

/* Set up the secure heap if nobody has; false when memory cannot be locked. */
bool form_secure_init(size_t bytes);
void *form_secure_alloc(size_t n);
void *form_secure_realloc(void *p, size_t old_n, size_t new_n);
void form_secure_free(void *p, size_t n);
/* Copy a NUL-terminated string into locked memory (NULL on NULL or out of memory). */
char *form_secure_strdup(const char *s);
/* Wipe and free a string from form_secure_strdup. */
void form_secure_strfree(char *s);

#endif /* FORM_SECURE_H */
