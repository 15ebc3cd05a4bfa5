#!/usr/bin/env bash
# probe against real responders the test starts (tests/peer/probe_live.py):
# strongSwan charon in a network namespace of the test's own (IPv4 and
# IPv6; proposals accepted, refused; UDP 500 dropped by nftables; COOKIE;
# Aggressive Mode with a PSK, its hash cracked by psk-crack; nothing
# listening), hostile scripted responders, and ike-scan on the same
# responder. Needs root and the packages of scripts/install-deps.sh --test:
# without them it fails, never skips.
# Usage: tests/scripts/probe-live.sh BIN
set -u
BIN=${1:?usage: probe-live.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
exec python3 "$root/tests/peer/probe_live.py" "$BIN"
