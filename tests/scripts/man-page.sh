#!/usr/bin/env bash
# The man page (issue 14): it renders without a warning, what a reader copies
# from it is what they must type, and it shows the CLI conventions.
# 1. groff -ww finds nothing to warn about.
# 2. Rendered as groff >= 1.23 does (an unescaped '-' is a hyphen, U+2010, not
#    the ASCII minus a shell or a config needs): the example blocks are plain
#    ASCII, and the program's name, every diagnosis ID and every option appear
#    with ASCII '-' only. No word is hyphenated at a line's end (the page
#    renders the same with hyphenation forced off), so no option or ID is cut.
# 3. The inline-suppression example, as rendered, works: pasted into the
#    bundled example it silences the diagnosis it names; without it, the
#    diagnosis is reported.
# 4. The conventions: -f/--format, -o/--output, -h/--help, -V/--version,
#    --color auto|always|never and NO_COLOR, help COMMAND, --format html with
#    -o report.html; each command's SYNOPSIS lists the formats its --help lists.
# Usage: tests/scripts/man-page.sh BIN
set -u
BIN=${1:?usage: man-page.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
page=$root/man/ipsec-doctor.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() {
	fails=$((fails + 1))
	echo "man-page: FAIL: $*" >&2
}
if ! command -v groff >/dev/null 2>&1; then
	echo "man-page: groff is not installed (scripts/install-deps.sh --test installs man-db)" >&2
	exit 1
fi
export LC_ALL=C.UTF-8
hy=$'\u2010'

# 1. no warning
warn=$(groff -man -ww -z "$page" 2>&1)
[ -z "$warn" ] || bad "groff warns: $(head -3 <<<"$warn")"

# 2. strict rendering: '-' becomes U+2010 (groff 1.22's man macros map it to
#    ASCII on UTF-8 terminals; 1.23 and later do not).
render() { # WIDTH [groff args]: the page as a UTF-8 terminal shows it
	local w=$1
	shift
	sed '/^\.TH /a .char - \\[u2010]' "$page" | groff -man -Tutf8 -rLL="${w}n" -P-cbou "$@" 2>/dev/null
}
strict=$(render 80)
[ -n "$strict" ] || bad "the page renders empty"
# the example blocks (.nf ... .fi): their lines as rendered must be ASCII
examples=$(sed -n '/^\.nf/,/^\.fi/p' "$page" | grep -v '^\.' | sed 's/\\-/-/g; s/\\(bu//g; s/\\//g')
while IFS= read -r want; do
	[ -n "$want" ] || continue
	grep -qxF -- "$(sed 's/^ *//' <<<"$want")" <(sed 's/^ *//' <<<"$strict") ||
		bad "example line not rendered as typed (an unescaped '-'?): $want"
done <<<"$examples"
body=$(sed '1d;$d' <<<"$strict") # not the header and footer lines
grep -q "ipsec${hy}doctor" <<<"$body" && bad "'ipsec-doctor' rendered with a hyphen: $(grep -m1 "ipsec${hy}doctor" <<<"$body")"
grep -qE "(^|[ (])${hy}{1,2}[a-zA-Z]" <<<"$body" && bad "an option rendered with a hyphen: $(grep -m1 -E "(^|[ (])${hy}{1,2}[a-zA-Z]" <<<"$body")"
for id in $("$BIN" list --format json | grep -o '"id": "[a-z0-9-]*"' | sed 's/.*: "//; s/"//'); do
	grep -qF "${id//-/$hy}" <<<"$body" && bad "diagnosis ID $id rendered with a hyphen"
done
for w in 60 80 120; do
	[ "$(render "$w")" = "$(render "$w" -rHY=0)" ] || bad "words are hyphenated at ${w} columns"
done

# 3. the suppression example, as rendered, pasted into the bundled example
sup=$(sed -n '/^INLINE SUPPRESSIONS/,/^[A-Z]/p' <<<"$strict" | grep -A1 -m1 '^ *! ipsec-doctor: ignore=' | sed 's/^ *//')
comment=$(sed -n 1p <<<"$sup")
line=$(sed -n 2p <<<"$sup")
[[ $comment =~ ^'! ipsec-doctor: ignore='[a-z0-9-]+(,[a-z0-9-]+)*$ ]] ||
	bad "the suppression example's comment is not one: '$comment'"
[[ $line == "crypto map OUTSIDE-MAP 10 set peer "* ]] ||
	bad "the suppression example's config line is not the bundled ASA's crypto map entry: '$line'"
ids=${comment#*ignore=}
for id in ${ids//,/ }; do
	"$BIN" describe "$id" >/dev/null 2>&1 || bad "the suppression example names '$id', which is no diagnosis ID"
done
first=${ids%%,*}
cfg=$root/examples/hq-asa.cfg
grep -q '^crypto map OUTSIDE-MAP 10 set peer ' "$cfg" || bad "examples/hq-asa.cfg has no 'set peer' line to replace"
awk -v l="$line" '/^crypto map OUTSIDE-MAP 10 set peer / { print l; next } { print }' "$cfg" >"$tmp/without.cfg"
awk -v c="$comment" -v l="$line" '/^crypto map OUTSIDE-MAP 10 set peer / { print c; print l; next } { print }' "$cfg" >"$tmp/with.cfg"
"$BIN" check --format gcc --select "$first" --fail-on info "$tmp/without.cfg" >"$tmp/out" 2>&1
[ $? = 1 ] && grep -q "\[$first\]" "$tmp/out" ||
	bad "without the comment, the example line does not raise $first: $(head -2 "$tmp/out")"
"$BIN" check --format gcc --select "$first" --fail-on info "$tmp/with.cfg" >"$tmp/out" 2>&1
[ $? = 0 ] && ! grep -q "\[$first\]" "$tmp/out" ||
	bad "the man page's suppression comment does not silence $first: $(head -2 "$tmp/out")"

# 4. the conventions, as a reader sees them (normal rendering, no line breaks)
plain=$(MANWIDTH=250 man -l "$page" 2>/dev/null | sed 's/  */ /g')
for want in '-f, --format' '-o, --output FILE' '-h, --help' '-V, --version' '--color auto|always|never' \
	'NO_COLOR' 'ipsec-doctor help COMMAND' 'html' '-o report.html' '--color=always' '-- ends the options' \
	'- as a file is standard input' 'options and operands may come in any order'; do
	grep -qF -- "$want" <<<"$plain" || bad "the page does not show '$want'"
done
for c in check tunnel trace explain dump list describe; do
	# "-f, --format FORMAT   text (default), json, sarif, gcc or html" -> json|sarif|...
	help=$("$BIN" "$c" --help | sed -n 's/^ *-f, --format FORMAT *//p' | sed 's/([^)]*)//g; s/ or /, /g; s/ //g' |
		tr ',' '\n' | grep . | sort | tr '\n' '|')
	syn=$(sed -n "/^\\.B ipsec\\\\-doctor $c\$/,/^\\.br\$/p;/^\\.B ipsec\\\\-doctor $c\$/,/^\\.SH/p" "$page" |
		sed -n 's/.*\\-\\-format " \([a-z|]*\)".*/\1/p' | head -1 | tr '|' '\n' | sort | tr '\n' '|')
	[ -n "$help" ] || bad "$c --help lists no format"
	[ "$help" = "$syn" ] || bad "$c: the SYNOPSIS lists formats '$syn', --help '$help'"
done

[ "$fails" = 0 ] && echo "man-page: ok"
[ "$fails" = 0 ]
