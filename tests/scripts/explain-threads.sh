#!/usr/bin/env bash
# explain reads a regular file in place with its lines parsed on several
# threads (src/cli/explain_mapped.c), and a pipe line by line. Both must say
# the same. Every explain golden input, the public show corpus and a mixed
# syslog are read three ways: from a pipe, mapped on one thread, and mapped
# on four threads with chunks of a few lines (so lines are handed over
# across many chunks, with prompts, show blocks and pasted configs cut
# between them). Usage: explain-threads.sh BIN
set -u
BIN=$(realpath "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
n=0

mkdir -p "$TMP/f" "$TMP/p"
mkfifo "$TMP/p/in.log"
# The same name in both directories: a regular file and a FIFO.
run() ( # DIR ENV... -- explain args
	cd "$1" && shift && env "$@" "$BIN" explain "${args[@]}" in.log 2>&1
)

check() { # FILE
	cp "$1" "$TMP/f/in.log"
	for fmt in jsonl json text; do
		args=(--format "$fmt")
		(cat "$1" >"$TMP/p/in.log" &)
		run "$TMP/p" IPSEC_DOCTOR_THREADS=1 >"$TMP/pipe"
		run "$TMP/f" IPSEC_DOCTOR_THREADS=1 >"$TMP/one"
		run "$TMP/f" IPSEC_DOCTOR_THREADS=4 IPSEC_DOCTOR_CHUNK_BYTES=97 >"$TMP/four"
		if ! cmp -s "$TMP/one" "$TMP/four"; then
			echo "explain-threads: $1 ($fmt): four threads differ from one" >&2
			diff "$TMP/one" "$TMP/four" | head -5 >&2
			fail=1
		fi
		if ! cmp -s "$TMP/one" "$TMP/pipe"; then
			echo "explain-threads: $1 ($fmt): the mapped file differs from the pipe" >&2
			diff "$TMP/one" "$TMP/pipe" | head -5 >&2
			fail=1
		fi
		n=$((n + 1))
	done
}

# A mixed syslog with every framing, many peers and a few odd lines.
python3 "$ROOT/bench/gen-syslog.py" 1 >"$TMP/mixed.log"
printf 'no newline at the end %%ASA-5-713904: IP = 192.0.2.1, NO_PROPOSAL_CHOSEN' >>"$TMP/mixed.log"
check "$TMP/mixed.log"
for f in "$ROOT"/tests/golden/explain/*/*; do
	case $f in */cmd | */expected* | */exit | */secrets | */*.md) continue ;; esac
	[ -f "$f" ] && [ -s "$f" ] && check "$f"
done
for f in "$ROOT"/../shared/corpus/show/*; do
	[ -f "$f" ] && check "$f"
done
echo "explain-threads: $n comparisons"
[ "$n" -gt 100 ] || { echo "explain-threads: too few inputs compared" >&2; exit 1; }
exit $fail
