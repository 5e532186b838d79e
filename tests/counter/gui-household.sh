#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# gui-household.sh — the counter app under Xvfb on the real parts: a household's 転入.
#
#   gui-household.sh KIOSK_DEV VCARD SCAN STAFFTOOL SRCDIR OUTDIR
#
# A private cupsd (cups-pdf) and pcscd + vpcd (tests/lib/with-*.sh). kakanai-kiosk-dev --counter
# is driven by its script runner: staff sign in (their own passcode), pick 転入, answer the
# interview, read the applicant's card (PIN typed on the resident's window), then the spouse's
# — a second kakanai-vcard process put on the same reader after the first resident took their
# card back —, type the child (text committed as an input method commits it), complete the
# answers (the spouse, insured at work, is left off the 国保加入届), check the preview on both windows, print every form and the guide sheet, 「次の方」.
# Then: kakanai-scan finds neither resident's canaries in the app's memory; one PDF per
# document on paper; the audit log holds the visit as events and none of the canaries; the
# screenshots are in OUTDIR/gui-household/ to look at. Figures for bench-counter in
# OUTDIR/gui-household/figures.txt. Exit 0 pass, 1 fail, 77 skipped.
set -u
KIOSK=$1 VCARD=$2 SCAN=$3 STAFF=$4 SRC=$5 OUT=$6/gui-household
CANARIES=$SRC/tests/counter/canaries.txt
TEMPLATES=${KAKANAI_TEMPLATES:-$SRC/templates}
P=$SRC/tests/counter/profiles

if [ "${KAKANAI_GUI_HH_STAGE:-}" = "" ]; then
    [ "$(id -u)" -eq 0 ] || { echo "gui-household: needs root" >&2; exit 77; }
    for p in Xvfb pcscd cupsd; do
        command -v "$p" >/dev/null 2>&1 || [ -x "/usr/sbin/$p" ] || { echo "gui-household: $p missing" >&2; exit 77; }
    done
    rm -rf "$OUT" && mkdir -p "$OUT"
    export KAKANAI_GUI_HH_STAGE=inner
    exec "$SRC/tests/lib/with-cupsd.sh" "$SRC/tests/lib/with-pcscd.sh" "$0" "$@"
fi

fail=0
xpid= kpid=
cleanup() {
    for f in "$OUT"/vcard*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done
    [ -n "$kpid" ] && kill "$kpid" 2>/dev/null
    [ -n "$xpid" ] && kill "$xpid" 2>/dev/null
    true
}
trap cleanup EXIT
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_A11Y=none LANGUAGE=ja
disp=:$((120 + RANDOM % 200))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
for i in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
export DISPLAY=$disp

printf 'aoi-7731\n' | "$STAFF" --file "$OUT/staff.conf" add S0042 >/dev/null || exit 1
vcard() { # N PROFILE: put resident N's card on the counter reader
    "$VCARD" --profile "$2" --port "$KAKANAI_VPCD_PORT" --quiet 2>>"$OUT/vcard.log" &
    echo $! >"$OUT/vcard$1.pid"
}
vcard 1 "$P/adult1.json"
cat >"$OUT/household.script" <<S
wait signin
signin S0042 aoi-7731
wait procedures
event tennyu
wait interview
ask kokuho yes
ask children 1
ask school no
ask preschool no
ask inkan no
ask elderly no
ask no_employee_pension no
ask dog no
screenshot $OUT/01-interview.png
next
wait procedures
screenshot $OUT/02-procedures.png
next
wait members
role head
read-card pin
wait-resident pin
resident-screenshot $OUT/03-resident-pin.png
pin 2580
pin-ok
wait-resident taken
wait-status カードをお返しください
run kill \$(cat $OUT/vcard1.pid)
wait-resident welcome
run "$VCARD" --profile "$P/adult2.json" --port $KAKANAI_VPCD_PORT --quiet 2>>$OUT/vcard.log & echo \$! >$OUT/vcard2.pid
role spouse
read-card pin
wait-resident pin
pin 1470
pin-ok
wait-resident taken
run kill \$(cat $OUT/vcard2.pid)
wait-resident welcome
type name 鐘成　陽向汰
type kana カネナリヒナタ
type birth 20210814
sex 1
type number 629481037579
role child
add-member
screenshot $OUT/04-members.png
next
wait answers
on-form kokuho_kanyu 2 off
screenshot $OUT/05-answers-top.png
answer kana:1 カネナリコウタロウ
answer kana:2 カネナリミリカ
answer q:moved 20261201
answer q:new_address カナリア市試験町十丁目一番KNRYNEWADR8X
answer-if q:reason tennyu
answer-if q:joined 20261201
answer-if q:prev_insurance kokuho
answer-if q:pension kokumin
answer-if q:bank_name カナリア銀行試験支店
answer-if q:account_type futsu
answer-if q:account_no 7712093
answer-if q:account_holder カネナリコウタロウ
answer-if q:insurance kokuho
answer-if q:consent yes
answer-if q:join_reason tennyu
answer-if q:claim_reason tennyu
answer-if q:iryo_reason tennyu
answer-if q:child_insurance kokuho
answer-if q:iryo_consent yes
screenshot $OUT/05-answers.png
next
wait preview
expect-on-form kokuho_kanyu 101
expect-on-form tennyu 111
wait-pages 30000
screenshot $OUT/06-preview.png
resident-screenshot $OUT/07-resident-preview.png
next
wait done
wait-printed 60000
screenshot $OUT/08-done.png
figures $OUT/figures.txt
next
wait procedures
expect-wiped
run touch $OUT/wiped; i=0; while [ ! -f $OUT/scanned ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i+1)); done
quit
S
"$KIOSK" --counter --staff-file "$OUT/staff.conf" --audit-log "$OUT/audit.log" \
    --templates "$TEMPLATES" --printer kakanai-pdf --script "$OUT/household.script" \
    >"$OUT/kiosk.out" 2>"$OUT/kiosk.log" &
