/* kiosk-screens.c — the screen widgets. See kiosk-screens.h. */
#include "kiosk-screens.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "kiosk-passcode.h"
#include "kiosk-util.h"

#define RES "/jp/kakanai/kiosk/"

/* Every screen class gets the same "request" signal. */
static void add_request_signal(gpointer klass)
{
    g_signal_new("request", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                 G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void request(gpointer self, const char *what, const char *arg)
{
    g_signal_emit_by_name(self, "request", what, arg);
}

/* A big keypad of digits into grid: 1-9, then left / 0 / right. */
static void build_keypad(GtkGrid *grid, const char *digit_action, const char *left_label,
                         const char *left_action, const char *right_label,
                         const char *right_action)
{
    for (int i = 0; i < 9; i++) {
        char label[2] = {(char)('1' + i), 0};
        GtkWidget *b = gtk_button_new_with_label(label);
        gtk_widget_add_css_class(b, "key");
        gtk_actionable_set_action_name(GTK_ACTIONABLE(b), digit_action);
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "i", i + 1);
        gtk_widget_set_size_request(b, 150, 100);
        gtk_grid_attach(grid, b, i % 3, i / 3, 1, 1);
    }
    GtkWidget *l = gtk_button_new_with_label(left_label);
    gtk_actionable_set_action_name(GTK_ACTIONABLE(l), left_action);
    GtkWidget *z = gtk_button_new_with_label("0");
    gtk_widget_add_css_class(z, "key");
    gtk_actionable_set_action_name(GTK_ACTIONABLE(z), digit_action);
    gtk_actionable_set_action_target(GTK_ACTIONABLE(z), "i", 0);
    GtkWidget *r = gtk_button_new_with_label(right_label);
    gtk_actionable_set_action_name(GTK_ACTIONABLE(r), right_action);
    gtk_grid_attach(grid, l, 0, 3, 1, 1);
    gtk_grid_attach(grid, z, 1, 3, 1, 1);
    gtk_grid_attach(grid, r, 2, 3, 1, 1);
}

static void clear_box(GtkWidget *box)
{
    GtkWidget *c;
    while ((c = gtk_widget_get_first_child(box)))
        gtk_widget_unparent(c);
}

static char *dots(size_t filled, size_t len)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < len; i++)
        g_string_append(s, i < filled ? "●" : "○");
    return g_string_free(s, FALSE);
}

/* ======================================================================================= */
/* Menu                                                                                     */

struct _KioskMenuScreen {
    GtkBox parent;
    GtkWidget *grid, *empty;
};
G_DEFINE_FINAL_TYPE(KioskMenuScreen, kiosk_menu_screen, GTK_TYPE_BOX)

static void menu_choose(GtkWidget *w, const char *name, GVariant *param)
{
    request(w, "procedure", g_variant_get_string(param, NULL));
}

static void kiosk_menu_screen_class_init(KioskMenuScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, RES "menu.ui");
    gtk_widget_class_bind_template_child(wc, KioskMenuScreen, grid);
    gtk_widget_class_bind_template_child(wc, KioskMenuScreen, empty);
    gtk_widget_class_install_action(wc, "menu.choose", "s", menu_choose);
    add_request_signal(klass);
}

static void kiosk_menu_screen_init(KioskMenuScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_menu_screen_new(void) { return g_object_new(KIOSK_TYPE_MENU_SCREEN, NULL); }

guint kiosk_menu_screen_set_catalog(KioskMenuScreen *self, const form_catalog *cat,
                                    const kiosk_config *config, const char *lang)
{
    clear_box(self->grid);
    guint shown = 0;
    for (size_t i = 0; cat && i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        if (!kiosk_config_offers(config, form_procedure_id(p)))
            continue;
        GtkWidget *b = gtk_button_new();
        gtk_widget_add_css_class(b, "procedure");
        gtk_widget_set_hexpand(b, TRUE);
        gtk_actionable_set_action_name(GTK_ACTIONABLE(b), "menu.choose");
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "s", form_procedure_id(p));
        GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 24);
        const char *icon = form_procedure_icon(p);
        GtkWidget *img = gtk_image_new_from_icon_name(icon && *icon ? icon
                                                                    : "x-office-document-symbolic");
        gtk_image_set_pixel_size(GTK_IMAGE(img), 96);
        gtk_box_append(GTK_BOX(row), img);
        GtkWidget *col = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4);
        gtk_widget_set_valign(col, GTK_ALIGN_CENTER);
        GtkWidget *t = gtk_label_new(form_text_get(form_procedure_title(p), lang));
        gtk_widget_add_css_class(t, "ptitle");
        gtk_label_set_xalign(GTK_LABEL(t), 0);
        gtk_label_set_wrap(GTK_LABEL(t), TRUE);
        gtk_box_append(GTK_BOX(col), t);
        const form_text *desc = form_procedure_description(p);
        if (desc && form_text_get(desc, lang)) {
            GtkWidget *d = gtk_label_new(form_text_get(desc, lang));
            gtk_widget_add_css_class(d, "pdesc");
            gtk_label_set_xalign(GTK_LABEL(d), 0);
            gtk_label_set_wrap(GTK_LABEL(d), TRUE);
            gtk_box_append(GTK_BOX(col), d);
        }
        gtk_box_append(GTK_BOX(row), col);
        gtk_button_set_child(GTK_BUTTON(b), row);
        gtk_grid_attach(GTK_GRID(self->grid), b, (int)(shown % 2), (int)(shown / 2), 1, 1);
        shown++;
    }
    gtk_widget_set_visible(self->empty, shown == 0);
    return shown;
}

