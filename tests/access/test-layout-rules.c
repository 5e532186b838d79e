/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* test-layout-rules.c — the layout check catches what the review saw (a wrapped name drawn over
 * the address, widgets drawn over each other, low contrast) and passes the fixed widgets; the
 * 「文字を大きく」 style makes text at least 1.5 × as large. Under Xvfb. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <gtk/gtk.h>
#include <string.h>

#include "kiosk-config.h"
#include "kiosk-layout-check.h" /* test machinery: kiosk/dev/ */
#include "kiosk-layout-rules.h"
#include "kiosk-screens.h"
#include "kiosk-secret-label.h"
#include "myna.h"

/* A resident with a long romanized name and its kanji alias, and a long 方書 (fictional). */
#define LONG_NAME "GONZALEZ RODRIGUEZ MARIA FERNANDA（権左 真理恵）"
#define LONG_ADDRESS                                                                            \
    "大阪府大阪市北区中之島一丁目三番二十号　中之島リバーサイドガーデンタワー・イーストウイング" \
    "三十五階三五〇一号室（架空商事株式会社社宅内）"

static gboolean done_waiting(gpointer data)
{
    *(gboolean *)data = TRUE;
    return G_SOURCE_REMOVE;
}

/* Show the window and let GTK run frames for a while (styles, layout, drawing). */
static void settle(GtkWidget *win, GtkWidget *last)
{
    gtk_window_present(GTK_WINDOW(win));
    for (int i = 0; i < 400 && gtk_widget_get_height(last) == 0; i++)
        g_main_context_iteration(NULL, TRUE);
    gboolean done = FALSE;
    g_timeout_add(300, done_waiting, &done);
    while (!done)
        g_main_context_iteration(NULL, TRUE);
}

static GtkCssProvider *css(const char *text)
{
    GtkCssProvider *p = gtk_css_provider_new();
    gtk_css_provider_load_from_data(p, text, -1);
    gtk_style_context_add_provider_for_display(gdk_display_get_default(), GTK_STYLE_PROVIDER(p),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 10);
    return p;
}

static void css_drop(GtkCssProvider *p)
{
    gtk_style_context_remove_provider_for_display(gdk_display_get_default(),
                                                  GTK_STYLE_PROVIDER(p));
    g_object_unref(p);
}

/* The confirmation's rows as the kiosk builds them: the long name wraps and its row grows;
 * nothing is drawn over the address or the birth date, and the check finds nothing. */
static void a_wrapped_name_grows_its_row(void **state)
{
    (void)state;
    GtkCssProvider *p = css("window { background: #ffffff; color: #000000; font-size: 30px; }");
    GtkWidget *win = gtk_window_new();
    gtk_window_set_default_size(GTK_WINDOW(win), 500, -1);
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 8);
    gtk_window_set_child(GTK_WINDOW(win), box);
    GtkWidget *name = kiosk_secret_label_new(LONG_NAME);
    GtkWidget *address = kiosk_secret_label_new(LONG_ADDRESS);
    GtkWidget *birth = gtk_label_new("1987-07-15");
    gtk_box_append(GTK_BOX(box), name);
    gtk_box_append(GTK_BOX(box), address);
    gtk_box_append(GTK_BOX(box), birth);
    settle(win, birth);
    int one_line = 0, h = 0;
    kiosk_secret_label_text_size(KIOSK_SECRET_LABEL(name), -1, NULL, &one_line);
    kiosk_secret_label_text_size(KIOSK_SECRET_LABEL(name), gtk_widget_get_width(name), NULL, &h);
    assert_true(gtk_widget_get_width(name) <= 500);
    assert_true(h >= 2 * one_line);                    /* it wraps at its real width */
    assert_true(gtk_widget_get_height(name) >= h);     /* and its row has room for it */
    assert_true(gtk_widget_get_height(address) >= 2 * one_line);
    GString *report = g_string_new(NULL);
    guint bad = kiosk_layout_check(win, 10, 10, report);
    print_message("%s", report->str);
    assert_int_equal(bad, 0);
    /* the widget as the issue found it: its allocation one line high while it draws three
     * (GTK asked its height without the width) — the check sees text outside its allocation */
    int w = gtk_widget_get_width(name);
    gtk_widget_allocate(name, w, one_line, -1, NULL);
    bad = kiosk_layout_text_outside(name, report);
    print_message("%s", report->str);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(report->str, "text outside its allocation KioskSecretLabel"));
    assert_null(strstr(report->str, "GONZALEZ")); /* never the resident's text */
    assert_null(strstr(report->str, "大阪"));
    g_string_free(report, TRUE);
    gtk_window_destroy(GTK_WINDOW(win));
    css_drop(p);
}

