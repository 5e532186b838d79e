#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# A stop signal mid-session (systemd's SIGTERM, cage's SIGHUP) ends the kiosk cleanly: it leaves
# its main loop, tears the session down (which wipes) and exits 0 within a few seconds.
#   sigterm.sh KIOSK SRC SIGNAL
set -u
kiosk=$1 src=$2 sig=$3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11
"$kiosk" --virtual-card "$src/tests/profiles/yoshida-taro.json" --templates "$src/templates" \
    --pdf-dir "$out" >"$out/log" 2>&1 &
pid=$!
sleep 3
kill -0 "$pid" 2>/dev/null || { echo "FAIL: the kiosk did not start"; cat "$out/log"; exit 1; }
kill -"$sig" "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
    echo "FAIL: still running 5 s after SIG$sig"
    exit 1
fi
wait "$pid"
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: exit $rc after SIG$sig"; cat "$out/log"; exit 1; }
grep -q 'stop signal' "$out/log" || { echo "FAIL: no stop-signal message"; cat "$out/log"; exit 1; }
echo "ok: SIG$sig → clean exit in $((i * 100)) ms"
