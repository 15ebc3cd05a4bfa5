#!/usr/bin/env bash
# explain reads a regular file in chunks with its lines parsed on several
# threads (src/explain/explain_parallel.c), and a pipe line by line. Both must say
# the same. Every explain golden input, the public show corpus and a mixed
# syslog are read three ways: from a pipe, in chunks on one thread, and in chunks
# on four threads with chunks of a few lines (so lines are handed over
# across many chunks, with prompts, show blocks and pasted configs cut
# between them); and with the readers' gate off (IPSEC_DOCTOR_GATE=0, every
# line to every reader: the gate may change the cost, not the answer).
# Usage: explain-threads.sh BIN
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
		run "$TMP/f" IPSEC_DOCTOR_THREADS=1 IPSEC_DOCTOR_GATE=0 >"$TMP/open"
		if ! cmp -s "$TMP/one" "$TMP/open"; then
			echo "explain-threads: $1 ($fmt): the gate changed the answer" >&2
			diff "$TMP/one" "$TMP/open" | head -5 >&2
			fail=1
		fi
		if ! cmp -s "$TMP/one" "$TMP/pipe"; then
			echo "explain-threads: $1 ($fmt): the file read in chunks differs from the pipe" >&2
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
# The same with CRLF line ends and a few lines longer than a chunk.
sed 's/$/\r/' "$TMP/mixed.log" | head -2000 >"$TMP/crlf.log"
check "$TMP/crlf.log"

# Syslog messages the catalogue does not list are counted a run at a time
# (explain_parallel.c), but read one by one inside a pasted config, which
# keeps them, and with --verbose, which lists them: around a config, a show
# block and recognised lines, with and without CR.
{
	printf '%%ASA-6-302013: Built inbound TCP connection 1 for outside:192.0.2.1/443\n'
	printf '%%ASA-5-713904: IP = 192.0.2.1, Received an un-encrypted NO_PROPOSAL_CHOSEN notify message, drop\n'
	printf '%%ASA-6-302014: Teardown TCP connection 1 for outside:192.0.2.1/443\r\n'
	printf 'fw# show running-config\nASA Version 9.8(2)\nhostname fw\n'
	printf '%%ASA-6-302013: Built inbound TCP connection 2 for outside:192.0.2.2/443\n'
	printf '<166>Jun 12 10:00:00 fw %%ASA-6-302014: Teardown TCP connection 2\n'
	printf 'crypto isakmp enable outside\nend\n'
	printf '%%ASA-6-302013: Built inbound TCP connection 3 for outside:192.0.2.3/443\n'
	printf 'fw# show crypto ipsec sa\ninterface: outside\n    current_peer: 192.0.2.4\n'
	printf '%%ASA-6-302014: Teardown TCP connection 3\n'
	printf '      #pkts encaps: 0, #pkts encrypt: 0\n      #pkts decaps: 9, #pkts decrypt: 9\n'
	printf '%%ASA-6-302013: Built inbound TCP connection 4\n%%ASA-6-302013: Built inbound TCP connection 5\n'
	printf 'fw# %%ASA-6-302013: a prompt, not a message\n%%ASA-6-302013: the last line'
} >"$TMP/tagged.log"
check "$TMP/tagged.log"
cp "$TMP/tagged.log" "$TMP/f/in.log"
args=(--format json --verbose)
(cat "$TMP/tagged.log" >"$TMP/p/in.log" &)
run "$TMP/p" IPSEC_DOCTOR_THREADS=1 >"$TMP/pipe"
run "$TMP/f" IPSEC_DOCTOR_THREADS=4 IPSEC_DOCTOR_CHUNK_BYTES=97 >"$TMP/four"
if ! cmp -s "$TMP/pipe" "$TMP/four" || ! grep -q '"unknown": 7' "$TMP/four"; then
	echo "explain-threads: unlisted messages with --verbose: differ or miscounted" >&2
	diff "$TMP/pipe" "$TMP/four" | head -5 >&2
	fail=1
fi

# Lines longer than EXPLAIN_LINE_MAX (64 KiB) are cut and their rest is not
# a line; the pipe reader cuts them where its buffer ends, so here one
# thread with whole chunks is compared with four threads and small chunks.
python3 - "$TMP/long.log" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(40):
        f.write("%%ASA-5-713904: IP = 192.0.2.%d, NO_PROPOSAL_CHOSEN %s\n" % (i, "x" * (i * 7000)))
        f.write("%ASA-3-713902: IP = 192.0.2.1, Removing peer from peer table failed\n")