/* Widgets drawn over each other: two labels in one grid cell, and a GtkLabel squeezed below
 * its text's height. */
static void overlaps_and_squeezed_labels_fail(void **state)
{
    (void)state;
    GtkCssProvider *p = css("window { background: #ffffff; color: #000000; font-size: 30px; }");
    GtkWidget *win = gtk_window_new();
    GtkWidget *grid = gtk_grid_new();
    gtk_window_set_child(GTK_WINDOW(win), grid);
    GtkWidget *a = gtk_label_new("名前");
    GtkWidget *b = gtk_label_new("住所");
    GtkWidget *c = gtk_label_new("生年月日");
    gtk_grid_attach(GTK_GRID(grid), a, 0, 0, 1, 1);
    gtk_grid_attach(GTK_GRID(grid), b, 0, 0, 1, 1); /* the same cell: drawn over a */
    gtk_grid_attach(GTK_GRID(grid), c, 0, 1, 1, 1);
    settle(win, c);
    GString *report = g_string_new(NULL);
    guint bad = kiosk_layout_check(win, 10, 10, report);
    print_message("%s", report->str);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(report->str, "overlap GtkLabel"));
    g_string_truncate(report, 0);
    /* a label given less height than its text: drawn over the next row */
    gtk_grid_remove(GTK_GRID(grid), b);
    settle(win, c);
    assert_int_equal(kiosk_layout_check(win, 10, 10, report), 0);
    gtk_widget_allocate(a, gtk_widget_get_width(a), 10, -1, NULL);
    assert_int_equal(kiosk_layout_text_outside(a, report), 1);
    assert_non_null(strstr(report->str, "text outside its allocation GtkLabel"));
    assert_null(strstr(report->str, "名前"));
    g_string_free(report, TRUE);
    gtk_window_destroy(GTK_WINDOW(win));
    css_drop(p);
}

/* Contrast is measured on the rendered pixels: grey #8a8a8a on white (3.45:1) fails, black
 * passes; the ratio itself against WCAG's published pairs. */
static void low_contrast_text_fails(void **state)
{
    (void)state;
    assert_float_equal(kiosk_contrast_ratio(0x000000, 0xffffff), 21.0, 0.01);
    assert_float_equal(kiosk_contrast_ratio(0xffffff, 0xffffff), 1.0, 0.001);
    assert_float_equal(kiosk_contrast_ratio(0x767676, 0xffffff), 4.54, 0.01);
    assert_float_equal(kiosk_contrast_ratio(0x595959, 0xffffff), 7.0, 0.01);
    GtkCssProvider *p = css("window { background: #ffffff; color: #000000; font-size: 30px; }"
                            " .grey { color: #8a8a8a; }");
    GtkWidget *win = gtk_window_new();
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 8);
    gtk_window_set_child(GTK_WINDOW(win), box);
    GtkWidget *ok = gtk_label_new("はっきり読める");
    GtkWidget *grey = gtk_label_new("うすい字");
    gtk_widget_add_css_class(grey, "grey");
    gtk_box_append(GTK_BOX(box), ok);
    gtk_box_append(GTK_BOX(box), grey);
    settle(win, grey);
    GdkTexture *shot = NULL;
    for (int i = 0; i < 100 && !shot; i++) {
        shot = kiosk_layout_render(win);
        if (!shot)
            g_main_context_iteration(NULL, TRUE);
    }
    assert_non_null(shot);
    GString *report = g_string_new(NULL);
    guint measured = 0;
    guint bad = kiosk_layout_contrast(win, shot, KIOSK_CONTRAST_MIN, &measured, report);
    print_message("%s", report->str);
    assert_int_equal(measured, 2);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(report->str, "#8a8a8a on #ffffff"));
    g_object_unref(shot);
    g_string_free(report, TRUE);
    gtk_window_destroy(GTK_WINDOW(win));
    css_drop(p);
}

