#!/usr/bin/python3
"""ESP facts of `ipsec-doctor capture` on captures built with scapy.

Each case encrypts real ESP packets with scapy's SecurityAssociation
(AES-CBC + HMAC-SHA1-96 with known keys, RFC 4303; ESP in UDP 4500 per
RFC 3948), writes them into a capture in a temporary folder of its own,
runs `capture --format json` and compares the "capture.esp" facts with
what the case built: both directions or one, sequence gaps, duplicates and
packets behind the 64 / 512 / 1024 anti-replay windows, the path MTU of an
ICMP "fragmentation needed", ESP fragmented after encryption with a lost
fragment, ESP in UDP with NAT-T keepalives, IPv6.

Usage: capture_esp.py path/to/ipsec-doctor   (Debian's python3-scapy)
"""
import json
import os
import random
import subprocess
import sys
import tempfile

from scapy.all import ICMP, IP, UDP, IPv6, Raw, fragment, wrpcap  # noqa: E402
from scapy.layers.inet6 import ICMPv6EchoRequest
from scapy.layers.ipsec import ESP, SecurityAssociation

A, B = "198.51.100.1", "198.51.100.2"
KEY, AUTH = bytes(range(16)), bytes(range(20))


def sa(spi, udp=False):
    nat = UDP(sport=4500, dport=4500) if udp else None
    return SecurityAssociation(ESP, spi=spi, crypt_algo="AES-CBC", crypt_key=KEY,
                               auth_algo="HMAC-SHA1-96", auth_key=AUTH, nat_t_header=nat)


def esp(s, src, dst, seq, size=40, df=False, v6=False):
    if v6:
        inner = IPv6(src=src, dst=dst) / ICMPv6EchoRequest() / Raw(b"p" * size)
    else:
        inner = IP(src=src, dst=dst, flags="DF" if df else 0) / ICMP() / Raw(b"p" * size)
    p = s.encrypt(inner, seq_num=seq)
    if p.haslayer(UDP):  # lengths of the encapsulation are computed again
        p[UDP].len = None
        p[UDP].chksum = 0
    if not v6:
        p[IP].len = None
        p[IP].chksum = None
    return p.__class__(bytes(p))


def two_way():
    a, b = sa(0x1001), sa(0x2002)
    pk = []
    for i in range(1, 21):
        pk += [esp(a, A, B, i), esp(b, B, A, i)]
    return pk, {"1001": {"packets": 20, "both_directions": True, "seq_never_seen": 0,
                         "duplicates": 0, "reverse_spi": "00002002", "encapsulation": "ip50"},
                "2002": {"packets": 20, "both_directions": True}}


def one_way():
    a = sa(0x1001)
    return [esp(a, A, B, i) for i in range(1, 11)], {
        "1001": {"packets": 10, "both_directions": False, "origin": "not-negotiated-in-clear"}}


def replay():
    # 1..700 without 300; 10 again (a duplicate, 690 behind: past 64 and 512);
    # 650 again (50 behind: only a duplicate); 300 at last (400 behind: past 64)
    a = sa(0x1001)
    pk = [esp(a, A, B, i) for i in range(1, 701) if i != 300]
    pk += [esp(a, A, B, 10), esp(a, A, B, 650), esp(a, A, B, 300)]
    late = {"64": {"packets": 2}, "512": {"packets": 1}, "1024": {"packets": 0}}
    return pk, {"1001": {"packets": 702, "duplicates": 2, "seq_never_seen": 0,
                         "behind_window": late, "seq_last": 700}}


def gaps():
    a = sa(0x1001)
    seqs = [s for s in range(1, 101) if s % 10 != 0]  # 10 of 100 never sent
    return [esp(a, A, B, s) for s in seqs], {"1001": {"seq_never_seen": 9, "seq_last": 99}}


def mtu():
    a = sa(0x1001)
    big = esp(a, A, B, 1, size=1400, df=True)
    quote = bytes(big)[:28]
    icmp = IP(src="203.0.113.1", dst=A) / ICMP(type=3, code=4, nexthopmtu=1400) / Raw(quote)
    pk = [big, IP(bytes(icmp)), esp(a, A, B, 2, size=1400, df=True), esp(a, A, B, 3, size=100)]
    return pk, {"1001": {"path_mtu": 1400, "over_path_mtu_after": 1, "df_packets": 2,
                         "max_ip_length": len(bytes(big))}}


def fragmented():
    a = sa(0x1001)
    pk = []
    for seq in (1, 2, 3):
        frags = fragment(esp(a, A, B, seq, size=1800), fragsize=1480)
        for f in frags:
            f[IP].id = seq
        pk += frags if seq != 2 else frags[:-1]  # the last fragment of seq 2 is lost
    return pk, {"1001": {"packets": 2, "ip_fragmented": 2, "lost_for_a_fragment": 1}}


def udp_and_keepalives():
    a = sa(0x3003, udp=True)
    ka = IP(src=A, dst=B) / UDP(sport=4500, dport=4500) / Raw(b"\xff")
    pk = [esp(a, A, B, 1), IP(bytes(ka)), esp(a, A, B, 2), IP(bytes(ka))]
    return pk, {"3003": {"packets": 2, "encapsulation": "udp", "sport": 4500, "dport": 4500}}


def ipv6():
    a = sa(0x6006)
    s, d = "2001:db8::1", "2001:db8::2"
    return [esp(a, s, d, i, v6=True) for i in (1, 2, 4)], {
        "6006": {"packets": 3, "src": s, "dst": d, "seq_never_seen": 1}}


CASES = [two_way, one_way, replay, gaps, mtu, fragmented, udp_and_keepalives, ipv6]


def check(want, got, path=""):
    bad = []
    for k, v in want.items():
        if isinstance(v, dict):
            bad += check(v, got.get(k, {}), path + k + ".")
        elif got.get(k) != v:
            bad.append("%s%s: want %r, got %r" % (path, k, v, got.get(k)))
    return bad


def main():
    binary = sys.argv[1]
    random.seed(15)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="ipsd-esp-") as tmp:
        for case in CASES:
            packets, want = case()
            path = os.path.join(tmp, case.__name__ + ".pcap")
            wrpcap(path, packets)
            r = subprocess.run([binary, "capture", "--format", "json", path],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print("capture-esp: %-20s FAIL: exit %d: %s" % (case.__name__, r.returncode,
                                                              r.stderr.strip()))
                failed += 1
                continue
            doc = json.loads(r.stdout)["capture"]
            by_spi = {e["spi"].lstrip("0"): e for e in doc["esp"]}
            bad = []
            for spi, w in want.items():
                if spi not in by_spi:
                    bad.append("no ESP SA %s (have %s)" % (spi, sorted(by_spi)))
                    continue
                bad += check(w, by_spi[spi])
            if case is udp_and_keepalives and doc.get("keepalives_of_no_ike_sa") != 2:
                bad.append("keepalives_of_no_ike_sa: want 2, got %r"
                           % doc.get("keepalives_of_no_ike_sa"))
            if case is fragmented and len(doc["fragments_lost"]) != 1:
                bad.append("fragments_lost: want 1, got %d" % len(doc["fragments_lost"]))
            print("capture-esp: %-20s %s" % (case.__name__, "FAIL: " + "; ".join(bad) if bad
                                               else "ok"))
            failed += bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
