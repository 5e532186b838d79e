/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* print-util.c — see print-util.h. */
#include "print-util.h"

#include <dirent.h>
#include <hpdf.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *env_or_null(const char *k)
{
    const char *v = getenv(k);
    return v != NULL && v[0] != '\0' ? v : NULL;
}

bool pu_env(void)
{
    return env_or_null("CUPS_SERVER") && env_or_null("KAKANAI_CUPS_DIR") &&
           env_or_null("KAKANAI_CUPS_SPOOL") && env_or_null("KAKANAI_PDF_OUT") &&
           env_or_null("KAKANAI_CUPS_LOGS");
}

const char *pu_dir(void)
{
    return getenv("KAKANAI_CUPS_DIR");
}
const char *pu_spool(void)
{
    return getenv("KAKANAI_CUPS_SPOOL");
}
const char *pu_out(void)
{
    return getenv("KAKANAI_PDF_OUT");
}
const char *pu_logs(void)
{
    return getenv("KAKANAI_CUPS_LOGS");
}

const char *pu_scratch(void)
{
    static char path[512];
    if (path[0] == '\0') {
        snprintf(path, sizeof path, "%s/scratch", pu_dir());
        mkdir(path, 0755);
    }
    return path;
}

long long pu_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int pu_run(const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof cmd)
        return -1;
    int rc = system(cmd);
    return rc == -1 ? -1 : (rc >> 8) & 0xff;
}

bool pu_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return false;
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

void pu_clear_out(void)
{
    DIR *d = opendir(pu_out());
    if (d == NULL)
        return;
    struct dirent *e;
    char path[1024];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", pu_out(), e->d_name);
        unlink(path);
    }
    closedir(d);
}

/* A complete PDF ends with %%EOF (Ghostscript writes it last). */
static bool pdf_complete(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    char tail[64] = {0};
    bool ok = false;
    if (fseek(f, -(long)(sizeof tail - 1), SEEK_END) == 0) {
        size_t n = fread(tail, 1, sizeof tail - 1, f);
        tail[n] = '\0';
        ok = strstr(tail, "%%EOF") != NULL;
    }
    fclose(f);
    return ok;
}

bool pu_wait_out(size_t count, char *path, size_t cap, int timeout_ms)
{
    long long until = pu_now_ms() + timeout_ms;
    for (;;) {
        size_t n = 0;
        DIR *d = opendir(pu_out());
        if (d != NULL) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                size_t l = strlen(e->d_name);
                if (l < 5 || strcmp(e->d_name + l - 4, ".pdf") != 0)
                    continue;
                char p[1024];
                snprintf(p, sizeof p, "%s/%s", pu_out(), e->d_name);
                if (!pdf_complete(p))
                    continue;
                if (n == 0 && path != NULL)
                    snprintf(path, cap, "%s", p);
                n++;
            }
            closedir(d);
        }
        if (n >= count)
            return true;
        if (pu_now_ms() >= until)
            return false;
        usleep(50 * 1000);
    }
}

int pu_pdf_pages(const char *path)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", path);
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return -1;
    char line[512];
    int pages = -1;
    while (fgets(line, sizeof line, p) != NULL) {
        if (strncmp(line, "Pages:", 6) == 0)
            pages = (int)strtol(line + 6, NULL, 10);
    }
    pclose(p);
    return pages;
}

/* A binary PGM (P5, maxval 255) into a malloc'd buffer. */
static uint8_t *read_pgm(const char *path, int *w, int *h)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    int maxv = 0;
    uint8_t *px = NULL;
    if (fscanf(f, "P5 %d %d %d", w, h, &maxv) == 3 && maxv == 255 && *w > 0 && *h > 0 &&
        *w < 10000 && *h < 10000 && fgetc(f) != EOF) {
        size_t n = (size_t)*w * (size_t)*h;
        px = malloc(n);
        if (px != NULL && fread(px, 1, n, f) != n) {
            free(px);
            px = NULL;
        }
    }
    fclose(f);
    return px;
}

static uint8_t *render(const char *pdf, int page, const char *tag, int *w, int *h)
{
    char prefix[1024], pgm[1100];
    snprintf(prefix, sizeof prefix, "%s/page-%s", pu_scratch(), tag);
    snprintf(pgm, sizeof pgm, "%s.pgm", prefix);
    unlink(pgm);
    if (pu_run("pdftoppm -r 50 -gray -f %d -l %d -singlefile '%s' '%s' 2>/dev/null", page, page,
               pdf, prefix) != 0)
        return NULL;
    uint8_t *px = read_pgm(pgm, w, h);
    unlink(pgm);
    return px;
}

