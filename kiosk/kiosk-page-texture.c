/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-page-texture.c — a filled page as a texture. See kiosk-page-texture.h. */
#include "kiosk-page-texture.h"

#include <string.h>

/* The texture's copy of the pixels, wiped when the last reference goes. */
typedef struct pixels {
    gsize n;
    guchar data[];
} pixels;

static void pixels_wipe_free(gpointer data)
{
    pixels *px = data;
    explicit_bzero(px->data, px->n);
    g_free(px);
}

GdkTexture *kiosk_page_texture(PopplerPage *page, int height_px)
{
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    double scale = (double)height_px / (ph > 0 ? ph : 842);
    int w = (int)(pw * scale), h = (int)(ph * scale);
    if (w <= 0 || h <= 0 || w > 8192 || h > 8192)
        return NULL;
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        return NULL;
    }
    cairo_t *cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render_for_printing(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(surf);
    int stride = cairo_image_surface_get_stride(surf);
    guchar *data = cairo_image_surface_get_data(surf);
    gsize n = (gsize)stride * (gsize)h;
    pixels *px = g_malloc(sizeof *px + n);
    px->n = n;
    memcpy(px->data, data, n);
    explicit_bzero(data, n);
    cairo_surface_destroy(surf);
    g_autoptr(GBytes) bytes = g_bytes_new_with_free_func(px->data, n, pixels_wipe_free, px);
    return gdk_memory_texture_new(w, h, GDK_MEMORY_DEFAULT, bytes, (gsize)stride);
}
