/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-window.c — the studio's window. See designer-window.h. */
#include "designer-window.h"

#include <string.h>

#include "designer-keys.h"
#include "designer-raster.h"
#include "designer-sample.h"

#define PREVIEW_PX_PER_MM 4.0

struct _DzWindow {
    GtkApplicationWindow parent;
    GtkWidget *scroll, *props, *problems, *resident, *status, *questions, *catalog, *tabs;
    DzCanvas *canvas;
    dz_doc *doc;
    guint sample;
    double last_ms;
};
G_DEFINE_FINAL_TYPE(DzWindow, dz_window, GTK_TYPE_APPLICATION_WINDOW)

static void show_selection(DzWindow *self)
{
    int sel = dz_canvas_get_selected(self->canvas);
    dz_object o;
    bool have = self->doc != NULL && sel >= 0 && dz_doc_object(self->doc, (size_t)sel, &o);
    dz_props_show(DZ_PROPS(self->props), self->doc, have ? &o : NULL);
}

static void fill_problems(DzWindow *self)
{
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child(self->problems)) != NULL)
        gtk_list_box_remove(GTK_LIST_BOX(self->problems), child);
    size_t n = dz_doc_problem_count(self->doc);
    for (size_t k = 0; k < n; k++) {
        const char *ja = NULL;
        int line = 0;
        size_t obj = (size_t)-1;
        const char *en = dz_doc_problem(self->doc, k, &ja, &line, &obj);
        g_autofree char *t = g_strdup_printf("%d行: %s", line, ja != NULL ? ja : en);
        GtkWidget *l = gtk_label_new(t);
        gtk_label_set_wrap(GTK_LABEL(l), TRUE);
        gtk_label_set_xalign(GTK_LABEL(l), 0);
        gtk_widget_set_tooltip_text(l, en);
        GtkWidget *row = gtk_list_box_row_new();
        gtk_list_box_row_set_child(GTK_LIST_BOX_ROW(row), l);
        g_object_set_data(G_OBJECT(row), "dz-object", GSIZE_TO_POINTER(obj + 1));
        gtk_list_box_append(GTK_LIST_BOX(self->problems), row);
    }
    for (size_t k = 0; k < dz_doc_note_count(self->doc); k++) {
        g_autofree char *t =
            g_strdup_printf("取り込めなかった項目 (not placed): %s", dz_doc_note(self->doc, k, NULL));
        GtkWidget *l = gtk_label_new(t);
        gtk_label_set_wrap(GTK_LABEL(l), TRUE);
        gtk_label_set_xalign(GTK_LABEL(l), 0);
        gtk_list_box_append(GTK_LIST_BOX(self->problems), l);
    }
}

/* Render the current text again and show it: the page, the objects, the problems. */
static void refresh(DzWindow *self)
{
    if (self->doc == NULL)
        return;
    gint64 t0 = g_get_monotonic_time();
    dz_err e = dz_doc_render(self->doc, self->sample);
    size_t len = 0;
    const uint8_t *pdf = dz_doc_pdf(self->doc, &len);
    cairo_surface_t *page = e == DZ_OK ? dz_raster_page(pdf, len, PREVIEW_PX_PER_MM) : NULL;
    double w, h;
    dz_doc_page_mm(self->doc, &w, &h);
    /* a template the engine refuses keeps its last good page out of view: show blank paper
     * with the objects, so the clerk sees where the problem is */
    dz_canvas_set_page(self->canvas, page, w, h);
    if (page != NULL)
        cairo_surface_destroy(page);
    size_t n = dz_doc_object_count(self->doc);
    dz_object *objs = g_new0(dz_object, n > 0 ? n : 1);
    for (size_t i = 0; i < n; i++)
        dz_doc_object(self->doc, i, &objs[i]);
    dz_canvas_set_objects(self->canvas, objs, n);
    g_free(objs);
    fill_problems(self);
    show_selection(self);
    DzKeys *q = DZ_KEYS(self->questions), *c = DZ_KEYS(self->catalog);
    size_t entry = dz_keys_section(c);
    dz_keys_show(q, dz_doc_source(self->doc), "question", dz_keys_section(q));
    dz_keys_show(c, dz_doc_catalog(self->doc), "procedure",
                 entry != (size_t)-1 ? entry : dz_doc_catalog_entry(self->doc));
    self->last_ms = (double)(g_get_monotonic_time() - t0) / 1000.0;
    g_autofree char *s = g_strdup_printf("%s%s — %zu problem(s) — preview %.0f ms",
                                         dz_doc_modified(self->doc) ? "● " : "",
                                         dz_doc_path(self->doc), dz_doc_problem_count(self->doc),
                                         self->last_ms);
    gtk_label_set_text(GTK_LABEL(self->status), s);
}

