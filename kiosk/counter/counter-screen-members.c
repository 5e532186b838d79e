/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-screen-members.c — the household of a visit. See counter-screen-members.h. */
#include "counter-screen-members.h"

#include <glib/gi18n.h>
#include <string.h>

#include "counter-screen-common.h"
#include "kiosk-screen-common.h"
#include "kiosk-secret-label.h"

struct _CounterMembersScreen {
    GtkBox parent;
    GtkWidget *list, *role, *status, *read_pin, *read_code, *code_b;
    GtkWidget *name, *kana, *birth, *sex, *number, *add, *next;
};
G_DEFINE_FINAL_TYPE(CounterMembersScreen, counter_members_screen, GTK_TYPE_BOX)

enum { SIG_READ, SIG_ADD, SIG_REMOVE, SIG_NEXT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void on_read(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_READ], 0, (int)g_variant_get_int32(p));
}
static void on_add(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_ADD], 0); }
static void on_remove(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_REMOVE], 0, (int)g_variant_get_int32(p));
}
static void on_next(GtkWidget *w, const char *n, GVariant *p) { g_signal_emit(w, signals[SIG_NEXT], 0); }

static void counter_members_screen_class_init(CounterMembersScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, COUNTER_SCREEN_RES "members.ui");
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, list);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, role);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, status);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, read_pin);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, read_code);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, code_b);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, name);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, kana);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, birth);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, sex);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, number);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, add);
    gtk_widget_class_bind_template_child(wc, CounterMembersScreen, next);
    gtk_widget_class_install_action(wc, "members.read", "i", on_read);
    gtk_widget_class_install_action(wc, "members.add", NULL, on_add);
    gtk_widget_class_install_action(wc, "members.remove", "i", on_remove);
    gtk_widget_class_install_action(wc, "members.next", NULL, on_next);
    signals[SIG_READ] = kiosk_screen_signal_new_int(klass, "read-card");
    signals[SIG_ADD] = kiosk_screen_signal_new(klass, "add-typed");
    signals[SIG_REMOVE] = kiosk_screen_signal_new_int(klass, "remove-member");
    signals[SIG_NEXT] = kiosk_screen_signal_new(klass, "next");
}

static void counter_members_screen_init(CounterMembersScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    GtkEntry *e[] = {GTK_ENTRY(self->name), GTK_ENTRY(self->kana), GTK_ENTRY(self->birth),
                     GTK_ENTRY(self->number), GTK_ENTRY(self->code_b)};
    for (size_t i = 0; i < G_N_ELEMENTS(e); i++)
        counter_entry_make_secure(e[i]);
    gtk_entry_set_visibility(GTK_ENTRY(self->code_b), FALSE);
}

GtkWidget *counter_members_screen_new(void)
{
    return g_object_new(COUNTER_TYPE_MEMBERS_SCREEN, NULL);
}

static const char *source_text(counter_source s)
{
    switch (s) {
    case COUNTER_SRC_PIN: return _("card (PIN)");
    case COUNTER_SRC_CHECKCODE_B: return _("card (照合番号B)");
    case COUNTER_SRC_TYPED: break;
    }
    return _("typed by staff");
}

void counter_members_screen_show_members(CounterMembersScreen *self, const counter_visit *v)
{
    kiosk_screen_clear_box(self->list); /* the secret labels wipe themselves */
    size_t n = counter_visit_member_count(v);
    for (size_t i = 0; i < n; i++) {
        GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
        const char *rel = counter_visit_member_field(v, i, COUNTER_F_RELATION);
        const char *name = counter_visit_member_field(v, i, COUNTER_F_NAME);
        const char *kana = counter_visit_member_field(v, i, COUNTER_F_KANA);
        /* the line is a resident's data: composed in locked memory, shown by a secret label */
        size_t cap = 64 + (rel ? strlen(rel) : 0) + (name ? strlen(name) : 0) +
                     (kana ? strlen(kana) : 0);
        char *text = myna_secure_alloc(cap);
        if (text)
            snprintf(text, cap, "%zu. %s  %s%s%s%s", i + 1, rel ? rel : "", name ? name : "",
                     kana ? " (" : "", kana ? kana : "", kana ? ")" : "");
        GtkWidget *label = kiosk_secret_label_new(text ? text : "");
        myna_secure_free(text, cap);
        gtk_widget_set_hexpand(label, TRUE);
        GtkWidget *src = gtk_label_new(source_text(counter_visit_member_source(v, i)));
        GtkWidget *rm = gtk_button_new_with_label(_("Remove"));
        gtk_actionable_set_action_name(GTK_ACTIONABLE(rm), "members.remove");
        gtk_actionable_set_action_target(GTK_ACTIONABLE(rm), "i", (int)i);
        gtk_box_append(GTK_BOX(row), label);
        gtk_box_append(GTK_BOX(row), src);
        gtk_box_append(GTK_BOX(row), rm);
        gtk_box_append(GTK_BOX(self->list), row);
    }
    if (n == 0)
        gtk_box_append(GTK_BOX(self->list),
                       gtk_label_new(_("No one yet: read the applicant's card first.")));
    gtk_widget_set_sensitive(self->next, n > 0);
}

