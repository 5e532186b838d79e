/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-window.h — the studio's window (DzWindow): the page (DzCanvas), the property panel
 * (DzProps), the problem list and the sample-resident picker; layout in ui/window.ui. Every
 * edit goes to the document (designer-doc.h) and the preview is rendered again by the real
 * engine. Actions: win.open, win.save, win.sign, win.undo, win.redo.
 */
#ifndef DESIGNER_WINDOW_H
#define DESIGNER_WINDOW_H

#include <gtk/gtk.h>

#include "designer-canvas.h"
#include "designer-doc.h"
#include "designer-props.h"

G_BEGIN_DECLS

#define DZ_TYPE_WINDOW (dz_window_get_type())
G_DECLARE_FINAL_TYPE(DzWindow, dz_window, DZ, WINDOW, GtkApplicationWindow)

DzWindow *dz_window_new(GtkApplication *app);
gboolean dz_window_open(DzWindow *self, const char *path, GError **error);
gboolean dz_window_save(DzWindow *self, const char *path, GError **error);
gboolean dz_window_sign(DzWindow *self, const char *privkey_pem, GError **error);
/* Select the first object of that kind and name (name NULL: the first of the kind). */
gboolean dz_window_select(DzWindow *self, const char *kind, const char *name);
void dz_window_set_resident(DzWindow *self, guint index);
DzCanvas *dz_window_canvas(DzWindow *self);
DzProps *dz_window_props(DzWindow *self);
dz_doc *dz_window_doc(DzWindow *self);
/* The time the last preview took (check + render + raster), in milliseconds. */
double dz_window_last_preview_ms(DzWindow *self);
gboolean dz_window_screenshot(DzWindow *self, const char *png, GError **error);

G_END_DECLS

#endif /* DESIGNER_WINDOW_H */
