/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* designer-canvas.c — the page with its objects. See designer-canvas.h. */
#include "designer-canvas.h"

#include <math.h>
#include <string.h>

#define SNAP_MM 1.0
#define GRID_MM 0.5
#define HANDLE_MM 2.5

typedef enum { DRAG_NONE, DRAG_MOVE, DRAG_RESIZE } drag_mode;

struct _DzCanvas {
    GtkWidget parent;
    double zoom;
    double w_mm, h_mm;
    cairo_surface_t *page;
    dz_object *objs;
    size_t nobjs;
    double (*guides)[4];
    size_t nguides;
    int selected;
    drag_mode mode;
    double x0, y0;      /* press point, mm */
    dz_object before;   /* the selected object at the press */
    dz_object live;     /* its geometry while dragging */
};
G_DEFINE_FINAL_TYPE(DzCanvas, dz_canvas, GTK_TYPE_WIDGET)

enum { SIG_SELECTED, SIG_GEOMETRY, N_SIGNALS };
static guint signals[N_SIGNALS];

static void canvas_dispose(GObject *o)
{
    DzCanvas *self = DZ_CANVAS(o);
    g_clear_pointer(&self->page, cairo_surface_destroy);
    g_clear_pointer(&self->objs, g_free);
    self->nobjs = 0;
    g_clear_pointer(&self->guides, g_free);
    self->nguides = 0;
    G_OBJECT_CLASS(dz_canvas_parent_class)->dispose(o);
}

static void canvas_measure(GtkWidget *w, GtkOrientation o, int for_size, int *min, int *nat,
                           int *min_base, int *nat_base)
{
    (void)for_size;
    DzCanvas *self = DZ_CANVAS(w);
    double mm = o == GTK_ORIENTATION_HORIZONTAL ? self->w_mm : self->h_mm;
    *min = *nat = (int)ceil(mm * self->zoom);
    *min_base = *nat_base = -1;
}

static const dz_object *shown(const DzCanvas *self, size_t i)
{
    return (int)i == self->selected && self->mode != DRAG_NONE ? &self->live : &self->objs[i];
}

static void draw_object(cairo_t *cr, const dz_object *o, double z, bool selected)
{
    if (o->problems > 0)
        cairo_set_source_rgba(cr, 0.85, 0.1, 0.1, 0.9);
    else if (selected)
        cairo_set_source_rgba(cr, 0.95, 0.45, 0.0, 0.95);
    else if (o->kind != NULL && strcmp(o->kind, "field") == 0)
        cairo_set_source_rgba(cr, 0.1, 0.35, 0.85, 0.7);
    else
        cairo_set_source_rgba(cr, 0.4, 0.4, 0.4, 0.35);
    cairo_set_line_width(cr, selected ? 3 : (o->problems > 0 ? 2.5 : 1));
    if (o->shape == DZ_SHAPE_LINE) {
        cairo_move_to(cr, o->x * z, o->y * z);
        cairo_line_to(cr, (o->x + o->w) * z, (o->y + o->h) * z);
        cairo_stroke(cr);
    } else {
        cairo_rectangle(cr, o->x * z + 0.5, o->y * z + 0.5, o->w * z, o->h * z);
        cairo_stroke(cr);
    }
    if (selected && o->shape != DZ_SHAPE_LINE) {
        double hs = HANDLE_MM * z;
        cairo_rectangle(cr, (o->x + o->w) * z - hs / 2, (o->y + o->h) * z - hs / 2, hs, hs);
        cairo_fill(cr);
    }
}

