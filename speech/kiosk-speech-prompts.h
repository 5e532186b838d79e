/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-speech-prompts.h — what the kiosk says, per screen and per language.
 *
 * One table per language. Japanese rows are pairs: the やさしい日本語 text as a sighted resident
 * would read it, and beside it the kana reading handed to espeak-ng (whose Japanese voice reads
 * kana only: a kanji is spoken as "Chinese letter"). Other languages are spoken as written.
 * Filipino (tl) has no espeak-ng voice: it uses the English prompts and voice.
 *
 * Numbers the kiosk says (tries left, copies, question n of m) are spelled as words, so the text
 * handed to the engine on the PIN screen never holds a digit at all.
 *
 * Keys named in the prompts (kiosk keypad, README "Keypad"): 8/2 (or arrows) move, 5 or Enter
 * choose, − back, + repeat, * call staff, BackSpace erase. Templates: {1} {2} {3}.
 */
#ifndef KIOSK_SPEECH_PROMPTS_H
#define KIOSK_SPEECH_PROMPTS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum kiosk_prompt {
    /* screens, announced when they appear */
    KIOSK_PROMPT_MENU = 0,   /* what it is, how to choose a procedure */
    KIOSK_PROMPT_CARD,       /* put the card on the reader */
    KIOSK_PROMPT_PIN,        /* type the 4-digit PIN on the keypad (clicks, never digits) */
    KIOSK_PROMPT_PIN_PAD,    /* type it on the card reader's own keypad */
    KIOSK_PROMPT_READING,    /* reading the card */
    KIOSK_PROMPT_QUESTION,   /* {1} = "question n of m" phrase, {2} = the question */
    KIOSK_PROMPT_CONFIRM,    /* check, then print; {1} = copies phrase */
    KIOSK_PROMPT_PRINTING,
    KIOSK_PROMPT_DONE,       /* take the paper and the card */
    KIOSK_PROMPT_ERROR,      /* {1} = what happened */
    KIOSK_PROMPT_STAFF_CALL, /* {1} = the counter's number (word): go there */
    KIOSK_PROMPT_STAFF,      /* staff mode */
    /* phrases */
    KIOSK_PHRASE_TRIES,      /* {1} = tries left (word) */
    KIOSK_PHRASE_LAST_TRY,   /* one try left: warning */
    KIOSK_PHRASE_PIN_WRONG,  /* the PIN was wrong */
    KIOSK_PHRASE_BLOCKED,    /* the PIN is locked: staff */
    KIOSK_PHRASE_FOCUS,      /* {1} = label, {2} = position word, {3} = count word */
    KIOSK_PHRASE_SELECTED,   /* {1} = label: chosen (checked) */
    KIOSK_PHRASE_NOT_SELECTED, /* {1} = label: not chosen */
    KIOSK_PHRASE_COPIES,     /* {1} = count word */
    KIOSK_PHRASE_QUESTION_N, /* {1} = n, {2} = m (words) */
    KIOSK_PHRASE_DIGITS,     /* {1} = digits typed so far (word): "two digits typed" */
    KIOSK_PHRASE_PRINTER_PAPER,
    KIOSK_PHRASE_PRINTER_JAM,
    KIOSK_PHRASE_PRINTER_OFFLINE,
    KIOSK_PHRASE_PRINTER_OTHER,
    KIOSK_PHRASE_CARD_REMOVED, /* the card was taken away: start again */
    KIOSK_PHRASE_YES,
    KIOSK_PHRASE_NO,
    KIOSK_PHRASE_PRINT,      /* button names the kiosk speaks on focus */
    KIOSK_PHRASE_BACK,
    KIOSK_PHRASE_CALL_STAFF,
    KIOSK_PHRASE_REPEAT,     /* the 「音声」 button */
    KIOSK_PHRASE_PREPARING,  /* the form is being prepared: wait */
    KIOSK_PROMPT_COUNT
} kiosk_prompt;

/* The languages with a table: ja en zh ko vi pt-BR ne id, and tl (→ en). */
#define KIOSK_SPEECH_LANGS 9u
/* The i-th language tag (i < KIOSK_SPEECH_LANGS), NULL otherwise. */
const char *kiosk_speech_lang_at(size_t i);

/* What to hand the engine: the kana reading for ja, the text itself elsewhere. An unknown
 * language gets English (the kiosk's visible fallback too). Never NULL for a valid id. */
const char *kiosk_prompt_speech(const char *lang, kiosk_prompt id);
/* What a sighted resident reads (ja: やさしい日本語 with kanji; elsewhere the same text). */
const char *kiosk_prompt_text(const char *lang, kiosk_prompt id);
/* The language whose voice speaks lang's prompts ("tl" → "en"; unknown → "en"). */
const char *kiosk_prompt_voice_lang(const char *lang);

/* A number as a word for speaking (0..20), digits above (never used for a PIN). Static. */
const char *kiosk_prompt_number(const char *lang, unsigned n);

/* Fill a template: {1} {2} {3} replaced by a1 a2 a3 (NULL = empty). Writes at most cap bytes,
 * always NUL-terminated; false when it did not fit (out holds what did). */
bool kiosk_prompt_format(char *out, size_t cap, const char *tmpl, const char *a1, const char *a2,
                         const char *a3);

/* Japanese text → what espeak-ng reads well: every word of the built-in city-hall lexicon
 * (住民票 → じゅうみんひょう ...) replaced by its kana reading, longest match first. Returns
 * how many kanji (CJK ideographs) are left unread; 0 means the text is kana only. Writes at
 * most cap bytes, NUL-terminated. */
size_t kiosk_speech_kana(const char *text, char *out, size_t cap);

#endif /* KIOSK_SPEECH_PROMPTS_H */
