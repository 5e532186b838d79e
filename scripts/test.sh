#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Quick start, command 2: install what is missing, build, and run the whole test suite:
#   1. the unit and integration tests again under ASan+UBSan, and the cmocka binaries under
#      valgrind (tests/privacy/sanitizers.sh) — zero reports expected;
#   2. the other build types, each with -Werror and its unit tests: Debug and Release with gcc,
#      clang (scripts/build-matrix.sh);
#   3. the whole suite on the ordinary build: unit tests, the real pcscd + vpcd + virtual card,
#      the real cupsd + cups-pdf printer, the kiosk under Xvfb, the package installed into a
#      debootstrapped Debian 12 root, the privacy proof.
# Every service a test needs is started by that test itself. The ordinary suite runs last so
# its summary closes the output; the exit status is non-zero if any stage failed.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
./scripts/check-source.sh
build=${KAKANAI_BUILD:-build}
jobs=$(nproc)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
    -DKAKANAI_WERROR=ON >/dev/null
cmake --build "$build" -j "$jobs"

status=0
if [ "${KAKANAI_SKIP_SANITIZERS:-0}" != 1 ]; then
    KAKANAI_BUILD="$build" KAKANAI_JOBS="$jobs" ./tests/privacy/sanitizers.sh all || status=1
fi
if [ "${KAKANAI_SKIP_MATRIX:-0}" != 1 ]; then
    KAKANAI_JOBS="$jobs" ./scripts/build-matrix.sh || status=1
fi

cd "$build"
ctest --output-on-failure --timeout 900 -j "$jobs" "$@" || status=1
exit $status
