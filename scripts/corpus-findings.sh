#!/usr/bin/env bash
# Every error-severity finding of `check` on the public corpus (configs/ and configs-2/), one
# config at a time, as TSV:
#   file (short name)  line  id  title
# docs/corpus-findings.md judges each row; re-run this to check the doc is still in step.
# Usage: scripts/corpus-findings.sh [BIN] [SEVERITY]
#          BIN defaults to build/ipsec-doctor; SEVERITY (error|warning|info) defaults to error.
#        scripts/corpus-findings.sh --check [BIN]
#          compares the error findings with the table of docs/corpus-findings.md (its first four
#          columns); exit 1 and a diff when they differ.
# Short name: the fewest trailing components of the file's original path (MANIFEST.tsv) that
# no other corpus config shares, joined with '/' (e.g. "ios-crypto-ipsec/configs/r1" -> "configs/r1"
# is shared, so "ios-crypto-ipsec/configs/r1").
set -eu
cd "$(dirname "$0")/.."
if [ "${1:-}" = --check ]; then
	shift
	doc=docs/corpus-findings.md
	# Table rows between the markers: "| file | line | ID | title | judgement |".
	want=$(sed -n '/<!-- corpus-findings:begin -->/,/<!-- corpus-findings:end -->/p' "$doc" |
		grep '^| ' | tail -n +2 | grep -v '^|---' |
		awk -F' [|] ' '{ sub(/^[|] /, "", $1); print $1 "\t" $2 "\t" $3 "\t" $4 }')
	have=$("$0" "${1:-build/ipsec-doctor}" error | tail -n +2)
	if ! diff -u <(printf '%s\n' "$want") <(printf '%s\n' "$have"); then
		echo "corpus-findings: $doc is out of step with the findings (- doc, + now)" >&2
		exit 1
	fi
	echo "corpus-findings: $doc matches ($(printf '%s\n' "$have" | grep -c .) error findings)"
	exit 0
fi
BIN=${1:-build/ipsec-doctor}
SEV=${2:-error}
CORPUS=../shared/corpus
[ -f "$CORPUS/MANIFEST.tsv" ] || CORPUS=/work/shared/corpus
[ -x "$BIN" ] || make -s -j2 >/dev/null

# MANIFEST columns: file repo commit path kind platform. Prints "file<TAB>short" per config.
shorten='
$5 == "config" { file[NR] = $1; n = split($4, p, "/"); for (k = 1; k <= n; k++) part[NR, k] = p[n - k + 1]; np[NR] = n }
END {
	for (i in file) {
		s = ""
		for (k = 1; k <= np[i]; k++) {
			s = (k == 1) ? part[i, 1] : part[i, k] "/" s
			dup = 0
			for (j in file) if (j != i && tail(j, k) == s) dup = 1
			if (!dup) break
		}
		print file[i] "\t" s
	}
}
function tail(j, k,   t, m) {
	t = ""
	for (m = 1; m <= k && m <= np[j]; m++) t = (m == 1) ? part[j, 1] : part[j, m] "/" t
	return t
}'
printf 'file\tline\tid\ttitle\n'
# configs-2/ (its own MANIFEST.tsv: file repo path ...): the short name is
# "configs-2/" and the file name without .cfg (the file names are unique).
{
	awk -F'\t' "$shorten" "$CORPUS/MANIFEST.tsv" | sort
	if [ -f "$CORPUS/configs-2/MANIFEST.tsv" ]; then
		awk -F'\t' 'NR > 1 { s = $1; sub(/\.cfg$/, "", s); print "configs-2/" $1 "\tconfigs-2/" s }' \
			"$CORPUS/configs-2/MANIFEST.tsv" | sort
	fi
} | while IFS=$'\t' read -r file short; do
	f=$CORPUS/$file
	[ -f "$f" ] || continue
	# Exit 1 only means "findings at or above error"; 2 is unreadable input; anything else crashed.
	rc=0
	out=$("$BIN" check --format json "$f") || rc=$?
	if [ "$rc" -gt 1 ]; then
		echo "corpus-findings: $BIN exited $rc on $f" >&2
		exit 1
	fi
	printf '%s\n' "$out" | jq -r --arg f "$short" --arg sev "$SEV" \
		'.findings[] | select(.severity == $sev) | [$f, .line, .id, .title] | @tsv'
done
