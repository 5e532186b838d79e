#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Render every procedure of the shipped catalogue with every fictional card profile
# (tests/profiles/*.json), then check the PDF's text with pdftotext: today's date in 和暦
# and the resident's answers must be there, and every line of ANSWERS-DIR/PROC.expect (when
# there is one: the form's title, household members and answers, spaces removed). The answers
# file carries a counter visit's members as "member.N.FIELD" / "child.N.FIELD" keys.
# Optionally keep the PDFs in $KEEP_DIR.
# usage: run-render.sh KAKANAI-FORM TEMPLATES-DIR PROFILES-DIR ANSWERS-DIR
set -u
tool=$1 templates=$2 profiles=$3 answers=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 count=0
for profile in "$profiles"/*.json; do
    grep -q '"name"' "$profile" || continue
    for a in "$answers"/*.json; do
        proc=$(basename "$a" .json)
        pdf="$work/$(basename "$profile" .json)-$proc.pdf"
        if ! "$tool" render --template "$templates" --procedure "$proc" --card-profile "$profile" \
            --answers "$a" --today 20261125 --out "$pdf" >"$work/log" 2>&1; then
            echo "render: $proc with $(basename "$profile") failed:" >&2
            cat "$work/log" >&2
            fail=1
            continue
        fi
        count=$((count + 1))
        text=$(pdftotext -layout -enc UTF-8 "$pdf" - 2>/dev/null | tr -d " \n")
        expect="$answers/$proc.expect"
        [ -f "$expect" ] || expect=/dev/null
        { printf '%s\n' "令和8年11月25日" "083-922-0000"; cat "$expect"; } >"$work/want"
        while IFS= read -r want; do
            [ -n "$want" ] || continue
            case $text in
            *"$want"*) ;;
            *) echo "render: $proc with $(basename "$profile"): \"$want\" missing from the text" >&2
               fail=1 ;;
            esac
        done <"$work/want"
        [ -n "${KEEP_DIR:-}" ] && cp "$pdf" "$KEEP_DIR/"
    done
done
# the preview (grid and outlines) renders too
"$tool" preview --template "$templates" --procedure juminhyo --card-profile "$profiles/yoshida-taro.json" \
    --answers "$answers/juminhyo.json" --today 20261125 --out "$work/preview.pdf" >/dev/null 2>&1 || {
    echo "render: preview failed" >&2
    fail=1
}
# a scanned background (PNG next to the template) and a vertical field
"$tool" render --template "$(dirname "$0")/background/background.form" \
    --card-profile "$profiles/yoshida-taro.json" --out "$work/background.pdf" >/dev/null 2>&1 &&
    pdfimages -list "$work/background.pdf" 2>/dev/null | grep -q "image" || {
    echo "render: the background image is missing from the PDF" >&2
    fail=1
}
echo "render: $count PDFs checked"
[ "$count" -gt 0 ] || fail=1
exit $fail
