#!/usr/bin/env bash
# The corpus figures of docs/corpus-findings.md, per folder (configs/ and configs-2/): files,
# repositories, files refused, error / warning / info findings of `check` (one file at a
# time), and unknown lines inside a VPN context (crypto, isakmp, tunnel-group, group-policy,
# webvpn, username attributes, NAT, interface), as `dump` counts them (unknown_vpn_count).
# Usage: scripts/corpus-stats.sh [BIN]      (BIN defaults to build/ipsec-doctor)
#        CLASSIFY=script scripts/corpus-stats.sh BIN: unknown VPN lines by this script's
#        rule (the one a binary from before unknown_vpn_count gets) whatever BIN counts.
set -eu
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-build/ipsec-doctor}")
CORPUS=../shared/corpus
[ -f "$CORPUS/MANIFEST.tsv" ] || CORPUS=/work/shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# classify FILE < line numbers: how many of those lines are in a VPN context:
# the line, or (indented) the nearest earlier less-indented line, starts with
# a VPN opener (the prefixes of src/config/vpn_context.c).
classify() {
	awk -v want="$(tr '\n' ' ')" '
	function vpn(s) {
		sub(/^[ \t]+/, "", s); sub(/\r$/, "", s); s = tolower(s)
		if (s ~ /^no /) s = substr(s, 4)
		return s ~ /^(crypto |isakmp |tunnel-group |group-policy |webvpn|vpn load-balancing|vpn-|ip nat |nat |static |global |interface |sysopt connection)/ ||
			s ~ /^username .* attributes([ \t]|$)/
	}
	function ind(s) { match(s, /^[ \t]*/); return RLENGTH }
	BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) if (w[i] != "") want_l[w[i]] = 1 }
	{ line[NR] = $0 }
	END {
		c = 0
		for (l in want_l) {
			s = line[l]; v = vpn(s); d = ind(s)
			for (k = l - 1; !v && d > 0 && k > 0 && k > l - 4096; k--)
				if (line[k] !~ /^[ \t]*(!.*)?\r?$/ && ind(line[k]) < d) { v = vpn(line[k]); break }
			c += v
		}
		print c
	}' "$1"
}

one_folder() { # NAME FILE-LIST REPO-COUNT
	local name=$1 list=$2 repos=$3
	local n=0 refused=0 err=0 warn=0 info=0 unk=0 vpn=0
	while IFS= read -r f; do
		n=$((n + 1))
		rc=0
		"$BIN" check --format json "$f" >"$tmp/c.json" 2>/dev/null || rc=$?
		if [ "$rc" -ge 2 ]; then
			refused=$((refused + 1))
			echo "  refused: ${f##*/}" >&2
			continue
		fi
		read -r e w i < <(jq -r '[([.findings[] | select(.severity == "error")] | length),
			([.findings[] | select(.severity == "warning")] | length),
			([.findings[] | select(.severity == "info")] | length)] | @tsv' "$tmp/c.json")
		err=$((err + e)) warn=$((warn + w)) info=$((info + i))
		"$BIN" dump --format json "$f" >"$tmp/d.json" 2>/dev/null || true
		read -r u v < <(jq -r '.devices[0] | [(.unknown_count // 0), (.unknown_vpn_count // -1)] | @tsv' "$tmp/d.json" 2>/dev/null || echo "0 0")
		# A binary from before unknown_vpn_count (main before issue 10): the same
		# rule as src/config/vpn_context.c, applied to its unknown_lines.
		# CLASSIFY=script applies that rule to any binary, so that two binaries are
		# compared by one rule.
		if [ "$v" -lt 0 ] || [ "${CLASSIFY:-}" = script ]; then
			v=$(jq -r '.devices[0].unknown_lines[]?.line' "$tmp/d.json" | classify "$f")
		fi
		unk=$((unk + u)) vpn=$((vpn + v))
	done <"$list"
	awk -v name="$name" -v n="$n" -v r="$repos" -v ref="$refused" -v e="$err" -v w="$warn" \
		-v i="$info" -v u="$unk" -v v="$vpn" 'BEGIN {
		read = n - ref; if (read < 1) read = 1
		printf "%-10s files %3d  repos %2d  refused %d  errors %3d  warnings %3d (%.2f/file)  info %3d  unknown %5d  unknown-vpn %3d (%.2f/file)\n",
			name, n, r, ref, e, w, w / read, i, u, v, v / read }'
}

# configs/: the corpus MANIFEST (kind "config"); configs-2/: its own MANIFEST.tsv.
awk -F'\t' -v c="$CORPUS" '$5 == "config" { print c "/" $1 }' "$CORPUS/MANIFEST.tsv" >"$tmp/l1"
r1=$(awk -F'\t' '$5 == "config" { print $2 }' "$CORPUS/MANIFEST.tsv" | sort -u | wc -l)
awk -F'\t' -v c="$CORPUS/configs-2" 'NR > 1 { print c "/" $1 }' "$CORPUS/configs-2/MANIFEST.tsv" >"$tmp/l2"
r2=$(awk -F'\t' 'NR > 1 { print $2 }' "$CORPUS/configs-2/MANIFEST.tsv" | sort -u | wc -l)
one_folder configs "$tmp/l1" "$r1"
one_folder configs-2 "$tmp/l2" "$r2"
