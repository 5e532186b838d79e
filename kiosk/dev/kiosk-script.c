/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-script.c — replay UI actions for tests. See kiosk-script.h. */
#include "kiosk-script.h"

#include "kiosk-layout-check.h"
#include "kiosk-layout-rules.h"
#include "kiosk-screens.h"
#include "kiosk-script-keys.h"
#include "kiosk-script-nav.h"

#include <signal.h>
#include <string.h>

#define STEP_MS 40

typedef struct script {
    KioskWindow *win;
    GMainLoop *loop;
    int *status;
    char **lines;
    guint n, i;
    gint64 start, wait_until, sleep_until, waited_at, touched_at;
    unsigned touches, keys; /* keys: PIN digits and kana/characters typed */
    unsigned keypresses;    /* keypad keys pressed ("key", "key-to", "keys-answer-questions") */
    kiosk_key_walk *nav;    /* controls still to press by keys */
    gboolean nav_active;    /* a "key-to" / "keys-answer-questions" line is under way */
    int nav_question;       /* the question the presses were planned for (-1: none) */
    gint64 nav_since;       /* when that question's presses were all sent */
    char *waiting_for;
    gboolean check_each;   /* "check-layout each": every screen reached, before the next command */
    gboolean arrived;      /* a wait just ended: the screen may show new content */
    char *checked;         /* the screen (and question) last checked */
    char *pending;         /* the screen seen, to check once a frame laid it out */
    gint64 pending_frame;  /* the frame counter when it was seen */
    guint pending_tries;
    guint rechecks;        /* how often a settled screen's problems were looked at again */
    guint layout_problems; /* found by check-layout */
    guint shot_retries;    /* a screenshot tried again while the window had no frame */
} script;

static void finish(script *s, int status)
{
    *s->status = status;
    g_strfreev(s->lines);
    g_free(s->waiting_for);
    g_free(s->checked);
    g_free(s->pending);
    kiosk_key_walk_free(s->nav);
    g_main_loop_quit(s->loop);
    g_free(s);
}

gboolean kiosk_window_screenshot(KioskWindow *win, const char *path, GError **error)
{
    GtkWidget *w = GTK_WIDGET(win);
    int width = gtk_widget_get_width(w), height = gtk_widget_get_height(w);
    GdkPaintable *paintable = gtk_widget_paintable_new(w);
    GtkSnapshot *snap = gtk_snapshot_new();
    gdk_paintable_snapshot(paintable, snap, width, height);
    GskRenderNode *node = gtk_snapshot_free_to_node(snap);
    gboolean ok = FALSE;
    if (node) {
        GskRenderer *r = gtk_native_get_renderer(GTK_NATIVE(w));
        GdkTexture *tex =
            gsk_renderer_render_texture(r, node, &GRAPHENE_RECT_INIT(0, 0, width, height));
        ok = gdk_texture_save_to_png(tex, path);
        g_object_unref(tex);
        gsk_render_node_unref(node);
    }
    g_object_unref(paintable);
    if (!ok)
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot save %s", path);
    return ok;
}

static gboolean act(script *s, const char *action, GVariant *param)
{
    GtkWidget *screen = kiosk_window_screen(s->win);
    GtkWidget *target = g_str_has_prefix(action, "win.") ? GTK_WIDGET(s->win) : screen;
    if (param)
        g_variant_ref_sink(param);
    gboolean ok = gtk_widget_activate_action_variant(target, action, param);
    if (param)
        g_variant_unref(param);
    if (!ok)
        g_printerr("script: action %s not available on screen %s\n", action,
                   kiosk_window_screen_name(s->win));
    return ok;
}

static gboolean touch(script *s, const char *action, GVariant *param)
{
    s->touches++;
    s->touched_at = g_get_monotonic_time();
    if (!strcmp(action, "pin.digit") || !strcmp(action, "question.kana"))
        s->keys++;
    return act(s, action, param);
}

/* The virtual card: in-process, or kakanai-vcard behind pcscd (SIGUSR1 pulls the card,
 * SIGUSR2 puts it back) when $KAKANAI_VCARD_PID names it. */
static gboolean card_set(script *s, gboolean present)
{
    const char *pid = g_getenv("KAKANAI_VCARD_PID");
    if (pid && *pid) {
        long p = strtol(pid, NULL, 10);
        return p > 0 && kill((pid_t)p, present ? SIGUSR2 : SIGUSR1) == 0;
    }
    kiosk_window_set_card(s->win, present);
    return TRUE;
}

