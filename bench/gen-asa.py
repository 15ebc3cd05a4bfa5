#!/usr/bin/env python3
"""Generate a large ASA 9.x running-config for benchmarking `ipsec-doctor check`.

At --scale 1: about 100,000 lines, 2,000 LAN-to-LAN crypto map entries with
20,000 crypto ACL entries (10 per entry), 2,000 tunnel-groups and one twice
NAT exemption per entry; the rest is ordinary filler (server objects and an
outside ACL). Every address is synthetic (RFC 1918 / RFC 5737 ranges).
Usage: gen-asa.py [--scale F] > asa.cfg
"""
import argparse
import sys

ACES_PER_ENTRY = 10
TARGET_LINES = 100_000


def ip(n):
    return "%d.%d.%d.%d" % ((n >> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255)


def header(out):
    out += [
        ": Saved", "ASA Version 9.8(4)", "!", "hostname bench-asa", "!",
        "interface GigabitEthernet0/0", " nameif outside", " security-level 0",
        " ip address 203.0.113.2 255.255.255.248", "!",
        "interface GigabitEthernet0/1", " nameif inside", " security-level 100",
        " ip address 172.16.0.1 255.255.0.0", "!",
        "object-group network LOCAL-NETS",
    ]
    out += [" network-object 172.16.%d.0 255.255.255.0" % k for k in range(ACES_PER_ENTRY)]
    out += [
        "route outside 0.0.0.0 0.0.0.0 203.0.113.1 1",
        "crypto ipsec ikev1 transform-set ESP-AES-SHA esp-aes-256 esp-sha-hmac",
        "crypto ikev1 enable outside",
        "crypto ikev1 policy 10", " authentication pre-share", " encryption aes-256",
        " hash sha", " group 14", " lifetime 86400",
    ]


def entry(out, i):
    remote = (10 << 24) + (i << 8)  # 10.x.y.0/24, one per entry
    peer = ip((198 << 24) + (18 << 16) + i + 1)  # 198.18.0.0/15 benchmark range
    acl = "cm-%d" % i
    for k in range(ACES_PER_ENTRY):
        out.append("access-list %s extended permit ip 172.16.%d.0 255.255.255.0 %s 255.255.255.0"
                   % (acl, k, ip(remote)))
    out += ["object network R-%d" % i, " subnet %s 255.255.255.0" % ip(remote)]
    out.append("nat (inside,outside) source static LOCAL-NETS LOCAL-NETS destination static "
               "R-%d R-%d no-proxy-arp route-lookup" % (i, i))
    seq = 10 + i
    out += [
        "crypto map outside_map %d match address %s" % (seq, acl),
        "crypto map outside_map %d set peer %s" % (seq, peer),
        "crypto map outside_map %d set ikev1 transform-set ESP-AES-SHA" % seq,
        "tunnel-group %s type ipsec-l2l" % peer,
        "tunnel-group %s ipsec-attributes" % peer,
        " ikev1 pre-shared-key bench-key-%d" % i,
    ]


def filler(out, n):
    # server objects and an outside ACL: lines every real config has plenty of
    i = 0
    while n > 0:
        host = ip((172 << 24) + (16 << 16) + (100 << 8) + (i % 200) + (i // 200 << 8))
        out += ["object network srv-%d" % i, " host %s" % host,
                "access-list outside_in extended permit tcp any object srv-%d eq https" % i]
        n -= 3
        i += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    if a.scale <= 0 or a.scale > 50:
        ap.error("--scale must be in (0, 50]")
    entries = max(1, int(2000 * a.scale))
    out = []
    header(out)
    for i in range(entries):
        entry(out, i)
    out += ["object network obj-inside", " subnet 172.16.0.0 255.255.0.0",
            " nat (inside,outside) dynamic interface",
            "access-group outside_in in interface outside",
            "crypto map outside_map interface outside"]
    filler(out, int(TARGET_LINES * a.scale) - len(out) - 1)
    out.append(": end")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