/* ======================================================================================= */
/* Place your card                                                                          */

struct _KioskCardScreen {
    GtkBox parent;
    GtkWidget *title, *picture, *status, *demo_toggle;
    kiosk_reader_status st;
    gboolean present;
};
G_DEFINE_FINAL_TYPE(KioskCardScreen, kiosk_card_screen, GTK_TYPE_BOX)

/* A reader seen from above with the card sliding onto it. */
static void card_draw(GtkDrawingArea *area, cairo_t *cr, int w, int h, gpointer data)
{
    KioskCardScreen *self = data;
    double cx = w / 2.0, cy = h / 2.0 + 30;
    cairo_set_line_width(cr, 6);
    /* reader */
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
    cairo_rectangle(cr, cx - 200, cy - 40, 400, 130);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, self->st == KIOSK_READER_NONE ? 0.8 : 0.1,
                         self->st == KIOSK_READER_NONE ? 0.1 : 0.7, 0.2);
    cairo_arc(cr, cx + 160, cy + 60, 12, 0, 2 * G_PI);
    cairo_fill(cr);
    /* card */
    double off = self->st == KIOSK_READER_CARD ? 0 : -110;
    cairo_set_source_rgb(cr, 0.93, 0.96, 1.0);
    cairo_rectangle(cr, cx - 150, cy - 90 + off, 300, 120);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.04, 0.18, 0.42);
    cairo_stroke(cr);
    cairo_rectangle(cr, cx + 60, cy - 75 + off, 70, 90); /* photo */
    cairo_stroke(cr);
    for (int i = 0; i < 3; i++) {
        cairo_move_to(cr, cx - 130, cy - 60 + off + i * 28);
        cairo_line_to(cr, cx + 30, cy - 60 + off + i * 28);
    }
    cairo_stroke(cr);
    if (self->st != KIOSK_READER_CARD) { /* arrow down */
        cairo_set_source_rgb(cr, 0.9, 0.45, 0);
        cairo_move_to(cr, cx - 260, cy - 140);
        cairo_line_to(cr, cx - 260, cy - 20);
        cairo_stroke(cr);
        cairo_move_to(cr, cx - 285, cy - 50);
        cairo_line_to(cr, cx - 260, cy - 10);
        cairo_line_to(cr, cx - 235, cy - 50);
        cairo_stroke(cr);
    }
}

static void card_toggle(GtkWidget *w, const char *name, GVariant *param)
{
    request(w, "toggle-card", NULL);
}

static void kiosk_card_screen_class_init(KioskCardScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, RES "card.ui");
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, picture);
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, status);
    gtk_widget_class_bind_template_child(wc, KioskCardScreen, demo_toggle);
    gtk_widget_class_install_action(wc, "card.toggle", NULL, card_toggle);
    add_request_signal(klass);
}

static void kiosk_card_screen_init(KioskCardScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    gtk_drawing_area_set_draw_func(GTK_DRAWING_AREA(self->picture), card_draw, self, NULL);
    kiosk_card_screen_set_status(self, KIOSK_READER_SEARCHING);
}

GtkWidget *kiosk_card_screen_new(void) { return g_object_new(KIOSK_TYPE_CARD_SCREEN, NULL); }

void kiosk_card_screen_set_status(KioskCardScreen *self, kiosk_reader_status st)
{
    static const char *const text[] = {
        N_("Looking for the card reader…"),
        N_("The card reader is not connected. Please call a staff member."),
        N_("Waiting for your card."),
        N_("Reading your card. Please do not take it yet."),
        N_("The card cannot be read. Please turn it over, photo side up, and put it back."),
    };
    self->st = st;
    gtk_label_set_text(GTK_LABEL(self->status), _(text[st]));
    if (st == KIOSK_READER_NONE || st == KIOSK_READER_MUTE)
        gtk_widget_add_css_class(self->status, "warning");
    else
        gtk_widget_remove_css_class(self->status, "warning");
    gtk_widget_queue_draw(self->picture);
}

void kiosk_card_screen_set_demo(KioskCardScreen *self, gboolean demo, gboolean present)
{
    self->present = present;
    gtk_widget_set_visible(self->demo_toggle, demo);
    gtk_button_set_label(GTK_BUTTON(self->demo_toggle),
                         present ? _("Demo: take the card off the reader")
                                 : _("Demo: put the card on the reader"));
}

/* ======================================================================================= */
/* PIN pad                                                                                  */

struct _KioskPinScreen {
    GtkBox parent;
    GtkWidget *title, *tries, *warning, *dots, *keypad, *ok, *forgot;
};
G_DEFINE_FINAL_TYPE(KioskPinScreen, kiosk_pin_screen, GTK_TYPE_BOX)

static void pin_digit(GtkWidget *w, const char *name, GVariant *param)
{
    char d[12];
    g_snprintf(d, sizeof d, "%d", g_variant_get_int32(param));
    request(w, "digit", d);
}
static void pin_delete(GtkWidget *w, const char *n, GVariant *p) { request(w, "delete", NULL); }
static void pin_clear(GtkWidget *w, const char *n, GVariant *p) { request(w, "clear", NULL); }
static void pin_submit(GtkWidget *w, const char *n, GVariant *p) { request(w, "submit", NULL); }

