#!/usr/bin/env python3
"""Generate a mixed ASA syslog for the explain benchmark.

Usage: gen-syslog.py SIZE_MB > file.log
Lines cycle through VPN messages of several framings (RFC 3164 with <PRI>,
`show logging` timestamps, bare) and non-VPN traffic lines, over many peers,
so the correlator sees a realistic spread of peers and IDs.
"""
import random
import sys

TEMPLATES = [
    "%ASA-5-713904: IP = {ip}, Received an un-encrypted NO_PROPOSAL_CHOSEN notify message, drop",
    "%ASA-3-713902: IP = {ip}, Removing peer from peer table failed, no match!",
    "%ASA-4-713903: IP = {ip}, Information Exchange processing failed",
    "%ASA-5-713119: Group = {ip}, IP = {ip}, PHASE 1 COMPLETED",
    "%ASA-5-713120: Group = {ip}, IP = {ip}, PHASE 2 COMPLETED (msgid=0c7a1f3e)",
    "%ASA-6-713219: IP = {ip}, Queuing KEY-ACQUIRE messages to be processed when P1 SA is complete.",
    "%ASA-4-402119: IPSEC: Received an ESP packet (SPI= 0xDB6E5A60, sequence number= 0x7F9F) from {ip} (user= {ip}) to 192.0.2.1 that failed anti-replay checking.",
    "%ASA-6-302013: Built inbound TCP connection 8812{n} for outside:{ip}/443 ({ip}/443) to inside:10.1.0.{o}/5{n} (10.1.0.{o}/5{n})",
    "%ASA-6-302014: Teardown TCP connection 8812{n} for outside:{ip}/443 to inside:10.1.0.{o}/5{n} duration 0:00:01 bytes 4412 TCP FINs",
    "%ASA-4-106023: Deny tcp src outside:{ip}/5{n} dst inside:10.1.0.{o}/22 by access-group \"outside_in\" [0x0, 0x0]",
]
FRAMES = [
    "<166>Jun 12 10:{m:02d}:{s:02d} fw-hq {msg}",
    "Jun 12 2024 10:{m:02d}:{s:02d} fw-hq : {msg}",
    "{msg}",
]


def main():
    size = int(sys.argv[1]) * 1024 * 1024 if len(sys.argv) > 1 else 1024 * 1024
    rnd = random.Random(7)
    out = sys.stdout
    written = 0
    buf = []
    i = 0
    while written < size:
        ip = "198.51.%d.%d" % (rnd.randrange(100, 104), rnd.randrange(1, 255))
        msg = TEMPLATES[i % len(TEMPLATES)].format(ip=ip, n=i % 1000, o=i % 250 + 1)
        line = FRAMES[i % len(FRAMES)].format(m=(i // 60) % 60, s=i % 60, msg=msg) + "\n"
        buf.append(line)
        written += len(line)
        i += 1
        if len(buf) >= 10000:
            out.write("".join(buf))
            buf = []
    out.write("".join(buf))


if __name__ == "__main__":
    main()
