#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
"""Compare the fields of an imported template with the original's.

usage: compare.py ORIGINAL.form IMPORTED.form [--min-share S] [--vocab-only]

A field of the original is found when the import has a field with the same binding (its value
expression, `|default:` filters left out, and its circle/check choice) and
  position: the top-left corner and the height within 2 mm (where the text starts), and
  box:      all four edges within 2 mm.
Prints one line per field and the shares; exit 1 when the position share is below S.
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
    orig, imp = fields(args[0]), fields(args[1])
    pos_ok = box_ok = 0
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
        if best is not None:
            box, pos = best[0][0], best[0][1]
            how = "box" if box else "position" if pos else "far (%s)" % best[1]["box"]
            pos_ok += pos
            box_ok += box
        print("%-22s %-40s %s" % (o["name"], o["binding"][0] + (" " + o["binding"][1] if o["binding"][1] else ""), how))
    n = len(orig) or 1
    print("fields %d, found at position %d (%.0f%%), whole box %d (%.0f%%), proposed %d"
          % (len(orig), pos_ok, 100.0 * pos_ok / n, box_ok, 100.0 * box_ok / n, len(imp)))
    return 1 if pos_ok / n < min_share else 0


if __name__ == "__main__":
    sys.exit(main())
