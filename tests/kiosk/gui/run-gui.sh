#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# run-gui.sh — drive the real kakanai-kiosk under Xvfb with --script (GSK_RENDERER=cairo).
#
#   run-gui.sh CASE KIOSK SRCDIR OUTDIR
#
# CASE: walk | touches | fullscreen | pull | idle | pin | staff | printer | cups | log | nodisplay |
#       keypad | keypad-all | pinpad
# Screenshots land in OUTDIR/<case>/ (look at them). Exit 77 = skipped (no templates yet).
set -eu
case_name=$1 KIOSK=$2 SRC=$3 OUT=$4/$1
TEMPLATES=${KAKANAI_TEMPLATES:-$SRC/templates}
PROFILES=$SRC/tests/profiles
rm -rf "$OUT" && mkdir -p "$OUT/pdf"
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_A11Y=none
export LANGUAGE=ja

if [ ! -d "$TEMPLATES" ] || ! "$KIOSK" --list-procedures --templates "$TEMPLATES" \
        >"$OUT/procedures.txt" 2>"$OUT/procedures.err" || [ ! -s "$OUT/procedures.txt" ]; then
    echo "run-gui: no usable templates in $TEMPLATES: skipped"
    exit 77
fi
nproc_=$(wc -l <"$OUT/procedures.txt")
# The 住民票 procedure when shipped, else the first one.
main_index=$(awk -F'\t' '$1 ~ /juminhyo|jumin/ {print NR-1; exit}' "$OUT/procedures.txt")
main_index=${main_index:-0}
# A resident's way to the questions, and on to the confirmation, of the main procedure.
TO_QUESTIONS="procedure-index $main_index
wait card
card on
wait pin
pin 1234
submit
wait question,preparing,confirm 20000"
TO_CONFIRM="$TO_QUESTIONS
answer-questions
wait confirm 30000"

xrun() { # SCRIPT [kiosk args...]: run the kiosk on a private X server
    # Every screen the script reaches is checked against the visual rules (touch targets,
    # text size, nothing cut off: kiosk/kiosk-layout-check.h); a problem fails the script.
    local script=$1; shift
    { echo "check-layout each"; cat "$script"; } >"$script.checked"
    timeout 120 xvfb-run -a -s "-screen 0 1920x1080x24" "$KIOSK" --templates "$TEMPLATES" \
        --script "$script.checked" "$@"
}

# The same script again on the 1280x800 panel (screenshots as small-*.png): the screens a
# case reaches must pass the layout check there too.
xrun_small() { # SCRIPT [kiosk args...]
    local script=$1; shift
    sed "s#$OUT/#$OUT/small-#" "$script" >"${script%.script}-small.script"
    xrun "${script%.script}-small.script" --size 1280x800 "$@"
}

fail() { echo "run-gui $case_name: $*" >&2; exit 1; }

