#!/usr/bin/env bash
# explain on real Libreswan pluto logs: each failure class, IKEv1 and IKEv2,
# negotiated by two pluto daemons in network namespaces the test creates
# (tests/peer/pluto_logs.py), must rank its diagnosis ID first. Needs root
# and scripts/install-deps.sh --test (which unpacks Libreswan beside
# strongSwan): without them it fails, never skips.
# Usage: tests/scripts/explain-pluto-logs.sh BIN
set -u
BIN=${1:?usage: explain-pluto-logs.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$root/tests/peer/pluto_logs.py" "$BIN"
