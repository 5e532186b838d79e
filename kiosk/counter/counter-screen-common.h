/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-common.h — what the counter's screens share: their GResource, and text
 * entries for residents' data.
 *
 * Staff type names, kana, dates and numbers of residents into ordinary GtkEntry widgets, so
 * that the desktop's input method (IBus, fcitx: kanji conversion) works as everywhere else.
 * Their buffer is GTK's own GtkEntryBuffer, which wipes the bytes it deletes, the block it
 * outgrows and the rest when it goes; GtkPasswordEntryBuffer does not (its delete moves the
 * tail down and only the first byte of a cleared text is overwritten: found with kakanai-scan),
 * and a buffer of our own in locked memory crashed GtkText, whose deleted-text handler walks
 * the old length past the NUL. Undo is off (the undo history is a copy GTK frees unwiped).
 */
#ifndef COUNTER_SCREEN_COMMON_H
#define COUNTER_SCREEN_COMMON_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COUNTER_SCREEN_RES "/jp/kakanai/counter/"

/* The counter's GResource (templates, CSS) and the kiosk's (the PIN screen); once. */
void counter_screens_register(void);
/* Make entry (from a template) a fresh buffer that wipes what it deletes; undo off. */
void counter_entry_make_secure(GtkEntry *entry);
/* Empty an entry (the buffer wipes what it held). */
void counter_entry_clear(GtkEntry *entry);
/* The entry's text (borrowed; "" when empty). */
const char *counter_entry_text(GtkEntry *entry);

G_END_DECLS

#endif
