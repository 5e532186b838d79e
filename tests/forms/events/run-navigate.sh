#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Golden files for `kakanai-form navigate`: golden/EVENT-CASE.answers.json → EVENT-CASE.nav.json
# (today 2026-04-01), and the command's refusals (unknown event, bad answers, bad date).
# UPDATE=1 writes the goldens anew (read the diff before committing it).
# usage: run-navigate.sh KAKANAI-FORM TEMPLATES-DIR GOLDEN-DIR
set -u
tool=$1 templates=$2 golden=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 n=0
for a in "$golden"/*.answers.json; do
    name=$(basename "$a" .answers.json)
    event=${name%%-*}
    if ! "$tool" navigate "$templates" --event "$event" --answers "$a" --today 20260401 \
        >"$work/out" 2>"$work/err"; then
        echo "navigate: $name failed:" >&2
        cat "$work/err" >&2
        fail=1
        continue
    fi
    n=$((n + 1))
    if [ "${UPDATE:-0}" = 1 ]; then
        cp "$work/out" "$golden/$name.nav.json"
    elif ! diff -u "$golden/$name.nav.json" "$work/out" >&2; then
        echo "navigate: $name differs from its golden (UPDATE=1 to accept)" >&2
        fail=1
    fi
done
expect() { # status what command...
    want=$1 what=$2
    shift 2
    "$@" >"$work/out" 2>"$work/err"
    got=$?
    if [ "$got" != "$want" ] || ! grep -q "$what" "$work/err"; then
        echo "navigate: \"$*\" exited $got (want $want) without \"$what\":" >&2
        cat "$work/err" >&2
        fail=1
    fi
}
printf '{"kokuho": "maybe"}' >"$work/bad.json"
printf '{"kokhuo": "yes"}' >"$work/typo.json"
printf '{"member.1.birth": "20230229"}' >"$work/date.json"
printf '[1, 2]' >"$work/array.json"
expect 1 'no event "nope"' "$tool" navigate "$templates" --event nope
expect 1 'kokuho' "$tool" navigate "$templates" --event tennyu --answers "$work/bad.json"
expect 1 'not a question of the event' "$tool" navigate "$templates" --event tennyu --answers "$work/typo.json"
expect 1 'member.1.birth' "$tool" navigate "$templates" --event tennyu --answers "$work/date.json"
expect 1 'not a JSON object' "$tool" navigate "$templates" --event tennyu --answers "$work/array.json"
expect 1 'real date' "$tool" navigate "$templates" --event tennyu --today 20260230
expect 2 'usage' "$tool" navigate "$templates"
expect 2 'unexpected argument' "$tool" navigate "$templates" --event tennyu --frobnicate
# check FILE.event: against the catalogue of the folder above events/
mkdir -p "$work/t/events"
cp "$templates"/*.form "$templates"/catalog.conf "$work/t/"
printf '[event]\nid = x\ntitle.ja = X\n[rule]\nwhen = age > 90 and age < 10\nprocedure = nope\n' \
    >"$work/t/events/x.event"
expect 1 'x.event:6:13: FORM_E_NOT_FOUND' sh -c '"$1" check "$2" >&2' - "$tool" "$work/t/events/x.event"
expect 1 'x.event:5:8: FORM_E_TEMPLATE: this rule can never apply' sh -c '"$1" check "$2" >&2' - "$tool" "$work/t"
expect 0 'OK' "$tool" check "$templates/events/okuyami.event"
# a route longer than the sheet: annai continues in F-2.pdf with rows 15 …
mkdir -p "$work/long/events"
cp "$templates/annai.form" "$work/long/"
ids=
for i in $(seq 1 17); do
    printf '[procedure p%s]\ntitle.ja = 手続き%s\noffer = counter\nguide.counter.ja = 窓口%s\nguide.order = %s\n\n' \
        "$i" "$i" "$i" "$i" >>"$work/long/catalog.conf"
    ids="$ids p$i"
done
printf '[event]\nid = long\ntitle.ja = 長い\n[rule]\nprocedure =%s\n' "$(echo $ids | cut -d' ' -f1-8 | sed 's/^/ /')" \
    >"$work/long/events/long.event"
printf '[rule]\nprocedure =%s\n[rule]\nprocedure = p17\nnote.ja = 最後の注意\n' "$(echo $ids | cut -d' ' -f9-16 | sed 's/^/ /')" \
    >>"$work/long/events/long.event"
if "$tool" annai "$work/long" --event long --today 20260401 --out "$work/long.pdf" >"$work/out" 2>&1 &&
    [ -f "$work/long-2.pdf" ] && [ ! -f "$work/long-3.pdf" ]; then
    t1=$(pdftotext -raw -enc UTF-8 "$work/long.pdf" - | tr -d ' \n')
    t2=$(pdftotext -raw -enc UTF-8 "$work/long-2.pdf" - | tr -d ' \n')
    case "$t1" in *手続き14*) ;; *) echo "annai: row 14 missing from the first sheet" >&2; fail=1 ;; esac
    case "$t1" in *手続き15*) echo "annai: row 15 on the first sheet" >&2; fail=1 ;; esac
    case "$t2" in *手続き17*最後の注意*) ;; *) echo "annai: the second sheet lacks its rows" >&2; fail=1 ;; esac
else
    echo "annai: a route of 18 rows did not print on two sheets:" >&2
    cat "$work/out" >&2
    fail=1
fi
"$tool" events "$templates" >"$work/events" 2>&1 && grep -q '^okuyami' "$work/events" || {
    echo "events: okuyami not listed" >&2
    fail=1
}
echo "navigate: $n goldens checked"
exit $fail
