#!/usr/bin/env bash
# The split install (issue 14, item 9): `make example` needs only a compiler and
# the libraries, never the suite's tools (some need root to install).
# 1. scripts/install-deps.sh --list (the runtime set) holds none of the test
#    tools, and is enough: every system header src/ includes and every library
#    the Makefile links comes from a package of the set or one it depends on.
# 2. --test --list adds the test tools and keeps the runtime set.
# 3. The install path itself, with dpkg-query and apt-get stubbed (nothing
#    installed): apt-get is asked for exactly the listed set, --dry-run prints it
#    and installs nothing.
# 4. `make -n example` runs install-deps.sh without --test and no test tool.
# 5. .ci/run builds as users build: runtime deps, plain make all and make unit
#    (-O3, -Werror), and only then the test deps.
# Usage: tests/scripts/deps-split.sh BIN   (BIN unused: this checks the build)
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
deps=$root/scripts/install-deps.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() {
	fails=$((fails + 1))
	echo "deps-split: FAIL: $*" >&2
}
# The suite's tools: none may be in the runtime set.
TEST_TOOLS="clang clang-format cppcheck libcmocka-dev python3 python3-jsonschema chromium npm npm:npm man-db strongswan-charon"

runtime=$(sh "$deps" --list) || bad "--list exit $?"
full=$(sh "$deps" --test --list) || bad "--test --list exit $?"
[ -n "$runtime" ] || bad "--list printed nothing"

# 1. no test tool in the runtime set
for t in $TEST_TOOLS; do
	grep -qxF -- "$t" <<<"$runtime" && bad "the runtime set holds the test tool $t"
done
grep -qx 'build-essential' <<<"$runtime" || bad "the runtime set has no compiler (build-essential)"

