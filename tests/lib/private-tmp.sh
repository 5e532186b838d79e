# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# private-tmp.sh — sourced by tests that give a session a fresh, empty /tmp (a tmpfs) inside
# their own mount namespace, so that "every file under /tmp" means what that session wrote.
#
#   . tests/lib/private-tmp.sh
#   kakanai_private_tmp DIR...     (call it inside a private mount namespace, as root)
#
# A checkout or build folder may itself live under /tmp (a CI clone made with mktemp -d, say):
# each DIR given that lies under /tmp is bound back at the same path on the new /tmp, so the
# programs and data the test needs stay reachable. The bound folders are listed, one per line,
# in $KAKANAI_KEPT_TMP: a scanner of /tmp must exclude them (they are the test's own files,
# not something the session wrote).
kakanai_private_tmp() {
    KAKANAI_KEPT_TMP=
    _kk_old=$(mktemp -d /run/kakanai-oldtmp.XXXXXX) || return 1
    mount --bind /tmp "$_kk_old" || return 1
    mount -t tmpfs -o size=768m,mode=1777 tmpfs /tmp || return 1
    for _kk_dir in "$@"; do
        case $_kk_dir in
        /tmp/*)
            [ -d "$_kk_old/${_kk_dir#/tmp/}" ] || continue
            mkdir -p "$_kk_dir"
            mount --bind "$_kk_old/${_kk_dir#/tmp/}" "$_kk_dir" || return 1
            KAKANAI_KEPT_TMP="$KAKANAI_KEPT_TMP$_kk_dir
"
            ;;
        esac
    done
    # The old /tmp stays reachable only through the kept binds: hide the rest again.
    umount -l "$_kk_old" 2>/dev/null || true
    rmdir "$_kk_old" 2>/dev/null || true
    export KAKANAI_KEPT_TMP
}
