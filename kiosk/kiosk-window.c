/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-app.c — the kiosk window. See kiosk-app.h. */
#include "kiosk-app.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-screens.h"
#include "kiosk-util.h"

#define WARN_SECONDS 30  /* countdown shown for the last seconds before the wipe */
#define DONE_SECONDS 20  /* the "done" and message screens return to the menu by themselves */
#define RELOAD_SECONDS 10
#define READING_SECONDS 60 /* no card answers this slowly: give up and wipe */

extern int _nl_msg_cat_cntr; /* GNU gettext: bump after changing LANGUAGE */

struct _KioskWindow {
    GtkWindow parent;
    GtkWidget *app_title, *countdown, *lang_ja, *lang_en, *stack, *bottombar, *back,
        *footer_hint, *staff;

    GtkWidget *menu, *card, *pin, *reading, *question, *confirm, *printing, *done, *error,
        *staff_call, *staff_screen;

    kiosk_config *config;
    myna_vcard *vcard;
    kiosk_engine *engine;
    kiosk_session *session;
    char lang[8];
    gint64 last_touch;  /* monotonic µs */
    guint tick;
    char *flag_text;    /* unprintable characters for the counter; wiped at the menu */
    guint print_watchdog;
    kiosk_reader_status reader;
};
G_DEFINE_FINAL_TYPE(KioskWindow, kiosk_window, GTK_TYPE_WINDOW)

static void show_state(KioskWindow *self);

/* ---- helpers ----------------------------------------------------------------------------- */

static void flag_text_clear(KioskWindow *self)
{
    if (self->flag_text) {
        memset(self->flag_text, 0, strlen(self->flag_text));
        g_clear_pointer(&self->flag_text, g_free);
    }
}

static const form_question *current_question(KioskWindow *self)
{
    const form_procedure *p = kiosk_engine_procedure(self->engine);
    int i = kiosk_session_question(self->session);
    if (!p || i < 0 || (size_t)i >= form_procedure_question_count(p))
        return NULL;
    return form_procedure_question(p, (size_t)i);
}

static void feed(KioskWindow *self, kiosk_event_type ev, int arg, int arg2)
{
    kiosk_state before = kiosk_session_state(self->session);
    bool ok = kiosk_session_event(self->session, ev, arg, arg2);
    g_debug("event %s %s in %s", kiosk_event_name(ev), ok ? "taken" : "ignored",
            kiosk_state_name(before));
    if (ok)
        show_state(self);
}

/* ---- session / engine callbacks ------------------------------------------------------------ */

static void on_changed(void *user, kiosk_state from, kiosk_state to)
{
    g_message("state %s -> %s", kiosk_state_name(from), kiosk_state_name(to));
}

/* Unprintable characters of the card data, listed for the counter (not logged). */
static char *unprintable_text(KioskWindow *self)
{
    const myna_attrs *a = kiosk_engine_attrs(self->engine);
    GString *s = g_string_new(NULL);
    const char *fields[2] = {a ? myna_attrs_name(a) : NULL, a ? myna_attrs_address(a) : NULL};
    for (int f = 0; f < 2; f++) {
        uint32_t cps[16];
        size_t n = fields[f] ? form_unprintable(fields[f], cps, G_N_ELEMENTS(cps)) : 0;
        for (size_t i = 0; i < n && i < G_N_ELEMENTS(cps); i++) {
            char u[8] = {0};
            g_unichar_to_utf8(cps[i], u);
            g_string_append_printf(s, "%s%s (U+%04X)", s->len ? ", " : "", u, cps[i]);
        }
    }
    const form_diags *d = kiosk_engine_render_diags(self->engine);
    for (size_t i = 0; d && i < form_diags_count(d); i++) {
        const form_diag *g = form_diags_get(d, i);
        if (g->err == FORM_E_GLYPH || g->err == FORM_E_OVERFLOW)
            g_string_append_printf(s, "%s%s", s->len ? "; " : "",
                                   (strcmp(self->lang, "ja") == 0 && g->message_ja)
                                       ? g->message_ja
                                       : g->message);
    }
    if (!s->len) {
        g_string_free(s, TRUE);
        return NULL;
    }
    g_string_prepend(s, _("For the counter — cannot be printed: "));
    return g_string_free(s, FALSE);
}

