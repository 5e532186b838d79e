/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-app.c — the studio as a GtkApplication. See designer-app.h. */
#include "designer-app.h"

#include <gio/gio.h>

/* The generated resource bundle (designer-resources.c). */
GResource *designer_get_resource(void);

typedef struct app_ctx {
    dz_window_hook hook;
    void *user;
} app_ctx;

static void on_map(GtkWidget *w, app_ctx *ctx)
{
    if (ctx->hook != NULL)
        ctx->hook(DZ_WINDOW(w), ctx->user);
}

static DzWindow *new_window(GtkApplication *app, app_ctx *ctx)
{
    DzWindow *win = dz_window_new(app);
    g_signal_connect(win, "map", G_CALLBACK(on_map), ctx);
    return win;
}

static void on_activate(GtkApplication *app, app_ctx *ctx)
{
    gtk_window_present(GTK_WINDOW(new_window(app, ctx)));
}

static void on_open(GtkApplication *app, GFile **files, int n, const char *hint, app_ctx *ctx)
{
    (void)hint;
    DzWindow *win = new_window(app, ctx);
    g_autofree char *path = n > 0 ? g_file_get_path(files[0]) : NULL;
    GError *err = NULL;
    if (path != NULL && !dz_window_open(win, path, &err)) {
        g_printerr("kakanai-designer: %s\n", err->message);
        g_error_free(err);
    }
    gtk_window_present(GTK_WINDOW(win));
}

int dz_app_run(int argc, char **argv, dz_window_hook hook, void *user)
{
    g_resources_register(designer_get_resource());
    app_ctx ctx = {hook, user};
    GtkApplication *app = gtk_application_new("jp.kakanai.Designer",
                                              G_APPLICATION_HANDLES_OPEN |
                                                  G_APPLICATION_NON_UNIQUE);
    g_signal_connect(app, "activate", G_CALLBACK(on_activate), &ctx);
    g_signal_connect(app, "open", G_CALLBACK(on_open), &ctx);
    int status = g_application_run(G_APPLICATION(app), argc, argv);
    g_object_unref(app);
    return status;
}
