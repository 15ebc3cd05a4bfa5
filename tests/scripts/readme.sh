#!/usr/bin/env bash
# The README is true and can be copied (issue 14):
# 1. Every example it shows runs from the top of the tree, on the inputs
#    shipped in examples/, and prints what the README shows:
#    - in a code block, each "$ ipsec-doctor ..." line is run and the lines
#      shown under it (up to the next "$" line) must appear in its output, in
#      that order ("[...]" marks what the excerpt leaves out);
#    - a paragraph that ends with ":" right before a code block and quotes a
#      command (`ipsec-doctor ...`) shows that command's output in the block;
#    - a paragraph that ends with "into `FILE`:" gives FILE's content, which
#      the commands after it read;
#    - every other quoted command on the bundled example runs (exit 0 or 1,
#      nothing on stderr), and one that writes -o FILE writes it.
# 2. It shows the conventions: short flags, --color, help CMD, text by
#    default, --format html with the screenshot docs/html-report.png, which is
#    a PNG of a rendered report (not blank, the ladder's arrows drawn).
# Usage: tests/scripts/readme.sh BIN
set -u
BIN=${1:?usage: readme.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/examples" "$tmp/examples"
export NO_COLOR=1

BIN="$BIN" README="$root/README.md" WORK="$tmp" python3 - <<'PY'
import os, re, shlex, subprocess, sys

BIN, WORK = os.environ["BIN"], os.environ["WORK"]
text = open(os.environ["README"]).read().split("\n")
fails, ran = [], 0

def run(cmd):
    """Runs a README command line (ipsec-doctor replaced by the binary under test)."""
    global ran
    ran += 1
    argv = shlex.split(cmd)
    assert argv[0] == "ipsec-doctor", cmd
    if argv[1:2] == ["probe"]:
        # probe sends packets: only to responders a test starts in its own
        # namespaces (tests/scripts/probe-live.sh), never to a README address
        fails.append(f"'{cmd}': a probe command the README would run; show it with a '# ' prompt")
        return ""
    p = subprocess.run([BIN] + argv[1:], cwd=WORK, capture_output=True, text=True, timeout=120)
    if p.returncode not in (0, 1):
        fails.append(f"'{cmd}': exit {p.returncode}: {p.stderr.strip()[:200]}")
    elif p.stderr.strip():
        fails.append(f"'{cmd}': stderr: {p.stderr.strip()[:200]}")
    return p.stdout

def shown_in(cmd, shown, out):
    """The shown lines (without '[...]') appear in out, in order."""
    got = [l.rstrip() for l in out.split("\n")]
    i = 0
    for want in shown:
        want = want.rstrip()
        if want.strip() in ("[...]", ""):
            continue
        while i < len(got) and got[i] != want:
            i += 1
        if i == len(got):
            fails.append(f"'{cmd}': the README shows a line the output lacks (or out of order):\n    {want}")
            return
        i += 1

# Split the README into paragraphs and code blocks, in order.
items, i = [], 0
while i < len(text):
    if text[i].startswith("```"):
        lang, j = text[i][3:].strip(), i + 1
        while j < len(text) and not text[j].startswith("```"):
            j += 1
        items.append(("code", lang, text[i + 1:j]))
        i = j + 1
    elif text[i].strip():
        j = i
        while j < len(text) and text[j].strip() and not text[j].startswith("```"):
            j += 1
        items.append(("para", None, text[i:j]))
        i = j
    else:
        i += 1

def quoted_commands(para):
    spans = re.findall(r"`([^`]+)`", " ".join(para))
    cmds = [s for s in spans if s.startswith("ipsec-doctor ")]
    # a command quoted without the program's name, on the bundled example
    cmds += ["ipsec-doctor " + s for s in spans
             if re.match(r"(check|tunnel|trace|explain|apply|dump) ", s) and "examples/" in s]
    # placeholders (CMD, CONFIG, ID, ...) are syntax, not an example
    return [c for c in cmds if not re.search(r"\b[A-Z]{2,}\b", c.replace("examples/", ""))]

used = set()
for k, (kind, lang, lines) in enumerate(items):
    nxt = items[k + 1] if k + 1 < len(items) else None
    if kind == "para":
        last = lines[-1].rstrip()
        cmds = quoted_commands(lines)
        if last.endswith(":") and nxt and nxt[0] == "code" and nxt[1] != "sh":
            m = re.search(r"into `([^`\s]+)`:$", " ".join(l.strip() for l in lines))
            if m:  # the block is a file the next commands read
                with open(os.path.join(WORK, m.group(1)), "w") as f:
                    f.write("\n".join(nxt[2]) + "\n")
                used.add(k + 1)
                continue
            if cmds and not any(l.startswith("$ ") for l in nxt[2]):
                shown_in(cmds[-1], nxt[2], run(cmds[-1]))
                used.add(k + 1)
                cmds = cmds[:-1]
        for c in cmds:
            run(c)
            m = re.search(r"-o (\S+)", c)
            if m and not os.path.getsize(os.path.join(WORK, m.group(1))):
                fails.append(f"'{c}': wrote no {m.group(1)}")
    elif kind == "code" and k not in used:
        cur, shown = None, []
        for l in lines + ["$ "]:
            if l.startswith("$ "):
                if cur:
                    shown_in(cur, shown, run(cur))
                cur, shown = (l[2:] if l[2:].startswith("ipsec-doctor ") else None), []
            elif cur:
                shown.append(l)

if ran < 6:
    fails.append(f"only {ran} README commands found: the parser lost them")
for f in fails:
    print("readme: FAIL: " + f, file=sys.stderr)
print(f"readme: {ran} commands run, {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
rc=$?

fails=0
bad() {
	fails=$((fails + 1))
	echo "readme: FAIL: $*" >&2
}
readme=$(tr '\n' ' ' <"$root/README.md" | sed 's/  */ /g')
for want in '-f FORMAT' '-o FILE' '-v' '-V' '--version' '-h' '--help' 'help CMD' '--color=auto|always|never' \
	'NO_COLOR' '`--color=always` wins over `NO_COLOR`' '`text` is the default everywhere' '--format text|json|sarif|gcc|html' '-f html -o report.html' \
	'options anywhere' '`--` ends them' '`-` is stdin' 'make install' 'PREFIX' 'DESTDIR' 'man ipsec-doctor'; do
	grep -qF -- "$want" <<<"$readme" || bad "the README does not show '$want'"
done
img=$(grep -o '!\[[^]]*\](docs/[^)]*\.png)' "$root/README.md" | sed 's/.*(//; s/)//')
[ "$img" = docs/html-report.png ] || bad "the README shows no docs/html-report.png ($img)"
px=$(python3 "$root/tests/tools/png_pixels.py" "$root/docs/html-report.png" 1b6e20 b00020) ||
	bad "docs/html-report.png is not a PNG the tools read"
nonbg=$(awk '$1=="nonbg"{print $2}' <<<"$px")
green=$(awk '$1=="1b6e20"{print $2}' <<<"$px")
red=$(awk '$1=="b00020"{print $2}' <<<"$px")
# the same thresholds as html.sh's screenshot of the bundled example
[ "${nonbg:-0}" -gt 20000 ] || bad "docs/html-report.png is nearly blank ($nonbg pixels)"
[ "${green:-0}" -gt 1500 ] && [ "${red:-0}" -gt 200 ] ||
	bad "docs/html-report.png shows no ladder ($green arrow pixels, $red stop-mark pixels)"

[ "$rc" = 0 ] && [ "$fails" = 0 ]
