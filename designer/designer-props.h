/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-props.h — the property panel (DzProps) of the selected object; layout in
 * ui/props.ui. The value of a field is typed or picked from the card values, questions and
 * filters the template language knows. Signals (typed; template text only, never a
 * resident's data):
 *   property-changed (gchararray key, gchararray value)   "" removes the key
 *   geometry-entered (gdouble x, gdouble y, gdouble w, gdouble h)
 */
#ifndef DESIGNER_PROPS_H
#define DESIGNER_PROPS_H

#include <gtk/gtk.h>

#include "designer-doc.h"

G_BEGIN_DECLS

#define DZ_TYPE_PROPS (dz_props_get_type())
G_DECLARE_FINAL_TYPE(DzProps, dz_props, DZ, PROPS, GtkBox)

GtkWidget *dz_props_new(void);
/* Show object o of doc (NULL: nothing selected). Emits nothing. */
void dz_props_show(DzProps *self, dz_doc *doc, const dz_object *o);
/* The expressions offered by the picker for doc's questions (also for the script driver). */
void dz_props_pick(DzProps *self, const char *expression);

G_END_DECLS

#endif /* DESIGNER_PROPS_H */
