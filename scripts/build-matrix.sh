#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# build-matrix.sh — the build types vendors and distributions use, kept clean: the whole tree is
# built with -Werror (KAKANAI_WERROR) as Debug and Release with gcc and as RelWithDebInfo with
# clang, and the unit tests (ctest label "unit") run in each. The ordinary RelWithDebInfo gcc
# build is scripts/test.sh's own. Called by scripts/test.sh; also usable alone:
#   scripts/build-matrix.sh [debug|release|clang ...]     (default: all three)
# Build folders: build-debug, build-release, build-clang (KAKANAI_MATRIX_DIR=DIR puts them there).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
top=${KAKANAI_MATRIX_DIR:-$src}
jobs=${KAKANAI_JOBS:-$(nproc)}
[ $# -gt 0 ] || set -- debug release clang
status=0
for kind in "$@"; do
    case $kind in
    debug) cc=gcc type=Debug ;;
    release) cc=gcc type=Release ;;
    clang) cc=clang type=RelWithDebInfo ;;
    *) echo "build-matrix: unknown build '$kind' (debug, release, clang)" >&2; exit 2 ;;
    esac
    dir=$top/build-$kind
    mkdir -p "$dir"
    echo "== build-matrix: $type with $cc in $dir"
    if ! CC=$cc cmake -S "$src" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=$type -DKAKANAI_WERROR=ON \
            >"$dir/configure.log" 2>&1; then
        cat "$dir/configure.log" >&2
        echo "== build-matrix: $kind: configure FAILED" >&2
        status=1
        continue
    fi
    if ! cmake --build "$dir" -j "$jobs"; then
        echo "== build-matrix: $kind: build FAILED" >&2
        status=1
        continue
    fi
    if ! ctest --test-dir "$dir" -L unit -LE fuzz --output-on-failure -j "$jobs" --timeout 300; then
        echo "== build-matrix: $kind: unit tests FAILED" >&2
        status=1
    fi
done
exit $status
