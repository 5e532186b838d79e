/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-script-nav.c — pressing a control by keypad keys alone. See kiosk-script-nav.h. */
#include "kiosk-script-nav.h"

#include <stdlib.h>
#include <string.h>

#include "kiosk-script-keys.h"

/* Enough to go once round the largest screen (the kana keypad has about 60 controls). */
#define NAV_MAX_MOVES 200
/* How long a sent key may take to reach the kiosk (X server, GDK, the key controller). */
#define NAV_KEY_WAIT_US (5 * G_USEC_PER_SEC)
/* After 5: a button activated by a key clicks 250 ms later (GTK's press animation). */
#define NAV_PRESS_MS 400

struct kiosk_key_walk {
    GQueue queue;      /* char *: "action\ttarget" or "action" */
    guint moves;       /* focus moves spent on the first queued control */
    guint presses;     /* keys sent in all */
    unsigned expected; /* the kiosk's key count once the last key is handled */
    gint64 sent_at;    /* when the last key was sent (0: none pending) */
};

kiosk_key_walk *kiosk_key_walk_new(void)
{
    kiosk_key_walk *w = g_new0(kiosk_key_walk, 1);
    g_queue_init(&w->queue);
    return w;
}

void kiosk_key_walk_clear(kiosk_key_walk *w)
{
    g_queue_clear_full(&w->queue, g_free);
    w->moves = 0;
}

void kiosk_key_walk_free(kiosk_key_walk *w)
{
    if (!w)
        return;
    kiosk_key_walk_clear(w);
    g_free(w);
}

void kiosk_key_walk_push(kiosk_key_walk *w, const char *action, const char *target)
{
    g_queue_push_tail(&w->queue, target ? g_strdup_printf("%s\t%s", action, target)
                                        : g_strdup(action));
}

gboolean kiosk_key_walk_done(const kiosk_key_walk *w) { return w->queue.length == 0; }

gboolean kiosk_key_walk_pop(kiosk_key_walk *w, char **action, char **target)
{
    char *head = g_queue_pop_head(&w->queue);
    if (!head)
        return FALSE;
    char *tab = strchr(head, '\t');
    *target = tab ? g_strdup(tab + 1) : NULL;
    if (tab)
        *tab = '\0';
    *action = head;
    return TRUE;
}

guint kiosk_key_walk_presses(const kiosk_key_walk *w) { return w->presses; }

/* Does w carry this action and target? */
static gboolean is_control(GtkWidget *w, const char *action, const char *target)
{
    if (!strcmp(action, "question.toggle"))
        return GTK_IS_TOGGLE_BUTTON(w) &&
               g_strcmp0(g_object_get_data(G_OBJECT(w), "value"), target) == 0;
    if (!strcmp(action, "question.mode")) /* the あ/123 switch: it holds the keys' stack */
        return GTK_IS_TOGGLE_BUTTON(w) && g_object_get_data(G_OBJECT(w), "stack") != NULL;
    if (!GTK_IS_ACTIONABLE(w))
        return FALSE;
    const char *a = gtk_actionable_get_action_name(GTK_ACTIONABLE(w));
    if (!a || strcmp(a, action) != 0)
        return FALSE;
    GVariant *t = gtk_actionable_get_action_target_value(GTK_ACTIONABLE(w));
    if (!target)
        return t == NULL;
    if (t && g_variant_is_of_type(t, G_VARIANT_TYPE_STRING))
        return strcmp(g_variant_get_string(t, NULL), target) == 0;
    if (t && g_variant_is_of_type(t, G_VARIANT_TYPE_INT32))
        return g_variant_get_int32(t) == (gint32)strtol(target, NULL, 10);
    return FALSE;
}

static GtkWidget *find_control(GtkWidget *w, const char *action, const char *target)
{
    if (!gtk_widget_get_mapped(w))
        return NULL;
    if (is_control(w, action, target))
        return w;
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c)) {
        GtkWidget *f = find_control(c, action, target);
        if (f)
            return f;
    }
    return NULL;
}

static gboolean send(kiosk_key_walk *w, KioskWindow *win, const char *key, GError **error)
{
    const char *const keys[] = {key, NULL};
    w->expected = kiosk_window_keys_pressed(win) + 1;
    w->sent_at = g_get_monotonic_time();
    w->presses++;
    return kiosk_script_keys(GTK_WIDGET(win), keys, error);
}

gboolean kiosk_key_walk_step(kiosk_key_walk *w, KioskWindow *win, guint *delay_ms,
                             GError **error)
{
    *delay_ms = 20;
    if (w->sent_at) { /* the last key first: until the kiosk handled it, the focus is stale */
        if (kiosk_window_keys_pressed(win) < w->expected) {
            if (g_get_monotonic_time() - w->sent_at < NAV_KEY_WAIT_US)
                return TRUE;
            g_set_error(error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        "a key sent did not reach the kiosk within 5 s");
            return FALSE;
        }
        w->sent_at = 0;
    }
    const char *head = g_queue_peek_head(&w->queue);
    if (!head)
        return TRUE;
    g_auto(GStrv) parts = g_strsplit(head, "\t", 2);
    GtkWidget *screen = kiosk_window_screen(win);
    GtkWidget *target = screen ? find_control(screen, parts[0], parts[1]) : NULL;
    if (!target) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no control %s%s%s on the screen",
                    parts[0], parts[1] ? " " : "", parts[1] ? parts[1] : "");
        return FALSE;
    }
    GtkWidget *focus = gtk_root_get_focus(GTK_ROOT(win));
    if (focus && (focus == target || gtk_widget_is_ancestor(focus, target))) {
        g_free(g_queue_pop_head(&w->queue));
        w->moves = 0;
        /* let the press take effect: GTK's button activation clicks 250 ms after the key */
        *delay_ms = NAV_PRESS_MS;
        return send(w, win, "KP_5", error);
    }
    if (++w->moves > NAV_MAX_MOVES) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED,
                    "the focus never reached %s after %d moves", head, NAV_MAX_MOVES);
        return FALSE;
    }
    return send(w, win, "KP_6", error);
}
