#!/usr/bin/env bash
# Every diagnosis whose evidence includes logs is named by explain from the
# realistic snippets of tests/golden/explain/realistic-all (lines written as
# devices print them). Usage: explain-reach.sh BIN
set -u
BIN=$1
cd "$(dirname "$0")/../golden/explain/realistic-all" || exit 1
want=$("$BIN" list --format json | python3 -c '
import json, sys
for d in json.load(sys.stdin)["diagnoses"]:
    if "logs" in d["found_from"]:
        print(d["id"])')
got=$("$BIN" explain --format json input.log | python3 -c '
import json, sys
for f in json.load(sys.stdin)["findings"]:
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
[ "$n" -eq 55 ] || { echo "explain-reach: expected 55 logs-level IDs, catalog has $n" >&2; exit 1; }
[ "$missing" -eq 0 ]
