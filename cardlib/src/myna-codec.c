/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-codec.c — hex digits and strict UTF-8 decoding (see myna-codec-private.h). */
#include "myna-codec-private.h"

int myna_hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool myna_utf8_next(const uint8_t *s, size_t len, size_t *i, uint32_t *cp)
{
    size_t at = *i;
    uint8_t b = s[at];
    if (b < 0x80) {
        *cp = b;
        *i = at + 1;
        return true;
    }
    size_t more; /* continuation bytes */
    uint32_t c;
    if (b >= 0xC2 && b <= 0xDF) {
        more = 1;
        c = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        more = 2;
        c = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        more = 3;
        c = b & 0x07;
    } else {
        return false; /* 80..BF continuation, C0/C1 overlong, F5.. out of range */
    }
    if (len - at - 1 < more)
        return false; /* truncated */
    for (size_t k = 1; k <= more; k++) {
        uint8_t cb = s[at + k];
        if ((cb & 0xC0) != 0x80)
            return false;
        c = (c << 6) | (cb & 0x3F);
    }
    if ((more == 2 && c < 0x800) || (more == 3 && c < 0x10000))
        return false; /* overlong */
    if (c >= 0xD800 && c <= 0xDFFF)
        return false; /* surrogate */
    if (c > 0x10FFFF)
        return false;
    *cp = c;
    *i = at + more + 1;
    return true;
}
