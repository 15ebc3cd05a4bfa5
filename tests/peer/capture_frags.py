"""Captures of IKE fragmentation and of IKE over the MTU, made here: two
strongSwan charon daemons in network namespaces this test creates
(h15f-<pid>-a / -b, one veth link, nothing else), dumpcap on the veth in
namespace a, nftables in namespace a's output dropping what a case loses
(so the capture, taken after that hook, never sees it):

  frag-ok     fragmentation = force and charon.fragment_size = 200: IKEv1
              fragments (payload 132, strongSwan's fragment_payload.c) and
              IKEv2 SKF (RFC 7383), all delivered;
  frag-lost   the same, the initiator's IKE fragment number 2 dropped;
  ip-lost     no IKE fragmentation, MTU 400 on the veth: the IKE messages
              go in IP fragments, the initiator's non-first IP fragments
              dropped (a path that drops fragments).

`ipsec-doctor capture --format json` must name what each capture shows:
complete fragment sets (IKEv1: the message put together and stepped as
usual), the lost fragment by number with the frames of those seen, the
IKE datagrams lost for an IP fragment; frag-ok with the initiator's keys
(charon ike = 4) must decrypt the fragmented exchanges.

Usage: capture_frags.py BIN [FOLDER]   (exit 0 = pass; needs root, ip,
nft, swanctl, charon, dumpcap). With FOLDER, the captures are kept there.
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

# keys in the log (keymat), and IKE fragments small enough that PSK
# messages are cut (fragment_size is the whole IP datagram, strongSwan's
# charon.fragment_size)
daemons.STRONGSWAN_CONF = daemons.STRONGSWAN_CONF.replace(
    "      ike = 1\n", "      ike = 4\n").replace(
    "  retransmit_tries = 3\n", "  retransmit_tries = 3\n  fragment_size = 200\n")

import logpair  # noqa: E402
from logpair import A, B  # noqa: E402
from peer_logs import conn  # noqa: E402
from capture_pairs import capture  # noqa: E402

# nft rules in namespace a's output, by case. The IKE fragment number is
# at a fixed offset from the UDP header: 8 (UDP) [+ 4 non-ESP marker on
# 4500] + 16 (IKE header's next payload) / + 28 + 4 (payload header) + 2
# (IKEv1 fragment ID) for IKEv1's 1-byte number, + 28 + 4 for IKEv2's
# 2-byte SKF number.
DROP = {
    "frag-lost": [
        "udp dport 500 @th,192,8 132 @th,336,8 2 drop",
        "udp dport 4500 @th,224,8 132 @th,368,8 2 drop",
        "udp dport 500 @th,192,8 53 @th,320,16 2 drop",
        "udp dport 4500 @th,224,8 53 @th,352,16 2 drop",
    ],
}
CASES = ("frag-ok", "frag-lost", "ip-lost")


def setup_case(ns, name):
    """The case's MTU and nft rules in namespace a (and the MTU in b)."""
    mtu = "400" if name == "ip-lost" else "1500"
    daemons.sh(["ip", "-n", ns[0], "link", "set", "pla", "mtu", mtu])
    daemons.sh(["ip", "-n", ns[1], "link", "set", "plb", "mtu", mtu])
    daemons.sh(["ip", "netns", "exec", ns[0], "nft", "flush", "ruleset"])
    # IP fragments are made after the output hook: the veth's egress hook
    # (before the capture's tap) drops the non-first ones
    if name == "ip-lost":
        text = ('table netdev h15f {\n chain e {\n  type filter hook egress device "pla" '
                'priority 0;\n  ip frag-off & 0x1fff != 0 drop\n }\n}\n')
        daemons.sh(["ip", "netns", "exec", ns[0], "nft", "-f", "-"], input=text)
    rules = DROP.get(name)
    if rules:
        text = "table inet h15f {\n chain out {\n  type filter hook output priority 0;\n%s\n }\n}\n" % (
            "\n".join("  " + r for r in rules))
        daemons.sh(["ip", "netns", "exec", ns[0], "nft", "-f", "-"], input=text)


def config(version, me, peer, name):
    ts = {} if me == A else {"lts": "10.2.0.0/24", "rts": "10.1.0.0/24"}
    text = conn(version, me, peer, psk="shared-secret-1", **ts)
    frag = "no" if name == "ip-lost" else "force"
    return text.replace("    version = %d\n" % version,
                        "    version = %d\n    fragmentation = %s\n" % (version, frag))


def record(a, b, version, name, folder, ns):
    setup_case(ns, name)
    a.load(config(version, A, B, name))
    b.load(config(version, B, A, name))
    off = a.log_size()
    path = os.path.join(folder, "v%d-%s.pcap" % (version, name))
    cap = capture(ns[0], "pla", path)
    try:
        a.swanctl("--initiate", "--child", "t", "--timeout", "12", timeout=30)
        time.sleep(0.5)
    finally:
        cap.send_signal(signal.SIGINT)
        cap.wait(timeout=10)
    for d in (a, b):
        d.swanctl("--terminate", "--ike", "t", "--force", "--timeout", "2", timeout=10)
    with open(path[:-5] + "-a.log", "w") as f:
        f.write(a.log_since(off))
    return path


