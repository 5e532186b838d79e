/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-message.c — the reading / error / staff call screen. See kiosk-screen-message.h. */
#include "kiosk-screen-message.h"

#include <glib/gi18n.h>

#include "kiosk-screen-common.h"

struct _KioskMessageScreen {
    GtkBox parent;
    GtkWidget *spinner, *icon, *title, *message, *detail, *ok;
};
G_DEFINE_FINAL_TYPE(KioskMessageScreen, kiosk_message_screen, GTK_TYPE_BOX)

static guint sig_acknowledged;

static void message_ok(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, sig_acknowledged, 0);
}

static void kiosk_message_screen_class_init(KioskMessageScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "message.ui");
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, spinner);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, icon);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, message);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, detail);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, ok);
    gtk_widget_class_install_action(wc, "message.ok", NULL, message_ok);
    sig_acknowledged = kiosk_screen_signal_new(klass, "acknowledged");
}

static void kiosk_message_screen_init(KioskMessageScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_message_screen_new(void)
{
    return g_object_new(KIOSK_TYPE_MESSAGE_SCREEN, NULL);
}

void kiosk_message_screen_set(KioskMessageScreen *self, const char *icon, const char *title,
                              const char *message, const char *detail, gboolean busy)
{
    gtk_widget_set_visible(self->spinner, busy);
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), busy);
    gtk_widget_set_visible(self->icon, icon != NULL);
    if (icon)
        gtk_image_set_from_icon_name(GTK_IMAGE(self->icon), icon);
    gtk_label_set_text(GTK_LABEL(self->title), title ? title : "");
    gtk_label_set_text(GTK_LABEL(self->message), message ? message : "");
    gtk_label_set_text(GTK_LABEL(self->detail), detail ? detail : "");
    gtk_widget_set_visible(self->detail, detail && *detail);
    gtk_widget_set_visible(self->ok, !busy);
}
