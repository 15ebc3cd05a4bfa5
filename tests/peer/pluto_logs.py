"""explain on Libreswan pluto logs: two pluto daemons in network namespaces
this test creates (pl-<pid>-a / -b, one veth link, nothing else configured,
so nothing leaves them) negotiate one failure class at a time, IKEv1 and
IKEv2; each daemon's log is then given to `ipsec-doctor explain`, which must
rank the class's diagnosis ID first.

pluto comes from the unpacked Libreswan package (tests/peer/pluto.py says
why and how); the test runs in its own mount namespace for it.

Usage: pluto_logs.py BIN   (exit 0 = pass; needs root, ip, unshare, certutil)
  PEER_KEEP=1 keeps the logs (their folder is printed).
"""

import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pluto  # noqa: E402

import logpair  # noqa: E402
from logpair import A, B, explain  # noqa: E402


def silence(ns, on):
    """B sends nothing back to A (on), or again does."""
    pluto.sh(["ip", "-n", ns, "route", "add" if on else "del", "blackhole", A + "/32"],
             check=on)


def conn(version, me, peer, ike="aes128-sha2_256;modp2048", esp="aes128-sha2_256",
         lts="10.1.0.0/24", rts="10.2.0.0/24", remote_id=None, **_):
    """One end's conn section (libreswan ipsec.conf(5) syntax)."""
    return "\n".join([
        "conn t",
        "\tleft=%s" % me, "\tright=%s" % peer,
        "\tleftid=%s" % me, "\trightid=%s" % (remote_id or peer),
        "\tauthby=secret",
        "\tikev2=%s" % ("yes" if version == 2 else "no"),
        "\tike=%s" % ike, "\tesp=%s" % esp,
        "\tleftsubnet=%s" % lts, "\trightsubnet=%s" % rts,
        "\tretransmit-interval=500", "\tretransmit-timeout=6s",
        "\tauto=add", ""])


def secrets(me, peer, psk, remote_id=None, **_):
    return '%s %s : PSK "%s"\n' % (me, remote_id or peer, psk)


# class -> (A's changes, B's changes or None (B is down), the ID explain
# must rank first, the sides whose log must show it: "a" initiator, "b"
# responder). The classes of the charon test (peer_logs.py), with two kinds
# of silence: "no-response" has no daemon on B and a blackhole route there
# back to A (nothing comes back, not even ICMP, as behind a filter that
# drops; this kernel has no tc drop action), "not-listening" has no daemon
# on B, whose kernel answers ICMP port unreachable: pluto logs that, and it
# says IKE is not enabled there rather than blocked on the way.
CASES = {
    "psk-mismatch": ({}, {"psk": "other-secret-2"}, "psk-mismatch", "ab"),
    "p1-proposal": ({}, {"ike": "aes256-sha2_512;modp3072"}, "isakmp-policy-mismatch", "ab"),
    "p2-proposal": ({}, {"esp": "aes256-sha2_512"}, "transform-set-mismatch", "ab"),
    "p2-selectors": ({}, {"rts": "10.9.0.0/24"}, "crypto-acl-not-mirrored", "ab"),
    "identity": ({}, {"remote_id": "@spoke.example.net"}, "isakmp-identity-mismatch", "b"),
    "no-response": ({}, {"drop": True}, "ike-esp-blocked", "a"),
    "not-listening": ({}, None, "isakmp-not-enabled", "a"),
}

# What ends a negotiation in pluto's log: then both logs are complete.
DONE = ("established", "max number of retransmissions", "deleting", "AUTHENTICATION_FAILED",
        "NO_PROPOSAL_CHOSEN", "TS_UNACCEPTABLE", "INVALID_ID_INFORMATION", "Possible authentication")






def run_case(a, b, version, ca, cb):
    if cb and cb.get("drop"):
        silence(b.ns, True)
        try:
            return run_case(a, b, version, ca, None)
        finally:
            silence(b.ns, False)
    base = {"psk": "shared-secret-1"}
    ka = dict(base, **ca)
    a.start(conn(version, A, B, **ka), secrets(A, B, **ka))
    if cb is None:
        b.stop()  # nothing answers UDP 500
    else:
        kb = dict(dict(base, lts="10.2.0.0/24", rts="10.1.0.0/24"), **cb)
        b.start(conn(version, B, A, **kb), secrets(B, A, **kb))
    # The logs from here: the negotiation, as an engineer pastes it (the
    # start-up's self-tests and algorithm tables before it are not read).
    off = (len(a.text()), len(b.text()) if cb is not None else 0)
    a.whack("--name", "t", "--initiate", "--asynchronous")
    deadline = time.time() + 20
    while time.time() < deadline:
        time.sleep(0.5)
        if any(d in a.text() for d in DONE):
            time.sleep(1.5)  # the other end's last lines
            break
    logs = {"a": a.text()[off[0]:], "b": b.text()[off[1]:] if cb is not None else ""}
    a.stop()
    b.stop()
    return logs


def main():
    bin_path = os.path.abspath(sys.argv[1])
    why = pluto.missing()
    for tool in ("ip", "unshare"):
        if not shutil.which(tool):
            why = why or "%s is missing" % tool
    if why:
        print("pluto-logs: FAIL: " + why)
        return 1
    pluto.enter_mount_namespace([os.path.abspath(__file__), bin_path])
    work = tempfile.mkdtemp(prefix="pl-peer-")
    tag = "pl-%d-" % os.getpid()
    ns = None
    ds = []
    bad = 0
    try:
        ns = logpair.setup(tag, pluto.sh)
        ds = [pluto.Pluto(ns[0], os.path.join(work, "a")), pluto.Pluto(ns[1], os.path.join(work, "b"))]
        a, b = ds
        only = os.environ.get("PEER_ONLY", "")
        for version in (1, 2):
            for name, (ca, cb, want, sides) in CASES.items():
                if only and only not in name:
                    continue
                logs = run_case(a, b, version, ca, cb)
                for side in sides:
                    log = "v%d-%s-%s.log" % (version, name, side)
                    got, unknown, lines = explain(bin_path, logs[side], work, log)
                    ok = bool(got) and got[0] == want
                    print("pluto-logs: IKEv%d %-13s %s-log: %s, %d/%d lines unknown: %s" % (
                        version, name, "initiator" if side == "a" else "responder",
                        "ok" if ok else "WANT " + want, unknown, lines, " ".join(got) or "-"))
                    bad += not ok
    finally:
        for d in ds:
            d.stop()
        if ns:
            for n in ns:
                pluto.sh(["ip", "netns", "del", n], check=False)
        if os.environ.get("PEER_KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
        else:
            print("pluto-logs: logs kept in " + work)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
