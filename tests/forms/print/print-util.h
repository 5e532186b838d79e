/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * print-util.h — helpers for the printing integration tests (run under tests/lib/with-cupsd.sh):
 * the private cupsd's folders, its output PDFs, page images and spool checks.
 */
#ifndef KAKANAI_PRINT_UTIL_H
#define KAKANAI_PRINT_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The folders with-cupsd.sh exports; false (test skipped) when not under it. */
bool pu_env(void);
const char *pu_dir(void);   /* KAKANAI_CUPS_DIR */
const char *pu_spool(void); /* KAKANAI_CUPS_SPOOL */
const char *pu_out(void);   /* KAKANAI_PDF_OUT */
const char *pu_logs(void);  /* KAKANAI_CUPS_LOGS */
/* A scratch folder inside KAKANAI_CUPS_DIR (removed with it). */
const char *pu_scratch(void);

long long pu_now_ms(void);
/* Run a shell command (built with snprintf); its exit status. */
int pu_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
bool pu_write_file(const char *path, const void *data, size_t len);
/* Remove every file in KAKANAI_PDF_OUT. */
void pu_clear_out(void);
/* Wait (bounded) until KAKANAI_PDF_OUT holds `count` complete PDFs; the first one's path. */
bool pu_wait_out(size_t count, char *path, size_t cap, int timeout_ms);
/* pdfinfo's page count, -1 on failure. */
int pu_pdf_pages(const char *path);
/* Render page (1-based) of both PDFs with pdftoppm -r 50 -gray and compare: mean absolute
 * difference (0..255) and the fraction of pixels differing by more than 64, each pixel against
 * the nearest match within one pixel of the other page (rules that round to the neighbouring
 * pixel row do not count). false when either does not render or the sizes differ. */
bool pu_compare_page(const char *a, const char *b, int page, double *mean, double *far);
/* The same, and the largest difference in ink (mean gray level) between the same 16 × 16
 * pixel tile (≈ 8 mm at 50 dpi) of both pages, leaving out pixels a one-pixel shift explains:
 * a missing or different word shows there. */
bool pu_compare_page_tiles(const char *a, const char *b, int page, double *mean, double *far,
                           double *tile);
/* Names of spool files that are documents (d<digits>-<digits>): how many; the first in name. */
size_t pu_spool_documents(char *name, size_t cap);
/* Check every job control file (c<digits>) in the spool: each job-name and
 * document-name-supplied value equals want, and none holds the bytes `forbidden` (may be
 * NULL). false with a description in why; the number of control files in *nfiles. */
bool pu_spool_titles(const char *want, const char *forbidden, size_t *nfiles, char *why,
                     size_t cap);
/* Check the page_log: every line's title field (4th, PageLogFormat "%p %j %u %T ...") is
 * want, and no line holds forbidden (may be NULL). Lines seen in *lines. */
bool pu_page_log_titles(const char *want, const char *forbidden, size_t *lines);
/* A small PDF made with libharu: pages A4 pages with boxes, lines and ASCII text (no personal
 * data). malloc'd; free() it. */
uint8_t *pu_make_pdf(int pages, size_t *len);

#endif
