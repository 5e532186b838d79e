/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-layout-contrast.c — text contrast measured on the rendered window's pixels (see
 * kiosk-layout-rules.h). */
#include "kiosk-layout-rules.h"

#include <math.h>
#include <string.h>

#include "kiosk-secret-label.h"

static double channel(guint32 c)
{
    double v = (double)c / 255.0;
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(guint32 rgb)
{
    return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) +
           0.0722 * channel(rgb & 0xff);
}

double kiosk_contrast_ratio(guint32 a, guint32 b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

GdkTexture *kiosk_layout_render(GtkWidget *window)
{
    int width = gtk_widget_get_width(window), height = gtk_widget_get_height(window);
    GtkNative *native = gtk_widget_get_native(window);
    GskRenderer *r = native ? gtk_native_get_renderer(native) : NULL;
    if (r == NULL || width <= 0 || height <= 0)
        return NULL;
    GdkPaintable *paintable = gtk_widget_paintable_new(window);
    GtkSnapshot *snap = gtk_snapshot_new();
    gdk_paintable_snapshot(paintable, snap, width, height);
    GskRenderNode *node = gtk_snapshot_free_to_node(snap);
    GdkTexture *tex = NULL;
    if (node != NULL) {
        tex = gsk_renderer_render_texture(r, node, &GRAPHENE_RECT_INIT(0, 0, width, height));
        gsk_render_node_unref(node);
    }
    g_object_unref(paintable);
    return tex;
}

typedef struct pixels {
    guchar *data; /* cairo ARGB32 as gdk_texture_download gives it: B G R A bytes on little
                     endian machines (the window is opaque, so premultiplying changes nothing) */
    int width, height;
    gsize stride;
} pixels;

typedef struct count {
    guint32 rgb;
    guint n;
} count;

/* Background and text colour of one rectangle, as described in the header; FALSE when the
 * rectangle shows a single colour (nothing drawn: no measure). */
static gboolean measure(const pixels *px, int x0, int y0, int w, int h, guint32 *bg, guint32 *fg)
{
    GHashTable *hist = g_hash_table_new(NULL, NULL);
    guint total = 0;
    for (int y = MAX(y0, 0); y < MIN(y0 + h, px->height); y++)
        for (int x = MAX(x0, 0); x < MIN(x0 + w, px->width); x++) {
            const guchar *p = px->data + (gsize)y * px->stride + (gsize)x * 4;
            guint32 argb = (guint32)p[0] | ((guint32)p[1] << 8) | ((guint32)p[2] << 16) |
                           ((guint32)p[3] << 24);
            if (G_BYTE_ORDER == G_BIG_ENDIAN)
                argb = GUINT32_SWAP_LE_BE(argb);
            guint32 rgb = argb & 0xffffff;
            gpointer k = GUINT_TO_POINTER(rgb + 1); /* 0 is no key */
            guint n = GPOINTER_TO_UINT(g_hash_table_lookup(hist, k));
            g_hash_table_insert(hist, k, GUINT_TO_POINTER(n + 1));
            total++;
        }
    GHashTableIter it;
    gpointer k, v;
    guint best = 0;
    g_hash_table_iter_init(&it, hist);
    while (g_hash_table_iter_next(&it, &k, &v))
        if (GPOINTER_TO_UINT(v) > best)
            best = GPOINTER_TO_UINT(v), *bg = GPOINTER_TO_UINT(k) - 1;
    double most = 1.0;
    gboolean found = FALSE;
    guint floor_n = MAX(3u, total / 100);
    g_hash_table_iter_init(&it, hist);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        guint32 rgb = GPOINTER_TO_UINT(k) - 1;
        double r = kiosk_contrast_ratio(rgb, *bg);
        if (GPOINTER_TO_UINT(v) >= floor_n && rgb != *bg && r > most)
            most = r, *fg = rgb, found = TRUE;
    }
    g_hash_table_unref(hist);
    return found;
}

static guint walk(GtkWidget *w, GtkWidget *window, const pixels *px, double min_ratio,
                  guint *measured, GString *report)
{
    if (!gtk_widget_get_mapped(w))
        return 0;
    guint bad = 0;
    gboolean text = (GTK_IS_LABEL(w) && *gtk_label_get_text(GTK_LABEL(w))) ||
                    KIOSK_IS_SECRET_LABEL(w);
    graphene_rect_t r;
    guint32 bg = 0, fg = 0;
    if (text && gtk_widget_compute_bounds(w, window, &r) &&
        measure(px, (int)r.origin.x, (int)r.origin.y, (int)r.size.width, (int)r.size.height, &bg,
                &fg)) {
        (*measured)++;
        double ratio = kiosk_contrast_ratio(fg, bg);
        if (ratio < min_ratio) {
            g_string_append(report, "contrast ");
            kiosk_layout_describe(w, report);
            g_string_append_printf(report, ": #%06x on #%06x is %.2f:1, needs %.0f:1\n", fg, bg,
                                   ratio, min_ratio);
            bad++;
        }
    }
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c))
        bad += walk(c, window, px, min_ratio, measured, report);
    return bad;
}

guint kiosk_layout_contrast(GtkWidget *root, GdkTexture *shot, double min_ratio, guint *measured,
                            GString *report)
{
    guint n = 0;
    if (measured)
        *measured = 0;
    if (root == NULL || shot == NULL)
        return 0;
    GtkWidget *window = GTK_WIDGET(gtk_widget_get_root(root));
    pixels px = {.width = gdk_texture_get_width(shot), .height = gdk_texture_get_height(shot)};
    px.stride = (gsize)px.width * 4;
    px.data = g_malloc((gsize)px.height * px.stride);
    gdk_texture_download(shot, px.data, px.stride);
    guint bad = walk(root, window, &px, min_ratio, &n, report);
    /* the pixels may show a resident's name: wipe them */
    explicit_bzero(px.data, (gsize)px.height * px.stride);
    g_free(px.data);
    if (measured)
        *measured = n;
    return bad;
}
