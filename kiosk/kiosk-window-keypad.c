/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-window-keypad.c — the whole resident path from a USB numeric keypad, the
 * touch screen not needed: the keys do what a tap on the focused control does, through the
 * same actions and signals.
 *
 *   8 ↑ / 2 ↓ (4 ← / 6 →)    move the focus (a thick ring, always visible, and spoken)
 *   5 (the tactile key), Enter   choose / press the focused control
 *   − , Esc                   back (stop)
 *   +                         say the screen again (the 「音声」 button does the same)
 *   *                         call staff (the session ends, wiped; the screen says where to go)
 *   /                         with voice-handset=true, on the confirmation: read the card's name
 *                             and address aloud (secret: locked, wiped, engine scrubbed)
 *   BackSpace                 PIN: erase a digit; elsewhere back
 *   on the PIN screen: 0-9 type a digit (a tick, never a word), Enter = OK
 * With NumLock off the keypad sends KP_Up, KP_Begin, … instead of digits: both work.
 */
#include "kiosk-window-private.h"

#include <string.h>

/* The digit of a keypad or main-row key (NumLock on or off); -1 for none. */
static int key_digit(guint k)
{
    if (k >= GDK_KEY_KP_0 && k <= GDK_KEY_KP_9)
        return (int)(k - GDK_KEY_KP_0);
    if (k >= GDK_KEY_0 && k <= GDK_KEY_9)
        return (int)(k - GDK_KEY_0);
    switch (k) { /* NumLock off */
    case GDK_KEY_KP_Insert: return 0;
    case GDK_KEY_KP_End: return 1;
    case GDK_KEY_KP_Down: return 2;
    case GDK_KEY_KP_Next: return 3;
    case GDK_KEY_KP_Left: return 4;
    case GDK_KEY_KP_Begin: return 5;
    case GDK_KEY_KP_Right: return 6;
    case GDK_KEY_KP_Home: return 7;
    case GDK_KEY_KP_Up: return 8;
    case GDK_KEY_KP_Prior: return 9;
    default: return -1;
    }
}

static gboolean is_enter(guint k)
{
    return k == GDK_KEY_KP_Enter || k == GDK_KEY_Return || k == GDK_KEY_ISO_Enter ||
           k == GDK_KEY_space || k == GDK_KEY_KP_Space;
}

/* The control a screen's focus starts on: its main action when it has one. */
static GtkWidget *find_action(GtkWidget *w, const char *const *names)
{
    if (!gtk_widget_get_visible(w))
        return NULL;
    if (GTK_IS_ACTIONABLE(w) && kiosk_window_focusable(w)) {
        const char *a = gtk_actionable_get_action_name(GTK_ACTIONABLE(w));
        for (size_t i = 0; a && names[i]; i++)
            if (strcmp(a, names[i]) == 0)
                return w;
    }
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c)) {
        GtkWidget *f = find_action(c, names);
        if (f)
            return f;
    }
    return NULL;
}

static GtkWidget *first_focusable(GtkWidget *w)
{
    if (!gtk_widget_get_visible(w))
        return NULL;
    if (kiosk_window_focusable(w))
        return w;
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c)) {
        GtkWidget *f = first_focusable(c);
        if (f)
            return f;
    }
    return NULL;
}

static GtkWidget *start_focus(KioskWindow *self)
{
    static const char *const main_actions[] = {"confirm.print", "done.finish", "message.ok",
                                               "printing.retry", "pin.submit", NULL};
    GtkWidget *screen = kiosk_window_screen(self);
    if (!screen)
        return NULL;
    GtkWidget *w = find_action(screen, main_actions);
    /* the PIN screen starts on OK only once the digits are in; before, on no digit key */
    if (w && KIOSK_IS_PIN_SCREEN(screen) && !gtk_widget_is_sensitive(w))
        w = NULL;
    return w ? w : KIOSK_IS_PIN_SCREEN(screen) ? NULL : first_focusable(screen);
}

/* A new screen: the focus goes to its first control (or main action), silently — the
 * announcement names the screen; the focused control is spoken after it. */
void kiosk_window_keypad_screen_shown(KioskWindow *self)
{
    GtkWidget *w = start_focus(self);
    self->focus_quiet = TRUE;
    if (w)
        gtk_widget_grab_focus(w);
    else
        gtk_root_set_focus(GTK_ROOT(self), NULL);
    self->focus_quiet = FALSE;
    if (w)
        kiosk_window_announce_focus(self, w, FALSE);
}

static void on_focus_changed(GObject *o, GParamSpec *ps, KioskWindow *self)
{
    if (self->focus_quiet)
        return;
    GtkWidget *f = gtk_root_get_focus(GTK_ROOT(self));
    if (f && (GTK_IS_BUTTON(f) || GTK_IS_CHECK_BUTTON(f)))
        kiosk_window_announce_focus(self, f, TRUE);
}

static void move_focus(KioskWindow *self, GtkDirectionType dir)
{
    GtkWidget *before = gtk_root_get_focus(GTK_ROOT(self));
    if (!before || !gtk_widget_get_mapped(before)) {
        GtkWidget *w = start_focus(self);
        if (!w)
            w = first_focusable(GTK_WIDGET(self));
        if (w)
            gtk_widget_grab_focus(w);
        return;
    }
    if (!gtk_widget_child_focus(GTK_WIDGET(self), dir)) {
        /* at the end: wrap around */
        gtk_root_set_focus(GTK_ROOT(self), NULL);
        gtk_widget_child_focus(GTK_WIDGET(self), dir);
    }
}

