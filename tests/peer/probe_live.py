"""`ipsec-doctor probe` against real responders that this test starts.

Two network namespaces, h16-<pid>-a (the prober) and h16-<pid>-b (the
responder), joined by one veth link with IPv4 (198.51.100.0/24) and IPv6
(2001:db8:16::/64) addresses and nothing else, so nothing leaves them.
The responder is strongSwan's charon (tests/diff/daemons.py: its own
strongswan.conf, vici socket and /run); every case loads its swanctl.conf,
runs probe in namespace a and checks the JSON against what the responder
was configured to accept. ike-scan (Debian), where installed, is run on
the same responder one transform per packet over the same candidates:
the same transforms must come back, and the round trips of each are
printed. Only processes this test started are stopped, only namespaces it
created are deleted.

Usage: probe_live.py BIN [CASE...]   (exit 0 = pass; needs root, ip, nft,
charon, swanctl)
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "diff"))
import daemons  # noqa: E402

A, B = "198.51.100.1", "198.51.100.2"
A6, B6 = "2001:db8:16::1", "2001:db8:16::2"
PSK = "probe-test-secret-16"
# Quick retransmissions where the responder is meant to be silent: a
# silent case costs 0.3 + 0.6 s per request.
FAST = ["--rate", "100", "--wait", "0.3", "--tries", "2"]
# Where it is meant to answer, a real initiator's patience: charon shares
# two cores with the sanitizer suite in CI, and once missed 0.9 s for every
# IKEv1 MM1 over IPv6 (CI of stop 20), so a slow answer must not read as
# silence. Costs nothing when the answers come at once.
PATIENT = ["--rate", "100", "--wait", "1", "--tries", "3"]


def sh(args, check=True):
    return subprocess.run(args, check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


class Net:
    def __init__(self):
        tag = "h16-%d-" % os.getpid()
        self.a, self.b = tag + "a", tag + "b"
        sh(["ip", "netns", "add", self.a])
        sh(["ip", "netns", "add", self.b])
        sh(["ip", "link", "add", "name", "p16a", "netns", self.a, "type", "veth", "peer",
            "name", "p16b", "netns", self.b])
        for ns, dev, v4, v6 in ((self.a, "p16a", A, A6), (self.b, "p16b", B, B6)):
            sh(["ip", "-n", ns, "link", "set", "lo", "up"])
            sh(["ip", "-n", ns, "addr", "add", v4 + "/24", "dev", dev])
            sh(["ip", "-n", ns, "addr", "add", v6 + "/64", "dev", dev, "nodad"])
            sh(["ip", "-n", ns, "link", "set", dev, "up"])

    def close(self):
        for ns in (self.a, self.b):
            sh(["ip", "netns", "del", ns], check=False)


def swanctl_conf(v1, v2, aggressive=False):
    """A PSK responder: IKEv1 proposals v1, IKEv2 proposals v2 (strongSwan
    syntax), optionally answering Aggressive Mode."""
    out = ["connections {"]
    for name, ver, props in (("v1", 1, v1), ("v2", 2, v2)):
        if not props:
            continue
        out += ["  %s {" % name, "    version = %d" % ver,
                "    local_addrs = %s, %s" % (B, B6), "    remote_addrs = %s, %s" % (A, A6),
                "    proposals = %s" % props]
        if aggressive and ver == 1:
            out.append("    aggressive = yes")
        out += ["    local { auth = psk\n      id = %s }" % B, "    remote { auth = psk }",
                "    children { c { local_ts = 10.2.0.0/16\n      remote_ts = 10.1.0.0/16 } }",
                "  }"]
    out += ["}", "secrets {", "  ike-1 { secret = \"%s\" }" % PSK, "}"]
    return "\n".join(out) + "\n"


class Responder:
    def __init__(self, ns, folder, certs, cookie=False, aggressive=False):
        self.d = daemons.Daemon(ns, folder, "b", certs)
        conf = open(self.d.conf).read()
        # strongSwan 5.9 also asks for a COOKIE once one address holds
        # cookie_threshold_ip (default 3) half-open IKE_SAs, which probe makes
        ip = 1 if cookie else 1000000
        conf = conf.replace("cookie_threshold = 1000000",
                            "cookie_threshold = %d\n  cookie_threshold_ip = %d" % (ip, ip))
        if aggressive:
            conf = conf.replace("charon {",
                                "charon {\n  i_dont_care_about_security_and_use_aggressive_"
                                "mode_psk = yes", 1)
        with open(self.d.conf, "w") as f:
            f.write(conf)
        self.d.start()

    def load(self, text):
        self.d.load(text)

    def stop(self):
        self.d.stop()

    def show_log(self, case, lines=40):
        """The responder's side of a failed case, for the CI log."""
        try:
            with open(self.d.log) as f:
                tail = f.read().splitlines()[-lines:]
        except OSError as e:
            tail = ["(no charon log: %s)" % e]
        print("charon log, last %d lines, after case %s:" % (len(tail), case), file=sys.stderr)
        for line in tail:
            print("  " + line, file=sys.stderr)


