"""Captures of real IKE negotiations, made here: two strongSwan charon
daemons in network namespaces this test creates (h15a-<pid>-a / -b, one veth
link, nothing else configured, so nothing leaves them) negotiate one case at
a time, IKEv1 and IKEv2, while dumpcap records the veth in namespace a.
Each capture is then read by `ipsec-doctor capture --format json`, whose
rebuilt exchange must show the case's status, steps, retransmissions and
notifies (EXPECT below) and its findings the case's diagnosis IDs (DIAG); where tshark is installed, tests/tools/wire_dump's
fields must equal tshark's on every IKE frame of these captures.

Usage: capture_pairs.py BIN [FOLDER]   (exit 0 = pass; needs root, ip,
swanctl, charon, dumpcap). With FOLDER, the captures are kept there.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "diff"))
import daemons  # noqa: E402

import logpair  # noqa: E402
from logpair import A, B  # noqa: E402
from peer_logs import conn  # noqa: E402

# case -> (B's config changes, or None when B does not answer)
CASES = {
    "ok": {},
    "p1-proposal": {"ike": "aes256-sha384-modp3072"},
    "psk-mismatch": {"psk": "other-secret-2"},
    "no-response": None,
    "aggressive": {},
}
# case -> A's config changes: lines added to its IKE connection (IKEv1 only
# where the case is IKEv1 only: ONLY_V1)
A_LINES = {
    "aggressive": "    aggressive = yes",
}
ONLY_V1 = {"aggressive"}

# (version, case) -> the diagnosis IDs `capture` must report, exactly (a
# near miss reports none). A Main-Mode-only responder (strongSwan refuses
# Aggressive Mode with a pre-shared key: "Aggressive Mode PSK disabled for
# security reasons") answers AM1 with AUTHENTICATION_FAILED in clear.
DIAG = {
    (1, "ok"): [],
    (1, "p1-proposal"): ["isakmp-policy-mismatch"],
    (1, "psk-mismatch"): ["psk-mismatch"],
    (1, "no-response"): ["isakmp-not-enabled"],
    (1, "aggressive"): ["ag-init-exch"],
    (2, "ok"): [],
    (2, "p1-proposal"): ["isakmp-policy-mismatch"],
    (2, "psk-mismatch"): [],
    (2, "no-response"): ["isakmp-not-enabled"],
}

# (version, case) -> (status, the steps in order, "X" after the one where it
# stopped, a word the reason must hold, the step that must be retransmitted).
# Informationals and ICMP errors repeat with the retransmissions: "INFO+" and
# "ICMP" stand for one or more. An IKEv2 PSK mismatch is refused inside the
# encrypted IKE_AUTH: the capture alone must not call it anything but
# undetermined (never established, never a guessed cause).
EXPECT = {
    (1, "ok"): ("established", "MM1 MM2 MM3 MM4 MM5 MM6 QM1 QM2 QM3", "QM3", None),
    (1, "p1-proposal"): ("phase1-no-proposal", "MM1X INFO", "NO-PROPOSAL-CHOSEN", None),
    (1, "psk-mismatch"): ("phase1-auth-failed", "MM1 MM2 MM3 MM4 MM5X INFO+", "pre-shared",
                          "MM5"),
    (1, "no-response"): ("no-response", "MM1X ICMP", "port unreachable", "MM1"),
    (1, "aggressive"): ("phase1-no-proposal", "AM1X INFO", "Aggressive Mode", None),
    (2, "ok"): ("undetermined", "IKE_SA_INIT IKE_SA_INIT IKE_AUTH IKE_AUTH", "IKE_AUTH", None),
    (2, "p1-proposal"): ("phase1-no-proposal", "IKE_SA_INIT IKE_SA_INITX", "NO_PROPOSAL_CHOSEN",
                         None),
    (2, "psk-mismatch"): ("undetermined", "IKE_SA_INIT IKE_SA_INIT IKE_AUTH IKE_AUTH", "inside",
                          None),
    (2, "no-response"): ("no-response", "IKE_SA_INITX ICMP", "port unreachable", "IKE_SA_INIT"),
}


def steps_of(t):
    """The steps as EXPECT writes them: repeated INFO steps folded into INFO+."""
    out = []
    for s in t["steps"]:
        name = s["step"] + ("" if s["ok"] or s["step"] == "ICMP" else "X")
        if name == "INFO" and out and out[-1] in ("INFO", "INFO+"):
            out[-1] = "INFO+"
            continue
        out.append(name)
    return " ".join(out)


def check(bin_path, path, version, name):
    """`capture --format json` on PATH against EXPECT; a list of problems."""
    p = subprocess.run([bin_path, "capture", "--format", "json", path], capture_output=True,
                       text=True)
    want_ids = DIAG[(version, name)]
    if p.returncode != (1 if want_ids else 0):
        return ["exit %d: %s" % (p.returncode, p.stderr.strip())]
    doc = json.loads(p.stdout)
    got_ids = [f["id"] for f in doc["findings"]]
    if got_ids != want_ids:
        return ["findings %s, %s expected" % (got_ids, want_ids)]
    tunnels = doc["tunnels"]
    if len(tunnels) != 1:
        return ["%d exchanges rebuilt, 1 expected" % len(tunnels)]
    t = tunnels[0]
    status, steps, word, retrans = EXPECT[(version, name)]
    bad = []
    if t["status"] != status:
        bad.append("status %s, %s expected" % (t["status"], status))
    got = steps_of(t)
    if got.replace("INFO+", "INFO") != steps.replace("INFO+", "INFO") and got != steps:
        bad.append("steps '%s', '%s' expected" % (got, steps))
    if word not in t["reason"]:
        bad.append("reason '%s' lacks '%s'" % (t["reason"], word))
    if retrans:
        if not any(s["step"] == retrans and "sent " in s["detail"] for s in t["steps"]):
            bad.append("%s not shown as retransmitted" % retrans)
    if not t["via"].startswith("IKEv%d " % version):
        bad.append("via '%s'" % t["via"])
    return bad


def tshark_same(dump, path):
    """wire_dump and tshark agree on PATH's IKE frames (None: not compared)."""
    if not shutil.which("tshark") or not os.path.exists(dump):
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "tools", "wire_dump.fields")) as f:
        fields = f.read().split()
    args = ["tshark", "-n", "-r", path, "-Y", "isakmp.ispi && !icmp && !icmpv6", "-T", "fields", "-E",
            "occurrence=a"]
    for f in fields:
        args += ["-e", f]
    env = dict(os.environ, WIRESHARK_CONFIG_DIR=tempfile.mkdtemp(prefix="h15a-ws-"))
    want = subprocess.run(args, capture_output=True, text=True, env=env).stdout
    shutil.rmtree(env["WIRESHARK_CONFIG_DIR"], ignore_errors=True)
    got = subprocess.run([dump, path], capture_output=True, text=True).stdout
    return want == got


