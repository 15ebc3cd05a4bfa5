/*
 * The probe engine (probe.h). Each exchange goes through live_exchange
 * (paced, retransmitted, bounded); each answer through probe_reply_read
 * (reply.c, fuzzed). Every request has fresh random SPIs, so an answer to
 * an earlier one (a replay, a late retransmission) never matches a later
 * one. The responder keeps a half-open SA per answered request: nothing
 * deletes it (an unauthenticated delete is not possible before keys
 * exist; the responder times it out), as with ike-scan.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <netinet/in.h>
#include <openssl/evp.h>
#include <sys/socket.h>

#include "../ike/vocab.h"
#include "ke.h"
#include "probe.h"
#include "reply.h"

void probe_opts_default(struct probe_opts *o)
{
        *o = (struct probe_opts){0};
        o->v1 = o->v2 = o->am = o->natt_port = o->enumerate = true;
        o->auth[0] = IKEV1_AUTH_PSK;
        o->nauth = 1;
        o->id_type = IKEV1_ID_IPV4_ADDR;
        o->rate = 10;
        o->max_packets = 400;
        o->max_time = 180;
        o->retx = (struct live_retx){1.0, 2.0, 3};
        o->max_bytes = 1400;
}

struct run {
        const struct probe_opts *o;
        struct probe_result *r;
        struct live_budget b;
        struct live_sock s500;
        /* the request in flight, for the match function */
        int version;
        uint8_t spi[8];
        struct probe_reply rep;
        uint8_t buf[LIVE_MAX_DGRAM];
        uint8_t req[8192];
        size_t req_len; /* of the request in flight */
};

static bool match(void *ctx, const uint8_t *p, size_t len)
{
        struct run *x = ctx;
        struct wire_err e;
        /* our own request reflected back: IKEv1 has no response flag to tell */
        if (len == x->req_len && !memcmp(p, x->req, len))
                return false;
        if (probe_reply_read(p, len, x->version, x->spi, &x->rep, &e) != 0)
                return false; /* another SPI, or malformed: ignored, counted */
        if (x->version == 1)
                return x->rep.exchange == 2 || x->rep.exchange == 4 || x->rep.exchange == 5;
        return x->rep.exchange == 34;
}

__attribute__((format(printf, 2, 3))) static struct probe_step *step(struct run *x, const char *fmt,
                                                                     ...)
{
        struct probe_result *r = x->r;
        if (r->nsteps == PROBE_MAX_STEPS)
                return NULL;
        struct probe_step *s = &r->steps[r->nsteps++];
        *s = (struct probe_step){0};
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(s->what, sizeof(s->what), fmt, ap);
        va_end(ap);
        return s;
}

/* One request and its answer, with the bookkeeping every exchange shares. */
static enum live_outcome ask(struct run *x, struct live_sock *s, struct probe_step *st,
                             const uint8_t *req, size_t len, struct probe_port *port,
                             const char *asked)
{
        struct live_result lr;
        x->req_len = req == x->req ? len : 0;
        enum live_outcome out =
            live_exchange(s, &x->b, &x->o->retx, req, len, match, x, x->buf, sizeof(x->buf), &lr);
        x->r->ignored += lr.ignored;
        if (st) {
                st->outcome = out;
                st->sends = lr.sends;
                st->bytes = len;
        }
        if (out == LIVE_ANSWERED)
                x->r->round_trips++;
        if (out == LIVE_BUDGET)
                x->r->budget_hit = true;
        if (port && (!port->tried || (port->outcome != LIVE_ANSWERED && out == LIVE_ANSWERED))) {
                port->tried = true;
                port->outcome = out;
                port->icmp_origin = lr.icmp_origin;
                port->icmp_type = lr.icmp_type;
                port->icmp_code = lr.icmp_code;
                port->asked = asked;
        }
        if (out == LIVE_ICMP && st)
                snprintf(st->answer, sizeof(st->answer), "ICMP %s",
                         live_icmp_name(lr.icmp_origin, lr.icmp_type, lr.icmp_code));
        else if (out != LIVE_ANSWERED && st)
                snprintf(st->answer, sizeof(st->answer), "%s after %u transmissions",
                         live_outcome_name(out), lr.sends);
        return out;
}

