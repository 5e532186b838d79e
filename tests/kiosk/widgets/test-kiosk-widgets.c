/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-kiosk-widgets.c — each screen widget built from its template, driven through its
 * actions, checked, and finalized (no leaked reference keeps a resident's data alive). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <gtk/gtk.h>
#include <openssl/crypto.h>
#include <string.h>

#include "kiosk-layout-check.h" /* test machinery: kiosk/dev/ */
#include "kiosk-passcode.h"
#include "kiosk-screens.h"
#include "kiosk-util.h"
#include "myna.h"

typedef struct seen {
    char what[32];
    char arg[64];
    int count;
} seen;

static form_catalog *catalog;

/* Each screen's typed signals, named here by what the resident did (the names the old
 * string-typed "request" carried, so every check below reads as before). */
static const struct {
    const char *signal, *what;
} signal_what[] = {
    {"digit-pressed", "digit"},     {"delete-pressed", "delete"},
    {"clear-pressed", "clear"},     {"pin-entered", "submit"},
    {"demo-toggled", "toggle-card"}, {"confirmed", "print"},
    {"edit-requested", "edit"},     {"retry-requested", "retry"},
    {"cancelled", "cancel"},        {"finished", "finish"},
    {"acknowledged", "ok"},         {"unlocked", "unlocked"},
    {"checkcode-requested", "checkcode"}, {"save-requested", "save"},
    {"health-requested", "health"}, {"testpage-requested", "testpage"},
    {"procedure-chosen", "procedure"}, {"answered", "answer"},
};

/* Records any signal of the screen's own type. Arguments are typed (an int, an index); an
 * answer is never one: it is read from the question screen's locked memory. */
static void record(GClosure *closure, GValue *ret, guint n, const GValue *params, gpointer hint,
                   gpointer marshal_data)
{
    seen *s = closure->data;
    const char *name = g_signal_name(((GSignalInvocationHint *)hint)->signal_id);
    GObject *screen = g_value_get_object(&params[0]);
    s->what[0] = s->arg[0] = 0;
    for (size_t i = 0; i < G_N_ELEMENTS(signal_what); i++)
        if (!strcmp(signal_what[i].signal, name))
            g_strlcpy(s->what, signal_what[i].what, sizeof s->what);
    assert_true(s->what[0]); /* every signal a screen has is known here */
    if (n == 2 && G_VALUE_HOLDS_INT(&params[1]))
        g_snprintf(s->arg, sizeof s->arg, "%d", g_value_get_int(&params[1]));
    else if (n == 2 && G_VALUE_HOLDS_UINT(&params[1]) && catalog)
        g_strlcpy(s->arg,
                  form_procedure_id(form_catalog_procedure(catalog, g_value_get_uint(&params[1]))),
                  sizeof s->arg);
    else if (KIOSK_IS_QUESTION_SCREEN(screen))
        g_strlcpy(s->arg, kiosk_question_screen_answer(KIOSK_QUESTION_SCREEN(screen)),
                  sizeof s->arg);
    for (guint i = 1; i < n; i++) /* no string ever travels in a signal */
        assert_false(G_VALUE_HOLDS_STRING(&params[i]));
    s->count++;
}

static void watch(GtkWidget *w, seen *s)
{
    guint n = 0;
    g_autofree guint *ids = g_signal_list_ids(G_OBJECT_TYPE(w), &n);
    for (guint i = 0; i < n; i++) {
        GClosure *c = g_closure_new_simple(sizeof(GClosure), s);
        g_closure_set_marshal(c, record);
        g_signal_connect_closure_by_id(w, ids[i], 0, c, FALSE);
    }
}

static void on_finalized(gpointer data, GObject *gone) { *(gboolean *)data = TRUE; }

/* Put w in a window, watch it, run f, destroy the window, check it was finalized. */
static void with_widget(GtkWidget *w, void (*f)(GtkWidget *, seen *))
{
    gboolean finalized = FALSE;
    seen s = {0};
    g_object_weak_ref(G_OBJECT(w), on_finalized, &finalized);
    watch(w, &s);
    GtkWidget *win = gtk_window_new();
    gtk_window_set_child(GTK_WINDOW(win), w);
    gtk_window_present(GTK_WINDOW(win));
    f(w, &s);
    gtk_window_destroy(GTK_WINDOW(win));
    while (g_main_context_iteration(NULL, FALSE))
        ;
    assert_true(finalized);
}

static void drive_pin(GtkWidget *w, seen *s)
{
    kiosk_pin_screen_update(KIOSK_PIN_SCREEN(w), FALSE, 4, 0, 3, FALSE);
    assert_true(gtk_widget_activate_action(w, "pin.digit", "i", 7));
    assert_string_equal(s->what, "digit");
    assert_string_equal(s->arg, "7");
    assert_true(gtk_widget_activate_action(w, "pin.submit", NULL));
    assert_string_equal(s->what, "submit");
    assert_true(gtk_widget_activate_action(w, "pin.clear", NULL));
    assert_string_equal(s->what, "clear");
    assert_true(gtk_widget_activate_action(w, "pin.delete", NULL));
    assert_string_equal(s->what, "delete");
    kiosk_pin_screen_update(KIOSK_PIN_SCREEN(w), FALSE, 4, 4, 1, TRUE);
    kiosk_pin_screen_update(KIOSK_PIN_SCREEN(w), TRUE, 14, 3, 3, FALSE);
    assert_int_equal(s->count, 4);
}

static void pin_screen_emits_digits_and_submit(void **state)
{
    with_widget(kiosk_pin_screen_new(), drive_pin);
}

static void drive_card(GtkWidget *w, seen *s)
{
    for (int st = KIOSK_READER_SEARCHING; st <= KIOSK_READER_MUTE; st++)
        kiosk_card_screen_set_status(KIOSK_CARD_SCREEN(w), (kiosk_reader_status)st);
    kiosk_card_screen_set_demo(KIOSK_CARD_SCREEN(w), TRUE, FALSE);
    assert_true(gtk_widget_activate_action(w, "card.toggle", NULL));
    assert_string_equal(s->what, "toggle-card");
}

static void card_screen_shows_states_and_demo_toggle(void **state)
{
    with_widget(kiosk_card_screen_new(), drive_card);
}

static cairo_status_t append(void *c, const unsigned char *d, unsigned int n)
{
    g_byte_array_append(c, d, n);
    return CAIRO_STATUS_SUCCESS;
}

static GtkWidget *find_picture(GtkWidget *w)
{
    if (GTK_IS_PICTURE(w))
        return w;
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c)) {
        GtkWidget *p = find_picture(c);
        if (p)
            return p;
    }
    return NULL;
}

