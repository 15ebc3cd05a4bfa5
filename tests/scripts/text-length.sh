#!/usr/bin/env bash
# Text length (issue 14, item 10), on every golden case of check, tunnel and
# explain that succeeds:
# 1. default text shows no finding's explanation (title, location, evidence
#    and fix only); with --explain every explanation is there, and -v prints
#    the same as --explain (explain: as --verbose, which adds the unknown lines);
# 2. a fault reported on both devices of a pair is printed once: each JSON
#    finding is either a text headline or the "and on DEVICE: file:line" line
#    under the headline of its other end, and psk-mismatch on both ends is one
#    headline.
# Usage: tests/scripts/text-length.sh BIN
set -u
BIN=${1:?usage: text-length.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
BIN="$BIN" ROOT="$root" python3 - <<'PY'
import glob, json, os, re, shlex, subprocess, sys

BIN, ROOT = os.environ["BIN"], os.environ["ROOT"]
fails, cases, merged, explained = [], 0, 0, 0
HEAD = re.compile(r"^\S.*?: (error|warning|info): .* \[([a-z0-9-]+)\]$")
norm = lambda s: " ".join(s.split())
ANSI = re.compile(r"\x1b\[[0-9;]*m")

def run(d, args, fmt, extra=()):
    a, out, i = list(args), [args[0]], 1
    while i < len(a):
        if a[i] in ("--format", "-f"):
            i += 2
            continue
        if a[i].startswith("--format=") or (a[i].startswith("-f") and len(a[i]) > 2):
            i += 1
            continue
        out.append(a[i])
        i += 1
    p = subprocess.run([BIN, out[0], "--format", fmt, *extra] + out[1:], cwd=d,
                       capture_output=True, text=True, errors="replace", timeout=120)
    return p.stdout

for d in sorted(glob.glob(os.path.join(ROOT, "tests/golden/*/*/"))):
    if not os.path.exists(os.path.join(d, "cmd")):
        continue
    line = open(os.path.join(d, "cmd")).readline().strip()
    if "<" in line or "|" in line:
        continue
    args = shlex.split(line)
    ex = os.path.join(d, "exit")
    if not args or args[0] not in ("check", "tunnel", "explain") or \
            (os.path.exists(ex) and open(ex).read().strip() not in ("0", "1")):
        continue
    if {"--follow", "--help", "-h", "--version", "-V", "--explain", "-v", "--verbose"} & set(args):
        continue
    name = os.path.relpath(d, os.path.join(ROOT, "tests/golden"))
    try:
        found = json.loads(run(d, args, "json")).get("findings", [])
    except ValueError:
        fails.append(f"{name}: no JSON document")
        continue
    cases += 1
    text = ANSI.sub("", run(d, args, "text"))
    flat = norm(text)
    for f in found:
        e = norm(f.get("explanation") or "")
        if len(e) > 40 and e in flat:
            fails.append(f"{name}: default text prints the explanation of {f['id']}")
    long = run(d, args, "text", ["--explain"])
    # -v: --explain for check and tunnel; explain's --verbose (the unknown lines too)
    same = long if args[0] != "explain" else run(d, args, "text", ["--verbose"])
    if run(d, args, "text", ["-v"]) != same:
        fails.append(f"{name}: -v and {'--explain' if args[0] != 'explain' else '--verbose'} differ")
    flat_long = norm(long)
    for f in found:
        e = norm(f.get("explanation") or "")
        if e and e not in flat_long:
            fails.append(f"{name}: --explain does not print the explanation of {f['id']}")
        explained += bool(e)
    heads = [l for l in text.splitlines() if HEAD.match(l)]
    also = [l for l in text.splitlines() if l.startswith("  and on ")]
    merged += len(also)
    if len(heads) + len(also) != len(found):
        fails.append(f"{name}: {len(heads)} headlines and {len(also)} 'and on' lines "
                     f"for {len(found)} findings")
    psk = [f for f in found if f["id"] == "psk-mismatch"]
    if len(psk) == 2 and psk[0]["device"] != psk[1]["device"]:
        n = sum(1 for l in heads if l.endswith("[psk-mismatch]"))
        if n != 1:
            fails.append(f"{name}: psk-mismatch on both ends printed {n} times")

if cases < 50 or merged < 5 or explained < 50:
    fails.append(f"{cases} cases, {merged} merged pair faults, {explained} explanations: the selection is wrong")
for f in fails[:40]:
    print("text-length: FAIL: " + f, file=sys.stderr)
print(f"text-length: {cases} cases, {merged} pair faults printed once, {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
