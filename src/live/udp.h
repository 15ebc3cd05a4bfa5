/*
 * Talking to one live IKE responder over UDP (probe, test): one socket
 * connected to exactly the address given, so the kernel delivers only that
 * address's datagrams and ICMP errors (IP_RECVERR / IPV6_RECVERR) about
 * this flow. Nothing here decodes IKE: a caller's match function says
 * which datagram is the answer.
 *
 * Every send goes through a pacer that holds the run's budget: at most
 * rate packets per second, at most max_packets in all, nothing after the
 * deadline. A datagram received that is not the answer is counted and
 * ignored; at most max_recv of them per run, so a responder that answers
 * every packet (or floods) cannot keep the run busy.
 */
#ifndef IPSD_LIVE_UDP_H
#define IPSD_LIVE_UDP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#define LIVE_MAX_DGRAM 65535

struct live_sock {
        int fd;
        int af; /* AF_INET or AF_INET6 */
        uint16_t port;
        bool natt; /* port 4500: the 4-byte non-ESP marker (RFC 3948 2.2) */
        char addr[64];
};

/* Opens a socket connected to the numeric address host, port. No name
 * resolution: exactly the address given is used. 0, or -1 with why. */
int live_open(struct live_sock *s, const char *host, uint16_t port, char *err, size_t errlen);
void live_close(struct live_sock *s);

struct live_budget {
        unsigned rate;        /* packets per second, > 0 */
        unsigned max_packets; /* sends in the whole run */
        unsigned max_recv;    /* non-matching datagrams accepted in the whole run */
        uint64_t deadline_ns; /* CLOCK_MONOTONIC; 0: none */
        /* state */
        uint64_t last_send_ns;
        unsigned sent, received, ignored, icmp;
        bool exhausted; /* a limit stopped something */
};
uint64_t live_now_ns(void);
void live_budget_init(struct live_budget *b, unsigned rate, unsigned max_packets,
                      double max_seconds);

/* Retransmission like a real initiator: wait, then resend with the wait
 * multiplied by backoff, tries transmissions in all. */
struct live_retx {
        double first_wait; /* seconds */
        double backoff;
        unsigned tries;
};

enum live_outcome {
        LIVE_ANSWERED,
        LIVE_SILENT, /* every transmission timed out */
        LIVE_ICMP,   /* an ICMP error about this flow */
        LIVE_BUDGET, /* the packet total, the received total or the deadline */
        LIVE_FAILED, /* a local socket error */
};

struct live_result {
        enum live_outcome outcome;
        unsigned sends;                        /* transmissions of this request */
        unsigned ignored;                      /* datagrams that did not match */
        int icmp_type, icmp_code, icmp_origin; /* LIVE_ICMP: origin 2 ICMP, 3 ICMPv6 */
        int err;                               /* errno of LIVE_FAILED or the ICMP error */
        size_t len;                            /* of the answer in the caller's buffer */
        double rtt;                            /* seconds from the last send to the answer */
        bool from_also;                        /* live_exchange_also: it came on `also` */
};

/* true: p/len is the answer to the request. */
typedef bool (*live_match_fn)(void *ctx, const uint8_t *p, size_t len);

/*
 * Sends req (the IKE message; the non-ESP marker is added on port 4500)
 * and waits for a datagram that match accepts, retransmitting per rx.
 * The answer (marker removed) is copied into reply (cap bytes; a longer
 * one is not the answer: an IKE message is at most 65535 bytes, and the
 * buffer must hold LIVE_MAX_DGRAM). Returns r->outcome.
 */
enum live_outcome live_exchange(struct live_sock *s, struct live_budget *b,
                                const struct live_retx *rx, const uint8_t *req, size_t len,
                                live_match_fn match, void *ctx, uint8_t *reply, size_t cap,
                                struct live_result *r);

/*
 * The same, listening also on a second socket for the answer: after the
 * NAT-T float (RFC 3947 4) a responder that could not process the
 * message on 4500 answers where the exchange was before (strongSwan sends
 * its Informational about an MM5 it cannot decrypt from 500 to our port-500
 * socket: it moves the peer's address only once a message verified).
 * also may be NULL or equal to s.
 */
enum live_outcome live_exchange_also(struct live_sock *s, struct live_sock *also,
                                     struct live_budget *b, const struct live_retx *rx,
                                     const uint8_t *req, size_t len, live_match_fn match, void *ctx,
                                     uint8_t *reply, size_t cap, struct live_result *r);

/* Only listens, for up to seconds, for a datagram match accepts (what a
 * responder may send after the last message of an exchange: an
 * Informational deleting what it just set up). LIVE_ANSWERED or
 * LIVE_SILENT (or LIVE_ICMP, LIVE_BUDGET). */
enum live_outcome live_listen(struct live_sock *s, struct live_sock *also, struct live_budget *b,
                              double seconds, live_match_fn match, void *ctx, uint8_t *reply,
                              size_t cap, struct live_result *r);

/* One paced transmission of req, no answer awaited: the last message of
 * an exchange (IKEv1 QM3, an Informational delete). LIVE_ANSWERED when it
 * left (nothing was received), LIVE_BUDGET, LIVE_ICMP (an error queued
 * about an earlier send) or LIVE_FAILED. */
enum live_outcome live_send(struct live_sock *s, struct live_budget *b, const uint8_t *req,
                            size_t len, struct live_result *r);

const char *live_outcome_name(enum live_outcome o);
/* "port unreachable", "host unreachable", "administratively prohibited"... */
const char *live_icmp_name(int origin, int type, int code);

#endif
