#!/usr/bin/env python3
"""Generate a mixed ASA syslog for the explain benchmark.

Usage: gen-syslog.py [--plain] SIZE_MB > file.log
Lines cycle through VPN messages of several framings (RFC 3164 with <PRI>,
`show logging` timestamps, bare) and non-VPN traffic lines, over many peers,
so the correlator sees a realistic spread of peers and IDs.
--plain: a Linux host's syslog instead (sshd, cron, kernel, dhcpd, postfix;
no device tag, nothing a reader knows): what explain does with the lines
that cannot hold a known message.
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
PLAIN = [
    "kernel: [12345.678] eth0: link up, 1000 Mbps, full duplex",
    "sshd[2211]: Accepted publickey for admin from 10.0.{a}.{b} port 52234 ssh2",
    "CRON[331]: (root) CMD (run-parts /etc/cron.hourly)",
    "systemd[1]: Started Session {a} of user admin.",
    "dhcpd[812]: DHCPACK on 10.1.{a}.{b} to 00:11:22:33:44:55 via eth1",
    "postfix/smtpd[921]: connect from mail.example.com[192.0.2.{b}]",
]
FRAMES = [
    "<166>Jun 12 10:{m:02d}:{s:02d} fw-hq {msg}",
    "Jun 12 2024 10:{m:02d}:{s:02d} fw-hq : {msg}",
    "{msg}",
]


def main():
    args = [a for a in sys.argv[1:] if a != "--plain"]
    plain = len(args) < len(sys.argv) - 1
    size = int(args[0]) * 1024 * 1024 if args else 1024 * 1024
    rnd = random.Random(7)
    out = sys.stdout
    written = 0
    buf = []
    i = 0
    while written < size:
        ip = "198.51.%d.%d" % (rnd.randrange(100, 104), rnd.randrange(1, 255))
        if plain:
            msg = PLAIN[i % len(PLAIN)].format(a=rnd.randrange(255), b=rnd.randrange(255))
            line = "Jun 12 10:%02d:%02d host %s\n" % ((i // 60) % 60, i % 60, msg)
        else:
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
