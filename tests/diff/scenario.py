"""Random IKEv1 / IKEv2 site-to-site parameter pairs for the daemon differential.

A scenario is two sides, A (initiator) and B (responder), each with what a
Cisco device and a strongSwan daemon both understand: phase-1 proposals
(encryption, integrity/hash, DH group, lifetime), authentication (pre-shared
key or certificate), transforms, PFS and one crypto-ACL entry (proxies /
traffic selectors). The same values are rendered as Cisco configs
(render_cisco.py) and as swanctl.conf (render_swan.py), so the only thing
that differs between ipsec-doctor's verdict and the daemons' is the
negotiation itself.

B is derived from A by independent mutations, so that roughly half the
scenarios establish and each failure class appears in every run.
"""

import ipaddress
import random

ADDR_A = "198.51.100.1"
ADDR_B = "198.51.100.2"
# Every local subnet of A contains HOST_A and every local subnet of B
# contains HOST_B: kernel-libipsec installs its route for a CHILD_SA with a
# local address inside the local traffic selector as source, so each
# namespace holds its host address on lo (run_daemons.py).
HOST_A = "10.1.1.1"
HOST_B = "10.2.1.1"
NET_A = ["10.1.0.0/16", "10.1.1.0/24"]
NET_B = ["10.2.0.0/16", "10.2.1.0/24"]
NET_OTHER = "10.9.0.0/16"

# Names are the abstract ones; the renderers map them to each syntax.
V1_ENCR = ["3des", "aes128", "aes192", "aes256"]
V1_HASH = ["md5", "sha1"]
V1_GROUPS = [2, 5, 14]
V2_ENCR = ["3des", "aes128", "aes192", "aes256"]
V2_INTEG = ["sha1", "sha256", "sha384", "sha512"]
V2_GROUPS = [2, 5, 14, 19, 20]
LIFETIMES = [3600, 28800, 86400]
ESP_ENCR = ["3des", "aes128", "aes192", "aes256"]
ESP_INTEG_V1 = ["md5", "sha1"]
ESP_INTEG_V2 = ["md5", "sha1", "sha256"]
PFS_GROUPS = [2, 5, 14]

RENDERINGS = [("ios", "ios"), ("asa", "asa"), ("ios", "asa"), ("asa", "ios")]
PROXY_KINDS = ["mirrored", "mirrored", "mirrored", "equal", "b-narrower", "a-narrower", "disjoint"]


def rendering_name(plats):
    return plats[0] if plats[0] == plats[1] else "mixed"


def _p1(rng, version):
    if version == 1:
        return {"encr": rng.choice(V1_ENCR), "integ": rng.choice(V1_HASH),
                "group": rng.choice(V1_GROUPS), "life": rng.choice(LIFETIMES)}
    return {"encr": rng.choice(V2_ENCR), "integ": rng.choice(V2_INTEG),
            "group": rng.choice(V2_GROUPS), "life": rng.choice(LIFETIMES)}


def _p2(rng, version):
    integ = ESP_INTEG_V1 if version == 1 else ESP_INTEG_V2
    return {"encr": rng.choice(ESP_ENCR), "integ": rng.choice(integ)}


def _dedup(props, keys):
    seen, out = set(), []
    for p in props:
        k = tuple(p[x] for x in keys)
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def _proxies(rng, kind):
    """(A local, A remote, B local, B remote) for one proxy relation."""
    a_loc, a_rem = NET_A[0], NET_B[0]
    if kind == "mirrored":
        return a_loc, a_rem, a_rem, a_loc
    if kind == "equal":  # B copied A's ACL instead of mirroring it
        return a_loc, a_rem, a_loc, a_rem
    if kind == "disjoint":
        return a_loc, a_rem, NET_B[0], NET_OTHER
    # One end's ACL is a strict subset of the other's mirror, on one or
    # both of its two networks.
    which = rng.choice(["local", "remote", "both"])
    small_a = NET_A[1] if which in ("remote", "both") else NET_A[0]
    small_b = NET_B[1] if which in ("local", "both") else NET_B[0]
    if kind == "b-narrower":
        return a_loc, a_rem, small_b, small_a
    return small_a, small_b, a_rem, a_loc  # a-narrower


