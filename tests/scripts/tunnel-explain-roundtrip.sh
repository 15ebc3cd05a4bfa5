#!/usr/bin/env bash
# tunnel -> logs -> explain: for every failing pair of tests/golden/tunnel,
# the log lines `tunnel` predicts, fed to `explain`, must rank the
# diagnosis the tunnel reported among explain's top findings. A case that
# cannot (its stop prints nothing that names the cause) is listed with its
# reason in tunnel-explain-roundtrip.allow. Prints a table.
# Usage: tunnel-explain-roundtrip.sh BIN
set -u
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../golden/tunnel" || exit 1
BIN="$BIN" ALLOW="$HERE/tunnel-explain-roundtrip.allow" python3 - <<'EOF'
import json, os, re, shlex, subprocess, sys, tempfile

BIN = os.environ["BIN"]
TOP = 3  # explain's first distinct diagnosis IDs that count as "top"
# The finding a failing stage reports (negotiate/play*.c); the first of
# the tunnel's findings among them is its main finding.
STAGE = {
    "no-response": ["isakmp-not-enabled"],
    "phase1-no-proposal": ["isakmp-policy-mismatch"],
    "phase1-peer-unknown": ["tunnel-group-name-not-peer-ip", "psk-mismatch"],
    "phase1-auth-failed": ["tunnel-group-name-not-peer-ip", "psk-mismatch"],
    "xauth-blocked": ["l2l-prompted-for-xauth"],
    "phase2-no-proposal": ["transform-set-mismatch"],
    "phase2-pfs-mismatch": ["pfs-mismatch"],
    "phase2-proxy-mismatch": ["crypto-acl-not-mirrored"],
}

allow = {}
if os.path.exists(os.environ["ALLOW"]):
    for line in open(os.environ["ALLOW"]):
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, why = line.partition(" ")
            allow[name] = why.strip()


def run(args, cwd):
    p = subprocess.run([BIN] + args, cwd=cwd, capture_output=True, text=True)
    if "Sanitizer" in p.stderr or "runtime error" in p.stderr:
        sys.stderr.write(p.stderr)
        sys.exit(1)
    return json.loads(p.stdout)


def main_finding(status, findings):
    ids = [f["id"] for f in findings]
    for want in STAGE.get(status, []):
        if want in ids:
            return want
    return None


def explain_top(lines, cwd):
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        path = f.name
    try:
        doc = run(["explain", "--format", "json", path], cwd)
    finally:
        os.unlink(path)
    top = []
    for f in doc["findings"]:
        if f["id"] not in top:
            top.append(f["id"])
    return top[:TOP]


rows, bad, used = [], 0, set()
for case in sorted(os.listdir(".")):
    cmd = os.path.join(case, "cmd")
    if not os.path.isfile(cmd):
        continue
    args = shlex.split(open(cmd).readline())
    if not args or args[0] != "tunnel":
        continue
    rest, i = [], 1
    while i < len(args):  # our own format; the replay with --fix is not the failure
        if args[i] == "--format":
            i += 2
            continue
        if args[i] != "--fix":
            rest.append(args[i])
        i += 1
    try:
        doc = run(["tunnel", "--format", "json"] + rest, case)
    except (json.JSONDecodeError, ValueError):
        continue  # a usage-error case
    for n, t in enumerate(doc.get("tunnels", [])):
        if t["status"] not in STAGE:
            continue
        name = case if n == 0 else "%s#%d" % (case, n + 1)
        want = main_finding(t["status"], doc["findings"])
        texts = [l["text"] for l in t.get("logs", [])]
        top = explain_top(texts, case) if texts else []
        if want is None:
            verdict = "no finding"
        elif want in top:
            verdict = "ok"
        elif name in allow:
            verdict = "allowed"
            used.add(name)
        else:
            verdict = "MISMATCH"
            bad += 1
        rows.append((name, t["status"], want or "-", len(texts), ",".join(top) or "-", verdict))

w = [max(len(str(r[i])) for r in rows + [("case", "status", "finding", "logs", "explain top", "")]) for i in range(6)]
fmt = "  ".join("%%-%ds" % x for x in w)
print(fmt % ("case", "status", "finding", "logs", "explain top", "verdict"))
for r in rows:
    print(fmt % r)
for name in sorted(set(allow) - used):
    print("stale allow-list entry (now passes or gone): %s" % name)
    bad += 1
for r in rows:
    if r[5] == "allowed":
        print("allowed %s: %s" % (r[0], allow[r[0]]))
sys.exit(1 if bad else 0)
EOF
