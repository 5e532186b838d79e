/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-window-voice.c — what the kiosk says: every screen announced when it
 * appears (what it is, what to do, tries left on the PIN screen, the printer's problem), the
 * focused control when it moves, a tick for each PIN digit, and the last announcement again
 * on request (the 「音声」 button, the keypad's + key).
 *
 * Nothing a resident typed or the card holds is ever spoken from here: PIN digits are ticks,
 * and labels of on-screen digit keys are not read on the PIN screen. The texts come from
 * speech/kiosk-speech-prompts (kana readings for Japanese) and the templates' labels through
 * the kana lexicon.
 */
#include "kiosk-window-private.h"

#include <string.h>

#include "kiosk-speech-prompts.h"
#include "kiosk-util.h"

#define SAY_MAX 2048

static const char *vlang(KioskWindow *self)
{
    return kiosk_prompt_voice_lang(self->lang);
}

static const char *P(KioskWindow *self, kiosk_prompt id)
{
    return kiosk_prompt_speech(self->lang, id);
}

/* A template's text (procedure title, question, choice) as the voice can read it. */
static void readable(KioskWindow *self, const char *text, char *out, size_t cap)
{
    if (strcmp(vlang(self), "ja") == 0)
        (void)kiosk_speech_kana(text ? text : "", out, cap);
    else
        g_strlcpy(out, text ? text : "", cap);
}

static void say(KioskWindow *self, const char *text, gboolean interrupt)
{
    if (!self->voice || !text || !*text)
        return;
    kiosk_speech_err e = kiosk_speech_say(self->voice, text, vlang(self),
                                          interrupt ? KIOSK_SPEECH_INTERRUPT : 0);
    if (e != KIOSK_SPEECH_OK)
        g_debug("voice: %s", kiosk_speech_strerror(e));
}

static kiosk_prompt problem_phrase(kiosk_problem p)
{
    switch (p) {
    case KIOSK_P_OUT_OF_PAPER: return KIOSK_PHRASE_PRINTER_PAPER;
    case KIOSK_P_PRINTER_OFFLINE:
    case KIOSK_P_NO_PRINTER: return KIOSK_PHRASE_PRINTER_OFFLINE;
    case KIOSK_P_PRINTER: return KIOSK_PHRASE_PRINTER_OTHER;
    case KIOSK_P_BLOCKED: return KIOSK_PHRASE_BLOCKED;
    case KIOSK_P_CARD_PULLED: return KIOSK_PHRASE_CARD_REMOVED;
    default: return KIOSK_PROMPT_COUNT;
    }
}

/* What happened, for an error screen: our phrase where there is one, else the visible text. */
static void problem_text(KioskWindow *self, char *out, size_t cap)
{
    kiosk_problem p = kiosk_session_problem(self->session);
    kiosk_prompt ph = problem_phrase(p);
    if (ph != KIOSK_PROMPT_COUNT)
        g_strlcpy(out, P(self, ph), cap);
    else if (p != KIOSK_P_NONE)
        readable(self, kiosk_problem_text(p), out, cap);
    else
        out[0] = '\0';
}

/* The announcement of the screen now shown, into out. */
static void compose(KioskWindow *self, char *out, size_t cap)
{
    char a[SAY_MAX], b[SAY_MAX];
    out[0] = '\0';
    switch (kiosk_session_state(self->session)) {
    case KIOSK_S_MENU:
        g_strlcpy(out, P(self, KIOSK_PROMPT_MENU), cap);
        break;
    case KIOSK_S_CARD_WAIT:
        g_strlcpy(out, P(self, KIOSK_PROMPT_CARD), cap);
        break;
    case KIOSK_S_PIN: {
        int tries = kiosk_session_tries(self->session);
        if (kiosk_session_last_try(self->session))
            g_strlcpy(a, P(self, KIOSK_PHRASE_LAST_TRY), sizeof a);
        else if (tries > 0)
            kiosk_prompt_format(a, sizeof a, P(self, KIOSK_PHRASE_TRIES),
                                kiosk_prompt_number(self->lang, (unsigned)tries), NULL, NULL);
        else
            a[0] = '\0';
        g_snprintf(out, cap, "%s %s",
                   P(self, kiosk_session_pinpad(self->session) ? KIOSK_PROMPT_PIN_PAD : KIOSK_PROMPT_PIN), a);
        break;
    }
    case KIOSK_S_CHECKCODE_B:
    case KIOSK_S_STAFF:
        g_strlcpy(out, P(self, KIOSK_PROMPT_STAFF), cap);
        break;
    case KIOSK_S_READING:
        g_strlcpy(out, P(self, KIOSK_PROMPT_READING), cap);
        break;
    case KIOSK_S_QUESTIONS: {
        const form_question *q = kiosk_window_current_question(self);
        int asked = 0, step = kiosk_session_question_step(self->session, &asked);
        kiosk_prompt_format(a, sizeof a, P(self, KIOSK_PHRASE_QUESTION_N),
                            kiosk_prompt_number(self->lang, (unsigned)MAX(step, 1)),
                            kiosk_prompt_number(self->lang, (unsigned)MAX(asked, 1)), NULL);
        readable(self, q ? form_text_get(form_question_label(q), self->lang) : "", b, sizeof b);
        kiosk_prompt_format(out, cap, P(self, KIOSK_PROMPT_QUESTION), a, b, NULL);
        break;
    }
    case KIOSK_S_CONFIRM: {
        if (!kiosk_session_rendered(self->session)) {
            g_strlcpy(out, P(self, KIOSK_PHRASE_PREPARING), cap);
            break;
        }
        const form_procedure *p = kiosk_engine_procedure(self->engine);
        readable(self, p ? form_text_get(form_procedure_title(p), self->lang) : "", a, sizeof a);
        kiosk_prompt_format(out, cap, P(self, KIOSK_PROMPT_CONFIRM), a, NULL, NULL);
        break;
    }
    case KIOSK_S_PRINTING:
        if (kiosk_session_printer_problem(self->session)) {
            problem_text(self, a, sizeof a);
            kiosk_prompt_format(out, cap, P(self, KIOSK_PROMPT_ERROR), a, NULL, NULL);
        } else {
            g_strlcpy(out, P(self, KIOSK_PROMPT_PRINTING), cap);
        }
        break;
    case KIOSK_S_DONE:
        g_strlcpy(out, P(self, KIOSK_PROMPT_DONE), cap);
        break;
    case KIOSK_S_ERROR:
        problem_text(self, a, sizeof a);
        kiosk_prompt_format(out, cap, P(self, KIOSK_PROMPT_ERROR), a, NULL, NULL);
        break;
    case KIOSK_S_STAFF_CALL:
        problem_text(self, a, sizeof a);
        kiosk_prompt_format(b, sizeof b, P(self, KIOSK_PROMPT_STAFF_CALL),
                            kiosk_prompt_number(self->lang, (unsigned)MAX(self->config->counter, 1)),
                            NULL, NULL);
        g_snprintf(out, cap, "%s %s", a, b);
        break;
    default:
        break;
    }
}

/* ---- focus ---------------------------------------------------------------------------------- */

/* The text a control shows (a button's label, or the labels inside it). */
static void control_label(GtkWidget *w, GString *out)
{
    if (GTK_IS_LABEL(w)) {
        const char *t = gtk_label_get_text(GTK_LABEL(w));
        if (t && *t) {
            if (out->len)
                g_string_append_c(out, ' ');
            g_string_append(out, t);
        }
        return;
    }
    if (GTK_IS_CHECK_BUTTON(w) && gtk_check_button_get_label(GTK_CHECK_BUTTON(w))) {
        g_string_append(out, gtk_check_button_get_label(GTK_CHECK_BUTTON(w)));
        return;
    }
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c))
        if (gtk_widget_get_visible(c))
            control_label(c, out);
}

