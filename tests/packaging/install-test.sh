#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# The install test: build the .debs with cpack, put them in a local apt repository inside a fresh
# Debian 12 minbase root (debootstrap), install a kiosk with ONE "apt-get install kakanai-kiosk"
# (its dependencies bring the libraries and the tools) and check what a municipality gets: the
# programs start, the shipped templates pass "kakanai-form check", the kakanai user and the units
# exist, kakanai-setup-cups works on the real cupsd.conf, nothing of the test machinery is
# installed (no virtual card, replay or test key in any library or tool, no kakanai-vcard), a
# vendor's program builds against libkakanai-dev with pkg-config alone, and a purge leaves
# nothing behind.
#
#   install-test.sh SOURCE_DIR BUILD_DIR [PROGRAM...]   (as root; PROGRAMs must be in the packages)
#
# A package must be built with -DCMAKE_INSTALL_PREFIX=/usr (the kiosk compiles its locale path in,
# libraries go to the multiarch directory). If BUILD_DIR was configured otherwise, the packages are
# built in BUILD_DIR/packaging-cache/build (configured once, then incremental).
#
# Caches under BUILD_DIR/packaging-cache: the debootstrap tarball (made once with --make-tarball,
# then --unpack-tarball) and apt's downloaded .debs, so a rerun downloads nothing. Runs in its own
# mount namespace: the chroot's proc/sys/dev mounts disappear with the process on every exit
# path, and are also unmounted explicitly. MIRROR overrides the Debian mirror.
set -eu

src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
shift 2
mirror=${MIRROR:-http://deb.debian.org/debian}
suite=bookworm

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: the install test needs root (debootstrap, chroot, mount)"
    exit 77
fi
for tool in debootstrap cpack chroot unshare dpkg-scanpackages nm strings; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

# Re-enter in a private mount namespace (mounts cannot leak even on SIGKILL).
if [ -z "${KAKANAI_INSTALL_TEST_NS:-}" ]; then
    KAKANAI_INSTALL_TEST_NS=1 exec unshare --mount --propagation private -- "$0" "$src" "$build" "$@"
fi

start=$(date +%s)
step() { echo "[$(($(date +%s) - start))s] $*"; }

cache=$build/packaging-cache
mkdir -p "$cache/apt-archives/partial"
# Roots left by a run that was killed outright (SIGKILL skips the trap; its mounts died with its
# namespace, only files remain). Older than 20 minutes: no run takes that long.
find "$cache" -maxdepth 1 -name 'root.*' -mmin +20 -exec rm -rf {} + 2>/dev/null || true
root=$(mktemp -d "$cache/root.XXXXXX")
mounted=
cleanup() {
    rc=$?
    for m in $mounted; do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
    rm -rf "$root"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
mnt() { # mnt TARGET MOUNT-ARGS... (remembered for the cleanup, newest first)
    target=$1
    shift
    mount "$@" "$target"
    mounted="$target $mounted"
}
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }

pkgbuild=$build
if ! grep -qx 'CMAKE_INSTALL_PREFIX:PATH=/usr' "$build/CMakeCache.txt" 2>/dev/null; then
    pkgbuild=$cache/build
    step "build with CMAKE_INSTALL_PREFIX=/usr in $pkgbuild"
    { cmake -S "$src" -B "$pkgbuild" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
          -DCMAKE_INSTALL_PREFIX=/usr && cmake --build "$pkgbuild" -j 2; } >"$cache/build.log" 2>&1 ||
        { tail -30 "$cache/build.log"; echo "FAIL: build"; exit 1; }
fi
step "cpack: building the packages"
rm -f "$pkgbuild"/*.deb
(cd "$pkgbuild" && cpack -G DEB >"$cache/cpack.log" 2>&1) || { cat "$cache/cpack.log"; exit 1; }
debs=$(ls "$pkgbuild"/*.deb)
for deb in $debs; do
    echo "package: ${deb##*/} $(stat -c %s "$deb") bytes, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"
    echo "  Depends: $(dpkg-deb -f "$deb" Depends)"
done
# the packages the split promises, and no other
expected="kakanai-kiosk kakanai-tools libkakanai-dev libkakanai-forms0 libkakanai-myna0"
got=$(for deb in $debs; do dpkg-deb -f "$deb" Package; done | sort | tr '\n' ' ')
if [ "$got" != "$expected " ]; then
    echo "FAIL: packages built: $got(expected: $expected)"
    exit 1
