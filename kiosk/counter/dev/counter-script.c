/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-script.c — replay staff and resident input on the counter. See counter-script.h. */
#include "counter-script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "counter-screen-answers.h"
#include "counter-screen-common.h"
#include "counter-screen-interview.h"
#include "counter-screen-members.h"
#include "counter-screen-preview.h"
#include "counter-screen-procedures.h"
#include "counter-screen-signin.h"

#define STEP_MS 20
#define WAIT_DEFAULT_MS 20000

typedef struct script {
    CounterWindow *win;
    GMainLoop *loop;
    int *status;
    char **lines;
    guint next;
    size_t len;      /* the current line's length before it was cut */
    gboolean parsed; /* the current line was measured, stripped and cut */
    char *cmd, *arg; /* the current line's command and the rest ("" when none) */
    gint64 wait_until;
    unsigned shot_retries;
    gboolean quit;
    unsigned keys, clicks, taps; /* staff keystrokes (committed characters), clicks; PIN taps */
} script;

static void finish(script *s, int status)
{
    *s->status = status;
    for (char **l = s->lines; *l; l++)
        memset(*l, 0, strlen(*l));
    g_strfreev(s->lines);
    g_main_loop_quit(s->loop);
    g_free(s);
}

static long atoi_ms(const char *s) { return s ? strtol(s, NULL, 10) : 0; }

/* Cut arg at its first space (in place): the rest, or NULL. The script's lines are cut and
 * then wiped in place, never copied: they hold the (fictional) residents' data. */
static char *split(char *arg)
{
    char *sp = arg ? strchr(arg, ' ') : NULL;
    if (!sp)
        return NULL;
    *sp = 0;
    return sp + 1;
}

static gboolean save_png(GtkWidget *w, const char *path)
{
    int width = gtk_widget_get_width(w), height = gtk_widget_get_height(w);
    if (width <= 0 || height <= 0)
        return FALSE;
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
    return ok;
}

/* Commit text at the cursor, as an input method commits a converted string. */
static void commit(script *s, GtkEntry *e, const char *text)
{
    GtkEditable *ed = gtk_editable_get_delegate(GTK_EDITABLE(e));
    if (!ed)
        ed = GTK_EDITABLE(e);
    gtk_widget_grab_focus(GTK_WIDGET(e));
    int pos = gtk_editable_get_position(ed);
    gtk_editable_insert_text(ed, text, -1, &pos);
    gtk_editable_set_position(ed, pos);
    s->keys += (unsigned)g_utf8_strlen(text, -1);
}

static gboolean act(script *s, GtkWidget *target, const char *action, GVariant *param)
{
    s->clicks++;
    return gtk_widget_activate_action_variant(target, action, param);
}

static counter_role role_of(const char *r)
{
    static const char *const names[] = {"head", "spouse", "child", "parent", "other"};
    for (int i = 0; i < 5; i++)
        if (!g_strcmp0(r, names[i]))
            return (counter_role)i;
    return COUNTER_ROLE_OTHER;
}

static const char *const main_action[][2] = {
    {"procedures", "procedures.start"}, {"members", "members.next"},
    {"interview", "interview.navigate"},
    {"answers", "answers.next"},        {"preview", "preview.print"},
    {"done", "done.next"},             {"signin", "signin.submit"},
};

