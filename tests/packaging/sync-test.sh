#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# kakanai-sync from a local directory: the first tree is installed behind the "site" symlink, an
# unchanged source changes nothing, a broken template or an unsigned tree (when keys/ exist) is
# rejected while the kiosk keeps the previous tree, and only KEEP releases stay on disk.
# kakanai-form is replaced by a stand-in (KAKANAI_FORM) whose verdicts the test controls: the
# gate logic is what is tested here; the real check is in the install test.
# With the real kakanai-form and the shipped templates given, the same gate is also run for real:
# a signed copy of the templates is served, an altered file or a template with an error is refused.
#   sync-test.sh KAKANAI_SYNC [KAKANAI_FORM TEMPLATE_DIR]
set -eu
sync=$1
realform=${2:-}
realtemplates=${3:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
fail=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fail=1; fi; }

cat >"$dir/form" <<'EOS'
#!/bin/sh
# stand-in: "check DIR" fails if DIR has a file named BROKEN; "verify --key K DIR" needs DIR/SIGNED
case $1 in
check) ! ls "$2"/BROKEN* >/dev/null 2>&1 ;;
verify) [ "$2" = --pubkey ] && [ -f "$4/SIGNED" ] ;;
*) exit 2 ;;
esac
EOS
chmod +x "$dir/form"
export KAKANAI_FORM="$dir/form"
src=$dir/src
root=$dir/root
mkdir -p "$src/templates" "$root"
echo one >"$src/templates/a.tpl"
printf 'SOURCE=%s/\nKEEP=2\n' "$src" >"$dir/sync.conf"
run() { sh "$sync" --config "$dir/sync.conf" --root "$root" >"$dir/out" 2>&1; }

check "first sync succeeds" run
check "site points into releases/" "[ \"\$(readlink '$root/site')\" != '' ] && [ -f '$root/site/templates/a.tpl' ]"
first=$(readlink "$root/site")
sleep 1
check "unchanged source: success" run
check "unchanged source: same release" "[ \"\$(readlink '$root/site')\" = '$first' ]"

echo two >"$src/templates/a.tpl"
touch "$src/templates/BROKEN.tpl"
sleep 1
check "broken template: sync fails" "! run"
check "broken template: previous tree kept" "[ \"\$(readlink '$root/site')\" = '$first' ] && grep -qx one '$root/site/templates/a.tpl'"
check "broken template: nothing half-installed" "[ \$(ls '$root/releases' | wc -l) = 1 ] && [ ! -e '$root/site.new' ]"

rm "$src/templates/BROKEN.tpl"
mkdir -p "$src/keys" && echo key >"$src/keys/city.pub"
sleep 1
check "unsigned tree with keys/: sync fails" "! run"
check "unsigned tree: previous tree kept" "grep -qx one '$root/site/templates/a.tpl'"

touch "$src/templates/SIGNED"
check "signed tree: sync succeeds" run
check "signed tree: served" "grep -qx two '$root/site/templates/a.tpl'"
echo three >"$src/templates/a.tpl"
sleep 1
check "third tree" run
check "only KEEP=2 releases stay" "[ \$(ls '$root/releases' | wc -l) = 2 ]"
check "the served release is one of them" "[ -f '$root/site/templates/a.tpl' ] && grep -qx three '$root/site/templates/a.tpl'"
check "no source configured: nothing done, success" "sh '$sync' --config /nonexistent --root '$root' >/dev/null 2>&1"

if [ -n "$realform" ] && command -v openssl >/dev/null; then
    export KAKANAI_FORM="$realform"
    src=$dir/real-src
    root=$dir/real-root
    rm -rf "$src" "$root"
    mkdir -p "$src/keys" "$root"
    cp -r "$realtemplates" "$src/templates"
    openssl genpkey -algorithm ed25519 -out "$dir/city.key" 2>/dev/null
    openssl pkey -in "$dir/city.key" -pubout -out "$src/keys/city.pub" 2>/dev/null
    "$realform" sign --key "$dir/city.key" "$src/templates" >/dev/null
    printf 'SOURCE=%s/\n' "$src" >"$dir/sync.conf"
    check "real: signed templates are served" run
    served=$(readlink "$root/site")
    one=$(ls "$src/templates"/*.form | head -1)
    printf '\n# altered after signing\n' >>"$one"
    sleep 1
    check "real: a file altered after signing is refused" "! run && grep -q \"not signed\" \"\$dir/out\""
    check "real: the signed tree stays" "[ \"\$(readlink '$root/site')\" = '$served' ]"
    "$realform" sign --key "$dir/city.key" "$src/templates" >/dev/null
    printf '\n[field\n' >>"$one"
    "$realform" sign --key "$dir/city.key" "$src/templates" >/dev/null
    sleep 1
    check "real: a signed template with a syntax error is refused" "! run && grep -q \"kakanai-form check found errors\" \"\$dir/out\""
    check "real: the signed tree still stays" "[ \"\$(readlink '$root/site')\" = '$served' ]"
fi
[ "$fail" -eq 0 ] && echo "PASS: kakanai-sync" || cat "$dir/out"
exit "$fail"
