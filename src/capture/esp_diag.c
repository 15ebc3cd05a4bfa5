/*
 * What a capture's ESP and NAT-D facts (esp.h, facts.h) prove, as capture
 * patterns (catalog/messages_capture.c) handed to the evidence path like
 * the exchanges' (diagnose.h). Each pattern is about the device that must
 * change: the receiver that drops or does not answer, the sender whose
 * packets are too large.
 *
 * Sources: RFC 4303 3.4.3 (a receiver drops a packet that falls behind
 * the highest sequence number by its window or more; Cisco's default
 * window is 64: diagnoses.md anti-replay-drops); RFC 3947 / RFC 7296 2.23
 * (with a NAT between the peers, ESP goes in UDP 4500, RFC 3948); RFC 1191
 * (ICMP fragmentation needed reports the path MTU); RFC 4303 3.3.4 (ESP
 * fragmented after encryption).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../catalog/messages.h"
#include "../packet/frame.h"
#include "../wire/ike.h"
#include "esp_diag.h"

/* The least number of ESP packets one way, with none back, before the
 * capture is taken to show one-way traffic: a single packet may be the
 * last of a flow that ended. */
#define ONE_WAY_MIN_PACKETS 4

struct esp_emit {
        const struct cap_set *cs;
        const char *file;
        struct arena *ar;
        cap_evidence_fn fn;
        void *ctx;
};

/* A record located at frame (the ESP SA's first packet, or the NAT-D
 * message), with that frame's time; what names the other frames. */
static void emit(const struct esp_emit *e, const char *key, uint64_t frame, int64_t sec,
                 int32_t usec, const char *peer, const char *device, const char *what)
{
        const struct message *msg = message_capture(key);
        if (!msg || !e->fn)
                return;
        char when[64] = "?";
        struct tm tm;
        time_t t = (time_t)sec;
        if (!gmtime_r(&t, &tm) || !strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm))
                snprintf(when, sizeof(when), "?");
        char buf[640];
        snprintf(buf, sizeof(buf), "frame %llu at %s.%06d UTC: %s", (unsigned long long)frame, when,
                 (int)usec, what);
        const char *text = arena_strdup(e->ar, buf);
        if (!text)
                return;
        struct ev_record r = {.msg = msg,
                              .line = (uint32_t)(frame > UINT32_MAX ? UINT32_MAX : frame),
                              .text = text,
                              .len = strlen(text),
                              .peer = peer,
                              .group = "",
                              .user = "",
                              .time = sec,
                              .source = EV_SRC_CAPTURE,
                              .file = e->file,
                              .usec = usec};
        e->fn(e->ctx, &r, device);
}

/* The IKE SA between the ESP SA's ends was answered: the capture point sees
 * both directions of their path. */
static bool path_seen_both_ways(const struct cap_set *cs, const struct cap_esp_sa *s)
{
        if (s->sa < 0 || (size_t)s->sa >= cs->nsa)
                return false;
        const struct cap_sa *sa = &cs->sa[s->sa];
        bool ini = false, resp = false;
        for (size_t i = 0; i < sa->nmsgs; i++) {
                ini |= sa->msgs[i].from_initiator;
                resp |= !sa->msgs[i].from_initiator;
        }
        return ini && resp;
}

static void one_esp(const struct esp_emit *e, const struct cap_esp_sa *s)
{
        char src[46], dst[46], what[400];
        frame_addr_str(s->af, s->src, src);
        frame_addr_str(s->af, s->dst, dst);
        if (s->reverse < 0 && s->packets >= ONE_WAY_MIN_PACKETS && path_seen_both_ways(e->cs, s)) {
                snprintf(what, sizeof(what),
                         "ESP SPI %08x from %s to %s: %llu packets (frames %llu to %llu), none "
                         "back from %s; IKE between them goes both ways",
                         s->spi, src, dst, (unsigned long long)s->packets,
                         (unsigned long long)s->first_frame, (unsigned long long)s->last_frame,
                         dst);
                emit(e, "cap-esp-one-way", s->first_frame, s->first_sec, s->first_usec, src, dst,
                     what);
        }
        if (s->late[0]) {
                snprintf(what, sizeof(what),
                         "ESP SPI %08x from %s: %llu packet(s) arrived %u or more behind the "
                         "highest sequence number (first at frame %llu); %llu beyond %u, %llu "
                         "beyond %u",
                         s->spi, src, (unsigned long long)s->late[0], cap_esp_windows[0],
                         (unsigned long long)s->first_late_frame[0], (unsigned long long)s->late[1],
                         cap_esp_windows[1], (unsigned long long)s->late[2], cap_esp_windows[2]);
                emit(e, "cap-esp-replay-window", s->first_frame, s->first_sec, s->first_usec, src,
                     dst, what);
        }
        if (s->over_mtu_after || s->fragmented) {
                snprintf(what, sizeof(what),
                         "ESP SPI %08x from %s to %s: largest packet %u bytes (frame %llu); "
                         "%llu packet(s) over the path MTU %u reported by ICMP (frame %llu), "
                         "%llu fragmented after encryption, %llu lost for a fragment",
                         s->spi, src, dst, s->max_ip_len, (unsigned long long)s->max_ip_len_frame,
                         (unsigned long long)s->over_mtu_after, s->path_mtu,
                         (unsigned long long)s->path_mtu_frame, (unsigned long long)s->fragmented,
                         (unsigned long long)s->frags_lost);
                emit(e, "cap-esp-over-mtu", s->first_frame, s->first_sec, s->first_usec, dst, src,
                     what);
        }
}