gboolean kiosk_window_focusable(GtkWidget *w)
{
    return (GTK_IS_BUTTON(w) || GTK_IS_CHECK_BUTTON(w)) && gtk_widget_get_visible(w) &&
           gtk_widget_get_mapped(w) && gtk_widget_is_sensitive(w) && gtk_widget_get_focusable(w);
}

static void count_focusable(GtkWidget *w, GtkWidget *target, int *n, int *pos)
{
    if (!gtk_widget_get_visible(w))
        return;
    if (kiosk_window_focusable(w)) {
        (*n)++;
        if (w == target)
            *pos = *n;
        return;
    }
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c))
        count_focusable(c, target, n, pos);
}

static gboolean has_digit(const char *s)
{
    for (; *s; s++)
        if (g_ascii_isdigit(*s))
            return TRUE;
    return FALSE;
}

void kiosk_window_announce_focus(KioskWindow *self, GtkWidget *w, gboolean interrupt)
{
    if (!self->voice || !w)
        return;
    g_autoptr(GString) label = g_string_new(NULL);
    control_label(w, label);
    kiosk_state st = kiosk_session_state(self->session);
    if (w == self->voice_button)
        g_string_assign(label, P(self, KIOSK_PHRASE_REPEAT));
    char text[SAY_MAX], name[SAY_MAX];
    readable(self, label->str, name, sizeof name);
    /* On the PIN screen a digit key's label is never spoken (it could be a digit being
     * typed); only the control keys are. */
    if ((st == KIOSK_S_PIN || st == KIOSK_S_CHECKCODE_B || st == KIOSK_S_STAFF) &&
        has_digit(name))
        return;
    if (GTK_IS_TOGGLE_BUTTON(w) && !gtk_widget_has_css_class(w, "lang")) {
        kiosk_prompt_format(text, sizeof text,
                            P(self, gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(w))
                                        ? KIOSK_PHRASE_SELECTED
                                        : KIOSK_PHRASE_NOT_SELECTED),
                            name, NULL, NULL);
        g_strlcpy(name, text, sizeof name);
    }
    int n = 0, pos = 0;
    GtkWidget *scope = gtk_widget_is_ancestor(w, self->stack) ? kiosk_window_screen(self)
                                                              : GTK_WIDGET(self);
    count_focusable(scope, w, &n, &pos);
    if (pos > 0 && n > 1)
        kiosk_prompt_format(text, sizeof text, P(self, KIOSK_PHRASE_FOCUS), name,
                            kiosk_prompt_number(self->lang, (unsigned)pos),
                            kiosk_prompt_number(self->lang, (unsigned)n));
    else
        g_strlcpy(text, name, sizeof text);
    say(self, text, interrupt);
}

