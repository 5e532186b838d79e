/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-confirm.c — the confirmation screen. See kiosk-screen-confirm.h. */
#include "kiosk-screen-confirm.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "kiosk-page-texture.h"
#include "kiosk-screen-common.h"
#include "kiosk-secret-label.h"

#define PREVIEW_PAGES_MAX 8 /* pages rendered for the preview (a procedure's forms) */

struct _KioskConfirmScreen {
    GtkBox parent;
    GtkWidget *preview_stack, *spinner, *preview, *summary, *flags, *print;
    GtkWidget *pager, *page_prev, *page_label, *page_next;
    GdkTexture *pages[PREVIEW_PAGES_MAX]; /* their pixels are wiped when they go */
    int npages, page;
};
G_DEFINE_FINAL_TYPE(KioskConfirmScreen, kiosk_confirm_screen, GTK_TYPE_BOX)

enum { SIG_CONFIRMED, SIG_EDIT, N_SIGNALS };
static guint signals[N_SIGNALS];

static void confirm_print(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_CONFIRMED], 0);
}

static void confirm_edit(GtkWidget *w, const char *n, GVariant *p)
{
    g_signal_emit(w, signals[SIG_EDIT], 0, (int)g_variant_get_int32(p));
}

static void show_page(KioskConfirmScreen *self, int page)
{
    if (page < 0 || page >= self->npages)
        return;
    self->page = page;
    gtk_picture_set_paintable(GTK_PICTURE(self->preview), GDK_PAINTABLE(self->pages[page]));
    g_autofree char *where = g_strdup_printf(_("Page %d of %d"), page + 1, self->npages);
    gtk_label_set_text(GTK_LABEL(self->page_label), where);
    gtk_widget_set_sensitive(self->page_prev, page > 0);
    gtk_widget_set_sensitive(self->page_next, page + 1 < self->npages);
    gtk_widget_set_visible(self->pager, self->npages > 1);
}

static void confirm_page(GtkWidget *w, const char *n, GVariant *p)
{
    KioskConfirmScreen *self = KIOSK_CONFIRM_SCREEN(w);
    show_page(self, self->page + g_variant_get_int32(p));
}

static void drop_pages(KioskConfirmScreen *self)
{
    gtk_picture_set_paintable(GTK_PICTURE(self->preview), NULL);
    for (int i = 0; i < self->npages; i++)
        g_clear_object(&self->pages[i]);
    self->npages = self->page = 0;
    gtk_widget_set_visible(self->pager, FALSE);
}

static void kiosk_confirm_screen_dispose(GObject *o)
{
    drop_pages(KIOSK_CONFIRM_SCREEN(o));
    G_OBJECT_CLASS(kiosk_confirm_screen_parent_class)->dispose(o);
}

static void kiosk_confirm_screen_class_init(KioskConfirmScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->dispose = kiosk_confirm_screen_dispose;
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "confirm.ui");
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, pager);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, page_prev);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, page_label);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, page_next);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, preview_stack);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, spinner);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, preview);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, summary);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, flags);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, print);
    gtk_widget_class_install_action(wc, "confirm.print", NULL, confirm_print);
    gtk_widget_class_install_action(wc, "confirm.edit", "i", confirm_edit);
    gtk_widget_class_install_action(wc, "confirm.page", "i", confirm_page);
    signals[SIG_CONFIRMED] = kiosk_screen_signal_new(klass, "confirmed");
    signals[SIG_EDIT] = kiosk_screen_signal_new_int(klass, "edit-requested");
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

gboolean kiosk_confirm_screen_set_pdf(KioskConfirmScreen *self, const guint8 *pdf, gsize len)
{
    /* Poppler reads the same bytes the printer gets, in place: never a file. Every page is
     * shown (a procedure of several forms prints one after the other). */
    g_autoptr(GBytes) bytes = g_bytes_new_static(pdf, len);
    g_autoptr(GError) err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &err);
    if (!doc)
        return FALSE;
    drop_pages(self);
    int n = MIN(poppler_document_get_n_pages(doc), PREVIEW_PAGES_MAX);
    for (int i = 0; i < n; i++) {
        PopplerPage *page = poppler_document_get_page(doc, i);
        if (!page)
            break;
        self->pages[self->npages++] = kiosk_page_texture(page, 1000);
        g_object_unref(page);
    }
    g_object_unref(doc);
    if (self->npages == 0)
        return FALSE;
    show_page(self, 0);
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), FALSE);
    gtk_stack_set_visible_child_name(GTK_STACK(self->preview_stack), "preview");
    gtk_widget_set_sensitive(self->print, TRUE);
    return TRUE;
}

int kiosk_confirm_screen_page_count(KioskConfirmScreen *self) { return self->npages; }

void kiosk_confirm_screen_add_summary(KioskConfirmScreen *self, const char *key_markup,
                                      const char *value, const char *printed, int edit)
{
    /* One row per item: what, the value, and "change" where it can be changed. */
    GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 16);
    GtkWidget *k = gtk_label_new(NULL);
    gtk_label_set_markup(GTK_LABEL(k), key_markup);
    gtk_widget_add_css_class(k, "key");
    gtk_label_set_xalign(GTK_LABEL(k), 0);
    gtk_label_set_wrap(GTK_LABEL(k), TRUE);
    gtk_label_set_max_width_chars(GTK_LABEL(k), 10);
    /* its width: kiosk.css (.summary .key), narrower with large text on the small panel */
    /* the value is the resident's data: never a GtkLabel (see kiosk-secret-label.h) */
    GtkWidget *v = kiosk_secret_label_new(value);
    gtk_widget_set_hexpand(v, TRUE);
    gtk_widget_set_valign(v, GTK_ALIGN_CENTER);
    gtk_box_append(GTK_BOX(row), k);
    if (printed != NULL) {
        /* the answer as read, and under it what the form prints, marked 「日本語」 */
        GtkWidget *col = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4);
        gtk_widget_set_hexpand(col, TRUE);
        gtk_widget_set_valign(col, GTK_ALIGN_CENTER);
        gtk_box_append(GTK_BOX(col), v);
        GString *t = g_string_new("日本語：");
        g_string_append(t, printed);
        GtkWidget *pv = kiosk_secret_label_new(t->str);
        explicit_bzero(t->str, t->allocated_len); /* the row keeps its own copy, locked */
        g_string_free(t, TRUE);
        gtk_widget_add_css_class(pv, "printed");
        gtk_widget_add_css_class(pv, "lang-ja");
        gtk_box_append(GTK_BOX(col), pv);
        gtk_box_append(GTK_BOX(row), col);
    } else {
        gtk_box_append(GTK_BOX(row), v);
    }
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

gboolean kiosk_confirm_screen_has_preview(KioskConfirmScreen *self) { return self->npages > 0; }

void kiosk_confirm_screen_wipe(KioskConfirmScreen *self)
{
    drop_pages(self);
    kiosk_screen_clear_box(self->summary);
    kiosk_confirm_screen_set_flags(self, NULL);
}
