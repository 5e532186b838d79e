/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-screen-signin.c — staff sign-in. See counter-screen-signin.h. */
#include "counter-screen-signin.h"

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"

struct _CounterSigninScreen {
    GtkBox parent;
    GtkWidget *staff_id, *passcode, *message;
};
G_DEFINE_FINAL_TYPE(CounterSigninScreen, counter_signin_screen, GTK_TYPE_BOX)

static guint sig_sign_in;

static void on_submit(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, sig_sign_in, 0);
}

static void on_activate(CounterSigninScreen *self)
{
    g_signal_emit(self, sig_sign_in, 0);
}

static void counter_signin_screen_class_init(CounterSigninScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "signin.ui");
    gtk_widget_class_bind_template_child(wc, CounterSigninScreen, staff_id);
    gtk_widget_class_bind_template_child(wc, CounterSigninScreen, passcode);
    gtk_widget_class_bind_template_child(wc, CounterSigninScreen, message);
    gtk_widget_class_bind_template_callback(wc, on_activate);
    gtk_widget_class_install_action(wc, "signin.submit", NULL, on_submit);
    sig_sign_in = kiosk_screen_signal_new(klass, "sign-in-requested");
}

static void counter_signin_screen_init(CounterSigninScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    gtk_editable_set_enable_undo(GTK_EDITABLE(self->staff_id), FALSE);
}

GtkWidget *counter_signin_screen_new(void)
{
    return g_object_new(COUNTER_TYPE_SIGNIN_SCREEN, NULL);
}

const char *counter_signin_screen_id(CounterSigninScreen *self)
{
    return gtk_editable_get_text(GTK_EDITABLE(self->staff_id));
}

const char *counter_signin_screen_passcode(CounterSigninScreen *self)
{
    return gtk_editable_get_text(GTK_EDITABLE(self->passcode));
}

void counter_signin_screen_reset(CounterSigninScreen *self, const char *message)
{
    gtk_editable_set_text(GTK_EDITABLE(self->passcode), "");
    gtk_editable_set_text(GTK_EDITABLE(self->staff_id), "");
    gtk_label_set_text(GTK_LABEL(self->message), message ? message : "");
    gtk_widget_set_visible(self->message, message != NULL);
    gtk_widget_grab_focus(self->staff_id);
}

GtkEditable *counter_signin_screen_id_entry(CounterSigninScreen *self)
{
    return GTK_EDITABLE(self->staff_id);
}

GtkEditable *counter_signin_screen_passcode_entry(CounterSigninScreen *self)
{
    return GTK_EDITABLE(self->passcode);
}