/* The background's rules, for snapping, whenever another document comes in. */
static void set_guides(DzWindow *self)
{
    size_t n = dz_doc_guide_count(self->doc);
    double (*segs)[4] = g_malloc0_n(n > 0 ? n : 1, sizeof *segs);
    for (size_t i = 0; i < n; i++)
        dz_doc_guide(self->doc, i, segs[i]);
    dz_canvas_set_guides(self->canvas, (const double(*)[4])segs, n);
    g_free(segs);
}

static void on_object_selected(DzCanvas *c, int index, DzWindow *self)
{
    (void)c;
    (void)index;
    show_selection(self);
}

static void on_canvas_geometry(DzCanvas *c, int index, double x, double y, double w, double h,
                               DzWindow *self)
{
    (void)c;
    if (dz_doc_set_geometry(self->doc, (size_t)index, x, y, w, h) == DZ_OK)
        refresh(self);
}

static void on_property_changed(DzProps *p, const char *key, const char *value, DzWindow *self)
{
    (void)p;
    int sel = dz_canvas_get_selected(self->canvas);
    if (self->doc != NULL && sel >= 0 && dz_doc_set(self->doc, (size_t)sel, key, value) == DZ_OK)
        refresh(self);
}

static void on_geometry_entered(DzProps *p, double x, double y, double w, double h,
                                DzWindow *self)
{
    (void)p;
    int sel = dz_canvas_get_selected(self->canvas);
    if (self->doc != NULL && sel >= 0 &&
        dz_doc_set_geometry(self->doc, (size_t)sel, x, y, w, h) == DZ_OK)
        refresh(self);
}

static void on_question_key(DzKeys *k, guint64 section, const char *key, const char *value,
                            DzWindow *self)
{
    (void)k;
    if (dz_doc_set_key(self->doc, (size_t)section, key, value) == DZ_OK)
        refresh(self);
}

static void on_question_added(DzKeys *k, const char *id, DzWindow *self)
{
    size_t sec = (size_t)-1;
    if (dz_doc_add_question(self->doc, id, &sec) != DZ_OK) {
        gtk_label_set_text(GTK_LABEL(self->status),
                           "質問の id は a-z 0-9 _ で、まだ使われていないものにしてください "
                           "(a new id of a-z 0-9 _)");
        return;
    }
    refresh(self);
    dz_keys_show(k, dz_doc_source(self->doc), "question", sec);
}

static void on_catalog_key(DzKeys *k, guint64 section, const char *key, const char *value,
                           DzWindow *self)
{
    if (dz_doc_catalog_set(self->doc, (size_t)section, key, value) == DZ_OK)
        dz_keys_show(k, dz_doc_catalog(self->doc), "procedure", (size_t)section);
}

