#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# check-exports.sh LIBRARY — the installed card library exports the myna_* interface and nothing
# else, and none of the test machinery (virtual card, replay transport, test key).
set -eu
lib=$1
syms=$(nm -D --defined-only "$lib" | awk '{print $3}')
if printf '%s\n' "$syms" | grep -v '^myna_'; then
    echo "FAIL: exported outside the myna_ prefix (above)"
    exit 1
fi
if printf '%s\n' "$syms" | grep -E 'vcard|replay|test_?key'; then
    echo "FAIL: test machinery exported (above)"
    exit 1
fi
if strings -a "$lib" | grep -E 'PRIVATE KEY'; then
    echo "FAIL: a private key in the library"
    exit 1
fi
printf '%s\n' "$syms" | grep -qx myna_card_read_attrs || { echo "FAIL: myna_card_read_attrs not exported"; exit 1; }
printf '%s\n' "$syms" | grep -qx myna_transport_new || { echo "FAIL: the transport seam is not exported"; exit 1; }
echo "PASS: $(printf '%s\n' "$syms" | wc -l) symbols, all myna_*, no test machinery"
