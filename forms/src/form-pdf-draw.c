/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-draw.c — vector drawing (lines, rectangles, ellipses, the check mark) and images
 * placed from files, through libharu's page API (see form-pdf.h). */
#include "form-pdf-private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- vector drawing ----------------------------------------------------------------------- */

static HARU_BODY form_err line_body(form_pdf *pdf, double x1, double y1, double x2, double y2,
                                    double width, double dash)
{
    HPDF_Page p = pdf->page;
    HPDF_Page_GSave(p);
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)mm(width));
    if (dash > 0) {
        HPDF_UINT16 pat[1] = {(HPDF_UINT16)fmax(1, lround(mm(dash)))};
        HPDF_Page_SetDash(p, pat, 1, 0);
    }
    HPDF_Page_MoveTo(p, (HPDF_REAL)mm(x1), (HPDF_REAL)page_y(pdf, y1));
    HPDF_Page_LineTo(p, (HPDF_REAL)mm(x2), (HPDF_REAL)page_y(pdf, y2));
    HPDF_Page_Stroke(p);
    HPDF_Page_GRestore(p);
    return FORM_OK;
}

form_err form_pdf_line(form_pdf *pdf, double x1, double y1, double x2, double y2, double width,
                       double dash)
{
    if (pdf == NULL || !isfinite(x1) || !isfinite(y1) || !isfinite(x2) || !isfinite(y2) ||
        !isfinite(width) || !isfinite(dash) || width < 0 || dash < 0)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return line_body(pdf, x1, y1, x2, y2, width, dash);
}

static HARU_BODY form_err rect_body(form_pdf *pdf, form_box b, double width, double fill_gray)
{
    HPDF_Page p = pdf->page;
    HPDF_Page_GSave(p);
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)mm(width));
    if (fill_gray >= 0)
        HPDF_Page_SetGrayFill(p, (HPDF_REAL)fill_gray);
    HPDF_Page_Rectangle(p, (HPDF_REAL)mm(b.x), (HPDF_REAL)page_y(pdf, b.y + b.h),
                        (HPDF_REAL)mm(b.w), (HPDF_REAL)mm(b.h));
    if (fill_gray >= 0 && width > 0)
        HPDF_Page_FillStroke(p);
    else if (fill_gray >= 0)
        HPDF_Page_Fill(p);
    else if (width > 0)
        HPDF_Page_Stroke(p);
    else
        HPDF_Page_EndPath(p);
    HPDF_Page_GRestore(p);
    return FORM_OK;
}

form_err form_pdf_rect(form_pdf *pdf, form_box b, double width, double fill_gray)
{
    if (pdf == NULL || !box_ok(b) || !isfinite(width) || width < 0 || !isfinite(fill_gray) ||
        fill_gray > 1)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return rect_body(pdf, b, width, fill_gray);
}

static HARU_BODY form_err ellipse_body(form_pdf *pdf, form_box b, double width)
{
    HPDF_Page p = pdf->page;
    HPDF_Page_GSave(p);
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)mm(width));
    HPDF_Page_Ellipse(p, (HPDF_REAL)mm(b.x + b.w / 2), (HPDF_REAL)page_y(pdf, b.y + b.h / 2),
                      (HPDF_REAL)mm(b.w / 2), (HPDF_REAL)mm(b.h / 2));
    HPDF_Page_Stroke(p);
    HPDF_Page_GRestore(p);
    return FORM_OK;
}

form_err form_pdf_ellipse(form_pdf *pdf, form_box b, double width)
{
    if (pdf == NULL || !box_ok(b) || b.w <= 0 || b.h <= 0 || !isfinite(width) || width <= 0)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return ellipse_body(pdf, b, width);
}

static HARU_BODY form_err check_body(form_pdf *pdf, form_box b)
{
    HPDF_Page p = pdf->page;
    double s = fmin(b.w, b.h);
    double x0 = b.x + (b.w - s) / 2, y0 = b.y + (b.h - s) / 2; /* a square inside b */
    HPDF_Page_GSave(p);
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)mm(s * 0.12));
    HPDF_Page_SetLineCap(p, HPDF_ROUND_END);
    HPDF_Page_SetLineJoin(p, HPDF_ROUND_JOIN);
    HPDF_Page_MoveTo(p, (HPDF_REAL)mm(x0 + 0.15 * s), (HPDF_REAL)page_y(pdf, y0 + 0.52 * s));
    HPDF_Page_LineTo(p, (HPDF_REAL)mm(x0 + 0.40 * s), (HPDF_REAL)page_y(pdf, y0 + 0.80 * s));
    HPDF_Page_LineTo(p, (HPDF_REAL)mm(x0 + 0.86 * s), (HPDF_REAL)page_y(pdf, y0 + 0.18 * s));
    HPDF_Page_Stroke(p);
    HPDF_Page_GRestore(p);
    return FORM_OK;
}

form_err form_pdf_check(form_pdf *pdf, form_box b)
{
    if (pdf == NULL || !box_ok(b) || b.w <= 0 || b.h <= 0)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return check_body(pdf, b);
}

/* ---- images ------------------------------------------------------------------------------- */

static HARU_BODY form_err image_body(form_pdf *pdf, const char *path, form_box b)
{
    HPDF_Image img = NULL;
    for (size_t i = 0; i < pdf->nimages; i++)
        if (strcmp(pdf->images[i].path, path) == 0)
            img = pdf->images[i].img;
    if (img == NULL) {
        /* Check the file before libharu sees it: its loaders fail half-way otherwise. */
        uint8_t head[8] = {0};
        FILE *fp = fopen(path, "rb");
        if (fp == NULL)
            return FORM_E_IMAGE;
        size_t got = fread(head, 1, sizeof head, fp);
        fclose(fp);
        static const uint8_t png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (got == 8 && memcmp(head, png_sig, 8) == 0)
            img = HPDF_LoadPngImageFromFile(pdf->doc, path);
        else if (got >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            img = HPDF_LoadJpegImageFromFile(pdf->doc, path);
        else
            return FORM_E_IMAGE;
        if (img == NULL)
            return FORM_E_IMAGE;
        if (pdf->nimages < IMAGES_MAX) {
            snprintf(pdf->images[pdf->nimages].path, PATH_MAX_LEN, "%s", path);
            pdf->images[pdf->nimages++].img = img;
        }
    }
    HPDF_Page_DrawImage(pdf->page, img, (HPDF_REAL)mm(b.x), (HPDF_REAL)page_y(pdf, b.y + b.h),
                        (HPDF_REAL)mm(b.w), (HPDF_REAL)mm(b.h));
    return FORM_OK;
}

form_err form_pdf_image(form_pdf *pdf, const char *path, form_box b)
{
    if (pdf == NULL || path == NULL || !box_ok(b) || b.w <= 0 || b.h <= 0 ||
        strlen(path) >= PATH_MAX_LEN)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return image_body(pdf, path, b);
}
