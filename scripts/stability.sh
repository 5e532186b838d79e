#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# stability.sh — run the fault and GUI tests N times in a row and count the passes.
#
#   scripts/stability.sh [N]            N runs of each (default 10)
#
# Environment: KAKANAI_BUILD (build folder, default build), KAKANAI_STABILITY (which sets:
# "faults gui", the default; "faults" or "gui" alone), KAKANAI_STABILITY_OUT (where the
# output of every failed run is kept, default $KAKANAI_BUILD/stability).
#
# A test that passes only sometimes is a failing test: this is how a race shows. Each set is
# run serially (no -j), one run after the other, on an already built tree; nothing is rebuilt.
# The sets:
#   faults   privacy.e2e-faults (card pulled at every screen and APDU, pcscd killed, reader
#            gone, printer faults, the next resident after a printer failure, templates
#            changed)
#   gui      every test labelled gui (the kiosk under Xvfb, its widgets, signals)
# Prints one line per run and a summary "SET: P/N passed (median S s)". Exit 0 when every run
# of every set passed.
set -u
cd "$(dirname "$0")/.."
n=${1:-10}
build=${KAKANAI_BUILD:-build}
sets=${KAKANAI_STABILITY:-faults gui}
keep=${KAKANAI_STABILITY_OUT:-$build/stability}
case $n in '' | *[!0-9]*) echo "usage: scripts/stability.sh [N]" >&2; exit 64 ;; esac
[ -d "$build" ] || { echo "stability: no build folder $build (run scripts/test.sh or build first)" >&2; exit 2; }
mkdir -p "$keep"

status=0
summary=()
for set in $sets; do
    case $set in
    faults) sel=(-R '^privacy\.e2e-faults$') ;;
    gui) sel=(-L '^gui$') ;;
    *) echo "stability: unknown set $set" >&2; exit 64 ;;
    esac
    pass=0
    times=()
    for i in $(seq 1 "$n"); do
        t0=$(date +%s)
        log="$keep/$set-$i.log"
        (cd "$build" && ctest --output-on-failure --timeout 900 "${sel[@]}") >"$log" 2>&1
        rc=$?
        dt=$(( $(date +%s) - t0 ))
        times+=("$dt")
        ran=$(grep -c 'Test *#' "$log")
        if [ "$rc" -eq 0 ] && [ "$ran" -gt 0 ]; then
            pass=$((pass + 1))
            echo "stability: $set run $i/$n: pass ($ran tests, ${dt} s)"
            rm -f "$log"
        else
            status=1
            # the test's own results folder (kiosk logs, scans) is overwritten by the next run
            for d in "$build"/tests/privacy/privacy-e2e-faults "$build"/tests/kiosk/gui; do
                [ -d "$d" ] && [ "$set" = "$(case $d in *privacy*) echo faults ;; *) echo gui ;; esac)" ] &&
                    cp -a "$d" "$keep/$set-$i.results" 2>/dev/null
            done
            echo "stability: $set run $i/$n: FAIL (${dt} s), output kept in $log (and $set-$i.results)"
            grep -a -E 'FAIL|Failed|\*\*\*' "$log" | head -n 5 | sed 's/^/    /'
        fi
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    summary+=("$set: $pass/$n passed (median $median s a run)")
done
for l in "${summary[@]}"; do echo "stability: $l"; done
exit $status
