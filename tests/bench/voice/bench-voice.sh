#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# bench-voice.sh — voice guidance and keypad figures, one run.
#
#   bench-voice.sh KIOSK SRCDIR OUTDIR
#
# 1. screen → speech: for every announcement and spoken focus change of a 住民票 request made by
#    keypad, the time from the kiosk asking the voice to speak (in the same main-loop turn that
#    shows the screen) to the first sample handed to the sound output; mean and max against
#    the 300 ms goal. The output is a WAV file: a sound card adds its own buffer (the ALSA sink
#    asks for 100 ms) on top.
# 2. keys: key presses for the request by keypad, against the touches for it by touch (the
#    same script runner counts both).
# 3. memory: peak RSS (VmHWM) of the whole request with the voice on against off.
set -eu
KIOSK=$1 SRC=$2 OUT=$3/bench
TEMPLATES=${KAKANAI_TEMPLATES:-$SRC/templates}
PROFILE=$SRC/tests/profiles/yoshida-taro.json
rm -rf "$OUT" && mkdir -p "$OUT/pdf"
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_A11Y=none LANGUAGE=ja

disp=:$((90 + RANDOM % 100))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
cleanup() { kill "$xpid" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1
export DISPLAY=$disp

keypad_script() { # the request by keypad; voice-stats at the end
    cat <<S
wait menu
wait-voice
mark start
key KP_5
wait card
wait-voice
card on
wait pin
wait-voice
key KP_1 KP_2 KP_3 KP_4
wait-voice
key KP_Enter
wait question 20000
wait-voice
key KP_2
wait-voice
key KP_5
sleep 300
wait question 5000
wait-voice
key KP_5
wait confirm 30000
wait-voice
key KP_Enter
wait done 30000
mark accepted
wait-voice
voice-stats request
rss
S
}
touch_script() {
    cat <<S
wait menu
mark start
procedure juminhyo
wait card
card on
wait pin
pin 1234
submit
wait question 20000
choose self
sleep 300
choose work
wait confirm 30000
print
wait done 30000
mark accepted
rss
S
}
run() { # NAME SCRIPT-FN [kiosk args]
    local name=$1 fn=$2; shift 2
    $fn >"$OUT/$name.script"
    timeout 120 "$KIOSK" --templates "$TEMPLATES" --virtual-card "$PROFILE" \
        --pdf-dir "$OUT/pdf" --script "$OUT/$name.script" "$@" >"$OUT/$name.out" \
        2>"$OUT/$name.log" || { echo "bench-voice: $name failed: $(tail -3 "$OUT/$name.log")"; exit 1; }
}
field() { # FILE LINE-PREFIX KEY
    awk -v p="$2" -v k="$3=" 'index($0, p) == 1 { for (i = 1; i <= NF; i++) if (index($i, k) == 1) print substr($i, length(k) + 1) }' "$1" | tail -1
}

run keypad-voice keypad_script --speech-wav "$OUT/voice.wav" --speech-log "$OUT/voice.speech"
run keypad-novoice keypad_script --no-voice
run touch touch_script --no-voice

mean=$(field "$OUT/keypad-voice.out" "voice request" mean_latency_ms)
max=$(field "$OUT/keypad-voice.out" "voice request" max_latency_ms)
n=$(field "$OUT/keypad-voice.out" "voice request" measured)
keys=$(field "$OUT/keypad-voice.out" "mark accepted" keypresses)
touches=$(field "$OUT/touch.out" "mark accepted" touches)
rss_on=$(awk '$1 == "rss-peak-kb" {print $2}' "$OUT/keypad-voice.out")
rss_off=$(awk '$1 == "rss-peak-kb" {print $2}' "$OUT/keypad-novoice.out")
echo "bench-voice (one run, $(nproc) cores; espeak-ng $(pkg-config --modversion espeak-ng 2>/dev/null || echo ?))"
printf '  screen → speech start: mean %s ms, max %s ms over %s announcements; goal 300 ms (max/goal %.2f)\n' \
    "$mean" "$max" "$n" "$(awk -v a="$max" 'BEGIN {print a / 300}')"
printf '  住民票 by keypad: %s key presses; by touch: %s touches (ratio %.2f)\n' \
    "$keys" "$touches" "$(awk -v a="$keys" -v b="$touches" 'BEGIN {print a / b}')"
printf '  peak RSS of the request: voice on %s kB, off %s kB (on/off %.2f, +%s kB)\n' \
    "$rss_on" "$rss_off" "$(awk -v a="$rss_on" -v b="$rss_off" 'BEGIN {print a / b}')" "$((rss_on - rss_off))"
