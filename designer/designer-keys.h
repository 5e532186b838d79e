/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-keys.h — every key of one section, as entries (DzKeys): the template's questions
 * (labels in each language, type, choices, limits) and the catalogue's procedure entry are
 * edited in forms with it; layout in ui/keys.ui. It shows the sections of one kind of a
 * form_source, one chosen at a time. Signals (typed; template text only):
 *   key-changed (guint64 section, gchararray key, gchararray value)   "" removes the key
 *   section-added (gchararray name)   a new [KIND name] was asked for
 */
#ifndef DESIGNER_KEYS_H
#define DESIGNER_KEYS_H

#include <gtk/gtk.h>

#include "form-source.h"

G_BEGIN_DECLS

#define DZ_TYPE_KEYS (dz_keys_get_type())
G_DECLARE_FINAL_TYPE(DzKeys, dz_keys, DZ, KEYS, GtkBox)

GtkWidget *dz_keys_new(void);
/* Show the sections of kind in src (NULL: nothing), with section `chosen` (or the first one
 * when it is not of that kind). src is borrowed until the next call. Emits nothing. */
void dz_keys_show(DzKeys *self, form_source *src, const char *kind, size_t chosen);
/* The section shown, or (size_t)-1. */
size_t dz_keys_section(DzKeys *self);

G_END_DECLS

#endif /* DESIGNER_KEYS_H */
