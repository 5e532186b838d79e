/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-screen-question.c — the one question screen. See kiosk-screen-question.h. */
#include "kiosk-screen-question.h"

#include <glib/gi18n.h>
#include <stdarg.h>
#include <string.h>

#include "myna.h"

#include "kiosk-i18n.h"
#include "kiosk-screen-common.h"
#include "kiosk-util.h"

struct _KioskQuestionScreen {
    GtkBox parent;
    GtkWidget *step, *title, *help, *body, *error, *next;
    const form_question *q;
    form_question_type type;
    char *lang;
    /* The composed value (number, date YYYYMMDD, kana): cap bytes of locked memory, never
     * realloc'd in place (a grown copy moves and the old one is wiped). */
    char *value;
    size_t len, cap;
    GtkWidget *display;  /* GtkEntry (kana) or GtkLabel (number/date) */
    GtkWidget *era;      /* 和暦 label for dates */
    int y, m, d;         /* date */
    long n;              /* number */
};
G_DEFINE_FINAL_TYPE(KioskQuestionScreen, kiosk_question_screen, GTK_TYPE_BOX)

#define VALUE_CAP_FIRST 64

static void value_wipe(KioskQuestionScreen *self)
{
    if (self->value)
        memset(self->value, 0, self->cap);
    self->len = 0;
}

static void value_append(KioskQuestionScreen *self, const char *t)
{
    size_t n = strlen(t);
    if (!self->value || self->len + n + 1 > self->cap) {
        size_t cap = MAX(self->cap ? self->cap * 2 : VALUE_CAP_FIRST, self->len + n + 1);
        char *grown = myna_secure_alloc(cap);
        if (!grown)
            return; /* the locked heap is full: the tap is ignored */
        if (self->value)
            memcpy(grown, self->value, self->len);
        myna_secure_free(self->value, self->cap);
        self->value = grown;
        self->cap = cap;
    }
    memcpy(self->value + self->len, t, n + 1);
    self->len += n;
}

/* A short formatted value (number, date); the scratch copy is wiped. */
static void value_set_printf(KioskQuestionScreen *self, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
static void value_set_printf(KioskQuestionScreen *self, const char *fmt, ...)
{
    char buf[32];
    va_list ap;
    va_start(ap, fmt);
    g_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    value_wipe(self);
    value_append(self, buf);
    memset(buf, 0, sizeof buf);
}

static const char *value_str(const KioskQuestionScreen *self)
{
    return self->value ? self->value : "";
}

static void q_refresh(KioskQuestionScreen *self)
{
    if (!self->display)
        return;
    if (self->type == FORM_Q_NUMBER) {
        value_set_printf(self, "%ld", self->n);
        gtk_label_set_text(GTK_LABEL(self->display), value_str(self));
    } else if (self->type == FORM_Q_DATE) {
        int dim = kiosk_days_in_month(self->y, self->m);
        if (self->d > dim)
            self->d = dim;
        value_set_printf(self, "%04d%02d%02d", self->y, self->m, self->d);
        char *w = kiosk_wareki(self->y, self->m, self->d);
        char *g = g_strdup_printf("%d / %d / %d", self->y, self->m, self->d);
        gtk_label_set_text(GTK_LABEL(self->display), w ? w : g);
        gtk_label_set_text(GTK_LABEL(self->era), g);
        kiosk_text_free(w);
        kiosk_text_free(g);
    } else {
        gtk_editable_set_text(GTK_EDITABLE(self->display), value_str(self));
    }
}

/* The choice buttons sit in a grid, the body's only child, for choice and multi questions. */
static GtkWidget *first_choice(KioskQuestionScreen *self)
{
    GtkWidget *grid = gtk_widget_get_first_child(self->body);
    return GTK_IS_GRID(grid) ? gtk_widget_get_first_child(grid) : NULL;
}

static guint sig_answered;

/* A choice button carries the template's choice value (never typed text); the answer is the
 * locked value, read by the window through kiosk_question_screen_answer. */
static void q_choose(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    value_wipe(self);
    value_append(self, g_variant_get_string(param, NULL));
    g_signal_emit(w, sig_answered, 0);
}

static void q_next(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    if (self->type == FORM_Q_MULTI) { /* "a,b": composed in the locked value */
        value_wipe(self);
        for (GtkWidget *c = first_choice(self); c; c = gtk_widget_get_next_sibling(c)) {
            if (GTK_IS_TOGGLE_BUTTON(c) && gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(c))) {
                if (self->len)
                    value_append(self, ",");
                value_append(self, g_object_get_data(G_OBJECT(c), "value"));
            }
        }
    }
    g_signal_emit(w, sig_answered, 0);
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

/* Flip the MULTI choice button of a value (what a tap on it does). */
static void q_toggle(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    const char *v = g_variant_get_string(param, NULL);
    for (GtkWidget *c = first_choice(self); c;
         c = gtk_widget_get_next_sibling(c))
        if (GTK_IS_TOGGLE_BUTTON(c) && g_strcmp0(g_object_get_data(G_OBJECT(c), "value"), v) == 0)
            gtk_toggle_button_set_active(GTK_TOGGLE_BUTTON(c),
                                         !gtk_toggle_button_get_active(GTK_TOGGLE_BUTTON(c)));
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
        value_wipe(self);
        value_append(self, v);
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
    } else if (s[0] == 'Y') {
        self->y += 10 * dir;
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
    if (max > 0 && g_utf8_strlen(value_str(self), -1) >= max)
        return;
    if (form_question_kana(self->q) == FORM_KANA_KATAKANA) {
        g_autofree char *kk = kiosk_to_katakana(k);
        value_append(self, kk);
    } else {
        value_append(self, k);
    }
    q_refresh(self);
}

static void q_kana_mod(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    char *m = kiosk_kana_modify(value_str(self), g_variant_get_int32(param));
    if (m) {
        value_wipe(self);
        value_append(self, m);
        memset(m, 0, strlen(m));
        g_free(m);
        q_refresh(self);
    }
}

static void q_kana_del(GtkWidget *w, const char *name, GVariant *param)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(w);
    if (!self->len)
        return;
    const char *last = g_utf8_find_prev_char(self->value, self->value + self->len);
    size_t keep = (size_t)(last - self->value);
    memset(self->value + keep, 0, self->len - keep);
    self->len = keep;
    q_refresh(self);
}