static void on_catalog_added(DzKeys *k, const char *id, DzWindow *self)
{
    form_source *cat = dz_doc_catalog(self->doc);
    size_t f = form_source_find(dz_doc_source(self->doc), "form", NULL);
    const char *form_id = f != (size_t)-1 ? form_source_get(dz_doc_source(self->doc), f, "id")
                                          : NULL;
    if (cat == NULL || form_id == NULL || form_source_find(cat, "procedure", id) != (size_t)-1)
        return;
    g_autofree char *header = g_strdup_printf("procedure %s", id);
    g_autofree char *forms = g_strdup(form_id);
    const char *pairs[] = {"title.ja", id, "forms", forms, NULL};
    size_t sec = (size_t)-1;
    if (form_source_add_section(cat, (size_t)-1, header, pairs, &sec) == FORM_OK)
        dz_keys_show(k, cat, "procedure", sec);
}

static void on_problem_activated(GtkListBox *b, GtkListBoxRow *row, DzWindow *self)
{
    (void)b;
    size_t obj = GPOINTER_TO_SIZE(g_object_get_data(G_OBJECT(row), "dz-object"));
    if (obj > 0) {
        dz_canvas_select(self->canvas, (int)(obj - 1));
        show_selection(self);
    }
}

static void on_resident_changed(GtkDropDown *dd, GParamSpec *ps, DzWindow *self)
{
    (void)ps;
    guint i = gtk_drop_down_get_selected(dd);
    if (i != GTK_INVALID_LIST_POSITION && i != self->sample) {
        self->sample = i;
        refresh(self);
    }
}

static void act_undo(GtkWidget *w, const char *name, GVariant *param)
{
    (void)name;
    (void)param;
    DzWindow *self = DZ_WINDOW(w);
    if (dz_doc_undo(self->doc))
        refresh(self);
}

static void act_redo(GtkWidget *w, const char *name, GVariant *param)
{
    (void)name;
    (void)param;
    DzWindow *self = DZ_WINDOW(w);
    if (dz_doc_redo(self->doc))
        refresh(self);
}

static void report(DzWindow *self, GError *err)
{
    if (err == NULL)
        return;
    gtk_label_set_text(GTK_LABEL(self->status), err->message);
    g_error_free(err);
}

static void act_save(GtkWidget *w, const char *name, GVariant *param)
{
    (void)name;
    (void)param;
    DzWindow *self = DZ_WINDOW(w);
    GError *err = NULL;
    if (!dz_window_save(self, NULL, &err))
        report(self, err);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void on_open_response(GtkNativeDialog *d, int response, DzWindow *self)
{
    if (response == GTK_RESPONSE_ACCEPT) {
        g_autoptr(GFile) f = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(d));
        g_autofree char *path = f != NULL ? g_file_get_path(f) : NULL;
        GError *err = NULL;
        const char *purpose = g_object_get_data(G_OBJECT(d), "dz-purpose");
        if (path != NULL && g_strcmp0(purpose, "sign") == 0) {
            if (!dz_window_sign(self, path, &err))
                report(self, err);
        } else if (path != NULL && g_strcmp0(purpose, "import") == 0) {
            /* NAME.pdf → NAME.form beside it, never over an existing template */
            const char *dot = strrchr(path, '.');
            g_autofree char *stem = dot != NULL && strchr(dot, '/') == NULL
                                        ? g_strndup(path, (gsize)(dot - path))
                                        : g_strdup(path);
            g_autofree char *out = g_strdup_printf("%s.form", stem);
            for (int k = 2; g_file_test(out, G_FILE_TEST_EXISTS) && k < 100; k++) {
                g_free(out);
                out = g_strdup_printf("%s-%d.form", stem, k);
            }
            if (!dz_window_import(self, path, out, &err))
                report(self, err);
        } else if (path != NULL && !dz_window_open(self, path, &err)) {
            report(self, err);
        }
    }
    g_object_unref(d);
}