/* ---- screens -------------------------------------------------------------------------------- */

void kiosk_window_announce(KioskWindow *self)
{
    kiosk_state st = kiosk_session_state(self->session);
    if (self->voice_button)
        gtk_button_set_label(GTK_BUTTON(self->voice_button),
                             strcmp(self->lang, "ja") == 0 ? "音声" : "Voice");
    /* A PIN digit typed or erased (keypad or touch) is a tick, never a word. */
    size_t digits = kiosk_session_digits(self->session);
    if ((st == KIOSK_S_PIN || st == KIOSK_S_CHECKCODE_B) && st == self->spoken_state &&
        digits != self->spoken_digits && self->voice)
        (void)kiosk_speech_tick(self->voice);
    self->spoken_digits = digits;
    /* Announce when the screen (or what it asks) changed, not on every redraw. */
    g_autofree char *key = g_strdup_printf(
        "%d/%d/%d/%d/%d/%d/%d", (int)st, (int)kiosk_session_pinpad(self->session),
        kiosk_session_question(self->session),
        (int)kiosk_session_rendered(self->session), (int)kiosk_session_printer_problem(self->session),
        kiosk_session_tries(self->session), (int)kiosk_session_problem(self->session));
    if (st == self->spoken_state && g_strcmp0(key, self->spoken_key) == 0)
        return;
    self->spoken_state = st;
    g_free(self->spoken_key);
    self->spoken_key = g_steal_pointer(&key);
    char text[SAY_MAX];
    compose(self, text, sizeof text);
    g_free(self->last_announcement);
    self->last_announcement = g_strdup(text);
    self->announced_at = g_get_monotonic_time();
    say(self, text, TRUE);
    kiosk_window_keypad_screen_shown(self);
}

