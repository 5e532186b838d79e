#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# fault-backend.sh — a CUPS backend that misbehaves on request, for kakanai's printing tests.
#
# tests/lib/with-cupsd.sh installs it as the backend "kakanai-fault" of the queue "kakanai-fault"
# (URI kakanai-fault:/). What it does with a job is read from the file named in the URI's
# neighbour, $KAKANAI_CUPS_DIR/fault (one word, optionally followed by seconds):
#   ok            read the document and succeed (the default when the file is missing)
#   paper [S]     report out of paper (media-empty-error) and wait S seconds (default 60)
#   offline [S]   report that the printer cannot be reached (connecting-to-device) and wait
#   slow [S]      wait S seconds, then read the document and succeed
#   stop          fail so that cupsd stops the queue (CUPS_BACKEND_STOP)
#   abort         fail so that cupsd aborts the job (CUPS_BACKEND_FAILED with policy abort-job)
# The backend counts the document's bytes into $KAKANAI_CUPS_DIR/fault.bytes and writes the
# copies asked for into fault.copies. It writes the document itself only when the folder
# $KAKANAI_CUPS_DIR/fault-paper exists (a test made it): there each printed job becomes
# job-<id>.pdf, "the paper" a test looks at (tests/privacy/faults.inc.sh: nothing of one
# resident on the next one's paper). A scan of the machine must exclude that folder.
# Like a real backend that finds the printer healthy, "ok" and "slow" first clear the
# problems an earlier job reported.
set -u

# Device discovery (cupsd runs every backend without arguments): announce nothing useful.
if [ $# -eq 0 ]; then
    echo 'direct kakanai-fault "Unknown" "kakanai fault-injection printer"'
    exit 0
fi

# The control folder comes from the device URI: kakanai-fault:/DIR
dir=${DEVICE_URI#kakanai-fault:}
mode=ok
secs=
if [ -r "$dir/fault" ]; then
    read -r mode secs <"$dir/fault" || true
fi

# The document is on stdin (argument 6 absent) or in the file named by argument 6.
consume() {
    echo "$4" >"$dir/fault.copies"
    if [ -d "$dir/fault-paper" ]; then
        paper="$dir/fault-paper/job-$1.pdf"
        if [ $# -ge 6 ]; then cat "$6"; else cat; fi >"$paper"
        wc -c <"$paper" >"$dir/fault.bytes"
    else
        if [ $# -ge 6 ]; then wc -c <"$6"; else wc -c; fi >"$dir/fault.bytes"
    fi
}
healthy() {
    echo "STATE: -media-empty-error,connecting-to-device,offline-report" >&2
}

# Wait in small steps so that cupsd's SIGTERM (job cancelled) ends us at once.
nap() {
    n=$(($1 * 10))
    while [ "$n" -gt 0 ]; do sleep 0.1; n=$((n - 1)); done
}

trap 'exit 0' TERM

case "$mode" in
ok)
    healthy
    consume "$@"
    exit 0
    ;;
paper)
    echo "STATE: +media-empty-error" >&2
    echo "ERROR: out of paper (simulated)" >&2
    nap "${secs:-60}"
    echo "STATE: -media-empty-error" >&2
    exit 6  # CUPS_BACKEND_RETRY_CURRENT
    ;;
offline)
    echo "STATE: +connecting-to-device" >&2
    echo "INFO: Waiting for printer to become available (simulated)" >&2
    nap "${secs:-60}"
    echo "STATE: -connecting-to-device" >&2
    exit 6
    ;;
slow)
    healthy
    nap "${secs:-10}"
    consume "$@"
    exit 0
    ;;
stop)
    echo "ERROR: printer needs attention (simulated)" >&2
    exit 4  # CUPS_BACKEND_STOP
    ;;
abort)
    echo "ERROR: printer failed (simulated)" >&2
    exit 1  # CUPS_BACKEND_FAILED; the queue's error policy is abort-job
    ;;
*)
    echo "ERROR: unknown fault mode" >&2
    exit 1
    ;;
esac
