/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* form-inflate.c — capped zlib inflate (see form-inflate.h). */
#include "form-inflate.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

form_err form_inflate(const uint8_t *in, size_t n, size_t cap, uint8_t **out, size_t *out_len)
{
    if (out == NULL || out_len == NULL || (in == NULL && n > 0))
        return FORM_E_ARG;
    *out = NULL;
    *out_len = 0;
    if (n > UINT_MAX || cap > SIZE_MAX - 1)
        return FORM_E_INPUT;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit(&z) != Z_OK)
        return FORM_E_NOMEM;
    size_t room = n * 4 + 256;
    if (room > cap)
        room = cap;
    uint8_t *buf = malloc(room + 1);
    if (buf == NULL) {
        inflateEnd(&z);
        return FORM_E_NOMEM;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    size_t have = 0;
    form_err e = FORM_OK;
    for (;;) {
        if (have == room) {
            if (room >= cap) {
                e = FORM_E_INPUT; /* would exceed the cap */
                break;
            }
            size_t grow = room > cap / 2 ? cap : room * 2;
            uint8_t *nb = realloc(buf, grow + 1);
            if (nb == NULL) {
                e = FORM_E_NOMEM;
                break;
            }
            buf = nb;
            room = grow;
        }
        size_t chunk = room - have;
        if (chunk > UINT_MAX)
            chunk = UINT_MAX;
        z.next_out = buf + have;
        z.avail_out = (uInt)chunk;
        int r = inflate(&z, Z_NO_FLUSH);
        have += chunk - z.avail_out;
        if (r == Z_STREAM_END)
            break;
        if (r == Z_OK)
            continue;
        if (r == Z_BUF_ERROR && z.avail_out > 0) {
            e = FORM_E_INPUT; /* truncated: no more input, not at the end */
            break;
        }
        if (r == Z_BUF_ERROR)
            continue;
        e = r == Z_MEM_ERROR ? FORM_E_NOMEM : FORM_E_INPUT;
        break;
    }
    inflateEnd(&z);
    if (e != FORM_OK) {
        free(buf);
        return e;
    }
    buf[have] = '\0';
    *out = buf;
    *out_len = have;
    return FORM_OK;
}