static void kiosk_pin_screen_class_init(KioskPinScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, RES "pin.ui");
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, tries);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, warning);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, dots);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, keypad);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, ok);
    gtk_widget_class_bind_template_child(wc, KioskPinScreen, forgot);
    gtk_widget_class_install_action(wc, "pin.digit", "i", pin_digit);
    gtk_widget_class_install_action(wc, "pin.delete", NULL, pin_delete);
    gtk_widget_class_install_action(wc, "pin.clear", NULL, pin_clear);
    gtk_widget_class_install_action(wc, "pin.submit", NULL, pin_submit);
    add_request_signal(klass);
}

static void kiosk_pin_screen_init(KioskPinScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    build_keypad(GTK_GRID(self->keypad), "pin.digit", _("Clear"), "pin.clear", "⌫ 1",
                 "pin.delete");
}

GtkWidget *kiosk_pin_screen_new(void) { return g_object_new(KIOSK_TYPE_PIN_SCREEN, NULL); }

void kiosk_pin_screen_update(KioskPinScreen *self, gboolean checkcode, size_t len,
                             size_t digits, int tries, gboolean last_try)
{
    gtk_label_set_text(GTK_LABEL(self->title),
                       checkcode ? _("Staff: enter 照合番号B (birth date YYMMDD, expiry year, "
                                     "security code)")
                                 : _("Please enter your 4-digit PIN (暗証番号)"));
    g_autofree char *t = NULL;
    if (tries > 0)
        t = g_strdup_printf(ngettext("You can try %d more time.", "You can try %d more times.",
                                     (unsigned long)tries),
                            tries);
    gtk_label_set_text(GTK_LABEL(self->tries), t ? t : "");
    gtk_label_set_text(GTK_LABEL(self->warning),
                       _("Careful: this is the last try. If it is wrong, the card is locked "
                         "and must be unlocked at the counter."));
    gtk_widget_set_visible(self->warning, last_try);
    g_autofree char *d = dots(digits, len);
    gtk_label_set_text(GTK_LABEL(self->dots), d);
    gtk_widget_set_sensitive(self->ok, digits == len);
    gtk_widget_set_visible(self->forgot, !checkcode);
}

/* ======================================================================================= */
/* Question                                                                                 */

struct _KioskQuestionScreen {
    GtkBox parent;
    GtkWidget *step, *title, *help, *body, *error, *next;
    const form_question *q;
    form_question_type type;
    char *lang;
    GString *value;      /* composed value (number, date YYYYMMDD, kana) */
    GtkWidget *display;  /* GtkEntry (kana) or GtkLabel (number/date) */
    GtkWidget *era;      /* 和暦 label for dates */
    int y, m, d;         /* date */
    long n;              /* number */
};
G_DEFINE_FINAL_TYPE(KioskQuestionScreen, kiosk_question_screen, GTK_TYPE_BOX)

static void value_wipe(GString *s)
{
    if (s && s->len)
        memset(s->str, 0, s->len);
    if (s)
        g_string_truncate(s, 0);
}

static void q_refresh(KioskQuestionScreen *self)
{
    if (!self->display)
        return;
    if (self->type == FORM_Q_NUMBER) {
        value_wipe(self->value);
        g_string_append_printf(self->value, "%ld", self->n);
        gtk_label_set_text(GTK_LABEL(self->display), self->value->str);
    } else if (self->type == FORM_Q_DATE) {
        int dim = kiosk_days_in_month(self->y, self->m);
        if (self->d > dim)
            self->d = dim;
        value_wipe(self->value);
        g_string_append_printf(self->value, "%04d%02d%02d", self->y, self->m, self->d);
        g_autofree char *w = kiosk_wareki(self->y, self->m, self->d);
        g_autofree char *g = g_strdup_printf("%d / %d / %d", self->y, self->m, self->d);
        gtk_label_set_text(GTK_LABEL(self->display), g);
        gtk_label_set_text(GTK_LABEL(self->era), w ? w : "");
    } else {
        gtk_editable_set_text(GTK_EDITABLE(self->display), self->value->str);
    }
}

static void q_choose(GtkWidget *w, const char *name, GVariant *param)
{
    request(w, "answer", g_variant_get_string(param, NULL));
}

static void q_next(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    if (self->type == FORM_Q_MULTI) {
        GString *v = g_string_new(NULL);
        for (GtkWidget *c = gtk_widget_get_first_child(self->body); c;
             c = gtk_widget_get_next_sibling(c)) {
            if (GTK_IS_TOGGLE_BUTTON(c) && gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(c))) {
                if (v->len)
                    g_string_append_c(v, ',');
                g_string_append(v, g_object_get_data(G_OBJECT(c), "value"));
            }
        }
        request(w, "answer", v->str);
        g_string_free(v, TRUE);
        return;
    }
    request(w, "answer", self->value->str);
}

static void parse_date(KioskQuestionScreen *self, const char *v)
{
    char b[5] = {0};
    memcpy(b, v, 4);
    int y = (int)strtol(b, NULL, 10);
    memset(b, 0, sizeof b);
    memcpy(b, v + 4, 2);
    int m = (int)strtol(b, NULL, 10);
    memcpy(b, v + 6, 2);
    int d = (int)strtol(b, NULL, 10);
    if (y >= 1873 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= kiosk_days_in_month(y, m)) {
        self->y = y;
        self->m = m;
        self->d = d;
    }
}

