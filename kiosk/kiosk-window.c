/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-window.c — the kiosk window: its screens, the engine's reports, showing a state.
 * See kiosk-window.h. */
#include "kiosk-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kiosk-speech-prompts.h"
#include "kiosk-util.h"

extern int _nl_msg_cat_cntr; /* GNU gettext: bump after changing LANGUAGE */

G_DEFINE_FINAL_TYPE(KioskWindow, kiosk_window, GTK_TYPE_WINDOW)

/* ---- helpers ----------------------------------------------------------------------------- */

void kiosk_window_flag_text_clear(KioskWindow *self)
{
    if (self->flag_text) {
        memset(self->flag_text, 0, strlen(self->flag_text));
        g_clear_pointer(&self->flag_text, g_free);
    }
}

const form_question *kiosk_window_current_question(KioskWindow *self)
{
    const form_procedure *p = kiosk_engine_procedure(self->engine);
    int i = kiosk_session_question(self->session);
    if (!p || i < 0 || (size_t)i >= form_procedure_question_count(p))
        return NULL;
    return form_procedure_question(p, (size_t)i);
}

void kiosk_window_feed(KioskWindow *self, kiosk_event_type ev, int arg, int arg2)
{
    kiosk_state before = kiosk_session_state(self->session);
    bool ok = kiosk_session_event(self->session, ev, arg, arg2);
    g_debug("event %s %s in %s", kiosk_event_name(ev), ok ? "taken" : "ignored",
            kiosk_state_name(before));
    if (ok)
        kiosk_window_show_state(self);
}

/* ---- session / engine callbacks ------------------------------------------------------------ */

static void on_changed(void *user, kiosk_state from, kiosk_state to)
{
    g_message("state %s -> %s", kiosk_state_name(from), kiosk_state_name(to));
}

static void on_engine_event(void *user, kiosk_event_type ev, int arg)
{
    KioskWindow *self = user;
    if (ev == KIOSK_EV_RENDER_FAILED) {
        kiosk_window_flag_text_clear(self);
        self->flag_text = kiosk_summary_unprintable(self);
    }
    if (ev == KIOSK_EV_CARD_PRESENT)
        self->last_touch = g_get_monotonic_time();
    kiosk_window_feed(self, ev, arg, 0);
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

/* ---- showing a state --------------------------------------------------------------------- */

static void show(KioskWindow *self, GtkWidget *screen)
{
    gtk_stack_set_visible_child(GTK_STACK(self->stack), screen);
}

void kiosk_window_show_state(KioskWindow *self)
{
    kiosk_state st = kiosk_session_state(self->session);
    gboolean in_session = st != KIOSK_S_MENU;
    /* A new screen starts without the last one's countdown (the next tick shows it again
     * where it applies): the menu never has one beside the language buttons. */
    gtk_widget_set_visible(self->countdown, FALSE);
    gtk_widget_set_visible(self->lang_button, !in_session);
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
        kiosk_window_flag_text_clear(self);
        /* The next resident starts with the usual text size. Not at the wipe: the resident who
         * chose large text still reads the printed and error screens after their data is gone. */
        if (self->large_text && gtk_stack_get_visible_child(GTK_STACK(self->stack)) != self->menu &&
            gtk_stack_get_visible_child(GTK_STACK(self->stack)) != self->lang_screen)
            kiosk_window_set_large_text(self, FALSE);
        if (gtk_stack_get_visible_child(GTK_STACK(self->stack)) != self->lang_screen)
            show(self, self->menu);
        break;
    case KIOSK_S_STAFF:
        kiosk_staff_screen_lock(KIOSK_STAFF_SCREEN(self->staff_screen),
                                self->config->passcode_hash);
        show(self, self->staff_screen);
        break;
    case KIOSK_S_CARD_WAIT:
        kiosk_card_screen_set_demo(KIOSK_CARD_SCREEN(self->card),
                                   kiosk_card_source_is_demo(self->cards),
                                   kiosk_card_source_present(self->cards));
        show(self, self->card);
        break;
    case KIOSK_S_PIN:
    case KIOSK_S_CHECKCODE_B:
        kiosk_pin_screen_update(KIOSK_PIN_SCREEN(self->pin), st == KIOSK_S_CHECKCODE_B,
                                kiosk_session_secret_len(self->session),
                                kiosk_session_digits(self->session),
                                kiosk_session_tries(self->session),
                                kiosk_session_last_try(self->session));
        /* the voice's prompt table holds the shown text too (やさしい日本語 for ja) */
        kiosk_pin_screen_set_pinpad(KIOSK_PIN_SCREEN(self->pin),
                                    kiosk_session_pinpad(self->session)
                                        ? kiosk_prompt_text(self->lang, KIOSK_PROMPT_PIN_PAD)
                                        : NULL);
        show(self, self->pin);
        break;
    case KIOSK_S_READING:
        kiosk_message_screen_set(KIOSK_MESSAGE_SCREEN(self->reading), NULL,
                                 _("Reading your card…"),
                                 _("Please do not take the card yet."), NULL, TRUE);
        show(self, self->reading);
        break;
    case KIOSK_S_QUESTIONS: {
        const form_question *q = kiosk_window_current_question(self);
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
            kiosk_summary_fill(self, c);
            g_autofree char *flags = kiosk_summary_unprintable(self);
            kiosk_confirm_screen_set_flags(c, flags);
        }
        show(self, self->confirm);
        break;
    }
    case KIOSK_S_PRINTING:
        kiosk_window_print_watchdog_arm(self);
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
    kiosk_window_announce(self);
}

