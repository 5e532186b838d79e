#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# with-cupsd.sh — run a command against a private, real cupsd with two printers.
#
#   tests/lib/with-cupsd.sh COMMAND [ARGS...]
#
# Everything lives in a fresh folder DIR (mktemp): cupsd's configuration, state, cache and
# logs; its only listener is the socket DIR/cups.sock (no network). The spool (RequestRoot)
# is a small tmpfs, as on a kiosk. The script re-executes itself in a private mount namespace
# (root: unshare) so that the tmpfs and the cups-pdf configuration (which cups-pdf only reads
# from /etc/cups) are seen by this cupsd alone: several instances can run at once.
#
# Printers:
#   kakanai-pdf    printer-driver-cups-pdf; each job becomes a PDF in $KAKANAI_PDF_OUT
#                  (named kakanai-job_<id>.pdf: the job's title, at most 8 characters, and id)
#   kakanai-fault  raw queue whose backend is tests/forms/print/fault-backend.sh: write a mode
#                  into $KAKANAI_CUPS_DIR/fault (ok, paper S, offline S, slow S, stop, abort)
# The default destination is kakanai-pdf.
#
# The command sees:
#   CUPS_SERVER        DIR/cups.sock (libcups and lp/lpstat/lpadmin use it)
#   KAKANAI_CUPS_DIR   DIR
#   KAKANAI_CUPS_SPOOL the RequestRoot (tmpfs): must hold no d* document file after a job
#   KAKANAI_CUPS_LOGS  DIR/log (error_log, page_log, access_log)
#   KAKANAI_PDF_OUT    the folder cups-pdf writes into
# cupsd uses PreserveJobFiles No and PreserveJobHistory 30 (seconds): long enough for a
# client to see how its job ended, short enough that nothing lingers (see forms/PRINTING.md);
# KAKANAI_CUPS_HISTORY overrides the latter (e.g. "No", to see why 30 was chosen).
# page_log lines read "printer job-id user job-name page copies".
# cupsd is stopped and DIR removed when the command ends; its exit status is returned.
# Exit 77 (skipped) without root or without cupsd / cups-pdf.
set -eu

here=$(cd "$(dirname "$0")" && pwd)

