/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-card.c — the place your card screen. See kiosk-screen-card.h. */
#include "kiosk-screen-card.h"

#include <glib/gi18n.h>

#include "kiosk-screen-common.h"

struct _KioskCardScreen {
    GtkBox parent;
    GtkWidget *title, *picture, *status, *demo_toggle;
    kiosk_reader_status st;
    gboolean present;
};
G_DEFINE_FINAL_TYPE(KioskCardScreen, kiosk_card_screen, GTK_TYPE_BOX)

/* A reader seen from above with the card sliding onto it, drawn in a 600×330 box scaled to
 * fit the area (which shrinks on a small panel). */
static void card_draw(GtkDrawingArea *area, cairo_t *cr, int w, int h, gpointer data)
{
    KioskCardScreen *self = data;
    double s = MIN(w / 600.0, h / 330.0);
    cairo_translate(cr, (w - 600 * s) / 2, (h - 330 * s) / 2);
    cairo_scale(cr, s, s);
    double cx = 300, cy = 235;
    cairo_set_line_width(cr, 6);
    /* reader */
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_rectangle(cr, cx - 200, cy - 40, 400, 130);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, self->st == KIOSK_READER_NONE ? 0.8 : 0.1,
                         self->st == KIOSK_READER_NONE ? 0.1 : 0.7, 0.2);
    cairo_arc(cr, cx + 160, cy + 60, 12, 0, 2 * G_PI);
    cairo_fill(cr);
    /* card */
    double off = self->st == KIOSK_READER_CARD ? 0 : -110;
    cairo_set_source_rgb(cr, 0.93, 0.96, 1.0);
    cairo_rectangle(cr, cx - 150, cy - 90 + off, 300, 120);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.04, 0.18, 0.42);
    cairo_stroke(cr);
    cairo_rectangle(cr, cx + 60, cy - 75 + off, 70, 90); /* photo */
    cairo_stroke(cr);
    for (int i = 0; i < 3; i++) {
        cairo_move_to(cr, cx - 130, cy - 60 + off + i * 28);
        cairo_line_to(cr, cx + 30, cy - 60 + off + i * 28);
    }
    cairo_stroke(cr);
    if (self->st != KIOSK_READER_CARD) { /* arrow down */
        cairo_set_line_width(cr, 12);
        cairo_set_source_rgb(cr, 0.9, 0.45, 0);
        cairo_move_to(cr, cx - 260, cy - 140);
        cairo_line_to(cr, cx - 260, cy - 20);
        cairo_stroke(cr);
        cairo_move_to(cr, cx - 285, cy - 50);
        cairo_line_to(cr, cx - 260, cy - 10);
        cairo_line_to(cr, cx - 235, cy - 50);
        cairo_stroke(cr);
    }
}

static guint sig_toggled;

static void card_toggle(GtkWidget *w, const char *name, GVariant *param)
{
    g_signal_emit(w, sig_toggled, 0);
}

static void kiosk_card_screen_class_init(KioskCardScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "card.ui");
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, picture);
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, status);
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, demo_toggle);
    gtk_widget_class_install_action(wc, "card.toggle", NULL, card_toggle);
    sig_toggled = kiosk_screen_signal_new(klass, "demo-toggled");
}

static void kiosk_card_screen_init(KioskCardScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    gtk_drawing_area_set_draw_func(GTK_DRAWING_AREA(self->picture), card_draw, self, NULL);
    kiosk_card_screen_set_status(self, KIOSK_READER_SEARCHING);
}

GtkWidget *kiosk_card_screen_new(void) { return g_object_new(KIOSK_TYPE_CARD_SCREEN, NULL); }

void kiosk_card_screen_set_status(KioskCardScreen *self, kiosk_reader_status st)
{
    static const char *const text[] = {
        N_("Looking for the card reader…"),
        N_("The card reader is not connected. Please call a staff member."),
        N_("Waiting for your card."),
        N_("Reading your card. Please do not take it yet."),
        N_("The card cannot be read. Please turn it over, photo side up, and put it back."),
    };
    self->st = st;
    gtk_label_set_text(GTK_LABEL(self->status), _(text[st]));
    if (st == KIOSK_READER_NONE || st == KIOSK_READER_MUTE)
        gtk_widget_add_css_class(self->status, "warning");
    else
        gtk_widget_remove_css_class(self->status, "warning");
    gtk_widget_queue_draw(self->picture);
}

void kiosk_card_screen_set_demo(KioskCardScreen *self, gboolean demo, gboolean present)
{
    self->present = present;
    gtk_widget_set_visible(self->demo_toggle, demo);
    gtk_button_set_label(GTK_BUTTON(self->demo_toggle),
                         present ? _("Demo: take the card off the reader")
                                 : _("Demo: put the card on the reader"));
}
