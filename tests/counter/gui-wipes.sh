#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# gui-wipes.sh — the counter app under Xvfb with the in-process virtual card: the PIN's tries
# safety on the resident's window and every way a visit ends.
#
#   gui-wipes.sh KIOSK_DEV STAFFTOOL SRCDIR OUTDIR
#
#  1. a card with one try left: the resident's PIN pad says so before any digit; the card is
#     pulled at the PIN pad: nothing of it is kept; then a typed member and the idle time-out:
#     back to the sign-in, nothing left.
#  2. a blocked card: no PIN pad at all (no VERIFY is sent), staff are told to use 照合番号B.
#  3. a card read with 照合番号B typed by staff; 「この受付を中止」-like end by sign-out.
#  4. the city updates its templates while the counter runs: nothing changes mid-visit; between
#     visits the new catalogue is in use (and on screen); a broken update is refused and the
#     counter keeps the forms it has; the audit log records both.
set -u
KIOSK=$1 STAFF=$2 SRC=$3 OUT=$4/gui-wipes
rm -rf "$OUT" && mkdir -p "$OUT"
command -v xvfb-run >/dev/null || { echo "gui-wipes: xvfb-run missing" >&2; exit 77; }
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_A11Y=none LANGUAGE=ja
printf 'aoi-7731\n' | "$STAFF" --file "$OUT/staff.conf" add S0042 >/dev/null || exit 1
run() { # NAME PROFILE: the script OUT/NAME.script with the virtual card PROFILE
    xvfb-run -a -s "-screen 0 1920x1080x24" "$KIOSK" --counter --staff-file "$OUT/staff.conf" \
        --audit-log "$OUT/audit.log" --templates "${TPL:-$SRC/templates}" --pdf-dir "$OUT/pdf" \
        --virtual-card "$SRC/tests/profiles/$2" --script "$OUT/$1.script" \
        >"$OUT/$1.out" 2>"$OUT/$1.log"
}
fail=0
cat >"$OUT/last-try.script" <<S
wait signin
signin S0042 aoi-7731
wait procedures
tick tennyu
next
wait members
read-card pin
wait-resident card
card on
wait-resident pin
expect-tries 1
resident-screenshot $OUT/last-try.png
pin 55
card off
wait-status 読み取り前にカードが外されました
wait-resident welcome
expect-members 0
type name 試験　一子
type birth 20000101
add-member
expect-members 1
idle
wait signin
expect-wiped
quit
S
run last-try one-try-left.json || { echo "gui-wipes: last try / pulled / idle failed" >&2; tail -5 "$OUT/last-try.log" >&2; fail=1; }
cat >"$OUT/blocked.script" <<S
wait signin
signin S0042 aoi-7731
wait procedures
tick tennyu
next
wait members
read-card pin
card on
wait-status ロックされています
expect-tries 0
resident-screenshot $OUT/blocked.png
expect-members 0
quit
S
run blocked blocked.json || { echo "gui-wipes: blocked card failed" >&2; tail -5 "$OUT/blocked.log" >&2; fail=1; }
grep -q 'wait-resident pin' "$OUT/blocked.script" && fail=1
cat >"$OUT/code-b.script" <<S
wait signin
signin S0042 aoi-7731
wait procedures
tick juminhyo
next
wait members
type code-b 58070720342236
read-card code-b
card on
wait-status お返しください
expect-members 1
screenshot $OUT/code-b.png
sleep 300
quit
S
run code-b blocked.json || { echo "gui-wipes: 照合番号B failed" >&2; tail -5 "$OUT/code-b.log" >&2; fail=1; }
cp -r "$SRC/templates" "$OUT/templates"
cat >"$OUT/templates.script" <<S
wait signin
signin S0042 aoi-7731
wait procedures
expect-title juminhyo 住民票の写し
tick tennyu
next
wait members
run sed -i 's/^title.ja = 住民票の写し\$/title.ja = 住民票の写し（更新）/' $OUT/templates/catalog.conf
sleep 6000
expect-title juminhyo 住民票の写し
idle
wait signin
wait-title juminhyo 住民票の写し（更新）
signin S0042 aoi-7731
wait procedures
screenshot $OUT/templates-updated.png
run printf '[procedure broken]\\n' >>$OUT/templates/catalog.conf
sleep 6000
expect-title juminhyo 住民票の写し（更新）
quit
S
TPL=$OUT/templates run templates one-try-left.json ||
    { echo "gui-wipes: template update failed" >&2; tail -5 "$OUT/templates.log" >&2; fail=1; }
grep -q 'what=templates-updated' "$OUT/audit.log" || { echo "gui-wipes: no template update in the audit log" >&2; fail=1; }
grep -q 'what=templates-refused' "$OUT/audit.log" || { echo "gui-wipes: no refused update in the audit log" >&2; fail=1; }
"$STAFF" --verify-audit "$OUT/audit.log" >/dev/null || { echo "gui-wipes: audit chain" >&2; fail=1; }
grep -q 'end=idle' "$OUT/audit.log" || { echo "gui-wipes: no idle end in the audit log" >&2; fail=1; }
[ $fail -eq 0 ] && echo "gui-wipes: PASS"
exit $fail