static void on_engine_event(void *user, kiosk_event_type ev, int arg)
{
    KioskWindow *self = user;
    if (ev == KIOSK_EV_RENDER_FAILED) {
        flag_text_clear(self);
        self->flag_text = unprintable_text(self);
    }
    if (ev == KIOSK_EV_CARD_PRESENT)
        self->last_touch = g_get_monotonic_time();
    feed(self, ev, arg, 0);
}

static void on_reader(void *user, kiosk_reader_status st)
{
    KioskWindow *self = user;
    self->reader = st;
    kiosk_card_screen_set_status(KIOSK_CARD_SCREEN(self->card), st);
}

static void on_print_stage(void *user, form_print_stage st)
{
    KioskWindow *self = user;
    if (kiosk_session_state(self->session) == KIOSK_S_PRINTING &&
        !kiosk_session_printer_problem(self->session))
        kiosk_printing_screen_set_stage(KIOSK_PRINTING_SCREEN(self->printing), st);
}

/* The engine's wipe reaches every screen too. */
static void on_wiped(void *user)
{
    KioskWindow *self = user;
    if (!self->question)
        return;
    kiosk_question_screen_wipe(KIOSK_QUESTION_SCREEN(self->question));
    kiosk_confirm_screen_wipe(KIOSK_CONFIRM_SCREEN(self->confirm));
    kiosk_pin_screen_update(KIOSK_PIN_SCREEN(self->pin), FALSE, KIOSK_PIN_LEN, 0, -1, FALSE);
}

static void on_testpage(void *user, form_err result)
{
    KioskWindow *self = user;
    g_message("staff: test page %s", form_err_name(result));
    g_autofree char *esc = g_markup_escape_text(
        result == FORM_OK ? _("Test page sent.") : form_strerror(result), -1);
    g_autofree char *m = g_strdup_printf("<span foreground='%s' weight='bold'>%s</span>",
                                         result == FORM_OK ? "#006b1b" : "#b00020", esc);
    if (kiosk_session_state(self->session) == KIOSK_S_STAFF)
        kiosk_staff_screen_set_health(KIOSK_STAFF_SCREEN(self->staff_screen), m);
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
        feed(self, KIOSK_EV_PRINTER_PROBLEM, KIOSK_P_PRINTER_OFFLINE, 0);
    }
    return G_SOURCE_REMOVE;
}

/* ---- showing a state --------------------------------------------------------------------- */

static void show(KioskWindow *self, GtkWidget *screen)
{
    gtk_stack_set_visible_child(GTK_STACK(self->stack), screen);
}

/* The label of choice value v of q (v itself when q offers no such choice). */
static const char *choice_label(const form_question *q, const char *v, const char *lang)
{
    for (size_t k = 0; k < form_question_choice_count(q); k++)
        if (strcmp(form_question_choice_value(q, k), v) == 0)
            return form_text_get(form_question_choice_label(q, k), lang);
    return v;
}

/* One summary row: question i's answer as the resident chose it (labels, 和暦), with 「なおす」. */
static void add_answer_row(KioskWindow *self, KioskConfirmScreen *c, const form_procedure *p,
                           size_t i)
{
    const form_question *q = form_procedure_question(p, i);
    const char *v = kiosk_engine_answer_get(self->engine, q);
    if (!v)
        v = "";
    GString *shown = g_string_new(NULL);
    switch (form_question_type_of(q)) {
    case FORM_Q_YESNO:
        g_string_append(shown, strcmp(v, "yes") == 0 ? _("Yes") : _("No"));
        break;
    case FORM_Q_MULTI: { /* "a,b" → "label a、label b" */
        g_auto(GStrv) parts = g_strsplit(v, ",", -1);
        for (char **x = parts; *x; x++)
            if (**x)
                g_string_append_printf(shown, "%s%s", shown->len ? _(", ") : "",
                                       choice_label(q, *x, self->lang));
        break;
    }
    case FORM_Q_DATE: {
        char *date = strlen(v) == 8 ? kiosk_wareki_ymd(v) : NULL;
        g_string_append(shown, date ? date : v);
        kiosk_text_free(date);
        break;
    }
    default:
        g_string_append(shown, choice_label(q, v, self->lang));
        break;
    }
    if (!shown->len)
        g_string_append(shown, _("(none)"));
    kiosk_confirm_screen_add_summary(c, form_text_get(form_question_label(q), self->lang),
                                     shown->str, (int)i);
    /* typed answers are a resident's data: wipe this copy (the row keeps its own, locked) */
    explicit_bzero(shown->str, shown->allocated_len);
    g_string_free(shown, TRUE);
}

