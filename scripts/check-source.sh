#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Source checks that need no build:
#   - banned functions: unbounded or stateful C library calls that have safer equivalents here;
#   - licensing: every file carries its licence and copyright (SPDX headers, or .reuse/dep5 for
#     files that cannot hold a comment), checked by `reuse lint` (REUSE 3.0).
set -eu
cd "$(dirname "$0")/.."
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find . -name '*.[ch]' -not -path './build*')
[ -n "$files" ] || exit 0
if grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strtok|atoi|atol|gets)[[:space:]]*\(' $files; then
    echo "check-source: banned function above (use snprintf, memcpy with a bound, strtol...)" >&2
    exit 1
fi
if command -v reuse >/dev/null 2>&1 && git rev-parse --git-dir >/dev/null 2>&1; then
    if ! out=$(reuse lint 2>&1); then
        printf '%s\n' "$out" >&2
        echo "check-source: reuse lint failed: add the SPDX header (see LICENSES/, .reuse/dep5)" >&2
        exit 1
    fi
fi
