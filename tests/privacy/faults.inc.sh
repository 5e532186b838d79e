# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# faults.inc.sh — fault injection cases for session-e2e.sh (sourced; uses its helpers).
#
# Each case drives the kiosk into a situation, injects one fault, and checks that the kiosk
# shows the right screen within 2 s, does not crash, and (at the end) that nothing personal is
# left anywhere (scan). Figures go to stdout and $out/faults.txt.
#
# Timing: the kiosk logs "state A -> B" with a wall-clock time (G_MESSAGES_DEBUG=all); the
# fault's time is taken just before injecting it. The bound is 2 s.

LIMIT_MS=2000

now_ms() { date +%s%3N; }
# state_time_ms STATE [AFTER_MS]: ms (wall clock) of the first "state X -> STATE" logged
# at or after AFTER_MS (log lines are stamped by session-e2e.sh's stamp()).
state_time_ms() {
    awk -v st="$1" -v after="${2:-0}" '$0 ~ ("state [A-Z_]+ -> " st "$") && $1 + 0 >= after + 0 { print $1; exit }' \
        "$work/kiosk.log"
}
screen_of_state() {
    case $1 in
    MENU) echo menu ;; CARD_WAIT) echo card ;; PIN) echo pin ;; CHECKCODE_B) echo checkcode ;;
    READING) echo reading ;; QUESTIONS) echo question ;; CONFIRM) echo confirm ;;
    PRINTING) echo printing ;; DONE) echo done ;; ERROR) echo error ;; STAFF_CALL) echo staff-call ;;
    *) echo "$1" ;;
    esac
}
last_state() { grep -a -o 'state [A-Z_]* -> [A-Z_]*$' "$work/kiosk.log" | tail -n1 | awk '{print $4}'; }

# check_reached NAME STATE T0: the kiosk logged "-> STATE" within LIMIT_MS of T0
check_reached() {
    local name=$1 st=$2 t0=$3 t1=""
    for _ in $(seq 150); do
        t1=$(state_time_ms "$st" "$t0")
        [ -n "$t1" ] && break
        sleep 0.02
    done
    if [ -z "$t1" ]; then
        bad "$name: never reached $(screen_of_state "$st") (last state $(last_state))"
        echo "$name: -> $st never (last $(last_state))" >>"$out/faults.txt"
        return 1
    fi
    local dt=$((t1 - t0))
    echo "$name: -> $(screen_of_state "$st") in $dt ms" | tee -a "$out/faults.txt"
    [ "$dt" -le "$LIMIT_MS" ] || bad "$name: $(screen_of_state "$st") after $dt ms (> $LIMIT_MS)"
}
kiosk_alive() {
    if [ -n "$kpid" ] && kill -0 "$kpid" 2>/dev/null; then return 0; fi
    bad "$1: the kiosk is gone (crash or script failure):"
    tail -n 15 "$work/kiosk.log"
    return 1
}

# A handshake instead of a guessed sleep: the script prints "mark NAME" and stops (its "run"
# blocks the kiosk's main loop) until the test has done its part and calls release NAME.
# A fixed sleep here raced with the test's own work (a scan can take 12 s on a busy machine,
# and the next resident then met the last one's card).
barrier() { # NAME
    printf 'mark %s\nrun i=0; while [ ! -e %s/go-%s ] && [ $i -lt 900 ]; do sleep 0.1; i=$((i+1)); done\n' \
        "$1" "$work" "$1"
}
release() { touch "$work/go-$1"; }
# A resident takes the card: pulled (the virtual card disconnects from vpcd), then its
# process ends. The next card goes on a second later, as at a real reader: a card process
# connecting while vpcd still holds the last one's connection is not seen (measured).
take_card() {
    [ -n "$vpid" ] || return 0
    kill -USR1 "$vpid" 2>/dev/null
    sleep 0.5
    stop_vcard
    sleep 1
}
# The session script cut after its k-th "wait" line (the k-th screen of the session).
session_prefix() {
    awk -v k="$1" '{ print } /^wait / { n++; if (n == k) exit }' "$session_script"
}
session_waits() { grep -c '^wait ' "$session_script"; }
wait_screen_at() { grep '^wait ' "$session_script" | sed -n "${1}p" | awk '{print $2}'; }

