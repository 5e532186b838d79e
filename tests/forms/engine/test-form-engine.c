/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * test-form-engine.c — the typesetting engine (form-pdf.h), checked the way a reader would:
 * the text poppler extracts, the fonts it sees, the ink on the rendered page, a QR decoder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "form-pdf.h"
#include "form-sample-text.h"
#include "form-secure.h"
#include "form.h"

static char tmpdir[64];

static const form_text_style plain = {
    .face = FORM_FONT_MINCHO, .pt = 12, .min_pt = 6, .min_scale = 0.7, .max_lines = 1};

/* ---- helpers ------------------------------------------------------------------------------ */

static char *path_of(const char *name)
{
    static char p[4][256]; /* a few at once in one command line */
    static int next;
    char *r = p[next++ % 4];
    snprintf(r, 256, "%s/%s", tmpdir, name);
    return r;
}

static void save(const char *name, const uint8_t *buf, size_t len)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(buf, 1, len, f), len);
    fclose(f);
}

/* Run a shell command (our own fixed strings and temp paths only); its stdout. */
__attribute__((format(printf, 1, 2))) static char *run(const char *fmt, ...)
{
    char cmd[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, len = 0;
    char *out = calloc(1, cap);
    size_t n;
    while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (len + 1 >= cap) {
            out = realloc(out, cap * 2);
            cap *= 2;
        }
    }
    out[len] = '\0';
    pclose(p);
    return out;
}

static bool have(const char *tool)
{
    char *o = run("command -v %s 2>/dev/null", tool);
    bool ok = o[0] != '\0';
    free(o);
    return ok;
}

/* Strip trailing whitespace and form feeds. */
static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\f' || s[n - 1] == ' '))
        s[--n] = '\0';
}

/* One A4 page with text in box b; writes name.pdf; returns the size. */
static size_t render_text(const char *name, const char *text, form_box b, const form_text_style *st,
                          form_err want)
{
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    form_pdf_fit fit;
    uint32_t bad = 0;
    assert_int_equal(form_pdf_text(pdf, text, b, st, &fit, &bad), want);
    uint8_t *buf = NULL;
    size_t len = 0;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    save(name, buf, len);
    form_secure_free(buf, len);
    form_pdf_free(pdf);
    return len;
}

typedef struct gray {
    int w, h;
    uint8_t *px;
} gray;

/* Render page 1 at 72 dpi (1 px = 1 pt) as 8-bit gray. */
static gray rasterize(const char *name)
{
    char *o = run("pdftoppm -r 72 -gray -singlefile %s %s 2>&1", path_of(name), path_of("page"));
    free(o);
    FILE *f = fopen(path_of("page.pgm"), "rb");
    assert_non_null(f);
    gray g = {0};
    int maxv = 0;
    assert_int_equal(fscanf(f, "P5 %d %d %d", &g.w, &g.h, &maxv), 3);
    fgetc(f);
    g.px = malloc((size_t)g.w * (size_t)g.h);
    assert_int_equal(fread(g.px, 1, (size_t)g.w * (size_t)g.h, f), (size_t)g.w * (size_t)g.h);
    fclose(f);
    return g;
}

/* Dark pixels inside the mm box (grown by margin px) and outside it. */
static void ink(const gray *g, form_box b, int margin, long *in, long *out)
{
    double k = 72.0 / 25.4;
    int x0 = (int)floor(b.x * k) - margin, y0 = (int)floor(b.y * k) - margin;
    int x1 = (int)ceil((b.x + b.w) * k) + margin, y1 = (int)ceil((b.y + b.h) * k) + margin;
    *in = *out = 0;
    for (int y = 0; y < g->h; y++)
        for (int x = 0; x < g->w; x++)
            if (g->px[y * g->w + x] < 160) {
                if (x >= x0 && x < x1 && y >= y0 && y < y1)
                    (*in)++;
                else
                    (*out)++;
            }
}

/* ---- every character prints exactly ----------------------------------------------------- */

