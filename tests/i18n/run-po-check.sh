#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Every kiosk catalogue is complete and well formed: the msgids are pulled from the kiosk's C
# sources and .ui templates (xgettext, as a translator would), and each of the eight
# catalogues (ja and the seven others; English is the msgids) must translate every one
# (msgcmp), compile with format checks (msgfmt --check: %d kept), have no fuzzy or empty
# entry, and state its review status in the header.
# usage: run-po-check.sh KIOSK-SOURCE-DIR
set -u
kiosk=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
# what residents read: the kiosk, and of the counter only the resident's window (the staff's
# window is Japanese: counter staff read it)
{ find "$kiosk" -path "$kiosk/counter" -prune -o \( -name '*.c' -o -name '*.ui' \) -print
  find "$kiosk/counter" -name 'resident.ui' -o -name 'counter-resident.c'; } | sort >"$work/files"
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kngettext:1,2 -kg_dngettext:2,3 \
    -f "$work/files" -o "$work/kiosk.pot" 2>"$work/xg" || { cat "$work/xg" >&2; exit 2; }
n=$(grep -c '^msgid ' "$work/kiosk.pot")
[ "$n" -gt 50 ] || { echo "po: only $n msgids found in $kiosk: wrong directory?" >&2; exit 2; }
for lang in ja zh ko vi fil pt_BR ne id; do
    po="$kiosk/po/$lang.po"
    if [ ! -f "$po" ]; then
        echo "po: $lang.po is missing" >&2
        fail=1
        continue
    fi
    if ! msgcmp "$po" "$work/kiosk.pot" 2>"$work/cmp"; then
        echo "po: $lang.po does not translate every msgid:" >&2
        grep -v 'not used' "$work/cmp" >&2
        fail=1
    fi
    if ! msgfmt --check --statistics -o /dev/null "$po" 2>"$work/st"; then
        echo "po: $lang.po does not compile:" >&2
        cat "$work/st" >&2
        fail=1
    elif grep -Eq 'fuzzy|untranslated' "$work/st"; then
        echo "po: $lang.po has fuzzy or untranslated entries: $(cat "$work/st")" >&2
        fail=1
    fi
    if [ "$lang" != ja ] && ! grep -q '^"X-Review-Status: ' "$po"; then
        echo "po: $lang.po does not state its review status (X-Review-Status)" >&2
        fail=1
    fi
    grep -q "^\"Language: $lang\\\\n\"" "$po" || { echo "po: $lang.po: wrong Language header" >&2; fail=1; }
done
[ $fail = 0 ] && echo "po: 8 catalogues translate all $((n - 1)) msgids"
exit $fail
