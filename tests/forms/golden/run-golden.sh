#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Golden files: `kakanai-form check` on broken templates (check/*.form → *.check, including
# the exit status) and `kakanai-form dump` on a template using every feature
# (parse/*.form → *.dump). UPDATE=1 rewrites the expected files after a deliberate change.
# Translations are checked only in lang-*.form (all nine languages); the others check none,
# so each golden file shows the one thing it is about.
# usage: run-golden.sh KAKANAI-FORM GOLDEN-DIR
set -u
tool=$1
dir=$2
fail=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
compare() {
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$out" "$1"
    elif ! diff -u "$1" "$out"; then
        echo "golden: $1 differs" >&2
        fail=1
    fi
}
cd "$dir/check" || exit 2
for f in *.form; do
    case $f in
    lang-*) langs=ja,en,zh,ko,vi,fil,pt_BR,ne,id ;;
    *) langs=none ;;
    esac
    { "$tool" check --languages "$langs" "$f" 2>/dev/null; echo "exit $?"; } >"$out"
    compare "${f%.form}.check"
done
cd "$dir/parse" || exit 2
for f in *.form; do
    { "$tool" dump "$f" 2>&1; echo "exit $?"; } >"$out"
    compare "${f%.form}.dump"
done
exit $fail
