#!/usr/bin/env bash
# explain on real strongSwan charon logs: each failure class, IKEv1 and
# IKEv2, negotiated by two daemons in network namespaces the test creates
# (tests/peer/peer_logs.py), must rank its diagnosis ID first. Needs root and
# the packages of scripts/install-deps.sh: without them it fails, never skips.
# Usage: tests/scripts/explain-peer-logs.sh BIN
set -u
BIN=${1:?usage: explain-peer-logs.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$root/tests/peer/peer_logs.py" "$BIN"
