#!/usr/bin/env bash
# test (a full IKE negotiation as initiator) against real strongSwan charon
# responders the test starts in network namespaces of its own
# (tests/peer/test_live.py): IKEv2 success (AES-CBC and AES-GCM), the
# INVALID_KE_PAYLOAD retry, IKE proposal refused, PSK mismatch, TS mismatch
# and narrowing, ESP transform mismatch, PFS mismatch failing only at the
# rekey, NAT between the peers (nftables masquerade), UDP 500 dropped,
# COOKIE, hostile scripted responders, nothing listening (ICMP), --keys.
# Needs root and the packages of scripts/install-deps.sh --test: without
# them it fails, never skips.
# Usage: tests/scripts/test-live.sh BIN
set -u
BIN=${1:?usage: test-live.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$root/tests/peer/test_live.py" "$BIN"