static void note_vids(struct run *x, bool v2)
{
        struct probe_result *r = x->r;
        for (size_t i = 0; i < x->rep.nvid; i++) {
                struct wire_view v = x->rep.vid[i];
                struct ike_vid_info vi;
                const char *name = ike_vid_lookup(v, &vi) ? vi.name : NULL;
                if (name && strstr(name, "NAT-T"))
                        r->natt_v1 = true;
                if (name && strstr(name, "fragmentation"))
                        r->frag_v1 = true;
                size_t len = v.len < sizeof(r->vids[0].bytes) ? v.len : sizeof(r->vids[0].bytes);
                bool seen = false;
                for (size_t k = 0; k < r->nvids && !seen; k++)
                        seen = r->vids[k].len == len && !memcmp(r->vids[k].bytes, v.p, len);
                if (seen || r->nvids == sizeof(r->vids) / sizeof(r->vids[0]))
                        continue;
                struct probe_vid_seen *s = &r->vids[r->nvids++];
                memcpy(s->bytes, v.p, len);
                s->len = len;
                s->name = name;
                s->v2 = v2;
        }
}

static void v1_text(const struct ike_v1_xform *x, char *out, size_t n)
{
        const char *e = ike_name_of(IKE_REG_V1_ENCR, x->encr);
        const char *h = ike_name_of(IKE_REG_V1_HASH, x->hash);
        const char *a = ike_name_of(IKE_REG_V1_AUTH, x->auth);
        const char *g = ike_name_of(IKE_REG_DH_GROUP, x->group);
        char kl[16] = "";
        if (x->keylen)
                snprintf(kl, sizeof(kl), "-%u", x->keylen);
        snprintf(out, n, "%s%s %s %s group %u%s%s%s", e ? e : "?", kl, h ? h : "?", a ? a : "?",
                 x->group, g ? " (" : "", g ? g : "", g ? ")" : "");
}

static size_t ip_hdr(const struct live_sock *s)
{
        return (s->af == AF_INET6 ? 40 : 20) + 8 + (s->natt ? 4 : 0);
}

/* ---- IKEv1 Main Mode: every acceptable transform in k+1 round trips ---- */

static void v1_main(struct run *x)
{
        char nb[32];
        const struct probe_opts *o = x->o;
        struct probe_result *r = x->r;
        size_t idx[255], nidx, max = o->max_bytes - ip_hdr(&x->s500);
        r->v1_tried = true;
        r->ncand = v1_candidates(o->auth, o->nauth, r->cand, V1_MAX_CAND);
        r->v1_offered = r->ncand;
        /* how many packets one full offer takes (the N of ike-scan's N round trips
         * is ncand; this is what probe needs when nothing is acceptable) */
        for (size_t from = 0; from < r->ncand; r->v1_packets++) {
                if (!v1_build_mm1(x->spi, r->cand, r->ncand, from, max, x->req, sizeof(x->req), idx,
                                  &nidx))
                        break;
                from = idx[nidx - 1] + 1;
        }
        x->version = 1;
        for (;;) {
                if (probe_random(x->spi, 8))
                        return;
                size_t len = v1_build_mm1(x->spi, r->cand, r->ncand, 0, max, x->req, sizeof(x->req),
                                          idx, &nidx);
                if (!len) {
                        r->v1_complete = true;
                        return;
                }
                struct probe_step *st = step(x, "IKEv1 MM1 (%zu transforms)", nidx);
                if (ask(x, &x->s500, st, x->req, len, &r->p500, "IKEv1 Main Mode") !=
                    LIVE_ANSWERED) {
                        r->v1_stop = "the responder stopped answering";
                        return;
                }
                r->v1_answered = true;
                r->v1_round_trips++;
                note_vids(x, false);
                const struct probe_reply *p = &x->rep;
                uint16_t err = probe_reply_error(p);
                if (p->has_sa && p->sa_proposals == 1 && p->sa_transforms == 1) {
                        int k = v1_find(r->cand, r->ncand, idx, nidx, &p->v1);
                        if (k < 0) {
                                if (st)
                                        snprintf(st->answer, sizeof(st->answer),
                                                 "SA with a transform that was not offered");
                                r->v1_stop = "the responder chose a transform that was not "
                                             "offered";
                                return;
                        }
                        r->cand[k].state = V1_ACCEPTED;
                        if (st) {
                                char t[96];
                                v1_text(&p->v1, t, sizeof(t));
                                snprintf(st->answer, sizeof(st->answer), "SA: %s", t);
                        }
                        if (!o->enumerate) {
                                r->v1_stop = "--first: enumeration not asked for";
                                return;
                        }
                        continue;
                }
                if (err) {
                        for (size_t i = 0; i < nidx; i++)
                                r->cand[idx[i]].state = V1_REFUSED;
                        r->v1_notify = err;
                        if (st)
                                snprintf(st->answer, sizeof(st->answer), "notify %s",
                                         probe_notify_name(1, err, nb));
                        continue;
                }
                if (st)
                        snprintf(st->answer, sizeof(st->answer),
                                 p->encrypted ? "an encrypted message"
                                              : "neither an SA nor "
                                                "an error notify");
                r->v1_stop = "the answer was neither an SA with one transform nor an error";
                return;
        }
}

