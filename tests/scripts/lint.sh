#!/usr/bin/env bash
# Static checks that guard main: cppcheck finds nothing at warning level, and
# every C file is as clang-format (with the checked-in .clang-format) writes it.
set -u
cd "$(dirname "$0")/../.."
rc=0
if ! command -v cppcheck >/dev/null 2>&1; then
	echo "lint: cppcheck is not installed (scripts/install-deps.sh installs it)" >&2
	exit 1
fi
if ! cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	--std=c11 --inline-suppr -I src src; then
	echo "lint: cppcheck reports the problems above" >&2
	rc=1
fi
if command -v clang-format >/dev/null 2>&1; then
	# outside a git checkout (a release tarball) the same files by name
	files=$(git ls-files 'src/*.c' 'src/*.h' 'tests/unit/*.c' 'tests/unit/*.h' 'fuzz/*.c' 2>/dev/null) ||
		files=$(find src tests/unit fuzz -name '*.[ch]' | sort)
	bad=$(for f in $files; do
		clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "$f"
	done)
	if [ -n "$bad" ]; then
		echo "lint: not clang-formatted (run make format):" $bad >&2
		rc=1
	fi
fi
exit $rc