static const form_question *question_on_screen(script *s)
{
    const form_procedure *p = kiosk_engine_procedure(kiosk_window_engine(s->win));
    if (!p || strcmp(kiosk_window_screen_name(s->win), "question") != 0)
        return NULL;
    return form_procedure_question(p, (size_t)kiosk_session_question(kiosk_window_session(s->win)));
}

/* The answer a resident taking the suggested one gives to the question on screen, as the
 * controls to press in order: the default or first choice, "no", the first of a required
 * multi-choice, や ま た ゛ (だ) for a kana or required free-text answer. By keys the あ/123
 * switch comes first on a free-text keypad (a tap reaches the kana keys' action from either
 * mode; a key press needs them shown). FALSE: no question on screen. */
static gboolean plan_answer(script *s, kiosk_key_walk *w, gboolean by_keys)
{
    const form_question *q = question_on_screen(s);
    if (!q)
        return FALSE;
    form_question_type t = form_question_type_of(q);
    switch (t) {
    case FORM_Q_CHOICE:
        kiosk_key_walk_push(w, "question.choose", form_question_default(q)
                                                      ? form_question_default(q)
                                                      : form_question_choice_value(q, 0));
        return TRUE;
    case FORM_Q_YESNO:
        kiosk_key_walk_push(w, "question.choose",
                            form_question_default(q) ? form_question_default(q) : "no");
        return TRUE;
    case FORM_Q_MULTI:
        if (form_question_required(q) && !form_question_default(q) &&
            form_question_choice_count(q) > 0)
            kiosk_key_walk_push(w, "question.toggle", form_question_choice_value(q, 0));
        break;
    case FORM_Q_KANA:
    case FORM_Q_TEXT: {
        const char *cur = kiosk_question_screen_value(
            KIOSK_QUESTION_SCREEN(kiosk_window_screen(s->win)));
        if (!*cur && (t == FORM_Q_KANA || form_question_required(q))) {
            if (t == FORM_Q_TEXT && by_keys)
                kiosk_key_walk_push(w, "question.mode", NULL);
            static const char *const sample[] = {"や", "ま", "た", NULL};
            for (size_t i = 0; sample[i]; i++)
                kiosk_key_walk_push(w, "question.kana", sample[i]);
            kiosk_key_walk_push(w, "question.kana-mod", "1"); /* ゛: た → だ */
        }
        break;
    }
    default:
        break;
    }
    kiosk_key_walk_push(w, "question.next", NULL);
    return TRUE;
}

/* The planned answer as taps on the controls' actions. */
static gboolean answer_one(script *s)
{
    kiosk_key_walk *plan = kiosk_key_walk_new();
    gboolean ok = plan_answer(s, plan, FALSE);
    char *action, *target;
    while (ok && kiosk_key_walk_pop(plan, &action, &target)) {
        /* the kana modifier is a number (1 voiced, 2 p-sound, 3 small); the rest are words */
        GVariant *p = !target ? NULL
                      : !strcmp(action, "question.kana-mod")
                          ? g_variant_new_int32((gint32)strtol(target, NULL, 10))
                          : g_variant_new_string(target);
        ok = touch(s, action, p);
        g_free(action);
        g_free(target);
    }
    kiosk_key_walk_free(plan);
    return ok;
}

/* One step of the presses under way; FALSE = failed. The line runs again until they are
 * done. */
static gboolean nav_step(script *s, gint64 now)
{
    guint delay = 20, before = kiosk_key_walk_presses(s->nav);
    g_autoptr(GError) err = NULL;
    if (!kiosk_key_walk_step(s->nav, s->win, &delay, &err)) {
        g_printerr("script: %s\n", err->message);
        kiosk_key_walk_clear(s->nav);
        s->nav_active = FALSE;
        return FALSE;
    }
    s->keypresses += kiosk_key_walk_presses(s->nav) - before;
    if (kiosk_key_walk_presses(s->nav) != before)
        s->touched_at = now;
    if (kiosk_key_walk_done(s->nav) && delay < 400) /* the last press has taken effect */
        s->nav_active = FALSE;
    s->sleep_until = now + (gint64)delay * 1000;
    return TRUE;
}