static void fill_summary(KioskWindow *self)
{
    KioskConfirmScreen *c = KIOSK_CONFIRM_SCREEN(self->confirm);
    const form_procedure *p = kiosk_engine_procedure(self->engine);
    const myna_attrs *a = kiosk_engine_attrs(self->engine);
    if (p)
        kiosk_confirm_screen_add_summary(c, _("Form"), form_text_get(form_procedure_title(p),
                                                                     self->lang), -1);
    if (a) {
        unsigned needs = p ? form_procedure_needs(p) : 0;
        if (needs & FORM_NEEDS_NAME)
            kiosk_confirm_screen_add_summary(c, _("Name"), myna_attrs_name(a), -1);
        if (needs & FORM_NEEDS_ADDRESS)
            kiosk_confirm_screen_add_summary(c, _("Address"), myna_attrs_address(a), -1);
        if ((needs & FORM_NEEDS_BIRTH) && strlen(myna_attrs_birth(a)) == 8) {
            const char *b = myna_attrs_birth(a);
            char *w = kiosk_wareki_ymd(b);
            kiosk_confirm_screen_add_summary(c, _("Date of birth"), w ? w : b, -1);
            kiosk_text_free(w);
        }
    }
    /* What was answered first, in the forms' order; the optional questions left blank after
     * them, so that the choices a resident made are on screen without scrolling. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; p && i < form_procedure_question_count(p); i++) {
            const char *v = kiosk_engine_answer_get(self->engine, form_procedure_question(p, i));
            if ((v && *v) == (pass == 0))
                add_answer_row(self, c, p, i);
        }
}

static void show_state(KioskWindow *self)
{
    kiosk_state st = kiosk_session_state(self->session);
    gboolean in_session = st != KIOSK_S_MENU;
    /* A new screen starts without the last one's countdown (the next tick shows it again
     * where it applies): the menu never has one beside the language buttons. */
    gtk_widget_set_visible(self->countdown, FALSE);
    gtk_widget_set_visible(self->lang_ja, !in_session);
    gtk_widget_set_visible(self->lang_en, !in_session);
    gtk_widget_set_visible(self->staff, !in_session);
    /* Screens that end with their own OK / Finish / Try again do not need a second way out. */
    gtk_widget_set_visible(self->back, in_session && st != KIOSK_S_PRINTING &&
                                           st != KIOSK_S_READING && st != KIOSK_S_DONE &&
                                           st != KIOSK_S_ERROR && st != KIOSK_S_STAFF_CALL);
    gtk_button_set_label(GTK_BUTTON(self->back),
                         st == KIOSK_S_QUESTIONS || st == KIOSK_S_CONFIRM ? _("◀ Back")
                                                                          : _("◀ Stop"));
    gtk_label_set_text(GTK_LABEL(self->footer_hint),
                       st == KIOSK_S_MENU ? _("Your data is erased as soon as you finish.")
                                          : "");
    self->last_touch = g_get_monotonic_time();

    switch (st) {
    case KIOSK_S_MENU:
        flag_text_clear(self);
        show(self, self->menu);
        break;
    case KIOSK_S_STAFF:
        kiosk_staff_screen_lock(KIOSK_STAFF_SCREEN(self->staff_screen),
                                self->config->passcode_hash);
        show(self, self->staff_screen);
        break;
    case KIOSK_S_CARD_WAIT:
        kiosk_card_screen_set_demo(KIOSK_CARD_SCREEN(self->card), self->vcard != NULL,
                                   self->vcard && myna_vcard_present(self->vcard));
        show(self, self->card);
        break;
    case KIOSK_S_PIN:
    case KIOSK_S_CHECKCODE_B:
        kiosk_pin_screen_update(KIOSK_PIN_SCREEN(self->pin), st == KIOSK_S_CHECKCODE_B,
                                kiosk_session_secret_len(self->session),
                                kiosk_session_digits(self->session),
                                kiosk_session_tries(self->session),
                                kiosk_session_last_try(self->session));
        show(self, self->pin);
        break;
    case KIOSK_S_READING:
        kiosk_message_screen_set(KIOSK_MESSAGE_SCREEN(self->reading), NULL,
                                 _("Reading your card…"),
                                 _("Please do not take the card yet."), NULL, TRUE);
        show(self, self->reading);
        break;
    case KIOSK_S_QUESTIONS: {
        const form_question *q = current_question(self);
        int asked = 0, step = kiosk_session_question_step(self->session, &asked);
        if (q)
            kiosk_question_screen_set(KIOSK_QUESTION_SCREEN(self->question), q, step, asked,
                                      self->lang, kiosk_engine_answer_get(self->engine, q));
        show(self, self->question);
        break;
    }
    case KIOSK_S_CONFIRM: {
        KioskConfirmScreen *c = KIOSK_CONFIRM_SCREEN(self->confirm);
        if (!kiosk_session_rendered(self->session)) {
            kiosk_confirm_screen_set_waiting(c);
        } else {
            size_t len = 0;
            const uint8_t *pdf = form_doc_data(kiosk_engine_doc(self->engine), &len);
            kiosk_confirm_screen_wipe(c);
            if (!kiosk_confirm_screen_set_pdf(c, pdf, len))
                g_warning("confirm: the preview could not be drawn");
            fill_summary(self);
            g_autofree char *flags = unprintable_text(self);
            kiosk_confirm_screen_set_flags(c, flags);
        }
        show(self, self->confirm);
        break;
    }
    case KIOSK_S_PRINTING:
        g_clear_handle_id(&self->print_watchdog, g_source_remove);
        if (!kiosk_session_printer_problem(self->session))
            self->print_watchdog = g_timeout_add_seconds(
                (guint)self->config->print_timeout + 2, on_print_watchdog, self);
        if (kiosk_session_printer_problem(self->session))
            kiosk_printing_screen_set_problem(
                KIOSK_PRINTING_SCREEN(self->printing),
                kiosk_problem_text(kiosk_session_problem(self->session)));
        else
            kiosk_printing_screen_set_stage(KIOSK_PRINTING_SCREEN(self->printing),
                                            FORM_PRINT_SENDING);
        show(self, self->printing);
        break;
    case KIOSK_S_DONE:
        kiosk_done_screen_set_counter(KIOSK_DONE_SCREEN(self->done), self->config->counter);
        show(self, self->done);
        break;
    case KIOSK_S_ERROR:
        kiosk_message_screen_set(KIOSK_MESSAGE_SCREEN(self->error), "dialog-warning-symbolic",
                                 _("We had to stop"),
                                 kiosk_problem_text(kiosk_session_problem(self->session)), NULL,
                                 FALSE);
        show(self, self->error);
        break;
    case KIOSK_S_STAFF_CALL: {
        g_autofree char *counter =
            self->config->counter > 0
                ? g_strdup_printf(_("Please go to counter %d."), self->config->counter)
                : g_strdup(_("Please go to the counter."));
        kiosk_message_screen_set(KIOSK_MESSAGE_SCREEN(self->staff_call),
                                 "system-users-symbolic", counter,
                                 kiosk_problem_text(kiosk_session_problem(self->session)),
                                 self->flag_text, FALSE);
        show(self, self->staff_call);
        break;
    }
    default:
        break;
    }
}

