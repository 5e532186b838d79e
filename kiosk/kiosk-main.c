/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-main.c — kakanai-kiosk: process hardening, options, configuration, then the window. */
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "kiosk-app.h"
#include "kiosk-log.h"
#include "kiosk-passcode.h"
#include "kiosk-screens.h"
#include "kiosk-script.h"

#define SECURE_HEAP (4u * 1024u * 1024u) /* PIN, card data, values, PDFs */

static gint64 t_start;
static gboolean timing;

static void phase(const char *what)
{
    if (timing)
        g_print("phase %s %.1f\n", what, (g_get_monotonic_time() - t_start) / 1000.0);
}

static void on_first_frame(GdkFrameClock *clock, gpointer data)
{
    gulong *id = data;
    if (timing) /* since main(), and the wall clock (exec → frame, for the benchmark) */
        g_print("first-frame-ms %.1f\nfirst-frame-epoch-ms %" G_GINT64_FORMAT "\n",
                (g_get_monotonic_time() - t_start) / 1000.0, g_get_real_time() / 1000);
    g_signal_handler_disconnect(clock, *id);
}

static void setup_locale(void)
{
    /* GLib decides once, at the first g_dgettext, whether to translate at all: set the
     * kiosk's default language before anything is translated (switched later at runtime). */
    if (!g_getenv("LANGUAGE"))
        g_setenv("LANGUAGE", "ja", TRUE);
    const char *l = setlocale(LC_ALL, "");
    if (!l || !strcmp(l, "C") || !strcmp(l, "POSIX"))
        setlocale(LC_ALL, "C.UTF-8");
    const char *dir = KIOSK_LOCALEDIR;
    g_autofree char *installed = g_build_filename(KIOSK_LOCALEDIR, "ja", "LC_MESSAGES",
                                                  GETTEXT_PACKAGE ".mo", NULL);
    if (!g_file_test(installed, G_FILE_TEST_EXISTS))
        dir = KIOSK_LOCALEDIR_BUILD;
    bindtextdomain(GETTEXT_PACKAGE, dir);
    bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
    textdomain(GETTEXT_PACKAGE);
}

static int hash_passcode(void)
{
    char buf[KIOSK_PASSCODE_MAX + 2] = {0};
    if (!fgets(buf, sizeof buf, stdin)) {
        fprintf(stderr, "kakanai-kiosk: give the passcode on standard input\n");
        return 2;
    }
    buf[strcspn(buf, "\r\n")] = 0;
    char *h = kiosk_passcode_hash(buf, 0);
    memset(buf, 0, sizeof buf);
    if (!h) {
        fprintf(stderr, "kakanai-kiosk: passcode must be 1 to %d characters\n",
                KIOSK_PASSCODE_MAX);
        return 2;
    }
    printf("passcode-hash=%s\n", h);
    free(h);
    return 0;
}

/* Full screen: the layout is the panel's (a 1280x800 kiosk gets the small one and a window
 * that fits it). The first monitor; nothing changes when the display reports none. */
static void panel_size(int *w, int *h)
{
    GListModel *monitors = gdk_display_get_monitors(gdk_display_get_default());
    GdkMonitor *m = monitors ? g_list_model_get_item(monitors, 0) : NULL;
    if (!m)
        return;
    GdkRectangle r;
    gdk_monitor_get_geometry(m, &r);
    if (r.width >= 640 && r.height >= 480) {
        *w = r.width;
        *h = r.height;
    }
    g_object_unref(m);
}

/* SIGTERM (systemd stop), SIGINT, SIGHUP (cage closing): leave the loop so that the window and
 * the session are torn down, which wipes whatever a resident left, instead of dying mid-session. */
static gboolean on_stop_signal(gpointer loop)
{
    g_message("stop signal: wiping and quitting");
    g_main_loop_quit(loop);
    return G_SOURCE_CONTINUE;
}

