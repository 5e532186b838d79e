#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Every shipped life event walked end to end through the CLI, as the counter does it: for each
# answers file of the navigate goldens, navigate, render every procedure that has forms (with a
# fictional card and that procedure's golden answers from tests/forms/golden/answers when
# there are some), then print the guide sheet (annai.form) in Japanese and in English and
# check with pdftotext that every procedure of the route is on it, with its counter, the
# reception number and the date — and that no personal value of the card is.
# KEEP_DIR=DIR keeps the PDFs to look at.
# usage: run-walk.sh KAKANAI-FORM TEMPLATES-DIR PROFILE.json FORM-ANSWERS-DIR EVENTS-GOLDEN-DIR
set -u
tool=$1 templates=$2 profile=$3 form_answers=$4 golden=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 sheets=0 forms=0
events=$("$tool" events "$templates" 2>/dev/null | sed -n 's/^\([a-z0-9_]*\)\t.*/\1/p')
[ -n "$events" ] || { echo "walk: no events in $templates" >&2; exit 1; }
name=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$profile")
for event in $events; do
    ls "$golden/$event"-*.answers.json >/dev/null 2>&1 || {
        echo "walk: the event $event has no answers file in $golden" >&2
        fail=1
        continue
    }
    for a in "$golden/$event"-*.answers.json; do
        case=$(basename "$a" .answers.json)
        "$tool" navigate "$templates" --event "$event" --answers "$a" --today 20260401 \
            >"$work/nav.json" 2>"$work/err" || { cat "$work/err" >&2; fail=1; continue; }
        # id, forms?, title ja, title en, counter ja per line
        python3 - "$work/nav.json" >"$work/route" <<'PY' || { fail=1; continue; }
import json, sys
nav = json.load(open(sys.argv[1]))
for p in nav["procedures"]:
    g = p["guide"].get("counter", {"ja": "", "en": ""})
    print("\t".join([p["id"], "forms" if p["forms"] else "-", p["title"]["ja"], p["title"]["en"], g["ja"]]))
PY
        while IFS='	' read -r id hasforms ja en counter; do
            [ "$hasforms" = forms ] || continue
            answers=
            [ -f "$form_answers/$id.json" ] && answers="--answers $form_answers/$id.json"
            # shellcheck disable=SC2086
            if "$tool" render --template "$templates" --procedure "$id" --card-profile "$profile" \
                $answers --today 20260401 --out "$work/$case-$id.pdf" >"$work/err" 2>&1; then
                forms=$((forms + 1))
                pdftotext -layout -enc UTF-8 "$work/$case-$id.pdf" - | tr -d ' \n' | grep -q '令和8年4月1日' || {
                    echo "walk: $case: $id has no date" >&2
                    fail=1
                }
            else
                echo "walk: $case: the forms of $id do not render:" >&2
                cat "$work/err" >&2
                fail=1
            fi
        done <"$work/route"
        for lang in ja en; do
            "$tool" annai "$templates" --event "$event" --answers "$a" --today 20260401 \
                --reception "R$sheets$lang" --lang "$lang" --out "$work/$case-annai-$lang.pdf" >"$work/err" 2>&1 || {
                echo "walk: $case: the guide sheet ($lang) does not render:" >&2
                cat "$work/err" >&2
                fail=1
                continue
            }
            for pdf in "$work/$case-annai-$lang"*.pdf; do
                pdftotext -raw -enc UTF-8 "$pdf" - # content order: a wrapped cell stays together
            done | tr -d ' \n' >"$work/text"
            while IFS='	' read -r id hasforms ja en counter; do
                if [ "$lang" = ja ]; then want="$ja"; else want="$en"; fi
                for w in "$want" "R$sheets$lang"; do
                    w=$(printf '%s' "$w" | tr -d ' ')
                    grep -qF -- "$w" "$work/text" || {
                        echo "walk: $case: \"$w\" missing from the guide sheet ($lang)" >&2
                        fail=1
                    }
                done
                if [ "$lang" = ja ]; then
                    w=$(printf '%s' "$counter" | tr -d ' ')
                    grep -qF -- "$w" "$work/text" || {
                        echo "walk: $case: the counter of $id missing from the guide sheet" >&2
                        fail=1
                    }
                fi
            done <"$work/route"
            grep -qF '令和8年4月1日' "$work/text" || { echo "walk: $case: no date on the sheet" >&2; fail=1; }
            sheets=$((sheets + 1))
            grep -qF -- "$(printf '%s' "$name" | tr -d ' ')" "$work/text" && {
                echo "walk: $case: the resident's name is on the guide sheet" >&2
                fail=1
            }
        done
    done
done
[ -n "${KEEP_DIR:-}" ] && cp "$work"/*.pdf "$KEEP_DIR/"
echo "walk: $sheets guide sheets and $forms procedures' forms checked"
exit $fail
