#!/usr/bin/env bash
# probe against an ike-scan loop: round trips and wall time to enumerate
# k = 1, 4, 16 acceptable IKEv1 transforms of N = 225 (bench/probe_bench.py;
# a charon in namespaces the script creates). Needs root, charon, ike-scan.
# Usage: bench/probe.sh [BIN]   (default build/ipsec-doctor)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$root/build/ipsec-doctor}
exec python3 "$root/bench/probe_bench.py" "$BIN"
