#!/usr/bin/env bash
# Every diagnosis whose evidence includes logs is named by explain from the
# realistic snippets of tests/golden/explain/realistic-all and of
# explain-reach-ios.log (IOS XE tunnel and DMVPN lines, kept apart so the mixed
# golden file keeps its device naming) (lines written as devices print them).
# Usage: explain-reach.sh BIN
set -u
BIN=$1
OLDPWD_REACH=$(cd "$(dirname "$0")" && pwd)
cd "$(dirname "$0")/../golden/explain/realistic-all" || exit 1
want=$("$BIN" list --format json | python3 -c '
import json, sys
for d in json.load(sys.stdin)["diagnoses"]:
    if "logs" in d["found_from"]:
        print(d["id"])')
got=$(for f in input.log "$OLDPWD_REACH/explain-reach-ios.log"; do "$BIN" explain --format json "$f"; done | python3 -c '
import json, sys
dec, text = json.JSONDecoder(), sys.stdin.read()
i = 0
while i < len(text):
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    doc, i = dec.raw_decode(text, i)
    for f in doc["findings"]:
        print(f["id"])' | sort -u)
n=0
missing=0
for id in $want; do
	n=$((n + 1))
	if ! printf '%s\n' "$got" | grep -qx -- "$id"; then
		echo "explain-reach: $id is not reached" >&2
		missing=$((missing + 1))
	fi
done
[ "$n" -eq 60 ] || { echo "explain-reach: expected 60 logs-level IDs, catalog has $n" >&2; exit 1; }
[ "$missing" -eq 0 ]
