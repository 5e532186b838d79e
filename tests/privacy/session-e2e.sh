#!/bin/bash
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# session-e2e.sh — whole kiosk sessions on the real parts, then proof that nothing personal is left.
#
#   session-e2e.sh canary     a resident's session (PIN, questions, print), then scan everything
#   session-e2e.sh printed    the review's exact case: the shortest printed 住民票 session, 「おわる」,
#                             then scan at the menu (kiosk: every mapping, per class; cupsd;
#                             the spool, logs, /tmp, HOME)
#   session-e2e.sh process    the kiosk is not dumpable, locks its secrets, logs nothing personal
#   session-e2e.sh faults     card pulled at every screen and APDU, pcscd killed, reader gone,
#                             printer faults, the next resident after a printer failure,
#                             templates changed under the kiosk
#
# The parts: a private pcscd with vpcd (tests/lib/with-pcscd.sh) and kakanai-vcard holding the
# canary resident (tests/privacy/profiles/canary.json); a private cupsd with cups-pdf and the
# fault queue (tests/lib/with-cupsd.sh); kakanai-kiosk under Xvfb (GSK_RENDERER=cairo) driven by
# its --script, at its most verbose (G_MESSAGES_DEBUG=all), with HOME and the XDG folders in
# the test's own folder. Everything runs in a private mount namespace whose /tmp is a fresh
# tmpfs, so "every file under /tmp" means the files this session wrote, and other developers'
# files are never read.
#
# Environment (set by tests/privacy/CMakeLists.txt): KAKANAI_SCAN KAKANAI_KIOSK KAKANAI_VCARD
# KAKANAI_SRC KAKANAI_CANARIES KAKANAI_PROFILE; optional KAKANAI_E2E_OUT (results folder, outside
# /tmp; default ./privacy-e2e-MODE) and KAKANAI_E2E_PROCEDURE (procedure id to use).
# Exit: 0 pass, 1 fail, 77 skipped (not root, or a part missing).
set -u
mode=${1:-canary}

