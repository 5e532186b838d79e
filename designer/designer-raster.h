/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * designer-raster.h — the preview's first page as pixels (poppler + cairo, GTK-free), at a
 * given number of pixels per millimetre, on white.
 */
#ifndef DESIGNER_RASTER_H
#define DESIGNER_RASTER_H

#include <cairo.h>
#include <stddef.h>
#include <stdint.h>

/* A new ARGB32 surface (the caller destroys it) or NULL when the PDF cannot be read. The
 * bytes are not copied and need only live for the call. */
cairo_surface_t *dz_raster_page(const uint8_t *pdf, size_t len, double px_per_mm);

#endif /* DESIGNER_RASTER_H */