/* On request, with a handset only: the card's name and address, read aloud. The text is
 * composed in locked memory and handed to the voice as secret (its own locked copy, wiped after
 * synthesis, the engine scrubbed); never a GLib string, never a label. espeak-ng's Japanese
 * voice reads kana only: the kanji of a name are spoken as "Chinese letter" (README). */
void kiosk_window_read_card_aloud(KioskWindow *self)
{
    const myna_attrs *a = kiosk_engine_attrs(self->engine);
    if (!self->voice || !self->config->voice_handset || !a ||
        kiosk_session_state(self->session) != KIOSK_S_CONFIRM)
        return;
    const char *name = myna_attrs_name(a), *addr = myna_attrs_address(a);
    size_t cap = 2 * (strlen(name) + strlen(addr)) + 256;
    char *text = myna_secure_alloc(cap), *reading = myna_secure_alloc(cap);
    if (!text || !reading) {
        myna_secure_free(text, cap);
        myna_secure_free(reading, cap);
        return;
    }
    gboolean ja = strcmp(vlang(self), "ja") == 0;
    size_t n = 0;
    const char *parts[] = {ja ? "おなまえ。" : "Name. ", name, ja ? "。ごじゅうしょ。" : ". Address. ",
                           addr, ja ? "。" : "."};
    for (size_t i = 0; i < G_N_ELEMENTS(parts); i++) {
        size_t k = strlen(parts[i]);
        if (n + k + 1 > cap)
            break;
        memcpy(text + n, parts[i], k);
        n += k;
    }
    text[n] = '\0';
    if (ja)
        (void)kiosk_speech_kana(text, reading, cap);
    kiosk_speech_err e = kiosk_speech_say(self->voice, ja ? reading : text, vlang(self),
                                          KIOSK_SPEECH_INTERRUPT | KIOSK_SPEECH_SECRET);
    if (e != KIOSK_SPEECH_OK)
        g_debug("voice: %s", kiosk_speech_strerror(e));
    myna_secure_free(text, cap);
    myna_secure_free(reading, cap);
}

void kiosk_window_repeat(KioskWindow *self)
{
    if (!self->last_announcement)
        return;
    say(self, self->last_announcement, TRUE);
    GtkWidget *f = gtk_root_get_focus(GTK_ROOT(self));
    if (f)
        kiosk_window_announce_focus(self, f, FALSE);
}

void kiosk_window_set_voice(KioskWindow *self, kiosk_speech *voice)
{
    kiosk_speech_free(self->voice);
    self->voice = voice;
    g_clear_pointer(&self->spoken_key, g_free);
    if (voice)
        kiosk_window_announce(self);
}

kiosk_speech *kiosk_window_voice(KioskWindow *self)
{
    return self->voice;
}

unsigned kiosk_window_keys_pressed(KioskWindow *self)
{
    return self->keys_pressed;
}

gint64 kiosk_window_announced_at(KioskWindow *self)
{
    return self->announced_at;
}

void kiosk_window_voice_dispose(KioskWindow *self)
{
    g_clear_pointer(&self->voice, kiosk_speech_free);
    g_clear_pointer(&self->spoken_key, g_free);
    g_clear_pointer(&self->last_announcement, g_free);
}
