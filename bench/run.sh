#!/usr/bin/env bash
# Benchmark of `ipsec-doctor check` on generated ASA configs (bench/gen-asa.py)
# at scales 0.1, 1 and 10, against `sort` over the same file in the same run.
# Reports wall time (hyperfine when available, else bash `time`), peak RSS
# (/usr/bin/time -v), and checks the targets: scale 1 under 1 s, under
# 200 MB, at most 15x sort; scale 10 at most 15x the time of scale 1.
# Usage: bench/run.sh [BUILD_DIR]   (default build; built with make if missing)
# Exit status: 0 when every target holds, 1 otherwise.
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$PWD/$BUILD/ipsec-doctor
[ -x "$BIN" ] || make -j"$(nproc)" >/dev/null || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if ! command -v hyperfine >/dev/null 2>&1; then
	# best effort: needs root (or passwordless sudo) and a reachable mirror
	if [ "$(id -u)" = 0 ]; then
		apt-get install -y -qq hyperfine >/dev/null 2>&1
	elif sudo -n true 2>/dev/null; then
		sudo -n apt-get install -y -qq hyperfine >/dev/null 2>&1
	fi
fi

# mean seconds of a command: hyperfine when installed, else best of 3 `time`
seconds() {
	if command -v hyperfine >/dev/null 2>&1; then
		hyperfine -N --warmup 1 --runs 5 --export-json "$TMP/h.json" "$*" >/dev/null 2>&1 &&
			python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$TMP/h.json" &&
			return
	fi
	local best=""
	for _ in 1 2 3; do
		local t
		t=$( { TIMEFORMAT=%R; time "$@" >/dev/null 2>&1; } 2>&1 )
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$t; fi
	done
	echo "$best"
}

rss_mb() {
	/usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.1f", $6/1024}'
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "timer: $(command -v hyperfine >/dev/null 2>&1 && echo hyperfine || echo 'bash time (best of 3)')"
printf '%-6s %8s %8s %8s %8s %9s\n' scale lines check_s sort_s x_sort rss_MB
ok=1
declare -A T
for s in 0.1 1 10; do
	f=$TMP/asa-$s.cfg
	python3 bench/gen-asa.py --scale "$s" >"$f" || exit 2
	tc=$(seconds "$BIN" check --format json "$f")
	ts=$(seconds sort "$f")
	rss=$(rss_mb "$BIN" check --format json "$f")
	x=$(awk -v a="$tc" -v b="$ts" 'BEGIN{printf "%.1f", (b > 0 ? a/b : 0)}')
	T[$s]=$tc
	printf '%-6s %8s %8s %8s %8s %9s\n' "$s" "$(wc -l <"$f")" "$tc" "$ts" "$x" "$rss"
	if [ "$s" = 1 ]; then
		awk -v t="$tc" 'BEGIN{exit !(t < 1.0)}' || { echo "FAIL: scale 1 takes ${tc}s (target < 1 s)"; ok=0; }
		awk -v r="$rss" 'BEGIN{exit !(r < 200)}' || { echo "FAIL: scale 1 peak RSS ${rss} MB (target < 200 MB)"; ok=0; }
		awk -v x="$x" 'BEGIN{exit !(x <= 15)}' || { echo "FAIL: scale 1 is ${x}x sort (target <= 15x)"; ok=0; }
	fi
done
r=$(awk -v a="${T[10]}" -v b="${T[1]}" 'BEGIN{printf "%.1f", (b > 0 ? a/b : 0)}')
echo "scale 10 / scale 1 time: ${r}x (target <= 15x)"
awk -v r="$r" 'BEGIN{exit !(r <= 15)}' || { echo "FAIL: ten times the entries costs ${r}x the time"; ok=0; }
[ "$ok" = 1 ] && echo "all targets met" && exit 0
exit 1
