/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-lang.c — the language picker. See kiosk-screen-lang.h. */
#include "kiosk-screen-lang.h"

#include <string.h>

#include "form.h"
#include "kiosk-screen-common.h"

struct _KioskLangScreen {
    GtkBox parent;
    GtkWidget *grid;
};
G_DEFINE_FINAL_TYPE(KioskLangScreen, kiosk_lang_screen, GTK_TYPE_BOX)

static void kiosk_lang_screen_class_init(KioskLangScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "lang.ui");
    gtk_widget_class_bind_template_child(wc, KioskLangScreen, grid);
}

static void kiosk_lang_screen_init(KioskLangScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_lang_screen_new(void) { return g_object_new(KIOSK_TYPE_LANG_SCREEN, NULL); }

/* "pt_BR" → "pt-BR": the BCP 47 tag Pango and CSS classes use. */
static void bcp47(const char *code, char *out, size_t cap)
{
    g_strlcpy(out, code, cap);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = '-';
}

void kiosk_lang_screen_set_languages(KioskLangScreen *self, const char *const *langs,
                                     const char *current)
{
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(self->grid)))
        gtk_grid_remove(GTK_GRID(self->grid), c);
    int n = 0;
    for (const char *const *l = langs; l && *l; l++) {
        int i = form_lang_index(*l);
        if (i < 0)
            continue;
        char tag[16], css[24];
        bcp47(form_lang_code((size_t)i), tag, sizeof tag);
        g_snprintf(css, sizeof css, "lang-%s", form_lang_code((size_t)i));
        GtkWidget *label = gtk_label_new(form_lang_name((size_t)i));
        PangoAttrList *attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_language_new(pango_language_from_string(tag)));
        gtk_label_set_attributes(GTK_LABEL(label), attrs);
        pango_attr_list_unref(attrs);
        gtk_label_set_wrap(GTK_LABEL(label), TRUE);
        gtk_label_set_justify(GTK_LABEL(label), GTK_JUSTIFY_CENTER);
        GtkWidget *b = gtk_toggle_button_new();
        gtk_button_set_child(GTK_BUTTON(b), label);
        gtk_widget_add_css_class(b, "langpick");
        gtk_widget_add_css_class(b, css);
        gtk_widget_set_hexpand(b, TRUE);
        gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(b),
                                     current && form_lang_index(current) == i);
        gtk_actionable_set_action_name(GTK_ACTIONABLE(b), "win.lang");
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "s", form_lang_code((size_t)i));
        gtk_grid_attach(GTK_GRID(self->grid), b, n % 3, n / 3, 1, 1);
        n++;
    }
}
