/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-screen-interview.c — a life event's interview. See counter-screen-interview.h. */
#include "counter-screen-interview.h"

#include <glib/gi18n.h>
#include <string.h>

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"

typedef struct row {
    GtkWidget *label, *dropdown;
    char **values; /* choice ids, "yes"/"no", or counts (not personal) */
    char *id;
} row;

struct _CounterInterviewScreen {
    GtkBox parent;
    GtkWidget *title, *grid;
    GArray *rows;
};
G_DEFINE_FINAL_TYPE(CounterInterviewScreen, counter_interview_screen, GTK_TYPE_BOX)

enum { SIG_CHANGED, SIG_NAVIGATE, SIG_BACK, N_SIGNALS };
static guint signals[N_SIGNALS];

static void on_navigate(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_NAVIGATE], 0); }
static void on_back(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_BACK], 0); }

static void row_clear(gpointer data)
{
    row *r = data;
    g_strfreev(r->values);
    g_free(r->id);
}

static void counter_interview_screen_dispose(GObject *o)
{
    CounterInterviewScreen *self = COUNTER_INTERVIEW_SCREEN(o);
    g_clear_pointer(&self->rows, g_array_unref);
    G_OBJECT_CLASS(counter_interview_screen_parent_class)->dispose(o);
}

static void counter_interview_screen_class_init(CounterInterviewScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = counter_interview_screen_dispose;
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "interview.ui");
    gtk_widget_class_bind_template_child(wc, CounterInterviewScreen, title);
    gtk_widget_class_bind_template_child(wc, CounterInterviewScreen, grid);
    gtk_widget_class_install_action(wc, "interview.navigate", NULL, on_navigate);
    gtk_widget_class_install_action(wc, "interview.back", NULL, on_back);
    signals[SIG_CHANGED] = kiosk_screen_signal_new_int(klass, "answer-changed");
    signals[SIG_NAVIGATE] = kiosk_screen_signal_new(klass, "navigate");
    signals[SIG_BACK] = kiosk_screen_signal_new(klass, "back");
}

static void counter_interview_screen_init(CounterInterviewScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    self->rows = g_array_new(FALSE, TRUE, sizeof(row));
    g_array_set_clear_func(self->rows, row_clear);
}

GtkWidget *counter_interview_screen_new(void)
{
    return g_object_new(COUNTER_TYPE_INTERVIEW_SCREEN, NULL);
}

static void on_selected(GObject *dd, GParamSpec *ps, gpointer data)
{
    CounterInterviewScreen *self = data;
    for (guint i = 0; i < self->rows->len; i++)
        if (g_array_index(self->rows, row, i).dropdown == GTK_WIDGET(dd))
            g_signal_emit(self, signals[SIG_CHANGED], 0, (int)i);
}

void counter_interview_screen_set_event(CounterInterviewScreen *self, const form_event *e,
                                        const char *lang)
{
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(self->grid)))
        gtk_grid_remove(GTK_GRID(self->grid), c);
    g_array_set_size(self->rows, 0);
    gtk_label_set_text(GTK_LABEL(self->title), form_text_get(form_event_title(e), lang));
    for (size_t i = 0; i < form_event_question_count(e); i++) {
        const form_question *q = form_event_question(e, i);
        GtkStringList *model = gtk_string_list_new(NULL);
        GPtrArray *vals = g_ptr_array_new();
        gtk_string_list_append(model, "—");
        switch (form_question_type_of(q)) {
        case FORM_Q_YESNO:
            gtk_string_list_append(model, _("Yes"));
            g_ptr_array_add(vals, g_strdup("yes"));
            gtk_string_list_append(model, _("No"));
            g_ptr_array_add(vals, g_strdup("no"));
            break;
        case FORM_Q_NUMBER:
            for (long n = form_question_min(q); n <= form_question_max(q) && n - form_question_min(q) < 20; n++) {
                char buf[24];
                snprintf(buf, sizeof buf, "%ld", n);
                gtk_string_list_append(model, buf);
                g_ptr_array_add(vals, g_strdup(buf));
            }
            break;
        default:
            for (size_t k = 0; k < form_question_choice_count(q); k++) {
                gtk_string_list_append(model,
                                       form_text_get(form_question_choice_label(q, k), lang));
                g_ptr_array_add(vals, g_strdup(form_question_choice_value(q, k)));
            }
            break;
        }
        g_ptr_array_add(vals, NULL);
        row r = {.label = gtk_label_new(form_text_get(form_question_label(q), lang)),
                 .dropdown = gtk_drop_down_new(G_LIST_MODEL(model), NULL),
                 .values = (char **)g_ptr_array_free(vals, FALSE),
                 .id = g_strdup(form_question_id(q))};
        gtk_label_set_xalign(GTK_LABEL(r.label), 0);
        gtk_label_set_wrap(GTK_LABEL(r.label), TRUE);
        gtk_label_set_max_width_chars(GTK_LABEL(r.label), 48);
        const char *def = form_question_default(q);
        for (guint k = 0; def && r.values[k]; k++)
            if (!strcmp(r.values[k], def))
                gtk_drop_down_set_selected(GTK_DROP_DOWN(r.dropdown), k + 1);
        if (!def)
            gtk_drop_down_set_selected(GTK_DROP_DOWN(r.dropdown), 0);
        g_signal_connect(r.dropdown, "notify::selected", G_CALLBACK(on_selected), self);
        gtk_grid_attach(GTK_GRID(self->grid), r.label, 0, (int)i, 1, 1);
        gtk_grid_attach(GTK_GRID(self->grid), r.dropdown, 1, (int)i, 1, 1);
        g_array_append_val(self->rows, r);
    }
}

static row *get(CounterInterviewScreen *self, int i)
{
    return i >= 0 && (guint)i < self->rows->len ? &g_array_index(self->rows, row, i) : NULL;
}

const char *counter_interview_screen_value(CounterInterviewScreen *self, int i)
{
    row *r = get(self, i);
    if (!r || !gtk_widget_get_visible(r->dropdown))
        return NULL;
    guint s = gtk_drop_down_get_selected(GTK_DROP_DOWN(r->dropdown));
    return s >= 1 && s != GTK_INVALID_LIST_POSITION ? r->values[s - 1] : NULL;
}

gboolean counter_interview_screen_choose(CounterInterviewScreen *self, int i, const char *value)
{
    row *r = get(self, i);
    for (guint k = 0; r && r->values[k]; k++)
        if (!strcmp(r->values[k], value)) {
            gtk_drop_down_set_selected(GTK_DROP_DOWN(r->dropdown), k + 1);
            return TRUE;
        }
    return FALSE;
}

int counter_interview_screen_find(CounterInterviewScreen *self, const char *question_id)
{
    for (guint i = 0; i < self->rows->len; i++)
        if (!strcmp(g_array_index(self->rows, row, i).id, question_id))
            return (int)i;
    return -1;
}

void counter_interview_screen_set_asked(CounterInterviewScreen *self, int i, gboolean asked)
{
    row *r = get(self, i);
    if (!r)
        return;
    gtk_widget_set_visible(r->label, asked);
    gtk_widget_set_visible(r->dropdown, asked);
}

int counter_interview_screen_count(CounterInterviewScreen *self) { return (int)self->rows->len; }