# ---- A. the card pulled at every screen of the session -------------------------------------
fault_pull_every_screen() {
    local n k scr
    n=$(session_waits)
    local s="$sdir/pull.txt"
    : >"$s"
    echo "wait menu 20000" >>"$s"
    for k in $(seq 1 "$n"); do
        scr=$(wait_screen_at "$k")
        session_prefix "$k" >>"$s"
        printf 'mark pull-%d\ncard pull\nsleep 2500\nmark after-%d\n' "$k" "$k" >>"$s"
        # card-holding screens end in the error screen: acknowledge it; after printing the
        # card may go (done): finish
        case $scr in
        printing | done) printf 'wait done 20000\nfinish\n' >>"$s" ;;
        menu) ;;
        *) printf 'ok\n' >>"$s" ;;
        esac
        printf 'wait menu 5000\nmark reinsert-%d\nsleep 1500\n' "$k" >>"$s"
    done
    echo "mark all-done" >>"$s"
    echo "sleep 600000" >>"$s"
    start_vcard
    start_kiosk "$s" || return
    for k in $(seq 1 "$n"); do
        scr=$(wait_screen_at "$k")
        wait_mark "pull-$k" 120 >/dev/null || { bad "pull at $scr: script stopped"; tail -n 5 "$work/kiosk.log"; break; }
        local t0
        t0=$(now_ms)
        case $scr in
        printing | done) ;; # nothing to reach: the job goes on, done follows
        menu | card) ;;
        *) check_reached "pull at $scr" ERROR "$t0" ;;
        esac
        wait_mark "reinsert-$k" 60 >/dev/null || { bad "pull at $scr: no way back to the menu"; break; }
        kill -USR2 "$vpid" 2>/dev/null
    done
    wait_mark all-done 60 >/dev/null && kiosk_alive "pull at every screen"
    scan after-pulls
    stop_kiosk
    stop_vcard
}

# ---- B. the card pulled after every APDU index (the card's remove_after_apdus fault) -------
fault_pull_every_apdu() {
    local max=${KAKANAI_E2E_MAX_APDUS:-24} n
    local s="$sdir/apdu.txt"
    { echo "wait menu 20000"; cat "$session_script"; echo "mark end"; echo "sleep 600000"; } >"$s"
    local crashes=0 slow=0 worst=0
    for n in $(seq 1 "$max"); do
        # the profile with the fault lives outside /tmp (it holds the canaries)
        sed "s/^{/{\n  \"faults\": {\"remove_after_apdus\": $n},/" "$KAKANAI_PROFILE" >"$out/profile-apdu.json"
        : >"$work/kiosk.log"
        start_vcard "$out/profile-apdu.json"
        start_kiosk "$s" || return
        # until the session is over: the end of the script, an end screen held for 0.7 s (the
        # script then waits in vain for its next screen), or the kiosk gone
        local t_end=$(( $(now_ms) + 60000 )) since=0 cur
        while [ "$(now_ms)" -lt "$t_end" ]; do
            grep -q '^mark end' "$work/kiosk.out" && break
            kill -0 "$kpid" 2>/dev/null || break
            cur=$(last_state)
            case $cur in
            ERROR | STAFF_CALL | MENU)
                if grep -a -q -- '-> CARD_WAIT' "$work/kiosk.log"; then
                    [ "$since" -eq 0 ] && since=$(now_ms)
                    [ $(( $(now_ms) - since )) -ge 700 ] && break
                fi
                ;;
            *) since=0 ;;
            esac
            sleep 0.05
        done
        local st ms dt
        st=$(last_state)
        # the pull happens when the card answered its n-th APDU: the stats file's mtime
        ms=$(date -r "$work/vcard-stats.json" +%s%3N 2>/dev/null || echo 0)
        local t1
        t1=$(state_time_ms "$st" "$ms")
        dt=$(( ${t1:-$ms} - ms ))
        # a pull after the last APDU leaves the session whole: done, nothing to time
        [ "$st" = DONE ] && dt=0
        [ "$dt" -gt "$worst" ] && worst=$dt
        kill -0 "$kpid" 2>/dev/null || { grep -a -q 'waited for\|failed' "$work/kiosk.log" || crashes=$((crashes + 1)); }
        echo "apdu $n: ended on $(screen_of_state "$st") ($dt ms after the pull)" | tee -a "$out/faults.txt"
        case $st in
        ERROR | STAFF_CALL | MENU | DONE) ;;
        *) bad "pull after APDU $n: ended on $(screen_of_state "$st")" ;;
        esac
        [ "$dt" -le "$LIMIT_MS" ] || slow=$((slow + 1))
        if grep -q '^mark end' "$work/kiosk.out"; then
            echo "apdu $n: the whole session fits in $n APDUs: stopping here" >>"$out/faults.txt"
            stop_kiosk
            stop_vcard
            break
        fi
        stop_kiosk
        stop_vcard
    done
    rm -f "$out/profile-apdu.json"
    log "pull after every APDU index 1..$n: crashes $crashes, over ${LIMIT_MS} ms $slow, worst $worst ms"
    [ "$crashes" -eq 0 ] || bad "the kiosk crashed $crashes times when the card went"
    [ "$slow" -eq 0 ] || bad "$slow APDU indexes took more than ${LIMIT_MS} ms to the final screen"
}

