#!/usr/bin/env bash
# All output is valid UTF-8 (issue 14, item 5), whatever bytes the inputs
# hold: invalid UTF-8 and control bytes (an ANSI escape) in a hostname, a
# description, an ACL name, a log line and a line no reader knows (explain
# --verbose lists it) go through every command in every format it takes. Each output must be valid UTF-8 and hold no raw control
# byte but newline and tab; a JSON document must parse, with every finding
# keeping its device, and as many findings with a fix as the same inputs with
# the bad bytes spelled in ASCII (and as many unknown lines listed).
# Usage: tests/scripts/utf8-output.sh BIN
set -u
BIN=${1:?usage: utf8-output.sh path/to/ipsec-doctor}
case "$BIN" in /*) ;; *) BIN=$PWD/$BIN ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bad" "$tmp/clean"
BIN="$BIN" EX="$root/examples" TMP="$tmp" python3 - <<'PY'
import json, os, subprocess, sys

BIN, EX, TMP = os.environ["BIN"], os.environ["EX"], os.environ["TMP"]
# (original, with bad bytes, clean spelling of the same length)
subs = {
    "branch-ios.cfg": [(b"hostname branch-ios", b"hostname br\xff\xfeanch\x1b[31m", b"hostname brXXanchX[31m"),
                       (b" description tunnel to HQ (hq-asa)", b" description tunnel \xc3( to \x07HQ", b" description tunnel X( to XHQ"),
                       (b"HQ-VPN", b"HQ-VPN\xe9", b"HQ-VPNX")],
    "hq-asa.cfg": [(b"OUTSIDE-MAP", b"OUTSIDE\xf0\x28-MAP", b"OUTSIDEXX-MAP")],
}
log = (b"Dec  7 10:00:00 hq-asa : %ASA-5-713041: IP = 198.51.100.2, IKE Initiator: New Phase 1, "
       b"Intf outside, IKE Peer 198.51.100.2  local Proxy Address 10.10.0.0, remote Proxy Address "
       b"192.168.50.0,  Crypto map (OUTSIDE@@-MAP)\n"
       b"a line no reader knows, @@ in it\n")
for name, pairs in subs.items():
    src = open(os.path.join(EX, name), "rb").read()
    for kind, i in (("bad", 1), ("clean", 2)):
        out = src
        for p in pairs:
            assert p[0] in out, (name, p[0])
            out = out.replace(p[0], p[i])
        open(os.path.join(TMP, kind, name), "wb").write(out)
open(os.path.join(TMP, "bad", "log.txt"), "wb").write(log.replace(b"@@", b"\xff\x1b[2J"))
open(os.path.join(TMP, "clean", "log.txt"), "wb").write(log.replace(b"@@", b"XX[2J"))

runs = [
    ("check", ["hq-asa.cfg", "branch-ios.cfg"], "text json sarif gcc html"),
    ("tunnel", ["hq-asa.cfg", "branch-ios.cfg"], "text json sarif gcc html"),
    ("tunnel", ["--both", "--fix", "hq-asa.cfg", "branch-ios.cfg"], "text json html"),
    ("trace", ["branch-ios.cfg", "--src", "192.168.50.5", "--dst", "10.10.1.1"], "text json html"),
    ("explain", ["--config", "hq-asa.cfg", "--config", "branch-ios.cfg", "log.txt"],
     "text json sarif gcc html jsonl"),
    ("explain", ["--verbose", "log.txt"], "text json jsonl"),
    ("dump", ["--verbose", "hq-asa.cfg", "branch-ios.cfg"], "text json"),
]
fails, n = [], 0
def unknown(out, fmt):  # the unknown lines listed (explain --verbose)
    if fmt == "jsonl":
        return sum(1 for l in out.splitlines() if b'"event":"unknown"' in l)
    if fmt == "json":
        return len(json.loads(out).get("unknown_lines", []))
    return sum(1 for l in out.splitlines() if l.startswith(b"log.txt:"))
def fixed(doc):
    return sum(1 for f in doc.get("findings", []) if f.get("fix"))
for cmd, args, formats in runs:
    for fmt in formats.split():
        n += 1
        what = f"{cmd} -f {fmt} {' '.join(args)}"
        res = {}
        for kind in ("bad", "clean"):
            p = subprocess.run([BIN, cmd, "-f", fmt] + args, cwd=os.path.join(TMP, kind),
                               capture_output=True, timeout=120)
            res[kind] = p
        p = res["bad"]
        if p.returncode not in (0, 1):
            fails.append(f"{what}: exit {p.returncode}: {p.stderr[:200]!r}")
            continue
        for stream, data in (("stdout", p.stdout), ("stderr", p.stderr)):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as e:
                fails.append(f"{what}: {stream} is not UTF-8: {data[max(0, e.start - 40):e.start + 10]!r}")
            ctl = [c for c in data if c < 0x20 and c not in (9, 10)] + [c for c in data if c == 0x7f]
            if ctl:
                fails.append(f"{what}: {stream} holds control byte(s) {sorted(set(ctl))}")
        if cmd == "explain" and "--verbose" in args and \
                unknown(p.stdout, fmt) != unknown(res["clean"].stdout, fmt):
            fails.append(f"{what}: {unknown(p.stdout, fmt)} unknown lines listed, "
                         f"{unknown(res['clean'].stdout, fmt)} with ASCII bytes")
        if fmt in ("json", "sarif"):
            try:
                doc, ref = json.loads(p.stdout), json.loads(res["clean"].stdout)
            except ValueError as e:
                fails.append(f"{what}: not JSON: {e}")
                continue
            if fmt == "json":
                for f in doc.get("findings", []):
                    if "device" not in f:
                        fails.append(f"{what}: a finding lost its device: {f.get('id')}")
                if fixed(doc) != fixed(ref):
                    fails.append(f"{what}: {fixed(doc)} findings with a fix, {fixed(ref)} with ASCII bytes")
for f in fails:
    print("utf8-output: FAIL: " + f, file=sys.stderr)
print(f"utf8-output: {n} runs, {len(fails)} failures")
sys.exit(1 if fails else 0)
PY