/* TRUE when the question on screen takes a typed answer ("answer" sets it as if typed). */
static gboolean is_typed(script *s)
{
    const form_question *q = question_on_screen(s);
    form_question_type t = q ? form_question_type_of(q) : FORM_Q_CHOICE;
    if (t == FORM_Q_NUMBER || t == FORM_Q_DATE || t == FORM_Q_TEXT || t == FORM_Q_KANA)
        return TRUE;
    g_printerr("script: the question on screen (%s) takes no typed answer\n",
               q ? form_question_id(q) : "none");
    return FALSE;
}

/* TRUE when the question on screen offers the choice x (a script that drifted from the
 * templates fails here instead of answering the wrong question). */
static gboolean is_choice(script *s, const char *x)
{
    const form_question *q = question_on_screen(s);
    if (q && form_question_type_of(q) == FORM_Q_YESNO && (!strcmp(x, "yes") || !strcmp(x, "no")))
        return TRUE;
    for (size_t i = 0; q && i < form_question_choice_count(q); i++)
        if (!strcmp(form_question_choice_value(q, i), x))
            return TRUE;
    g_printerr("script: \"%s\" is not a choice of the question on screen (%s)\n", x,
               q ? form_question_id(q) : "none");
    return FALSE;
}

/* "edit" names the question by its index or by its id (furigana); -1 = no such question. */
static int question_index(script *s, const char *x)
{
    const form_procedure *p = kiosk_engine_procedure(kiosk_window_engine(s->win));
    size_t n = p ? form_procedure_question_count(p) : 0;
    if (g_ascii_isdigit(x[0])) {
        long i = strtol(x, NULL, 10);
        return i >= 0 && (size_t)i < n ? (int)i : -1;
    }
    for (size_t i = 0; i < n; i++)
        if (!strcmp(form_question_id(form_procedure_question(p, i)), x))
            return (int)i;
    g_printerr("script: no question \"%s\" in this procedure\n", x);
    return -1;
}

/* Touch targets, text sizes, overlaps and text contrast on the pixels of the whole window as
 * laid out now: the number of problems, described in report; *measured: texts whose
 * contrast was measured. */
static guint measure_layout(script *s, GString *report, guint *measured)
{
    guint bad =
        kiosk_layout_check(GTK_WIDGET(s->win), kiosk_layout_min_target_px(GTK_WIDGET(s->win)),
                           KIOSK_TEXT_MIN_PX, report);
    /* contrast on the pixels: a frame of the window as it is now (none between frames) */
    *measured = 0;
    GdkTexture *shot = kiosk_layout_render(GTK_WIDGET(s->win));
    if (shot) {
        bad += kiosk_layout_contrast(GTK_WIDGET(s->win), shot, KIOSK_CONTRAST_MIN, measured,
                                     report);
        g_object_unref(shot);
    }
    return bad;
}

/* Check now; each problem is printed and counted (the script fails at its end when any was
 * found). */
static void check_layout(script *s)
{
    GString *report = g_string_new(NULL);
    guint measured = 0;
    guint bad = measure_layout(s, report, &measured);
    const char *name = kiosk_window_screen_name(s->win);
    if (bad)
        g_printerr("script: layout on screen %s: %u problem(s)\n%s", name, bad, report->str);
    g_print("layout %s %u contrast-measured %u\n", name, bad, measured);
    s->layout_problems += bad;
    g_string_free(report, TRUE);
}

/* A widget shown or built since the last frame has no allocation yet: its size is 0×0 while
 * it asks for more. Checking then would measure a half-built screen. */
static gboolean layout_pending(GtkWidget *w)
{
    if (!gtk_widget_get_mapped(w))
        return FALSE;
    if (gtk_widget_get_width(w) == 0 && gtk_widget_get_height(w) == 0) {
        int min = 0;
        gtk_widget_measure(w, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
        if (min > 0)
            return TRUE;
    }
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c))
        if (layout_pending(c))
            return TRUE;
    return FALSE;
}

/* With "check-layout each": check the screen when a wait for it ended or when it (or its
 * question) changed since the last check — once GTK has laid it out: a screen just shown
 * keeps the allocation it had when last seen (another panel size, another language) until
 * the next frame. So the first sight asks for a frame and the check waits for it. FALSE:
 * not yet (the command waits too). */