/* ---- construction ---------------------------------------------------------------------------- */

static void add_screen(KioskWindow *self, GtkWidget *screen, const char *name)
{
    kiosk_window_connect_screen(self, screen);
    gtk_stack_add_named(GTK_STACK(self->stack), screen, name);
}

/* gettext follows LANGUAGE (pt_BR finds its catalogue; English is the msgids); the window's
 * lang-<code> class picks the fonts of the script (kiosk.css). */
static void apply_lang(KioskWindow *self)
{
    g_setenv("LANGUAGE", self->lang, TRUE);
    ++_nl_msg_cat_cntr;
    for (size_t i = 0; i < FORM_LANG_COUNT; i++) {
        g_autofree char *css = g_strdup_printf("lang-%s", form_lang_code(i));
        if (g_strcmp0(form_lang_code(i), self->lang) == 0)
            gtk_widget_add_css_class(GTK_WIDGET(self), css);
        else
            gtk_widget_remove_css_class(GTK_WIDGET(self), css);
    }
}

static void build_screens(KioskWindow *self)
{
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(self->stack)))
        gtk_stack_remove(GTK_STACK(self->stack), c);
    add_screen(self, self->menu = kiosk_menu_screen_new(), "menu");
    gtk_stack_add_named(GTK_STACK(self->stack), self->lang_screen = kiosk_lang_screen_new(),
                        "language");
    kiosk_lang_screen_set_languages(KIOSK_LANG_SCREEN(self->lang_screen),
                                    (const char *const *)self->config->languages, self->lang);
    add_screen(self, self->card = kiosk_card_screen_new(), "card");
    add_screen(self, self->pin = kiosk_pin_screen_new(), "pin");
    add_screen(self, self->reading = kiosk_message_screen_new(), "reading");
    add_screen(self, self->question = kiosk_question_screen_new(), "question");
    add_screen(self, self->confirm = kiosk_confirm_screen_new(), "confirm");
    add_screen(self, self->printing = kiosk_printing_screen_new(), "printing");
    add_screen(self, self->done = kiosk_done_screen_new(), "done");
    add_screen(self, self->error = kiosk_message_screen_new(), "error");
    add_screen(self, self->staff_call = kiosk_message_screen_new(), "staff-call");
    self->staff_screen = kiosk_staff_screen_new();
    kiosk_window_connect_staff(self, self->staff_screen);
    gtk_stack_add_named(GTK_STACK(self->stack), self->staff_screen, "staff");
    kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(self->menu),
                                  kiosk_engine_catalog(self->engine), self->config, self->lang);
    gtk_label_set_text(GTK_LABEL(self->app_title), _("City Hall — forms without writing"));
    gtk_button_set_label(GTK_BUTTON(self->staff), _("Staff"));
    /* the picker's button: a globe and the current language in its own script */
    int li = form_lang_index(self->lang);
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *globe = gtk_image_new_from_icon_name("preferences-desktop-locale-symbolic");
    gtk_image_set_pixel_size(GTK_IMAGE(globe), 32);
    gtk_box_append(GTK_BOX(box), globe);
    gtk_box_append(GTK_BOX(box), gtk_label_new(form_lang_name(li >= 0 ? (size_t)li : 0)));
    gtk_button_set_child(GTK_BUTTON(self->lang_button), box);
    gtk_button_set_label(GTK_BUTTON(self->large), _("Larger text"));
    gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(self->large), self->large_text);
}

static void kiosk_window_dispose(GObject *o)
{
    KioskWindow *self = KIOSK_WINDOW(o);
    kiosk_window_idle_stop(self);
    kiosk_window_voice_dispose(self);
    g_clear_pointer(&self->session, kiosk_session_free);
    g_clear_pointer(&self->engine, kiosk_engine_free);
    kiosk_window_flag_text_clear(self);
    gtk_widget_dispose_template(GTK_WIDGET(o), KIOSK_TYPE_WINDOW);
    G_OBJECT_CLASS(kiosk_window_parent_class)->dispose(o);
}

static void on_touch(GtkGestureClick *g, int n, double x, double y, KioskWindow *self)
{
    self->last_touch = g_get_monotonic_time();
    gtk_widget_set_visible(self->countdown, FALSE);
}

