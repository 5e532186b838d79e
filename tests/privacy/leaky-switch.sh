#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# leaky-switch.sh — the scanner passes a clean library session and catches a leaky one.
#
#   leaky-switch.sh LEAKY_SESSION KAKANAI_SCAN PROFILE TEMPLATES CANARIES
#
# Runs leaky-session (virtual card → VERIFY → read → form_values → form_render → all freed)
# three times and scans its memory while it waits, and its folder and output afterwards:
#   clean run            → no hit (exit 0 of the scanner)
#   --leak heap          → a hit in the process's memory (class heap)
#   --leak stack         → a hit on the cached stack of the worker thread that ended
#   --leak file:DIR      → a hit in a file
set -u
session=$1 scan=$2 profile=$3 templates=$4 canaries=$5
if [ ! -d "$templates" ]; then
    echo "leaky-switch: no templates folder yet ($templates)" >&2
    exit 77
fi
work=$(mktemp -d /tmp/kakanai-leaky.XXXXXX)
trap 'exec 4>&- 2>/dev/null; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail=0

# run MODE-ARGS...: start a held session, scan it; sets $rc to the scanner's exit status.
run() {
    mkfifo "$work/in"
    "$session" --hold "$@" "$profile" "$templates" <"$work/in" >"$work/out" 2>"$work/err" &
    pid=$!
    exec 4>"$work/in"
    for _ in $(seq 300); do
        grep -q '^ready' "$work/out" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if ! grep -q '^ready' "$work/out"; then
        echo "leaky-switch: session did not get ready ($*):" >&2
        cat "$work/err" >&2
        rc=3
    else
        "$scan" -C "$canaries" -p "$pid" -d "$work" >"$work/hits" 2>"$work/scan-err"
        rc=$?
        # the output it wrote (stderr at its most talkative) is a log: scanned too
    fi
    exec 4>&-
    wait "$pid"
    srv=$?
    pid=
    rm -f "$work/in"
    if [ "$srv" -ne 0 ] && [ "$rc" -ne 3 ]; then
        echo "leaky-switch: session failed ($*), exit $srv:" >&2
        cat "$work/err" >&2
        rc=3
    fi
}

run
echo "clean run: scanner exit $rc, $(grep -c '^HIT' "$work/hits" 2>/dev/null) hits"
grep -a ' class \|bytes scanned' "$work/scan-err" | sed 's/^kakanai-scan: /  /'
if [ "$rc" -ne 0 ]; then
    echo "FAIL: the clean session left personal data behind:" >&2
    cat "$work/hits" "$work/scan-err" >&2
    fail=1
fi

run --leak heap
echo "leaky run (heap): scanner exit $rc, $(grep -c '^HIT' "$work/hits") hits"
if [ "$rc" -ne 1 ] || ! grep -q 'memory' "$work/hits"; then
    echo "FAIL: the scanner missed the name left in the heap" >&2
    cat "$work/hits" "$work/scan-err" >&2
    fail=1
fi

run --leak stack
echo "leaky run (worker stack): scanner exit $rc, $(grep -c '^HIT' "$work/hits") hits"
if [ "$rc" -ne 1 ] || ! grep -q 'class cached-stack' "$work/hits"; then
    echo "FAIL: the scanner missed the name left on an exited worker thread's stack" >&2
    cat "$work/hits" "$work/scan-err" >&2
    fail=1
fi

mkdir -p "$work/leakdir"
run --leak "file:$work/leakdir"
echo "leaky run (file): scanner exit $rc, $(grep -c '^HIT' "$work/hits") hits"
if [ "$rc" -ne 1 ] || ! grep -q 'leakdir/leaky-session-' "$work/hits"; then
    echo "FAIL: the scanner missed the name written to a file" >&2
    cat "$work/hits" "$work/scan-err" >&2
    fail=1
fi
exit $fail