fi

tarball=$cache/$suite-minbase.tgz
if [ ! -s "$tarball" ]; then
    step "debootstrap --make-tarball (first run only)"
    work=$(mktemp -d "$cache/mk.XXXXXX")
    debootstrap --variant=minbase --make-tarball="$tarball.tmp" "$suite" "$work" "$mirror" \
        >"$cache/debootstrap.log" 2>&1 || { tail -20 "$cache/debootstrap.log"; rm -rf "$work"; exit 1; }
    rm -rf "$work"
    mv "$tarball.tmp" "$tarball"
fi
step "debootstrap --unpack-tarball into a fresh root"
debootstrap --variant=minbase --unpack-tarball="$tarball" "$suite" "$root" "$mirror" \
    >"$cache/debootstrap.log" 2>&1 || { tail -20 "$cache/debootstrap.log"; exit 1; }

# A minimal /dev of our own (not the host's), proc, a read-only sys, apt's cache from the build dir.
mnt "$root/proc" -t proc proc
mnt "$root/sys" -t sysfs -o ro sysfs
mnt "$root/dev" -t tmpfs -o mode=0755,nosuid tmpfs
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    name=${node%%:*}
    nums=${node#*:}
    mknod -m 0666 "$root/dev/$name" c "${nums%%:*}" "${nums#*:}"
done
mkdir -p "$root/dev/pts" "$root/dev/shm"
ln -s /proc/self/fd "$root/dev/fd"
mnt "$root/var/cache/apt/archives" --bind "$cache/apt-archives"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# No service may start inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 0755 "$root/usr/sbin/policy-rc.d"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb http://deb.debian.org/debian-security $suite-security main
EOF
echo 'APT::Keep-Downloaded-Packages "true";' >"$root/etc/apt/apt.conf.d/90keep"
# Our packages as a municipality's own repository offers them (a flat file: repository).
mkdir -p "$root/srv/kakanai"
cp $debs "$root/srv/kakanai/"
(cd "$root/srv/kakanai" && dpkg-scanpackages --multiversion . >Packages 2>/dev/null)
echo "deb [trusted=yes] file:/srv/kakanai ./" >"$root/etc/apt/sources.list.d/kakanai.list"

step "apt-get install kakanai-kiosk (one package; the rest comes through its dependencies)"
in_root apt-get -qq update >"$cache/apt.log" 2>&1 || { cat "$cache/apt.log"; exit 1; }
before=$(du -sxm --exclude=var/cache/apt --exclude=srv "$root" | cut -f1)
# No fsync per file: the root is thrown away anyway, and it halves the time on a busy disk.
apt_install() {
    in_root apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-unsafe-io "$@"
}
if ! apt_install kakanai-kiosk >>"$cache/apt.log" 2>&1; then
    tail -40 "$cache/apt.log"
    echo "FAIL: apt-get could not install kakanai-kiosk"
    exit 1
fi
echo "installed packages in the root: $(in_root dpkg-query -f '.\n' -W | wc -l)," \
    "root $before MB → $(du -sxm --exclude=var/cache/apt --exclude=srv "$root" | cut -f1) MB"
runtime="kakanai-kiosk kakanai-tools libkakanai-forms0 libkakanai-myna0"

fail=0
check() { # check DESCRIPTION COMMAND... (runs COMMAND inside the root)
    what=$1
    shift
    if out=$(in_root "$@" 2>&1); then
        echo "ok: $what${out:+ — $(printf '%s' "$out" | head -1)}"
    else
        printf '%s\n' "$out" | tail -10
        echo "FAIL: $what"
        fail=1
    fi
}

step "checks inside the root"
check "kakanai-kiosk brought the libraries and the tools, not the -dev package" sh -c "
    for p in $runtime; do dpkg-query -W -f '\${db:Status-Status} \${Package}\\n' \$p | grep -q '^installed ' || exit 1; done
    ! dpkg-query -W -f '\${db:Status-Status}\\n' libkakanai-dev 2>/dev/null | grep -q installed"
check "removing a library would remove what needs it" sh -c \
    'apt-get -s remove libkakanai-forms0 | grep -q "^Remv kakanai-kiosk" && apt-get -s remove libkakanai-myna0 | grep -q "^Remv kakanai-tools"'
for prog in "$@"; do
    check "$prog --version" "$prog" --version
done
case " $* " in *" kakanai-form "*)
    check "kakanai-form check on the shipped templates" kakanai-form check /usr/share/kakanai/templates ;;
