/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-util.h — small helpers for the screens: 和暦 dates, kana rows, problem sentences.
 */
#ifndef KIOSK_UTIL_H
#define KIOSK_UTIL_H

#include <glib.h>
#include <stdbool.h>

#include "kiosk-session.h"

/* "令和7年11月25日" for 2025-11-25 (元年 for the first year); y/m/d as numbers. The eras are
 * form_wareki_format's (forms/include/form.h), to the day. Returns g_malloc'd text, or NULL
 * for a date that does not exist or falls before 明治 6 (1873). */
char *kiosk_wareki(int year, int month, int day);
/* The same for "YYYYMMDD" (8 characters, as on the card and in date answers; the digits are
 * read as they stand); NULL when s is not 8 characters long. Free with kiosk_text_free. */
char *kiosk_wareki_ymd(const char *s);
/* Wipe then g_free a string that showed something personal (NULL is a no-op). */
void kiosk_text_free(char *s);
/* Days in month (Gregorian), 0 for a month outside 1..12: form_days_in_month. */
int kiosk_days_in_month(int year, int month);

/* The kana keypad: rows of the gojūon table in hiragana (NULL-terminated strings). */
extern const char *const kiosk_kana_rows[];
/* Convert hiragana in s to katakana (other characters unchanged); g_malloc'd. */
char *kiosk_to_katakana(const char *s);
/* Apply 濁点 (dakuten=1), 半濁点 (2) or small form (3) to the last character of a kana
 * string in place-ish: returns a new string (g_malloc'd), or NULL when not applicable. */
char *kiosk_kana_modify(const char *s, int how);

/* Sentence for the resident (translated) and the staff-call flag. */
const char *kiosk_problem_text(kiosk_problem p);

#endif
