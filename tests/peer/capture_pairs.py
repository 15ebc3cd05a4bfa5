"""Captures of real IKE negotiations, made here: two strongSwan charon
daemons in network namespaces this test creates (h15a-<pid>-a / -b, one veth
link, nothing else configured, so nothing leaves them) negotiate one case at
a time, IKEv1 and IKEv2, while dumpcap records the veth in namespace a.
Each capture is then read by `ipsec-doctor capture --format json`, whose
rebuilt exchange must show the case's status, steps, retransmissions and
notifies (EXPECT below) and its findings the case's diagnosis IDs (DIAG); where tshark is installed, tests/tools/wire_dump's
fields must equal tshark's on every IKE frame of these captures.

With charon logging its secrets (ike = 4, chd = 4), each case's log slice
is also a key file: `capture --keys` on the same captures must decrypt what
the initiator's (or responder's) keys open and judge by what is inside
(EXPECT_KEYS, with the key-only failure classes of KEY_CASES), and the ESP
keys it derives from SKEYID_d / SK_d must equal the ones charon installed
(its [CHD] dumps, written as `ip xfrm state` output).

Usage: capture_pairs.py BIN [FOLDER]   (exit 0 = pass; needs root, ip,
swanctl, charon, dumpcap). With FOLDER, the captures are kept there.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "diff"))
import daemons  # noqa: E402

# charon logs its secrets (keymat_v1/v2.c, ike = 4) and the ESP keys it
# installs (chd = 4): the key files of --keys (captures README)
daemons.STRONGSWAN_CONF = daemons.STRONGSWAN_CONF.replace(
    "      ike = 1\n", "      ike = 4\n      chd = 4\n")

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
    # without keys, a refusal inside encrypted messages proves nothing
    (1, "p2-proposal"): [],
    (2, "p2-proposal"): [],
    (1, "p2-selectors"): [],
    (2, "p2-selectors"): [],
}
# failure classes only the decrypted messages tell apart (checked with --keys)
KEY_CASES = {
    "p2-proposal": {"esp": "aes256-sha512"},
    "p2-selectors": {"rts": "10.9.0.0/24"},
}

# (version, case, whose log is the key file) -> (status, a word the reason
# must hold). Every encrypted message the key opens must decrypt; a message
# under the other end's different keys must say "wrong key".
EXPECT_KEYS = {
    (1, "ok", "a"): ("established", "Quick Mode completed"),
    (2, "ok", "a"): ("established", "with its child SA"),
    (2, "ok", "b"): ("established", "with its child SA"),
    (1, "psk-mismatch", "a"): ("phase1-auth-failed", "derived different keys"),
    (1, "psk-mismatch", "b"): ("phase1-auth-failed", "derived different keys"),
    (2, "psk-mismatch", "a"): ("phase1-auth-failed", "AUTHENTICATION_FAILED"),
    (1, "p2-proposal", "a"): ("phase2-no-proposal", "NO-PROPOSAL-CHOSEN"),
    (2, "p2-proposal", "a"): ("phase2-no-proposal", "NO_PROPOSAL_CHOSEN"),
    (1, "p2-selectors", "a"): ("phase2-proxy-mismatch", "INVALID-ID-INFORMATION"),
    (2, "p2-selectors", "a"): ("phase2-proxy-mismatch", "TS_UNACCEPTABLE"),
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


# (version, case) -> the facts of the exchange (capture.exchanges[0]): whether
# the responder chose a proposal in clear, whether both ends sent NAT-D, and a
# notify that must be there with its sender. With NAT-D, each end's hash of
# its peer must equal ours, recomputed from the captured addresses (there is
# no NAT between two namespaces), while each end's hash of itself differs:
# kernel-libipsec needs ESP in UDP, so charon fakes its source hash to force
# the encapsulation (swanctl.conf(5), encap: "the IKE daemon can manipulate
# the NAT detection payloads"), the peers conclude there is a NAT and move
# to port 4500, which the facts must show.
FACTS = {
    (1, "ok"): (True, True, None),
    (1, "p1-proposal"): (False, False, ("responder", 14)),
    (1, "psk-mismatch"): (True, True, None),
    (1, "no-response"): (False, False, None),
    (1, "aggressive"): (False, False, ("responder", 24)),
    (2, "ok"): (True, True, None),
    (2, "p1-proposal"): (False, False, ("responder", 14)),
    (2, "psk-mismatch"): (True, True, None),
    (2, "no-response"): (False, False, None),
}


def facts_bad(doc, version, name):
    """The exchange's facts against FACTS; a list of problems."""
    chosen, natd, notify = FACTS[(version, name)]
    ex = doc["capture"]["exchanges"][0]
    bad = []
    if not ex.get("offered") or not ex["offered"]["transforms"]:
        bad.append("no offered transforms")
    if bool(ex.get("chosen")) != chosen:
        bad.append("chosen %s, %s expected" % (bool(ex.get("chosen")), chosen))
    nat = ex.get("nat", {})
    if nat.get("computed") != natd:
        bad.append("NAT-D computed %s, %s expected" % (nat.get("computed"), natd))
    if natd:
        for k, want in (("initiator_destination", "match"), ("responder_destination", "match"),
                        ("initiator_source", "differ"), ("responder_source", "differ")):
            if nat.get(k) != want:
                bad.append("NAT-D %s: %s, %s expected" % (k, nat.get(k), want))
        if nat.get("nat_between") is not True:
            bad.append("NAT-D: the peers' verdict %s, a NAT expected" % nat.get("nat_between"))
        if not ex["float"]["floated"]:
            bad.append("no float to 4500 after NAT-D")
    if notify and not any(n["sender"] == notify[0] and n["type"] == notify[1]
                          for n in ex.get("notifies", [])):
        bad.append("no notify %d from the %s" % (notify[1], notify[0]))
    return bad


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
    bad = facts_bad(doc, version, name)
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