static const char *const exact_cases[] = {
    "𠮷",           /* U+20BB7, above the BMP */
    "𠮟",           /* U+20B9F */
    "葛\U000E0100", /* U+845B U+E0100: Adobe-Japan1 IVS (IPAex's cmap format 14) */
    "葛\U000E0104", /* an MJ IVS: only IPAmj Mincho's cmap format 14 has it */
    "髙",           /* U+9AD9 */
    "﨑",           /* U+FA11 */
    "髙橋 𠮷男 﨑山",
    "Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh Alexia", /* 60 characters */
};

static void test_every_character_prints_exactly(void **state)
{
    (void)state;
    assert_int_equal(strlen(exact_cases[7]), 60);
    for (size_t i = 0; i < sizeof exact_cases / sizeof exact_cases[0]; i++) {
        form_box b = {20, 20, 170, 12};
        form_text_style st = plain;
        size_t len = render_text("exact.pdf", exact_cases[i], b, &st, FORM_OK);
        char *txt = run("pdftotext -raw -enc UTF-8 %s -", path_of("exact.pdf"));
        chomp(txt);
        assert_string_equal(txt, exact_cases[i]);
        free(txt);
        /* every font embedded as a subset with a ToUnicode map */
        char *fonts = run("pdffonts %s | tail -n +3", path_of("exact.pdf"));
        assert_true(strlen(fonts) > 0);
        assert_non_null(strstr(fonts, "CID TrueType"));
        if (i == 3) /* the MJ variant can only come from IPAmj */
            assert_non_null(strstr(fonts, "IPAmjMincho"));
        assert_null(strstr(fonts, " no "));
        free(fonts);
        /* small: a subset, not the 258 KB libharu embeds */
        assert_true(len < 24 * 1024);
        gray g = rasterize("exact.pdf");
        long in, out;
        ink(&g, b, 1, &in, &out);
        if (in < 10 || out != 0)
            fail_msg("case %zu: ink %ld in the box, %ld outside", i, in, out);
        free(g.px);
    }
}

static void test_unknown_glyph_is_reported_not_dropped(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        uint32_t bad;
    } cases[] = {
        {"山田\xF0\x9F\x98\x80", 0x1F600}, /* emoji: no shipped font */
        {"葛\U000E01EF", 0xE01EF},         /* an IVS no font has: the selector is named */
        {"\xEE\x80\x80", 0xE000},          /* private use */
    };
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t bad = 0;
        form_box b = {10, 10, 100, 10};
        assert_int_equal(form_pdf_text(pdf, cases[i].text, b, &plain, NULL, &bad), FORM_E_GLYPH);
        assert_int_equal(bad, cases[i].bad);
        bad = 0;
        assert_false(form_pdf_can_draw(pdf, cases[i].text, &bad));
        assert_int_equal(bad, cases[i].bad);
        uint32_t cps[4];
        assert_int_equal(form_unprintable(cases[i].text, cps, 4), 1);
        assert_int_equal(cps[0], cases[i].bad);
    }
    assert_true(form_pdf_can_draw(pdf, "𠮷 葛\U000E0100 髙﨑", NULL));
    assert_int_equal(form_unprintable("𠮷 葛\U000E0100 髙﨑 ABC", NULL, 0), 0);
    /* malformed UTF-8 is an argument error */
    assert_int_equal(form_pdf_text(pdf, "\xC3(", (form_box){10, 10, 50, 10}, &plain, NULL, NULL),
                     FORM_E_ARG);
    uint8_t *buf;
    size_t len;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    form_secure_free(buf, len);
    form_pdf_free(pdf);
}

/* ---- fitting ------------------------------------------------------------------------------- */

static const char addr[] = "東京都千代田区千代田一丁目一番一号"; /* 17 full-width */

