/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-raster.c — the preview page as pixels. See designer-raster.h. */
#include "designer-raster.h"

#include <poppler.h>

#define PT_PER_MM (72.0 / 25.4)

cairo_surface_t *dz_raster_page(const uint8_t *pdf, size_t len, double px_per_mm)
{
    if (pdf == NULL || len == 0 || !(px_per_mm > 0 && px_per_mm <= 24))
        return NULL;
    GBytes *bytes = g_bytes_new_static(pdf, len);
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, NULL);
    g_bytes_unref(bytes);
    if (doc == NULL)
        return NULL;
    cairo_surface_t *surf = NULL;
    PopplerPage *page = poppler_document_get_n_pages(doc) > 0 ? poppler_document_get_page(doc, 0)
                                                               : NULL;
    if (page != NULL) {
        double w_pt = 0, h_pt = 0;
        poppler_page_get_size(page, &w_pt, &h_pt);
        double scale = px_per_mm / PT_PER_MM;
        int w = (int)(w_pt * scale + 0.5), h = (int)(h_pt * scale + 0.5);
        if (w > 0 && h > 0 && w <= 8192 && h <= 8192) {
            surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
            cairo_t *cr = cairo_create(surf);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_paint(cr);
            cairo_scale(cr, scale, scale);
            poppler_page_render(page, cr);
            cairo_destroy(cr);
            if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
                cairo_surface_destroy(surf);
                surf = NULL;
            }
        }
        g_object_unref(page);
    }
    g_object_unref(doc);
    return surf;
}
