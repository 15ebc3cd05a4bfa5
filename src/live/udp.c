/*
 * One connected UDP socket per destination, a pacer and retransmission
 * (udp.h). ICMP errors come from the socket's error queue (IP_RECVERR,
 * ip(7); IPV6_RECVERR, ipv6(7)): on a connected socket the kernel queues
 * only those quoting this flow.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <netdb.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "udp.h"

uint64_t live_now_ns(void)
{
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void sleep_ns(uint64_t ns)
{
        struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
        while (nanosleep(&ts, &ts) && errno == EINTR)
                ;
}

void live_budget_init(struct live_budget *b, unsigned rate, unsigned max_packets,
                      double max_seconds)
{
        *b = (struct live_budget){0};
        b->rate = rate ? rate : 1;
        b->max_packets = max_packets;
        b->max_recv = 4096;
        if (max_seconds > 0)
                b->deadline_ns = live_now_ns() + (uint64_t)(max_seconds * 1e9);
}

int live_open(struct live_sock *s, const char *host, uint16_t port, char *err, size_t errlen)
{
        struct addrinfo hints = {0}, *ai = NULL;
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_DGRAM;
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV; /* never a name, never a lookup */
        char ports[8];
        snprintf(ports, sizeof(ports), "%u", port);
        *s = (struct live_sock){-1, 0, port, port == 4500, {0}};
        int rc = getaddrinfo(host, ports, &hints, &ai);
        if (rc || !ai) {
                snprintf(err, errlen, "'%s' is not a numeric IPv4 or IPv6 address", host);
                return -1;
        }
        s->af = ai->ai_family;
        s->fd = socket(ai->ai_family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (s->fd < 0) {
                snprintf(err, errlen, "socket: %s", strerror(errno));
                freeaddrinfo(ai);
                return -1;
        }
        int on = 1;
        if (s->af == AF_INET)
                (void)setsockopt(s->fd, IPPROTO_IP, IP_RECVERR, &on, sizeof(on));
        else
                (void)setsockopt(s->fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof(on));
        if (connect(s->fd, ai->ai_addr, ai->ai_addrlen)) {
                snprintf(err, errlen, "%s port %u: %s", host, port, strerror(errno));
                freeaddrinfo(ai);
                close(s->fd);
                s->fd = -1;
                return -1;
        }
        if (getnameinfo(ai->ai_addr, ai->ai_addrlen, s->addr, sizeof(s->addr), NULL, 0,
                        NI_NUMERICHOST))
                snprintf(s->addr, sizeof(s->addr), "%s", host);
        freeaddrinfo(ai);
        return 0;
}

void live_close(struct live_sock *s)
{
        if (s->fd >= 0)
                close(s->fd);
        s->fd = -1;
}