# ---- C/D. pcscd killed and restarted; the reader gone -----------------------------------------
restart_pcscd() { # [CONF]
    pcscd --foreground --config "${1:-$KAKANAI_PCSCD_CONF}" >>"$KAKANAI_PCSCD_LOG" 2>&1 &
    KAKANAI_PCSCD_PID=$!
    for _ in $(seq 100); do [ -S /run/pcscd/pcscd.comm ] && break; sleep 0.05; done
}
kill_pcscd() {
    kill -TERM "$KAKANAI_PCSCD_PID" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$KAKANAI_PCSCD_PID" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$KAKANAI_PCSCD_PID" 2>/dev/null
    wait "$KAKANAI_PCSCD_PID" 2>/dev/null
    rm -f /run/pcscd/pcscd.comm
}
fault_pcscd() {
    # The script and the test hand over with barriers (see barrier() below): every step of
    # the test (killing pcscd, starting it again, the card reconnecting) may take seconds on a
    # busy machine, and a script that only slept a guessed while went on before the test had
    # done its part (the kiosk then met a pcscd still dying or not yet up: the review's
    # "reader gone: the kiosk shows menu", once in two runs).
    local s="$sdir/pcscd.txt"
    {
        echo "wait menu 20000"
        session_prefix 1 # the first screen (the PIN)
        echo "mark kill-at-pin"
        echo "wait error 10000" # pcscd gone: the card is gone with it
        echo "ok"
        echo "wait menu 5000"
        barrier restart # the test starts pcscd again and the card reconnects
        session_prefix 1
        echo "mark recovered"
        echo "back"
        echo "wait menu 5000"
        barrier kill-at-menu # the test kills pcscd
        grep -m1 '^procedure ' "$session_script"
        echo "wait staff-call 10000"
        echo "mark waiting-no-service"
        echo "ok"
        echo "wait menu 5000"
        barrier reader-gone # the test starts a pcscd without the vpcd driver
        grep -m1 '^procedure ' "$session_script"
        echo "sleep 2500"
        # the kiosk itself says which screen it shows: the card screen (no reader, its status
        # line says so) or the counter screen; anything else stops the script here
        echo "wait card,staff-call 1000"
        echo "mark no-reader"
        echo "back"
        echo "wait menu 5000"
        barrier reader-back # the test starts pcscd with the reader again
        grep -m1 '^procedure ' "$session_script"
        echo "wait pin 15000"
        echo "mark pin-again"
        echo "back"
        echo "wait menu 5000"
        echo "mark end"
        echo "sleep 600000"
    } >"$s"
    start_vcard
    start_kiosk "$s" || return
    wait_mark kill-at-pin 60 >/dev/null || { bad "pcscd: never reached the PIN screen"; return; }
    local t0
    t0=$(now_ms)
    kill_pcscd
    check_reached "pcscd killed at the PIN screen" ERROR "$t0"
    wait_mark restart 20 >/dev/null || bad "pcscd: no way back to the menu"
    restart_pcscd
    # the virtual card reconnects to vpcd by itself, or is started again
    sleep 1
    kill -0 "$vpid" 2>/dev/null || start_vcard
    release restart
    if wait_mark recovered 30 >/dev/null; then
        log "pcscd restarted: the next session reached the PIN screen"
    else
        bad "pcscd restarted: the next session did not reach the PIN screen"
    fi
    wait_mark kill-at-menu 20 >/dev/null
    kill_pcscd
    t0=$(now_ms)
    release kill-at-menu
    check_reached "pcscd gone, a resident starts" STAFF_CALL "$t0"
    wait_mark reader-gone 20 >/dev/null
    # pcscd without the vpcd driver: no reader at all (the reader unplugged). The kiosk
    # shows the card screen, waiting for a reader (its status line says so).
    kill_pcscd
    mkdir -p "$work/empty-conf"
    restart_pcscd "$work/empty-conf"
    release reader-gone
    # The screen is checked by the script (its "wait"), not read back from kiosk.log: that
    # log reaches its file through the time-stamping pipe, which on a loaded machine (load 16
    # on 2 cores, measured) can lag the script's own output by seconds — the test then read
    # the state before the resident's touch ("the kiosk shows menu") although the kiosk was
    # on the card screen.
    if wait_mark no-reader 20 >/dev/null; then
        echo "reader gone, a resident starts: on the card or counter screen after 2.5 s (the script's check)" |
            tee -a "$out/faults.txt"
    else
        bad "reader gone: the kiosk was on neither the card nor the counter screen 2.5 s after the resident's touch:"
        grep -a '^script:' "$work/kiosk.log" | tail -n 2
    fi
    wait_mark reader-back 20 >/dev/null
    kill_pcscd
    restart_pcscd
    sleep 1
    kill -0 "$vpid" 2>/dev/null || start_vcard
    release reader-back
    if wait_mark pin-again 30 >/dev/null; then
        log "reader back: the next session reached the PIN screen"
    else
        bad "reader back: the next session did not reach the PIN screen"
        tail -n 5 "$work/kiosk.log"
    fi
    wait_mark end 20 >/dev/null && kiosk_alive "pcscd and reader faults"
    scan after-pcscd
    stop_kiosk
    stop_vcard
}

