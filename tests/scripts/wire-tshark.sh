#!/usr/bin/env bash
# The IKE decoder (src/wire/) and the frame reader (src/packet/) against
# tshark, field by field, on every capture of ../shared/captures: header,
# payload chain (with proposals and transforms), notify types, vendor IDs,
# transform counts and IDs, SPI sizes, notify protocols. tests/tools/wire_dump.c
# prints the fields of the tshark command below in tshark's format.
# Skips (exit 0, with a message) when tshark or the captures are missing:
# tshark is not in the test dependencies; where it is installed, it checks.
# Usage: tests/scripts/wire-tshark.sh BIN
set -u
BIN=${1:?usage: wire-tshark.sh path/to/ipsec-doctor}
here=$(cd "$(dirname "$0")" && pwd)
DUMP=$(dirname "$BIN")/tests/wire_dump
CAPS="$here/../../../shared/captures"
[ -f "$CAPS/README.md" ] || CAPS=/work/shared/captures
if [ ! -f "$CAPS/README.md" ]; then
	echo "wire-tshark.sh: no captures (../shared/captures): SKIPPED" >&2
	exit 0
fi
if ! command -v tshark >/dev/null 2>&1; then
	echo "wire-tshark.sh: tshark is not installed: SKIPPED" >&2
	exit 0
fi
[ -x "$DUMP" ] || { echo "wire-tshark.sh: $DUMP missing (make unit builds it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=()
while read -r f; do args+=(-e "$f"); done <"$here/../tools/wire_dump.fields"
fail=0 n=0 frames=0
for cap in "$CAPS"/*.pcap "$CAPS"/*.pcapng "$CAPS"/*.pcapng.gz; do
	[ -f "$cap" ] || continue
	name=$(basename "$cap")
	in=$cap
	case "$cap" in *.gz) in="$tmp/${name%.gz}"; gzip -dc "$cap" >"$in" ;; esac
	# a private, empty config folder: no key tables, no user preferences
	WIRESHARK_CONFIG_DIR=$tmp/wsconf tshark -n -r "$in" -Y 'isakmp.ispi && !icmp && !icmpv6' -T fields \
		-E occurrence=a "${args[@]}" >"$tmp/want" 2>/dev/null
	"$DUMP" "$in" >"$tmp/got" 2>"$tmp/err" || { echo "wire-tshark: $name: $(cat "$tmp/err")" >&2; fail=1; }
	# frames we refuse on purpose (wire-tshark.allow): out of both, once each
	while IFS=$'\t' read -r acap aframe _; do
		[ "$acap" = "$name" ] || continue
		if ! grep -q "^$aframe	malformed: " "$tmp/got"; then
			echo "wire-tshark: $name frame $aframe: listed in wire-tshark.allow but decoded" >&2
			fail=1
		fi
		sed -i "/^$aframe	/d" "$tmp/want" "$tmp/got"
	done < <(grep -v '^#' "$here/wire-tshark.allow")
	n=$((n + 1))
	frames=$((frames + $(wc -l <"$tmp/want")))
	if ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
		echo "wire-tshark: $name differs from tshark (- tshark, + ours):" >&2
		head -20 "$tmp/diff" >&2
		fail=1
	fi
done
echo "wire-tshark: $n captures, $frames IKE frames compared with tshark $(tshark -v 2>/dev/null | head -1 | awk '{print $3}')"
exit $fail
