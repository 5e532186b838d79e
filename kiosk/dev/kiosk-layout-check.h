/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-layout-check.h — measure what is on screen against the kiosk's visual rules.
 *
 * Used by the --script driver and the widget tests, on the widgets as GTK laid them out:
 * every touch target a resident or staff member can press (buttons, toggle and check buttons,
 * switches, drop-downs) must be at least min_target_px on its shorter side, and every text
 * (GtkLabel, KioskSecretLabel) at least min_text_px high in font size, markup included.
 * No text or target may be cut off by an ancestor, no two widgets may be drawn over each other,
 * no text may be drawn outside its own allocation (kiosk-layout-rules.h: a label that reports
 * less height than its wrapped text needs), and a scrolled window that hides part of
 * its content must show a scrollbar. A window must stay within the panel size it was given
 * as its size request. Hidden widgets (not mapped) are skipped.
 *
 * The physical rule is 15 mm; px per mm depends on the panel (see kiosk/README.md):
 * KIOSK_TARGET_MM × the layout's px/mm gives min_target_px.
 */
#ifndef KIOSK_LAYOUT_CHECK_H
#define KIOSK_LAYOUT_CHECK_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TARGET_MM 15.0
#define KIOSK_TEXT_MIN_PX 24.0
/* Panels assumed for the two layouts: 1920×1080 on 21.5" and 1280×800 on 12.1". */
#define KIOSK_PX_PER_MM_LARGE 4.1
#define KIOSK_PX_PER_MM_SMALL 4.9

/* Check every mapped widget under root (root included). Each violation is one line appended
 * to report (widget type, its CSS classes, its size; never its text, which may be a
 * resident's). Returns the number of violations. */
guint kiosk_layout_check(GtkWidget *root, double min_target_px, double min_text_px,
                         GString *report);

/* The rule for the window's current layout: min_target_px for 15 mm on the assumed panel. */
double kiosk_layout_min_target_px(GtkWidget *window);

G_END_DECLS

#endif /* KIOSK_LAYOUT_CHECK_H */