static void press_focused(KioskWindow *self)
{
    GtkWidget *f = gtk_root_get_focus(GTK_ROOT(self));
    if (!f || !gtk_widget_get_mapped(f) || !gtk_widget_is_sensitive(f)) {
        move_focus(self, GTK_DIR_TAB_FORWARD);
        return;
    }
    gboolean was_toggle = GTK_IS_TOGGLE_BUTTON(f);
    gtk_widget_activate(f);
    /* a multi-choice button stays: say its new state */
    if (was_toggle && gtk_root_get_focus(GTK_ROOT(self)) == f)
        kiosk_window_announce_focus(self, f, TRUE);
}

static void back(KioskWindow *self)
{
    if (gtk_widget_get_visible(self->back))
        gtk_widget_activate_action(GTK_WIDGET(self), "win.back", NULL);
}

gboolean kiosk_window_key(KioskWindow *self, guint k)
{
    kiosk_window_touched(self); /* a key is a touch: the idle countdown starts again */
    self->keys_pressed++;
    kiosk_state st = kiosk_session_state(self->session);
    GtkWidget *screen = kiosk_window_screen(self);
    if (k == GDK_KEY_KP_Add || k == GDK_KEY_plus) {
        kiosk_window_repeat(self);
        return TRUE;
    }
    if (k == GDK_KEY_KP_Divide || k == GDK_KEY_slash) {
        kiosk_window_read_card_aloud(self); /* handset kiosks only, confirmation only */
        return TRUE;
    }
    if (k == GDK_KEY_KP_Multiply || k == GDK_KEY_asterisk) {
        kiosk_window_feed(self, KIOSK_EV_HELP, 0, 0);
        return TRUE;
    }
    if (k == GDK_KEY_KP_Subtract || k == GDK_KEY_minus || k == GDK_KEY_Escape) {
        back(self);
        return TRUE;
    }
    if ((st == KIOSK_S_PIN || st == KIOSK_S_CHECKCODE_B) && KIOSK_IS_PIN_SCREEN(screen)) {
        int d = key_digit(k);
        if (d >= 0) {
            /* the same action as a tap on the digit key; the voice ticks (announce) */
            gtk_widget_activate_action(screen, "pin.digit", "i", d);
            return TRUE;
        }
        if (k == GDK_KEY_BackSpace || k == GDK_KEY_KP_Delete || k == GDK_KEY_Delete) {
            gtk_widget_activate_action(screen, "pin.delete", NULL);
            return TRUE;
        }
        if (is_enter(k)) {
            gtk_widget_activate_action(screen, "pin.submit", NULL);
            return TRUE;
        }
    }
    switch (k) {
    case GDK_KEY_KP_8: case GDK_KEY_KP_Up: case GDK_KEY_Up:
    case GDK_KEY_KP_4: case GDK_KEY_KP_Left: case GDK_KEY_Left:
        move_focus(self, GTK_DIR_TAB_BACKWARD);
        return TRUE;
    case GDK_KEY_KP_2: case GDK_KEY_KP_Down: case GDK_KEY_Down:
    case GDK_KEY_KP_6: case GDK_KEY_KP_Right: case GDK_KEY_Right: case GDK_KEY_Tab:
        move_focus(self, GTK_DIR_TAB_FORWARD);
        return TRUE;
    case GDK_KEY_KP_5: case GDK_KEY_KP_Begin:
        press_focused(self);
        return TRUE;
    case GDK_KEY_BackSpace:
        back(self);
        return TRUE;
    default:
        break;
    }
    if (is_enter(k)) {
        press_focused(self);
        return TRUE;
    }
    /* anything else (a letter from a full keyboard on a staff screen …): GTK's own handling */
    self->keys_pressed--;
    return FALSE;
}

static gboolean on_key(GtkEventControllerKey *c, guint keyval, guint keycode,
                       GdkModifierType mods, KioskWindow *self)
{
    /* staff mode and typed-text questions keep a full keyboard's ordinary behaviour */
    if (kiosk_session_state(self->session) == KIOSK_S_STAFF)
        return FALSE;
    return kiosk_window_key(self, keyval);
}

/* The first screen was shown before the window was mapped: give it its focus now. */
static void on_map(GtkWidget *w, gpointer unused)
{
    kiosk_window_keypad_screen_shown(KIOSK_WINDOW(w));
}

/* GTK hides the ring after a pointer click: a resident at the keypad must see it always. */
static void keep_focus_visible(GObject *o, GParamSpec *ps, gpointer unused)
{
    if (!gtk_window_get_focus_visible(GTK_WINDOW(o)))
        gtk_window_set_focus_visible(GTK_WINDOW(o), TRUE);
}

void kiosk_window_keypad_install(KioskWindow *self)
{
    GtkEventController *keys = gtk_event_controller_key_new();
    gtk_event_controller_set_propagation_phase(keys, GTK_PHASE_CAPTURE);
    g_signal_connect(keys, "key-pressed", G_CALLBACK(on_key), self);
    gtk_widget_add_controller(GTK_WIDGET(self), keys);
    g_signal_connect(self, "notify::focus-widget", G_CALLBACK(on_focus_changed), self);
    g_signal_connect_after(self, "map", G_CALLBACK(on_map), NULL);
    /* the focus ring is drawn always, not only after GTK saw a Tab */
    gtk_window_set_focus_visible(GTK_WINDOW(self), TRUE);
    g_signal_connect(self, "notify::focus-visible", G_CALLBACK(keep_focus_visible), NULL);
}
