#!/usr/bin/env bash
# The public corpus as a robustness test: every config in shared/corpus/MANIFEST.tsv
# (kind "config") must be read by `dump` with exit 0, no sanitizer report and no unknown
# line that a VPN reader is supposed to know (the keyword list below). Also reports each file's
# unknown share and the files whose platform is not detected as the manifest says (they would
# need --platform). Table: tests/out/corpus-unknown.tsv.
# Usage: tests/scripts/corpus.sh BIN     (exit 0 = pass; tests/run.sh passes the binary)
set -u
BIN=${1:?usage: corpus.sh path/to/ipsec-doctor}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

# CI runs in a fresh clone with shared/ beside the repository.
CORPUS="$here/../../../shared/corpus"
[ -f "$CORPUS/MANIFEST.tsv" ] || CORPUS=/work/shared/corpus
if [ ! -f "$CORPUS/MANIFEST.tsv" ]; then
	echo "corpus.sh: no corpus (looked for ../shared/corpus and /work/shared/corpus): SKIPPED" >&2
	exit 0
fi

OUT="$root/tests/out"
mkdir -p "$OUT"
TABLE="$OUT/corpus-unknown.tsv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Reads one dump JSON document (argv[1]) and prints, tab-separated:
#   detected-platform lines unknown bad-count
# then one line per bad unknown line: "BAD<TAB>line<TAB>text". Exit 3 when the
# document has no device model. Key names are read leniently (the emitter owns them).
summarise='
import json, re, sys
BAD = re.compile(r"^(crypto|isakmp|tunnel-group|group-policy|access-list)(\s|$)"
                 r"|^(nat |ip nat|route |ip route|ip local pool|sysopt)")
def first(d, *keys, default=None):
    for k in keys:
        if isinstance(d, dict) and k in d:
            return d[k]
    return default
try:
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print("invalid JSON: %s" % e, file=sys.stderr); sys.exit(3)
devs = first(doc, "devices", default=None)
if not isinstance(devs, list) or not devs:
    print("no \"devices\" in the JSON (dump emitter not merged?)", file=sys.stderr); sys.exit(3)
d = devs[0]
plat = first(d, "platform", default="?")
if isinstance(plat, dict):
    plat = first(plat, "name", "platform", default="?")
lines = first(d, "lines", "nlines", "line_count", default=0)
unk = first(d, "unknown", "unknown_lines", default=[])
if not isinstance(unk, list):
    unk = []
count = first(d, "unknown_count", "nunknown", default=len(unk))
bad = []
for u in unk:
    text = u if isinstance(u, str) else first(u, "text", "shown", default="")
    line = "" if isinstance(u, str) else first(u, "line", default="")
    if BAD.search((text or "").lstrip()):
        bad.append((line, text))
print("%s\t%s\t%s\t%d" % (plat, lines if isinstance(lines, int) else 0, count, len(bad)))
for line, text in bad:
    print("BAD\t%s\t%s" % (line, text))
'

want_platform() { # manifest platform column -> what detection should say ("" = no opinion)
	case "$1" in
	*mixed* | *template*) echo "" ;;
	PIX/ASA | ASA*) echo "asa pix" ;;
	IOS*) echo "ios" ;;
	*) echo "" ;;
	esac
}

force_platform() { # manifest platform column -> a --platform value ("" = none fits)
	case "$1" in
	*mixed* | *template*) echo "" ;;
	PIX/ASA | ASA*) echo asa ;;
	IOS*) echo ios ;;
	*) echo "" ;;
	esac
}

printf 'file\tmanifest_platform\tdetected\tlines\tunknown\tshare\tbad_unknown\tstatus\n' >"$TABLE"
n=0 failed=0 tot_lines=0 tot_unk=0 need_platform=()
while IFS=$'\t' read -r file _repo _commit _path kind platform; do
	[ "$kind" = config ] || continue
	n=$((n + 1))
	f="$CORPUS/$file"
	status=ok why=""
	timeout 60 "$BIN" dump --format json --verbose "$f" >"$tmp/out.json" 2>"$tmp/err"
	rc=$?
	# A file that alone does not tell its platform (a running-config section, a
	# snippet) exits 2 asking for --platform: retry with the manifest's platform,
	# report the file, and fail only under CORPUS_STRICT_PLATFORM=1.
	force=$(force_platform "$platform") force_used=""
	if [ "$rc" -eq 2 ] && [ -n "$force" ] && grep -q -- '--platform' "$tmp/err" &&
		! grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/err"; then
		need_platform+=("$file (manifest $platform: not detected; read with --platform $force)")
		force_used=$force
		timeout 60 "$BIN" dump --format json --verbose --platform "$force" "$f" \
			>"$tmp/out.json" 2>"$tmp/err"
		rc=$?
		[ "${CORPUS_STRICT_PLATFORM:-0}" = 1 ] && status=FAIL why="needs --platform $force"
	fi
	if [ "$rc" -ne 0 ]; then
		status=FAIL why="${why:+$why, }exit $rc"
	fi
	if grep -qE 'AddressSanitizer|runtime error|LeakSanitizer' "$tmp/err"; then
		status=FAIL why="${why:+$why, }sanitizer report"
	fi
	det="-" lines=0 unk=0 bad=0
	if [ "$rc" -eq 0 ]; then
		if python3 -c "$summarise" "$tmp/out.json" >"$tmp/sum" 2>"$tmp/pyerr"; then
			IFS=$'\t' read -r det lines unk bad <"$tmp/sum"
			if [ "$bad" -gt 0 ]; then
				status=FAIL why="${why:+$why, }$bad unknown VPN line(s)"
			fi
		else
			status=FAIL why="${why:+$why, }$(head -1 "$tmp/pyerr")"
		fi
	fi
	share=$(awk -v u="$unk" -v l="$lines" 'BEGIN { if (l > 0) printf "%.3f", u / l; else print "-" }')
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$file" "$platform" "$det" "$lines" "$unk" \
		"$share" "$bad" "$status" >>"$TABLE"
	printf '%-4s %6s unknown %5s/%-6s %-6s %s%s\n' "$status" "$share" "$unk" "$lines" "$det" \
		"$file" "${why:+  ($why)}"
	if [ "$status" != ok ]; then
		failed=$((failed + 1))
		head -5 "$tmp/err" | sed 's/^/      stderr: /'
		grep '^BAD' "$tmp/sum" 2>/dev/null | head -20 | cut -f2- | sed 's/^/      unknown: line /'
	fi
	want=$(want_platform "$platform")
	if [ -n "$want" ] && [ -z "$force_used" ] && [ "$det" != "-" ] && ! grep -qw -- "$det" <<<"$want"; then
		need_platform+=("$file (manifest $platform, detected $det)")
	fi
	tot_lines=$((tot_lines + lines))
	tot_unk=$((tot_unk + unk))
done <"$CORPUS/MANIFEST.tsv"

if [ "${#need_platform[@]}" -gt 0 ]; then
	echo "files whose platform is not detected as the manifest says (need --platform):"
	printf '  %s\n' "${need_platform[@]}"
fi
share=$(awk -v u="$tot_unk" -v l="$tot_lines" 'BEGIN { if (l > 0) printf "%.1f%%", 100 * u / l; else print "-" }')
echo "corpus: $n config files, $failed failed, unknown lines $tot_unk of $tot_lines ($share); table: tests/out/corpus-unknown.tsv"
[ "$failed" -eq 0 ]
