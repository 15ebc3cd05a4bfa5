#!/usr/bin/env bash
# Line numbers agree in every format (issue 14, item 7): a finding with a line
# shows it everywhere; a finding with no single line (JSON "line": 0) shows
# none anywhere: no "file:0:" in text or gcc, no ":1:1" made up in gcc or
# SARIF, no SARIF region. Every golden case of check, tunnel and explain that
# succeeds is run in json, gcc, sarif and text, and the findings' (file, line,
# ID) compared with the JSON's.
# Usage: tests/scripts/line-numbers.sh BIN
set -u
BIN=${1:?usage: line-numbers.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$BIN" ROOT="$root" python3 - <<'PY'
import collections, glob, json, os, re, shlex, subprocess, sys

BIN, ROOT = os.environ["BIN"], os.environ["ROOT"]
fails, cases, zero = [], 0, 0

def run(d, args, fmt):
    # the case's cmd with its --format replaced (or added after the command)
    a = [x for x in args]
    out, i = [a[0]], 1
    while i < len(a):
        if a[i] in ("--format", "-f"):
            i += 2
            continue
        if a[i].startswith("--format=") or (a[i].startswith("-f") and len(a[i]) > 2):
            i += 1
            continue
        out.append(a[i])
        i += 1
    p = subprocess.run([BIN, out[0], "--format", fmt] + out[1:], cwd=d, capture_output=True,
                       text=True, errors="replace", timeout=120)
    return p.stdout

HEAD = re.compile(r"^(\S.*?):(?:(\d+):)?(?:(\d+):)? (error|warning|info|note): .* \[([a-z0-9-]+)\]$")
for d in sorted(glob.glob(os.path.join(ROOT, "tests/golden/*/*/"))):
    if not os.path.exists(os.path.join(d, "cmd")):
        continue
    line = open(os.path.join(d, "cmd")).readline().strip()
    if "<" in line or "|" in line:
        continue  # stdin redirections: the case runs through a shell
    try:
        args = shlex.split(line)
    except ValueError:
        continue
    want_exit = open(os.path.join(d, "exit")).read().strip() if os.path.exists(os.path.join(d, "exit")) else "0"
    if not args or args[0] not in ("check", "tunnel", "explain") or want_exit not in ("0", "1"):
        continue
    if {"--follow", "--fix", "--help", "-h", "--version", "-V"} & set(args):
        continue
    name = os.path.relpath(d, os.path.join(ROOT, "tests/golden"))
    try:
        doc = json.loads(run(d, args, "json"))
    except ValueError:
        fails.append(f"{name}: no JSON document")
        continue
    cases += 1
    want = collections.Counter((f["file"], f.get("line", 0), f["id"]) for f in doc.get("findings", []))
    zero += sum(n for k, n in want.items() if k[1] == 0)
    gcc = collections.Counter()
    for l in run(d, args, "gcc").splitlines():
        m = HEAD.match(l)
        if not m:
            fails.append(f"{name}: gcc line of the wrong shape: {l[:120]}")
            continue
        if m.group(2) == "0":
            fails.append(f"{name}: gcc prints line 0: {l[:120]}")
        gcc[(m.group(1), int(m.group(2) or 0), m.group(5))] += 1
    if gcc != want:
        fails.append(f"{name}: gcc (file, line, ID) {sorted((gcc - want).items())[:3]} "
                     f"differ from JSON {sorted((want - gcc).items())[:3]}")
    try:
        sarif = json.loads(run(d, args, "sarif"))
    except ValueError:
        fails.append(f"{name}: no SARIF document")
        continue
    got = collections.Counter()
    for r in sarif["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        start = loc.get("region", {}).get("startLine", 0)
        if "region" in loc and start < 1:
            fails.append(f"{name}: SARIF region with startLine {start}")
        got[(loc["artifactLocation"]["uri"], start, r["ruleId"])] += 1
    if got != want:
        fails.append(f"{name}: SARIF (uri, line, ID) {sorted((got - want).items())[:3]} "
                     f"differ from JSON {sorted((want - got).items())[:3]}")
    # text prints a pair fault once: each headline is one of the JSON's findings
    for l in run(d, args, "text").splitlines():
        m = HEAD.match(l)
        if not m:
            continue
        key = (m.group(1), int(m.group(2) or 0), m.group(5))
        if m.group(2) == "0":
            fails.append(f"{name}: text prints line 0: {l[:120]}")
        elif key not in want:
            fails.append(f"{name}: text headline {key} is no JSON finding")

if cases < 50 or zero < 1:
    fails.append(f"only {cases} cases ({zero} findings without a line): the selection is wrong")
for f in fails[:40]:
    print("line-numbers: FAIL: " + f, file=sys.stderr)
print(f"line-numbers: {cases} cases ({zero} findings without a line), {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
