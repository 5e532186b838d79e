/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * bench-form-engine.c — per-document render time and size of the typesetting engine for a
 * form-like A4 page (20 fields, a few hundred characters, digit boxes, a QR code).
 * Prints figures; not a test. Usage: bench-form-engine [rounds]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "form-pdf.h"
#include "form-sample-text.h"
#include "form-secure.h"


static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int one(size_t *len, double *t_text, double *t_finish)
{
    double t0 = now_ms();
    form_pdf *pdf = NULL;
    if (form_pdf_new(NULL, &pdf) != FORM_OK)
        return 1;
    form_pdf_page(pdf, 210, 297);
    form_text_style st = {.pt = 12, .min_pt = 6, .min_scale = 0.7, .max_lines = 2};
    for (int i = 0; i < 20; i++) {
        form_box b = {20, 20 + i * 12, 170, 10};
        st.face = i % 3 == 0 ? FORM_FONT_GOTHIC : FORM_FONT_MINCHO;
        form_pdf_rect(pdf, b, 0.2, -1);
        if (form_pdf_text(pdf, sample_field_texts[i], b, &st, NULL, NULL) != FORM_OK)
            return 1;
    }
    form_pdf_boxes(pdf, "20261125", (form_box){20, 262, 64, 8}, 8, 8, false, true, &st);
    form_pdf_qr(pdf, (const uint8_t *)sample_field_texts[0], strlen(sample_field_texts[0]),
                (form_box){160, 255, 30, 30});
    double t1 = now_ms();
    uint8_t *buf;
    if (form_pdf_finish(pdf, &buf, len) != FORM_OK)
        return 1;
    form_secure_free(buf, *len);
    form_pdf_free(pdf);
    *t_text += t1 - t0;
    *t_finish += now_ms() - t1;
    return 0;
}

/* The peer's measured case: one line of IPAex text on a page. */
static int one_line(size_t *len, double *ms)
{
    double t0 = now_ms();
    form_pdf *pdf = NULL;
    if (form_pdf_new(NULL, &pdf) != FORM_OK)
        return 1;
    form_pdf_page(pdf, 210, 297);
    form_text_style st = {.face = FORM_FONT_GOTHIC, .pt = 12, .max_lines = 1};
    if (form_pdf_text(pdf, "東京都千代田区千代田一丁目一番一号 山田太郎",
                      (form_box){20, 20, 170, 10}, &st, NULL, NULL) != FORM_OK)
        return 1;
    uint8_t *buf;
    if (form_pdf_finish(pdf, &buf, len) != FORM_OK)
        return 1;
    form_secure_free(buf, *len);
    form_pdf_free(pdf);
    *ms += now_ms() - t0;
    return 0;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 50;
    if (rounds < 1)
        rounds = 1;
    size_t len = 0;
    double a = 0, b = 0;
    double c0 = now_ms();
    if (one(&len, &a, &b) != 0) {
        fprintf(stderr, "bench-form-engine: render failed\n");
        return 1;
    }
    double cold = now_ms() - c0;
    a = b = 0;
    for (int i = 0; i < rounds; i++)
        if (one(&len, &a, &b) != 0)
            return 1;
    printf("forms-engine: full A4 form (20 fields, QR, boxes): first %.1f ms (fonts loaded), "
           "then %.2f ms per document (layout %.2f + subset/write %.2f), %.1f KB\n",
           cold, (a + b) / rounds, a / rounds, b / rounds, len / 1024.0);
    size_t l1 = 0;
    double m1 = 0;
    for (int i = 0; i < rounds; i++)
        if (one_line(&l1, &m1) != 0)
            return 1;
    printf("forms-engine: one line of IPAex Gothic text: %.2f ms per document, %.1f KB\n",
           m1 / rounds, l1 / 1024.0);
    printf("forms-engine: reference (NOTES.md): pdfme one line of IPAex text 10.2 KB in ~22 ms "
           "warm\n");
    return 0;
}
