/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-window-staff.c — staff mode behind the passcode: the health of reader and printer,
 * the templates' problems, the offered procedures and the printer saved, a test page, and
 * 照合番号B for a resident whose PIN is blocked. See kiosk-window-private.h.
 */
#include "kiosk-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#define OK_SPAN "<span foreground='#006b1b' weight='bold'>"
#define BAD_SPAN "<span foreground='#b00020' weight='bold'>"

static KioskStaffScreen *staff(KioskWindow *self)
{
    return KIOSK_STAFF_SCREEN(self->staff_screen);
}

static void on_health(GtkWidget *screen, KioskWindow *self)
{
    GString *s = g_string_new(NULL);
    if (kiosk_card_source_is_demo(self->cards)) {
        g_string_append_printf(s, "%s%s</span>\n", OK_SPAN, _("Reader: virtual card (demo)"));
    } else {
        char **names = NULL;
        size_t n = 0;
        myna_err err = kiosk_card_source_readers(self->cards, &names, &n);
        if (err != MYNA_OK || n == 0) {
            g_string_append_printf(s, "%s%s: %s</span>\n", BAD_SPAN, _("Reader"),
                                   err != MYNA_OK ? myna_strerror(err) : _("none connected"));
        } else {
            for (size_t i = 0; i < n; i++) {
                g_autofree char *esc = g_markup_escape_text(names[i], -1);
                g_string_append_printf(s, "%s%s: %s</span>\n", OK_SPAN, _("Reader"), esc);
            }
        }
        myna_strv_free(names, n);
    }
    char reason[128] = "";
    form_err perr = kiosk_engine_printer_state(self->engine, reason, sizeof reason);
    g_autofree char *esc = g_markup_escape_text(perr == FORM_OK ? reason : form_strerror(perr), -1);
    g_string_append_printf(s, "%s%s: %s</span>", perr == FORM_OK ? OK_SPAN : BAD_SPAN,
                           _("Printer"), esc);
    kiosk_staff_screen_set_health(staff(self), s->str);
    g_string_free(s, TRUE);
}

static void show_diags(KioskWindow *self)
{
    GString *s = g_string_new(NULL);
    g_autofree char *err = kiosk_engine_catalog_error(self->engine);
    if (err)
        g_string_append_printf(s, "%s\n", err);
    const form_diags *d = kiosk_engine_catalog_diags(self->engine);
    for (size_t i = 0; d && i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        g_string_append_printf(s, "%s:%d:%d %s\n", g->file ? g->file : "?", g->line, g->column,
                               (strcmp(self->lang, "ja") == 0 && g->message_ja) ? g->message_ja
                                                                                 : g->message);
    }
    if (!s->len)
        g_string_append(s, _("All templates loaded without problems."));
    kiosk_staff_screen_set_diags(staff(self), s->str);
    g_string_free(s, TRUE);
}

static void on_unlocked(GtkWidget *screen, KioskWindow *self)
{
    kiosk_window_touched(self);
    kiosk_staff_screen_set_panel(staff(self), kiosk_engine_catalog(self->engine), self->config,
                                 self->lang);
    show_diags(self);
    kiosk_staff_screen_set_health(staff(self), "");
}

static void on_save(GtkWidget *screen, KioskWindow *self)
{
    kiosk_window_touched(self);
    g_strfreev(self->config->procedures);
    self->config->procedures = kiosk_staff_screen_selected(staff(self));
    g_free(self->config->printer);
    self->config->printer = g_strdup(kiosk_staff_screen_printer(staff(self)));
    g_autoptr(GError) err = NULL;
    if (!kiosk_config_save(self->config, &err)) {
        /* Under the locked-down unit /etc is read-only: the choice holds until restart. */
        g_warning("staff: settings not saved (%s)", err->message);
        kiosk_staff_screen_set_health(
            staff(self),
            _("Settings apply until the kiosk restarts, but could not be saved: the "
              "configuration is read-only here. Change kiosk.conf in the municipality's "
              "configuration tree instead."));
    } else {
        g_message("staff: settings saved");
        kiosk_staff_screen_set_health(staff(self), _("Settings saved."));
    }
    kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(self->menu),
                                  kiosk_engine_catalog(self->engine), self->config, self->lang);
}

static void on_testpage_requested(GtkWidget *screen, KioskWindow *self)
{
    kiosk_window_touched(self);
    kiosk_staff_screen_set_health(staff(self), kiosk_engine_test_page(self->engine)
                                                   ? _("Printing a test page…")
                                                   : _("No template: nothing to print."));
}

static void on_checkcode(GtkWidget *screen, KioskWindow *self)
{
    kiosk_window_touched(self);
    kiosk_window_feed(self, KIOSK_EV_STAFF_CHECKCODE_B, 0, 0);
}

static void on_health_requested(GtkWidget *screen, KioskWindow *self)
{
    kiosk_window_touched(self);
    on_health(screen, self);
}

void kiosk_window_connect_staff(KioskWindow *self, GtkWidget *staff_screen)
{
    g_signal_connect(staff_screen, "unlocked", G_CALLBACK(on_unlocked), self);
    g_signal_connect(staff_screen, "save-requested", G_CALLBACK(on_save), self);
    g_signal_connect(staff_screen, "health-requested", G_CALLBACK(on_health_requested), self);
    g_signal_connect(staff_screen, "testpage-requested", G_CALLBACK(on_testpage_requested), self);
    g_signal_connect(staff_screen, "checkcode-requested", G_CALLBACK(on_checkcode), self);
}

void kiosk_window_on_testpage(void *user, form_err result)
{
    KioskWindow *self = user;
    g_message("staff: test page %s", form_err_name(result));
    g_autofree char *esc = g_markup_escape_text(
        result == FORM_OK ? _("Test page sent.") : form_strerror(result), -1);
    g_autofree char *m = g_strdup_printf("<span foreground='%s' weight='bold'>%s</span>",
                                         result == FORM_OK ? "#006b1b" : "#b00020", esc);
    if (kiosk_session_state(self->session) == KIOSK_S_STAFF)
        kiosk_staff_screen_set_health(staff(self), m);
}
