/* kiosk-screen-confirm.c — the confirmation screen. See kiosk-screen-confirm.h. */
#include "kiosk-screen-confirm.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "kiosk-screen-common.h"
#include "kiosk-secret-label.h"

struct _KioskConfirmScreen {
    GtkBox parent;
    GtkWidget *preview_stack, *spinner, *preview, *summary, *flags, *print;
    gboolean has_preview;
};
G_DEFINE_FINAL_TYPE(KioskConfirmScreen, kiosk_confirm_screen, GTK_TYPE_BOX)

static void confirm_edit(GtkWidget *w, const char *n, GVariant *p)
{
    char i[12];
    g_snprintf(i, sizeof i, "%d", g_variant_get_int32(p));
    kiosk_screen_request(w, "edit", i);
}

static void kiosk_confirm_screen_class_init(KioskConfirmScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "confirm.ui");
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, preview_stack);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, spinner);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, preview);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, summary);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, flags);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, print);
    gtk_widget_class_install_action(wc, "confirm.print", NULL, kiosk_screen_request_action);
    gtk_widget_class_install_action(wc, "confirm.edit", "i", confirm_edit);
    kiosk_screen_add_request_signal(klass);
}

static void kiosk_confirm_screen_init(KioskConfirmScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_confirm_screen_new(void)
{
    return g_object_new(KIOSK_TYPE_CONFIRM_SCREEN, NULL);
}

void kiosk_confirm_screen_set_waiting(KioskConfirmScreen *self)
{
    kiosk_confirm_screen_wipe(self);
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), TRUE);
    gtk_stack_set_visible_child_name(GTK_STACK(self->preview_stack), "wait");
    gtk_widget_set_sensitive(self->print, FALSE);
}

/* The preview's pixels show the filled form: their copy is wiped when the texture goes. */
typedef struct pixels {
    gsize n;
    guchar data[];
} pixels;

static void pixels_wipe_free(gpointer data)
{
    pixels *px = data;
    memset(px->data, 0, px->n);
    g_free(px);
}

gboolean kiosk_confirm_screen_set_pdf(KioskConfirmScreen *self, const guint8 *pdf, gsize len)
{
    /* Poppler reads the same bytes the printer gets, in place: never a file. */
    g_autoptr(GBytes) bytes = g_bytes_new_static(pdf, len);
    g_autoptr(GError) err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    if (!doc)
        return FALSE;
    PopplerPage *page = poppler_document_get_page(doc, 0);
    if (!page) {
        g_object_unref(doc);
        return FALSE;
    }
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    double scale = 1000.0 / (ph > 0 ? ph : 842);
    int w = (int)(pw * scale), h = (int)(ph * scale);
    cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
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
    memset(data, 0, n);
    g_autoptr(GBytes) pix = g_bytes_new_with_free_func(px->data, n, pixels_wipe_free, px);
    cairo_surface_destroy(surf);
    g_object_unref(page);
    g_object_unref(doc);
    GdkTexture *tex = gdk_memory_texture_new(w, h, GDK_MEMORY_DEFAULT, pix, (gsize)stride);
    gtk_picture_set_paintable(GTK_PICTURE(self->preview), GDK_PAINTABLE(tex));
    g_object_unref(tex);
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), FALSE);
    gtk_stack_set_visible_child_name(GTK_STACK(self->preview_stack), "preview");
    gtk_widget_set_sensitive(self->print, TRUE);
    self->has_preview = TRUE;
    return TRUE;
}

void kiosk_confirm_screen_add_summary(KioskConfirmScreen *self, const char *key,
                                      const char *value, int edit)
{
    /* One row per item: what, the value, and "change" where it can be changed. */
    GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 16);
    GtkWidget *k = gtk_label_new(key);
    gtk_widget_add_css_class(k, "key");
    gtk_label_set_xalign(GTK_LABEL(k), 0);
    gtk_label_set_wrap(GTK_LABEL(k), TRUE);
    gtk_label_set_max_width_chars(GTK_LABEL(k), 10);
    gtk_widget_set_size_request(k, 300, -1);
    /* the value is the resident's data: never a GtkLabel (see kiosk-secret-label.h) */
    GtkWidget *v = kiosk_secret_label_new(value);
    gtk_widget_set_hexpand(v, TRUE);
    gtk_widget_set_valign(v, GTK_ALIGN_CENTER);
    gtk_box_append(GTK_BOX(row), k);
    gtk_box_append(GTK_BOX(row), v);
    if (edit >= 0) {
        GtkWidget *b = gtk_button_new_with_label(_("Change"));
        gtk_actionable_set_action_name(GTK_ACTIONABLE(b), "confirm.edit");
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "i", edit);
        gtk_widget_set_size_request(b, 160, -1);
        gtk_widget_set_valign(b, GTK_ALIGN_CENTER);
        gtk_box_append(GTK_BOX(row), b);
    }
    gtk_box_append(GTK_BOX(self->summary), row);
}

void kiosk_confirm_screen_set_flags(KioskConfirmScreen *self, const char *text)
{
    gtk_label_set_text(GTK_LABEL(self->flags), text ? text : "");
    gtk_widget_set_visible(self->flags, text && *text);
}

gboolean kiosk_confirm_screen_has_preview(KioskConfirmScreen *self) { return self->has_preview; }

void kiosk_confirm_screen_wipe(KioskConfirmScreen *self)
{
    gtk_picture_set_paintable(GTK_PICTURE(self->preview), NULL);
    self->has_preview = FALSE;
    kiosk_screen_clear_box(self->summary);
    kiosk_confirm_screen_set_flags(self, NULL);
}
