#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# The kiosk's systemd unit keeps its lock-down: every required directive is present with the
# expected value, systemd 252 accepts the file, and the offline exposure score stays under the
# threshold (lower is better; 1.1 when this test was written).
#   unit-file.sh UNIT THRESHOLD
set -eu
unit=$1
threshold=$2
fail=0

need() { # need 'Key=value' — the exact line must be in the unit
    if ! grep -qxF -- "$1" "$unit"; then
        echo "FAIL: $unit lacks the line: $1"
        fail=1
    fi
}
need 'User=kakanai'
need 'PAMName=kakanai-kiosk'
need 'TTYPath=/dev/tty1'
need 'StandardInput=tty-fail'
need 'Restart=always'
need 'ProtectSystem=strict'
need 'ProtectHome=yes'
need 'PrivateTmp=yes'
need 'NoNewPrivileges=yes'
need 'CapabilityBoundingSet='
need 'AmbientCapabilities='
need 'RestrictAddressFamilies=AF_UNIX AF_NETLINK'
need 'IPAddressDeny=any'
need 'LimitCORE=0'
need 'MemoryDenyWriteExecute=yes'
need 'SystemCallFilter=@system-service'
need 'ProtectKernelTunables=yes'
need 'ProtectKernelModules=yes'
need 'ProtectKernelLogs=yes'
need 'ProtectControlGroups=yes'
need 'ProtectClock=yes'
need 'RestrictNamespaces=yes'
need 'LockPersonality=yes'
need 'RestrictRealtime=yes'
need 'RestrictSUIDSGID=yes'
need 'UMask=0077'
need 'RuntimeDirectory=kakanai-kiosk'
grep -q '^LimitMEMLOCK=[1-9]' "$unit" || { echo "FAIL: no LimitMEMLOCK (secure heap)"; fail=1; }
# ExecStart= may continue over lines ending in a backslash: join them first.
execstart=$(sed -e ':a' -e '/\\$/N; s/\\\n[[:space:]]*/ /; ta' "$unit" | grep '^ExecStart=' || true)
printf '%s\n' "$execstart" | grep -q '/usr/bin/cage .*-- /usr/bin/kakanai-kiosk --fullscreen' ||
    { echo "FAIL: ExecStart does not run kakanai-kiosk under cage"; fail=1; }
# Nothing may open a path for writing besides the runtime directory.
if grep -q '^ReadWritePaths=' "$unit"; then
    echo "FAIL: ReadWritePaths= appeared; the kiosk writes nothing to disk"
    fail=1
fi
# cage must not be started with -s (VT switching) by default.
if printf '%s\n' "$execstart" | grep -q 'cage\( -[a-z]\)* -s'; then
    echo "FAIL: cage -s lets anyone at the kiosk switch to a text console"
    fail=1
fi

out=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1) || true
score=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
if [ -z "$score" ]; then
    printf '%s\n' "$out" | tail -20
    echo "FAIL: systemd-analyze security printed no score"
    exit 1
fi
echo "systemd-analyze security --offline: exposure $score (threshold $threshold)"
if ! awk -v s="$score" -v t="$threshold" 'BEGIN { exit !(s < t) }'; then
    printf '%s\n' "$out" | grep -v '✓' | head -40
    echo "FAIL: exposure $score is not under $threshold"
    fail=1
fi
[ "$fail" -eq 0 ] && echo "PASS: kakanai-kiosk.service"
exit "$fail"
