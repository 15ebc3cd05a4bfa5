#!/usr/bin/env bash
# capture on captures of IKE fragmentation and IKE over the MTU: two
# strongSwan charons in network namespaces the test creates
# (tests/peer/capture_frags.py), IKEv1 fragments and IKEv2 SKF delivered or
# with fragment 2 dropped, IKE in IP fragments whose non-first fragments are
# dropped. Needs root and the packages of scripts/install-deps.sh --test:
# without them it fails, never skips.
# Usage: tests/scripts/capture-frags.sh BIN
set -u
BIN=${1:?usage: capture-frags.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$root/tests/peer/capture_frags.py" "$BIN"
