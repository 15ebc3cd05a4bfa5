#!/usr/bin/env bash
# Benchmark of `ipsec-doctor capture` (issue 15, Deliver 9). Generates, with
# bench/gen-capture.c (deterministic: the same arguments give the same
# bytes), a mixed capture (IKE and ESP of TUNNELS tunnels) and an IKE-only
# capture (the same tunnels negotiating, DPD, rekeying), SIZE_MB each, and
# measures in the same run, alternating, RUNS times each:
#   capture   ipsec-doctor capture (text, the default) and --format json (every
#             fact), written to /dev/null
#   floor     bench/floor.c: a bare libpcap read-and-classify loop
#   tshark    tshark -r F -q -z conv,udp (TSHARK_RUNS times; 0 to skip)
# and prints the medians: wall seconds, MB/s, CPU seconds (user + system),
# peak RSS (/usr/bin/time), the ratio of capture's throughput (text) to the
# floor's (target: at least 0.5, by wall time; by CPU time too, steadier on
# a loaded machine) and to tshark's. Memory bounded by the number of tunnels: capture's peak RSS on an
# IKE-only capture of a quarter of the size (same tunnels) and of twice the
# tunnels. The load average before and after is printed: the machine is
# shared, so compare ratios of one run, not times across runs.
# Usage: bench/capture.sh [BUILD_DIR]   (default build; SIZE_MB=200 TUNNELS=400
#        RUNS=5 TSHARK_RUNS=3 KEEP=DIR keeps the captures there)
# Exit status: 0 when capture reaches 0.5x the floor on both captures, 1 if not.
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$PWD/$BUILD/ipsec-doctor
SIZE_MB=${SIZE_MB:-200}
TUNNELS=${TUNNELS:-400}
RUNS=${RUNS:-5}
TSHARK_RUNS=${TSHARK_RUNS:-3}
[ -x "$BIN" ] || make -j"$(nproc)" BUILD="$BUILD" >/dev/null || exit 2
TMP=${KEEP:-$(mktemp -d)}
mkdir -p "$TMP"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$TMP"' EXIT
cc -O2 -o "$TMP/gen" bench/gen-capture.c || exit 2
cc -O2 -o "$TMP/floor" bench/floor.c -lpcap || exit 2

gen() { # kind MB tunnels file
	[ -s "$4" ] || "$TMP/gen" "$1" "$2" "$3" "$4" || exit 2
}
gen mixed "$SIZE_MB" "$TUNNELS" "$TMP/mixed.pcap"
gen ike "$SIZE_MB" "$TUNNELS" "$TMP/ike.pcap"
gen ike $((SIZE_MB / 4)) "$TUNNELS" "$TMP/ike-quarter.pcap"
gen ike "$SIZE_MB" $((TUNNELS * 2)) "$TMP/ike-2x.pcap"

# "wall_seconds max_rss_kb cpu_seconds" of one command (stdout discarded)
measure() {
	/usr/bin/time -f "%e %M %U %S" -o "$TMP/t" "$@" >/dev/null 2>"$TMP/err" || {
		echo "bench: $* failed: $(head -c 300 "$TMP/err")" >&2
		exit 2
	}
	awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$TMP/t"
}
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null), build: $BUILD"
have_tshark=0
command -v tshark >/dev/null 2>&1 && [ "$TSHARK_RUNS" -gt 0 ] && have_tshark=1
rc=0
printf '%-8s %6s %-8s %8s %8s %8s %8s %9s\n' capture MB tool "wall s" "MB/s" "CPU s" "RSS MB" frames
for kind in mixed ike; do
	f=$TMP/$kind.pcap
	mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN{printf "%.1f", b/1048576}')
	frames=$("$TMP/floor" "$f" | cut -d' ' -f1)
	cat "$f" >/dev/null # the page cache holds it for every tool alike
	: >"$TMP/cap" && : >"$TMP/flo" && : >"$TMP/tsh" && : >"$TMP/js"
	for i in $(seq "$RUNS"); do
		# alternate the order so that neither tool always runs first
		if [ $((i % 2)) = 1 ]; then
			measure "$TMP/floor" "$f" >>"$TMP/flo"
			measure "$BIN" capture -o /dev/null "$f" >>"$TMP/cap"
		else
			measure "$BIN" capture -o /dev/null "$f" >>"$TMP/cap"
			measure "$TMP/floor" "$f" >>"$TMP/flo"
		fi
		measure "$BIN" capture --format json -o /dev/null "$f" >>"$TMP/js"
		if [ "$have_tshark" = 1 ] && [ "$i" -le "$TSHARK_RUNS" ]; then
			measure tshark -n -r "$f" -q -z conv,udp >>"$TMP/tsh"
		fi
	done
	for tool in cap js flo tsh; do
		[ -s "$TMP/$tool" ] || continue
		s=$(cut -d' ' -f1 "$TMP/$tool" | median)
		r=$(cut -d' ' -f2 "$TMP/$tool" | median)
		c=$(cut -d' ' -f3 "$TMP/$tool" | median)
		name=$(case $tool in cap) echo capture ;; js) echo "cap json" ;; flo) echo floor ;; tsh) echo tshark ;; esac)
		printf '%-8s %6s %-8s %8.2f %8.1f %8.2f %8.1f %9s\n' "$kind" "$mb" "$name" "$s" \
			"$(awk -v m="$mb" -v s="$s" 'BEGIN{print (s>0)?m/s:0}')" "$c" \
			"$(awk -v r="$r" 'BEGIN{print r/1024}')" "$frames"
		eval "t_$tool=$s c_$tool=$c"
	done
	ratio=$(awk -v c="$t_cap" -v f="$t_flo" 'BEGIN{printf "%.2f", (c>0)?f/c:0}')
	cratio=$(awk -v c="$c_cap" -v f="$c_flo" 'BEGIN{printf "%.2f", (c>0)?f/c:0}')
	ok=$(awk -v r="$ratio" 'BEGIN{print (r>=0.5)?"met":"NOT met"}')
	[ "$ok" = met ] || rc=1
	echo "$kind: capture throughput / floor throughput = ${ratio}x by wall time, ${cratio}x by CPU time (target at least 0.5x: $ok)"
	if [ -s "$TMP/tsh" ]; then
		echo "$kind: capture / tshark throughput = $(awk -v c="$t_cap" -v t="$t_tsh" 'BEGIN{printf "%.1f", (c>0)?t/c:0}')x by wall, $(awk -v c="$c_cap" -v t="$c_tsh" 'BEGIN{printf "%.1f", (c>0)?t/c:0}')x by CPU; floor / tshark = $(awk -v f="$t_flo" -v t="$t_tsh" 'BEGIN{printf "%.1f", (f>0)?t/f:0}')x by wall"
	fi
	unset t_tsh c_tsh
done
# memory against the number of tunnels, not the size of the capture
for f in ike-quarter ike ike-2x; do
	read -r s r _ < <(measure "$BIN" capture --format json -o /dev/null "$TMP/$f.pcap")
	printf 'memory: %-12s %7s MB, %5s tunnels: peak RSS %6.1f MB (%s s)\n' "$f" \
		"$(awk -v b="$(stat -c %s "$TMP/$f.pcap")" 'BEGIN{printf "%.0f", b/1048576}')" \
		"$(case $f in ike-2x) echo $((TUNNELS * 2)) ;; *) echo "$TUNNELS" ;; esac)" \
		"$(awk -v r="$r" 'BEGIN{print r/1024}')" "$s"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
