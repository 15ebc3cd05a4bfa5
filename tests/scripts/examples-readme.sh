#!/usr/bin/env bash
# examples/README.md stays true (issue 14, item 9: it was stale):
# 1. each command of its list (the indented "ipsec-doctor ..." lines) runs from
#    the top of the tree: exit 0 or 1, nothing on stderr, -o writes its file;
# 2. the "Deliberate faults" table is what `check` finds on the pair: each
#    row's ID is reported with the row's severity, at or with evidence on one
#    of the lines the row cites, and check reports no error the table lacks;
# 3. every FILE.cfg:N it cites is a line of that file, and a quoted command
#    next to a citation ("`cmd`, FILE.cfg:N") is that line.
# Usage: tests/scripts/examples-readme.sh BIN
set -u
BIN=${1:?usage: examples-readme.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/examples" "$tmp/examples"
export NO_COLOR=1
BIN="$BIN" WORK="$tmp" python3 - <<'PY'
import json, os, re, shlex, subprocess, sys

BIN, WORK = os.environ["BIN"], os.environ["WORK"]
ex = os.path.join(WORK, "examples")
doc = open(os.path.join(ex, "README.md")).read()
fails = []

def run(argv):
    return subprocess.run([BIN] + argv, cwd=WORK, capture_output=True, text=True, timeout=120)

# 1. the commands
cmds = [l.strip() for l in doc.split("\n") if l.startswith("    ipsec-doctor ")]
if len(cmds) < 4:
    fails.append(f"only {len(cmds)} commands found in examples/README.md")
for c in cmds:
    p = run(shlex.split(c.split("#")[0])[1:])
    if p.returncode not in (0, 1) or p.stderr.strip():
        fails.append(f"'{c}': exit {p.returncode}: {p.stderr.strip()[:200]}")
    m = re.search(r"-o (\S+)", c)
    if m and not os.path.getsize(os.path.join(WORK, m.group(1))):
        fails.append(f"'{c}': wrote no {m.group(1)}")

# 2. the fault table against check's findings
p = run(["check", "-f", "json", "examples/hq-asa.cfg", "examples/branch-ios.cfg"])
found = json.loads(p.stdout)["findings"]
def where(f):  # "file:line" of the finding and of its evidence
    locs = {f"{os.path.basename(f['file'])}:{f['line']}"}
    for e in f.get("evidence", []):
        m = re.match(r"(?:.*/)?([^/:]+):(\d+):", e)
        if m:
            locs.add(f"{m.group(1)}:{m.group(2)}")
    return locs
def cited(text):  # FILE.cfg:N and FILE.cfg:N-M
    out = set()
    for f, a, b in re.findall(r"([\w-]+\.cfg):(\d+)(?:-(\d+))?", text):
        out |= {f"{f}:{n}" for n in range(int(a), int(b or a) + 1)}
    return out
section = doc.split("## Deliberate faults", 1)[-1]
rows = [r for r in section.split("\n") if re.match(r"\| \d+ \| `", r)]
if len(rows) < 4:
    fails.append(f"only {len(rows)} rows in the fault table")
table_ids = set()
for r in rows:
    cols = [c.strip() for c in r.strip("|").split("|")]
    fid, sev = cols[1].strip("`"), cols[2]
    table_ids.add(fid)
    mine = [f for f in found if f["id"] == fid]
    if not mine:
        fails.append(f"fault {cols[0]} ({fid}): check does not report it")
        continue
    if not any(f["severity"] == sev for f in mine):
        fails.append(f"fault {cols[0]} ({fid}): reported as {mine[0]['severity']}, the table says {sev}")
    if not any(where(f) & cited(r) for f in mine):
        fails.append(f"fault {cols[0]} ({fid}): reported at {sorted(set().union(*map(where, mine)))}, "
                     f"none of the lines the table cites {sorted(cited(r))}")
for f in found:
    if f["severity"] == "error" and f["id"] not in table_ids:
        fails.append(f"check reports the error {f['id']} ({f['file']}:{f['line']}), which the table lacks")

# 3. the citations
lines = {n: open(os.path.join(ex, n)).read().split("\n") for n in ("hq-asa.cfg", "branch-ios.cfg")}
for c in sorted(cited(doc)):
    f, n = c.split(":")
    if f not in lines or not 1 <= int(n) <= len(lines[f]) or not lines[f][int(n) - 1].strip():
        fails.append(f"examples/README.md cites {c}, which is no line of the config")
for cmd, f, n in re.findall(r"`([^`]+)`,? \(?([\w-]+\.cfg):(\d+)\b", doc):
    if f in lines and lines[f][int(n) - 1].strip() != cmd.strip():
        fails.append(f"examples/README.md: {f}:{n} is '{lines[f][int(n) - 1].strip()}', not '{cmd}'")

for f in fails:
    print("examples-readme: FAIL: " + f, file=sys.stderr)
print(f"examples-readme: {len(cmds)} commands, {len(rows)} faults, {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
