#!/usr/bin/env bash
# docs/diagnoses/ must be exactly what the catalog generates: every page
# up to date, a page for every ID, and no page for an ID that does not exist.
# Usage: tests/scripts/docs.sh BINARY   (exit 0 = pass)
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/scripts/gen-docs.sh" "$bin" "$tmp" || exit 1
status=0
for f in "$tmp"/*.md; do
	name=$(basename "$f")
	if [ ! -f "$root/docs/diagnoses/$name" ]; then
		echo "docs: docs/diagnoses/$name is missing" >&2
		status=1
	elif ! cmp -s "$f" "$root/docs/diagnoses/$name"; then
		echo "docs: docs/diagnoses/$name differs from the catalog" >&2
		diff -u "$root/docs/diagnoses/$name" "$f" | head -20 >&2
		status=1
	fi
done
for f in "$root"/docs/diagnoses/*.md; do
	[ -e "$f" ] || continue
	name=$(basename "$f")
	if [ ! -f "$tmp/$name" ]; then
		echo "docs: docs/diagnoses/$name belongs to no diagnosis ID" >&2
		status=1
	fi
done
[ "$status" -eq 0 ] || echo "docs: run scripts/gen-docs.sh to regenerate" >&2
exit "$status"