/* Set the value from text, as if typed (the --script driver's "answer"). */
static void q_set(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    const char *v = g_variant_get_string(param, NULL);
    if (self->type == FORM_Q_NUMBER) {
        self->n = strtol(v, NULL, 10);
    } else if (self->type == FORM_Q_DATE && strlen(v) == 8) {
        parse_date(self, v);
    } else {
        value_wipe(self->value);
        g_string_append(self->value, v);
    }
    q_refresh(self);
}

static void q_step(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    const char *s = g_variant_get_string(param, NULL);
    int dir = s[1] == '+' ? 1 : -1;
    if (self->type == FORM_Q_NUMBER) {
        long n = self->n + dir;
        if (n >= form_question_min(self->q) && n <= form_question_max(self->q))
            self->n = n;
    } else if (s[0] == 'y') {
        self->y += dir;
    } else if (s[0] == 'm') {
        self->m = (self->m + dir + 11) % 12 + 1;
    } else if (s[0] == 'd') {
        int dim = kiosk_days_in_month(self->y, self->m);
        self->d = (self->d + dir + dim - 1) % dim + 1;
    }
    q_refresh(self);
}

static void q_kana(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    const char *k = g_variant_get_string(param, NULL);
    long max = form_question_max(self->q);
    if (max > 0 && g_utf8_strlen(self->value->str, -1) >= max)
        return;
    if (form_question_kana(self->q) == FORM_KANA_KATAKANA) {
        g_autofree char *kk = kiosk_to_katakana(k);
        g_string_append(self->value, kk);
    } else {
        g_string_append(self->value, k);
    }
    q_refresh(self);
}

static void q_kana_mod(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    char *m = kiosk_kana_modify(self->value->str, g_variant_get_int32(param));
    if (m) {
        value_wipe(self->value);
        g_string_append(self->value, m);
        memset(m, 0, strlen(m));
        g_free(m);
        q_refresh(self);
    }
}

static void q_kana_del(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    if (!self->value->len)
        return;
    const char *last = g_utf8_find_prev_char(self->value->str, self->value->str + self->value->len);
    gsize keep = (gsize)(last - self->value->str);
    memset(self->value->str + keep, 0, self->value->len - keep);
    g_string_truncate(self->value, keep);
    q_refresh(self);
}

static void kiosk_question_screen_finalize(GObject *o)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(o);
    value_wipe(self->value);
    g_string_free(self->value, TRUE);
    g_free(self->lang);
    G_OBJECT_CLASS(kiosk_question_screen_parent_class)->finalize(o);
}

static void kiosk_question_screen_class_init(KioskQuestionScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->finalize = kiosk_question_screen_finalize;
    gtk_widget_class_set_template_from_resource(wc, RES "question.ui");
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, step);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, help);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, body);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, error);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, next);
    gtk_widget_class_install_action(wc, "question.choose", "s", q_choose);
    gtk_widget_class_install_action(wc, "question.next", NULL, q_next);
    gtk_widget_class_install_action(wc, "question.set", "s", q_set);
    gtk_widget_class_install_action(wc, "question.step", "s", q_step);
    gtk_widget_class_install_action(wc, "question.kana", "s", q_kana);
    gtk_widget_class_install_action(wc, "question.kana-mod", "i", q_kana_mod);
    gtk_widget_class_install_action(wc, "question.kana-del", NULL, q_kana_del);
    add_request_signal(klass);
}

static void kiosk_question_screen_init(KioskQuestionScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    self->value = g_string_new(NULL);
}

GtkWidget *kiosk_question_screen_new(void)
{
    return g_object_new(KIOSK_TYPE_QUESTION_SCREEN, NULL);
}

static GtkWidget *action_button(const char *label, const char *action, const char *fmt,
                                const char *sval, int ival)
{
    GtkWidget *b = gtk_button_new_with_label(label);
    gtk_actionable_set_action_name(GTK_ACTIONABLE(b), action);
    if (fmt && fmt[0] == 's')
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "s", sval);
    else if (fmt && fmt[0] == 'i')
        gtk_actionable_set_action_target(GTK_ACTIONABLE(b), "i", ival);
    return b;
}

static GtkWidget *stepper(const char *minus, const char *plus, GtkWidget *middle,
                          const char *what)
{
    GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 16);
    gtk_widget_set_halign(row, GTK_ALIGN_CENTER);
    char m[3] = {what[0], '-', 0}, p[3] = {what[0], '+', 0};
    GtkWidget *bm = action_button(minus, "question.step", "s", m, 0);
    GtkWidget *bp = action_button(plus, "question.step", "s", p, 0);
    gtk_widget_add_css_class(bm, "key");
    gtk_widget_add_css_class(bp, "key");
    gtk_widget_set_size_request(middle, 220, -1);
    gtk_box_append(GTK_BOX(row), bm);
    gtk_box_append(GTK_BOX(row), middle);
    gtk_box_append(GTK_BOX(row), bp);
    return row;
}

