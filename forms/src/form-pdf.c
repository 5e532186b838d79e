/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-pdf.c — the typesetting engine's document (see form-pdf.h): create, add pages, finish,
 * free; libharu's error handler and allocator.
 *
 * libharu writes the PDF; the engine writes the text itself, because libharu's own Japanese
 * path drops characters above U+FFFF and variation sequences and embeds whole fonts:
 *   1. each character (with its variation selector) gets the first font of the face's
 *      fallback chain that draws it (form-font.c), else FORM_E_GLYPH (form-pdf-shape.c);
 *   2. runs of one font are shaped with HarfBuzz (form-pdf-shape.c; vertical: TTB, so 'vert'
 *      applies, with sideways Latin and 縦中横 from form-pdf-vertical.c);
 *   3. the fitting search (size → condense → wrap with kinsoku) places the lines
 *      (form-pdf-fit.c, form-pdf-break.c);
 *   4. glyphs go into the page content stream as 2-byte CIDs numbered per document
 *      (1, 2, 3 … in order of first use) with TJ/Tj operators (form-pdf-text.c,
 *      form-pdf-vertical.c, form-pdf-ops.c);
 *   5. form_pdf_finish subsets each used font (form-subset.c: glyph i of the subset = CID i)
 *      and writes, through libharu's object API, a Type0 font (Identity-H) → CIDFontType2
 *      with CIDToGIDMap /Identity, W widths, a FontDescriptor with FontFile2 = the subset,
 *      and a ToUnicode CMap (UTF-16, surrogates for 𠮷, the selector kept for 葛󠄀)
 *      (form-pdf-embed.c).
 *
 * libharu errors reach pdf_error(), which longjmps back to the public function that called
 * libharu (one jmp_buf per document, GUARD in form-pdf-private.h); after that the document is
 * unusable (FORM_E_PDF). Every libharu allocation and every buffer holding text goes through
 * form_mem_alloc(): locked memory when available, always wiped on free.
 */
#include "form-pdf-private.h"

#include <string.h>

#include "form-secure.h"
#include "form-subset.h"

static void *HPDF_STDCALL haru_alloc(HPDF_UINT size)
{
    return form_mem_alloc(size);
}

static void HPDF_STDCALL haru_free(void *p)
{
    form_mem_free(p);
}

static void HPDF_STDCALL pdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    (void)detail_no;
    form_pdf *pdf = user_data;
    pdf->haru_err = error_no;
    pdf->broken = true;
    longjmp(pdf->jb, 1);
}

form_err form_pdf_new(const char *fonts_dir, form_pdf **out)
{
    if (out == NULL)
        return FORM_E_ARG;
    *out = NULL;
    form_pdf *pdf = form_mem_alloc(sizeof *pdf);
    if (pdf == NULL)
        return FORM_E_NOMEM;
    if (fonts_dir != NULL && (pdf->fonts_dir = form_secure_strdup(fonts_dir)) == NULL) {
        form_mem_free(pdf);
        return FORM_E_NOMEM;
    }
    for (int f = 0; f < 2; f++)
        pdf->chain_len[f] = form_font_chain(fonts_dir, f, pdf->chain[f]);
    if (pdf->chain_len[0] == 0 || pdf->chain_len[1] == 0) {
        form_pdf_free(pdf);
        return FORM_E_FONT;
    }
    pdf->hb = hb_buffer_create();
    /* Room for the longest text at once (a run is at most FORM_PDF_TEXT_MAX code points; twice
     * that for what normalisation may decompose): HarfBuzz grows its buffer with realloc(),
     * which would leave the text's code points behind, unwiped, in every block it outgrows. */
    if (!hb_buffer_allocation_successful(pdf->hb) ||
        !hb_buffer_pre_allocate(pdf->hb, HB_BUFFER_ROOM)) {
        form_pdf_free(pdf);
        return FORM_E_NOMEM;
    }
    if (setjmp(pdf->jb) != 0) {
        form_pdf_free(pdf);
        return FORM_E_PDF;
    }
    pdf->doc = HPDF_NewEx(pdf_error, haru_alloc, haru_free, 0, pdf);
    if (pdf->doc == NULL) {
        form_pdf_free(pdf);
        return FORM_E_NOMEM;
    }
    HPDF_SetCompressionMode(pdf->doc, HPDF_COMP_ALL);
    *out = pdf;
    return FORM_OK;
}