# ---- E. printer faults: out of paper, stopped, removed mid-job --------------------------------
# The kiosk prints to with-cupsd.sh's fault queue; the fault is set before the print (paper,
# stop) or injected while the job runs (the queue deleted). Right screen: print-problem (the
# resident may cancel, which wipes and goes back to the menu).
event_time_ms() { # EVENT AFTER_MS: ms of the first "event EVENT taken" logged at or after
    awk -v ev="$1" -v after="$2" '$0 ~ ("event " ev " taken") && $1 + 0 >= after + 0 { print $1; exit }' \
        "$work/kiosk.log"
}
fault_printer() {
    local s="$sdir/printer.txt" i
    KIOSK_PRINTER=kakanai-fault
    {
        echo "wait menu 20000"
        for i in paper stop removed; do
            barrier "before-$i" # the test sets the fault before the resident starts
            awk '{print} /^print$/ {exit}' "$session_script"
            echo "mark printing-$i"
            echo "wait print-problem ${KAKANAI_E2E_PRINT_WAIT:-15000}"
            echo "mark problem-$i"
            echo "sleep 500"
            echo "cancel"
            echo "wait menu 8000"
            echo "mark menu-$i"
            echo "sleep 1500"
        done
        echo "mark end"
        echo "sleep 600000"
    } >"$s"
    start_vcard
    start_kiosk "$s" || return
    local t0 t1 tb
    for i in paper stop removed; do
        wait_mark "before-$i" 60 >/dev/null || { bad "printer $i: the script stopped"; tail -n 5 "$work/kiosk.log"; break; }
        tb=$(now_ms)
        cupsenable kakanai-fault 2>/dev/null
        case $i in
        paper) echo "paper 30" >"$KAKANAI_CUPS_DIR/fault" ;;
        stop) echo "stop" >"$KAKANAI_CUPS_DIR/fault" ;;
        removed) echo "slow 30" >"$KAKANAI_CUPS_DIR/fault" ;;
        esac
        release "before-$i"
        wait_mark "printing-$i" 90 >/dev/null || { bad "printer $i: never printed"; tail -n 5 "$work/kiosk.log"; break; }
        # the fault was there before the print: time from the resident's touch on Print
        t0=$(awk -v after="$tb" '/print confirmed/ && $1 + 0 >= after + 0 { print $1; exit }' "$work/kiosk.log")
        t0=${t0:-$(now_ms)}
        if [ "$i" = removed ]; then
            sleep 0.5
            t0=$(now_ms)
            lpadmin -x kakanai-fault 2>/dev/null
        fi
        if wait_mark "problem-$i" 20 >/dev/null; then
            t1=$(event_time_ms PRINTER_PROBLEM "$t0")
            echo "printer $i: -> print-problem in $(( ${t1:-$t0} - t0 )) ms" | tee -a "$out/faults.txt"
            [ $(( ${t1:-$t0} - t0 )) -le "$LIMIT_MS" ] || bad "printer $i: print-problem after $(( t1 - t0 )) ms"
        else
            bad "printer $i: no print-problem screen (last state $(last_state))"
            tail -n 4 "$work/kiosk.log"
        fi
        wait_mark "menu-$i" 30 >/dev/null || bad "printer $i: cancel did not bring back the menu"
        if [ "$i" = removed ]; then
            lpadmin -p kakanai-fault -E -v "kakanai-fault:$KAKANAI_CUPS_DIR" -m raw \
                -o printer-error-policy=abort-job 2>/dev/null
        fi
    done
    wait_mark end 30 >/dev/null && kiosk_alive "printer faults"
    scan after-printer
    stop_kiosk
    stop_vcard
    KIOSK_PRINTER=kakanai-pdf
    echo ok >"$KAKANAI_CUPS_DIR/fault"
}

