/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-run.c — the kiosk programs' shared start-up. See kiosk-run.h. */
#include "kiosk-run.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "kiosk-log.h"
#include "kiosk-passcode.h"
#include "kiosk-samples.h"
#include "kiosk-screens.h"

#define SECURE_HEAP (4u * 1024u * 1024u) /* PIN, card data, values, PDFs */

struct kiosk_run {
    gint64 t_start;
    gboolean timing;
    char *opt_config, *opt_templates, *opt_pdf, *opt_printer, *opt_lang;
    gboolean opt_fullscreen, opt_version, opt_hash, opt_list;
    GOptionContext *octx;
    kiosk_config *config;
    kiosk_card_source *cards;
    int width, height;
    gboolean size_given; /* else a full-screen window takes the panel's size */
    GtkCssProvider *css;
    KioskWindow *win;
    GMainLoop *loop;
    guint stop_ids[3];
    gulong frame_id;
};

static void phase(kiosk_run *r, const char *what)
{
    if (r->timing)
        g_print("phase %s %.1f\n", what, (g_get_monotonic_time() - r->t_start) / 1000.0);
}

static void on_first_frame(GdkFrameClock *clock, gpointer data)
{
    kiosk_run *r = data;
    if (r->timing) /* since main(), and the wall clock (exec → frame, for the benchmark) */
        g_print("first-frame-ms %.1f\nfirst-frame-epoch-ms %" G_GINT64_FORMAT "\n",
                (g_get_monotonic_time() - r->t_start) / 1000.0, g_get_real_time() / 1000);
    g_signal_handler_disconnect(clock, r->frame_id);
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

kiosk_run *kiosk_run_new(void)
{
    kiosk_run *r = g_new0(kiosk_run, 1);
    r->t_start = g_get_monotonic_time();
    r->width = 1920;
    r->height = 1080;
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
    return r;
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

int kiosk_run_options(kiosk_run *r, const GOptionEntry *extra, int *argc, char ***argv)
{
    GOptionEntry entries[] = {
        {"config", 0, 0, G_OPTION_ARG_FILENAME, &r->opt_config, "Configuration file", "FILE"},
        {"templates", 0, 0, G_OPTION_ARG_FILENAME, &r->opt_templates, "Template directory",
         "DIR"},
        {"pdf-dir", 0, 0, G_OPTION_ARG_FILENAME, &r->opt_pdf,
         "Write PDFs here instead of printing", "DIR"},
        {"printer", 0, 0, G_OPTION_ARG_STRING, &r->opt_printer, "CUPS queue", "NAME"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &r->opt_lang,
         "Language at start: ja en zh ko vi fil pt_BR ne id", "CODE"},
        {"fullscreen", 0, 0, G_OPTION_ARG_NONE, &r->opt_fullscreen, "Full screen", NULL},
        {"version", 0, 0, G_OPTION_ARG_NONE, &r->opt_version, "Print the version", NULL},
        {"hash-passcode", 0, 0, G_OPTION_ARG_NONE, &r->opt_hash,
         "Read a staff passcode on stdin and print its passcode-hash= line", NULL},
        {"list-procedures", 0, 0, G_OPTION_ARG_NONE, &r->opt_list,
         "Print the procedures (id, questions, title, forms; tab-separated) and the "
         "templates' problems, then exit",
         NULL},
        {0},
    };
    g_autoptr(GError) err = NULL;
    r->octx = g_option_context_new("— the kakanai touch kiosk");
    g_option_context_add_main_entries(r->octx, entries, GETTEXT_PACKAGE);
    if (extra)
        g_option_context_add_main_entries(r->octx, extra, GETTEXT_PACKAGE);
    if (!g_option_context_parse(r->octx, argc, argv, &err)) {
        fprintf(stderr, "kakanai-kiosk: %s\n", err->message);
        return 2;
    }
    if (r->opt_version) {
        printf("kakanai-kiosk %s\n", KIOSK_VERSION);
        return 0;
    }
    if (r->opt_hash)
        return hash_passcode();
    r->timing = g_getenv("KAKANAI_KIOSK_TIMING") != NULL;
    phase(r, "options");
    return KIOSK_RUN_GO;
}

/* The catalogue this kiosk would offer: the same signature rule as the running kiosk. */
static form_err load_catalog(const kiosk_config *config, form_catalog **cat, form_diags **diags)
{
    const char *key = config->require_signed && config->public_key && *config->public_key
                          ? config->public_key
                          : NULL;
    return form_catalog_load(config->template_dir, key, cat, diags);
}

static int list_procedures(kiosk_run *r)
{
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err ferr = load_catalog(r->config, &cat, &diags);
    for (size_t i = 0; ferr == FORM_OK && i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        if (!form_procedure_offered(p, FORM_OFFER_KIOSK))
            continue; /* the kiosk's own list: counter-only procedures are not on it */
        printf("%s\t%zu\t%s\t%zu\n", form_procedure_id(p), form_procedure_question_count(p),
               form_text_get(form_procedure_title(p), "ja"), form_procedure_template_count(p));
    }
    for (size_t i = 0; diags && i < form_diags_count(diags); i++) {
        const form_diag *d = form_diags_get(diags, i);
        fprintf(stderr, "%s:%d:%d: %s\n", d->file ? d->file : "?", d->line, d->column,
                d->message);
    }
    form_diags_free(diags);
    form_catalog_free(cat);
    return ferr == FORM_OK ? 0 : 1;
}

static int samples_without_display(kiosk_run *r)
{
    const char *dir = r->config->pdf_dir && *r->config->pdf_dir ? r->config->pdf_dir : "out";
    fprintf(stderr,
            "kakanai-kiosk: no display found, so the kiosk cannot open its window.\n"
            "Rendering the sample form of every procedure to %s/ instead.\n",
            dir);
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    int status = 1;
    form_err ferr = load_catalog(r->config, &cat, &diags);
    if (ferr != FORM_OK)
        fprintf(stderr, "kakanai-kiosk: templates in %s: %s\n", r->config->template_dir,
                form_strerror(ferr));
    else
        status = kiosk_samples_render(cat, dir, r->opt_lang ? r->opt_lang : "ja") == 0 ? 0 : 1;
    form_diags_free(diags);
    form_catalog_free(cat);
    return status;
}

static void override(char **field, const char *value)
{
    if (!value)
        return;
    g_free(*field);
    *field = g_strdup(value);
}

int kiosk_run_setup(kiosk_run *r)
{
    myna_err merr = myna_secure_init(SECURE_HEAP);
    if (merr != MYNA_OK) {
        fprintf(stderr,
                "kakanai-kiosk: cannot lock memory for PINs and card data (%s).\n"
                "Refusing to run: raise the memlock limit (ulimit -l, LimitMEMLOCK=) to at "
                "least %u KB.\n",
                myna_strerror(merr), SECURE_HEAP / 1024);
        return 1;
    }
    g_autoptr(GError) err = NULL;
    r->config = kiosk_config_load(r->opt_config, r->opt_config != NULL, &err);
    if (!r->config) {
        fprintf(stderr, "kakanai-kiosk: %s\n", err->message);
        return 1;
    }
    override(&r->config->template_dir, r->opt_templates);
    override(&r->config->pdf_dir, r->opt_pdf);
    override(&r->config->printer, r->opt_printer);
    if (r->opt_list)
        return list_procedures(r);
    /* The screens are static: software rendering is enough, and not loading GL (Mesa)
     * saves about 60 MB and 150 ms at start. GSK_RENDERER / GDK_DEBUG in the environment
     * (a kiosk with a GPU) win. */
    if (!g_getenv("GSK_RENDERER"))
        g_setenv("GSK_RENDERER", "cairo", TRUE);
    if (!g_getenv("GDK_DEBUG"))
        g_setenv("GDK_DEBUG", "gl-disable", TRUE);
    phase(r, "config");
    if (!gtk_init_check())
        return samples_without_display(r);
    return KIOSK_RUN_GO;
}

kiosk_config *kiosk_run_config(kiosk_run *r) { return r->config; }

void kiosk_run_pdf_by_default(kiosk_run *r)
{
    if ((!r->config->pdf_dir || !*r->config->pdf_dir) && !r->opt_printer)
        override(&r->config->pdf_dir, "out");
}

void kiosk_run_set_size(kiosk_run *r, int w, int h)
{
    r->width = w;
    r->height = h;
    r->size_given = TRUE;
}

/* Full screen: the layout is the panel's (a 1280x800 kiosk gets the small one and a window
 * that fits it). The first monitor; nothing changes when the display reports none. */
static void panel_size(int *w, int *h)
{
    GListModel *monitors = gdk_display_get_monitors(gdk_display_get_default());
    GdkMonitor *m = monitors ? g_list_model_get_item(monitors, 0) : NULL;
    if (!m)
        return;
    GdkRectangle rect;
    gdk_monitor_get_geometry(m, &rect);
    if (rect.width >= 640 && rect.height >= 480) {
        *w = rect.width;
        *h = rect.height;
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

/* Voice guidance: espeak-ng into the configured ALSA device. A kiosk without espeak-ng data
 * or a sound device still runs (the voice counts its output errors; the log says why). */
static void kiosk_run_voice(kiosk_run *r)
{
    if (!r->config->voice)
        return;
    kiosk_speech_engine *engine = NULL;
    kiosk_speech_sink *sink = NULL;
    kiosk_speech *voice = NULL;
    kiosk_speech_err e = kiosk_speech_engine_espeak_new(NULL, &engine);
    if (e == KIOSK_SPEECH_OK)
        e = kiosk_speech_sink_alsa_new(r->config->voice_device, &sink);
    if (e == KIOSK_SPEECH_OK)
        e = kiosk_speech_new(engine, sink, &voice);
    else
        kiosk_speech_engine_free(engine);
    if (e != KIOSK_SPEECH_OK) {
        g_warning("voice guidance off: %s", kiosk_speech_strerror(e));
        return;
    }
    kiosk_window_set_voice(r->win, voice);
}

int kiosk_run_window(kiosk_run *r, kiosk_card_source *cards)
{
    r->cards = cards;
    kiosk_screens_register();
    r->css = gtk_css_provider_new();
    gtk_css_provider_load_from_resource(r->css, "/jp/kakanai/kiosk/kiosk.css");
    gtk_style_context_add_provider_for_display(gdk_display_get_default(),
                                               GTK_STYLE_PROVIDER(r->css),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_object_set(gtk_settings_get_default(), "gtk-application-prefer-dark-theme", FALSE, NULL);

    phase(r, "gtk-init");
    r->win = kiosk_window_new(r->config, cards, r->opt_lang);
    phase(r, "window");
    if (!r->size_given && r->opt_fullscreen)
        panel_size(&r->width, &r->height);
    kiosk_window_set_size(r->win, r->width, r->height);
    if (r->opt_fullscreen)
        gtk_window_fullscreen(GTK_WINDOW(r->win));
    r->loop = g_main_loop_new(NULL, FALSE);
    g_signal_connect_swapped(r->win, "close-request", G_CALLBACK(g_main_loop_quit), r->loop);
    const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < G_N_ELEMENTS(stop_signals); i++)
        r->stop_ids[i] = g_unix_signal_add(stop_signals[i], on_stop_signal, r->loop);
    kiosk_run_voice(r);
    gtk_window_present(GTK_WINDOW(r->win));
    GdkFrameClock *clock = gtk_widget_get_frame_clock(GTK_WIDGET(r->win));
    if (clock)
        r->frame_id = g_signal_connect(clock, "after-paint", G_CALLBACK(on_first_frame), r);
    g_message("kiosk started%s",
              kiosk_card_source_is_demo(cards) ? " (virtual card)" : "");
    return KIOSK_RUN_GO;
}

KioskWindow *kiosk_run_get_window(kiosk_run *r) { return r->win; }
GMainLoop *kiosk_run_get_loop(kiosk_run *r) { return r->loop; }

int kiosk_run_loop(kiosk_run *r)
{
    g_main_loop_run(r->loop);
    return 0;
}

void kiosk_run_free(kiosk_run *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < G_N_ELEMENTS(r->stop_ids); i++)
        if (r->stop_ids[i])
            g_source_remove(r->stop_ids[i]);
    if (r->win) /* wipes the session, joins the card thread */
        gtk_window_destroy(GTK_WINDOW(r->win));
    if (r->loop)
        g_main_loop_unref(r->loop);
    if (r->css)
        g_object_unref(r->css);
    kiosk_card_source_free(r->cards);
    kiosk_config_free(r->config);
    if (r->octx)
        g_option_context_free(r->octx);
    g_free(r->opt_config);
    g_free(r->opt_templates);
    g_free(r->opt_pdf);
    g_free(r->opt_printer);
    g_free(r->opt_lang);
    g_free(r);
}
