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


def v1_auth_methods_differ(sc):
    """IKEv1, one end pre-share and the other rsa-sig, with policies that
    match otherwise: Cisco compares the authentication method as part of the
    policy (no proposal chosen); strongSwan selects the proposal without it
    and fails when it authenticates."""
    return sc["version"] == 1 and sc["a"]["auth"] != sc["b"]["auth"] and bool(_p1_matches(sc))


def v1_responder_narrower(sc):
    """IKEv1, the responder's ACL is narrower than the initiator's proposal:
    a Cisco responder refuses proxies outside its ACL's mirror; strongSwan
    narrows the traffic selectors as an IKEv1 responder too."""
    return sc["version"] == 1 and sc["proxy"] == "b-narrower"


def pfs_offered_to_ios(sc):
    """The initiator offers PFS and an IOS responder has none: IOS accepts
    the offer; strongSwan, as an ASA does, refuses the Quick Mode proposal
    (IKEv1) or the CREATE_CHILD_SA rekey (IKEv2): its DH group is part of
    the proposal."""
    return sc["b"]["plat"] == "ios" and bool(sc["a"]["pfs"]) and not sc["b"]["pfs"]


PREDICATES = {
    "pfs-offered-to-ios": pfs_offered_to_ios,
    "v1-auth-method": v1_auth_methods_differ,
    "v1-responder-narrows": v1_responder_narrower,
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
