#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# soak.sh — 1,000 sessions in one process, and RSS growth (goal: under 5 MB). A benchmark that
# prints figures, not a timed test.
#
#   tests/privacy/soak.sh [SESSIONS]          (default 1000)
#
# Library soak: leaky-session (clean) runs SESSIONS whole sessions — virtual card, VERIFY, read,
# form_values, form_render, everything freed — and reports RSS after the first and the last.
# Kiosk soak (when kakanai-kiosk is built): the kiosk's --script driver loops KAKANAI_KIOSK_SOAK
# (default 100) sessions
# on its --virtual-card under Xvfb; RSS is sampled from /proc after the first and the last.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${KAKANAI_BUILD:-$src/build}
case $build in /*) ;; *) build=$src/$build ;; esac
n=${1:-1000}
profile=$src/tests/privacy/profiles/canary.json
templates=$src/templates
cmake --build "$build" -j 2 --target leaky-session >/dev/null

echo "== soak: $n library sessions (leaky-session, clean)"
start=$(date +%s.%N)
line=$("$build/tests/privacy/leaky-session" --sessions "$n" --rss "$profile" "$templates")
end=$(date +%s.%N)
echo "$line"
growth=$(echo "$line" | sed -n 's/.*growth_kb \(-\?[0-9]*\).*/\1/p')
awk -v g="$growth" -v n="$n" -v t0="$start" -v t1="$end" 'BEGIN {
    printf "library soak: %d sessions in %.1f s (%.1f ms/session), RSS growth %.2f MB (goal < 5 MB): %s\n",
        n, t1 - t0, (t1 - t0) * 1000 / n, g / 1024, (g < 5120 ? "ok" : "OVER") }'

kiosk=$build/kiosk/kakanai-kiosk-dev # the installed kiosk has no --script
if [ -x "$kiosk" ] && "$kiosk" --help 2>&1 | grep -q -- '--script'; then
    # about 2 s a session: the GUI soak defaults to 100 sessions (KAKANAI_KIOSK_SOAK=1000 for all)
    kn=${KAKANAI_KIOSK_SOAK:-100}
    echo "== soak: $kn kiosk sessions (--script, --virtual-card, Xvfb)"
    "$src/tests/privacy/kiosk-soak.sh" "$kiosk" "$kn" || echo "kiosk soak: failed"
else
    echo "kiosk soak: kakanai-kiosk-dev not built: skipped"
fi
