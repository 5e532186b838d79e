#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# kakanai-form as staff use it: sign a copy of the templates with a fresh Ed25519 key, verify,
# alter one byte (refused, exit 1), list with the key; usage and --version exit codes.
# usage: run-cli.sh KAKANAI-FORM TEMPLATES-DIR
set -u
tool=$1 templates=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
expect() { # expected-status command...
    want=$1
    shift
    "$@" >"$work/out" 2>&1
    got=$?
    if [ "$got" != "$want" ]; then
        echo "cli: \"$*\" exited $got, want $want:" >&2
        cat "$work/out" >&2
        fail=1
    fi
}
mkdir "$work/t"
cp "$templates"/*.form "$templates"/catalog.conf "$work/t/"
openssl genpkey -algorithm ed25519 -out "$work/k.pem" 2>/dev/null
openssl pkey -in "$work/k.pem" -pubout -out "$work/k.pub" 2>/dev/null
expect 0 "$tool" --version
expect 2 "$tool"
expect 2 "$tool" frobnicate
expect 1 "$tool" verify --pubkey "$work/k.pub" "$work/t"      # unsigned
expect 0 "$tool" sign --key "$work/k.pem" "$work/t"
expect 0 "$tool" verify --pubkey "$work/k.pub" "$work/t"
KAKANAI_TEMPLATE_KEY="$work/k.pub" expect 0 "$tool" list "$work/t"
grep -q "juminhyo_shotoku" "$work/out" || { echo "cli: list misses a procedure" >&2; fail=1; }
sed -i 's/通数/通教/' "$work/t/juminhyo.form"
expect 1 "$tool" verify --pubkey "$work/k.pub" "$work/t"
grep -q "changed after signing" "$work/out" || { echo "cli: no clear message" >&2; fail=1; }
KAKANAI_TEMPLATE_KEY="$work/k.pub" expect 1 "$tool" list "$work/t"
expect 0 "$tool" check "$work/t"
printf '[form]\nid = x\n' >"$work/t/zz.form"
expect 1 "$tool" check "$work/t"
exit $fail
