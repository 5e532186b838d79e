/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-sample.h — the fictional residents the studio previews a template with: the
 * hardest cases a form must survive (a name with 𠮷, one with an ideographic variation
 * sequence, a 120-character Latin name, an address with a long 方書). Fictional sample data:
 * none of it belongs to a person.
 */
#ifndef DESIGNER_SAMPLE_H
#define DESIGNER_SAMPLE_H

#include <stddef.h>

#include "form.h"

typedef struct dz_sample {
    const char *label; /* shown in the studio's picker */
    const char *name, *address, *birth, *sex, *number;
    const char *kana;  /* answer for kana questions */
} dz_sample;

size_t dz_sample_count(void);
const dz_sample *dz_sample_get(size_t i);

/* Fill v with resident i and a plausible answer to each of t's questions (its default, the
 * first choice, "yes", the minimum, today, the resident's reading, a short text). */
form_err dz_sample_fill(const form_template *t, size_t i, form_values *v);

#endif /* DESIGNER_SAMPLE_H */
