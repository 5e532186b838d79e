/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kakanai-form-events.h — the life-event commands of kakanai-form (kakanai-form-events.c). */
#ifndef KAKANAI_FORM_EVENTS_H
#define KAKANAI_FORM_EVENTS_H

#include "form.h"

/* `check DIR`: every event of DIR parsed, bound and checked, problems into d. */
void kf_check_events(const char *dir, form_diags *d);
/* `check FILE.event`: true when path is an event file (checked against the catalogue of the
 * folder above its events/ folder, problems into d); false for any other path. */
bool kf_check_event_file(const char *path, form_diags *d);
/* `events DIR`: exit status. */
int kf_cmd_events(const char *dir);
/* `navigate DIR --event ID [--answers A.json] [--today YYYYMMDD]` (argv after "navigate"). */
int kf_cmd_navigate(int argc, char **argv);
/* `annai DIR --event ID … --out F.pdf`: the guide sheet of a navigation. */
int kf_cmd_annai(int argc, char **argv);

#endif