static void build_kana(KioskQuestionScreen *self)
{
    GtkWidget *entry = gtk_entry_new();
    gtk_editable_set_enable_undo(GTK_EDITABLE(entry), FALSE);
    gtk_editable_set_editable(GTK_EDITABLE(entry), FALSE);
    gtk_widget_set_can_focus(entry, FALSE);
    gtk_widget_set_size_request(entry, 900, -1);
    gtk_widget_add_css_class(entry, "entry");
    self->display = entry;
    gtk_box_append(GTK_BOX(self->body), entry);
    /* 五十音: columns right to left as on a paper chart would confuse touch users; use rows
     * of あ-row, か-row, … left to right. */
    GtkWidget *grid = gtk_grid_new();
    gtk_grid_set_row_spacing(GTK_GRID(grid), 6);
    gtk_grid_set_column_spacing(GTK_GRID(grid), 6);
    gtk_widget_set_halign(grid, GTK_ALIGN_CENTER);
    bool kata = form_question_kana(self->q) == FORM_KANA_KATAKANA;
    for (int col = 0; kiosk_kana_rows[col]; col++) {
        int row = 0;
        for (const char *p = kiosk_kana_rows[col]; *p; p = g_utf8_next_char(p), row++) {
            gunichar c = g_utf8_get_char(p);
            if (c == 0x3000)
                continue;
            char buf[8] = {0};
            g_unichar_to_utf8(c, buf);
            g_autofree char *shown = kata ? kiosk_to_katakana(buf) : g_strdup(buf);
            GtkWidget *b = action_button(shown, "question.kana", "s", buf, 0);
            gtk_widget_add_css_class(b, "kana");
            gtk_grid_attach(GTK_GRID(grid), b, col, row, 1, 1);
        }
    }
    GtkWidget *tools = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_set_halign(tools, GTK_ALIGN_CENTER);
    gtk_box_append(GTK_BOX(tools), action_button(_("゛ voiced"), "question.kana-mod", "i", NULL, 1));
    gtk_box_append(GTK_BOX(tools), action_button(_("゜ p-sound"), "question.kana-mod", "i", NULL, 2));
    gtk_box_append(GTK_BOX(tools), action_button(_("small ァ"), "question.kana-mod", "i", NULL, 3));
    gtk_box_append(GTK_BOX(tools), action_button(_("space"), "question.kana", "s", "　", 0));
    gtk_box_append(GTK_BOX(tools), action_button(_("⌫ delete one"), "question.kana-del", NULL, NULL, 0));
    gtk_box_append(GTK_BOX(self->body), grid);
    gtk_box_append(GTK_BOX(self->body), tools);
}

void kiosk_question_screen_set(KioskQuestionScreen *self, const form_question *q, int index,
                               int count, const char *lang, const char *previous)
{
    kiosk_question_screen_wipe(self);
    self->q = q;
    g_free(self->lang);
    self->lang = g_strdup(lang);
    self->type = form_question_type_of(q);
    g_autofree char *step = g_strdup_printf(_("Question %d of %d"), index + 1, count);
    gtk_label_set_text(GTK_LABEL(self->step), step);
    gtk_label_set_text(GTK_LABEL(self->title), form_text_get(form_question_label(q), lang));
    const form_text *help = form_question_help(q);
    gtk_label_set_text(GTK_LABEL(self->help), help ? form_text_get(help, lang) : "");
    gtk_widget_set_visible(self->help, help != NULL);
    gtk_widget_set_visible(self->next, TRUE);
    const char *def = previous ? previous : form_question_default(q);

    switch (self->type) {
    case FORM_Q_CHOICE:
    case FORM_Q_MULTI:
        for (size_t i = 0; i < form_question_choice_count(q); i++) {
            const char *v = form_question_choice_value(q, i);
            const char *l = form_text_get(form_question_choice_label(q, i), lang);
            GtkWidget *b;
            if (self->type == FORM_Q_CHOICE) {
                b = action_button(l, "question.choose", "s", v, 0);
            } else {
                b = gtk_toggle_button_new_with_label(l);
                g_object_set_data_full(G_OBJECT(b), "value", g_strdup(v), g_free);
                if (def && strstr(def, v))
                    gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(b), TRUE);
            }
            gtk_widget_set_size_request(b, 760, 96);
            gtk_box_append(GTK_BOX(self->body), b);
        }
        gtk_widget_set_visible(self->next, self->type == FORM_Q_MULTI);
        break;
    case FORM_Q_YESNO: {
        GtkWidget *row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 48);
        GtkWidget *y = action_button(_("Yes"), "question.choose", "s", "yes", 0);
        GtkWidget *n = action_button(_("No"), "question.choose", "s", "no", 0);
        gtk_widget_set_size_request(y, 340, 140);
        gtk_widget_set_size_request(n, 340, 140);
        gtk_box_append(GTK_BOX(row), y);
        gtk_box_append(GTK_BOX(row), n);
        gtk_box_append(GTK_BOX(self->body), row);
        gtk_widget_set_visible(self->next, FALSE);
        break;
    }
    case FORM_Q_NUMBER: {
        self->n = def ? strtol(def, NULL, 10) : form_question_min(q);
        if (self->n < form_question_min(q))
            self->n = form_question_min(q);
        self->display = gtk_label_new(NULL);
        gtk_widget_add_css_class(self->display, "value");
        gtk_box_append(GTK_BOX(self->body), stepper("−", "+", self->display, "n"));
        break;
    }
    case FORM_Q_DATE: {
        self->y = 1980, self->m = 1, self->d = 1;
        if (def && strlen(def) == 8)
            parse_date(self, def);
        self->display = gtk_label_new(NULL);
        gtk_widget_add_css_class(self->display, "value");
        self->era = gtk_label_new(NULL);
        gtk_widget_add_css_class(self->era, "subtitle");
        gtk_box_append(GTK_BOX(self->body), self->display);
        gtk_box_append(GTK_BOX(self->body), self->era);
        GtkWidget *yl = gtk_label_new(_("Year")), *ml = gtk_label_new(_("Month")),
                  *dl = gtk_label_new(_("Day"));
        gtk_box_append(GTK_BOX(self->body), stepper("−", "+", yl, "y"));
        gtk_box_append(GTK_BOX(self->body), stepper("−", "+", ml, "m"));
        gtk_box_append(GTK_BOX(self->body), stepper("−", "+", dl, "d"));
        break;
    }
    case FORM_Q_KANA:
    case FORM_Q_TEXT:
    default:
        build_kana(self);
        if (def)
            g_string_append(self->value, def);
        break;
    }
    q_refresh(self);
}