# ... and it is enough to build, on this machine (Debian, the packages installed).
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-cache >/dev/null 2>&1; then
	# shellcheck disable=SC2086
	closure=$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
		--no-breaks --no-replaces --no-enhances $runtime 2>/dev/null | grep -v '^ ' | sed 's/:.*//' | sort -u)
	owner() { dpkg-query -S "$1" 2>/dev/null | head -1 | cut -d: -f1; }
	# system headers of every program source, with the Makefile's standard flags
	hdrs=$(cd "$root" && find src -name '*.c' -print0 |
		xargs -0 cc -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -M 2>"$tmp/cc.err" |
		tr ' \\' '\n\n' | grep '^/' | sort -u)
	[ -n "$hdrs" ] || bad "cc -M found no system header: $(head -3 "$tmp/cc.err")"
	# one dpkg-query for them all: "package[:arch]: path" per line
	# shellcheck disable=SC2086
	owners=$(dpkg-query -S $hdrs 2>/dev/null)
	for h in $hdrs; do
		p=$(grep -F ": $h" <<<"$owners" | awk -F': ' -v h="$h" '$2 == h { print $1; exit }' | sed 's/:.*//')
		if [ -z "$p" ]; then
			bad "$h (included by src/) belongs to no Debian package"
		elif ! grep -qxF "$p" <<<"$closure"; then
			bad "$h (included by src/) comes from $p, which the runtime set does not install"
		fi
	done
	# every -lX of the Makefile's LIBS
	libs=$(sed -n 's/^LIBS *:= *//p' "$root/Makefile")
	[ -n "$libs" ] || bad "no LIBS line in the Makefile"
	for l in $libs; do
		case "$l" in -l*) ;; *) continue ;; esac
		so=$(realpath -s "$(cc -print-file-name="lib${l#-l}.so")")
		p=$(owner "$so")
		if [ -z "$p" ]; then
			bad "$l: $so belongs to no Debian package"
		elif ! grep -qxF "$p" <<<"$closure"; then
			bad "$l comes from $p, which the runtime set does not install"
		fi
	done
else
	echo "deps-split: not a Debian system (no dpkg-query/apt-cache): the sufficiency check SKIPPED" >&2
fi

# 2. --test keeps the runtime set and adds the tools
for p in $runtime; do
	grep -qxF -- "$p" <<<"$full" || bad "--test --list lost the runtime package $p"
done
for t in clang clang-format cppcheck libcmocka-dev chromium man-db; do
	grep -qxF -- "$t" <<<"$full" || bad "--test --list lacks the test tool $t"
done
sh "$deps" --bogus >/dev/null 2>&1
[ $? = 2 ] || bad "an unknown argument is not a usage error"

# 3. the install path, with stubs: nothing is installed, apt-get records its arguments
mkdir -p "$tmp/stub"
cat >"$tmp/stub/dpkg-query" <<'EOF'
#!/bin/sh
exit 1
EOF
cat >"$tmp/stub/apt-get" <<EOF
#!/bin/sh
echo "\$*" >>"$tmp/apt.log"
EOF
cat >"$tmp/stub/sudo" <<'EOF'
#!/bin/sh
exec "$@"
EOF
chmod +x "$tmp/stub/"*
stubbed() { PATH="$tmp/stub:$PATH" sh "$deps" "$@"; }
# asked_for: the packages of the `apt-get install` line, one a line
asked_for() { sed -n 's/.*install -y -qq --no-install-recommends //p' "$tmp/apt.log" | tr ' ' '\n' | grep . | sort; }
pkgs_of() { grep -v ':' <<<"$1" | sort; } # the listed packages, not the COMMAND:PACKAGE ones

rm -f "$tmp/apt.log"
stubbed >/dev/null 2>&1 || bad "install-deps.sh with stubs: exit $?"
[ "$(asked_for)" = "$(pkgs_of "$runtime")" ] ||
	bad "install-deps.sh asked apt-get for '$(asked_for | tr '\n' ' ')', not the runtime set"
rm -f "$tmp/apt.log"
stubbed --test >/dev/null 2>&1 || bad "install-deps.sh --test with stubs: exit $?"
for p in $(pkgs_of "$full"); do
	asked_for | grep -qxF -- "$p" || bad "install-deps.sh --test did not install $p"
done
rm -f "$tmp/apt.log"
out=$(stubbed --dry-run 2>&1) || bad "--dry-run exit $?"
[ ! -e "$tmp/apt.log" ] || bad "--dry-run ran apt-get: $(cat "$tmp/apt.log")"
[ "$(sed -n 's/^would install: *//p' <<<"$out" | tr ' ' '\n' | grep . | sort)" = "$(pkgs_of "$runtime")" ] ||
	bad "--dry-run printed '$out', not the runtime set"

# 4. make example: the runtime deps only, no test tool on the way
plan=$(make -n -C "$root" example 2>&1) || bad "make -n example exit $?"
grep -q 'scripts/install-deps.sh' <<<"$plan" || bad "make example does not install its deps"
grep -q 'install-deps.sh.*--test' <<<"$plan" && bad "make example installs the test deps"
for t in clang cppcheck clang-format chromium npm cmocka; do
	grep -qw -- "$t" <<<"$plan" && bad "make example runs $t: $(grep -w -- "$t" <<<"$plan" | head -1)"
done

# 5. CI builds as users build (.ci/run): the runtime deps alone, then plain
#    `make` (-O3, -Werror) of the program and of the unit tests, before the test deps.
ci=$root/.ci/run
if [ -f "$ci" ]; then
	steps=$(grep -vE '^\s*(#|$)' "$ci")
	line_of() { grep -nE -- "$1" <<<"$steps" | head -1 | cut -d: -f1; }
	d=$(line_of '^make deps$|install-deps\.sh$') a=$(line_of '^make( -j[0-9]+)? all$')
	u=$(line_of '^make( -j[0-9]+)? unit$') t=$(line_of 'install-deps\.sh --test|make test-deps')
	[ -n "$d" ] && [ -n "$a" ] && [ "$d" -lt "$a" ] || bad ".ci/run does not build with the runtime deps alone first"
	[ -n "$u" ] || bad ".ci/run does not run plain 'make unit' (as a user builds the unit tests)"
	[ -n "$t" ] && [ -n "$a" ] && [ "$a" -lt "$t" ] || bad ".ci/run installs the test deps before the user's build"
	grep -qE '^make .*(CFLAGS|SAN)=.* (all|unit)$' <<<"$(sed -n "${a:-1},${u:-1}p" <<<"$steps")" &&
		bad ".ci/run's user build overrides CFLAGS or SAN"
else
	bad ".ci/run is missing"
fi

[ "$fails" = 0 ] && echo "deps-split: ok ($(wc -l <<<"$runtime") runtime packages, $(wc -l <<<"$full") with --test)"
[ "$fails" = 0 ]
