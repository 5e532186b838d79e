/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-audit.h — the counter's audit log: who ran which procedures when. Events only.
 *
 * One line per event, appended (O_APPEND, one write(2) per line, fsync), never rewritten:
 *   2026-12-05T07:31:02Z seq=12 staff=S0042 what=visit event=tennyu
 *     procedures=tennyu,kokuho_kanyu,jidoteate forms=4 printed=5 failed=0 members=3 cards=2
 *     code_b=0 typed=1 end=next prev=<64 hex> hash=<64 hex>
 * (one line in the file). hash = SHA-256 over the previous line's hash and this line up to
 * " hash=": a line changed, removed or inserted breaks the chain (counter_audit_verify).
 * Only identifiers go in: staff IDs, event and procedure ids ([a-z0-9_.-]) and counts. The
 * API takes no free text, so no resident's name, address, number or answer can reach it.
 */
#ifndef COUNTER_AUDIT_H
#define COUNTER_AUDIT_H

#include "counter-error.h"
#include "counter-visit.h"

#include <stddef.h>

#define COUNTER_AUDIT_FILE "/var/log/kakanai/counter-audit.log"
#define COUNTER_AUDIT_LINE_MAX 4096
#define COUNTER_AUDIT_FILE_MAX (256u << 20) /* read at most this much to find the chain */

typedef struct counter_audit counter_audit;

/* Open (create 0640) the log and find the chain's last hash. COUNTER_E_AUDIT_TAMPERED when the
 * chain is broken already (the line in *bad_line, may be NULL): the app refuses to start and
 * says so; COUNTER_E_IO, COUNTER_E_NOMEM, COUNTER_E_ARG. Free with counter_audit_free. */
counter_err counter_audit_open(const char *path, counter_audit **out, unsigned *bad_line);
void counter_audit_free(counter_audit *a);

/* what: "sign-in", "sign-in-failed", "sign-out", "locked". staff must be a valid staff ID
 * (an invalid one is logged as "?"). */
counter_err counter_audit_staff(counter_audit *a, const char *what, const char *staff);

typedef struct counter_audit_visit {
    const char *staff;              /* staff ID */
    const char *event;              /* event id or NULL */
    const char *const *procedures;  /* procedure ids */
    size_t n_procedures;
    unsigned forms;   /* documents made (forms + guide sheet) */
    unsigned printed; /* jobs accepted by the printer */
    unsigned failed;  /* jobs that failed */
    counter_visit_stats stats;      /* counts only */
    counter_end end;
} counter_audit_visit;

/* COUNTER_E_ARG when an id is not an identifier (nothing is written then). */
counter_err counter_audit_visit_done(counter_audit *a, const counter_audit_visit *e);

/* Check a log's hash chain: COUNTER_OK (also for a missing or empty file), or
 * COUNTER_E_AUDIT_TAMPERED with the first bad line in *bad_line; COUNTER_E_IO. *lines (may be
 * NULL) gets the number of lines checked. */
counter_err counter_audit_verify(const char *path, unsigned *lines, unsigned *bad_line);

#endif