static void test_fit_table(void **state)
{
    (void)state;
    static const struct {
        const char *name, *text;
        form_box b;
        form_text_style st;
        form_err err;
        double pt, scale;
        int lines;
    } cases[] = {
        {"nominal",
         "山田太郎",
         {0, 0, 60, 10},
         {.pt = 12, .min_pt = 8, .max_lines = 1},
         FORM_OK,
         12,
         1,
         1},
        {"shrink",
         addr,
         {0, 0, 60, 10},
         {.pt = 12, .min_pt = 8, .max_lines = 1},
         FORM_OK,
         10,
         1,
         1},
        {"shrink to the box height",
         "山田",
         {0, 0, 60, 3},
         {.pt = 12, .min_pt = 6, .max_lines = 1},
         FORM_OK,
         8.5,
         1,
         1},
        {"condense",
         addr,
         {0, 0, 50, 10},
         {.pt = 12, .min_pt = 9, .min_scale = 0.8, .max_lines = 1},
         FORM_OK,
         9,
         0.926,
         1},
        {"wrap at nominal size",
         addr,
         {0, 0, 50, 12},
         {.pt = 12, .min_pt = 9, .min_scale = 0.95, .max_lines = 2},
         FORM_OK,
         12,
         1,
         2},
        {"overflow",
         addr,
         {0, 0, 50, 12},
         {.pt = 12, .min_pt = 9, .min_scale = 0.95, .max_lines = 1},
         FORM_E_OVERFLOW,
         0,
         0,
         0},
        {"overflow by height",
         addr,
         {0, 0, 50, 4},
         {.pt = 12, .min_pt = 12, .min_scale = 1, .max_lines = 3},
         FORM_E_OVERFLOW,
         0,
         0,
         0},
        {"newline forces lines",
         "山田\n太郎",
         {0, 0, 60, 20},
         {.pt = 12, .max_lines = 2},
         FORM_OK,
         12,
         1,
         2},
        {"newline beyond max_lines",
         "山田\n太郎",
         {0, 0, 60, 20},
         {.pt = 12, .max_lines = 1},
         FORM_E_OVERFLOW,
         0,
         0,
         0},
        {"spacing widens",
         "山田太郎",
         {0, 0, 20, 10},
         {.pt = 12, .min_pt = 6, .spacing = 1, .max_lines = 1},
         FORM_OK,
         12.0,
         1,
         1},
        {"empty", "", {0, 0, 20, 10}, {.pt = 12, .max_lines = 1}, FORM_OK, 12, 1, 1},
    };
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        form_pdf_fit fit = {0};
        form_err e = form_pdf_measure(pdf, cases[i].text, cases[i].b, &cases[i].st, &fit);
        if (e != cases[i].err || (e == FORM_OK && (fabs(fit.pt - cases[i].pt) > 0.02 ||
                                                   fabs(fit.scale - cases[i].scale) > 0.002 ||
                                                   fit.lines != cases[i].lines)))
            fail_msg("%s: err %d pt %.3f scale %.3f lines %d", cases[i].name, e, fit.pt, fit.scale,
                     fit.lines);
    }
    form_pdf_free(pdf);
}

/* Lines as poppler reads them back. */
static char *wrapped(const char *text, double w_mm, int max_lines)
{
    form_text_style st = {.pt = 10, .min_pt = 10, .max_lines = max_lines};
    render_text("wrap.pdf", text, (form_box){20, 20, w_mm, 60}, &st, FORM_OK);
    char *t = run("pdftotext -raw -enc UTF-8 %s -", path_of("wrap.pdf"));
    chomp(t);
    return t;
}