walk_script() { # INDEX TAG SIZE → a script walking procedure INDEX, screenshots tagged
    local i=$1 tag=$2 size=$3
    # every form of the procedure is in the preview (one page each at least)
    local forms
    forms=$(sed -n "$((i + 1))p" "$OUT/procedures.txt" | cut -f4)
    cat <<S
size ${size% *} ${size#* }
wait menu
screenshot $OUT/$tag-01-menu.png
procedure-index $i
wait card
screenshot $OUT/$tag-02-card.png
card on
wait pin
pin 12
screenshot $OUT/$tag-03-pin.png
pin 34
submit
wait question,preparing,confirm 20000
screenshot $OUT/$tag-04-first-question.png
answer-questions
wait confirm 30000
screenshot $OUT/$tag-05-confirm.png
expect-pages ${forms:-1}
page +1
screenshot $OUT/$tag-05b-confirm-next-page.png
print
wait done 30000
screenshot $OUT/$tag-06-done.png
card off
finish
wait menu
expect-wiped
S
}

case $case_name in
walk)
    # Every shipped procedure, the whole path, at 1920x1080 and 1280x800.
    i=0
    while [ $i -lt "$nproc_" ]; do
        id=$(sed -n "$((i + 1))p" "$OUT/procedures.txt" | cut -f1)
        # both panels of the issue in Japanese, English (longer words) on the small one, and
        # the common 1366x768 (the lowest)
        for run in "1920 1080 ja" "1280 800 ja" "1280 800 en" "1366 768 ja"; do
            set -- $run
            tag="$id-$1" && [ "$3" = ja ] || tag="$id-$1-$3"
            walk_script $i "$tag" "$1 $2" >"$OUT/$tag.script"
            xrun "$OUT/$tag.script" --virtual-card "$PROFILES/yoshida-taro.json" \
                --pdf-dir "$OUT/pdf" --size "$1x$2" --lang "$3" 2>"$OUT/$tag.log" ||
                fail "$tag: $(tail -3 "$OUT/$tag.log")"
        done
        i=$((i + 1))
    done
    n=$(ls "$OUT/pdf" | wc -l)
    [ "$n" -eq $((nproc_ * 4)) ] || fail "expected $((nproc_ * 4)) PDFs, found $n"
    # What the counter gets: first page of each procedure's PDF as PNG.
    for f in "$OUT"/pdf/*.pdf; do
        pdftoppm -r 50 -png -f 1 -l 1 "$f" "${f%.pdf}" 2>/dev/null || true
    done
    ;;
touches)
    # A resident's 住民票 request, counted like the benchmark: procedure, 4 PIN digits, OK,
    # the two required questions (scope, purpose), print = 9 touches (the goal);
    # putting the card on the reader is no touch. The optional ones wait on the confirmation.
    cat >"$OUT/touches.script" <<S
wait menu
mark start
procedure juminhyo
wait card
card on
wait pin
pin 1234
submit
wait question 20000
screenshot $OUT/touches-1-scope.png
choose self
sleep 500
screenshot $OUT/touches-2-purpose.png
choose work
wait confirm 30000
screenshot $OUT/touches-3-confirm.png
print
wait done 30000
mark accepted
finish
wait menu
S
    xrun "$OUT/touches.script" --virtual-card "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" \
        >"$OUT/touches.out" 2>"$OUT/touches.log" || fail "$(tail -3 "$OUT/touches.log")"
    t=$(awk '$1 == "mark" && $2 == "accepted" { for (i = 3; i <= NF; i++) if ($i ~ /^touches=/) print substr($i, 9) }' \
        "$OUT/touches.out")
    [ -n "$t" ] || fail "no touch count in $OUT/touches.out"
    [ "$t" -eq 9 ] || fail "住民票 took $t touches, the goal is 9"
    [ "$(ls "$OUT/pdf" | wc -l)" -eq 1 ] || fail "no application printed"
    ;;
fullscreen)
    # --fullscreen without --size (the packaged unit under cage): the layout and the window
    # follow the panel, large on 1920x1080 and small on 1280x800, and pass the layout check.
    for panel in 1920x1080 1280x800 1366x768; do
        cat >"$OUT/fullscreen-$panel.script" <<S
check-layout each
wait menu
expect-size ${panel%x*} ${panel#*x}
screenshot $OUT/fullscreen-$panel-menu.png
$TO_CONFIRM
expect-size ${panel%x*} ${panel#*x}
screenshot $OUT/fullscreen-$panel-confirm.png
S
        timeout 120 xvfb-run -a -s "-screen 0 ${panel}x24" "$KIOSK" --templates "$TEMPLATES" \
            --fullscreen --virtual-card "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" \
            --script "$OUT/fullscreen-$panel.script" 2>"$OUT/fullscreen-$panel.log" ||
            fail "$panel: $(tail -3 "$OUT/fullscreen-$panel.log")"
    done
    ;;
pull)
    # The card pulled at each screen that holds it: aborted, wiped, told, back to the menu.
    cat >"$OUT/pull.script" <<S
wait menu
lang en
wait menu
screenshot $OUT/menu-english.png
procedure-index $main_index
wait card
screenshot $OUT/card-english.png
back
wait menu
lang ja
wait menu
procedure-index $main_index
wait card
card on
wait pin
pin 12
card pull
wait error
screenshot $OUT/pull-at-pin.png
expect-wiped
ok
wait menu
$TO_QUESTIONS
card pull
wait error
screenshot $OUT/pull-at-first-question.png
expect-wiped
ok
wait menu
$TO_CONFIRM
card pull
wait error
screenshot $OUT/pull-at-confirm.png
expect-wiped
ok
wait menu
expect-wiped
S
    xrun "$OUT/pull.script" --virtual-card "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" \
        2>"$OUT/pull.log" || fail "$(tail -3 "$OUT/pull.log")"
    xrun_small "$OUT/pull.script" --virtual-card "$PROFILES/yoshida-taro.json" \
        --pdf-dir "$OUT/pdf" 2>"$OUT/pull-small.log" || fail "1280x800: $(tail -3 "$OUT/pull-small.log")"
    [ -z "$(ls "$OUT/pdf")" ] || fail "a PDF was written although every session was aborted"
    ;;
idle)
    # No touch for the idle time-out: countdown visible, then wiped back to the menu.
    cat >"$OUT/idle.script" <<S
wait menu
procedure-index $main_index
wait card
card on
wait pin
pin 12
sleep 1500
screenshot $OUT/idle-countdown.png
wait menu 15000
expect-wiped
screenshot $OUT/idle-back-at-menu.png
S
    xrun "$OUT/idle.script" --virtual-card "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" \
        --idle-timeout 4 2>"$OUT/idle.log" || fail "$(tail -3 "$OUT/idle.log")"
    grep -q "idle timeout" "$OUT/idle.log" || fail "the idle timer did not fire"
    xrun_small "$OUT/idle.script" --virtual-card "$PROFILES/yoshida-taro.json" \
        --pdf-dir "$OUT/pdf" --idle-timeout 4 2>"$OUT/idle-small.log" ||
        fail "1280x800: $(tail -3 "$OUT/idle-small.log")"
    ;;
pin)
    # Wrong PIN twice (tries shown, last-try warning), a third time blocks: staff call; the
    # blocked card then goes straight to the staff message with no VERIFY.
    cat >"$OUT/pin.script" <<S
wait menu
procedure-index $main_index
wait card
card on
wait pin
expect-tries 3
pin 9999
submit
wait pin
expect-tries 2
pin 9999
submit
wait pin
expect-tries 1
screenshot $OUT/pin-last-try.png
pin 9999
submit
wait staff-call
screenshot $OUT/pin-blocked.png
expect-wiped
ok
wait menu
procedure-index $main_index
wait card,staff-call
wait staff-call
screenshot $OUT/pin-blocked-card-again.png
S
    xrun "$OUT/pin.script" --virtual-card "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" \
        2>"$OUT/pin.log" || fail "$(tail -3 "$OUT/pin.log")"
    xrun_small "$OUT/pin.script" --virtual-card "$PROFILES/yoshida-taro.json" \
        --pdf-dir "$OUT/pdf" 2>"$OUT/pin-small.log" || fail "1280x800: $(tail -3 "$OUT/pin-small.log")"
    ;;
staff)
    # Staff mode behind a passcode; 照合番号B for a resident who forgot the PIN.
    hash=$(printf '2468\n' | "$KIOSK" --hash-passcode)
    printf '[kiosk]\ncounter=3\n%s\n' "$hash" >"$OUT/kiosk.conf"
    grep -q 2468 "$OUT/kiosk.conf" && fail "passcode stored in clear"
    cat >"$OUT/staff.script" <<S
wait menu
staff 1357
wait staff
screenshot $OUT/staff-wrong-passcode.png
back
wait menu
staff 2468
wait staff
staff-action health
staff-action testpage
sleep 3000
screenshot $OUT/staff-panel.png
staff-action checkcode
wait menu
procedure-index $main_index
wait card
card on
wait checkcode
pin 800401
pin 2035
pin 5678
screenshot $OUT/staff-checkcode-b.png
submit
wait question,preparing,confirm 20000
back
wait menu,question
S
    xrun "$OUT/staff.script" --config "$OUT/kiosk.conf" --virtual-card \
        "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" 2>"$OUT/staff.log" ||
        fail "$(tail -3 "$OUT/staff.log")"
    xrun_small "$OUT/staff.script" --config "$OUT/kiosk.conf" --virtual-card \
        "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" 2>"$OUT/staff-small.log" ||
        fail "1280x800: $(tail -3 "$OUT/staff-small.log")"
    [ -s "$OUT/pdf/kakanai-test-page.pdf" ] || fail "no test page"
    grep -q "test page FORM_OK" "$OUT/staff.log" || fail "test page not reported"
    ;;
printer)
    # No such printer: the problem is explained, retry fails again, cancel wipes.
    cat >"$OUT/printer.script" <<S
wait menu
$TO_CONFIRM
screenshot $OUT/confirm-with-change-buttons.png
edit 1
wait question
screenshot $OUT/edit-from-confirm.png
next
wait confirm 30000
print
wait print-problem 30000
screenshot $OUT/printer-problem.png
retry
wait print-problem 30000
cancel
wait menu
expect-wiped
S
    CUPS_SERVER=$OUT/no-cupsd.sock xrun "$OUT/printer.script" --virtual-card \
        "$PROFILES/yoshida-taro.json" --printer kakanai-no-such-queue 2>"$OUT/printer.log" ||
        fail "$(tail -3 "$OUT/printer.log")"
    CUPS_SERVER=$OUT/no-cupsd.sock xrun_small "$OUT/printer.script" --virtual-card \
        "$PROFILES/yoshida-taro.json" --printer kakanai-no-such-queue \
        2>"$OUT/printer-small.log" || fail "1280x800: $(tail -3 "$OUT/printer-small.log")"
    ;;
cups)
    # A real cupsd: the fault printer runs out of paper; the resident is told, staff refill,
    # "try again" prints. (Run inside tests/lib/with-cupsd.sh.)
    [ -n "${KAKANAI_CUPS_DIR:-}" ] || exec "$SRC/tests/lib/with-cupsd.sh" "$0" "$@"
    echo paper 20 >"$KAKANAI_CUPS_DIR/fault"
    cat >"$OUT/cups.script" <<S
wait menu
$TO_CONFIRM
print
wait print-problem 60000
screenshot $OUT/cups-out-of-paper.png
run echo ok >"$KAKANAI_CUPS_DIR/fault"
retry
wait done 60000
screenshot $OUT/cups-done.png
finish
wait menu
expect-wiped
S
    xrun "$OUT/cups.script" --virtual-card "$PROFILES/yoshida-taro.json" \
        --printer kakanai-fault 2>"$OUT/cups.log" || fail "$(tail -3 "$OUT/cups.log")"
    ;;
log)
    # At the most verbose level the log holds events, never the resident's data or PIN.
    walk_script "$main_index" log "1920 1080" | grep -v screenshot >"$OUT/log.script"
    G_MESSAGES_DEBUG=all xrun "$OUT/log.script" --virtual-card "$PROFILES/yoshida-taro.json" \
        --pdf-dir "$OUT/pdf" >"$OUT/log.out" 2>"$OUT/log.err" || fail "$(tail -3 "$OUT/log.err")"
    grep -q "DEBUG" "$OUT/log.err" || fail "no debug output: the check would prove nothing"
    for secret in 吉田 𠮷田 太郎 山口県 滝町 19800401 800401 123456789018 1234 5678; do
        if grep -q -- "$secret" "$OUT/log.err" "$OUT/log.out"; then
            fail "the log contains personal data or the PIN ($secret)"
        fi
    done
    ;;
keypad)
    # The 住民票 request by a USB numeric keypad alone (real key presses through the X
    # server, no tap at all; the card on the reader is no tap), the voice captured: every
    # screen announced, the PIN never spoken (ticks only), the focus ring visible. At the
    # full-HD panel and at 1280x800 (small-* screenshots).
    cat >"$OUT/keypad.script" <<S
wait menu
wait-voice
screenshot $OUT/keypad-01-menu.png
mark start
key KP_5
wait card
wait-voice
screenshot $OUT/keypad-02-card.png
card on
wait pin
wait-voice
key KP_1 KP_2
screenshot $OUT/keypad-03-pin.png
key KP_3 KP_4
wait-voice
key KP_Enter
wait question 20000
wait-voice
screenshot $OUT/keypad-04-scope.png
key KP_2
wait-voice
screenshot $OUT/keypad-05-scope-self.png
key KP_5
sleep 300
wait question 5000
wait-voice
screenshot $OUT/keypad-06-purpose.png
key KP_5
wait confirm 30000
sleep 500
wait-voice
screenshot $OUT/keypad-07-confirm.png
key KP_Enter
wait done 30000
mark accepted
wait-voice
screenshot $OUT/keypad-08-done.png
key KP_Add
wait-voice
voice-stats walk
key KP_Enter
wait menu
expect-wiped
key KP_5
wait card,pin
wait-voice
key KP_Multiply
wait staff-call
wait-voice
screenshot $OUT/keypad-09-staff-call.png
expect-wiped
key KP_Enter
wait menu
S
    for size in "1920x1080" "1280x800"; do
        tag=keypad-$size
        script=$OUT/keypad.script
        [ "$size" = 1920x1080 ] || { sed "s#$OUT/#$OUT/small-#" "$OUT/keypad.script" >"$OUT/keypad-small.script"; script=$OUT/keypad-small.script; }
        xrun "$script" --virtual-card "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" \
            --size "$size" --speech-wav "$OUT/$tag.wav" --speech-log "$OUT/$tag.speech" \
            >"$OUT/$tag.out" 2>"$OUT/$tag.log" || fail "$tag: $(tail -3 "$OUT/$tag.log")"
        # no tap at all: every step was a key
        grep -q '^mark accepted .* touches=0 ' "$OUT/$tag.out" || fail "$tag: touches were used"
        keys=$(awk '$1 == "mark" && $2 == "accepted" { for (i = 3; i <= NF; i++) if ($i ~ /^keypresses=/) print substr($i, 12) }' "$OUT/$tag.out")
        echo "run-gui keypad $size: 住民票 in $keys key presses"
        # the four digits were four ticks, and something was heard
        grep -q '^voice walk .* ticks=4 ' "$OUT/$tag.out" || fail "$tag: not 4 ticks: $(grep '^voice' "$OUT/$tag.out")"
        python3 - "$OUT/$tag.wav" <<'P' || fail "$tag: the WAV file is not speech"
import sys, wave, array, math
w = wave.open(sys.argv[1])
assert w.getnchannels() == 1 and w.getsampwidth() == 2 and w.getframerate() == 22050
pcm = array.array('h', w.readframes(w.getnframes()))
secs = len(pcm) / 22050
rms = math.sqrt(sum(x * x for x in pcm) / max(len(pcm), 1))
print(f"run-gui keypad: {secs:.1f} s of speech, RMS {rms:.0f}")
assert secs > 20 and rms > 300
P
        # what the engine was given: every screen, in kana (espeak-ng's Japanese voice reads
        # kana only), and never a digit at all (numbers are words; the PIN is never text)
        for must in "てつづきを えらんでください" "マイナンバーカードを" "あんしょうばんごう" \
                "しつもん" "ないようを たしかめてください" "おわりました" "いちばんの まどぐちへ"; do
            grep -q "$must" "$OUT/$tag.speech" || fail "$tag: never said \"$must\""
        done
        if grep -n '[0-9０-９]' "$OUT/$tag.speech"; then fail "$tag: a digit was handed to the voice"; fi
        python3 -c 'import sys, unicodedata
bad = [l for l in open(sys.argv[1], encoding="utf-8")
       if any(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in l)]
sys.stdout.write("".join(bad)); sys.exit(1 if bad else 0)' "$OUT/$tag.speech" ||
            fail "$tag: kanji handed to the Japanese voice"
    done
    ;;
keypad-all)
    # Every shipped kiosk procedure by the keypad alone at 1280x800, the layout check on every
    # screen: the procedure found with 6 and chosen with 5, the PIN typed, every question
    # answered by moving the focus with 6 over the keys and pressing 5 (kana one by one, the
    # あ/123 switch, ゛), print, finish. No tap at all; one PDF per procedure.
    PROFILE=$PROFILES/gonzalez-katagaki.json
    PIN=$(sed -n 's/.*"pin": *"\([0-9]*\)".*/\1/p' "$PROFILE")
    pinkeys=$(echo "$PIN" | sed 's/./KP_& /g')
    "$KIOSK" --list-procedures --templates "$TEMPLATES" 2>/dev/null | cut -f1 >"$OUT/procedures.txt"
    n=$(wc -l <"$OUT/procedures.txt")
    mkdir -p "$OUT/pdf"
    {
        echo "check-layout each"
        echo "wait menu"
        while read -r id; do
            cat <<S
key-to menu.choose $id
wait card
card on
wait pin
key $pinkeys
key KP_Enter
wait question,preparing,confirm 20000
keys-answer-questions
wait confirm 30000
screenshot $OUT/$id-confirm.png
key KP_Enter
wait done 30000
card off
key KP_Enter
wait menu
expect-wiped
S
        done <"$OUT/procedures.txt"
        echo "mark end"
    } >"$OUT/keypad-all.script"
    timeout 240 xvfb-run -a -s "-screen 0 1920x1080x24" "$KIOSK" --templates "$TEMPLATES" \
        --virtual-card "$PROFILE" --pdf-dir "$OUT/pdf" --size 1280x800 \
        --script "$OUT/keypad-all.script" >"$OUT/keypad-all.out" 2>"$OUT/keypad-all.log" ||
        fail "$(grep -v '^MESSAGE' "$OUT/keypad-all.log" | tail -3)"
    grep -q '^mark end .* touches=0 ' "$OUT/keypad-all.out" || fail "touches were used"
    pdfs=$(ls "$OUT/pdf" | wc -l)
    [ "$pdfs" -eq "$n" ] || fail "$pdfs PDFs for $n procedures"
    keys=$(awk '$1 == "mark" { for (i = 3; i <= NF; i++) if ($i ~ /^keypresses=/) print substr($i, 12) }' "$OUT/keypad-all.out")
    echo "run-gui keypad-all: $n procedures printed by the keypad alone, $keys key presses"
    ;;
