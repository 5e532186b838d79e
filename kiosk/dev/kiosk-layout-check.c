/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-layout-check.c — touch target and text size rules on the laid-out widgets. See the .h. */
#include "kiosk-layout-check.h"
#include "kiosk-layout-rules.h"

#include "kiosk-secret-label.h"

#include <pango/pangocairo.h>

static gboolean is_target(GtkWidget *w)
{
    return GTK_IS_BUTTON(w) || GTK_IS_CHECK_BUTTON(w) || GTK_IS_SWITCH(w) || GTK_IS_DROP_DOWN(w) ||
           GTK_IS_SPIN_BUTTON(w) || GTK_IS_MENU_BUTTON(w);
}

static void describe(GtkWidget *w, GString *out)
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

/* Font size in px of the widget's own font (its CSS), the scale of a point size by the
 * context's resolution (GTK: 96 dpi unless told). */
static double context_px(GtkWidget *w)
{
    PangoContext *pc = gtk_widget_get_pango_context(w);
    const PangoFontDescription *fd = pango_context_get_font_description(pc);
    if (!fd)
        return 0;
    double size = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
    if (pango_font_description_get_size_is_absolute(fd))
        return size;
    double dpi = pango_cairo_context_get_resolution(pc);
    return size * (dpi > 0 ? dpi : 96.0) / 72.0;
}

/* The smallest size markup or attributes give part of a label's text (0 = none given). */
static double markup_min_px(GtkLabel *label, double base_px, double dpi)
{
    PangoLayout *layout = gtk_label_get_layout(label);
    PangoAttrList *attrs = layout ? pango_layout_get_attributes(layout) : NULL;
    if (!attrs)
        return 0;
    double min = 0;
    GSList *list = pango_attr_list_get_attributes(attrs);
    for (GSList *l = list; l; l = l->next) {
        const PangoAttribute *a = l->data;
        double px = 0;
        if (a->klass->type == PANGO_ATTR_SIZE) {
            const PangoAttrSize *s = (const PangoAttrSize *)a;
            px = s->absolute ? (double)s->size / PANGO_SCALE
                             : (double)s->size / PANGO_SCALE * dpi / 72.0;
        } else if (a->klass->type == PANGO_ATTR_ABSOLUTE_SIZE) {
            px = (double)((const PangoAttrSize *)a)->size / PANGO_SCALE;
        } else if (a->klass->type == PANGO_ATTR_SCALE) {
            px = base_px * ((const PangoAttrFloat *)a)->value;
        }
        if (px > 0 && (min == 0 || px < min))
            min = px;
    }
    g_slist_free_full(list, (GDestroyNotify)pango_attribute_destroy);
    return min;
}

/* A widget drawn partly outside an ancestor is cut off (GTK clips, or a neighbour paints
 * over it); inside a scrolled window it is only scrolled away, which the next rule covers. */
static gboolean clipped(GtkWidget *w, GString *report)
{
    for (GtkWidget *p = gtk_widget_get_parent(w); p; p = gtk_widget_get_parent(p)) {
        if (GTK_IS_VIEWPORT(p) || GTK_IS_SCROLLED_WINDOW(p))
            return FALSE;
        graphene_rect_t r;
        if (!gtk_widget_compute_bounds(w, p, &r))
            continue;
        double pw = gtk_widget_get_width(p), ph = gtk_widget_get_height(p);
        if (r.origin.x < -1 || r.origin.y < -1 || r.origin.x + r.size.width > pw + 1 ||
            r.origin.y + r.size.height > ph + 1) {
            g_string_append(report, "cut off ");
            describe(w, report);
            g_string_append_printf(report, ": %.0f,%.0f %.0f×%.0f outside %s %.0f×%.0f\n",
                                   r.origin.x, r.origin.y, r.size.width, r.size.height,
                                   G_OBJECT_TYPE_NAME(p), pw, ph);
            return TRUE;
        }
    }
    return FALSE;
}

/* Content a scrolled window hides must have a visible way to it: a scrollbar that stays on
 * screen (an overlay scrollbar shows only while scrolling, which a resident never starts). */
