#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
"""Write the seed corpus of fuzz-card (fictional data): run from this folder."""
import hashlib, os

def tlv(tag, val):
    t = tag.to_bytes(2 if tag > 0xFF else 1, 'big')
    n = len(val)
    if n < 0x80: l = bytes([n])
    elif n < 0x100: l = bytes([0x81, n])
    else: l = bytes([0x82, n >> 8, n & 0xFF])
    return t + l + val

def attrs(name, addr, birth=b'19800401', sex=b'1'):
    inner = tlv(0xDF21, bytes(5)) + tlv(0xDF22, name) + tlv(0xDF23, addr) + tlv(0xDF24, birth) + tlv(0xDF25, sex)
    return tlv(0xFF20, inner), inner[8:]

def resp(data=b'', sw=0x9000):
    r = data + sw.to_bytes(2, 'big')
    assert len(r) < 256
    return bytes([len(r)]) + r

def session(mode, ef2, extra=b''):
    out = bytes([mode]) + resp() + resp(sw=0x9000) + resp(sw=0x63C3) + resp() + resp() + resp(ef2) + extra
    return out

name = '𠮷田 太郎'.encode()
addr = '山口県葛\U000E0100城市1番1号'.encode()
ef2, span = attrs(name, addr)
num = tlv(0xFF10, b'123456789018')
ef1 = num + b'\xff\xff'
sig = tlv(0xDF31, hashlib.sha256(num).digest()) + tlv(0xDF32, hashlib.sha256(span).digest()) + tlv(0xDF33, bytes(256))
ef3 = tlv(0xFF30, sig)
os.makedirs('corpus', exist_ok=True)
seeds = {
    'attrs-ok': session(0, ef2),
    'attrs-number': session(2, ef2, resp() + resp(ef1)),
    'attrs-verify': session(6, ef2, resp() + resp(ef1) + resp() + resp(ef3[:253]) + resp(ef3[253:])),
    'blocked': bytes([0]) + resp() + resp() + resp(sw=0x63C0),
    'wrong-pin': bytes([8]) + resp() + resp() + resp(sw=0x63C2) + resp(sw=0x63C1),
    'checkcode-b': bytes([1]) + resp() + resp() + resp(sw=0x63CA) + resp() + resp() + resp(ef2),
    'truncated': session(0, ef2)[:40],
    'wrong-le': bytes([0]) + resp() + resp() + resp(sw=0x63C3) + resp() + resp() + resp(sw=0x6C00 | len(ef2)) + resp(ef2),
    'get-response': bytes([0]) + resp() + resp() + resp(sw=0x63C3) + resp() + resp() + resp(ef2[:20], 0x6100 | (len(ef2) - 20)) + resp(ef2[20:]),
    'lying-length': session(0, ef2[:2] + bytes([0x81, 0xF0]) + ef2[3:]),
    'replay-script': bytes([0x80]) + ('> 00A4040C0AD3921000310001010408\n< 9000\n> *\n< 9000\n> *\n< 63C3\n> *\n< 9000\n> *\n< 9000\n> *\n< ' + ef2.hex() + '9000\n').encode(),
}
for k, v in seeds.items():
    with open(os.path.join('corpus', k), 'wb') as f:
        f.write(v)
