#!/usr/bin/env bash
# capture's ESP facts on captures that scapy encrypts with known keys
# (tests/peer/capture_esp.py): directions, sequence gaps, duplicates and the
# 64/512/1024 anti-replay windows, path MTU from ICMP, post-encryption
# fragments and a lost one, ESP in UDP with NAT-T keepalives, IPv6. The
# captures are written into a temporary folder and removed. Needs Debian's
# python3-scapy (scripts/install-deps.sh --test): without it, it fails.
# Usage: tests/scripts/capture-esp.sh BIN
set -u
BIN=${1:?usage: capture-esp.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
# Debian's python3, where python3-scapy installs (not a python3 earlier in PATH)
exec /usr/bin/python3 "$root/tests/peer/capture_esp.py" "$BIN"
