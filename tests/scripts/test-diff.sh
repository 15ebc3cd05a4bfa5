#!/usr/bin/env bash
# The differential of `test` against `tunnel` (tests/peer/test_diff.py):
# daemon-differential's scenarios rendered as Cisco configs and as one
# strongSwan responder; `test --config a.cfg` against the charon and
# `tunnel a.cfg b.cfg` must give the same status. Needs root and the
# packages of scripts/install-deps.sh --test: without them it fails.
# Usage: tests/scripts/test-diff.sh BIN
set -u
BIN=${1:?usage: test-diff.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
# both engines: IKEv2 and (h16b) IKEv1
export TEST_DIFF_VERSIONS=${TEST_DIFF_VERSIONS:-1,2}
exec python3 "$root/tests/peer/test_diff.py" "$BIN"