/* ---- IKEv1 Aggressive Mode ---------------------------------------------- */

static void hex(char **p, char *end, const uint8_t *b, size_t n)
{
        static const char d[] = "0123456789abcdef";
        for (size_t i = 0; i < n && *p + 2 < end; i++) {
                *(*p)++ = d[b[i] >> 4];
                *(*p)++ = d[b[i] & 15];
        }
        **p = '\0';
}

static void aggressive(struct run *x)
{
        char nb[32];
        const struct probe_opts *o = x->o;
        struct probe_result *r = x->r;
        struct ike_v1_xform t[255];
        size_t nt = 0, max = o->max_bytes - ip_hdr(&x->s500);
        uint16_t g = 0;
        for (size_t i = 0; i < r->ncand && !g; i++)
                if (r->cand[i].state == V1_ACCEPTED)
                        g = r->cand[i].x.group;
        if (!g)
                g = DH_MODP_1024; /* ike-scan's Aggressive Mode default */
        /* accepted transforms of that group first, then the other candidates */
        for (int pass = 0; pass < 2; pass++)
                for (size_t i = 0; i < r->ncand && nt < 255; i++)
                        if (r->cand[i].x.group == g &&
                            (r->cand[i].state == V1_ACCEPTED) == (pass == 0))
                                t[nt++] = r->cand[i].x;
        if (!nt) {
                struct v1_cand c[64];
                nt = v1_candidates(o->auth, o->nauth, c, 64);
                size_t k = 0;
                for (size_t i = 0; i < nt; i++)
                        if (c[i].x.group == g)
                                t[k++] = c[i].x;
                nt = k;
        }
        uint8_t ke[1024], ni[20], local[16];
        size_t kelen = probe_ke_make(g, ke, sizeof(ke));
        if (!kelen || probe_random(ni, sizeof(ni)) || probe_random(x->spi, 8))
                return;
        /* the identity: --id, else the local address */
        const void *id = o->id;
        size_t idlen = o->id ? strlen(o->id) : 0;
        uint8_t idt = o->id_type;
        if (!o->id) {
                struct sockaddr_storage ss;
                socklen_t sl = sizeof(ss);
                if (getsockname(x->s500.fd, (struct sockaddr *)&ss, &sl))
                        return;
                if (ss.ss_family == AF_INET6) {
                        memcpy(local, &((struct sockaddr_in6 *)&ss)->sin6_addr, 16);
                        idlen = 16;
                        idt = IKEV1_ID_IPV6_ADDR;
                } else {
                        memcpy(local, &((struct sockaddr_in *)&ss)->sin_addr, 4);
                        idlen = 4;
                        idt = IKEV1_ID_IPV4_ADDR;
                }
                id = local;
        }
        size_t sa_off = 0, sa_len = 0, len = 0;
        /* as many transforms as fit */
        size_t n = nt;
        while (n > 0 && !(len = v1_build_am1(x->spi, t, n, ke, kelen, ni, sizeof(ni), idt, id,
                                             idlen, x->req, max, &sa_off, &sa_len)))
                n--;
        if (!len)
                return;
        r->am_tried = true;
        r->am_group = g;
        x->version = 1;
        struct probe_step *st =
            step(x, "IKEv1 Aggressive Mode AM1 (%zu transforms, group %u)", n, g);
        r->am_outcome = ask(x, &x->s500, st, x->req, len, &r->p500, "IKEv1 Aggressive Mode");
        if (r->am_outcome != LIVE_ANSWERED)
                return;
        note_vids(x, false);
        const struct probe_reply *p = &x->rep;
        uint16_t err = probe_reply_error(p);
        if (!(p->has_sa && p->has_ke && p->has_nonce && p->has_id)) {
                r->am_notify = err;
                if (st)
                        snprintf(st->answer, sizeof(st->answer), "%s%s", err ? "notify " : "no AM2",
                                 err ? probe_notify_name(1, err, nb) : "");
                return;
        }
        r->am_answered = true;
        r->am_choice = p->v1;
        r->am_psk = p->v1.auth == IKEV1_AUTH_PSK || p->v1.auth == IKEV1_AUTH_XAUTH_INIT_PSK ||
                    p->v1.auth == IKEV1_AUTH_XAUTH_RESP_PSK;
        r->am_hash = p->has_hash;
        r->am_id_type = p->id.type;
        /* the identity, printable: an address, or the bytes made safe */
        char *q = r->am_id, *end = r->am_id + sizeof(r->am_id) - 1;
        if (p->id.af == 4 || p->id.af == 6) {
                char a[64];
                const uint8_t *b = p->id.a;
                if (p->id.af == 4)
                        snprintf(a, sizeof(a), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
                else
                        snprintf(a, sizeof(a), "%x:%x:%x:%x:%x:%x:%x:%x", b[0] << 8 | b[1],
                                 b[2] << 8 | b[3], b[4] << 8 | b[5], b[6] << 8 | b[7],
                                 b[8] << 8 | b[9], b[10] << 8 | b[11], b[12] << 8 | b[13],
                                 b[14] << 8 | b[15]);
                snprintf(r->am_id, sizeof(r->am_id), "%s", a);
        } else if (p->id.type == IKEV1_ID_FQDN || p->id.type == IKEV1_ID_USER_FQDN ||
                   p->id.type == IKEV1_ID_KEY_ID) {
                for (size_t i = 0; i < p->id.data.len && q < end; i++) {
                        uint8_t c = p->id.data.p[i];
                        *q++ = c >= 0x20 && c < 0x7f ? (char)c : '?';
                }
                *q = '\0';
        } else {
                hex(&q, end, p->id.data.p, p->id.data.len);
        }
        if (st) {
                char tx[96];
                v1_text(&p->v1, tx, sizeof(tx));
                snprintf(st->answer, sizeof(st->answer), "AM2: %s, ID %s", tx, r->am_id);
        }
        if (o->show_hash && p->has_hash &&
            probe_psk_crack(x->req, len, p, r->psk_crack, sizeof(r->psk_crack)))
                r->psk_crack[0] = '\0';
}

/* ---- IKEv2 IKE_SA_INIT ------------------------------------------------- */

static int natd(const uint8_t spi[8], const struct sockaddr_storage *ss, uint8_t out[20])
{
        uint8_t in[8 + 8 + 16 + 2], zero[8] = {0};
        size_t n = 0;
        memcpy(in, spi, 8);
        memcpy(in + 8, zero, 8);
        n = 16;
        if (ss->ss_family == AF_INET6) {
                const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)ss;
                memcpy(in + n, &a->sin6_addr, 16);
                n += 16;
                memcpy(in + n, &a->sin6_port, 2);
        } else {
                const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
                memcpy(in + n, &a->sin_addr, 4);
                n += 4;
                memcpy(in + n, &a->sin_port, 2);
        }
        n += 2;
        unsigned int len = 0;
        return EVP_Digest(in, n, out, &len, EVP_sha1(), NULL) == 1 && len == 20 ? 0 : -1;
}

