#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
"""Compare the fields of an imported template with the original's.

usage: compare.py ORIGINAL.form... -- IMPORTED.form... [--min-share S]

A field of the original is found when the import has a field with the same binding (its value
expression, `|default:` filters left out, and its circle/check choice) and
  position: the top-left corner and the height within 2 mm (where the text starts), and
  box:      all four edges within 2 mm.
Prints one line per field and the shares over all fields and over the fields that are not
circled or checked options (a choice's options carry the template's own ids, which no import can
know); exit 1 when the position share of the latter is below S.
"""
import re
import sys

TOL = 2.0


def fields(path):
    out, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("["):
            cur = None
            m = re.match(r"\[field ([a-z0-9_]+)\]", line)
            if m:
                cur = {"name": m.group(1)}
                out.append(cur)
        elif cur is not None and "=" in line and not line.startswith("#"):
            k, v = (x.strip() for x in line.split("=", 1))
            cur[k] = v
    for f in out:
        f["box"] = [float(x) for x in f["box"].replace(",", " ").split()]
        value = re.sub(r"\|default:[^}|]*", "", f.get("value", ""))
        f["binding"] = (value, f.get("circle", f.get("check", "")))
    return out


def main():
    args = sys.argv[1:]
    min_share = 0.0
    if "--min-share" in args:
        i = args.index("--min-share")
        min_share = float(args[i + 1])
        del args[i:i + 2]
    sep = args.index("--")
    origs, imps = args[:sep], args[sep + 1:]
    tot = {"all": [0, 0, 0], "text": [0, 0, 0]}
    for op, ip in zip(origs, imps):
        orig, imp = fields(op), fields(ip)
        print("== %s (%d proposed)" % (op, len(imp)))
        for o in orig:
            best, how = None, "missing"
            for f in imp:
                if f["binding"] != o["binding"]:
                    continue
                d = [abs(a - b) for a, b in zip(o["box"], f["box"])]
                edges = [d[0], d[1], abs(o["box"][0] + o["box"][2] - f["box"][0] - f["box"][2]),
                         abs(o["box"][1] + o["box"][3] - f["box"][1] - f["box"][3])]
                pos = d[0] <= TOL and d[1] <= TOL and d[3] <= TOL
                box = max(edges) <= TOL
                score = (box, pos, -sum(edges))
                if best is None or score > best[0]:
                    best = (score, f)
            pos = box = False
            if best is not None:
                box, pos = best[0][0], best[0][1]
                how = "box" if box else "position" if pos else "far %s" % best[1]["box"]
            kinds = ["all"] + ([] if o["binding"][1] else ["text"])
            for k in kinds:
                tot[k][0] += 1
                tot[k][1] += pos
                tot[k][2] += box
            mark = " " + o["binding"][1] if o["binding"][1] else ""
            print("  %-22s %-36s %s" % (o["name"], o["binding"][0] + mark, how))
    for k, label in (("all", "all fields"), ("text", "fields that are not options")):
        n, p, b = tot[k]
        print("%s: %d, found at position %d (%.1f%%), whole box %d (%.1f%%)"
              % (label, n, p, 100.0 * p / max(n, 1), b, 100.0 * b / max(n, 1)))
    n, p, _ = tot["text"]
    return 1 if p / max(n, 1) < min_share else 0


if __name__ == "__main__":
    sys.exit(main())
