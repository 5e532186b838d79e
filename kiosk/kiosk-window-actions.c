/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-window-actions.c — what a resident's taps become: each screen's typed signals and the
 * window's own actions (back, staff, language), turned into session events. No personal value
 * travels through a signal or an action: a typed answer is read from the question screen's
 * locked memory and copied straight into the engine's values. See kiosk-window-private.h.
 */
#include "kiosk-window-private.h"

#include <glib/gi18n.h>

void kiosk_window_touched(KioskWindow *self)
{
    self->last_touch = g_get_monotonic_time(); /* a tap on a screen is a touch */
    gtk_widget_set_visible(self->countdown, FALSE);
}

static void event(KioskWindow *self, kiosk_event_type ev, int arg)
{
    kiosk_window_touched(self);
    kiosk_window_feed(self, ev, arg, 0);
}

/* ---- menu ------------------------------------------------------------------------------------ */

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

static void on_procedure_chosen(GtkWidget *menu, guint index, KioskWindow *self)
{
    kiosk_window_touched(self);
    const form_catalog *cat = kiosk_engine_catalog(self->engine);
    if (!cat || index >= form_catalog_procedure_count(cat) ||
        kiosk_session_state(self->session) != KIOSK_S_MENU)
        return;
    const form_procedure *p = form_catalog_procedure(cat, index);
    if (!form_procedure_offered(p, FORM_OFFER_KIOSK))
        return;
    kiosk_engine_set_procedure(self->engine, p);
    g_message("procedure chosen");
    kiosk_session_set_skipped(self->session, skipped_questions(self, p));
    kiosk_window_feed(self, KIOSK_EV_PROCEDURE, 0, (int)form_procedure_question_count(p));
}

/* ---- card, PIN ------------------------------------------------------------------------------- */

static void on_demo_toggled(GtkWidget *card, KioskWindow *self)
{
    kiosk_window_touched(self);
    kiosk_window_set_card(self, !kiosk_card_source_present(self->cards));
}

static void on_digit(GtkWidget *pin, int digit, KioskWindow *self)
{
    event(self, KIOSK_EV_DIGIT, digit);
}

static void on_delete(GtkWidget *pin, KioskWindow *self) { event(self, KIOSK_EV_DELETE, 0); }
static void on_clear(GtkWidget *pin, KioskWindow *self) { event(self, KIOSK_EV_CLEAR, 0); }

/* The digits are in the session's locked buffer already: OK only says "verify now". */
static void on_pin_entered(GtkWidget *pin, KioskWindow *self) { event(self, KIOSK_EV_SUBMIT, 0); }

/* ---- questions, confirmation ------------------------------------------------------------------ */

static void on_answered(GtkWidget *screen, KioskWindow *self)
{
    kiosk_window_touched(self);
    const form_question *q = kiosk_window_current_question(self);
    const char *why = NULL;
    if (!q || kiosk_session_state(self->session) != KIOSK_S_QUESTIONS)
        return;
    /* Read in place from the screen's locked memory; the engine copies it into its values. */
    const char *answer = kiosk_question_screen_answer(KIOSK_QUESTION_SCREEN(screen));
    if (!kiosk_engine_answer(self->engine, q, answer, self->lang, &why)) {
        kiosk_question_screen_set_error(KIOSK_QUESTION_SCREEN(screen),
                                        why ? why : _("Please check your answer."));
        return;
    }
    kiosk_window_feed(self, KIOSK_EV_ANSWER, 0, 0);
}

static void on_edit(GtkWidget *confirm, int question, KioskWindow *self)
{
    event(self, KIOSK_EV_EDIT, question);
}

static void on_confirmed(GtkWidget *confirm, KioskWindow *self)
{
    kiosk_window_touched(self);
    g_message("print confirmed");
    kiosk_window_feed(self, KIOSK_EV_CONFIRM, 0, 0);
}

/* ---- printing, done, messages ------------------------------------------------------------------ */