enum v2_ans { V2_SA, V2_HINT, V2_REFUSED, V2_OTHER, V2_GONE };

/* IKE_SA_INIT with the offer and KE group *g, following COOKIE and (unless
 * hint_is_answer) INVALID_KE_PAYLOAD. */
static enum v2_ans v2_ask(struct run *x, struct live_sock *s, struct probe_port *port,
                          const struct v2_offer *o, uint16_t *g, bool hint_is_answer,
                          const char *label, uint16_t *hint)
{
        char nb[32];
        struct probe_result *r = x->r;
        uint8_t cookie[64], ni[32], ke[1024], src[20], dst[20];
        size_t cookie_len = 0, kelen = 0;
        uint16_t kg = 0;
        x->version = 2;
        if (probe_random(x->spi, 8) || probe_random(ni, sizeof(ni)))
                return V2_GONE;
        for (int attempt = 0; attempt < 4; attempt++) {
                if (kg != *g) {
                        kg = *g;
                        kelen = probe_ke_make(kg, ke, sizeof(ke));
                        if (!kelen)
                                return V2_GONE;
                }
                struct sockaddr_storage me, peer;
                socklen_t ml = sizeof(me), pl = sizeof(peer);
                struct v2_init_extra ex = {cookie_len ? cookie : NULL, cookie_len, NULL, NULL};
                if (!getsockname(s->fd, (struct sockaddr *)&me, &ml) &&
                    !getpeername(s->fd, (struct sockaddr *)&peer, &pl) && !natd(x->spi, &me, src) &&
                    !natd(x->spi, &peer, dst)) {
                        ex.natd_src = src;
                        ex.natd_dst = dst;
                }
                size_t max = x->o->max_bytes - ip_hdr(s);
                size_t len = v2_build_init(x->spi, o, kg, ke, kelen, ni, sizeof(ni), &ex, x->req,
                                           max < sizeof(x->req) ? max : sizeof(x->req));
                if (!len)
                        return V2_GONE;
                struct probe_step *st = step(x, "IKEv2 IKE_SA_INIT (%s, KE group %u)", label, kg);
                if (ask(x, s, st, x->req, len, port, "IKEv2 IKE_SA_INIT") != LIVE_ANSWERED)
                        return V2_GONE;
                r->v2_round_trips++;
                const struct probe_reply *p = &x->rep;
                note_vids(x, true);
                if (probe_reply_notify(p, 16388) >= 0 || probe_reply_notify(p, 16389) >= 0)
                        r->natt_v2 = true;
                if (probe_reply_notify(p, 16430) >= 0)
                        r->frag_v2 = true;
                int c = probe_reply_notify(p, 16390);
                if (c >= 0) { /* RFC 7296 2.6: retry with the cookie, unchanged otherwise */
                        r->cookies++;
                        if (st)
                                snprintf(st->answer, sizeof(st->answer), "notify COOKIE");
                        if (p->notify_data[c].len < 1 || p->notify_data[c].len > 64)
                                return V2_OTHER; /* RFC 7296 3.10.1: 1 to 64 bytes */
                        cookie_len = p->notify_data[c].len;
                        memcpy(cookie, p->notify_data[c].p, cookie_len);
                        continue;
                }
                int k = probe_reply_notify(p, 17);
                if (k >= 0) { /* RFC 7296 1.3: the group the responder wants */
                        uint16_t h =
                            p->notify_data[k].len == 2
                                ? (uint16_t)(p->notify_data[k].p[0] << 8 | p->notify_data[k].p[1])
                                : 0;
                        if (st)
                                snprintf(st->answer, sizeof(st->answer),
                                         "notify INVALID_KE_PAYLOAD, group %u", h);
                        bool known = false;
                        for (size_t i = 0; i < r->nke_hints; i++)
                                known |= r->ke_hints[i] == h;
                        if (!known && r->nke_hints < 8)
                                r->ke_hints[r->nke_hints++] = h;
                        if (!h || h == kg || !v2_offer_has(o, 4, h, 0))
                                return V2_OTHER; /* a hint outside the offer */
                        *hint = h;
                        if (hint_is_answer)
                                return V2_HINT;
                        *g = h;
                        continue;
                }
                if (p->has_sa) {
                        if (st) {
                                const char *e = ike_name_of(IKE_REG_V2_ENCR, p->v2[1]);
                                const char *f = ike_name_of(IKE_REG_V2_PRF, p->v2[2]);
                                const char *i = ike_name_of(IKE_REG_V2_INTEG, p->v2[3]);
                                const char *d = ike_name_of(IKE_REG_DH_GROUP, p->v2[4]);
                                snprintf(st->answer, sizeof(st->answer), "SA: %s%s%.0u %s %s %s",
                                         e ? e : "?", p->v2_keylen ? "-" : "", p->v2_keylen,
                                         f ? f : "?", p->v2_has[3] ? (i ? i : "?") : "-",
                                         d ? d : "?");
                        }
                        return V2_SA;
                }
                uint16_t err = probe_reply_error(p);
                if (st)
                        snprintf(st->answer, sizeof(st->answer), "%s%s",
                                 err ? "notify " : "no SA and no error notify",
                                 err ? probe_notify_name(2, err, nb) : "");
                r->v2_notify = err;
                return err == 14 ? V2_REFUSED : V2_OTHER;
        }
        return V2_OTHER; /* a responder that keeps asking for cookies or groups */
}

