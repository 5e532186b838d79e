/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-menu.c — the procedure menu screen. See kiosk-screen-menu.h. */
#include "kiosk-screen-menu.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-i18n.h"
#include "kiosk-screen-common.h"

static const char *procedure_icon(const char *name)
{
    static const struct {
        const char *name, *icon;
    } map[] = {
        {"document", "x-office-document-symbolic"},
        {"documents", "emblem-documents-symbolic"},
        {"family", "system-users-symbolic"},
        {"house", "go-home-symbolic"},
        {"home", "go-home-symbolic"},
        {"seal", "application-certificate-symbolic"},
        {"tax", "accessories-calculator-symbolic"},
        {"person", "avatar-default-symbolic"},
    };
    for (size_t i = 0; name && i < G_N_ELEMENTS(map); i++)
        if (strcmp(name, map[i].name) == 0)
            return map[i].icon;
    GtkIconTheme *theme = gtk_icon_theme_get_for_display(gdk_display_get_default());
    if (name && *name && gtk_icon_theme_has_icon(theme, name))
        return name;
    return "x-office-document-symbolic";
}


struct _KioskMenuScreen {
    GtkBox parent;
    GtkWidget *grid, *empty;
    const form_catalog *cat; /* the window's engine owns it; replaced by set_catalog */
};
G_DEFINE_FINAL_TYPE(KioskMenuScreen, kiosk_menu_screen, GTK_TYPE_BOX)

static guint sig_chosen;

/* A procedure button carries its id; the window hears its index in the catalogue. */
static void menu_choose(GtkWidget *w, const char *name, GVariant *param)
{
    KioskMenuScreen *self = KIOSK_MENU_SCREEN(w);
    const char *id = g_variant_get_string(param, NULL);
    for (size_t i = 0; self->cat && i < form_catalog_procedure_count(self->cat); i++)
        if (strcmp(form_procedure_id(form_catalog_procedure(self->cat, i)), id) == 0 &&
            form_procedure_offered(form_catalog_procedure(self->cat, i), FORM_OFFER_KIOSK)) {
            g_signal_emit(w, sig_chosen, 0, (guint)i);
            return;
        }
}

static void kiosk_menu_screen_class_init(KioskMenuScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "menu.ui");
    gtk_widget_class_bind_template_child(wc, KioskMenuScreen, grid);
    gtk_widget_class_bind_template_child(wc, KioskMenuScreen, empty);
    gtk_widget_class_install_action(wc, "menu.choose", "s", menu_choose);
    sig_chosen = g_signal_new("procedure-chosen", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0,
                              NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void kiosk_menu_screen_init(KioskMenuScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_menu_screen_new(void) { return g_object_new(KIOSK_TYPE_MENU_SCREEN, NULL); }

guint kiosk_menu_screen_set_catalog(KioskMenuScreen *self, const form_catalog *cat,
                                    const kiosk_config *config, const char *lang)
{
    kiosk_screen_clear_box(self->grid);
    self->cat = cat;
    guint shown = 0;
    for (size_t i = 0; cat && i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        if (!form_procedure_offered(p, FORM_OFFER_KIOSK) ||
            !kiosk_config_offers(config, form_procedure_id(p)))
            continue; /* counter-only procedures, or not chosen by staff */
        GtkWidget *b = gtk_button_new();
        gtk_widget_add_css_class(b, "procedure");
        gtk_widget_set_hexpand(b, TRUE);
        gtk_actionable_set_action_name(GTK_ACTIONABLE(b), "menu.choose");
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "s", form_procedure_id(p));
        /* The pictogram sits in an overlay beside the words, not in a horizontal box: a box
         * measures wrapping labels' width for its height, and a pixel of rounding there made a
         * title (नेपाली at 1280×800) ask for its one-line width and run out of the button. The
         * words keep the pictogram's room with a margin (kiosk.css, per layout). */
        GtkWidget *row = gtk_overlay_new();
        GtkWidget *img = gtk_image_new_from_icon_name(procedure_icon(form_procedure_icon(p)));
        gtk_widget_add_css_class(img, "picto"); /* its size: kiosk.css, per layout */
        gtk_widget_set_halign(img, GTK_ALIGN_START);
        gtk_widget_set_valign(img, GTK_ALIGN_CENTER);
        GtkWidget *col = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4);
        gtk_widget_add_css_class(col, "pwords");
        gtk_widget_set_valign(col, GTK_ALIGN_CENTER);
        gtk_widget_set_hexpand(col, TRUE);
        GtkWidget *t = gtk_label_new(NULL);
        g_autofree char *tm = kiosk_text_markup(form_procedure_title(p), lang);
        gtk_label_set_markup(GTK_LABEL(t), tm);
        gtk_widget_add_css_class(t, "ptitle");
        gtk_label_set_xalign(GTK_LABEL(t), 0);
        gtk_label_set_wrap(GTK_LABEL(t), TRUE);
        gtk_box_append(GTK_BOX(col), t);
        const form_text *desc = form_procedure_description(p);
        if (desc && form_text_get(desc, lang)) {
            GtkWidget *d = gtk_label_new(NULL);
            g_autofree char *dm = kiosk_text_markup(desc, lang);
            gtk_label_set_markup(GTK_LABEL(d), dm);
            gtk_widget_add_css_class(d, "pdesc");
            gtk_label_set_xalign(GTK_LABEL(d), 0);
            gtk_label_set_wrap(GTK_LABEL(d), TRUE);
            gtk_box_append(GTK_BOX(col), d);
        }
        gtk_overlay_set_child(GTK_OVERLAY(row), col);
        gtk_overlay_add_overlay(GTK_OVERLAY(row), img);
        gtk_button_set_child(GTK_BUTTON(b), row);
        gtk_grid_attach(GTK_GRID(self->grid), b, (int)(shown % 2), (int)(shown / 2), 1, 1);
        shown++;
    }
    gtk_widget_set_visible(self->empty, shown == 0);
    return shown;
}
