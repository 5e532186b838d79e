/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * form-pdf-xobject.c — a city's PDF page (form-bg.h, read at template load) as a Form XObject
 * under the fields: built once per document from kakanai's object tree into libharu objects,
 * then drawn with `cm` and `Do` on every page that uses it.
 *
 * libharu has no page import, but its object layer is public: dictionaries, arrays, numbers,
 * names, binary strings, and dictionary streams added to the cross-reference table. Two
 * details: libharu rewrites a stream's /Filter from its own flags when it writes the stream,
 * so a stream kept raw (a JPEG, a predictor-coded image, a font program) carries its original
 * /Filter and /DecodeParms in a hidden entry that the dictionary's write hook writes out; and
 * libharu's reals are floats within ±32767 (form-bg.c refuses anything else at load).
 */
#include "form-bg.h"
#include "form-pdf-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_list.h>

#define RAW_FILTER_KEY "KakanaiRawFilter" /* hidden: never written as itself */

static void *mk(form_pdf *pdf, const form_bg *bg, const form_bg_val *v);

static void fill_dict(form_pdf *pdf, const form_bg *bg, HPDF_Dict d, const form_bg_val *v)
{
    for (size_t i = 0; i < v->n; i++)
        HPDF_Dict_Add(d, v->keys[i], mk(pdf, bg, &v->items[i]));
}

static void fill_array(form_pdf *pdf, const form_bg *bg, HPDF_Array a, const form_bg_val *v)
{
    for (size_t i = 0; i < v->n; i++)
        HPDF_Array_Add(a, mk(pdf, bg, &v->items[i]));
}

/* A new libharu object for v; a reference gives the indirect object built for it. */
static void *mk(form_pdf *pdf, const form_bg *bg, const form_bg_val *v)
{
    HPDF_MMgr m = pdf->doc->mmgr;
    switch (v->kind) {
    case FORM_BG_BOOL:
        return HPDF_Boolean_New(m, v->b ? HPDF_TRUE : HPDF_FALSE);
    case FORM_BG_INT:
        return HPDF_Number_New(m, v->i);
    case FORM_BG_REAL:
        return HPDF_Real_New(m, (HPDF_REAL)v->r);
    case FORM_BG_NAME:
        return HPDF_Name_New(m, v->s);
    case FORM_BG_STRING:
        return HPDF_Binary_New(m, (HPDF_BYTE *)v->s, (HPDF_UINT)v->slen);
    case FORM_BG_ARRAY: {
        HPDF_Array a = HPDF_Array_New(m);
        fill_array(pdf, bg, a, v);
        return a;
    }
    case FORM_BG_DICT: {
        HPDF_Dict d = HPDF_Dict_New(m);
        fill_dict(pdf, bg, d, v);
        return d;
    }
    case FORM_BG_REF:
        if (v->ref < bg->nobjs && pdf->bg_objs[v->ref] != NULL)
            return pdf->bg_objs[v->ref];
        return HPDF_Null_New(m);
    case FORM_BG_NULL:
        break;
    }
    return HPDF_Null_New(m);
}

/* The write hook of a stream kept raw: its own /Filter and /DecodeParms. */
static HPDF_STATUS write_raw_filter(HPDF_Dict d, HPDF_Stream s)
{
    HPDF_Array fp = HPDF_Dict_GetItem(d, RAW_FILTER_KEY, HPDF_OCLASS_ARRAY);
    if (fp == NULL)
        return HPDF_OK;
    static const char *const keys[2] = {"/Filter ", "/DecodeParms "};
    for (HPDF_UINT i = 0; i < 2 && i < fp->list->count; i++) {
        void *o = HPDF_List_ItemAt(fp->list, i); /* no class check: any object */
        if (o == NULL || (((HPDF_Obj_Header *)o)->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_NULL)
            continue;
        HPDF_STATUS r = HPDF_Stream_WriteStr(s, keys[i]);
        if (r == HPDF_OK)
            r = HPDF_Obj_Write(o, s, NULL);
        if (r == HPDF_OK)
            r = HPDF_Stream_WriteStr(s, "\012");
        if (r != HPDF_OK)
            return r;
    }
    return HPDF_OK;
}

/* Stream data into d: plain bytes (no filter) are compressed by libharu; filtered bytes are
 * written as they are, with their filter. */
static void stream_data(form_pdf *pdf, const form_bg *bg, HPDF_Dict d, const uint8_t *data,
                        size_t len, const form_bg_val *filter, const form_bg_val *parms)
{
    if (filter == NULL || filter->kind == FORM_BG_NULL ||
        (filter->kind == FORM_BG_ARRAY && filter->n == 0)) {
        d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    } else {
        d->filter = HPDF_STREAM_FILTER_NONE;
        HPDF_Array fp = HPDF_Array_New(pdf->doc->mmgr);
        HPDF_Array_Add(fp, mk(pdf, bg, filter));
        HPDF_Array_Add(fp, parms ? mk(pdf, bg, parms) : HPDF_Null_New(pdf->doc->mmgr));
        HPDF_Dict_Add(d, RAW_FILTER_KEY, fp);
        fp->header.obj_id |= HPDF_OTYPE_HIDDEN;
        d->write_fn = write_raw_filter;
    }
    if (len > 0)
        HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len);
}