void kiosk_question_screen_set_error(KioskQuestionScreen *self, const char *why)
{
    gtk_label_set_text(GTK_LABEL(self->error), why ? why : "");
    gtk_widget_set_visible(self->error, why && *why);
}

const char *kiosk_question_screen_value(KioskQuestionScreen *self) { return self->value->str; }

void kiosk_question_screen_wipe(KioskQuestionScreen *self)
{
    value_wipe(self->value);
    if (self->display && GTK_IS_EDITABLE(self->display))
        gtk_editable_set_text(GTK_EDITABLE(self->display), "");
    self->display = NULL;
    self->era = NULL;
    self->q = NULL;
    self->n = 0;
    self->y = self->m = self->d = 0;
    clear_box(self->body);
    kiosk_question_screen_set_error(self, NULL);
}

/* ======================================================================================= */
/* Confirmation                                                                             */

struct _KioskConfirmScreen {
    GtkBox parent;
    GtkWidget *preview_stack, *spinner, *preview, *summary, *flags, *print;
    gboolean has_preview;
};
G_DEFINE_FINAL_TYPE(KioskConfirmScreen, kiosk_confirm_screen, GTK_TYPE_BOX)

static void confirm_print(GtkWidget *w, const char *n, GVariant *p) { request(w, "print", NULL); }

static void kiosk_confirm_screen_class_init(KioskConfirmScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, RES "confirm.ui");
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, preview_stack);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, spinner);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, preview);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, summary);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, flags);
    gtk_widget_class_bind_template_child(wc, KioskConfirmScreen, print);
    gtk_widget_class_install_action(wc, "confirm.print", NULL, confirm_print);
    add_request_signal(klass);
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

static void wipe_bytes(guchar *p, gpointer data) { }

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
    g_autoptr(GBytes) pix = g_bytes_new(data, (gsize)stride * (gsize)h);
    memset(data, 0, (gsize)stride * (gsize)h);
    cairo_surface_destroy(surf);
    g_object_unref(page);
    g_object_unref(doc);
    (void)wipe_bytes;
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
                                      const char *value)
{
    GtkWidget *k = gtk_label_new(key);
    gtk_widget_add_css_class(k, "key");
    gtk_label_set_xalign(GTK_LABEL(k), 0);
    gtk_label_set_wrap(GTK_LABEL(k), TRUE);
    GtkWidget *v = gtk_label_new(value);
    gtk_label_set_xalign(GTK_LABEL(v), 0);
    gtk_label_set_wrap(GTK_LABEL(v), TRUE);
    gtk_label_set_wrap_mode(GTK_LABEL(v), PANGO_WRAP_WORD_CHAR);
    gtk_box_append(GTK_BOX(self->summary), k);
    gtk_box_append(GTK_BOX(self->summary), v);
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
    clear_box(self->summary);
    kiosk_confirm_screen_set_flags(self, NULL);
}

/* ======================================================================================= */
/* Printing                                                                                 */

struct _KioskPrintingScreen {
    GtkBox parent;
    GtkWidget *spinner, *title, *status, *problem_buttons;
};
G_DEFINE_FINAL_TYPE(KioskPrintingScreen, kiosk_printing_screen, GTK_TYPE_BOX)

static void pr_retry(GtkWidget *w, const char *n, GVariant *p) { request(w, "retry", NULL); }
static void pr_cancel(GtkWidget *w, const char *n, GVariant *p) { request(w, "cancel", NULL); }

static void kiosk_printing_screen_class_init(KioskPrintingScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, RES "printing.ui");
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, spinner);
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, status);
    gtk_widget_class_bind_template_child(wc, KioskPrintingScreen, problem_buttons);
    gtk_widget_class_install_action(wc, "printing.retry", NULL, pr_retry);
    gtk_widget_class_install_action(wc, "printing.cancel", NULL, pr_cancel);
    add_request_signal(klass);
}

