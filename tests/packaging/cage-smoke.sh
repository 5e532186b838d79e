#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# The kiosk starts under cage the way kakanai-kiosk.service runs it, as far as it can be without
# systemd as PID 1: cage's headless backend, the unit's ExecStart environment (pixman and cairo
# renderers), an unprivileged user with no capabilities and no_new_privs, write+execute memory
# refused (PR_SET_MDWE, what MemoryDenyWriteExecute=yes enforces), no core dumps, 16 MiB of
# lockable memory, and no network (a private network namespace: only AF_UNIX to the outside).
# Passes if cage and the kiosk are still up after a few seconds and both stop on SIGHUP to cage.
# The kiosk reads the package's own /etc/kakanai/kiosk.conf (template-dir and pdf-dir changed to
# the source tree's templates and a scratch directory), so a key it would reject fails here.
#   cage-smoke.sh KIOSK_BINARY TEMPLATE_DIR KIOSK_CONF
set -eu
kiosk=$1
templates=$2
conf=$3
if [ "$(id -u)" -ne 0 ]; then echo "SKIP: needs root (setpriv, unshare)"; exit 77; fi
for t in cage setpriv unshare prlimit /usr/bin/python3 Xwayland; do
    command -v "$t" >/dev/null || { echo "SKIP: $t missing"; exit 77; }
done
user=nobody
libdir=$(cd "$(dirname "$0")/../lib" && pwd)
# Not under /tmp: /tmp gets its own tmpfs inside (PrivateTmp=yes).
dir=$(mktemp -d /dev/shm/kakanai-smoke.XXXXXX)
cagepid=
launcher=
inner=
cleanup() {
    # Ending the namespace's first process ends every process inside it.
    if [ -n "$inner" ]; then kill -9 "$inner" 2>/dev/null || true; fi
    if [ -n "$launcher" ]; then wait "$launcher" 2>/dev/null || true; fi
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM
mkdir -m 0700 "$dir/run" "$dir/out"
chown "$user" "$dir/run" "$dir/out"
chmod 0755 "$dir"
cat >"$dir/mdwe.py" <<'EOF'
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 1
if libc.prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
    sys.exit("prctl(PR_SET_MDWE): %s" % os.strerror(ctypes.get_errno()))
os.execvp(sys.argv[1], sys.argv[1:])
EOF
# The unit's LimitMEMLOCK=16M, or this machine's hard limit if lower (raising it needs
# CAP_SYS_RESOURCE, which a CI container may lack).
memlock=16777216
hard=$(ulimit -H -l)
[ "$hard" != unlimited ] && [ $((hard * 1024)) -lt "$memlock" ] && memlock=$((hard * 1024))
sed -e "s|^template-dir=.*|template-dir=$templates|" -e "s|^pdf-dir=.*|pdf-dir=$dir/out|" \
    "$conf" >"$dir/kiosk.conf"
chmod 0644 "$dir/kiosk.conf" "$dir/mdwe.py"

# Inside a private mount, PID and network namespace (root for the mounts, then setpriv drops
# everything): /proc as ProcSubset=pid + ProtectProc=invisible, the runtime directory and the PDF
# directory writable (tmpfs, like RuntimeDirectory=), a fresh /tmp and /var/tmp (PrivateTmp=yes:
# cage's XWayland needs /tmp/.X11-unix, it fails on a read-only /tmp), and / read-only
# (ProtectSystem=strict).
uid=$(id -u "$user")
{
    echo 'set -e'
    echo 'mount -t proc -o subset=pid,hidepid=invisible proc /proc'
    echo "mount -t tmpfs -o mode=0700,uid=$uid,size=64m tmpfs '$dir/run'"
    echo "mount -t tmpfs -o mode=0700,uid=$uid,size=64m tmpfs '$dir/out'"
    # A fresh /tmp that still shows the build and template folders when those live under /tmp.
    echo ". '$libdir/private-tmp.sh'"
    echo "kakanai_private_tmp '$(dirname "$(dirname "$kiosk")")' '$templates'"
    echo 'mount -t tmpfs -o mode=1777,size=64m tmpfs /var/tmp'
    echo 'mount -o remount,bind,ro /'
    # Not exec: cage must not be PID 1 of the namespace (init ignores SIGHUP), as under systemd.
    echo '"$@" & wait $!'
} >"$dir/inner.sh"
env -i PATH=/usr/bin:/bin XDG_RUNTIME_DIR="$dir/run" HOME="$dir/run" GSK_RENDERER=cairo \
    WLR_RENDERER=pixman WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 LANG=C.UTF-8 \
    unshare --net --mount --propagation private --pid --fork -- sh "$dir/inner.sh" \
    prlimit --core=0 --memlock="$memlock" -- \
    setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups --no-new-privs \
    --inh-caps=-all --bounding-set=-all -- \
    /usr/bin/python3 "$dir/mdwe.py" cage -d -- "$kiosk" --fullscreen --config "$dir/kiosk.conf" \
    >"$dir/log" 2>&1 &
launcher=$!
cagepid=$launcher
sleep 8
fail=0
# unshare --fork → sh (PID 1 inside) → (prlimit → setpriv → python →) cage → the kiosk.
inner=$(pgrep -P "$launcher" || true)
cagepid=
[ -n "$inner" ] && cagepid=$(pgrep -P "$inner" || true)
if [ -z "$cagepid" ] || ! kill -0 "$cagepid" 2>/dev/null; then
    wait "$launcher" || true
    cat "$dir/log"
    echo "FAIL: cage or the kiosk exited within 8 s under the unit's restrictions"
    exit 1
fi
kioskpid=
for p in $(pgrep -P "$cagepid" || true); do
    [ "$(readlink "/proc/$p/exe")" = "$(readlink -f "$kiosk")" ] && kioskpid=$p
done
if [ -z "$kioskpid" ]; then
    cat "$dir/log"
    echo "FAIL: the kiosk is not running inside cage"
    fail=1
fi
# Stop it the way the unit does (KillSignal=SIGHUP to cage only, KillMode=mixed).
kill -HUP "$cagepid"
for _ in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 "$cagepid" 2>/dev/null || break
    sleep 1
done
if kill -0 "$cagepid" 2>/dev/null; then
    echo "FAIL: cage did not stop within 10 s of SIGHUP"
    fail=1
fi
sleep 1
if [ -n "$kioskpid" ] && kill -0 "$kioskpid" 2>/dev/null; then
    echo "FAIL: the kiosk outlived cage"
    kill -KILL "$kioskpid" 2>/dev/null || true
    fail=1
fi
if grep -q 'Assertion' "$dir/log"; then
    echo "FAIL: an assertion failed on the way out"
    fail=1
fi
if grep -qi 'segmentation\|core dumped\|mprotect\|Operation not permitted' "$dir/log"; then
    cat "$dir/log"
    echo "FAIL: suspicious messages in the log"
    fail=1
fi
echo "--- last lines of cage's and the kiosk's output:"
grep -v "Basic output test failed" "$dir/log" | head -n 30
[ "$fail" -eq 0 ] && echo "PASS: kakanai-kiosk under cage with the unit's restrictions"
exit "$fail"