/* A pixel's difference: the smallest against the other page's pixels within one pixel. A rule
 * of 0.4–0.5 mm is about one pixel at 50 dpi; where it sits across two pixel rows, poppler and
 * Ghostscript's re-distilled print round it to neighbouring rows or draw it a pixel thicker.
 * On forms with many rules that showed as whole lines of 'far' pixels and as dark tiles,
 * though no reader could tell the pages apart. Anything larger than a pixel (a missing or
 * different word, a page scaled or shifted) still differs. */
static void near_differences(const uint8_t *pa, const uint8_t *pb, int w, int h, uint8_t *out)
{
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            int a = pa[(size_t)y * (size_t)w + (size_t)x];
            int best = 255;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int yy = y + dy, xx = x + dx;
                    if (yy < 0 || yy >= h || xx < 0 || xx >= w)
                        continue;
                    int d = abs(a - (int)pb[(size_t)yy * (size_t)w + (size_t)xx]);
                    if (d < best)
                        best = d;
                }
            }
            out[(size_t)y * (size_t)w + (size_t)x] = (uint8_t)best;
        }
    }
}

/* The largest difference in ink between the same TILE × TILE pixel square of both pages (the
 * squares' mean gray levels): a missing or different word shows there even when the page's
 * mean hardly moves, while anti-aliasing that differs pixel by pixel cancels out. Pixels that
 * a one-pixel shift explains both ways round (near differences of at most NEAR_SAME) do not
 * count: a rule that the print draws one row lower or a pixel thicker on a tile's edge would
 * otherwise move 16 dark pixels into the next tile. */
#define TILE 16
#define NEAR_SAME 8
static double worst_tile(const uint8_t *pa, const uint8_t *pb, const uint8_t *na,
                         const uint8_t *nb, int w, int h)
{
    double worst = 0;
    for (int ty = 0; ty < h; ty += TILE) {
        for (int tx = 0; tx < w; tx += TILE) {
            long sum = 0, n = 0;
            for (int y = ty; y < ty + TILE && y < h; y++) {
                for (int x = tx; x < tx + TILE && x < w; x++) {
                    size_t i = (size_t)y * (size_t)w + (size_t)x;
                    if (na[i] > NEAR_SAME || nb[i] > NEAR_SAME)
                        sum += (int)pa[i] - (int)pb[i];
                    n++;
                }
            }
            double d = n > 0 ? fabs((double)sum / (double)n) : 0;
            if (d > worst)
                worst = d;
        }
    }
    return worst;
}

bool pu_compare_page(const char *a, const char *b, int page, double *mean, double *far)
{
    double tile;
    return pu_compare_page_tiles(a, b, page, mean, far, &tile);
}

bool pu_compare_page_tiles(const char *a, const char *b, int page, double *mean, double *far,
                           double *tile)
{
    int wa, ha, wb, hb;
    uint8_t *pa = render(a, page, "a", &wa, &ha);
    uint8_t *pb = render(b, page, "b", &wb, &hb);
    bool ok = pa != NULL && pb != NULL && wa == wb && ha == hb;
    uint8_t *na = NULL, *nb = NULL;
    if (ok) {
        size_t n = (size_t)wa * (size_t)ha;
        na = malloc(n);
        nb = malloc(n);
        ok = na != NULL && nb != NULL;
        if (ok) {
            near_differences(pa, pb, wa, ha, na);
            near_differences(pb, pa, wa, ha, nb);
            double sum = 0;
            size_t nfar = 0;
            for (size_t i = 0; i < n; i++) {
                int d = na[i] > nb[i] ? na[i] : nb[i];
                sum += d;
                if (d > 64)
                    nfar++;
            }
            *mean = sum / (double)n;
            *far = (double)nfar / (double)n;
            *tile = worst_tile(pa, pb, na, nb, wa, ha);
        }
    }
    free(na);
    free(nb);
    free(pa);
    free(pb);
    return ok;
}

size_t pu_spool_documents(char *name, size_t cap)
{
    size_t n = 0;
    DIR *d = opendir(pu_spool());
    if (d == NULL)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == 'd' && e->d_name[1] >= '0' && e->d_name[1] <= '9') {
            if (n == 0 && name != NULL)
                snprintf(name, cap, "%s", e->d_name);
            n++;
        }
    }
    closedir(d);
    return n;
}

static uint8_t *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap + 1);
    size_t r;
    while (buf != NULL && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap * 2 + 1);
            if (nb == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL)
        buf[n] = '\0';
    *len = n;
    return buf;
}

static bool contains(const uint8_t *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || k > n)
        return false;
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return true;
    return false;
}

