"""Round trips and wall time to enumerate the acceptable IKEv1 phase-1
transforms of a responder that accepts k of probe's N = 225 candidates
(k = 1, 4, 16), for `ipsec-doctor probe` and for an ike-scan loop over the
same N (one transform per packet, as ike-scan's users script it).

The responder is strongSwan's charon in a network namespace this script
creates (tests/peer/probe_live.py's Net and Responder: h16-<pid>-a/-b,
nothing leaves them). probe runs at --rate 100 (its ceiling) with
--no-ikev2 --no-aggressive --no-4500, so both tools do the same job.

Usage: bench/probe_bench.py BIN   (root; prints a Markdown table)
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "peer"))
import probe_live as pl  # noqa: E402

# 16 proposals inside probe's candidates (AES-CBC 256/192/128, 3DES x
# SHA2-256, SHA-1 x MODP 2048, 1024), strongSwan syntax
PROPS = ["%s-%s-%s" % (e, h, g) for g in ("modp2048", "modp1024") for h in ("sha256", "sha1")
         for e in ("aes256", "aes192", "aes128", "3des")]


def main():
    bin_path = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="h16-bench-")
    net = pl.Net()
    resp = None
    rows = []
    try:
        pl.daemons.make_certs(work + "/certs")
        resp = pl.Responder(net.b, work + "/b", work + "/certs")
        for k in (1, 4, 16):
            resp.load(pl.swanctl_conf(", ".join(PROPS[:k]), None))
            t0 = time.time()
            rc, d = pl.probe(bin_path, net, pl.B, "--no-ikev2", "--no-aggressive", "--no-4500")
            t_probe = time.time() - t0
            v1 = d["probe"]["ikev1"]
            assert len(v1["accepted"]) == k, (k, v1)
            t0 = time.time()
            found = 0
            for g in pl.V1_GROUPS:
                for c in pl.V1_CIPHERS:
                    for h in pl.V1_HASHES:
                        r = pl.sh(["ip", "netns", "exec", net.a, "ike-scan",
                                   "--trans=%s,%s,1,%s" % (c, h, g), "--lifetime=28800",
                                   "--retry=2", "--timeout=300", pl.B], check=False)
                        found += "Main Mode Handshake returned" in r.stdout
            t_scan = time.time() - t0
            assert found == k, (k, found)
            rows.append((k, v1["offered"], v1["round_trips"], t_probe, 225, t_scan))
    finally:
        if resp:
            resp.stop()
        net.close()
        shutil.rmtree(work, ignore_errors=True)
    print("| k of N | probe round trips | probe wall (s) | ike-scan loop round trips | "
          "ike-scan loop wall (s) |")
    print("|---|---|---|---|---|")
    for k, n, rt, tp, st, ts in rows:
        print("| %d of %d | %d | %.2f | %d | %.1f |" % (k, n, rt, tp, st, ts))


if __name__ == "__main__":
    main()
