"""A hostile IKE responder for probe's robustness cases (probe_live.py runs
it inside the test's own namespace): a small scripted UDP server on ports
500 and 4500 that answers each request according to MODE.

  junk        before each real answer (NO_PROPOSAL_CHOSEN), a burst of what
              must be ignored: random bytes, a header alone claiming 5000
              bytes, the request's SPI with a broken payload chain, a 60,000
              byte datagram, a well-formed answer to another SPI, a replay of
              the previous answer, the request reflected back
  accept-all  every IKEv1 MM1 answered with an SA of its first transform,
              every IKE_SA_INIT with the first transform of each type (a
              responder that "accepts" everything)
  flood       each request answered with 100 datagrams to other SPIs, then
              the real answer
  malformed   only answers with the request's SPI whose payloads are broken

Usage: hostile_ike.py MODE ADDRESS   (runs until killed)
"""

import os
import select
import socket
import struct
import sys


def v1_notify(icky, rcky, ntype):
    body = struct.pack("!IBBH", 1, 1, 0, ntype)
    pl = struct.pack("!BBH", 0, 0, 4 + len(body)) + body
    return icky + rcky + struct.pack("!BBBBII", 11, 0x10, 5, 0, 0, 28 + len(pl)) + pl


def v2_notify(ispi, rspi, ntype):
    pl = struct.pack("!BBHBBH", 0, 0, 8, 0, 0, ntype)
    return ispi + rspi + struct.pack("!BBBBII", 41, 0x20, 34, 0x20, 0, 28 + len(pl)) + pl


def first_sa(req):
    """The request's SA with only its first transform (IKEv1) or the first
    of each type of its first proposal (IKEv2)."""
    v2 = req[17] >> 4 == 2
    off = 28
    if v2 and req[16] != 33:  # a COOKIE notify before the SA
        off += struct.unpack("!H", req[off + 2:off + 4])[0]
    sa_len = struct.unpack("!H", req[off + 2:off + 4])[0]
    sa = req[off:off + sa_len]
    p = 4 + (0 if v2 else 8)
    phdr = sa[p:p + 8]
    t = p + 8
    xfs, seen = [], set()
    while t < len(sa):
        tl = struct.unpack("!H", sa[t + 2:t + 4])[0]
        x = bytearray(sa[t:t + tl])
        kind = x[4] if v2 else 0
        if kind not in seen:
            seen.add(kind)
            xfs.append(x)
        if x[0] == 0 or not v2 and xfs:
            break
        t += tl
    for i, x in enumerate(xfs):
        x[0] = 0 if i == len(xfs) - 1 else 3
    xb = b"".join(bytes(x) for x in xfs)
    prop = bytes([0]) + phdr[1:2] + struct.pack("!H", 8 + len(xb)) + phdr[4:7] + bytes([len(xfs)]) + xb
    head = sa[4:p]
    return bytes([0]) + sa[1:2] + struct.pack("!H", 4 + len(head) + len(prop)) + head + prop


def answer(mode, req, last):
    v2 = req[17] >> 4 == 2
    spi, other = req[:8], os.urandom(8)
    if mode == "accept-all":
        sa = first_sa(req)
        hdr = spi + other + struct.pack("!BBBBII", 33 if v2 else 1, req[17], req[18],
                                        0x20 if v2 else 0, 0, 28 + len(sa))
        return [hdr + sa]
    real = v2_notify(spi, other, 14) if v2 else v1_notify(spi, other, 14)
    if mode == "flood":
        return [v1_notify(os.urandom(8), other, 14) for _ in range(100)] + [real]
    broken = spi + other + req[16:24] + struct.pack("!I", 40) + b"\x00\x00\x00\x02" + b"\x00" * 8
    if mode == "malformed":
        return [broken]
    huge = spi + other + req[16:24] + struct.pack("!I", 60000) + b"\x0d\x00\xff\xff" + \
        b"\xaa" * (60000 - 32)
    burst = [os.urandom(1 + os.urandom(1)[0] % 100),
             spi + other + req[16:24] + struct.pack("!I", 5000),
             broken, huge,
             v1_notify(os.urandom(8), other, 14) if not v2 else v2_notify(os.urandom(8), other, 14),
             req]
    if last:
        burst.append(last)
    return burst + [real]


def main():
    mode, addr = sys.argv[1], sys.argv[2]
    fam = socket.AF_INET6 if ":" in addr else socket.AF_INET
    socks = []
    for port in (500, 4500):
        s = socket.socket(fam, socket.SOCK_DGRAM)
        s.bind((addr, port))
        socks.append((s, port))
    last = None
    while True:
        ready, _, _ = select.select([s for s, _ in socks], [], [])
        for s in ready:
            port = dict((x, p) for x, p in socks)[s]
            data, peer = s.recvfrom(65535)
            if port == 4500:
                if data[:4] != b"\x00\x00\x00\x00":
                    continue
                data = data[4:]
            if len(data) < 28:
                continue
            out = answer(mode, data, last)
            for d in out:
                try:
                    s.sendto((b"\x00" * 4 if port == 4500 else b"") + d, peer)
                except OSError:
                    pass
            last = out[-1]


if __name__ == "__main__":
    main()
