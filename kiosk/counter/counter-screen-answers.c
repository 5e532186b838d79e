/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-screen-answers.c — staff complete the answers. See counter-screen-answers.h. */
#include "counter-screen-answers.h"

#include <string.h>

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"

typedef struct row {
    char *key;
    GtkWidget *entry;    /* text rows */
    GtkWidget *dropdown; /* choice rows */
    char **values;       /* choice ids (not personal: catalogue ids) */
    GtkWidget *checks[COUNTER_ANSWERS_CHECKS_MAX]; /* check rows */
    size_t nchecks;
    char flags[COUNTER_ANSWERS_CHECKS_MAX + 1]; /* a check row's value: "1" on, "0" off each */
} row;

struct _CounterAnswersScreen {
    GtkBox parent;
    GtkWidget *grid, *message;
    GArray *rows;
};
G_DEFINE_FINAL_TYPE(CounterAnswersScreen, counter_answers_screen, GTK_TYPE_BOX)

enum { SIG_NEXT, SIG_BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void on_next(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_NEXT], 0); }
static void on_back(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_BACK], 0); }

static void row_clear(gpointer data)
{
    row *r = data;
    g_free(r->key);
    g_strfreev(r->values);
}

void counter_answers_screen_clear(CounterAnswersScreen *self)
{
    for (guint i = 0; i < self->rows->len; i++) {
        row *r = &g_array_index(self->rows, row, i);
        if (r->entry)
            counter_entry_clear(GTK_ENTRY(r->entry));
    }
    g_array_set_size(self->rows, 0);
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(self->grid)))
        gtk_grid_remove(GTK_GRID(self->grid), c);
    counter_answers_screen_set_message(self, NULL);
}

static void counter_answers_screen_dispose(GObject *o)
{
    CounterAnswersScreen *self = COUNTER_ANSWERS_SCREEN(o);
    if (self->rows) {
        counter_answers_screen_clear(self);
        g_clear_pointer(&self->rows, g_array_unref);
    }
    G_OBJECT_CLASS(counter_answers_screen_parent_class)->dispose(o);
}

static void counter_answers_screen_class_init(CounterAnswersScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = counter_answers_screen_dispose;
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "answers.ui");
    gtk_widget_class_bind_template_child(wc, CounterAnswersScreen, grid);
    gtk_widget_class_bind_template_child(wc, CounterAnswersScreen, message);
    gtk_widget_class_install_action(wc, "answers.next", NULL, on_next);
    gtk_widget_class_install_action(wc, "answers.back", NULL, on_back);
    signals[SIG_NEXT] = kiosk_screen_signal_new(klass, "next");
    signals[SIG_BACK] = kiosk_screen_signal_new(klass, "back");
}

static void counter_answers_screen_init(CounterAnswersScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    self->rows = g_array_new(FALSE, TRUE, sizeof(row));
    g_array_set_clear_func(self->rows, row_clear);
}

GtkWidget *counter_answers_screen_new(void)
{
    return g_object_new(COUNTER_TYPE_ANSWERS_SCREEN, NULL);
}

static int add_row(CounterAnswersScreen *self, const char *key, const char *label,
                   GtkWidget *input, row *r)
{
    int i = (int)self->rows->len;
    GtkWidget *l = gtk_label_new(label);
    gtk_label_set_xalign(GTK_LABEL(l), 0);
    gtk_label_set_wrap(GTK_LABEL(l), TRUE);
    gtk_label_set_max_width_chars(GTK_LABEL(l), 36);
    gtk_widget_set_hexpand(input, TRUE);
    gtk_grid_attach(GTK_GRID(self->grid), l, 0, i, 1, 1);
    gtk_grid_attach(GTK_GRID(self->grid), input, 1, i, 1, 1);
    r->key = g_strdup(key);
    g_array_append_val(self->rows, *r);
    return i;
}

int counter_answers_screen_add_text(CounterAnswersScreen *self, const char *key,
                                    const char *label, const char *hint, const char *value)
{
    GtkWidget *e = gtk_entry_new();
    counter_entry_make_secure(GTK_ENTRY(e));
    if (hint)
        gtk_entry_set_placeholder_text(GTK_ENTRY(e), hint);
    if (value)
        gtk_entry_buffer_set_text(gtk_entry_get_buffer(GTK_ENTRY(e)), value, -1);
    row r = {.entry = e};
    return add_row(self, key, label, e, &r);
}

