/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-error.c — error names, sentences, and diagnostic lists. */
#include "form-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    form_err err;
    const char *name;
    const char *text;
} errors[] = {
    {FORM_OK, "FORM_OK", "success"},
    {FORM_E_ARG, "FORM_E_ARG", "invalid argument"},
    {FORM_E_NOMEM, "FORM_E_NOMEM", "out of memory"},
    {FORM_E_IO, "FORM_E_IO", "a file could not be read or written"},
    {FORM_E_SYNTAX, "FORM_E_SYNTAX", "the template does not parse (see the diagnostics)"},
    {FORM_E_TEMPLATE, "FORM_E_TEMPLATE", "the template is inconsistent (see the diagnostics)"},
    {FORM_E_SIGNATURE, "FORM_E_SIGNATURE",
     "the template bundle is unsigned, its signature is invalid, or a file changed"},
    {FORM_E_NOT_FOUND, "FORM_E_NOT_FOUND", "no such procedure, form or question"},
    {FORM_E_INPUT, "FORM_E_INPUT",
     "an input PDF or image is broken, encrypted, or beyond kakanai's limits"},
    {FORM_E_ANSWER, "FORM_E_ANSWER", "the answer is not acceptable"},
    {FORM_E_MISSING_VALUE, "FORM_E_MISSING_VALUE", "a field needs a value that is missing"},
    {FORM_E_OVERFLOW, "FORM_E_OVERFLOW", "text does not fit its field even at the minimum size"},
    {FORM_E_GLYPH, "FORM_E_GLYPH", "a character cannot be printed with the installed fonts"},
    {FORM_E_FONT, "FORM_E_FONT", "a font file is missing or unusable"},
    {FORM_E_IMAGE, "FORM_E_IMAGE", "a background image is missing or unusable"},
    {FORM_E_PDF, "FORM_E_PDF", "the PDF could not be written"},
    {FORM_E_NO_PRINTER, "FORM_E_NO_PRINTER", "the printer cannot be reached"},
    {FORM_E_PRINTER_OFFLINE, "FORM_E_PRINTER_OFFLINE", "the printer is offline"},
    {FORM_E_OUT_OF_PAPER, "FORM_E_OUT_OF_PAPER", "the printer is out of paper"},
    {FORM_E_PRINTER_STOPPED, "FORM_E_PRINTER_STOPPED", "the printer stopped or aborted the job"},
    {FORM_E_PRINT_TIMEOUT, "FORM_E_PRINT_TIMEOUT", "printing did not finish in time"},
    {FORM_E_PRINT_CANCELLED, "FORM_E_PRINT_CANCELLED", "printing was cancelled"},
    {FORM_E_PRINT, "FORM_E_PRINT", "printing failed"},
    {FORM_W_TRANSLATION, "FORM_W_TRANSLATION", "a text has no translation for a language"},
};

FORM_EXPORT bool form_err_is_warning(form_err err)
{
    return err >= 500 && err < 600;
}

FORM_EXPORT const char *form_strerror(form_err err)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].err == err)
            return errors[i].text;
    return "unknown error";
}

FORM_EXPORT const char *form_err_name(form_err err)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++)
        if (errors[i].err == err)
            return errors[i].name;
    return "FORM_E_UNKNOWN";
}

form_diags *form_diags_new(void)
{
    return calloc(1, sizeof(form_diags));
}

/* Room for one more diagnostic (doubling from 8); false when out of memory. */
static bool diags_reserve(form_diags *d)
{
    if (d->n < d->cap)
        return true;
    size_t cap = d->cap ? d->cap * 2 : 8;
    form_diag *v = realloc(d->v, cap * sizeof *v);
    if (v == NULL)
        return false;
    d->v = v;
    d->cap = cap;
    return true;
}

void form_diags_addf(form_diags *d, form_err err, const char *file, int line, int column,
                     const char *field, const char *en, const char *ja, ...)
{
    if (d == NULL || !diags_reserve(d))
        return;
    char m_en[512], m_ja[512];
    va_list ap;
    va_start(ap, ja);
    va_list ap2;
    va_copy(ap2, ap);
    vsnprintf(m_en, sizeof m_en, en, ap);
    /* ja is the Japanese twin of the checked format en (same arguments, positional when
       the order differs): a literal at every call site. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vsnprintf(m_ja, sizeof m_ja, ja, ap2);
#pragma GCC diagnostic pop
    va_end(ap2);
    va_end(ap);
    form_diag *g = &d->v[d->n];
    memset(g, 0, sizeof *g);
    g->err = err;
    g->file = file ? form_strdup(file) : NULL;
    g->line = line;
    g->column = column;
    g->field = field ? form_strdup(field) : NULL;
    g->message = form_strdup(m_en);
    g->message_ja = form_strdup(m_ja);
    d->n++;
}

void form_diags_add(form_diags *d, form_err err, const char *file, int line, int column,
                    const char *field, const char *en, const char *ja)
{
    form_diags_addf(d, err, file, line, column, field, "%s", "%s", en);
    if (d != NULL && d->n > 0 && ja != NULL) {
        form_diag *g = &d->v[d->n - 1];
        free(g->message_ja);
        g->message_ja = form_strdup(ja);
    }
}

void form_diags_take(form_diags *into, form_diags *from)
{
    if (from == NULL)
        return;
    for (size_t i = 0; into != NULL && i < from->n; i++) {
        if (!diags_reserve(into))
            break;
        into->v[into->n++] = from->v[i];
        memset(&from->v[i], 0, sizeof from->v[i]);
    }
    form_diags_free(from);
}

FORM_EXPORT size_t form_diags_count(const form_diags *d)
{
    return d ? d->n : 0;
}

FORM_EXPORT const form_diag *form_diags_get(const form_diags *d, size_t i)
{
    return d && i < d->n ? &d->v[i] : NULL;
}

FORM_EXPORT void form_diags_free(form_diags *d)
{
    if (d == NULL)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].file);
        free(d->v[i].field);
        free(d->v[i].message);
        free(d->v[i].message_ja);
    }
    free(d->v);
    free(d);
}
