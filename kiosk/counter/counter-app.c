/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-app.c — the counter app's start-up and main loop. See counter-app.h. */
#include "counter-app.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "counter-audit.h"
#include "counter-screen-common.h"
#include "counter-staff.h"
#include "kiosk-worker.h"

struct counter_app {
    kiosk_card_source *cards;
    CounterWindow *win;
    CounterResidentWindow *resident;
    GMainLoop *loop;
    GtkCssProvider *css[2];
    guint stop_ids[3];
};

void counter_app_option_entries(counter_app_opts *o, GOptionEntry out[5])
{
    const GOptionEntry e[5] = {
        {"counter", 0, 0, G_OPTION_ARG_NONE, &o->counter,
         "Counter mode: the staff's window and the resident's (書かない窓口)", NULL},
        {"staff-file", 0, 0, G_OPTION_ARG_FILENAME, &o->staff_file,
         "Counter staff and their passcode hashes (default " COUNTER_STAFF_FILE ")", "FILE"},
        {"audit-log", 0, 0, G_OPTION_ARG_FILENAME, &o->audit_log,
         "Counter audit log (default " COUNTER_AUDIT_FILE ")", "FILE"},
        {"resident-display", 0, 0, G_OPTION_ARG_STRING, &o->resident_display,
         "X display of the resident's screen (default: the second monitor)", ":N"},
        {0},
    };
    memcpy(out, e, sizeof e);
}

void counter_app_opts_clear(counter_app_opts *o)
{
    g_clear_pointer(&o->staff_file, g_free);
    g_clear_pointer(&o->audit_log, g_free);
    g_clear_pointer(&o->resident_display, g_free);
}

static gboolean on_stop_signal(gpointer loop)
{
    g_message("stop signal: wiping and quitting");
    g_main_loop_quit(loop);
    return G_SOURCE_CONTINUE;
}

static GtkCssProvider *add_css(GdkDisplay *d, const char *resource)
{
    GtkCssProvider *css = gtk_css_provider_new();
    gtk_css_provider_load_from_resource(css, resource);
    gtk_style_context_add_provider_for_display(d, GTK_STYLE_PROVIDER(css),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    return css;
}

/* The resident's window: another X display when asked, else full screen on the second
 * monitor when there is one, else an ordinary window. */
static gboolean place_resident(counter_app *a, const char *display_name)
{
    GtkWindow *rw = GTK_WINDOW(a->resident);
    if (display_name) {
        GdkDisplay *d = gdk_display_open(display_name);
        if (!d) {
            fprintf(stderr, "kakanai-kiosk: cannot open the resident's display %s\n",
                    display_name);
            return FALSE;
        }
        gtk_window_set_display(rw, d);
        add_css(d, "/jp/kakanai/kiosk/kiosk.css");
        add_css(d, "/jp/kakanai/counter/counter.css");
        return TRUE;
    }
    GListModel *monitors = gdk_display_get_monitors(gdk_display_get_default());
    if (monitors && g_list_model_get_n_items(monitors) >= 2) {
        GdkMonitor *m = g_list_model_get_item(monitors, 1);
        gtk_window_fullscreen_on_monitor(rw, m);
        g_object_unref(m);
    }
    return TRUE;
}

counter_app *counter_app_new(kiosk_run *run, kiosk_card_source *cards, const counter_app_opts *o,
                             int idle_seconds)
{
    counter_app *a = g_new0(counter_app, 1);
    a->cards = cards;
    kiosk_config *config = kiosk_run_config(run);
    counter_screens_register();
    GdkDisplay *d = gdk_display_get_default();
    a->css[0] = add_css(d, "/jp/kakanai/kiosk/kiosk.css");
    a->css[1] = add_css(d, "/jp/kakanai/counter/counter.css");
    counter_options copts = {.staff_file = o->staff_file, .audit_log = o->audit_log,
                             .idle_seconds = idle_seconds};
    g_autoptr(GError) err = NULL;
    const char *lang = config->languages && config->languages[0] ? config->languages[0] : "ja";
    a->win = counter_window_new(config, cards, &copts, lang, &err);
    if (!a->win) {
        fprintf(stderr, "kakanai-kiosk: counter: %s\n", err->message);
        counter_app_free(a);
        return NULL;
    }
    g_object_ref(a->win); /* ours until counter_app_free, also once the window is closed */
    a->resident = counter_window_resident(a->win);
    if (!place_resident(a, o->resident_display)) {
        counter_app_free(a);
        return NULL;
    }
    a->loop = g_main_loop_new(NULL, FALSE);
    g_signal_connect_swapped(a->win, "close-request", G_CALLBACK(g_main_loop_quit), a->loop);
    const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < G_N_ELEMENTS(stop_signals); i++)
        a->stop_ids[i] = g_unix_signal_add(stop_signals[i], on_stop_signal, a->loop);
    gtk_window_present(GTK_WINDOW(a->resident));
    gtk_window_present(GTK_WINDOW(a->win));
    g_message("counter started%s", kiosk_card_source_is_demo(cards) ? " (virtual card)" : "");
    return a;
}

CounterWindow *counter_app_window(counter_app *a) { return a->win; }
GMainLoop *counter_app_loop(counter_app *a) { return a->loop; }

int counter_app_run(counter_app *a)
{
    g_main_loop_run(a->loop);
    return 0;
}

void counter_app_free(counter_app *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(a->stop_ids); i++)
        if (a->stop_ids[i])
            g_source_remove(a->stop_ids[i]);
    if (a->win) {
        CounterWindow *w = a->win;
        gtk_window_destroy(GTK_WINDOW(w)); /* wipes the visit, cancels print jobs */
        /* let cancelled jobs end (their documents are wiped when they do): at most 10 s */
        for (int i = 0; i < 1000 && counter_window_printing(w) > 0; i++) {
            while (g_main_context_iteration(NULL, FALSE))
                ;
            g_usleep(10000);
        }
        while (g_main_context_iteration(NULL, FALSE))
            ;
        kiosk_worker_quiesce(5000); /* every worker's stack joined and wiped */
        g_object_unref(w);
    }
    if (a->loop)
        g_main_loop_unref(a->loop);
    for (size_t i = 0; i < G_N_ELEMENTS(a->css); i++)
        if (a->css[i])
            g_object_unref(a->css[i]);
    kiosk_card_source_free(a->cards);
    g_free(a);
}

int counter_main(kiosk_run *run, kiosk_card_source *cards, const counter_app_opts *o)
{
    counter_app *a = counter_app_new(run, cards, o, 0);
    if (!a)
        return 1;
    int status = counter_app_run(a);
    counter_app_free(a);
    return status;
}