static void choose_file(DzWindow *self, const char *title, const char *purpose)
{
    GtkFileChooserNative *d = gtk_file_chooser_native_new(title, GTK_WINDOW(self),
                                                          GTK_FILE_CHOOSER_ACTION_OPEN, NULL,
                                                          NULL);
    g_object_set_data(G_OBJECT(d), "dz-purpose", (gpointer)purpose);
    g_signal_connect(d, "response", G_CALLBACK(on_open_response), self);
    gtk_native_dialog_show(GTK_NATIVE_DIALOG(d));
}
G_GNUC_END_IGNORE_DEPRECATIONS

static void act_open(GtkWidget *w, const char *name, GVariant *param)
{
    (void)name;
    (void)param;
    choose_file(DZ_WINDOW(w), "様式テンプレートを開く Open a template", "open");
}

static void act_import(GtkWidget *w, const char *name, GVariant *param)
{
    (void)name;
    (void)param;
    choose_file(DZ_WINDOW(w), "市区町村の様式 (PDF / PNG / JPEG) を取り込む Import a city's form",
                "import");
}

static void act_sign(GtkWidget *w, const char *name, GVariant *param)
{
    (void)name;
    (void)param;
    choose_file(DZ_WINDOW(w), "署名鍵 (Ed25519 PEM) Signing key", "sign");
}

/* Arrow keys nudge the selected object by 0.5 mm (through the canvas's drag path, so it
 * snaps like a drag). */
static gboolean on_key(GtkEventControllerKey *k, guint keyval, guint code, GdkModifierType m,
                       DzWindow *self)
{
    (void)k;
    (void)code;
    (void)m;
    int sel = dz_canvas_get_selected(self->canvas);
    dz_object o;
    if (self->doc == NULL || sel < 0 || !dz_doc_object(self->doc, (size_t)sel, &o))
        return FALSE;
    double dx = keyval == GDK_KEY_Left ? -0.5 : keyval == GDK_KEY_Right ? 0.5 : 0;
    double dy = keyval == GDK_KEY_Up ? -0.5 : keyval == GDK_KEY_Down ? 0.5 : 0;
    if (dx == 0 && dy == 0)
        return FALSE;
    if (o.shape == DZ_SHAPE_LINE)
        dz_canvas_drag(self->canvas, o.x, o.y, dx, dy);
    else
        dz_canvas_drag(self->canvas, o.x + o.w / 2, o.y + o.h / 2, dx, dy);
    return TRUE;
}

static void window_dispose(GObject *o)
{
    DzWindow *self = DZ_WINDOW(o);
    g_clear_pointer(&self->doc, dz_doc_free);
    gtk_widget_dispose_template(GTK_WIDGET(o), DZ_TYPE_WINDOW);
    G_OBJECT_CLASS(dz_window_parent_class)->dispose(o);
}

