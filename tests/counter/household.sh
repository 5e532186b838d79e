#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# household.sh — a counter visit of a household on the real parts, then the privacy proof.
#
#   household.sh DRIVER VCARD SCAN SRCDIR OUTDIR [PLAN]
#
# A private cupsd (cups-pdf) and a private pcscd + vpcd (tests/lib/with-*.sh); two
# kakanai-vcard processes, one per adult of the household, tapped IN TURN on the one counter
# reader (the first is pulled before the second is put down); counter-household drives the
# GTK-free visit (PIN, read, typed child, answers, render, print, 「次の方」). Then:
#   - every document printed: one PDF per form plus the 手続き案内票, each with its title and
#     the household's text where it belongs (pdftotext);
#   - kakanai-scan of the driver's whole memory after the wipe finds none of either
#     resident's canaries (tests/counter/canaries.txt), nor does its output.
# Figures (for bench-counter) are in OUTDIR/household/figures.txt.
# Exit 0 pass, 1 fail, 77 skipped (not root, parts missing).
set -u
DRIVER=$1 VCARD=$2 SCAN=$3 SRC=$4 OUT=$5/household
PLAN=${6:-$SRC/tests/counter/household-tennyu.plan}
CANARIES=$SRC/tests/counter/canaries.txt
TEMPLATES=${KAKANAI_TEMPLATES:-$SRC/templates}

if [ "${KAKANAI_HOUSEHOLD_STAGE:-}" = "" ]; then
    [ "$(id -u)" -eq 0 ] || { echo "household: needs root" >&2; exit 77; }
    for p in pcscd cupsd pdftotext; do
        command -v "$p" >/dev/null 2>&1 || [ -x "/usr/sbin/$p" ] || { echo "household: $p missing" >&2; exit 77; }
    done
    rm -rf "$OUT" && mkdir -p "$OUT"
    export KAKANAI_HOUSEHOLD_STAGE=inner
    exec "$SRC/tests/lib/with-cupsd.sh" "$SRC/tests/lib/with-pcscd.sh" "$0" "$@"
fi

fail=0
vpid=
dpid=
cleanup() {
    [ -n "$vpid" ] && kill "$vpid" 2>/dev/null && wait "$vpid" 2>/dev/null
    [ -n "$dpid" ] && kill "$dpid" 2>/dev/null
    true
}
trap cleanup EXIT

profiles=("$SRC/tests/counter/profiles/adult1.json" "$SRC/tests/counter/profiles/adult2.json")
mkfifo "$OUT/in" "$OUT/out"
mkdir -p "$OUT/sent"
"$DRIVER" --templates "$TEMPLATES" --plan "$PLAN" --printer kakanai-pdf \
    --keys "$OUT/keys.txt" --pdf-dir "$OUT/sent" --hold <"$OUT/in" >"$OUT/out" \
    2>"$OUT/driver.err" &
dpid=$!
exec 3>"$OUT/in"
: >"$OUT/driver.out"
ms_now() { date +%s%3N; }
t_tap=
while IFS= read -r line; do
    echo "$line" >>"$OUT/driver.out"
    case $line in
    "WAIT-CARD "*)
        n=${line#WAIT-CARD }
        "$VCARD" --profile "${profiles[$((n - 1))]}" --port "$KAKANAI_VPCD_PORT" --quiet \
            2>>"$OUT/vcard.log" &
        vpid=$!
        ;;
    WAIT-REMOVED)
        # the resident takes the card back: the vcard disconnects
        kill "$vpid" 2>/dev/null; wait "$vpid" 2>/dev/null; vpid=
        ;;
    WIPED)
        # 「次の方」 done: the whole memory of the process must hold neither resident
        "$SCAN" -A 32 -C "$CANARIES" -p "$dpid" >"$OUT/scan.txt" 2>"$OUT/scan.err"
        rc=$?
        if [ $rc -ne 0 ]; then
            echo "household: kakanai-scan found canaries after the wipe (rc $rc):" >&2
            head -20 "$OUT/scan.txt" >&2
            fail=1
        fi
        echo go >&3
        ;;
    esac
done <"$OUT/out"
exec 3>&-
wait "$dpid"
drc=$?
dpid=
[ $drc -eq 0 ] || { echo "household: driver failed ($drc):" >&2; cat "$OUT/driver.err" >&2; fail=1; }
grep '^FIGURE' "$OUT/driver.out" | sed 's/^FIGURE //' >"$OUT/figures.txt"
grep -q '^PRINTED ok' "$OUT/driver.out" || { echo "household: not printed" >&2; fail=1; }