/* Run one command; *again: re-run it after STEP_MS (a wait not met yet). */
static gboolean run(script *s, const char *cmd, char *arg, gboolean *again)
{
    CounterWindow *w = s->win;
    const char *screen = counter_window_screen_name(w);
    GtkWidget *cur = counter_window_screen(w, screen);
    CounterResidentWindow *rw = counter_window_resident(w);

    if (!strcmp(cmd, "wait") || !strcmp(cmd, "wait-resident") || !strcmp(cmd, "wait-status")) {
        gint64 now = g_get_monotonic_time();
        if (s->wait_until == 0) {
            const char *ms = strcmp(cmd, "wait-status") ? split(arg) : NULL;
            s->wait_until = now + (ms ? atoi_ms(ms) : WAIT_DEFAULT_MS) * 1000;
        }
        gboolean met;
        if (!strcmp(cmd, "wait"))
            met = !g_strcmp0(screen, arg);
        else if (!strcmp(cmd, "wait-resident"))
            met = !g_strcmp0(counter_resident_window_screen(rw), arg);
        else
            met = strstr(counter_members_screen_status_text(
                             COUNTER_MEMBERS_SCREEN(counter_window_screen(w, "members"))),
                         arg) != NULL;
        if (met) {
            s->wait_until = 0;
            return TRUE;
        }
        if (now > s->wait_until) {
            fprintf(stderr, "counter-script: timed out: %s %s (staff: %s, resident: %s)\n", cmd,
                    arg, screen, counter_resident_window_screen(rw));
            s->wait_until = 0;
            return FALSE;
        }
        *again = TRUE;
        return TRUE;
    }
    if (!strcmp(cmd, "signin")) {
        char *pass = split(arg);
        if (!pass || strcmp(screen, "signin"))
            return FALSE;
        CounterSigninScreen *si = COUNTER_SIGNIN_SCREEN(cur);
        counter_signin_screen_reset(si, NULL);
        gtk_editable_set_text(counter_signin_screen_id_entry(si), arg);
        gtk_editable_set_text(counter_signin_screen_passcode_entry(si), pass);
        s->keys += (unsigned)(strlen(arg) + strlen(pass));
        return act(s, cur, "signin.submit", NULL);
    }
    if (!strcmp(cmd, "tick")) {
        for (char *id = arg, *rest; id && *id; id = rest) {
            rest = split(id);
            s->clicks++;
            if (!counter_procedures_screen_set_checked(COUNTER_PROCEDURES_SCREEN(cur), id, TRUE)) {
                fprintf(stderr, "counter-script: no procedure %s\n", id);
                return FALSE;
            }
        }
        return TRUE;
    }
    if (!strcmp(cmd, "event")) {
        const form_catalog *cat = counter_visit_catalog(counter_window_visit(w));
        for (size_t i = 0; i < form_catalog_event_count(cat); i++)
            if (!strcmp(form_event_id(form_catalog_event(cat, i)), arg))
                return act(s, counter_window_screen(w, "procedures"), "procedures.event",
                           g_variant_new_int32((gint32)i));
        fprintf(stderr, "counter-script: no event %s\n", arg);
        return FALSE;
    }
    if (!strcmp(cmd, "ask")) {
        char *value = split(arg);
        CounterInterviewScreen *is = COUNTER_INTERVIEW_SCREEN(counter_window_screen(w, "interview"));
        int i = counter_interview_screen_find(is, arg);
        s->clicks += 2; /* open the list, pick */
        if (i < 0 || !value || !counter_interview_screen_choose(is, i, value)) {
            fprintf(stderr, "counter-script: cannot answer %s\n", arg);
            return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "next")) {
        for (size_t i = 0; i < G_N_ELEMENTS(main_action); i++)
            if (!strcmp(screen, main_action[i][0]))
                return act(s, cur, main_action[i][1], NULL);
        return FALSE;
    }
    if (!strcmp(cmd, "back"))
        return act(s, cur, !strcmp(screen, "answers") ? "answers.back" : "preview.back", NULL);
    if (!strcmp(cmd, "role")) {
        s->clicks += 2; /* open the list, pick */
        counter_members_screen_set_role(COUNTER_MEMBERS_SCREEN(counter_window_screen(w, "members")),
                                        role_of(arg));
        return TRUE;
    }
    if (!strcmp(cmd, "read-card"))
        return act(s, counter_window_screen(w, "members"), "members.read",
                   g_variant_new_int32(!strcmp(arg, "code-b") ? 1 : 0));
    if (!strcmp(cmd, "add-member"))
        return act(s, counter_window_screen(w, "members"), "members.add", NULL);
    if (!strcmp(cmd, "remove"))
        return act(s, counter_window_screen(w, "members"), "members.remove",
                   g_variant_new_int32((gint32)g_ascii_strtoll(arg, NULL, 10) - 1));
    if (!strcmp(cmd, "sex")) {
        s->clicks += 2;
        counter_members_screen_set_sex(COUNTER_MEMBERS_SCREEN(counter_window_screen(w, "members")),
                                       arg);
        return TRUE;
    }
    if (!strcmp(cmd, "type")) {
        char *text = split(arg);
        GtkEntry *e = counter_members_screen_entry(
            COUNTER_MEMBERS_SCREEN(counter_window_screen(w, "members")), arg);
        if (!e || !text)
            return FALSE;
        commit(s, e, text);
        return TRUE;
    }
    if (!strcmp(cmd, "wait-pages")) {
        gint64 now = g_get_monotonic_time();
        if (s->wait_until == 0)
            s->wait_until = now + (*arg ? atoi_ms(arg) : WAIT_DEFAULT_MS) * 1000;
        CounterPreviewScreen *ps = COUNTER_PREVIEW_SCREEN(counter_window_screen(w, "preview"));
        if (counter_pages_count(counter_preview_screen_pages(ps)) > 0) {
            s->wait_until = 0;
            return TRUE;
        }
        if (now > s->wait_until) {
            fprintf(stderr, "counter-script: no pages to preview\n");
            return FALSE;
        }
        *again = TRUE;
        return TRUE;
    }
    if (!strcmp(cmd, "answer") || !strcmp(cmd, "answer-if")) {
        char *text = split(arg);
        CounterAnswersScreen *as = COUNTER_ANSWERS_SCREEN(counter_window_screen(w, "answers"));
        int i = counter_answers_screen_find(as, arg);
        if (i < 0 && text && !strcmp(cmd, "answer-if"))
            return TRUE; /* these templates do not ask it */
        if (i < 0 || !text) {
            fprintf(stderr, "counter-script: no answer row %s\n", arg);
            return FALSE;
        }
        GtkEntry *e = counter_answers_screen_entry(as, i);
        if (e) {
            counter_entry_clear(e);
            commit(s, e, text);
            return TRUE;
        }
        s->clicks += 2;
        return counter_answers_screen_choose(as, i, text);
    }
    if (!strcmp(cmd, "on-form")) { /* on-form PROCEDURE MEMBER on|off: one click */
        char *member = split(arg), *state = member ? split(member) : NULL;
        CounterAnswersScreen *as = COUNTER_ANSWERS_SCREEN(counter_window_screen(w, "answers"));
        g_autofree char *key = g_strconcat("m:", arg, NULL);
        int i = counter_answers_screen_find(as, key);
        guint64 m = member ? g_ascii_strtoull(member, NULL, 10) : 0;
        if (i < 0 || m < 1 || !state ||
            !counter_answers_screen_check(as, i, (size_t)m - 1, !strcmp(state, "on"))) {
            fprintf(stderr, "counter-script: no member %s on the row for %s\n",
                    member ? member : "?", arg);
            return FALSE;
        }
        s->clicks++;
        return TRUE;
    }
    if (!strcmp(cmd, "pin")) {
        GtkWidget *pin = GTK_WIDGET(counter_resident_window_pin(rw));
        for (const char *d = arg; *d; d++) {
            if (*d < '0' || *d > '9')
                return FALSE;
            s->taps++;
            if (!gtk_widget_activate_action(pin, "pin.digit", "i", *d - '0'))
                return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "pin-ok")) {
        s->taps++;
        return gtk_widget_activate_action(GTK_WIDGET(counter_resident_window_pin(rw)),
                                          "pin.submit", NULL);
    }
    if (!strcmp(cmd, "card")) { /* the in-process virtual card: put on / take off */
        kiosk_card_source_set_present(counter_window_cards(w), !strcmp(arg, "on"));
        return TRUE;
    }
    if (!strcmp(cmd, "run")) {
        int st = 0;
        g_autofree char *quoted = g_shell_quote(arg);
        g_autofree char *sh = g_strdup_printf("/bin/sh -c %s", quoted);
        if (!g_spawn_command_line_sync(sh, NULL, NULL, &st, NULL) || !g_spawn_check_wait_status(st, NULL)) {
            fprintf(stderr, "counter-script: run failed: %s\n", arg);
            return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "sleep")) {
        gint64 now = g_get_monotonic_time();
        if (s->wait_until == 0)
            s->wait_until = now + atoi_ms(arg) * 1000;
        if (now >= s->wait_until) {
            s->wait_until = 0;
            return TRUE;
        }
        *again = TRUE;
        return TRUE;
    }
    if (!strcmp(cmd, "screenshot") || !strcmp(cmd, "resident-screenshot")) {
        GtkWidget *target = !strcmp(cmd, "screenshot") ? GTK_WIDGET(w) : GTK_WIDGET(rw);
        if (!save_png(target, arg)) {
            /* a window caught between two frames renders no node: again, for up to 2 s */
            if (s->shot_retries++ < 100) {
                *again = TRUE;
                return TRUE;
            }
            fprintf(stderr, "counter-script: cannot save %s\n", arg);
            return FALSE;
        }
        s->shot_retries = 0;
        return TRUE;
    }
    if (!strcmp(cmd, "idle")) {
        counter_window_idle_now(w);
        return TRUE;
    }
    if (!strcmp(cmd, "expect-tries")) {
        if (counter_window_card_tries(w) != atoi_ms(arg)) {
            fprintf(stderr, "counter-script: %d tries, not %s\n", counter_window_card_tries(w), arg);
            return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "expect-members")) {
        if ((long)counter_visit_member_count(counter_window_visit(w)) != atoi_ms(arg)) {
            fprintf(stderr, "counter-script: %zu members, not %s\n",
                    counter_visit_member_count(counter_window_visit(w)), arg);
            return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "expect-on-form")) { /* expect-on-form PROCEDURE FLAGS ("101") */
        char *flags = split(arg);
        const counter_visit *v = counter_window_visit(w);
        const form_procedure *p = form_catalog_find(counter_visit_catalog(v), arg);
        size_t n = flags ? strlen(flags) : 0;
        gboolean ok = p && n == counter_visit_member_count(v);
        for (size_t i = 0; ok && i < n; i++)
            ok = counter_visit_procedure_member(v, p, i) == (flags[i] == '1');
        if (!ok) {
            fprintf(stderr, "counter-script: who is on %s is not %s\n", arg, flags ? flags : "?");
            return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "expect-title") || !strcmp(cmd, "wait-title")) {
        /* PROCEDURE TITLE: the catalogue in use titles it so (wait-title: within 30 s) */
        char *title = split(arg);
        const form_procedure *p = form_catalog_find(counter_visit_catalog(counter_window_visit(w)), arg);
        const char *now = p ? form_text_get(form_procedure_title(p), "ja") : NULL;
        if (title)
            title[-1] = ' '; /* the line is read again while waiting */
        gboolean same = title && !g_strcmp0(now, title);
        if (!same && !strcmp(cmd, "wait-title")) {
            gint64 t = g_get_monotonic_time();
            if (s->wait_until == 0)
                s->wait_until = t + 30 * G_USEC_PER_SEC;
            if (t < s->wait_until) {
                *again = TRUE;
                return TRUE;
            }
        }
        s->wait_until = 0;
        if (!same) {
            fprintf(stderr, "counter-script: %s is titled %s, not %s\n", arg, now ? now : "(none)",
                    title ? title : "?");
            return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "expect-wiped")) {
        const char *what = NULL;
        if (!counter_window_is_wiped(w, &what)) {
            fprintf(stderr, "counter-script: not wiped: %s\n", what);
            return FALSE;
        }
        return TRUE;
    }
    if (!strcmp(cmd, "figures")) {
        double rd, rn, ac;
        counter_window_timings(w, &rd, &rn, &ac);
        FILE *f = fopen(arg, "w");
        if (!f)
            return FALSE;
        fprintf(f, "staff_keystrokes %u\nstaff_clicks %u\nresident_taps %u\n"
                   "last_card_read_ms %.1f\nrender_ms %.1f\nprint_accepted_ms %.1f\n",
                s->keys, s->clicks, s->taps, rd, rn, ac);
        fclose(f);
        return TRUE;
    }
    if (!strcmp(cmd, "wait-printed")) {
        gint64 now = g_get_monotonic_time();
        if (s->wait_until == 0)
            s->wait_until = now + (*arg ? atoi_ms(arg) : WAIT_DEFAULT_MS) * 1000;
        if (counter_window_printing(w) == 0) {
            s->wait_until = 0;
            return TRUE;
        }
        if (now > s->wait_until)
            return FALSE;
        *again = TRUE;
        return TRUE;
    }
    if (!strcmp(cmd, "debug-find")) { /* where is TEXT in this process (diagnosis only) */
        FILE *m = fopen("/proc/self/maps", "r");
        int fd = open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
        char l[512];
        size_t alen = strlen(arg);
        while (m && fd >= 0 && fgets(l, sizeof l, m)) {
            unsigned long a, b;
            char perm[5];
            if (sscanf(l, "%lx-%lx %4s", &a, &b, perm) != 3 || perm[0] != 'r' ||
                strstr(l, "[vvar]") || strstr(l, "[stack]") || b - a > (256ul << 20))
                continue;
            size_t n = b - a;
            char *buf = malloc(n);
            if (buf && pread(fd, buf, n, (off_t)a) == (ssize_t)n)
                for (size_t i = 0; i + alen <= n; i++)
                    if (!memcmp(buf + i, arg, alen))
                        fprintf(stderr, "debug-find: +%zx in %s", i, l);
            if (buf)
                memset(buf, 0, n);
            free(buf);
        }
        if (m)
            fclose(m);
        if (fd >= 0)
            close(fd);
        return TRUE;
    }
    if (!strcmp(cmd, "quit")) {
        s->quit = TRUE; /* the script ends well; the app's teardown closes the windows */
        return TRUE;
    }
    fprintf(stderr, "counter-script: unknown command %s\n", cmd);
    return FALSE;
}

