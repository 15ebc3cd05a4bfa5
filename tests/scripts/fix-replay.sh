#!/usr/bin/env bash
# Every fix printed in every golden case, pasted into copies of its configs through
# `apply`'s path and checked again (`check --fix`): the fix holds when its finding is
# reported fewer times and no new error appears; for configs with tunnels between them,
# every printed fix at once must make each tunnel establish. At least 98% must hold, and
# every fix that does not is listed with its reason in fix-replay.exceptions.
# Usage: tests/scripts/fix-replay.sh BIN [--list]   (exit 0 = pass; --list prints each fix)
set -u
BIN=${1:?usage: fix-replay.sh path/to/ipsec-doctor [--list]}
LIST=${2:-}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
EXC="$root/tests/scripts/fix-replay.exceptions"
export IPSEC_DOCTOR_FINGERPRINT_SALT=golden-salt NO_COLOR=1
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# The configs a case reads: check/tunnel positional files, explain's --config files.
configs() {
	local args=$1 dir=$2 prev="" cmd="" w
	for w in $args; do
		if [ -z "$cmd" ]; then
			cmd=$w
		elif [ "$prev" = "--config" ]; then
			echo "$w"
		elif [[ $w != -* ]] && [[ $prev != --format && $prev != --initiator && $prev != --platform &&
			$prev != --select && $prev != --ignore && $prev != --fail-on && $prev != --min-severity &&
			$prev != --block ]] && [ "$cmd" != explain ] && [ -f "$dir/$w" ]; then
			echo "$w"
		fi
		prev=$w
	done
}

for dir in "$root"/tests/golden/*/*/; do
	[ -f "$dir/cmd" ] || continue
	read -r args <"$dir/cmd"
	case "$args" in check* | tunnel* | explain*) ;; *) continue ;; esac
	[[ $args == *--flow* || $args == *--block* || $args == *--nat* ]] && continue
	# check --fix pairs configs directly: a tunnel paired through a third
	# device's static NAT (tunnel A B NAT.cfg) is tunnel's alone, as --nat is
	grep -q "through the static NAT" "$dir/expected" 2>/dev/null && continue
	mapfile -t cfgs < <(configs "$args" "$dir")
	[ "${#cfgs[@]}" -gt 0 ] || continue
	name=${dir#"$root"/tests/golden/}
	name=${name%/}
	json=$(cd "$dir" && "$BIN" check --fix --format json "${cfgs[@]}" 2>/dev/null)
	[ -n "$json" ] || continue
	jq -r --arg c "$name" '
		(.findings[] | select(.fix_replay) |
			[$c, "fix", .id, .device, (.line|tostring),
			 (if .fix_replay.clears and .fix_replay.new_error == null then "held"
			  elif .fix_replay.clears then "adds " + .fix_replay.new_error
			  else "not-cleared" end)] | @tsv),
		(.tunnels[] | select(.after_fix) |
			[$c, "tunnel", .a + "->" + .b, .initiator, "-",
			 (if .after_fix.status == "established" then "held" else .after_fix.status end)] | @tsv)
	' <<<"$json" >>"$out"
done

# An exception line: case<TAB>kind<TAB>id-or-tunnel<TAB>reason; case may end in '*'.
listed() {
	local c=$1 k=$2 id=$3 ec ek eid reason
	while IFS=$'\t' read -r ec ek eid reason; do
		[[ -z $ec || $ec == \#* ]] && continue
		# shellcheck disable=SC2053
		[[ $c == $ec && $k == "$ek" && $id == $eid ]] && { echo "$reason"; return 0; }
	done <"$EXC"
	return 1
}

total=0 held=0 excused=0 bad=0
declare -A why casebad
cases=$(cut -f1 "$out" | sort -u | wc -l)
while IFS=$'\t' read -r c k id dev line res; do
	total=$((total + 1))
	if [ "$res" = held ]; then
		held=$((held + 1))
		[ -n "$LIST" ] && echo "held      $c $k $id $dev:$line"
		continue
	fi
	casebad[$c]=1
	if reason=$(listed "$c" "$k" "$id"); then
		excused=$((excused + 1))
		why[$reason]=$((${why[$reason]:-0} + 1))
		[ -n "$LIST" ] && echo "excused   $c $k $id $dev:$line ($res): $reason"
	else
		bad=$((bad + 1))
		echo "fix-replay: $c: $k $id on $dev (line $line): $res, and not listed in fix-replay.exceptions" >&2
	fi
done <"$out"
pct=0
[ "$total" -gt 0 ] && pct=$((held * 1000 / total))
echo "fix-replay: $total fixes replayed, $held held ($((pct / 10)).$((pct % 10))%), $excused listed exceptions, $bad unlisted failures"
echo "fix-replay: $cases golden cases print a fix; in $((cases - ${#casebad[@]})) of them every fix holds"
for r in "${!why[@]}"; do
	echo "  ${why[$r]}  $r"
done | sort -rn
[ "$total" -gt 0 ] && [ "$bad" -eq 0 ] && [ "$pct" -ge 980 ]