static void kiosk_printing_screen_init(KioskPrintingScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_printing_screen_new(void)
{
    return g_object_new(KIOSK_TYPE_PRINTING_SCREEN, NULL);
}

void kiosk_printing_screen_set_stage(KioskPrintingScreen *self, form_print_stage stage)
{
    static const char *const text[] = {N_("Sending your form to the printer…"),
                                       N_("Waiting for the printer…"), N_("Printing…"),
                                       N_("Printed.")};
    kiosk_printing_screen_set_problem(self, NULL);
    gtk_label_set_text(GTK_LABEL(self->status), _(text[stage <= FORM_PRINT_DONE ? stage : 0]));
}

void kiosk_printing_screen_set_problem(KioskPrintingScreen *self, const char *problem)
{
    gboolean p = problem != NULL;
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), !p);
    gtk_widget_set_visible(self->spinner, !p);
    gtk_label_set_text(GTK_LABEL(self->title),
                       p ? _("The form could not be printed") : _("Printing your form"));
    if (p)
        gtk_label_set_text(GTK_LABEL(self->status), problem);
    gtk_widget_set_visible(self->problem_buttons, p);
}

/* ======================================================================================= */
/* Done                                                                                     */

struct _KioskDoneScreen {
    GtkBox parent;
    GtkWidget *counter;
};
G_DEFINE_FINAL_TYPE(KioskDoneScreen, kiosk_done_screen, GTK_TYPE_BOX)

static void done_finish(GtkWidget *w, const char *n, GVariant *p) { request(w, "finish", NULL); }

static void kiosk_done_screen_class_init(KioskDoneScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, RES "done.ui");
    gtk_widget_class_bind_template_child(wc, KioskDoneScreen, counter);
    gtk_widget_class_install_action(wc, "done.finish", NULL, done_finish);
    add_request_signal(klass);
}

static void kiosk_done_screen_init(KioskDoneScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_done_screen_new(void) { return g_object_new(KIOSK_TYPE_DONE_SCREEN, NULL); }

void kiosk_done_screen_set_counter(KioskDoneScreen *self, int counter)
{
    g_autofree char *t = counter > 0
                             ? g_strdup_printf(_("Please take the form to counter %d."), counter)
                             : g_strdup(_("Please take the form to the counter."));
    gtk_label_set_text(GTK_LABEL(self->counter), t);
}

/* ======================================================================================= */
/* Message: reading, error, staff call                                                      */

struct _KioskMessageScreen {
    GtkBox parent;
    GtkWidget *spinner, *icon, *title, *message, *detail, *ok;
};
G_DEFINE_FINAL_TYPE(KioskMessageScreen, kiosk_message_screen, GTK_TYPE_BOX)

static void msg_ok(GtkWidget *w, const char *n, GVariant *p) { request(w, "ok", NULL); }

static void kiosk_message_screen_class_init(KioskMessageScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_set_template_from_resource(wc, RES "message.ui");
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, spinner);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, icon);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, message);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, detail);
    gtk_widget_class_bind_template_child(wc, KioskMessageScreen, ok);
    gtk_widget_class_install_action(wc, "message.ok", NULL, msg_ok);
    add_request_signal(klass);
}

static void kiosk_message_screen_init(KioskMessageScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
}

GtkWidget *kiosk_message_screen_new(void)
{
    return g_object_new(KIOSK_TYPE_MESSAGE_SCREEN, NULL);
}

void kiosk_message_screen_set(KioskMessageScreen *self, const char *icon, const char *title,
                              const char *message, const char *detail, gboolean busy)
{
    gtk_widget_set_visible(self->spinner, busy);
    gtk_spinner_set_spinning(GTK_SPINNER(self->spinner), busy);
    gtk_widget_set_visible(self->icon, icon != NULL);
    if (icon)
        gtk_image_set_from_icon_name(GTK_IMAGE(self->icon), icon);
    gtk_label_set_text(GTK_LABEL(self->title), title ? title : "");
    gtk_label_set_text(GTK_LABEL(self->message), message ? message : "");
    gtk_label_set_text(GTK_LABEL(self->detail), detail ? detail : "");
    gtk_widget_set_visible(self->detail, detail && *detail);
    gtk_widget_set_visible(self->ok, !busy);
}

/* ======================================================================================= */
/* Staff mode                                                                               */

struct _KioskStaffScreen {
    GtkBox parent;
    GtkWidget *title, *pages, *lock_label, *lock_dots, *lock_keypad, *procedures, *printer,
        *health, *diags;
    char *hash;
    char code[KIOSK_PASSCODE_MAX + 1];
    size_t len;
    gboolean unlocked;
    guint failures;
};
G_DEFINE_FINAL_TYPE(KioskStaffScreen, kiosk_staff_screen, GTK_TYPE_BOX)

static void staff_code_wipe(KioskStaffScreen *self)
{
    memset(self->code, 0, sizeof self->code);
    self->len = 0;
    g_autofree char *d = dots(0, 0);
    gtk_label_set_text(GTK_LABEL(self->lock_dots), " ");
}

static void staff_digit(GtkWidget *w, const char *n, GVariant *p)
{
    KioskStaffScreen *self = KIOSK_STAFF_SCREEN(w);
    if (self->len >= 12)
        return;
    self->code[self->len++] = (char)('0' + g_variant_get_int32(p));
    g_autofree char *d = dots(self->len, self->len);
    gtk_label_set_text(GTK_LABEL(self->lock_dots), d);
}

static void staff_clear(GtkWidget *w, const char *n, GVariant *p)
{
    staff_code_wipe(KIOSK_STAFF_SCREEN(w));
}

