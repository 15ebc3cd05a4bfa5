#!/usr/bin/env bash
# probe against Libreswan's pluto (tests/peer/probe_pluto.py), the second
# responder: the IKEv1 and IKEv2 transforms its connections allow, found.
# Needs root and scripts/install-deps.sh --test (Libreswan unpacked in a
# private prefix): without them it fails, never skips.
# Usage: tests/scripts/probe-pluto.sh BIN
set -u
BIN=${1:?usage: probe-pluto.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$root/tests/peer/probe_pluto.py" "$BIN"
