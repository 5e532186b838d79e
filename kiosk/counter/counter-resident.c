/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-resident.c — the resident's window at the counter. See counter-resident.h. */
#include "counter-resident.h"

#include "counter-screen-common.h"

struct _CounterResidentWindow {
    GtkWindow parent;
    GtkWidget *stack, *pin, *pages, *note;
};
G_DEFINE_FINAL_TYPE(CounterResidentWindow, counter_resident_window, GTK_TYPE_WINDOW)

static void counter_resident_window_class_init(CounterResidentWindowClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    g_type_ensure(KIOSK_TYPE_PIN_SCREEN);
    g_type_ensure(COUNTER_TYPE_PAGES);
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "resident.ui");
    gtk_widget_class_bind_template_child(wc, CounterResidentWindow, stack);
    gtk_widget_class_bind_template_child(wc, CounterResidentWindow, pin);
    gtk_widget_class_bind_template_child(wc, CounterResidentWindow, pages);
    gtk_widget_class_bind_template_child(wc, CounterResidentWindow, note);
}

static void counter_resident_window_init(CounterResidentWindow *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

CounterResidentWindow *counter_resident_window_new(void)
{
    counter_screens_register();
    return g_object_new(COUNTER_TYPE_RESIDENT_WINDOW, NULL);
}

void counter_resident_window_show(CounterResidentWindow *self, const char *screen)
{
    if (g_strcmp0(screen, "preview") != 0)
        counter_pages_wipe(COUNTER_PAGES(self->pages));
    gtk_stack_set_visible_child_name(GTK_STACK(self->stack), screen);
}

const char *counter_resident_window_screen(CounterResidentWindow *self)
{
    return gtk_stack_get_visible_child_name(GTK_STACK(self->stack));
}

KioskPinScreen *counter_resident_window_pin(CounterResidentWindow *self)
{
    return KIOSK_PIN_SCREEN(self->pin);
}

CounterPages *counter_resident_window_pages(CounterResidentWindow *self)
{
    return COUNTER_PAGES(self->pages);
}

void counter_resident_window_set_note(CounterResidentWindow *self, const char *text)
{
    gtk_label_set_text(GTK_LABEL(self->note), text ? text : "");
}
