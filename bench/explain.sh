#!/usr/bin/env bash
# explain on a generated mixed ASA syslog against grep -c '%ASA-' on the same
# file in the same run: throughput (MB/s) and peak RSS.
#
# Usage: bench/explain.sh [SIZE_MB]   (default 1024; the file is kept in $BENCH_DIR)
#   PLAIN_MB=N  also a non-VPN host syslog of N MiB (default 128; 0: none):
#            lines no reader can know, which must cost explain no more than
#            the scan for its readers' literals (src/logs/gate.c); compared
#            with grep -c 'ASA-' on the same file
#   RUNS=N   runs of each command, alternating (default 5); the medians are
#            compared, because wall time on a shared VM moves by 10 % or more
#            from one minute to the next
#   BIN=...  the ipsec-doctor binary (default build/ipsec-doctor)
#
# explain parses a regular file on every core (src/cli/explain_parallel.c);
# the same run also times it on one thread (IPSEC_DOCTOR_THREADS=1) so the
# single-core figure is on record beside grep's, which uses one core.
set -eu
cd "$(dirname "$0")/.."
SIZE=${1:-1024}
RUNS=${RUNS:-5}
DIR=${BENCH_DIR:-/tmp/ipsd-bench}
BIN=${BIN:-build/ipsec-doctor}
mkdir -p "$DIR"
LOG=$DIR/asa-$SIZE.log
[ -s "$LOG" ] || python3 bench/gen-syslog.py "$SIZE" >"$LOG"
bytes=$(stat -c %s "$LOG")
cat "$LOG" >/dev/null # warm the page cache for every run alike

# Output goes to a file, not /dev/null: GNU grep stops at the first match
# when it sees its output discarded, which would time nothing. Wall time
# from the clock in microseconds (GNU time's %e has 10 ms steps, a third of
# grep's time on the host syslog), peak RSS from GNU time.
t() {
	local s e
	s=$(date +%s%N)
	/usr/bin/time -f '%M' -o "$DIR/rss.tmp" "$@" >"$DIR/out.tmp"
	e=$(date +%s%N)
	echo "$(((e - s) / 1000000000)).$(printf '%06d' $(((e - s) / 1000 % 1000000))) $(tail -1 "$DIR/rss.tmp")"
}
: >"$DIR/times.tsv"
for i in $(seq "$RUNS"); do
	read -r s k <<<"$(t grep -c '%ASA-' "$LOG")"
	printf 'grep\t%s\t%s\n' "$s" "$k" >>"$DIR/times.tsv"
	cp "$DIR/out.tmp" "$DIR/grep.count"
	read -r s k <<<"$(t "$BIN" explain --format json "$LOG")"
	printf 'explain\t%s\t%s\n' "$s" "$k" >>"$DIR/times.tsv"
	read -r s k <<<"$(IPSEC_DOCTOR_THREADS=1 t "$BIN" explain --format json "$LOG")"
	printf 'explain-1\t%s\t%s\n' "$s" "$k" >>"$DIR/times.tsv"
done
echo "file: $LOG ($((bytes / 1048576)) MiB, $(cat "$DIR/grep.count") lines with %ASA-), $RUNS runs each, $(nproc) CPUs"
python3 - "$DIR/times.tsv" "$bytes" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, s, k = line.split()
    runs.setdefault(name, []).append((float(s), int(k)))
size = int(sys.argv[2])
label = {"grep": "grep -c '%ASA-'", "explain": "explain --format json",
         "explain-1": "explain, one thread"}
med = {}
for name in ("grep", "explain", "explain-1"):
    t = sorted(s for s, _ in runs[name])
    med[name] = statistics.median(t)
    rss = max(k for _, k in runs[name]) // 1024
    print(f"{label[name]:24} median {med[name]:.3f} s ({size / 1e6 / max(med[name], 1e-3):.0f} MB/s), "
          f"min {t[0]:.3f} s, max {t[-1]:.3f} s, peak RSS {rss} MB")
for name in ("explain", "explain-1"):
    print(f"{label[name]} / grep throughput (medians): {med['grep'] / max(med[name], 1e-3):.2f}")
EOF

# Lines that cannot hold a known message: a host's syslog with no device tag.
PLAIN=${PLAIN_MB:-128}
[ "$PLAIN" -gt 0 ] || exit 0
PLOG=$DIR/plain-$PLAIN.log
[ -s "$PLOG" ] || python3 bench/gen-syslog.py --plain "$PLAIN" >"$PLOG"
cat "$PLOG" >/dev/null
: >"$DIR/times-plain.tsv"
for i in $(seq "$RUNS"); do
	read -r s k <<<"$(t grep -c 'ASA-' "$PLOG")"
	printf 'grep\t%s\t%s\n' "$s" "$k" >>"$DIR/times-plain.tsv"
	read -r s k <<<"$(t "$BIN" explain --format json "$PLOG")"
	printf 'explain\t%s\t%s\n' "$s" "$k" >>"$DIR/times-plain.tsv"
done
echo "file: $PLOG ($PLAIN MiB of a host's syslog, no line a reader knows), $RUNS runs each"
python3 - "$DIR/times-plain.tsv" "$(stat -c %s "$PLOG")" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, s, k = line.split()
    runs.setdefault(name, []).append((float(s), int(k)))
size = int(sys.argv[2])
med = {}
for name, label in (("grep", "grep -c 'ASA-'"), ("explain", "explain --format json")):
    t = sorted(s for s, _ in runs[name])
    med[name] = statistics.median(t)
    rss = max(k for _, k in runs[name]) // 1024
    print(f"{label:24} median {med[name]:.3f} s ({size / 1e6 / max(med[name], 1e-3):.0f} MB/s), "
          f"min {t[0]:.3f} s, max {t[-1]:.3f} s, peak RSS {rss} MB")
print(f"explain / grep throughput on lines no reader knows (medians): "
      f"{med['grep'] / max(med['explain'], 1e-3):.2f}")
EOF