if [ "${KAKANAI_IN_CUPSD_NS:-}" != 1 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "with-cupsd.sh: needs root (a private mount namespace; cups-pdf runs as root)" >&2
        exit 77
    fi
    for f in /usr/sbin/cupsd /usr/lib/cups/backend/cups-pdf /usr/sbin/lpadmin; do
        if [ ! -x "$f" ]; then
            echo "with-cupsd.sh: $f is missing (apt-get install cups printer-driver-cups-pdf)" >&2
            exit 77
        fi
    done
    if ! unshare --mount --propagation private true 2>/dev/null; then
        echo "with-cupsd.sh: cannot make a private mount namespace (container without CAP_SYS_ADMIN?)" >&2
        exit 77
    fi
    export KAKANAI_IN_CUPSD_NS=1
    exec unshare --mount --propagation private "$0" "$@"
fi

dir=$(mktemp -d /tmp/kakanai-cupsd.XXXXXX)
cupsd_pid=
cleanup() {
    set +e
    if [ -n "$cupsd_pid" ]; then
        kill -TERM "$cupsd_pid" 2>/dev/null
        i=0
        while kill -0 "$cupsd_pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
        kill -KILL "$cupsd_pid" 2>/dev/null
        wait "$cupsd_pid" 2>/dev/null
    fi
    # Backends and filters cupsd started are its children; anything left (a backend that
    # ignored SIGTERM) still has DIR on its command line or in its environment: end those.
    for p in $(pgrep -f "$dir" 2>/dev/null); do
        [ "$p" != $$ ] && kill -KILL "$p" 2>/dev/null
    done
    umount "$dir/spool" 2>/dev/null
    umount /etc/cups 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Folders: lp (filters) must reach the spool and the output, so DIR is world-traversable.
chmod 0755 "$dir"
mkdir -p "$dir/etc/ppd" "$dir/state" "$dir/cache" "$dir/log" "$dir/spool" "$dir/pdf" \
    "$dir/cups-pdf-spool" "$dir/serverbin" "$dir/etc-cups"
mount -t tmpfs -o size=64m,mode=0710 tmpfs "$dir/spool"
mkdir -p "$dir/spool/tmp"
chmod 0755 "$dir/pdf"

# ServerBin: the system's programs, plus our fault backend.
for d in /usr/lib/cups/*; do
    [ "$(basename "$d")" = backend ] || ln -s "$d" "$dir/serverbin/"
done
mkdir -p "$dir/serverbin/backend"
for b in /usr/lib/cups/backend/*; do ln -s "$b" "$dir/serverbin/backend/"; done
install -m 0700 "$here/../forms/print/fault-backend.sh" "$dir/serverbin/backend/kakanai-fault"

cat >"$dir/cups-files.conf" <<CONF
User lp
Group lp
SystemGroup root lpadmin
ServerRoot $dir/etc
ServerBin $dir/serverbin
DataDir /usr/share/cups
DocumentRoot /usr/share/cups/doc-root
RequestRoot $dir/spool
TempDir $dir/spool/tmp
StateDir $dir/state
CacheDir $dir/cache
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
FileDevice No
CONF

cat >"$dir/cupsd.conf" <<CONF
LogLevel warn
PageLogFormat %p %j %u %{job-name} %P %C
DirtyCleanInterval 0
Listen $dir/cups.sock
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultShared No
PreserveJobFiles No
PreserveJobHistory ${KAKANAI_CUPS_HISTORY:-30}
MaxJobTime 300
JobRetryInterval 5
DefaultPolicy kakanai
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy kakanai>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
cp "$dir/cupsd.conf" "$dir/etc/cupsd.conf"

# cups-pdf reads /etc/cups/cups-pdf-<name>.conf for the URI cups-pdf:/<name>: show it a
# private /etc/cups (a copy of the real one plus ours), in this namespace only.
cp -a /etc/cups/. "$dir/etc-cups/"
# File names: the job title cut to 8 characters (cups-pdf's minimum; "kakanai" fits) and the
# job id, so another program's title could leak at most 8 characters into a file name.
cat >"$dir/etc-cups/cups-pdf-kakanai.conf" <<CONF
Out $dir/pdf
AnonDirName $dir/pdf
Spool $dir/cups-pdf-spool
Label 2
TitlePref 1
Truncate 8
UserUMask 0022
Grp root
LogType 1
Log $dir/log
CONF
mount --bind "$dir/etc-cups" /etc/cups

# If this script is killed outright (SIGKILL: no trap runs), cupsd must not outlive it.
pdeath=
if setpriv --help 2>/dev/null | grep -q pdeathsig; then
    pdeath="setpriv --pdeathsig KILL"
fi
$pdeath /usr/sbin/cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" >>"$dir/log/cupsd.out" 2>&1 &
cupsd_pid=$!

export CUPS_SERVER="$dir/cups.sock"
export KAKANAI_CUPS_DIR="$dir"
export KAKANAI_CUPS_SPOOL="$dir/spool"
export KAKANAI_CUPS_LOGS="$dir/log"
export KAKANAI_PDF_OUT="$dir/pdf"
export KAKANAI_CUPSD_PID="$cupsd_pid"

i=0
while [ ! -S "$dir/cups.sock" ] && [ $i -lt 200 ]; do
    if ! kill -0 "$cupsd_pid" 2>/dev/null; then
        echo "with-cupsd.sh: cupsd did not start:" >&2
        cat "$dir/log/cupsd.out" "$dir/log/error_log" >&2 2>/dev/null
        exit 1
    fi
    sleep 0.05
    i=$((i + 1))
done

# The "noopt" PPD: the "opt" one's option defaults would override the configuration above.
lpadmin -p kakanai-pdf -E -v cups-pdf:/kakanai \
    -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd >>"$dir/log/cupsd.out" 2>&1
lpadmin -p kakanai-fault -E -v "kakanai-fault:$dir" -m raw \
    -o printer-error-policy=abort-job >>"$dir/log/cupsd.out" 2>&1
lpadmin -d kakanai-pdf >>"$dir/log/cupsd.out" 2>&1

set +e
"$@"
rc=$?
set -e
exit $rc