PY
for chunk in 1000 70000 100000; do
	IPSEC_DOCTOR_THREADS=1 "$BIN" explain --format jsonl "$TMP/long.log" >"$TMP/one" 2>&1
	IPSEC_DOCTOR_THREADS=4 IPSEC_DOCTOR_CHUNK_BYTES=$chunk \
		"$BIN" explain --format jsonl "$TMP/long.log" >"$TMP/four" 2>&1
	if ! cmp -s "$TMP/one" "$TMP/four" || ! grep -q '"lines":80,' "$TMP/one"; then
		echo "explain-threads: long lines, chunks of $chunk: differ or miscounted" >&2
		diff "$TMP/one" "$TMP/four" | head -5 >&2
		fail=1
	fi
done

# Standard input that is a regular file is read from where its offset is,
# as a pipe would give it, and left at its end.
tail -n +100 "$TMP/mixed.log" >"$TMP/tail.log"
"$BIN" explain --format jsonl - <"$TMP/tail.log" >"$TMP/one"
(head -n 99 >/dev/null && "$BIN" explain --format jsonl - && [ "$(wc -c)" -eq 0 ]) <"$TMP/mixed.log" >"$TMP/four"
# head may read ahead on a pipe but not on a file: it seeks back to the line end.
if ! cmp -s "$TMP/one" "$TMP/four"; then
	echo "explain-threads: standard input at an offset is not read from there" >&2
	diff "$TMP/one" "$TMP/four" | head -5 >&2
	fail=1
fi

# A log cut short while it is read (rotated with copytruncate) ends where
# it now ends: no crash, whatever the timing.
python3 "$ROOT/bench/gen-syslog.py" 48 >"$TMP/big.log"
IPSEC_DOCTOR_CHUNK_BYTES=4096 "$BIN" explain --format json "$TMP/big.log" >/dev/null 2>&1 &
pid=$!
sleep 0.05
: >"$TMP/big.log"
wait "$pid"
rc=$?
if [ "$rc" -gt 2 ]; then
	echo "explain-threads: a log truncated while read: exit $rc" >&2
	fail=1
fi
for f in "$ROOT"/tests/golden/explain/*/*; do
	case $f in */cmd | */expected* | */exit | */secrets | */*.md) continue ;; esac
	[ -f "$f" ] && [ -s "$f" ] && check "$f"
done
if [ -d "$ROOT/../shared/corpus/show" ]; then
	for f in "$ROOT"/../shared/corpus/show/*; do
		[ -f "$f" ] && check "$f"
	done
else
	echo "explain-threads: no ../shared/corpus/show beside the checkout: corpus part SKIPPED" >&2
fi
# The real transcripts and logs: every reader and every block meets the gate.
for f in "$ROOT"/../shared/corpus/logs/*.txt "$ROOT"/../shared/corpus/logs/*.log; do
	[ -f "$f" ] && check "$f"
done
# The tuning variables refuse what is not a number in range, in one line.
for bad in "IPSEC_DOCTOR_THREADS=abc" "IPSEC_DOCTOR_THREADS=0" "IPSEC_DOCTOR_THREADS=65" \
	"IPSEC_DOCTOR_CHUNK_BYTES=262145" "IPSEC_DOCTOR_CHUNK_BYTES=-1" "IPSEC_DOCTOR_GATE=2"; do
	env "$bad" "$BIN" explain "$TMP/mixed.log" >/dev/null 2>"$TMP/err"
	rc=$?
	if [ "$rc" -ne 2 ] || [ "$(wc -l <"$TMP/err")" -ne 1 ] ||
		! grep -q "^ipsec-doctor: explain: ${bad%%=*}: '${bad#*=}' is not a number" "$TMP/err"; then
		echo "explain-threads: $bad: exit $rc, stderr: $(cat "$TMP/err")" >&2
		fail=1
	fi
done

echo "explain-threads: $n comparisons"
[ "$n" -gt 100 ] || { echo "explain-threads: too few inputs compared" >&2; exit 1; }
exit $fail