# ---- the paper --------------------------------------------------------------------------------
docs=$(awk '/^RENDERED/ {print $2}' "$OUT/driver.out")
for i in $(seq 1 50); do
    n=$(find "$KAKANAI_PDF_OUT" -name '*.pdf' 2>/dev/null | wc -l)
    [ "$n" -ge "${docs:-1}" ] && break
    sleep 0.2
done
mkdir -p "$OUT/pdf"
cp "$KAKANAI_PDF_OUT"/*.pdf "$OUT/pdf/" 2>/dev/null
n=$(ls "$OUT/pdf" 2>/dev/null | wc -l)
echo "printed_pdfs $n" >>"$OUT/figures.txt"
if [ "$n" -ne "${docs:-0}" ]; then
    echo "household: $n PDFs on paper, $docs documents made" >&2
    fail=1
fi
# Each document's text (the bytes sent, kept by the driver: cups-pdf loses the text layer):
# its title and the household where it belongs; then the paper: same pages, and the first
# page's image within 5% of the pixels (Ghostscript re-distils: anti-aliasing differs).
for sent in "$OUT"/sent/*.pdf; do
    b=$(basename "$sent" .pdf)
    idx=${b%%-*} id=${b#*-}
    txt=$(pdftotext -enc UTF-8 "$sent" - 2>/dev/null | tr -d ' \n　')
    echo "$txt" >"$OUT/sent/$b.txt"
    case $id in
    # given names: pdftotext may take a surname and a given name in separate runs
    tennyu) want="転入届 航汰朗 KNRYNEWADR8X" ;;
    kokuho_kanyu) want="国民健康保険 航汰朗 澪璃花 陽向汰" ;;
    jidoteate) want="児童手当 航汰朗 陽向汰" ;;
    kodomo_iryo) want="陽向汰" ;;
    annai) want="案内票 0012" ;;
    *) want="" ;;
    esac
    for w in $want; do
        echo "$txt" | grep -qF "$w" || { echo "household: '$w' not on $id" >&2; fail=1; }
    done
    paper="$OUT/pdf/kakanai-job_$idx.pdf"
    if [ ! -f "$paper" ]; then
        echo "household: no paper for $b" >&2; fail=1; continue
    fi
    p1=$(pdfinfo "$sent" 2>/dev/null | awk '/^Pages:/ {print $2}')
    p2=$(pdfinfo "$paper" 2>/dev/null | awk '/^Pages:/ {print $2}')
    [ "$p1" = "$p2" ] || { echo "household: $b: $p1 pages sent, $p2 on paper" >&2; fail=1; }
    pdftoppm -r 40 -gray -png -f 1 -l 1 "$sent" "$OUT/sent/$b-img" 2>/dev/null
    pdftoppm -r 40 -gray -png -f 1 -l 1 "$paper" "$OUT/pdf/$b-img" 2>/dev/null
    a=$(ls "$OUT/sent/$b-img"*.png 2>/dev/null | head -1) c=$(ls "$OUT/pdf/$b-img"*.png 2>/dev/null | head -1)
    if [ -n "$a" ] && [ -n "$c" ]; then
        ae=$(compare -metric AE -fuzz 25% "$a" "$c" null: 2>&1 | cut -d' ' -f1)
        total=$(identify -format '%[fx:w*h]' "$a")
        echo "paper_diff_$b ${ae:-?}/$total" >>"$OUT/figures.txt"
        awk -v d="${ae:-999999999}" -v t="$total" 'BEGIN { exit !(d <= t * 0.05) }' || {
            echo "household: $b on paper differs from what was sent ($ae of $total pixels)" >&2; fail=1; }
    else
        echo "household: $b: page images missing" >&2; fail=1
    fi
done
# the guide sheet carries no resident's name
if [ -f "$OUT/sent/$docs-annai.txt" ] && grep -q '鐘成' "$OUT/sent/$docs-annai.txt"; then
    echo "household: a resident's name on the guide sheet" >&2
    fail=1
fi
"$SCAN" -q -C "$CANARIES" -f "$OUT/driver.out" -f "$OUT/driver.err" >/dev/null 2>&1 || {
    echo "household: canaries in the driver's output" >&2; fail=1; }
[ $fail -eq 0 ] && echo "household: PASS ($docs documents, $n PDFs)"
exit $fail
