/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-fixture.h — what tests and benchmarks need to fill a form from a fictional profile:
 * a string from a JSON profile, and an answer every question type accepts.
 */
#ifndef KAKANAI_FORM_FIXTURE_H
#define KAKANAI_FORM_FIXTURE_H

#include <json-c/json.h>
#include <stddef.h>

#include "form.h"

/* The day fixtures render on, so that dates in rendered forms are stable. */
#define FIXTURE_TODAY "20260401"

/* The string at key, or NULL when absent or not a string. */
const char *fixture_json_str(json_object *o, const char *key);
/* The question's default, else a valid made-up answer; buf holds numbers. */
const char *fixture_answer(const form_question *q, char *buf, size_t cap);

/* Each template of a catalogue once, in catalogue order, with the first procedure that uses
 * it (its questions give the answers):
 *     fixture_tpl_iter it;
 *     fixture_tpl_iter_init(&it, cat);
 *     for (const form_template *t; (t = fixture_tpl_next(&it, &proc)) != NULL;) ...  */
typedef struct fixture_tpl_iter {
    const form_catalog *cat;
    size_t proc, tpl, ndone;
    const form_template *done[256];
} fixture_tpl_iter;
void fixture_tpl_iter_init(fixture_tpl_iter *it, const form_catalog *cat);
const form_template *fixture_tpl_next(fixture_tpl_iter *it, const form_procedure **proc);

#endif
