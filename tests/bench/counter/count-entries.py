#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
"""count-entries.py — entries a resident would have handwritten on the forms of one visit.

    count-entries.py KAKANAI_FORM KEYS DRIVER_OUT

KEYS: the value keys the visit set (counter-household --keys: names only, choice answers as
key=choice). DRIVER_OUT: its "TEMPLATE <form id> <file>" lines. Each template's fields come
from `kakanai-form dump`; a field counts when it shows something on paper: a value whose
{key} the visit set (or that has a default), a circle/check mark whose choice was made. Static
text and the guide sheet (annai, staff's paper) do not count. Prints one line per form and a
total, as "entries FORM N".
"""
import re
import subprocess
import sys

form_tool, keys_path, driver_out = sys.argv[1:4]
keys, choice = set(), {}
for line in open(keys_path, encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    if "=" in line:
        k, v = line.split("=", 1)
        keys.add(k)
        choice[k] = v.split(",")
    else:
        keys.add(line)

templates = []
for line in open(driver_out, encoding="utf-8"):
    parts = line.split()
    if len(parts) == 3 and parts[0] == "TEMPLATE":
        templates.append((parts[1], parts[2]))

token = re.compile(r"\{([^}|]+)((?:\|[^}]*)?)\}")
total = 0
for form_id, path in templates:
    if form_id == "annai":
        continue
    dump = subprocess.run([form_tool, "dump", path], capture_output=True, text=True).stdout
    fields, cur = [], None
    for line in dump.splitlines():
        if line.startswith("field "):
            cur = {"value": "", "when": None}
            fields.append(cur)
        elif not line.startswith("  "):
            cur = None
        elif cur is not None:
            w = line.split(None, 1)
            if w[0] == "value" and len(w) > 1:
                cur["value"] = w[1]
            elif w[0] in ("circle", "check") and len(w) > 1 and w[1].startswith("when "):
                cur["when"] = w[1][5:].strip()
    n = 0
    for f in fields:
        toks = token.findall(f["value"])
        if not toks:
            continue
        if f["when"] is not None:
            k = toks[0][0]
            if f["when"] in choice.get(k, []):
                n += 1
            continue
        if any(k in keys or "default:" in flt for k, flt in toks):
            n += 1
    print(f"entries {form_id} {n}")
    total += n
print(f"entries total {total}")
