#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# bench-kiosk.sh — kakanai-kiosk figures against a web kiosk (Debian chromium --headless).
#
#   bench-kiosk.sh KIOSK SRCDIR OUTDIR
#
# 1. start to the first interactive frame (the menu painted), median of 5, wall clock from
#    exec to the first frame (the kiosk prints its frame time); then the same with the page
#    cache dropped before each run (root only), chromium likewise
# 2. a 住民票 request: resident touches and seconds of processing (card read, render, job
#    accepted) from "procedure chosen" to "print job accepted" (PDF written in --pdf-dir)
# 3. peak memory: VmHWM of the kiosk during the whole request; PSS of every process
# 4. chromium --headless showing an equivalent static menu page: time to its screenshot and
#    peak PSS/RSS summed over its process tree, measured in the same run; ratios printed.
set -eu
KIOSK=$1 SRC=$2 OUT=$3/bench
TEMPLATES=${KAKANAI_TEMPLATES:-$SRC/templates}
PROFILE=$SRC/tests/profiles/yoshida-taro.json
rm -rf "$OUT" && mkdir -p "$OUT/pdf"
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11 GTK_A11Y=none LANGUAGE=ja
export KAKANAI_SCRIPT_STEP_MS=5

# One private X server for every run (its start-up is not the kiosk's).
disp=:$((90 + RANDOM % 100))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
cleanup() { kill "$xpid" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1
export DISPLAY=$disp

ms_now() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Sum of PSS and RSS (kB) over a process and its descendants.
tree_mem() {
    local pids
    pids=$(ps -e -o pid=,ppid= | awk -v root="$1" '{ parent[$1] = $2 } END {
        for (p in parent) { q = p; while (q != "" && q != 0 && q != 1) { if (q == root) { print p; break } q = parent[q] } } }')
    local pss=0 rss=0 p v
    for p in $pids; do
        v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
        pss=$((pss + ${v:-0}))
        v=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
        rss=$((rss + ${v:-0}))
    done
    echo "$pss $rss"
}
# Sample a process tree every 50 ms while it lives; print peak PSS and peak RSS (kB).
sample_peak() {
    local pid=$1 peak_pss=0 peak_rss=0 m
    while kill -0 "$pid" 2>/dev/null; do
        m=$(tree_mem "$pid")
        [ "${m% *}" -gt "$peak_pss" ] && peak_pss=${m% *}
        [ "${m#* }" -gt "$peak_rss" ] && peak_rss=${m#* }
        sleep 0.05
    done
    echo "$peak_pss $peak_rss"
}

# ---- 1. start ----------------------------------------------------------------------------------
printf 'wait menu\nquit\n' >"$OUT/start.script"
# The page cache dropped before a run: a kiosk's first start after boot (libraries, fonts and
# templates read from disk). Needs root; chromium is measured the same way below.
can_drop=0
drop_caches() { sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; }
[ "$(id -u)" = 0 ] && [ -w /proc/sys/vm/drop_caches ] && can_drop=1
# kiosk_start OUT [cold]: one start to the menu; prints "ms-since-main exec-to-exit exec-to-frame"
kiosk_start() {
    [ "${2:-}" = cold ] && drop_caches
    local t0 t1
    t0=$(ms_now)
    KAKANAI_KIOSK_TIMING=1 "$KIOSK" --templates "$TEMPLATES" --virtual-card "$PROFILE" \
        --pdf-dir "$OUT/pdf" --script "$OUT/start.script" >"$1" 2>/dev/null
    t1=$(ms_now)
    echo "$(awk '/first-frame-ms/ {print $2}' "$1") $((t1 - t0))" \
        "$(($(awk '/first-frame-epoch-ms/ {print $2}' "$1") - t0))"
}
: >"$OUT/start.txt"
for i in 1 2 3 4 5; do kiosk_start "$OUT/start-$i.out" >>"$OUT/start.txt"; done
kiosk_first=$(cut -d' ' -f1 "$OUT/start.txt" | median)
kiosk_wall=$(cut -d' ' -f2 "$OUT/start.txt" | median)
kiosk_exec_frame=$(cut -d' ' -f3 "$OUT/start.txt" | median)
if [ $can_drop = 1 ]; then
    : >"$OUT/cold.txt"
    for i in 1 2 3; do kiosk_start "$OUT/cold-$i.out" cold >>"$OUT/cold.txt"; done
    cold_wall=$(cut -d' ' -f2 "$OUT/cold.txt" | median)
    cold_frame=$(cut -d' ' -f3 "$OUT/cold.txt" | median)
fi

# ---- 2 + 3. a 住民票 request --------------------------------------------------------------------
"$KIOSK" --list-procedures --templates "$TEMPLATES" >"$OUT/procedures.txt"
idx=$(awk -F'\t' '$1 ~ /juminhyo|jumin/ {print NR-1; exit}' "$OUT/procedures.txt")
idx=${idx:-0}
cat >"$OUT/request.script" <<S
wait menu
procedure-index $idx
mark chosen
wait card
card on
wait pin
pin 1234
mark submit
submit
wait question,preparing,confirm 20000
mark read
answer-questions
mark answered
wait confirm 30000
mark rendered
print
mark print
wait done 30000
mark accepted
rss
finish
wait menu
S
"$KIOSK" --templates "$TEMPLATES" --virtual-card "$PROFILE" --pdf-dir "$OUT/pdf" \
    --script "$OUT/request.script" >"$OUT/request.out" 2>"$OUT/request.err" &
kpid=$!
kmem=$(sample_peak $kpid)
wait $kpid
m() { awk -v n="$1" -v f="$2" '$1 == "mark" && $2 == n { for (i = 3; i <= NF; i++) { split($i, kv, "="); if (f == "now" && i == 3) print $i; else if (kv[1] == f) print kv[2] } }' "$OUT/request.out"; }
touches=$(( $(m accepted touches) - $(m chosen touches) + 1 ))
keys=$(( $(m accepted keys) - $(m chosen keys) ))
decisions=$((touches - keys))
read_s=$(awk -v a="$(m read touched)" -v b="$(m read shown)" 'BEGIN {printf "%.3f", (b - a) / 1000}')
render_s=$(awk -v a="$(m answered touched)" -v b="$(m rendered shown)" 'BEGIN {printf "%.3f", (b - a) / 1000}')
print_s=$(awk -v a="$(m accepted touched)" -v b="$(m accepted shown)" 'BEGIN {printf "%.3f", (b - a) / 1000}')
proc_s=$(awk -v a="$read_s" -v b="$render_s" -v c="$print_s" 'BEGIN {printf "%.3f", a + b + c}')
wall_s=$(awk -v a="$(m chosen now)" -v b="$(m accepted shown)" 'BEGIN {printf "%.2f", (b - a) / 1000}')
hwm=$(awk '/rss-peak-kb/ {print $2}' "$OUT/request.out")

# ---- 4. chromium --headless, same machine, same run ------------------------------------------
if ! command -v chromium >/dev/null; then
    echo "bench-kiosk: installing chromium (Debian) for the comparison…"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium \
        >/dev/null 2>&1 || true
fi
cat >"$OUT/menu.html" <<'H'
<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>kakanai</title><style>
body{margin:0;font:28px sans-serif;background:#fff;color:#000}
header{background:#0b2e6b;color:#fff;padding:16px 24px;font-weight:bold;font-size:32px}
h1{text-align:center;font-size:44px}.g{display:grid;grid-template-columns:1fr 1fr;gap:24px;padding:0 48px}
button{min-height:160px;font-size:38px;border:3px solid #0b2e6b;border-radius:12px;background:#fff}
footer{position:fixed;bottom:0;width:100%;background:#f2f2f2;padding:16px;text-align:center}
</style></head><body><header>書かない窓口 — 市役所</header><h1>ご用件を えらんでください</h1>
<p style="text-align:center">ボタンに さわってください。字を 書く必要は ありません。</p>
<div class="g"><button>住民票の写し<br><small>住所を証明する書類です</small></button>
<button>印鑑登録証明書</button><button>転居届</button><button>戸籍証明書</button></div>
<footer>おわると、入力した内容は すぐに消去されます。</footer></body></html>
H
chrome_ok=0
if command -v chromium >/dev/null; then
    flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
           --disable-component-update --disable-sync --no-first-run)
    # chrome_start PNG [cold]: one start to its screenshot; prints exec-to-exit ms
    chrome_start() {
        local prof t0 t1
        prof=$(mktemp -d)
        [ "${2:-}" = cold ] && drop_caches
        t0=$(ms_now)
        chromium "${flags[@]}" --user-data-dir="$prof" --window-size=1920,1080 \
            --screenshot="$1" "file://$OUT/menu.html" >/dev/null 2>&1 || true
        t1=$(ms_now)
        rm -rf "$prof"
        echo $((t1 - t0))
    }
    : >"$OUT/chrome-start.txt"
    for i in 1 2 3 4 5; do chrome_start "$OUT/chrome-$i.png" >>"$OUT/chrome-start.txt"; done
    chrome_first=$(median <"$OUT/chrome-start.txt")
    if [ $can_drop = 1 ]; then
        : >"$OUT/chrome-cold.txt"
        for i in 1 2 3; do chrome_start "$OUT/chrome-cold-$i.png" cold >>"$OUT/chrome-cold.txt"; done
        chrome_cold=$(median <"$OUT/chrome-cold.txt")
    fi
    # Memory: the page kept open (as a kiosk would), sampled for 4 s.
    prof=$(mktemp -d)
    chromium "${flags[@]}" --user-data-dir="$prof" --window-size=1920,1080 \
        --remote-debugging-port=0 "file://$OUT/menu.html" >/dev/null 2>&1 &
    cpid=$!
    ( sleep 4; kill $cpid 2>/dev/null ) &
    cmem=$(sample_peak $cpid)
    wait $cpid 2>/dev/null || true
    rm -rf "$prof"
    chrome_ok=1
fi

# ---- figures ------------------------------------------------------------------------------------
echo
echo "== bench-kiosk ($(nproc) cores, Xvfb, GSK_RENDERER=cairo) =="
echo "start to first interactive frame (median of 5, page cache warm): ${kiosk_exec_frame} ms from exec (${kiosk_first} ms since main()); exec to exit after that frame: ${kiosk_wall} ms"
if [ $can_drop = 1 ]; then
    echo "cold start, page cache dropped before each run (median of 3): first frame ${cold_frame} ms from exec; exec to exit ${cold_wall} ms"
else
    echo "cold start with the page cache dropped: not measured (needs root)"
fi
echo "住民票 request: $touches touches from procedure chosen to print job accepted: $keys keys typed (PIN digits, kana) + $decisions other taps (goal <= 9 touches)"
echo "  processing: ${proc_s} s (card verify+read ${read_s} s, render+preview ${render_s} s, job accepted ${print_s} s); wall with scripted taps ${wall_s} s"
echo "peak memory: VmHWM ${hwm} kB; sampled peak PSS ${kmem% *} kB, RSS ${kmem#* } kB"
if [ $chrome_ok = 1 ]; then
    echo "chromium --headless static menu page: exec to exit after its screenshot ${chrome_first} ms (median of 5); peak PSS ${cmem% *} kB, RSS ${cmem#* } kB (all processes)"
    [ $can_drop = 1 ] && echo "chromium, page cache dropped before each run (median of 3): exec to exit ${chrome_cold} ms; ratio kiosk/chromium $(awk -v a="$cold_wall" -v b="$chrome_cold" 'BEGIN {printf "%.2f", a / b}')"
    awk -v a="$kiosk_wall" -v b="$chrome_first" -v kp="${kmem% *}" -v cp="${cmem% *}" \
        -v kr="${kmem#* }" -v cr="${cmem#* }" 'BEGIN {
        printf "ratios kiosk/chromium: start (exec to exit) %.2f, PSS %.2f, RSS %.2f (goal: start < 500 ms, memory < 0.25)\n",
            a / b, kp / cp, kr / cr }'
else
    echo "chromium not available: no comparison"
fi
