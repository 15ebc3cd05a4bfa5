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
# Quick retransmissions: a silent case costs 0.3 + 0.6 s per request.
FAST = ["--rate", "100", "--wait", "0.3", "--tries", "2"]


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
        if cookie:  # every IKE_SA_INIT after the first half-open one gets a COOKIE
            conf = conf.replace("cookie_threshold = 1000000", "cookie_threshold = 1")
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


def probe(bin_path, net, host, *args):
    p = subprocess.run(["ip", "netns", "exec", net.a, bin_path, "probe", "--format", "json",
                        *FAST, *args, host], capture_output=True, text=True, timeout=300)
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