# ---- G. one resident's data never reaches the next -----------------------------------------
# Resident A (the canary resident) and resident B (tests/profiles/yoshida-taro.json) at one
# kiosk printing to the fault queue, whose backend keeps every document it prints in
# $KAKANAI_CUPS_DIR/fault-paper ("the paper"). Three ways A's session ends without paper:
#   render  A walks away (idle time-out) while the form is still being made ("preparing")
#   paper   A's job meets an empty paper tray; A takes the card and walks away (idle time-out)
#   stop    A's job stops the queue (the printer needs attention); A walks away likewise
# Then B comes, the printer recovers, B prints. A's job must never print — not for B, not
# later — and nothing of A may be in the kiosk while B's preview is on screen (scan with A's
# canaries), nor on any paper that came out (pdftotext of every document), nor in cupsd's
# job list or spool afterwards.
B_PROFILE_REL=tests/profiles/yoshida-taro.json
B_MARK=山口市滝町 # on B's paper (the positive control of the text check)

# the steps of one resident's 住民票 up to the confirmation, one key a line
resident_to_confirm() { # PIN
    printf 'procedure juminhyo\nwait pin 20000\n'
    local d
    for d in $(echo "$1" | grep -o .); do printf 'digit %s\n' "$d"; done
    printf 'submit\nwait question 20000\nchoose self\nsleep 400\nchoose work\n'
}
fault_next_resident() {
    local s="$sdir/next.txt" c
    KIOSK_PRINTER=kakanai-fault
    mkdir -p "$KAKANAI_CUPS_DIR/fault-paper"
    rm -f "$KAKANAI_CUPS_DIR/fault-paper/"*
    {
        echo "wait menu 20000"
        for c in render paper stop; do
            barrier "a-start-$c"
            resident_to_confirm 7391
            case $c in
            render)
                # the form is being made (the kiosk's first render: fonts load) and A walks
                # away at once: the idle time-out on the "preparing" screen
                printf 'idle\nwait menu 8000\n'
                ;;
            *)
                printf 'wait confirm 30000\nprint\nwait print-problem 20000\n'
                barrier "a-problem-$c" # the test takes A's card
                printf 'idle\nwait menu 8000\n' # A is gone: the idle time-out
                ;;
            esac
            barrier "a-gone-$c" # the test puts B's card on the reader, the printer recovers
            resident_to_confirm 1234
            printf 'wait confirm 30000\n'
            barrier "b-confirm-$c" # the test scans while B's preview is on screen
            printf 'print\nwait done 60000\nfinish\nwait menu 8000\n'
            barrier "b-done-$c" # the test takes B's card
        done
        echo "mark end"
        echo "sleep 600000"
    } >"$s"
    echo ok >"$KAKANAI_CUPS_DIR/fault"
    cupsenable kakanai-fault 2>/dev/null
    start_vcard
    # 5 ms between script steps (40 by default): A's idle time-out follows the last answer
    # while the render it started still runs (a render takes tens of ms; at 40 ms a fast
    # machine sometimes had it done and the render case did not happen)
    KAKANAI_SCRIPT_STEP_MS=5 start_kiosk "$s" || return
    for c in render paper stop; do
        if ! wait_mark "a-start-$c" 90 >/dev/null; then
            bad "next resident ($c): the script stopped"
            tail -n 8 "$work/kiosk.log"
            break
        fi
        [ -n "$vpid" ] || start_vcard # A's card
        case $c in
        paper) echo "paper 60" >"$KAKANAI_CUPS_DIR/fault" ;;
        stop) echo "stop" >"$KAKANAI_CUPS_DIR/fault" ;;
        esac
        release "a-start-$c"
        if [ "$c" != render ]; then
            wait_mark "a-problem-$c" 90 >/dev/null || { bad "next resident ($c): A saw no print problem (last state $(last_state))"; break; }
            take_card # A takes the card
            release "a-problem-$c"
        fi
        wait_mark "a-gone-$c" 60 >/dev/null || { bad "next resident ($c): A's session did not end (last state $(last_state))"; break; }
        if [ "$c" = render ]; then
            # A's render was still running when A left: its result never reached A's screens
            local shown
            shown=$(awk '/state QUESTIONS -> CONFIRM/ { on = 1 } on && /event RENDER_OK taken/ { n++ }
                /state [A-Z_]+ -> MENU/ && on { print n + 0; exit }' "$work/kiosk.log")
            echo "next resident (render): A left with the render running; its result shown to A: ${shown:-?} time(s)" |
                tee -a "$out/faults.txt"
            [ "${shown:-1}" = 0 ] || bad "next resident (render): the render ended before A left: the case did not happen"
        fi
        take_card
        start_vcard "$src/$B_PROFILE_REL"
        echo ok >"$KAKANAI_CUPS_DIR/fault" # the printer recovers
        cupsenable kakanai-fault 2>/dev/null
        release "a-gone-$c"
        if wait_mark "b-confirm-$c" 60 >/dev/null; then
            scan "next-$c-b-preview"
            release "b-confirm-$c"
        else
            bad "next resident ($c): B never saw the preview (last state $(last_state))"
            tail -n 8 "$work/kiosk.log"
            break
        fi
        wait_mark "b-done-$c" 90 >/dev/null || { bad "next resident ($c): B's form did not print (last state $(last_state))"; break; }
        take_card
        release "b-done-$c"
    done
    wait_mark end 30 >/dev/null && kiosk_alive "next resident"
    # Later: whatever cupsd still held would print within its retry interval (5 s).
    sleep 8
    local f n=0 nb=0 na=0
    for f in "$KAKANAI_CUPS_DIR/fault-paper/"*.pdf; do
        [ -f "$f" ] || continue
        n=$((n + 1))
        pdftotext -q "$f" "$out/paper-$(basename "$f" .pdf).txt" 2>/dev/null
        if grep -q -F "$B_MARK" "$out/paper-$(basename "$f" .pdf).txt"; then nb=$((nb + 1)); fi
        if "$KAKANAI_SCAN" -q -C "$KAKANAI_CANARIES" -f "$out/paper-$(basename "$f" .pdf).txt" \
            -f "$f" >"$out/paper-$(basename "$f" .pdf).scan" 2>/dev/null; then
            :
        else
            na=$((na + 1))
            bad "next resident: A's data on the paper $(basename "$f"):"
            head -n 3 "$out/paper-$(basename "$f" .pdf).scan"
        fi
        cp "$f" "$out/next-$(basename "$f")"
    done
    echo "next resident: $n document(s) came out of the printer, $nb with B's address, $na with A's data" |
        tee -a "$out/faults.txt"
    [ "$n" -eq 3 ] || bad "next resident: $n documents printed, expected B's 3 only"
    [ "$nb" -eq "$n" ] || bad "next resident: $((n - nb)) printed document(s) without B's address"
    local jobs
    jobs=$(lpstat -W all -o kakanai-fault 2>/dev/null | wc -l)
    echo "next resident: cupsd lists $jobs job(s) of the kiosk afterwards" | tee -a "$out/faults.txt"
    [ "$jobs" -eq 0 ] || bad "next resident: cupsd still lists $jobs job(s) (a record of the sessions)"
    scan after-next
    stop_kiosk
    stop_vcard
    rm -rf "$KAKANAI_CUPS_DIR/fault-paper"
    KIOSK_PRINTER=kakanai-pdf
    echo ok >"$KAKANAI_CUPS_DIR/fault"
}

