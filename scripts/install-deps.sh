#!/bin/sh
# Installs the Debian packages ipsec-doctor needs, only when one is missing.
# Safe to run again; needs root (or sudo) to install.
#   scripts/install-deps.sh          the runtime build: a C compiler and the libraries
#                                    (make, make example, make install)
#   scripts/install-deps.sh --test   also what the test suite uses (make test, CI):
#                                    cmocka, clang (fuzzers), clang-format and cppcheck
#                                    (lint), python3 + jsonschema (SARIF), npm, and
#                                    chromium (the HTML report in a real browser),
#                                    man-db (make install's man page), strongSwan
#                                    (the real-daemon tests)
#   --list      print the packages of the selection, one a line, installed or not
#               (a command checked by name prints as COMMAND:PACKAGE), and exit
#   --dry-run   print the missing ones ("would install: ..."), install nothing
# tests/scripts/install-deps.sh checks that the runtime set holds no test tool.
set -eu

test_deps=0 mode=install
for a in "$@"; do
	case "$a" in
	--test) test_deps=1 ;;
	--list) mode=list ;;
	--dry-run) mode=dry-run ;;
	*)
		echo "install-deps: unknown argument '$a' (--test, --list, --dry-run)" >&2
		exit 2
		;;
	esac
done

# The runtime build: what `make` compiles and links with (libssl-dev brings
# libcrypto's headers).
PKGS="build-essential libjansson-dev libssl-dev libpcap-dev pkg-config"
CMDS=""
if [ "$test_deps" = 1 ]; then
	PKGS="$PKGS clang clang-format cppcheck libcmocka-dev python3 python3-jsonschema chromium fonts-dejavu-core man-db jq"
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

if [ "$mode" = list ]; then
	for p in $PKGS $CMDS; do echo "$p"; done
	exit 0
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
if [ "$mode" = dry-run ]; then
	[ -n "$missing" ] && echo "would install:$missing"
	exit 0
fi
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "install-deps: installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