/* ---- requests from the screens --------------------------------------------------------- */

static void staff_health(KioskWindow *self)
{
    GString *s = g_string_new(NULL);
    const char *ok = "<span foreground='#006b1b' weight='bold'>";
    const char *bad = "<span foreground='#b00020' weight='bold'>";
    if (self->vcard) {
        g_string_append_printf(s, "%s%s</span>\n", ok, _("Reader: virtual card (demo)"));
    } else {
        myna_ctx *ctx = NULL;
        char **names = NULL;
        size_t n = 0;
        myna_err err = myna_ctx_new(&ctx);
        if (err == MYNA_OK)
            err = myna_ctx_list_readers(ctx, &names, &n);
        if (err != MYNA_OK || n == 0) {
            g_string_append_printf(s, "%s%s: %s</span>\n", bad, _("Reader"),
                                   err != MYNA_OK ? myna_strerror(err) : _("none connected"));
        } else {
            for (size_t i = 0; i < n; i++) {
                g_autofree char *esc = g_markup_escape_text(names[i], -1);
                g_string_append_printf(s, "%s%s: %s</span>\n", ok, _("Reader"), esc);
            }
        }
        myna_strv_free(names, n);
        myna_ctx_free(ctx);
    }
    char reason[128] = "";
    form_err perr = kiosk_engine_printer_state(self->engine, reason, sizeof reason);
    g_autofree char *esc = g_markup_escape_text(perr == FORM_OK ? reason : form_strerror(perr), -1);
    g_string_append_printf(s, "%s%s: %s</span>", perr == FORM_OK ? ok : bad, _("Printer"), esc);
    kiosk_staff_screen_set_health(KIOSK_STAFF_SCREEN(self->staff_screen), s->str);
    g_string_free(s, TRUE);
}

