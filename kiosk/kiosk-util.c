/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-util.c — 和暦, kana helpers and problem sentences. See kiosk-util.h. */
#include "kiosk-util.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"

/* The eras and the calendar are forms/' (form_wareki_format, form_days_in_month): the kiosk
 * shows exactly the 和暦 the printed form carries. */
char *kiosk_wareki(int year, int month, int day)
{
    char buf[FORM_WAREKI_MAX];
    if (form_wareki_format(year, month, day, buf, sizeof buf) != FORM_OK)
        return NULL;
    char *w = g_strdup(buf);
    explicit_bzero(buf, sizeof buf); /* a resident's birth date, or an answer */
    return w;
}

char *kiosk_wareki_ymd(const char *s)
{
    if (!s || strlen(s) != 8)
        return NULL;
    char y[5] = {0}, m[3] = {0}, d[3] = {0};
    memcpy(y, s, 4);
    memcpy(m, s + 4, 2);
    memcpy(d, s + 6, 2);
    char *w = kiosk_wareki((int)strtol(y, NULL, 10), (int)strtol(m, NULL, 10),
                           (int)strtol(d, NULL, 10));
    memset(y, 0, sizeof y);
    memset(m, 0, sizeof m);
    memset(d, 0, sizeof d);
    return w;
}

void kiosk_text_free(char *s)
{
    if (s) {
        memset(s, 0, strlen(s));
        g_free(s);
    }
}

int kiosk_days_in_month(int year, int month)
{
    return form_days_in_month(year, month);
}

const char *const kiosk_kana_rows[] = {
    "あいうえお", "かきくけこ", "さしすせそ", "たちつてと", "なにぬねの",
    "はひふへほ", "まみむめも", "や　ゆ　よ", "らりるれろ", "わ　を　ん", NULL,
};

char *kiosk_to_katakana(const char *s)
{
    GString *out = g_string_new(NULL);
    for (const char *p = s; p && *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (c >= 0x3041 && c <= 0x3096)
            c += 0x60;
        g_string_append_unichar(out, c);
    }
    return g_string_free(out, FALSE);
}

/* Pairs (plain, modified) for dakuten, handakuten and small forms, in hiragana. */
static const char *const dakuten[] = {
    "かが", "きぎ", "くぐ", "けげ", "こご", "さざ", "しじ", "すず", "せぜ", "そぞ", "ただ",
    "ちぢ", "つづ", "てで", "とど", "はば", "ひび", "ふぶ", "へべ", "ほぼ", "うゔ", NULL,
};
static const char *const handakuten[] = {"はぱ", "ひぴ", "ふぷ", "へぺ", "ほぽ", NULL};
static const char *const small[] = {"あぁ", "いぃ", "うぅ", "えぇ", "おぉ", "つっ",
                                    "やゃ", "ゆゅ", "よょ", "わゎ", NULL};

char *kiosk_kana_modify(const char *s, int how)
{
    if (!s || !*s)
        return NULL;
    const char *last = g_utf8_find_prev_char(s, s + strlen(s));
    gunichar c = g_utf8_get_char(last);
    bool kata = c >= 0x30A1 && c <= 0x30F6;
    gunichar hira = kata ? c - 0x60 : c;
    const char *const *table = how == 1 ? dakuten : how == 2 ? handakuten : small;
    for (size_t i = 0; table[i]; i++) {
        gunichar a = g_utf8_get_char(table[i]);
        gunichar b = g_utf8_get_char(g_utf8_next_char(table[i]));
        gunichar to = 0;
        if (hira == a)
            to = b;
        else if (hira == b)
            to = a; /* pressing again takes the mark off */
        if (to) {
            GString *out = g_string_new_len(s, last - s);
            g_string_append_unichar(out, kata ? to + 0x60 : to);
            return g_string_free(out, FALSE);
        }
    }
    return NULL;
}

const char *kiosk_problem_text(kiosk_problem p)
{
    switch (p) {
    case KIOSK_P_NO_READER:
        return _("The card reader is not connected. Please call a staff member.");
    case KIOSK_P_NO_SERVICE:
        return _("The card reader is not working. Please call a staff member.");
    case KIOSK_P_NOT_MYNA:
        return _("This card cannot be read here. Please use your My Number card.");
    case KIOSK_P_CARD:
        return _("The card could not be read. Please try again, or call a staff member.");
    case KIOSK_P_CARD_PULLED:
        return _("The card was taken off the reader, so everything was erased. Please start "
                 "again.");
    case KIOSK_P_BLOCKED:
        return _("The PIN of this card is locked. Please go to the counter; staff will help "
                 "you.");
    case KIOSK_P_TIMEOUT:
        return _("Time ran out, so everything was erased.");
    case KIOSK_P_FORM:
        return _("This form cannot be printed here. Please go to the counter; staff will "
                 "write it with you.");
    case KIOSK_P_NO_PRINTER:
        return _("The printer cannot be found. Please call a staff member.");
    case KIOSK_P_PRINTER_OFFLINE:
        return _("The printer is switched off or not connected. Please call a staff member.");
    case KIOSK_P_OUT_OF_PAPER:
        return _("The printer is out of paper. Please call a staff member, then press Try "
                 "again.");
    case KIOSK_P_PRINTER:
        return _("The printer has a problem. Please call a staff member.");
    case KIOSK_P_INTERNAL:
        return _("Something went wrong. Please call a staff member.");
    default:
        return "";
    }
}
