#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# fuzz-run.sh — build every libFuzzer target with clang (-fsanitize=fuzzer,address,undefined)
# and run each for a while, one job at a time (the machine is shared).
#
#   tests/privacy/fuzz-run.sh [SECONDS_PER_TARGET] [TARGET...]     (default 120, all targets)
#
#   KAKANAI_FUZZ_BUILD  build dir (default build-fuzz)
# Targets are the executables named fuzz-* that the tree builds with -DKAKANAI_FUZZ=ON
# (tests/cardlib/fuzz/fuzz-card.c, tests/forms/fuzz/fuzz-template.c,
# tests/privacy/fuzz/fuzz-render.c). Each starts from its seed corpus (every folder named
# corpus* next to its source, and next to its binary for seeds the build generates) and writes
# new inputs to the build dir only; a crash
# leaves its reproducer in BUILD/fuzz-artifacts/ (copy it into the corpus once fixed).
# Prints, per target: executions, exec/s, new corpus entries, crashes.
# By default libFuzzer runs in fork mode, one job at a time (-fork=1), and goes on after a
# crash (-ignore_crashes=1) so that one known bug does not hide the next; every distinct crash
# is kept in BUILD/fuzz-artifacts/. KAKANAI_FUZZ_STOP=1: stop at the first crash instead.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-120}
[ $# -gt 0 ] && shift
build=${KAKANAI_FUZZ_BUILD:-$src/build-fuzz}
case $build in /*) ;; *) build=$src/$build ;; esac

CC=clang cmake -S "$src" -B "$build" -G Ninja -DKAKANAI_FUZZ=ON -DKAKANAI_SANITIZE=ON -DKAKANAI_WERROR=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    "-DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link -gline-tables-only ${KAKANAI_FUZZ_CFLAGS--Wno-error=format-nonliteral}" >/dev/null
targets=$*
if [ -z "$targets" ]; then
    targets=$(ninja -C "$build" -t targets all 2>/dev/null |
        sed -n 's/^\(fuzz-[A-Za-z0-9_-]*\): .*/\1/p' | grep -v -- '-replay$' | sort -u)
fi
[ -n "$targets" ] || { echo "fuzz-run: no fuzz-* targets in the tree" >&2; exit 1; }
cmake --build "$build" -j 2 --target $targets

mkdir -p "$build/fuzz-artifacts" "$build/fuzz-work"
if [ "${KAKANAI_FUZZ_STOP:-0}" = 1 ]; then
    mode="-jobs=1 -workers=1"
else
    mode="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
fi
total_crashes=0
for t in $targets; do
    exe=$(find "$build" -type f -name "$t" -perm -u+x | head -n 1)
    [ -n "$exe" ] || { echo "fuzz-run: $t not built" >&2; continue; }
    # the source (and so the seed corpus) of fuzz-NAME or fuzz-NAME-libfuzzer is fuzz-NAME.c
    srcfile=$(find "$src/tests" "$src/cardlib" "$src/forms" -name "${t%-libfuzzer}.c" 2>/dev/null | head -n 1)
    corpora=
    if [ -n "$srcfile" ]; then
        for d in "$(dirname "$srcfile")"/corpus*; do
            [ -d "$d" ] && corpora="$corpora $d"
        done
    fi
    # and the seeds the build makes next to the binary (fuzz-render's, from templates/)
    for d in "$(dirname "$exe")"/corpus*; do
        [ -d "$d" ] && corpora="$corpora $d"
    done
    work=$build/fuzz-work/$t
    mkdir -p "$work"
    dict=
    [ -n "$srcfile" ] && [ -f "${srcfile%.c}.dict" ] && dict="-dict=${srcfile%.c}.dict"
    log=$build/fuzz-work/$t.log
    echo "== $t: $secs s from$corpora"
    set +e
    cd "$build/fuzz-work"
    rm -f fuzz-0.log
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$exe" -max_total_time="$secs" $mode -print_final_stats=1 -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 $dict \
        -artifact_prefix="$build/fuzz-artifacts/$t-" "$work" $corpora >"$log" 2>&1
    rc=$?
    set -e
    # with -jobs=1 libFuzzer writes fuzz-0.log in the current folder
    [ -f fuzz-0.log ] && cat fuzz-0.log >>"$log" && rm -f fuzz-0.log
    cd "$src"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    newu=$(sed -n 's/^stat::new_units_added: *//p' "$log" | tail -n 1)
    found=
    # fork mode: the last "#N: cov: ... exec/s: R oom/timeout/crash: a/b/c ..." line
    last=$(grep -a -E '^#[0-9]+: cov:' "$log" | tail -n 1)
    if [ -n "$last" ]; then
        execs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
        rate=$(echo "$last" | sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p')
        found=$(echo "$last" | sed -n 's/.*oom\/timeout\/crash: \([0-9\/]*\).*/\1/p')
    fi
    crashes=$(ls "$build/fuzz-artifacts" 2>/dev/null | grep -c "^$t-" || true)
    [ -z "$rate" ] && [ -n "$execs" ] && rate=$((execs / secs))
    echo "$t: executions ${execs:-?} (${rate:-?}/s), new inputs ${newu:-?}, oom/timeout/crash ${found:-?}, exit $rc, artifacts $crashes (log $log)"
    [ "${found:-0/0/0}" = 0/0/0 ] || rc=1
    if [ "$rc" -ne 0 ]; then
        total_crashes=$((total_crashes + 1))
        # distinct bugs: replay every artifact, keep the first report line and frame #0
        for a in "$build/fuzz-artifacts/$t-"*; do
            [ -f "$a" ] || continue
            ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
                timeout 30 "$exe" "$a" 2>&1 |
                awk '/runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)/ && !e { e = $0 }
                     /^ *#[0-9]+ .* in / && !f && e { f = $0 }
                     END { sub(/^.*\/(forms|cardlib|tests|kiosk)\//, "", e); sub(/ \(.*$/, "", f);
                           gsub(/^ +/, "", f); gsub(/0x[0-9a-f]+ /, "", f); print e " | " f }' |
                sed "s|\$| | $(basename "$a")|"
        done | sort -t'|' -k1,2 -u | awk -F'|' '{ n++; print "  bug " n ":" $1 "|" $2 "| e.g. " $3 }'
    fi
done
echo "fuzz-run: $(echo $targets | wc -w) targets, $total_crashes with crashes"
[ "$total_crashes" -eq 0 ]