static void staff_diags(KioskWindow *self)
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
    kiosk_staff_screen_set_diags(KIOSK_STAFF_SCREEN(self->staff_screen), s->str);
    g_string_free(s, TRUE);
}

/* Questions that already have an answer (a template default, stored now) or are optional
 * are not asked one by one: the confirmation lists them with a "change" button. Typed
 * answers (kana, text) that are required are always asked. */
static unsigned long long skipped_questions(KioskWindow *self, const form_procedure *p)
{
    unsigned long long mask = 0;
    size_t n = form_procedure_question_count(p);
    for (size_t i = 0; !self->config->ask_all && i < n && i < KIOSK_QUESTIONS_MAX; i++) {
        const form_question *q = form_procedure_question(p, i);
        const char *def = form_question_default(q), *why = NULL;
        if (def && kiosk_engine_answer(self->engine, q, def, self->lang, &why))
            mask |= 1ull << i;
        else if (!form_question_required(q))
            mask |= 1ull << i;
    }
    return mask;
}

static void on_request(GtkWidget *screen, const char *what, const char *arg, KioskWindow *self)
{
    self->last_touch = g_get_monotonic_time(); /* a request is a touch */
    gtk_widget_set_visible(self->countdown, FALSE);
    if (strcmp(what, "procedure") == 0) {
        const form_procedure *p = form_catalog_find(kiosk_engine_catalog(self->engine), arg);
        if (!p || kiosk_session_state(self->session) != KIOSK_S_MENU)
            return;
        kiosk_engine_set_procedure(self->engine, p);
        g_message("procedure chosen");
        kiosk_session_set_skipped(self->session, skipped_questions(self, p));
        feed(self, KIOSK_EV_PROCEDURE, 0, (int)form_procedure_question_count(p));
    } else if (strcmp(what, "edit") == 0) {
        feed(self, KIOSK_EV_EDIT, (int)strtol(arg, NULL, 10), 0);
    } else if (strcmp(what, "toggle-card") == 0) {
        if (self->vcard)
            kiosk_window_set_card(self, !myna_vcard_present(self->vcard));
    } else if (strcmp(what, "digit") == 0) {
        feed(self, KIOSK_EV_DIGIT, (int)strtol(arg, NULL, 10), 0);
    } else if (strcmp(what, "delete") == 0) {
        feed(self, KIOSK_EV_DELETE, 0, 0);
    } else if (strcmp(what, "clear") == 0) {
        feed(self, KIOSK_EV_CLEAR, 0, 0);
    } else if (strcmp(what, "submit") == 0) {
        feed(self, KIOSK_EV_SUBMIT, 0, 0);
    } else if (strcmp(what, "answer") == 0) {
        const form_question *q = current_question(self);
        const char *why = NULL;
        if (!q || kiosk_session_state(self->session) != KIOSK_S_QUESTIONS)
            return;
        if (!kiosk_engine_answer(self->engine, q, arg, self->lang, &why)) {
            kiosk_question_screen_set_error(KIOSK_QUESTION_SCREEN(self->question),
                                            why ? why : _("Please check your answer."));
            return;
        }
        feed(self, KIOSK_EV_ANSWER, 0, 0);
    } else if (strcmp(what, "print") == 0) {
        g_message("print confirmed");
        feed(self, KIOSK_EV_CONFIRM, 0, 0);
    } else if (strcmp(what, "retry") == 0) {
        feed(self, KIOSK_EV_RETRY, 0, 0);
    } else if (strcmp(what, "cancel") == 0) {
        feed(self, KIOSK_EV_CANCEL, 0, 0);
    } else if (strcmp(what, "finish") == 0 || strcmp(what, "ok") == 0) {
        feed(self, KIOSK_EV_CONFIRM, 0, 0);
    } else if (strcmp(what, "unlocked") == 0) {
        kiosk_staff_screen_set_panel(KIOSK_STAFF_SCREEN(self->staff_screen),
                                     kiosk_engine_catalog(self->engine), self->config,
                                     self->lang);
        staff_diags(self);
        kiosk_staff_screen_set_health(KIOSK_STAFF_SCREEN(self->staff_screen), "");
    } else if (strcmp(what, "health") == 0) {
        staff_health(self);
    } else if (strcmp(what, "save") == 0) {
        g_strfreev(self->config->procedures);
        self->config->procedures = kiosk_staff_screen_selected(KIOSK_STAFF_SCREEN(self->staff_screen));
        g_free(self->config->printer);
        self->config->printer =
            g_strdup(kiosk_staff_screen_printer(KIOSK_STAFF_SCREEN(self->staff_screen)));
        g_autoptr(GError) err = NULL;
        if (!kiosk_config_save(self->config, &err)) {
            /* Under the locked-down unit /etc is read-only: the choice holds until restart. */
            g_warning("staff: settings not saved (%s)", err->message);
            kiosk_staff_screen_set_health(
                KIOSK_STAFF_SCREEN(self->staff_screen),
                _("Settings apply until the kiosk restarts, but could not be saved: the "
                  "configuration is read-only here. Change kiosk.conf in the municipality's "
                  "configuration tree instead."));
        } else {
            g_message("staff: settings saved");
            kiosk_staff_screen_set_health(KIOSK_STAFF_SCREEN(self->staff_screen),
                                          _("Settings saved."));
        }
        kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(self->menu),
                                      kiosk_engine_catalog(self->engine), self->config, self->lang);
    } else if (strcmp(what, "testpage") == 0) {
        kiosk_staff_screen_set_health(KIOSK_STAFF_SCREEN(self->staff_screen),
                                      kiosk_engine_test_page(self->engine)
                                          ? _("Printing a test page…")
                                          : _("No template: nothing to print."));
    } else if (strcmp(what, "checkcode") == 0) {
        feed(self, KIOSK_EV_STAFF_CHECKCODE_B, 0, 0);
    }
}

