/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-pdf-embed.c — fonts in the document: a CID per used glyph (1, 2, 3 … in order of first
 * use), the font objects in each page's resources, and at the end each used font embedded as a
 * subset (form-subset.c: glyph i of the subset = CID i): Type0 (Identity-H) → CIDFontType2 with
 * CIDToGIDMap /Identity, W widths, a FontDescriptor with FontFile2, and a ToUnicode CMap. */
#include "form-pdf-private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "form-secure.h"
#include "form-subset.h"

/* ---- fonts in the document ----------------------------------------------------------------- */

/* The CID of glyph gid of font df in this document (allocated on first use). */
uint32_t form_pdf_cid(doc_font *df, uint32_t gid, const unit *un, bool first_of_unit)
{
    if (df->hash_cap == 0 || (df->ncid + 1) * 2 > df->hash_cap) {
        uint32_t cap = df->hash_cap ? df->hash_cap * 2 : 256;
        uint64_t *h = form_mem_alloc(cap * sizeof *h);
        if (h == NULL || !form_mem_reserve((void **)&df->cid_gid, cap / 2 * sizeof(uint32_t)) ||
            !form_mem_reserve((void **)&df->cid_uni, cap / 2 * UNIT_CP_MAX * sizeof(uint32_t))) {
            form_mem_free(h);
            return 0;
        }
        for (uint32_t c = 1; c < df->ncid; c++) {
            uint32_t g = df->cid_gid[c], j = (g * 2654435761u) & (cap - 1);
            while (h[j] != 0)
                j = (j + 1) & (cap - 1);
            h[j] = ((uint64_t)(g + 1) << 32) | c;
        }
        form_mem_free(df->hash);
        df->hash = h;
        df->hash_cap = cap;
        if (df->ncid == 0) {
            df->cid_gid[0] = 0;
            memset(df->cid_uni, 0, UNIT_CP_MAX * sizeof(uint32_t));
            df->ncid = 1;
        }
    }
    uint32_t j = (gid * 2654435761u) & (df->hash_cap - 1);
    while (df->hash[j] != 0) {
        if ((df->hash[j] >> 32) == (uint64_t)gid + 1)
            return (uint32_t)(df->hash[j] & 0xFFFF);
        j = (j + 1) & (df->hash_cap - 1);
    }
    if (df->ncid > CID_MAX)
        return 0;
    uint32_t cid = df->ncid++;
    df->hash[j] = ((uint64_t)(gid + 1) << 32) | cid;
    df->cid_gid[cid] = gid;
    uint32_t *uni = &df->cid_uni[cid * UNIT_CP_MAX];
    memset(uni, 0, UNIT_CP_MAX * sizeof *uni);
    if (first_of_unit)
        for (uint8_t i = 0; i < un->ncp; i++)
            uni[i] = un->cp[i] == '\t' ? ' ' : un->cp[i];
    return cid;
}

/* Make sure font fid has its PDF objects and is in the current page's resources. */
void form_pdf_use_font(form_pdf *pdf, uint8_t fid)
{
    doc_font *df = &pdf->fonts[fid];
    HPDF_MMgr mm_ = pdf->doc->mmgr;
    HPDF_Xref xref = pdf->doc->xref;
    if (df->type0 == NULL) {
        df->font = form_font_get(pdf->fonts_dir, (form_font_id)fid);
        snprintf(df->res, sizeof df->res, "K%u", ++pdf->font_serial);
        df->type0 = HPDF_Dict_New(mm_);
        HPDF_Xref_Add(xref, df->type0);
        HPDF_Dict_AddName(df->type0, "Type", "Font");
        HPDF_Dict_AddName(df->type0, "Subtype", "Type0");
        HPDF_Dict_AddName(df->type0, "Encoding", "Identity-H");
        df->cidfont = HPDF_Dict_New(mm_);
        HPDF_Xref_Add(xref, df->cidfont);
        HPDF_Array desc = HPDF_Array_New(mm_);
        HPDF_Dict_Add(df->type0, "DescendantFonts", desc);
        HPDF_Array_Add(desc, df->cidfont);
        HPDF_Dict_AddName(df->cidfont, "Type", "Font");
        HPDF_Dict_AddName(df->cidfont, "Subtype", "CIDFontType2");
        HPDF_Dict csi = HPDF_Dict_New(mm_);
        HPDF_Dict_Add(df->cidfont, "CIDSystemInfo", csi);
        HPDF_Dict_Add(csi, "Registry", HPDF_String_New(mm_, "Adobe", NULL));
        HPDF_Dict_Add(csi, "Ordering", HPDF_String_New(mm_, "Identity", NULL));
        HPDF_Dict_AddNumber(csi, "Supplement", 0);
        df->desc = HPDF_Dict_New(mm_);
        HPDF_Xref_Add(xref, df->desc);
        HPDF_Dict_Add(df->cidfont, "FontDescriptor", df->desc);
    }
    if (df->page_serial != pdf->page_serial) {
        HPDF_PageAttr attr = (HPDF_PageAttr)pdf->page->attr;
        if (attr->fonts == NULL) {
            HPDF_Dict res = HPDF_Dict_GetItem(pdf->page, "Resources", HPDF_OCLASS_DICT);
            HPDF_Dict fonts = HPDF_Dict_New(mm_);
            HPDF_Dict_Add(res, "Font", fonts);
            attr->fonts = fonts;
        }
        HPDF_Dict_Add(attr->fonts, df->res, df->type0);
        df->page_serial = pdf->page_serial;
    }
}

/* ---- finishing: font subsets, then the bytes --------------------------------------------- */

