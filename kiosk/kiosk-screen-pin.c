/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-pin.c — the PIN / 照合番号B keypad screen. See kiosk-screen-pin.h. */
#include "kiosk-screen-pin.h"

#include <glib/gi18n.h>

#include "kiosk-screen-common.h"

struct _KioskPinScreen {
    GtkBox parent;
    GtkWidget *title, *tries, *warning, *dots, *keypad, *ok, *forgot;
};
G_DEFINE_FINAL_TYPE(KioskPinScreen, kiosk_pin_screen, GTK_TYPE_BOX)

enum { SIG_DIGIT, SIG_DELETE, SIG_CLEAR, SIG_ENTERED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void pin_digit(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, signals[SIG_DIGIT], 0, (int)g_variant_get_int32(param));
}

static void pin_delete(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, signals[SIG_DELETE], 0);
}

static void pin_clear(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, signals[SIG_CLEAR], 0);
}

/* The digits went to the session's locked buffer one by one: OK carries nothing. */
static void pin_submit(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, signals[SIG_ENTERED], 0);
}
static void kiosk_pin_screen_class_init(KioskPinScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "pin.ui");
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, tries);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, warning);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, dots);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, keypad);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, ok);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, forgot);
    gtk_widget_class_install_action(wc, "pin.digit", "i", pin_digit);
    gtk_widget_class_install_action(wc, "pin.delete", NULL, pin_delete);
    gtk_widget_class_install_action(wc, "pin.clear", NULL, pin_clear);
    gtk_widget_class_install_action(wc, "pin.submit", NULL, pin_submit);
    signals[SIG_DIGIT] = kiosk_screen_signal_new_int(klass, "digit-pressed");
    signals[SIG_DELETE] = kiosk_screen_signal_new(klass, "delete-pressed");
    signals[SIG_CLEAR] = kiosk_screen_signal_new(klass, "clear-pressed");
    signals[SIG_ENTERED] = kiosk_screen_signal_new(klass, "pin-entered");
}

static void kiosk_pin_screen_init(KioskPinScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    kiosk_screen_build_keypad(GTK_GRID(self->keypad), "pin.digit", _("Clear"), "pin.clear",
                              _("⌫ Delete"), "pin.delete");
}

GtkWidget *kiosk_pin_screen_new(void) { return g_object_new(KIOSK_TYPE_PIN_SCREEN, NULL); }

void kiosk_pin_screen_update(KioskPinScreen *self, gboolean checkcode, size_t len,
                             size_t digits, int tries, gboolean last_try)
{
    gtk_label_set_text(GTK_LABEL(self->title),
                       checkcode ? _("Staff: enter 照合番号B (birth date YYMMDD, expiry year, "
                                     "security code)")
                                 : _("Please enter your 4-digit PIN (暗証番号)"));
    g_autofree char *t = NULL;
    if (tries > 0)
        t = g_strdup_printf(ngettext("You can try %d more time.", "You can try %d more times.",
                                     (unsigned long)tries),
                            tries);
    gtk_label_set_text(GTK_LABEL(self->tries), t ? t : "");
    gtk_label_set_text(GTK_LABEL(self->warning),
                       _("Careful: this is the last try. If it is wrong, the card is locked "
                         "and must be unlocked at the counter."));
    gtk_widget_set_visible(self->warning, last_try);
    gtk_widget_set_visible(self->tries, !last_try); /* the warning says "last try" already */
    g_autofree char *d = kiosk_screen_dots(digits, len);
    gtk_label_set_text(GTK_LABEL(self->dots), d);
    gtk_widget_set_sensitive(self->ok, digits == len);
    gtk_widget_set_visible(self->forgot, !checkcode);
}
