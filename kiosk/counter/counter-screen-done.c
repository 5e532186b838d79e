/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-screen-done.c — print jobs and 「次の方」. See counter-screen-done.h. */
#include "counter-screen-done.h"

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"

struct _CounterDoneScreen {
    GtkBox parent;
    GtkWidget *jobs, *summary;
    GPtrArray *states; /* GtkLabel per job */
};
G_DEFINE_FINAL_TYPE(CounterDoneScreen, counter_done_screen, GTK_TYPE_BOX)

static guint sig_next;

static void on_next(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, sig_next, 0); }

static void counter_done_screen_dispose(GObject *o)
{
    CounterDoneScreen *self = COUNTER_DONE_SCREEN(o);
    g_clear_pointer(&self->states, g_ptr_array_unref);
    G_OBJECT_CLASS(counter_done_screen_parent_class)->dispose(o);
}

static void counter_done_screen_class_init(CounterDoneScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = counter_done_screen_dispose;
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "done.ui");
    gtk_widget_class_bind_template_child(wc, CounterDoneScreen, jobs);
    gtk_widget_class_bind_template_child(wc, CounterDoneScreen, summary);
    gtk_widget_class_install_action(wc, "done.next", NULL, on_next);
    sig_next = kiosk_screen_signal_new(klass, "next-visitor");
}

static void counter_done_screen_init(CounterDoneScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    self->states = g_ptr_array_new();
}

GtkWidget *counter_done_screen_new(void) { return g_object_new(COUNTER_TYPE_DONE_SCREEN, NULL); }

void counter_done_screen_set_jobs(CounterDoneScreen *self, const char *const *titles, size_t n)
{
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(self->jobs)))
        gtk_grid_remove(GTK_GRID(self->jobs), c);
    g_ptr_array_set_size(self->states, 0);
    for (size_t i = 0; i < n; i++) {
        GtkWidget *t = gtk_label_new(titles[i]);
        gtk_label_set_xalign(GTK_LABEL(t), 0);
        GtkWidget *s = gtk_label_new("…");
        gtk_label_set_xalign(GTK_LABEL(s), 0);
        gtk_grid_attach(GTK_GRID(self->jobs), t, 0, (int)i, 1, 1);
        gtk_grid_attach(GTK_GRID(self->jobs), s, 1, (int)i, 1, 1);
        g_ptr_array_add(self->states, s);
    }
}

void counter_done_screen_set_job(CounterDoneScreen *self, size_t i, const char *state)
{
    if (i < self->states->len)
        gtk_label_set_text(GTK_LABEL(self->states->pdata[i]), state);
}

void counter_done_screen_set_summary(CounterDoneScreen *self, const char *text)
{
    gtk_label_set_text(GTK_LABEL(self->summary), text ? text : "");
}