static void subset_tag(const doc_font *df, char tag[7])
{
    uint32_t h = 2166136261u;
    for (uint32_t c = 0; c < df->ncid; c++) {
        h ^= df->cid_gid[c];
        h *= 16777619u;
    }
    h ^= (uint32_t)df->font->id;
    for (int i = 0; i < 6; i++) {
        tag[i] = (char)('A' + h % 26);
        h /= 26;
    }
    tag[6] = '\0';
}

static void put_utf16(obuf *o, uint32_t cp)
{
    if (cp >= 0x10000) {
        cp -= 0x10000;
        form_ob_hex16(o, 0xD800 + (cp >> 10));
        form_ob_hex16(o, 0xDC00 + (cp & 0x3FF));
    } else {
        form_ob_hex16(o, cp);
    }
}

static HPDF_Dict stream_with(form_pdf *pdf, const void *data, size_t len)
{
    HPDF_Dict s = HPDF_DictStream_New(pdf->doc->mmgr, pdf->doc->xref);
    s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    if (len > 0)
        HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)data, (HPDF_UINT)len);
    return s;
}

static form_err finish_font(form_pdf *pdf, doc_font *df)
{
    const form_font *f = df->font;
    /* subset glyph i = CID i: CIDToGIDMap /Identity */
    uint8_t *bdata = NULL;
    size_t blen = 0;
    form_err se = form_subset_truetype(f->face, df->cid_gid, df->ncid, &bdata, &blen);
    if (se != FORM_OK)
        return se;

    HPDF_MMgr mm_ = pdf->doc->mmgr;
    char tag[7], name[HPDF_LIMIT_MAX_NAME_LEN + 1];
    subset_tag(df, tag);
    snprintf(name, sizeof name, "%s+%s", tag, f->psname);
    HPDF_Dict_AddName(df->type0, "BaseFont", name);
    HPDF_Dict_AddName(df->cidfont, "BaseFont", name);
    HPDF_Dict_AddNumber(df->cidfont, "DW", 1000);
    HPDF_Dict_AddName(df->cidfont, "CIDToGIDMap", "Identity");

    HPDF_Array w = HPDF_Array_New(mm_);
    HPDF_Dict_Add(df->cidfont, "W", w);
    HPDF_Array_AddNumber(w, 0);
    HPDF_Array ws = HPDF_Array_New(mm_);
    HPDF_Array_Add(w, ws);
    for (uint32_t c = 0; c < df->ncid; c++) {
        hb_position_t adv = hb_font_get_glyph_h_advance(f->font, df->cid_gid[c]);
        HPDF_Array_AddNumber(ws, (HPDF_INT32)lround((double)adv * 1000.0 / f->upem));
    }

    HPDF_Dict d = df->desc;
    double k = 1000.0 / f->upem;
    HPDF_Dict_AddName(d, "Type", "FontDescriptor");
    HPDF_Dict_AddName(d, "FontName", name);
    HPDF_Dict_AddNumber(d, "Flags", 4); /* symbolic: glyphs outside the standard Latin set */
    HPDF_Array bb = HPDF_Array_New(mm_);
    HPDF_Dict_Add(d, "FontBBox", bb);
    for (int i = 0; i < 4; i++)
        HPDF_Array_AddNumber(bb, (HPDF_INT32)lround(f->bbox[i] * k));
    HPDF_Dict_AddNumber(d, "ItalicAngle", 0);
    HPDF_Dict_AddNumber(d, "Ascent", (HPDF_INT32)lround(f->ascent * k));
    HPDF_Dict_AddNumber(d, "Descent", (HPDF_INT32)lround(f->descent * k));
    HPDF_Dict_AddNumber(d, "CapHeight", (HPDF_INT32)lround(f->cap_height * k));
    HPDF_Dict_AddNumber(d, "StemV", 80);
    HPDF_Dict ff = stream_with(pdf, bdata, blen);
    HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)blen);
    HPDF_Dict_Add(d, "FontFile2", ff);
    form_secure_free(bdata, blen);

    /* ToUnicode: what each CID stands for, so that copying and searching give the text */
    obuf *o = &pdf->ob;
    o->len = 0;
    form_ob_str(o, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                   "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                   "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    uint32_t c = 1;
    while (c < df->ncid) {
        uint32_t chunk = 0;
        for (uint32_t j = c; j < df->ncid && chunk < 100; j++)
            if (df->cid_uni[j * UNIT_CP_MAX] != 0)
                chunk++;
        if (chunk == 0)
            break;
        form_ob_num(o, chunk);
        form_ob_str(o, "beginbfchar\n");
        uint32_t done = 0;
        for (; c < df->ncid && done < chunk; c++) {
            const uint32_t *uni = &df->cid_uni[c * UNIT_CP_MAX];
            if (uni[0] == 0)
                continue;
            form_ob_str(o, "<");
            form_ob_hex16(o, c);
            form_ob_str(o, "> <");
            for (int i = 0; i < UNIT_CP_MAX && uni[i] != 0; i++)
                put_utf16(o, uni[i]);
            form_ob_str(o, ">\n");
            done++;
        }
        form_ob_str(o, "endbfchar\n");
    }
    form_ob_str(o, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    if (o->failed) {
        o->failed = false;
        o->len = 0;
        return FORM_E_NOMEM;
    }
    HPDF_Dict_Add(df->type0, "ToUnicode", stream_with(pdf, o->p, o->len));
    explicit_bzero(o->p, o->len);
    o->len = 0;
    return FORM_OK;
}

form_err form_pdf_embed_fonts(form_pdf *pdf)
{
    for (int i = 0; i < FORM_FONT_COUNT; i++) {
        if (pdf->fonts[i].type0 == NULL)
            continue;
        form_err e = finish_font(pdf, &pdf->fonts[i]);
        if (e != FORM_OK)
            return e;
    }
    return FORM_OK;
}