/* ---- window actions, idle timer ------------------------------------------------------------ */

static void win_back(GtkWidget *w, const char *n, GVariant *p)
{
    feed(KIOSK_WINDOW(w), KIOSK_EV_BACK, 0, 0);
}

static void win_staff(GtkWidget *w, const char *n, GVariant *p)
{
    feed(KIOSK_WINDOW(w), KIOSK_EV_STAFF, 0, 0);
}

static void win_lang(GtkWidget *w, const char *n, GVariant *p)
{
    kiosk_window_set_lang(KIOSK_WINDOW(w), g_variant_get_string(p, NULL));
}

static gboolean on_tick(gpointer data)
{
    KioskWindow *self = data;
    kiosk_state st = kiosk_session_state(self->session);
    gboolean timed = st != KIOSK_S_MENU &&
                     !(st == KIOSK_S_PRINTING && !kiosk_session_printer_problem(self->session));
    int limit = (st == KIOSK_S_DONE || st == KIOSK_S_ERROR || st == KIOSK_S_STAFF_CALL)
                    ? MIN(DONE_SECONDS, self->config->idle_timeout)
                : st == KIOSK_S_READING ? READING_SECONDS /* a card that stopped answering */
                                        : self->config->idle_timeout;
    gint64 idle = (g_get_monotonic_time() - self->last_touch) / G_USEC_PER_SEC;
    int left = limit - (int)idle;
    if (timed && left <= 0) {
        g_message("idle timeout");
        kiosk_window_idle_now(self);
    } else if (timed && left <= WARN_SECONDS && st != KIOSK_S_DONE) {
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
    static int reload_tick;
    if (st == KIOSK_S_MENU && ++reload_tick >= RELOAD_SECONDS) {
        reload_tick = 0;
        if (kiosk_engine_reload(self->engine, FALSE))
            kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(self->menu),
                                          kiosk_engine_catalog(self->engine), self->config,
                                          self->lang);
    }
    return G_SOURCE_CONTINUE;
}

static void on_touch(GtkGestureClick *g, int n, double x, double y, KioskWindow *self)
{
    self->last_touch = g_get_monotonic_time();
    gtk_widget_set_visible(self->countdown, FALSE);
}

/* ---- construction ---------------------------------------------------------------------------- */

static void connect_screen(KioskWindow *self, GtkWidget *screen, const char *name)
{
    g_signal_connect(screen, "request", G_CALLBACK(on_request), self);
    gtk_stack_add_named(GTK_STACK(self->stack), screen, name);
}

