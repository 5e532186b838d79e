/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-screen-preview.c — the visit's pages before printing. See counter-screen-preview.h. */
#include "counter-screen-preview.h"

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"

struct _CounterPreviewScreen {
    GtkBox parent;
    GtkWidget *pages, *summary, *print, *spinner;
};
G_DEFINE_FINAL_TYPE(CounterPreviewScreen, counter_preview_screen, GTK_TYPE_BOX)

enum { SIG_PRINT, SIG_BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void on_print(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_PRINT], 0); }
static void on_back(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_BACK], 0); }

static void counter_preview_screen_class_init(CounterPreviewScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    g_type_ensure(COUNTER_TYPE_PAGES);
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "preview.ui");
    gtk_widget_class_bind_template_child(wc, CounterPreviewScreen, pages);
    gtk_widget_class_bind_template_child(wc, CounterPreviewScreen, summary);
    gtk_widget_class_bind_template_child(wc, CounterPreviewScreen, print);
    gtk_widget_class_bind_template_child(wc, CounterPreviewScreen, spinner);
    gtk_widget_class_install_action(wc, "preview.print", NULL, on_print);
    gtk_widget_class_install_action(wc, "preview.back", NULL, on_back);
    signals[SIG_PRINT] = kiosk_screen_signal_new(klass, "print-requested");
    signals[SIG_BACK] = kiosk_screen_signal_new(klass, "back");
}

static void counter_preview_screen_init(CounterPreviewScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *counter_preview_screen_new(void)
{
    return g_object_new(COUNTER_TYPE_PREVIEW_SCREEN, NULL);
}

CounterPages *counter_preview_screen_pages(CounterPreviewScreen *self)
{
    return COUNTER_PAGES(self->pages);
}

void counter_preview_screen_set_busy(CounterPreviewScreen *self, gboolean busy,
                                     const char *summary)
{
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), busy);
    gtk_widget_set_visible(self->spinner, busy);
    gtk_label_set_text(GTK_LABEL(self->summary), summary ? summary : "");
    gtk_widget_set_sensitive(self->print, !busy && counter_pages_count(COUNTER_PAGES(self->pages)) > 0);
}
