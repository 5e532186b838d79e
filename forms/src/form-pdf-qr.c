/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-qr.c — a QR code (libqrencode) drawn as vector squares (see form-pdf.h). */
#include "form-pdf-private.h"

#include <math.h>
#include <string.h>

#include <qrencode.h>

static HARU_BODY form_err qr_body(form_pdf *pdf, const uint8_t *data, size_t len, form_box b)
{
    QRcode *qr = QRcode_encodeData((int)len, data, 0, QR_ECLEVEL_M);
    if (qr == NULL)
        return FORM_E_OVERFLOW; /* too much data for a QR code */
    int n = qr->width, quiet = 4, total = n + 2 * quiet;
    double side = fmin(b.w, b.h), mod = mm(side) / total;
    double x0 = mm(b.x + (b.w - side) / 2) + quiet * mod;
    double ytop = page_y(pdf, b.y + (b.h - side) / 2) - quiet * mod;
    obuf *o = &pdf->ob;
    form_ob_str(o, "q 0 g\n");
    /* one rectangle per horizontal run of dark modules */
    for (int r = 0; r < n; r++) {
        for (int c = 0; c < n;) {
            if (!(qr->data[r * n + c] & 1)) {
                c++;
                continue;
            }
            int c0 = c;
            while (c < n && (qr->data[r * n + c] & 1))
                c++;
            form_ob_num(o, x0 + c0 * mod);
            form_ob_num(o, ytop - (r + 1) * mod);
            form_ob_num(o, (c - c0) * mod);
            form_ob_num(o, mod);
            form_ob_str(o, "re\n");
        }
    }
    form_ob_str(o, "f Q\n");
    explicit_bzero(qr->data, (size_t)n * (size_t)n);
    QRcode_free(qr);
    return form_pdf_flush(pdf);
}

form_err form_pdf_qr(form_pdf *pdf, const uint8_t *data, size_t len, form_box b)
{
    if (pdf == NULL || data == NULL || len == 0 || len > INT32_MAX || !box_ok(b) || b.w <= 0 ||
        b.h <= 0)
        return FORM_E_ARG;
    if (len > FORM_PDF_QR_MAX)
        return FORM_E_OVERFLOW;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return qr_body(pdf, data, len, b);
}
