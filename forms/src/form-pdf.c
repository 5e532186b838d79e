/*
 * form-pdf.c — the typesetting engine (see form-pdf.h).
 *
 * libharu writes the PDF; this file writes the text itself, because libharu's own Japanese
 * path drops characters above U+FFFF and variation sequences and embeds whole fonts:
 *   1. each character (with its variation selector) gets the first font of the face's
 *      fallback chain that draws it (form-font.c), else FORM_E_GLYPH;
 *   2. runs of one font are shaped with HarfBuzz (vertical: TTB, so 'vert' applies);
 *   3. the fitting search (size → condense → wrap with kinsoku) places the lines;
 *   4. glyphs go into the page content stream as 2-byte CIDs numbered per document
 *      (1, 2, 3 … in order of first use) with TJ/Tj operators;
 *   5. form_pdf_finish subsets each used font (form-subset.c: glyph i of the subset = CID i)
 *      and writes, through libharu's object API, a Type0 font (Identity-H) → CIDFontType2
 *      with CIDToGIDMap /Identity, W widths, a FontDescriptor with FontFile2 = the subset,
 *      and a ToUnicode CMap (UTF-16, surrogates for 𠮷, the selector kept for 葛󠄀).
 *
 * libharu errors reach pdf_error(), which longjmps back to the public function that called
 * libharu (one jmp_buf per document); after that the document is unusable (FORM_E_PDF).
 * Every libharu allocation and every buffer holding text goes through mem_alloc(): locked
 * memory when available, always wiped on free.
 */
#include "form-pdf.h"

#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <qrencode.h>

#include "form-font.h"
#include "form-secure.h"
#include "form-subset.h"

#define MM_PT (72.0 / 25.4)
#define UNIT_CP_MAX 4
#define CID_MAX 65535
#define IMAGES_MAX 16
/* Room HarfBuzz's buffer is given once (see form_pdf_new and hb_wipe). */
#define HB_BUFFER_ROOM (2u * FORM_PDF_TEXT_MAX)
#define PATH_MAX_LEN 4096

/* ---- memory: locked when possible, always wiped ------------------------------------------ */

typedef struct mem_head {
    size_t n;
    size_t secure; /* 1: form_secure_alloc, 0: calloc */
} mem_head;
#define MEM_HEAD_SIZE 16
_Static_assert(sizeof(mem_head) <= MEM_HEAD_SIZE, "mem_head");

static void *mem_alloc(size_t n)
{
    if (n > SIZE_MAX - MEM_HEAD_SIZE)
        return NULL;
    size_t total = n + MEM_HEAD_SIZE;
    size_t secure = 1;
    uint8_t *p = form_secure_alloc(total);
    if (p == NULL) { /* secure heap full: ordinary memory, still wiped on free */
        p = calloc(1, total);
        secure = 0;
    }
    if (p == NULL)
        return NULL;
    mem_head h = {total, secure};
    memcpy(p, &h, sizeof h);
    return p + MEM_HEAD_SIZE;
}

static void mem_free(void *q)
{
    if (q == NULL)
        return;
    uint8_t *p = (uint8_t *)q - MEM_HEAD_SIZE;
    mem_head h;
    memcpy(&h, p, sizeof h);
    if (h.secure) {
        form_secure_free(p, h.n);
    } else {
        explicit_bzero(p, h.n);
        free(p);
    }
}

static size_t mem_size(const void *q)
{
    mem_head h;
    memcpy(&h, (const uint8_t *)q - MEM_HEAD_SIZE, sizeof h);
    return h.n - MEM_HEAD_SIZE;
}

/* Grow *p (mem_alloc'd, or NULL) to hold at least n bytes; contents kept. */
static bool mem_reserve(void **p, size_t n)
{
    size_t have = *p != NULL ? mem_size(*p) : 0;
    if (have >= n)
        return true;
    size_t cap = have > 0 ? have : 256;
    while (cap < n) {
        if (cap > SIZE_MAX / 2)
            return false;
        cap *= 2;
    }
    void *q = mem_alloc(cap);
    if (q == NULL)
        return false;
    if (*p != NULL) {
        memcpy(q, *p, have);
        mem_free(*p);
    }
    *p = q;
    return true;
}

static void *HPDF_STDCALL haru_alloc(HPDF_UINT size)
{
    return mem_alloc(size);
}
static void HPDF_STDCALL haru_free(void *p)
{
    mem_free(p);
}

/* ---- an output buffer for content-stream operators ---------------------------------------- */

typedef struct obuf {
    char *p;
    size_t len;
    bool failed;
} obuf;

static void ob_put(obuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (!mem_reserve((void **)&b->p, b->len + n + 1)) {
        b->failed = true;
        return;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void ob_str(obuf *b, const char *s)
{
    ob_put(b, s, strlen(s));
}

/* A number with up to 3 decimals, locale-independent, followed by a space. */
static void ob_num(obuf *b, double v)
{
    char t[40];
    if (!isfinite(v))
        v = 0;
    long long m = llround(v * 1000.0);
    bool neg = m < 0;
    unsigned long long a = neg ? (unsigned long long)(-m) : (unsigned long long)m;
    unsigned long long ip = a / 1000, fp = a % 1000;
    int n;
    if (fp == 0) {
        n = snprintf(t, sizeof t, "%s%llu ", neg ? "-" : "", ip);
    } else {
        char f[4];
        snprintf(f, sizeof f, "%03llu", fp);
        int fl = 3;
        while (fl > 0 && f[fl - 1] == '0')
            fl--;
        f[fl] = '\0';
        n = snprintf(t, sizeof t, "%s%llu.%s ", neg ? "-" : "", ip, f);
    }
    if (n > 0)
        ob_put(b, t, (size_t)n);
}

static void ob_hex16(obuf *b, unsigned v)
{
    static const char hex[] = "0123456789ABCDEF";
    char t[4] = {hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15]};
    ob_put(b, t, 4);
}

/* ---- the document ------------------------------------------------------------------------- */

typedef struct doc_font {
    const form_font *font;
    HPDF_Dict type0, cidfont, desc; /* created on first use */
    char res[8];                    /* resource name "F1" … */
    uint32_t *cid_gid;              /* CID → original glyph; [0] = .notdef */
    uint32_t *cid_uni;              /* CID → up to UNIT_CP_MAX code points (0-padded) */
    uint32_t ncid;                  /* used CIDs including 0 */
    uint64_t *hash;                 /* open addressing: (gid + 1) << 32 | cid, 0 = empty */
    uint32_t hash_cap;
    unsigned page_serial; /* the page whose resources name this font */
} doc_font;

typedef struct unit {
    uint32_t cp[UNIT_CP_MAX];
    uint8_t ncp;
    uint8_t font; /* form_font_id */
    bool space, newline, joined;
    bool sideways;   /* vertical text: a Latin run set rotated 90° clockwise */
    uint8_t tcy;     /* vertical text: 縦中横, two digits side by side in one cell (1st, 2nd) */
    double tcy_w;    /* the pair's horizontal width, em (on the first) */
    uint32_t g0, ng; /* glyph range */
    double adv;      /* em */
} unit;

typedef struct glyph {
    uint32_t gid;
    uint8_t font;
    int32_t adv, xoff, yoff; /* font units; adv along the line */
    int32_t nominal;         /* horizontal advance in the font (the W entry) */
    uint32_t unit;
} glyph;

typedef struct line {
    uint32_t s, e; /* units [s, e), trailing spaces excluded */
} line;

typedef struct image_ref {
    char path[PATH_MAX_LEN];
    HPDF_Image img;
} image_ref;

struct form_pdf {
    HPDF_Doc doc;
    HPDF_Page page;
    double page_h_pt;
    unsigned page_serial;
    jmp_buf jb;
    bool broken, finished;
    HPDF_STATUS haru_err;
    char *fonts_dir;
    const form_font *chain[2][FORM_FONT_CHAIN_MAX];
    size_t chain_len[2];
    doc_font fonts[FORM_FONT_COUNT];
    unsigned font_serial;
    hb_buffer_t *hb;
    unsigned hb_high; /* how far into its arrays HarfBuzz may have written (see hb_wipe) */
    /* scratch, reused per call, wiped on free */
    unit *units;
    size_t nunits;
    glyph *glyphs;
    size_t nglyphs;
    line *lines;
    size_t nlines;
    obuf ob;
    uint8_t *result; /* form_pdf_finish's copy of the PDF until it is handed over */
    size_t result_len;
    image_ref images[IMAGES_MAX];
    size_t nimages;
};

static void HPDF_STDCALL pdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
    (void)detail_no;
    form_pdf *pdf = user_data;
    pdf->haru_err = error_no;
    pdf->broken = true;
    longjmp(pdf->jb, 1);
}