static gboolean step(gpointer data)
{
    script *s = data;
    while (s->lines[s->next]) {
        char *line = s->lines[s->next];
        if (!s->parsed) {
            s->len = strlen(line);
            s->cmd = g_strstrip(line);
            s->arg = split(s->cmd);
            if (!s->arg)
                s->arg = s->cmd + strlen(s->cmd); /* "" */
            s->parsed = TRUE;
        }
        if (!*s->cmd || *s->cmd == '#') {
            memset(line, 0, s->len);
            s->parsed = FALSE;
            s->next++;
            continue;
        }
        gboolean again = FALSE;
        gboolean ok = run(s, s->cmd, s->arg, &again);
        if (!ok) {
            fprintf(stderr, "counter-script: line %u failed (%s)\n", s->next + 1, s->cmd);
            finish(s, 1);
            return G_SOURCE_REMOVE;
        }
        if (again)
            return G_SOURCE_CONTINUE;
        memset(line, 0, s->len); /* what it typed is gone from the runner */
        s->parsed = FALSE;
        s->next++;
        if (s->quit) {
            finish(s, 0);
            return G_SOURCE_REMOVE;
        }
        return G_SOURCE_CONTINUE; /* one command per step: let the UI settle */
    }
    finish(s, 0);
    return G_SOURCE_REMOVE;
}

gboolean counter_script_start(CounterWindow *win, const char *path, GMainLoop *loop,
                              int *status, GError **error)
{
    gchar *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, error))
        return FALSE;
    script *s = g_new0(script, 1);
    s->win = win;
    s->loop = loop;
    s->status = status;
    *status = 1;
    s->lines = g_strsplit(text, "\n", -1);
    memset(text, 0, strlen(text));
    g_free(text);
    g_timeout_add(STEP_MS, step, s);
    return TRUE;
}