static void kiosk_question_screen_finalize(GObject *o)
{
    KioskQuestionScreen *self = KIOSK_QUESTION_SCREEN(o);
    myna_secure_free(self->value, self->cap); /* wipes */
    self->value = NULL;
    g_free(self->lang);
    G_OBJECT_CLASS(kiosk_question_screen_parent_class)->finalize(o);
}

static void kiosk_question_screen_class_init(KioskQuestionScreenClass *klass)
{
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    G_OBJECT_CLASS(klass)->finalize = kiosk_question_screen_finalize;
    gtk_widget_class_set_template_from_resource(wc, KIOSK_SCREEN_RES "question.ui");
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, step);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, title);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, help);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, body);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, error);
    gtk_widget_class_bind_template_child(wc, KioskQuestionScreen, next);
    gtk_widget_class_install_action(wc, "question.choose", "s", q_choose);
    gtk_widget_class_install_action(wc, "question.next", NULL, q_next);
    gtk_widget_class_install_action(wc, "question.set", "s", q_set);
    gtk_widget_class_install_action(wc, "question.toggle", "s", q_toggle);
    gtk_widget_class_install_action(wc, "question.step", "s", q_step);
    gtk_widget_class_install_action(wc, "question.kana", "s", q_kana);
    gtk_widget_class_install_action(wc, "question.kana-mod", "i", q_kana_mod);
    gtk_widget_class_install_action(wc, "question.kana-del", NULL, q_kana_del);
    sig_answered = kiosk_screen_signal_new(klass, "answered");
}

