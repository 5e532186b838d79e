#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
"""cardlib integration tests: the whole real stack.

    kakanai-card -> libkakanai-myna -> libpcsclite -> pcscd -> vpcd driver -> kakanai-vcard

Run inside tests/lib/with-pcscd.sh (a private pcscd; $KAKANAI_VPCD_PORT, $KAKANAI_PCSCD_PID):

    with-pcscd.sh /usr/bin/python3 run.py --bin DIR --profiles DIR CASE...

Cases: read pin pull pcscd (see the functions below). Every card process is our child; after
each case the test checks that no process carrying our vpcd port is left (pcscd excepted).
Nothing personal is printed on failure beyond the fictional profiles' field names.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

EXIT = dict(ok=0, usage=2, no_reader=3, no_card=4, removed=5, pin_wrong=6, pin_last=7,
            blocked=8, not_myna=9, bad_data=10, reader=11)
FIELDS = ("name", "address", "birth", "sex")

ARGS = None
FAILS = []
READER = "Virtual PCD 00 00"


def reader_state(timeout_ms=0, known=None):
    """pcscd's view of our reader: 'card', 'empty' or None (no pcscd / no reader)."""
    from smartcard import scard
    hr, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hr != scard.SCARD_S_SUCCESS:
        return None
    try:
        hr, states = scard.SCardGetStatusChange(ctx, timeout_ms,
                                                [(READER, known or scard.SCARD_STATE_UNAWARE)])
        if hr not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_TIMEOUT) or not states:
            return None
        ev = states[0][1]
        if ev & scard.SCARD_STATE_UNKNOWN:
            return None
        return "card" if ev & scard.SCARD_STATE_PRESENT and not ev & scard.SCARD_STATE_MUTE \
            else "empty"
    finally:
        scard.SCardReleaseContext(ctx)


