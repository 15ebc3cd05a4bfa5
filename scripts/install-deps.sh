#!/bin/sh
# Installs the Debian packages ipsec-doctor needs to build and test, only
# when one is missing. Safe to run again; needs root (or sudo) to install.
set -eu

# npm: tests/scripts/sarif.sh fetches the SARIF schema with `npm pack` (cached in tests/out/).
# `script` (colour tests) comes from bsdutils/util-linux, which are Essential in Debian.
PKGS="build-essential clang libjansson-dev libssl-dev libpcap-dev libcmocka-dev pkg-config python3 python3-jsonschema npm"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
