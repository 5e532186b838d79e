#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# kakanai-setup-cups on copies of cupsd.conf: sets what the kiosk needs, a second run changes
# nothing, --check tells configured from not, --revert restores the file byte for byte, sections
# are left alone, owner and mode are kept, and cupsd itself accepts the result.
#   setup-cups.sh SETUP_SCRIPT FIXTURE
set -eu
setup=$1
fixture=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }

run_on() { # run_on FILE: the whole cycle on one copy
    conf=$1
    cp "$conf" "$dir/orig"
    chmod 0640 "$conf"
    check "--check on an unconfigured file exits 1" "! sh '$setup' --check --no-restart '$conf' >/dev/null 2>&1"
    sh "$setup" --no-restart "$conf" >/dev/null
    cp "$conf" "$dir/once"
    sh "$setup" --no-restart "$conf" >/dev/null
    check "second run changes nothing" "cmp -s '$dir/once' '$conf'"
    check "--check on a configured file exits 0" "sh '$setup' --check --no-restart '$conf' >/dev/null"
    check "mode kept" "[ \"\$(stat -c %a '$conf')\" = 640 ]"
    # Exactly one active (uncommented, top-level) setting of each directive, with our value.
    for want in 'PreserveJobFiles No' 'PreserveJobHistory 30' 'PageLogFormat' 'LogLevel warn'; do
        key=${want%% *}
        n=$(grep -c "^$key\\b" "$conf" || true)
        check "$key set once at top level (found $n)" "[ '$n' = 1 ]"
        check "$key has value '$want'" "grep -qx '$want' '$conf'"
    done
    sh "$setup" --revert --no-restart "$conf" >/dev/null
    check "--revert restores the original" "cmp -s '$dir/orig' '$conf'"
    sh "$setup" --revert --no-restart "$conf" >/dev/null
    check "a second --revert changes nothing" "cmp -s '$dir/orig' '$conf'"
}

cp "$fixture" "$dir/fixture.conf"
run_on "$dir/fixture.conf"
# The section's own LogLevel line stays as it was after configuring.
sh "$setup" --no-restart "$dir/fixture.conf" >/dev/null
check "lines inside <Location> untouched" "grep -qx '  LogLevel debug' '$dir/fixture.conf'"
check "indented top-level directive commented out" "grep -qx '#kakanai#   PreserveJobHistory On' '$dir/fixture.conf'"

# Debian's own default, and cupsd's verdict on the result.
if [ -f /usr/share/cups/cupsd.conf.default ]; then
    cp /usr/share/cups/cupsd.conf.default "$dir/debian.conf"
    run_on "$dir/debian.conf"
    sh "$setup" --no-restart "$dir/debian.conf" >/dev/null
    if command -v cupsd >/dev/null && [ -f /etc/cups/cups-files.conf ]; then
        check "cupsd -t accepts the configured file" "cupsd -t -c '$dir/debian.conf' >/dev/null 2>&1"
    fi
fi
check "a missing file is an error" "! sh '$setup' --no-restart '$dir/none.conf' >/dev/null 2>&1"
[ "$fail" -eq 0 ] && echo "PASS: kakanai-setup-cups"
exit "$fail"
