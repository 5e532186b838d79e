/* SPDX-FileCopyrightText: 2026 The kakanai authors */
/* SPDX-License-Identifier: MIT */
/* myna-transport-private.h — the transport handle and PC/SC helpers (internal). */
#ifndef MYNA_TRANSPORT_PRIVATE_H
#define MYNA_TRANSPORT_PRIVATE_H

#include "myna.h"

struct myna_transport {
    const myna_transport_ops *ops;
    void *impl;
    myna_trace_fn trace;
    void *trace_user;
    unsigned count; /* command APDUs sent */
    myna_control_fn control; /* the reader's control channel, NULL = none */
    bool features_known;     /* the feature list below was asked (myna-pinpad.c) */
    uint32_t verify_direct;  /* FEATURE_VERIFY_PIN_DIRECT's control code, 0 = none */
};

/* Map a PC/SC return code (LONG) to an error; shared by ctx and the PC/SC transport. */
myna_err myna_pcsc_err(long rv);

/* Mask and hex-encode one exchange for the trace (out holds at least 2 * n + 8 bytes).
 * Exposed for the unit tests of the masking rules. */
void myna_trace_format(bool is_command, const uint8_t *cmd, size_t clen, const uint8_t *buf,
                       size_t n, char *out, size_t cap);

#endif /* MYNA_TRANSPORT_PRIVATE_H */
