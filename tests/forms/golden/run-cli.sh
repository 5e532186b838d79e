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
# household members from the answers file: a number reaches only a form with a number_basis;
# a member out of range or an impossible birth date is refused with the key named
profile=$(dirname "$0")/../../profiles/yoshida-taro.json
render() { "$tool" render --template "$templates" --card-profile "$profile" --today 20261125 \
    --out "$work/m.pdf" "$@"; }
printf '{"phone":"083-922-0000","moved":"20261120","new_address":"山口県山口市亀山町2番3号","furigana":"ヨシダ タロウ","member.2.name":"𠮷田 花子","member.2.number":"123456789018"}' >"$work/m.json"
expect 0 render --procedure tenkyo --answers "$work/m.json"
text=$(pdftotext "$work/m.pdf" - 2>/dev/null | tr -d ' \n')
case $text in *"𠮷田花子"*) ;; *) echo "cli: member.2.name missing from tenkyo" >&2; fail=1 ;; esac
case $text in *123456789018*) echo "cli: a member's number printed without a basis" >&2; fail=1 ;; esac
answers=$(dirname "$0")/answers
sed 's/^{/{"member.7.name": "x",/' "$answers/tenkyo.json" >"$work/m.json"
expect 1 render --procedure tenkyo --answers "$work/m.json"
grep -q 'member.7.name' "$work/out" || { echo "cli: no clear message for member.7" >&2; fail=1; }
sed 's/"child.1.birth": "20190501"/"child.1.birth": "20230229"/' "$answers/jidoteate.json" >"$work/m.json"
expect 1 render --procedure jidoteate --answers "$work/m.json"
grep -q 'child.1.birth' "$work/out" || { echo "cli: no clear message for a bad birth" >&2; fail=1; }
exit $fail