esac
check "every program and library of the packages finds its shared libraries" sh -c "
    files=\$(dpkg -L $runtime | grep -E '^/usr/(bin/|lib/[^/]+/lib)')
    for f in \$files; do
        [ -f \$f ] || continue
        if ldd \$f | grep 'not found'; then echo \$f; exit 1; fi
    done; echo \$(echo \$files | wc -w) files"

# No test machinery in what is installed (looked at from outside: binutils is not in the root).
machinery_check() { # DESCRIPTION FILE... (host paths under $root)
    what=$1
    shift
    bad=0
    for f in "$@"; do
        [ -f "$f" ] || { echo "missing: ${f#"$root"}"; bad=1; continue; }
        case $f in *.so*) if nm -D --defined-only "$f" | grep -Ei "vcard|replay|test_?key"; then bad=1; fi ;; esac
        if strings -a "$f" | grep -E "PRIVATE KEY"; then echo "  in ${f#"$root"}"; bad=1; fi
    done
    if [ "$bad" -eq 0 ]; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}
libs=$(ls "$root"/usr/lib/*/libkakanai-*.so.*.*)
for lib in $libs; do
    echo "nm -D ${lib#"$root"}: $(nm -D --defined-only "$lib" | wc -l) symbols defined," \
        "$(nm -D --defined-only "$lib" | grep -cEi 'vcard|replay|test_?key') of a virtual card, replay or test key"
done
machinery_check "no myna_vcard/replay/test-key symbol and no private key in the installed libraries" $libs
machinery_check "no private key in the installed tools and kiosk" "$root/usr/bin/kakanai-card" \
    "$root/usr/bin/kakanai-form" "$root/usr/bin/kakanai-kiosk"
# The installed kiosk reads cards over PC/SC and prints, nothing else: the --script runner (whose
# "run" starts /bin/sh), the layout checker and the virtual card live in kakanai-kiosk-dev,
# which is never installed. Their own strings must not be in the binary the kiosk unit starts.
case " $* " in *" kakanai-kiosk "*)
    kiosk_machinery='virtual-card|myna_vcard|vcard_|kiosk_script|/bin/sh|--script|script: |check-layout|kiosk_layout|hidden content|cut off'
    n=$(strings -a "$root/usr/bin/kakanai-kiosk" | grep -cE "$kiosk_machinery" || true)
    echo "strings /usr/bin/kakanai-kiosk: $n of a script runner, layout checker or virtual card"
    if [ "$n" -eq 0 ]; then
        echo "ok: the installed kiosk holds no script runner, layout checker or virtual card"
    else
        strings -a "$root/usr/bin/kakanai-kiosk" | grep -E "$kiosk_machinery" | head -5
        echo "FAIL: the installed kiosk holds test machinery"
        fail=1
    fi
    check "kakanai-kiosk-dev (test machinery) is not installed" sh -c \
        "! command -v kakanai-kiosk-dev && ! dpkg -L $runtime | grep -q kakanai-kiosk-dev" ;;
esac
check "kakanai-vcard is not installed, no package holds a virtual card" sh -c "
    ! command -v kakanai-vcard && ! dpkg -L $runtime | grep -i vcard"
case " $* " in *" kakanai-kiosk "*)
    check "the kiosk looks for its translation where the package put it" sh -c \
        'test -f /usr/share/locale/ja/LC_MESSAGES/kakanai-kiosk.mo && grep -q /usr/share/locale /usr/bin/kakanai-kiosk' ;;
esac
check "user kakanai exists, no login shell" sh -c \
    'getent passwd kakanai | grep -q ":/usr/sbin/nologin$" && id kakanai'
check "kakanai is not root and has no password" sh -c \
    '[ "$(id -u kakanai)" -ne 0 ] && ! getent shadow kakanai | cut -d: -f2 | grep -q "^\$"'
check "kiosk unit installed" test -f /usr/lib/systemd/system/kakanai-kiosk.service
check "kiosk unit not enabled" sh -c '! ls /etc/systemd/system/*/kakanai-kiosk.service 2>/dev/null | grep -q .'
check "sync timer installed, not enabled" sh -c \
    'test -f /usr/lib/systemd/system/kakanai-sync.timer && ! test -e /etc/systemd/system/timers.target.wants/kakanai-sync.timer'
check "systemd-analyze verify accepts the units" systemd-analyze verify --man=no \
    /usr/lib/systemd/system/kakanai-kiosk.service /usr/lib/systemd/system/kakanai-sync.service \
    /usr/lib/systemd/system/kakanai-sync.timer
check "pcscd and cups accept their drop-ins" systemd-analyze verify --man=no pcscd.service cups.service
check "cups and pcscd drop-ins installed" test -f /usr/lib/systemd/system/cups.service.d/kakanai.conf \
    -a -f /usr/lib/systemd/system/pcscd.service.d/kakanai.conf
check "conffiles under /etc" sh -c 'dpkg-query -W -f "\${Conffiles}\n" kakanai-kiosk | grep -q /etc/kakanai/kiosk.conf'
check "/var/lib/kakanai readable by kakanai only" sh -c \
    '[ "$(stat -c %U:%G:%a /var/lib/kakanai)" = root:kakanai:750 ]'
check "cage, Xwayland, pcscd, libccid, cupsd, fonts present" sh -c \
    'test -x /usr/bin/cage -a -x /usr/bin/Xwayland -a -x /usr/sbin/pcscd -a -x /usr/sbin/cupsd -a -f /usr/lib/pcsc/drivers/ifd-ccid.bundle/Contents/Info.plist -a -f /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf -a -f /usr/share/fonts/truetype/ipamj/ipamjm.ttf'
check "kakanai-setup-cups configures the real cupsd.conf" kakanai-setup-cups --no-restart
check "kakanai-setup-cups --check passes afterwards" kakanai-setup-cups --check --no-restart
check "cupsd accepts the result" cupsd -t

step "a vendor's program against libkakanai-dev, with pkg-config alone"
if apt_install libkakanai-dev gcc libc6-dev pkgconf >>"$cache/apt.log" 2>&1; then
    cat >"$root/tmp/vendor.c" <<'EOF'
#include <form.h>
#include <kakanai/myna.h>
#include <stdio.h>
int main(void)
{
    myna_card *card = NULL;
    form_values *values = NULL;
    if (myna_card_open(NULL, &card) != MYNA_E_ARG || form_values_new(&values) != FORM_OK)
        return 1;
    form_values_free(values);
    printf("%s / %s\n", myna_err_name(MYNA_E_PIN_WRONG), form_strerror(FORM_OK));
    return 0;
}
EOF
    check "headers in /usr/include/kakanai (none bare), .pc files found by pkg-config" sh -c \
        'test -f /usr/include/kakanai/myna.h -a -f /usr/include/kakanai/form.h -a ! -e /usr/include/myna.h -a ! -e /usr/include/form.h && pkg-config --modversion kakanai-myna kakanai-forms | tr "\n" " "'
    check "pkg-config resolves both, also for static linking (every Requires.private present)" sh -c \
        'pkg-config --print-errors --static --libs kakanai-myna kakanai-forms >/dev/null && pkg-config --print-errors --cflags --libs kakanai-myna kakanai-forms'
    check "a vendor's program compiles, links and runs with pkg-config only" sh -c \
        'cd /tmp && cc -Wall -Werror -o vendor vendor.c $(pkg-config --cflags --libs kakanai-myna kakanai-forms) && ./vendor'
else
    tail -20 "$cache/apt.log"
    echo "FAIL: apt-get could not install libkakanai-dev"
    fail=1
fi

step "apt-get purge kakanai-kiosk"
if in_root apt-get purge -y -q kakanai-kiosk >>"$cache/apt.log" 2>&1; then
    check "purge removed the user" sh -c '! getent passwd kakanai'
    check "purge removed /etc/kakanai and /var/lib/kakanai" sh -c '! test -e /etc/kakanai -o -e /var/lib/kakanai'
    check "purge reverted cupsd.conf" sh -c '! grep -q kakanai /etc/cups/cupsd.conf'
else
    tail -20 "$cache/apt.log"
    echo "FAIL: apt-get purge"
    fail=1
fi

step "done"
[ "$fail" -eq 0 ] && echo "PASS: install test"
exit "$fail"