static void drive_confirm(GtkWidget *w, seen *s)
{
    KioskConfirmScreen *c = KIOSK_CONFIRM_SCREEN(w);
    kiosk_confirm_screen_set_waiting(c);
    assert_false(kiosk_confirm_screen_has_preview(c));
    /* A PDF made here stands in for form_render's bytes: the screen must draw it. */
    GByteArray *pdf = g_byte_array_new();
    cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(append, pdf, 595, 842);
    cairo_t *cr = cairo_create(surf);
    cairo_rectangle(cr, 50, 50, 200, 100);
    cairo_stroke(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surf);
    assert_true(kiosk_confirm_screen_set_pdf(c, pdf->data, pdf->len));
    assert_false(kiosk_confirm_screen_set_pdf(c, (const guint8 *)"not a pdf", 9));
    g_byte_array_unref(pdf);
    assert_true(kiosk_confirm_screen_has_preview(c));
    /* The drawn form (its pixels show the resident's data) goes with the wipe. */
    GtkWidget *picture = find_picture(w);
    assert_non_null(picture);
    GdkPaintable *drawn = gtk_picture_get_paintable(GTK_PICTURE(picture));
    assert_non_null(drawn);
    gboolean drawn_gone = FALSE;
    g_object_weak_ref(G_OBJECT(drawn), on_finalized, &drawn_gone);
    kiosk_confirm_screen_add_summary(c, "Name", "見本 花子", NULL, -1);
    kiosk_confirm_screen_add_summary(c, "Copies", "1", NULL, 5);
    assert_true(gtk_widget_activate_action(w, "confirm.edit", "i", 5));
    assert_string_equal(s->what, "edit");
    assert_string_equal(s->arg, "5");
    kiosk_confirm_screen_set_flags(c, "U+20BB7");
    assert_true(gtk_widget_activate_action(w, "confirm.print", NULL));
    assert_string_equal(s->what, "print");
    kiosk_confirm_screen_wipe(c);
    assert_false(kiosk_confirm_screen_has_preview(c));
    while (g_main_context_iteration(NULL, FALSE))
        ;
    assert_true(drawn_gone);
}