/* Each public function that reaches libharu checks its arguments, then GUARD, then calls its
 * body: a libharu error comes back to GUARD as FORM_E_PDF (and the document stays unusable).
 * The work is in the body's own frame (HARU_BODY: never inlined into the public function), so
 * the frame that called setjmp holds no local that changes between setjmp and longjmp, whose
 * value would be indeterminate after the jump (C17 7.13.2.1). What a body allocates before
 * libharu may fail hangs on the handle, never on the body's stack, so form_pdf_free still
 * wipes and frees it after a jump. */
#define HARU_BODY __attribute__((noinline))
#define GUARD(pdf)                                                                                 \
    do {                                                                                           \
        if ((pdf)->broken || (pdf)->finished)                                                      \
            return FORM_E_PDF;                                                                     \
        if (setjmp((pdf)->jb) != 0)                                                                \
            return FORM_E_PDF;                                                                     \
    } while (0)

static double mm(double v)
{
    return v * MM_PT;
}
static double page_y(const form_pdf *pdf, double y_mm)
{
    return pdf->page_h_pt - mm(y_mm);
}

static bool box_ok(form_box b)
{
    return isfinite(b.x) && isfinite(b.y) && isfinite(b.w) && isfinite(b.h) && b.w >= 0 &&
           b.h >= 0 && fabs(b.x) < 1e5 && fabs(b.y) < 1e5 && b.w < 1e5 && b.h < 1e5;
}