static void test_kinsoku_and_words(void **state)
{
    (void)state;
    /* 5 characters of 10 pt fit a 17.7 mm line */
    static const struct {
        const char *text, *lines;
    } cases[] = {
        {"あいうえおかきくけこ", "あいうえお\nかきくけこ"},
        {"あいうえお。かきく", "あいうえ\nお。かきく"},       /* no 。 at a line start */
        {"あいうえ「かきくけこ", "あいうえ\n「かきくけ\nこ"}, /* no 「 at a line end */
        {"あいうえおっかきく", "あいうえ\nおっかきく"},       /* no small kana at a start */
        {"あいうえお）かき", "あいうえ\nお）かき"},
        {"あいうえおーかき", "あいうえ\nおーかき"},
        {"abcdef ghijkl", "abcdef\nghijkl"}, /* Latin breaks at the space */
        {"あいabcdefg", "あい\nabcdefg"},    /* the word is kept together */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *t = wrapped(cases[i].text, 17.7, 4);
        if (strcmp(t, cases[i].lines) != 0)
            fail_msg("case %zu: got \"%s\" want \"%s\"", i, t, cases[i].lines);
        free(t);
    }
    /* a long name without spaces still wraps (inside the word, as a last resort) */
    char *t = wrapped("Featherstonehaugh", 17.7, 4);
    assert_non_null(strchr(t, '\n'));
    free(t);
}

static void test_alignment_keeps_ink_in_box(void **state)
{
    (void)state;
    for (int h = 0; h < 3; h++)
        for (int v = 0; v < 3; v++) {
            form_text_style st = plain;
            st.halign = (form_halign)h;
            st.valign = (form_valign)v;
            st.max_lines = 2;
            form_box b = {30, 40, 80, 20};
            render_text("align.pdf", "山田 Taro 𠮷", b, &st, FORM_OK);
            gray g = rasterize("align.pdf");
            long in, out;
            ink(&g, b, 1, &in, &out);
            assert_true(in > 50);
            assert_int_equal(out, 0);
            /* the ink sits on the asked side */
            double k = 72.0 / 25.4;
            long left = 0, right = 0;
            int mid = (int)((b.x + b.w / 2) * k);
            for (int y = 0; y < g.h; y++)
                for (int x = 0; x < g.w; x++)
                    if (g.px[y * g.w + x] < 160)
                        (*(x < mid ? &left : &right))++;
            if (h == 0)
                assert_true(left > 0 && right == 0);
            if (h == 2)
                assert_true(right > 0 && left == 0);
            free(g.px);
        }
}

static void test_vertical_text(void **state)
{
    (void)state;
    form_text_style st = plain;
    st.vertical = true;
    st.max_lines = 2;
    st.halign = FORM_HALIGN_RIGHT;
    form_box b = {100, 30, 15, 70};
    const char *text = "東京都千代田区「霞が関」一丁目、𠮷";
    render_text("vert.pdf", text, b, &st, FORM_OK);
    gray g = rasterize("vert.pdf");
    long in, out;
    ink(&g, b, 1, &in, &out);
    assert_true(in > 100);
    assert_int_equal(out, 0);
    /* a column: far taller than wide */
    int x0 = g.w, x1 = 0, y0 = g.h, y1 = 0;
    for (int y = 0; y < g.h; y++)
        for (int x = 0; x < g.w; x++)
            if (g.px[y * g.w + x] < 160) {
                x0 = x < x0 ? x : x0;
                x1 = x > x1 ? x : x1;
                y0 = y < y0 ? y : y0;
                y1 = y > y1 ? y : y1;
            }
    assert_true((y1 - y0) > 4 * (x1 - x0));
    free(g.px);
    /* the characters are all there (poppler may order vertical text its own way) */
    char *t = run("pdftotext -raw -enc UTF-8 %s - | tr -d '\\n '", path_of("vert.pdf"));
    assert_non_null(strstr(t, "𠮷"));
    assert_non_null(strstr(t, "霞"));
    free(t);
    /* 縦中横: "11月25日" takes four cells, not six */
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    form_text_style fixed = {.pt = 12, .min_pt = 12, .max_lines = 1, .vertical = true};
    form_pdf_fit fit;
    assert_int_equal(
        form_pdf_measure(pdf, "11月25日", (form_box){0, 0, 6, 4.2 * 12 / 72 * 25.4}, &fixed, &fit),
        FORM_OK);
    assert_int_equal(fit.lines, 1);
    assert_int_equal(
        form_pdf_measure(pdf, "11月25日", (form_box){0, 0, 6, 3.8 * 12 / 72 * 25.4}, &fixed, &fit),
        FORM_E_OVERFLOW);
    form_pdf_free(pdf);
    /* a romanized name runs sideways down the column, inside the box */
    st.halign = FORM_HALIGN_CENTER;
    render_text("vert2.pdf", "氏名 WILLIAMSON-FITZGERALD Alexandra 様", b, &st, FORM_OK);
    g = rasterize("vert2.pdf");
    ink(&g, b, 1, &in, &out);
    assert_true(in > 100);
    assert_int_equal(out, 0);
    free(g.px);
    t = run("pdftotext -raw -enc UTF-8 %s - | tr -d '\\n '", path_of("vert2.pdf"));
    assert_non_null(strstr(t, "WILLIAMSON"));
    free(t);
}

