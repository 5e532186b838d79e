/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-script.c — the studio driven by script. See designer-script.h. */
#include "designer-script.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct script {
    DzWindow *win;
    char **lines;
    guint n, next;
    guint shot_retries;
} script;

static void finish(script *s, int status)
{
    GtkApplication *app = gtk_window_get_application(GTK_WINDOW(s->win));
    g_strfreev(s->lines);
    g_free(s);
    if (status != 0) {
        fflush(stdout);
        exit(status);
    }
    if (app != NULL)
        g_application_quit(G_APPLICATION(app));
}

static gboolean near(double a, double b)
{
    return fabs(a - b) < 0.005;
}

static gboolean selected(script *s, dz_object *o)
{
    int sel = dz_canvas_get_selected(dz_window_canvas(s->win));
    return sel >= 0 && dz_doc_object(dz_window_doc(s->win), (size_t)sel, o);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Nudge the selection right and back n times; print the preview's percentiles. */
static gboolean bench(script *s, int n, char **why)
{
    dz_object o;
    if (n <= 0 || n > 10000 || !selected(s, &o)) {
        *why = g_strdup("bench needs a selected object and 1..10000");
        return FALSE;
    }
    double *ms = g_new(double, (gsize)n);
    DzCanvas *c = dz_window_canvas(s->win);
    for (int i = 0; i < n; i++) {
        double dx = i % 2 == 0 ? 1 : -1;
        selected(s, &o);
        dz_canvas_drag(c, o.x + o.w / 2, o.y + o.h / 2, dx, 0);
        ms[i] = dz_window_last_preview_ms(s->win);
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    printf("preview per edit: n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms\n", n, ms[n / 2],
           ms[(int)((n - 1) * 0.95)], ms[n - 1]);
    g_free(ms);
    return TRUE;
}

static gboolean run(script *s, char **a, int argc, char **why)
{
    const char *cmd = a[0];
    DzCanvas *c = dz_window_canvas(s->win);
    dz_doc *doc = dz_window_doc(s->win);
    GError *err = NULL;
    dz_object o;
    if (strcmp(cmd, "open") == 0 && argc == 2) {
        if (!dz_window_open(s->win, a[1], &err))
            goto gerr;
    } else if (strcmp(cmd, "select") == 0 && (argc == 2 || argc == 3)) {
        if (!dz_window_select(s->win, a[1], argc == 3 ? a[2] : NULL)) {
            *why = g_strdup_printf("no object [%s %s]", a[1], argc == 3 ? a[2] : "");
            return FALSE;
        }
    } else if ((strcmp(cmd, "drag") == 0 || strcmp(cmd, "resize") == 0) && argc == 3) {
        if (!selected(s, &o)) {
            *why = g_strdup("nothing selected");
            return FALSE;
        }
        double dx = g_ascii_strtod(a[1], NULL), dy = g_ascii_strtod(a[2], NULL);
        if (strcmp(cmd, "resize") == 0)
            dz_canvas_drag(c, o.x + o.w, o.y + o.h, dx, dy);
        else if (o.shape == DZ_SHAPE_LINE)
            dz_canvas_drag(c, o.x + o.w / 2, o.y + o.h / 2, dx, dy);
        else
            dz_canvas_drag(c, o.x + o.w / 2, o.y + o.h / 2, dx, dy);
    } else if (strcmp(cmd, "set") == 0 && argc >= 2) {
        g_autofree char *value = argc > 2 ? g_strjoinv(" ", a + 2) : g_strdup("");
        g_signal_emit_by_name(dz_window_props(s->win), "property-changed", a[1], value);
    } else if (strcmp(cmd, "pick") == 0 && argc == 2) {
        dz_props_pick(dz_window_props(s->win), a[1]);
    } else if (strcmp(cmd, "resident") == 0 && argc == 2) {
        dz_window_set_resident(s->win, (guint)strtoul(a[1], NULL, 10));
    } else if (strcmp(cmd, "undo") == 0) {
        gtk_widget_activate_action(GTK_WIDGET(s->win), "win.undo", NULL);
    } else if (strcmp(cmd, "redo") == 0) {
        gtk_widget_activate_action(GTK_WIDGET(s->win), "win.redo", NULL);
    } else if (strcmp(cmd, "save") == 0 && argc <= 2) {
        if (!dz_window_save(s->win, argc == 2 ? a[1] : NULL, &err))
            goto gerr;
    } else if (strcmp(cmd, "sign") == 0 && argc == 2) {
        if (!dz_window_sign(s->win, a[1], &err))
            goto gerr;
    } else if (strcmp(cmd, "expect-value") == 0 && argc >= 2) {
        g_autofree char *want = argc > 2 ? g_strjoinv(" ", a + 2) : g_strdup("");
        const char *got = selected(s, &o) ? form_source_get(dz_doc_source(doc), o.section, a[1])
                                          : NULL;
        if (g_strcmp0(got != NULL ? got : "", want) != 0) {
            *why = g_strdup_printf("%s is \"%s\", expected \"%s\"", a[1], got ? got : "", want);
            return FALSE;
        }
    } else if (strcmp(cmd, "expect-geometry") == 0 && argc == 5) {
        double x = g_ascii_strtod(a[1], NULL), y = g_ascii_strtod(a[2], NULL);
        double w = g_ascii_strtod(a[3], NULL), h = g_ascii_strtod(a[4], NULL);
        if (!selected(s, &o) || !near(o.x, x) || !near(o.y, y) || !near(o.w, w) ||
            !near(o.h, h)) {
            *why = g_strdup_printf("geometry is %g %g %g %g", o.x, o.y, o.w, o.h);
            return FALSE;
        }
    } else if ((strcmp(cmd, "expect-problems") == 0 ||
                strcmp(cmd, "expect-problems-at-least") == 0) && argc == 2) {
        size_t want = (size_t)strtoul(a[1], NULL, 10), got = dz_doc_problem_count(doc);
        gboolean exact = strcmp(cmd, "expect-problems") == 0;
        if (exact ? got != want : got < want) {
            *why = g_strdup_printf("%zu problem(s)%s%s", got, got > 0 ? ", first: " : "",
                                   got > 0 ? dz_doc_problem(doc, 0, NULL, NULL, NULL) : "");
            return FALSE;
        }
    } else if (strcmp(cmd, "screenshot") == 0 && argc == 2) {
        if (!dz_window_screenshot(s->win, a[1], &err)) {
            if (s->shot_retries++ < 20) { /* no frame yet: try again on the next tick */
                g_clear_error(&err);
                s->next--;
                return TRUE;
            }
            goto gerr;
        }
        s->shot_retries = 0;
    } else if (strcmp(cmd, "bench") == 0 && argc == 2) {
        return bench(s, (int)strtol(a[1], NULL, 10), why);
    } else if (strcmp(cmd, "quit") == 0) {
        return TRUE;
    } else {
        *why = g_strdup_printf("unknown command or wrong arguments: %s", cmd);
        return FALSE;
    }
    return TRUE;
gerr:
    *why = g_strdup(err->message);
    g_error_free(err);
    return FALSE;
}

static gboolean step(gpointer data)
{
    script *s = data;
    while (s->next < s->n) {
        guint lineno = s->next + 1;
        g_autofree char *line = g_strstrip(g_strdup(s->lines[s->next++]));
        if (line[0] == '\0' || line[0] == '#')
            continue;
        g_auto(GStrv) a = g_strsplit_set(line, " ", -1);
        int argc = 0;
        for (int k = 0; a[k] != NULL; k++)
            if (a[k][0] != '\0')
                a[argc++] = a[k];
            else
                g_free(a[k]);
        a[argc] = NULL;
        if (strcmp(a[0], "quit") == 0) {
            printf("script: done\n");
            finish(s, 0);
            return G_SOURCE_REMOVE;
        }
        char *why = NULL;
        if (!run(s, a, argc, &why)) {
            printf("FAIL: line %u: %s: %s\n", lineno, line, why ? why : "failed");
            g_free(why);
            finish(s, 1);
            return G_SOURCE_REMOVE;
        }
        printf("ok: %s\n", line);
        fflush(stdout);
        return G_SOURCE_CONTINUE; /* one command per tick: frames get drawn between */
    }
    printf("script: done\n");
    finish(s, 0);
    return G_SOURCE_REMOVE;
}

void dz_script_start(DzWindow *win, const char *path)
{
    g_autofree char *text = NULL;
    GError *err = NULL;
    if (!g_file_get_contents(path, &text, NULL, &err)) {
        printf("FAIL: script %s: %s\n", path, err->message);
        g_error_free(err);
        exit(1);
    }
    script *s = g_new0(script, 1);
    s->win = win;
    s->lines = g_strsplit(text, "\n", -1);
    s->n = g_strv_length(s->lines);
    g_timeout_add(100, step, s);
}
