/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-window-private.h — what the kiosk-window-*.c files and kiosk-summary.c share: the
 * window's fields and their internal entry points. Not for other parts of the kiosk.
 */
#ifndef KIOSK_WINDOW_PRIVATE_H
#define KIOSK_WINDOW_PRIVATE_H

#include "kiosk-screens.h"
#include "kiosk-window.h"
#include "kiosk-speech.h"

G_BEGIN_DECLS

#define KIOSK_WARN_SECONDS 30  /* countdown shown for the last seconds before the wipe */
#define KIOSK_DONE_SECONDS 20  /* the "done" and message screens return to the menu by themselves */
#define KIOSK_RELOAD_SECONDS 10
#define KIOSK_READING_SECONDS 60 /* no card answers this slowly: give up and wipe */

struct _KioskWindow {
    GtkWindow parent;
    GtkWidget *app_title, *countdown, *large, *lang_button, *stack, *bottombar, *back, *footer_hint,
        *staff;

    GtkWidget *menu, *card, *pin, *reading, *question, *confirm, *printing, *done, *error,
        *staff_call, *staff_screen, *lang_screen;
    gboolean large_text; /* 「文字を大きく」: the window's .large class, until the session ends */

    kiosk_config *config;
    kiosk_card_source *cards;
    kiosk_engine *engine;
    kiosk_session *session;
    char lang[8];
    gint64 last_touch;  /* monotonic µs */
    guint tick;
    int reload_tick;    /* seconds on the menu since the last template check */
    char *flag_text;    /* unprintable characters for the counter; wiped at the menu */
    guint print_watchdog;
    kiosk_reader_status reader;

    /* voice and keypad (kiosk-window-voice.c, kiosk-window-keypad.c) */
    GtkWidget *voice_button;
    kiosk_speech *voice;        /* NULL: voice off */
    kiosk_state spoken_state;   /* the screen last announced */
    char *spoken_key;           /* what it asked (question, tries, problem) */
    size_t spoken_digits;       /* PIN digits when last seen: a change is a tick */
    char *last_announcement;    /* for 「音声」 and the + key (never personal data) */
    gint64 announced_at;        /* monotonic µs */
    gboolean focus_quiet;       /* focus moved by a new screen: not spoken on its own */
    unsigned keys_pressed;      /* keypad keys handled (benchmark) */
};

/* kiosk-window.c */
void kiosk_window_feed(KioskWindow *self, kiosk_event_type ev, int arg, int arg2);
/* The language picker over the menu (only from the menu). */
void kiosk_window_show_languages(KioskWindow *self);
void kiosk_window_show_state(KioskWindow *self);
void kiosk_window_flag_text_clear(KioskWindow *self);
const form_question *kiosk_window_current_question(KioskWindow *self);

/* kiosk-window-actions.c: connect a freshly built screen's typed signals; the class's
 * win.* actions. */
void kiosk_window_connect_screen(KioskWindow *self, GtkWidget *screen);
void kiosk_window_install_actions(GtkWidgetClass *wc);
/* Any tap the window hears is a touch: the idle countdown starts again. */
void kiosk_window_touched(KioskWindow *self);

/* kiosk-window-staff.c */
void kiosk_window_connect_staff(KioskWindow *self, GtkWidget *staff_screen);
void kiosk_window_on_testpage(void *user, form_err result);

/* kiosk-window-idle.c */
void kiosk_window_idle_start(KioskWindow *self);
void kiosk_window_idle_stop(KioskWindow *self);
void kiosk_window_print_watchdog_arm(KioskWindow *self);

/* kiosk-window-voice.c: announce the screen shown (on a change of screen or of what it asks;
 * a PIN digit typed is a tick), the focused control, the last announcement again. */
void kiosk_window_announce(KioskWindow *self);
void kiosk_window_announce_focus(KioskWindow *self, GtkWidget *w, gboolean interrupt);
void kiosk_window_repeat(KioskWindow *self);
void kiosk_window_read_card_aloud(KioskWindow *self);
void kiosk_window_voice_dispose(KioskWindow *self);
/* A control the keypad can reach (button or check button, shown, mapped, sensitive). */
gboolean kiosk_window_focusable(GtkWidget *w);

/* kiosk-window-keypad.c: the key controller; a new screen's first focus. */
void kiosk_window_keypad_install(KioskWindow *self);
void kiosk_window_keypad_screen_shown(KioskWindow *self);

/* kiosk-summary.c: the confirmation's rows (form, card data, answers) and the counter's note
 * of what cannot be printed (g_free; NULL when nothing). */
void kiosk_summary_fill(KioskWindow *self, KioskConfirmScreen *c);
char *kiosk_summary_unprintable(KioskWindow *self);

G_END_DECLS

#endif
