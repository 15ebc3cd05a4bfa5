#!/usr/bin/env bash
# The whole suite: cmocka unit tests, golden tests, the public corpus.
# Usage: tests/run.sh [BUILD_DIR]   (default build-san)
# UPDATE=1 rewrites golden expectations from the current output.
# Last line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
BUILD=${1:-build-san}
BIN=$PWD/$BUILD/ipsec-doctor
export IPSEC_DOCTOR_FINGERPRINT_SALT=golden-salt
export NO_COLOR=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
pass=0
fail=0
failed=()

ok() { pass=$((pass + 1)); }
ko() { fail=$((fail + 1)); failed+=("$1"); echo "FAIL: $1" >&2; }

# 1. Unit tests: each cmocka binary reports its own cases.
for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	pass=$((pass + ${p:-0}))
	if [ "$rc" -ne 0 ] || [ -n "${f:-}" ]; then
		printf '%s\n' "$out" | grep -E 'FAILED|ERROR|error|Sanitizer|runtime error' | head -20 >&2
		fail=$((fail + ${f:-1}))
		failed+=("$(basename "$t")")
	fi
done

# 2. Golden tests: tests/golden/<group>/<case>/{cmd,expected[,exit,secrets]}.
#    A diff goes to a file of this run's own: suites run side by side in
#    several worktrees must not read each other's.
golden_diff=$(mktemp)
trap 'rm -f "$golden_diff"' EXIT
#    cmd holds the arguments (one line, run in the case folder).
for dir in tests/golden/*/*/; do
	[ -f "$dir/cmd" ] || continue
	name=${dir#tests/golden/}
	name=${name%/}
	read -r args <"$dir/cmd"
	want_rc=0
	[ -f "$dir/exit" ] && read -r want_rc <"$dir/exit"
	out=$(cd "$dir" && eval "\"$BIN\" $args" 2>stderr.tmp)
	rc=$?
	err=$(cat "$dir/stderr.tmp")
	rm -f "$dir/stderr.tmp"
	if [ "${UPDATE:-0}" = 1 ]; then
		printf '%s\n' "$out" >"$dir/expected"
		echo "$rc" >"$dir/exit"
		rm -f "$dir/expected_stderr"
		[ -n "$err" ] && printf '%s\n' "$err" >"$dir/expected_stderr"
	fi
	why=""
	[ "$rc" = "$want_rc" ] || why="exit $rc, expected $want_rc"
	if [ -z "$why" ] && ! diff -u "$dir/expected" <(printf '%s\n' "$out") >"$golden_diff"; then
		why="output differs"
		head -40 "$golden_diff" >&2
	fi
	if [ -z "$why" ] && [ -f "$dir/expected_stderr" ] &&
		! diff -u "$dir/expected_stderr" <(printf '%s\n' "$err") >"$golden_diff"; then
		why="stderr differs"
		head -20 "$golden_diff" >&2
	fi
	if [ -z "$why" ] && [ ! -f "$dir/expected_stderr" ] && [ -n "$err" ]; then
		why="unexpected stderr: $(printf '%s' "$err" | head -3)"
	fi
	if [ -z "$why" ] && printf '%s' "$err" | grep -qE 'Sanitizer|runtime error'; then
		why="sanitizer report"
		printf '%s\n' "$err" | head -20 >&2
	fi
	if [ -z "$why" ] && [ -f "$dir/secrets" ]; then
		while IFS= read -r s; do
			[ -n "$s" ] || continue
			if printf '%s\n%s' "$out" "$err" | grep -qF -- "$s"; then
				why="a secret from the input appears in the output"
			fi
		done <"$dir/secrets"
	fi
	if [ -z "$why" ]; then ok; else ko "golden $name: $why"; fi
done

# 3. Script tests: tests/scripts/*.sh exit 0 on success (corpus, secrets, ...).
for s in tests/scripts/*.sh; do
	[ -f "$s" ] || continue
	if bash "$s" "$BIN"; then ok; else ko "script $(basename "$s")"; fi
done

if [ "$fail" -gt 0 ]; then
	echo "failed:" >&2
	printf '  %s\n' "${failed[@]}" >&2
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