def probe(bin_path, net, host, *args, timing=FAST):
    p = subprocess.run(["ip", "netns", "exec", net.a, bin_path, "probe", "--format", "json",
                        *timing, *args, host], capture_output=True, text=True, timeout=300)
    if p.returncode > 1:
        raise RuntimeError("probe exit %d: %s" % (p.returncode, p.stderr.strip()))
    if re.search(r"Sanitizer|runtime error", p.stderr):
        raise RuntimeError("probe: sanitizer report: " + p.stderr[:2000])
    return p.returncode, json.loads(p.stdout)


def v1_set(doc):
    return sorted("%s%s-%s-%s-%d" % (x["encr"], "/%d" % x["key_length"] if "key_length" in x
                                     else "", x["hash"], x["auth"], x["group"])
                  for x in doc["probe"]["ikev1"]["accepted"])


def ids(doc):
    return sorted(f["id"] for f in doc["findings"])


# What the responder of the main cases accepts, and what probe must find.
V1_PROPS = "aes256-sha256-modp2048, aes128-sha1-modp1024, 3des-md5-modp1024"
V1_WANT = ["3DES-CBC-MD5-Pre-Shared Key-2", "AES-CBC/128-SHA-Pre-Shared Key-2",
           "AES-CBC/256-SHA2-256-Pre-Shared Key-14"]
V2_PROPS = "aes256gcm16-prfsha384-ecp384, aes128-sha256-modp2048"
V2_WANT = {"encr": ["AES_CBC-128", "AES_GCM_16-256"], "prf": ["HMAC_SHA2_256", "HMAC_SHA2_384"],
           "integ": ["HMAC_SHA2_256_128"], "dh": ["ECP_384", "MODP_2048"]}

# probe's IKEv1 candidates (src/probe/offer.c), as ike-scan --trans spells
# them: cipher[/bits], hash, auth, group.
V1_CIPHERS = ["7/256", "7/192", "7/128", "5", "1"]
V1_HASHES = ["6", "5", "4", "2", "1"]
V1_GROUPS = ["21", "20", "19", "16", "15", "14", "5", "2", "1"]
V1_NAMES = {"7": "AES-CBC", "5": "3DES-CBC", "1": "DES-CBC"}
HASH_NAMES = {"6": "SHA2-512", "5": "SHA2-384", "4": "SHA2-256", "2": "SHA", "1": "MD5"}


class Failures(list):
    def check(self, case, cond, what):
        if not cond:
            self.append("%s: %s" % (case, what))
            print("FAIL %s: %s" % (case, what), file=sys.stderr)


def v2_sets(doc):
    return {k: sorted(v) for k, v in doc["probe"]["ikev2"]["accepted"].items()}