static void dz_window_class_init(DzWindowClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    oc->dispose = window_dispose;
    g_type_ensure(DZ_TYPE_PROPS);
    g_type_ensure(DZ_TYPE_KEYS);
    gtk_widget_class_set_template_from_resource(wc, "/jp/kakanai/designer/window.ui");
    gtk_widget_class_bind_template_child(wc, DzWindow, scroll);
    gtk_widget_class_bind_template_child(wc, DzWindow, props);
    gtk_widget_class_bind_template_child(wc, DzWindow, problems);
    gtk_widget_class_bind_template_child(wc, DzWindow, resident);
    gtk_widget_class_bind_template_child(wc, DzWindow, status);
    gtk_widget_class_bind_template_child(wc, DzWindow, questions);
    gtk_widget_class_bind_template_child(wc, DzWindow, tabs);
    gtk_widget_class_bind_template_child(wc, DzWindow, catalog);
    gtk_widget_class_bind_template_callback(wc, on_question_key);
    gtk_widget_class_bind_template_callback(wc, on_question_added);
    gtk_widget_class_bind_template_callback(wc, on_catalog_key);
    gtk_widget_class_bind_template_callback(wc, on_catalog_added);
    gtk_widget_class_bind_template_callback(wc, on_property_changed);
    gtk_widget_class_bind_template_callback(wc, on_geometry_entered);
    gtk_widget_class_bind_template_callback(wc, on_problem_activated);
    gtk_widget_class_bind_template_callback(wc, on_resident_changed);
    gtk_widget_class_install_action(wc, "win.open", NULL, act_open);
    gtk_widget_class_install_action(wc, "win.import", NULL, act_import);
    gtk_widget_class_install_action(wc, "win.save", NULL, act_save);
    gtk_widget_class_install_action(wc, "win.sign", NULL, act_sign);
    gtk_widget_class_install_action(wc, "win.undo", NULL, act_undo);
    gtk_widget_class_install_action(wc, "win.redo", NULL, act_redo);
    gtk_widget_class_add_binding_action(wc, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
    gtk_widget_class_add_binding_action(wc, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                        "win.redo", NULL);
    gtk_widget_class_add_binding_action(wc, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
    gtk_widget_class_add_binding_action(wc, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void dz_window_init(DzWindow *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    self->canvas = DZ_CANVAS(dz_canvas_new());
    gtk_widget_set_halign(GTK_WIDGET(self->canvas), GTK_ALIGN_CENTER);
    gtk_widget_set_valign(GTK_WIDGET(self->canvas), GTK_ALIGN_START);
    gtk_scrolled_window_set_child(GTK_SCROLLED_WINDOW(self->scroll), GTK_WIDGET(self->canvas));
    g_signal_connect(self->canvas, "object-selected", G_CALLBACK(on_object_selected), self);
    g_signal_connect(self->canvas, "geometry-changed", G_CALLBACK(on_canvas_geometry), self);
    GtkStringList *names = gtk_string_list_new(NULL);
    for (size_t i = 0; i < dz_sample_count(); i++)
        gtk_string_list_append(names, dz_sample_get(i)->label);
    gtk_drop_down_set_model(GTK_DROP_DOWN(self->resident), G_LIST_MODEL(names));
    g_object_unref(names);
    GtkEventController *keys = gtk_event_controller_key_new();
    g_signal_connect(keys, "key-pressed", G_CALLBACK(on_key), self);
    gtk_widget_add_controller(GTK_WIDGET(self->canvas), keys);
    gtk_label_set_text(GTK_LABEL(self->status), "様式テンプレートを開いてください Open a template");
}

DzWindow *dz_window_new(GtkApplication *app)
{
    return g_object_new(DZ_TYPE_WINDOW, "application", app, NULL);
}

gboolean dz_window_open(DzWindow *self, const char *path, GError **error)
{
    g_return_val_if_fail(DZ_IS_WINDOW(self), FALSE);
    dz_doc *doc = NULL;
    int bad = 0;
    dz_err e = dz_doc_open(path, &doc, &bad);
    if (e != DZ_OK) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s%s", path, dz_strerror(e),
                    bad > 0 ? " (see the line number in kakanai-form check)" : "");
        return FALSE;
    }
    dz_doc_free(self->doc);
    self->doc = doc;
    dz_canvas_select(self->canvas, -1);
    set_guides(self);
    refresh(self);
    return TRUE;
}

gboolean dz_window_import(DzWindow *self, const char *input, const char *out_form,
                          GError **error)
{
    g_return_val_if_fail(DZ_IS_WINDOW(self), FALSE);
    dz_doc *doc = NULL;
    char why[512];
    dz_err e = dz_doc_import(input, out_form, &doc, why, sizeof why);
    if (e != DZ_OK) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s%s%s", input, dz_strerror(e),
                    why[0] != '\0' ? ": " : "", why);
        return FALSE;
    }
    dz_doc_free(self->doc);
    self->doc = doc;
    dz_canvas_select(self->canvas, -1);
    set_guides(self);
    refresh(self);
    return TRUE;
}