int counter_answers_screen_add_choice(CounterAnswersScreen *self, const char *key,
                                      const char *label, const char *const *values,
                                      const char *const *labels, size_t n, const char *selected)
{
    GtkStringList *model = gtk_string_list_new(NULL);
    gtk_string_list_append(model, "—");
    row r = {.values = g_new0(char *, n + 1)};
    guint sel = 0;
    for (size_t i = 0; i < n; i++) {
        gtk_string_list_append(model, labels[i]);
        r.values[i] = g_strdup(values[i]);
        if (selected && !strcmp(selected, values[i]))
            sel = (guint)i + 1;
    }
    GtkWidget *d = gtk_drop_down_new(G_LIST_MODEL(model), NULL);
    gtk_drop_down_set_selected(GTK_DROP_DOWN(d), sel);
    r.dropdown = d;
    return add_row(self, key, label, d, &r);
}

int counter_answers_screen_add_checks(CounterAnswersScreen *self, const char *key,
                                      const char *label, const char *const *labels,
                                      const gboolean *on, size_t n)
{
    if (n > COUNTER_ANSWERS_CHECKS_MAX)
        return -1;
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_add_css_class(box, "counter-checks");
    row r = {.nchecks = n};
    for (size_t i = 0; i < n; i++) {
        r.checks[i] = gtk_check_button_new_with_label(labels[i]);
        gtk_check_button_set_active(GTK_CHECK_BUTTON(r.checks[i]), on[i]);
        gtk_box_append(GTK_BOX(box), r.checks[i]);
    }
    return add_row(self, key, label, box, &r);
}

int counter_answers_screen_count(CounterAnswersScreen *self) { return (int)self->rows->len; }

static row *get(CounterAnswersScreen *self, int i)
{
    return i >= 0 && (guint)i < self->rows->len ? &g_array_index(self->rows, row, i) : NULL;
}

const char *counter_answers_screen_key(CounterAnswersScreen *self, int i)
{
    row *r = get(self, i);
    return r ? r->key : NULL;
}

const char *counter_answers_screen_value(CounterAnswersScreen *self, int i)
{
    row *r = get(self, i);
    if (!r)
        return NULL;
    if (r->entry) {
        const char *t = counter_entry_text(GTK_ENTRY(r->entry));
        return *t ? t : NULL;
    }
    if (!r->dropdown) {
        for (size_t k = 0; k < r->nchecks; k++)
            r->flags[k] = gtk_check_button_get_active(GTK_CHECK_BUTTON(r->checks[k])) ? '1' : '0';
        r->flags[r->nchecks] = '\0';
        return r->flags;
    }
    guint s = gtk_drop_down_get_selected(GTK_DROP_DOWN(r->dropdown));
    return s >= 1 && s != GTK_INVALID_LIST_POSITION ? r->values[s - 1] : NULL;
}

int counter_answers_screen_find(CounterAnswersScreen *self, const char *key)
{
    for (guint i = 0; i < self->rows->len; i++)
        if (!strcmp(g_array_index(self->rows, row, i).key, key))
            return (int)i;
    return -1;
}

GtkEntry *counter_answers_screen_entry(CounterAnswersScreen *self, int i)
{
    row *r = get(self, i);
    return r && r->entry ? GTK_ENTRY(r->entry) : NULL;
}

gboolean counter_answers_screen_choose(CounterAnswersScreen *self, int i, const char *value)
{
    row *r = get(self, i);
    if (!r || !r->dropdown)
        return FALSE;
    for (guint k = 0; r->values[k]; k++)
        if (!strcmp(r->values[k], value)) {
            gtk_drop_down_set_selected(GTK_DROP_DOWN(r->dropdown), k + 1);
            return TRUE;
        }
    return FALSE;
}

gboolean counter_answers_screen_check(CounterAnswersScreen *self, int i, size_t k, gboolean on)
{
    row *r = get(self, i);
    if (!r || k >= r->nchecks)
        return FALSE;
    gtk_check_button_set_active(GTK_CHECK_BUTTON(r->checks[k]), on);
    return TRUE;
}

void counter_answers_screen_set_message(CounterAnswersScreen *self, const char *message)
{
    gtk_label_set_text(GTK_LABEL(self->message), message ? message : "");
    gtk_widget_set_visible(self->message, message != NULL);
}
