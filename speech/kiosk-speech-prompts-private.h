/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-speech-prompts-private.h — the tables behind kiosk-speech-prompts.h (internal). */
#ifndef KIOSK_SPEECH_PROMPTS_PRIVATE_H
#define KIOSK_SPEECH_PROMPTS_PRIVATE_H

#include "kiosk-speech-prompts.h"

struct kiosk_prompt_row {
    const char *text;   /* what a sighted resident reads */
    const char *speech; /* handed to the engine (ja: the kana reading) */
};

extern const struct kiosk_prompt_row kiosk_prompts_ja[KIOSK_PROMPT_COUNT];
extern const struct kiosk_prompt_row kiosk_prompts_en[KIOSK_PROMPT_COUNT];
extern const struct kiosk_prompt_row kiosk_prompts_zh[KIOSK_PROMPT_COUNT];
extern const struct kiosk_prompt_row kiosk_prompts_ko[KIOSK_PROMPT_COUNT];
extern const struct kiosk_prompt_row kiosk_prompts_vi[KIOSK_PROMPT_COUNT];
extern const struct kiosk_prompt_row kiosk_prompts_pt_br[KIOSK_PROMPT_COUNT];
extern const struct kiosk_prompt_row kiosk_prompts_ne[KIOSK_PROMPT_COUNT];
extern const struct kiosk_prompt_row kiosk_prompts_id[KIOSK_PROMPT_COUNT];

extern const char *const kiosk_numbers_ja[21];
extern const char *const kiosk_numbers_en[21];
extern const char *const kiosk_numbers_zh[21];
extern const char *const kiosk_numbers_ko[21];
extern const char *const kiosk_numbers_vi[21];
extern const char *const kiosk_numbers_pt_br[21];
extern const char *const kiosk_numbers_ne[21];
extern const char *const kiosk_numbers_id[21];

/* The city-hall lexicon: { kanji word, kana reading }, terminated by { NULL, NULL }. */
extern const char *const kiosk_lexicon_ja[][2];

#endif /* KIOSK_SPEECH_PROMPTS_PRIVATE_H */
