/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-props.c — the property panel. See designer-props.h. */
#include "designer-props.h"

#include <stdio.h>
#include <string.h>

/* The other keys of fields and labels (templates/README.md §5), one entry each. */
static const char *const more_keys[] = {"font", "align", "valign", "min_size", "min_scale",
                                        "lines", "leading", "spacing", "vertical", "cells",
                                        "pitch", "cell_align", "cell_outline", "check",
                                        "circle", "width", "dash", "fill", NULL};
#define N_MORE (sizeof more_keys / sizeof more_keys[0] - 1)

struct _DzProps {
    GtkBox parent;
    GtkWidget *title, *value, *picker, *filter, *text, *size, *x, *y, *w, *h, *more;
    GtkWidget *more_entry[N_MORE];
    GtkStringList *choices;
    gboolean loading;
};
G_DEFINE_FINAL_TYPE(DzProps, dz_props, GTK_TYPE_BOX)

enum { SIG_PROPERTY, SIG_GEOMETRY, N_SIGNALS };
static guint signals[N_SIGNALS];

/* What a field can show: card values with the template language's filters. */
static const char *const card_values[] = {
    "{card.name}", "{card.address}", "{card.birth|wareki}", "{card.birth|wareki:era}",
    "{card.birth|wareki:year}", "{card.birth|wareki:month}", "{card.birth|wareki:day}",
    "{card.sex}", "{card.number}", "{today|wareki}", "{today|wareki:era}",
    "{today|wareki:year}", "{today|wareki:month}", "{today|wareki:day}", NULL};

/* Filters of the template language, appended inside the value's last insertion. */
static const char *const filters[] = {"…", "wareki", "wareki:era", "wareki:year", "wareki:month",
                                      "wareki:day", "date", "sex", "zen", "kanji", "label",
                                      "kata", "hira", "pad:2", "default:―", NULL};

static void emit_text(DzProps *self, const char *key, GtkWidget *entry)
{
    if (self->loading)
        return;
    g_signal_emit(self, signals[SIG_PROPERTY], 0, key,
                  gtk_editable_get_text(GTK_EDITABLE(entry)));
}

static void on_value_activate(GtkEntry *e, DzProps *self)
{
    emit_text(self, "value", GTK_WIDGET(e));
}

static void on_text_activate(GtkEntry *e, DzProps *self)
{
    emit_text(self, "text", GTK_WIDGET(e));
}

static void on_size_changed(GtkSpinButton *s, DzProps *self)
{
    if (self->loading)
        return;
    char v[32];
    double d = gtk_spin_button_get_value(s);
    int tenths = (int)(d * 10 + 0.5);
    if (tenths % 10 == 0)
        snprintf(v, sizeof v, "%d", tenths / 10);
    else
        snprintf(v, sizeof v, "%d.%d", tenths / 10, tenths % 10);
    g_signal_emit(self, signals[SIG_PROPERTY], 0, "size", v);
}

static void on_geometry_changed(GtkSpinButton *s, DzProps *self)
{
    (void)s;
    if (self->loading)
        return;
    g_signal_emit(self, signals[SIG_GEOMETRY], 0, gtk_spin_button_get_value(GTK_SPIN_BUTTON(self->x)),
                  gtk_spin_button_get_value(GTK_SPIN_BUTTON(self->y)),
                  gtk_spin_button_get_value(GTK_SPIN_BUTTON(self->w)),
                  gtk_spin_button_get_value(GTK_SPIN_BUTTON(self->h)));
}

static void on_picked(GtkDropDown *dd, GParamSpec *ps, DzProps *self)
{
    (void)ps;
    guint i = gtk_drop_down_get_selected(dd);
    if (self->loading || i == GTK_INVALID_LIST_POSITION || i == 0)
        return;
    dz_props_pick(self, gtk_string_list_get_string(self->choices, i));
}

