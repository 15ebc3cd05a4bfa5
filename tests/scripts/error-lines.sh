#!/usr/bin/env bash
# Error messages (issue 14, item 3): every error is one line on stderr,
# "ipsec-doctor: " then the command or the file it is about, and exit 2.
# 1. Every golden case that exits 2: its one stderr line names a command, or
#    one of the files of its cmd.
# 2. The same bad arguments given to every command (an unknown option, an
#    option without its value, an unknown --format, --color or --platform
#    value where the command takes it, a missing, a binary and an empty input
#    file): one line, "ipsec-doctor: CMD: " for an argument,
#    "ipsec-doctor: FILE: " for a file, exit 2, nothing on stdout.
# Usage: tests/scripts/error-lines.sh BIN
set -u
BIN=${1:?usage: error-lines.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
ex=$root/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 runs=0
bad() {
	fails=$((fails + 1))
	echo "error-lines: FAIL: $*" >&2
}
COMMANDS="check tunnel trace explain apply dump list describe help"

# 1. the golden cases
for dir in "$root"/tests/golden/*/*/; do
	[ -f "$dir/exit" ] && [ "$(cat "$dir/exit")" = 2 ] || continue
	name=${dir#"$root"/tests/golden/}
	err="$dir/expected_stderr"
	[ -f "$err" ] || { bad "golden $name exits 2 with no message"; continue; }
	[ "$(wc -l <"$err")" = 1 ] || bad "golden $name: $(wc -l <"$err") stderr lines"
	line=$(head -1 "$err")
	[[ $line == "ipsec-doctor: "* ]] || { bad "golden $name: no 'ipsec-doctor: ' prefix: $line"; continue; }
	about=${line#ipsec-doctor: }
	about=${about%%: *}
	# "FILE:LINE": the file, at a line (util/diag.h's convention)
	[[ $about =~ ^(.+):[0-9]+$ ]] && about=${BASH_REMATCH[1]}
	ok=0
	for c in $COMMANDS; do [ "$about" = "$c" ] && ok=1; done
	for w in $(cat "$dir/cmd"); do [[ $w != -* && $about == "$w" ]] && ok=1; done
	[ "$ok" = 1 ] || bad "golden $name: '$about' is neither a command nor a file of the case: $line"
done

# 2. every command, the same mistakes
printf 'hostname x\n\0\001binary' >"$tmp/binary.cfg"
: >"$tmp/empty.cfg"
# operands that work for each command, with @F where a file can be replaced
operands() {
	case $1 in
	check | dump) echo "@F" ;;
	explain) echo "@F" ;;
	tunnel) echo "@F $ex/branch-ios.cfg" ;;
	trace) echo "@F --src 10.10.1.5 --dst 192.168.50.10" ;;
	apply) echo "@F $ex/isakmp.txt" ;;
	describe) echo "psk-mismatch" ;;
	list) echo "" ;;
	esac
}
# takes CMD OPTION: whether CMD's --help lists OPTION
takes() { "$BIN" "$1" --help | grep -qE -- "(^|[ ,])$2( |=|$)"; }
# expect ABOUT ARGS...: exit 2, stdout empty, one stderr line "ipsec-doctor: ABOUT: ..."
expect() {
	local about=$1
	shift
	runs=$((runs + 1))
	"$BIN" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	local rc=$? n
	n=$(wc -l <"$tmp/err")
	[ "$rc" = 2 ] || bad "$* -> exit $rc, expected 2"
	[ -s "$tmp/out" ] && bad "$* -> wrote to stdout: $(head -c 100 "$tmp/out")"
	[ "$n" = 1 ] || bad "$* -> $n stderr lines: $(head -3 "$tmp/err")"
	grep -q "^ipsec-doctor: $(sed 's/[][\.*^$/]/\\&/g' <<<"$about"): " "$tmp/err" ||
		bad "$* -> not 'ipsec-doctor: $about: ...': $(head -1 "$tmp/err")"
}
for c in check tunnel trace explain apply dump list describe; do
	ops=$(operands "$c")
	good=${ops//@F/$ex/hq-asa.cfg}
	[ "$c" = explain ] && good=${ops//@F/$ex/isakmp.txt}
	# shellcheck disable=SC2086
	{
		expect "$c" "$c" --frobnicate $good
		expect "$c" "$c" $good --frobnicate
		takes "$c" --format && expect "$c" "$c" -f xml $good
		takes "$c" --format && expect "$c" "$c" $good --format
		takes "$c" --color && expect "$c" "$c" --color=sometimes $good
		takes "$c" --platform && expect "$c" "$c" --platform junos $good
		if [[ $ops == *@F* ]]; then
			for f in "$tmp/missing.cfg" "$tmp/binary.cfg" "$tmp/empty.cfg"; do
				# an empty log is no error for explain (nothing to read is a result)
				[ "$c" = explain ] && [ "$f" = "$tmp/empty.cfg" ] && continue
				expect "$f" "$c" ${ops//@F/$f}
			done
		fi
	}
done

echo "error-lines: $runs runs, $fails failures"
[ "$fails" = 0 ]
