#!/usr/bin/env bash
# capture --keys against Wireshark on Wireshark's own decryption captures
# (../shared/captures, with its key tables in keys/): every encrypted IKE
# message must decrypt (a byte-identical retransmission is never decrypted
# again: the captures README), and the decrypted payloads' fields
# (tests/tools/keys_dump.c) must equal what tshark prints decrypting with the
# same tables; the values Wireshark's own tests assert (isakmp.hash,
# isakmp.auth.data, the captures README) must be among them. Skips (exit 0,
# with a message) when the captures or tshark are missing.
# Usage: tests/scripts/capture-keys.sh BIN
set -u
BIN=${1:?usage: capture-keys.sh path/to/ipsec-doctor}
here=$(cd "$(dirname "$0")" && pwd)
DUMP=$(dirname "$BIN")/tests/keys_dump
CAPS="$here/../../../shared/captures"
[ -f "$CAPS/README.md" ] || CAPS=/work/shared/captures
if [ ! -f "$CAPS/README.md" ]; then
	echo "capture-keys.sh: no captures (../shared/captures): SKIPPED" >&2
	exit 0
fi
[ -x "$DUMP" ] || { echo "capture-keys.sh: $DUMP missing (make unit builds it)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/ws"
cp "$CAPS"/keys/ikev1_decryption_table "$CAPS"/keys/ikev2_decryption_table "$CAPS"/keys/esp_sa "$tmp/ws/"
cat "$tmp"/ws/ikev1_decryption_table "$tmp"/ws/ikev2_decryption_table "$tmp"/ws/esp_sa >"$tmp/all.keys"
fields=(frame.number isakmp.typepayload isakmp.notify.msgtype isakmp.id.type isakmp.ts.type
	isakmp.nonce isakmp.hash isakmp.auth.data isakmp.delete.protoid isakmp.cfg.type)
args=()
for f in "${fields[@]}"; do args+=(-e "$f"); done
# the values Wireshark's tests assert (captures README), by capture
declare -A ASSERT=(
	[ikev1-bug-12610.pcapng.gz]=b52521f774967402c9f6cee95fd17e5b
	[ikev1-bug-12620.pcapng.gz]=40043b640f4373250d5ac3a1fb63153c
	[ikev2-decrypt-3des-sha1_160.pcap]=02f7a0d5f1fdc8ea81039818c65bb9bd09af9b8917319b887ff9ba3046c344c7
	[ikev2-decrypt-aes128ccm12.pcap]=c2104394299e1ffe7908ea720ad5d13717a0d454e4fa0a2128ea689411f479c4
	[ikev2-decrypt-aes128ccm12-2.pcap]=aaa281c87b4a19046c57271d557488ca413b57228cb951f5fa9640992a0285b9
	[ikev2-decrypt-aes192ctr.pcap]=3ec23dcf9348485638407c754547aeb3085290082c49f583fdbae59263a20b4a
	[ikev2-decrypt-aes256cbc.pcapng]=e1a8d550064201a7ec024a85758d0673c61c5c510ac13bcd225d6327f50da3d3
	[ikev2-decrypt-aes256ccm16.pcapng]=fa2e74bdc01e30fb0b3ddc9723c9449095969da51f69e560209d2c2b7940210a
	[ikev2-decrypt-aes256gcm16.pcap]=9ab71f14ab553cad873a1aa70b99df155dee77cdcf3694b3b7527acbb9712ded
	[ikev2-decrypt-aes256gcm8.pcap]=4a66d822d0afbc22ad9a92a2cf4287c920ad8ac3b069a4a7e75fe0a5d499f914
)
fail=0 n=0 msgs=0 tsh=0
for cap in "$CAPS"/ikev1-*.pcap* "$CAPS"/ikev2-decrypt-*.pcap*; do
	[ -f "$cap" ] || continue
	name=$(basename "$cap")
	in=$cap
	case "$cap" in *.gz) in="$tmp/${name%.gz}"; gzip -dc "$cap" >"$in" ;; esac
	if ! "$DUMP" "$tmp/all.keys" "$in" >"$tmp/got" 2>"$tmp/err"; then
		echo "capture-keys: $name: keys_dump failed: $(head -1 "$tmp/err")" >&2
		fail=1
		continue
	fi
	if grep -q "not decrypted" "$tmp/err"; then
		echo "capture-keys: $name: $(grep "not decrypted" "$tmp/err" | head -3 | tr '\n' ';')" >&2
		fail=1
	fi
	want=${ASSERT[$name]:-}
	if [ -n "$want" ] && ! grep -q "$want" "$tmp/got"; then
		echo "capture-keys: $name: Wireshark's asserted value $want not decrypted" >&2
		fail=1
	fi
	n=$((n + 1))
	msgs=$((msgs + $(wc -l <"$tmp/got")))
	command -v tshark >/dev/null 2>&1 || continue
	WIRESHARK_CONFIG_DIR=$tmp/ws tshark -n -r "$in" -o esp.enable_encryption_decode:TRUE \
		-Y 'isakmp.ispi && !icmp && !icmpv6' -T fields -E occurrence=a "${args[@]}" \
		>"$tmp/all" 2>/dev/null
	# tshark's lines for the frames we decrypted (a retransmission it
	# decrypts with the wrong IV is not among them)
	awk -F'\t' 'NR == FNR { keep[$1] = 1; next } keep[$1]' "$tmp/got" "$tmp/all" >"$tmp/want"
	if ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
		echo "capture-keys: $name differs from tshark:" >&2
		head -20 "$tmp/diff" >&2
		fail=1
	fi
	tsh=$((tsh + 1))
done
# ESP: esp-bug-12671 carries 6 packets on the SAs ikev1-bug-12610 negotiated;
# with esp_sa's keys every one must decrypt (ICV verified) in both directions.
# Each file is its own capture, so the ESP file is read alone: esp_sa's keys
# need no exchange.
gzip -dc "$CAPS/esp-bug-12671.pcapng.gz" >"$tmp/esp.pcapng"
"$BIN" capture --keys "$tmp/all.keys" "$tmp/esp.pcapng" >"$tmp/esp.out" 2>&1
for spi in c254fe64 070883c2; do
	if ! grep -q "^ESP SPI $spi (.*3 packets): 3 of the first 3 decrypt" "$tmp/esp.out"; then
		echo "capture-keys: ESP SPI $spi of esp-bug-12671 not decrypted with esp_sa:" >&2
		grep "ESP SPI" "$tmp/esp.out" >&2
		fail=1
	fi
done
if [ "$n" = 0 ]; then
	echo "capture-keys: no decryption capture found in $CAPS" >&2
	exit 1
fi
echo "capture-keys: $n captures, $msgs messages decrypted, $tsh compared with tshark field by field; ESP of esp-bug-12671 decrypted with esp_sa"
exit $fail
