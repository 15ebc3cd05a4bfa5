#!/usr/bin/env bash
# The `check` command's CLI contract (product.md "Output contract"): exit codes 0/1/2,
# --fail-on, --select/--ignore (an unknown ID is a usage error), --min-severity, inline
# suppressions, colour only on a terminal and never with NO_COLOR, and the gcc line shape.
# Inputs are golden check cases, copied to a scratch folder.
# Usage: tests/scripts/check-cli.sh BIN     (exit 0 = pass; tests/run.sh passes the binary)
set -u
BIN=${1:?usage: check-cli.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
g=$root/tests/golden/check
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 runs=0

bad() {
	fails=$((fails + 1))
	echo "check-cli: FAIL: $*" >&2
}

# expect_rc WANT ARGS...: runs check, keeps stdout in $out and stderr in $err.
expect_rc() {
	local want=$1
	shift
	runs=$((runs + 1))
	out=$("$BIN" check "$@" 2>"$tmp/err")
	local rc=$?
	err=$(cat "$tmp/err")
	[ "$rc" = "$want" ] || bad "check $* -> exit $rc, expected $want (stderr: ${err:0:200})"
}

ids_of() { grep -o '"id": "[a-z0-9-]*"' <<<"$out" | sed 's/.*: "//; s/"//' | sort -u | tr '\n' ' '; }

# 1. exit codes
expect_rc 0 --format json --select nat-t-disabled "$g/nat-t-disabled-nearmiss/input.cfg"
expect_rc 1 --format json --select nat-t-disabled "$g/nat-t-disabled-report/input.cfg"
expect_rc 2 --format json "$tmp/no-such-file.cfg"
[ "$(wc -l <<<"$err")" = 1 ] && grep -q 'no-such-file.cfg' <<<"$err" ||
	bad "missing file: want one stderr line naming the file, got: $err"
expect_rc 2 --format json --select no-such-id "$g/nat-t-disabled-report/input.cfg"
[ "$(wc -l <<<"$err")" = 1 ] && grep -q "no-such-id" <<<"$err" ||
	bad "unknown --select ID: want one stderr line naming it, got: $err"
expect_rc 2 --format json --ignore mss-too-large,bogus-id "$g/nat-t-disabled-report/input.cfg"
grep -q "bogus-id" <<<"$err" || bad "unknown --ignore ID not named: $err"
expect_rc 2 --format json --fail-on fatal "$g/nat-t-disabled-report/input.cfg"

# 2. --fail-on: a warning-only and an info-only result
mss=$g/mss-too-large-report/input.cfg
mc=$g/multicast-over-tunnel-report/input.cfg
expect_rc 0 --format json --select mss-too-large "$mss"
expect_rc 1 --format json --select mss-too-large --fail-on warning "$mss"
expect_rc 1 --format json --select mss-too-large --fail-on info "$mss"
expect_rc 0 --format json --select multicast-over-tunnel --fail-on warning "$mc"
expect_rc 1 --format json --select multicast-over-tunnel --fail-on info "$mc"

# 3. --select / --ignore / --min-severity on a config with many findings
all=$g/platform-all-asa/input.cfg
expect_rc 0 --format json --select mss-too-large,low-memory-crypto "$all"
[ "$(ids_of)" = "low-memory-crypto mss-too-large " ] || bad "--select kept: $(ids_of)"
expect_rc 1 --format json --ignore mss-too-large "$all"
ids=$(ids_of)
[[ $ids != *mss-too-large* && $ids == *nat-t-disabled* ]] || bad "--ignore kept: $ids"
expect_rc 1 --format json --min-severity error "$all"
grep -q '"severity": "warning"' <<<"$out" && bad "--min-severity error kept warnings"
grep -q '"severity": "error"' <<<"$out" || bad "--min-severity error dropped errors"
expect_rc 0 --format json --select multicast-over-tunnel --min-severity warning --fail-on info "$mc"
grep -q '"id"' <<<"$out" && bad "--min-severity warning kept an info finding"

# 4. inline suppressions: before the reported line, elsewhere, file-wide
line=$(grep -n '^sysopt connection tcpmss' "$mss" | cut -d: -f1)
sed "${line}i ! ipsec-doctor: ignore=mss-too-large" "$mss" >"$tmp/sup.cfg"
expect_rc 0 --format json --select mss-too-large --fail-on warning "$tmp/sup.cfg"
grep -q '"mss-too-large"' <<<"$out" && bad "ignore= before the line did not silence it"
sed "${line}i ! ipsec-doctor: ignore=low-memory-crypto" "$mss" >"$tmp/sup-other.cfg"
expect_rc 1 --format json --select mss-too-large --fail-on warning "$tmp/sup-other.cfg"
sed "2i ! ipsec-doctor: ignore=mss-too-large" "$mss" >"$tmp/sup-far.cfg"
expect_rc 1 --format json --select mss-too-large --fail-on warning "$tmp/sup-far.cfg"
sed "2i ! ipsec-doctor: ignore-file=mss-too-large" "$mss" >"$tmp/sup-file.cfg"
expect_rc 0 --format json --select mss-too-large --fail-on warning "$tmp/sup-file.cfg"

# 5. gcc format: file:line:col: severity: message [id], one line each
expect_rc 1 --format gcc "$all"
n=0
while IFS= read -r l; do
	n=$((n + 1))
	[[ $l =~ ^[^:]+:[0-9]+:[0-9]+:\ (error|warning|note|info):\ .+\ \[[a-z0-9-]+\]$ ]] ||
		bad "gcc line has the wrong shape: $l"
done <<<"$out"
[ "$n" -ge 5 ] || bad "gcc: expected one line per finding, got $n"
grep -q "^$all:[0-9]*:[0-9]*: error: .*\[nat-t-disabled\]$" <<<"$out" || bad "gcc: no nat-t-disabled line"

# 6. colour: never without a terminal, never with NO_COLOR, on a terminal otherwise
esc=$'\033['
expect_rc 1 --format text "$all"
[[ $out == *"$esc"* ]] && bad "colour written to a pipe"
if command -v script >/dev/null 2>&1; then
	q() { printf '%q' "$1"; }
	tty_out=$(env -u NO_COLOR script -qec "$(q "$BIN") check --format text $(q "$all")" /dev/null 2>&1)
	[[ $tty_out == *"$esc"* ]] || bad "no colour on a terminal without NO_COLOR"
	tty_out=$(NO_COLOR=1 script -qec "$(q "$BIN") check --format text $(q "$all")" /dev/null 2>&1)
	[[ $tty_out == *"$esc"* ]] && bad "colour on a terminal with NO_COLOR set"
	tty_out=$(env -u NO_COLOR script -qec "$(q "$BIN") check $(q "$all")" /dev/null 2>&1)
	[[ $tty_out == *"[nat-t-disabled]"* || $tty_out == *"nat-t-disabled"* ]] ||
		bad "default format on a terminal is not text"
	[[ $tty_out == "{"* ]] && bad "default format on a terminal is JSON"
else
	echo "check-cli: skipped the terminal colour tests: 'script' (util-linux/bsdutils) is not installed" >&2
fi

echo "check-cli: $runs runs, $fails failures"
[ "$fails" -eq 0 ]
