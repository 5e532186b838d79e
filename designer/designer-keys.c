/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-keys.c — every key of one section. See designer-keys.h. */
#include "designer-keys.h"

#include <string.h>

#include "form-ini.h"

struct _DzKeys {
    GtkBox parent;
    GtkWidget *sections, *rows, *new_key, *new_value, *new_name;
    form_source *src;
    char *kind;
    GArray *index; /* section numbers behind the drop-down's items */
    gboolean loading;
};
G_DEFINE_FINAL_TYPE(DzKeys, dz_keys, GTK_TYPE_BOX)

enum { SIG_KEY, SIG_ADDED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void emit_key(DzKeys *self, const char *key, const char *value)
{
    size_t sec = dz_keys_section(self);
    if (!self->loading && sec != (size_t)-1 && key != NULL && key[0] != '\0')
        g_signal_emit(self, signals[SIG_KEY], 0, (guint64)sec, key, value);
}

static void on_row_activate(GtkEntry *e, DzKeys *self)
{
    emit_key(self, g_object_get_data(G_OBJECT(e), "dz-key"),
             gtk_editable_get_text(GTK_EDITABLE(e)));
}

static void on_add_key(GtkButton *b, DzKeys *self)
{
    (void)b;
    emit_key(self, gtk_editable_get_text(GTK_EDITABLE(self->new_key)),
             gtk_editable_get_text(GTK_EDITABLE(self->new_value)));
}

static void on_add_section(GtkButton *b, DzKeys *self)
{
    (void)b;
    const char *name = gtk_editable_get_text(GTK_EDITABLE(self->new_name));
    if (!self->loading && name[0] != '\0')
        g_signal_emit(self, signals[SIG_ADDED], 0, name);
}

/* The key = value lines of the shown section, one entry each. */
static void fill_rows(DzKeys *self)
{
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(self->rows)) != NULL)
        gtk_grid_remove(GTK_GRID(self->rows), c);
    size_t sec = dz_keys_section(self);
    if (sec == (size_t)-1)
        return;
    g_autofree char *text = NULL;
    size_t len = 0;
    if (form_source_text(self->src, &text, &len) != FORM_OK)
        return;
    /* walk the section's lines with the one INI reader: keys in file order */
    int from = form_source_section_line(self->src, sec);
    int to = sec + 1 < form_source_section_count(self->src)
                 ? form_source_section_line(self->src, sec + 1)
                 : G_MAXINT;
    form_ini r;
    form_ini_line l;
    form_ini_init(&r, text, len);
    int row = 0;
    while (form_ini_next(&r, &l)) {
        if (l.lineno <= from || l.lineno >= to || l.kind != FORM_INI_PAIR)
            continue;
        g_autofree char *key = g_strndup(l.p + l.key, l.key_len);
        g_autofree char *value = g_strndup(l.p + l.value, l.value_len);
        GtkWidget *k = gtk_label_new(key);
        gtk_label_set_xalign(GTK_LABEL(k), 0);
        GtkWidget *e = gtk_entry_new();
        gtk_editable_set_text(GTK_EDITABLE(e), value);
        gtk_widget_set_hexpand(e, TRUE);
        g_object_set_data_full(G_OBJECT(e), "dz-key", g_strdup(key), g_free);
        g_signal_connect(e, "activate", G_CALLBACK(on_row_activate), self);
        gtk_grid_attach(GTK_GRID(self->rows), k, 0, row, 1, 1);
        gtk_grid_attach(GTK_GRID(self->rows), e, 1, row, 1, 1);
        row++;
    }
}

static void on_section_chosen(GtkDropDown *dd, GParamSpec *ps, DzKeys *self)
{
    (void)dd;
    (void)ps;
    if (!self->loading)
        fill_rows(self);
}

static void keys_finalize(GObject *o)
{
    DzKeys *self = DZ_KEYS(o);
    g_array_unref(self->index);
    g_free(self->kind);
    G_OBJECT_CLASS(dz_keys_parent_class)->finalize(o);
}

static void dz_keys_class_init(DzKeysClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->finalize = keys_finalize;
    gtk_widget_class_set_template_from_resource(wc, "/jp/kakanai/designer/keys.ui");
    gtk_widget_class_bind_template_child(wc, DzKeys, sections);
    gtk_widget_class_bind_template_child(wc, DzKeys, rows);
    gtk_widget_class_bind_template_child(wc, DzKeys, new_key);
    gtk_widget_class_bind_template_child(wc, DzKeys, new_value);
    gtk_widget_class_bind_template_child(wc, DzKeys, new_name);
    gtk_widget_class_bind_template_callback(wc, on_section_chosen);
    gtk_widget_class_bind_template_callback(wc, on_add_key);
    gtk_widget_class_bind_template_callback(wc, on_add_section);
    signals[SIG_KEY] = g_signal_new("key-changed", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT64,
                                    G_TYPE_STRING, G_TYPE_STRING);
    signals[SIG_ADDED] = g_signal_new("section-added", G_TYPE_FROM_CLASS(klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                      G_TYPE_STRING);
}

static void dz_keys_init(DzKeys *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    self->index = g_array_new(FALSE, FALSE, sizeof(size_t));
}

GtkWidget *dz_keys_new(void)
{
    return g_object_new(DZ_TYPE_KEYS, NULL);
}

void dz_keys_show(DzKeys *self, form_source *src, const char *kind, size_t chosen)
{
    g_return_if_fail(DZ_IS_KEYS(self));
    self->loading = TRUE;
    self->src = src;
    g_free(self->kind);
    self->kind = g_strdup(kind);
    g_array_set_size(self->index, 0);
    GtkStringList *names = gtk_string_list_new(NULL);
    guint pick = 0;
    for (size_t s = 0; src != NULL && kind != NULL && s < form_source_section_count(src); s++) {
        if (strcmp(form_source_section_kind(src, s), kind) != 0)
            continue;
        if (s == chosen)
            pick = self->index->len;
        g_array_append_val(self->index, s);
        const char *title = form_source_get(src, s, "label.ja");
        if (title == NULL)
            title = form_source_get(src, s, "title.ja");
        g_autofree char *item = g_strdup_printf("%s%s%s", form_source_section_name(src, s),
                                                title != NULL ? " — " : "", title ? title : "");
        gtk_string_list_append(names, item);
    }
    gtk_drop_down_set_model(GTK_DROP_DOWN(self->sections), G_LIST_MODEL(names));
    g_object_unref(names);
    gtk_drop_down_set_selected(GTK_DROP_DOWN(self->sections), pick);
    gtk_widget_set_sensitive(GTK_WIDGET(self), src != NULL);
    fill_rows(self);
    self->loading = FALSE;
}

size_t dz_keys_section(DzKeys *self)
{
    g_return_val_if_fail(DZ_IS_KEYS(self), (size_t)-1);
    guint i = gtk_drop_down_get_selected(GTK_DROP_DOWN(self->sections));
    if (self->src == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->index->len)
        return (size_t)-1;
    return g_array_index(self->index, size_t, i);
}
