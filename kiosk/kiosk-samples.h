/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-samples.h — sample documents: a made-up resident (見本 花子), clearly marked as
 * such, never real card data. Used by the staff's test page and, without a display, to show
 * what each procedure prints.
 */
#ifndef KIOSK_SAMPLES_H
#define KIOSK_SAMPLES_H

#include "form.h"

/* The sample document of procedure p (form_render's ownership rules). The number, only for
 * forms with a legal basis, is the fictional test resident's (a valid check digit). */
form_err kiosk_sample_doc(const form_procedure *p, form_doc **doc, form_diags **diags);

/* Render each procedure of cat with sample values into dir (sample-ID.pdf; each path on
 * stdout). Returns the number of procedures that failed. */
int kiosk_samples_render(const form_catalog *cat, const char *dir, const char *lang);

#endif