def xfrm_of(log, initiator):
    """The ESP keys charon installed ([CHD] dumps and SPI lines of LOG), as
    `ip xfrm state` blocks."""
    dumps, cur, spis = [], None, []
    for line in log.splitlines():
        m = re.match(r"\d+\[CHD\] (encryption|integrity) (initiator|responder) key => \d+ bytes",
                     line)
        if m:
            cur = [m.group(1), m.group(2), ""]
            dumps.append(cur)
            continue
        m = re.match(r"\d+\[CHD\] +\d+: ((?:[0-9A-F]{2} )+)", line)
        if m and cur:
            cur[2] += m.group(1).replace(" ", "").lower()
            continue
        cur = None
        m = re.match(r"\d+\[CHD\]   SPI 0x([0-9a-f]+), src (\S+) dst (\S+)", line)
        if m:
            spis.append(m.groups())
    out = []
    for n in range(min(len(spis) // 2, len(dumps) // 4)):
        keys = {(x[0], x[1]): x[2] for x in dumps[4 * n:4 * n + 4]}
        for spi, src, dst in spis[2 * n:2 * n + 2]:
            role = "initiator" if src == initiator else "responder"
            out.append("src %s dst %s\n\tproto esp spi 0x%s reqid 1 mode tunnel\n"
                       "\tauth-trunc hmac(sha256) 0x%s 128\n\tenc cbc(aes) 0x%s\n"
                       % (src, dst, spi, keys[("integrity", role)], keys[("encryption", role)]))
    return "".join(out)


def check_keys(bin_path, path, version, name, side):
    """`capture --keys` with SIDE's log slice (and, for an established case,
    the ESP keys charon installed) against EXPECT_KEYS; a list of problems."""
    keyfile = path.rsplit(".", 1)[0] + "-%s.log" % side
    args = [bin_path, "capture", "--format", "json", "--keys", keyfile]
    esp = path.rsplit(".", 1)[0] + "-%s.xfrm" % side
    if os.path.exists(esp) and os.path.getsize(esp):
        args += ["--keys", esp]
    p = subprocess.run(args + [path], capture_output=True, text=True)
    if p.returncode != 0:
        return ["--keys: exit %d: %s" % (p.returncode, p.stderr.strip())]
    with open(keyfile) as f:  # the first 8 bytes of each secret charon dumped
        secret = re.findall(r"\[(?:IKE|CHD)\] (?:SKEYID\w*|encryption key Ka|Sk_\w+ secret|"
                            r"secret|shared Diffie Hellman secret|\w+ \w+ key) => \d+ bytes.*\n"
                            r"\d+\[(?:IKE|CHD)\] +0: ((?:[0-9A-F]{2} ){8})", f.read())
    leaked = [h for h in secret if h.replace(" ", "").lower() in p.stdout.lower()]
    t = json.loads(p.stdout)["tunnels"][0]
    status, word = EXPECT_KEYS[(version, name, side)]
    bad = []
    if leaked:
        bad.append("a key of the key file appears in the output")
    if t["status"] != status:
        bad.append("--keys: status %s, %s expected (%s)" % (t["status"], status, t["reason"]))
    elif word not in t["reason"]:
        bad.append("--keys: reason '%s' lacks '%s'" % (t["reason"], word))
    details = " ".join(s["detail"] for s in t["steps"])
    if "no key" in details or "not decrypted" in details:
        bad.append("--keys: a message not decrypted: %s" % details[:300])
    if "psk" not in name and "wrong key" in details:
        bad.append("--keys: a message under the same keys said wrong key")
    if os.path.exists(esp) and os.path.getsize(esp):
        derived = [s for s in t["steps"] if s["step"] == "ESP keys"]
        if not derived or derived[0]["detail"].count("equal to the key file's") != 2 \
                or "DIFFERENT" in derived[0]["detail"]:
            bad.append("--keys: derived ESP keys not equal to charon's: %s"
                       % (derived[0]["detail"] if derived else "none derived"))
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
    offs = (a.log_size(), b.log_size())
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
    base = path.rsplit(".", 1)[0]
    for d, side, off in ((a, "a", offs[0]), (b, "b", offs[1])):
        text = d.log_since(off) if d.proc else ""
        with open(base + "-%s.log" % side, "w") as f:
            f.write(text)
        if name == "ok":
            with open(base + "-%s.xfrm" % side, "w") as f:
                f.write(xfrm_of(text, A))
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
            for name, cb in list(CASES.items()) + list(KEY_CASES.items()):
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
        problems = check(bin_path, path, version, name) if (version, name) in EXPECT else []
        for side in ("a", "b"):
            if (version, name, side) in EXPECT_KEYS:
                problems += check_keys(bin_path, path, version, name, side)
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
