#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# kiosk-soak.sh KIOSK [SESSIONS] — the kiosk's own session loop (its --script driver, the
# in-process virtual card, PDFs to a folder instead of a printer) under Xvfb; RSS of the kiosk
# after the first session and after the last. Called by soak.sh; prints figures.
set -u
kiosk=$1 n=${2:-100}
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kakanai-soak.XXXXXX")
trap 'rm -rf "$work"' EXIT
profile=$src/tests/profiles/yoshida-taro.json
[ -f "$profile" ] || profile=$src/tests/privacy/profiles/canary.json
pin=$(sed -n 's/.*"pin": *"\([0-9]*\)".*/\1/p' "$profile")
{
    echo "wait menu 20000"
    for i in $(seq 1 "$n"); do
        # the juminhyo session without the canary answers, then the card taken back
        sed -e '/^#/d' -e "s/^pin .*/pin $pin/" -e 's/^kana .*//' -e 's/^answer KNRYTEXT5Z/answer 0312345678/' \
            -e 's/^sleep .*/sleep 150/' "$src/tests/privacy/scripts/session-juminhyo.txt" |
            sed -e 's/^wait pin /card on\nwait pin /' | sed '/^$/d' |
            awk 'BEGIN{k=0} /^next$/ && k==0 {print "kana カ"; k=1} {print}'
        echo "card off"
        echo "finish"
        echo "wait menu 10000"
        echo "mark s$i"
    done
    echo "sleep 3000"
    echo "quit"
} >"$work/soak.txt"
GSK_RENDERER=cairo NO_AT_BRIDGE=1 xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
    "$kiosk" --virtual-card "$profile" --templates "$src/templates" --pdf-dir "$work/pdf" \
    --script "$work/soak.txt" >"$work/out" 2>"$work/err" &
xpid=$!
kpid=
for _ in $(seq 200); do
    for p in $(pgrep -f -- "$work/soak.txt"); do
        [ "$(cat /proc/$p/comm 2>/dev/null)" = kakanai-kiosk ] && kpid=$p
    done
    [ -n "$kpid" ] && break
    sleep 0.05
done
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$kpid/status" 2>/dev/null; }
first= last= warm= t0=$(date +%s.%N) t1=
for i in $(seq 1 "$n"); do
    while ! grep -q "^mark s$i " "$work/out" 2>/dev/null; do
        kill -0 "$xpid" 2>/dev/null || break 2
        sleep 0.1
    done
    r=$(rss)
    [ "$i" -eq 1 ] && { first=$r; t1=$(date +%s.%N); }
    [ "$i" -eq 25 ] && warm=$r # GTK's glyph and style caches fill during the first sessions
    last=$r
    [ $((i % 25)) -eq 0 ] && echo "kiosk soak: session $i, RSS $r kB"
done
done_n=$(grep -c '^mark s' "$work/out")
wait "$xpid"
t2=$(date +%s.%N)
awk -v n="$done_n" -v f="${first:-0}" -v l="${last:-0}" -v t0="$t0" -v t1="${t1:-$t0}" -v t2="$t2" 'BEGIN {
    printf "kiosk soak: %d sessions, %.2f s per session, RSS after the first %d kB, after the last %d kB, growth %.2f MB (goal < 5 MB)\n",
        n, (n > 1 ? (t2 - t1) / (n - 1) : 0), f, l, (l - f) / 1024 }'
[ -n "$warm" ] && awk -v w="$warm" -v l="${last:-0}" -v n="$done_n" 'BEGIN {
    printf "kiosk soak: after warm-up (sessions 25..%d): RSS %d -> %d kB, growth %.2f MB\n", n, w, l, (l - w) / 1024 }'
[ "$done_n" -eq "$n" ] || { echo "kiosk soak: stopped after $done_n sessions:"; tail -n 5 "$work/err"; exit 1; }