# ---- F. the template folder changed under a running kiosk -----------------------------------
fault_templates() {
    local s="$sdir/tpl.txt"
    {
        echo "wait menu 20000"
        session_prefix 2
        echo "mark change-mid-session"
        echo "sleep 1500"
        # go on with the rest of the session
        awk -v k=2 'n >= k {print} /^wait / {n++}' "$session_script"
        echo "finish"
        echo "wait menu 8000"
        echo "mark change-at-menu"
        echo "sleep 2500"
        echo "mark end"
        echo "sleep 600000"
    } >"$s"
    start_vcard
    start_kiosk "$s" || return
    if wait_mark change-mid-session 60 >/dev/null; then
        # a broken template appears and an existing one changes
        printf '[form]\nid = broken\n[field\n' >"$work/templates/zz-broken.form"
        touch "$work/templates/"*.form
    else
        bad "templates: the session did not start"
    fi
    if wait_mark change-at-menu 60 >/dev/null; then
        log "templates changed mid-session: the session went on to the end"
        rm -rf "${work:?}/templates/"*
        cp -a "$src/templates/." "$work/templates/"
        printf 'garbage\n' >"$work/templates/zz-garbage.form"
    else
        bad "templates changed mid-session: the session did not finish"
        tail -n 5 "$work/kiosk.log"
    fi
    wait_mark end 20 >/dev/null && kiosk_alive "templates changed"
    rm -f "$work/templates/zz-"*
    scan after-templates
    stop_kiosk
    stop_vcard
}

run_faults() {
    : >"$out/faults.txt"
    local only=${KAKANAI_E2E_FAULTS:-screens apdus pcscd printer next templates}
    for f in $only; do
        log "---- fault case: $f"
        : >"$work/kiosk.log"
        case $f in
        screens) fault_pull_every_screen ;;
        apdus) fault_pull_every_apdu ;;
        pcscd) fault_pcscd ;;
        printer) fault_printer ;;
        next) fault_next_resident ;;
        templates) fault_templates ;;
        esac
        save_logs "fault-$f"
    done
    cat "$out/faults.txt"
}