/* NAT-D says a NAT sits between the peers, yet ESP between them stays on
 * IP protocol 50, which a NAT (PAT) cannot carry. */
static void nat_esp50(const struct esp_emit *e, const struct cap_sa *sa)
{
        const struct cap_facts *f = sa->facts;
        if (!f || !f->nat.computed || f->nat.nat_between != 1 || !f->fl.esp_ip50)
                return;
        char ini[46], resp[46], what[400];
        frame_addr_str(sa->af, sa->ini, ini);
        frame_addr_str(sa->af, sa->resp, resp);
        uint64_t frame = f->nat.side[1].frame ? f->nat.side[1].frame : f->nat.side[0].frame;
        snprintf(what, sizeof(what),
                 "NAT-D between %s and %s shows a NAT (frame %llu), yet %llu ESP packet(s) "
                 "between them on IP protocol 50 and %llu in UDP 4500",
                 ini, resp, (unsigned long long)frame, (unsigned long long)f->fl.esp_ip50,
                 (unsigned long long)f->fl.esp_udp);
        int64_t sec = sa->nmsgs ? sa->msgs[0].sec : 0;
        int32_t usec = sa->nmsgs ? sa->msgs[0].usec : 0;
        for (size_t i = 0; i < sa->nmsgs; i++)
                if (sa->msgs[i].frame == frame)
                        sec = sa->msgs[i].sec, usec = sa->msgs[i].usec;
        emit(e, "cap-natd-esp50", frame, sec, usec, ini, resp, what);
}

/* A notify that says its sender has no SA for what it received: IKEv1
 * INVALID-COOKIE (4) / INVALID-SPI (11), RFC 2408 3.14.1; IKEv2
 * INVALID_IKE_SPI (4) / INVALID_SPI (11), RFC 7296 3.10.1. The first one
 * of the SA. */
static void no_sa(const struct esp_emit *e, const struct cap_sa *sa)
{
        const struct cap_facts *f = sa->facts;
        for (size_t i = 0; f && i < f->nnotify; i++) {
                const struct cap_notify_fact *n = &f->notify[i];
                if (n->type != 4 && n->type != 11)
                        continue;
                if (n->msg >= sa->nmsgs)
                        return;
                char ini[46], resp[46], what[400];
                frame_addr_str(sa->af, sa->ini, ini);
                frame_addr_str(sa->af, sa->resp, resp);
                const char *from = n->from_initiator ? ini : resp,
                           *to = n->from_initiator ? resp : ini;
                const char *name = ike_notify_name(sa->version, n->type);
                char spi[32] = "";
                if (n->named_spi)
                        snprintf(spi, sizeof(spi), " for SPI %08x", n->named_spi);
                snprintf(what, sizeof(what),
                         "%s sent %s%s to %s%s: it holds no SA for what %s sent", from,
                         name ? name : "a notify", spi, to, n->decrypted ? " (decrypted)" : "", to);
                const struct cap_msg *m = &sa->msgs[n->msg];
                emit(e, "cap-no-sa", n->frame, m->sec, m->usec, to, from, what);
                return;
        }
}

void cap_esp_evidence(const struct cap_set *cs, const char *file, struct arena *ar,
                      cap_evidence_fn fn, void *ctx)
{
        struct esp_emit e = {cs, file, ar, fn, ctx};
        for (size_t i = 0; i < cs->esp.n; i++)
                one_esp(&e, &cs->esp.sa[i]);
        for (size_t i = 0; i < cs->nsa; i++) {
                nat_esp50(&e, &cs->sa[i]);
                no_sa(&e, &cs->sa[i]);
        }
}
