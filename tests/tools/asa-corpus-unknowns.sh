#!/usr/bin/env bash
# Unknown-line figures of the ASA/PIX reader over the public corpus.
# Usage: tests/tools/asa-corpus-unknowns.sh [BUILD_DIR] (default build)
# Prints every unknown line, then the totals; the VPN families of the
# issue (crypto, isakmp, tunnel-group, group-policy, access-list, nat,
# route, ip local pool, sysopt) must stay at 0.
set -eu
cd "$(dirname "$0")/../.."
BUILD=${1:-build}
CORPUS=${CORPUS:-/work/shared/corpus}
make -s BUILD="$BUILD" "$BUILD/libipsd.a"
cc -std=c11 -Isrc -o "$BUILD/asa_unknowns" tests/tools/asa_unknowns.c "$BUILD/libipsd.a" \
	-ljansson -lcrypto -lpcap -lz $( [ -n "${SAN:-}" ] && echo -fsanitize=address,undefined )
files=$(awk -F'\t' '$5=="config" && $6 ~ /ASA|PIX/ {print "'"$CORPUS"'/" $1}' "$CORPUS/MANIFEST.tsv")
out=$("$BUILD/asa_unknowns" $files)
printf '%s\n' "$out" | sed '/^$/d'
total=$(printf '%s\n' "$out" | sed '/^$/d' | wc -l)
vpn=$(printf '%s\n' "$out" | cut -f3 | sed 's/^no //' |
	grep -cE '^(crypto|isakmp|tunnel-group|group-policy|access-list|nat |route |ip local pool|sysopt)' || true)
echo "files: $(echo $files | wc -w)  unknown lines: $total  unknown VPN-family lines: $vpn"
[ "$vpn" -eq 0 ]
