"""The IKEv1 initiator of `test` against a real strongSwan charon this test
starts (issue 16): Main Mode with a PSK, the NAT-T float, Quick Mode with
proxy IDs and PFS, the deletes.

Namespaces h16b-<pid>-a (the initiator), -b (the responder) and, for the
NAT case, -r (a router masquerading a's inside network with nftables),
joined by veth links with documentation addresses only, so nothing leaves
them. The responder is charon with kernel-libipsec (tests/diff/daemons.py:
its own strongswan.conf, vici socket and /run). Each case loads a
swanctl.conf, runs the engine (tests/tools/initiator_v1, the same engine
`ipsec-doctor test --ikev1` runs) in namespace a and checks the result:
where it stopped (phase, stop, notify), what was decrypted, the float,
and, for the cases that come up, that charon itself lists the IKE and
CHILD SA and that the deletes remove them. Only processes this test
started are stopped, only namespaces it created are deleted.

Usage: test_live_v1.py TOOL [CASE...]   (exit 0 = pass; needs root, ip,
nft, charon, swanctl)
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
A6, B6 = "2001:db8:16b::1", "2001:db8:16b::2"
# the NAT case: a's inside address, the router's two sides
A_IN, R_IN, R_OUT = "192.0.2.1", "192.0.2.254", "198.51.100.254"
PSK = "h16b-test-secret-1"
# charon shares two cores with the sanitizer suite: a real initiator's patience
PATIENT = ["--wait", "1", "--tries", "3"]
FAST = ["--wait", "0.3", "--tries", "2"]

# initiator.h's enums, as the tool prints them
PH = {"none": 0, "reach": 1, "ike": 2, "auth": 3, "child": 4, "rekey": 5, "delete": 6}
ST = {"none": 0, "silent": 1, "icmp": 2, "notify": 3, "peer_auth": 4, "bad_reply": 5,
      "refused_ts": 6, "budget": 7, "local": 8}


def sh(args, check=True):
    return subprocess.run(args, check=check, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True)


class Net:
    """a -- b directly, and a second initiator namespace n behind router r."""

    def __init__(self):
        tag = "h16b-%d-" % os.getpid()
        self.a, self.b, self.r, self.n = tag + "a", tag + "b", tag + "r", tag + "n"
        for ns in (self.a, self.b, self.r, self.n):
            sh(["ip", "netns", "add", ns])
            sh(["ip", "-n", ns, "link", "set", "lo", "up"])
        # a -- b on a bridge in b? Simpler: b has two links, one to a, one to r
        sh(["ip", "link", "add", "name", "v1a", "netns", self.a, "type", "veth", "peer",
            "name", "v1b", "netns", self.b])
        sh(["ip", "link", "add", "name", "v1rb", "netns", self.r, "type", "veth", "peer",
            "name", "v1br", "netns", self.b])
        sh(["ip", "link", "add", "name", "v1n", "netns", self.n, "type", "veth", "peer",
            "name", "v1rn", "netns", self.r])
        for ns, dev, addr in ((self.a, "v1a", A + "/25"), (self.b, "v1b", B + "/25"),
                              (self.b, "v1br", "198.51.100.253/25"),
                              (self.r, "v1rb", R_OUT + "/25"),
                              (self.n, "v1n", A_IN + "/24"), (self.r, "v1rn", R_IN + "/24")):
            sh(["ip", "-n", ns, "addr", "add", addr, "dev", dev])
            sh(["ip", "-n", ns, "link", "set", dev, "up"])
        sh(["ip", "-n", self.a, "addr", "add", A6 + "/64", "dev", "v1a", "nodad"])
        sh(["ip", "-n", self.b, "addr", "add", B6 + "/64", "dev", "v1b", "nodad"])
        sh(["ip", "-n", self.n, "route", "add", "default", "via", R_IN])
        # kernel-libipsec routes the tunnel's traffic and needs a source address
        sh(["ip", "-n", self.b, "route", "add", "default", "via", A])
        sh(["ip", "-n", self.b, "addr", "add", "10.2.1.1/32", "dev", "lo"])
        sh(["ip", "-n", self.a, "route", "add", "default", "via", B])
        sh(["ip", "-n", self.r, "route", "add", B + "/32", "via", "198.51.100.253"])
        sh(["ip", "-n", self.b, "route", "add", R_OUT + "/32", "dev", "v1br"])
        sh(["ip", "netns", "exec", self.r, "sysctl", "-qw", "net.ipv4.ip_forward=1"])
        for cmd in ("add table ip h16bnat",
                    "add chain ip h16bnat post { type nat hook postrouting priority 100 ; }",
                    "add rule ip h16bnat post oifname v1rb masquerade"):
            sh(["ip", "netns", "exec", self.r, "nft", cmd])

    def close(self):
        for ns in (self.a, self.b, self.r, self.n):
            sh(["ip", "netns", "del", ns], check=False)


def conf(ike="aes128-sha256-modp2048", esp="aes128-sha256", lts="10.2.0.0/16",
         rts="10.1.0.0/16", psk=PSK, xauth=False, remote_id=None):
    return "\n".join([
        "connections {", "  v1 {", "    version = 1",
        "    local_addrs = %s, %s" % (B, B6), "    remote_addrs = %any",
        "    proposals = %s" % ike, "    dpd_delay = 0", "    reauth_time = 0",
        "    local { auth = psk\n      id = %s }" % B,
        "    remote { auth = psk\n      id = %s }" % remote_id if remote_id else
        "    remote { auth = psk }",
        "    remote-2 { auth = xauth-pam }" if xauth else "",
        "    children { c {", "      local_ts = %s" % lts, "      remote_ts = %s" % rts,
        "      esp_proposals = %s" % esp, "      start_action = none", "    } }",
        "  }", "}",
        "secrets { ike-1 { secret = \"%s\" } }" % psk, ""])


class Failures(list):
    def check(self, case, cond, what):
        if not cond:
            self.append("%s: %s" % (case, what))
            print("FAIL %s: %s" % (case, what), file=sys.stderr)


def run_tool(tool, ns, host, *args, timing=PATIENT):
    env = dict(os.environ, H16B_PSK=PSK)
    p = subprocess.run(["ip", "netns", "exec", ns, tool, host, "--psk-env", "H16B_PSK",
                        *timing, *args], capture_output=True, text=True, timeout=300, env=env)
    if re.search(r"Sanitizer|runtime error", p.stderr):
        raise RuntimeError("initiator: sanitizer report: " + p.stderr[:2000])
    if p.returncode > 1:
        raise RuntimeError("initiator exit %d: %s" % (p.returncode, p.stderr.strip()))
    if PSK in p.stdout or PSK in p.stderr:
        raise RuntimeError("the PSK appears in the output")
    return json.loads(p.stdout)


def steps(d):
    return " ".join(("<" if s["from_responder"] else "") + s["name"] + ("" if s["ok"] else "X")
                    for s in d["steps"])


def sas(resp):
    r = resp.swanctl("--list-sas")
    return r.stdout


# name -> (responder conf kwargs, tool args, expected phase, stop, notify, extra check)
CASES = [
    ("ok", {}, [], "none", "none", 0),
    ("ok-3des-pfs", {"ike": "3des-sha1-modp1024", "esp": "aes256-sha1-modp2048"},
     ["--ike", "3des-sha1-2", "--esp", "aes256-sha1", "--pfs", "14"], "none", "none", 0),
    ("ok-ecp-gcm", {"ike": "aes256-sha384-ecp384", "esp": "aes256gcm16-ecp256"},
     ["--ike", "aes256-sha384-20", "--esp", "aesgcm256", "--pfs", "19"], "none", "none", 0),
    ("p1-refused", {"ike": "aes256-sha384-ecp384"}, [], "ike", "notify", 14),
    ("psk-mismatch", {"psk": "another-secret-2"}, [], "auth", "peer_auth", 0),
    ("proxy-mismatch", {"rts": "10.9.0.0/16"}, [], "child", "notify", 18),
    ("transform-mismatch", {"esp": "aes256-sha512"}, [], "child", "notify", 14),
    ("pfs-required", {"esp": "aes128-sha256-modp2048"}, [], "child", "notify", 14),
    ("pfs-offered", {}, ["--pfs", "14"], None, None, None),
    # both with PFS, other groups: without PFS refused, then group 5 accepted
    ("pfs-groups", {"esp": "aes128-sha256-modp1536"}, ["--pfs", "14"], "child", "notify", 14),
    # the responder agrees to QM1 but cannot install the SA (no address of
    # its own inside local_ts for kernel-libipsec's route) and deletes it
    # right after QM3
    # MM5 refused with an AUTHENTICATION-FAILED that decrypts under our keys:
    # the pre-shared keys are equal (the same SKEYID_e), the identity or the
    # method is what the responder refuses. charon as an XAUTH responder
    # wants the initiator to propose XAuthInitPSK and refuses plain PSK here
    # (an IOS responder instead accepts and then asks XAUTH)
    ("identity", {"remote_id": "spoke.example.net"}, [], "auth", "notify", 24),
    ("xauth-method", {"xauth": True}, [], "auth", "notify", 24),
    ("child-deleted", {"lts": "10.7.0.0/16"}, ["--remote", "10.7.0.0/16"], "child", "bad_reply", 0),
]


def run(tool, only):
    fails = Failures()
    work = tempfile.mkdtemp(prefix="h16b-live-")
    net = Net()
    resp = None
    try:
        daemons.make_certs(work + "/certs")
        d0 = daemons.Daemon(net.b, os.path.join(work, "b"), "b", work + "/certs")
        # xauth-pam: the XAUTH server side (it asks before PAM is needed)
        text = open(d0.conf).read().replace(" vici\n", " vici xauth-pam\n", 1)
        with open(d0.conf, "w") as f:
            f.write(text)
        d0.start()
        resp = d0

        def want(c):
            return not only or c in only

        for name, kw, args, phase, stop, notify in CASES:
            if not want(name):
                continue
            resp.load(conf(**kw))
            d = run_tool(tool, net.a, B, *args)
            before = len(fails)
            print("%-20s %s | %s" % (name, steps(d), d["why"]))
            if name == "pfs-offered":
                # charon's IKEv1 responder without PFS refuses a PFS offer
                # (strongSwan 5.9; an IOS responder would accept it): the
                # engine asks again without PFS to prove PFS alone differs
                ok = (d["phase"] == 0 and d["pfs_chosen"] == 14) or (
                    d["phase"] == PH["child"] and d["stop_notify"] == 14 and
                    "PFS alone differs" in d["why"] and d["pfs_probe"] == 1)
                fails.check(name, ok, "neither up with PFS 14 nor a proven PFS refusal: %s" % d)
                continue
            if name == "pfs-groups":
                fails.check(name, "with PFS group 5" in d["why"], "group 5 not found: %s" % d["why"])
            if name.startswith("pfs-"):
                fails.check(name, "PFS alone differs" in d["why"] and d["pfs_probe"] == 1,
                            "PFS not proven: %s" % d["why"])
            if name == "transform-mismatch":
                fails.check(name, "PFS alone" not in d["why"] and d["pfs_probe"] == -1 and
                            steps(d).count("QM1") == 4, "the PFS probe (3 more QM1): %s" % steps(d))
            fails.check(name, d["phase"] == PH[phase], "phase %d, expected %s" % (d["phase"], phase))
            fails.check(name, d["stop"] == ST[stop], "stop %d, expected %s" % (d["stop"], stop))
            fails.check(name, d["stop_notify"] == notify, "notify %d, expected %d" % (
                d["stop_notify"], notify))
            if phase == "none":
                fails.check(name, d["ike_up"] and d["child_up"] and d["deleted"],
                            "not up/deleted: %s" % d)
                fails.check(name, d["floated"], "no float to 4500 (charon with kernel-libipsec "
                            "forces UDP encapsulation)")
                fails.check(name, d["nkeys"] == 3, "keys kept: %d" % d["nkeys"])
                time.sleep(0.5)
                left = sas(resp)
                fails.check(name, "v1:" not in left or "ESTABLISHED" not in left,
                            "charon still has the SAs after the deletes: %s" % left)
            if phase == "auth" and stop == "notify":
                fails.check(name, d["notify_encrypted"] and "pre-shared keys are equal" in d["why"],
                            "not read as a decrypted refusal with equal keys: %s" % d)
            if name == "child-deleted":
                fails.check(name, not d["child_up"] and "deleting the IPsec SA" in d["why"],
                            "the delete after QM3 was not seen: %s" % d)
            elif phase == "child":
                fails.check(name, d["ike_up"] and d["notify_encrypted"],
                            "the refusal was not read from a decrypted Informational: %s" % d)
            if len(fails) > before:
                print(open(resp.log).read()[-3000:], file=sys.stderr)
        if want("no-delete"):
            resp.load(conf())
            d = run_tool(tool, net.a, B, "--no-delete")
            print("%-20s %s" % ("no-delete", steps(d)))
            time.sleep(0.3)
            if os.environ.get("H16B_DEBUG"):
                print(open(resp.log).read()[-6000:])
            left = sas(resp)
            fails.check("no-delete", "ESTABLISHED" in left and "INSTALLED" in left,
                        "charon does not list the IKE and IPsec SA as up: %s" % left)
            sh(["ip", "netns", "exec", net.b, "true"])
        if want("ipv6"):
            # IKE over IPv6 (the proxy identities stay IPv4 networks)
            resp.load(conf())
            d = run_tool(tool, net.a, B6)
            print("%-20s %s | %s" % ("ipv6", steps(d), d["why"]))
            fails.check("ipv6", d["phase"] == 0 and d["child_up"] and d["deleted"],
                        "not up over IPv6: %s" % d)
        if want("nat"):
            resp.load(conf())
            d = run_tool(tool, net.n, B)
            print("%-20s %s | nat_local %s" % ("nat", steps(d), d["nat_local"]))
            fails.check("nat", d["phase"] == 0 and d["child_up"], "not up behind NAT: %s" % d)
            fails.check("nat", d["nat_local"] and d["floated"],
                        "NAT not seen or no float: %s" % d)
            fails.check("nat", any(s["port"] == 4500 and s["name"] == "MM5" for s in d["steps"]),
                        "MM5 not on 4500")
        for port in (500, 4500):
            name = "dropped" if port == 500 else "dropped-4500"
            if not want(name):
                continue
            resp.load(conf())
            sh(["ip", "netns", "exec", net.b, "nft", "add table inet h16bdrop"])
            sh(["ip", "netns", "exec", net.b, "nft",
                "add chain inet h16bdrop in { type filter hook input priority 0 ; }"])
            sh(["ip", "netns", "exec", net.b, "nft",
                "add rule inet h16bdrop in udp dport %d drop" % port])
            try:
                d = run_tool(tool, net.a, B, timing=FAST)
            finally:
                sh(["ip", "netns", "exec", net.b, "nft", "delete table inet h16bdrop"])
            print("%-20s %s | %s" % (name, steps(d), d["why"]))
            if port == 500:
                fails.check(name, d["phase"] == PH["reach"] and d["stop"] == ST["silent"],
                            "not silence at MM1: %s" % d)
            else:  # Main Mode on 500 works, MM5 after the float is never answered
                fails.check(name, d["phase"] == PH["auth"] and d["stop"] == ST["silent"] and
                            d["floated"] and "UDP 4500" in d["why"],
                            "not silence at MM5 on 4500: %s" % d)
        # charon holds UDP 500 and 4500 of every address: stopped from here on
        resp.stop()
        resp = None
        if want("hostile"):
            hostile_cases(tool, net, fails)
        if want("no-listener"):
            d = run_tool(tool, net.a, B, timing=FAST)
            print("%-20s %s | %s" % ("no-listener", steps(d), d["why"]))
            fails.check("no-listener", d["phase"] == PH["reach"] and d["stop"] == ST["icmp"],
                        "not ICMP at MM1: %s" % d)
    finally:
        if resp:
            resp.stop()
        net.close()
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


def hostile_cases(tool, net, fails):
    """probe's scripted hostile responder (hostile_ike.py) in namespace b, on
    charon's place: the engine never crashes, never comes up, and stays
    within its packet bound."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile_ike.py")
    addr = B
    if True:  # noqa
        for mode in ("junk", "accept-all", "flood", "malformed"):
            if os.environ.get("H16B_HOSTILE") and mode != os.environ["H16B_HOSTILE"]:
                continue
            srv = subprocess.Popen(["ip", "netns", "exec", net.b, sys.executable, script, mode,
                                    addr], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True)
            name = "hostile-" + mode
            try:
                fails.check(name, wait_listening(net.b, addr, 500),
                            "the scripted responder did not start: %s" % srv.poll())
                d = run_tool(tool, net.a, addr, timing=FAST)
                print("%-20s %s | %s" % (name, steps(d), d["why"]))
                fails.check(name, d["phase"] != 0 and not d["ike_up"], "came up: %s" % d)
                fails.check(name, d["sent"] <= 60, "sent %d" % d["sent"])
                if mode == "junk":
                    fails.check(name, d["stop_notify"] == 14 and d["phase"] == PH["ike"],
                                "the real refusal among the junk was not read: %s" % d)
            finally:
                srv.terminate()
                srv.wait(5)
                if srv.returncode not in (0, -15):
                    fails.check(name, False, "the server died: %s" % srv.stderr.read())


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    if os.geteuid() != 0:
        print("test_live_v1: needs root (network namespaces)", file=sys.stderr)
        return 1
    for t in ("ip", "nft", daemons.CHARON, "swanctl"):
        if not shutil.which(t) and not os.path.exists(t):
            print("test_live_v1: %s is missing (scripts/install-deps.sh --test)" % t,
                  file=sys.stderr)
            return 1
    fails = run(os.path.abspath(sys.argv[1]), set(sys.argv[2:]))
    if fails:
        print("test_live_v1: %d failures" % len(fails), file=sys.stderr)
        return 1
    print("test_live_v1: all cases passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
