#!/usr/bin/env bash
# explain on a generated mixed ASA syslog against grep -c '%ASA-' on the same
# file in the same run: throughput (MB/s) and peak RSS.
# Usage: bench/explain.sh [SIZE_MB]   (default 1024; the file is kept in $BENCH_DIR)
set -eu
cd "$(dirname "$0")/.."
SIZE=${1:-1024}
DIR=${BENCH_DIR:-/tmp/ipsd-bench}
BIN=${BIN:-build/ipsec-doctor}
mkdir -p "$DIR"
LOG=$DIR/asa-$SIZE.log
[ -s "$LOG" ] || python3 bench/gen-syslog.py "$SIZE" >"$LOG"
bytes=$(stat -c %s "$LOG")
cat "$LOG" >/dev/null # warm the page cache for both runs alike

# Output goes to a file, not /dev/null: GNU grep stops at the first match
# when it sees its output discarded, which would time nothing.
t() { /usr/bin/time -f '%e %M' "$@" 2>&1 >"$DIR/out.tmp" | tail -1; }
read -r gs gk <<<"$(t grep -c '%ASA-' "$LOG")"
cp "$DIR/out.tmp" "$DIR/grep.count"
read -r es ek <<<"$(t "$BIN" explain --format json "$LOG")"
mbps() { python3 -c "print(f'{$bytes/1e6/max($1,1e-3):.0f}')"; }
echo "file: $LOG ($((bytes / 1048576)) MiB)"
echo "grep -c '%ASA-': ${gs}s $(mbps "$gs") MB/s, peak RSS $((gk / 1024)) MB"
echo "explain --format json: ${es}s $(mbps "$es") MB/s, peak RSS $((ek / 1024)) MB"
echo "grep counted $(cat "$DIR/grep.count") lines"
python3 -c "print(f'explain/grep throughput: {$gs/max($es,1e-3):.2f}')"
