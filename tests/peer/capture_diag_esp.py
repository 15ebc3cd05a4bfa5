#!/usr/bin/python3
"""Capture diagnoses from ESP and NAT-D facts, on captures built with scapy
(real ESP, encrypted by scapy with known keys: capture_esp.py's helpers).

Each case writes a capture into a temporary folder of its own, runs
`capture --format json` and compares the findings' IDs with the case's,
exactly: a must-report case and a near miss for each diagnosis. The ESP
diagnoses need IKE between the same two ends seen both ways (else the
capture point may not see the way back), so the cases start with an IKEv1
MM1 / MM2 pair (headers only: the decoder reads them, nothing else is
needed of them); the NAT-D case is an IKEv2 IKE_SA_INIT whose NAT-D hashes
are computed here (RFC 7296 2.23: SHA-1(SPIi | SPIr | IP | port)), the
responder's hash of itself altered as a NAT would make it.

Usage: capture_diag_esp.py path/to/ipsec-doctor   (Debian's python3-scapy)
"""
import hashlib
import json
import os
import socket
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from capture_esp import A, B, esp, sa  # noqa: E402
from scapy.all import ICMP, IP, UDP, Raw, fragment, wrpcap  # noqa: E402

ISPI, RSPI = bytes.fromhex("1122334455667788"), bytes.fromhex("99aabbccddeeff00")


def isakmp(src, dst, rspi, version=0x10, exch=2, flags=0, payloads=b"", first=0):
    hdr = ISPI + rspi + struct.pack("!BBBBII", first, version, exch, flags, 0,
                                    28 + len(payloads))
    return IP(bytes(IP(src=src, dst=dst) / UDP(sport=500, dport=500) / Raw(hdr + payloads)))


def ike_pair():
    """MM1 and MM2: IKE between A and B seen both ways."""
    return [isakmp(A, B, bytes(8)), isakmp(B, A, RSPI)]


def natd(ispi, rspi, ip):
    return hashlib.sha1(ispi + rspi + socket.inet_aton(ip) + struct.pack("!H", 500)).digest()


def v2_init(src, dst, rspi, resp, fake_self):
    """IKE_SA_INIT with NAT_DETECTION_SOURCE_IP / DESTINATION_IP notifies."""
    src_h, dst_h = natd(ISPI, rspi, src), natd(ISPI, rspi, dst)
    if fake_self:
        src_h = bytes([src_h[0] ^ 0xFF]) + src_h[1:]
    n1 = struct.pack("!BBHBBH", 41, 0, 8 + 20, 0, 0, 16388) + src_h
    n2 = struct.pack("!BBHBBH", 0, 0, 8 + 20, 0, 0, 16389) + dst_h
    return isakmp(src, dst, rspi, 0x20, 34, 0x20 if resp else 0x08, n1 + n2, 41)


def one_way(back):
    a, b = sa(0x1001), sa(0x2002)
    pk = ike_pair()
    for i in range(1, 11):
        pk.append(esp(a, A, B, i))
        if back:
            pk.append(esp(b, B, A, i))
    return pk


def replay(late):
    a, b = sa(0x1001), sa(0x2002)
    pk = ike_pair()
    for i in range(1, 201):
        if i != 200 - late:
            pk.append(esp(a, A, B, i))
        pk.append(esp(b, B, A, i))
    pk.append(esp(a, A, B, 200 - late))  # arrives late behind 200
    return pk


def mtu(too_big):
    a, b = sa(0x1001), sa(0x2002)
    big = esp(a, A, B, 1, size=1400, df=True)
    icmp = IP(src="203.0.113.1", dst=A) / ICMP(type=3, code=4, nexthopmtu=1400) / Raw(
        bytes(big)[:28])
    pk = ike_pair() + [big, IP(bytes(icmp))]
    for i in range(2, 6):
        pk += [esp(a, A, B, i, size=1400 if too_big else 100, df=True), esp(b, B, A, i)]
    return pk


def fragmented(frag):
    a, b = sa(0x1001), sa(0x2002)
    pk = ike_pair()
    for seq in (1, 2, 3):
        p = esp(a, A, B, seq, size=1800 if frag else 100)
        pk += fragment(p, fragsize=1480) if frag else [p]
        pk.append(esp(b, B, A, seq))
    return pk


def nat(udp):
    a, b = sa(0x1001, udp), sa(0x2002, udp)
    pk = [v2_init(A, B, bytes(8), False, False), v2_init(B, A, RSPI, True, True)]
    for i in range(1, 6):
        pk += [esp(a, A, B, i), esp(b, B, A, i)]
    return pk


# name -> (packets, the IDs `capture` must report, in order)
CASES = {
    "one-way": (lambda: one_way(False), ["one-way-traffic"]),
    "one-way-nearmiss": (lambda: one_way(True), []),
    "replay": (lambda: replay(90), ["anti-replay-drops"]),
    "replay-nearmiss": (lambda: replay(50), []),
    "over-mtu": (lambda: mtu(True), ["mss-too-large"]),
    "over-mtu-nearmiss": (lambda: mtu(False), []),
    "fragmented": (lambda: fragmented(True), ["mss-too-large"]),
    "fragmented-nearmiss": (lambda: fragmented(False), []),
    "natd-esp50": (lambda: nat(False), ["nat-t-disabled"]),
    "natd-esp50-nearmiss": (lambda: nat(True), []),
}


def main():
    binary = sys.argv[1]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="h15a-diag-esp-") as tmp:
        for name, (make, want) in CASES.items():
            path = os.path.join(tmp, name + ".pcap")
            wrpcap(path, make())
            p = subprocess.run([binary, "capture", "--format", "json", path],
                               capture_output=True, text=True)
            problems = []
            if p.returncode != (1 if any(i != "anti-replay-drops" and i != "mss-too-large"
                                         for i in want) else 0):
                problems.append("exit %d: %s" % (p.returncode, p.stderr.strip()[:200]))
            else:
                got = [f["id"] for f in json.loads(p.stdout)["findings"]]
                if got != want:
                    problems.append("findings %s, %s expected" % (got, want))
            print("capture-diag-esp: %-20s %s" % (name, "ok" if not problems else
                                                   "FAIL: " + "; ".join(problems)))
            failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