static void test_digit_boxes(void **state)
{
    (void)state;
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    form_box b = {20, 20, 80, 8};
    assert_int_equal(form_pdf_boxes(pdf, "12345678901", b, 10, 8, true, false, &plain),
                     FORM_E_OVERFLOW);
    assert_int_equal(form_pdf_boxes(pdf, "123", b, 10, 8, true, false, &plain), FORM_OK);
    uint8_t *buf;
    size_t len;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    save("boxes.pdf", buf, len);
    form_secure_free(buf, len);
    form_pdf_free(pdf);
    gray g = rasterize("boxes.pdf");
    long in, out;
    /* right-aligned: ink only in the last three boxes, one digit per box */
    ink(&g, (form_box){20 + 7 * 8, 20, 24, 8}, 0, &in, &out);
    assert_true(in > 10);
    assert_int_equal(out, 0);
    for (int i = 7; i < 10; i++) {
        ink(&g, (form_box){20 + i * 8 + 0.3, 20, 7.4, 8}, 0, &in, &out);
        assert_true(in > 5);
    }
    free(g.px);
    char *t = run("pdftotext -raw %s - | tr -d '\\n\\f '", path_of("boxes.pdf"));
    assert_string_equal(t, "123");
    free(t);
}

static void test_qr_decodes(void **state)
{
    (void)state;
    const char *data = "kakanai:v1;name=髙橋 𠮷男;birth=19800101";
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    form_box b = {20, 20, 40, 40};
    assert_int_equal(form_pdf_qr(pdf, (const uint8_t *)data, strlen(data), b), FORM_OK);
    static uint8_t big[FORM_PDF_QR_MAX + 1];
    memset(big, 'x', sizeof big);
    assert_int_equal(form_pdf_qr(pdf, big, sizeof big, b), FORM_E_OVERFLOW);
    assert_int_equal(form_pdf_check(pdf, (form_box){80, 20, 6, 6}), FORM_OK);
    assert_int_equal(form_pdf_ellipse(pdf, (form_box){90, 20, 14, 8}, 0.3), FORM_OK);
    uint8_t *buf;
    size_t len;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    save("qr.pdf", buf, len);
    form_secure_free(buf, len);
    form_pdf_free(pdf);
    gray g = rasterize("qr.pdf");
    long in, out;
    ink(&g, (form_box){20, 20, 90, 40}, 1, &in, &out);
    assert_true(in > 500);
    assert_int_equal(out, 0);
    free(g.px);
    if (!have("zbarimg")) {
        skip();
        return;
    }
    free(run("pdftoppm -r 150 -png -singlefile %s %s", path_of("qr.pdf"), path_of("qr")));
    char *t = run("zbarimg --raw -q %s 2>/dev/null", path_of("qr.png"));
    chomp(t);
    assert_string_equal(t, data);
    free(t);
}

