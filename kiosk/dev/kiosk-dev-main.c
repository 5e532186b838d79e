/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-dev-main.c — kakanai-kiosk-dev, the kiosk for tests and demonstrations (never
 * installed): the installed kiosk's start-up (kiosk-run.h) plus
 *   --virtual-card PROFILE.json   cardlib's in-process virtual card instead of PC/SC
 *   --script FILE                 replay taps on the real widgets (kiosk-script.h)
 *   --size WxH, --idle-timeout S  test overrides
 * Its process name is kakanai-kiosk, so that the privacy scans find it as they find the
 * installed kiosk.
 */
#include <stdio.h>
#include <sys/prctl.h>

#include "kiosk-card-pcsc.h"
#include "kiosk-card-vcard.h"
#include "kiosk-run.h"
#include "kiosk-script.h"

typedef struct dev_opts {
    char *vcard_path, *script, *size;
    int idle_timeout;
    myna_vcard *vcard;
    int script_status;
} dev_opts;

/* --size, --idle-timeout and the virtual card's demo defaults, after the configuration. */
static int dev_overrides(kiosk_run *run, dev_opts *o)
{
    int w = 0, h = 0;
    if (o->size && sscanf(o->size, "%dx%d", &w, &h) != 2) {
        fprintf(stderr, "kakanai-kiosk: --size wants WxH\n");
        return 1;
    }
    if (o->size)
        kiosk_run_set_size(run, w, h);
    if (o->idle_timeout > 0)
        kiosk_run_config(run)->idle_timeout = o->idle_timeout;
    if (o->vcard_path)
        kiosk_run_pdf_by_default(run); /* the demo never prints */
    return KIOSK_RUN_GO;
}

/* The virtual card when asked for, PC/SC otherwise. */
static kiosk_card_source *dev_cards(dev_opts *o)
{
    if (!o->vcard_path)
        return kiosk_card_pcsc_new();
    char *why = NULL;
    myna_err merr = myna_vcard_load(o->vcard_path, &o->vcard, &why);
    if (merr != MYNA_OK) {
        fprintf(stderr, "kakanai-kiosk: virtual card %s: %s\n", o->vcard_path,
                why ? why : myna_strerror(merr));
        free(why);
        return NULL;
    }
    myna_vcard_set_present(o->vcard, false);
    return kiosk_card_vcard_new(o->vcard);
}

static int dev_window(kiosk_run *run, dev_opts *o)
{
    kiosk_card_source *cards = dev_cards(o);
    return cards ? kiosk_run_window(run, cards) : 1;
}

static int dev_script(kiosk_run *run, dev_opts *o)
{
    g_autoptr(GError) err = NULL;
    if (o->script && !kiosk_script_start(kiosk_run_get_window(run), o->script,
                                         kiosk_run_get_loop(run), &o->script_status, &err)) {
        fprintf(stderr, "kakanai-kiosk: %s\n", err->message);
        return 2;
    }
    return KIOSK_RUN_GO;
}

int main(int argc, char **argv)
{
    dev_opts o = {0};
    const GOptionEntry dev_entries[] = {
        {"virtual-card", 0, 0, G_OPTION_ARG_FILENAME, &o.vcard_path,
         "Use the in-process virtual card from a profile (demo, tests)", "PROFILE.json"},
        {"script", 0, 0, G_OPTION_ARG_FILENAME, &o.script, "Replay UI actions from FILE",
         "FILE"},
        {"size", 0, 0, G_OPTION_ARG_STRING, &o.size, "Window size WxH", "WxH"},
        {"idle-timeout", 0, 0, G_OPTION_ARG_INT, &o.idle_timeout, "Idle timeout in seconds",
         "S"},
        {0},
    };
    prctl(PR_SET_NAME, "kakanai-kiosk", 0, 0, 0);
    kiosk_run *run = kiosk_run_new();
    int status = kiosk_run_options(run, dev_entries, &argc, &argv);
    if (status == KIOSK_RUN_GO)
        status = kiosk_run_setup(run);
    if (status == KIOSK_RUN_GO)
        status = dev_overrides(run, &o);
    if (status == KIOSK_RUN_GO)
        status = dev_window(run, &o);
    if (status == KIOSK_RUN_GO)
        status = dev_script(run, &o);
    if (status == KIOSK_RUN_GO)
        status = kiosk_run_loop(run) == 0 ? o.script_status : 1;
    kiosk_run_free(run); /* the window (and the session) go before the card they read */
    myna_vcard_free(o.vcard);
    g_free(o.vcard_path);
    g_free(o.script);
    g_free(o.size);
    return status;
}