/* IPP attributes in a control file: tag(1) name-length(2) name value-length(2) value. */
static bool check_attr(const uint8_t *buf, size_t n, const char *attr, const char *want, char *why,
                       size_t cap, const char *file, size_t *found)
{
    size_t k = strlen(attr);
    for (size_t i = 2; i + k + 2 <= n; i++) {
        if (buf[i - 2] != 0 || buf[i - 1] != k || memcmp(buf + i, attr, k) != 0)
            continue;
        size_t v = i + k;
        if (v + 2 > n)
            break;
        size_t vl = (size_t)buf[v] << 8 | buf[v + 1];
        if (v + 2 + vl > n)
            break;
        (*found)++;
        if (vl != strlen(want) || memcmp(buf + v + 2, want, vl) != 0) {
            snprintf(why, cap, "%s: %s is not \"%s\"", file, attr, want);
            return false;
        }
    }
    return true;
}

bool pu_spool_titles(const char *want, const char *forbidden, size_t *nfiles, char *why, size_t cap)
{
    DIR *d = opendir(pu_spool());
    if (d == NULL) {
        snprintf(why, cap, "no spool folder");
        return false;
    }
    bool ok = true;
    size_t files = 0;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
        if (e->d_name[0] != 'c' || e->d_name[1] < '0' || e->d_name[1] > '9')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", pu_spool(), e->d_name);
        size_t n;
        uint8_t *buf = slurp(path, &n);
        if (buf == NULL)
            continue;
        files++;
        size_t found = 0;
        ok = check_attr(buf, n, "job-name", want, why, cap, e->d_name, &found) &&
             check_attr(buf, n, "document-name-supplied", want, why, cap, e->d_name, &found);
        if (ok && found == 0) {
            snprintf(why, cap, "%s: no job-name", e->d_name);
            ok = false;
        }
        if (ok && forbidden != NULL && contains(buf, n, forbidden)) {
            snprintf(why, cap, "%s holds personal data", e->d_name);
            ok = false;
        }
        free(buf);
    }
    closedir(d);
    *nfiles = files;
    return ok;
}

bool pu_page_log_titles(const char *want, const char *forbidden, size_t *lines)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/page_log", pu_logs());
    *lines = 0;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return true; /* nothing logged at all */
    char line[1024];
    bool ok = true;
    while (fgets(line, sizeof line, f) != NULL) {
        (*lines)++;
        char p[256], j[64], u[64], t[256];
        if (sscanf(line, "%255s %63s %63s %255s", p, j, u, t) != 4 || strcmp(t, want) != 0)
            ok = false;
        if (forbidden != NULL && strstr(line, forbidden) != NULL)
            ok = false;
    }
    fclose(f);
    return ok;
}

static void hpdf_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
    (void)e;
    (void)d;
    *(bool *)u = true;
}

uint8_t *pu_make_pdf(int pages, size_t *len)
{
    bool failed = false;
    HPDF_Doc pdf = HPDF_New(hpdf_error, &failed);
    if (pdf == NULL)
        return NULL;
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", NULL);
    for (int i = 0; i < pages && !failed; i++) {
        HPDF_Page pg = HPDF_AddPage(pdf);
        HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
        HPDF_Page_SetLineWidth(pg, 2);
        HPDF_Page_Rectangle(pg, 40, 40, 515, 762);
        HPDF_Page_Stroke(pg);
        /* A different picture per page, so a page mix-up shows. */
        HPDF_Page_SetGrayFill(pg, 0.3);
        HPDF_Page_Rectangle(pg, 60 + 80 * i, 600, 120, 120);
        HPDF_Page_Fill(pg);
        for (int r = 0; r < 12; r++) {
            HPDF_Page_MoveTo(pg, 60, 100 + 30 * r);
            HPDF_Page_LineTo(pg, 535, 100 + 30 * r);
        }
        HPDF_Page_Stroke(pg);
        HPDF_Page_SetGrayFill(pg, 0);
        HPDF_Page_BeginText(pg);
        HPDF_Page_SetFontAndSize(pg, font, 28);
        char text[64];
        snprintf(text, sizeof text, "kakanai print test, page %d", i + 1);
        HPDF_Page_TextOut(pg, 60, 540, text);
        HPDF_Page_EndText(pg);
    }
    uint8_t *out = NULL;
    if (!failed && HPDF_SaveToStream(pdf) == HPDF_OK) {
        HPDF_UINT32 n = HPDF_GetStreamSize(pdf);
        out = malloc(n);
        HPDF_UINT32 got = n;
        HPDF_STATUS st = out != NULL ? HPDF_ReadFromStream(pdf, out, &got) : HPDF_OK;
        if (out != NULL && ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != n)) {
            free(out);
            out = NULL;
        }
        *len = n;
    }
    HPDF_Free(pdf);
    return out;
}
