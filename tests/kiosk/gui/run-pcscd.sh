#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# run-pcscd.sh — the kiosk through a real pcscd: kakanai-vcard plays the card behind the
# vsmartcard-vpcd driver (SIGUSR1 pulls it, SIGUSR2 puts it back). Every shipped procedure is
# walked to a printed form, then the card is pulled at the PIN, question and confirmation. Run inside
# tests/lib/with-pcscd.sh (KAKANAI_VPCD_PORT is set there).
#
#   run-pcscd.sh KIOSK VCARD SRCDIR OUTDIR
set -eu
KIOSK=$1 VCARD=$2 SRC=$3 OUT=$4/pcscd
TEMPLATES=${KAKANAI_TEMPLATES:-$SRC/templates}
rm -rf "$OUT" && mkdir -p "$OUT/pdf"
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_A11Y=none LANGUAGE=ja
[ -d "$TEMPLATES" ] || { echo "no templates: skipped"; exit 77; }
"$KIOSK" --list-procedures --templates "$TEMPLATES" >"$OUT/procedures.txt" 2>/dev/null || exit 77
main_index=$(awk -F'\t' '$1 ~ /juminhyo|jumin/ {print NR-1; exit}' "$OUT/procedures.txt")
main_index=${main_index:-0}

vpid=
cleanup() { [ -n "$vpid" ] && kill "$vpid" 2>/dev/null && wait "$vpid" 2>/dev/null; true; }
trap cleanup EXIT
"$VCARD" --profile "$SRC/tests/profiles/yoshida-taro.json" --port "$KAKANAI_VPCD_PORT" \
    --state "$OUT/card.state" --quiet 2>"$OUT/vcard.log" &
vpid=$!
export KAKANAI_VCARD_PID=$vpid

nproc_=$(wc -l <"$OUT/procedures.txt")
{
    # every shipped procedure, the whole path, through pcscd
    echo "wait menu"
    i=0
    while [ $i -lt "$nproc_" ]; do
        cat <<S
procedure-index $i
wait pin 20000
screenshot $OUT/pcscd-$i-pin.png
pin 1234
submit
wait question,preparing,confirm 20000
answer-questions
wait confirm 30000
screenshot $OUT/pcscd-$i-confirm.png
print
wait done 30000
finish
wait menu
expect-wiped
S
        i=$((i + 1))
    done
} >"$OUT/pcscd.script"
# then the card pulled at the PIN pad, at the questions and at the confirmation
pull_after_pin() { # [LINES]: put the card back, PIN OK, LINES, pull the card, back to the menu
    cat <<S
card on
sleep 500
procedure-index $main_index
wait pin 20000
pin 1234
submit
wait question,preparing,confirm 20000
${1:-}
card pull
wait error 10000
expect-wiped
ok
wait menu
S
}
{
    cat <<S
procedure-index $main_index
wait pin 20000
pin 12
card pull
wait error 10000
screenshot $OUT/pcscd-pulled.png
expect-wiped
ok
wait menu
S
    pull_after_pin
    pull_after_pin "answer-questions
wait confirm 30000"
} >>"$OUT/pcscd.script"
timeout 150 xvfb-run -a -s "-screen 0 1920x1080x24" "$KIOSK" --templates "$TEMPLATES" \
    --pdf-dir "$OUT/pdf" --script "$OUT/pcscd.script" 2>"$OUT/kiosk.log" || {
    tail -5 "$OUT/kiosk.log" >&2
    exit 1
}
n=$(ls "$OUT/pdf" | wc -l)
[ "$n" -eq "$nproc_" ] || { echo "expected $nproc_ PDFs, found $n" >&2; exit 1; }
# what the card said, character for character (𠮷 is outside the BMP), on every form
for f in "$OUT"/pdf/*.pdf; do
    pdftotext "$f" - 2>/dev/null | grep -q '𠮷田' || { echo "no 𠮷田 on $f" >&2; exit 1; }
done
echo "run-pcscd: ok ($OUT)"
