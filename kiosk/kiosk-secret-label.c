/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-secret-label.c — a text widget whose text never sits in ordinary heap (see the header). */
#include "kiosk-secret-label.h"

#include <string.h>

#include "myna.h"

struct _KioskSecretLabel {
    GtkWidget parent_instance;
    char *text; /* locked memory, NUL-terminated */
    size_t size;
};

G_DEFINE_FINAL_TYPE(KioskSecretLabel, kiosk_secret_label, GTK_TYPE_WIDGET)

/* A layout for the text wrapped at width pixels (-1: no wrapping). Release with drop_layout. */
static PangoLayout *make_layout(KioskSecretLabel *self, int width)
{
    PangoLayout *l = gtk_widget_create_pango_layout(GTK_WIDGET(self), NULL);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_width(l, width > 0 ? width * PANGO_SCALE : -1);
    pango_layout_set_text(l, self->text ? self->text : "", -1);
    return l;
}

static void drop_layout(PangoLayout *l)
{
    const char *t = pango_layout_get_text(l); /* Pango's own copy of the text */
    if (t != NULL)
        explicit_bzero((char *)t, strlen(t));
    g_object_unref(l);
}

void kiosk_secret_label_text_size(KioskSecretLabel *self, int width, int *text_width,
                                  int *text_height)
{
    g_return_if_fail(KIOSK_IS_SECRET_LABEL(self));
    int w = 0, h = 0;
    PangoLayout *l = make_layout(self, width);
    pango_layout_get_pixel_size(l, &w, &h);
    drop_layout(l);
    if (text_width)
        *text_width = w;
    if (text_height)
        *text_height = h;
}

/* Height for width: GTK first asks the width range, then the height at the width it chose. */
static GtkSizeRequestMode secret_label_request_mode(GtkWidget *w)
{
    return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void secret_label_measure(GtkWidget *w, GtkOrientation orientation, int for_size,
                                 int *minimum, int *natural, int *min_baseline,
                                 int *nat_baseline)
{
    KioskSecretLabel *self = KIOSK_SECRET_LABEL(w);
    int width = 0, height = 0;
    if (orientation == GTK_ORIENTATION_HORIZONTAL) {
        kiosk_secret_label_text_size(self, -1, &width, &height);
        /* wraps down to a few characters; prefers one line */
        *minimum = MIN(width, 120);
        *natural = width;
    } else {
        /* for_size -1 (no width yet): the height at the narrowest width, never too little */
        kiosk_secret_label_text_size(self, for_size >= 0 ? for_size : 120, &width,
                                     &height);
        *minimum = *natural = height;
    }
    *min_baseline = *nat_baseline = -1;
}

static void secret_label_snapshot(GtkWidget *w, GtkSnapshot *snapshot)
{
    KioskSecretLabel *self = KIOSK_SECRET_LABEL(w);
    if (self->text == NULL || self->text[0] == '\0')
        return;
    GdkRGBA color;
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_style_context_get_color(gtk_widget_get_style_context(w), &color);
    G_GNUC_END_IGNORE_DEPRECATIONS
    PangoLayout *l = make_layout(self, gtk_widget_get_width(w));
    gtk_snapshot_append_layout(snapshot, l, &color);
    drop_layout(l);
}

void kiosk_secret_label_wipe(KioskSecretLabel *self)
{
    g_return_if_fail(KIOSK_IS_SECRET_LABEL(self));
    if (self->text != NULL) {
        myna_secure_free(self->text, self->size);
        self->text = NULL;
        self->size = 0;
        gtk_widget_queue_resize(GTK_WIDGET(self));
    }
}

static void secret_label_dispose(GObject *o)
{
    KioskSecretLabel *self = KIOSK_SECRET_LABEL(o);
    if (self->text != NULL) {
        myna_secure_free(self->text, self->size);
        self->text = NULL;
    }
    G_OBJECT_CLASS(kiosk_secret_label_parent_class)->dispose(o);
}

static void kiosk_secret_label_class_init(KioskSecretLabelClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = secret_label_dispose;
    wc->get_request_mode = secret_label_request_mode;
    wc->measure = secret_label_measure;
    wc->snapshot = secret_label_snapshot;
    gtk_widget_class_set_css_name(wc, "label");
}

static void kiosk_secret_label_init(KioskSecretLabel *self)
{
}

GtkWidget *kiosk_secret_label_new(const char *text)
{
    KioskSecretLabel *self = g_object_new(KIOSK_TYPE_SECRET_LABEL, NULL);
    size_t n = (text ? strlen(text) : 0) + 1;
    self->text = myna_secure_alloc(n);
    if (self->text != NULL) {
        self->size = n;
        if (text != NULL)
            memcpy(self->text, text, n);
    }
    return GTK_WIDGET(self);
}