counter_role counter_members_screen_role(CounterMembersScreen *self)
{
    guint r = gtk_drop_down_get_selected(GTK_DROP_DOWN(self->role));
    return r <= COUNTER_ROLE_OTHER ? (counter_role)r : COUNTER_ROLE_OTHER;
}

void counter_members_screen_set_role(CounterMembersScreen *self, counter_role role)
{
    gtk_drop_down_set_selected(GTK_DROP_DOWN(self->role), (guint)role);
}

void counter_members_screen_typed(CounterMembersScreen *self, counter_member_input *out)
{
    memset(out, 0, sizeof *out);
    out->name = counter_entry_text(GTK_ENTRY(self->name));
    out->kana = counter_entry_text(GTK_ENTRY(self->kana));
    out->birth = counter_entry_text(GTK_ENTRY(self->birth));
    out->number = counter_entry_text(GTK_ENTRY(self->number));
    if (!*out->kana)
        out->kana = NULL;
    if (!*out->number)
        out->number = NULL;
    guint s = gtk_drop_down_get_selected(GTK_DROP_DOWN(self->sex));
    out->sex = s == 1 ? "1" : s == 2 ? "2" : NULL;
    out->role = counter_members_screen_role(self);
}

const char *counter_members_screen_code_b(CounterMembersScreen *self)
{
    return counter_entry_text(GTK_ENTRY(self->code_b));
}

void counter_members_screen_clear_typed(CounterMembersScreen *self)
{
    GtkEntry *e[] = {GTK_ENTRY(self->name), GTK_ENTRY(self->kana), GTK_ENTRY(self->birth),
                     GTK_ENTRY(self->number), GTK_ENTRY(self->code_b)};
    for (size_t i = 0; i < G_N_ELEMENTS(e); i++)
        counter_entry_clear(e[i]);
    gtk_drop_down_set_selected(GTK_DROP_DOWN(self->sex), 0);
}

void counter_members_screen_set_status(CounterMembersScreen *self, const char *text,
                                       gboolean busy)
{
    gtk_label_set_text(GTK_LABEL(self->status), text ? text : "");
    gtk_widget_set_sensitive(self->read_pin, !busy);
    gtk_widget_set_sensitive(self->read_code, !busy);
}

GtkEntry *counter_members_screen_entry(CounterMembersScreen *self, const char *field)
{
    if (!strcmp(field, "name"))
        return GTK_ENTRY(self->name);
    if (!strcmp(field, "kana"))
        return GTK_ENTRY(self->kana);
    if (!strcmp(field, "birth"))
        return GTK_ENTRY(self->birth);
    if (!strcmp(field, "number"))
        return GTK_ENTRY(self->number);
    if (!strcmp(field, "code-b"))
        return GTK_ENTRY(self->code_b);
    return NULL;
}

void counter_members_screen_set_sex(CounterMembersScreen *self, const char *sex)
{
    gtk_drop_down_set_selected(GTK_DROP_DOWN(self->sex),
                               !g_strcmp0(sex, "1") ? 1 : !g_strcmp0(sex, "2") ? 2 : 0);
}

void counter_members_screen_wipe(CounterMembersScreen *self)
{
    counter_members_screen_clear_typed(self);
    kiosk_screen_clear_box(self->list);
    counter_members_screen_set_role(self, COUNTER_ROLE_HEAD);
    counter_members_screen_set_status(self, "", FALSE);
    gtk_widget_set_sensitive(self->next, FALSE);
}

const char *counter_members_screen_status_text(CounterMembersScreen *self)
{
    return gtk_label_get_text(GTK_LABEL(self->status));
}
