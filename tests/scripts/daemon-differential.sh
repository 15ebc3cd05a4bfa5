#!/usr/bin/env bash
# The real-daemon differential (tests/diff/differential.py): random IKEv1 and
# IKEv2 site-to-site pairs as IOS / ASA configs for `tunnel`, negotiated for
# real by two strongSwan daemons in network namespaces this test creates.
# Fixed seed by default; DIFF_SEED=random (or a number) for another run; the
# seed is printed. Needs root and the packages of scripts/install-deps.sh:
# without them it fails, it never skips.
# Usage: tests/scripts/daemon-differential.sh BIN    (exit 0 = pass)
set -u
BIN=${1:?usage: daemon-differential.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v python3 >/dev/null 2>&1; then
	echo "daemon-differential: FAIL: python3 is missing (scripts/install-deps.sh)" >&2
	exit 1
fi
exec python3 "$root/tests/diff/differential.py" "$BIN"