form_err form_pdf_new(const char *fonts_dir, form_pdf **out)
{
    if (out == NULL)
        return FORM_E_ARG;
    *out = NULL;
    form_pdf *pdf = mem_alloc(sizeof *pdf);
    if (pdf == NULL)
        return FORM_E_NOMEM;
    if (fonts_dir != NULL && (pdf->fonts_dir = form_secure_strdup(fonts_dir)) == NULL) {
        mem_free(pdf);
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

/* Wipe what HarfBuzz's buffer holds of the text (after shaping: glyph ids and positions,
 * which spell it out as well as the characters do) and empty it. Called on every path that
 * leaves shape_units and before the buffer is destroyed. Shaping works in two arrays and can
 * shorten the text (composition, ligatures), leaving code points past the buffer's end: the
 * buffer is first lengthened to high (how far any run may have reached), which zeroes
 * [end, high), then [0, high) is wiped. */
static void hb_wipe(hb_buffer_t *hb, unsigned high)
{
    if (high > HB_BUFFER_ROOM)
        high = HB_BUFFER_ROOM;
    if (high > hb_buffer_get_length(hb))
        hb_buffer_set_length(hb, high); /* within the room: never reallocates */
    unsigned n = 0;
    hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(hb, &n);
    if (gi != NULL)
        explicit_bzero(gi, n * sizeof *gi);
    hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(hb, &n);
    if (gp != NULL)
        explicit_bzero(gp, n * sizeof *gp);
    hb_buffer_clear_contents(hb);
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
    for (int i = 0; i < FORM_FONT_COUNT; i++) {
        mem_free(pdf->fonts[i].cid_gid);
        mem_free(pdf->fonts[i].cid_uni);
        mem_free(pdf->fonts[i].hash);
    }
    if (pdf->hb != NULL) {
        hb_wipe(pdf->hb, pdf->hb_high);
        hb_buffer_destroy(pdf->hb);
    }
    mem_free(pdf->units);
    mem_free(pdf->glyphs);
    mem_free(pdf->lines);
    mem_free(pdf->ob.p);
    if (pdf->result != NULL)
        form_secure_free(pdf->result, pdf->result_len);
    form_secure_strfree(pdf->fonts_dir);
    mem_free(pdf);
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

#define NEED_PAGE(pdf)                                                                             \
    do {                                                                                           \
        if ((pdf)->page == NULL)                                                                   \
            return FORM_E_ARG;                                                                     \
    } while (0)

/* Append the operators collected in pdf->ob to the page's content stream. */
static form_err flush_ops(form_pdf *pdf)
{
    if (pdf->ob.failed) {
        pdf->ob.failed = false;
        pdf->ob.len = 0;
        return FORM_E_NOMEM;
    }
    if (pdf->ob.len > 0) {
        HPDF_PageAttr attr = (HPDF_PageAttr)pdf->page->attr;
        HPDF_Stream_Write(attr->stream, (const HPDF_BYTE *)pdf->ob.p, (HPDF_UINT)pdf->ob.len);
        explicit_bzero(pdf->ob.p, pdf->ob.len);
        pdf->ob.len = 0;
    }
    return FORM_OK;
}

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
    ob_str(o, "q 0 g\n");
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
            ob_num(o, x0 + c0 * mod);
            ob_num(o, ytop - (r + 1) * mod);
            ob_num(o, (c - c0) * mod);
            ob_num(o, mod);
            ob_str(o, "re\n");
        }
    }
    ob_str(o, "f Q\n");
    explicit_bzero(qr->data, (size_t)n * (size_t)n);
    QRcode_free(qr);
    return flush_ops(pdf);
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

/* ---- characters → units → shaped glyphs --------------------------------------------------- */

static bool is_mark(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x3099 || cp == 0x309A || cp == 0x200D;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000;
}

/* Map the units' characters to fonts of the chain. FORM_E_GLYPH with *bad for the first
 * character (or selector) no font draws. */
static form_err pick_fonts(form_pdf *pdf, int face, uint32_t *bad)
{
    const form_font **chain = pdf->chain[face];
    size_t nc = pdf->chain_len[face];
    for (size_t u = 0; u < pdf->nunits; u++) {
        unit *un = &pdf->units[u];
        if (un->newline)
            continue;
        bool found = false;
        for (size_t k = 0; k < nc && !found; k++) {
            const form_font *f = chain[k];
            bool all = true;
            for (uint8_t i = 0; i < un->ncp && all; i++) {
                uint32_t cp = un->cp[i];
                if (form_font_is_vs(cp))
                    continue; /* checked with its base */
                uint32_t vs =
                    (i + 1 < un->ncp && form_font_is_vs(un->cp[i + 1])) ? un->cp[i + 1] : 0;
                if (cp == '\t')
                    cp = ' ';
                all = form_font_glyph(f, cp, vs) != 0;
            }
            if (all) {
                un->font = (uint8_t)f->id;
                found = true;
            }
        }
        if (!found) {
            /* name the selector when some font has the base character */
            uint32_t b = un->cp[0];
            for (uint8_t i = 0; i < un->ncp; i++) {
                uint32_t cp = un->cp[i];
                if (form_font_is_vs(cp))
                    continue;
                uint32_t vs =
                    (i + 1 < un->ncp && form_font_is_vs(un->cp[i + 1])) ? un->cp[i + 1] : 0;
                bool base = false, both = false;
                for (size_t k = 0; k < nc; k++) {
                    base = base || form_font_glyph(chain[k], cp, 0) != 0;
                    both = both || form_font_glyph(chain[k], cp, vs) != 0;
                }
                if (!base) {
                    b = cp;
                    break;
                }
                if (!both) {
                    b = vs;
                    break;
                }
            }
            if (bad != NULL)
                *bad = b;
            return FORM_E_GLYPH;
        }
    }
    return FORM_OK;
}

static form_err decode_units(form_pdf *pdf, const char *utf8)
{
    size_t n = strlen(utf8);
    if (n > FORM_PDF_TEXT_MAX)
        return FORM_E_ARG;
    if (!mem_reserve((void **)&pdf->units, (n + 1) * sizeof(unit)))
        return FORM_E_NOMEM;
    pdf->nunits = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        if (!form_utf8_next(utf8, n, &i, &cp))
            return FORM_E_ARG;
        if (cp == '\r')
            continue;
        unit *prev = pdf->nunits > 0 ? &pdf->units[pdf->nunits - 1] : NULL;
        if ((form_font_is_vs(cp) || is_mark(cp)) && prev != NULL && !prev->newline &&
            prev->ncp < UNIT_CP_MAX) {
            prev->cp[prev->ncp++] = cp;
            continue;
        }
        unit *un = &pdf->units[pdf->nunits++];
        memset(un, 0, sizeof *un);
        un->cp[0] = cp;
        un->ncp = 1;
        un->newline = cp == '\n';
        un->space = is_space(cp);
    }
    return FORM_OK;
}

/* 0: upright (vertical) or horizontal; 1: sideways Latin; 2: 縦中横 pair. */
static int run_kind(const unit *u)
{
    return u->sideways ? 1 : u->tcy ? 2 : 0;
}

/* Shape runs of one font; fills pdf->glyphs and each unit's glyph range and advance. */
static form_err shape_units(form_pdf *pdf, bool vertical)
{
    pdf->nglyphs = 0;
    size_t u = 0;
    while (u < pdf->nunits) {
        if (pdf->units[u].newline) {
            pdf->units[u].g0 = (uint32_t)pdf->nglyphs;
            pdf->units[u].ng = 0;
            pdf->units[u].adv = 0;
            u++;
            continue;
        }
        size_t e = u;
        uint8_t fid = pdf->units[u].font;
        int kind = run_kind(&pdf->units[u]);
        while (e < pdf->nunits && !pdf->units[e].newline && pdf->units[e].font == fid &&
               run_kind(&pdf->units[e]) == kind)
            e++;
        bool ttb = vertical && kind == 0;
        const form_font *f = form_font_get(pdf->fonts_dir, (form_font_id)fid);
        hb_buffer_t *hb = pdf->hb;
        hb_buffer_reset(hb);
        hb_buffer_set_cluster_level(hb, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
        for (size_t k = u; k < e; k++) {
            pdf->units[k].g0 = 0;
            pdf->units[k].ng = 0;
            pdf->units[k].adv = 0;
            pdf->units[k].joined = false;
            for (uint8_t i = 0; i < pdf->units[k].ncp; i++) {
                uint32_t cp = pdf->units[k].cp[i];
                hb_buffer_add(hb, cp == '\t' ? ' ' : cp, (unsigned)k);
            }
        }
        /* shaping may decompose: allow twice the characters (and a little) for hb_wipe */
        unsigned reach = 2 * hb_buffer_get_length(hb) + 8;
        if (reach > pdf->hb_high)
            pdf->hb_high = reach;
        hb_buffer_set_content_type(hb, HB_BUFFER_CONTENT_TYPE_UNICODE);
        hb_buffer_guess_segment_properties(hb);
        hb_buffer_set_direction(hb, ttb ? HB_DIRECTION_TTB : HB_DIRECTION_LTR);
        hb_buffer_set_language(hb, hb_language_from_string("ja", 2));
        hb_shape(f->font, hb, NULL, 0);
        unsigned gn = 0;
        hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(hb, &gn);
        hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(hb, NULL);
        if (!mem_reserve((void **)&pdf->glyphs, (pdf->nglyphs + gn + 1) * sizeof(glyph))) {
            hb_wipe(hb, pdf->hb_high);
            return FORM_E_NOMEM;
        }
        for (unsigned j = 0; j < gn; j++) {
            uint32_t k = gi[j].cluster;
            if (k < u || k >= e)
                k = (uint32_t)u;
            if (gi[j].codepoint == 0) {
                hb_wipe(hb, pdf->hb_high);
                return FORM_E_GLYPH; /* cannot happen after pick_fonts; never draw tofu */
            }
            glyph *g = &pdf->glyphs[pdf->nglyphs];
            g->gid = gi[j].codepoint;
            g->font = fid;
            g->adv = ttb ? -gp[j].y_advance : gp[j].x_advance;
            g->xoff = gp[j].x_offset;
            g->yoff = gp[j].y_offset;
            g->nominal = hb_font_get_glyph_h_advance(f->font, g->gid);
            g->unit = k;
            unit *un = &pdf->units[k];
            if (un->ng == 0)
                un->g0 = (uint32_t)pdf->nglyphs;
            un->ng++;
            un->adv += (double)g->adv / f->upem;
            pdf->nglyphs++;
        }
        hb_wipe(hb, pdf->hb_high); /* HarfBuzz's copy of the text */
        for (size_t k = u; k < e; k++)
            if (pdf->units[k].ng == 0) {
                pdf->units[k].joined = k > u; /* merged into the previous cluster */
                pdf->units[k].g0 = (uint32_t)pdf->nglyphs;
            }
        for (size_t k = u; kind == 2 && k + 1 < e; k += 2) {
            /* 縦中横: the pair fills one full-width cell along the column */
            unit *a = &pdf->units[k], *b = &pdf->units[k + 1];
            a->tcy_w = a->adv + b->adv;
            a->adv = 1.0;
            b->adv = 0;
            b->joined = true;
        }
        u = e;
    }
    return FORM_OK;
}

/* ---- line breaking (kinsoku) --------------------------------------------------------------- */

static bool no_start(uint32_t c)
{
    static const uint32_t set[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01, 0x309D, 0x309E,
        0x30FD, 0x30FE, 0x30FC, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x300B, 0xFF5D,
        0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x30A1,
        0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
        0x3005, 0x2019, 0x201D, 0xFF3D, 0x3017, 0x3019, 0x301F, 0x2026, 0x2025, 0x301C, ',',
        '.',    ')',    ']',    '}',    '!',    '?',    ':',    ';',    '%',
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return true;
    return false;
}

static bool no_end(uint32_t c)
{
    static const uint32_t set[] = {0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008,
                                   0x300A, 0xFF5B, 0x2018, 0x201C, 0xFF3B, 0x3016,
                                   0x3018, 0x301D, '(',    '[',    '{'};
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == c)
            return true;
    return false;
}

/* Characters between which a line may break without a space (CJK and full-width forms). */
static bool is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           (c >= 0x2000 && c <= 0x206F);
}

