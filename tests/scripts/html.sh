#!/usr/bin/env bash
# --format html (issue 14), in a real browser.
# 1. Every golden case of check, tunnel, explain and trace rendered as HTML:
#    its DOM against the JSON of the same run (tests/tools/html_dom_check.py:
#    the counts of findings and tunnels, each status, each ladder's steps and
#    stop, both states, each fix block and its copy button, the summary's
#    counts, nothing loaded from outside).
# 2. In Debian's chromium (headless): the reference cases' DOM after the
#    page's script ran (--dump-dom) passes the same check, and the page logs
#    no console message (no script error); a screenshot of the bundled
#    example is not blank and shows the ladder (pixels of the arrows'
#    colour), and with the dark theme its background is dark.
# 3. The colour pairs of both themes have a contrast of at least 4.5:1.
# Usage: tests/scripts/html.sh BIN
set -u
BIN=${1:?usage: html.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tools=$root/tests/tools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 cases=0
bad() {
	fails=$((fails + 1))
	echo "html: FAIL: $*" >&2
}

with_format() { # cmd with its --format replaced by $2 (or added after the command)
	if [[ $1 =~ (^|[[:space:]])--format([[:space:]]+|=)[^[:space:]]+ ]]; then
		sed -E "s/(^|[[:space:]])--format([[:space:]]+|=)[^[:space:]]+/\1--format $2/" <<<"$1"
	else
		sed -E "s/^([^[:space:]]+)/\1 --format $2/" <<<"$1"
	fi
}

# 1. every golden case that succeeds (exit 0/1) in the groups with html
pairs=()
for dir in "$root"/tests/golden/{check,tunnel,explain,trace,examples,html}/*/; do
	[ -f "$dir/cmd" ] || continue
	read -r args <"$dir/cmd"
	case "$args" in check* | tunnel* | explain* | trace*) ;; *) continue ;; esac
	[[ $args == *--format* ]] || continue
	case "$args" in *jsonl* | *--follow* | *-o\ * | *--help* | *-V*) continue ;; esac
	want=0
	[ -f "$dir/exit" ] && read -r want <"$dir/exit"
	[ "$want" -le 1 ] || continue
	h=$(with_format "$args" html)
	j=$(with_format "$args" json)
	cases=$((cases + 1))
	(cd "$dir" && eval "\"$BIN\" $h" >"$tmp/$cases.html" 2>"$tmp/err")
	rc=$?
	(cd "$dir" && eval "\"$BIN\" $j" >"$tmp/$cases.json" 2>/dev/null)
	echo "${dir#"$root"/}" >"$tmp/$cases.html.name"
	if [ "$rc" != "$want" ]; then
		bad "${dir#"$root"/}: html exit $rc, expected $want ($(head -c 200 "$tmp/err"))"
		continue
	fi
	pairs+=("$tmp/$cases.html" "$tmp/$cases.json")
done
python3 "$tools/html_dom_check.py" "${pairs[@]}" || bad "rendered golden cases do not match their JSON"
[ "$cases" -ge 100 ] || bad "only $cases golden cases rendered"

# 2. in the browser
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
	bad "chromium is not installed (make test installs it: scripts/install-deps.sh --test)"
else
	browse() { # browse OUT-PREFIX FILE [flags...]: DOM after the script ran, console lines
		local out=$1 file=$2
		shift 2
		"$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
			--user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
			--virtual-time-budget=3000 "$@" --dump-dom "file://$file" >"$out.dom" 2>"$out.log"
	}
	ex=$root/examples
	cp "$ex/hq-asa.cfg" "$ex/branch-ios.cfg" "$ex/isakmp.txt" "$tmp/"
	refs=(
		"check $tmp/hq-asa.cfg $tmp/branch-ios.cfg"
		"tunnel --both --fix $tmp/hq-asa.cfg $tmp/branch-ios.cfg"
		"explain --config $tmp/hq-asa.cfg --config $tmp/branch-ios.cfg $tmp/isakmp.txt"
		"trace $tmp/hq-asa.cfg --src 10.10.1.5 --dst 192.168.50.10 --proto tcp --port 443"
		"check $root/tests/golden/tunnel/psk-mismatch/a.cfg $root/tests/golden/tunnel/psk-mismatch/b.cfg"
	)
	n=0
	for r in "${refs[@]}"; do
		n=$((n + 1))
		# shellcheck disable=SC2086
		"$BIN" $r --format html -o "$tmp/ref$n.html"
		# shellcheck disable=SC2086
		"$BIN" $r --format json >"$tmp/ref$n.json"
		browse "$tmp/ref$n" "$tmp/ref$n.html"
		[ -s "$tmp/ref$n.dom" ] || bad "chromium rendered nothing for: $r ($(tail -3 "$tmp/ref$n.log"))"
		python3 "$tools/html_dom_check.py" "$tmp/ref$n.dom" "$tmp/ref$n.json" ||
			bad "browser DOM of '$r' does not match its JSON"
		if grep -E ':CONSOLE|Uncaught|Refused to' "$tmp/ref$n.log" >&2; then
			bad "console messages for: $r"
		fi
	done
	# the bundled example's screenshot: not blank, the ladder drawn
	shot() {
		"$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
			--user-data-dir="$tmp/profile" --window-size=1200,1400 "$@" 2>/dev/null
	}
	shot --screenshot="$tmp/light.png" "file://$tmp/ref1.html"
	# arrows: --ok #1b6e20 (messages), --err #b00020 (where it stopped)
	px=$(python3 "$tools/png_pixels.py" "$tmp/light.png" 1b6e20 b00020) || bad "no screenshot"
	nonbg=$(awk '$1=="nonbg"{print $2}' <<<"$px")
	green=$(awk '$1=="1b6e20"{print $2}' <<<"$px")
	red=$(awk '$1=="b00020"{print $2}' <<<"$px")
	bg=$(awk '$1=="background"{print $2}' <<<"$px")
	[ "${nonbg:-0}" -gt 20000 ] || bad "screenshot nearly blank ($nonbg non-background pixels)"
	[ "${green:-0}" -gt 1500 ] || bad "screenshot: no ladder arrows ($green pixels of #1b6e20)"
	[ "${red:-0}" -gt 200 ] || bad "screenshot: no stop mark ($red pixels of #b00020)"
	[ "$bg" = ffffff ] || bad "light theme background is #$bg"
	shot --force-dark-mode --blink-settings=preferredColorScheme=0 \
		--screenshot="$tmp/dark.png" "file://$tmp/ref1.html"
	bg=$(python3 "$tools/png_pixels.py" "$tmp/dark.png" | awk '$1=="background"{print $2}')
	[ "$bg" = 16181c ] || bad "dark theme background is #$bg, expected #16181c"
	[ -n "${HTML_SCREENSHOT:-}" ] && cp "$tmp/light.png" "$HTML_SCREENSHOT"
fi

# 3. contrast (WCAG 2.1 1.4.3: 4.5:1 for text) of each theme's text colours on its backgrounds
"$BIN" check -f html "$root/examples/hq-asa.cfg" >"$tmp/c.html"
python3 - "$tmp/c.html" <<'PY' || bad "contrast below 4.5:1"
import re, sys
css = open(sys.argv[1]).read()
themes = re.findall(r":root\{([^}]*)\}", css)
ok = len(themes) == 2
def lum(h):
    c = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
for t in themes:
    v = dict(re.findall(r"--([a-z]+):#([0-9a-f]{6})", t))
    for fg in ("fg", "muted", "err", "warn", "info", "ok", "focus"):
        for bgk in ("bg", "card", "code"):
            a, b = sorted((lum(v[fg]), lum(v[bgk])))
            r = (b + 0.05) / (a + 0.05)
            if r < 4.5:
                print(f"contrast {fg} #{v[fg]} on {bgk} #{v[bgk]}: {r:.2f}", file=sys.stderr)
                ok = False
sys.exit(0 if ok else 1)
PY

[ "$fails" = 0 ] && echo "html: $cases golden cases, browser checks ok"
[ "$fails" = 0 ]
