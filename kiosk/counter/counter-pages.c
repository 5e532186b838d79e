/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* counter-pages.c — the pages of a visit's documents. See counter-pages.h. */
#include "counter-pages.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "kiosk-page-texture.h"

struct _CounterPages {
    GtkBox parent;
    GtkWidget *picture, *prev, *caption, *next;
    GdkTexture *page[COUNTER_PAGES_MAX];
    char *title[COUNTER_PAGES_MAX]; /* the document's title (a procedure's, not a value) */
    int n, cur;
};
G_DEFINE_FINAL_TYPE(CounterPages, counter_pages, GTK_TYPE_BOX)

void counter_pages_show(CounterPages *self, int page)
{
    if (page < 0 || page >= self->n)
        return;
    self->cur = page;
    gtk_picture_set_paintable(GTK_PICTURE(self->picture), GDK_PAINTABLE(self->page[page]));
    g_autofree char *c = g_strdup_printf(_("Page %d of %d: %s"), page + 1, self->n,
                                         self->title[page] ? self->title[page] : "");
    gtk_label_set_text(GTK_LABEL(self->caption), c);
    gtk_widget_set_sensitive(self->prev, page > 0);
    gtk_widget_set_sensitive(self->next, page + 1 < self->n);
}

static void on_flip(GtkWidget *w, const char *name, GVariant *param)
{
    CounterPages *self = COUNTER_PAGES(w);
    counter_pages_show(self, self->cur + g_variant_get_int32(param));
}

void counter_pages_wipe(CounterPages *self)
{
    gtk_picture_set_paintable(GTK_PICTURE(self->picture), NULL);
    for (int i = 0; i < self->n; i++) {
        g_clear_object(&self->page[i]);
        g_clear_pointer(&self->title[i], g_free);
    }
    self->n = self->cur = 0;
    gtk_label_set_text(GTK_LABEL(self->caption), "");
    gtk_widget_set_sensitive(self->prev, FALSE);
    gtk_widget_set_sensitive(self->next, FALSE);
}

gboolean counter_pages_set_batch(CounterPages *self, const counter_batch *b, const char *lang)
{
    counter_pages_wipe(self);
    for (size_t d = 0; d < counter_batch_doc_count(b) && self->n < COUNTER_PAGES_MAX; d++) {
        size_t len = 0;
        const uint8_t *pdf = form_doc_data(counter_batch_doc(b, d), &len);
        g_autoptr(GBytes) bytes = g_bytes_new_static(pdf, len);
        PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, NULL);
        if (!doc)
            continue;
        const form_procedure *p = counter_batch_doc_procedure(b, d);
        const char *title = p ? form_text_get(form_procedure_title(p), lang)
                              : _("Procedure guide (手続き案内票)");
        int np = poppler_document_get_n_pages(doc);
        for (int i = 0; i < np && self->n < COUNTER_PAGES_MAX; i++) {
            PopplerPage *page = poppler_document_get_page(doc, i);
            if (!page)
                break;
            self->title[self->n] = g_strdup_printf("%zu/%zu %s", d + 1,
                                                   counter_batch_doc_count(b), title);
            self->page[self->n++] = kiosk_page_texture(page, 1000);
            g_object_unref(page);
        }
        g_object_unref(doc);
    }
    counter_pages_show(self, 0);
    return self->n > 0;
}

int counter_pages_count(CounterPages *self) { return self->n; }
int counter_pages_current(CounterPages *self) { return self->cur; }

static void counter_pages_dispose(GObject *o)
{
    CounterPages *self = COUNTER_PAGES(o);
    if (self->picture)
        counter_pages_wipe(self);
    G_OBJECT_CLASS(counter_pages_parent_class)->dispose(o);
}

static void counter_pages_class_init(CounterPagesClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = counter_pages_dispose;
    gtk_widget_class_install_action(wc, "pages.flip", "i", on_flip);
}

static void counter_pages_init(CounterPages *self)
{
    gtk_orientable_set_orientation(GTK_ORIENTABLE(self), GTK_ORIENTATION_VERTICAL);
    gtk_box_set_spacing(GTK_BOX(self), 6);
    self->picture = gtk_picture_new();
    gtk_picture_set_content_fit(GTK_PICTURE(self->picture), GTK_CONTENT_FIT_CONTAIN);
    gtk_widget_set_vexpand(self->picture, TRUE);
    gtk_widget_set_hexpand(self->picture, TRUE);
    GtkWidget *bar = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_set_halign(bar, GTK_ALIGN_CENTER);
    self->prev = gtk_button_new_with_label("◀");
    gtk_actionable_set_action_name(GTK_ACTIONABLE(self->prev), "pages.flip");
    gtk_actionable_set_action_target(GTK_ACTIONABLE(self->prev), "i", -1);
    self->next = gtk_button_new_with_label("▶");
    gtk_actionable_set_action_name(GTK_ACTIONABLE(self->next), "pages.flip");
    gtk_actionable_set_action_target(GTK_ACTIONABLE(self->next), "i", 1);
    self->caption = gtk_label_new("");
    gtk_box_append(GTK_BOX(bar), self->prev);
    gtk_box_append(GTK_BOX(bar), self->caption);
    gtk_box_append(GTK_BOX(bar), self->next);
    gtk_box_append(GTK_BOX(self), self->picture);
    gtk_box_append(GTK_BOX(self), bar);
    gtk_widget_set_sensitive(self->prev, FALSE);
    gtk_widget_set_sensitive(self->next, FALSE);
}

GtkWidget *counter_pages_new(void) { return g_object_new(COUNTER_TYPE_PAGES, NULL); }
