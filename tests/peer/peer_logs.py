"""explain on the peer's own logs: two strongSwan charon daemons in network
namespaces this test creates (named i13-<pid>-a / -b, joined by one veth
link, nothing else configured, so nothing leaves them) negotiate one failure
class at a time, IKEv1 and IKEv2; each daemon's log is then given to
`ipsec-doctor explain`, which must name the class's diagnosis ID, first.

The daemons, their strongswan.conf (short retransmissions, kernel-libipsec,
the kdf plugin) and swanctl come from tests/diff/daemons.py.

Usage: peer_logs.py BIN   (exit 0 = pass; needs root, ip, swanctl, charon)
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "diff"))
import daemons  # noqa: E402

import logpair  # noqa: E402
from logpair import A, B, explain  # noqa: E402


def conn(version, me, peer, psk="", ike="aes128-sha256-modp2048", esp="aes128-sha256",
         lts="10.1.0.0/24", rts="10.2.0.0/24", remote_id=None):
    return "\n".join([
        "connections {", "  t {",
        "    version = %d" % version,
        "    local_addrs = %s" % me, "    remote_addrs = %s" % peer,
        "    proposals = %s" % ike,
        "    dpd_delay = 0", "    mobike = no", "    reauth_time = 0",
        "    local { auth = psk\n      id = %s }" % me,
        "    remote { auth = psk\n      id = %s }" % (remote_id or peer),
        "    children { t {",
        "      local_ts = %s" % lts, "      remote_ts = %s" % rts,
        "      esp_proposals = %s" % esp, "      start_action = none",
        "    } }", "  }", "}",
        "secrets { ike-t {", "  id-1 = %s" % (remote_id or peer),
        '  secret = "%s"' % psk, "} }", ""])


# class -> (A's config changes, B's config changes, the ID explain must rank
# first, the sides whose log must show it: "a" initiator, "b" responder)
CASES = {
    "psk-mismatch": ({}, {"psk": "other-secret-2"}, "psk-mismatch", "ab"),
    "p1-proposal": ({}, {"ike": "aes256-sha384-modp3072"}, "isakmp-policy-mismatch", "ab"),
    "p2-proposal": ({}, {"esp": "aes256-sha512"}, "transform-set-mismatch", "ab"),
    "p2-selectors": ({}, {"rts": "10.9.0.0/24"}, "crypto-acl-not-mirrored", "ab"),
    "identity": ({}, {"remote_id": "spoke.example.net"}, "isakmp-identity-mismatch", "b"),
    "no-response": ({}, None, "ike-esp-blocked", "a"),
}






def main():
    bin_path = os.path.abspath(sys.argv[1])
    for tool in ("ip", "swanctl", "openssl", daemons.CHARON):
        if not shutil.which(tool) and not os.path.exists(tool):
            print("peer-logs: FAIL: %s is missing (scripts/install-deps.sh)" % tool)
            return 1
    work = tempfile.mkdtemp(prefix="i13-peer-")
    tag = "i13-%d-" % os.getpid()
    ns = None
    ds = []
    bad = 0
    try:
        ns = logpair.setup(tag, daemons.sh)
        daemons.make_certs(os.path.join(work, "certs"))
        ds = [daemons.Daemon(ns[0], os.path.join(work, "a"), "a", os.path.join(work, "certs")),
              daemons.Daemon(ns[1], os.path.join(work, "b"), "b", os.path.join(work, "certs"))]
        for d in ds:
            d.start()
        a, b = ds
        for version in (1, 2):
            for name, (ca, cb, want, sides) in CASES.items():
                a.load(conn(version, A, B, **dict({"psk": "shared-secret-1"}, **ca)))
                if cb is None:
                    b.load("connections { }\n")
                    b.stop()  # nothing answers UDP 500
                else:
                    b.load(conn(version, B, A, **dict({"psk": "shared-secret-1",
                                                       "lts": "10.2.0.0/24",
                                                       "rts": "10.1.0.0/24"}, **cb)))
                off = (a.log_size(), b.log_size())
                a.swanctl("--initiate", "--child", "t", "--timeout", "15", timeout=30)
                logs = {"a": a.log_since(off[0]), "b": b.log_since(off[1]) if cb else ""}
                for side in sides:
                    got, unknown, lines = explain(bin_path, logs[side], work,
                                                  "v%d-%s-%s.log" % (version, name, side))
                    ok = bool(got) and got[0] == want
                    print("peer-logs: IKEv%d %-13s %s-log: %s, %d/%d lines unknown: %s" % (
                        version, name, "initiator" if side == "a" else "responder",
                        "ok" if ok else "WANT " + want, unknown, lines, " ".join(got) or "-"))
                    bad += not ok
                for d in (a, b):
                    if d.proc and d.proc.poll() is None:
                        d.swanctl("--terminate", "--ike", "t", "--force", "--timeout", "2",
                                  timeout=10)
                if cb is None:
                    if os.path.exists(b.dir + "/vici"):
                        os.remove(b.dir + "/vici")  # start() waits for a fresh socket
                    b.start()
    finally:
        for d in ds:
            d.stop()
        if ns:
            for n in ns:
                daemons.sh(["ip", "netns", "del", n], check=False)
        if os.environ.get("PEER_KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("peer-logs: logs kept in " + work)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
