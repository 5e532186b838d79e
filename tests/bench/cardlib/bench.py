#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
"""bench-cardlib: APDUs and wall time from "card present" to "attributes in memory".

Through the real stack (libpcsclite -> private pcscd -> vpcd -> kakanai-vcard) with every
card response delayed by latency_ms (a contactless reader's ~20 ms), in the same run:

  kakanai   kakanai-card read --timing (libkakanai-myna: connect, SELECT AP, SELECT PIN EF,
            tries left, VERIFY, SELECT 0002, READ BINARY...)
  pyscard   a straightforward reader following the public sequence (jpki/myna): connect,
            SELECT AP, SELECT PIN EF, VERIFY, SELECT 0002, READ BINARY 5 header bytes, then
            READ BINARY the whole element (in 256-byte pieces)

Run inside tests/lib/with-pcscd.sh. Prints figures; it is not a test (exit 0 unless broken).
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

from smartcard import scard

READER = "Virtual PCD 00 00"


def wait_present(seconds=8.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hr == scard.SCARD_S_SUCCESS:
            hr, st = scard.SCardGetStatusChange(ctx, 0, [(READER, scard.SCARD_STATE_UNAWARE)])
            scard.SCardReleaseContext(ctx)
            if hr == scard.SCARD_S_SUCCESS and st and st[0][1] & scard.SCARD_STATE_PRESENT:
                return True
        time.sleep(0.02)
    return False


def pyscard_read(pin):
    """The public sequence, as a careful script would write it. Returns (apdus, ms)."""
    apdus = 0
    hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    t0 = time.perf_counter()
    hr, h, proto = scard.SCardConnect(ctx, READER, scard.SCARD_SHARE_SHARED,
                                      scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
    if hr != scard.SCARD_S_SUCCESS:
        raise RuntimeError("connect: " + scard.SCardGetErrorMessage(hr))

    def tx(apdu):
        nonlocal apdus
        apdus += 1
        hr, resp = scard.SCardTransmit(h, proto, list(apdu))
        if hr != scard.SCARD_S_SUCCESS or len(resp) < 2:
            raise RuntimeError("transmit failed")
        if resp[-2:] != [0x90, 0x00]:
            raise RuntimeError("status word %02X%02X" % tuple(resp[-2:]))
        return bytes(resp[:-2])

    tx(bytes.fromhex("00A4040C0AD3921000310001010408"))
    tx(bytes.fromhex("00A4020C020011"))
    tx(bytes.fromhex("0020008004") + pin.encode())
    tx(bytes.fromhex("00A4020C020002"))
    head = tx(bytes.fromhex("00B0000005"))
    total = 5 + (head[3] << 8 | head[4])
    data = b""
    while len(data) < total:
        n = min(256, total - len(data))
        data += tx(bytes([0x00, 0xB0, len(data) >> 8, len(data) & 0xFF, n & 0xFF]))
    # parse DF22..DF25 (minimal BER) so that the attributes are "in memory"
    pos, attrs = 5, {}
    while pos < total:
        tag = data[pos + 1]
        ln = data[pos + 2]
        pos += 3
        if ln & 0x80:
            k = ln & 0x7F
            ln = int.from_bytes(data[pos:pos + k], "big")
            pos += k
        attrs[tag] = data[pos:pos + ln]
        pos += ln
    ms = (time.perf_counter() - t0) * 1000
    assert 0x22 in attrs and 0x25 in attrs
    scard.SCardDisconnect(h, scard.SCARD_LEAVE_CARD)
    scard.SCardReleaseContext(ctx)
    return apdus, ms


def card_apdus(stats_path):
    """Command APDUs the virtual card has answered so far (its --stats file)."""
    with open(stats_path, encoding="utf-8") as f:
        return json.load(f)["apdus"]


def kakanai_read(bindir, pin):
    p = subprocess.run([os.path.join(bindir, "kakanai-card"), "read", "--timing", "--pin-stdin"],
                       input=(pin + "\n").encode(), capture_output=True, timeout=30)
    if p.returncode != 0:
        raise RuntimeError("kakanai-card read: exit %d" % p.returncode)
    m = re.search(rb"timing apdus=(\d+) ms=([0-9.]+)", p.stderr)
    return int(m.group(1)), float(m.group(2))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--profiles", required=True)
    ap.add_argument("--latency", type=int, default=20)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()

    print("cardlib benchmark: card present -> attributes in memory, real pcscd + vpcd, "
          "latency %d ms per APDU, median of %d runs" % (args.latency, args.runs))
    print("%-22s %-8s %6s %9s %12s %9s %8s" % ("profile", "reader", "APDUs", "ms",
                                               "APDUs*lat", "overhead", "ratio"))
    for prof_name in ("yoshida-taro.json", "sato-hanako-katagaki.json"):
        with open(os.path.join(args.profiles, prof_name), encoding="utf-8") as f:
            prof = json.load(f)
        prof.setdefault("faults", {})["latency_ms"] = args.latency
        tmp = tempfile.mkdtemp(prefix="kakanai-bench-")
        ppath = os.path.join(tmp, "profile.json")
        spath = os.path.join(tmp, "stats.json")
        with open(ppath, "w", encoding="utf-8") as f:
            json.dump(prof, f, ensure_ascii=False)
        def start(stats):
            cmd = [os.path.join(args.bin, "kakanai-vcard"), "--profile", ppath, "--quiet"]
            return subprocess.Popen(cmd + (["--stats", spath] if stats else []))

        def stop(vc):
            vc.send_signal(signal.SIGTERM)
            vc.wait(10)
            time.sleep(0.5)  # one pcscd poll: the next card must be seen arriving

        readers = (("kakanai", lambda: kakanai_read(args.bin, prof["pin"])),
                   ("pyscard", lambda: pyscard_read(prof["pin"])))
        rows = {}
        try:
            # timed runs: the card writes no statistics file (no disk work per APDU)
            vc = start(False)
            if not wait_present():
                print("the virtual card did not appear", file=sys.stderr)
                return 1
            for name, fn in readers:
                fn()  # warm-up (page cache, pcscd threads)
                res = [fn() for _ in range(args.runs)]
                rows[name] = (res[0][0], statistics.median(r[1] for r in res))
            stop(vc)
            # untimed: what the card itself saw per read, against each reader's own count
            vc = start(True)
            if wait_present():
                for name, fn in readers:
                    before = card_apdus(spath)
                    fn()
                    seen = card_apdus(spath) - before
                    if seen != rows[name][0]:
                        print("%s: the card answered %d APDUs, the reader counted %d"
                              % (name, seen, rows[name][0]), file=sys.stderr)
            stop(vc)
            for name, (n, ms) in rows.items():
                ideal = n * args.latency
                ratio = ms / rows["pyscard"][1]
                print("%-22s %-8s %6d %9.1f %12d %8.1f%% %8.2f" % (
                    prof_name[:-5], name, n, ms, ideal, (ms - ideal) / ideal * 100, ratio))
        finally:
            if vc.poll() is None:
                stop(vc)
            for fn in os.listdir(tmp):
                os.unlink(os.path.join(tmp, fn))
            os.rmdir(tmp)
    print("overhead = time beyond APDUs x latency (goal: within 10%); ratio = kakanai / pyscard")
    print("fewest the card allows: SELECT AP, SELECT PIN EF, VERIFY, SELECT 0002, READ BINARY Le=00"
          " = 5 (+1 READ per further 256 bytes with short Le);\nkakanai adds one VERIFY without"
          " data (tries left, spends none) so that a blocked card never gets a VERIFY")
    return 0


if __name__ == "__main__":
    sys.exit(main())