static void test_preview_grid_outline_and_image(void **state)
{
    (void)state;
    /* a PNG without transparency to place: poppler makes one */
    render_text("src.pdf", "背景", (form_box){0, 0, 50, 20}, &plain, FORM_OK);
    free(run("pdftoppm -r 20 -png -singlefile %s %s", path_of("src.pdf"), path_of("bg")));
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    assert_int_equal(form_pdf_image(pdf, path_of("bg.png"), (form_box){0, 0, 210, 297}), FORM_OK);
    assert_int_equal(form_pdf_image(pdf, path_of("missing.png"), (form_box){0, 0, 10, 10}),
                     FORM_E_IMAGE);
    assert_int_equal(form_pdf_image(pdf, path_of("src.pdf"), (form_box){0, 0, 10, 10}),
                     FORM_E_IMAGE);
    assert_int_equal(form_pdf_grid(pdf), FORM_OK);
    assert_int_equal(form_pdf_outline(pdf, (form_box){20, 30, 80, 10}, "氏名 name"), FORM_OK);
    assert_int_equal(form_pdf_line(pdf, 20, 50, 190, 50, 0.3, 1), FORM_OK);
    assert_int_equal(form_pdf_rect(pdf, (form_box){20, 60, 30, 10}, 0.2, 0.9), FORM_OK);
    /* a second page uses the same image and fonts */
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    assert_int_equal(form_pdf_image(pdf, path_of("bg.png"), (form_box){0, 0, 210, 297}), FORM_OK);
    assert_int_equal(form_pdf_text(pdf, "二頁目", (form_box){20, 20, 50, 10}, &plain, NULL, NULL),
                     FORM_OK);
    uint8_t *buf;
    size_t len;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    save("preview.pdf", buf, len);
    form_secure_free(buf, len);
    form_pdf_free(pdf);
    char *t = run("pdfinfo %s | grep Pages", path_of("preview.pdf"));
    assert_non_null(strstr(t, "2"));
    free(t);
    t = run("pdftotext -raw -enc UTF-8 %s -", path_of("preview.pdf"));
    assert_non_null(strstr(t, "氏名 name"));
    assert_non_null(strstr(t, "二頁目"));
    free(t);
}

static void test_libharu_error_becomes_form_e_pdf(void **state)
{
    (void)state;
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    /* 1 × 1 mm is below libharu's smallest page: its error handler longjmps back */
    assert_int_equal(form_pdf_page(pdf, 1, 1), FORM_E_PDF);
    /* and the document stays unusable */
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_E_PDF);
    uint8_t *buf = NULL;
    size_t len = 0;
    assert_int_not_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    assert_null(buf);
    form_pdf_free(pdf);
    form_pdf_free(NULL);
    /* arguments */
    assert_int_equal(form_pdf_new(NULL, NULL), FORM_E_ARG);
    assert_int_equal(form_pdf_new("/nonexistent-fonts", &pdf), FORM_E_FONT);
    assert_null(pdf);
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_text(pdf, "x", (form_box){0, 0, 10, 10}, &plain, NULL, NULL),
                     FORM_E_ARG); /* no page yet */
    form_pdf_free(pdf);
}

/* One document per thread, at the same time. */
static void *thread_doc(void *arg)
{
    size_t *len = arg;
    form_pdf *pdf = NULL;
    if (form_pdf_new(NULL, &pdf) != FORM_OK)
        return NULL;
    form_pdf_page(pdf, 210, 297);
    for (int i = 0; i < 10; i++)
        form_pdf_text(pdf, "髙橋 𠮷男 葛\U000E0100飾区", (form_box){10, 10 + i * 10, 100, 8},
                      &plain, NULL, NULL);
    uint8_t *buf = NULL;
    if (form_pdf_finish(pdf, &buf, len) == FORM_OK)
        form_secure_free(buf, *len);
    form_pdf_free(pdf);
    return NULL;
}

static void test_documents_in_parallel_threads(void **state)
{
    (void)state;
    pthread_t t[4];
    size_t len[4] = {0};
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, thread_doc, &len[i]), 0);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    for (int i = 1; i < 4; i++)
        assert_int_equal(len[i], len[0]);
    assert_true(len[0] > 1000);
}

/* A form-like page: 20 fields, a few hundred characters, every one of them in the text; the
 * file stays small (its time is the engine benchmark's: bench-forms-engine). */
