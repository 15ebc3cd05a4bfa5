"""`ipsec-doctor probe` against Libreswan's pluto, the second responder
(issue 16): pluto from the private prefix of scripts/install-deps.sh --test
(tests/peer/pluto.py) in the namespaces of probe_live.py (h16-<pid>-a/-b,
nothing leaves them), answering one IKEv1 and one IKEv2 connection. The
transforms probe finds must be those the connections allow.

Usage: probe_pluto.py BIN   (root; exit 0 = pass)
"""

import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pluto  # noqa: E402
import probe_live as pl  # noqa: E402

# Libreswan ipsec.conf(5): "ike=ENCR-HASH;DH", several separated by commas
V1_IKE = "aes256-sha2_256;modp2048,aes128-sha1;modp1536"
V1_WANT = ["AES-CBC/128-SHA-Pre-Shared Key-5", "AES-CBC/256-SHA2-256-Pre-Shared Key-14"]
V2_IKE = "aes_gcm256-sha2_384;dh20,aes128-sha2_256;modp2048"
V2_WANT = {"encr": ["AES_CBC-128", "AES_GCM_16-256"], "prf": ["HMAC_SHA2_256", "HMAC_SHA2_384"],
           "integ": ["HMAC_SHA2_256_128"], "dh": ["ECP_384", "MODP_2048"]}


def conns():
    out = []
    for name, v2, ike in (("v1", "no", V1_IKE), ("v2", "insist", V2_IKE)):
        out += ["conn %s" % name, "\tleft=%s" % pl.B, "\tright=%s" % pl.A, "\tleftid=%s" % pl.B,
                "\trightid=%s" % pl.A, "\tauthby=secret", "\tikev2=%s" % v2, "\tike=%s" % ike,
                "\tesp=aes128-sha2_256", "\tleftsubnet=10.2.0.0/16",
                "\trightsubnet=10.1.0.0/16", "\tauto=add", ""]
    return "\n".join(out)


def main():
    bin_path = os.path.abspath(sys.argv[1])
    why = pluto.missing()
    if why:
        print("probe_pluto: " + why, file=sys.stderr)
        return 1
    pluto.enter_mount_namespace([os.path.abspath(__file__), bin_path])
    fails = pl.Failures()
    work = tempfile.mkdtemp(prefix="h16-pluto-")
    net = pl.Net()
    p = None
    try:
        p = pluto.Pluto(net.b, os.path.join(work, "b"))
        p.start(conns(), '%s %s : PSK "%s"\n' % (pl.B, pl.A, pl.PSK))
        rc, d = pl.probe(bin_path, net, pl.B)
        r = d["probe"]
        fails.check("pluto", r["udp500"]["result"] == "answered", "udp500 %s" % r["udp500"])
        fails.check("pluto", pl.v1_set(d) == V1_WANT, "IKEv1 accepted %s, expected %s" %
                    (pl.v1_set(d), V1_WANT))
        fails.check("pluto", r["ikev1"]["complete"], "IKEv1 %s" % r["ikev1"])
        fails.check("pluto", pl.v2_sets(d) == V2_WANT, "IKEv2 accepted %s, expected %s" %
                    (pl.v2_sets(d), V2_WANT))
        # pluto sends its own VID only with send-vendorid=yes; NAT-T's it
        # returns to an initiator that offered it
        fails.check("pluto", any(v["name"] == "RFC 3947 NAT-T" for v in r["vendor_ids"]) and
                    r["nat_t"]["ikev2"], "vendor IDs %s, NAT-T %s" % (r["vendor_ids"], r["nat_t"]))
        print("probe_pluto: IKEv1 %s in %d round trips; IKEv2 %s in %d; VIDs %s" % (
            pl.v1_set(d), r["ikev1"]["round_trips"], pl.v2_sets(d), r["ikev2"]["round_trips"],
            [v["name"] or v["hex"] for v in r["vendor_ids"]]))
    finally:
        if p:
            p.stop()
        net.close()
        shutil.rmtree(work, ignore_errors=True)
    if fails:
        return 1
    print("probe_pluto: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