static gboolean check_if_new(script *s)
{
    if (!s->check_each)
        return TRUE;
    const char *name = kiosk_window_screen_name(s->win);
    char *key = g_strdup_printf(
        "%s/%d", name,
        strcmp(name, "question") == 0 ? kiosk_session_question(kiosk_window_session(s->win)) : -1);
    if (!s->arrived && g_strcmp0(key, s->checked) == 0) {
        g_free(key);
        return TRUE;
    }
    GdkFrameClock *clock = gtk_widget_get_frame_clock(GTK_WIDGET(s->win));
    gint64 frame = clock ? gdk_frame_clock_get_frame_counter(clock) : 0;
    if (g_strcmp0(key, s->pending) != 0) {
        g_free(s->pending);
        s->pending = key;
        s->pending_frame = frame;
        s->pending_tries = 0;
        gtk_widget_queue_draw(GTK_WIDGET(s->win));
        return FALSE;
    }
    g_free(key);
    if ((frame <= s->pending_frame || layout_pending(GTK_WIDGET(s->win))) &&
        s->pending_tries++ < 100)
        return FALSE;
    /* content that arrives from a worker after the screen showed (the preview and its pager)
     * settles a frame later: what a look finds is looked at again, up to 8 frames, and only
     * what stays is a problem */
    GString *quiet = g_string_new(NULL);
    guint measured = 0, bad = measure_layout(s, quiet, &measured);
    g_string_free(quiet, TRUE);
    if (bad > 0 && s->rechecks++ < 8) {
        s->pending_frame = frame;
        gtk_widget_queue_draw(GTK_WIDGET(s->win));
        return FALSE;
    }
    s->rechecks = 0;
    s->arrived = FALSE;
    check_layout(s);
    g_free(s->checked);
    s->checked = s->pending;
    s->pending = NULL;
    return TRUE;
}

