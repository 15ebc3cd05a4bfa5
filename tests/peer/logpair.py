"""What the daemon-log tests (peer_logs.py for charon, pluto_logs.py for
pluto) share: the two network namespaces they negotiate in, and the call of
`ipsec-doctor explain` on one daemon's log."""

import json
import os
import subprocess

A, B = "198.51.100.1", "198.51.100.2"


def setup(tag, sh):
    """Namespaces TAG+a and TAG+b joined by one veth pair (pla/plb) and
    nothing else, so nothing leaves them; each end gets a protected host on
    its loopback (10.1.0.1 / 10.2.0.1). SH runs a command (the caller's, so
    that its failures are reported its way)."""
    ns = (tag + "a", tag + "b")
    sh(["ip", "netns", "add", ns[0]])
    sh(["ip", "netns", "add", ns[1]])
    sh(["ip", "link", "add", "name", "pla", "netns", ns[0], "type", "veth", "peer",
        "name", "plb", "netns", ns[1]])
    for n, dev, addr, peer, host in ((ns[0], "pla", A, B, "10.1.0.1"),
                                     (ns[1], "plb", B, A, "10.2.0.1")):
        sh(["ip", "-n", n, "link", "set", "lo", "up"])
        sh(["ip", "-n", n, "addr", "add", addr + "/24", "dev", dev])
        sh(["ip", "-n", n, "addr", "add", host + "/32", "dev", "lo"])
        sh(["ip", "-n", n, "link", "set", dev, "up"])
        sh(["ip", "-n", n, "route", "add", "default", "via", peer, "dev", dev])
    return ns


def explain(bin_path, text, folder, name):
    """TEXT written to FOLDER/NAME and explained: (IDs in rank order, unknown
    lines, lines read). An exit above 1 is a failure of the tool, raised."""
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(text)
    p = subprocess.run([bin_path, "explain", "--format", "json", path], capture_output=True,
                       text=True)
    if p.returncode > 1:
        raise RuntimeError("explain %s: exit %d: %s" % (name, p.returncode, p.stderr))
    d = json.loads(p.stdout)
    return [x["id"] for x in d["findings"]], d["unknown"], d["lines"]