pinpad)
    # A reader with its own PIN keys (PC/SC part 10; here kakanai-kiosk-dev's
    # simulated one on the virtual card: vpcd has no part 10). The kiosk hides its keypad, says
    # to type on the reader, and reads the card once the reader's VERIFY succeeded: no digit
    # was ever typed on the kiosk. Then the reader's Cancel key: the kiosk's own keypad takes
    # over and the PIN typed there works.
    cat >"$OUT/pinpad.script" <<S
wait menu
key KP_5
wait card
card on
wait pin
wait-voice
screenshot $OUT/pinpad-1-reader-keys.png
wait question 20000
mark verified
wait-voice
key KP_2 KP_5
sleep 300
wait question 5000
wait-voice
key KP_5
wait confirm 30000
sleep 500
wait-voice
screenshot $OUT/pinpad-2-confirm.png
key KP_Enter
wait done 30000
key KP_Enter
wait menu
expect-wiped
S
    xrun "$OUT/pinpad.script" --virtual-card "$PROFILES/yoshida-taro.json" --pdf-dir "$OUT/pdf" \
        --virtual-pinpad 1234 --speech-log "$OUT/pinpad.speech" >"$OUT/pinpad.out" \
        2>"$OUT/pinpad.log" || fail "$(tail -3 "$OUT/pinpad.log")"
    grep -q '^mark verified .* touches=0 keys=0 keypresses=1 ' "$OUT/pinpad.out" ||
        fail "a digit was typed on the kiosk: $(grep '^mark' "$OUT/pinpad.out")"
    grep -q "カードよみとりきの ボタンで あんしょうばんごう" "$OUT/pinpad.speech" ||
        fail "the voice did not say to type on the reader"
    cat >"$OUT/pinpad-cancel.script" <<S