void form_pdf_free(form_pdf *pdf)
{
    if (pdf == NULL)
        return;
    if (pdf->doc != NULL) {
        /* HPDF_Free only frees; an error there has nowhere to go but here. */
        if (setjmp(pdf->jb) == 0)
            HPDF_Free(pdf->doc);
        pdf->doc = NULL;
    }
    form_mem_free(pdf->bg_objs);
    for (int i = 0; i < FORM_FONT_COUNT; i++) {
        form_mem_free(pdf->fonts[i].cid_gid);
        form_mem_free(pdf->fonts[i].cid_uni);
        form_mem_free(pdf->fonts[i].hash);
    }
    if (pdf->hb != NULL) {
        form_pdf_hb_wipe(pdf->hb, pdf->hb_high);
        hb_buffer_destroy(pdf->hb);
    }
    form_mem_free(pdf->units);
    form_mem_free(pdf->glyphs);
    form_mem_free(pdf->lines);
    form_mem_free(pdf->ob.p);
    if (pdf->result != NULL)
        form_secure_free(pdf->result, pdf->result_len);
    form_secure_strfree(pdf->fonts_dir);
    form_mem_free(pdf);
}

static HARU_BODY form_err page_body(form_pdf *pdf, double w_mm, double h_mm)
{
    /* libharu checks the size range itself (3 .. 14400 pt): its error is FORM_E_PDF. */
    HPDF_Page page = HPDF_AddPage(pdf->doc);
    HPDF_Page_SetWidth(page, (HPDF_REAL)mm(w_mm));
    HPDF_Page_SetHeight(page, (HPDF_REAL)mm(h_mm));
    pdf->page = page;
    pdf->page_h_pt = mm(h_mm);
    pdf->page_serial++;
    return FORM_OK;
}

form_err form_pdf_page(form_pdf *pdf, double w_mm, double h_mm)
{
    if (pdf == NULL || !isfinite(w_mm) || !isfinite(h_mm) || w_mm <= 0 || h_mm <= 0)
        return FORM_E_ARG;
    GUARD(pdf);
    return page_body(pdf, w_mm, h_mm);
}

static HARU_BODY form_err finish_body(form_pdf *pdf, uint8_t **buf, size_t *len)
{
    form_err e = form_pdf_embed_fonts(pdf);
    if (e != FORM_OK)
        return e;
    pdf->finished = true;
    HPDF_SaveToStream(pdf->doc);
    HPDF_Stream s = pdf->doc->stream;
    size_t total = HPDF_GetStreamSize(pdf->doc);
    /* locked unless the secure heap is full; on the handle until handed over, so that a jump
     * out of libharu below still leaves it to form_pdf_free */
    uint8_t *out = pdf->result = form_subset_alloc(total);
    if (out == NULL)
        return FORM_E_NOMEM;
    pdf->result_len = total;
    size_t at = 0;
    HPDF_UINT nb = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < nb; i++) {
        HPDF_UINT l = 0;
        HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &l);
        if (p == NULL || l > total - at)
            break;
        memcpy(out + at, p, l);
        at += l;
    }
    if (at != total)
        return FORM_E_PDF; /* form_pdf_free wipes the part copied */
    pdf->result = NULL;
    pdf->result_len = 0;
    *buf = out;
    *len = total;
    return FORM_OK;
}

form_err form_pdf_finish(form_pdf *pdf, uint8_t **buf, size_t *len)
{
    if (pdf == NULL || buf == NULL || len == NULL)
        return FORM_E_ARG;
    *buf = NULL;
    *len = 0;
    if (pdf->page == NULL)
        return FORM_E_ARG;
    GUARD(pdf);
    return finish_body(pdf, buf, len);
}
