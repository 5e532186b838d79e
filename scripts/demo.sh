#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Quick start, command 1: install what is missing, build, and run the main job — a resident's
# session at the kiosk — on the built-in virtual card (no reader, no printer needed).
# Forms are written as PDF files to ./out instead of a printer. kakanai-kiosk-dev is the
# kiosk with the demo's virtual card (never installed: the installed kakanai-kiosk reads
# real cards over PC/SC only). Without a display the kiosk
# says so and renders the sample forms instead.
set -eu
cd "$(dirname "$0")/.."
./scripts/deps.sh
build=${KAKANAI_BUILD:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
    -DKAKANAI_WERROR=ON >/dev/null
cmake --build "$build" -j "$(nproc)"
mkdir -p out
exec "$build/kiosk/kakanai-kiosk-dev" --virtual-card tests/profiles/yoshida-taro.json \
    --templates templates --pdf-dir out "$@"
