/*
 * One captured frame, from its link layer down to what IPsec cares about:
 * the IP addresses, and whether it carries IKE (UDP 500, or UDP 4500 after
 * the non-ESP marker), a NAT-T keepalive, ESP in UDP, or ESP. A pure
 * function over the frame's bytes (no libpcap here: pcap_file.c reads the
 * file), in the decoder discipline of src/wire/: every header's length is
 * checked against the captured bytes before it is read, nothing is cast
 * onto them, nothing is allocated.
 *
 * Link types are libpcap's DLT_ values as pcap_datalink() returns them
 * (pcap-linktype(7)); the LINKTYPE_ numbers a file stores are mapped to
 * these by libpcap.
 */
#ifndef IPSD_PACKET_FRAME_H
#define IPSD_PACKET_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../wire/ike.h"

enum frame_link {
        LINK_NULL = 0,        /* DLT_NULL: 4-byte address family, host order (BSD loopback) */
        LINK_ETHERNET = 1,    /* DLT_EN10MB, with 802.1Q / 802.1ad tags */
        LINK_RAW = 12,        /* DLT_RAW on Linux (LINKTYPE_RAW 101 in files) */
        LINK_RAW_101 = 101,   /* LINKTYPE_RAW as some platforms' DLT_RAW */
        LINK_LOOP = 108,      /* DLT_LOOP: like NULL, network order (OpenBSD) */
        LINK_LINUX_SLL = 113, /* Linux cooked v1 */
        LINK_IPV4 = 228,
        LINK_IPV6 = 229,
        LINK_LINUX_SLL2 = 276, /* Linux cooked v2 */
};

enum frame_kind {
        FK_OTHER = 0,      /* IP, but nothing of IPsec's */
        FK_NOT_IP,         /* ARP, LLDP, ...: a link layer without IP */
        FK_IKE,            /* UDP 500, or 4500 after the non-ESP marker (RFC 3948 2.2) */
        FK_NATT_KEEPALIVE, /* UDP 4500, one byte 0xFF (RFC 3948 2.3) */
        FK_ESP_UDP,        /* UDP 4500, ESP (RFC 3948 2.1) */
        FK_ESP,            /* IP protocol 50 */
        FK_IP_FRAGMENT,    /* a non-first IP fragment: no transport header in it */
        FK_ICMP_ERROR,     /* ICMP/ICMPv6 error quoting a packet (quoted below) */
};

#define FRAME_MAX_VLAN 2

struct frame {
        enum frame_kind kind;
        int af; /* 4 or 6; 0 when not IP */
        uint8_t src[16], dst[16];
        uint8_t proto; /* the transport protocol (after IPv6 extension headers) */
        uint8_t ttl;   /* TTL / hop limit */
        uint16_t vlan[FRAME_MAX_VLAN];
        int nvlan;
        /* IP fragmentation: any fragment (first or not) sets fragment */
        bool fragment, more_fragments, dont_fragment;
        uint32_t frag_offset; /* bytes */
        uint32_t ip_id;
        uint32_t ip_len; /* the IP packet's length as its header declares */
        /* a fragment's share of the datagram (IPv4: after the header; IPv6:
         * after the Fragment header), as captured, and the protocol that
         * follows in the reassembled datagram (IPv6: the Fragment header's
         * next header, extension headers included) */
        struct wire_view frag_data;
        uint8_t frag_next;
        bool reassembled; /* built by frame_reassembled() from fragments */
        uint16_t sport, dport;
        bool truncated; /* the capture holds fewer bytes than the packet had */
        /* FK_IKE: the ISAKMP message (after the marker on 4500);
         * FK_ESP / FK_ESP_UDP: the ESP packet from its SPI on */
        struct wire_view payload;
        bool marker; /* FK_IKE on 4500: the non-ESP marker was there */
        uint32_t esp_spi, esp_seq;
        /* FK_ICMP_ERROR: type and code (ICMPv4 3/3 port unreachable, 3/4
         * fragmentation needed; ICMPv6 1/4 port unreachable, 2 packet too
         * big), the MTU it reports, and the quoted packet's header: its
         * addresses and, for UDP, its ports */
        uint8_t icmp_type, icmp_code;
        uint32_t icmp_mtu;
        struct {
                int af;
                uint8_t src[16], dst[16];
                uint8_t proto;
                bool has_ports;
                uint16_t sport, dport;
                bool has_spi; /* ESP (protocol 50), or ESP in UDP 4500 when quoted that far */
                uint32_t spi;
        } quoted;
};

/* 0, or -1 with e saying what is wrong (a header cut short, a length that
 * points past the captured bytes, an unknown link type). caplen is what the
 * capture holds, wirelen what the packet had. */
int frame_decode(int link, const uint8_t *p, size_t caplen, size_t wirelen, struct frame *f,
                 struct wire_err *e);

/* The frame of a reassembled datagram: the addresses, link and IP facts of
 * first (a fragment's decoded frame) with data (frag_data of every
 * fragment put together, len bytes) decoded as the transport layer, as
 * frame_decode would. f's views point into data. 0 or -1 with e. */
int frame_reassembled(const struct frame *first, const uint8_t *data, size_t len, struct frame *f,
                      struct wire_err *e);

/* "IKE", "NAT-T keepalive", "ESP-in-UDP", ... */
const char *frame_kind_name(enum frame_kind k);
/* The address as text ("10.0.0.1", "2001:db8::1"); buf of 46 bytes. */
const char *frame_addr_str(int af, const uint8_t *a, char buf[46]);

#endif
