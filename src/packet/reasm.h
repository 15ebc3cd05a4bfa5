/*
 * IP fragment reassembly for the datagrams IPsec cares about (UDP: IKE on
 * 500/4500, ESP in UDP; ESP, protocol 50), IPv4 (RFC 791, RFC 815) and
 * IPv6 (RFC 8200 4.5), in bounded memory, with timeouts by capture time.
 *
 * A datagram is keyed by addresses, protocol and identification. Its
 * fragments are copied until they cover it (then it is handed back whole,
 * as a frame, for the capture analysis), or until it times out, is evicted
 * or the capture ends: then it is reported as lost, with what was missing
 * ("fragment 2 of 3, bytes 1480-2959"), which is a fact of its own (an IKE
 * message larger than the path lets through, a firewall that drops
 * non-initial fragments).
 *
 * Bounds (each one counted when reached, never silent):
 *   REASM_MAX_DGRAMS  datagrams in reassembly at once (the oldest is evicted)
 *   REASM_MAX_FRAGS   fragments per datagram
 *   REASM_MAX_BYTES   bytes held in all
 * A datagram over 65535 bytes is refused (RFC 791 / RFC 8200 4.5).
 * Timeouts: 30 s for IPv4 (Linux's ipfrag_time default; RFC 791 suggests
 * 15 s as a lower bound), 60 s for IPv6 (RFC 8200 4.5).
 */
#ifndef IPSD_PACKET_REASM_H
#define IPSD_PACKET_REASM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frame.h"

#define REASM_MAX_DGRAMS   256
#define REASM_MAX_FRAGS    64
#define REASM_MAX_BYTES    (4u << 20)
#define REASM_MAX_DATAGRAM 65535u
#define REASM_TIMEOUT_V4   30
#define REASM_TIMEOUT_V6   60

enum reasm_why {
        REASM_TIMEOUT,  /* no fragment came for the timeout, by capture time */
        REASM_END,      /* the capture ended before it was complete */
        REASM_EVICTED,  /* REASM_MAX_DGRAMS or REASM_MAX_BYTES made room for newer ones */
        REASM_TOO_MANY, /* more than REASM_MAX_FRAGS fragments, or over 65535 bytes */
        REASM_CUT,      /* a fragment was cut by the capture's snap length */
};

/* A datagram that never completed. */
struct reasm_lost {
        enum reasm_why why;
        int af;
        uint8_t src[16], dst[16];
        uint8_t proto; /* of the datagram (IPv6: after the Fragment header) */
        uint32_t id;
        /* the first fragment's frame (transport kind, ports, SPI, the IKE
         * payload's first bytes), NULL when the first fragment is missing */
        const struct frame *first;
        uint64_t first_frame, last_frame; /* frame numbers of the fragments seen */
        int64_t first_sec;
        unsigned nfrags;
        uint32_t got;   /* bytes of data received */
        uint32_t total; /* the datagram's data length, 0 if the last fragment never came */
        uint32_t hole_off, hole_len; /* the first missing range (hole_len 0: open-ended) */
        unsigned hole_index;         /* 1-based fragment position of the hole, by the
                                        size of the fragments seen (0 if unknown) */
        unsigned nfrags_expected;    /* from the total and that size, 0 if unknown */
};

struct reasm_frag {
        uint32_t off, len;
        uint8_t *data;
};

struct reasm_dgram {
        bool used;
        int af;
        uint8_t src[16], dst[16];
        uint8_t proto;
        uint32_t id;
        int64_t first_sec;
        uint64_t first_frame, last_frame;
        uint32_t total; /* 0 until the last fragment */
        bool have_first, cut;
        struct frame first;      /* the first fragment's decoded frame (views dropped) */
        uint8_t first_bytes[64]; /* the start of its data (IKE header, SPI) */
        size_t nfirst_bytes;
        unsigned nfrags;
        uint32_t bytes;
        struct reasm_frag frags[REASM_MAX_FRAGS];
};

struct reasm {
        struct reasm_dgram *d; /* REASM_MAX_DGRAMS, allocated on the first fragment */
        size_t live;
        size_t bytes;
        int64_t last_sweep;
        uint8_t *out;         /* the last datagram handed back (freed on the next call) */
        unsigned last_nfrags; /* fragments of the datagram last handed back */
        uint64_t completed, lost, evicted;
};

/* Called for each datagram that will never complete. */
typedef void (*reasm_lost_fn)(void *ctx, const struct reasm_lost *l);

void reasm_init(struct reasm *r);
/* Reports every datagram still incomplete (REASM_END) and frees all. */
void reasm_finish(struct reasm *r, reasm_lost_fn lost, void *ctx);

/* Files fragment f (frame number frame at capture time sec) when it is one
 * of UDP or ESP; expires older datagrams by sec. Returns 1 with *out the
 * whole datagram's frame (its views valid until the next call) when f
 * completed one, 0 when it was kept or not a fragment of interest, -1 out
 * of memory. */
int reasm_add(struct reasm *r, const struct frame *f, uint64_t frame, int64_t sec,
              struct frame *out, reasm_lost_fn lost, void *ctx);

#endif
