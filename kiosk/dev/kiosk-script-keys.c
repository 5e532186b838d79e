/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-script-keys.c — XTest key presses for the --script runner. See kiosk-script-keys.h. */
#include "kiosk-script-keys.h"

#include <X11/Xlib.h>
#include <X11/extensions/XTest.h>
#include <gdk/x11/gdkx.h>

gboolean kiosk_script_keys(GtkWidget *win, const char *const *names, GError **error)
{
    GdkDisplay *gd = gtk_widget_get_display(win);
    GdkSurface *surface = gtk_native_get_surface(GTK_NATIVE(win));
    if (!GDK_IS_X11_DISPLAY(gd) || !surface) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "key: needs an X11 display");
        return FALSE;
    }
    Display *dpy = gdk_x11_display_get_xdisplay(gd);
    int ev, err, major, minor;
    if (!XTestQueryExtension(dpy, &ev, &err, &major, &minor)) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "key: no XTest extension");
        return FALSE;
    }
    XSetInputFocus(dpy, gdk_x11_surface_get_xid(surface), RevertToParent, CurrentTime);
    for (size_t i = 0; names[i]; i++) {
        if (!*names[i])
            continue;
        KeySym sym = XStringToKeysym(names[i]);
        KeyCode code = sym != NoSymbol ? XKeysymToKeycode(dpy, sym) : 0;
        if (!code) {
            g_set_error(error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "key: unknown key %s",
                        names[i]);
            return FALSE;
        }
        XTestFakeKeyEvent(dpy, code, True, CurrentTime);
        XTestFakeKeyEvent(dpy, code, False, CurrentTime);
    }
    XFlush(dpy);
    return TRUE;
}
