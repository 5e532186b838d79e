/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/*
 * fuzz-import.c — libFuzzer target for untrusted PDFs and images: the background loader
 * (form-bg.c: qpdf, the FORM_BG_* bounds, the capped inflate), the Form XObject builder
 * (form-pdf-xobject.c: every tree the loader accepts must build or fail cleanly), and the
 * importer (rules lexer, poppler text and widgets, PNG/JPEG headers, the template writer).
 *
 * With clang and -DKAKANAI_FUZZ=ON this is a libFuzzer binary; otherwise main() replays every
 * file of the directories given (the seeds made at build time) as an ordinary test.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form-bg.h"
#include "form-import.h"
#include "form-pdf.h"
#include "form-private.h"
#include "form-secure.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    form_bg *bg = NULL;
    const char *en = NULL, *ja = NULL;
    form_err e = form_bg_load_mem(data, size, 1, &bg, &en, &ja);
    if (e == FORM_OK) {
        form_pdf *pdf = NULL;
        if (form_pdf_new(getenv("KAKANAI_FONTS_DIR"), &pdf) == FORM_OK &&
            form_pdf_page(pdf, 210, 297) == FORM_OK) {
            form_box b = {0, 0, 210, 297};
            uint8_t *buf = NULL;
            size_t len = 0;
            if (form_pdf_background(pdf, bg, b) == FORM_OK &&
                form_pdf_finish(pdf, &buf, &len) == FORM_OK)
                form_secure_free(buf, len);
        }
        form_pdf_free(pdf);
        form_bg_free(bg);
    } else if (e == FORM_E_INPUT && (en == NULL || ja == NULL)) {
        abort(); /* every refusal says why */
    }
    form_import *im = NULL;
    char why[256];
    if (form_import_open_mem(data, size, "fuzz.pdf", 1, &im, why, sizeof why) ==
        FORM_IMPORT_OK) {
        form_import_write_template(im, "/dev/null", "fuzz.pdf", "fuzz");
        form_import_write_report(im, "/dev/null");
        form_import_free(im);
    }
    return 0;
}

#ifndef KAKANAI_LIBFUZZER
static int replay_file(const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (form_read_file(path, 64u * 1024u * 1024u, &data, &len) != FORM_OK) {
        fprintf(stderr, "fuzz-import: cannot read %s\n", path);
        return 1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    int n = 0, bad = 0;
    for (int a = 1; a < argc; a++) {
        DIR *dir = opendir(argv[a]);
        if (dir == NULL) {
            bad += replay_file(argv[a]);
            n++;
            continue;
        }
        struct dirent *de;
        while ((de = readdir(dir)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char *p = form_path_join(argv[a], de->d_name);
            if (p != NULL) {
                bad += replay_file(p);
                n++;
            }
            free(p);
        }
        closedir(dir);
    }
    printf("fuzz-import: replayed %d inputs\n", n);
    return bad || n == 0 ? 1 : 0;
}
#endif
