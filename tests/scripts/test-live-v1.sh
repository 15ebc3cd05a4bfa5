#!/usr/bin/env bash
# The IKEv1 initiator of `test` against a real strongSwan charon the test
# starts in network namespaces of its own (tests/peer/test_live_v1.py):
# success (AES and 3DES with PFS), phase-1 proposal refused, PSK mismatch,
# proxy-ID mismatch, transform mismatch, PFS mismatch both ways, an SA the
# responder deletes after QM3, NAT between the peers (a namespace router
# with nftables masquerade, the float to 4500), UDP 500 dropped, nothing
# listening. Runs the engine through tests/tools/initiator_v1 (built by
# `make unit` next to BIN). Needs root and the packages of
# scripts/install-deps.sh --test: without them it fails, never skips.
# Usage: tests/scripts/test-live-v1.sh BIN
set -u
BIN=${1:?usage: test-live-v1.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
TOOL=$(dirname "$BIN")/tests/initiator_v1
[ -x "$TOOL" ] || { echo "test-live-v1: $TOOL is missing (make unit)" >&2; exit 1; }
exec python3 "$root/tests/peer/test_live_v1.py" "$TOOL"
