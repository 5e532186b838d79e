/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-screen-preview.h — every page the visit will print, checked by staff while the
 * resident checks the same pages on the resident's screen (CounterPreviewScreen); layout in
 * ui/preview.ui. Signals: "print-requested", "back".
 */
#ifndef COUNTER_SCREEN_PREVIEW_H
#define COUNTER_SCREEN_PREVIEW_H

#include <gtk/gtk.h>

#include "counter-pages.h"

G_BEGIN_DECLS

#define COUNTER_TYPE_PREVIEW_SCREEN (counter_preview_screen_get_type())
G_DECLARE_FINAL_TYPE(CounterPreviewScreen, counter_preview_screen, COUNTER, PREVIEW_SCREEN,
                     GtkBox)
GtkWidget *counter_preview_screen_new(void);
CounterPages *counter_preview_screen_pages(CounterPreviewScreen *self);
/* "Making the forms…" (busy) or the pages, with a line saying what was made. */
void counter_preview_screen_set_busy(CounterPreviewScreen *self, gboolean busy,
                                     const char *summary);

G_END_DECLS

#endif