static void on_retry(GtkWidget *printing, KioskWindow *self) { event(self, KIOSK_EV_RETRY, 0); }
static void on_cancelled(GtkWidget *printing, KioskWindow *self) { event(self, KIOSK_EV_CANCEL, 0); }
/* Finish on the done screen and OK on a message both confirm: back to the menu. */
static void on_finished(GtkWidget *done, KioskWindow *self) { event(self, KIOSK_EV_CONFIRM, 0); }

void kiosk_window_connect_screen(KioskWindow *self, GtkWidget *screen)
{
    if (KIOSK_IS_MENU_SCREEN(screen)) {
        g_signal_connect(screen, "procedure-chosen", G_CALLBACK(on_procedure_chosen), self);
    } else if (KIOSK_IS_CARD_SCREEN(screen)) {
        g_signal_connect(screen, "demo-toggled", G_CALLBACK(on_demo_toggled), self);
    } else if (KIOSK_IS_PIN_SCREEN(screen)) {
        g_signal_connect(screen, "digit-pressed", G_CALLBACK(on_digit), self);
        g_signal_connect(screen, "delete-pressed", G_CALLBACK(on_delete), self);
        g_signal_connect(screen, "clear-pressed", G_CALLBACK(on_clear), self);
        g_signal_connect(screen, "pin-entered", G_CALLBACK(on_pin_entered), self);
    } else if (KIOSK_IS_QUESTION_SCREEN(screen)) {
        g_signal_connect(screen, "answered", G_CALLBACK(on_answered), self);
    } else if (KIOSK_IS_CONFIRM_SCREEN(screen)) {
        g_signal_connect(screen, "confirmed", G_CALLBACK(on_confirmed), self);
        g_signal_connect(screen, "edit-requested", G_CALLBACK(on_edit), self);
    } else if (KIOSK_IS_PRINTING_SCREEN(screen)) {
        g_signal_connect(screen, "retry-requested", G_CALLBACK(on_retry), self);
        g_signal_connect(screen, "cancelled", G_CALLBACK(on_cancelled), self);
    } else if (KIOSK_IS_DONE_SCREEN(screen)) {
        g_signal_connect(screen, "finished", G_CALLBACK(on_finished), self);
    } else if (KIOSK_IS_MESSAGE_SCREEN(screen)) {
        g_signal_connect(screen, "acknowledged", G_CALLBACK(on_finished), self);
    }
}

/* ---- the window's own actions ----------------------------------------------------------------- */

static void win_back(GtkWidget *w, const char *n, GVariant *p)
{
    kiosk_window_feed(KIOSK_WINDOW(w), KIOSK_EV_BACK, 0, 0);
}

static void win_staff(GtkWidget *w, const char *n, GVariant *p)
{
    kiosk_window_feed(KIOSK_WINDOW(w), KIOSK_EV_STAFF, 0, 0);
}

static void win_lang(GtkWidget *w, const char *n, GVariant *p)
{
    kiosk_window_set_lang(KIOSK_WINDOW(w), g_variant_get_string(p, NULL));
}

/* The 「音声」 button: the screen's announcement again. */
static void win_voice(GtkWidget *w, const char *n, GVariant *p)
{
    kiosk_window_touched(KIOSK_WINDOW(w));
    kiosk_window_repeat(KIOSK_WINDOW(w));
}

static void win_languages(GtkWidget *w, const char *n, GVariant *p)
{
    kiosk_window_show_languages(KIOSK_WINDOW(w));
}

static void win_large(GtkWidget *w, const char *n, GVariant *p)
{
    KioskWindow *self = KIOSK_WINDOW(w);
    kiosk_window_set_large_text(self, !kiosk_window_large_text(self));
}

void kiosk_window_install_actions(GtkWidgetClass *wc)
{
    gtk_widget_class_install_action(wc, "win.voice", NULL, win_voice);
    gtk_widget_class_install_action(wc, "win.back", NULL, win_back);
    gtk_widget_class_install_action(wc, "win.staff", NULL, win_staff);
    gtk_widget_class_install_action(wc, "win.lang", "s", win_lang);
    gtk_widget_class_install_action(wc, "win.languages", NULL, win_languages);
    gtk_widget_class_install_action(wc, "win.large", NULL, win_large);
}
