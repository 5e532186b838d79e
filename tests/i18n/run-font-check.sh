#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# A font for every script the kiosk shows: fontconfig must know a font covering each of the
# nine languages' orthography (fc-list :lang=…), and every character of every catalogue must
# be in some installed font (a missing one would be drawn as a box).
# usage: run-font-check.sh PO-DIR
set -u
po=$1
fail=0
for l in ja en zh-cn ko vi tl pt ne id; do
    if [ -z "$(fc-list ":lang=$l" family | head -n 1)" ]; then
        echo "fonts: no installed font covers the language \"$l\" (scripts/deps.sh installs them)" >&2
        fail=1
    fi
done
# every character of the catalogues' translations against the union of the installed fonts'
# coverage (fc-list prints each font's charset as hex ranges)
python3 - "$po" <<'PY' || fail=1
import glob, re, subprocess, sys
used = set()
for f in glob.glob(sys.argv[1] + '/*.po'):
    for m in re.finditer(r'^msgstr(?:\[\d\])? "(.*)"$', open(f, encoding='utf-8').read(), re.M):
        used.update(c for c in m.group(1) if ord(c) > 0x7f)
have = set()
out = subprocess.run(['fc-list', '--format', '%{charset}\n'], capture_output=True, text=True).stdout
for rng in out.split():
    lo, _, hi = rng.partition('-')
    try:
        have.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    except ValueError:
        pass
missing = sorted(c for c in used if ord(c) not in have)
if missing:
    print('fonts: no installed font has: ' + ' '.join('U+%04X %s' % (ord(c), c) for c in missing),
          file=sys.stderr)
    sys.exit(1)
print('fonts: %d distinct characters of the catalogues are in installed fonts' % len(used))
PY
[ $fail = 0 ] && echo "fonts: fontconfig covers all 9 languages"
exit $fail
