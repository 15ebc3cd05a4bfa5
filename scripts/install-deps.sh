#!/bin/sh
# Installs the Debian packages ipsec-doctor needs, only when one is missing.
# Safe to run again; needs root (or sudo) to install.
#   scripts/install-deps.sh          the runtime build: a C compiler and the libraries
#                                    (make, make example, make install)
#   scripts/install-deps.sh --test   also what the test suite uses (make test, CI):
#                                    cmocka, clang (fuzzers), clang-format and cppcheck
#                                    (lint), python3 + jsonschema (SARIF), npm, and
#                                    chromium (the HTML report in a real browser),
#                                    man-db (make install's man page), tshark (the
#                                    IKE decoder against Wireshark's), strongSwan
#                                    (the real-daemon tests), ike-scan and nftables
#                                    (probe's live tests), and Libreswan
#                                    unpacked beside it (below)
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
# libcrypto's headers; zlib1g-dev reads gzip'd captures).
PKGS="build-essential libjansson-dev libssl-dev libpcap-dev zlib1g-dev pkg-config"
CMDS=""
if [ "$test_deps" = 1 ]; then
	PKGS="$PKGS clang clang-format cppcheck libcmocka-dev python3 python3-jsonschema chromium fonts-dejavu-core man-db jq"
	# The real-daemon differential (tests/diff/) and explain's peer logs: charon
	# daemons in network namespaces. The kernel here has no ESP, so
	# kernel-libipsec (extra plugins) carries it in user space; the standard
	# plugins bring openssl (3DES, ECP groups); openssl makes the test certificates.
	# tshark: tests/scripts/wire-tshark.sh compares the IKE decoder with it, field by
	# field, on the public captures (it skips where tshark is missing)
	PKGS="$PKGS tshark"
	# python3-scapy: tests/scripts/capture-esp.sh encrypts ESP with known keys
	PKGS="$PKGS python3-scapy"
	# probe's live tests (tests/peer/probe_live.py): ike-scan (and its psk-crack)
	# on the same responder as probe, nftables to drop UDP 500 in a namespace
	PKGS="$PKGS ike-scan nftables"
	PKGS="$PKGS iproute2 openssl strongswan-charon strongswan-swanctl libcharon-extra-plugins libstrongswan-standard-plugins"
	# Libreswan's pluto (explain's peer logs, tests/peer/pluto.py) conflicts
	# with strongSwan in Debian: its package is unpacked into a private prefix
	# (at the end), and its libraries and certutil (its NSS database) are
	# installed as usual.
	PKGS="$PKGS libnss3-tools util-linux libaudit1 libcap-ng0 libcrypt1 libcurl3-nss libevent-core-2.1-7 libevent-pthreads-2.1-7 libldap-2.5-0 libldns3 libnspr4 libnss3 libpam0g libselinux1 libsystemd0 libunbound8"
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
LSW=${LIBRESWAN_ROOT:-/var/cache/ipsec-doctor/libreswan}
unpack_lsw=0
[ "$test_deps" = 1 ] && [ ! -x "$LSW/usr/libexec/ipsec/pluto" ] && unpack_lsw=1
if [ "$mode" = dry-run ]; then
	[ -n "$missing" ] && echo "would install:$missing"
	[ "$unpack_lsw" = 1 ] && echo "would unpack: libreswan into $LSW"
	exit 0
fi
[ -z "$missing" ] && [ "$unpack_lsw" = 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ -n "$missing" ]; then
	echo "install-deps: installing:$missing" >&2
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Libreswan, unpacked (not installed: it conflicts with strongSwan).
if [ "$unpack_lsw" = 1 ]; then
	echo "install-deps: unpacking libreswan into $LSW" >&2
	tmp=$(mktemp -d)
	(cd "$tmp" && apt-get download -qq libreswan >/dev/null 2>&1)
	$SUDO mkdir -p "$LSW"
	$SUDO dpkg-deb -x "$tmp"/libreswan_*.deb "$LSW"
	rm -rf "$tmp"
fi
