/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kakanai-designer-dev — the studio with a script driver, for tests and the preview
 * benchmark; never installed: kakanai-designer-dev --script FILE [TEMPLATE.form]
 */
#include <stdio.h>
#include <string.h>

#include "designer-app.h"
#include "designer-script.h"

static void start_script(DzWindow *win, void *user)
{
    static gboolean started;
    if (!started) {
        started = TRUE;
        dz_script_start(win, user);
    }
}

int main(int argc, char **argv)
{
    const char *script = NULL;
    int out = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--script") == 0 && i + 1 < argc)
            script = argv[++i];
        else
            argv[out++] = argv[i];
    }
    argv[out] = NULL;
    if (script == NULL) {
        fprintf(stderr, "usage: kakanai-designer-dev --script FILE [TEMPLATE.form]\n");
        return 2;
    }
    return dz_app_run(out, argv, start_script, (void *)script);
}