/* Every indirect object first (so references and cycles resolve), then their contents. */
static HPDF_Dict build(form_pdf *pdf, const form_bg *bg)
{
    HPDF_MMgr m = pdf->doc->mmgr;
    HPDF_Xref x = pdf->doc->xref;
    for (size_t i = 0; i < bg->nobjs; i++) {
        const form_bg_obj *o = &bg->objs[i];
        void *h;
        if (o->stream)
            h = HPDF_DictStream_New(m, x); /* in the xref already */
        else {
            if (o->v.kind == FORM_BG_DICT)
                h = HPDF_Dict_New(m);
            else if (o->v.kind == FORM_BG_ARRAY)
                h = HPDF_Array_New(m);
            else if (o->v.kind == FORM_BG_REF)
                h = HPDF_Null_New(m);
            else
                h = mk(pdf, bg, &o->v);
            HPDF_Xref_Add(x, h);
        }
        pdf->bg_objs[i] = h;
    }
    for (size_t i = 0; i < bg->nobjs; i++) {
        const form_bg_obj *o = &bg->objs[i];
        if (o->v.kind == FORM_BG_DICT)
            fill_dict(pdf, bg, pdf->bg_objs[i], &o->v);
        else if (o->v.kind == FORM_BG_ARRAY)
            fill_array(pdf, bg, pdf->bg_objs[i], &o->v);
        if (o->stream)
            stream_data(pdf, bg, pdf->bg_objs[i], o->data, o->len, &o->filter, &o->parms);
    }
    HPDF_Dict xo = HPDF_DictStream_New(m, x);
    HPDF_Dict_AddName(xo, "Type", "XObject");
    HPDF_Dict_AddName(xo, "Subtype", "Form");
    HPDF_Array bbox = HPDF_Array_New(m);
    HPDF_Dict_Add(xo, "BBox", bbox);
    for (int k = 0; k < 4; k++)
        HPDF_Array_AddReal(bbox, (HPDF_REAL)bg->box[k]);
    HPDF_Dict_Add(xo, "Resources", bg->resources.kind == FORM_BG_DICT
                                        ? mk(pdf, bg, &bg->resources)
                                        : HPDF_Dict_New(m));
    stream_data(pdf, bg, xo, bg->content, bg->content_len, &bg->content_filter,
                &bg->content_parms);
    return xo;
}

/* A number with up to 6 decimals, locale-independent, followed by a space (a scale needs
 * more than the 3 decimals of form_ob_num). */
static void num6(obuf *ob, double v)
{
    char t[48];
    if (!isfinite(v))
        v = 0;
    long long m = llround(v * 1e6);
    unsigned long long a = m < 0 ? (unsigned long long)(-m) : (unsigned long long)m;
    snprintf(t, sizeof t, "%s%llu.%06llu ", m < 0 ? "-" : "", a / 1000000u, a % 1000000u);
    form_ob_str(ob, t);
}

static HARU_BODY form_err background_body(form_pdf *pdf, const form_bg *bg, form_box b)
{
    HPDF_Dict xo = NULL;
    for (size_t i = 0; i < pdf->nbgs; i++)
        if (pdf->bgs[i].bg == bg)
            xo = pdf->bgs[i].xobj;
    if (xo == NULL) {
        if (pdf->nbgs >= BGS_MAX)
            return FORM_E_ARG;
        /* the scratch hangs on the handle: form_pdf_free releases it after a longjmp */
        pdf->bg_objs = form_mem_alloc((bg->nobjs + 1) * sizeof *pdf->bg_objs);
        if (pdf->bg_objs == NULL)
            return FORM_E_NOMEM;
        xo = build(pdf, bg);
        form_mem_free(pdf->bg_objs);
        pdf->bg_objs = NULL;
        pdf->bgs[pdf->nbgs].bg = bg;
        pdf->bgs[pdf->nbgs++].xobj = xo;
    }
    const char *name = HPDF_Page_GetXObjectName(pdf->page, xo);
    if (name == NULL)
        return FORM_E_PDF;
    /* the box's corner (bx, by) and size (bw, bh) as shown, then into the target rectangle */
    double x0 = bg->box[0], y0 = bg->box[1], x1 = bg->box[2], y1 = bg->box[3];
    double bw = x1 - x0, bh = y1 - y0;
    /* rotation (clockwise, as /Rotate): page space (u, v) → shown (u', v') from the corner */
    double a, bb, c, d, e, f, sw, sh;
    switch (bg->rotate) {
    case 90: /* u' = v - y0, v' = x1 - u */
        a = 0, bb = -1, c = 1, d = 0, e = -y0, f = x1, sw = bh, sh = bw;
        break;
    case 180: /* u' = x1 - u, v' = y1 - v */
        a = -1, bb = 0, c = 0, d = -1, e = x1, f = y1, sw = bw, sh = bh;
        break;
    case 270: /* u' = y1 - v, v' = u - x0 */
        a = 0, bb = 1, c = -1, d = 0, e = y1, f = -x0, sw = bh, sh = bw;
        break;
    default:
        a = 1, bb = 0, c = 0, d = 1, e = -x0, f = -y0, sw = bw, sh = bh;
        break;
    }
    double sx = mm(b.w) / sw, sy = mm(b.h) / sh;
    double tx = mm(b.x), ty = page_y(pdf, b.y + b.h);
    form_ob_str(&pdf->ob, "q ");
    num6(&pdf->ob, a * sx);
    num6(&pdf->ob, bb * sy);
    num6(&pdf->ob, c * sx);
    num6(&pdf->ob, d * sy);
    num6(&pdf->ob, e * sx + tx);
    num6(&pdf->ob, f * sy + ty);
    form_ob_str(&pdf->ob, "cm /");
    form_ob_str(&pdf->ob, name);
    form_ob_str(&pdf->ob, " Do Q\n");
    return form_pdf_flush(pdf);
}

form_err form_pdf_background(form_pdf *pdf, const form_bg *bg, form_box b)
{
    if (pdf == NULL || bg == NULL || !box_ok(b) || b.w <= 0 || b.h <= 0)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return background_body(pdf, bg, b);
}
