#!/usr/bin/env bash
# `make install` and `make uninstall` (issue 14, item 9): PREFIX and DESTDIR
# place the program and the man page, the installed program runs, `man
# ipsec-doctor` finds and renders the installed page the way a user's shell
# would (man-db derives the manual path from PATH: <bindir>/../share/man), and
# uninstall removes both files.
# The binary under test is installed (make's BUILD is its folder, and `-o`
# keeps make from rebuilding it: the sanitizer build stays as it is).
# Usage: tests/scripts/make-install.sh BIN
set -u
BIN=${1:?usage: make-install.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(dirname "$BIN")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() {
	fails=$((fails + 1))
	echo "make-install: FAIL: $*" >&2
}
if [ "$(basename "$BIN")" != ipsec-doctor ] || [ ! -x "$BIN" ]; then
	echo "make-install: $BIN is not a built ipsec-doctor" >&2
	exit 1
fi
if ! command -v man >/dev/null 2>&1; then
	echo "make-install: man (man-db) is not installed: scripts/install-deps.sh --test installs it" >&2
	exit 1
fi

mk() { make -s -C "$root" BUILD="$build" -o "$build/ipsec-doctor" "$@"; }

# installed_ok DESTDIR PREFIX: the files are where PREFIX says, the program runs,
# and man renders the page, found from PATH alone.
installed_ok() {
	local d=$1 prefix=$2
	local bin=$d$prefix/bin/ipsec-doctor page=$d$prefix/share/man/man1/ipsec-doctor.1
	[ -x "$bin" ] || { bad "PREFIX=$prefix: no executable $bin"; return; }
	[ -f "$page" ] || { bad "PREFIX=$prefix: no man page $page"; return; }
	cmp -s "$page" "$root/man/ipsec-doctor.1" || bad "PREFIX=$prefix: the installed page differs from man/"
	[ "$(stat -c %a "$page")" = 644 ] || bad "PREFIX=$prefix: man page mode $(stat -c %a "$page")"
	v=$("$bin" --version) || bad "PREFIX=$prefix: installed --version exit $?"
	[[ $v == "ipsec-doctor "[0-9]* ]] || bad "PREFIX=$prefix: installed --version printed '$v'"
	# man -l: the page itself renders
	out=$(MANWIDTH=80 man -l "$page" 2>&1) || bad "PREFIX=$prefix: man -l exit $?"
	grep -q '^NAME' <<<"$out" && grep -qE 'ipsec-doctor +. +find +out +why' <<<"$out" ||
		bad "PREFIX=$prefix: man -l did not render the page: ${out:0:200}"
	# man ipsec-doctor: found from PATH only, as after `make install` on a machine
	out=$(env -u MANPATH PATH="$d$prefix/bin:/usr/bin:/bin" MANWIDTH=80 man -P cat ipsec-doctor 2>&1) ||
		bad "PREFIX=$prefix: 'man ipsec-doctor' with $d$prefix/bin on PATH: exit $? (${out:0:200})"
	grep -qE 'ipsec-doctor +. +find +out +why' <<<"$out" ||
		bad "PREFIX=$prefix: 'man ipsec-doctor' did not show the page"
	where=$(env -u MANPATH PATH="$d$prefix/bin:/usr/bin:/bin" man -w ipsec-doctor 2>/dev/null)
	[ "$where" = "$page" ] || bad "PREFIX=$prefix: man -w found '$where', not $page"
}

# 1. the default PREFIX is /usr/local; DESTDIR stages it.
mk DESTDIR="$tmp/stage" install || bad "make install DESTDIR=... exit $?"
installed_ok "$tmp/stage" /usr/local
n=$(find "$tmp/stage" -type f | wc -l)
[ "$n" = 2 ] || bad "make install wrote $n files, expected 2: $(find "$tmp/stage" -type f)"
mk DESTDIR="$tmp/stage" uninstall || bad "make uninstall exit $?"
left=$(find "$tmp/stage" -type f)
[ -z "$left" ] || bad "make uninstall left: $left"

# 2. PREFIX (and no DESTDIR: the prefix is the real place).
mk PREFIX="$tmp/opt/ipsd" install || bad "make install PREFIX=... exit $?"
installed_ok "" "$tmp/opt/ipsd"
mk PREFIX="$tmp/opt/ipsd" uninstall || bad "make uninstall PREFIX=... exit $?"
[ ! -e "$tmp/opt/ipsd/bin/ipsec-doctor" ] && [ ! -e "$tmp/opt/ipsd/share/man/man1/ipsec-doctor.1" ] ||
	bad "make uninstall PREFIX=... left its files"

# 3. the binary was not rebuilt by make (the -o above held).
[ "$BIN" -nt "$tmp" ] && bad "make rebuilt $BIN"

[ "$fails" = 0 ] && echo "make-install: ok (DESTDIR, PREFIX, man, uninstall)"
[ "$fails" = 0 ]
