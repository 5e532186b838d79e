/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * counter-window-reload.c — the city's template updates reach a running counter, between
 * visits only.
 *
 * Every COUNTER_RELOAD_SECONDS the window looks at the template folder's fingerprint, but only
 * at a quiet moment: nobody's visit open (no member, procedure or event; nothing ticked on the
 * procedures screen), no card being read, no render and no print job still running — every
 * one of them may point into the catalogue. A changed folder is loaded (and its signature
 * checked when the config requires it) and used only when it loads without a single problem:
 * where the kiosk skips a broken form and serves the rest, a counter in the middle of its day
 * must not lose 国保 or 児童手当 to a typo, so a broken update is refused as a whole — the
 * counter keeps the forms it has, the update is tried once (a fixed folder is tried again) and
 * logged, and the audit log records either.
 */
#include "counter-window-private.h"

#include <string.h>

static const char *signing_key(const kiosk_config *c)
{
    return c->require_signed && c->public_key && *c->public_key ? c->public_key : NULL;
}

void counter_window_templates_seen(CounterWindow *self)
{
    if (form_catalog_fingerprint(self->config->template_dir, self->fingerprint) != FORM_OK)
        self->fingerprint[0] = '\0';
}

static gboolean quiet(CounterWindow *self)
{
    if (self->card || self->batch || self->rendering || self->printing ||
        g_atomic_int_get(&self->print_threads) > 0)
        return FALSE;
    if (counter_visit_member_count(self->visit) || counter_visit_procedure_count(self->visit) ||
        counter_visit_event(self->visit))
        return FALSE;
    const char *screen = counter_window_screen_name(self);
    return !g_strcmp0(screen, "signin") ||
           (!g_strcmp0(screen, "procedures") &&
            counter_procedures_screen_selected(self->procedures, NULL, 0) == 0);
}

gboolean counter_window_templates_reload(CounterWindow *self)
{
    if (!quiet(self))
        return FALSE;
    char fp[sizeof self->fingerprint];
    if (form_catalog_fingerprint(self->config->template_dir, fp) != FORM_OK)
        fp[0] = '\0';
    if (!strcmp(fp, self->fingerprint))
        return FALSE;
    memcpy(self->fingerprint, fp, sizeof fp); /* a broken update is tried once */
    form_catalog *cat = NULL;
    form_diags *diags = NULL;
    form_err err = form_catalog_load(self->config->template_dir, signing_key(self->config), &cat,
                                     &diags);
    size_t problems = form_diags_count(diags);
    const form_diag *first = form_diags_get(diags, 0);
    const char *who = self->staff_id[0] ? self->staff_id : "?";
    if (err != FORM_OK || problems > 0) {
        if (err != FORM_OK)
            g_warning("templates: the update was refused (%s: %s); the counter keeps the forms "
                      "it has", form_err_name(err), form_strerror(err));
        else
            g_warning("templates: the update was refused (%zu problems; the first: %s:%d: %s); "
                      "the counter keeps the forms it has", problems,
                      first && first->file ? first->file : "-", first ? first->line : 0,
                      first && first->message ? first->message : "-");
        form_diags_free(diags);
        form_catalog_free(cat);
        counter_audit_staff(self->audit, "templates-refused", who);
        return FALSE;
    }
    form_diags_free(diags);
    counter_visit_set_catalog(self->visit, cat);
    counter_procedures_screen_set_catalog(self->procedures, cat, self->lang);
    form_catalog_free(self->cat);
    self->cat = cat;
    g_message("templates: updated, %zu procedures", form_catalog_procedure_count(cat));
    counter_audit_staff(self->audit, "templates-updated", who);
    return TRUE;
}