static void test_full_form_is_small_and_whole(void **state)
{
    (void)state;
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    for (int i = 0; i < 20; i++) {
        form_box b = {20, 20 + i * 12, 170, 10};
        form_text_style st = plain;
        st.face = i % 3 == 0 ? FORM_FONT_GOTHIC : FORM_FONT_MINCHO;
        st.max_lines = 2;
        assert_int_equal(form_pdf_rect(pdf, b, 0.2, -1), FORM_OK);
        assert_int_equal(form_pdf_text(pdf, sample_field_texts[i], b, &st, NULL, NULL), FORM_OK);
    }
    assert_int_equal(
        form_pdf_boxes(pdf, "20261125", (form_box){20, 262, 64, 8}, 8, 8, false, true, &plain),
        FORM_OK);
    assert_int_equal(form_pdf_qr(pdf, (const uint8_t *)sample_field_texts[0],
                                 strlen(sample_field_texts[0]), (form_box){160, 255, 30, 30}),
                     FORM_OK);
    uint8_t *buf;
    size_t len;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    form_pdf_free(pdf);
    save("form.pdf", buf, len);
    form_secure_free(buf, len);
    print_message("full form: %.1f KB\n", len / 1024.0);
    assert_true(len < 80 * 1024);
    char *t = run("pdftotext -raw -enc UTF-8 %s -", path_of("form.pdf"));
    assert_non_null(strstr(t, "髙橋 𠮷男"));
    assert_non_null(strstr(t, "Featherstonehaugh"));
    free(t);
}

static int setup(void **state)
{
    (void)state;
    const char *keep = getenv("KAKANAI_ENGINE_KEEP"); /* a directory to keep the PDFs in */
    if (keep != NULL && keep[0] != '\0') {
        snprintf(tmpdir, sizeof tmpdir, "%s", keep);
        mkdir(tmpdir, 0700);
        return 0;
    }
    snprintf(tmpdir, sizeof tmpdir, "/tmp/form-engine-XXXXXX");
    return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    if (getenv("KAKANAI_ENGINE_KEEP") == NULL)
        free(run("rm -rf %s", tmpdir));
    return 0;
}

/* Random text (fixed seed) in random boxes and styles: every answer is one of the documented
 * errors, and the document still finishes. */