/* May a line break before unit i? (i > 0) */
static bool may_break(const form_pdf *pdf, size_t i)
{
    const unit *a = &pdf->units[i - 1], *b = &pdf->units[i];
    if (b->joined || b->space)
        return false;
    if (no_start(b->cp[0]) || no_end(a->cp[0]))
        return false;
    if (a->space)
        return true;
    return is_cjk(a->cp[0]) || is_cjk(b->cp[0]);
}

/* Emergency break inside a word: anything but a kinsoku or cluster violation. */
static bool may_force(const form_pdf *pdf, size_t i)
{
    const unit *a = &pdf->units[i - 1], *b = &pdf->units[i];
    return !b->joined && !no_start(b->cp[0]) && !no_end(a->cp[0]);
}

static double unit_w(const unit *u, double pt, double scale)
{
    return u->adv * pt * scale;
}

static void add_line(form_pdf *pdf, size_t s, size_t e, bool store, size_t *count)
{
    while (e > s && pdf->units[e - 1].space)
        e--;
    if (store && mem_reserve((void **)&pdf->lines, (*count + 1) * sizeof(line))) {
        pdf->lines[*count].s = (uint32_t)s;
        pdf->lines[*count].e = (uint32_t)e;
    }
    (*count)++;
}

/* Greedy wrap into lines of length len (pt). Returns the number of lines, SIZE_MAX when a
 * single character is wider than the line. store: keep them in pdf->lines. */
static size_t wrap(form_pdf *pdf, double len, double pt, double scale, double sp, bool store)
{
    size_t count = 0, n = pdf->nunits, s = 0;
    const double eps = 1e-6;
    while (s < n) {
        double w = 0;
        size_t last_ok = 0; /* a break position after s, 0 = none */
        size_t i = s;
        size_t end = n, next = n;
        for (; i < n; i++) {
            const unit *u = &pdf->units[i];
            if (u->newline) {
                end = i;
                next = i + 1;
                break;
            }
            double wi = unit_w(u, pt, scale) + (i > s ? sp : 0);
            if (i > s && may_break(pdf, i))
                last_ok = i;
            if (w + wi > len + eps && !u->space && i > s) {
                size_t at = last_ok;
                if (at == 0) /* no break point: break the word as late as possible */
                    for (size_t j = i; j > s && at == 0; j--)
                        if (may_force(pdf, j))
                            at = j;
                if (at == 0)
                    at = i;
                end = at;
                next = at;
                break;
            }
            if (w + wi > len + eps && i == s && !u->space)
                return SIZE_MAX;
            w += wi;
        }
        add_line(pdf, s, end, store, &count);
        s = next;
        if (next == n && end == n)
            break;
        /* spaces at the start of a wrapped line are dropped */
        if (end == next)
            while (s < n && pdf->units[s].space)
                s++;
        if (end != next && s == n) { /* text ends with a newline: an empty last line */
            add_line(pdf, s, s, store, &count);
            break;
        }
    }
    if (n == 0)
        add_line(pdf, 0, 0, store, &count);
    return count;
}

static double line_w(const form_pdf *pdf, const line *l, double pt, double scale, double sp)
{
    double w = 0;
    for (uint32_t i = l->s; i < l->e; i++)
        w += unit_w(&pdf->units[i], pt, scale) + (i > l->s ? sp : 0);
    return w;
}

/* The fitting search (form-pdf.h): fills *fit and pdf->lines. len: along the lines, stack:
 * across them, both pt. */