gboolean dz_window_save(DzWindow *self, const char *path, GError **error)
{
    g_return_val_if_fail(DZ_IS_WINDOW(self), FALSE);
    dz_err e = self->doc != NULL ? dz_doc_save(self->doc, path) : DZ_E_ARG;
    if (e != DZ_OK) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "save: %s", dz_strerror(e));
        return FALSE;
    }
    refresh(self);
    return TRUE;
}

gboolean dz_window_sign(DzWindow *self, const char *privkey_pem, GError **error)
{
    g_return_val_if_fail(DZ_IS_WINDOW(self), FALSE);
    if (self->doc != NULL && dz_doc_modified(self->doc) && !dz_window_save(self, NULL, error))
        return FALSE;
    dz_err e = self->doc != NULL ? dz_doc_sign(self->doc, privkey_pem) : DZ_E_ARG;
    if (e != DZ_OK) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "sign: %s", dz_strerror(e));
        return FALSE;
    }
    gtk_label_set_text(GTK_LABEL(self->status), "署名しました Signed");
    return TRUE;
}

gboolean dz_window_select(DzWindow *self, const char *kind, const char *name)
{
    g_return_val_if_fail(DZ_IS_WINDOW(self), FALSE);
    size_t n = dz_doc_object_count(self->doc);
    for (size_t i = 0; i < n; i++) {
        dz_object o;
        if (dz_doc_object(self->doc, i, &o) && g_strcmp0(o.kind, kind) == 0 &&
            (name == NULL || g_strcmp0(o.name, name) == 0)) {
            dz_canvas_select(self->canvas, (int)i);
            show_selection(self);
            return TRUE;
        }
    }
    return FALSE;
}

void dz_window_set_resident(DzWindow *self, guint index)
{
    g_return_if_fail(DZ_IS_WINDOW(self));
    if (index < dz_sample_count())
        gtk_drop_down_set_selected(GTK_DROP_DOWN(self->resident), index);
}

DzCanvas *dz_window_canvas(DzWindow *self)
{
    return self->canvas;
}

DzProps *dz_window_props(DzWindow *self)
{
    return DZ_PROPS(self->props);
}

GtkWidget *dz_window_questions(DzWindow *self)
{
    return self->questions;
}

GtkWidget *dz_window_catalog(DzWindow *self)
{
    return self->catalog;
}

void dz_window_show_tab(DzWindow *self, int page)
{
    gtk_notebook_set_current_page(GTK_NOTEBOOK(self->tabs), page);
}

dz_doc *dz_window_doc(DzWindow *self)
{
    return self->doc;
}

double dz_window_last_preview_ms(DzWindow *self)
{
    return self->last_ms;
}

gboolean dz_window_screenshot(DzWindow *self, const char *png, GError **error)
{
    GtkWidget *w = GTK_WIDGET(self);
    int width = gtk_widget_get_width(w), height = gtk_widget_get_height(w);
    GtkNative *native = gtk_widget_get_native(w);
    GskRenderer *r = native != NULL ? gtk_native_get_renderer(native) : NULL;
    if (width <= 0 || height <= 0 || r == NULL) {
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "the window is not shown yet");
        return FALSE;
    }
    GdkPaintable *p = gtk_widget_paintable_new(w);
    GtkSnapshot *snap = gtk_snapshot_new();
    gdk_paintable_snapshot(p, snap, width, height);
    GskRenderNode *node = gtk_snapshot_free_to_node(snap);
    gboolean ok = FALSE;
    if (node != NULL) {
        GdkTexture *tex =
            gsk_renderer_render_texture(r, node, &GRAPHENE_RECT_INIT(0, 0, width, height));
        ok = tex != NULL && gdk_texture_save_to_png(tex, png);
        if (tex != NULL)
            g_object_unref(tex);
        gsk_render_node_unref(node);
    }
    g_object_unref(p);
    if (!ok)
        g_set_error(error, G_IO_ERROR, G_IO_ERROR_FAILED, "could not write %s", png);
    return ok;
}