static void confirm_screen_previews_pdf_bytes_and_wipes(void **state)
{
    with_widget(kiosk_confirm_screen_new(), drive_confirm);
}

static void drive_printing(GtkWidget *w, seen *s)
{
    for (int st = FORM_PRINT_SENDING; st <= FORM_PRINT_DONE; st++)
        kiosk_printing_screen_set_stage(KIOSK_PRINTING_SCREEN(w), (form_print_stage)st);
    kiosk_printing_screen_set_problem(KIOSK_PRINTING_SCREEN(w), "out of paper");
    assert_true(gtk_widget_activate_action(w, "printing.retry", NULL));
    assert_string_equal(s->what, "retry");
    assert_true(gtk_widget_activate_action(w, "printing.cancel", NULL));
    assert_string_equal(s->what, "cancel");
}

static void printing_screen_offers_retry_and_cancel(void **state)
{
    with_widget(kiosk_printing_screen_new(), drive_printing);
}

static void drive_done(GtkWidget *w, seen *s)
{
    kiosk_done_screen_set_counter(KIOSK_DONE_SCREEN(w), 3);
    assert_true(gtk_widget_activate_action(w, "done.finish", NULL));
    assert_string_equal(s->what, "finish");
}

static void done_screen_finishes(void **state) { with_widget(kiosk_done_screen_new(), drive_done); }

static void drive_message(GtkWidget *w, seen *s)
{
    kiosk_message_screen_set(KIOSK_MESSAGE_SCREEN(w), "dialog-warning-symbolic", "t", "m", "d",
                             FALSE);
    assert_true(gtk_widget_activate_action(w, "message.ok", NULL));
    assert_string_equal(s->what, "ok");
    kiosk_message_screen_set(KIOSK_MESSAGE_SCREEN(w), NULL, "busy", NULL, NULL, TRUE);
}

static void message_screen_acknowledges(void **state)
{
    with_widget(kiosk_message_screen_new(), drive_message);
}

static char *staff_hash;
static void drive_staff(GtkWidget *w, seen *s)
{
    KioskStaffScreen *st = KIOSK_STAFF_SCREEN(w);
    kiosk_staff_screen_lock(st, staff_hash);
    const int wrong[] = {1, 1, 1, 1};
    for (size_t i = 0; i < 4; i++)
        gtk_widget_activate_action(w, "staff.digit", "i", wrong[i]);
    gtk_widget_activate_action(w, "staff.enter", NULL);
    assert_false(kiosk_staff_screen_unlocked(st));
    const int right[] = {2, 4, 6, 8};
    for (size_t i = 0; i < 4; i++)
        gtk_widget_activate_action(w, "staff.digit", "i", right[i]);
    gtk_widget_activate_action(w, "staff.enter", NULL);
    assert_true(kiosk_staff_screen_unlocked(st));
    assert_string_equal(s->what, "unlocked");
    assert_true(gtk_widget_activate_action(w, "staff.checkcode", NULL));
    assert_string_equal(s->what, "checkcode");
    kiosk_staff_screen_lock(st, "");
    for (size_t i = 0; i < 4; i++)
        gtk_widget_activate_action(w, "staff.digit", "i", right[i]);
    gtk_widget_activate_action(w, "staff.enter", NULL);
    assert_false(kiosk_staff_screen_unlocked(st)); /* no hash configured: never unlocks */
}