static void staff_enter(GtkWidget *w, const char *n, GVariant *p)
{
    KioskStaffScreen *self = KIOSK_STAFF_SCREEN(w);
    gboolean ok = self->failures < 5 && self->hash && *self->hash &&
                  kiosk_passcode_check(self->hash, self->code);
    staff_code_wipe(self);
    if (!ok) {
        self->failures++;
        gtk_label_set_text(GTK_LABEL(self->lock_label),
                           !self->hash || !*self->hash
                               ? _("No staff passcode is set in kiosk.conf (passcode-hash).")
                           : self->failures >= 5 ? _("Too many wrong passcodes. Restart needed.")
                                                 : _("Wrong passcode. Try again."));
        g_message("staff: passcode refused");
        return;
    }
    self->failures = 0;
    self->unlocked = TRUE;
    gtk_stack_set_visible_child_name(GTK_STACK(self->pages), "panel");
    g_message("staff: unlocked");
    request(w, "unlocked", NULL);
}

static void staff_req(GtkWidget *w, const char *name, GVariant *p)
{
    request(w, name + strlen("staff."), NULL);
}

static void kiosk_staff_screen_finalize(GObject *o)
{
    KioskStaffScreen *self = KIOSK_STAFF_SCREEN(o);
    memset(self->code, 0, sizeof self->code);
    g_free(self->hash);
    G_OBJECT_CLASS(kiosk_staff_screen_parent_class)->finalize(o);
}

static void kiosk_staff_screen_class_init(KioskStaffScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->finalize = kiosk_staff_screen_finalize;
    gtk_widget_class_set_template_from_resource(wc, RES "staff.ui");
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, pages);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, lock_label);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, lock_dots);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, lock_keypad);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, procedures);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, printer);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, health);
    gtk_widget_class_bind_template_child(wc, KioskStaffScreen, diags);
    gtk_widget_class_install_action(wc, "staff.digit", "i", staff_digit);
    gtk_widget_class_install_action(wc, "staff.clear", NULL, staff_clear);
    gtk_widget_class_install_action(wc, "staff.enter", NULL, staff_enter);
    gtk_widget_class_install_action(wc, "staff.save", NULL, staff_req);
    gtk_widget_class_install_action(wc, "staff.health", NULL, staff_req);
    gtk_widget_class_install_action(wc, "staff.testpage", NULL, staff_req);
    gtk_widget_class_install_action(wc, "staff.checkcode", NULL, staff_req);
    add_request_signal(klass);
}

static void kiosk_staff_screen_init(KioskStaffScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
    build_keypad(GTK_GRID(self->lock_keypad), "staff.digit", _("Clear"), "staff.clear", _("OK"),
                 "staff.enter");
    gtk_editable_set_enable_undo(GTK_EDITABLE(self->printer), FALSE);
}

GtkWidget *kiosk_staff_screen_new(void) { return g_object_new(KIOSK_TYPE_STAFF_SCREEN, NULL); }

void kiosk_staff_screen_lock(KioskStaffScreen *self, const char *passcode_hash)
{
    g_free(self->hash);
    self->hash = g_strdup(passcode_hash);
    self->unlocked = FALSE;
    staff_code_wipe(self);
    gtk_label_set_text(GTK_LABEL(self->lock_label), _("Enter the staff passcode"));
    gtk_stack_set_visible_child_name(GTK_STACK(self->pages), "lock");
}

gboolean kiosk_staff_screen_unlocked(KioskStaffScreen *self) { return self->unlocked; }

void kiosk_staff_screen_set_panel(KioskStaffScreen *self, const form_catalog *cat,
                                  const kiosk_config *config, const char *lang)
{
    clear_box(self->procedures);
    for (size_t i = 0; cat && i < form_catalog_procedure_count(cat); i++) {
        const form_procedure *p = form_catalog_procedure(cat, i);
        GtkWidget *c = gtk_check_button_new_with_label(form_text_get(form_procedure_title(p), lang));
        g_object_set_data_full(G_OBJECT(c), "id", g_strdup(form_procedure_id(p)), g_free);
        gtk_check_button_set_active(GTK_CHECK_BUTTON(c),
                                    kiosk_config_offers(config, form_procedure_id(p)));
        gtk_box_append(GTK_BOX(self->procedures), c);
    }
    gtk_editable_set_text(GTK_EDITABLE(self->printer), config->printer ? config->printer : "");
}

void kiosk_staff_screen_set_health(KioskStaffScreen *self, const char *markup)
{
    gtk_label_set_markup(GTK_LABEL(self->health), markup);
}

void kiosk_staff_screen_set_diags(KioskStaffScreen *self, const char *text)
{
    gtk_label_set_text(GTK_LABEL(self->diags), text ? text : "");
}

char **kiosk_staff_screen_selected(KioskStaffScreen *self)
{
    GStrvBuilder *b = g_strv_builder_new();
    for (GtkWidget *c = gtk_widget_get_first_child(self->procedures); c;
         c = gtk_widget_get_next_sibling(c))
        if (gtk_check_button_get_active(GTK_CHECK_BUTTON(c)))
            g_strv_builder_add(b, g_object_get_data(G_OBJECT(c), "id"));
    char **v = g_strv_builder_end(b);
    g_strv_builder_unref(b);
    return v;
}

const char *kiosk_staff_screen_printer(KioskStaffScreen *self)
{
    return gtk_editable_get_text(GTK_EDITABLE(self->printer));
}
