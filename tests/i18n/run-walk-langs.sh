#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Every shipped procedure walked in one language with the layout check on every screen
# (touch targets, text size, nothing cut off, no widgets drawn over each other, no text outside
# its allocation, text contrast measured on the pixels >= 7:1), by a resident with a long
# romanized+kanji name and a long 方書 address (tests/profiles/gonzalez-katagaki.json):
# at 1920x1080 and 1280x800 with the usual text, and at 1280x800 with 「文字を大きく」 — one kiosk process
# for the language (the language is chosen through the picker, as a resident does).
#
#   run-walk-langs.sh LANG KIOSK SRCDIR OUTDIR
#
# Screenshots land in OUTDIR/LANG/ (look at them). Exit 77 = skipped (no templates).
set -eu
lang=$1 KIOSK=$2 SRC=$3 OUT=$4/$1
TEMPLATES=$SRC/templates
PROFILE=$SRC/tests/profiles/gonzalez-katagaki.json
PIN=$(sed -n 's/.*"pin": *"\([0-9]*\)".*/\1/p' "$PROFILE")
rm -rf "$OUT" && mkdir -p "$OUT/pdf"
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_A11Y=none LANGUAGE=ja

"$KIOSK" --list-procedures --templates "$TEMPLATES" >"$OUT/procedures.txt" 2>/dev/null || true
n=$(wc -l <"$OUT/procedures.txt")
[ "$n" -gt 0 ] || { echo "walk-langs: no procedures in $TEMPLATES: skipped"; exit 77; }

{
    echo "check-layout each"
    echo "size 1920 1080"
    echo "wait menu"
    echo "languages"
    echo "wait language"
    echo "screenshot $OUT/00-picker.png"
    echo "lang $lang"
    echo "wait menu"
    for run in "1920 1080 off" "1280 800 off" "1280 800 on"; do
        set -- $run
        tag=$1-large-$3
        echo "size $1 $2"
        echo "large $3"
        echo "sleep 300"
        echo "screenshot $OUT/$tag-01-menu.png"
        i=0
        while [ $i -lt "$n" ]; do
            id=$(sed -n "$((i + 1))p" "$OUT/procedures.txt" | cut -f1)
            cat <<S
large $3
procedure-index $i
wait card
card on
wait pin
pin $PIN
submit
wait question,preparing,confirm 20000
screenshot $OUT/$tag-$id-02-question.png
answer-questions $OUT/$tag-$id
wait confirm 30000
screenshot $OUT/$tag-$id-03-confirm.png
print
wait done 30000
card off
finish
wait menu
expect-wiped
S
            i=$((i + 1))
        done
    done
} >"$OUT/walk.script"

timeout 300 xvfb-run -a -s "-screen 0 1920x1080x24" "$KIOSK" --templates "$TEMPLATES" \
    --virtual-card "$PROFILE" --pdf-dir "$OUT/pdf" --script "$OUT/walk.script" \
    >"$OUT/walk.out" 2>"$OUT/walk.log" || {
    grep -v '^MESSAGE' "$OUT/walk.log" | tail -20 >&2
    echo "walk-langs $lang: failed (script $OUT/walk.script)" >&2
    exit 1
}
screens=$(grep -c '^layout ' "$OUT/walk.out")
measured=$(awk '$1 == "layout" {s += $5} END {print s + 0}' "$OUT/walk.out")
pdfs=$(ls "$OUT/pdf" | wc -l)
[ "$pdfs" -eq $((n * 3)) ] || { echo "walk-langs $lang: $pdfs PDFs, expected $((n * 3))" >&2; exit 1; }
[ "$measured" -gt 0 ] || { echo "walk-langs $lang: no label's contrast was measured" >&2; exit 1; }
echo "walk-langs $lang: $n procedures × 3 panels, $screens screens checked, contrast of $measured labels measured"