def case_ok(bin_path, net, resp, fails, host, name):
    rc, d = probe(bin_path, net, host, timing=PATIENT)
    p = d["probe"]
    before = len(fails)
    fails.check(name, rc == 0, "exit %d, expected 0" % rc)
    fails.check(name, p["udp500"]["result"] == "answered", "udp500 %s" % p["udp500"])
    fails.check(name, p["udp4500"]["result"] == "answered", "udp4500 %s" % p["udp4500"])
    fails.check(name, v1_set(d) == V1_WANT, "IKEv1 accepted %s, expected %s" % (v1_set(d), V1_WANT))
    fails.check(name, p["ikev1"]["complete"] and p["ikev1"]["refusal"] == "NO-PROPOSAL-CHOSEN",
                "IKEv1 enumeration not complete: %s" % p["ikev1"])
    # k + packets per offer round trips at most (each refused packet once, each
    # accepted transform once)
    bound = len(V1_WANT) + p["ikev1"]["packets_per_offer"]
    fails.check(name, p["ikev1"]["round_trips"] <= bound,
                "IKEv1 %d round trips, more than k + packets = %d" % (p["ikev1"]["round_trips"],
                                                                       bound))
    fails.check(name, v2_sets(d) == V2_WANT, "IKEv2 accepted %s, expected %s" % (v2_sets(d), V2_WANT))
    fails.check(name, p["ikev2"]["complete"], "IKEv2 enumeration not complete: %s" % p["ikev2"])
    # the KE sent first is ECP-256, which neither proposal has: the
    # responder must have named a group it wants
    fails.check(name, any(h in (20, 14) for h in p["ikev2"]["invalid_ke_hints"]),
                "no INVALID_KE_PAYLOAD hint for group 20 or 14: %s" % p["ikev2"]["invalid_ke_hints"])
    vids = [v["name"] for v in p["vendor_ids"]]
    for want in ("RFC 3947 NAT-T", "Dead Peer Detection", "IKE fragmentation (Cisco, Microsoft)"):
        fails.check(name, want in vids, "vendor ID %s not named: %s" % (want, vids))
    fails.check(name, p["nat_t"] == {"ikev1": True, "ikev2": True}, "NAT-T %s" % p["nat_t"])
    fails.check(name, p["fragmentation"] == {"ikev1": True, "ikev2": True},
                "fragmentation %s" % p["fragmentation"])
    fails.check(name, ids(d) == [], "findings %s on a healthy responder" % ids(d))
    if len(fails) > before:
        resp.show_log(name)
    return d