static void build_screens(KioskWindow *self)
{
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(self->stack)))
        gtk_stack_remove(GTK_STACK(self->stack), c);
    connect_screen(self, self->menu = kiosk_menu_screen_new(), "menu");
    connect_screen(self, self->card = kiosk_card_screen_new(), "card");
    connect_screen(self, self->pin = kiosk_pin_screen_new(), "pin");
    connect_screen(self, self->reading = kiosk_message_screen_new(), "reading");
    connect_screen(self, self->question = kiosk_question_screen_new(), "question");
    connect_screen(self, self->confirm = kiosk_confirm_screen_new(), "confirm");
    connect_screen(self, self->printing = kiosk_printing_screen_new(), "printing");
    connect_screen(self, self->done = kiosk_done_screen_new(), "done");
    connect_screen(self, self->error = kiosk_message_screen_new(), "error");
    connect_screen(self, self->staff_call = kiosk_message_screen_new(), "staff-call");
    connect_screen(self, self->staff_screen = kiosk_staff_screen_new(), "staff");
    kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(self->menu),
                                  kiosk_engine_catalog(self->engine), self->config, self->lang);
    gtk_label_set_text(GTK_LABEL(self->app_title), _("City Hall — forms without writing"));
    gtk_button_set_label(GTK_BUTTON(self->staff), _("Staff"));
    gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(self->lang_ja), strcmp(self->lang, "ja") == 0);
    gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(self->lang_en), strcmp(self->lang, "en") == 0);
}

static void kiosk_window_dispose(GObject *o)
{
    KioskWindow *self = KIOSK_WINDOW(o);
    if (self->tick)
        g_source_remove(self->tick);
    self->tick = 0;
    g_clear_handle_id(&self->print_watchdog, g_source_remove);
    g_clear_pointer(&self->session, kiosk_session_free);
    g_clear_pointer(&self->engine, kiosk_engine_free);
    flag_text_clear(self);
    gtk_widget_dispose_template(GTK_WIDGET(o), KIOSK_TYPE_WINDOW);
    G_OBJECT_CLASS(kiosk_window_parent_class)->dispose(o);
}

static void kiosk_window_class_init(KioskWindowClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = kiosk_window_dispose;
    gtk_widget_class_set_template_from_resource(wc, "/jp/kakanai/kiosk/window.ui");
    gtk_widget_class_bind_template_child(wc, KioskWindow, app_title);
    gtk_widget_class_bind_template_child(wc, KioskWindow, countdown);
    gtk_widget_class_bind_template_child(wc, KioskWindow, lang_ja);
    gtk_widget_class_bind_template_child(wc, KioskWindow, lang_en);
    gtk_widget_class_bind_template_child(wc, KioskWindow, stack);
    gtk_widget_class_bind_template_child(wc, KioskWindow, bottombar);
    gtk_widget_class_bind_template_child(wc, KioskWindow, back);
    gtk_widget_class_bind_template_child(wc, KioskWindow, footer_hint);
    gtk_widget_class_bind_template_child(wc, KioskWindow, staff);
    gtk_widget_class_install_action(wc, "win.back", NULL, win_back);
    gtk_widget_class_install_action(wc, "win.staff", NULL, win_staff);
    gtk_widget_class_install_action(wc, "win.lang", "s", win_lang);
}

static void kiosk_window_init(KioskWindow *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    GtkGesture *g = gtk_gesture_click_new();
    gtk_event_controller_set_propagation_phase(GTK_EVENT_CONTROLLER(g), GTK_PHASE_CAPTURE);
    g_signal_connect(g, "pressed", G_CALLBACK(on_touch), self);
    gtk_widget_add_controller(GTK_WIDGET(self), GTK_EVENT_CONTROLLER(g));
}

KioskWindow *kiosk_window_new(kiosk_config *config, myna_vcard *vcard, const char *lang)
{
    kiosk_screens_register();
    KioskWindow *self = g_object_new(KIOSK_TYPE_WINDOW, NULL);
    self->config = config;
    self->vcard = vcard;
    g_strlcpy(self->lang, lang ? lang : config->languages[0], sizeof self->lang);
    kiosk_engine_hooks hooks = {.user = self, .event = on_engine_event, .reader = on_reader,
                                .print_stage = on_print_stage, .wiped = on_wiped,
                                .testpage = on_testpage};
    self->engine = kiosk_engine_new(config, vcard, &hooks);
    kiosk_backend be;
    kiosk_engine_backend(self->engine, &be);
    be.changed = on_changed;
    self->session = kiosk_session_new(&be);
    /* The language first, then the screens once (their templates are translated at build). */
    g_setenv("LANGUAGE", strcmp(self->lang, "en") == 0 ? "en" : "ja", TRUE);
    ++_nl_msg_cat_cntr;
    build_screens(self);
    self->last_touch = g_get_monotonic_time();
    self->tick = g_timeout_add_seconds(1, on_tick, self);
    show_state(self);
    return self;
}