kpid=$!
# After 「次の方」: the whole memory of the app must hold neither resident.
for i in $(seq 1 1800); do
    [ -f "$OUT/wiped" ] && break
    kill -0 "$kpid" 2>/dev/null || break
    sleep 0.1
done
if [ -f "$OUT/wiped" ]; then
    cat "/proc/$kpid/maps" >"$OUT/maps.txt" 2>/dev/null
    "$SCAN" -A 32 -C "$CANARIES" -p "$kpid" >"$OUT/scan.txt" 2>"$OUT/scan.err"
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "gui-household: kakanai-scan found canaries in the app after 「次の方」 (rc $rc):" >&2
        grep -a HIT "$OUT/scan.txt" | head -20 >&2
        fail=1
    fi
    touch "$OUT/scanned"
else
    echo "gui-household: the visit did not reach 「次の方」" >&2
    fail=1
fi
wait "$kpid"
krc=$?
kpid=
if [ $krc -ne 0 ]; then
    echo "gui-household: the app or its script failed ($krc):" >&2
    grep -v dbus "$OUT/kiosk.log" | tail -15 >&2
    fail=1
fi
# The paper: one PDF per document (forms and the guide sheet).
n=$(find "$KAKANAI_PDF_OUT" -name '*.pdf' 2>/dev/null | wc -l)
echo "printed_pdfs $n" >>"$OUT/figures.txt"
[ "$n" -ge 2 ] || { echo "gui-household: only $n PDFs on paper" >&2; fail=1; }
mkdir -p "$OUT/pdf" && cp "$KAKANAI_PDF_OUT"/*.pdf "$OUT/pdf/" 2>/dev/null
for f in "$OUT"/pdf/*.pdf; do pdftoppm -r 40 -png -f 1 -l 1 "$f" "${f%.pdf}" 2>/dev/null; done
# The audit log: the visit as events, no resident in it, its chain intact.
grep -q 'what=visit event=tennyu procedures=tennyu.* members=3 cards=2 code_b=0 typed=1 end=next' \
    "$OUT/audit.log" || { echo "gui-household: no visit line in the audit log" >&2; fail=1; }
"$SCAN" -q -C "$CANARIES" -f "$OUT/audit.log" -f "$OUT/kiosk.log" -f "$OUT/kiosk.out" >/dev/null 2>&1 ||
    { echo "gui-household: canaries in the audit log or the app's output" >&2; fail=1; }
"$STAFF" --verify-audit "$OUT/audit.log" >/dev/null || { echo "gui-household: audit chain broken" >&2; fail=1; }
[ $fail -eq 0 ] && echo "gui-household: PASS ($n PDFs on paper)"
exit $fail
