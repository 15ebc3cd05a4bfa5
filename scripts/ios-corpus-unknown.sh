#!/usr/bin/env bash
# Unknown-line figures of the IOS reader over the public corpus.
# Usage: scripts/ios-corpus-unknown.sh [BUILD_DIR] (IPSD_SHOW_ALL=1 lists every unknown line)
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build}
make -s BUILD="$BUILD" "$BUILD/tests/test_ios_corpus" >/dev/null
"$BUILD/tests/test_ios_corpus"
