#!/bin/sh
# Installs the Debian packages ipsec-doctor needs, only when one is missing.
# Safe to run again; needs root (or sudo) to install.
#   scripts/install-deps.sh          the runtime build: a C compiler and the libraries
#                                    (make, make example, make install)
#   scripts/install-deps.sh --test   also what the test suite uses (make test, CI):
#                                    cmocka, clang (fuzzers), clang-format and cppcheck
#                                    (lint), python3 + jsonschema (SARIF), npm, and
#                                    chromium (the HTML report in a real browser),
#                                    strongSwan (the real-daemon tests)
set -eu

# The runtime build: what `make` compiles and links with.
PKGS="build-essential libjansson-dev libssl-dev libpcap-dev pkg-config"
CMDS=""
if [ "${1:-}" = "--test" ]; then
	PKGS="$PKGS clang clang-format cppcheck libcmocka-dev python3 python3-jsonschema chromium fonts-dejavu-core"
	# The real-daemon differential (tests/diff/) and explain's peer logs: charon
	# daemons in network namespaces. The kernel here has no ESP, so
	# kernel-libipsec (extra plugins) carries it in user space; the standard
	# plugins bring openssl (3DES, ECP groups); openssl makes the test certificates.
	PKGS="$PKGS iproute2 openssl strongswan-charon strongswan-swanctl libcharon-extra-plugins libstrongswan-standard-plugins"
	# Tools checked by command, as COMMAND:PACKAGE: a machine may already have the
	# command from elsewhere (Node.js installed outside Debian, say), and Debian's
	# package would then conflict with it.
	CMDS="npm:npm"
fi

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
for cp in $CMDS; do
	command -v "${cp%%:*}" >/dev/null 2>&1 || missing="$missing ${cp#*:}"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
