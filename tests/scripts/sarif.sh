#!/usr/bin/env bash
# `check --format sarif` is valid SARIF 2.1.0: run it on golden check cases that have
# findings and validate each document against the official schema (draft-04 JSON
# Schema, through python3-jsonschema). Also: one rule per catalog ID, every result's
# ruleId names a rule, and ruleIndex points at that rule.
# The schema is not vendored: it is taken from the npm package @microsoft/jest-sarif
# (package/lib/schemas/sarif-2.1.0-rtm.5.json) with `npm pack`, cached in tests/out/.
# Usage: tests/scripts/sarif.sh BIN     (exit 0 = pass; tests/run.sh passes the binary)
set -u
BIN=${1:?usage: sarif.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
PY=/usr/bin/python3
cache=$root/tests/out/sarif-schema
schema=$cache/sarif-2.1.0-rtm.5.json

fetch_schema() {
	[ -s "$schema" ] && return 0
	if ! command -v npm >/dev/null 2>&1; then
		echo "sarif: no cached schema ($schema) and npm is not installed (Debian: npm); cannot validate" >&2
		return 1
	fi
	local tmp
	tmp=$(mktemp -d) || return 1
	if ! (cd "$tmp" && npm pack --silent @microsoft/jest-sarif >pack.out 2>pack.err); then
		echo "sarif: 'npm pack @microsoft/jest-sarif' failed: $(tail -1 "$tmp/pack.err")" >&2
		rm -rf "$tmp"
		return 1
	fi
	mkdir -p "$cache" &&
		tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json &&
		mv "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$schema"
	local rc=$?
	rm -rf "$tmp"
	[ $rc -eq 0 ] || echo "sarif: the schema is not in the npm package where expected" >&2
	return $rc
}

if ! $PY -c 'import jsonschema' 2>/dev/null; then
	echo "sarif: $PY has no jsonschema module (Debian: python3-jsonschema)" >&2
	exit 1
fi
fetch_schema || exit 1
nids=$("$BIN" list --format json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["diagnoses"]))') || {
	echo "sarif: 'list --format json' failed" >&2
	exit 1
}

# Validates one SARIF document on stdin; argv: schema, rule count, case name.
read -r -d '' VALIDATE <<'PYEOF'
import json, sys
import jsonschema
schema_path, nids, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
doc = json.load(sys.stdin)
schema = json.load(open(schema_path))
errs = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
bad = [f"{name}: schema: {'/'.join(map(str, e.path))}: {e.message[:200]}" for e in errs[:10]]
for run in doc.get("runs", []):
    rules = run["tool"]["driver"].get("rules", [])
    ids = [r["id"] for r in rules]
    if len(ids) != nids or len(set(ids)) != nids:
        bad.append(f"{name}: {len(ids)} rules ({len(set(ids))} distinct), catalog has {nids}")
    results = run.get("results", [])
    if not results:
        bad.append(f"{name}: no results (the case was chosen for having findings)")
    for i, res in enumerate(results):
        rid, idx = res.get("ruleId"), res.get("ruleIndex")
        if rid not in ids:
            bad.append(f"{name}: result {i}: ruleId {rid!r} is not a rule id")
        elif idx is None or not (0 <= idx < len(ids)) or ids[idx] != rid:
            bad.append(f"{name}: result {i}: ruleIndex {idx} does not point at {rid!r}")
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PYEOF
validate() { $PY -c "$VALIDATE" "$schema" "$nids" "$1"; }

cases=0 fails=0
for dir in "$root"/tests/golden/check/*-report*/ "$root"/tests/golden/check/platform-all-*/; do
	[ -f "$dir/cmd" ] || continue
	name=${dir#"$root"/tests/golden/}
	name=${name%/}
	read -r args <"$dir/cmd"
	args=$(sed -E 's/(^|[[:space:]])--format([[:space:]]+|=)[^[:space:]]+/\1--format sarif/' <<<"$args")
	cases=$((cases + 1))
	out=$(cd "$dir" && eval "\"$BIN\" $args" 2>/dev/null)
	if ! printf '%s\n' "$out" | validate "$name"; then
		fails=$((fails + 1))
	fi
done
echo "sarif: $cases documents validated against SARIF 2.1.0 ($nids rules), $fails failed"
[ "$cases" -gt 0 ] && [ "$fails" -eq 0 ]
