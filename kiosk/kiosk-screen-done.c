/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-done.c — the done screen. See kiosk-screen-done.h. */
#include "kiosk-screen-done.h"

#include <glib/gi18n.h>

#include "kiosk-screen-common.h"

struct _KioskDoneScreen {
    GtkBox parent;
    GtkWidget *counter;
};
G_DEFINE_FINAL_TYPE(KioskDoneScreen, kiosk_done_screen, GTK_TYPE_BOX)

static guint sig_finished;

static void done_finish(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, sig_finished, 0);
}

static void kiosk_done_screen_class_init(KioskDoneScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "done.ui");
    gtk_widget_class_bind_template_child(wc, KioskDoneScreen, counter);
    gtk_widget_class_install_action(wc, "done.finish", NULL, done_finish);
    sig_finished = kiosk_screen_signal_new(klass, "finished");
}

static void kiosk_done_screen_init(KioskDoneScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_done_screen_new(void) { return g_object_new(KIOSK_TYPE_DONE_SCREEN, NULL); }

void kiosk_done_screen_set_counter(KioskDoneScreen *self, int counter)
{
    g_autofree char *t = counter > 0
                             ? g_strdup_printf(_("Please take the form to counter %d."), counter)
                             : g_strdup(_("Please take the form to the counter."));
    gtk_label_set_text(GTK_LABEL(self->counter), t);
}
