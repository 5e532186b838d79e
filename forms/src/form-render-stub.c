/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-render-stub.c — form_render() before the typesetting engine is built in: every call
 * answers FORM_E_PDF so callers and tests still link. Replaced by form-render.c as soon as
 * src/engine.cmake exists. */
#include "form-private.h"

FORM_EXPORT form_err form_render(const form_procedure *p, const form_template *t,
                                 const form_values *v, unsigned flags, form_doc **out,
                                 form_diags **diags)
{
    (void)p, (void)t, (void)v, (void)flags;
    if (out)
        *out = NULL;
    if (diags)
        *diags = NULL;
    return FORM_E_PDF;
}
FORM_EXPORT void form_doc_free(form_doc *d)
{
    (void)d;
}
FORM_EXPORT const uint8_t *form_doc_data(const form_doc *d, size_t *len)
{
    (void)d;
    if (len)
        *len = 0;
    return NULL;
}
FORM_EXPORT size_t form_doc_page_count(const form_doc *d)
{
    (void)d;
    return 0;
}
FORM_EXPORT size_t form_unprintable(const char *utf8, uint32_t *out, size_t cap)
{
    (void)utf8, (void)out, (void)cap;
    return 0;
}

form_err form_render_check_labels(const form_template *t, form_diags *diags)
{
    (void)t, (void)diags;
    return FORM_OK;
}
