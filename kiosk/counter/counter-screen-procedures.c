/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-screen-procedures.c — the procedures of a visit. See counter-screen-procedures.h. */
#include "counter-screen-procedures.h"

#include <glib/gi18n.h>
#include <string.h>

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"

struct _CounterProceduresScreen {
    GtkBox parent;
    GtkWidget *events, *forms, *guides, *start;
    GPtrArray *checks; /* GtkCheckButton, data "procedure" = const form_procedure * */
};
G_DEFINE_FINAL_TYPE(CounterProceduresScreen, counter_procedures_screen, GTK_TYPE_BOX)

static guint sig_chosen, sig_event;

static void on_event(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, sig_event, 0, (int)g_variant_get_int32(param));
}

static void on_start(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, sig_chosen, 0);
}

static void update_start(CounterProceduresScreen *self)
{
    gtk_widget_set_sensitive(self->start, counter_procedures_screen_selected(self, NULL, 0) > 0);
}

static void counter_procedures_screen_dispose(GObject *o)
{
    CounterProceduresScreen *self = COUNTER_PROCEDURES_SCREEN(o);
    g_clear_pointer(&self->checks, g_ptr_array_unref);
    G_OBJECT_CLASS(counter_procedures_screen_parent_class)->dispose(o);
}

static void counter_procedures_screen_class_init(CounterProceduresScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = counter_procedures_screen_dispose;
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "procedures.ui");
    gtk_widget_class_bind_template_child(wc, CounterProceduresScreen, events);
    gtk_widget_class_bind_template_child(wc, CounterProceduresScreen, forms);
    gtk_widget_class_bind_template_child(wc, CounterProceduresScreen, guides);
    gtk_widget_class_bind_template_child(wc, CounterProceduresScreen, start);
    gtk_widget_class_install_action(wc, "procedures.start", NULL, on_start);
    gtk_widget_class_install_action(wc, "procedures.event", "i", on_event);
    sig_chosen = kiosk_screen_signal_new(klass, "procedures-chosen");
    sig_event = kiosk_screen_signal_new_int(klass, "event-chosen");
}

static void counter_procedures_screen_init(CounterProceduresScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    self->checks = g_ptr_array_new();
}

GtkWidget *counter_procedures_screen_new(void)
{
    return g_object_new(COUNTER_TYPE_PROCEDURES_SCREEN, NULL);
}

void counter_procedures_screen_set_catalog(CounterProceduresScreen *self, const form_catalog *cat,
                                           const char *lang)
{
    kiosk_screen_clear_box(self->events);
    kiosk_screen_clear_box(self->forms);
    kiosk_screen_clear_box(self->guides);
    g_ptr_array_set_size(self->checks, 0);
    for (size_t i = 0; i < form_catalog_event_count(cat); i++) {
        const form_event *e = form_catalog_event(cat, i);
        GtkWidget *b = gtk_button_new_with_label(form_text_get(form_event_title(e), lang));
        gtk_actionable_set_action_name(GTK_ACTIONABLE(b), "procedures.event");
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "i", (int)i);
        gtk_box_append(GTK_BOX(self->events), b);
    }
    for (size_t i = 0; i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        if (!form_procedure_offered(p, FORM_OFFER_COUNTER))
            continue;
        GtkWidget *c = gtk_check_button_new_with_label(form_text_get(form_procedure_title(p), lang));
        g_object_set_data(G_OBJECT(c), "procedure", (gpointer)p);
        g_signal_connect_swapped(c, "toggled", G_CALLBACK(update_start), self);
        gtk_box_append(GTK_BOX(form_procedure_template_count(p) ? self->forms : self->guides), c);
        g_ptr_array_add(self->checks, c);
    }
    update_start(self);
}

gboolean counter_procedures_screen_set_checked(CounterProceduresScreen *self, const char *id,
                                               gboolean checked)
{
    for (guint i = 0; i < self->checks->len; i++) {
        GtkCheckButton *c = self->checks->pdata[i];
        const form_procedure *p = g_object_get_data(G_OBJECT(c), "procedure");
        if (strcmp(form_procedure_id(p), id) == 0) {
            gtk_check_button_set_active(c, checked);
            return TRUE;
        }
    }
    return FALSE;
}

size_t counter_procedures_screen_selected(CounterProceduresScreen *self, const char **ids,
                                          size_t cap)
{
    size_t n = 0;
    for (guint i = 0; i < self->checks->len; i++) {
        GtkCheckButton *c = self->checks->pdata[i];
        if (!gtk_check_button_get_active(c))
            continue;
        const form_procedure *p = g_object_get_data(G_OBJECT(c), "procedure");
        if (ids && n < cap)
            ids[n] = form_procedure_id(p);
        n++;
    }
    return n;
}

void counter_procedures_screen_reset(CounterProceduresScreen *self)
{
    for (guint i = 0; i < self->checks->len; i++)
        gtk_check_button_set_active(self->checks->pdata[i], FALSE);
}
