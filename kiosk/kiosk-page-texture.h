/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * kiosk-page-texture.h — one page of a filled form as a texture for a preview (the kiosk's
 * confirmation, the counter's resident and staff previews). The pixels show a resident's
 * data: cairo's surface is wiped before it goes, and the texture's own copy is wiped when
 * the texture is finalized.
 */
#ifndef KIOSK_PAGE_TEXTURE_H
#define KIOSK_PAGE_TEXTURE_H

#include <gtk/gtk.h>
#include <poppler.h>

/* The page rendered height_px high on white, or NULL when it cannot be drawn. */
GdkTexture *kiosk_page_texture(PopplerPage *page, int height_px);

#endif /* KIOSK_PAGE_TEXTURE_H */
