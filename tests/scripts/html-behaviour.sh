#!/usr/bin/env bash
# The HTML report's behaviour in a real browser (issue 14, "HTML report"),
# beyond what html.sh checks (DOM against JSON, console, screenshot, themes,
# contrast). Each reference report is loaded in Debian's headless chromium in
# an iframe of a test page (file:// pages share an origin with
# --allow-file-access-from-files), whose script checks and writes its verdict
# into its own DOM (--dump-dom):
# 1. readable at 200% and 400% zoom: in a frame of 640 and 320 CSS pixels (a
#    1280-pixel window at 200%, WCAG 1.4.10's 320 at 400%), the page needs no
#    horizontal scrolling;
# 2. the copy buttons work offline: each names an existing fix block, and a
#    click (no network: the Clipboard API or the selection fallback) answers
#    "Copied"; where it falls back, the selection is the whole block;
# 3. usable with the keyboard: nothing interactive is taken out of the tab
#    order, the first stop is the skip link to the findings, which exist, and
#    the stylesheet draws a focus outline;
# 4. the print stylesheet hides the copy buttons and prints black on white,
#    and chromium prints the page to a PDF.
# Usage: tests/scripts/html-behaviour.sh BIN
set -u
BIN=${1:?usage: html-behaviour.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
bad() {
	fails=$((fails + 1))
	echo "html-behaviour: FAIL: $*" >&2
}
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
	echo "html-behaviour: chromium is not installed (make test installs it: scripts/install-deps.sh --test)" >&2
	exit 1
fi
chrome() {
	# no background connections: this machine's network is closed, and
	# chromium's refused attempts slow a loaded machine (env notes)
	timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
		--disable-background-networking --disable-component-update --disable-sync --disable-quic \
		--user-data-dir="$tmp/profile" --allow-file-access-from-files "$@" 2>/dev/null
}

ex=$root/examples
cp "$ex/hq-asa.cfg" "$ex/branch-ios.cfg" "$ex/isakmp.txt" "$tmp/"
refs=(
	"check $tmp/hq-asa.cfg $tmp/branch-ios.cfg"
	"tunnel --both --fix $tmp/hq-asa.cfg $tmp/branch-ios.cfg"
	"explain --config $tmp/hq-asa.cfg --config $tmp/branch-ios.cfg $tmp/isakmp.txt"
	"trace $tmp/hq-asa.cfg --src 10.10.1.5 --dst 192.168.50.10 --proto tcp --port 443"
)

# The test page: two frames of the report, checks run once both have loaded.
cat >"$tmp/probe.js" <<'EOF'
var frames = [document.getElementById('w640'), document.getElementById('w320')], loaded = 0;
function verdict() {
  var r = {problems: []}, bad = function (s) { r.problems.push(s); };
  frames.forEach(function (f) {
    var d = f.contentDocument;
    if (d.documentElement.scrollWidth > d.documentElement.clientWidth + 1)
      bad('horizontal scrolling at ' + f.id + ': ' + d.documentElement.scrollWidth + 'px for ' +
          d.documentElement.clientWidth);
  });
  var d = frames[0].contentDocument, w = frames[0].contentWindow;
  // keyboard
  // (a tabindex="-1" target of the skip link is focusable by the link, not a control)
  var all = d.querySelectorAll('a[href], button, summary, input, select, textarea');
  var stops = Array.prototype.filter.call(all, function (e) { return e.tabIndex >= 0; });
  if (stops.length !== all.length) bad((all.length - stops.length) + ' controls out of the tab order');
  if (!stops.length || !stops[0].classList.contains('skip')) bad('the first tab stop is not the skip link');
  else if (!d.querySelector(stops[0].getAttribute('href'))) bad('the skip link points nowhere');
  var focus = false, print = null;
  Array.prototype.forEach.call(d.styleSheets, function (s) {
    Array.prototype.forEach.call(s.cssRules, function (rule) {
      if (rule.selectorText && /:focus/.test(rule.selectorText) &&
          /outline:\s*[1-9]/.test(rule.style.cssText)) focus = true;
      if (rule.media && rule.media.mediaText === 'print') print = rule;
    });
  });
  if (!focus) bad('no focus outline in the stylesheet');
  if (!print) bad('no print stylesheet');
  else {
    var hides = false, plain = false;
    Array.prototype.forEach.call(print.cssRules, function (rule) {
      if (/button\.copy/.test(rule.selectorText) && rule.style.display === 'none') hides = true;
      if (/^body$/.test(rule.selectorText) && /255, 255, 255|#fff/.test(rule.style.background +
          rule.style.backgroundColor) && /0, 0, 0|#000/.test(rule.style.color)) plain = true;
    });
    if (!hides) bad('the print stylesheet does not hide the copy buttons');
    if (!plain) bad('the print stylesheet does not print black on white');
  }
  // copy buttons
  var buttons = d.querySelectorAll('button.copy');
  r.buttons = buttons.length;
  var pending = buttons.length;
  var finish = function () { document.getElementById('out').textContent = JSON.stringify(r); };
  if (!pending) finish();
  Array.prototype.forEach.call(buttons, function (b, i) {
    var pre = d.getElementById(b.getAttribute('data-target'));
    if (!pre) { bad('copy button ' + i + ' names no block'); if (!--pending) finish(); return; }
    setTimeout(function () {
      w.getSelection().removeAllRanges();
      b.click();
      setTimeout(function () {
        if (b.textContent !== 'Copied') bad('copy button ' + i + ' says "' + b.textContent + '"');
        var sel = w.getSelection().toString();
        if (sel && sel !== pre.textContent) bad('copy button ' + i + ' selected part of its block');
        if (!--pending) finish();
      }, 200);
    }, i * 250);
  });
}
frames.forEach(function (f) {
  f.addEventListener('load', function () { if (++loaded === frames.length) verdict(); });
});
EOF

n=0 buttons=0
for r in "${refs[@]}"; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	"$BIN" $r --format html -o "$tmp/r$n.html"
	[ $? -le 1 ] && [ -s "$tmp/r$n.html" ] || { bad "$r: --format html failed"; continue; }
	cat >"$tmp/t$n.html" <<EOF
<!DOCTYPE html><html><body>
<iframe id="w640" src="r$n.html" style="width:640px;height:900px;border:0"></iframe>
<iframe id="w320" src="r$n.html" style="width:320px;height:900px;border:0"></iframe>
<pre id="out">no verdict</pre><script src="probe.js"></script></body></html>
EOF
	# A page that gave no verdict at all is the harness (chromium starved of
	# CPU on a loaded machine), not the report: it gets one more load. A
	# verdict with problems is never retried.
	for _ in 1 2; do
		out=$(chrome --virtual-time-budget=20000 --dump-dom "file://$tmp/t$n.html" |
			sed -n 's/.*<pre id="out">\([^<]*\)<\/pre>.*/\1/p' | sed 's/&quot;/"/g; s/&amp;/\&/g')
		[[ $out == "{"* ]] && break
	done
	if [[ $out != "{"* ]]; then
		bad "$r: the test page gave no verdict ('$out')"
		continue
	fi
	v=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d.get("buttons",0)); [print(p) for p in d["problems"]]' "$out")
	buttons=$((buttons + $(head -1 <<<"$v")))
	while IFS= read -r p; do
		[ -n "$p" ] && bad "${r%% *}: $p"
	done < <(tail -n +2 <<<"$v")
	# 4. it prints
	chrome --print-to-pdf="$tmp/r$n.pdf" "file://$tmp/r$n.html" >/dev/null
	[ "$(head -c 5 "$tmp/r$n.pdf" 2>/dev/null)" = "%PDF-" ] && [ "$(wc -c <"$tmp/r$n.pdf")" -gt 5000 ] ||
		bad "${r%% *}: chromium printed no PDF"
done
[ "$buttons" -ge 5 ] || bad "only $buttons copy buttons clicked: the reference reports lost their fixes"

[ "$fails" = 0 ] && echo "html-behaviour: ok (${#refs[@]} reports, $buttons copy buttons, 640 and 320 px, print)"
[ "$fails" = 0 ]