def run(bin_path, path, keys=None):
    args = [bin_path, "capture", "--format", "json"]
    if keys:
        args += ["--keys", keys]
    p = subprocess.run(args + [path], capture_output=True, text=True)
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.strip())
    return json.loads(p.stdout), None


def check(bin_path, path, version, name):
    doc, err = run(bin_path, path)
    if err:
        return [err]
    ex = doc["capture"]["exchanges"]
    t = doc["tunnels"]
    if not ex and name == "ip-lost":
        # the first message itself was lost (IKEv2's IKE_SA_INIT carries
        # the KE): no IKE SA, the datagrams are in the capture's own list
        lost = [x for x in doc["capture"]["fragments_lost"]
                if x["kind"] == "IKE" and x["src"] == A and x.get("lost_fragment") == 2]
        return [] if lost else ["no IKE datagram lost for a fragment: %s"
                                % doc["capture"]["fragments_lost"]]
    if not ex:
        return ["no IKE exchange"]
    e, bad = ex[0], []
    # precision: a fragment lost on the path is no proof that IKE is off or
    # filtered, and a healthy fragmented exchange is no error at all
    errors = [f["id"] for f in doc["findings"] if f.get("severity") == "error"]
    if name == "frag-ok" and errors:
        bad.append("errors on a healthy exchange: %s" % errors)
    if "isakmp-not-enabled" in errors:
        bad.append("isakmp-not-enabled where a fragment was lost")
    sets = e.get("ike_fragments", [])
    kind = "ikev1-fragmentation" if version == 1 else "ikev2-skf"
    if name == "frag-ok":
        if not sets or not all(s["complete"] and s["kind"] == kind for s in sets):
            bad.append("fragment sets %s" % json.dumps(sets)[:300])
        steps = [s["step"] for s in t[0]["steps"]]
        if version == 1:
            if "MM5" not in steps or "MM6" not in steps:
                bad.append("MM5/MM6 not put together: %s" % steps)
            if not any(s.get("whole_frame") for s in sets):
                bad.append("no whole message in the fragment sets")
        if t[0]["status"] not in ("established", "undetermined"):
            bad.append("status %s" % t[0]["status"])
        if e["mtu"]["lost_for_an_ip_fragment"]:
            bad.append("IP fragments lost where none were dropped")
        # with the initiator's keys everything decrypts
        kd, err = run(bin_path, path, path[:-5] + "-a.log")
        if err:
            bad.append("--keys: " + err)
        else:
            det = " ".join(s["detail"] for s in kd["tunnels"][0]["steps"])
            if "no key" in det or "wrong key" in det or "not decrypted" in det:
                bad.append("--keys: %s" % det[:300])
            if kd["tunnels"][0]["status"] != "established":
                bad.append("--keys: status %s" % kd["tunnels"][0]["status"])
    elif name == "frag-lost":
        lost = [s for s in sets if s["sender"] == "initiator" and 2 in s["missing"]]
        if not lost:
            bad.append("fragment 2 of the initiator not named missing: %s" % json.dumps(sets)[:300])
        elif not all(x["frame"] for x in lost[0]["seen"]) or lost[0]["complete"]:
            bad.append("fragments seen without frames: %s" % json.dumps(lost[0]))
        if t[0]["status"] == "established":
            bad.append("established with a fragment lost")
        if not any("never seen" in s["detail"] for s in t[0]["steps"]):
            bad.append("the ladder does not say which fragment never came")
    else:
        mt = e["mtu"]
        if not mt["lost_for_an_ip_fragment"] or mt.get("first_lost_sender") != "initiator":
            bad.append("IKE lost for an IP fragment not in the facts: %s" % mt)
        if sets:
            bad.append("IKE fragments where fragmentation was off")
        if t[0]["status"] == "established":
            bad.append("established with its fragments dropped")
    return bad


def main():
    bin_path = os.path.abspath(sys.argv[1])
    keep = sys.argv[2] if len(sys.argv) > 2 else None
    for tool in ("ip", "nft", "swanctl", "dumpcap", daemons.CHARON):
        if not shutil.which(tool) and not os.path.exists(tool):
            print("capture-frags: FAIL: %s is missing (scripts/install-deps.sh)" % tool)
            return 1
    work = tempfile.mkdtemp(prefix="h15f-cap-")
    folder = keep or work
    os.makedirs(folder, exist_ok=True)
    tag = "h15f-%d-" % os.getpid()
    ns, ds, paths = None, [], []
    try:
        ns = logpair.setup(tag, daemons.sh)
        daemons.make_certs(os.path.join(work, "certs"))
        ds = [daemons.Daemon(ns[0], os.path.join(work, "a"), "a", os.path.join(work, "certs")),
              daemons.Daemon(ns[1], os.path.join(work, "b"), "b", os.path.join(work, "certs"))]
        for d in ds:
            d.start()
        for version in (1, 2):
            for name in CASES:
                paths.append((version, name, record(ds[0], ds[1], version, name, folder, ns)))
    finally:
        for d in ds:
            d.stop()
        if ns:
            for n in ns:
                daemons.sh(["ip", "netns", "del", n], check=False)
    bad = 0
    for version, name, path in paths:
        problems = check(bin_path, path, version, name)
        print("capture-frags: IKEv%d %-10s %s" % (version, name,
                                                 "ok" if not problems else "FAIL: " + "; ".join(problems)))
        bad += bool(problems)
    if not keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
