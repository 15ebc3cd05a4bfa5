/*
 * Link layer -> IP -> UDP / ESP for one frame (frame.h). Sources:
 * pcap-linktype(7) and the tcpdump.org LINKTYPE_ pages (link headers),
 * IEEE 802.1Q/802.1ad (tags), RFC 791 (IPv4), RFC 8200 (IPv6 and its
 * extension headers), RFC 768 (UDP), RFC 3948 (UDP 4500: non-ESP marker,
 * keepalive, ESP in UDP), RFC 4303 (ESP: SPI and sequence number),
 * RFC 792 / RFC 1191 / RFC 4443 (ICMP errors and what they quote).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "../wire/wire_int.h"
#include "frame.h"

#define ETHERTYPE_IPV4     0x0800
#define ETHERTYPE_IPV6     0x86dd
#define ETHERTYPE_VLAN     0x8100 /* 802.1Q */
#define ETHERTYPE_QINQ     0x88a8 /* 802.1ad */
#define ETHERTYPE_QINQ_OLD 0x9100
#define MAX_TAGS           8 /* tags walked before giving up; FRAME_MAX_VLAN kept */
#define MAX_V6_EXT         8 /* IPv6 extension headers walked */
#define IKE_PORT           500
#define NATT_PORT          4500

static int ip_layer(struct rd *r, struct frame *f, bool cut, struct wire_err *e);