/* Run one command; FALSE = failed. Sets wait/sleep state for the stepping loop. */
static gboolean run(script *s, char *line)
{
    g_strstrip(line);
    if (!*line || line[0] == '#')
        return TRUE;
    char **a = g_strsplit_set(line, " \t", 3);
    const char *cmd = a[0], *x = a[1] ? a[1] : "", *y = a[1] && a[2] ? a[2] : "";
    gboolean ok = TRUE;
    gint64 now = g_get_monotonic_time();
    if (strcmp(cmd, "wait") != 0 && strcmp(cmd, "sleep") != 0 && !check_if_new(s)) {
        /* the screen is checked after its next frame: this line runs then */
        g_strfreev(a);
        s->i--;
        s->sleep_until = now + 20 * 1000;
        return TRUE;
    }
    if (!strcmp(cmd, "procedure")) {
        ok = touch(s, "menu.choose", g_variant_new_string(x));
    } else if (!strcmp(cmd, "procedure-index")) {
        /* the N-th of the procedures offered at the kiosk (--list-procedures' order) */
        const form_catalog *cat = kiosk_engine_catalog(kiosk_window_engine(s->win));
        size_t want = (size_t)strtol(x, NULL, 10), seen = 0;
        const form_procedure *p = NULL;
        for (size_t k = 0; cat && p == NULL && k < form_catalog_procedure_count(cat); k++) {
            const form_procedure *q = form_catalog_procedure(cat, k);
            if (form_procedure_offered(q, FORM_OFFER_KIOSK) && seen++ == want)
                p = q;
        }
        ok = p != NULL && touch(s, "menu.choose", g_variant_new_string(form_procedure_id(p)));
    } else if (!strcmp(cmd, "answer-questions")) {
        /* Answer every question like a resident taking the suggested answer; this line
         * repeats until the questions are over. */
        if (!strcmp(kiosk_window_screen_name(s->win), "question")) {
            /* answer-questions PREFIX: a screenshot of each question first (PREFIX-qN.png) */
            gboolean shot = TRUE;
            if (*x) {
                int n = kiosk_session_question(kiosk_window_session(s->win));
                g_autofree char *path = g_strdup_printf("%s-q%d.png", x, n);
                shot = kiosk_window_screenshot(s->win, path, NULL) || s->shot_retries >= 25;
                s->shot_retries = shot ? 0 : s->shot_retries + 1;
            }
            if (shot)
                ok = answer_one(s);
            s->i--;
            s->sleep_until = now + (shot ? 150 : 80) * 1000;
        }
    } else if (!strcmp(cmd, "card")) { /* a card on the reader is not a tap on the screen */
        ok = card_set(s, !strcmp(x, "on"));
    } else if (!strcmp(cmd, "digit")) {
        ok = touch(s, "pin.digit", g_variant_new_int32((int)strtol(x, NULL, 10)));
    } else if (!strcmp(cmd, "pin")) {
        for (const char *p = x; ok && *p; p++)
            ok = touch(s, "pin.digit", g_variant_new_int32(*p - '0'));
    } else if (!strcmp(cmd, "delete")) {
        ok = touch(s, "pin.delete", NULL);
    } else if (!strcmp(cmd, "clear")) {
        ok = touch(s, "pin.clear", NULL);
    } else if (!strcmp(cmd, "submit")) {
        ok = touch(s, "pin.submit", NULL);
    } else if (!strcmp(cmd, "choose")) {
        ok = is_choice(s, x) && touch(s, "question.choose", g_variant_new_string(x));
    } else if (!strcmp(cmd, "toggle")) {
        ok = is_choice(s, x) && touch(s, "question.toggle", g_variant_new_string(x));
    } else if (!strcmp(cmd, "answer")) {
        ok = is_typed(s) && act(s, "question.set", g_variant_new_string(x)) &&
             touch(s, "question.next", NULL);
    } else if (!strcmp(cmd, "kana")) {
        for (const char *p = x; ok && *p; p = g_utf8_next_char(p)) {
            char c[8] = {0};
            g_unichar_to_utf8(g_utf8_get_char(p), c);
            ok = touch(s, "question.kana", g_variant_new_string(c));
        }
    } else if (!strcmp(cmd, "edit")) {
        int qi = question_index(s, x);
        ok = qi >= 0 && touch(s, "confirm.edit", g_variant_new_int32(qi));
    } else if (!strcmp(cmd, "next")) {
        ok = touch(s, "question.next", NULL);
    } else if (!strcmp(cmd, "page")) { /* page +1 / page -1: flip the preview */
        ok = touch(s, "confirm.page", g_variant_new_int32((int)strtol(x, NULL, 10)));
    } else if (!strcmp(cmd, "expect-pages")) { /* at least N pages in the preview */
        GtkWidget *c = kiosk_window_screen(s->win);
        int n = KIOSK_IS_CONFIRM_SCREEN(c) ? kiosk_confirm_screen_page_count(KIOSK_CONFIRM_SCREEN(c))
                                           : -1;
        ok = n >= (int)strtol(x, NULL, 10);
        if (!ok)
            g_printerr("script: the preview has %d page(s), expected at least %s\n", n, x);
    } else if (!strcmp(cmd, "print")) {
        ok = touch(s, "confirm.print", NULL);
    } else if (!strcmp(cmd, "retry")) {
        ok = touch(s, "printing.retry", NULL);
    } else if (!strcmp(cmd, "cancel")) {
        ok = touch(s, "printing.cancel", NULL);
    } else if (!strcmp(cmd, "finish")) {
        ok = touch(s, "done.finish", NULL);
    } else if (!strcmp(cmd, "ok")) {
        ok = touch(s, "message.ok", NULL);
    } else if (!strcmp(cmd, "back")) {
        ok = touch(s, "win.back", NULL);
    } else if (!strcmp(cmd, "staff")) {
        ok = act(s, "win.staff", NULL);
        for (const char *p = x; ok && *p; p++)
            ok = act(s, "staff.digit", g_variant_new_int32(*p - '0'));
        ok = ok && act(s, "staff.enter", NULL);
    } else if (!strcmp(cmd, "staff-action")) {
        g_autofree char *name = g_strconcat("staff.", x, NULL);
        ok = act(s, name, NULL);
    } else if (!strcmp(cmd, "lang")) {
        ok = act(s, "win.lang", g_variant_new_string(x));
    } else if (!strcmp(cmd, "languages")) { /* open the language picker (from the menu) */
        ok = act(s, "win.languages", NULL);
    } else if (!strcmp(cmd, "large")) { /* large on|off: 「文字を大きく」 */
        if (kiosk_window_large_text(s->win) != !strcmp(x, "on"))
            ok = act(s, "win.large", NULL);
    } else if (!strcmp(cmd, "idle")) {
        kiosk_window_idle_now(s->win);
    } else if (!strcmp(cmd, "wait")) {
        g_free(s->waiting_for);
        s->waiting_for = g_strdup(x);
        s->wait_until = now + (*y ? strtol(y, NULL, 10) : 10000) * 1000;
    } else if (!strcmp(cmd, "sleep")) {
        s->sleep_until = now + strtol(x, NULL, 10) * 1000;
    } else if (!strcmp(cmd, "expect-tries")) {
        int t = kiosk_session_tries(kiosk_window_session(s->win));
        ok = t == (int)strtol(x, NULL, 10);
        if (!ok)
            g_printerr("script: tries %d, expected %s\n", t, x);
    } else if (!strcmp(cmd, "expect-wiped")) {
        const char *what = NULL;
        ok = kiosk_window_is_wiped(s->win, &what);
        if (!ok)
            g_printerr("script: not wiped: %s\n", what);
    } else if (!strcmp(cmd, "key-to")) {
        /* key-to ACTION [TARGET]: the keypad's 6 until the focus is on that control, then 5 */
        if (!s->nav_active) {
            kiosk_key_walk_push(s->nav, x, *y ? y : NULL);
            s->nav_active = TRUE;
        }
        ok = nav_step(s, now);
        if (ok && s->nav_active)
            s->i--;
    } else if (!strcmp(cmd, "keys-answer-questions")) {
        /* every question answered like "answer-questions", by keypad keys alone */
        if (s->nav_active) {
            ok = nav_step(s, now);
            if (!s->nav_active)
                s->nav_since = now;
            s->i--;
        } else if (!strcmp(kiosk_window_screen_name(s->win), "question")) {
            int qi = kiosk_session_question(kiosk_window_session(s->win));
            if (qi != s->nav_question) {
                s->nav_question = qi;
                ok = plan_answer(s, s->nav, TRUE);
                s->nav_active = ok;
            } else if (now - s->nav_since > 10 * G_USEC_PER_SEC) {
                g_printerr("script: question %d still on screen 10 s after its answer\n", qi);
                ok = FALSE;
            }
            s->sleep_until = now + 20 * 1000;
            s->i--;
        } else {
            s->nav_question = -1; /* the questions are over */
        }
    } else if (!strcmp(cmd, "expect-size")) { /* the window as laid out: W H */
        int w = gtk_widget_get_width(GTK_WIDGET(s->win)), h = gtk_widget_get_height(GTK_WIDGET(s->win));
        ok = w == (int)strtol(x, NULL, 10) && h == (int)strtol(y, NULL, 10);
        if (!ok)
            g_printerr("script: the window is %d×%d, expected %s×%s\n", w, h, x, y);
    } else if (!strcmp(cmd, "size")) {
        kiosk_window_set_size(s->win, (int)strtol(x, NULL, 10), (int)strtol(y, NULL, 10));
        s->sleep_until = now + 400 * 1000;
    } else if (!strcmp(cmd, "screenshot")) {
        /* A window caught between two frames renders no node: try again for up to 2 s. */
        g_autoptr(GError) err = NULL;
        ok = kiosk_window_screenshot(s->win, x, &err);
        if (!ok && s->shot_retries < 25) {
            s->shot_retries++;
            s->i--;
            s->sleep_until = now + 80 * 1000;
            ok = TRUE;
        } else if (!ok) {
            g_printerr("script: %s\n", err->message);
        } else {
            s->shot_retries = 0;
        }
    } else if (!strcmp(cmd, "check-layout")) {
        if (!strcmp(x, "each"))
            s->check_each = TRUE;
        else
            check_layout(s);
    } else if (!strcmp(cmd, "mark")) {
        g_print("mark %s %.1f shown=%.1f touched=%.1f touches=%u keys=%u keypresses=%u "
                "keypad=%u\n",
                x, (now - s->start) / 1000.0, (s->waited_at - s->start) / 1000.0,
                (s->touched_at - s->start) / 1000.0, s->touches, s->keys, s->keypresses,
                kiosk_window_keys_pressed(s->win));
    } else if (!strcmp(cmd, "rss")) {
        g_autofree char *st = NULL;
        if (g_file_get_contents("/proc/self/status", &st, NULL, NULL)) {
            char *hwm = strstr(st, "VmHWM:");
            long kb = hwm ? strtol(hwm + 6, NULL, 10) : -1;
            g_print("rss-peak-kb %ld\n", kb);
        }
    } else if (!strcmp(cmd, "run")) {
        /* Tests only: a shell command between two steps (e.g. refill the test printer). */
        g_autofree char *full = g_strjoin(" ", x, y, NULL);
        int st = 0;
        ok = g_spawn_sync(NULL, (char *[]){"/bin/sh", "-c", full, NULL}, NULL, G_SPAWN_DEFAULT,
                          NULL, NULL, NULL, NULL, &st, NULL) &&
             g_spawn_check_wait_status(st, NULL);
    } else if (!strcmp(cmd, "key")) {
        /* real key presses through the X server, as a USB keypad's (kiosk-window-keypad.c) */
        g_auto(GStrv) keys = g_strsplit_set(line + 3, " \t", -1);
        g_autoptr(GError) err = NULL;
        guint n = 0;
        for (char **k = keys; *k; k++)
            n += **k != '\0';
        ok = kiosk_script_keys(GTK_WIDGET(s->win), (const char *const *)keys, &err);
        if (!ok)
            g_printerr("script: %s\n", err->message);
        s->keypresses += n;
        s->touched_at = now;
        s->sleep_until = now + (gint64)(120 + 60 * n) * 1000;
    } else if (!strcmp(cmd, "wait-voice")) { /* the voice said everything queued */
        kiosk_speech *v = kiosk_window_voice(s->win);
        ok = !v || kiosk_speech_wait_idle(v, *x ? (int)strtol(x, NULL, 10) : 20000);
        if (!ok)
            g_printerr("script: the voice is still speaking\n");
    } else if (!strcmp(cmd, "voice-stats")) {
        kiosk_speech_stats st;
        kiosk_speech_get_stats(kiosk_window_voice(s->win), &st);
        g_print("voice %s utterances=%u ticks=%u interrupted=%u samples=%llu "
                "last_latency_ms=%.1f mean_latency_ms=%.1f max_latency_ms=%.1f measured=%u "
                "output_errors=%u\n",
                x, st.utterances, st.ticks, st.interrupted, (unsigned long long)st.samples,
                st.last_latency_us / 1000.0,
                st.measured ? st.sum_latency_us / 1000.0 / st.measured : 0.0,
                st.max_latency_us / 1000.0, st.measured, st.output_errors);
    } else if (!strcmp(cmd, "quit")) {
        s->i = s->n;
    } else {
        g_printerr("script: unknown command %s\n", cmd);
        ok = FALSE;
    }
    g_strfreev(a);
    return ok;
}