static void staff_screen_unlocks_only_with_the_passcode(void **state)
{
    staff_hash = kiosk_passcode_hash("2468", KIOSK_PASSCODE_ITER_MIN);
    with_widget(kiosk_staff_screen_new(), drive_staff);
    free(staff_hash);
}

/* ---- screens fed from the shipped templates (skipped when there are none) ---------------- */

static void drive_menu(GtkWidget *w, seen *s)
{
    kiosk_config cfg = {0};
    char *none[] = {NULL};
    cfg.procedures = none;
    guint n = kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(w), catalog, &cfg, "ja");
    /* every procedure offered at the kiosk, and none of the counter's (国保, 児童手当 …) */
    guint kiosk_only = 0, counter_only = 0;
    for (size_t i = 0; i < form_catalog_procedure_count(catalog); i++) {
        const form_procedure *p = form_catalog_procedure(catalog, i);
        kiosk_only += form_procedure_offered(p, FORM_OFFER_KIOSK);
        counter_only += !form_procedure_offered(p, FORM_OFFER_KIOSK);
    }
    assert_int_equal(n, kiosk_only);
    assert_true(counter_only > 0); /* the shipped catalogue has counter-only procedures */
    for (size_t i = 0; i < form_catalog_procedure_count(catalog); i++) {
        const form_procedure *p = form_catalog_procedure(catalog, i);
        if (!form_procedure_offered(p, FORM_OFFER_KIOSK)) {
            /* a counter-only id is not a menu choice even when asked for by name */
            s->what[0] = 0;
            gtk_widget_activate_action(w, "menu.choose", "s", form_procedure_id(p));
            assert_string_equal(s->what, "");
            break;
        }
    }
    const char *id = form_procedure_id(form_catalog_procedure(catalog, 0));
    assert_true(gtk_widget_activate_action(w, "menu.choose", "s", id));
    assert_string_equal(s->what, "procedure");
    assert_string_equal(s->arg, id);
    char *only[] = {(char *)id, NULL};
    cfg.procedures = only;
    assert_int_equal(kiosk_menu_screen_set_catalog(KIOSK_MENU_SCREEN(w), catalog, &cfg, "en"), 1);
}

static void menu_screen_lists_offered_procedures(void **state)
{
    if (!catalog)
        skip();
    with_widget(kiosk_menu_screen_new(), drive_menu);
}