static void test_random_text_gets_a_documented_answer(void **state)
{
    (void)state;
    static const uint32_t pool[] = {'a',    'Z',    ' ',    '-',     '1',    '\n',
                                    0x3042, 0x3002, 0x300C, 0x300D,  0x30FC, 0x3063,
                                    0x6F22, 0x9AD9, 0xFA11, 0x20BB7, 0x845B, 0xE0100,
                                    0xFE00, 0x0301, 0x3000, 0x1F600, 0xFF08};
    unsigned seed = 12345;
    form_pdf *pdf = NULL;
    assert_int_equal(form_pdf_new(NULL, &pdf), FORM_OK);
    assert_int_equal(form_pdf_page(pdf, 210, 297), FORM_OK);
    for (int round = 0; round < 300; round++) {
        char text[256];
        size_t len = 0;
        int n = (int)(rand_r(&seed) % 40);
        for (int i = 0; i < n; i++) {
            uint32_t cp = pool[rand_r(&seed) % (sizeof pool / sizeof pool[0])];
            char *p = text + len;
            if (cp < 0x80) {
                p[0] = (char)cp;
                len += 1;
            } else if (cp < 0x800) {
                p[0] = (char)(0xC0 | cp >> 6);
                p[1] = (char)(0x80 | (cp & 0x3F));
                len += 2;
            } else if (cp < 0x10000) {
                p[0] = (char)(0xE0 | cp >> 12);
                p[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
                p[2] = (char)(0x80 | (cp & 0x3F));
                len += 3;
            } else {
                p[0] = (char)(0xF0 | cp >> 18);
                p[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
                p[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
                p[3] = (char)(0x80 | (cp & 0x3F));
                len += 4;
            }
        }
        text[len] = '\0';
        form_text_style st = {
            .face = (form_font_face)(rand_r(&seed) % 2),
            .pt = 4 + rand_r(&seed) % 20,
            .min_pt = rand_r(&seed) % 8,
            .min_scale = (rand_r(&seed) % 6) / 10.0 + 0.5,
            .max_lines = 1 + (int)(rand_r(&seed) % 4),
            .spacing = (rand_r(&seed) % 3) / 2.0,
            .leading = (rand_r(&seed) % 3) * 0.5,
            .halign = (form_halign)(rand_r(&seed) % 3),
            .valign = (form_valign)(rand_r(&seed) % 3),
            .vertical = rand_r(&seed) % 4 == 0,
        };
        form_box b = {rand_r(&seed) % 150, rand_r(&seed) % 250, rand_r(&seed) % 60,
                      rand_r(&seed) % 30};
        uint32_t bad = 0;
        form_pdf_fit fit;
        form_err e = form_pdf_text(pdf, text, b, &st, &fit, &bad);
        assert_true(e == FORM_OK || e == FORM_E_OVERFLOW || e == FORM_E_GLYPH);
        if (e == FORM_E_GLYPH)
            assert_true(bad == 0x1F600 || bad == 0xFE00 || bad == 0x0301 || bad == 0xE0100);
        if (e == FORM_OK) {
            assert_true(fit.pt > 0 && fit.scale > 0 && fit.scale <= 1 && fit.lines >= 1);
            assert_true(fit.lines <= st.max_lines);
        }
        e = form_pdf_boxes(pdf, text, b, 1 + rand_r(&seed) % 12, 1 + rand_r(&seed) % 8,
                           rand_r(&seed) % 2, true, &st);
        assert_true(e == FORM_OK || e == FORM_E_OVERFLOW || e == FORM_E_GLYPH || e == FORM_E_ARG);
    }
    uint8_t *buf;
    size_t len;
    assert_int_equal(form_pdf_finish(pdf, &buf, &len), FORM_OK);
    save("random.pdf", buf, len);
    form_secure_free(buf, len);
    form_pdf_free(pdf);
    char *t = run("pdfinfo %s 2>&1 | grep -c Pages", path_of("random.pdf"));
    assert_int_equal(strtol(t, NULL, 10), 1);
    free(t);
}

/* A kiosk sets up a secure heap; when it is too small for a document the engine falls back
 * to ordinary (still wiped) memory instead of failing. Runs last: the heap stays set up. */
static void test_small_secure_heap_still_renders(void **state)
{
    (void)state;
    form_secure_init(64 * 1024); /* may not lock memory in a container: fine either way */
    form_box b = {20, 20, 170, 12};
    size_t len = render_text("heap.pdf", "髙橋 𠮷男 葛󠄀飾区", b, &plain, FORM_OK);
    assert_true(len > 1000);
    char *txt = run("pdftotext -raw -enc UTF-8 %s -", path_of("heap.pdf"));
    chomp(txt);
    assert_string_equal(txt, "髙橋 𠮷男 葛󠄀飾区");
    free(txt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_character_prints_exactly),
        cmocka_unit_test(test_unknown_glyph_is_reported_not_dropped),
        cmocka_unit_test(test_fit_table),
        cmocka_unit_test(test_kinsoku_and_words),
        cmocka_unit_test(test_alignment_keeps_ink_in_box),
        cmocka_unit_test(test_vertical_text),
        cmocka_unit_test(test_digit_boxes),
        cmocka_unit_test(test_qr_decodes),
        cmocka_unit_test(test_preview_grid_outline_and_image),
        cmocka_unit_test(test_libharu_error_becomes_form_e_pdf),
        cmocka_unit_test(test_documents_in_parallel_threads),
        cmocka_unit_test(test_full_form_is_small_and_whole),
        cmocka_unit_test(test_random_text_gets_a_documented_answer),
        cmocka_unit_test(test_small_secure_heap_still_renders),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
