/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-mailbox.h — typed messages from the worker threads to the UI thread.
 *
 * A worker posts from any thread; each message becomes an idle source in the default main
 * context and is handed to the mailbox's deliver function on the UI thread. The mailbox
 * keeps track of every message not delivered yet: kiosk_mailbox_drop (and _free) remove them
 * and wipe what they carry (card attributes, a rendered document) unseen. Whatever the
 * deliver function leaves in a message is wiped after it returns; it steals what it keeps.
 */
#ifndef KIOSK_MAILBOX_H
#define KIOSK_MAILBOX_H

#include <glib.h>

#include "form.h"
#include "kiosk-card-source.h"
#include "kiosk-session.h"
#include "myna.h"

typedef enum kiosk_msg_kind {
    KIOSK_MSG_EVENT,       /* a session event: ev, arg */
    KIOSK_MSG_READER,      /* what the reader shows: reader */
    KIOSK_MSG_PRINT_STAGE, /* how far the print job is: stage */
    KIOSK_MSG_TESTPAGE,    /* the staff's test page ended: result (no session) */
    KIOSK_MSG_CARD_READ,   /* the card's attributes: attrs, apdus (event KIOSK_EV_READ_OK) */
    KIOSK_MSG_RENDERED,    /* a render ended: render_gen, result, doc or diags */
} kiosk_msg_kind;

typedef struct kiosk_msg {
    kiosk_msg_kind kind;
    guint gen;        /* the session generation it belongs to */
    guint render_gen; /* KIOSK_MSG_RENDERED: which render */
    kiosk_event_type ev;
    int arg;
    kiosk_reader_status reader;
    form_print_stage stage;
    form_err result;
    myna_attrs *attrs; /* owned; locked memory */
    unsigned apdus;
    form_doc *doc;     /* owned; locked memory */
    form_diags *diags; /* owned */
} kiosk_msg;

typedef struct kiosk_mailbox kiosk_mailbox;
typedef void (*kiosk_mailbox_fn)(void *user, kiosk_msg *m);

kiosk_mailbox *kiosk_mailbox_new(kiosk_mailbox_fn deliver, void *user);
/* UI thread; drops (and wipes) what is still queued. NULL-safe. */
void kiosk_mailbox_free(kiosk_mailbox *mb);
/* UI thread: drop every message not delivered yet, wiping its payload. */
void kiosk_mailbox_drop(kiosk_mailbox *mb);

/* Any thread. */
void kiosk_mailbox_post_event(kiosk_mailbox *mb, guint gen, kiosk_event_type ev, int arg);
void kiosk_mailbox_post_reader(kiosk_mailbox *mb, guint gen, kiosk_reader_status st);
void kiosk_mailbox_post_stage(kiosk_mailbox *mb, guint gen, form_print_stage stage);
void kiosk_mailbox_post_testpage(kiosk_mailbox *mb, form_err result);
/* attrs and doc/diags pass to the mailbox. */
void kiosk_mailbox_post_card_read(kiosk_mailbox *mb, guint gen, myna_attrs *attrs,
                                  unsigned apdus);
void kiosk_mailbox_post_rendered(kiosk_mailbox *mb, guint gen, guint render_gen, form_err result,
                                 form_doc *doc, form_diags *diags);

#endif
