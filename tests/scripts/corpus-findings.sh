#!/usr/bin/env bash
# docs/corpus-findings.md judges every error `check` reports on the public corpus: its table
# must list exactly the errors the binary reports now (scripts/corpus-findings.sh --check).
# A new or vanished error means the doc needs a judgement (and a false one, a fix).
# Usage: tests/scripts/corpus-findings.sh BIN
set -u
BIN=${1:?usage: corpus-findings.sh path/to/ipsec-doctor}
root=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -f "$root/../shared/corpus/MANIFEST.tsv" ] && [ ! -f /work/shared/corpus/MANIFEST.tsv ]; then
	echo "corpus-findings.sh: no corpus: SKIPPED" >&2
	exit 0
fi
exec "$root/scripts/corpus-findings.sh" --check "$BIN"
