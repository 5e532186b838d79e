/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-canvas.h — the page (DzCanvas): the engine's preview with the template's objects
 * drawn over it; click selects, drag moves, the corner handle resizes, edges snap to the
 * page's rules (the other objects' edges) within 1 mm and to a 0.5 mm grid otherwise.
 * Signals (typed):
 *   object-selected (gint index)          a click chose object index (-1: none)
 *   geometry-changed (gint index, gdouble x, gdouble y, gdouble w, gdouble h)
 *                                         a drag ended with a new geometry (mm)
 */
#ifndef DESIGNER_CANVAS_H
#define DESIGNER_CANVAS_H

#include <gtk/gtk.h>

#include "designer-doc.h"

G_BEGIN_DECLS

#define DZ_TYPE_CANVAS (dz_canvas_get_type())
G_DECLARE_FINAL_TYPE(DzCanvas, dz_canvas, DZ, CANVAS, GtkWidget)

GtkWidget *dz_canvas_new(void);
/* The zoom, in pixels per millimetre (2..12). */
void dz_canvas_set_zoom(DzCanvas *self, double px_per_mm);
double dz_canvas_get_zoom(DzCanvas *self);
/* The page raster (a reference is taken; NULL: blank paper) and the paper size in mm. */
void dz_canvas_set_page(DzCanvas *self, cairo_surface_t *page, double w_mm, double h_mm);
/* The objects to draw (copied: geometry, shape and problem count). */
void dz_canvas_set_objects(DzCanvas *self, const dz_object *objs, size_t n);
/* Rules printed on the page's background (segments in mm, copied): edges snap to them too. */
void dz_canvas_set_guides(DzCanvas *self, const double (*segs)[4], size_t n);
void dz_canvas_select(DzCanvas *self, int index);
int dz_canvas_get_selected(DzCanvas *self);

/* The drag path the pointer gestures use, callable directly (the studio's script driver and
 * keyboard nudges): press at (x, y) mm, move by (dx, dy) mm, release. Emits the signals a
 * pointer drag would. */
void dz_canvas_drag(DzCanvas *self, double x_mm, double y_mm, double dx_mm, double dy_mm);

G_END_DECLS

#endif /* DESIGNER_CANVAS_H */