static gboolean hidden_content(GtkWidget *w, GString *report)
{
    if (!GTK_IS_SCROLLED_WINDOW(w))
        return FALSE;
    GtkScrolledWindow *sw = GTK_SCROLLED_WINDOW(w);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment(sw);
    gboolean more = gtk_adjustment_get_upper(v) - gtk_adjustment_get_lower(v) >
                    gtk_adjustment_get_page_size(v) + 1;
    if (!more || !gtk_scrolled_window_get_overlay_scrolling(sw))
        return FALSE;
    g_string_append(report, "hidden content ");
    describe(w, report);
    g_string_append_printf(report, ": %.0f px of %.0f shown, no visible scrollbar\n",
                           gtk_adjustment_get_page_size(v),
                           gtk_adjustment_get_upper(v) - gtk_adjustment_get_lower(v));
    return TRUE;
}

/* A window larger than the panel it was sized for (its size request: kiosk_window_set_size)
 * — on the kiosk the excess is off screen. GTK grows a window to its content's minimum size
 * and does not shrink it back, so one screen too big spoils the ones after it. */
static gboolean window_too_big(GtkWidget *w, GString *report)
{
    if (!GTK_IS_WINDOW(w))
        return FALSE;
    int dw = 0, dh = 0;
    gtk_widget_get_size_request(w, &dw, &dh);
    int width = gtk_widget_get_width(w), height = gtk_widget_get_height(w);
    if (dw <= 0 || dh <= 0 || (width <= dw && height <= dh))
        return FALSE;
    int minw = 0, minh = 0;
    gtk_widget_measure(w, GTK_ORIENTATION_HORIZONTAL, -1, &minw, NULL, NULL, NULL);
    gtk_widget_measure(w, GTK_ORIENTATION_VERTICAL, dw, &minh, NULL, NULL, NULL);
    g_string_append_printf(report,
                           "window %d×%d is larger than the panel's %d×%d (this screen needs at "
                           "least %d×%d)\n",
                           width, height, dw, dh, minw, minh);
    return TRUE;
}

static guint check_one(GtkWidget *w, double min_target, double min_text, GString *report)
{
    guint bad = hidden_content(w, report) + window_too_big(w, report) +
                kiosk_layout_overlaps(w, report) + kiosk_layout_text_outside(w, report);
    if (is_target(w)) {
        /* what a finger can hit: the border box (get_width/height is the content box) */
        graphene_rect_t r;
        if (!gtk_widget_compute_bounds(w, w, &r))
            graphene_rect_init(&r, 0, 0, 0, 0);
        int width = (int)(r.size.width + 0.5f), height = (int)(r.size.height + 0.5f);
        if (width < min_target || height < min_target) {
            g_string_append(report, "touch target ");
            describe(w, report);
            g_string_append_printf(report, ": %d×%d px, needs %.0f×%.0f\n", width, height,
                                   min_target, min_target);
            bad++;
        }
    }
    gboolean label = GTK_IS_LABEL(w) && *gtk_label_get_text(GTK_LABEL(w));
    if ((is_target(w) || label || KIOSK_IS_SECRET_LABEL(w)) && clipped(w, report))
        bad++;
    if (label || KIOSK_IS_SECRET_LABEL(w)) {
        double px = context_px(w);
        if (label) {
            double dpi = pango_cairo_context_get_resolution(gtk_widget_get_pango_context(w));
            double m = markup_min_px(GTK_LABEL(w), px, dpi > 0 ? dpi : 96.0);
            if (m > 0 && m < px)
                px = m;
        }
        if (px + 0.5 < min_text) {
            g_string_append(report, "text ");
            describe(w, report);
            g_string_append_printf(report, ": %.1f px, needs %.0f\n", px, min_text);
            bad++;
        }
    }
    return bad;
}

guint kiosk_layout_check(GtkWidget *root, double min_target_px, double min_text_px, GString *report)
{
    if (!root || !gtk_widget_get_mapped(root))
        return 0;
    guint bad = check_one(root, min_target_px, min_text_px, report);
    for (GtkWidget *c = gtk_widget_get_first_child(root); c; c = gtk_widget_get_next_sibling(c))
        bad += kiosk_layout_check(c, min_target_px, min_text_px, report);
    return bad;
}

double kiosk_layout_min_target_px(GtkWidget *window)
{
    double px_per_mm =
        gtk_widget_has_css_class(window, "small") ? KIOSK_PX_PER_MM_SMALL : KIOSK_PX_PER_MM_LARGE;
    return KIOSK_TARGET_MM * px_per_mm;
}
