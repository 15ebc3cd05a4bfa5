/*
 * ESP in a capture, per SA (SPI and the addresses it flows between), as
 * facts: packets and bytes, both directions or one, sequence numbers (gaps,
 * duplicates, and arrivals so late that a receiver with an anti-replay
 * window of 64, 512 or 1024 drops them), sizes against the path MTU that
 * ICMP reported, post-encryption IP fragmentation and its lost fragments,
 * and whether an exchange of the capture negotiated the SPI.
 *
 * Sources: RFC 4303 2.2 and 3.4.3 (sequence number, anti-replay window:
 * a packet is dropped when it is a duplicate or falls behind the highest
 * sequence number received by the window size or more), 3.3.4
 * (fragmentation after encryption); RFC 3948 (ESP in UDP 4500); RFC 1191
 * and RFC 8201 (path MTU: ICMP fragmentation needed / packet too big);
 * Cisco's replay window sizes 64 (default), 128 .. 1024 (`crypto ipsec
 * security-association replay window-size`, diagnoses.md anti-replay-drops).
 *
 * Without decryption no SPI is ever negotiated in clear (Quick Mode,
 * IKE_AUTH and CREATE_CHILD_SA are encrypted), so "not negotiated in
 * clear" says nothing about a stale SA; SPIs that decrypted exchanges carry
 * reach here through facts.c (cap_facts_payload -> child_spis).
 *
 * Memory: CAP_MAX_ESP SAs, each a fixed record (a 1024-bit window); the
 * packets of SAs past the bound are counted, never kept.
 */
#ifndef IPSD_CAPTURE_ESP_H
#define IPSD_CAPTURE_ESP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../packet/frame.h"

#define CAP_MAX_ESP      8192
#define CAP_ESP_WINDOW   1024 /* the widest window checked, bits kept per SA */
#define CAP_MAX_PATH_MTU 256

/* The windows a receiver may have: 64 is the default (RFC 4303 3.4.3 says
 * 32 at least, 64 recommended; Cisco's default 64), 512 and 1024 Cisco's
 * larger settings. */
extern const unsigned cap_esp_windows[3]; /* {64, 512, 1024} */

enum cap_esp_origin {
        ESP_NOT_IN_CLEAR = 0, /* no exchange readable here carried the SPI */
        ESP_NEGOTIATED,       /* a decrypted (or clear) SA payload carried it */
        ESP_NOT_IN_DECRYPTED, /* exchanges between these peers were decrypted, none carried it */
};

struct cap_esp_sa {
        uint32_t spi;
        int af;
        uint8_t src[16], dst[16];
        bool udp; /* ESP in UDP (RFC 3948) */
        uint16_t sport, dport;
        uint64_t packets, bytes; /* bytes: the IP packets' lengths */
        uint64_t first_frame, last_frame;
        int64_t first_sec, last_sec;
        int32_t first_usec, last_usec;
        /* sequence numbers */
        uint32_t seq_first, seq_max;
        uint64_t lost;       /* numbers never seen (gaps), at the end or when past the window */
        uint64_t duplicates; /* a number seen again within the window: a duplicate or replay */
        uint64_t late[3];    /* behind the highest by cap_esp_windows[i] or more: dropped
                                by a receiver with that window */
        uint64_t first_late_frame[3];
        uint64_t first_dup_frame;
        uint64_t window[CAP_ESP_WINDOW / 64]; /* bit i: seq_max - i seen */
        /* sizes and the path */
        uint32_t max_ip_len;
        uint64_t max_ip_len_frame;
        uint64_t df_packets;     /* IPv4 DF set (IPv6 never fragments on the path) */
        uint32_t path_mtu;       /* smallest MTU an ICMP error reported for this path, 0 none */
        uint64_t path_mtu_frame; /* that ICMP error's frame */
        uint64_t over_mtu_after; /* packets larger than path_mtu sent after that ICMP */
        uint64_t fragmented;     /* packets that came in IP fragments (post-encryption) */
        uint64_t frags_lost;     /* packets lost for a fragment that never arrived */
        /* where it comes from */
        int sa;      /* the IKE SA between the same addresses (index in cs->sa), -1 none */
        int reverse; /* an ESP SA of the opposite direction between them, -1 none */
        enum cap_esp_origin origin;
        uint64_t negotiated_frame;  /* ESP_NEGOTIATED: the message that carried it */
        uint64_t invalid_spi_frame; /* an INVALID_SPI notify naming it, 0 none */
};

struct cap_path_mtu {
        int af;
        uint8_t src[16], dst[16]; /* of the packet the ICMP error quoted */
        uint32_t mtu;
        uint64_t frame;
        bool has_spi;
        uint32_t spi;
};

struct cap_esp {
        struct cap_esp_sa *sa;
        size_t n, cap;
        uint32_t *index;          /* open addressing, 2 * CAP_MAX_ESP slots, entry + 1 (0 empty) */
        uint64_t dropped_packets; /* of SAs past CAP_MAX_ESP */
        size_t dropped_sas_hint;  /* SPIs seen past the bound (counted once per new try) */
        struct cap_path_mtu *mtu; /* ICMP "fragmentation needed" / "packet too big" */
        size_t nmtu, mtu_dropped;
        uint64_t frags_lost_unknown; /* ESP datagrams whose first fragment was lost */
};

struct cap_set;
struct pcap_frame;

void cap_esp_init(struct cap_esp *e);
void cap_esp_free(struct cap_esp *e);
/* An ESP packet (FK_ESP / FK_ESP_UDP; reassembled or not). 0, -1 out of memory. */
int cap_esp_packet(struct cap_esp *e, const struct pcap_frame *pf);
/* An ICMP error reporting an MTU (v4 3/4, v6 2) about a packet between two
 * hosts. 0, -1 out of memory. */
int cap_esp_icmp(struct cap_esp *e, const struct frame *f, uint64_t frame);
/* A lost fragment of an ESP packet (the first fragment's frame, or NULL). */
void cap_esp_frag_lost(struct cap_esp *e, const struct frame *first);
/* After the last frame: windows closed, directions paired, MTUs applied,
 * IKE SAs and SPIs negotiated or named by INVALID_SPI found in cs. */
void cap_esp_finish(struct cap_set *cs);

#endif