static bool v2_known(const struct probe_result *r, int t, uint16_t id, uint16_t keylen)
{
        for (size_t i = 0; i < r->v2_nok[t]; i++)
                if (r->v2_ok[t][i].id == id && r->v2_ok[t][i].keylen == keylen)
                        return true;
        return false;
}

static void v2_add(struct probe_result *r, int t, uint16_t id, uint16_t keylen)
{
        if (!v2_known(r, t, id, keylen) && r->v2_nok[t] < PROBE_MAX_V2)
                r->v2_ok[t][r->v2_nok[t]++] = (struct v2_val){id, keylen, false, false};
}

static const char *const v2_type_label[5] = {"", "ENCR", "PRF", "INTEG", "DH"};

static void v2_init(struct run *x)
{
        struct probe_result *r = x->r;
        struct v2_offer full;
        v2_offer_default(&full);
        uint16_t g = DH_ECP_256, hint = 0;
        r->v2_tried = true;
        enum v2_ans a = v2_ask(x, &x->s500, &r->p500, &full, &g, false, "full offer", &hint);
        if (a == V2_GONE) {
                r->v2_stop = "the responder did not answer";
                return;
        }
        r->v2_answered = true;
        if (a != V2_SA)
                return;
        for (int t = 1; t <= 4; t++) {
                r->v2_choice[t] = x->rep.v2[t];
                if (x->rep.v2_has[t])
                        v2_add(r, t, x->rep.v2[t], t == 1 ? x->rep.v2_keylen : 0);
        }
        r->v2_choice_keylen = x->rep.v2_keylen;
        uint16_t good = g; /* a group that works, for the other types' rounds */
        if (!x->o->enumerate) {
                r->v2_stop = "--first: enumeration not asked for";
                return;
        }
        for (int t = 1; t <= 4; t++) {
                struct v2_offer o = full;
                if (t == 3)
                        o.no_aead = true; /* only the plain proposal has INTEG */
                for (size_t i = 0; i < r->v2_nok[t]; i++)
                        v2_offer_remove(&o, t, r->v2_ok[t][i].id, r->v2_ok[t][i].keylen);
                for (unsigned guard = 0; guard < 64; guard++) {
                        uint16_t kg = good;
                        if (t == 4) { /* the first group still offered */
                                kg = 0;
                                for (size_t i = 0; i < o.n[4] && !kg; i++)
                                        if (!o.v[4][i].off)
                                                kg = o.v[4][i].id;
                                if (!kg) {
                                        r->v2_complete = true; /* every group accepted */
                                        break;
                                }
                        }
                        a = v2_ask(x, &x->s500, &r->p500, &o, &kg, t == 4, v2_type_label[t], &hint);
                        uint16_t id = 0, kl = 0;
                        if (a == V2_SA && x->rep.v2_has[t]) {
                                id = x->rep.v2[t];
                                kl = t == 1 ? x->rep.v2_keylen : 0;
                        } else if (a == V2_HINT) {
                                id = hint;
                        } else if (a == V2_REFUSED) {
                                break; /* this type is done: k+1 */
                        } else {
                                r->v2_stop = a == V2_GONE ? "the responder stopped answering"
                                                          : "an answer that was neither an "
                                                            "SA nor NO_PROPOSAL_CHOSEN";
                                return;
                        }
                        if (!v2_offer_remove(&o, t, id, kl)) {
                                r->v2_stop = "the responder chose a transform that was not "
                                             "offered";
                                return;
                        }
                        v2_add(r, t, id, kl);
                        if (t != 4 && a == V2_SA)
                                good = kg;
                }
        }
        r->v2_complete = true;
}