static void on_filter(GtkDropDown *dd, GParamSpec *ps, DzProps *self)
{
    (void)ps;
    guint i = gtk_drop_down_get_selected(dd);
    if (self->loading || i == GTK_INVALID_LIST_POSITION || i == 0 || filters[i] == NULL)
        return;
    const char *v = gtk_editable_get_text(GTK_EDITABLE(self->value));
    const char *close = strrchr(v, '}');
    if (close == NULL)
        return;
    g_autofree char *nv = g_strdup_printf("%.*s|%s%s", (int)(close - v), v, filters[i], close);
    dz_props_pick(self, nv);
    self->loading = TRUE;
    gtk_drop_down_set_selected(dd, 0);
    self->loading = FALSE;
}

static void on_more_activate(GtkEntry *e, DzProps *self)
{
    emit_text(self, g_object_get_data(G_OBJECT(e), "dz-key"), GTK_WIDGET(e));
}

static void dz_props_class_init(DzPropsClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, "/jp/kakanai/designer/props.ui");
    gtk_widget_class_bind_template_child(wc, DzProps, title);
    gtk_widget_class_bind_template_child(wc, DzProps, value);
    gtk_widget_class_bind_template_child(wc, DzProps, picker);
    gtk_widget_class_bind_template_child(wc, DzProps, filter);
    gtk_widget_class_bind_template_child(wc, DzProps, more);
    gtk_widget_class_bind_template_child(wc, DzProps, text);
    gtk_widget_class_bind_template_child(wc, DzProps, size);
    gtk_widget_class_bind_template_child(wc, DzProps, x);
    gtk_widget_class_bind_template_child(wc, DzProps, y);
    gtk_widget_class_bind_template_child(wc, DzProps, w);
    gtk_widget_class_bind_template_child(wc, DzProps, h);
    gtk_widget_class_bind_template_callback(wc, on_value_activate);
    gtk_widget_class_bind_template_callback(wc, on_text_activate);
    gtk_widget_class_bind_template_callback(wc, on_size_changed);
    gtk_widget_class_bind_template_callback(wc, on_geometry_changed);
    gtk_widget_class_bind_template_callback(wc, on_picked);
    gtk_widget_class_bind_template_callback(wc, on_filter);
    signals[SIG_PROPERTY] = g_signal_new("property-changed", G_TYPE_FROM_CLASS(klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_STRING, G_TYPE_STRING);
    signals[SIG_GEOMETRY] = g_signal_new("geometry-entered", G_TYPE_FROM_CLASS(klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                         G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE,
                                         G_TYPE_DOUBLE);
}

static void dz_props_init(DzProps *self)
{
    self->loading = TRUE;
    gtk_widget_init_template(GTK_WIDGET(self));
    self->choices = gtk_string_list_new(NULL);
    gtk_drop_down_set_model(GTK_DROP_DOWN(self->picker), G_LIST_MODEL(self->choices));
    g_object_unref(self->choices); /* the drop-down holds it */
    GtkStringList *fl = gtk_string_list_new(filters);
    gtk_drop_down_set_model(GTK_DROP_DOWN(self->filter), G_LIST_MODEL(fl));
    g_object_unref(fl);
    for (size_t k = 0; k < N_MORE; k++) {
        GtkWidget *l = gtk_label_new(more_keys[k]);
        gtk_label_set_xalign(GTK_LABEL(l), 0);
        GtkWidget *e = gtk_entry_new();
        gtk_widget_set_hexpand(e, TRUE);
        g_object_set_data(G_OBJECT(e), "dz-key", (gpointer)more_keys[k]);
        g_signal_connect(e, "activate", G_CALLBACK(on_more_activate), self);
        gtk_grid_attach(GTK_GRID(self->more), l, 0, (int)k, 1, 1);
        gtk_grid_attach(GTK_GRID(self->more), e, 1, (int)k, 1, 1);
        self->more_entry[k] = e;
    }
    self->loading = FALSE;
    dz_props_show(self, NULL, NULL);
}

GtkWidget *dz_props_new(void)
{
    return g_object_new(DZ_TYPE_PROPS, NULL);
}

static void set_spin(GtkWidget *s, double v)
{
    gtk_spin_button_set_value(GTK_SPIN_BUTTON(s), v);
}

void dz_props_show(DzProps *self, dz_doc *doc, const dz_object *o)
{
    g_return_if_fail(DZ_IS_PROPS(self));
    self->loading = TRUE;
    /* the picker: card values, then one entry per question of the template */
    guint n = g_list_model_get_n_items(G_LIST_MODEL(self->choices));
    gtk_string_list_splice(self->choices, 0, n, NULL);
    gtk_string_list_append(self->choices, "…");
    for (size_t k = 0; card_values[k] != NULL; k++)
        gtk_string_list_append(self->choices, card_values[k]);
    form_source *src = dz_doc_source(doc);
    for (size_t s = 0; s < form_source_section_count(src); s++)
        if (strcmp(form_source_section_kind(src, s), "question") == 0) {
            g_autofree char *e = g_strdup_printf("{answer.%s}", form_source_section_name(src, s));
            gtk_string_list_append(self->choices, e);
        }
    gtk_drop_down_set_selected(GTK_DROP_DOWN(self->picker), 0);
    gboolean on = o != NULL;
    gtk_widget_set_sensitive(GTK_WIDGET(self), on);
    if (!on) {
        gtk_label_set_text(GTK_LABEL(self->title), "—");
        gtk_editable_set_text(GTK_EDITABLE(self->value), "");
        gtk_editable_set_text(GTK_EDITABLE(self->text), "");
        for (size_t k = 0; k < N_MORE; k++)
            gtk_editable_set_text(GTK_EDITABLE(self->more_entry[k]), "");
        self->loading = FALSE;
        return;
    }
    g_autofree char *t = o->name != NULL && o->name[0] != '\0'
                             ? g_strdup_printf("[%s %s]", o->kind, o->name)
                             : g_strdup_printf("[%s]", o->kind);
    gtk_label_set_text(GTK_LABEL(self->title), t);
    const char *v = form_source_get(src, o->section, "value");
    const char *tx = form_source_get(src, o->section, "text");
    const char *sz = form_source_get(src, o->section, "size");
    gtk_editable_set_text(GTK_EDITABLE(self->value), v != NULL ? v : "");
    gtk_editable_set_text(GTK_EDITABLE(self->text), tx != NULL ? tx : "");
    gtk_widget_set_sensitive(self->value, strcmp(o->kind, "field") == 0);
    gtk_widget_set_sensitive(self->picker, strcmp(o->kind, "field") == 0);
    gtk_widget_set_sensitive(self->text, strcmp(o->kind, "label") == 0);
    gtk_widget_set_sensitive(self->size, o->shape == DZ_SHAPE_RECT);
    set_spin(self->size, sz != NULL ? g_ascii_strtod(sz, NULL) : 10.5);
    gtk_widget_set_sensitive(self->filter, strcmp(o->kind, "field") == 0);
    for (size_t k = 0; k < N_MORE; k++) {
        const char *mv = form_source_get(src, o->section, more_keys[k]);
        gtk_editable_set_text(GTK_EDITABLE(self->more_entry[k]), mv != NULL ? mv : "");
    }
    set_spin(self->x, o->x);
    set_spin(self->y, o->y);
    set_spin(self->w, o->w);
    set_spin(self->h, o->h);
    self->loading = FALSE;
}

void dz_props_pick(DzProps *self, const char *expression)
{
    g_return_if_fail(DZ_IS_PROPS(self));
    if (expression == NULL)
        return;
    gtk_editable_set_text(GTK_EDITABLE(self->value), expression);
    g_signal_emit(self, signals[SIG_PROPERTY], 0, "value", expression);
}