/* The oldest queued ICMP error, if any: 1 with its fields, 0 none. */
static int read_icmp(struct live_sock *s, struct live_result *r)
{
        uint8_t data[256];
        union {
                char buf[512];
                struct cmsghdr align;
        } c;
        struct iovec iov = {data, sizeof(data)};
        struct msghdr mh = {0};
        mh.msg_iov = &iov;
        mh.msg_iovlen = 1;
        mh.msg_control = c.buf;
        mh.msg_controllen = sizeof(c.buf);
        if (recvmsg(s->fd, &mh, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
                return 0;
        for (struct cmsghdr *cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm)) {
                if (!((cm->cmsg_level == IPPROTO_IP && cm->cmsg_type == IP_RECVERR) ||
                      (cm->cmsg_level == IPPROTO_IPV6 && cm->cmsg_type == IPV6_RECVERR)))
                        continue;
                struct sock_extended_err ee;
                if (cm->cmsg_len < CMSG_LEN(sizeof(ee)))
                        continue;
                memcpy(&ee, CMSG_DATA(cm), sizeof(ee));
                if (ee.ee_origin != SO_EE_ORIGIN_ICMP && ee.ee_origin != SO_EE_ORIGIN_ICMP6)
                        continue;
                r->icmp_origin = ee.ee_origin;
                r->icmp_type = ee.ee_type;
                r->icmp_code = ee.ee_code;
                r->err = (int)ee.ee_errno;
                return 1;
        }
        return 0;
}

/* Waits for the pacer's next slot; false when the budget forbids a send. */
static bool pace(struct live_budget *b)
{
        if (b->max_packets && b->sent >= b->max_packets)
                return b->exhausted = true, false;
        uint64_t gap = 1000000000u / b->rate, now = live_now_ns();
        if (b->sent && now < b->last_send_ns + gap) {
                uint64_t until = b->last_send_ns + gap;
                if (b->deadline_ns && until >= b->deadline_ns)
                        return b->exhausted = true, false;
                sleep_ns(until - now);
                now = live_now_ns();
        }
        if (b->deadline_ns && now >= b->deadline_ns)
                return b->exhausted = true, false;
        b->last_send_ns = now;
        b->sent++;
        return true;
}

static int send_req(struct live_sock *s, const uint8_t *req, size_t len)
{
        static const uint8_t marker[4] = {0};
        struct iovec iov[2] = {{(void *)marker, 4}, {(void *)req, len}};
        struct msghdr mh = {0};
        mh.msg_iov = s->natt ? iov : iov + 1;
        mh.msg_iovlen = s->natt ? 2 : 1;
        ssize_t n = sendmsg(s->fd, &mh, 0);
        return n < 0 ? -1 : 0;
}

/* One datagram from s into reply: its length after the non-ESP marker,
 * or -1 when it is none of ours to match (ESP, a keepalive, too long) or
 * nothing was there. */
static ssize_t recv_one(struct live_sock *s, uint8_t *reply, size_t cap)
{
        ssize_t n = recv(s->fd, reply, cap, MSG_DONTWAIT | MSG_TRUNC);
        if (n < 0)
                return -2;
        size_t got = (size_t)n, off = 0;
        bool ok = got <= cap; /* MSG_TRUNC: longer than the buffer */
        if (ok && s->natt) {
                /* IKE on 4500 starts with 4 zero bytes; anything else is ESP or a
                 * keepalive, not our answer */
                ok = got >= 4 && !reply[0] && !reply[1] && !reply[2] && !reply[3];
                off = 4;
        }
        if (!ok)
                return -1;
        if (off) {
                memmove(reply, reply + off, got - off);
                got -= off;
        }
        return (ssize_t)got;
}

enum live_outcome live_exchange_also(struct live_sock *s, struct live_sock *also,
                                     struct live_budget *b, const struct live_retx *rx,
                                     const uint8_t *req, size_t len, live_match_fn match, void *ctx,
                                     uint8_t *reply, size_t cap, struct live_result *r)
{
        *r = (struct live_result){0};
        double wait = rx->first_wait > 0 ? rx->first_wait : 1.0;
        unsigned tries = rx->tries ? rx->tries : 1;
        if (also && (also == s || also->fd < 0))
                also = NULL;
        for (unsigned t = 0; t < tries; t++, wait *= rx->backoff >= 1 ? rx->backoff : 1) {
                if (req && !pace(b))
                        return r->outcome = LIVE_BUDGET;
                uint64_t sent_at = live_now_ns();
                if (req && send_req(s, req, len)) {
                        if (errno == ECONNREFUSED || errno == EHOSTUNREACH ||
                            errno == ENETUNREACH) {
                                /* an ICMP error to an earlier send, reported now */
                                if (read_icmp(s, r))
                                        return b->icmp++, r->outcome = LIVE_ICMP;
                        }
                        r->err = errno;
                        return r->outcome = LIVE_FAILED;
                }
                r->sends += req ? 1 : 0;
                uint64_t end = sent_at + (uint64_t)(wait * 1e9);
                if (b->deadline_ns && end > b->deadline_ns)
                        end = b->deadline_ns;
                for (;;) {
                        uint64_t now = live_now_ns();
                        if (now >= end)
                                break;
                        struct pollfd pfd[2] = {{s->fd, POLLIN, 0},
                                                {also ? also->fd : -1, POLLIN, 0}};
                        int ms = (int)((end - now + 999999) / 1000000);
                        int pr = poll(pfd, also ? 2 : 1, ms);
                        if (pr < 0 && errno == EINTR)
                                continue;
                        if (pr <= 0)
                                continue; /* the loop's clock check ends it */
                        if (pfd[0].revents & POLLERR) {
                                if (read_icmp(s, r))
                                        return b->icmp++, r->outcome = LIVE_ICMP;
                        }
                        if (also && (pfd[1].revents & POLLERR)) {
                                struct live_result ignore = {0};
                                (void)read_icmp(also, &ignore); /* about an earlier exchange */
                        }
                        for (int i = 0; i < (also ? 2 : 1); i++) {
                                if (!(pfd[i].revents & POLLIN))
                                        continue;
                                ssize_t got = recv_one(i ? also : s, reply, cap);
                                if (got == -2) {
                                        if (errno == EAGAIN || errno == EINTR)
                                                continue;
                                        if (!i && read_icmp(s, r))
                                                return b->icmp++, r->outcome = LIVE_ICMP;
                                        continue; /* a transient error: keep waiting */
                                }
                                b->received++;
                                if (got >= 0 && match(ctx, reply, (size_t)got)) {
                                        r->len = (size_t)got;
                                        r->from_also = i == 1;
                                        r->rtt = (double)(live_now_ns() - sent_at) / 1e9;
                                        return r->outcome = LIVE_ANSWERED;
                                }
                                r->ignored++;
                                b->ignored++;
                                if (b->ignored > b->max_recv)
                                        return b->exhausted = true, r->outcome = LIVE_BUDGET;
                        }
                }
                if (b->deadline_ns && live_now_ns() >= b->deadline_ns)
                        return b->exhausted = true, r->outcome = LIVE_BUDGET;
        }
        return r->outcome = LIVE_SILENT;
}

enum live_outcome live_exchange(struct live_sock *s, struct live_budget *b,
                                const struct live_retx *rx, const uint8_t *req, size_t len,
                                live_match_fn match, void *ctx, uint8_t *reply, size_t cap,
                                struct live_result *r)
{
        return live_exchange_also(s, NULL, b, rx, req, len, match, ctx, reply, cap, r);
}

enum live_outcome live_listen(struct live_sock *s, struct live_sock *also, struct live_budget *b,
                              double seconds, live_match_fn match, void *ctx, uint8_t *reply,
                              size_t cap, struct live_result *r)
{
        struct live_retx once = {seconds > 0 ? seconds : 0.001, 1, 1};
        return live_exchange_also(s, also, b, &once, NULL, 0, match, ctx, reply, cap, r);
}

enum live_outcome live_send(struct live_sock *s, struct live_budget *b, const uint8_t *req,
                            size_t len, struct live_result *r)
{
        *r = (struct live_result){0};
        if (!pace(b))
                return r->outcome = LIVE_BUDGET;
        if (send_req(s, req, len)) {
                if (read_icmp(s, r))
                        return b->icmp++, r->outcome = LIVE_ICMP;
                r->err = errno;
                return r->outcome = LIVE_FAILED;
        }
        r->sends = 1;
        return r->outcome = LIVE_ANSWERED;
}

const char *live_outcome_name(enum live_outcome o)
{
        switch (o) {
        case LIVE_ANSWERED:
                return "answered";
        case LIVE_SILENT:
                return "no answer";
        case LIVE_ICMP:
                return "ICMP error";
        case LIVE_BUDGET:
                return "stopped by a limit";
        case LIVE_FAILED:
                return "local error";
        }
        return "?";
}

const char *live_icmp_name(int origin, int type, int code)
{
        if (origin == SO_EE_ORIGIN_ICMP && type == 3) { /* RFC 792, RFC 1812 5.2.7.1 */
                static const char *const u[] = {"net unreachable",
                                                "host unreachable",
                                                "protocol unreachable",
                                                "port unreachable",
                                                "fragmentation needed",
                                                "source route failed",
                                                "net unknown",
                                                "host unknown",
                                                "source host isolated",
                                                "net prohibited",
                                                "host prohibited",
                                                "net unreachable for TOS",
                                                "host unreachable for TOS",
                                                "administratively prohibited"};
                if (code >= 0 && (size_t)code < sizeof(u) / sizeof(u[0]))
                        return u[code];
                return "destination unreachable";
        }
        if (origin == SO_EE_ORIGIN_ICMP && type == 11)
                return "time exceeded";
        if (origin == SO_EE_ORIGIN_ICMP6 && type == 1) { /* RFC 4443 3.1 */
                static const char *const u6[] = {"no route",
                                                 "administratively prohibited",
                                                 "beyond scope of source address",
                                                 "address unreachable",
                                                 "port unreachable",
                                                 "source address failed policy",
                                                 "reject route"};
                if (code >= 0 && (size_t)code < sizeof(u6) / sizeof(u6[0]))
                        return u6[code];
                return "destination unreachable";
        }
        if (origin == SO_EE_ORIGIN_ICMP6 && type == 2)
                return "packet too big";
        if (origin == SO_EE_ORIGIN_ICMP6 && type == 3)
                return "time exceeded";
        return "ICMP error";
}
