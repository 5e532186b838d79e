/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-app.h — the studio as a GtkApplication: one window, the template named on the
 * command line opened in it. dz_app_run() is shared by kakanai-designer and the non-installed
 * kakanai-designer-dev, which passes a hook to drive the window by script.
 */
#ifndef DESIGNER_APP_H
#define DESIGNER_APP_H

#include "designer-window.h"

typedef void (*dz_window_hook)(DzWindow *win, void *user);

/* Run the application; hook (may be NULL) is called once the window is shown. */
int dz_app_run(int argc, char **argv, dz_window_hook hook, void *user);

#endif /* DESIGNER_APP_H */