static form_err fit_units(form_pdf *pdf, double len, double stack, const form_text_style *st,
                          form_pdf_fit *fit)
{
    double pt = st->pt, min_pt = st->min_pt > 0 ? fmin(st->min_pt, st->pt) : st->pt;
    double min_scale = st->min_scale > 0 ? fmin(st->min_scale, 1.0) : 1.0;
    double lead = st->leading > 0 ? st->leading : 1.25;
    double sp = mm(st->spacing);
    int max_lines = st->max_lines >= 1 ? st->max_lines : 1;
    const double eps = 1e-6;
    bool has_nl = false;
    double total = 0;
    size_t n = pdf->nunits;
    for (size_t i = 0; i < n; i++) {
        has_nl = has_nl || pdf->units[i].newline;
        total += pdf->units[i].adv;
    }
    /* trailing spaces do not count */
    size_t m = n;
    while (m > 0 && pdf->units[m - 1].space) {
        total -= pdf->units[m - 1].adv;
        m--;
    }
    double spaces = m > 1 ? (double)(m - 1) * sp : 0;
    if (!has_nl) {
        double p = pt;
        if (total > 0)
            p = fmin(p, (len - spaces) / total);
        p = fmin(p, stack);
        p = floor(p * 100) / 100;
        if (p >= min_pt - eps && len - spaces >= 0) {
            pdf->nlines = wrap(pdf, INFINITY, p, 1, sp, true);
            *fit = (form_pdf_fit){p, 1, (int)pdf->nlines};
            return FORM_OK;
        }
        if (min_pt <= stack + eps && total > 0 && len - spaces > 0) {
            double sc = floor((len - spaces) / (total * min_pt) * 1000) / 1000;
            if (sc >= min_scale - eps) {
                pdf->nlines = wrap(pdf, INFINITY, min_pt, sc, sp, true);
                *fit = (form_pdf_fit){min_pt, fmin(sc, 1), (int)pdf->nlines};
                return FORM_OK;
            }
        }
    }
    if (max_lines >= 2 || has_nl) {
        double step = 0.25;
        for (double p = pt;; p -= step) {
            if (p < min_pt)
                p = min_pt;
            size_t by_height = (size_t)floor((stack / p - 1) / lead + 1 + eps);
            size_t cap = by_height < (size_t)max_lines ? by_height : (size_t)max_lines;
            if (p <= stack + eps && cap >= 1) {
                size_t k = wrap(pdf, len, p, 1, sp, false);
                if (k <= cap) {
                    pdf->nlines = wrap(pdf, len, p, 1, sp, true);
                    *fit = (form_pdf_fit){p, 1, (int)k};
                    return FORM_OK;
                }
            }
            if (p <= min_pt)
                break;
        }
        size_t by_height = (size_t)floor((stack / min_pt - 1) / lead + 1 + eps);
        size_t cap = by_height < (size_t)max_lines ? by_height : (size_t)max_lines;
        for (double sc = 0.95; cap >= 1 && min_pt <= stack + eps; sc -= 0.05) {
            if (sc < min_scale)
                sc = min_scale;
            size_t k = wrap(pdf, len, min_pt, sc, sp, false);
            if (k <= cap) {
                pdf->nlines = wrap(pdf, len, min_pt, sc, sp, true);
                *fit = (form_pdf_fit){min_pt, sc, (int)k};
                return FORM_OK;
            }
            if (sc <= min_scale + eps)
                break;
        }
    }
    return FORM_E_OVERFLOW;
}

static bool style_ok(const form_text_style *st)
{
    return st != NULL && isfinite(st->pt) && st->pt > 0 && st->pt <= 1000 && isfinite(st->min_pt) &&
           st->min_pt >= 0 && isfinite(st->min_scale) && st->min_scale >= 0 && st->min_scale <= 1 &&
           isfinite(st->spacing) && st->spacing >= 0 && isfinite(st->leading) && st->leading >= 0 &&
           st->leading <= 10 && st->max_lines >= 0 && st->max_lines <= 1000 &&
           (st->face == FORM_FONT_MINCHO || st->face == FORM_FONT_GOTHIC) &&
           (unsigned)st->halign <= FORM_HALIGN_RIGHT && (unsigned)st->valign <= FORM_VALIGN_BOTTOM;
}

/* Vertical text: runs of three or more Latin letters or digits (a romanized name, a
 * postcode) are set sideways, rotated 90° clockwise as a clerk writes them; two digits (a
 * month, a day) sit side by side in one cell (縦中横); a single one stays upright. */
static void mark_sideways(form_pdf *pdf, bool vertical)
{
    size_t n = pdf->nunits, i = 0;
    while (i < n) {
        pdf->units[i].sideways = false;
        pdf->units[i].tcy = 0;
        const unit *u = &pdf->units[i];
        if (!vertical || u->newline || u->cp[0] >= 0x2E80 || u->cp[0] == ' ') {
            i++;
            continue;
        }
        size_t e = i, letters = 0;
        while (e < n && !pdf->units[e].newline && pdf->units[e].cp[0] < 0x2E80) {
            letters += pdf->units[e].cp[0] != ' ';
            e++;
        }
        while (e > i && pdf->units[e - 1].cp[0] == ' ')
            e--;
        for (size_t k = i; k < e; k++) {
            pdf->units[k].sideways = letters >= 3;
            pdf->units[k].tcy = 0;
        }
        unit *a = &pdf->units[i];
        if (e == i + 2 && a[0].cp[0] >= '0' && a[0].cp[0] <= '9' && a[1].cp[0] >= '0' &&
            a[1].cp[0] <= '9' && a[0].ncp == 1 && a[1].ncp == 1 && a[0].font == a[1].font) {
            a[0].tcy = 1; /* two digits (a month, a day): 縦中横 */
            a[1].tcy = 2;
        }
        i = e > i ? e : i + 1;
    }
}

/* Decode, pick fonts, shape: the units and glyphs of utf8 in pdf's scratch. */
static form_err prepare(form_pdf *pdf, const char *utf8, const form_text_style *st,
                        uint32_t *bad_cp)
{
    form_err e = decode_units(pdf, utf8);
    if (e != FORM_OK)
        return e;
    e = pick_fonts(pdf, st->face, bad_cp);
    if (e != FORM_OK)
        return e;
    mark_sideways(pdf, st->vertical);
    return shape_units(pdf, st->vertical);
}

static form_err layout(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                       form_pdf_fit *fit, uint32_t *bad_cp)
{
    form_err e = prepare(pdf, utf8, st, bad_cp);
    if (e != FORM_OK)
        return e;
    double len = st->vertical ? mm(b.h) : mm(b.w);
    double stack = st->vertical ? mm(b.w) : mm(b.h);
    return fit_units(pdf, len, stack, st, fit);
}

form_err form_pdf_measure(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                          form_pdf_fit *fit)
{
    if (pdf == NULL || utf8 == NULL || !box_ok(b) || !style_ok(st))
        return FORM_E_ARG;
    form_pdf_fit f = {0};
    form_err e = layout(pdf, utf8, b, st, &f, NULL);
    if (fit != NULL)
        *fit = f;
    return e;
}

/* ---- fonts in the document ----------------------------------------------------------------- */