# ---- outer: checks, then a private /tmp -----------------------------------------------------
if [ "${KAKANAI_E2E_STAGE:-}" = "" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "session-e2e: needs root (namespaces, pcscd, cupsd, other processes' memory)" >&2
        exit 77
    fi
    for v in KAKANAI_SCAN KAKANAI_KIOSK KAKANAI_VCARD KAKANAI_SRC KAKANAI_CANARIES KAKANAI_PROFILE; do
        if [ -z "${!v:-}" ] || [ ! -e "${!v}" ]; then
            echo "session-e2e: $v is not set or missing" >&2
            exit 77
        fi
    done
    for p in xvfb-run Xvfb pcscd cupsd; do
        command -v "$p" >/dev/null 2>&1 || [ -x "/usr/sbin/$p" ] || {
            echo "session-e2e: $p missing" >&2
            exit 77
        }
    done
    [ -d "$KAKANAI_SRC/templates" ] || { echo "session-e2e: no templates yet" >&2; exit 77; }
    for f in with-pcscd.sh with-cupsd.sh; do
        [ -x "$KAKANAI_SRC/tests/lib/$f" ] || { echo "session-e2e: tests/lib/$f missing" >&2; exit 77; }
    done
    out=${KAKANAI_E2E_OUT:-$PWD/privacy-e2e-$mode}
    rm -rf "$out"
    mkdir -p "$out"
    export KAKANAI_E2E_OUT=$out KAKANAI_E2E_STAGE=ns
    exec unshare --mount --propagation private "$0" "$@"
fi

if [ "$KAKANAI_E2E_STAGE" = ns ]; then
    # A fresh /tmp; the test's own folders stay reachable when the checkout lives under /tmp.
    . "$KAKANAI_SRC/tests/lib/private-tmp.sh"
    kakanai_private_tmp "$KAKANAI_SRC" "$(dirname "$(dirname "$KAKANAI_KIOSK")")" \
        "$(dirname "$KAKANAI_SCAN")" "$(dirname "$KAKANAI_VCARD")" "$KAKANAI_E2E_OUT" || exit 1
    export KAKANAI_E2E_STAGE=inner
    "$KAKANAI_SRC/tests/lib/with-pcscd.sh" "$KAKANAI_SRC/tests/lib/with-cupsd.sh" "$0" "$@"
    exit $?
fi

# ---- inner: pcscd, cupsd, private /tmp are up ----------------------------------------------
out=$KAKANAI_E2E_OUT
src=$KAKANAI_SRC
work=$(mktemp -d /tmp/kakanai-e2e.XXXXXX)
chmod 0755 "$work"
mkdir -p "$work/home" "$work/home/.config" "$work/home/.cache" "$work/home/.local/share" \
    "$work/home/.local/state" "$work/run" "$work/templates"
chmod 0700 "$work/run"
cp -a "$src/templates/." "$work/templates/"
# Assembled scripts hold what the resident types (canaries): kept outside /tmp, in $out.
sdir=$out/scripts
mkdir -p "$sdir"
fail=0
vpid= kpid= xpid=
# Whatever ends the test (ctest's timeout or interrupt too), nothing of it stays running.
cleanup() {
    [ -n "${kpid:-}" ] && kill -KILL "$kpid" 2>/dev/null
    [ -n "${xpid:-}" ] && kill -TERM "$xpid" 2>/dev/null
    [ -n "${vpid:-}" ] && kill -TERM "$vpid" 2>/dev/null
    for p in $(pgrep -f -- "$work/" 2>/dev/null); do [ "$p" != $$ ] && kill -KILL "$p" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { echo "session-e2e: $*"; }
bad() { echo "session-e2e: FAIL: $*"; fail=1; }

cat >"$work/kiosk.conf" <<CONF
[kiosk]
reader-filter=Virtual PCD 00 00
printer=kakanai-pdf
idle-timeout=900
template-dir=$work/templates
CONF

start_vcard() { # [PROFILE]
    echo "$(date +%s%3N) start_vcard $(basename "${1:-$KAKANAI_PROFILE}")" >>"$work/vcard.log"
    "$KAKANAI_VCARD" --profile "${1:-$KAKANAI_PROFILE}" --port "$KAKANAI_VPCD_PORT" \
        --stats "$work/vcard-stats.json" 2>>"$work/vcard.log" &
    vpid=$!
    export KAKANAI_VCARD_PID=$vpid
    sleep 0.3
}
stop_vcard() {
    [ -n "$vpid" ] || return 0
    kill -TERM "$vpid" 2>/dev/null
    wait "$vpid" 2>/dev/null
    vpid=
}

# Every log line gets the wall-clock ms it was written at (the kiosk's own log has no time).
stamp() { perl -MTime::HiRes=time -ne '$| = 1; printf "%d %s", time * 1000, $_'; }

# start_kiosk SCRIPT: the kiosk under Xvfb, most verbose, HOME/XDG in $work/home.
start_kiosk() {
    : >"$work/kiosk.out"
    env HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" \
        XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state" \
        XDG_RUNTIME_DIR="$work/run" G_MESSAGES_DEBUG=all GSK_RENDERER=cairo \
        GDK_DEBUG= NO_AT_BRIDGE=1 LANG=C.UTF-8 \
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0:malloc_context_size=40" \
        xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
        "$KAKANAI_KIOSK" --config "$work/kiosk.conf" --templates "$work/templates" \
        --printer "${KIOSK_PRINTER:-kakanai-pdf}" --script "$1" >>"$work/kiosk.out" \
        2> >(stamp >>"$work/kiosk.log") &
    xpid=$!
    kpid=
    for _ in $(seq 200); do
        for p in $(pgrep -f -- "$work/kiosk.conf" 2>/dev/null); do
            [ "$(cat /proc/$p/comm 2>/dev/null)" = kakanai-kiosk ] && kpid=$p
        done
        [ -n "$kpid" ] && break
        sleep 0.05
    done
    [ -n "$kpid" ] || { bad "the kiosk did not start"; tail -20 "$work/kiosk.log"; return 1; }
}
stop_kiosk() {
    [ -n "$kpid" ] && kill -TERM "$kpid" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$xpid" 2>/dev/null || break; sleep 0.05; done
    [ -n "$kpid" ] && kill -KILL "$kpid" 2>/dev/null
    wait "$xpid" 2>/dev/null
    kpid= xpid=
}
# wait_mark NAME [SECONDS]: until the script printed "mark NAME"; echoes its ms.
wait_mark() {
    local n=$(( ${2:-60} * 50 ))
    for _ in $(seq "$n"); do
        local l
        l=$(grep -m1 "^mark $1 " "$work/kiosk.out" 2>/dev/null) && { echo "$l" | awk '{print $3}'; return 0; }
        if [ -n "$kpid" ] && ! kill -0 "$kpid" 2>/dev/null; then return 1; fi
        sleep 0.02
    done
    return 1
}
xvfb_pid() { pgrep -P "$xpid" -x Xvfb 2>/dev/null | head -n1; }

# scan LABEL: every place the session could have left something (see the header)
scan() {
    local label=$1 args=()
    args+=(-C "$KAKANAI_CANARIES" -p "$kpid" -p "$KAKANAI_CUPSD_PID")
    # pcscd (Debian's, with the vsmartcard-vpcd driver) keeps the last card response in a freed
    # driver buffer until the next exchange overwrites it (measured: the four attributes of
    # the last read). That is outside kakanai: noted unless KAKANAI_E2E_STRICT_PCSCD=1.
    if [ "${KAKANAI_E2E_STRICT_PCSCD:-0}" = 1 ]; then
        args+=(-p "$KAKANAI_PCSCD_PID")
    else
        args+=(-P "$KAKANAI_PCSCD_PID")
    fi
    local x; x=$(xvfb_pid); [ -n "$x" ] && args+=(-p "$x")
    [ -n "$vpid" ] && args+=(-P "$vpid") # the virtual card IS the card: noted, allowed
    args+=(-d /tmp -x "$KAKANAI_PDF_OUT" -x "$KAKANAI_CUPS_DIR/fault-paper")
    # the test's own folders bound back into /tmp (a checkout under /tmp): not the session's files
    local kept
    while IFS= read -r kept; do [ -n "$kept" ] && args+=(-x "$kept"); done <<EOF_KEPT
${KAKANAI_KEPT_TMP:-}
EOF_KEPT
    for d in /var/log /var/spool/cups /var/cache/cups /run/cups; do [ -d "$d" ] && args+=(-d "$d"); done
    local t0
    t0=$(date +%s%3N)
    "$KAKANAI_SCAN" -A 48 "${args[@]}" >"$out/scan-$label.txt" 2>"$out/scan-$label.err"
    local rc=$?
    local ms=$(( $(date +%s%3N) - t0 ))
    local hits notes
    hits=$(grep -a -c '^HIT' "$out/scan-$label.txt")
    notes=$(grep -a -c '^NOTE' "$out/scan-$label.txt")
    local pn
    pn=$(grep -a '^NOTE' "$out/scan-$label.txt" | grep -a -c '(pcscd)')
    log "scan $label: exit $rc, hits $hits, notes $notes (pcscd $pn, virtual card $((notes - pn))) in $ms ms; $(tail -n1 "$out/scan-$label.err")"
    # the kiosk's and cupsd's memory per class of mapping (mappings, read, bytes, hits)
    grep -a -E "^kakanai-scan: pid ($kpid|$KAKANAI_CUPSD_PID) " "$out/scan-$label.err" |
        sed 's/^kakanai-scan: /session-e2e:   /'
    if [ -n "$kpid" ]; then
        # every mapping of the kiosk was classified; its stacks were among those read
        local stacks
        stacks=$(awk -v p="$kpid" '$2 == "pid" && $3 == p && $5 == "class" &&
            ($6 == "stack" || $6 == "thread-stack" || $6 == "cached-stack") { n += $10 } END { print n + 0 }' \
            "$out/scan-$label.err")
        [ "$stacks" -ge 2 ] || bad "scan $label: the kiosk's thread stacks were not read ($stacks stack mappings read)"
    fi
    if [ "$rc" -ne 0 ]; then
        bad "scan $label found personal data or could not read a source:"
        grep -a -A1 '^HIT' "$out/scan-$label.txt" | head -40
        # an ASan kiosk can say where each copy was allocated (and freed): ask it for the first few
        if [ -n "$kpid" ] && { grep -q libasan "/proc/$kpid/maps" 2>/dev/null ||
            nm "$KAKANAI_KIOSK" 2>/dev/null | grep -q __asan_describe_address; }; then
            local a gargs=()
            for a in $(grep -a "^HIT.*($(cat /proc/$kpid/comm 2>/dev/null))" "$out/scan-$label.txt" |
                sed -n 's/.* at \(0x[0-9a-f]*\)$/\1/p' | head -n 4); do
                gargs+=(-ex "call (void)__asan_describe_address($a)")
            done
            if [ ${#gargs[@]} -gt 0 ]; then
                local before
                before=$(wc -l <"$work/kiosk.log")
                gdb -p "$kpid" -batch -nx "${gargs[@]}" >/dev/null 2>&1
                sleep 0.5
                tail -n +"$((before + 1))" "$work/kiosk.log" >"$out/asan-describe-$label.txt"
                log "where the kiosk's copies were allocated and freed: $out/asan-describe-$label.txt"
            fi
        fi
        grep -v '^kakanai-scan: note' "$out/scan-$label.err" | head -5
    fi
}

save_logs() {
    cp "$work/kiosk.log" "$out/kiosk-$1.log" 2>/dev/null
    cp "$work/kiosk.out" "$out/kiosk-$1.out" 2>/dev/null
    cp "$work/vcard.log" "$out/vcard-$1.log" 2>/dev/null
}

procedure=${KAKANAI_E2E_PROCEDURE:-}
if [ -z "$procedure" ]; then
    # the first procedure id of the shipped templates whose session script exists
    for f in "$src"/tests/privacy/scripts/session-*.txt; do
        [ -f "$f" ] || continue
        procedure=$(basename "$f" .txt)
        procedure=${procedure#session-}
        break
    done
fi
session_script=$src/tests/privacy/scripts/session-$procedure.txt
[ -f "$session_script" ] || { echo "session-e2e: no session script for '$procedure'" >&2; exit 77; }

# A script = the session's steps + marks; the kiosk then idles (sleep) until stopped.
make_script() { # OUT PARTS...
    local o=$1; shift
    : >"$o"
    for p in "$@"; do
        case $p in
        @session) sed 's/^/    /' "$session_script" | sed 's/^ *//' >>"$o" ;;
        *) printf '%s\n' "$p" >>"$o" ;;
        esac
    done
}

case $mode in
printed)
    # The privacy review's exact case. The printed session is the shortest one a new user takes.
    session_script=$src/tests/privacy/scripts/printed-$procedure.txt
    [ -f "$session_script" ] || { echo "session-e2e: no printed-$procedure.txt" >&2; exit 77; }
    start_vcard
    make_script "$sdir/s.txt" "wait menu 20000" "mark start" @session \
        "mark done-screen" "finish" "wait menu 5000" "sleep 2000" "mark at-menu" "sleep 600000"
    start_kiosk "$sdir/s.txt" || exit 1
    if ! wait_mark at-menu 120 >/dev/null; then
        bad "the printed session did not come back to the menu"
        tail -n 30 "$work/kiosk.log"
    else
        npdf=$(find "$KAKANAI_PDF_OUT" -name '*.pdf' 2>/dev/null | wc -l)
        log "printed through cups-pdf: $npdf PDF(s); 「おわる」; at the menu: scan"
        [ "$npdf" -ge 1 ] || bad "nothing was printed"
        scan printed-menu
    fi
    save_logs "$mode"
    stop_kiosk
    stop_vcard
    ;;
canary | process)
    start_vcard
    make_script "$sdir/s.txt" "wait menu 20000" "mark start" @session \
        "mark done-screen" "sleep 8000" "finish" "wait menu 5000" "sleep 1000" \
        "mark at-menu" "sleep 600000"
    start_kiosk "$sdir/s.txt" || exit 1
    if ! wait_mark done-screen 90 >/dev/null; then
        bad "the session did not reach the done screen"
        tail -n 30 "$work/kiosk.log"
        save_logs "$mode"
        stop_kiosk
        stop_vcard
        exit 1
    fi
    ls "$KAKANAI_PDF_OUT" >"$out/printed.txt" 2>/dev/null
    if [ "$mode" = canary ]; then
        scan done-screen
    fi
    wait_mark at-menu 30 >/dev/null || bad "the kiosk did not come back to the menu"
    npdf=$(find "$KAKANAI_PDF_OUT" -name '*.pdf' 2>/dev/null | wc -l)
    log "printed through cups-pdf: $npdf PDF(s) in the output folder (the paper: excluded from the scan)"
    [ "$npdf" -ge 1 ] || bad "nothing was printed"
    cp "$KAKANAI_PDF_OUT"/*.pdf "$out/" 2>/dev/null # the paper, to look at (fictional resident)
    if [ "$mode" = canary ]; then
        scan menu
        # the printed paper holds the form by design: counted, not failed
        "$KAKANAI_SCAN" -q -C "$KAKANAI_CANARIES" -d "$KAKANAI_PDF_OUT" >"$out/scan-paper.txt" 2>/dev/null
        log "the printed PDF itself (excluded above): $(grep -c '^HIT' "$out/scan-paper.txt") canary hits (cups-pdf re-distills text into glyphs)"
    else
        # 7. process checks, on the kiosk at the menu after a session
        d=$(gdb -p "$kpid" -batch -nx -ex 'print (int)prctl(3, 0, 0, 0, 0)' 2>/dev/null |
            sed -n 's/^\$1 = //p')
        log "PR_GET_DUMPABLE of the kiosk: ${d:-?}"
        [ "$d" = 0 ] || bad "the kiosk is dumpable (PR_GET_DUMPABLE = ${d:-unknown})"
        lck=$(awk '/^VmLck:/ {print $2}' "/proc/$kpid/status")
        log "VmLck of the kiosk: ${lck:-?} kB"
        [ "${lck:-0}" -gt 0 ] || bad "the kiosk locks no memory (VmLck 0)"
        cd=$(cat "/proc/$kpid/coredump_filter" 2>/dev/null)
        log "coredump_filter: $cd"
        nlines=$(wc -l <"$work/kiosk.log")
        ndebug=$(grep -c -i 'debug' "$work/kiosk.log")
        log "kiosk log at G_MESSAGES_DEBUG=all: $nlines lines ($ndebug debug)"
        [ "$ndebug" -gt 0 ] || bad "the kiosk log shows no debug output: not at its most verbose"
        "$KAKANAI_SCAN" -C "$KAKANAI_CANARIES" -f "$work/kiosk.log" -f "$work/kiosk.out" \
            -f "$work/vcard.log" -f "$KAKANAI_PCSCD_LOG" -d "$KAKANAI_CUPS_LOGS" \
            >"$out/scan-logs.txt" 2>"$out/scan-logs.err"
        rc=$?
        log "logs scan: exit $rc, hits $(grep -c '^HIT' "$out/scan-logs.txt")"
        [ "$rc" -eq 0 ] || { bad "personal data in a log:"; head "$out/scan-logs.txt"; }
    fi
    save_logs "$mode"
    stop_kiosk
    stop_vcard
    ;;
faults)
    . "$src/tests/privacy/faults.inc.sh"
    run_faults
    ;;
*)
    echo "usage: session-e2e.sh canary|printed|process|faults" >&2
    exit 64
    ;;
esac
exit $fail
