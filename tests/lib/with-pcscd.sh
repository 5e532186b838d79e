#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# with-pcscd.sh — run a command against a private, real pcscd with the vsmartcard-vpcd driver.
#
#   tests/lib/with-pcscd.sh COMMAND [ARGS...]
#
# pcscd always listens on /run/pcscd/pcscd.comm, and vpcd on a TCP port fixed in its reader.conf.
# So that tests (and developers) never collide, this script re-executes itself in a private mount
# namespace (root: unshare), mounts a fresh tmpfs on /run/pcscd, writes a reader.conf with a free
# port, and starts pcscd in the foreground as its own child. The command sees:
#   KAKANAI_VPCD_PORT   the port the virtual card must connect to (readers "Virtual PCD 00 00"
#                       on that port and "Virtual PCD 00 01" on the next one)
#   KAKANAI_PCSCD_PID   pcscd's pid (to kill/restart it in fault tests; see pcscd_restart below)
#   KAKANAI_PCSCD_CONF  the reader.conf.d folder
# A fault test restarts pcscd with: kill $KAKANAI_PCSCD_PID; pcscd --foreground --config
# "$KAKANAI_PCSCD_CONF" >>"$KAKANAI_PCSCD_LOG" 2>&1 &   (cleanup stops that one too).
# Python helpers should use /usr/bin/python3 (Debian's, with python3-pyscard).
# pcscd is stopped when the command ends; the command's exit status is returned.
# pcscd runs without --apdu: no APDU (PIN!) ever reaches a log. Its log is in $KAKANAI_PCSCD_LOG.
set -eu

if [ "${KAKANAI_IN_PCSCD_NS:-}" != 1 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "with-pcscd.sh: needs root (a private mount namespace for /run/pcscd)" >&2
        exit 77
    fi
    export KAKANAI_IN_PCSCD_NS=1
    exec unshare --mount --propagation private "$0" "$@"
fi

mount -t tmpfs -o mode=0755 tmpfs /run/pcscd 2>/dev/null || {
    mkdir -p /run/pcscd && mount -t tmpfs -o mode=0755 tmpfs /run/pcscd
}

# A free pair of ports: ask the kernel for an ephemeral port, use it and the next one.
free_port() {
    /usr/bin/python3 - <<'PY'
import socket
for _ in range(50):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    t = socket.socket()
    try:
        t.bind(("127.0.0.1", p + 1)); t.close(); print(p); break
    except OSError:
        t.close()
PY
}
port=$(free_port)
work=$(mktemp -d /tmp/kakanai-pcscd.XXXXXX)
mkdir -p "$work/conf"
cat > "$work/conf/vpcd" <<CONF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:$(printf '0x%X' "$port")
LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
CHANNELID    $(printf '0x%X' "$port")
CONF
export KAKANAI_VPCD_PORT="$port"
export KAKANAI_PCSCD_CONF="$work/conf"
export KAKANAI_PCSCD_LOG="$work/pcscd.log"

pcscd_start() {
    pcscd --foreground --config "$KAKANAI_PCSCD_CONF" >>"$KAKANAI_PCSCD_LOG" 2>&1 &
    KAKANAI_PCSCD_PID=$!
    export KAKANAI_PCSCD_PID
    i=0
    while [ ! -S /run/pcscd/pcscd.comm ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
}
pcscd_start

cleanup() {
    # also any pcscd a fault test restarted with the same config folder
    pkill -f "pcscd --foreground --config $KAKANAI_PCSCD_CONF" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

set +e
"$@"
rc=$?
set -e
exit $rc
