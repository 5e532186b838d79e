/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-config.h — the kiosk's configuration file (GKeyFile, group [kiosk]).
 *
 *   [kiosk]
 *   reader-filter=        substring of the reader name to use ("" = any reader)
 *   printer=              CUPS queue ("" = the default destination)
 *   idle-timeout=90       seconds without a touch before the session is wiped (10..900)
 *   languages=ja;en;zh;ko;vi;fil;pt_BR;ne;id;   offered languages (default: all nine, in this
 *                         order), the first is the default
 *   template-dir=/usr/share/kakanai/templates
 *   counter=3             "take your form to counter N"
 *   print-timeout=12      seconds a print job may take before it is cancelled (the job is
 *                         purged, so "try again" never prints twice) (5..300)
 *   passcode-hash=pbkdf2-sha256$...   staff passcode (kakanai-kiosk --hash-passcode)
 *   pdf-dir=              write PDFs here instead of printing ("" = print)
 *   require-signed=false  refuse unsigned templates
 *   public-key=           PEM Ed25519 key that signs the templates
 *   procedures=           ids offered on this kiosk ("" = all)
 *   ask-all-questions=false  true: ask every question one by one; false: questions that
 *                         already have an answer (template default) or are optional are
 *                         shown on the confirmation screen with a "change" button instead
 *   voice=true            voice guidance: every screen announced, the keypad's focus spoken
 *   voice-device=default  ALSA device for the voice ("default", "pipewire", "plughw:0,0")
 *   voice-handset=false   true only where the voice reaches the resident alone (a handset or
 *                         headphones): then the keypad's / reads the card's name and address
 *                         aloud on the confirmation, on request
 */
#ifndef KIOSK_CONFIG_H
#define KIOSK_CONFIG_H

#include <glib.h>

#define KIOSK_CONFIG_DEFAULT "/etc/kakanai/kiosk.conf"
#define KIOSK_IDLE_MIN 10
#define KIOSK_IDLE_MAX 900
#define KIOSK_IDLE_DEFAULT 90

/* Every language the kiosk has a catalogue for (NULL-terminated): ja en zh ko vi fil pt_BR
 * ne id. */
extern const char *const kiosk_config_known_languages[];

typedef struct kiosk_config {
    char *path;          /* file it was loaded from (saved back to), may be NULL */
    char *reader_filter;
    char *printer;
    int idle_timeout;    /* seconds */
    char **languages;    /* NULL-terminated, at least one, each of kiosk_config_known_languages */
    char *template_dir;
    int counter;
    int print_timeout;   /* seconds */
    char *passcode_hash;
    char *pdf_dir;
    gboolean require_signed;
    char *public_key;
    char **procedures;   /* NULL-terminated; empty = all */
    gboolean ask_all;
    gboolean voice;
    char *voice_device;
    gboolean voice_handset;
} kiosk_config;

/* Defaults, then the file at path if it exists (a missing default file is fine; a missing
 * --config file or an invalid value is an error with a sentence in *error). */
kiosk_config *kiosk_config_load(const char *path, gboolean must_exist, GError **error);
gboolean kiosk_config_save(const kiosk_config *c, GError **error);
void kiosk_config_free(kiosk_config *c);
gboolean kiosk_config_offers(const kiosk_config *c, const char *procedure_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(kiosk_config, kiosk_config_free)

#endif
