/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-printing.c — the printing screen. See kiosk-screen-printing.h. */
#include "kiosk-screen-printing.h"

#include <glib/gi18n.h>

#include "kiosk-screen-common.h"

struct _KioskPrintingScreen {
    GtkBox parent;
    GtkWidget *spinner, *title, *status, *problem_buttons;
};
G_DEFINE_FINAL_TYPE(KioskPrintingScreen, kiosk_printing_screen, GTK_TYPE_BOX)

enum { SIG_RETRY, SIG_CANCELLED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void printing_retry(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_RETRY], 0);
}

static void printing_cancel(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_CANCELLED], 0);
}

static void kiosk_printing_screen_class_init(KioskPrintingScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "printing.ui");
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, spinner);
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, status);
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, problem_buttons);
    gtk_widget_class_install_action(wc, "printing.retry", NULL, printing_retry);
    gtk_widget_class_install_action(wc, "printing.cancel", NULL, printing_cancel);
    signals[SIG_RETRY] = kiosk_screen_signal_new(klass, "retry-requested");
    signals[SIG_CANCELLED] = kiosk_screen_signal_new(klass, "cancelled");
}

static void kiosk_printing_screen_init(KioskPrintingScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_printing_screen_new(void)
{
    return g_object_new(KIOSK_TYPE_PRINTING_SCREEN, NULL);
}

void kiosk_printing_screen_set_stage(KioskPrintingScreen *self, form_print_stage stage)
{
    static const char *const text[] = {N_("Sending your form to the printer…"),
                                       N_("Waiting for the printer…"), N_("Printing…"),
                                       N_("Printed.")};
    kiosk_printing_screen_set_problem(self, NULL);
    gtk_label_set_text(GTK_LABEL(self->status), _(text[stage <= FORM_PRINT_DONE ? stage : 0]));
}

void kiosk_printing_screen_set_problem(KioskPrintingScreen *self, const char *problem)
{
    gboolean p = problem != NULL;
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), !p);
    gtk_widget_set_visible(self->spinner, !p);
    gtk_label_set_text(GTK_LABEL(self->title),
                       p ? _("The form could not be printed") : _("Printing your form"));
    if (p)
        gtk_label_set_text(GTK_LABEL(self->status), problem);
    gtk_widget_set_visible(self->problem_buttons, p);
}
