/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-pages.h — every page of a visit's documents, one at a time (CounterPages).
 *
 * Poppler reads the very bytes that go to the printer, in place (never a file); each page's
 * pixels are wiped when its texture goes. ◀ ▶ flip through every page of every document; the
 * caption names the document ("2/5 国民健康保険 加入届", a procedure title, never a value).
 * Used on the staff's preview screen and on the resident's screen.
 */
#ifndef COUNTER_PAGES_H
#define COUNTER_PAGES_H

#include <gtk/gtk.h>

#include "counter-batch.h"

G_BEGIN_DECLS

#define COUNTER_PAGES_MAX 40 /* pages shown (a household's forms) */

#define COUNTER_TYPE_PAGES (counter_pages_get_type())
G_DECLARE_FINAL_TYPE(CounterPages, counter_pages, COUNTER, PAGES, GtkBox)
GtkWidget *counter_pages_new(void);
/* Render every page of b's documents (b is only read during the call). FALSE when none. */
gboolean counter_pages_set_batch(CounterPages *self, const counter_batch *b, const char *lang);
int counter_pages_count(CounterPages *self);
int counter_pages_current(CounterPages *self);
void counter_pages_show(CounterPages *self, int page);
/* Drop (and wipe) every page. */
void counter_pages_wipe(CounterPages *self);

G_END_DECLS

#endif
