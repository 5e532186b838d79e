/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-secret-label.h — a text widget for a resident's data (name, address, answers).
 *
 * GtkLabel keeps copies of its text — its own, Pango's layout, the accessible name — in ordinary
 * heap and frees them without wiping. This widget keeps the text in locked memory
 * (myna_secure_alloc), builds a Pango layout only while measuring or drawing and wipes the
 * layout's copy before letting it go, and wipes its text when disposed. What it draws are glyphs.
 */
#ifndef KIOSK_SECRET_LABEL_H
#define KIOSK_SECRET_LABEL_H

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KIOSK_TYPE_SECRET_LABEL (kiosk_secret_label_get_type())
G_DECLARE_FINAL_TYPE(KioskSecretLabel, kiosk_secret_label, KIOSK, SECRET_LABEL, GtkWidget)

/* A left-aligned, word-wrapping text; text is copied into locked memory (NULL → empty). */
GtkWidget *kiosk_secret_label_new(const char *text);
/* The size of the text wrapped at width pixels (-1: unwrapped), as the widget draws it. The
 * widget asks for height-for-width: the height it reports is this height at the width it is
 * given, so wrapped text grows its row instead of being drawn over the next one. */
void kiosk_secret_label_text_size(KioskSecretLabel *self, int width, int *text_width,
                                  int *text_height);
/* Wipe the text now (also done when the widget goes). */
void kiosk_secret_label_wipe(KioskSecretLabel *self);

G_END_DECLS

#endif /* KIOSK_SECRET_LABEL_H */