static void canvas_snapshot(GtkWidget *w, GtkSnapshot *snap)
{
    DzCanvas *self = DZ_CANVAS(w);
    double z = self->zoom;
    graphene_rect_t r = GRAPHENE_RECT_INIT(0, 0, (float)(self->w_mm * z), (float)(self->h_mm * z));
    cairo_t *cr = gtk_snapshot_append_cairo(snap, &r);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    if (self->page != NULL) {
        double pw = cairo_image_surface_get_width(self->page);
        double s = pw > 0 ? self->w_mm * z / pw : 1;
        cairo_save(cr);
        cairo_scale(cr, s, s);
        cairo_set_source_surface(cr, self->page, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
    }
    for (size_t i = 0; i < self->nobjs; i++)
        if ((int)i != self->selected)
            draw_object(cr, shown(self, i), z, false);
    if (self->selected >= 0 && (size_t)self->selected < self->nobjs)
        draw_object(cr, shown(self, (size_t)self->selected), z, true);
    cairo_destroy(cr);
}

static double seg_distance(double px, double py, const dz_object *o)
{
    double dx = o->w, dy = o->h, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((px - o->x) * dx + (py - o->y) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return hypot(px - (o->x + t * dx), py - (o->y + t * dy));
}

/* The object under (x, y) mm: the smallest rectangle holding it, or a line within 1.5 mm. */
static int hit(const DzCanvas *self, double x, double y)
{
    int best = -1;
    double best_area = INFINITY;
    for (size_t i = 0; i < self->nobjs; i++) {
        const dz_object *o = &self->objs[i];
        double area;
        if (o->shape == DZ_SHAPE_LINE) {
            if (seg_distance(x, y, o) > 1.5)
                continue;
            area = 1; /* lines win over the boxes they lie in */
        } else {
            if (x < o->x || y < o->y || x > o->x + o->w || y > o->y + o->h)
                continue;
            area = o->w * o->h;
        }
        if (area < best_area) {
            best_area = area;
            best = (int)i;
        }
    }
    return best;
}

/* Snap one coordinate to the other objects' edges within SNAP_MM, else to the grid. */
static double snap(const DzCanvas *self, double v, bool horizontal)
{
    double best = NAN, dist = SNAP_MM;
    for (size_t i = 0; i < self->nobjs; i++) {
        if ((int)i == self->selected)
            continue;
        const dz_object *o = &self->objs[i];
        double e[2] = {horizontal ? o->x : o->y, horizontal ? o->x + o->w : o->y + o->h};
        for (int k = 0; k < 2; k++)
            if (fabs(e[k] - v) < dist) {
                dist = fabs(e[k] - v);
                best = e[k];
            }
    }
    for (size_t i = 0; i < self->nguides; i++) {
        const double *g = self->guides[i];
        /* a vertical rule gives an x, a horizontal one a y */
        bool vertical = g[0] == g[2];
        if (vertical != horizontal)
            continue;
        double e = horizontal ? g[0] : g[1];
        if (fabs(e - v) < dist) {
            dist = fabs(e - v);
            best = e;
        }
    }
    return !isnan(best) ? best : round(v / GRID_MM) * GRID_MM;
}

static void press(DzCanvas *self, double x, double y)
{
    self->mode = DRAG_NONE;
    int sel = self->selected;
    if (sel >= 0 && (size_t)sel < self->nobjs && self->objs[sel].shape != DZ_SHAPE_LINE) {
        const dz_object *o = &self->objs[sel];
        if (fabs(x - (o->x + o->w)) <= HANDLE_MM && fabs(y - (o->y + o->h)) <= HANDLE_MM)
            self->mode = DRAG_RESIZE;
    }
    if (self->mode == DRAG_NONE) {
        int h = hit(self, x, y);
        if (h != self->selected) {
            self->selected = h;
            g_signal_emit(self, signals[SIG_SELECTED], 0, h);
        }
        if (h >= 0)
            self->mode = DRAG_MOVE;
    }
    if (self->mode != DRAG_NONE) {
        self->x0 = x, self->y0 = y;
        self->before = self->live = self->objs[self->selected];
    }
    gtk_widget_queue_draw(GTK_WIDGET(self));
}

static void motion(DzCanvas *self, double dx, double dy)
{
    if (self->mode == DRAG_NONE)
        return;
    dz_object *l = &self->live;
    const dz_object *b = &self->before;
    if (self->mode == DRAG_MOVE) {
        double nx = snap(self, b->x + dx, true), ny = snap(self, b->y + dy, false);
        /* the far edge may snap instead of the near one */
        if (l->shape == DZ_SHAPE_RECT) {
            double fx = snap(self, b->x + b->w + dx, true) - b->w;
            double fy = snap(self, b->y + b->h + dy, false) - b->h;
            if (fabs(fx - (b->x + dx)) < fabs(nx - (b->x + dx)))
                nx = fx;
            if (fabs(fy - (b->y + dy)) < fabs(ny - (b->y + dy)))
                ny = fy;
        }
        l->x = nx, l->y = ny;
    } else {
        double rx = snap(self, b->x + b->w + dx, true), ry = snap(self, b->y + b->h + dy, false);
        l->w = fmax(GRID_MM, rx - b->x);
        l->h = l->shape == DZ_SHAPE_SQUARE ? l->w : fmax(GRID_MM, ry - b->y);
    }
    gtk_widget_queue_draw(GTK_WIDGET(self));
}

static void release(DzCanvas *self)
{
    if (self->mode == DRAG_NONE)
        return;
    self->mode = DRAG_NONE;
    const dz_object *l = &self->live, *b = &self->before;
    if (l->x != b->x || l->y != b->y || l->w != b->w || l->h != b->h) {
        self->objs[self->selected] = *l;
        g_signal_emit(self, signals[SIG_GEOMETRY], 0, self->selected, l->x, l->y, l->w, l->h);
    }
    gtk_widget_queue_draw(GTK_WIDGET(self));
}

void dz_canvas_drag(DzCanvas *self, double x_mm, double y_mm, double dx_mm, double dy_mm)
{
    g_return_if_fail(DZ_IS_CANVAS(self));
    press(self, x_mm, y_mm);
    motion(self, dx_mm, dy_mm);
    release(self);
}

static void on_drag_begin(GtkGestureDrag *g, double x, double y, DzCanvas *self)
{
    (void)g;
    press(self, x / self->zoom, y / self->zoom);
}

static void on_drag_update(GtkGestureDrag *g, double dx, double dy, DzCanvas *self)
{
    (void)g;
    motion(self, dx / self->zoom, dy / self->zoom);
}

static void on_drag_end(GtkGestureDrag *g, double dx, double dy, DzCanvas *self)
{
    (void)g;
    motion(self, dx / self->zoom, dy / self->zoom);
    release(self);
}

static void dz_canvas_class_init(DzCanvasClass *klass)
{
    GObjectClass *oc = G_OBJECT_CLASS(klass);
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    oc->dispose = canvas_dispose;
    wc->measure = canvas_measure;
    wc->snapshot = canvas_snapshot;
    signals[SIG_SELECTED] = g_signal_new("object-selected", G_TYPE_FROM_CLASS(klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_INT);
    signals[SIG_GEOMETRY] = g_signal_new("geometry-changed", G_TYPE_FROM_CLASS(klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                                         G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE,
                                         G_TYPE_DOUBLE);
    gtk_widget_class_set_css_name(wc, "dzcanvas");
}

static void dz_canvas_init(DzCanvas *self)
{
    self->zoom = 4;
    self->w_mm = 210;
    self->h_mm = 297;
    self->selected = -1;
    GtkGesture *drag = gtk_gesture_drag_new();
    g_signal_connect(drag, "drag-begin", G_CALLBACK(on_drag_begin), self);
    g_signal_connect(drag, "drag-update", G_CALLBACK(on_drag_update), self);
    g_signal_connect(drag, "drag-end", G_CALLBACK(on_drag_end), self);
    gtk_widget_add_controller(GTK_WIDGET(self), GTK_EVENT_CONTROLLER(drag));
    gtk_widget_set_focusable(GTK_WIDGET(self), TRUE);
}

GtkWidget *dz_canvas_new(void)
{
    return g_object_new(DZ_TYPE_CANVAS, NULL);
}

void dz_canvas_set_zoom(DzCanvas *self, double px_per_mm)
{
    g_return_if_fail(DZ_IS_CANVAS(self));
    self->zoom = CLAMP(px_per_mm, 2, 12);
    gtk_widget_queue_resize(GTK_WIDGET(self));
}

double dz_canvas_get_zoom(DzCanvas *self)
{
    g_return_val_if_fail(DZ_IS_CANVAS(self), 4);
    return self->zoom;
}

void dz_canvas_set_page(DzCanvas *self, cairo_surface_t *page, double w_mm, double h_mm)
{
    g_return_if_fail(DZ_IS_CANVAS(self));
    g_clear_pointer(&self->page, cairo_surface_destroy);
    self->page = page != NULL ? cairo_surface_reference(page) : NULL;
    if (w_mm > 0 && h_mm > 0 && (w_mm != self->w_mm || h_mm != self->h_mm)) {
        self->w_mm = w_mm;
        self->h_mm = h_mm;
        gtk_widget_queue_resize(GTK_WIDGET(self));
    }
    gtk_widget_queue_draw(GTK_WIDGET(self));
}

void dz_canvas_set_objects(DzCanvas *self, const dz_object *objs, size_t n)
{
    g_return_if_fail(DZ_IS_CANVAS(self));
    g_free(self->objs);
    self->objs = n > 0 ? g_memdup2(objs, n * sizeof *objs) : NULL;
    self->nobjs = n;
    for (size_t i = 0; i < n; i++) /* the strings are not kept: only "field" matters */
        self->objs[i].kind = objs[i].kind != NULL && strcmp(objs[i].kind, "field") == 0
                                 ? "field" : "other";
    for (size_t i = 0; i < n; i++)
        self->objs[i].name = NULL;
    if (self->selected >= (int)n)
        self->selected = -1;
    self->mode = DRAG_NONE;
    gtk_widget_queue_draw(GTK_WIDGET(self));
}

void dz_canvas_set_guides(DzCanvas *self, const double (*segs)[4], size_t n)
{
    g_return_if_fail(DZ_IS_CANVAS(self));
    g_clear_pointer(&self->guides, g_free);
    self->guides = n > 0 ? g_memdup2(segs, n * sizeof *segs) : NULL;
    self->nguides = self->guides != NULL ? n : 0;
}

void dz_canvas_select(DzCanvas *self, int index)
{
    g_return_if_fail(DZ_IS_CANVAS(self));
    self->selected = index >= 0 && (size_t)index < self->nobjs ? index : -1;
    gtk_widget_queue_draw(GTK_WIDGET(self));
}

int dz_canvas_get_selected(DzCanvas *self)
{
    g_return_val_if_fail(DZ_IS_CANVAS(self), -1);
    return self->selected;
}