/* The ethertype that follows the link header (0 when not IP-bearing). */
static int link_layer(int link, struct rd *r, struct frame *f, uint16_t *etype, struct wire_err *e)
{
        uint32_t af;
        uint16_t t;
        switch (link) {
        case LINK_ETHERNET:
                if (!rd_skip(r, 12) || !rd_u16(r, &t)) {
                        wire_fail(e, 0, "Ethernet header cut short (%zu bytes)", r->len);
                        return -1;
                }
                for (int i = 0;
                     t == ETHERTYPE_VLAN || t == ETHERTYPE_QINQ || t == ETHERTYPE_QINQ_OLD; i++) {
                        uint16_t tci;
                        if (i == MAX_TAGS) {
                                wire_fail(e, r->off, "more than %d VLAN tags", MAX_TAGS);
                                return -1;
                        }
                        if (!rd_u16(r, &tci) || !rd_u16(r, &t)) {
                                wire_fail(e, r->off, "VLAN tag cut short");
                                return -1;
                        }
                        if (f->nvlan < FRAME_MAX_VLAN)
                                f->vlan[f->nvlan++] = tci & 0x0fff;
                }
                *etype = t; /* 1500 and under: an 802.3 length, LLC follows: not IP */
                return 0;
        case LINK_LINUX_SLL: /* type, ARPHRD, address length, 8 address bytes, protocol */
                if (!rd_skip(r, 14) || !rd_u16(r, &t)) {
                        wire_fail(e, 0, "Linux cooked header cut short (%zu bytes)", r->len);
                        return -1;
                }
                *etype = t;
                return 0;
        case LINK_LINUX_SLL2: /* protocol, reserved, ifindex, ARPHRD, type, addr len, addr */
                if (!rd_u16(r, &t) || !rd_skip(r, 18)) {
                        wire_fail(e, 0, "Linux cooked v2 header cut short (%zu bytes)", r->len);
                        return -1;
                }
                *etype = t;
                return 0;
        case LINK_NULL:
        case LINK_LOOP: {
                uint8_t b[4];
                if (!rd_copy(r, b, 4)) {
                        wire_fail(e, 0, "loopback header cut short (%zu bytes)", r->len);
                        return -1;
                }
                /* DLT_NULL is in the capturing host's order, DLT_LOOP in network
                 * order: a family is small, so the order that gives one under
                 * 256 is the one */
                uint32_t be = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | b[2] << 8 | b[3];
                uint32_t le = (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | b[1] << 8 | b[0];
                af = be < 256 ? be : le;
                /* AF_INET is 2 everywhere; AF_INET6 is 10 (Linux), 24 (NetBSD,
                 * OpenBSD), 28 (FreeBSD), 30 (Darwin) */
                *etype = af == 2                                          ? ETHERTYPE_IPV4
                         : (af == 10 || af == 24 || af == 28 || af == 30) ? ETHERTYPE_IPV6
                                                                          : 0;
                return 0;
        }
        case LINK_RAW:
        case LINK_RAW_101:
        case LINK_IPV4:
        case LINK_IPV6: {
                if (rd_left(r) < 1) {
                        wire_fail(e, 0, "empty raw IP frame");
                        return -1;
                }
                unsigned v = r->p[r->off] >> 4;
                if (v != 4 && v != 6) {
                        wire_fail(e, 0, "IP version %u in a raw IP frame", v);
                        return -1;
                }
                *etype = v == 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
                return 0;
        }
        default:
                wire_fail(e, 0,
                          "link type %d is not read (Ethernet, Linux cooked v1/v2, raw IP, "
                          "null/loopback are)",
                          link);
                return -1;
        }
}

int frame_decode(int link, const uint8_t *p, size_t caplen, size_t wirelen, struct frame *f,
                 struct wire_err *e)
{
        struct rd r = rd_of(p, caplen);
        uint16_t etype = 0;
        *f = (struct frame){0};
        f->truncated = caplen < wirelen;
        if (link_layer(link, &r, f, &etype, e) < 0)
                return -1;
        if (etype != ETHERTYPE_IPV4 && etype != ETHERTYPE_IPV6) {
                f->kind = FK_NOT_IP;
                return 0;
        }
        return ip_layer(&r, f, f->truncated, e);
}

static void classify_udp(struct rd *r, struct frame *f, bool partial, struct wire_err *e, int *rc)
{
        size_t at = r->off;
        uint16_t ulen, sum;
        if (!rd_u16(r, &f->sport) || !rd_u16(r, &f->dport) || !rd_u16(r, &ulen) ||
            !rd_u16(r, &sum)) {
                if (partial) { /* cut by the snap length: say so, no error */
                        f->kind = FK_OTHER;
                        return;
                }
                wire_fail(e, at, "UDP header cut short");
                *rc = -1;
                return;
        }
        if (ulen < 8) {
                wire_fail(e, at, "UDP length %u is under 8", ulen);
                *rc = -1;
                return;
        }
        size_t want = (size_t)ulen - 8;
        if (want > rd_left(r)) {
                if (!partial) {
                        wire_fail(e, at, "UDP length %u, but %zu bytes are there", ulen,
                                  rd_left(r) + 8);
                        *rc = -1;
                        return;
                }
                want = rd_left(r); /* a first fragment or a snap length: what is there */
        }
        struct wire_view pl;
        (void)rd_bytes(r, want, &pl);
        bool ike = f->sport == IKE_PORT || f->dport == IKE_PORT;
        bool natt = f->sport == NATT_PORT || f->dport == NATT_PORT;
        if (ike && !natt) {
                f->kind = FK_IKE;
                f->payload = pl;
                return;
        }
        if (!natt) {
                f->kind = FK_OTHER;
                return;
        }
        if (pl.len == 1 && pl.p[0] == 0xff) { /* RFC 3948 2.3 */
                f->kind = FK_NATT_KEEPALIVE;
                return;
        }
        if (pl.len >= 4 && pl.p[0] == 0 && pl.p[1] == 0 && pl.p[2] == 0 && pl.p[3] == 0) {
                f->kind = FK_IKE; /* RFC 3948 2.2: the non-ESP marker, then IKE */
                f->marker = true;
                f->payload.p = pl.p + 4;
                f->payload.len = pl.len - 4;
                return;
        }
        if (pl.len >= 8) { /* RFC 3948 2.1: ESP, whose SPI is never 0 */
                struct rd er = rd_view(pl);
                (void)rd_u32(&er, &f->esp_spi);
                (void)rd_u32(&er, &f->esp_seq);
                f->kind = FK_ESP_UDP;
                f->payload = pl;
                return;
        }
        f->kind = FK_OTHER; /* too short for ESP, not a keepalive nor IKE */
}

/* The packet an ICMP error quotes: its IP header and at least 8 bytes of
 * what followed (RFC 792; RFC 4443 quotes as much as fits). Only what is
 * there is read; a quote cut short keeps what it had. */
static void icmp_quote(struct rd *r, struct frame *f)
{
        uint8_t v;
        if (rd_left(r) < 1)
                return;
        v = r->p[r->off] >> 4;
        if (v == 4) {
                uint8_t vihl, proto;
                if (!rd_u8(r, &vihl) || !rd_skip(r, 8) || !rd_u8(r, &proto) || !rd_skip(r, 2) ||
                    !rd_copy(r, f->quoted.src, 4) || !rd_copy(r, f->quoted.dst, 4))
                        return;
                f->quoted.af = 4;
                f->quoted.proto = proto;
                if ((vihl & 0x0f) < 5 || !rd_skip(r, (size_t)(vihl & 0x0f) * 4 - 20))
                        return;
        } else if (v == 6) {
                uint8_t next;
                if (!rd_skip(r, 6) || !rd_u8(r, &next) || !rd_skip(r, 1) ||
                    !rd_copy(r, f->quoted.src, 16) || !rd_copy(r, f->quoted.dst, 16))
                        return;
                f->quoted.af = 6;
                f->quoted.proto = next; /* extension headers in a quote: not walked */
        } else {
                return;
        }
        if (f->quoted.proto == 50 && rd_u32(r, &f->quoted.spi)) {
                f->quoted.has_spi = true;
        } else if (f->quoted.proto == 17 && rd_u16(r, &f->quoted.sport) &&
                   rd_u16(r, &f->quoted.dport)) {
                f->quoted.has_ports = true;
                uint32_t spi;
                /* RFC 3948: on 4500, a non-zero first word is an ESP SPI; a
                 * router quotes that far when it quotes more than RFC 792's 8 bytes */
                if ((f->quoted.sport == NATT_PORT || f->quoted.dport == NATT_PORT) &&
                    rd_skip(r, 4) && rd_u32(r, &spi) && spi != 0) {
                        f->quoted.has_spi = true;
                        f->quoted.spi = spi;
                }
        }
}

static void icmp(struct rd *r, struct frame *f, bool v6)
{
        uint8_t type, code;
        uint16_t sum, w1, w2;
        f->kind = FK_OTHER;
        if (!rd_u8(r, &type) || !rd_u8(r, &code) || !rd_u16(r, &sum) || !rd_u16(r, &w1) ||
            !rd_u16(r, &w2))
                return;
        /* errors: ICMPv4 3 unreachable, 11 time exceeded; ICMPv6 1 unreachable,
         * 2 packet too big, 3 time exceeded */
        bool err = v6 ? (type >= 1 && type <= 3) : (type == 3 || type == 11);
        if (!err)
                return;
        f->kind = FK_ICMP_ERROR;
        f->icmp_type = type;
        f->icmp_code = code;
        if (!v6 && type == 3 && code == 4)
                f->icmp_mtu = w2; /* RFC 1191: next-hop MTU */
        else if (v6 && type == 2)
                f->icmp_mtu = (uint32_t)w1 << 16 | w2;
        icmp_quote(r, f);
}

static int transport(struct rd *r, struct frame *f, bool partial, struct wire_err *e)
{
        int rc = 0;
        if (f->fragment && f->frag_offset != 0) {
                f->kind = FK_IP_FRAGMENT;
                return 0;
        }
        if (f->proto == 17) {
                classify_udp(r, f, partial || f->more_fragments, e, &rc);
        } else if (f->proto == 50) {
                struct rd er = *r;
                if (rd_u32(&er, &f->esp_spi) && rd_u32(&er, &f->esp_seq)) {
                        f->kind = FK_ESP;
                        f->payload = rd_rest(r);
                } else if (!partial && !f->more_fragments) {
                        wire_fail(e, r->off, "ESP packet of %zu bytes, under SPI and sequence",
                                  rd_left(r));
                        return -1;
                }
        } else if ((f->proto == 1 && f->af == 4) || (f->proto == 58 && f->af == 6)) {
                icmp(r, f, f->af == 6);
        } else {
                f->kind = FK_OTHER;
        }
        return rc;
}

static int ipv4(struct rd *r, struct frame *f, bool cut, struct wire_err *e)
{
        size_t at = r->off;
        uint8_t vihl, tos, ttl, proto;
        uint16_t tot, id, frag, sum;
        if (!rd_u8(r, &vihl) || !rd_u8(r, &tos) || !rd_u16(r, &tot) || !rd_u16(r, &id) ||
            !rd_u16(r, &frag) || !rd_u8(r, &ttl) || !rd_u8(r, &proto) || !rd_u16(r, &sum) ||
            !rd_copy(r, f->src, 4) || !rd_copy(r, f->dst, 4)) {
                wire_fail(e, at, "IPv4 header cut short");
                return -1;
        }
        size_t ihl = (size_t)(vihl & 0x0f) * 4;
        if ((vihl >> 4) != 4 || ihl < 20) {
                wire_fail(e, at, "IPv4 version %u, header length %zu", vihl >> 4, ihl);
                return -1;
        }
        if (tot < ihl) {
                wire_fail(e, at, "IPv4 total length %u is under its header's %zu", tot, ihl);
                return -1;
        }
        f->af = 4;
        f->ttl = ttl;
        f->proto = proto;
        f->ip_id = id;
        f->ip_len = tot;
        f->dont_fragment = (frag & 0x4000) != 0;
        f->more_fragments = (frag & 0x2000) != 0;
        f->frag_offset = (uint32_t)(frag & 0x1fff) * 8;
        f->fragment = f->more_fragments || f->frag_offset != 0;
        if (!rd_skip(r, ihl - 20)) {
                wire_fail(e, at, "IPv4 options cut short");
                return -1;
        }
        size_t body = tot - ihl;
        bool partial = false;
        if (body > rd_left(r)) {
                if (!cut) {
                        wire_fail(e, at, "IPv4 total length %u, but %zu bytes are there", tot,
                                  rd_left(r) + ihl);
                        return -1;
                }
                partial = true;
                body = rd_left(r);
        }
        struct rd in = rd_of(r->p + r->off, body); /* link padding left out */
        f->frag_data = (struct wire_view){in.p, body};
        f->frag_next = proto;
        return transport(&in, f, partial, e);
}

/* IPv6 from next header on: extension headers (RFC 8200 4): hop-by-hop
 * 0, routing 43, fragment 44, destination options 60; AH 51 (RFC 4302:
 * length in 4-byte units); then the transport. at: the IPv6 header's
 * offset, for errors. */
static int v6_after(struct rd *in, struct frame *f, uint8_t next, bool partial, size_t at,
                    struct wire_err *e)
{
        for (int i = 0;; i++) {
                if (next != 0 && next != 43 && next != 44 && next != 60 && next != 51)
                        break;
                size_t hat = in->off;
                uint8_t nh, len8;
                if (i == MAX_V6_EXT) {
                        wire_fail(e, at, "more than %d IPv6 extension headers", MAX_V6_EXT);
                        return -1;
                }
                if (!rd_u8(in, &nh) || !rd_u8(in, &len8)) {
                        if (partial)
                                return 0;
                        wire_fail(e, at + 40 + hat, "IPv6 extension header cut short");
                        return -1;
                }
                size_t hlen = next == 44   ? 8
                              : next == 51 ? ((size_t)len8 + 2) * 4
                                           : ((size_t)len8 + 1) * 8;
                if (next == 44) {
                        uint16_t off;
                        uint32_t ident;
                        if (f->reassembled) { /* RFC 8200 4.5: one Fragment header */
                                wire_fail(e, hat,
                                          "a Fragment header inside a reassembled datagram");
                                return -1;
                        }
                        if (!rd_u16(in, &off) || !rd_u32(in, &ident)) {
                                if (partial)
                                        return 0;
                                wire_fail(e, at + 40 + hat, "IPv6 fragment header cut short");
                                return -1;
                        }
                        f->frag_offset = (uint32_t)(off & 0xfff8);
                        f->more_fragments = (off & 1) != 0;
                        f->fragment = true;
                        f->ip_id = ident;
                        f->frag_data = (struct wire_view){in->p + in->off, rd_left(in)};
                        f->frag_next = nh;
                } else if (!rd_skip(in, hlen - 2)) {
                        if (partial)
                                return 0;
                        wire_fail(e, at + 40 + hat, "IPv6 extension header %u cut short", next);
                        return -1;
                }
                next = nh;
        }
        f->proto = next;
        return transport(in, f, partial, e);
}

static int ipv6(struct rd *r, struct frame *f, bool cut, struct wire_err *e)
{
        size_t at = r->off;
        uint32_t vtf;
        uint16_t plen;
        uint8_t next, hlim;
        if (!rd_u32(r, &vtf) || !rd_u16(r, &plen) || !rd_u8(r, &next) || !rd_u8(r, &hlim) ||
            !rd_copy(r, f->src, 16) || !rd_copy(r, f->dst, 16)) {
                wire_fail(e, at, "IPv6 header cut short");
                return -1;
        }
        if ((vtf >> 28) != 6) {
                wire_fail(e, at, "IP version %u in an IPv6 frame", vtf >> 28);
                return -1;
        }
        f->af = 6;
        f->ttl = hlim;
        f->ip_len = 40u + plen;
        bool partial = false;
        size_t body = plen;
        if (body > rd_left(r)) {
                if (!cut) {
                        wire_fail(e, at, "IPv6 payload length %u, but %zu bytes are there", plen,
                                  rd_left(r));
                        return -1;
                }
                partial = true;
                body = rd_left(r);
        }
        struct rd in = rd_of(r->p + r->off, body);
        return v6_after(&in, f, next, partial, at, e);
}

static int ip_layer(struct rd *r, struct frame *f, bool cut, struct wire_err *e)
{
        if (rd_left(r) < 1) {
                wire_fail(e, r->off, "no IP header after the link header");
                return -1;
        }
        unsigned v = r->p[r->off] >> 4;
        if (v == 4)
                return ipv4(r, f, cut, e);
        if (v == 6)
                return ipv6(r, f, cut, e);
        wire_fail(e, r->off, "IP version %u", v);
        return -1;
}

int frame_reassembled(const struct frame *first, const uint8_t *data, size_t len, struct frame *f,
                      struct wire_err *e)
{
        *f = *first;
        f->fragment = f->more_fragments = false;
        f->frag_offset = 0;
        f->reassembled = true;
        /* the headers of the first fragment, then all the data */
        f->ip_len = (uint32_t)(first->ip_len - first->frag_data.len + len);
        f->kind = FK_OTHER;
        f->payload = (struct wire_view){NULL, 0};
        f->marker = false;
        f->esp_spi = f->esp_seq = 0;
        f->frag_data = (struct wire_view){data, len};
        struct rd in = rd_of(data, len);
        if (f->af == 6)
                return v6_after(&in, f, first->frag_next, false, 0, e);
        f->proto = first->frag_next;
        return transport(&in, f, false, e);
}

const char *frame_kind_name(enum frame_kind k)
{
        static const char *const names[] = {
            [FK_OTHER] = "other",
            [FK_NOT_IP] = "not IP",
            [FK_IKE] = "IKE",
            [FK_NATT_KEEPALIVE] = "NAT-T keepalive",
            [FK_ESP_UDP] = "ESP-in-UDP",
            [FK_ESP] = "ESP",
            [FK_IP_FRAGMENT] = "IP fragment",
            [FK_ICMP_ERROR] = "ICMP error",
        };
        if ((unsigned)k < sizeof(names) / sizeof(names[0]) && names[k])
                return names[k];
        return "?";
}

const char *frame_addr_str(int af, const uint8_t *a, char buf[46])
{
        if (!inet_ntop(af == 6 ? AF_INET6 : AF_INET, a, buf, 46))
                snprintf(buf, 46, "?");
        return buf;
}
