"""`ipsec-doctor test` (a full negotiation as initiator) against real
responders that this test starts.

Network namespaces h16a-<pid>-a (the initiator, where `test` runs) and
h16a-<pid>-b (the responder: strongSwan's charon, tests/diff/daemons.py,
kernel-libipsec), joined by one veth link (198.51.100.0/24) and nothing
else. For the NAT case a third namespace h16a-<pid>-r sits between them as
a router with nftables masquerade (192.0.2.0/24 on the initiator's side).
Each case loads a swanctl.conf, runs `test --format json` and checks the
contract status, the catalog ID, the step where it stopped and what the
responder's own log says. Only processes this test started are stopped,
only namespaces it created are deleted.

Usage: test_live.py BIN [CASE...]   (exit 0 = pass; needs root, ip, nft,
charon, swanctl)
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

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "diff"))
import daemons  # noqa: E402

A, B = "198.51.100.1", "198.51.100.2"
A6, B6 = "2001:db8:16a::1", "2001:db8:16a::2"
NAT_A, NAT_R = "192.0.2.1", "192.0.2.254"  # the initiator behind the router
PSK = "h16a-test-secret-0042"
LOCAL, REMOTE = "10.1.0.0/16", "10.2.0.0/16"
FAST = ["--rate", "100", "--wait", "0.4", "--tries", "2"]
PATIENT = ["--rate", "100", "--wait", "1", "--tries", "3"]


def sh(args, check=True):
    return subprocess.run(args, check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


class Net:
    """a -- b, or a -- r -- b with nat=True (r masquerades a's side)."""

    def __init__(self, nat=False):
        tag = "h16a-%d-" % os.getpid()
        self.a, self.b, self.r = tag + "a", tag + "b", tag + "r"
        self.nat = nat
        self.spaces = [self.a, self.b] + ([self.r] if nat else [])
        for ns in self.spaces:
            sh(["ip", "netns", "add", ns])
            sh(["ip", "-n", ns, "link", "set", "lo", "up"])
        if not nat:
            self.link(self.a, "t16a", A + "/24", self.b, "t16b", B + "/24")
            for ns, dev, v6 in ((self.a, "t16a", A6), (self.b, "t16b", B6)):
                sh(["ip", "-n", ns, "addr", "add", v6 + "/64", "dev", dev, "nodad"])
            self.src = A
        else:
            self.link(self.a, "t16a", NAT_A + "/24", self.r, "t16ra", NAT_R + "/24")
            self.link(self.r, "t16rb", A + "/24", self.b, "t16b", B + "/24")
            sh(["ip", "-n", self.a, "route", "add", "default", "via", NAT_R])
            sh(["ip", "netns", "exec", self.r, "sysctl", "-qw", "net.ipv4.ip_forward=1"])
            sh(["ip", "netns", "exec", self.r, "nft", "add table ip h16anat"])
            sh(["ip", "netns", "exec", self.r, "nft",
                "add chain ip h16anat post { type nat hook postrouting priority 100 ; }"])
            sh(["ip", "netns", "exec", self.r, "nft",
                "add rule ip h16anat post oifname t16rb masquerade"])
            self.src = A  # as the responder sees the initiator
        # kernel-libipsec routes the Child SA's traffic through its TUN device
        # from an address of local_ts, towards the peer (daemons.py's Pair)
        sh(["ip", "-n", self.b, "addr", "add", "10.2.1.1/32", "dev", "lo"])
        sh(["ip", "-n", self.b, "route", "add", "default", "via", A])

    def link(self, ns1, d1, a1, ns2, d2, a2):
        sh(["ip", "link", "add", "name", d1, "netns", ns1, "type", "veth", "peer", "name", d2,
            "netns", ns2])
        for ns, dev, addr in ((ns1, d1, a1), (ns2, d2, a2)):
            sh(["ip", "-n", ns, "addr", "add", addr, "dev", dev])
            sh(["ip", "-n", ns, "link", "set", dev, "up"])

    def close(self):
        for ns in self.spaces:
            sh(["ip", "netns", "del", ns], check=False)


def swanctl_conf(ike="aes256-sha256-modp2048", esp="aes256-sha256", local_ts="10.2.0.0/16",
                 remote_ts="10.1.0.0/16", psk=PSK, version=2, remote=A, local_auth="psk"):
    return """connections {
  t {
    version = %(version)d
    local_addrs = %(b)s, %(b6)s
    remote_addrs = %(remote)s, %(a6)s
    proposals = %(ike)s
    local { auth = %(lauth)s%(certs)s
      id = %(b)s }
    remote { auth = psk }
    children { c { local_ts = %(lts)s
      remote_ts = %(rts)s
      esp_proposals = %(esp)s } }
  }
}
secrets {
  ike-1 { secret = "%(psk)s" }
}
""" % {"version": version, "b": B, "remote": remote, "ike": ike, "esp": esp, "lts": local_ts,
       "rts": remote_ts, "psk": psk, "lauth": local_auth, "b6": B6, "a6": A6,
       "certs": "\n      certs = b.pem" if local_auth == "pubkey" else ""}


class Responder:
    def __init__(self, ns, folder, certs, cookie=False):
        self.d = daemons.Daemon(ns, folder, "b", certs)
        conf = open(self.d.conf).read()
        if cookie:
            # strongSwan asks every new IKE_SA_INIT for a COOKIE once
            # cookie_threshold half-open SAs exist (strongswan.conf(5))
            conf = conf.replace("cookie_threshold = 1000000",
                                "cookie_threshold = 1\n  cookie_threshold_ip = 1")
        with open(self.d.conf, "w") as f:
            f.write(conf)
        self.d.start()

    def load(self, text):
        self.d.load(text)

    def stop(self):
        self.d.stop()

    def log(self):
        try:
            with open(self.d.log, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def show_log(self, case, lines=40):
        tail = self.log().splitlines()[-lines:]
        print("charon log, last %d lines, after case %s:" % (len(tail), case), file=sys.stderr)
        for line in tail:
            print("  " + line, file=sys.stderr)


class Failures(list):
    def check(self, case, cond, what):
        if not cond:
            self.append("%s: %s" % (case, what))
            print("FAIL %s: %s" % (case, what), file=sys.stderr)


def run_test(bin_path, net, work, *args, psk=PSK, timing=PATIENT, host=B):
    keyfile = os.path.join(work, "psk")
    with open(keyfile, "w") as f:
        f.write(psk + "\n")
    p = subprocess.run(["ip", "netns", "exec", net.a, bin_path, "test", "--format", "json",
                        "--psk-file", keyfile, "--local-net", LOCAL, "--remote-net", REMOTE,
                        *timing, *args, host], capture_output=True, text=True, timeout=300)
    if p.returncode > 1:
        raise RuntimeError("test exit %d: %s" % (p.returncode, p.stderr.strip()))
    if re.search(r"Sanitizer|runtime error", p.stderr):
        raise RuntimeError("test: sanitizer report: " + p.stderr[:2000])
    if psk in p.stdout or psk in p.stderr:
        raise RuntimeError("test printed the PSK")
    return p.returncode, json.loads(p.stdout)


def status(doc):
    t = doc.get("tunnels", [])
    return t[0]["status"] if len(t) == 1 else "tunnels=%d" % len(t)


def ids(doc):
    return sorted(f["id"] for f in doc["findings"])


# name, responder config, extra test arguments, status, IDs, stopped_at, a
# check on the test object, a regex the responder's log must hold
CASES = [
    ("ok", {}, [], "established", [], "none",
     lambda t: t["child_up"] and t["rekey"] == "accepted" and t["deleted"], r"CHILD_SA c\{\d+\} established"),
    ("ok-gcm", {"ike": "aes128gcm16-prfsha256-ecp256", "esp": "aes128gcm16"},
     ["--ike", "aes128gcm16-prfsha256-ecp256", "--esp", "aes128gcm16"], "established", [], "none",
     lambda t: t["esp"].startswith("AES-GCM-128"), r"CHILD_SA c\{\d+\} established"),
    ("invalid-ke", {"ike": "aes256-sha256-modp2048"},
     ["--ike", "aes256-sha256-ecp256-modp2048"], "established", [], "none",
     lambda t: t.get("invalid_ke_hint") == 14, r"unacceptable, requesting MODP_2048"),
    ("ike-refused", {"ike": "aes128-sha1-modp3072"}, [], "phase1-no-proposal",
     ["isakmp-policy-mismatch"], "ike", lambda t: t.get("notify") == "NO_PROPOSAL_CHOSEN",
     r"received proposals unacceptable"),
    ("psk-mismatch", {"psk": "another-secret-entirely"}, [], "phase1-auth-failed",
     ["psk-mismatch"], "auth", lambda t: t.get("notify") == "AUTHENTICATION_FAILED",
     r"MAC mismatched"),
    # the responder verifies our PSK and signs its own AUTH with its
    # certificate: a method difference, not a key difference
    ("cert-responder", {"local_auth": "pubkey"}, [], "phase1-auth-failed",
     ["ikev2-auth-failed"], "auth", lambda t: "not a PSK" in t.get("why", ""),
     r"authentication of '198.51.100.1' with pre-shared key successful"),
    ("ts-mismatch", {"local_ts": "10.9.0.0/16"}, [], "phase2-proxy-mismatch",
     ["crypto-acl-not-mirrored"], "child", lambda t: t.get("notify") == "TS_UNACCEPTABLE",
     r"traffic selectors .* unacceptable"),
    ("ts-narrowed", {"local_ts": "10.2.1.0/24"}, [], "established", [], "none",
     lambda t: t["narrowed"] and t["selectors"].endswith("10.2.1.0-10.2.1.255"),
     r"CHILD_SA c\{\d+\} established"),
    ("esp-mismatch", {"esp": "aes128-sha1"}, [], "phase2-no-proposal",
     ["transform-set-mismatch"], "child", lambda t: t.get("notify") == "NO_PROPOSAL_CHOSEN",
     r"no acceptable proposal found"),
    ("pfs-mismatch", {"esp": "aes256-sha256-modp2048"}, [], "established", ["pfs-mismatch"],
     "rekey", lambda t: t["child_up"] and t["rekey"] == "refused",
     r"CHILD_SA c\{\d+\} established"),
    ("pfs-ok", {"esp": "aes256-sha256-modp2048"}, ["--pfs", "modp2048"], "established", [], "none",
     lambda t: t["rekey"] == "accepted", r"CHILD_SA c\{\d+\} established"),
]


# IKEv1 (h16b's engine, src/initiator/v1*.c): the same columns, run with
# --ikev1 against a version = 1 connection
V1 = {"version": 1}
CASES_V1 = [
    ("v1-ok", dict(V1), [], "established", [], "none",
     lambda t: t["child_up"] and t["deleted"] and t["floated"], r"CHILD_SA c\{\d+\} established"),
    ("v1-ike-refused", dict(V1, ike="aes128-sha1-modp3072"), [], "phase1-no-proposal",
     ["isakmp-policy-mismatch"], "ike", lambda t: "NO-PROPOSAL-CHOSEN" in t.get("why", ""),
     r"no proposal found"),
    # charon cannot decrypt MM5 and says so in an Informational that does not
    # decrypt under our keys either: the two PSKs differ
    ("v1-psk-mismatch", dict(V1, psk="another-secret-entirely"), [], "phase1-auth-failed",
     ["psk-mismatch"], "auth", lambda t: "pre-shared keys differ" in t.get("why", ""),
     r"could not decrypt payloads"),
    ("v1-proxy-mismatch", dict(V1, local_ts="10.9.0.0/16"), [], "phase2-proxy-mismatch",
     ["crypto-acl-not-mirrored"], "child", lambda t: "INVALID-ID-INFORMATION" in t.get("why", ""),
     r"no matching CHILD_SA config found"),
    ("v1-esp-mismatch", dict(V1, esp="aes128-sha1"), [], "phase2-no-proposal",
     ["transform-set-mismatch"], "child", lambda t: "PFS alone" not in t.get("why", ""),
     r"no matching proposal found"),
    # the responder requires PFS: refused, and accepted once asked again with it
    ("v1-pfs-required", dict(V1, esp="aes256-sha256-modp2048"), [], "phase2-pfs-mismatch",
     ["pfs-mismatch"], "child", lambda t: "PFS alone differs" in t.get("why", ""),
     r"CHILD_SA c\{\d+\} established"),
    # the responder has no PFS: strongSwan refuses a PFS offer (an IOS
    # responder accepts it); asked again without PFS it accepts
    ("v1-pfs-offered", dict(V1), ["--pfs", "modp2048"], "phase2-pfs-mismatch",
     ["pfs-mismatch"], "child", lambda t: "PFS alone differs" in t.get("why", ""),
     r"CHILD_SA c\{\d+\} established"),
]


def one_case(bin_path, net, resp, work, fails, case, host=B, timing=PATIENT):
    name, conf, args, want_status, want_ids, stopped, check, logre = case
    resp.load(swanctl_conf(**conf))
    before = len(resp.log())
    rc, d = run_test(bin_path, net, work, *args, timing=timing, host=host)
    t = d["test"]
    n = len(fails)
    fails.check(name, status(d) == want_status, "status %s, expected %s (%s)" % (
        status(d), want_status, t.get("why")))
    fails.check(name, ids(d) == want_ids, "findings %s, expected %s" % (ids(d), want_ids))
    fails.check(name, t["stopped_at"] == stopped, "stopped at %s, expected %s" % (
        t["stopped_at"], stopped))
    try:
        good = check(t)
    except (KeyError, TypeError, AttributeError):
        good = False
    fails.check(name, good, "test object %s" % json.dumps(t)[:600])
    fails.check(name, re.search(logre, resp.log()[before:]) is not None,
                "the responder's log lacks /%s/" % logre)
    want_rc = 0 if want_status == "established" and not [i for i in want_ids
                                                          if i != "pfs-mismatch"] else 1
    fails.check(name, rc == want_rc, "exit %d, expected %d" % (rc, want_rc))
    if len(fails) > n:
        resp.show_log(name)
    else:
        print("ok   %-14s %-22s %s" % (name, status(d), " ".join(ids(d))))
    return d


def run(bin_path, only):
    fails = Failures()
    work = tempfile.mkdtemp(prefix="h16a-test-")
    net = Net()
    resp = None

    def want(c):
        return not only or c in only

    try:
        daemons.make_certs(work + "/certs")
        resp = Responder(net.b, os.path.join(work, "b1"), work + "/certs")
        for case in CASES:
            if want(case[0]):
                one_case(bin_path, net, resp, work, fails, case)
        for case in CASES_V1:
            if want(case[0]):
                name, conf, args, *rest = case
                one_case(bin_path, net, resp, work, fails,
                         (name, conf, ["--ikev1", *args], *rest))
        if want("text"):
            resp.load(swanctl_conf())
            keyfile = os.path.join(work, "psk")
            with open(keyfile, "w") as f:
                f.write(PSK + "\n")
            r = subprocess.run(["ip", "netns", "exec", net.a, bin_path, "test", "--psk-file",
                                keyfile, "--local-net", LOCAL, "--remote-net", REMOTE, B],
                               capture_output=True, text=True, timeout=120)
            print(r.stdout)
            fails.check("text", r.returncode == 0 and "established" in r.stdout and
                        PSK not in r.stdout, "exit %d: %s" % (r.returncode, r.stderr))
        if want("ipv6"):
            one_case(bin_path, net, resp, work, fails,
                     ("ipv6", {}, [], "established", [], "none",
                      lambda t: t["child_up"] and t["host"] == B6, r"CHILD_SA c\{\d+\} established"),
                     host=B6)
        if want("keys"):
            keys_case(bin_path, net, resp, work, fails)
        if want("v1-keys"):
            v1_keys_case(bin_path, net, resp, work, fails)
        if want("keys-capture") and shutil.which("dumpcap"):
            keys_capture_case(bin_path, net, resp, work, fails)
        if want("dropped"):
            resp.load(swanctl_conf())
            sh(["ip", "netns", "exec", net.b, "nft", "add table inet h16adrop"])
            sh(["ip", "netns", "exec", net.b, "nft",
                "add chain inet h16adrop in { type filter hook input priority 0 ; }"])
            sh(["ip", "netns", "exec", net.b, "nft", "add rule inet h16adrop in udp dport 500 drop"])
            rc, d = run_test(bin_path, net, work, timing=FAST)
            fails.check("dropped", status(d) == "no-response" and ids(d) == ["ike-esp-blocked"],
                        "%s %s" % (status(d), ids(d)))
            fails.check("dropped", d["test"]["stopped_at"] == "reach" and rc == 1,
                        "stopped %s, exit %d" % (d["test"]["stopped_at"], rc))
            sh(["ip", "netns", "exec", net.b, "nft", "delete table inet h16adrop"])
            print("ok   dropped" if not [f for f in fails if f.startswith("dropped")] else "")
        if want("cookie"):
            resp.stop()
            resp = Responder(net.b, os.path.join(work, "b2"), work + "/certs", cookie=True)
            resp.load(swanctl_conf())
            # one half-open IKE SA first (probe leaves it), so that the next
            # IKE_SA_INIT from this address is asked for a COOKIE
            sh(["ip", "netns", "exec", net.a, bin_path, "probe", "--no-ikev1", "--no-4500",
                "--first", *FAST, B], check=False)
            d = one_case(bin_path, net, resp, work, fails,
                         ("cookie", {}, [], "established", [], "none",
                          lambda t: t["cookies"] >= 1, r"COOKIE|cookie"))
        if want("hostile"):
            resp.stop()
            resp = None
            hostile_cases(bin_path, net, work, fails)
        if want("no-listener"):
            if resp:
                resp.stop()
            resp = None
            rc, d = run_test(bin_path, net, work, timing=FAST)
            fails.check("no-listener", status(d) == "no-response" and
                        ids(d) == ["isakmp-not-enabled"], "%s %s" % (status(d), ids(d)))
            fails.check("no-listener", rc == 1, "exit %d" % rc)
    finally:
        if resp:
            resp.stop()
        net.close()
    if want("nat"):
        nat_case(bin_path, work, fails)
    shutil.rmtree(work, ignore_errors=True)
    return fails


def wait_listening(ns, addr, port, seconds=15):
    """Until a UDP socket is bound to addr:port in ns (a scripted responder
    started under load may take seconds): no fixed sleep."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        out = subprocess.run(["ip", "netns", "exec", ns, "ss", "-Hlun"], capture_output=True,
                             text=True).stdout
        if any(f.endswith("%s:%d" % (addr, port)) for line in out.splitlines()
               for f in line.split()):
            return True
        time.sleep(0.1)
    return False


def hostile_cases(bin_path, net, work, fails):
    """tests/peer/hostile_ike.py's scripted responders: never a crash, every
    bound holds, and nothing a hostile answer says becomes a verdict it does
    not prove."""
    script = os.path.join(HERE, "hostile_ike.py")
    want = {"junk": ("phase1-no-proposal", ["isakmp-policy-mismatch"]),
            "flood": ("phase1-no-proposal", ["isakmp-policy-mismatch"]),
            "accept-all": ("undetermined", []),
            "malformed": ("undetermined", [])}
    for mode, (st, fid) in want.items():
        srv = subprocess.Popen(["ip", "netns", "exec", net.b, sys.executable, script, mode, B],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        name = "hostile-" + mode
        try:
            fails.check(name, wait_listening(net.b, B, 500), "the scripted responder did not "
                        "start: %s" % srv.poll())
            rc, d = run_test(bin_path, net, work, "--max-packets", "20", "--max-time", "20",
                             timing=FAST)
            t = d["test"]
            fails.check(name, rc in (0, 1) and t["packets_sent"] <= 20,
                        "exit %d, sent %d" % (rc, t["packets_sent"]))
            fails.check(name, status(d) == st and ids(d) == fid,
                        "%s %s (%s), expected %s %s" % (status(d), ids(d), t.get("why"), st, fid))
        finally:
            srv.terminate()
            srv.wait(5)
        if not [f for f in fails if f.startswith(name)]:
            print("ok   %-14s %-22s %s" % (name, status(d), " ".join(ids(d))))


def keys_capture_case(bin_path, net, resp, work, fails):
    """--keys against a capture taken at the same time (dumpcap on the
    initiator's veth): capture --keys must decrypt every encrypted message of
    the exchange, and tshark, given the file's ikev2_decryption_table record,
    must find each one's ICV correct: the keys derived here are charon's."""
    resp.load(swanctl_conf())
    cap, keys = os.path.join(work, "t.pcapng"), os.path.join(work, "keys-cap.txt")
    dc = subprocess.Popen(["ip", "netns", "exec", net.a, "dumpcap", "-q", "-i", "t16a", "-w", cap],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(50):  # dumpcap creates the file when it captures
            if os.path.exists(cap) and os.path.getsize(cap) > 0:
                break
            time.sleep(0.1)
        time.sleep(0.3)
        rc, d = run_test(bin_path, net, work, "--keys", keys)
        time.sleep(0.5)
    finally:
        dc.send_signal(signal.SIGINT)
        dc.wait(10)
    r = subprocess.run([bin_path, "capture", "--format", "json", "--keys", keys, cap],
                       capture_output=True, text=True)
    via = json.loads(r.stdout)["tunnels"][0]["via"] if r.returncode in (0, 1) else r.stderr
    fails.check("keys-capture", rc == 0 and "6 of 6 encrypted messages decrypted" in via,
                "capture --keys: %s" % via)
    if shutil.which("tshark"):
        line = [ln.strip() for ln in open(keys) if ln[0] in "0123456789abcdef" and
                ln.count(",") == 7][0]
        t = subprocess.run(["tshark", "-r", cap, "-o", "uat:ikev2_decryption_table:" + line,
                            "-Y", "isakmp", "-V"], capture_output=True, text=True)
        good = t.stdout.count("<HMAC_SHA2_256_128 [RFC4868]>[correct]")
        fails.check("keys-capture", good == 6, "tshark verified %d of 6 ICVs" % good)
    if not [f for f in fails if f.startswith("keys-capture")]:
        print("ok   keys-capture (capture --keys and tshark decrypt all 6 encrypted messages)")


def keys_case(bin_path, net, resp, work, fails):
    """--keys: a new file (refused when it exists), read back by capture's
    key loader (`capture --keys` on an empty capture would say nothing: the
    loader's errors are what matter here), never the PSK."""
    resp.load(swanctl_conf())
    path = os.path.join(work, "keys.txt")
    rc, d = run_test(bin_path, net, work, "--keys", path)
    fails.check("keys", rc == 0 and os.path.exists(path), "exit %d, file %s" % (rc, os.path.exists(path)))
    text = open(path).read() if os.path.exists(path) else ""
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    fails.check("keys", len(lines) == 5, "expected 1 IKEv2 + 4 ESP records: %s" % lines)
    fails.check("keys", PSK not in text, "the PSK is in the key file")
    fails.check("keys", oct(os.stat(path).st_mode & 0o777) == "0o600", "mode %o" % os.stat(path).st_mode)
    p = subprocess.run(["ip", "netns", "exec", net.a, bin_path, "test", "--keys", path,
                        "--psk-file", work + "/psk", "--local-net", LOCAL, "--remote-net", REMOTE, B],
                       capture_output=True, text=True)
    fails.check("keys", p.returncode == 2 and "exists" in p.stderr, "an existing file: exit %d %s" % (
        p.returncode, p.stderr))
    # the charon log at ike=1 holds no keys; the records must load in our reader
    cap = subprocess.run([bin_path, "capture", "--keys", path, "/dev/null"], capture_output=True,
                         text=True)
    fails.check("keys", "key" not in cap.stderr or cap.returncode != 2 or "pcap" in cap.stderr,
                "the key file does not load: %s" % cap.stderr.strip())
    if not [f for f in fails if f.startswith("keys")]:
        print("ok   keys")


def v1_keys_case(bin_path, net, resp, work, fails):
    """IKEv1 --keys end to end: dumpcap records our own negotiation, and
    `capture --keys` with the file `test` wrote must decrypt every encrypted
    message of it (MM5, MM6, QM1-QM3, the deletes) and call it established;
    no key from the file appears in either output."""
    import signal
    import time
    resp.load(swanctl_conf(version=1))
    path, pcap = os.path.join(work, "v1keys.txt"), os.path.join(work, "v1.pcap")
    cap = subprocess.Popen(["ip", "netns", "exec", net.a, "dumpcap", "-q", "-P", "-i", "t16a",
                            "-w", pcap], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(50):  # dumpcap creates the file when it captures
            if os.path.exists(pcap) and os.path.getsize(pcap) > 0:
                break
            time.sleep(0.1)
        time.sleep(0.3)
        rc, d = run_test(bin_path, net, work, "--ikev1", "--keys", path)
        time.sleep(0.5)
    finally:
        cap.send_signal(signal.SIGINT)
        cap.wait(timeout=10)
    fails.check("v1-keys", rc == 0 and status(d) == "established", "exit %d %s" % (rc, status(d)))
    text = open(path).read() if os.path.exists(path) else ""
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    fails.check("v1-keys", len(lines) == 3, "expected 1 IKEv1 + 2 ESP records: %s" % len(lines))
    p = subprocess.run([bin_path, "capture", "--format", "json", "--keys", path, pcap],
                       capture_output=True, text=True)
    fails.check("v1-keys", p.returncode in (0, 1), "capture exit %d: %s" % (p.returncode,
                                                                             p.stderr.strip()))
    try:
        t = json.loads(p.stdout)["tunnels"][0]
    except (ValueError, KeyError, IndexError):
        fails.check("v1-keys", False, "capture gave no tunnel: %s" % p.stdout[:300])
        return
    details = " ".join(s["detail"] for s in t["steps"])
    if os.environ.get("H16B_DEBUG"):
        print(json.dumps(t["steps"], indent=1)[:3000])
    fails.check("v1-keys", sum("decrypted" in s["detail"] for s in t["steps"]) >= 5,
                "fewer than 5 decrypted messages: %s" % details[:400])
    fails.check("v1-keys", t["status"] == "established", "capture says %s (%s)" % (
        t["status"], t.get("reason")))
    fails.check("v1-keys", "no key" not in details and "not decrypted" not in details and
                "wrong key" not in details, "a message not decrypted: %s" % details[:400])
    secrets = re.findall(r"[0-9a-fA-F]{32,}", text)
    fails.check("v1-keys", not any(k.lower() in (p.stdout + json.dumps(d)).lower()
                                   for k in secrets), "a key appears in an output")
    if not [f for f in fails if f.startswith("v1-keys")]:
        print("ok   v1-keys        capture --keys decrypts our own IKEv1 exchange")


def nat_case(bin_path, work, fails):
    """The initiator behind a masquerading router: NAT-D shows it, the
    exchange moves to UDP 4500 and the tunnel comes up."""
    net = Net(nat=True)
    resp = None
    try:
        resp = Responder(net.b, os.path.join(work, "b3"), work + "/certs")
        one_case(bin_path, net, resp, work, fails,
                 ("nat", {}, [], "established", [], "none",
                  lambda t: t["nat_local"] and t["floated"] and t["child_up"],
                  r"local host is behind NAT|remote host is behind NAT"))
    finally:
        if resp:
            resp.stop()
        net.close()


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    if os.geteuid() != 0:
        print("test_live: needs root (network namespaces)", file=sys.stderr)
        return 1
    for tool in ("ip", "nft", daemons.CHARON, "swanctl"):
        if not shutil.which(tool) and not os.path.exists(tool):
            print("test_live: %s is missing (scripts/install-deps.sh --test)" % tool,
                  file=sys.stderr)
            return 1
    fails = run(os.path.abspath(sys.argv[1]), set(sys.argv[2:]))
    if fails:
        print("test_live: %d failures" % len(fails), file=sys.stderr)
        return 1
    print("test_live: every case passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
