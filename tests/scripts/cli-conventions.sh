#!/usr/bin/env bash
# The conventions every command shares (cli/args.c, issue 14) that a golden
# case cannot show: -o FILE writes a new file atomically and never over an
# input, every command answers --help/-h with one line per option and
# --version/-V, --color=never holds on a terminal (and NO_COLOR as no-color.org
# says: non-empty only, a flag wins), and text is the default
# in a pipe for every command.
# Usage: tests/scripts/cli-conventions.sh BIN
set -u
BIN=${1:?usage: cli-conventions.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
ex=$root/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() {
	fails=$((fails + 1))
	echo "cli-conventions: FAIL: $*" >&2
}

# 1. -o FILE: the report goes to FILE, stdout stays empty, exit as without -o.
cp "$ex/hq-asa.cfg" "$ex/branch-ios.cfg" "$tmp/"
out=$("$BIN" check -f json -o "$tmp/report.json" "$tmp/hq-asa.cfg" "$tmp/branch-ios.cfg")
rc=$?
[ "$rc" = 1 ] || bad "check -o: exit $rc, expected 1"
[ -z "$out" ] || bad "check -o: stdout not empty"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/report.json" 2>/dev/null ||
	bad "check -o: report.json is not the JSON document"
ls "$tmp"/report.json.* >/dev/null 2>&1 && bad "check -o: a temporary file was left behind"
# the same bytes as stdout would have had
"$BIN" check -f json "$tmp/hq-asa.cfg" "$tmp/branch-ios.cfg" >"$tmp/stdout.json"
cmp -s "$tmp/stdout.json" "$tmp/report.json" || bad "check -o: differs from stdout"
# never over an input, whatever the spelling
sum=$(cksum <"$tmp/hq-asa.cfg")
"$BIN" check -o "$tmp/../$(basename "$tmp")/hq-asa.cfg" "$tmp/hq-asa.cfg" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || bad "check -o INPUT: exit $rc, expected 2"
[ "$(cksum <"$tmp/hq-asa.cfg")" = "$sum" ] || bad "check -o INPUT modified the input"
grep -q '^ipsec-doctor: check: .*hq-asa.cfg: -o names an input file' "$tmp/err" ||
	bad "check -o INPUT: message: $(cat "$tmp/err")"
# an unwritable place: exit 2, one line naming the file
"$BIN" check -o /nonexistent-dir/r.txt "$tmp/hq-asa.cfg" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || bad "check -o /nonexistent-dir: exit $rc, expected 2"
grep -q '^ipsec-doctor: check: /nonexistent-dir/r.txt: ' "$tmp/err" ||
	bad "check -o /nonexistent-dir: message: $(cat "$tmp/err")"
# every command that writes takes -o
for c in "tunnel $tmp/hq-asa.cfg $tmp/branch-ios.cfg" "trace $tmp/hq-asa.cfg --src 10.10.1.5 --dst 192.168.50.10" \
	"explain $ex/isakmp.txt" "dump $tmp/hq-asa.cfg" "list" "describe psk-mismatch"; do
	rm -f "$tmp/o.txt"
	# shellcheck disable=SC2086
	out=$("$BIN" $c -o "$tmp/o.txt" 2>"$tmp/err")
	[ -s "$tmp/o.txt" ] && [ -z "$out" ] || bad "$c -o: no file or stdout not empty ($(cat "$tmp/err"))"
done

# 2. --help / -h / help CMD and --version / -V on every command.
for c in check tunnel trace explain dump list describe; do
	h=$("$BIN" "$c" --help) || bad "$c --help: exit $?"
	[[ $h == "usage: ipsec-doctor $c "* ]] || bad "$c --help: no usage line"
	# one line per option: "  -x, --name VALUE   help" or "      --name ..."
	n=$(printf '%s\n' "$h" | grep -cE '^  (-[a-zA-Z],|   ) --[a-z-]+')
	[ "$n" -ge 3 ] || bad "$c --help: $n option lines"
	[ "$("$BIN" "$c" -h)" = "$h" ] || bad "$c -h differs from --help"
	[ "$("$BIN" help "$c")" = "$h" ] || bad "help $c differs from $c --help"
	v=$("$BIN" "$c" --version) || bad "$c --version: exit $?"
	[[ $v == "ipsec-doctor "* ]] || bad "$c --version: $v"
	[ "$("$BIN" "$c" -V)" = "$v" ] || bad "$c -V differs"
done

# 3. text is the default in a pipe for every command (never JSON).
for c in "check $tmp/hq-asa.cfg" "tunnel $tmp/hq-asa.cfg $tmp/branch-ios.cfg" \
	"trace $tmp/hq-asa.cfg --src 10.10.1.5 --dst 192.168.50.10" "explain $ex/isakmp.txt" \
	"dump $tmp/hq-asa.cfg" "list" "describe psk-mismatch"; do
	# shellcheck disable=SC2086
	first=$("$BIN" $c 2>/dev/null | head -c1)
	[ "$first" != "{" ] || bad "$c: JSON in a pipe without --format"
done

# 4. --color=never holds on a terminal; --color=always in a pipe.
esc=$(printf '\033[')
if command -v script >/dev/null 2>&1; then
	t=$(env -u NO_COLOR script -qec "'$BIN' check --color=never '$tmp/hq-asa.cfg'" /dev/null 2>&1)
	[[ $t == *"$esc"* ]] && bad "--color=never coloured a terminal"
	# no-color.org: only a non-empty NO_COLOR turns colour off; a flag wins over it
	t=$(NO_COLOR= script -qec "'$BIN' check '$tmp/hq-asa.cfg'" /dev/null 2>&1)
	[[ $t == *"$esc"* ]] || bad "an empty NO_COLOR turned colour off on a terminal"
	t=$(NO_COLOR=1 script -qec "'$BIN' check --color=always '$tmp/hq-asa.cfg'" /dev/null 2>&1)
	[[ $t == *"$esc"* ]] || bad "--color=always did not win over NO_COLOR on a terminal"
	t=$(NO_COLOR=1 script -qec "'$BIN' check --color=auto '$tmp/hq-asa.cfg'" /dev/null 2>&1)
	[[ $t == *"$esc"* ]] && bad "--color=auto coloured a terminal with NO_COLOR set"
fi
t=$("$BIN" check --color=always "$tmp/hq-asa.cfg")
[[ $t == *"$esc"* ]] || bad "--color=always did not colour a pipe"
"$BIN" check --color=sometimes "$tmp/hq-asa.cfg" 2>/dev/null
[ $? = 2 ] || bad "--color=sometimes accepted"

[ "$fails" = 0 ] && echo "cli-conventions: ok"
[ "$fails" = 0 ]
