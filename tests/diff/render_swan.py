"""One side of a scenario as swanctl.conf for strongSwan 5.9 (Debian).

Algorithm keywords are strongSwan's (docs.strongswan.org, "IKEv2 Cipher
Suites" / "IKEv1 Cipher Suites"): Cisco "sha" is sha1, DH group 2 is
modp1024, 5 modp1536, 14 modp2048, 19 ecp256, 20 ecp384. An ESP proposal
that names a DH group asks for PFS; in IKEv2 the first CHILD_SA, made in
IKE_AUTH, has no KE payload and the group is only used at its rekey
(RFC 7296 section 1.3.1), as on Cisco.
"""

ENCR = {"3des": "3des", "aes128": "aes128", "aes192": "aes192", "aes256": "aes256"}
INTEG = {"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
GROUP = {1: "modp768", 2: "modp1024", 5: "modp1536", 14: "modp2048", 19: "ecp256", 20: "ecp384"}


def ike_proposals(side):
    return ",".join("%s-%s-%s" % (ENCR[p["encr"]], INTEG[p["integ"]], GROUP[p["group"]])
                    for p in side["p1"])


def esp_proposals(side):
    dh = "-" + GROUP[side["pfs"]] if side["pfs"] else ""
    return ",".join("%s-%s%s" % (ENCR[t["encr"]], INTEG[t["integ"]], dh) for t in side["p2"])


def _auth(side, end):
    """local { } or remote { } of a connection."""
    if end == "local":
        ident = side["addr"]
    else:
        ident = side["peer"]
    lines = ["    %s {" % end]
    if side["auth"] == "cert":
        lines.append("      auth = pubkey")
        if end == "local":
            lines.append("      certs = %s.pem" % side["cert"])
    else:
        lines.append("      auth = psk")
    lines += ["      id = %s" % ident, "    }"]
    return lines


def render(sc, side_name, conn):
    s = sc[side_name]
    v = sc["version"]
    # IKEv2 has no lifetime negotiation; IKEv1 proposes rekey_time plus
    # over_time, and a strongSwan responder accepts any value. Rekeying
    # is triggered by hand (run_daemons.py), never by a timer.
    out = ["connections {", "  %s {" % conn,
           "    version = %d" % v,
           "    local_addrs = %s" % s["addr"],
           "    remote_addrs = %s" % s["peer"],
           "    proposals = %s" % ike_proposals(s),
           "    rekey_time = %ds" % s["p1"][0]["life"],
           "    reauth_time = 0",
           "    over_time = 60s",
           "    dpd_delay = 0",
           "    mobike = no",
           "    aggressive = no"]
    out += _auth(s, "local")
    out += _auth(s, "remote")
    out += ["    children {", "      %s {" % conn,
            "        local_ts = %s" % s["local"],
            "        remote_ts = %s" % s["remote"],
            "        esp_proposals = %s" % esp_proposals(s),
            "        mode = tunnel",
            "        rekey_time = 3600s",
            "        start_action = none",
            "        close_action = none",
            "      }", "    }", "  }", "}"]
    if s["auth"] == "psk":
        out += ["secrets {", "  ike-%s {" % conn,
                "    id-1 = %s" % s["peer"],
                '    secret = "%s"' % s["psk"],
                "  }", "}"]
    return "\n".join(out) + "\n"