static void drive_questions(GtkWidget *w, seen *s)
{
    KioskQuestionScreen *q = KIOSK_QUESTION_SCREEN(w);
    int types_seen = 0;
    for (size_t p = 0; p < form_catalog_procedure_count(catalog); p++) {
        const form_procedure *proc = form_catalog_procedure(catalog, p);
        size_t n = form_procedure_question_count(proc);
        for (size_t i = 0; i < n; i++) {
            const form_question *fq = form_procedure_question(proc, i);
            kiosk_question_screen_set(q, fq, (int)i + 1, (int)n, "ja", NULL);
            switch (form_question_type_of(fq)) {
            case FORM_Q_KANA:
                assert_true(gtk_widget_activate_action(w, "question.kana", "s", "か"));
                assert_true(gtk_widget_activate_action(w, "question.kana-mod", "i", 1));
                assert_string_equal(kiosk_question_screen_value(q),
                                    form_question_kana(fq) == FORM_KANA_KATAKANA ? "ガ" : "が");
                assert_true(gtk_widget_activate_action(w, "question.next", NULL));
                assert_string_equal(s->what, "answer");
                /* what was typed is gone after a wipe */
                kiosk_question_screen_wipe(q);
                assert_string_equal(kiosk_question_screen_value(q), "");
                types_seen |= 1;
                break;
            case FORM_Q_CHOICE:
                assert_true(gtk_widget_activate_action(w, "question.choose", "s",
                                                       form_question_choice_value(fq, 0)));
                assert_string_equal(s->arg, form_question_choice_value(fq, 0));
                types_seen |= 2;
                break;
            case FORM_Q_NUMBER:
                assert_true(gtk_widget_activate_action(w, "question.set", "s", "3"));
                assert_true(gtk_widget_activate_action(w, "question.step", "s", "n+"));
                assert_true(gtk_widget_activate_action(w, "question.next", NULL));
                assert_string_equal(s->arg, form_question_max(fq) >= 4 ? "4" : "3");
                types_seen |= 4;
                break;
            case FORM_Q_DATE:
                assert_true(gtk_widget_activate_action(w, "question.set", "s", "20190430"));
                assert_true(gtk_widget_activate_action(w, "question.step", "s", "d+"));
                assert_true(gtk_widget_activate_action(w, "question.next", NULL));
                assert_string_equal(s->arg, "20190401"); /* April has 30 days: wraps */
                types_seen |= 8;
                break;
            default:
                assert_true(gtk_widget_activate_action(w, "question.next", NULL));
                break;
            }
        }
    }
    kiosk_question_screen_wipe(q);
    assert_true(types_seen & 3); /* the shipped templates have kana and choice questions */
}

static void question_screen_handles_every_shipped_question(void **state)
{
    if (!catalog)
        skip();
    with_widget(kiosk_question_screen_new(), drive_questions);
}

/* What a resident composes lives in the locked heap, also once it has grown past the
 * first allocation (a grown copy moves; nothing is realloc'd in ordinary memory). */
static const form_question *first_kana_question(void)
{
    for (size_t p = 0; catalog && p < form_catalog_procedure_count(catalog); p++) {
        const form_procedure *proc = form_catalog_procedure(catalog, p);
        for (size_t i = 0; i < form_procedure_question_count(proc); i++)
            if (form_question_type_of(form_procedure_question(proc, i)) == FORM_Q_KANA)
                return form_procedure_question(proc, i);
    }
    return NULL;
}

static void drive_locked_value(GtkWidget *w, seen *s)
{
    KioskQuestionScreen *q = KIOSK_QUESTION_SCREEN(w);
    kiosk_question_screen_set(q, first_kana_question(), 1, 1, "ja", "やまだ");
    assert_string_equal(kiosk_question_screen_value(q), "やまだ");
    assert_true(CRYPTO_secure_allocated(kiosk_question_screen_value(q)));
    char long_value[301];
    memset(long_value, 'a', sizeof long_value - 1);
    long_value[sizeof long_value - 1] = 0;
    assert_true(gtk_widget_activate_action(w, "question.set", "s", long_value));
    assert_string_equal(kiosk_question_screen_value(q), long_value);
    assert_true(CRYPTO_secure_allocated(kiosk_question_screen_value(q)));
    assert_true(gtk_widget_activate_action(w, "question.kana-del", NULL));
    assert_int_equal(strlen(kiosk_question_screen_value(q)), sizeof long_value - 2);
    kiosk_question_screen_wipe(q);
    assert_string_equal(kiosk_question_screen_value(q), "");
}

static void question_value_stays_in_locked_memory(void **state)
{
    if (!first_kana_question() || !CRYPTO_secure_malloc_initialized())
        skip();
    with_widget(kiosk_question_screen_new(), drive_locked_value);
}