static void kiosk_question_screen_init(KioskQuestionScreen *self)
{
    gtk_widget_init_template(GTK_WIDGET(self));
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

/* A grid of keys (kana or digits), packed tight. */
static GtkWidget *key_grid(void)
{
    GtkWidget *grid = gtk_grid_new();
    gtk_grid_set_row_spacing(GTK_GRID(grid), 2);
    gtk_grid_set_column_spacing(GTK_GRID(grid), 4);
    gtk_widget_set_halign(grid, GTK_ALIGN_CENTER);
    gtk_widget_set_valign(grid, GTK_ALIGN_START);
    return grid;
}

/* The text keypad's switch: kana keys when down, the ten keys when up. */
static void on_keys_mode(GtkToggleButton *mode, gpointer data)
{
    GtkStack *keys = g_object_get_data(G_OBJECT(mode), "stack");
    gboolean kana = gtk_toggle_button_get_active(mode);
    gtk_stack_set_visible_child_name(keys, kana ? "kana" : "digits");
    gtk_button_set_label(GTK_BUTTON(mode), kana ? _("123 digits") : _("あ kana"));
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
    GtkWidget *grid = key_grid();
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
    /* the long-vowel mark in the わ column's first gap, beside り: one row less of tools */
    GtkWidget *bar = action_button("ー", "question.kana", "s", "ー", 0);
    gtk_widget_add_css_class(bar, "kana");
    gtk_grid_attach(GTK_GRID(grid), bar, 9, 1, 1, 1);
    GtkWidget *keys = grid;
    GtkWidget *mode = NULL;
    if (self->type == FORM_Q_TEXT) {
        /* Free text (phone numbers, addresses): a ten-key pad in the kana pad's place, one
         * switch apart, so the screen keeps the kana pad's height (1280x800). */
        GtkWidget *digits = key_grid();
        static const char *const ten[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "-", "0"};
        for (int i = 0; i < (int)G_N_ELEMENTS(ten); i++) {
            GtkWidget *b = action_button(ten[i], "question.kana", "s", ten[i], 0);
            gtk_widget_add_css_class(b, "kana");
            gtk_widget_add_css_class(b, "digit");
            gtk_grid_attach(GTK_GRID(digits), b, i % 3, i / 3, 1, 1);
        }
        keys = gtk_stack_new();
        gtk_stack_set_hhomogeneous(GTK_STACK(keys), TRUE);
        gtk_stack_set_vhomogeneous(GTK_STACK(keys), TRUE);
        gtk_stack_add_named(GTK_STACK(keys), digits, "digits");
        gtk_stack_add_named(GTK_STACK(keys), grid, "kana");
        gtk_stack_set_visible_child_name(GTK_STACK(keys), "digits");
        mode = gtk_toggle_button_new_with_label(_("あ kana"));
        g_object_set_data(G_OBJECT(mode), "stack", keys);
        g_signal_connect(mode, "toggled", G_CALLBACK(on_keys_mode), NULL);
    }
    /* Tools and Next beside the keypad, so the whole screen fits 1280x800. */
    GtkWidget *tools = gtk_grid_new();
    gtk_grid_set_row_spacing(GTK_GRID(tools), 2);
    gtk_grid_set_column_spacing(GTK_GRID(tools), 8);
    gtk_widget_set_valign(tools, GTK_ALIGN_START);
    gtk_grid_attach(GTK_GRID(tools), action_button(_("゛ voiced"), "question.kana-mod", "i", NULL, 1), 0, 0, 1, 1);
    gtk_grid_attach(GTK_GRID(tools), action_button(_("゜ p-sound"), "question.kana-mod", "i", NULL, 2), 1, 0, 1, 1);
    gtk_grid_attach(GTK_GRID(tools), action_button(_("small ァ"), "question.kana-mod", "i", NULL, 3), 0, 1, 1, 1);
    gtk_grid_attach(GTK_GRID(tools), action_button(_("space"), "question.kana", "s", "　", 0), 1, 1, 1, 1);
    /* delete and the あ/123 switch share a row (the whole screen fits 1280×800 with large
     * text in every language); without a switch, delete takes the row */
    gtk_grid_attach(GTK_GRID(tools), action_button(_("⌫ delete"), "question.kana-del", NULL, NULL, 0), 0, 2, mode ? 1 : 2, 1);
    if (mode)
        gtk_grid_attach(GTK_GRID(tools), mode, 1, 2, 1, 1);
    int next_row = 3;
    /* keys as tall as the kana keys, so the column is no taller than the keypad */
    for (GtkWidget *c = gtk_widget_get_first_child(tools); c; c = gtk_widget_get_next_sibling(c)) {
        gtk_widget_add_css_class(c, "tool");
        /* a long word (Portuguese, Indonesian in large text) takes a second line rather than
         * widening the column past the panel */
        GtkWidget *l = GTK_IS_BUTTON(c) ? gtk_button_get_child(GTK_BUTTON(c)) : NULL;
        if (l && GTK_IS_LABEL(l)) {
            gtk_label_set_wrap(GTK_LABEL(l), TRUE);
            gtk_label_set_justify(GTK_LABEL(l), GTK_JUSTIFY_CENTER);
        }
    }
    GtkWidget *next = action_button(_("Next ▶"), "question.next", NULL, NULL, 0);
    gtk_widget_add_css_class(next, "primary");
    gtk_widget_set_margin_top(next, 6);
    gtk_grid_attach(GTK_GRID(tools), next, 0, next_row, 2, 1);
    gtk_widget_set_visible(self->next, FALSE);
    GtkWidget *pad = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 24);
    gtk_box_append(GTK_BOX(pad), keys);
    gtk_box_append(GTK_BOX(pad), tools);
    gtk_box_append(GTK_BOX(self->body), pad);
}