/* ---- UDP 4500 ------------------------------------------------------------ */

static void port4500(struct run *x)
{
        struct probe_result *r = x->r;
        struct live_sock s;
        char err[160];
        if (live_open(&s, x->o->host, 4500, err, sizeof(err)))
                return;
        if (r->v2_answered || !r->v1_answered) {
                struct v2_offer full;
                v2_offer_default(&full);
                uint16_t g = r->v2_choice[4] ? r->v2_choice[4] : DH_ECP_256, hint = 0;
                (void)v2_ask(x, &s, &r->p4500, &full, &g, false, "UDP 4500", &hint);
        } else {
                size_t idx[255], nidx, max = x->o->max_bytes - ip_hdr(&s);
                struct v1_cand c[V1_MAX_CAND / 4];
                size_t nc = v1_candidates(x->o->auth, x->o->nauth, c, V1_MAX_CAND / 4);
                if (!probe_random(x->spi, 8)) {
                        x->version = 1;
                        size_t len =
                            v1_build_mm1(x->spi, c, nc, 0, max, x->req, sizeof(x->req), idx, &nidx);
                        struct probe_step *st =
                            step(x, "IKEv1 MM1 on UDP 4500 (%zu transforms)", nidx);
                        if (len)
                                (void)ask(x, &s, st, x->req, len, &r->p4500, "IKEv1 Main Mode");
                }
        }
        live_close(&s);
}

int probe_run(const struct probe_opts *o, struct probe_result *r)
{
        static struct run x; /* 80 kB of buffers; probe runs once per process */
        memset(&x, 0, sizeof(x));
        x.o = o;
        x.r = r;
        uint64_t t0 = live_now_ns();
        snprintf(r->host, sizeof(r->host), "%s", o->host);
        if (live_open(&x.s500, o->host, 500, r->error, sizeof(r->error)))
                return -1;
        snprintf(r->host, sizeof(r->host), "%s", x.s500.addr);
        live_budget_init(&x.b, o->rate, o->max_packets, o->max_time);
        if (o->v1)
                v1_main(&x);
        if (o->v2)
                v2_init(&x);
        if (o->am && (!o->v1 || r->v1_answered))
                aggressive(&x);
        if (o->natt_port && (r->v1_answered || r->v2_answered))
                port4500(&x);
        live_close(&x.s500);
        r->sent = x.b.sent;
        r->budget_hit |= x.b.exhausted;
        r->seconds = (double)(live_now_ns() - t0) / 1e9;
        return 0;
}
