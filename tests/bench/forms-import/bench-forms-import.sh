#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# bench-forms-import — in one run: import time per page (bench-import), and the size of a
# filled form whose background is the city's page kept vector (a Form XObject) against the
# same page rasterized at 300 dpi (a PNG background, what a city gets by scanning or
# converting its PDF). The city's page is the blank 住民票 application; its template is the
# one `kakanai-form import` proposes.
#
#   bench-forms-import.sh BENCH_IMPORT KAKANAI_FORM SRC WORK RUNS
set -eu
B=$1 K=$2 src=$3 work=$4 runs=$5
mkdir -p "$work/vec" "$work/ras"
echo "== import time (each shipped form rendered blank, imported $runs times)"
"$B" "$src/templates" "$runs"

"$K" render --blank --template "$src/templates/juminhyo.form" --out "$work/city.pdf" 2>/dev/null
"$K" import "$work/city.pdf" --out "$work/vec/city.form" 2>/dev/null
pdftoppm -r 300 -png -singlefile "$work/city.pdf" "$work/ras/city300"
# a grey scan of the same page (pdftoppm writes RGB even with -gray here): ImageMagick
convert "$work/ras/city300.png" -colorspace Gray -depth 8 "$work/ras/city300g.png"
sed 's/^background = city.pdf$/background = city300.png/' "$work/vec/city.form" >"$work/ras/city.form"
sed 's/^background = city.pdf$/background = city300g.png/' "$work/vec/city.form" >"$work/ras/cityg.form"
printf '{"furigana":"ヨシダ タロウ","phone":"083-000-0000"}' >"$work/answers.json"
prof=$src/tests/profiles/yoshida-taro.json
for v in vec/city ras/city ras/cityg; do
    t0=$(date +%s%N)
    "$K" render --template "$work/$v.form" --card-profile "$prof" --answers "$work/answers.json" \
        --today 20260401 --out "$work/$(echo $v | tr / -).pdf" 2>/dev/null
    t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 ))" >"$work/$(echo $v | tr / -).ms"
done
sz() { stat -c %s "$1"; }
vec=$(sz "$work/vec-city.pdf") ras=$(sz "$work/ras-city.pdf") rasg=$(sz "$work/ras-cityg.pdf")
echo "== a filled 住民票 application, background kept vector vs rasterized at 300 dpi"
printf '  city page (the PDF)          %8d bytes\n' "$(sz "$work/city.pdf")"
printf '  filled, vector background    %8d bytes  (%s ms to render, CLI)\n' "$vec" "$(cat "$work/vec-city.ms")"
printf '  filled, 300 dpi PNG (colour) %8d bytes  (%s ms)\n' "$ras" "$(cat "$work/ras-city.ms")"
printf '  filled, 300 dpi PNG (grey)   %8d bytes  (%s ms)\n' "$rasg" "$(cat "$work/ras-cityg.ms")"
awk -v v="$vec" -v r="$ras" -v g="$rasg" 'BEGIN {
    printf "ratio raster/vector: %.1fx (colour), %.1fx (grey)\n", r / v, g / v }'