static void kiosk_window_class_init(KioskWindowClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = kiosk_window_dispose;
    gtk_widget_class_set_template_from_resource(wc, "/jp/kakanai/kiosk/window.ui");
    gtk_widget_class_bind_template_child(wc, KioskWindow, app_title);
    gtk_widget_class_bind_template_child(wc, KioskWindow, countdown);
    gtk_widget_class_bind_template_child(wc, KioskWindow, large);
    gtk_widget_class_bind_template_child(wc, KioskWindow, lang_button);
    gtk_widget_class_bind_template_child(wc, KioskWindow, stack);
    gtk_widget_class_bind_template_child(wc, KioskWindow, bottombar);
    gtk_widget_class_bind_template_child(wc, KioskWindow, back);
    gtk_widget_class_bind_template_child(wc, KioskWindow, footer_hint);
    gtk_widget_class_bind_template_child(wc, KioskWindow, staff);
    gtk_widget_class_bind_template_child(wc, KioskWindow, voice_button);
    kiosk_window_install_actions(wc);
}

static void kiosk_window_init(KioskWindow *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    GtkGesture *g = gtk_gesture_click_new();
    gtk_event_controller_set_propagation_phase(GTK_EVENT_CONTROLLER(g), GTK_PHASE_CAPTURE);
    g_signal_connect(g, "pressed", G_CALLBACK(on_touch), self);
    gtk_widget_add_controller(GTK_WIDGET(self), GTK_EVENT_CONTROLLER(g));
    kiosk_window_keypad_install(self);
}

KioskWindow *kiosk_window_new(kiosk_config *config, kiosk_card_source *cards, const char *lang)
{
    kiosk_screens_register();
    KioskWindow *self = g_object_new(KIOSK_TYPE_WINDOW, NULL);
    self->config = config;
    self->cards = cards;
    int li = form_lang_index(lang ? lang : config->languages[0]);
    g_strlcpy(self->lang, form_lang_code(li >= 0 ? (size_t)li : 0), sizeof self->lang);
    kiosk_engine_hooks hooks = {.user = self, .event = on_engine_event, .reader = on_reader,
                                .print_stage = on_print_stage, .wiped = on_wiped,
                                .testpage = kiosk_window_on_testpage};
    self->engine = kiosk_engine_new(config, cards, &hooks);
    kiosk_backend be;
    kiosk_engine_backend(self->engine, &be);
    be.changed = on_changed;
    self->session = kiosk_session_new(&be);
    /* The language first, then the screens once (their templates are translated at build). */
    apply_lang(self);
    build_screens(self);
    self->last_touch = g_get_monotonic_time();
    self->spoken_state = KIOSK_S_COUNT_;
    kiosk_window_idle_start(self);
    kiosk_window_show_state(self);
    return self;
}

/* ---- public ------------------------------------------------------------------------------ */

const char *kiosk_window_screen_name(KioskWindow *self)
{
    switch (kiosk_session_state(self->session)) {
    case KIOSK_S_MENU:
        return gtk_stack_get_visible_child(GTK_STACK(self->stack)) == self->lang_screen
                   ? "language"
                   : "menu";
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
    if (!kiosk_card_source_is_demo(self->cards))
        return;
    kiosk_card_source_set_present(self->cards, present);
    g_message("demo: card %s", present ? "on the reader" : "taken off");
    kiosk_card_screen_set_demo(KIOSK_CARD_SCREEN(self->card), TRUE, present);
}

void kiosk_window_set_lang(KioskWindow *self, const char *lang)
{
    if (kiosk_session_state(self->session) != KIOSK_S_MENU)
        return;
    int li = form_lang_index(lang);
    gboolean offered = FALSE;
    for (char **l = self->config->languages; li >= 0 && l && *l; l++)
        offered = offered || form_lang_index(*l) == li;
    if (!offered)
        return;
    g_strlcpy(self->lang, form_lang_code((size_t)li), sizeof self->lang);
    apply_lang(self);
    /* Screens are rebuilt so their templates are translated again; back to the menu. */
    build_screens(self);
    kiosk_window_show_state(self);
    g_message("language %s", self->lang);
}

void kiosk_window_show_languages(KioskWindow *self)
{
    if (kiosk_session_state(self->session) != KIOSK_S_MENU)
        return;
    gtk_stack_set_visible_child(GTK_STACK(self->stack), self->lang_screen);
    gtk_widget_set_visible(self->lang_button, FALSE);
    self->last_touch = g_get_monotonic_time();
}

void kiosk_window_set_large_text(KioskWindow *self, gboolean large)
{
    self->large_text = large;
    if (large)
        gtk_widget_add_css_class(GTK_WIDGET(self), "large");
    else
        gtk_widget_remove_css_class(GTK_WIDGET(self), "large");
    gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(self->large), large);
    g_message("large text %s", large ? "on" : "off");
}

gboolean kiosk_window_large_text(KioskWindow *self) { return self->large_text; }

void kiosk_window_idle_now(KioskWindow *self)
{
    kiosk_window_feed(self, KIOSK_EV_IDLE_TIMEOUT, 0, 0);
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