wait menu
key KP_5
wait card
card on
wait pin
sleep 2500
screenshot $OUT/pinpad-3-cancelled.png
key KP_1 KP_2 KP_3 KP_4
key KP_Enter
wait question 20000
S
    xrun "$OUT/pinpad-cancel.script" --virtual-card "$PROFILES/yoshida-taro.json" \
        --pdf-dir "$OUT/pdf" --virtual-pinpad cancel >"$OUT/pinpad-cancel.out" \
        2>"$OUT/pinpad-cancel.log" || fail "cancel: $(tail -3 "$OUT/pinpad-cancel.log")"
    ;;
nodisplay)
    env -u DISPLAY -u WAYLAND_DISPLAY GDK_BACKEND=x11 "$KIOSK" --virtual-card \
        "$PROFILES/yoshida-taro.json" --templates "$TEMPLATES" --pdf-dir "$OUT/pdf" \
        >"$OUT/nodisplay.out" 2>"$OUT/nodisplay.err" || fail "exit status $?"
    grep -q "no display" "$OUT/nodisplay.err" || fail "did not say there is no display"
    [ "$(ls "$OUT"/pdf/sample-*.pdf | wc -l)" -eq "$nproc_" ] || fail "missing sample PDFs"
    ;;
*)
    echo "run-gui: unknown case $case_name" >&2
    exit 2
    ;;
esac
echo "run-gui $case_name: ok ($OUT)"
