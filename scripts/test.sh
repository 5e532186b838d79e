#!/bin/sh
# Quick start, command 2: install what is missing, build, and run the whole test suite
# (unit tests, the real pcscd + vpcd + virtual card, the real cupsd + cups-pdf printer,
# the kiosk under Xvfb). Every service a test needs is started by that test itself.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
./scripts/check-source.sh
build=${KAKANAI_BUILD:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)"
cd "$build"
ctest --output-on-failure --timeout 900 -j "$(nproc)" "$@"
