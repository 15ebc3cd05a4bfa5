#!/usr/bin/env bash
# The suite outside a checkout, with no ../shared beside it (issue 14, item 9):
# every test that reads the public corpus must say it skipped, and pass, not fail.
# The tree is copied (without .git) into an empty temporary folder, and, in a
# private mount namespace, an empty folder is mounted over the shared folders
# the tests fall back to (../shared of this checkout, /work/shared), so that no
# corpus is reachable. In the copy, each corpus-based script of tests/scripts
# (those naming ../shared or /work/shared) and each unit test whose source
# names the corpus run as tests/run.sh runs them: exit 0 and a "skip" message.
# Usage: tests/scripts/no-shared.sh BIN
set -u
BIN=${1:?usage: no-shared.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
self=$(basename "$0")
# Where the tests look for the shared data, beside the checkout or at its usual place.
SHARED_PLACES="$root/../shared /work/shared"

if [ "${IPSD_NO_SHARED_INNER:-}" != 1 ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	copy=$tmp/ipsec-doctor
	mkdir -p "$copy" "$tmp/empty"
	# the tracked files, as a release tarball would hold them
	if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(cd "$root" && git ls-files -z --cached --others --exclude-standard |
			xargs -0 cp --parents -t "$copy" 2>/dev/null)
	else
		(cd "$root" && tar --exclude='./build*' --exclude=./.git -cf - .) | tar -xf - -C "$copy"
	fi
	[ -x "$copy/tests/run.sh" ] || { echo "no-shared: FAIL: could not copy the tree" >&2; exit 1; }
	hide=""
	for d in $SHARED_PLACES; do
		[ -d "$d" ] && hide="$hide $(cd "$d" && pwd -P)"
	done
	if [ -z "$hide" ]; then # nothing to hide: run in the copy as it is
		IPSD_NO_SHARED_INNER=1 bash "$copy/tests/scripts/$self" "$BIN"
		exit $?
	fi
	if ! unshare -m true 2>/dev/null; then
		echo "no-shared: cannot make a mount namespace to hide$hide (needs root): SKIPPED" >&2
		exit 0
	fi
	# shellcheck disable=SC2016
	unshare -m --propagation private bash -c '
		for d in $1; do mount --bind "$2" "$d" || exit 1; done
		IPSD_NO_SHARED_INNER=1 exec bash "$3" "$4"' _ "$hide" "$tmp/empty" "$copy/tests/scripts/$self" "$BIN"
	exit $?
fi

# Inside: this is the copy, with no shared data reachable.
cd "$root" || exit 1
fails=0
bad() {
	fails=$((fails + 1))
	echo "no-shared: FAIL: $*" >&2
}
for d in $SHARED_PLACES; do
	[ -e "$d/corpus" ] && bad "$d/corpus is still reachable: the test would prove nothing"
done
[ -d .git ] && bad "the copy is a git checkout"

scripts=$(grep -lE '(\.\./|/work/)shared' tests/scripts/*.sh | grep -v "/$self\$")
nscripts=$(grep -c . <<<"$scripts")
[ "$nscripts" -ge 4 ] || bad "only $nscripts corpus-based scripts found: $scripts"
for s in $scripts; do
	bash "$s" "$BIN" >"/tmp/no-shared.$$.out" 2>"/tmp/no-shared.$$.err"
	rc=$?
	[ "$rc" = 0 ] || bad "$s exits $rc without the corpus: $(tail -3 "/tmp/no-shared.$$.err")"
	grep -qi 'skip' "/tmp/no-shared.$$.err" || bad "$s says nothing about skipping the corpus"
done

units=$(grep -lE '(\.\./|/work/)shared/corpus' tests/unit/*.c)
build=$(dirname "$BIN")
for u in $units; do
	t=$build/tests/$(basename "$u" .c)
	[ -x "$t" ] || { bad "$t is not built"; continue; }
	"$t" >"/tmp/no-shared.$$.out" 2>&1
	rc=$?
	[ "$rc" = 0 ] || bad "$(basename "$t") exits $rc without the corpus: $(grep -E 'FAILED|ERROR' "/tmp/no-shared.$$.out" | head -3)"
	grep -q 'SKIPPED' "/tmp/no-shared.$$.out" || bad "$(basename "$t") skipped nothing without the corpus"
done
rm -f "/tmp/no-shared.$$.out" "/tmp/no-shared.$$.err"

[ "$fails" = 0 ] && echo "no-shared: ok ($nscripts scripts and $(grep -c . <<<"$units") unit tests skip the corpus)"
[ "$fails" = 0 ]
