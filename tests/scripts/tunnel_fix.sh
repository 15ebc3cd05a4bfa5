#!/usr/bin/env bash
# --fix replay: for every failing golden tunnel pair, the replay on the fixed copies
# establishes. Cases whose failure is the path or the initiator's own traffic (a blocked
# port, NAT before crypto, a flow outside the ACL) have no config fix and are listed here.
# Usage: tests/scripts/tunnel_fix.sh BIN    (exit 0 = pass)
set -u
BIN=${1:?usage: tunnel_fix.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
# peer-address-not-owned-nat-likely: the path too (a NAT between the ends that was not
# given): the warning prints no config fix, only the condition.
NOFIX=" block-udp500 nat-t-block-4500 no-interesting-traffic flow-not-in-acl peer-address-not-owned-nat-likely "
# The replay pastes exactly the printed text (cli/fix_replay.c); IKEv2 fixes print
# IKEv2 syntax and the replay binds their key placeholders per direction.
bad=0 tried=0
for dir in "$root"/tests/golden/tunnel/*/; do
	name=$(basename "$dir")
	read -r args <"$dir/cmd"
	[[ $args == tunnel* ]] && [[ $NOFIX != *" $name "* ]] || continue
	args=$(sed -E 's/--format[[:space:]]+[a-z]+//; s/^tunnel/tunnel --format json --fix/' <<<"$args")
	out=$(cd "$dir" && eval "\"$BIN\" $args" 2>/dev/null) || true
	[ -n "$out" ] || continue
	# Every tunnel either established, or its after_fix replay did.
	left=$(jq -r '.tunnels[] | select(.status != "established" and .status != "no-interesting-traffic")
		| select((.after_fix.status // "none") != "established") | .a + " -> " + .b' <<<"$out")
	tried=$((tried + 1))
	if [ -n "$left" ]; then
		echo "tunnel_fix: $name: the fixed replay does not establish: $left" >&2
		bad=$((bad + 1))
	fi
done
[ "$tried" -gt 0 ] && [ "$bad" -eq 0 ]
