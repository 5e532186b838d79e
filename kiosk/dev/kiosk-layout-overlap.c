/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-layout-overlap.c — widgets drawn over each other, text drawn outside its allocation
 * (see kiosk-layout-rules.h). */
#include "kiosk-layout-rules.h"

#include "kiosk-secret-label.h"

/* A little slack for rounding: GTK allocates whole pixels, Pango measures in 1/1024. */
#define SLACK 1.0

void kiosk_layout_describe(GtkWidget *w, GString *out)
{
    g_string_append(out, G_OBJECT_TYPE_NAME(w));
    char **classes = gtk_widget_get_css_classes(w);
    for (char **c = classes; c && *c; c++)
        g_string_append_printf(out, ".%s", *c);
    g_strfreev(classes);
    for (GtkWidget *p = gtk_widget_get_parent(w); p; p = gtk_widget_get_parent(p)) {
        const char *id = gtk_buildable_get_buildable_id(GTK_BUILDABLE(p));
        if (g_str_has_prefix(G_OBJECT_TYPE_NAME(p), "Kiosk") || id) {
            g_string_append_printf(out, " in %s%s%s", G_OBJECT_TYPE_NAME(p), id ? "#" : "",
                                   id ? id : "");
            break;
        }
    }
}

/* Children drawn where they are on purpose: an overlay's, a stack's (one is shown), a
 * scrolled window's (an overlay scrollbar floats over the content). */
static gboolean stacks_children(GtkWidget *w)
{
    return GTK_IS_OVERLAY(w) || GTK_IS_STACK(w) || GTK_IS_SCROLLED_WINDOW(w);
}

/* A spinner spins inside its own box; GTK reports its bounds as they turn. */
static gboolean drawn_in_place(GtkWidget *w)
{
    return GTK_IS_SPINNER(w);
}

/* Laid out: a widget just built or shown has no allocation until the next frame. */
static gboolean allocated(GtkWidget *w)
{
    return gtk_widget_get_mapped(w) && gtk_widget_get_width(w) > 0 &&
           gtk_widget_get_height(w) > 0;
}

guint kiosk_layout_overlaps(GtkWidget *w, GString *report)
{
    if (stacks_children(w) || !allocated(w))
        return 0;
    guint bad = 0;
    for (GtkWidget *a = gtk_widget_get_first_child(w); a; a = gtk_widget_get_next_sibling(a)) {
        graphene_rect_t ra;
        if (!allocated(a) || GTK_IS_NATIVE(a) || drawn_in_place(a) ||
            !gtk_widget_compute_bounds(a, w, &ra) ||
            ra.size.width < 1 || ra.size.height < 1)
            continue;
        for (GtkWidget *b = gtk_widget_get_next_sibling(a); b; b = gtk_widget_get_next_sibling(b)) {
            graphene_rect_t rb, both;
            if (!allocated(b) || GTK_IS_NATIVE(b) || drawn_in_place(b) ||
                !gtk_widget_compute_bounds(b, w, &rb) || rb.size.width < 1 || rb.size.height < 1)
                continue;
            if (!graphene_rect_intersection(&ra, &rb, &both) || both.size.width <= SLACK ||
                both.size.height <= SLACK)
                continue;
            g_string_append(report, "overlap ");
            kiosk_layout_describe(a, report);
            g_string_append_printf(report, " at %.0f,%.0f %.0f×%.0f and ", ra.origin.x,
                                   ra.origin.y, ra.size.width, ra.size.height);
            kiosk_layout_describe(b, report);
            g_string_append_printf(report, " at %.0f,%.0f %.0f×%.0f: %.0f×%.0f px drawn twice\n",
                                   rb.origin.x, rb.origin.y, rb.size.width, rb.size.height,
                                   both.size.width, both.size.height);
            bad++;
        }
    }
    return bad;
}

static guint outside(GtkWidget *w, double x, double y, double tw, double th, GString *report)
{
    double width = gtk_widget_get_width(w), height = gtk_widget_get_height(w);
    if (x >= -SLACK && y >= -SLACK && x + tw <= width + SLACK && y + th <= height + SLACK)
        return 0;
    g_string_append(report, "text outside its allocation ");
    kiosk_layout_describe(w, report);
    g_string_append_printf(report, ": text %.0f×%.0f at %.0f,%.0f in %.0f×%.0f\n", tw, th, x, y,
                           width, height);
    return 1;
}

guint kiosk_layout_text_outside(GtkWidget *w, GString *report)
{
    if (!allocated(w))
        return 0;
    if (GTK_IS_LABEL(w) && *gtk_label_get_text(GTK_LABEL(w))) {
        PangoLayout *l = gtk_label_get_layout(GTK_LABEL(w));
        int x = 0, y = 0;
        gtk_label_get_layout_offsets(GTK_LABEL(w), &x, &y);
        PangoRectangle logical;
        pango_layout_get_pixel_extents(l, NULL, &logical);
        return outside(w, x + logical.x, y + logical.y, logical.width, logical.height, report);
    }
    if (KIOSK_IS_SECRET_LABEL(w)) {
        int tw = 0, th = 0;
        kiosk_secret_label_text_size(KIOSK_SECRET_LABEL(w), gtk_widget_get_width(w), &tw, &th);
        return outside(w, 0, 0, tw, th, report);
    }
    return 0;
}
