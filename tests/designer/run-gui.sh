#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# The template studio under Xvfb, driven by script (kakanai-designer-dev): open a copy of a
# shipped template, select a field, drag and resize it (snapping), bind a card value from the
# picker, change its size, save — only those lines changed —, undo everything and save again —
# byte-identical —, sign the folder and verify the signature, open a broken template (clear
# message, no crash). Screenshots are kept in OUT for a person to look at.
#   run-gui.sh DESIGNER_DEV SRC_DIR OUT_DIR
set -eu
dev=$1 src=$2 out=$3
rm -rf "$out"
mkdir -p "$out/tpl"
cp "$src/templates/inkan.form" "$out/tpl/inkan.form"
cp "$out/tpl/inkan.form" "$out/original.form"
export GSK_RENDERER=cairo NO_AT_BRIDGE=1 GDK_BACKEND=x11
run() { # script file → runs the studio on the copy
    xvfb-run -a -s "-screen 0 1600x1000x24" "$dev" --script "$1" "$out/tpl/inkan.form" \
        >"$1.log" 2>&1 || { cat "$1.log"; echo "FAIL: studio script $1"; exit 1; }
    grep -q '^script: done' "$1.log" || { cat "$1.log"; echo "FAIL: $1 did not finish"; exit 1; }
}

cat >"$out/edit.script" <<EOS
expect-problems 0
screenshot $out/1-open.png
select field phone
expect-geometry 52 94 90 7
# 5 mm right, 0.2 mm down: snapping (edges, then the 0.5 mm grid) takes y back to 94
drag 5 0.2
expect-geometry 57 94 90 7
# the right edge, dragged 9.8 mm, snaps to the rule at 156 mm
resize 9.8 0
expect-geometry 57 94 99 7
pick {card.name}
expect-value value {card.name}
set size 9
expect-value size 9
screenshot $out/2-edited.png
save
quit
EOS
run "$out/edit.script"
# only the phone field's lines changed: box, value, size
changed=$(diff "$out/original.form" "$out/tpl/inkan.form" | grep -c '^>' || true)
[ "$changed" -eq 3 ] || { diff "$out/original.form" "$out/tpl/inkan.form"; echo "FAIL: $changed lines changed, expected 3"; exit 1; }
grep -q '^box = 57 94 99 7$' "$out/tpl/inkan.form" || { echo "FAIL: box line"; exit 1; }

cat >"$out/undo.script" <<EOS
select field phone
set size 12
undo
undo
undo
undo
expect-geometry 52 94 90 7
resident 2
screenshot $out/3-long-name.png
save
quit
EOS
cp "$out/original.form" "$out/tpl/inkan.form"
run "$out/undo.script"
cmp "$out/original.form" "$out/tpl/inkan.form" || { echo "FAIL: not byte-identical after undo"; exit 1; }

# sign the folder with a throw-away Ed25519 key and check it with the same library
openssl genpkey -algorithm ed25519 -out "$out/key.pem" 2>/dev/null
openssl pkey -in "$out/key.pem" -pubout -out "$out/key.pub.pem"
cat >"$out/sign.script" <<EOS
sign $out/key.pem
quit
EOS
run "$out/sign.script"
[ -s "$out/tpl/MANIFEST.sig" ] || { echo "FAIL: no signature"; exit 1; }
if command -v kakanai-form >/dev/null 2>&1 || [ -n "${KAKANAI_FORM:-}" ]; then
    "${KAKANAI_FORM:-kakanai-form}" verify --pubkey "$out/key.pub.pem" "$out/tpl"
fi

# a broken template: the studio says what is wrong and keeps running
printf '[form]\nid = broken\n[field a]\nbox = 1 2\nvalue = {card.name\n' >"$out/tpl/broken.form"
cat >"$out/broken.script" <<EOS
open $out/tpl/broken.form
expect-problems-at-least 1
screenshot $out/4-broken.png
quit
EOS
run "$out/broken.script"

# the screenshots show the page: many dark pixels, not a blank window
python3 - "$out" <<'EOP'
import struct, sys, zlib
def dark_share(path):
    data = open(path, 'rb').read()
    w, h, depth, ctype = struct.unpack('>IIBB', data[16:26])
    idat = b''
    pos = 8
    while pos < len(data):
        n, = struct.unpack('>I', data[pos:pos + 4]); kind = data[pos + 4:pos + 8]
        if kind == b'IDAT': idat += data[pos + 8:pos + 8 + n]
        pos += 12 + n
    raw = zlib.decompress(idat)
    bpp = {6: 4, 2: 3}[ctype]
    stride = w * bpp
    dark = 0
    prev = bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        dark += sum(1 for x in range(0, stride, bpp) if line[x + 1] < 100)
        prev = line
    return dark / (w * h)
out = sys.argv[1]
for name in ('1-open', '2-edited', '3-long-name'):
    share = dark_share(f'{out}/{name}.png')
    print(f'{name}: {share:.3%} dark pixels')
    if share < 0.01:
        sys.exit(f'FAIL: {name}.png looks blank')
EOP
echo "designer-gui: ok (screenshots in $out)"
