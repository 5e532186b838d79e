#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# bench-forms.sh — the forms benchmark: kakanai's form_render against pdfme, same run.
#
#   tests/bench/forms/bench-forms.sh BENCH_RENDER SOURCE_DIR WORK_DIR [N] [PROFILE]
#
# Installs pdfme with npm (package.json + package-lock.json from this folder, `npm ci`) into
# WORK_DIR/node once, renders every shipped template with the long-name fictional profile
# (tests/profiles/williamson-fitzgerald.json unless PROFILE is given) N times each with both,
# and prints the table. PDFs stay in WORK_DIR/out to look at.
set -eu
render=$1
src=$2
work=$3
n=${4:-15}
profile=${5:-$src/tests/profiles/williamson-fitzgerald.json}
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$work/node" "$work/out"
if ! cmp -s "$here/package-lock.json" "$work/node/package-lock.json" ||
    [ ! -d "$work/node/node_modules/@pdfme/generator" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/node/"
    (cd "$work/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# ESM resolves packages from the script's folder: run it from beside node_modules.
cp "$here/pdfme-bench.mjs" "$work/node/"
rm -f "$work/out"/*.pdf

"$render" "$src/templates" "$profile" "$work/out" "$n" >"$work/out/kakanai.jsonl"
node "$work/node/pdfme-bench.mjs" "$work/out/kakanai.jsonl" "$profile" "$work/out" "$n"
