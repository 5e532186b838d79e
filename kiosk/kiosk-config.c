/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-config.c — load and save the kiosk configuration. See kiosk-config.h. */
#include "kiosk-config.h"

/* The kiosk's languages, as forms' form-lang.c lists them (kiosk_core does not link forms;
 * tests/access/test-layout-rules.c compares the two tables). The picker shows them in this
 * order. */
const char *const kiosk_config_known_languages[] = {"ja", "en", "zh", "ko", "vi", "fil",
                                                     "pt_BR", "ne", "id", NULL};

#define GROUP "kiosk"

static void set_str(char **dst, GKeyFile *kf, const char *key)
{
    g_autofree char *v = g_key_file_get_string(kf, GROUP, key, NULL);
    if (v) {
        g_free(*dst);
        *dst = g_strstrip(g_steal_pointer(&v));
    }
}

static gboolean get_int(GKeyFile *kf, const char *key, int lo, int hi, int *out,
                        GError **error)
{
    if (!g_key_file_has_key(kf, GROUP, key, NULL))
        return TRUE;
    g_autoptr(GError) e = NULL;
    int v = g_key_file_get_integer(kf, GROUP, key, &e);
    if (e || v < lo || v > hi) {
        g_set_error(error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                    "%s must be a whole number from %d to %d", key, lo, hi);
        return FALSE;
    }
    *out = v;
    return TRUE;
}

/* A true/false key; absent leaves *out alone. */
static gboolean get_bool(GKeyFile *kf, const char *key, gboolean *out, GError **error)
{
    if (!g_key_file_has_key(kf, GROUP, key, NULL))
        return TRUE;
    g_autoptr(GError) e = NULL;
    gboolean v = g_key_file_get_boolean(kf, GROUP, key, &e);
    if (e) {
        g_set_error(error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                    "%s must be true or false", key);
        return FALSE;
    }
    *out = v;
    return TRUE;
}

kiosk_config *kiosk_config_load(const char *path, gboolean must_exist, GError **error)
{
    g_autoptr(kiosk_config) c = g_new0(kiosk_config, 1);
    c->reader_filter = g_strdup("");
    c->printer = g_strdup("");
    c->idle_timeout = KIOSK_IDLE_DEFAULT;
    c->languages = g_strdupv((char **)kiosk_config_known_languages);
    c->template_dir = g_strdup("/usr/share/kakanai/templates");
    c->counter = 1;
    c->print_timeout = 12;
    c->passcode_hash = g_strdup("");
    c->pdf_dir = g_strdup("");
    c->public_key = g_strdup("");
    c->procedures = g_new0(char *, 1);
    c->voice = TRUE;
    c->voice_device = g_strdup("default");
    c->path = g_strdup(path ? path : KIOSK_CONFIG_DEFAULT);

    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autoptr(GError) e = NULL;
    if (!g_key_file_load_from_file(kf, c->path, G_KEY_FILE_KEEP_COMMENTS, &e)) {
        if (!must_exist && g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            return g_steal_pointer(&c);
        g_set_error(error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                    "cannot read the configuration file %s: %s", c->path, e->message);
        return NULL;
    }
    set_str(&c->reader_filter, kf, "reader-filter");
    set_str(&c->printer, kf, "printer");
    set_str(&c->template_dir, kf, "template-dir");
    set_str(&c->passcode_hash, kf, "passcode-hash");
    set_str(&c->pdf_dir, kf, "pdf-dir");
    set_str(&c->public_key, kf, "public-key");
    set_str(&c->voice_device, kf, "voice-device");
    if (!get_int(kf, "idle-timeout", KIOSK_IDLE_MIN, KIOSK_IDLE_MAX, &c->idle_timeout, error) ||
        !get_int(kf, "counter", 0, 999, &c->counter, error) ||
        !get_int(kf, "print-timeout", 5, 300, &c->print_timeout, error))
        return NULL;
    if (!get_bool(kf, "ask-all-questions", &c->ask_all, error) ||
        !get_bool(kf, "require-signed", &c->require_signed, error) ||
        !get_bool(kf, "voice", &c->voice, error) ||
        !get_bool(kf, "voice-handset", &c->voice_handset, error))
        return NULL;
    char **langs = g_key_file_get_string_list(kf, GROUP, "languages", NULL, NULL);
    if (langs) {
        for (char **l = langs; *l; l++) {
            if (!g_strv_contains(kiosk_config_known_languages, *l)) {
                g_autofree char *known = g_strjoinv(" ", (char **)kiosk_config_known_languages);
                g_set_error(error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                            "languages: \"%s\" is not one of %s", *l, known);
                g_strfreev(langs);
                return NULL;
            }
        }
        if (langs[0]) {
            g_strfreev(c->languages);
            c->languages = langs;
        } else {
            g_strfreev(langs);
        }
    }
    char **procs = g_key_file_get_string_list(kf, GROUP, "procedures", NULL, NULL);
    if (procs) {
        g_strfreev(c->procedures);
        c->procedures = procs;
    }
    if (c->require_signed && !*c->public_key) {
        g_set_error(error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                    "require-signed=true needs public-key= (the PEM key that signs templates)");
        return NULL;
    }
    return g_steal_pointer(&c);
}

gboolean kiosk_config_save(const kiosk_config *c, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_key_file_load_from_file(kf, c->path, G_KEY_FILE_KEEP_COMMENTS, NULL);
    g_key_file_set_string(kf, GROUP, "reader-filter", c->reader_filter);
    g_key_file_set_string(kf, GROUP, "printer", c->printer);
    g_key_file_set_integer(kf, GROUP, "idle-timeout", c->idle_timeout);
    g_key_file_set_string_list(kf, GROUP, "languages", (const char *const *)c->languages,
                               g_strv_length(c->languages));
    g_key_file_set_string(kf, GROUP, "template-dir", c->template_dir);
    g_key_file_set_integer(kf, GROUP, "counter", c->counter);
    g_key_file_set_integer(kf, GROUP, "print-timeout", c->print_timeout);
    g_key_file_set_string(kf, GROUP, "passcode-hash", c->passcode_hash);
    g_key_file_set_string(kf, GROUP, "pdf-dir", c->pdf_dir);
    g_key_file_set_boolean(kf, GROUP, "require-signed", c->require_signed);
    g_key_file_set_boolean(kf, GROUP, "ask-all-questions", c->ask_all);
    g_key_file_set_boolean(kf, GROUP, "voice", c->voice);
    g_key_file_set_boolean(kf, GROUP, "voice-handset", c->voice_handset);
    g_key_file_set_string(kf, GROUP, "voice-device", c->voice_device);
    g_key_file_set_string(kf, GROUP, "public-key", c->public_key);
    g_key_file_set_string_list(kf, GROUP, "procedures", (const char *const *)c->procedures,
                               g_strv_length(c->procedures));
    return g_key_file_save_to_file(kf, c->path, error);
}

void kiosk_config_free(kiosk_config *c)
{
    if (!c)
        return;
    g_free(c->path);
    g_free(c->reader_filter);
    g_free(c->printer);
    g_strfreev(c->languages);
    g_free(c->template_dir);
    g_free(c->passcode_hash);
    g_free(c->pdf_dir);
    g_free(c->public_key);
    g_free(c->voice_device);
    g_strfreev(c->procedures);
    g_free(c);
}

gboolean kiosk_config_offers(const kiosk_config *c, const char *procedure_id)
{
    if (!c->procedures || !c->procedures[0])
        return TRUE;
    return g_strv_contains((const char *const *)c->procedures, procedure_id);
}
