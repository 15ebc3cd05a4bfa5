#!/usr/bin/env bash
# No secret ever reaches the output, in any format: for every golden case that has a
# `secrets` file (one secret per line), run its cmd once per output format (the
# `--format X` in cmd replaced), with and without --verbose (which lists unknown lines,
# the likeliest place for a leak), and fail if any secret appears in stdout or stderr.
# Usage: tests/scripts/secrets.sh BIN     (exit 0 = pass; tests/run.sh passes the binary)
set -u
BIN=${1:?usage: secrets.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)

# Every output format of the contract (product.md); explain also streams jsonl.
FORMATS="json text sarif gcc html"
EXPLAIN_FORMATS="$FORMATS jsonl"
# Extra arguments tried with each format ("" = none).
VARIANTS=("" "--verbose")

# Prints cmd's arguments with the output format set to $2.
with_format() {
	local args=$1 fmt=$2
	if [[ $args =~ (^|[[:space:]])--format([[:space:]]+|=)[^[:space:]]+ ]]; then
		sed -E "s/(^|[[:space:]])--format([[:space:]]+|=)[^[:space:]]+/\1--format $fmt/" <<<"$args"
	else
		# no --format in cmd: put it right after the command name
		sed -E "s/^([^[:space:]]+)/\1 --format $fmt/" <<<"$args"
	fi
}

cases=0 runs=0 leaks=0 check_cases=0 explain_cases=0
for dir in "$root"/tests/golden/*/*/; do
	[ -f "$dir/cmd" ] && [ -s "$dir/secrets" ] || continue
	cases=$((cases + 1))
	formats=$FORMATS
	case "$dir" in
	*/golden/check/*) check_cases=$((check_cases + 1)) ;;
	*/golden/explain/*)
		explain_cases=$((explain_cases + 1))
		formats=$EXPLAIN_FORMATS
		;;
	esac
	name=${dir#"$root"/tests/golden/}
	name=${name%/}
	read -r args <"$dir/cmd"
	for fmt in $formats; do
		for extra in "${VARIANTS[@]}"; do
			a=$(with_format "$args" "$fmt")
			[ -n "$extra" ] && a="$a $extra"
			out=$(cd "$dir" && eval "\"$BIN\" $a" 2>&1)
			runs=$((runs + 1))
			while IFS= read -r s || [ -n "$s" ]; do
				[ -n "$s" ] || continue
				if grep -qF -- "$s" <<<"$out"; then
					leaks=$((leaks + 1))
					echo "LEAK: $name: '$s' in the output of: ipsec-doctor $a" >&2
					grep -nF -- "$s" <<<"$out" | head -3 | sed 's/^/      /' >&2
				fi
			done <"$dir/secrets"
		done
	done
done
echo "secrets: $cases cases ($check_cases of check, $explain_cases of explain), $runs runs (formats: $FORMATS; explain also jsonl), $leaks leaks"
if [ "$check_cases" -eq 0 ]; then
	echo "secrets: no check golden case has a secrets file: the linter's output is not covered" >&2
	exit 1
fi
if [ "$explain_cases" -eq 0 ]; then
	echo "secrets: no explain golden case has a secrets file: pasted keys in logs are not covered" >&2
	exit 1
fi
[ "$leaks" -eq 0 ]