def wait_reader(want, seconds=5.0):
    """Wait until pcscd has noticed an insertion/removal, so that tests never race it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if reader_state() == want:
            return True
        time.sleep(0.02)
    return False


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what, flush=True)
    return cond


class VCard:
    """kakanai-vcard as a child process, with a stats file."""

    def __init__(self, profile, state=None, overrides=None):
        self.dir = tempfile.mkdtemp(prefix="kakanai-vcard-")
        self.profile = profile
        if overrides:
            with open(profile, encoding="utf-8") as f:
                data = json.load(f)
            for k, v in overrides.items():
                if k == "faults":
                    data.setdefault("faults", {}).update(v)
                else:
                    data[k] = v
            self.profile = os.path.join(self.dir, "profile.json")
            with open(self.profile, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
        self.stats_path = os.path.join(self.dir, "stats.json")
        self.log_path = os.path.join(self.dir, "stderr.log")
        with open(self.profile, encoding="utf-8") as f:
            prof = json.load(f)
        self.secrets = [prof[k] for k in FIELDS + ("my_number", "pin") if len(prof[k]) > 1]
        cmd = [os.path.join(ARGS.bin, "kakanai-vcard"), "--profile", self.profile,
               "--stats", self.stats_path]
        if state:
            cmd += ["--state", state]
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, stderr=log)
        # wait until it has connected (the stats file says so)
        check(wait_reader("card"), "pcscd never saw the virtual card")

    def stats(self):
        try:
            with open(self.stats_path, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def pull(self):
        self.proc.send_signal(signal.SIGUSR1)

    def insert(self):
        self.proc.send_signal(signal.SIGUSR2)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                check(False, "kakanai-vcard did not exit on SIGTERM")
        check(self.proc.returncode == 0, "kakanai-vcard exited with %s" % self.proc.returncode)
        if reader_state() is not None:
            check(wait_reader("empty"), "pcscd never saw the card go")
            # pcscd polls the reader every 400 ms; a new card that arrives before the next
            # poll after a failed transmit leaves pcscd 1.9.9 + vpcd showing an empty reader.
            time.sleep(0.45)
        st = self.stats()
        with open(self.log_path, "rb") as f:
            log = f.read()
        for v in self.secrets:
            check(v.encode() not in log, "kakanai-vcard logged personal data")
        check(b"card inserted" in log, "kakanai-vcard logs its connection events")
        for name in os.listdir(self.dir):
            os.unlink(os.path.join(self.dir, name))
        os.rmdir(self.dir)
        return st


def card(args, stdin=None, timeout=20):
    """Run kakanai-card; returns (exit code, stdout bytes, seconds)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([os.path.join(ARGS.bin, "kakanai-card")] + args, input=stdin,
                           capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        check(False, "kakanai-card %s hung (> %ss)" % (args[0], timeout))
        return None, b"", timeout
    if p.stderr:
        # kakanai-card's stderr carries no personal data: show it for diagnosis
        sys.stdout.write("  [kakanai-card %s: exit %d: %s]\n"
                         % (args[0], p.returncode, p.stderr.decode("utf-8", "replace").strip()))
    return p.returncode, p.stdout, time.monotonic() - t0


def json_escape(s):
    """The minimal escaping kakanai-card promises: every other byte as it is."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return "".join(out).encode("utf-8")


def load(profile):
    with open(profile, encoding="utf-8") as f:
        return json.load(f)


def profiles():
    return sorted(os.path.join(ARGS.profiles, f) for f in os.listdir(ARGS.profiles)
                  if f.endswith(".json"))


def compare(prof, out, with_number, label):
    try:
        got = json.loads(out.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return check(False, "%s: output is not UTF-8 JSON" % label)
    ok = True
    for k in FIELDS:
        ok &= check(got.get(k) == prof[k], "%s: field %s differs" % (label, k))
        # byte for byte: the card's UTF-8 appears unchanged in the output
        ok &= check(json_escape(prof[k]) in out, "%s: field %s not byte-exact" % (label, k))
    if with_number:
        ok &= check(got.get("my_number") == prof["my_number"], "%s: my_number differs" % label)
    else:
        ok &= check("my_number" not in got, "%s: my_number printed without --with-number" % label)
    return ok


# ---- cases ---------------------------------------------------------------------------------

def case_read():
    """Every profile that is not blocked: read, compare every field byte for byte."""
    for path in profiles():
        prof = load(path)
        label = os.path.basename(path)
        if prof.get("pin_tries", 3) == 0:
            continue
        vc = VCard(path)
        rc, out, _ = card(["read", "--wait", "5", "--with-number", "--pin-stdin"],
                          (prof["pin"] + "\n").encode())
        if check(rc == EXIT["ok"], "%s: read exit %s" % (label, rc)):
            compare(prof, out, True, label)
        # the same without the number, with the digests checked
        rc, out, _ = card(["read", "--wait", "5", "--verify", "--pin-stdin"],
                          (prof["pin"] + "\n").encode())
        if check(rc == EXIT["ok"], "%s: read --verify exit %s" % (label, rc)):
            compare(prof, out, False, label + " --verify")
            check(json.loads(out).get("verified") is True, "%s: digests not verified" % label)
        # number and digests together: DF 31 covers EF 0001's TLV (not its FF padding)
        rc, out, _ = card(["read", "--wait", "5", "--with-number", "--verify", "--pin-stdin"],
                          (prof["pin"] + "\n").encode())
        if check(rc == EXIT["ok"], "%s: read --with-number --verify exit %s" % (label, rc)):
            compare(prof, out, True, label + " --with-number --verify")
        st = vc.stop()
        check(st.get("pin_tries") == 3, "%s: a good PIN must reset the tries" % label)
        print("ok read", label, flush=True)
    # status: tries without spending one, no personal data
    path = os.path.join(ARGS.profiles, "yoshida-taro.json")
    prof = load(path)
    vc = VCard(path)
    rc, out, _ = card(["status", "--wait", "5"])
    if check(rc == 0, "status exit %s" % rc):
        st = json.loads(out)
        check(st.get("pin_tries") == 3, "status: pin_tries %r" % st.get("pin_tries"))
        for k in FIELDS:
            check(json_escape(prof[k]) not in out or k in ("sex",), "status shows %s" % k)
    rc, out, _ = card(["readers"])
    check(rc == 0 and b"Virtual PCD" in out, "readers exit %s" % rc)
    rc, out, _ = card(["status", "--reader", READER])
    check(rc == 0, "status --reader: exit %s" % rc)
    rc, _, _ = card(["status", "--reader", "No Such Reader"])
    check(rc == EXIT["no_reader"], "status --reader unknown: exit %s" % rc)
    rc, _, _ = card(["read", "--reader", "Virtual PCD 00 01", "--pin-stdin"],
                    (prof["pin"] + "\n").encode())
    check(rc == EXIT["no_card"], "read from the empty reader: exit %s" % rc)
    # 照合番号B: birth YYMMDD + expiry year + security code
    code = prof["birth"][2:] + prof["expiry_year"] + prof["security_code"]
    rc, out, _ = card(["read", "--wait", "5", "--checkcode-b-stdin"], (code + "\n").encode())
    if check(rc == 0, "checkcode-b read exit %s" % rc):
        compare(prof, out, False, "checkcode-b")
    st = vc.stop()
    check(st.get("verify_with_data") == 1, "status must not VERIFY with data (saw %s)"
          % st.get("verify_with_data"))
    print("ok status/readers/checkcode-b", flush=True)
    # some other card: no Kenhojo AP
    vc = VCard(path, overrides={"kenhojo_ap": False})
    rc, out, _ = card(["read", "--wait", "5", "--pin-stdin"], (prof["pin"] + "\n").encode())
    check(rc == EXIT["not_myna"], "card without the Kenhojo AP: exit %s" % rc)
    st = vc.stop()
    check(st.get("verify_with_data") == 0, "a card that is not a My Number card got a PIN")
    # command line: version, usage
    rc, out, _ = card(["--version"])
    check(rc == 0 and out.startswith(b"kakanai-card "), "--version exit %s" % rc)
    rc, _, _ = card(["read"])
    check(rc == EXIT["usage"], "read without --pin-stdin: exit %s" % rc)
    rc, _, _ = card(["frobnicate"])
    check(rc == EXIT["usage"], "unknown command: exit %s" % rc)
    print("ok not-a-myna-card, --version, usage", flush=True)


def case_pin():
    """Wrong PIN -> 6, last try -> 7, blocked -> 8, and a blocked card gets no VERIFY."""
    path = os.path.join(ARGS.profiles, "yoshida-taro.json")
    prof = load(path)
    wrong = "0000" if prof["pin"] != "0000" else "1111"
    state = tempfile.mktemp(prefix="kakanai-vcard-state-")
    vc = VCard(path, state=state)
    expect = [("pin_wrong", 2), ("pin_last", 1), ("blocked", 0)]
    for name, tries in expect:
        rc, out, _ = card(["read", "--wait", "5", "--pin-stdin"], (wrong + "\n").encode())
        check(rc == EXIT[name], "wrong PIN: expected exit %s, got %s" % (EXIT[name], rc))
        try:
            check(json.loads(out).get("tries_left") == tries, "tries_left after wrong PIN")
        except ValueError:
            check(False, "error output is not JSON")
    before = vc.stats().get("verify_with_data")
    rc, out, _ = card(["read", "--wait", "5", "--pin-stdin"], (prof["pin"] + "\n").encode())
    check(rc == EXIT["blocked"], "blocked card, right PIN: exit %s" % rc)
    check(vc.stats().get("verify_with_data") == before, "a blocked card received a VERIFY")
    for k in FIELDS:
        check(json_escape(prof[k]) not in out, "blocked card: %s printed" % k)
    vc.stop()
    # the state file keeps it blocked across runs
    vc = VCard(path, state=state)
    rc, _, _ = card(["read", "--wait", "5", "--pin-stdin"], (prof["pin"] + "\n").encode())
    check(rc == EXIT["blocked"], "blocked state not kept across runs: exit %s" % rc)
    st = vc.stop()
    check(st.get("verify_with_data") == 0, "blocked (state) card received a VERIFY")
    os.unlink(state)
    print("ok pin wrong/last/blocked/state", flush=True)

    # the shipped profiles: one try left, blocked
    p1 = os.path.join(ARGS.profiles, "one-try-left.json")
    vc = VCard(p1)
    rc, out, _ = card(["status", "--wait", "5"])
    check(rc == 0 and json.loads(out or b"{}").get("pin_tries") == 1, "one-try-left status")
    rc, _, _ = card(["read", "--wait", "5", "--pin-stdin"], (load(p1)["pin"] + "\n").encode())
    check(rc == 0, "one-try-left, right PIN: exit %s" % rc)
    vc.stop()
    vc = VCard(p1)
    rc, _, _ = card(["read", "--wait", "5", "--pin-stdin"], b"9999\n" if load(p1)["pin"] != "9999" else b"0000\n")
    check(rc == EXIT["blocked"], "one-try-left, wrong PIN: exit %s" % rc)
    vc.stop()
    pb = os.path.join(ARGS.profiles, "blocked.json")
    vc = VCard(pb)
    rc, _, _ = card(["read", "--wait", "5", "--pin-stdin"], (load(pb)["pin"] + "\n").encode())
    check(rc == EXIT["blocked"], "blocked profile: exit %s" % rc)
    rc, _, _ = card(["read", "--wait", "5", "--pin-stdin"], b"12\n")
    check(rc == EXIT["usage"], "malformed PIN: exit %s" % rc)
    st = vc.stop()
    check(st.get("verify_with_data") == 0, "blocked profile received a VERIFY with data")
    print("ok pin one-try-left/blocked profiles", flush=True)


def case_pull():
    """Pull the card after each APDU in turn: a clean 'card removed', never a crash or hang."""
    path = os.path.join(ARGS.profiles, "yoshida-taro.json")
    prof = load(path)
    pin = (prof["pin"] + "\n").encode()
    vc = VCard(path)
    rc, _, _ = card(["read", "--wait", "5", "--with-number", "--pin-stdin"], pin)
    total = vc.stop().get("apdus", 0)
    check(rc == 0 and total > 0, "baseline read (exit %s, %s APDUs)" % (rc, total))
    for n in range(1, total + 1):
        vc = VCard(path, overrides={"faults": {"remove_after_apdus": n}})
        rc, out, secs = card(["read", "--wait", "5", "--with-number", "--pin-stdin"], pin,
                             timeout=15)
        st = vc.stop()
        if n < total:
            check(rc == EXIT["removed"], "pulled after APDU %d/%d: exit %s" % (n, total, rc))
            for k in FIELDS:
                check(json_escape(prof[k]) not in out, "pulled after %d: %s printed" % (n, k))
        else:
            check(rc in (EXIT["ok"], EXIT["removed"]), "pulled after the last APDU: exit %s" % rc)
        check(st.get("pulls") == 1, "the card was pulled after APDU %d" % n)
        check(secs < 10, "pulled after APDU %d: took %.1fs" % (n, secs))
    print("ok pull at every APDU 1..%d" % total, flush=True)

    # pulled and inserted again at run time (signals): the next read works
    vc = VCard(path)
    vc.pull()
    check(wait_reader("empty"), "SIGUSR1 did not pull the card")
    rc, _, _ = card(["read", "--pin-stdin"], pin)
    check(rc in (EXIT["no_card"],), "read with the card out: exit %s" % rc)
    vc.insert()
    rc, out, _ = card(["read", "--wait", "5", "--pin-stdin"], pin)
    check(rc == 0, "read after re-insert: exit %s" % rc)
    vc.stop()
    print("ok pull/insert by signal", flush=True)


def case_pcscd():
    """pcscd killed mid-session: a clean error in bounded time; after a restart reads work."""
    path = os.path.join(ARGS.profiles, "yoshida-taro.json")
    prof = load(path)
    pin = (prof["pin"] + "\n").encode()
    vc = VCard(path, overrides={"faults": {"latency_ms": 200}})
    p = subprocess.Popen([os.path.join(ARGS.bin, "kakanai-card"), "read", "--wait", "5",
                          "--pin-stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    p.stdin.write(pin)
    p.stdin.close()
    time.sleep(1.0)  # a few APDUs into the session
    pcscd_pid = int(os.environ["KAKANAI_PCSCD_PID"])
    os.kill(pcscd_pid, signal.SIGKILL)
    try:
        rc = p.wait(15)
        out = p.stdout.read()
        check(rc in (EXIT["no_reader"], EXIT["removed"], EXIT["reader"]),
              "pcscd killed mid-session: exit %s" % rc)
        for k in FIELDS:
            check(json_escape(prof[k]) not in out, "pcscd killed: %s printed" % k)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        check(False, "kakanai-card hung when pcscd died")
    p.stdout.close()
    rc, _, _ = card(["readers"], timeout=10)
    check(rc == EXIT["no_reader"], "readers without pcscd: exit %s" % rc)
    # restart pcscd as with-pcscd.sh documents; the vcard reconnects on its own
    log = open(os.environ.get("KAKANAI_PCSCD_LOG", "/dev/null"), "ab")
    pc = subprocess.Popen(["pcscd", "--foreground", "--config", os.environ["KAKANAI_PCSCD_CONF"]],
                          stdout=log, stderr=log)
    try:
        for _ in range(100):
            if reader_state() is not None:
                break
            time.sleep(0.05)
        check(wait_reader("card", 8), "the vcard did not come back after the pcscd restart")
        rc, out, _ = card(["read", "--wait", "8", "--pin-stdin"], pin)
        if check(rc == 0, "read after pcscd restart: exit %s" % rc):
            compare(prof, out, False, "after pcscd restart")
    finally:
        vc.stop()
        pc.terminate()
        try:
            pc.wait(5)
        except subprocess.TimeoutExpired:
            pc.kill()
            pc.wait()
        log.close()
    print("ok pcscd killed and restarted", flush=True)


def leftovers():
    """Processes that carry our vpcd port in their environment, other than pcscd and us."""
    port = os.environ.get("KAKANAI_VPCD_PORT", "")
    mine = {os.getpid()}
    pid = os.getppid()
    while pid > 1:
        mine.add(pid)
        try:
            with open("/proc/%d/stat" % pid) as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            break
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit() or int(d) in mine:
            continue
        try:
            with open("/proc/%s/environ" % d, "rb") as f:
                env = f.read().split(b"\0")
            with open("/proc/%s/comm" % d) as f:
                comm = f.read().strip()
        except OSError:
            continue
        if ("KAKANAI_VPCD_PORT=%s" % port).encode() in env and comm != "pcscd":
            found.append("%s(%s)" % (comm, d))
    return found


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--profiles", required=True)
    ap.add_argument("cases", nargs="+", choices=["read", "pin", "pull", "pcscd"])
    ARGS = ap.parse_args()
    if "KAKANAI_VPCD_PORT" not in os.environ:
        print("run me through tests/lib/with-pcscd.sh", file=sys.stderr)
        return 2
    order = ["read", "pin", "pull", "pcscd"]  # pcscd last: it restarts the daemon
    for c in sorted(set(ARGS.cases), key=order.index):
        t0 = time.monotonic()
        globals()["case_" + c]()
        left = leftovers()
        check(not left, "case %s left processes behind: %s" % (c, ", ".join(left)))
        print("case %s: %.1fs" % (c, time.monotonic() - t0), flush=True)
    if FAILS:
        print("%d failure(s)" % len(FAILS))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
