/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-window-private.h — shared by counter-window*.c only. See counter-window.h. */
#ifndef COUNTER_WINDOW_PRIVATE_H
#define COUNTER_WINDOW_PRIVATE_H

#include "counter-audit.h"
#include "counter-batch.h"
#include "counter-resident.h"
#include "counter-screen-answers.h"
#include "counter-screen-done.h"
#include "counter-screen-interview.h"
#include "counter-screen-members.h"
#include "counter-screen-preview.h"
#include "counter-screen-procedures.h"
#include "counter-screen-signin.h"
#include "counter-staff.h"
#include "counter-visit.h"
#include "counter-window.h"
#include "kiosk-card-worker.h"
#include "kiosk-mailbox.h"
#include "kiosk-session.h"

typedef struct print_task print_task;

struct _CounterWindow {
    GtkWindow parent;
    GtkWidget *stack, *who, *signout, *cancel;
    CounterSigninScreen *signin;
    CounterProceduresScreen *procedures;
    CounterInterviewScreen *interview;
    CounterMembersScreen *members;
    CounterAnswersScreen *answers;
    CounterPreviewScreen *preview;
    CounterDoneScreen *done;
    CounterResidentWindow *resident;

    kiosk_config *config;
    kiosk_card_source *cards;
    char *lang;
    form_catalog *cat;
    counter_staff *staff;
    counter_audit *audit;
    char staff_id[COUNTER_STAFF_ID_MAX + 1]; /* "" when nobody is signed in */
    counter_visit *visit;
    unsigned reception; /* 受付番号 of the day, counted per window */

    /* the card being read (one at a time) */
    kiosk_mailbox *mb;
    kiosk_card_worker *card;
    gint card_threads;
    gboolean card_code_b, card_read;
    counter_role card_role;
    char *secret; /* KIOSK_SECRET_MAX bytes, locked: PIN digits or 照合番号B */
    size_t secret_len;
    int tries;
    gint64 t_tap;

    /* the documents of the visit */
    counter_batch *batch; /* rendered, shown; passes to the print task */
    guint render_serial;
    gboolean rendering;
    print_task *printing;  /* the visit's print task, NULL when none */
    gint print_threads;    /* print tasks still running (also of visits wiped since) */
    unsigned printed, failed, forms;

    double read_ms, render_ms, accepted_ms;
    char fingerprint[65]; /* of the template folder the catalogue was loaded from */
    guint reload_tick;
    int idle_seconds;
    gint64 last_input;
    guint idle_id;
};

/* counter-window.c */
void counter_window_go(CounterWindow *self, const char *screen);
void counter_window_end_visit(CounterWindow *self, counter_end why);
void counter_window_status(CounterWindow *self, const char *text, gboolean busy);

/* counter-window-card.c */
void counter_window_card_init(CounterWindow *self);
void counter_window_card_start(CounterWindow *self, gboolean code_b);
void counter_window_card_stop(CounterWindow *self, gboolean join);
void counter_window_card_deliver(void *user, kiosk_msg *m);

/* counter-window-reload.c: a changed template folder is loaded at a quiet moment */
#define COUNTER_RELOAD_SECONDS 5
void counter_window_templates_seen(CounterWindow *self);
gboolean counter_window_templates_reload(CounterWindow *self);

/* counter-window-print.c */
void counter_window_render(CounterWindow *self);
void counter_window_print(CounterWindow *self);
void counter_window_print_drop(CounterWindow *self);

#endif
