#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# make-corpus.sh KAKANAI_FORM TEMPLATES OUT — the import fuzz seeds from the shipped forms:
# each rendered blank (a PDF kakanai wrote), and one as a grey 100 dpi scan (PNG).
set -eu
K=$1 templates=$2 out=$3
for t in "$templates"/*.form; do
    "$K" render --blank --template "$t" --out "$out/$(basename "$t" .form).pdf" 2>/dev/null
done
pdftoppm -gray -r 100 -png -singlefile "$out/juminhyo.pdf" "$out/juminhyo-scan"
