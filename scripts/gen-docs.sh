#!/usr/bin/env bash
# Regenerates docs/diagnoses/ from the catalog table: one page per diagnosis
# ID (ipsec-doctor describe ID --format md) and the index README.md
# (ipsec-doctor list --format md). Pages for IDs no longer in the catalog are
# removed, so the folder always mirrors the table.
# Usage: scripts/gen-docs.sh [BINARY] [OUTDIR]
#        (defaults: build/ipsec-doctor, docs/diagnoses)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/ipsec-doctor}
out=${2:-$root/docs/diagnoses}
[ -x "$bin" ] || { echo "gen-docs: $bin is not an executable (run make)" >&2; exit 2; }
mkdir -p "$out"
rm -f "$out"/*.md
"$bin" list --format md >"$out/README.md"
"$bin" list --format text | while read -r id _; do
	"$bin" describe "$id" --format md >"$out/$id.md"
done
