/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* kiosk-card-vcard.c — the virtual card as a card source. See kiosk-card-vcard.h. */
#include "kiosk-card-vcard.h"

#include <glib.h>
#include <string.h>

#include "kiosk-card-source-impl.h"

typedef struct vcard_source {
    kiosk_card_source base;
    myna_vcard *vc;
    char *pinpad; /* what the simulated reader's keys type; NULL = no PIN pad */
} vcard_source;

/* ---- the simulated PIN pad reader ------------------------------------------------------- */

typedef struct pad {
    myna_transport *inner; /* the virtual card */
    char typed[16];
} pad;

static myna_err pad_transmit(void *impl, const uint8_t *cmd, size_t clen, uint8_t *resp,
                             size_t *rlen)
{
    return myna_transport_transmit(((pad *)impl)->inner, cmd, clen, resp, rlen);
}

static void pad_close(void *impl)
{
    pad *p = impl;
    myna_transport_free(p->inner);
    explicit_bzero(p->typed, sizeof p->typed);
    g_free(p);
}

static myna_err pad_answer(uint8_t *out, size_t *olen, unsigned sw)
{
    out[0] = (uint8_t)(sw >> 8);
    out[1] = (uint8_t)sw;
    *olen = 2;
    return MYNA_OK;
}

/* What a CCID reader with a keypad does with a PIN_VERIFY_STRUCTURE (PC/SC part 10 2.5.2):
 * read the digits from its keys, check their count, write them into the APDU as the format
 * says (ASCII, bytes, at the given offset of the data), send it, answer the card's SW. */
static myna_err pad_control(void *impl, uint32_t code, const uint8_t *in, size_t ilen,
                            uint8_t *out, size_t *olen)
{
    pad *p = impl;
    if (code == 0x42000000u + 3400u) { /* CM_IOCTL_GET_FEATURE_REQUEST */
        static const uint8_t features[] = {0x06, 0x04, 0x42, 0x33, 0x00, 0x06};
        memcpy(out, features, sizeof features);
        *olen = sizeof features;
        return MYNA_OK;
    }
    if (code != 0x42330006u || ilen < 19 + 5 || *olen < 2)
        return MYNA_E_PINPAD;
    uint32_t dl;
    memcpy(&dl, in + 15, 4);
    uint16_t minmax;
    memcpy(&minmax, in + 5, 2);
    unsigned fmt = in[2], pos = (fmt >> 3) & 0x0F, block = in[3] & 0x0F;
    if (dl != ilen - 19 || (fmt & 0x83) != 0x82 || 5 + pos + block > dl || dl > 64)
        return pad_answer(out, olen, 0x6B80);
    g_usleep(1500 * 1000); /* the resident types */
    if (strcmp(p->typed, "cancel") == 0)
        return pad_answer(out, olen, 0x6401);
    size_t n = strlen(p->typed);
    if (n < (minmax >> 8) || n > (minmax & 0xFF) || n > block)
        return pad_answer(out, olen, 0x6403);
    uint8_t *apdu = myna_secure_alloc(64);
    memcpy(apdu, in + 19, dl);
    memcpy(apdu + 5 + pos, p->typed, n);
    uint8_t resp[MYNA_RESP_MAX];
    size_t rlen = sizeof resp;
    myna_err e = myna_transport_transmit(p->inner, apdu, dl, resp, &rlen);
    myna_secure_free(apdu, 64);
    if (e != MYNA_OK)
        return e;
    return pad_answer(out, olen, (unsigned)resp[rlen - 2] << 8 | resp[rlen - 1]);
}

static const myna_transport_ops pad_ops = {pad_transmit, pad_close};

static myna_err pad_wrap(const char *typed, myna_transport **t)
{
    pad *p = g_new0(pad, 1);
    p->inner = *t;
    g_strlcpy(p->typed, typed, sizeof p->typed);
    *t = NULL;
    myna_err e = myna_transport_new(&pad_ops, p, t);
    if (e == MYNA_OK)
        myna_transport_set_control(*t, pad_control);
    return e;
}

void kiosk_card_vcard_set_pinpad(kiosk_card_source *src, const char *typed)
{
    vcard_source *s = (vcard_source *)src;
    g_free(s->pinpad);
    s->pinpad = g_strdup(typed);
}

typedef struct vcard_link {
    kiosk_card_link base;
    myna_vcard *vc;
    const char *pinpad;
    gint cancelled;
} vcard_link;

static myna_err vcard_link_open(kiosk_card_source *src, kiosk_card_link **out)
{
    vcard_link *l = g_new0(vcard_link, 1);
    l->base.ops = src->ops;
    l->vc = ((vcard_source *)src)->vc;
    l->pinpad = ((vcard_source *)src)->pinpad;
    *out = &l->base;
    return MYNA_OK;
}

static void vcard_link_cancel(kiosk_card_link *base)
{
    g_atomic_int_set(&((vcard_link *)base)->cancelled, 1);
}

static void vcard_link_close(kiosk_card_link *base) { g_free(base); }

static myna_err vcard_link_wait(kiosk_card_link *base, const char *filter, kiosk_reader_fn fn,
                                void *user, myna_transport **t)
{
    vcard_link *l = (vcard_link *)base;
    (void)filter;
    fn(user, KIOSK_READER_WAITING);
    while (!myna_vcard_present(l->vc)) {
        if (g_atomic_int_get(&l->cancelled))
            return MYNA_E_CANCELLED;
        g_usleep(KIOSK_VCARD_POLL_MS * 1000);
    }
    if (g_atomic_int_get(&l->cancelled))
        return MYNA_E_CANCELLED;
    myna_err e = myna_vcard_transport_new(l->vc, t);
    if (e == MYNA_OK && l->pinpad)
        e = pad_wrap(l->pinpad, t);
    return e;
}

static bool vcard_link_present(kiosk_card_link *base)
{
    return myna_vcard_present(((vcard_link *)base)->vc);
}

static myna_err vcard_readers(kiosk_card_source *src, char ***names, size_t *n)
{
    (void)src;
    (void)names;
    *n = 0;
    return MYNA_OK;
}

static bool vcard_present(const kiosk_card_source *src)
{
    return myna_vcard_present(((const vcard_source *)src)->vc);
}

static void vcard_set_present(kiosk_card_source *src, bool present)
{
    myna_vcard_set_present(((vcard_source *)src)->vc, present);
}

static void vcard_free(kiosk_card_source *src)
{
    g_free(((vcard_source *)src)->pinpad);
    g_free(src);
}

static const kiosk_card_source_ops vcard_ops = {
    .link_open = vcard_link_open,
    .link_cancel = vcard_link_cancel,
    .link_close = vcard_link_close,
    .link_wait = vcard_link_wait,
    .link_present = vcard_link_present,
    .readers = vcard_readers,
    .demo = true,
    .present = vcard_present,
    .set_present = vcard_set_present,
    .free = vcard_free,
};

kiosk_card_source *kiosk_card_vcard_new(myna_vcard *vc)
{
    vcard_source *s = g_new0(vcard_source, 1);
    s->base.ops = &vcard_ops;
    s->vc = vc;
    return &s->base;
}