def _style(rng, side, version):
    """How the same parameters are written: which of the equivalent Cisco
    syntaxes the renderer uses (the readers must treat them alike)."""
    if side["plat"] == "ios":
        return {"acl": rng.choice(["named", "named", "numbered"]),
                "keys": rng.choice(["isakmp-key", "isakmp-key", "keyring"])
                if version == 1 and side["auth"] == "psk" else "isakmp-key"}
    # ASA 8.2 has IKEv1 only, with DH groups 1, 2, 5 and 7 (Cisco ASA 8.2
    # command reference, crypto isakmp policy group).
    groups = {p["group"] for p in side["p1"]} | ({side["pfs"]} if side["pfs"] else set())
    old_ok = version == 1 and groups <= {1, 2, 5}
    return {"acl": rng.choice(["inline", "inline", "object", "object-group"]),
            "asa": rng.choice(["9.8", "9.8", "8.2"]) if old_ok else "9.8"}


def generate(seed, count):
    """count scenarios, cycling IKE version and rendering so that every
    (version, rendering) bucket gets an equal share."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        version = 1 + (n % 2)
        plats = RENDERINGS[(n // 2) % len(RENDERINGS)]
        out.append(_scenario(rng, n, version, plats))
    return out


def _scenario(rng, n, version, plats):
    a = {"plat": plats[0], "addr": ADDR_A, "peer": ADDR_B, "host": HOST_A, "cert": "a"}
    b = {"plat": plats[1], "addr": ADDR_B, "peer": ADDR_A, "host": HOST_B, "cert": "b"}

    a["p1"] = _dedup([_p1(rng, version) for _ in range(rng.choice([1, 1, 2, 3]))],
                     ("encr", "integ", "group"))
    r = rng.random()
    if r < 0.75:  # B holds one of A's proposals, maybe among others
        shared = dict(rng.choice(a["p1"]))
        if rng.random() < 0.4:
            shared["life"] = rng.choice(LIFETIMES)
        others = [_p1(rng, version) for _ in range(rng.choice([0, 0, 1, 2]))]
        b["p1"] = others + [shared]
        rng.shuffle(b["p1"])
    else:
        b["p1"] = [_p1(rng, version) for _ in range(rng.choice([1, 2]))]
    b["p1"] = _dedup(b["p1"], ("encr", "integ", "group"))

    a["p2"] = _dedup([_p2(rng, version) for _ in range(rng.choice([1, 1, 2]))], ("encr", "integ"))
    if rng.random() < 0.7:
        b["p2"] = [dict(p) for p in a["p2"]]
        if rng.random() < 0.3:
            b["p2"].insert(0, _p2(rng, version))
    else:
        b["p2"] = [_p2(rng, version)]
    b["p2"] = _dedup(b["p2"], ("encr", "integ"))

    a["pfs"] = rng.choice([None, None, rng.choice(PFS_GROUPS)])
    r = rng.random()
    b["pfs"] = a["pfs"] if r < 0.6 else rng.choice([None, rng.choice(PFS_GROUPS)])

    r = rng.random()
    if r < 0.12:
        a["auth"] = b["auth"] = "cert"
    elif r < 0.17:
        a["auth"], b["auth"] = rng.choice([("cert", "psk"), ("psk", "cert")])
    else:
        a["auth"] = b["auth"] = "psk"
    key = "Diff-%04d-%08x" % (n, rng.getrandbits(32))
    a["psk"] = key
    b["psk"] = key if rng.random() < 0.8 else key + "x"

    kind = rng.choice(PROXY_KINDS)
    a["local"], a["remote"], b["local"], b["remote"] = _proxies(rng, kind)
    for side in (a, b):
        side["style"] = _style(rng, side, version)
    return {"id": n, "version": version, "render": rendering_name(plats),
            "proxy": kind, "a": a, "b": b}


def net(cidr):
    return ipaddress.ip_network(cidr)


def describe(sc):
    """One line a person can read, with no key in it."""
    def side(s):
        p1 = ",".join("%s/%s/g%d/%ds" % (p["encr"], p["integ"], p["group"], p["life"]) for p in s["p1"])
        p2 = ",".join("%s/%s" % (p["encr"], p["integ"]) for p in s["p2"])
        style = ",".join("%s=%s" % kv for kv in sorted(s["style"].items()))
        return "%s(%s) p1=[%s] auth=%s p2=[%s] pfs=%s acl=%s->%s" % (
            s["plat"], style, p1, s["auth"], p2, s["pfs"] or "-", s["local"], s["remote"])
    keys = "keys-equal" if sc["a"]["psk"] == sc["b"]["psk"] else "keys-differ"
    return "#%d IKEv%d %s %s proxy=%s | A %s | B %s" % (
        sc["id"], sc["version"], sc["render"], keys, sc["proxy"], side(sc["a"]), side(sc["b"]))
