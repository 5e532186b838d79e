#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# A kiosk configured to require signed templates offers nothing from an unsigned or altered
# bundle (with a message naming why) and everything from a bundle the municipality signed.
#   signed-templates.sh KIOSK KAKANAI_FORM SRC
set -u
kiosk=$1 form=$2 src=$3
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$src/templates" "$t/tpl"
openssl genpkey -algorithm ed25519 -out "$t/priv.pem" 2>/dev/null || fail "no Ed25519 key"
openssl pkey -in "$t/priv.pem" -pubout -out "$t/pub.pem" 2>/dev/null
printf '[kiosk]\nrequire-signed=true\npublic-key=%s\ntemplate-dir=%s\n' "$t/pub.pem" "$t/tpl" \
    >"$t/kiosk.conf"
want=$("$form" list "$src/templates" 2>/dev/null | grep -c . || true)

"$kiosk" --config "$t/kiosk.conf" --list-procedures >"$t/out" 2>"$t/err"
[ -s "$t/out" ] && fail "unsigned bundle: procedures offered"
grep -q 'not signed' "$t/err" || fail "unsigned bundle: no message ($(cat "$t/err"))"

"$form" sign --key "$t/priv.pem" "$t/tpl" >/dev/null || fail "sign"
"$kiosk" --config "$t/kiosk.conf" --list-procedures >"$t/out" 2>"$t/err" || fail "signed: $(cat "$t/err")"
n=$(grep -c . "$t/out")
[ "$n" -ge 5 ] || fail "signed bundle: only $n procedures"

printf '\n# one more line\n' >>"$t/tpl/juminhyo.form"
"$kiosk" --config "$t/kiosk.conf" --list-procedures >"$t/out" 2>"$t/err"
[ -s "$t/out" ] && fail "altered bundle: procedures offered"
grep -q 'changed after signing' "$t/err" || fail "altered bundle: no message ($(cat "$t/err"))"
echo "ok: unsigned and altered bundles refused with a reason, signed bundle offers $n procedures (kakanai-form list: $want lines)"
