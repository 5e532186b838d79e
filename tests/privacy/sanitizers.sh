#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# sanitizers.sh — the unit and integration tests under ASan+UBSan, and the cmocka unit binaries
# under valgrind (memcheck). Zero reports expected: any report fails the script.
#
#   tests/privacy/sanitizers.sh [asan|valgrind|all]      (default all)
#
#   KAKANAI_SAN_BUILD   build dir for the sanitizer build (default build-sanitize)
#   KAKANAI_BUILD       the ordinary build the valgrind pass uses (default build; built if needed)
#   KAKANAI_SAN_TESTS   ctest -R regex of what runs under ASan (default: everything quick:
#                       labels unit and integration, minus benchmarks/soak/long fuzz)
#   KAKANAI_SAN_EXCLUDE ctest -E regex (default: benchmarks, the long kiosk GUI runs — the
#                       fault-injection and process-check sessions —, and the tests that scan a
#                       process's memory for residents' data: under ASan a function's locals
#                       live on its fake stack (detect_stack_use_after_return) and freed blocks
#                       wait in its quarantine, so a scan measures ASan, not kakanai; those
#                       scans are the proof on the ordinary build, the one that ships)
# Budget: about 15 minutes on 2 cores (CI calls this from scripts/test.sh).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
what=${1:-all}
jobs=${KAKANAI_JOBS:-2}
san=${KAKANAI_SAN_BUILD:-$src/build-sanitize}
plain=${KAKANAI_BUILD:-$src/build}
case $san in /*) ;; *) san=$src/$san ;; esac
case $plain in /*) ;; *) plain=$src/$plain ;; esac
status=0

asan_pass() {
    echo "== sanitizers: ASan + UBSan build in $san"
    cmake -S "$src" -B "$san" -G Ninja -DKAKANAI_SANITIZE=ON -DKAKANAI_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$san" -j "$jobs"
    # detect_leaks: our leaks are bugs; system libraries' one-time allocations are suppressed.
    # The secure heap is mlock'd: ASan's own allocator is not, which is fine for tests.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1
    LSAN_OPTIONS=suppressions=$src/tests/privacy/lsan.supp:print_suppressions=0
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS
    set +e
    ctest --test-dir "$san" --output-on-failure -j "$jobs" --timeout 600 \
        -L "${KAKANAI_SAN_LABELS:-unit|integration}" \
        ${KAKANAI_SAN_TESTS:+-R "$KAKANAI_SAN_TESTS"} \
        -E "${KAKANAI_SAN_EXCLUDE:-bench|soak|fuzz-long|privacy.e2e|privacy.scanner|privacy.leaky-switch|speech-test-speech-secret|counter.gui|counter.household-e2e|kiosk-gui}"
    rc=$?
    set -e
    echo "== sanitizers: ASan+UBSan ctest exit $rc"
    [ "$rc" -eq 0 ] || status=1
}

valgrind_pass() {
    echo "== sanitizers: valgrind (memcheck) over the cmocka unit binaries of $plain"
    if [ ! -f "$plain/CMakeCache.txt" ]; then
        cmake -S "$src" -B "$plain" -G Ninja -DKAKANAI_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    cmake --build "$plain" -j "$jobs"
    # Every registered test whose program is an ELF binary linked with libcmocka, run as
    # ctest would (same arguments, folder and environment) under memcheck.
    ctest --test-dir "$plain" --show-only=json-v1 >"$plain/.tests.json"
    set +e
    /usr/bin/python3 - "$plain/.tests.json" "$src/tests/privacy/valgrind.supp" <<'PY'
import json, os, subprocess, sys
data = json.load(open(sys.argv[1]))
supp = sys.argv[2]
bad = ran = 0
for t in data.get("tests", []):
    cmd = t.get("command") or []
    if not cmd or not os.path.isfile(cmd[0]):
        continue
    with open(cmd[0], "rb") as f:
        if f.read(4) != b"\x7fELF":
            continue
    try:
        ldd = subprocess.run(["ldd", cmd[0]], capture_output=True, text=True).stdout
    except OSError:
        continue
    if "libcmocka" not in ldd:
        continue
    props = {p["name"]: p["value"] for p in t.get("properties", [])}
    labels = props.get("LABELS", [])
    if "integration" in labels or "bench" in labels:
        continue
    env = dict(os.environ)
    for kv in props.get("ENVIRONMENT", []):
        k, _, v = kv.partition("=")
        env[k] = v
    env["KAKANAI_UNDER_VALGRIND"] = "1"
    cwd = props.get("WORKING_DIRECTORY") or os.path.dirname(cmd[0])
    vg = ["valgrind", "--quiet", "--error-exitcode=99", "--leak-check=full",
          "--errors-for-leak-kinds=definite", "--show-leak-kinds=definite",
          "--track-origins=yes", "--child-silent-after-fork=yes"]
    if os.path.exists(supp):
        vg.append("--suppressions=" + supp)
    try:
        r = subprocess.run(vg + cmd, cwd=cwd, env=env, capture_output=True, text=True,
                           timeout=600)
        rc = r.returncode
        out = r.stdout + r.stderr
    except subprocess.TimeoutExpired:
        rc, out = 124, "timeout"
    ran += 1
    skip = props.get("SKIP_RETURN_CODE")
    ok = rc == 0 or (skip is not None and rc == int(skip))
    print("valgrind %-40s exit %d %s" % (t["name"], rc, "ok" if ok else "FAIL"), flush=True)
    if not ok:
        bad += 1
        print(out[-6000:])
print("valgrind: %d binaries, %d failed" % (ran, bad))
sys.exit(1 if bad else 0)
PY
    rc=$?
    set -e
    [ "$rc" -eq 0 ] || status=1
}

case $what in
asan) asan_pass ;;
valgrind) valgrind_pass ;;
all) asan_pass; valgrind_pass ;;
*) echo "usage: $0 [asan|valgrind|all]" >&2; exit 64 ;;
esac
exit $status
