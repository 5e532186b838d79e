/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-window-idle.c — the window's clock: the idle time-out with its countdown (a resident
 * who walks away is wiped), the print watchdog, and template hot-reload at an idle moment on
 * the menu. See kiosk-window-private.h.
 */
#include "kiosk-window-private.h"

#include <glib/gi18n.h>

static gboolean on_tick(gpointer data)
{
    KioskWindow *self = data;
    kiosk_state st = kiosk_session_state(self->session);
    gboolean timed = st != KIOSK_S_MENU &&
                     !(st == KIOSK_S_PRINTING && !kiosk_session_printer_problem(self->session));
    int limit = (st == KIOSK_S_DONE || st == KIOSK_S_ERROR || st == KIOSK_S_STAFF_CALL)
                    ? MIN(KIOSK_DONE_SECONDS, self->config->idle_timeout)
                : st == KIOSK_S_READING ? KIOSK_READING_SECONDS /* a card that stopped answering */
                                        : self->config->idle_timeout;
    gint64 idle = (g_get_monotonic_time() - self->last_touch) / G_USEC_PER_SEC;
    int left = limit - (int)idle;
    if (timed && left <= 0) {
        g_message("idle timeout");
        kiosk_window_idle_now(self);
    } else if (timed && left <= KIOSK_WARN_SECONDS && st != KIOSK_S_DONE) {
        g_autofree char *t = g_strdup_printf(
            ngettext("Touch the screen to continue: %d second left",
                     "Touch the screen to continue: %d seconds left", (unsigned long)left),
            left);
        gtk_label_set_text(GTK_LABEL(self->countdown), t);
        gtk_widget_set_visible(self->countdown, TRUE);
    } else {
        gtk_widget_set_visible(self->countdown, FALSE);
    }
    /* Templates hot-reload at an idle moment: on the menu, nobody in a session. */
    if (st == KIOSK_S_MENU && ++self->reload_tick >= KIOSK_RELOAD_SECONDS) {
        self->reload_tick = 0;
        if (kiosk_engine_reload(self->engine, FALSE))
            kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(self->menu),
                                          kiosk_engine_catalog(self->engine), self->config,
                                          self->lang);
    }
    return G_SOURCE_CONTINUE;
}

void kiosk_window_idle_start(KioskWindow *self)
{
    self->tick = g_timeout_add_seconds(1, on_tick, self);
}

void kiosk_window_idle_stop(KioskWindow *self)
{
    g_clear_handle_id(&self->tick, g_source_remove);
    g_clear_handle_id(&self->print_watchdog, g_source_remove);
}

/* form_print gives up after print-timeout; if CUPS itself hangs (a queue deleted mid-job)
 * the resident still gets the problem screen with try again / stop a little later. */
static gboolean on_print_watchdog(gpointer data)
{
    KioskWindow *self = data;
    self->print_watchdog = 0;
    if (kiosk_session_state(self->session) == KIOSK_S_PRINTING &&
        !kiosk_session_printer_problem(self->session)) {
        g_warning("print: no answer from the printer");
        kiosk_window_feed(self, KIOSK_EV_PRINTER_PROBLEM, KIOSK_P_PRINTER_OFFLINE, 0);
    }
    return G_SOURCE_REMOVE;
}

void kiosk_window_print_watchdog_arm(KioskWindow *self)
{
    g_clear_handle_id(&self->print_watchdog, g_source_remove);
    if (!kiosk_session_printer_problem(self->session))
        self->print_watchdog = g_timeout_add_seconds((guint)self->config->print_timeout + 2,
                                                     on_print_watchdog, self);
}
