#!/usr/bin/env bash
# The `-rancid` and `-transcript` platform cases must produce the same model
# as their plain twins: compares the golden `expected` JSON with every line
# number, the file name and the line counters dropped (they differ by design).
# Usage: tests/scripts/variants.sh [BIN]   (the binary is not needed)
set -u
cd "$(dirname "$0")/../golden/platforms" || exit 1
strip='del(.. | objects | (.file, .lines, .skipped)?)
	| walk(if type == "object" then with_entries(select(.key != "line" and (.key | endswith("_line") | not))) else . end)'
rc=0
for v in *-rancid *-transcript; do
	[ -d "$v" ] || continue
	twin=${v%-rancid}
	twin=${twin%-transcript}
	if [ ! -f "$twin/expected" ] || [ ! -f "$v/expected" ]; then
		echo "variants: $v: no expected for $v or its twin $twin" >&2
		rc=1
		continue
	fi
	if ! diff -u <(jq -S "$strip" "$twin/expected") <(jq -S "$strip" "$v/expected") >/tmp/variants.$$; then
		echo "variants: $v differs from $twin beyond line numbers:" >&2
		head -40 /tmp/variants.$$ >&2
		rc=1
	fi
	rm -f /tmp/variants.$$
	# Every line number moves by the same offset (the header or prompt lines).
	lines='[paths(numbers) as $p | select($p[-1] | tostring | test("^line$|_line$"))
		| getpath($p)] | map(tostring) | join(" ")'
	offs=$(paste -d' ' <(jq -r "$lines" "$twin/expected" | tr ' ' '\n') \
		<(jq -r "$lines" "$v/expected" | tr ' ' '\n') |
		awk '$1 != 0 || $2 != 0 { print $2 - $1 }' | sort -u)
	if [ "$(printf '%s\n' "$offs" | grep -c .)" -ne 1 ]; then
		echo "variants: $v: line numbers do not shift by one offset: $(echo $offs)" >&2
		rc=1
	fi
done
exit $rc
