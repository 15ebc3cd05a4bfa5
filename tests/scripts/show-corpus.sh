#!/usr/bin/env bash
# Every public show output of ../shared/corpus/show is read by explain
# without a crash or sanitizer report (exit 0 or 1, never 2 or a signal).
set -u
BIN=$1
CORPUS=${IPSD_CORPUS:-/work/shared/corpus/show}
[ -d "$CORPUS" ] || { echo "show-corpus: $CORPUS missing, skipped" >&2; exit 0; }
bad=0
for f in "$CORPUS"/*; do
	[ -f "$f" ] || continue
	case $f in *MANIFEST*) continue ;; esac
	"$BIN" explain --format json "$f" >/dev/null 2>/tmp/show-corpus.err
	rc=$?
	if [ "$rc" -gt 1 ] || grep -qE 'Sanitizer|runtime error' /tmp/show-corpus.err; then
		echo "show-corpus: $(basename "$f"): exit $rc" >&2
		head -5 /tmp/show-corpus.err >&2
		bad=$((bad + 1))
	fi
done
rm -f /tmp/show-corpus.err
[ "$bad" -eq 0 ]
