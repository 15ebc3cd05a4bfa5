#!/usr/bin/env bash
# capture's diagnoses from ESP and NAT-D facts (one-way-traffic,
# anti-replay-drops, mss-too-large, nat-t-disabled), each with a near miss,
# on captures scapy builds with real ESP (tests/peer/capture_diag_esp.py).
# The captures are written into a temporary folder and removed. Needs
# Debian's python3-scapy (scripts/install-deps.sh --test).
# Usage: tests/scripts/capture-diag-esp.sh BIN
set -u
BIN=${1:?usage: capture-diag-esp.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec /usr/bin/python3 "$root/tests/peer/capture_diag_esp.py" "$BIN"