def run(bin_path, only):
    fails = Failures()
    work = tempfile.mkdtemp(prefix="h16-probe-")
    net = Net()
    resp = None
    try:
        daemons.make_certs(work + "/certs")

        def start(sub, **kw):
            r = Responder(net.b, os.path.join(work, sub), work + "/certs", **kw)
            return r

        def want(c):
            return not only or c in only

        # 1. a healthy responder, IPv4 and IPv6; Aggressive Mode refused
        resp = start("b1")
        resp.load(swanctl_conf(V1_PROPS, V2_PROPS))
        if want("ok"):
            d = case_ok(bin_path, net, resp, fails, B, "ok")
            am = d["probe"]["aggressive_mode"]
            fails.check("ok", not am["answered"], "Aggressive Mode answered: %s" % am)
            r = subprocess.run(["ip", "netns", "exec", net.a, bin_path, "probe", *FAST, "-v", B],
                               capture_output=True, text=True, timeout=300)
            print(r.stdout)
        if want("ipv6"):
            case_ok(bin_path, net, resp, fails, B6, "ipv6")
        if want("ike-scan") and shutil.which("ike-scan"):
            ike_scan_differential(bin_path, net, fails)
        # 2. the proposals refused: a group outside the offer in each version
        if want("refused"):
            resp.load(swanctl_conf("aes256-sha256-modp8192", "aes256-sha256-ecp224"))
            rc, d = probe(bin_path, net, B)
            p = d["probe"]
            fails.check("refused", p["ikev1"]["accepted"] == [] and p["ikev1"]["complete"],
                        "IKEv1 %s" % p["ikev1"])
            fails.check("refused", p["ikev2"]["refusal"] == "NO_PROPOSAL_CHOSEN",
                        "IKEv2 %s" % p["ikev2"])
            fails.check("refused", ids(d) == ["isakmp-policy-mismatch"], "findings %s" % ids(d))
            fails.check("refused", rc == 0, "exit %d: a candidate is a warning, not an error" % rc)
        # 3. UDP 500 dropped by nftables on the responder: silence
        if want("dropped"):
            resp.load(swanctl_conf(V1_PROPS, V2_PROPS))
            sh(["ip", "netns", "exec", net.b, "nft", "add table inet h16drop"])
            sh(["ip", "netns", "exec", net.b, "nft",
                "add chain inet h16drop in { type filter hook input priority 0 ; }"])
            sh(["ip", "netns", "exec", net.b, "nft", "add rule inet h16drop in udp dport 500 drop"])
            rc, d = probe(bin_path, net, B)
            p = d["probe"]
            fails.check("dropped", p["udp500"]["result"] == "no-answer", "udp500 %s" % p["udp500"])
            fails.check("dropped", ids(d) == ["ike-esp-blocked"], "findings %s" % ids(d))
            fails.check("dropped", rc == 1, "exit %d, expected 1" % rc)
            sh(["ip", "netns", "exec", net.b, "nft", "delete table inet h16drop"])
        # 4. the COOKIE and half-open limit: every IKE_SA_INIT after the first
        # half-open one is asked for a cookie; the enumeration must still end
        if want("cookie"):
            resp.stop()
            resp = start("b2", cookie=True)
            resp.load(swanctl_conf(V1_PROPS, V2_PROPS))
            rc, d = probe(bin_path, net, B, "--no-ikev1")
            p = d["probe"]
            fails.check("cookie", p["ikev2"]["cookies"] > 0, "no COOKIE asked: %s" % p["ikev2"])
            fails.check("cookie", v2_sets(d) == V2_WANT, "IKEv2 accepted %s" % v2_sets(d))
        # 5. Aggressive Mode with PSK: the identity, the warning, the hash only
        # when asked, and a hash psk-crack (ike-scan's) really cracks
        if want("aggressive"):
            resp.stop()
            resp = start("b3", aggressive=True)
            # SHA-1: psk-crack knows only MD5 and SHA-1 HASH_Rs
            resp.load(swanctl_conf("aes128-sha1-modp2048", V2_PROPS, aggressive=True))
            rc, d = probe(bin_path, net, B, "--no-ikev2", "--no-4500")
            am = d["probe"]["aggressive_mode"]
            fails.check("aggressive", am["answered"] and am["identity"] ==
                        {"type": "ID_IPV4_ADDR", "value": B}, "AM %s" % am)
            fails.check("aggressive", am.get("psk_hash_exposed") is True, "no PSK warning: %s" % am)
            fails.check("aggressive", "psk_crack" not in am, "the hash printed without --show-hash")
            rc, d = probe(bin_path, net, B, "--no-ikev2", "--no-4500", "--show-hash")
            line = d["probe"]["aggressive_mode"].get("psk_crack", "")
            fails.check("aggressive", line.count(":") == 8, "psk-crack line %r" % line[:80])
            if shutil.which("psk-crack") and line:
                with open(work + "/params", "w") as f:
                    f.write(line + "\n")
                with open(work + "/dict", "w") as f:
                    f.write("wrong\n%s\nother\n" % PSK)
                r = sh(["psk-crack", "-d", work + "/dict", work + "/params"], check=False)
                fails.check("aggressive", 'key "%s" matches' % PSK in r.stdout,
                            "psk-crack did not crack the hash: %s" % r.stdout[-300:])
        # 6. hostile responders: never a crash, every limit holds
        if want("hostile"):
            resp.stop()
            resp = None
            hostile_cases(bin_path, net, fails)
        # 7. nothing listening: ICMP port unreachable
        if want("no-listener"):
            if resp:
                resp.stop()
            resp = None
            rc, d = probe(bin_path, net, B)
            p = d["probe"]
            fails.check("no-listener", p["udp500"].get("icmp") == "port unreachable",
                        "udp500 %s" % p["udp500"])
            fails.check("no-listener", ids(d) == ["isakmp-not-enabled"], "findings %s" % ids(d))
            fails.check("no-listener", rc == 1, "exit %d, expected 1" % rc)
            rc, d = probe(bin_path, net, B6, "--no-ikev1")
            fails.check("no-listener-v6", d["probe"]["udp500"].get("icmp") == "port unreachable",
                        "udp500 %s" % d["probe"]["udp500"])
    finally:
        if resp:
            resp.stop()
        net.close()
        shutil.rmtree(work, ignore_errors=True)
    return fails


