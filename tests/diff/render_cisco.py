"""One side of a scenario as a Cisco IOS or ASA running config.

Syntax follows the command references of IOS 15.4 and ASA 9.8: IKEv1 with
crypto isakmp policies / crypto ikev1 policies, IKEv2 with FlexVPN-style
proposals, policy, keyring and profile on IOS and crypto ikev2 policies,
ipsec-proposals and tunnel-group ikev2 authentication on the ASA. Every
value is written out, so no platform default decides the outcome (IKEv2 on
IOS: a configured "crypto ikev2 policy" replaces the default policy and the
crypto map names its transform set, so smart defaults do not apply).
"""

import ipaddress

TRUSTPOINT = "DIFF-CA"


def _mask(cidr):
    return str(ipaddress.ip_network(cidr).netmask)


def _wild(cidr):
    return str(ipaddress.ip_network(cidr).hostmask)


def _base(cidr):
    return str(ipaddress.ip_network(cidr).network_address)


def _inside_host(side):
    # The inside interface holds the site's host address (scenario.HOST_A /
    # HOST_B), which every local network of that site contains.
    return side["host"]


# --- IOS -------------------------------------------------------------------

IOS_V1_ENCR = {"3des": "3des", "aes128": "aes", "aes192": "aes 192", "aes256": "aes 256"}
IOS_V1_HASH = {"md5": "md5", "sha1": "sha"}
IOS_V2_ENCR = {"3des": "3des", "aes128": "aes-cbc-128", "aes192": "aes-cbc-192", "aes256": "aes-cbc-256"}
IOS_ESP_ENCR = {"3des": "esp-3des", "aes128": "esp-aes", "aes192": "esp-aes 192", "aes256": "esp-aes 256"}
IOS_ESP_INTEG = {"md5": "esp-md5-hmac", "sha1": "esp-sha-hmac", "sha256": "esp-sha256-hmac"}


def ios(sc, side, name):
    s = sc[side]
    v = sc["version"]
    out = ["version 15.4", "hostname %s" % name, "!"]
    if s["auth"] == "cert":
        out += ["crypto pki trustpoint %s" % TRUSTPOINT, " enrollment terminal",
                " revocation-check none", "!"]
    if v == 1:
        auth = "rsa-sig" if s["auth"] == "cert" else "pre-share"
        for i, p in enumerate(s["p1"]):
            out += ["crypto isakmp policy %d" % (10 * (i + 1)),
                    " encr %s" % IOS_V1_ENCR[p["encr"]],
                    " hash %s" % IOS_V1_HASH[p["integ"]],
                    " authentication %s" % auth,
                    " group %d" % p["group"],
                    " lifetime %d" % p["life"]]
        if s["auth"] == "psk" and s["style"]["keys"] == "keyring":
            out += ["crypto keyring DIFF-KR",
                    " pre-shared-key address %s key %s" % (s["peer"], s["psk"]),
                    "crypto isakmp profile DIFF-IPROF", " keyring DIFF-KR",
                    " match identity address %s 255.255.255.255" % s["peer"]]
        elif s["auth"] == "psk":
            out.append("crypto isakmp key %s address %s" % (s["psk"], s["peer"]))
        out.append("!")
    else:
        for i, p in enumerate(s["p1"]):
            out += ["crypto ikev2 proposal DIFF-P%d" % (i + 1),
                    " encryption %s" % IOS_V2_ENCR[p["encr"]],
                    " integrity %s" % p["integ"],
                    " group %d" % p["group"]]
        out.append("crypto ikev2 policy DIFF-POL")
        out += [" proposal DIFF-P%d" % (i + 1) for i in range(len(s["p1"]))]
        if s["auth"] == "psk":
            out += ["crypto ikev2 keyring DIFF-KR", " peer PEER",
                    "  address %s" % s["peer"], "  pre-shared-key %s" % s["psk"]]
        method = "rsa-sig" if s["auth"] == "cert" else "pre-share"
        out += ["crypto ikev2 profile DIFF-PROF",
                " match identity remote address %s 255.255.255.255" % s["peer"],
                " identity local address %s" % s["addr"],
                " authentication remote %s" % method,
                " authentication local %s" % method]
        if s["auth"] == "psk":
            out.append(" keyring local DIFF-KR")
        else:
            out.append(" pki trustpoint %s" % TRUSTPOINT)
        out += [" lifetime %d" % s["p1"][0]["life"], "!"]
    for i, t in enumerate(s["p2"]):
        out += ["crypto ipsec transform-set DIFF-T%d %s %s" % (i + 1, IOS_ESP_ENCR[t["encr"]],
                                                               IOS_ESP_INTEG[t["integ"]]),
                " mode tunnel"]
    out += ["!", "crypto map DIFF-MAP 10 ipsec-isakmp", " set peer %s" % s["peer"],
            " set transform-set %s" % " ".join("DIFF-T%d" % (i + 1) for i in range(len(s["p2"])))]
    if v == 2:
        out.append(" set ikev2-profile DIFF-PROF")
    elif s["style"]["keys"] == "keyring":
        out.append(" set isakmp-profile DIFF-IPROF")
    if s["pfs"]:
        out.append(" set pfs group%d" % s["pfs"])
    acl = "101" if s["style"]["acl"] == "numbered" else "DIFF-ACL"
    ace = "permit ip %s %s %s %s" % (_base(s["local"]), _wild(s["local"]),
                                     _base(s["remote"]), _wild(s["remote"]))
    out += [" match address %s" % acl, "!",
            "interface GigabitEthernet0/0", " ip address %s 255.255.255.0" % s["addr"],
            " crypto map DIFF-MAP", "!",
            "interface GigabitEthernet0/1", " ip address %s 255.255.255.0" % _inside_host(s), "!",
            "ip route 0.0.0.0 0.0.0.0 %s" % s["peer"], "!"]
    if acl == "101":
        out.append("access-list 101 " + ace)
    else:
        out += ["ip access-list extended DIFF-ACL", " " + ace]
    out += ["!", "end"]
    return "\n".join(out) + "\n"