static gboolean step(gpointer data)
{
    script *s = data;
    gint64 now = g_get_monotonic_time();
    if (s->sleep_until && now < s->sleep_until)
        return G_SOURCE_CONTINUE;
    s->sleep_until = 0;
    if (s->waiting_for) {
        const char *shown = kiosk_window_screen_name(s->win);
        g_auto(GStrv) any = g_strsplit(s->waiting_for, ",", -1);
        if (!g_strv_contains((const char *const *)any, shown)) {
            if (now < s->wait_until)
                return G_SOURCE_CONTINUE;
            g_printerr("script: line %u: waited for %s, still on %s\n", s->i, s->waiting_for,
                       shown);
            finish(s, 1);
            return G_SOURCE_REMOVE;
        }
        g_clear_pointer(&s->waiting_for, g_free);
        s->waited_at = now;
        s->arrived = TRUE;
        /* let the screen draw once before the next command */
        s->sleep_until = now + 40 * 1000;
        return G_SOURCE_CONTINUE;
    }
    if (s->i >= s->n) {
        if (s->layout_problems)
            g_printerr("script: %u layout problem(s) in all\n", s->layout_problems);
        finish(s, s->layout_problems ? 1 : 0);
        return G_SOURCE_REMOVE;
    }
    guint lineno = s->i + 1;
    if (!run(s, s->lines[s->i++])) {
        g_printerr("script: line %u failed (%s)\n", lineno,
                   kiosk_window_screen_name(s->win));
        finish(s, 1);
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

gboolean kiosk_script_start(KioskWindow *win, const char *path, GMainLoop *loop, int *status,
                            GError **error)
{
    g_autofree char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, error))
        return FALSE;
    script *s = g_new0(script, 1);
    s->win = win;
    s->loop = loop;
    s->status = status;
    s->lines = g_strsplit(text, "\n", -1);
    s->n = g_strv_length(s->lines);
    s->start = g_get_monotonic_time();
    s->nav = kiosk_key_walk_new();
    s->nav_question = -1;
    const char *ms = g_getenv("KAKANAI_SCRIPT_STEP_MS");
    long step_ms = ms ? strtol(ms, NULL, 10) : STEP_MS;
    g_timeout_add(step_ms > 0 && step_ms < 1000 ? (guint)step_ms : STEP_MS, step, s);
    return TRUE;
}
