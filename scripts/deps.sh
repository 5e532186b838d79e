#!/bin/sh
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Install the Debian 12 packages kakanai needs (build, run, test).
# Safe to run again: apt-get skips what is already installed.
set -eu
here=$(dirname "$0")
pkgs=$(grep -v '^#' "$here/debian-packages.txt" | tr '\n' ' ')
missing=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' $pkgs 2>/dev/null | awk '$2 != "ii" {print $1}' || true)
# dpkg-query prints nothing for packages it has never heard of: compare counts.
have=$(dpkg-query -W -f='${db:Status-Abbrev}\n' $pkgs 2>/dev/null | grep -c '^ii' || true)
want=$(echo $pkgs | wc -w)
if [ "$have" -eq "$want" ]; then
    exit 0
fi
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Do not let package scripts start services: tests start their own pcscd and cupsd.
$SUDO apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