static void wareki_and_kana_helpers(void **state)
{
    static const struct {
        int y, m, d;
        const char *want;
    } t[] = {
        {2019, 4, 30, "平成31年4月30日"}, {2019, 5, 1, "令和元年5月1日"},
        {1989, 1, 7, "昭和64年1月7日"},   {1989, 1, 8, "平成元年1月8日"},
        {1926, 12, 25, "昭和元年12月25日"}, {1912, 7, 29, "明治45年7月29日"},
        {1912, 7, 30, "大正元年7月30日"}, {2025, 11, 25, "令和7年11月25日"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(t); i++) {
        g_autofree char *w = kiosk_wareki(t[i].y, t[i].m, t[i].d);
        assert_string_equal(w, t[i].want);
    }
    static const struct {
        const char *ymd, *want;
    } ymd[] = {
        {"20190430", "平成31年4月30日"}, {"20190501", "令和元年5月1日"},
        {"18721231", NULL}, {"2019050", NULL}, {"201905011", NULL}, {"", NULL},
        {"20190230", NULL}, {"20230229", NULL}, {"20240229", "令和6年2月29日"},
    };
    for (size_t i = 0; i < G_N_ELEMENTS(ymd); i++) {
        char *w = kiosk_wareki_ymd(ymd[i].ymd);
        if (ymd[i].want)
            assert_string_equal(w, ymd[i].want);
        else
            assert_null(w);
        kiosk_text_free(w);
    }
    assert_null(kiosk_wareki_ymd(NULL));
    kiosk_text_free(NULL);
    assert_int_equal(kiosk_days_in_month(2024, 2), 29);
    assert_int_equal(kiosk_days_in_month(1900, 2), 28);
    assert_int_equal(kiosk_days_in_month(2000, 2), 29);
    assert_int_equal(kiosk_days_in_month(2025, 13), 0);
    g_autofree char *k = kiosk_to_katakana("やまだ　たろう");
    assert_string_equal(k, "ヤマダ　タロウ");
    g_autofree char *d = kiosk_kana_modify("カ", 1);
    assert_string_equal(d, "ガ");
    g_autofree char *d2 = kiosk_kana_modify(d, 1);
    assert_string_equal(d2, "カ");
    g_autofree char *p = kiosk_kana_modify("は", 2);
    assert_string_equal(p, "ぱ");
    g_autofree char *sm = kiosk_kana_modify("つ", 3);
    assert_string_equal(sm, "っ");
    assert_null(kiosk_kana_modify("あ", 1));
    assert_null(kiosk_kana_modify("", 1));
}

/* The visual rules find what a resident would stumble over: a small button, small text (by
 * CSS or by markup), a label cut off by its parent, content scrolled away with no scrollbar. */
static void layout_check_finds_small_targets_text_and_cut_off(void **state)
{
    (void)state;
    GtkCssProvider *css = gtk_css_provider_new();
    gtk_css_provider_load_from_data(css,
                                    ".big { font-size: 30px; } .tiny { font-size: 12px; "
                                    "min-height: 0; min-width: 0; padding: 0; }",
                                    -1);
    gtk_style_context_add_provider_for_display(gdk_display_get_default(), GTK_STYLE_PROVIDER(css),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    GtkWidget *win = gtk_window_new();
    gtk_widget_add_css_class(win, "big");
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 0);
    gtk_window_set_child(GTK_WINDOW(win), box);
    GtkWidget *good = gtk_button_new_with_label("OK");
    gtk_widget_set_size_request(good, 100, 100);
    gtk_box_append(GTK_BOX(box), good);
    GtkWidget *tiny = gtk_button_new_with_label("x"); /* small target, small text */
    gtk_widget_add_css_class(tiny, "tiny");
    gtk_widget_set_halign(tiny, GTK_ALIGN_START);
    gtk_box_append(GTK_BOX(box), tiny);
    GtkWidget *fine = gtk_label_new(NULL);
    gtk_label_set_markup(GTK_LABEL(fine), "<span size=\"x-small\">fine print</span>");
    gtk_box_append(GTK_BOX(box), fine);
    GtkWidget *fixed = gtk_fixed_new(); /* a label placed past its parent's edge */
    gtk_widget_set_halign(fixed, GTK_ALIGN_START);
    gtk_widget_set_overflow(fixed, GTK_OVERFLOW_HIDDEN);
    gtk_fixed_put(GTK_FIXED(fixed), gtk_label_new("cut off"), -50, 0);
    gtk_box_append(GTK_BOX(box), fixed);
    GtkWidget *sw = gtk_scrolled_window_new(); /* scrolled away behind an overlay scrollbar */
    gtk_scrolled_window_set_min_content_height(GTK_SCROLLED_WINDOW(sw), 100);
    gtk_scrolled_window_set_max_content_height(GTK_SCROLLED_WINDOW(sw), 100);
    GtkWidget *tall = gtk_label_new("1\n2\n3\n4\n5\n6\n7\n8\n9\n10");
    gtk_scrolled_window_set_child(GTK_SCROLLED_WINDOW(sw), tall);
    gtk_box_append(GTK_BOX(box), sw);
    gtk_window_present(GTK_WINDOW(win));
    for (int i = 0; i < 200 && gtk_widget_get_height(sw) == 0; i++)
        g_main_context_iteration(NULL, TRUE);
    while (g_main_context_iteration(NULL, FALSE))
        ;
    GString *report = g_string_new(NULL);
    guint bad = kiosk_layout_check(win, 62, KIOSK_TEXT_MIN_PX, report);
    print_message("%s", report->str);
    assert_non_null(strstr(report->str, "touch target GtkButton"));
    assert_non_null(strstr(report->str, ".tiny:"));
    assert_non_null(strstr(report->str, "text GtkLabel"));
    assert_non_null(strstr(report->str, "cut off GtkLabel"));
    assert_non_null(strstr(report->str, "hidden content GtkScrolledWindow"));
    assert_null(strstr(report->str, "fine print")); /* never the text itself */
    /* tiny: target + its label's text; fine print; cut off; hidden content */
    assert_int_equal(bad, 5);
    /* the same with a visible scrollbar: content scrolled away is fine */
    gtk_scrolled_window_set_overlay_scrolling(GTK_SCROLLED_WINDOW(sw), FALSE);
    g_string_truncate(report, 0);
    assert_int_equal(kiosk_layout_check(win, 62, KIOSK_TEXT_MIN_PX, report), 4);
    assert_null(strstr(report->str, "hidden content"));
    g_string_free(report, TRUE);
    gtk_window_destroy(GTK_WINDOW(win));
    gtk_style_context_remove_provider_for_display(gdk_display_get_default(),
                                                  GTK_STYLE_PROVIDER(css));
    g_object_unref(css);
}

int main(void)
{
    if (!gtk_init_check()) {
        fprintf(stderr, "no display: skipped\n");
        return 77;
    }
    kiosk_screens_register();
    if (myna_secure_init(64 * 1024) != MYNA_OK)
        fprintf(stderr, "no locked heap: the locked-memory check is skipped\n");
    const char *dir = g_getenv("KAKANAI_TEMPLATES");
    form_diags *diags = NULL;
    if (dir && form_catalog_load(dir, NULL, &catalog, &diags) != FORM_OK)
        catalog = NULL;
    if (catalog && form_catalog_procedure_count(catalog) == 0)
        g_clear_pointer(&catalog, form_catalog_free);
    form_diags_free(diags);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(pin_screen_emits_digits_and_submit),
        cmocka_unit_test(card_screen_shows_states_and_demo_toggle),
        cmocka_unit_test(confirm_screen_previews_pdf_bytes_and_wipes),
        cmocka_unit_test(printing_screen_offers_retry_and_cancel),
        cmocka_unit_test(done_screen_finishes),
        cmocka_unit_test(message_screen_acknowledges),
        cmocka_unit_test(staff_screen_unlocks_only_with_the_passcode),
        cmocka_unit_test(menu_screen_lists_offered_procedures),
        cmocka_unit_test(question_screen_handles_every_shipped_question),
        cmocka_unit_test(question_value_stays_in_locked_memory),
        cmocka_unit_test(wareki_and_kana_helpers),
        cmocka_unit_test(layout_check_finds_small_targets_text_and_cut_off),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    form_catalog_free(catalog);
    return rc;
}