/* The CID of glyph gid of font df in this document (allocated on first use). */
static uint32_t doc_cid(doc_font *df, uint32_t gid, const unit *un, bool first_of_unit)
{
    if (df->hash_cap == 0 || (df->ncid + 1) * 2 > df->hash_cap) {
        uint32_t cap = df->hash_cap ? df->hash_cap * 2 : 256;
        uint64_t *h = mem_alloc(cap * sizeof *h);
        if (h == NULL || !mem_reserve((void **)&df->cid_gid, cap / 2 * sizeof(uint32_t)) ||
            !mem_reserve((void **)&df->cid_uni, cap / 2 * UNIT_CP_MAX * sizeof(uint32_t))) {
            mem_free(h);
            return 0;
        }
        for (uint32_t c = 1; c < df->ncid; c++) {
            uint32_t g = df->cid_gid[c], j = (g * 2654435761u) & (cap - 1);
            while (h[j] != 0)
                j = (j + 1) & (cap - 1);
            h[j] = ((uint64_t)(g + 1) << 32) | c;
        }
        mem_free(df->hash);
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
static void use_font(form_pdf *pdf, uint8_t fid)
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

/* ---- drawing shaped text -------------------------------------------------------------------- */

static double asc_frac(const form_font *f)
{
    double a = f->ascent, d = -(double)f->descent;
    return a + d > 0 ? a / (a + d) : 0.88;
}

/* Horizontal line: glyphs of units [s, e) from (x, y) (baseline, pt) in a TJ per font run. */
static form_err emit_h_line(form_pdf *pdf, const line *l, double x, double y, double pt,
                            double scale, double sp, int *cur_font)
{
    obuf *o = &pdf->ob;
    ob_str(o, "1 0 0 1 ");
    ob_num(o, x);
    ob_num(o, y);
    ob_str(o, "Tm\n");
    bool open = false;
    for (uint32_t u = l->s; u < l->e; u++) {
        const unit *un = &pdf->units[u];
        for (uint32_t k = 0; k < un->ng; k++) {
            const glyph *g = &pdf->glyphs[un->g0 + k];
            doc_font *df = &pdf->fonts[g->font];
            if (*cur_font != g->font) {
                if (open)
                    ob_str(o, "]TJ\n");
                open = false;
                use_font(pdf, g->font);
                ob_str(o, "/");
                ob_str(o, df->res);
                ob_str(o, " ");
                ob_num(o, pt);
                ob_str(o, "Tf\n");
                *cur_font = g->font;
            }
            if (!open)
                ob_str(o, "[");
            open = true;
            uint32_t cid = doc_cid(df, g->gid, un, k == 0);
            if (cid == 0)
                return FORM_E_NOMEM;
            ob_str(o, "<");
            ob_hex16(o, cid);
            ob_str(o, ">");
            double adj = (double)(g->nominal - g->adv) * 1000.0 / df->font->upem;
            if (k + 1 == un->ng && u + 1 < l->e && sp > 0)
                adj -= sp * 1000.0 / (pt * scale);
            if (fabs(adj) >= 0.001)
                ob_num(o, adj);
        }
    }
    if (open)
        ob_str(o, "]TJ\n");
    return FORM_OK;
}

/* One glyph of a vertical column, which sets a text matrix per glyph: select its font at
 * size 1 (the matrix scales it) and find its CID (FORM_E_NOMEM when the font's CID table is
 * full). The caller then writes the six matrix numbers and v_glyph_end shows the glyph. */
static form_err v_glyph_begin(form_pdf *pdf, const glyph *g, const unit *un, bool first_of_unit,
                              doc_font **df, uint32_t *cid)
{
    obuf *o = &pdf->ob;
    *df = &pdf->fonts[g->font];
    use_font(pdf, g->font);
    *cid = doc_cid(*df, g->gid, un, first_of_unit);
    if (*cid == 0)
        return FORM_E_NOMEM;
    ob_str(o, "/");
    ob_str(o, (*df)->res);
    ob_str(o, " 1 Tf ");
    return FORM_OK;
}

static void v_glyph_end(obuf *o, uint32_t cid)
{
    ob_str(o, "Tm <");
    ob_hex16(o, cid);
    ob_str(o, ">Tj\n");
}

/* Vertical column: glyphs placed one by one down from (cx, top) with HarfBuzz's TTB
 * positions (vert forms; Latin upright). */
static form_err emit_v_line(form_pdf *pdf, const line *l, double cx, double top, double pt,
                            double scale, double sp)
{
    obuf *o = &pdf->ob;
    double pen = top;
    for (uint32_t u = l->s; u < l->e; u++) {
        const unit *un = &pdf->units[u];
        if (un->tcy == 1 && u + 1 < l->e) {
            /* 縦中横: both digits upright side by side, narrowed to the cell if needed */
            double hs = un->tcy_w > 1.0 ? 1.0 / un->tcy_w : 1.0;
            double x = cx - un->tcy_w * hs * pt / 2;
            for (uint32_t v = u; v <= u + 1; v++) {
                const unit *uv = &pdf->units[v];
                for (uint32_t k = 0; k < uv->ng; k++) {
                    const glyph *g = &pdf->glyphs[uv->g0 + k];
                    doc_font *df;
                    uint32_t cid;
                    if (v_glyph_begin(pdf, g, uv, k == 0, &df, &cid) != FORM_OK)
                        return FORM_E_NOMEM;
                    double k1 = pt / df->font->upem;
                    ob_num(o, pt * hs);
                    ob_str(o, "0 0 ");
                    ob_num(o, pt * scale);
                    ob_num(o, x);
                    ob_num(o, pen - asc_frac(df->font) * pt * scale);
                    v_glyph_end(o, cid);
                    x += g->adv * k1 * hs;
                }
            }
            pen -= pt * scale + 2 * sp; /* as measured: the cell, and spacing per unit */
            u++;
            continue;
        }
        for (uint32_t k = 0; k < un->ng; k++) {
            const glyph *g = &pdf->glyphs[un->g0 + k];
            doc_font *df;
            uint32_t cid;
            if (v_glyph_begin(pdf, g, un, k == 0, &df, &cid) != FORM_OK)
                return FORM_E_NOMEM;
            double k1 = pt / df->font->upem;
            if (un->sideways) { /* rotated: the glyph's baseline runs down the column */
                ob_str(o, "0 ");
                ob_num(o, -pt * scale);
                ob_num(o, pt);
                ob_str(o, "0 ");
                ob_num(o, cx - pt * (asc_frac(df->font) - 0.5) - g->yoff * k1);
                ob_num(o, pen - g->xoff * k1 * scale);
            } else {
                ob_num(o, pt);
                ob_str(o, "0 0 ");
                ob_num(o, pt * scale);
                ob_num(o, cx + g->xoff * k1);
                ob_num(o, pen + g->yoff * k1 * scale);
            }
            v_glyph_end(o, cid);
            pen -= g->adv * k1 * scale;
        }
        pen -= sp;
    }
    return FORM_OK;
}

static form_err draw_lines(form_pdf *pdf, form_box b, const form_text_style *st,
                           const form_pdf_fit *fit)
{
    double pt = fit->pt, scale = fit->scale, sp = mm(st->spacing);
    double lead = st->leading > 0 ? st->leading : 1.25;
    size_t n = pdf->nlines;
    if (n == 0 || pdf->nglyphs == 0)
        return FORM_OK;
    const form_font *f0 = pdf->chain[st->face][0];
    double bx = mm(b.x), by_top = page_y(pdf, b.y), bw = mm(b.w), bh = mm(b.h);
    double block = pt * (1 + (double)(n - 1) * lead);
    obuf *o = &pdf->ob;
    ob_str(o, "q 0 g BT\n");
    form_err e = FORM_OK;
    if (!st->vertical) {
        if (scale < 0.9995) {
            ob_num(o, scale * 100);
            ob_str(o, "Tz\n");
        }
        double top = by_top;
        if (st->valign == FORM_VALIGN_MIDDLE)
            top = by_top - (bh - block) / 2;
        else if (st->valign == FORM_VALIGN_BOTTOM)
            top = by_top - (bh - block);
        int cur = -1;
        for (size_t i = 0; i < n && e == FORM_OK; i++) {
            const line *l = &pdf->lines[i];
            double w = line_w(pdf, l, pt, scale, sp);
            double x = bx;
            if (st->halign == FORM_HALIGN_CENTER)
                x = bx + (bw - w) / 2;
            else if (st->halign == FORM_HALIGN_RIGHT)
                x = bx + bw - w;
            double base = top - (double)i * lead * pt - pt * asc_frac(f0);
            e = emit_h_line(pdf, l, x, base, pt, scale, sp, &cur);
        }
    } else {
        double left = bx; /* the block of columns, placed by halign */
        if (st->halign == FORM_HALIGN_CENTER)
            left = bx + (bw - block) / 2;
        else if (st->halign == FORM_HALIGN_RIGHT)
            left = bx + bw - block;
        for (size_t i = 0; i < n && e == FORM_OK; i++) {
            const line *l = &pdf->lines[i];
            double len = line_w(pdf, l, pt, scale, sp);
            double cx = left + block - pt / 2 - (double)i * lead * pt; /* right to left */
            double top = by_top;
            if (st->valign == FORM_VALIGN_MIDDLE)
                top = by_top - (bh - len) / 2;
            else if (st->valign == FORM_VALIGN_BOTTOM)
                top = by_top - (bh - len);
            e = emit_v_line(pdf, l, cx, top, pt, scale, sp);
        }
    }
    ob_str(o, "ET Q\n");
    if (e != FORM_OK) {
        explicit_bzero(o->p, o->len);
        o->len = 0;
        return e;
    }
    return flush_ops(pdf);
}

static HARU_BODY form_err text_body(form_pdf *pdf, const char *utf8, form_box b,
                                    const form_text_style *st, form_pdf_fit *fit, uint32_t *bad_cp)
{
    form_pdf_fit f = {0};
    form_err e = layout(pdf, utf8, b, st, &f, bad_cp);
    if (fit != NULL)
        *fit = f;
    if (e != FORM_OK)
        return e;
    return draw_lines(pdf, b, st, &f);
}

form_err form_pdf_text(form_pdf *pdf, const char *utf8, form_box b, const form_text_style *st,
                       form_pdf_fit *fit, uint32_t *bad_cp)
{
    if (pdf == NULL || utf8 == NULL || !box_ok(b) || !style_ok(st))
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return text_body(pdf, utf8, b, st, fit, bad_cp);
}

static HARU_BODY form_err boxes_body(form_pdf *pdf, const char *utf8, form_box b, int count,
                                     double pitch, bool right, bool outline,
                                     const form_text_style *st)
{
    form_text_style hs = *st;
    hs.vertical = false;
    form_err e = prepare(pdf, utf8, &hs, NULL);
    if (e != FORM_OK)
        return e;
    size_t n = pdf->nunits;
    for (size_t i = 0; i < n; i++)
        if (pdf->units[i].newline)
            return FORM_E_ARG;
    if (n > (size_t)count)
        return FORM_E_OVERFLOW;
    obuf *o = &pdf->ob;
    if (outline) {
        ob_str(o, "q 0 G 0.5 w\n");
        for (int i = 0; i < count; i++) {
            ob_num(o, mm(b.x + i * pitch));
            ob_num(o, page_y(pdf, b.y + b.h));
            ob_num(o, mm(pitch));
            ob_num(o, mm(b.h));
            ob_str(o, "re\n");
        }
        ob_str(o, "S Q\n");
    }
    const form_font *f0 = pdf->chain[hs.face][0];
    ob_str(o, "q 0 g BT\n");
    int cur = -1;
    size_t first = right ? (size_t)count - n : 0;
    for (size_t i = 0; i < n && e == FORM_OK; i++) {
        const unit *un = &pdf->units[i];
        if (un->ng == 0 || un->space)
            continue;
        double cell = mm(pitch), cx = mm(b.x + (double)(first + i) * pitch) + cell / 2;
        double cy = page_y(pdf, b.y + b.h / 2);
        double pt = fmin(hs.pt, mm(b.h) * 0.9);
        if (un->adv > 0)
            pt = fmin(pt, cell * 0.9 / un->adv);
        line l = {(uint32_t)i, (uint32_t)i + 1};
        double x = cx - un->adv * pt / 2;
        double base = cy - pt * (asc_frac(f0) - 0.5);
        cur = -1; /* each box may have its own size: set Tf again */
        e = emit_h_line(pdf, &l, x, base, pt, 1, 0, &cur);
    }
    ob_str(o, "ET Q\n");
    if (e != FORM_OK) {
        explicit_bzero(o->p, o->len);
        o->len = 0;
        return e;
    }
    return flush_ops(pdf);
}

form_err form_pdf_boxes(form_pdf *pdf, const char *utf8, form_box b, int count, double pitch,
                        bool right, bool outline, const form_text_style *st)
{
    if (pdf == NULL || utf8 == NULL || !box_ok(b) || !style_ok(st) || count < 1 || count > 1000 ||
        !isfinite(pitch) || pitch <= 0 || pitch > 1000)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return boxes_body(pdf, utf8, b, count, pitch, right, outline, st);
}

/* ---- preview aids ------------------------------------------------------------------------- */

/* A small label (no fitting) at (x, y) mm top-left, in the current fill colour. */
static form_err label_at(form_pdf *pdf, const char *text, double x, double y, double pt,
                         double max_w_mm)
{
    form_text_style st = {.face = FORM_FONT_GOTHIC, .pt = pt, .max_lines = 1};
    form_err e = prepare(pdf, text, &st, NULL);
    if (e != FORM_OK || pdf->nunits == 0)
        return e;
    pdf->nlines = wrap(pdf, INFINITY, pt, 1, 0, true);
    if (pdf->nlines != 1)
        return FORM_OK;
    double w = line_w(pdf, &pdf->lines[0], pt, 1, 0);
    double scale = 1;
    if (max_w_mm > 0 && w > mm(max_w_mm))
        scale = fmax(0.3, mm(max_w_mm) / w);
    obuf *o = &pdf->ob;
    ob_str(o, "BT ");
    if (scale < 1) {
        ob_num(o, scale * 100);
        ob_str(o, "Tz ");
    }
    int cur = -1;
    const form_font *f0 = pdf->chain[FORM_FONT_GOTHIC][0];
    e = emit_h_line(pdf, &pdf->lines[0], mm(x), page_y(pdf, y) - pt * asc_frac(f0), pt, scale, 0,
                    &cur);
    ob_str(o, "ET\n");
    return e;
}

static HARU_BODY form_err grid_body(form_pdf *pdf)
{
    double w_mm = HPDF_Page_GetWidth(pdf->page) / MM_PT, h_mm = pdf->page_h_pt / MM_PT;
    obuf *o = &pdf->ob;
    for (int pass = 0; pass < 3; pass++) {
        static const char *const style[3] = {"q 0.85 0.9 1 RG 0.15 w\n", "q 0.6 0.75 1 RG 0.3 w\n",
                                             "q 0.3 0.5 1 RG 0.5 w\n"};
        ob_str(o, style[pass]);
        for (int i = 0; i <= (int)w_mm; i++) {
            int level = i % 10 == 0 ? 2 : i % 5 == 0 ? 1 : 0;
            if (level != pass)
                continue;
            ob_num(o, mm(i));
            ob_str(o, "0 m ");
            ob_num(o, mm(i));
            ob_num(o, pdf->page_h_pt);
            ob_str(o, "l\n");
        }
        for (int j = 0; j <= (int)h_mm; j++) {
            int level = j % 10 == 0 ? 2 : j % 5 == 0 ? 1 : 0;
            if (level != pass)
                continue;
            ob_str(o, "0 ");
            ob_num(o, page_y(pdf, j));
            ob_str(o, "m ");
            ob_num(o, mm(w_mm));
            ob_num(o, page_y(pdf, j));
            ob_str(o, "l\n");
        }
        ob_str(o, "S Q\n");
    }
    ob_str(o, "q 0.2 0.4 0.9 rg\n");
    char t[16];
    form_err e = FORM_OK;
    for (int i = 10; i < (int)w_mm && e == FORM_OK; i += 10) {
        snprintf(t, sizeof t, "%d", i);
        e = label_at(pdf, t, i + 0.5, 0.5, 5, 0);
    }
    for (int j = 10; j < (int)h_mm && e == FORM_OK; j += 10) {
        snprintf(t, sizeof t, "%d", j);
        e = label_at(pdf, t, 0.5, j + 0.5, 5, 0);
    }
    ob_str(o, "Q\n");
    if (e != FORM_OK) {
        o->len = 0;
        return e;
    }
    return flush_ops(pdf);
}

form_err form_pdf_grid(form_pdf *pdf)
{
    if (pdf == NULL)
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return grid_body(pdf);
}

static HARU_BODY form_err outline_body(form_pdf *pdf, form_box b, const char *label)
{
    obuf *o = &pdf->ob;
    ob_str(o, "q 0.9 0.2 0.1 RG 0.5 w [2 1] 0 d\n");
    ob_num(o, mm(b.x));
    ob_num(o, page_y(pdf, b.y + b.h));
    ob_num(o, mm(b.w));
    ob_num(o, mm(b.h));
    ob_str(o, "re S Q\n");
    if (label != NULL && label[0] != '\0') {
        size_t keep = o->len;
        ob_str(o, "q 0.9 0.2 0.1 rg\n");
        /* a label no font draws is left out: the outline is what matters in a preview */
        if (label_at(pdf, label, b.x + 0.3, b.y + 0.3, 4.5, b.w - 0.6) != FORM_OK)
            o->len = keep;
        else
            ob_str(o, "Q\n");
    }
    return flush_ops(pdf);
}

form_err form_pdf_outline(form_pdf *pdf, form_box b, const char *label)
{
    if (pdf == NULL || !box_ok(b))
        return FORM_E_ARG;
    NEED_PAGE(pdf);
    GUARD(pdf);
    return outline_body(pdf, b, label);
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
        ob_hex16(o, 0xD800 + (cp >> 10));
        ob_hex16(o, 0xDC00 + (cp & 0x3FF));
    } else {
        ob_hex16(o, cp);
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
    ob_str(o, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
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
        ob_num(o, chunk);
        ob_str(o, "beginbfchar\n");
        uint32_t done = 0;
        for (; c < df->ncid && done < chunk; c++) {
            const uint32_t *uni = &df->cid_uni[c * UNIT_CP_MAX];
            if (uni[0] == 0)
                continue;
            ob_str(o, "<");
            ob_hex16(o, c);
            ob_str(o, "> <");
            for (int i = 0; i < UNIT_CP_MAX && uni[i] != 0; i++)
                put_utf16(o, uni[i]);
            ob_str(o, ">\n");
            done++;
        }
        ob_str(o, "endbfchar\n");
    }
    ob_str(o, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
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

static HARU_BODY form_err finish_body(form_pdf *pdf, uint8_t **buf, size_t *len)
{
    for (int i = 0; i < FORM_FONT_COUNT; i++) {
        if (pdf->fonts[i].type0 == NULL)
            continue;
        form_err e = finish_font(pdf, &pdf->fonts[i]);
        if (e != FORM_OK)
            return e;
    }
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

bool form_pdf_can_draw(form_pdf *pdf, const char *utf8, uint32_t *bad_cp)
{
    if (pdf == NULL || utf8 == NULL)
        return false;
    if (decode_units(pdf, utf8) != FORM_OK) {
        if (bad_cp != NULL)
            *bad_cp = 0xFFFD;
        return false;
    }
    uint32_t b0 = 0, b1 = 0;
    if (pick_fonts(pdf, FORM_FONT_MINCHO, &b0) == FORM_OK)
        return true;
    if (pick_fonts(pdf, FORM_FONT_GOTHIC, &b1) == FORM_OK)
        return true;
    if (bad_cp != NULL)
        *bad_cp = b0;
    return false;
}
