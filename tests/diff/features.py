"""Facts about a scenario that decide whether a documented Cisco / strongSwan
difference applies (exceptions.tsv) or a known failure matches
(known-failures.tsv). Each is a plain predicate over the scenario."""


def _p1_key(p):
    return (p["encr"], p["integ"], p["group"])


def _p1_matches(sc):
    """(A proposal, B policy) pairs equal in everything but the lifetime."""
    return [(pa, pb) for pb in sc["b"]["p1"] for pa in sc["a"]["p1"] if _p1_key(pa) == _p1_key(pb)]


def ios_v1_lifetime_refused(sc):
    """IKEv1, IOS responder: every policy that matches the initiator's
    proposals has a shorter lifetime than the proposal."""
    if sc["version"] != 1 or sc["b"]["plat"] != "ios":
        return False
    m = _p1_matches(sc)
    return bool(m) and all(pa["life"] > pb["life"] for pa, pb in m)


PREDICATES = {
    "ios-v1-lifetime": ios_v1_lifetime_refused,
}


def tags(sc):
    """Every predicate that holds, by name, for known-failures.tsv."""
    out = {name for name, pred in PREDICATES.items() if pred(sc)}
    out.add("proxy-" + sc["proxy"])
    a, b = sc["a"], sc["b"]
    if a["pfs"] != b["pfs"]:
        out.add("pfs-differs")
        if a["pfs"] and not b["pfs"]:
            out.add("pfs-initiator-only")
        elif b["pfs"] and not a["pfs"]:
            out.add("pfs-responder-only")
        else:
            out.add("pfs-groups-differ")
    if a["auth"] != b["auth"]:
        out.add("auth-differs")
    elif a["auth"] == "cert":
        out.add("cert")
    return out