/* ---- public ------------------------------------------------------------------------------ */

const char *kiosk_window_screen_name(KioskWindow *self)
{
    switch (kiosk_session_state(self->session)) {
    case KIOSK_S_MENU: return "menu";
    case KIOSK_S_CARD_WAIT: return "card";
    case KIOSK_S_PIN: return "pin";
    case KIOSK_S_CHECKCODE_B: return "checkcode";
    case KIOSK_S_READING: return "reading";
    case KIOSK_S_QUESTIONS: return "question";
    case KIOSK_S_CONFIRM:
        return kiosk_confirm_screen_has_preview(KIOSK_CONFIRM_SCREEN(self->confirm)) ? "confirm"
                                                                                     : "preparing";
    case KIOSK_S_PRINTING:
        return kiosk_session_printer_problem(self->session) ? "print-problem" : "printing";
    case KIOSK_S_DONE: return "done";
    case KIOSK_S_ERROR: return "error";
    case KIOSK_S_STAFF_CALL: return "staff-call";
    case KIOSK_S_STAFF: return "staff";
    default: return "?";
    }
}

GtkWidget *kiosk_window_screen(KioskWindow *self)
{
    return gtk_stack_get_visible_child(GTK_STACK(self->stack));
}

kiosk_session *kiosk_window_session(KioskWindow *self) { return self->session; }
kiosk_engine *kiosk_window_engine(KioskWindow *self) { return self->engine; }

void kiosk_window_set_card(KioskWindow *self, gboolean present)
{
    if (!self->vcard)
        return;
    myna_vcard_set_present(self->vcard, present);
    g_message("demo: card %s", present ? "on the reader" : "taken off");
    kiosk_card_screen_set_demo(KIOSK_CARD_SCREEN(self->card), TRUE, present);
}

void kiosk_window_set_lang(KioskWindow *self, const char *lang)
{
    if (kiosk_session_state(self->session) != KIOSK_S_MENU)
        return;
    if (!lang || (strcmp(lang, "ja") != 0 && strcmp(lang, "en") != 0))
        return;
    g_strlcpy(self->lang, lang, sizeof self->lang);
    g_setenv("LANGUAGE", strcmp(lang, "ja") == 0 ? "ja" : "en", TRUE);
    ++_nl_msg_cat_cntr;
    /* Screens are rebuilt so their templates are translated again. */
    build_screens(self);
    show_state(self);
    g_message("language %s", lang);
}

void kiosk_window_idle_now(KioskWindow *self)
{
    feed(self, KIOSK_EV_IDLE_TIMEOUT, 0, 0);
    gtk_widget_set_visible(self->countdown, FALSE);
}

static gboolean any_answer(KioskWindow *self)
{
    const form_procedure *p = kiosk_engine_procedure(self->engine);
    for (size_t i = 0; p && i < form_procedure_question_count(p); i++)
        if (kiosk_engine_answer_get(self->engine, form_procedure_question(p, i)))
            return TRUE;
    return FALSE;
}

gboolean kiosk_window_is_wiped(KioskWindow *self, const char **what)
{
    *what = NULL;
    if (kiosk_engine_attrs(self->engine))
        *what = "card attributes";
    else if (kiosk_engine_doc(self->engine))
        *what = "rendered PDF";
    else if (kiosk_confirm_screen_has_preview(KIOSK_CONFIRM_SCREEN(self->confirm)))
        *what = "preview";
    else if (*kiosk_question_screen_value(KIOSK_QUESTION_SCREEN(self->question)))
        *what = "entry text";
    else if (any_answer(self))
        *what = "answers";
    else if (kiosk_session_secret_dirty(self->session) || kiosk_session_digits(self->session))
        *what = "PIN";
    else if (self->flag_text)
        *what = "flagged characters";
    return *what == NULL;
}

void kiosk_window_set_size(KioskWindow *self, int w, int h)
{
    gtk_window_set_default_size(GTK_WINDOW(self), w, h);
    gtk_widget_set_size_request(GTK_WIDGET(self), w, h);
    if (w < 1600)
        gtk_widget_add_css_class(GTK_WIDGET(self), "small");
    else
        gtk_widget_remove_css_class(GTK_WIDGET(self), "small");
}
