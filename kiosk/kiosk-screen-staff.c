/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-staff.c — the staff mode screen. See kiosk-screen-staff.h. */
#include "kiosk-screen-staff.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-passcode.h"
#include "kiosk-screen-common.h"

struct _KioskStaffScreen {
    GtkBox parent;
    GtkWidget *title, *pages, *lock_label, *lock_dots, *lock_keypad, *procedures, *printer,
        *health, *diags;
    char *hash;
    char code[KIOSK_PASSCODE_MAX + 1];
    size_t len;
    gboolean unlocked;
    guint failures;
};
G_DEFINE_FINAL_TYPE(KioskStaffScreen, kiosk_staff_screen, GTK_TYPE_BOX)

enum { SIG_UNLOCKED, SIG_SAVE, SIG_HEALTH, SIG_TESTPAGE, SIG_CHECKCODE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void staff_code_wipe(KioskStaffScreen *self)
{
    memset(self->code, 0, sizeof self->code);
    self->len = 0;
    gtk_label_set_text(GTK_LABEL(self->lock_dots), " ");
}

static void staff_digit(GtkWidget *w, const char *n, GVariant *p)
{
    KioskStaffScreen *self = KIOSK_STAFF_SCREEN(w);
    if (self->len >= 12)
        return;
    self->code[self->len++] = (char)('0' + g_variant_get_int32(p));
    g_autofree char *d = kiosk_screen_dots(self->len, self->len);
    gtk_label_set_text(GTK_LABEL(self->lock_dots), d);
}

static void staff_save(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_SAVE], 0);
}

static void staff_health(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_HEALTH], 0);
}

static void staff_testpage(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_TESTPAGE], 0);
}

static void staff_checkcode(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_CHECKCODE], 0);
}

static void staff_clear(GtkWidget *w, const char *n, GVariant *p)
{
    staff_code_wipe(KIOSK_STAFF_SCREEN(w));
}

static void staff_enter(GtkWidget *w, const char *n, GVariant *p)
{
    KioskStaffScreen *self = KIOSK_STAFF_SCREEN(w);
    gboolean ok = self->failures < 5 && self->hash && *self->hash &&
                  kiosk_passcode_check(self->hash, self->code);
    staff_code_wipe(self);
    if (!ok) {
        self->failures++;
        gtk_label_set_text(GTK_LABEL(self->lock_label),
                           !self->hash || !*self->hash
                               ? _("No staff passcode is set in kiosk.conf (passcode-hash).")
                           : self->failures >= 5 ? _("Too many wrong passcodes. Restart needed.")
                                                 : _("Wrong passcode. Try again."));
        g_message("staff: passcode refused");
        return;
    }
    self->failures = 0;
    self->unlocked = TRUE;
    gtk_stack_set_visible_child_name(GTK_STACK(self->pages), "panel");
    g_message("staff: unlocked");
    g_signal_emit(w, signals[SIG_UNLOCKED], 0);
}

static void kiosk_staff_screen_finalize(GObject *o)
{
    KioskStaffScreen *self = KIOSK_STAFF_SCREEN(o);
    memset(self->code, 0, sizeof self->code);
    g_free(self->hash);
    G_OBJECT_CLASS(kiosk_staff_screen_parent_class)->finalize(o);
}

static void kiosk_staff_screen_class_init(KioskStaffScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->finalize = kiosk_staff_screen_finalize;
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "staff.ui");
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, pages);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, lock_label);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, lock_dots);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, lock_keypad);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, procedures);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, printer);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, health);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, diags);
    gtk_widget_class_install_action(wc, "staff.digit", "i", staff_digit);
    gtk_widget_class_install_action(wc, "staff.clear", NULL, staff_clear);
    gtk_widget_class_install_action(wc, "staff.enter", NULL, staff_enter);
    gtk_widget_class_install_action(wc, "staff.save", NULL, staff_save);
    gtk_widget_class_install_action(wc, "staff.health", NULL, staff_health);
    gtk_widget_class_install_action(wc, "staff.testpage", NULL, staff_testpage);
    gtk_widget_class_install_action(wc, "staff.checkcode", NULL, staff_checkcode);
    signals[SIG_UNLOCKED] = kiosk_screen_signal_new(klass, "unlocked");
    signals[SIG_SAVE] = kiosk_screen_signal_new(klass, "save-requested");
    signals[SIG_HEALTH] = kiosk_screen_signal_new(klass, "health-requested");
    signals[SIG_TESTPAGE] = kiosk_screen_signal_new(klass, "testpage-requested");
    signals[SIG_CHECKCODE] = kiosk_screen_signal_new(klass, "checkcode-requested");
}

static void kiosk_staff_screen_init(KioskStaffScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    kiosk_screen_build_keypad(GTK_GRID(self->lock_keypad), "staff.digit", _("Clear"), "staff.clear",
                              _("OK"), "staff.enter");
    gtk_editable_set_enable_undo(GTK_EDITABLE(self->printer), FALSE);
}

GtkWidget *kiosk_staff_screen_new(void) { return g_object_new(KIOSK_TYPE_STAFF_SCREEN, NULL); }

void kiosk_staff_screen_lock(KioskStaffScreen *self, const char *passcode_hash)
{
    g_free(self->hash);
    self->hash = g_strdup(passcode_hash);
    self->unlocked = FALSE;
    staff_code_wipe(self);
    gtk_label_set_text(GTK_LABEL(self->lock_label), _("Enter the staff passcode"));
    gtk_stack_set_visible_child_name(GTK_STACK(self->pages), "lock");
}

gboolean kiosk_staff_screen_unlocked(KioskStaffScreen *self) { return self->unlocked; }

void kiosk_staff_screen_set_panel(KioskStaffScreen *self, const form_catalog *cat,
                                  const kiosk_config *config, const char *lang)
{
    kiosk_screen_clear_box(self->procedures);
    for (size_t i = 0; cat && i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        GtkWidget *c = gtk_check_button_new_with_label(form_text_get(form_procedure_title(p), lang));
        g_object_set_data_full(G_OBJECT(c), "id", g_strdup(form_procedure_id(p)), g_free);
        gtk_check_button_set_active(GTK_CHECK_BUTTON(c),
                                    kiosk_config_offers(config, form_procedure_id(p)));
        gtk_box_append(GTK_BOX(self->procedures), c);
    }
    gtk_editable_set_text(GTK_EDITABLE(self->printer), config->printer ? config->printer : "");
}

void kiosk_staff_screen_set_health(KioskStaffScreen *self, const char *markup)
{
    gtk_label_set_markup(GTK_LABEL(self->health), markup);
}

void kiosk_staff_screen_set_diags(KioskStaffScreen *self, const char *text)
{
    gtk_label_set_text(GTK_LABEL(self->diags), text ? text : "");
}

char **kiosk_staff_screen_selected(KioskStaffScreen *self)
{
    GStrvBuilder *b = g_strv_builder_new();
    for (GtkWidget *c = gtk_widget_get_first_child(self->procedures); c;
         c = gtk_widget_get_next_sibling(c))
        if (gtk_check_button_get_active(GTK_CHECK_BUTTON(c)))
            g_strv_builder_add(b, g_object_get_data(G_OBJECT(c), "id"));
    char **v = g_strv_builder_end(b);
    g_strv_builder_unref(b);
    return v;
}

const char *kiosk_staff_screen_printer(KioskStaffScreen *self)
{
    return gtk_editable_get_text(GTK_EDITABLE(self->printer));
}
