/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-layout-rules.h — the layout check's rules on geometry and on pixels (test machinery,
 * kiosk/dev only; kiosk_layout_check runs the first two on every widget it visits).
 *
 * Overlap: two mapped siblings whose allocations intersect (more than 1 px both ways) are
 * drawn over each other — unless their parent is a GtkOverlay, a GtkStack or a
 * GtkScrolledWindow (its overlay scrollbar), which stack children on purpose.
 * Text outside its allocation: a label's Pango layout (its logical extents, at the width it
 * was given, where GTK places it) must lie inside the label's allocation; a KioskSecretLabel
 * is measured the same way at its real width. A widget that reports a shorter height than
 * its wrapped text draws over the next row, and this rule sees it.
 * Contrast: on a rendering of the window, the pixels inside each label's allocation must
 * show its text at WCAG contrast >= min_ratio against their background (the most frequent
 * colour there; the text colour is the one of the most contrast among the colours that cover
 * at least 1 % of the pixels, so antialiasing does not count).
 *
 * Each violation appends one line to report (widget type, CSS classes, sizes — never a
 * resident's text) and counts one.
 */
#ifndef KIOSK_LAYOUT_RULES_H
#define KIOSK_LAYOUT_RULES_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_CONTRAST_MIN 7.0

/* The overlap rule on w's children (w itself is one of them when its parent checks it). */
guint kiosk_layout_overlaps(GtkWidget *w, GString *report);
/* The text-outside-its-allocation rule on w, when it is a GtkLabel or KioskSecretLabel. */
guint kiosk_layout_text_outside(GtkWidget *w, GString *report);

/* Render window to a texture (NULL when GTK has no frame for it yet: try again later). */
GdkTexture *kiosk_layout_render(GtkWidget *window);
/* The contrast rule on every mapped label under root, measured on shot (a rendering of
 * root's window at its size). *measured (may be NULL) gets the number of labels measured. */
guint kiosk_layout_contrast(GtkWidget *root, GdkTexture *shot, double min_ratio, guint *measured,
                            GString *report);
/* WCAG 2 contrast ratio of two sRGB colours given as 0xRRGGBB (1 … 21). */
double kiosk_contrast_ratio(guint32 a, guint32 b);

/* Describe w for a report line: type, CSS classes, the nearest Kiosk screen or id. */
void kiosk_layout_describe(GtkWidget *w, GString *out);

G_END_DECLS

#endif /* KIOSK_LAYOUT_RULES_H */