void kiosk_question_screen_set(KioskQuestionScreen *self, const form_question *q, int step,
                               int count, const char *lang, const char *previous)
{
    kiosk_question_screen_wipe(self);
    self->q = q;
    g_free(self->lang);
    self->lang = g_strdup(lang);
    self->type = form_question_type_of(q);
    g_autofree char *where = step > 0 ? g_strdup_printf(_("Question %d of %d"), step, count)
                                      : g_strdup(_("Change"));
    gtk_label_set_text(GTK_LABEL(self->step), where);
    g_autofree char *title = kiosk_text_markup(form_question_label(q), lang);
    gtk_label_set_markup(GTK_LABEL(self->title), title);
    const form_text *help = form_question_help(q);
    g_autofree char *help_markup = kiosk_text_markup(help, lang);
    gtk_label_set_markup(GTK_LABEL(self->help), help_markup);
    gtk_widget_set_visible(self->help, help != NULL);
    gtk_widget_set_visible(self->next, TRUE);
    const char *def = previous ? previous : form_question_default(q);

    switch (self->type) {
    case FORM_Q_CHOICE:
    case FORM_Q_MULTI: {
        /* More than four choices go in two columns, so that up to ten fit the 1280x800
         * layout without scrolling. */
        size_t n = form_question_choice_count(q);
        guint cols = n > 4 ? 2 : 1;
        GtkWidget *grid = gtk_grid_new();
        gtk_grid_set_row_spacing(GTK_GRID(grid), 8);
        gtk_grid_set_column_spacing(GTK_GRID(grid), 16);
        gtk_grid_set_column_homogeneous(GTK_GRID(grid), TRUE);
        gtk_box_append(GTK_BOX(self->body), grid);
        for (size_t i = 0; i < n; i++) {
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
            gtk_widget_set_size_request(b, cols == 1 ? 760 : 540, -1);
            GtkLabel *bl = GTK_LABEL(gtk_button_get_child(GTK_BUTTON(b)));
            gtk_label_set_wrap(bl, TRUE);
            const form_text *ct = form_question_choice_label(q, i);
            if (kiosk_text_fallback(ct, lang)) {
                g_autofree char *cm = kiosk_text_markup(ct, lang);
                gtk_label_set_markup(bl, cm);
            }
            gtk_grid_attach(GTK_GRID(grid), b, (int)(i % cols), (int)(i / cols), 1, 1);
        }
        gtk_widget_set_visible(self->next, self->type == FORM_Q_MULTI);
        break;
    }
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
        g_autoptr(GDateTime) now = g_date_time_new_now_local();
        self->y = g_date_time_get_year(now);
        self->m = g_date_time_get_month(now);
        self->d = g_date_time_get_day_of_month(now);
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
        GtkWidget *yrow = stepper("−", "+", yl, "y");
        GtkWidget *y10m = action_button("−10", "question.step", "s", "Y-", 0);
        GtkWidget *y10p = action_button("+10", "question.step", "s", "Y+", 0);
        gtk_box_prepend(GTK_BOX(yrow), y10m);
        gtk_box_append(GTK_BOX(yrow), y10p);
        gtk_box_append(GTK_BOX(self->body), yrow);
        gtk_box_append(GTK_BOX(self->body), stepper("−", "+", ml, "m"));
        gtk_box_append(GTK_BOX(self->body), stepper("−", "+", dl, "d"));
        break;
    }
    case FORM_Q_KANA:
    case FORM_Q_TEXT:
    default:
        build_kana(self);
        if (def)
            value_append(self, def);
        break;
    }
    q_refresh(self);
}

void kiosk_question_screen_set_error(KioskQuestionScreen *self, const char *why)
{
    gtk_label_set_text(GTK_LABEL(self->error), why ? why : "");
    gtk_widget_set_visible(self->error, why && *why);
}

const char *kiosk_question_screen_value(KioskQuestionScreen *self) { return value_str(self); }

const char *kiosk_question_screen_answer(KioskQuestionScreen *self) { return value_str(self); }

void kiosk_question_screen_wipe(KioskQuestionScreen *self)
{
    value_wipe(self);
    if (self->display && GTK_IS_EDITABLE(self->display))
        gtk_editable_set_text(GTK_EDITABLE(self->display), "");
    self->display = NULL;
    self->era = NULL;
    self->q = NULL;
    self->n = 0;
    self->y = self->m = self->d = 0;
    kiosk_screen_clear_box(self->body);
    kiosk_question_screen_set_error(self, NULL);
}