def hostile_cases(bin_path, net, fails):
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile_ike.py")
    for mode in ("junk", "accept-all", "flood", "malformed"):
        srv = subprocess.Popen(["ip", "netns", "exec", net.b, sys.executable, script, mode, B],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            time.sleep(0.5)
            name = "hostile-" + mode
            rc, d = probe(bin_path, net, B, "--max-packets", "60", "--max-time", "30")
            p = d["probe"]
            fails.check(name, rc in (0, 1), "exit %d" % rc)
            if mode == "junk":
                fails.check(name, p["ikev1"]["refusal"] == "NO-PROPOSAL-CHOSEN" and
                            p["ikev1"]["complete"], "IKEv1 %s" % p["ikev1"])
                fails.check(name, p["ikev2"]["refusal"] == "NO_PROPOSAL_CHOSEN",
                            "IKEv2 %s" % p["ikev2"])
                fails.check(name, p["ignored_datagrams"] >= 6, "ignored %d" % p["ignored_datagrams"])
            if mode == "accept-all":
                fails.check(name, p["stopped_by_limit"] and p["packets_sent"] <= 60,
                            "sent %d, stopped %s" % (p["packets_sent"], p["stopped_by_limit"]))
            if mode == "flood":
                fails.check(name, p["ikev1"]["complete"], "IKEv1 %s" % p["ikev1"])
            if mode == "malformed":
                fails.check(name, p["udp500"]["result"] == "no-answer" and
                            ids(d) == ["ike-esp-blocked"], "udp500 %s, %s" % (p["udp500"], ids(d)))
        finally:
            srv.terminate()
            srv.wait(5)
            if srv.returncode not in (0, -15):
                fails.check("hostile-" + mode, False, "the server died: %s" % srv.stderr.read())


def ike_scan_differential(bin_path, net, fails):
    """ike-scan, one transform per packet over probe's candidates (ike-scan's
    users' shell loop), against the same responder: the same transforms must
    be accepted; the round trips of each are printed."""
    accepted, trips = [], 0
    t0 = time.time()
    for g in V1_GROUPS:
        for c in V1_CIPHERS:
            for h in V1_HASHES:
                trans = "%s,%s,1,%s" % (c, h, g)
                r = sh(["ip", "netns", "exec", net.a, "ike-scan", "--trans=" + trans,
                        "--lifetime=28800", "--retry=2", "--timeout=300", B], check=False)
                trips += 1
                if "Main Mode Handshake returned" in r.stdout:
                    e, _, bits = c.partition("/")
                    accepted.append("%s%s-%s-Pre-Shared Key-%s" % (
                        V1_NAMES[e], "/" + bits if bits else "", HASH_NAMES[h], g))
    t_scan = time.time() - t0
    t0 = time.time()
    rc, d = probe(bin_path, net, B, "--no-ikev2", "--no-aggressive", "--no-4500")
    t_probe = time.time() - t0
    fails.check("ike-scan", sorted(accepted) == v1_set(d),
                "ike-scan accepted %s, probe %s" % (sorted(accepted), v1_set(d)))
    fails.check("ike-scan", d["probe"]["ikev1"]["offered"] == trips,
                "probe offered %d, ike-scan looped over %d" % (d["probe"]["ikev1"]["offered"],
                                                               trips))
    print("ike-scan vs probe, IKEv1 Main Mode, %d candidates, %d accepted: ike-scan %d round "
          "trips %.1f s; probe %d round trips %.1f s" % (
              trips, len(accepted), trips, t_scan, d["probe"]["ikev1"]["round_trips"], t_probe))
    # Aggressive Mode and IKEv2 as ike-scan asks them: the same yes/no
    r = sh(["ip", "netns", "exec", net.a, "ike-scan", "-A", "--id=probe", "--retry=2",
            "--timeout=300", B], check=False)
    fails.check("ike-scan", ("Aggressive Mode Handshake returned" in r.stdout) ==
                d["probe"].get("aggressive_mode", {}).get("answered", False), "AM: %s" % r.stdout)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    if os.geteuid() != 0:
        print("probe_live: needs root (network namespaces)", file=sys.stderr)
        return 1
    for tool in ("ip", "nft", daemons.CHARON, "swanctl"):
        if not shutil.which(tool) and not os.path.exists(tool):
            print("probe_live: %s is missing (scripts/install-deps.sh --test)" % tool,
                  file=sys.stderr)
            return 1
    fails = run(os.path.abspath(sys.argv[1]), set(sys.argv[2:]))
    if fails:
        print("probe_live: %d failures" % len(fails), file=sys.stderr)
        return 1
    print("probe_live: every case passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