int main(int argc, char **argv)
{
    t_start = g_get_monotonic_time();
    int status = 1;
    char *opt_config = NULL, *opt_vcard = NULL, *opt_templates = NULL, *opt_pdf = NULL,
         *opt_printer = NULL, *opt_lang = NULL, *opt_script = NULL, *opt_size = NULL;
    gboolean opt_fullscreen = FALSE, opt_version = FALSE, opt_hash = FALSE, opt_list = FALSE;
    int opt_idle = 0;
    GOptionContext *octx = NULL;
    GError *err = NULL;
    kiosk_config *config = NULL;
    myna_vcard *vcard = NULL;
    KioskWindow *win = NULL;
    GMainLoop *loop = NULL;
    guint stop_ids[3] = {0, 0, 0};
    GtkCssProvider *css = NULL;
    myna_err merr;

    /* Hardening first: no core dumps, not ptrace-able by other users, locked secrets. */
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    /* Every freed heap block is overwritten (glibc M_PERTURB): GTK and Pango copy what a
     * label shows (the summary's name and address) and free it without wiping; this makes
     * their free() the wipe. */
    mallopt(M_PERTURB, 0x5a);
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    setup_locale();
    kiosk_log_install();

    GOptionEntry entries[] = {
        {"config", 0, 0, G_OPTION_ARG_FILENAME, &opt_config, "Configuration file", "FILE"},
        {"virtual-card", 0, 0, G_OPTION_ARG_FILENAME, &opt_vcard,
         "Use the in-process virtual card from a profile (demo)", "PROFILE.json"},
        {"templates", 0, 0, G_OPTION_ARG_FILENAME, &opt_templates, "Template directory", "DIR"},
        {"pdf-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_pdf, "Write PDFs here instead of printing",
         "DIR"},
        {"printer", 0, 0, G_OPTION_ARG_STRING, &opt_printer, "CUPS queue", "NAME"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &opt_lang, "Language: ja or en", "ja|en"},
        {"fullscreen", 0, 0, G_OPTION_ARG_NONE, &opt_fullscreen, "Full screen", NULL},
        {"version", 0, 0, G_OPTION_ARG_NONE, &opt_version, "Print the version", NULL},
        {"hash-passcode", 0, 0, G_OPTION_ARG_NONE, &opt_hash,
         "Read a staff passcode on stdin and print its passcode-hash= line", NULL},
        {"list-procedures", 0, 0, G_OPTION_ARG_NONE, &opt_list,
         "Print the procedures (id, questions, title, forms; tab-separated) and the "
         "templates' problems, then exit",
         NULL},
        {"script", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_script,
         "Test: replay UI actions from FILE", "FILE"},
        {"size", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_size,
         "Test: window size WxH", "WxH"},
        {"idle-timeout", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &opt_idle,
         "Test: idle timeout in seconds", "S"},
        {0},
    };
    octx = g_option_context_new("— the kakanai touch kiosk");
    g_option_context_add_main_entries(octx, entries, GETTEXT_PACKAGE);
    if (!g_option_context_parse(octx, &argc, &argv, &err)) {
        fprintf(stderr, "kakanai-kiosk: %s\n", err->message);
        status = 2;
        goto out;
    }
    if (opt_version) {
        printf("kakanai-kiosk %s\n", KIOSK_VERSION);
        status = 0;
        goto out;
    }
    if (opt_hash) {
        status = hash_passcode();
        goto out;
    }
    timing = g_getenv("KAKANAI_KIOSK_TIMING") != NULL;

    phase("options");
    merr = myna_secure_init(SECURE_HEAP);
    if (merr != MYNA_OK) {
        fprintf(stderr,
                "kakanai-kiosk: cannot lock memory for PINs and card data (%s).\n"
                "Refusing to run: raise the memlock limit (ulimit -l, LimitMEMLOCK=) to at "
                "least %u KB.\n",
                myna_strerror(merr), SECURE_HEAP / 1024);
        goto out;
    }

    config = kiosk_config_load(opt_config, opt_config != NULL, &err);
    if (!config) {
        fprintf(stderr, "kakanai-kiosk: %s\n", err->message);
        goto out;
    }
    if (opt_templates) {
        g_free(config->template_dir);
        config->template_dir = g_strdup(opt_templates);
    }
    if (opt_pdf) {
        g_free(config->pdf_dir);
        config->pdf_dir = g_strdup(opt_pdf);
    }
    if (opt_printer) {
        g_free(config->printer);
        config->printer = g_strdup(opt_printer);
    }
    if (opt_idle > 0)
        config->idle_timeout = opt_idle;
    if (opt_list) {
        form_catalog *cat = NULL;
        form_diags *diags = NULL;
        /* What this kiosk would offer: the same signature rule as the running kiosk. */
        const char *key = config->require_signed && config->public_key && *config->public_key
                              ? config->public_key
                              : NULL;
        form_err ferr = form_catalog_load(config->template_dir, key, &cat, &diags);
        for (size_t i = 0; ferr == FORM_OK && i < form_catalog_procedure_count(cat); i++) {
            const form_procedure *p = form_catalog_procedure(cat, i);
            if (!form_procedure_offered(p, FORM_OFFER_KIOSK))
                continue;
            printf("%s\t%zu\t%s\t%zu\n", form_procedure_id(p), form_procedure_question_count(p),
                   form_text_get(form_procedure_title(p), "ja"), form_procedure_template_count(p));
        }
        for (size_t i = 0; diags && i < form_diags_count(diags); i++) {
            const form_diag *d = form_diags_get(diags, i);
            fprintf(stderr, "%s:%d:%d: %s\n", d->file ? d->file : "?", d->line, d->column,
                    d->message);
        }
        status = ferr == FORM_OK ? 0 : 1;
        form_diags_free(diags);
        form_catalog_free(cat);
        goto out;
    }
    if (opt_vcard && (!config->pdf_dir || !*config->pdf_dir) && !opt_printer) {
        /* The demo never prints: PDFs go to ./out unless told otherwise. */
        g_free(config->pdf_dir);
        config->pdf_dir = g_strdup("out");
    }

    /* The screens are static: software rendering is enough, and not loading GL (Mesa)
     * saves about 60 MB and 150 ms at start. GSK_RENDERER / GDK_DEBUG in the environment
     * (a kiosk with a GPU) win. */
    if (!g_getenv("GSK_RENDERER"))
        g_setenv("GSK_RENDERER", "cairo", TRUE);
    if (!g_getenv("GDK_DEBUG"))
        g_setenv("GDK_DEBUG", "gl-disable", TRUE);

    phase("config");
    if (!gtk_init_check()) {
        const char *dir = config->pdf_dir && *config->pdf_dir ? config->pdf_dir : "out";
        fprintf(stderr,
                "kakanai-kiosk: no display found, so the kiosk cannot open its window.\n"
                "Rendering the sample form of every procedure to %s/ instead.\n",
                dir);
        form_catalog *cat = NULL;
        form_diags *diags = NULL;
        /* What this kiosk would offer: the same signature rule as the running kiosk. */
        const char *key = config->require_signed && config->public_key && *config->public_key
                              ? config->public_key
                              : NULL;
        form_err ferr = form_catalog_load(config->template_dir, key, &cat, &diags);
        if (ferr != FORM_OK) {
            fprintf(stderr, "kakanai-kiosk: templates in %s: %s\n", config->template_dir,
                    form_strerror(ferr));
        } else {
            int failures = kiosk_engine_render_samples(cat, dir, opt_lang ? opt_lang : "ja");
            status = failures == 0 ? 0 : 1;
        }
        form_diags_free(diags);
        form_catalog_free(cat);
        goto out;
    }

    if (opt_vcard) {
        char *why = NULL;
        merr = myna_vcard_load(opt_vcard, &vcard, &why);
        if (merr != MYNA_OK) {
            fprintf(stderr, "kakanai-kiosk: virtual card %s: %s\n", opt_vcard,
                    why ? why : myna_strerror(merr));
            free(why);
            goto out;
        }
        myna_vcard_set_present(vcard, FALSE);
    }

    kiosk_screens_register();
    css = gtk_css_provider_new();
    gtk_css_provider_load_from_resource(css, "/jp/kakanai/kiosk/kiosk.css");
    gtk_style_context_add_provider_for_display(gdk_display_get_default(),
                                               GTK_STYLE_PROVIDER(css),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_object_set(gtk_settings_get_default(), "gtk-application-prefer-dark-theme", FALSE, NULL);

    phase("gtk-init");
    win = kiosk_window_new(config, vcard, opt_lang);
    phase("window");
    int w = 1920, h = 1080;
    if (opt_size && sscanf(opt_size, "%dx%d", &w, &h) != 2) {
        fprintf(stderr, "kakanai-kiosk: --size wants WxH\n");
        goto out;
    }
    if (!opt_size && opt_fullscreen)
        panel_size(&w, &h);
    kiosk_window_set_size(win, w, h);
    if (opt_fullscreen)
        gtk_window_fullscreen(GTK_WINDOW(win));
    loop = g_main_loop_new(NULL, FALSE);
    g_signal_connect_swapped(win, "close-request", G_CALLBACK(g_main_loop_quit), loop);
    const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < G_N_ELEMENTS(stop_signals); i++)
        stop_ids[i] = g_unix_signal_add(stop_signals[i], on_stop_signal, loop);
    gtk_window_present(GTK_WINDOW(win));
    static gulong frame_id;
    GdkFrameClock *clock = gtk_widget_get_frame_clock(GTK_WIDGET(win));
    if (clock)
        frame_id = g_signal_connect(clock, "after-paint", G_CALLBACK(on_first_frame), &frame_id);
    g_message("kiosk started%s", vcard ? " (virtual card)" : "");

    status = 0;
    if (opt_script && !kiosk_script_start(win, opt_script, loop, &status, &err)) {
        fprintf(stderr, "kakanai-kiosk: %s\n", err->message);
        status = 2;
        goto out;
    }
    g_main_loop_run(loop);

out:
    for (size_t i = 0; i < G_N_ELEMENTS(stop_ids); i++)
        if (stop_ids[i])
            g_source_remove(stop_ids[i]);
    if (win)
        gtk_window_destroy(GTK_WINDOW(win));
    if (loop)
        g_main_loop_unref(loop);
    if (css)
        g_object_unref(css);
    myna_vcard_free(vcard);
    kiosk_config_free(config);
    g_clear_error(&err);
    if (octx)
        g_option_context_free(octx);
    g_free(opt_config);
    g_free(opt_vcard);
    g_free(opt_templates);
    g_free(opt_pdf);
    g_free(opt_printer);
    g_free(opt_lang);
    g_free(opt_script);
    g_free(opt_size);
    return status;
}
