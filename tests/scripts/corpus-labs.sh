#!/usr/bin/env bash
# The lab pairs of shared/corpus/configs-2 as a test of `tunnel`: every direction A -> P
# (A a file of a lab group, P a peer its MANIFEST.tsv row names) is played with
# `tunnel --format json A P` (A initiates). A direction must end as its author says:
#   - `established` where the author calls the lab working;
#   - the status in corpus-labs.expect where the author broke the lab on purpose (the
#     author's fault, with the reason);
#   - or it is listed in corpus-labs.allow (a known gap, with its reason and owner). An
#     allowed direction that now gives what the author says fails the test too, so that its
#     entry is removed: the allowed list only shrinks.
# Several tunnels between A and P (several crypto map entries or interfaces): every one that
# A initiates must end as expected.
# Usage: tests/scripts/corpus-labs.sh BIN [-v]     (exit 0 = pass)
set -u
BIN=$(realpath "${1:?usage: corpus-labs.sh path/to/ipsec-doctor [-v]}")
VERBOSE=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
C2="$here/../../../shared/corpus/configs-2"
[ -f "$C2/MANIFEST.tsv" ] || C2=/work/shared/corpus/configs-2
if [ ! -f "$C2/MANIFEST.tsv" ]; then
	echo "corpus-labs.sh: no corpus (../shared/corpus/configs-2): SKIPPED" >&2
	exit 0
fi
ALLOW="$here/corpus-labs.allow"
EXPECT="$here/corpus-labs.expect"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# "A -> P" keys of a list file: the first two tab-separated columns.
lookup() { # FILE A P -> the rest of the matching line (status / reason), or nothing
	[ -f "$1" ] || return 0
	awk -F'\t' -v a="$2" -v p="$3" '!/^#/ && $1 == a && $2 == p {
		out = $3; for (i = 4; i <= NF; i++) out = out "\t" $i; print out; exit }' "$1"
}

n=0 est=0 fails=0 allowed=0 stale=0
while IFS=$'\t' read -r file _repo _path _commit _plat group peers says; do
	[ "$file" = file ] && continue
	[ -n "$group" ] && [ "$group" != - ] || continue
	IFS=, read -ra plist <<<"$peers"
	for p in "${plist[@]}"; do
		[ -n "$p" ] && [ -f "$C2/$p" ] || continue
		n=$((n + 1))
		a=${file%.cfg} b=${p%.cfg}
		rc=0
		(cd "$C2" && timeout 60 "$BIN" tunnel --format json "$file" "$p") >"$tmp/out" 2>"$tmp/err" || rc=$?
		if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/err" || [ "$rc" -gt 2 ]; then
			got="crash(exit $rc)"
		elif [ "$rc" -eq 2 ]; then
			got="refused"
		else
			# every tunnel played (A initiates them all); none at all is "none"
			got=$(jq -r '[.tunnels[] | .status] | unique | join(",")' "$tmp/out" 2>/dev/null)
			[ -n "$got" ] || got=none
		fi
		want=established
		exp=$(lookup "$EXPECT" "$a" "$b")
		[ -n "$exp" ] && want=${exp%%$'\t'*}
		allow=$(lookup "$ALLOW" "$a" "$b")
		[ "$got" = established ] && est=$((est + 1))
		if [ "$got" = "$want" ]; then
			if [ -n "$allow" ]; then
				stale=$((stale + 1))
				echo "STALE $a -> $b: now $got as the author says; remove it from corpus-labs.allow"
			else
				[ -n "$VERBOSE" ] && echo "ok    $a -> $b: $got"
			fi
		elif [ -n "$allow" ]; then
			allowed=$((allowed + 1))
			[ -n "$VERBOSE" ] && echo "allow $a -> $b: $got (want $want): ${allow#*$'\t'}"
		else
			fails=$((fails + 1))
			echo "FAIL  $a -> $b: $got, the author says $want ($(head -c 100 <<<"$says"))"
			grep -m2 -v '^$' "$tmp/err" | sed 's/^/      stderr: /'
		fi
	done
done <"$C2/MANIFEST.tsv"

# Every allow / expect entry must name a direction that exists.
for list in "$ALLOW" "$EXPECT"; do
	[ -f "$list" ] || continue
	while IFS=$'\t' read -r a b _rest; do
		case "$a" in '#'* | '') continue ;; esac
		if ! awk -F'\t' -v a="$a.cfg" -v b="$b.cfg" '$1 == a && index("," $7 ",", "," b ",") { f = 1 } END { exit !f }' "$C2/MANIFEST.tsv"; then
			fails=$((fails + 1))
			echo "FAIL  $(basename "$list"): '$a -> $b' is no lab direction of MANIFEST.tsv"
		fi
	done <"$list"
done

echo "corpus-labs: $n directions, $est established, $allowed allowed (corpus-labs.allow), $stale stale allow entries, $fails failed"
[ "$fails" -eq 0 ] && [ "$stale" -eq 0 ]
