#!/bin/sh
# Installs the Debian packages ipsec-doctor needs to build and test, only
# when one is missing. Safe to run again; needs root (or sudo) to install.
set -eu

# Libraries and tools checked by package name.
PKGS="build-essential clang clang-format cppcheck libjansson-dev libssl-dev libpcap-dev libcmocka-dev pkg-config python3 python3-jsonschema"
# The real-daemon differential (tests/diff/): two charon daemons in network
# namespaces. The kernel here has no ESP, so kernel-libipsec (extra plugins)
# carries it in user space; the standard plugins bring openssl (3DES, ECP
# groups); openssl makes the test certificates.
PKGS="$PKGS iproute2 openssl strongswan-charon strongswan-swanctl libcharon-extra-plugins libstrongswan-standard-plugins"
# Tools checked by command, as COMMAND:PACKAGE: a machine may already have the
# command from elsewhere (Node.js installed outside Debian, say), and Debian's
# package would then conflict with it.
CMDS="npm:npm"

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