# --- ASA -------------------------------------------------------------------

ASA_V1_ENCR = {"3des": "3des", "aes128": "aes", "aes192": "aes-192", "aes256": "aes-256"}
ASA_V1_HASH = {"md5": "md5", "sha1": "sha"}
ASA_V2_ENCR = ASA_V1_ENCR
ASA_V2_INTEG = {"sha1": "sha", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512"}
ASA_ESP_V1_ENCR = {"3des": "esp-3des", "aes128": "esp-aes", "aes192": "esp-aes-192", "aes256": "esp-aes-256"}
ASA_ESP_V1_INTEG = {"md5": "esp-md5-hmac", "sha1": "esp-sha-hmac"}
ASA_ESP_V2_ENCR = {"3des": "3des", "aes128": "aes", "aes192": "aes-192", "aes256": "aes-256"}
ASA_ESP_V2_INTEG = {"md5": "md5", "sha1": "sha-1", "sha256": "sha-256"}


def _asa_acl(s):
    """The crypto ACL inline, with object-groups, or (8.3+) with objects."""
    style = s["style"]["acl"]
    if style == "object" and s["style"]["asa"] == "8.2":
        style = "object-group"
    if style == "inline":
        return ["access-list DIFF-ACL extended permit ip %s %s %s %s" % (
            _base(s["local"]), _mask(s["local"]), _base(s["remote"]), _mask(s["remote"]))]
    if style == "object":
        return ["object network DIFF-LOCAL", " subnet %s %s" % (_base(s["local"]), _mask(s["local"])),
                "object network DIFF-REMOTE",
                " subnet %s %s" % (_base(s["remote"]), _mask(s["remote"])),
                "access-list DIFF-ACL extended permit ip object DIFF-LOCAL object DIFF-REMOTE"]
    return ["object-group network DIFF-LOCAL",
            " network-object %s %s" % (_base(s["local"]), _mask(s["local"])),
            "object-group network DIFF-REMOTE",
            " network-object %s %s" % (_base(s["remote"]), _mask(s["remote"])),
            "access-list DIFF-ACL extended permit ip object-group DIFF-LOCAL object-group DIFF-REMOTE"]


def asa(sc, side, name):
    s = sc[side]
    v = sc["version"]
    # ASA 8.2 writes IKEv1 as "crypto isakmp" and "crypto ipsec
    # transform-set", and the tunnel-group key as "pre-shared-key"; 8.4
    # renamed them to ikev1 (Cisco ASA 8.4 release notes, IKEv2 support).
    old = s["style"]["asa"] == "8.2"
    out = ["ASA Version %s" % ("8.2(5)" if old else "9.8(4)"), "hostname %s" % name,
           "interface GigabitEthernet0/0", " nameif outside", " security-level 0",
           " ip address %s 255.255.255.0" % s["addr"],
           "interface GigabitEthernet0/1", " nameif inside", " security-level 100",
           " ip address %s 255.255.255.0" % _inside_host(s)]
    out += _asa_acl(s)
    out.append("route outside 0.0.0.0 0.0.0.0 %s 1" % s["peer"])
    if s["auth"] == "cert":
        # "crypto isakmp identity auto" (the default) would send the
        # certificate's DN; the strongSwan side identifies by address.
        out += ["crypto ca trustpoint %s" % TRUSTPOINT, " enrollment terminal",
                "crypto isakmp identity address"]
    if v == 1:
        for i, t in enumerate(s["p2"]):
            out.append("crypto ipsec %stransform-set DIFF-T%d %s %s" % (
                "" if old else "ikev1 ", i + 1, ASA_ESP_V1_ENCR[t["encr"]],
                ASA_ESP_V1_INTEG[t["integ"]]))
    else:
        for i, t in enumerate(s["p2"]):
            out += ["crypto ipsec ikev2 ipsec-proposal DIFF-T%d" % (i + 1),
                    " protocol esp encryption %s" % ASA_ESP_V2_ENCR[t["encr"]],
                    " protocol esp integrity %s" % ASA_ESP_V2_INTEG[t["integ"]]]
    names = " ".join("DIFF-T%d" % (i + 1) for i in range(len(s["p2"])))
    out += ["crypto map DIFF-MAP 10 match address DIFF-ACL",
            "crypto map DIFF-MAP 10 set peer %s" % s["peer"],
            "crypto map DIFF-MAP 10 set %s %s" % (
                "ikev2 ipsec-proposal" if v == 2 else
                "transform-set" if old else "ikev1 transform-set", names)]
    if s["pfs"]:
        out.append("crypto map DIFF-MAP 10 set pfs group%d" % s["pfs"])
    out.append("crypto map DIFF-MAP interface outside")
    if v == 1:
        auth = "rsa-sig" if s["auth"] == "cert" else "pre-share"
        word = "isakmp" if old else "ikev1"
        out.append("crypto %s enable outside" % word)
        for i, p in enumerate(s["p1"]):
            out += ["crypto %s policy %d" % (word, 10 * (i + 1)),
                    " authentication %s" % auth,
                    " encryption %s" % ASA_V1_ENCR[p["encr"]],
                    " hash %s" % ASA_V1_HASH[p["integ"]],
                    " group %d" % p["group"],
                    " lifetime %d" % p["life"]]
    else:
        for i, p in enumerate(s["p1"]):
            out += ["crypto ikev2 policy %d" % (10 * (i + 1)),
                    " encryption %s" % ASA_V2_ENCR[p["encr"]],
                    " integrity %s" % ASA_V2_INTEG[p["integ"]],
                    " group %d" % p["group"],
                    " prf %s" % ASA_V2_INTEG[p["integ"]],
                    " lifetime seconds %d" % p["life"]]
        out.append("crypto ikev2 enable outside")
    out += ["tunnel-group %s type ipsec-l2l" % s["peer"],
            "tunnel-group %s ipsec-attributes" % s["peer"]]
    if v == 1:
        prefix = "" if old else "ikev1 "
        if s["auth"] == "cert":
            out.append(" %strust-point %s" % (prefix, TRUSTPOINT))
        else:
            out.append(" %spre-shared-key %s" % (prefix, s["psk"]))
    elif s["auth"] == "cert":
        out += [" ikev2 remote-authentication certificate",
                " ikev2 local-authentication certificate %s" % TRUSTPOINT]
    else:
        out += [" ikev2 remote-authentication pre-shared-key %s" % s["psk"],
                " ikev2 local-authentication pre-shared-key %s" % s["psk"]]
    return "\n".join(out) + "\n"


def render(sc, side):
    name = "site-" + side
    return (ios if sc[side]["plat"] == "ios" else asa)(sc, side, name)