/* The height of the label's text as laid out now: proportional to its font size. */
static double text_px(GtkWidget *w)
{
    int width = 0, height = 0;
    pango_layout_get_pixel_size(gtk_label_get_layout(GTK_LABEL(w)), &width, &height);
    return height;
}

/* 「文字を大きく」: with the kiosk's stylesheet, every kind of text on the window grows by
 * at least 1.5 ×, in both layouts. */
static void large_text_is_one_and_a_half_times(void **state)
{
    (void)state;
    GtkCssProvider *p = gtk_css_provider_new();
    g_autoptr(GBytes) sheet = g_resources_lookup_data("/jp/kakanai/kiosk/kiosk.css", 0, NULL);
    assert_non_null(sheet); /* the kiosk's own stylesheet, from its GResource */
    gtk_css_provider_load_from_resource(p, "/jp/kakanai/kiosk/kiosk.css");
    gtk_style_context_add_provider_for_display(gdk_display_get_default(), GTK_STYLE_PROVIDER(p),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    static const char *const classes[] = {NULL, "title", "subtitle", "hint", "info", "warning"};
    for (int small = 0; small < 2; small++) {
        GtkWidget *win = gtk_window_new();
        gtk_widget_add_css_class(win, "kiosk");
        if (small)
            gtk_widget_add_css_class(win, "small");
        GtkWidget *box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 8);
        gtk_window_set_child(GTK_WINDOW(win), box);
        GtkWidget *labels[G_N_ELEMENTS(classes) + 1];
        for (size_t i = 0; i < G_N_ELEMENTS(classes); i++) {
            labels[i] = gtk_label_new("文字");
            if (classes[i])
                gtk_widget_add_css_class(labels[i], classes[i]);
            gtk_box_append(GTK_BOX(box), labels[i]);
        }
        GtkWidget *button = gtk_button_new_with_label("OK");
        gtk_box_append(GTK_BOX(box), button);
        labels[G_N_ELEMENTS(classes)] = gtk_button_get_child(GTK_BUTTON(button));
        settle(win, button);
        double before[G_N_ELEMENTS(labels)];
        for (size_t i = 0; i < G_N_ELEMENTS(labels); i++)
            before[i] = text_px(labels[i]);
        gtk_widget_add_css_class(win, "large");
        settle(win, button);
        for (size_t i = 0; i < G_N_ELEMENTS(labels); i++) {
            double after = text_px(labels[i]);
            print_message("%s layout, label %zu: %.0f → %.0f px\n", small ? "small" : "large", i,
                          before[i], after);
            if (after < 1.5 * before[i] - 1.5) /* whole pixels: a rounding's slack */
                fail_msg("%s layout, label %zu: %.1f px → %.1f px with large text",
                         small ? "small" : "large", i, before[i], after);
        }
        gtk_window_destroy(GTK_WINDOW(win));
    }
    gtk_style_context_remove_provider_for_display(gdk_display_get_default(),
                                                  GTK_STYLE_PROVIDER(p));
    g_object_unref(p);
}

/* The kiosk's languages (kiosk_core, without forms) are the forms library's, in its order. */
static void kiosk_languages_match_the_forms_table(void **state)
{
    (void)state;
    size_t n = 0;
    for (; kiosk_config_known_languages[n]; n++)
        assert_string_equal(kiosk_config_known_languages[n], form_lang_code(n));
    assert_int_equal(n, FORM_LANG_COUNT);
}

int main(void)
{
    if (!gtk_init_check()) {
        fprintf(stderr, "no display: skipped\n");
        return 77;
    }
    kiosk_screens_register();
    if (myna_secure_init(64 * 1024) != MYNA_OK)
        fprintf(stderr, "no locked heap\n");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_wrapped_name_grows_its_row),
        cmocka_unit_test(overlaps_and_squeezed_labels_fail),
        cmocka_unit_test(low_contrast_text_fails),
        cmocka_unit_test(large_text_is_one_and_a_half_times),
        cmocka_unit_test(kiosk_languages_match_the_forms_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
