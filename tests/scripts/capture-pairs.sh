#!/usr/bin/env bash
# capture on captures of real negotiations: two strongSwan charons in network
# namespaces the test creates (tests/peer/capture_pairs.py), recorded with
# dumpcap, each case (IKEv1 and IKEv2: established, no proposal, PSK
# mismatch, nothing listening) read back by `ipsec-doctor capture`. Needs root
# and the packages of scripts/install-deps.sh --test: without them it fails,
# never skips.
# Usage: tests/scripts/capture-pairs.sh BIN
set -u
BIN=${1:?usage: capture-pairs.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$root/tests/peer/capture_pairs.py" "$BIN"