def capture(ns, dev, path):
    """dumpcap on DEV in NS, writing PATH (pcapng, or pcap for names ending
    in .pcap); returns the process once it listens."""
    args = ["ip", "netns", "exec", ns, "dumpcap", "-q", "-i", dev, "-w", path]
    if path.endswith(".pcap"):
        args.insert(5, "-P")
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(50):  # dumpcap creates the file when it captures
        if os.path.exists(path) and os.path.getsize(path) > 0:
            break
        time.sleep(0.1)
    time.sleep(0.3)
    return p


def record(a, b, version, name, cb, folder, ns):
    ca = conn(version, A, B, psk="shared-secret-1")
    if name in A_LINES:
        ca = ca.replace("    proposals =", A_LINES[name] + "\n    proposals =", 1)
    a.load(ca)
    if cb is None:
        b.load("connections { }\n")
        b.stop()
    else:
        b.load(conn(version, B, A, **dict({"psk": "shared-secret-1", "lts": "10.2.0.0/24",
                                           "rts": "10.1.0.0/24"}, **cb)))
    path = os.path.join(folder, "v%d-%s.%s" % (version, name, "pcap" if version == 1
                                                else "pcapng"))
    cap = capture(ns[0], "pla", path)
    try:
        a.swanctl("--initiate", "--child", "t", "--timeout", "15", timeout=30)
        time.sleep(0.5)
    finally:
        cap.send_signal(signal.SIGINT)
        cap.wait(timeout=10)
    for d in (a, b):
        if d.proc and d.proc.poll() is None:
            d.swanctl("--terminate", "--ike", "t", "--force", "--timeout", "2", timeout=10)
    if cb is None:
        if os.path.exists(b.dir + "/vici"):
            os.remove(b.dir + "/vici")
        b.start()
    return path


def main():
    bin_path = os.path.abspath(sys.argv[1])
    keep = sys.argv[2] if len(sys.argv) > 2 else None
    for tool in ("ip", "swanctl", "dumpcap", daemons.CHARON):
        if not shutil.which(tool) and not os.path.exists(tool):
            print("capture-pairs: FAIL: %s is missing (scripts/install-deps.sh)" % tool)
            return 1
    work = tempfile.mkdtemp(prefix="h15a-cap-")
    folder = keep or work
    os.makedirs(folder, exist_ok=True)
    tag = "h15a-%d-" % os.getpid()
    ns = None
    ds = []
    paths = []
    try:
        ns = logpair.setup(tag, daemons.sh)
        daemons.make_certs(os.path.join(work, "certs"))
        ds = [daemons.Daemon(ns[0], os.path.join(work, "a"), "a", os.path.join(work, "certs")),
              daemons.Daemon(ns[1], os.path.join(work, "b"), "b", os.path.join(work, "certs"))]
        for d in ds:
            d.start()
        for version in (1, 2):
            for name, cb in CASES.items():
                if version != 1 and name in ONLY_V1:
                    continue
                paths.append(record(ds[0], ds[1], version, name, cb, folder, ns))
    finally:
        for d in ds:
            d.stop()
        if ns:
            for n in ns:
                daemons.sh(["ip", "netns", "del", n], check=False)
    bad = 0
    dump = os.path.join(os.path.dirname(bin_path), "tests", "wire_dump")
    for path in paths:
        base = os.path.basename(path)
        version, name = int(base[1]), base[3:].rsplit(".", 1)[0]
        problems = check(bin_path, path, version, name)
        same = tshark_same(dump, path)
        if same is False:
            problems.append("wire_dump differs from tshark on its IKE frames")
        print("capture-pairs: IKEv%d %-13s %s%s" % (
            version, name, "ok" if not problems else "FAIL: " + "; ".join(problems),
            "" if same is None else ", fields equal to tshark's" if same else ""))
        bad += bool(problems)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
