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

#endif
