/*
 * The IKEv2 initiator (initiator.h, RFC 7296): IKE_SA_INIT (COOKIE 2.6,
 * INVALID_KE_PAYLOAD 1.2), IKE_AUTH with PSK and the first Child SA (1.2,
 * 2.15), an optional CREATE_CHILD_SA rekey of that Child SA (1.3.3: where a
 * PFS difference shows, since IKE_AUTH carries no KE), and an INFORMATIONAL
 * delete of the IKE SA (1.4.1). NAT detection and the move to UDP 4500 as
 * in 2.23. Every exchange goes through src/live/ (paced, retransmitted,
 * bounded); every answer through v2_reply_read (v2_msg.c, fuzzed).
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../crypto/dh.h"
#include "../ike/vocab.h"
#include "../wire/build.h"
#include "initiator.h"
#include "v2_msg.h"

/* RFC 7296 3.10.1 notify numbers used here */
enum {
        N_UNSUPPORTED_CRITICAL = 1,
        N_INVALID_SYNTAX = 7,
        N_NO_PROPOSAL_CHOSEN = 14,
        N_INVALID_KE_PAYLOAD = 17,
        N_AUTHENTICATION_FAILED = 24,
        N_SINGLE_PAIR_REQUIRED = 34,
        N_TS_UNACCEPTABLE = 38,
        N_INITIAL_CONTACT = 16384,
        N_NAT_SRC = 16388,
        N_NAT_DST = 16389,
        N_COOKIE = 16390,
        N_REKEY_SA = 16393,
        N_FRAG_SUPPORTED = 16430,
};

#define NONCE_LEN 32

struct run {
        const struct ini_params *p;
        struct ini_result *r;
        struct live_budget b;
        struct live_sock s500, s4500, *s;
        bool have4500;
        struct v2_sa sa;
        bool keys;    /* sa.k derived */
        bool peer_up; /* the responder answered IKE_AUTH with its AUTH: it holds the SA */
        struct dh_key *dh;
        uint8_t ni[NONCE_LEN], nr[256];
        size_t nrlen;
        uint8_t msg1[8192], msg2[LIVE_MAX_DGRAM]; /* IKE_SA_INIT as sent / answered (AUTH) */
        size_t msg1len, msg2len;
        uint32_t msgid;
        uint8_t spi_in[4], spi_out[4]; /* the Child SA: ours (inbound), the responder's */
        /* the exchange in flight, for match() */
        uint8_t exch;
        uint32_t expect_id;
        const struct v2_sa *expect_sa;
        unsigned bad_answers;
        char bad_why[128];
        struct v2_reply rep;
        uint8_t plain[LIVE_MAX_DGRAM];
        uint8_t buf[LIVE_MAX_DGRAM], req[LIVE_MAX_DGRAM], tmp[LIVE_MAX_DGRAM];
        size_t buflen; /* of the last answer in buf */
};

static bool match(void *ctx, const uint8_t *p, size_t len)
{
        struct run *x = ctx;
        char why[128];
        int rc = v2_reply_read(p, len, x->sa.spi_i, x->exch, x->expect_id, x->expect_sa, x->plain,
                               sizeof(x->plain), &x->rep, why, sizeof(why));
        if (rc < 0) { /* ours by its header, but unusable: a forgery must not end the wait */
                x->bad_answers++;
                memcpy(x->bad_why, why, sizeof(why));
        }
        return rc == 0;
}

/* One request and its answer; the request's step is recorded here. On an
 * answer, x->rep holds it (read again from x->buf, where live copied it). */
static bool ask(struct run *x, struct ini_step *st, const uint8_t *req, size_t len,
                enum ini_phase ph)
{
        struct live_result lr;
        x->bad_answers = 0;
        enum live_outcome out = live_exchange(x->s, &x->b, &x->p->retx, req, len, match, x, x->buf,
                                              sizeof(x->buf), &lr);
        x->r->ignored += lr.ignored;
        if (st) {
                st->outcome = out;
                st->sends = lr.sends;
                st->port = x->s->port;
        }
        if (out == LIVE_ANSWERED) {
                x->r->round_trips++;
                x->buflen = lr.len;
                char why[128];
                (void)v2_reply_read(x->buf, lr.len, x->sa.spi_i, x->exch, x->expect_id,
                                    x->expect_sa, x->plain, sizeof(x->plain), &x->rep, why,
                                    sizeof(why));
                return true;
        }
        if (st)
                st->ok = false;
        if (out == LIVE_SILENT && x->bad_answers) {
                ini_stop(x->r, ph, INI_STOP_BAD_REPLY, "%u answer(s) that could not be used: %s",
                         x->bad_answers, x->bad_why);
                return false;
        }
        ini_stop_live(x->r, ph, &lr);
        return false;
}

static void notify_names(const struct v2_reply *rp, struct ini_step *st, char *out, size_t n)
{
        size_t at = 0;
        out[0] = '\0';
        for (size_t i = 0; i < rp->nn; i++) {
                if (st && st->nnotify < INI_MAX_NOTIFY)
                        st->notify[st->nnotify++] = rp->n[i].type;
                const char *name = ike_notify_name(2, rp->n[i].type);
                int w = name ? snprintf(out + at, n - at, "%sN(%s)", at ? ", " : "", name)
                             : snprintf(out + at, n - at, "%sN(%u)", at ? ", " : "", rp->n[i].type);
                if (w < 0 || (size_t)w >= n - at)
                        break;
                at += (size_t)w;
        }
}

/* The answer's step: its notifies, whether it was encrypted. */
static struct ini_step *answer_step(struct run *x, const char *name, const char *what)
{
        char ns[160];
        notify_names(&x->rep, NULL, ns, sizeof(ns));
        struct ini_step *st =
            ini_step(x->r, name, true, "%s%s%s", what, *what && *ns ? ", " : "", ns);
        if (st) {
                notify_names(&x->rep, st, ns, sizeof(ns));
                st->encrypted = st->decrypted = x->rep.encrypted;
                st->port = x->s->port;
        }
        return st;
}

static void stop_notify(struct run *x, struct ini_step *st, enum ini_phase ph, uint16_t n)
{
        const char *name = ike_notify_name(2, n);
        if (st)
                st->ok = false;
        x->r->stop_notify = n;
        x->r->notify_encrypted = x->rep.encrypted;
        if (name)
                ini_stop(x->r, ph, INI_STOP_NOTIFY, "the responder answered %s", name);
        else
                ini_stop(x->r, ph, INI_STOP_NOTIFY, "the responder answered notify %u", n);
}

/* ---- proposals --------------------------------------------------------- */

static bool prop_aead(const struct v2_prop *v, size_t i)
{
        return v->encr[i] == ENCR_AES_GCM;
}

/* The transforms of one IKE proposal of ours: aead picks the combined-mode
 * ciphers (no INTEG), !aead the others. 0 when a type it needs is empty. */
static size_t ike_xforms(const struct v2_prop *v, bool aead, struct ike_v2_xf *x, size_t cap)
{
        size_t n = 0, ne = 0;
        for (size_t i = 0; i < v->nencr && n < cap; i++) {
                uint16_t id = ini_v2_encr(v->encr[i]);
                if (!id || prop_aead(v, i) != aead)
                        continue;
                uint16_t kl = v->encr[i] == ENCR_AES || v->encr[i] == ENCR_AES_GCM
                                  ? (uint16_t)(v->key_bits[i] ? v->key_bits[i] : 128)
                                  : 0;
                x[n++] = (struct ike_v2_xf){IKEV2_TRANS_ENCR, id, kl};
                ne++;
        }
        if (!ne)
                return 0;
        size_t np = 0;
        /* the PRF list; none given: the integrity algorithms' hashes (IOS and
         * ASA derive the PRF so when a proposal names none) */
        const enum ike_hash *prf = v->nprf ? v->prf : v->integ;
        size_t nprf = v->nprf ? v->nprf : v->ninteg;
        for (size_t i = 0; i < nprf && n < cap; i++) {
                uint16_t id = ini_v2_prf(prf[i]);
                bool dup = false;
                for (size_t k = n - np; k < n && !dup; k++)
                        dup = x[k].type == IKEV2_TRANS_PRF && x[k].id == id;
                if (id && !dup)
                        x[n++] = (struct ike_v2_xf){IKEV2_TRANS_PRF, id, 0}, np++;
        }
        if (!np)
                return 0;
        if (!aead) {
                size_t ni = 0;
                for (size_t i = 0; i < v->ninteg && n < cap; i++) {
                        uint16_t id = ini_v2_integ(v->integ[i]);
                        if (id)
                                x[n++] = (struct ike_v2_xf){IKEV2_TRANS_INTEG, id, 0}, ni++;
                }
                if (!ni)
                        return 0;
        }
        size_t ng = 0;
        for (size_t i = 0; i < v->ngroups && n < cap; i++)
                if (dh_pub_len((unsigned)v->groups[i]))
                        x[n++] = (struct ike_v2_xf){IKEV2_TRANS_KE, (uint16_t)v->groups[i], 0},
                        ng++;
        return ng ? n : 0;
}

struct offer {
        struct ike_v2_xf xf[2 * INI_MAX_PROPS][48];
        struct ike_v2_prop prop[2 * INI_MAX_PROPS];
        size_t n;
};

static void ike_offer(const struct ini_params *p, struct offer *o)
{
        o->n = 0;
        for (size_t i = 0; i < p->nike2; i++)
                for (int aead = 1; aead >= 0; aead--) {
                        size_t k = ike_xforms(&p->ike2[i], aead, o->xf[o->n], 48);
                        if (k)
                                o->prop[o->n] = (struct ike_v2_prop){1, o->xf[o->n], k, NULL, 0},
                                o->n++;
                }
}

static bool offered(const struct offer *o, uint8_t type, uint16_t id, uint16_t keylen)
{
        for (size_t i = 0; i < o->n; i++)
                for (size_t k = 0; k < o->prop[i].n; k++) {
                        const struct ike_v2_xf *x = &o->prop[i].xf[k];
                        if (x->type == type && x->id == id && (type != 1 || x->keylen == keylen))
                                return true;
                }
        return false;
}

/* ESP proposals: one per transform of ours (a Cisco transform set is one
 * combination), ESN "no" (RFC 7296 3.3.3: ESN is mandatory for ESP), the
 * PFS group when pfs (ignored in IKE_AUTH, 1.2; decisive at rekey, 1.3.3). */
struct esp_offer {
        struct ike_v2_xf xf[INI_MAX_XF][5];
        struct ike_v2_prop prop[INI_MAX_XF];
        size_t n;
};

static void esp_offer(const struct ini_params *p, const uint8_t spi[4], int pfs,
                      struct esp_offer *o)
{
        o->n = 0;
        for (size_t i = 0; i < p->nesp; i++) {
                const struct p2_xform *e = &p->esp[i];
                uint16_t id = ini_esp_id(e->encr);
                if (!id)
                        continue;
                size_t k = 0;
                uint16_t kl =
                    e->encr == ENCR_AES || e->encr == ENCR_AES_GCM || e->encr == ENCR_AES_GMAC
                        ? (uint16_t)(e->key_bits ? e->key_bits : 128)
                        : 0;
                o->xf[o->n][k++] = (struct ike_v2_xf){IKEV2_TRANS_ENCR, id, kl};
                if (e->encr != ENCR_AES_GCM) {
                        uint16_t ig = ini_v2_integ(e->hash);
                        if (!ig && e->encr != ENCR_AES_GMAC)
                                continue;
                        if (ig)
                                o->xf[o->n][k++] = (struct ike_v2_xf){IKEV2_TRANS_INTEG, ig, 0};
                }
                if (pfs)
                        o->xf[o->n][k++] = (struct ike_v2_xf){IKEV2_TRANS_KE, (uint16_t)pfs, 0};
                o->xf[o->n][k++] = (struct ike_v2_xf){IKEV2_TRANS_ESN, 0, 0};
                o->prop[o->n] = (struct ike_v2_prop){3, o->xf[o->n], k, spi, 4};
                o->n++;
        }
}

static const char *encr_name(uint16_t id, uint16_t bits, char *b, size_t n)
{
        const char *s = ike_name_of(IKE_REG_V2_ENCR, id);
        if (bits)
                snprintf(b, n, "%s-%u", s ? s : "ENCR", bits);
        else
                snprintf(b, n, "%s", s ? s : "ENCR?");
        return b;
}

/* ---- NAT detection (RFC 7296 2.23) -------------------------------------- */

static int natd_hash(const uint8_t spi_i[8], const uint8_t spi_r[8],
                     const struct sockaddr_storage *ss, uint8_t out[20])
{
        uint8_t in[8 + 8 + 16 + 2];
        size_t n = 16;
        memcpy(in, spi_i, 8);
        memcpy(in + 8, spi_r, 8);
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
        struct cspan sp = {in, n};
        return crypto_hash(CH_SHA1, &sp, 1, out);
}

static int addrs(const struct live_sock *s, struct sockaddr_storage *me,
                 struct sockaddr_storage *peer)
{
        socklen_t a = sizeof(*me), b = sizeof(*peer);
        return getsockname(s->fd, (struct sockaddr *)me, &a) ||
                       getpeername(s->fd, (struct sockaddr *)peer, &b)
                   ? -1
                   : 0;
}

/* ---- IKE_SA_INIT -------------------------------------------------------- */

static size_t build_init(struct run *x, const struct offer *o, const uint8_t *cookie,
                         size_t cookie_len, size_t *publen)
{
        uint8_t pub[DH_MAX_LEN];
        *publen = dh_public(x->dh, pub, sizeof(pub));
        struct ike_wb w;
        size_t len = 0;
        static const uint8_t zero[8] = {0};
        ike_wb_init(&w, x->msg1, sizeof(x->msg1));
        ike_wb_header(&w, 2, x->sa.spi_i, zero, 34, IKE_F_V2_INITIATOR, 0);
        if (cookie) /* RFC 7296 2.6: N(COOKIE) first, the rest unchanged */
                ike_wb_notify(&w, 2, 0, N_COOKIE, NULL, 0, cookie, cookie_len);
        ike_wb_v2_sa(&w, o->prop, o->n);
        ike_wb_ke(&w, 2, (uint16_t)dh_group(x->dh), pub, *publen);
        ike_wb_raw(&w, PL_V2_NONCE, x->ni, NONCE_LEN);
        struct sockaddr_storage me, peer;
        if (x->p->natt != INI_NATT_OFF && !addrs(x->s, &me, &peer)) {
                uint8_t src[20], dst[20];
                if (!natd_hash(x->sa.spi_i, zero, &me, src) &&
                    !natd_hash(x->sa.spi_i, zero, &peer, dst)) {
                        /* forced: a source hash that cannot match makes the
                         * responder see a NAT and encapsulate ESP in UDP, as
                         * strongSwan's encap=yes does */
                        if (x->p->natt == INI_NATT_FORCE)
                                src[0] ^= 0xff;
                        ike_wb_notify(&w, 2, 0, N_NAT_SRC, NULL, 0, src, 20);
                        ike_wb_notify(&w, 2, 0, N_NAT_DST, NULL, 0, dst, 20);
                }
        }
        ike_wb_notify(&w, 2, 0, N_FRAG_SUPPORTED, NULL, 0, NULL, 0); /* RFC 7383 2.3 */
        OPENSSL_cleanse(pub, sizeof(pub));
        return ike_wb_finish(&w, &len) ? 0 : len;
}

/* Checks the answer's choice against the offer and records it. */
static bool take_choice(struct run *x, const struct offer *o, struct ini_step *st)
{
        struct v2_reply *rp = &x->rep;
        struct ini_result *r = x->r;
        bool aead = rp->xf_has[1] &&
                    (rp->xf[1] == IKEV2_ENCR_AES_GCM_16 || rp->xf[1] == IKEV2_ENCR_AES_GCM_12 ||
                     rp->xf[1] == IKEV2_ENCR_AES_GCM_8);
        if (!rp->has_sa || rp->sa_proto != 1 || !rp->xf_has[1] || !rp->xf_has[2] ||
            !rp->xf_has[4] || (!aead && !rp->xf_has[3]) ||
            !offered(o, 1, rp->xf[1], rp->xf_keylen) || !offered(o, 2, rp->xf[2], 0) ||
            (rp->xf_has[3] && rp->xf[3] && !offered(o, 3, rp->xf[3], 0)) ||
            !offered(o, 4, rp->xf[4], 0)) {
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                         "the responder chose a proposal that was not offered");
                return false;
        }
        x->sa.encr = rp->xf[1];
        x->sa.encr_bits = rp->xf_keylen;
        x->sa.prf_id = rp->xf[2];
        x->sa.integ = rp->xf_has[3] ? rp->xf[3] : 0;
        x->sa.group = rp->xf[4];
        struct v2_choice *c = &r->ike2_chosen;
        c->ok = true;
        c->encr = ike_encr_from_v2(rp->xf[1]);
        c->key_bits = rp->xf_keylen;
        c->prf = ike_hash_from_v2_prf(rp->xf[2]);
        c->integ = x->sa.integ ? ike_hash_from_v2_integ(x->sa.integ) : HASH_NONE;
        c->group = rp->xf[4];
        return true;
}

static bool sa_init(struct run *x)
{
        struct ini_result *r = x->r;
        struct offer *o = calloc(1, sizeof(*o));
        if (!o) {
                ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "out of memory");
                return false;
        }
        ike_offer(x->p, o);
        bool ok = false;
        uint8_t cookie[256];
        size_t cookie_len = 0;
        bool hinted = false;
        unsigned group = 0;
        for (size_t i = 0; i < o->prop[0].n && o->n; i++)
                if (o->prop[0].xf[i].type == IKEV2_TRANS_KE) {
                        group = o->prop[0].xf[i].id;
                        break;
                }
        if (!group) {
                ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "no IKEv2 proposal we can send");
                goto out;
        }
        r->ike2_chosen.ke_sent = (int)group;
        if (RAND_bytes(x->ni, NONCE_LEN) != 1 || RAND_bytes(x->sa.spi_i, 8) != 1)
                goto local;
        x->exch = 34;
        x->expect_id = 0;
        x->expect_sa = NULL;
        for (unsigned round = 0; round < 6; round++) {
                if (!x->dh && !(x->dh = dh_new(group)))
                        goto local;
                size_t publen = 0;
                x->msg1len = build_init(x, o, cookie_len ? cookie : NULL, cookie_len, &publen);
                if (!x->msg1len) {
                        ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "the IKE_SA_INIT does not fit");
                        goto out;
                }
                struct ini_step *st =
                    ini_step(r, "IKE_SA_INIT", false, "SA (%zu proposal%s), KE (group %u), Ni%s%s",
                             o->n, o->n == 1 ? "" : "s", group, cookie_len ? ", N(COOKIE)" : "",
                             x->p->natt != INI_NATT_OFF ? ", NAT-D" : "");
                r->sent++;
                if (!ask(x, st, x->msg1, x->msg1len, round == 0 ? INI_PH_REACH : INI_PH_IKE))
                        goto out;
                struct v2_reply *rp = &x->rep;
                int c = v2_reply_notify(rp, N_COOKIE);
                if (c >= 0 && round < 5) {
                        struct ini_step *a = answer_step(x, "IKE_SA_INIT", "");
                        (void)a;
                        if (rp->n[c].data.len < 1 || rp->n[c].data.len > 64) {
                                ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                                         "a COOKIE of %zu bytes (RFC 7296 2.6: 1 to 64)",
                                         rp->n[c].data.len);
                                goto out;
                        }
                        if (r->cookies >= 2) {
                                ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                                         "the responder asked for a cookie again");
                                goto out;
                        }
                        r->cookies++;
                        cookie_len = rp->n[c].data.len;
                        memcpy(cookie, rp->n[c].data.p, cookie_len);
                        continue;
                }
                int k = v2_reply_notify(rp, N_INVALID_KE_PAYLOAD);
                if (k >= 0) {
                        struct ini_step *a = answer_step(x, "IKE_SA_INIT", "");
                        unsigned hint =
                            rp->n[k].data.len == 2
                                ? (unsigned)(rp->n[k].data.p[0] << 8 | rp->n[k].data.p[1])
                                : 0;
                        r->ke_hint = (int)hint;
                        r->ike2_chosen.invalid_ke = true;
                        /* RFC 7296 1.2: retry once with the group asked for, when
                         * we offered it */
                        if (hinted || !hint || hint == group || !offered(o, 4, (uint16_t)hint, 0)) {
                                stop_notify(x, a, INI_PH_IKE, N_INVALID_KE_PAYLOAD);
                                goto out;
                        }
                        hinted = true;
                        group = hint;
                        dh_free(x->dh);
                        x->dh = NULL;
                        continue;
                }
                uint16_t err = v2_reply_error(rp);
                if (err) {
                        struct ini_step *a = answer_step(x, "IKE_SA_INIT", "");
                        stop_notify(x, a, INI_PH_IKE, err);
                        goto out;
                }
                if (!rp->has_ke || !rp->has_nonce || !rp->has_sa) {
                        struct ini_step *a =
                            answer_step(x, "IKE_SA_INIT", "an answer without SA, KE and Nr");
                        if (a)
                                a->ok = false;
                        ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                                 "the IKE_SA_INIT answer lacks SA, KE or Nr");
                        goto out;
                }
                char eb[48];
                struct ini_step *a = answer_step(x, "IKE_SA_INIT", "");
                if (!take_choice(x, o, a))
                        goto out;
                if (a)
                        snprintf(a->detail, sizeof(a->detail),
                                 "SA (%s, %s, %s, group %u), KE, Nr%s",
                                 encr_name(x->sa.encr, x->sa.encr_bits, eb, sizeof(eb)),
                                 ike_name_of(IKE_REG_V2_PRF, x->sa.prf_id)
                                     ? ike_name_of(IKE_REG_V2_PRF, x->sa.prf_id)
                                     : "PRF?",
                                 x->sa.integ && ike_name_of(IKE_REG_V2_INTEG, x->sa.integ)
                                     ? ike_name_of(IKE_REG_V2_INTEG, x->sa.integ)
                                     : "no integrity (AEAD)",
                                 x->sa.group, v2_reply_notify(rp, N_NAT_SRC) >= 0 ? ", NAT-D" : "");
                if (rp->ke_group != group || x->sa.group != group) {
                        if (a)
                                a->ok = false;
                        ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                                 "the answer's KE group %u is not the one sent (%u)", rp->ke_group,
                                 group);
                        goto out;
                }
                ok = true;
                break;
        }
        if (!ok) {
                if (!r->stop)
                        ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                                 "the responder kept asking for cookies or groups");
                goto out;
        }
        /* keys */
        struct v2_reply *rp = &x->rep;
        memcpy(x->sa.spi_r, rp->rspi, 8);
        x->nrlen = rp->nonce.len;
        memcpy(x->nr, rp->nonce.p, x->nrlen);
        x->msg2len = 0;
        char why[96];
        uint8_t gir[DH_MAX_LEN];
        size_t glen = 0;
        if (!v2_sa_algs(&x->sa, why, sizeof(why))) {
                ok = false;
                ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "%s", why);
                goto out;
        }
        if (dh_shared(x->dh, rp->ke.p, rp->ke.len, gir, sizeof(gir), &glen)) {
                ok = false;
                ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                         "the responder's KE is no valid group %u value", x->sa.group);
                goto out;
        }
        int drc = v2_sa_derive(&x->sa, gir, glen, x->ni, NONCE_LEN, x->nr, x->nrlen);
        OPENSSL_cleanse(gir, sizeof(gir));
        if (drc)
                goto local;
        x->keys = true;
        /* NAT-D: did the addresses change on the way? */
        struct sockaddr_storage me, peer;
        int ns = v2_reply_notify(rp, N_NAT_SRC), nd = v2_reply_notify(rp, N_NAT_DST);
        if (ns >= 0 && nd >= 0 && !addrs(x->s, &me, &peer)) {
                uint8_t h[20];
                bool any = false;
                for (size_t i = 0; i < rp->nn; i++)
                        if (rp->n[i].type == N_NAT_SRC && rp->n[i].data.len == 20 &&
                            !natd_hash(x->sa.spi_i, x->sa.spi_r, &peer, h) &&
                            !memcmp(h, rp->n[i].data.p, 20))
                                any = true;
                r->nat_remote = !any;
                r->nat_local =
                    !(rp->n[nd].data.len == 20 && !natd_hash(x->sa.spi_i, x->sa.spi_r, &me, h) &&
                      !memcmp(h, rp->n[nd].data.p, 20));
        }
        x->msg2len = x->buflen;
        memcpy(x->msg2, x->buf, x->buflen);
        goto out;
local:
        ok = false;
        ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "libcrypto failed (random bytes, DH or keys)");
out:
        free(o);
        return ok;
}

/* ---- IKE_AUTH ----------------------------------------------------------- */

static size_t id_body(const struct run *x, uint8_t *out, size_t cap)
{
        const struct ini_params *p = x->p;
        struct sockaddr_storage me, peer;
        if (cap < 4 + 255)
                return 0;
        out[1] = out[2] = out[3] = 0;
        if (p->id[0]) {
                size_t n = strlen(p->id);
                if (n > 255)
                        return 0;
                out[0] = p->id_type ? p->id_type : IKEV2_ID_FQDN;
                if (out[0] == IKEV2_ID_IPV4_ADDR) {
                        struct in_addr a;
                        if (inet_pton(AF_INET, p->id, &a) != 1)
                                return 0;
                        memcpy(out + 4, &a, 4);
                        return 8;
                }
                memcpy(out + 4, p->id, n);
                return 4 + n;
        }
        if (addrs(x->s, &me, &peer))
                return 0;
        if (me.ss_family == AF_INET6) {
                out[0] = IKEV2_ID_IPV6_ADDR;
                memcpy(out + 4, &((struct sockaddr_in6 *)&me)->sin6_addr, 16);
                return 20;
        }
        out[0] = IKEV2_ID_IPV4_ADDR;
        memcpy(out + 4, &((struct sockaddr_in *)&me)->sin_addr, 4);
        return 8;
}

static void id_text(const struct ike_id *id, char *out, size_t n)
{
        char a[INET6_ADDRSTRLEN];
        if (id->af == 4 && inet_ntop(AF_INET, id->a, a, sizeof(a)))
                snprintf(out, n, "%s", a);
        else if (id->af == 6 && inet_ntop(AF_INET6, id->a, a, sizeof(a)))
                snprintf(out, n, "%s", a);
        else {
                size_t k = 0;
                for (size_t i = 0; i < id->data.len && k + 5 < n; i++) {
                        uint8_t c = id->data.p[i];
                        if (c >= 0x20 && c < 0x7f)
                                out[k++] = (char)c;
                        else
                                k += (size_t)snprintf(out + k, n - k, "\\x%02x", c);
                }
                out[k] = '\0';
        }
}

/* Child SA keys for --keys: ESP both ways. */
static void child_keys(struct run *x, const uint8_t *ni, size_t nilen, const uint8_t *nr,
                       size_t nrlen, const uint8_t *gir, size_t glen)
{
        struct ini_result *r = x->r;
        const struct p2_xform *e = &r->esp_chosen;
        struct cipher_spec cs;
        struct integ_spec is = {CH_NONE, 0, 0};
        uint16_t eid = ini_esp_id(e->encr), iid = ini_v2_integ(e->hash);
        if (!cipher_from_esp(eid, (unsigned)e->key_bits, &cs) ||
            (!cipher_is_aead(&cs) && !integ_from_ikev2(iid, &is)))
                return;
        struct child_keys ck;
        if (ikev2_child_keys(x->sa.prf, x->sa.k.d, x->sa.k.d_len, (struct cspan){gir, glen},
                             (struct cspan){ni, nilen}, (struct cspan){nr, nrlen}, &cs, &is, &ck))
                return;
        struct sockaddr_storage me, peer;
        if (addrs(x->s, &me, &peer) || r->nkeys + 2 > INI_MAX_KEYS)
                goto wipe;
        for (int dir = 0; dir < 2; dir++) { /* 0: ours -> responder (its SPI) */
                struct key_entry *k = &r->keys[r->nkeys++];
                *k = (struct key_entry){.kind = KEY_ESP, .bound = true};
                k->af = me.ss_family == AF_INET6 ? 6 : 4;
                const struct sockaddr_storage *src = dir ? &peer : &me, *dst = dir ? &me : &peer;
                if (k->af == 4) {
                        memcpy(k->src, &((const struct sockaddr_in *)src)->sin_addr, 4);
                        memcpy(k->dst, &((const struct sockaddr_in *)dst)->sin_addr, 4);
                } else {
                        memcpy(k->src, &((const struct sockaddr_in6 *)src)->sin6_addr, 16);
                        memcpy(k->dst, &((const struct sockaddr_in6 *)dst)->sin6_addr, 16);
                }
                k->spi = dir ? r->spi_in : r->spi_out;
                k->encr_state = k->integ_state = KALG_KNOWN;
                k->encr = eid;
                k->encr_bits = (unsigned)(cs.key_len * 8);
                k->integ = cipher_is_aead(&cs) ? 0 : iid;
                k->ek.len = (uint8_t)ck.e_len;
                memcpy(k->ek.b, dir ? ck.er : ck.ei, ck.e_len);
                k->ak.len = (uint8_t)ck.a_len;
                memcpy(k->ak.b, dir ? ck.ar : ck.ai, ck.a_len);
        }
wipe:
        OPENSSL_cleanse(&ck, sizeof(ck));
}

static void ike_keys(struct run *x)
{
        struct ini_result *r = x->r;
        if (r->nkeys >= INI_MAX_KEYS)
                return;
        struct key_entry *k = &r->keys[r->nkeys++];
        *k = (struct key_entry){.kind = KEY_IKEV2, .bound = true};
        memcpy(k->ispi, x->sa.spi_i, 8);
        memcpy(k->rspi, x->sa.spi_r, 8);
        k->encr_state = k->integ_state = KALG_KNOWN;
        k->encr = x->sa.encr;
        k->encr_bits = x->sa.encr_bits;
        k->integ = x->sa.integ;
        const struct ikev2_sa_keys *s = &x->sa.k;
        k->sk_ei.len = k->sk_er.len = (uint8_t)s->e_len;
        memcpy(k->sk_ei.b, s->ei, s->e_len);
        memcpy(k->sk_er.b, s->er, s->e_len);
        k->sk_ai.len = k->sk_ar.len = (uint8_t)s->a_len;
        memcpy(k->sk_ai.b, s->ai, s->a_len);
        memcpy(k->sk_ar.b, s->ar, s->a_len);
        k->sk_d.len = (uint8_t)s->d_len;
        memcpy(k->sk_d.b, s->d, s->d_len);
}

/* The chosen ESP transform, checked against our offer. */
static bool take_esp(struct run *x, const struct esp_offer *eo, struct ini_step *st,
                     enum ini_phase ph)
{
        struct v2_reply *rp = &x->rep;
        struct ini_result *r = x->r;
        bool okp = rp->has_sa && rp->sa_proto == 3 && rp->sa_spi_len == 4 && rp->xf_has[1];
        size_t i = 0;
        for (; okp && i < eo->n; i++) {
                const struct ike_v2_prop *pp = &eo->prop[i];
                bool all = true;
                for (size_t k = 0; k < pp->n && all; k++) {
                        const struct ike_v2_xf *f = &pp->xf[k];
                        if (f->type == IKEV2_TRANS_KE && ph != INI_PH_REKEY)
                                continue; /* IKE_AUTH negotiates no KE (RFC 7296 1.2) */
                        all = rp->xf_has[f->type] && rp->xf[f->type] == f->id &&
                              (f->type != 1 || rp->xf_keylen == f->keylen);
                }
                if (all)
                        break;
        }
        if (!okp || i == eo->n) {
                if (st)
                        st->ok = false;
                ini_stop(r, ph, INI_STOP_BAD_REPLY,
                         "the responder's ESP choice is not one of our proposals");
                return false;
        }
        r->esp_chosen = x->p->esp[0];
        /* eo's i-th proposal came from the i-th usable transform of ours */
        size_t seen = 0;
        for (size_t k = 0; k < x->p->nesp; k++) {
                const struct p2_xform *e = &x->p->esp[k];
                if (!ini_esp_id(e->encr) ||
                    (e->encr != ENCR_AES_GCM && !ini_v2_integ(e->hash) && e->encr != ENCR_AES_GMAC))
                        continue;
                if (seen++ == i) {
                        r->esp_chosen = *e;
                        break;
                }
        }
        r->pfs_chosen = ph == INI_PH_REKEY && rp->xf_has[4] ? rp->xf[4] : r->pfs_chosen;
        return true;
}

static bool inside(struct range32 a, struct range32 b)
{
        return a.lo >= b.lo && a.hi <= b.hi && a.lo <= a.hi;
}

/* The narrowed selectors: within ours (RFC 7296 2.9: the responder may
 * only narrow). */
static bool take_ts(struct run *x, struct ini_step *st, enum ini_phase ph)
{
        struct v2_reply *rp = &x->rep;
        struct ini_result *r = x->r;
        struct flowbox mine = x->p->traffic, got = mine;
        struct range16 pi, pr;
        if (!rp->ntsi || !rp->ntsr || !v2_ts_box(&rp->tsi[0], &got.src, &pi, &got.sport) ||
            !v2_ts_box(&rp->tsr[0], &got.dst, &pr, &got.dport)) {
                if (st)
                        st->ok = false;
                ini_stop(r, ph, INI_STOP_BAD_REPLY, "the answer lacks IPv4 TSi / TSr");
                return false;
        }
        got.proto = pi;
        if (!inside(got.src, mine.src) || !inside(got.dst, mine.dst)) {
                if (st)
                        st->ok = false;
                ini_stop(r, ph, INI_STOP_REFUSED_TS,
                         "the responder's selectors are not within ours (RFC 7296 2.9)");
                return false;
        }
        r->ts_local = got;
        r->ts_remote = got;
        r->ts_narrowed = got.src.lo != mine.src.lo || got.src.hi != mine.src.hi ||
                         got.dst.lo != mine.dst.lo || got.dst.hi != mine.dst.hi ||
                         got.proto.lo != mine.proto.lo || got.proto.hi != mine.proto.hi ||
                         rp->ntsi > 1 || rp->ntsr > 1;
        return true;
}

static uint32_t be32(const uint8_t *p)
{
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A request under the IKE SA: plain message in x->tmp (len), sealed into
 * x->req and sent; the answer decrypted into x->rep. */
static bool ask_sk(struct run *x, struct ini_step *st, size_t plen, enum ini_phase ph)
{
        uint8_t iv[CIPHER_MAX_BLOCK];
        if (RAND_bytes(iv, (int)x->sa.cs.iv_len) != 1) {
                ini_stop(x->r, ph, INI_STOP_LOCAL, "libcrypto gave no random bytes");
                return false;
        }
        size_t len = v2_seal(&x->sa, x->tmp, plen, iv, x->req, sizeof(x->req));
        if (!len) {
                ini_stop(x->r, ph, INI_STOP_LOCAL, "the request could not be sealed");
                return false;
        }
        x->expect_sa = &x->sa;
        x->expect_id = x->msgid;
        x->r->sent++;
        bool ok = ask(x, st, x->req, len, ph);
        if (st)
                st->encrypted = true;
        x->msgid++;
        return ok;
}

static bool float_4500(struct run *x)
{
        const struct ini_params *p = x->p;
        struct ini_result *r = x->r;
        if (p->natt == INI_NATT_OFF || x->s->port == 4500)
                return true;
        if (p->natt == INI_NATT_AUTO && !r->nat_local && !r->nat_remote)
                return true;
        char err[160];
        if (live_open(&x->s4500, p->host, 4500, err, sizeof(err))) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "%s", err);
                return false;
        }
        x->have4500 = true;
        x->s = &x->s4500;
        r->floated = true;
        return true;
}

static bool ike_auth(struct run *x)
{
        const struct ini_params *p = x->p;
        struct ini_result *r = x->r;
        uint8_t idb[4 + 256], auth[CRYPTO_MAX_MD];
        size_t idlen = id_body(x, idb, sizeof(idb));
        if (!idlen) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "our identity cannot be written");
                return false;
        }
        if (!float_4500(x))
                return false;
        if (v2_psk_auth(x->sa.prf, p->psk, p->psk_len, x->msg1, x->msg1len, x->nr, x->nrlen,
                        x->sa.k.pi, x->sa.k.p_len, idb, idlen, auth)) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "libcrypto failed (AUTH)");
                return false;
        }
        if (RAND_bytes(x->spi_in, 4) != 1)
                return false;
        r->spi_in = be32(x->spi_in);
        struct esp_offer eo;
        esp_offer(p, x->spi_in, p->pfs, &eo);
        if (!eo.n) {
                ini_stop(r, INI_PH_CHILD, INI_STOP_LOCAL, "no ESP transform we can send");
                return false;
        }
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, x->tmp, sizeof(x->tmp));
        ike_wb_header(&w, 2, x->sa.spi_i, x->sa.spi_r, 35, IKE_F_V2_INITIATOR, x->msgid);
        ike_wb_raw(&w, PL_V2_IDI, idb, idlen);
        if (p->peer_id[0]) {
                uint8_t rb[4 + INI_ID_LEN] = {p->peer_id_type ? p->peer_id_type : IKEV2_ID_FQDN};
                size_t n = strlen(p->peer_id);
                memcpy(rb + 4, p->peer_id, n);
                ike_wb_raw(&w, PL_V2_IDR, rb, 4 + n);
        }
        size_t hl = crypto_hash_len(x->sa.prf);
        size_t at = ike_wb_begin(&w, PL_V2_AUTH, false);
        ike_wb_u8(&w, IKEV2_AUTH_PSK);
        ike_wb_u8(&w, 0);
        ike_wb_u16(&w, 0);
        ike_wb_bytes(&w, auth, hl);
        ike_wb_end(&w, at);
        OPENSSL_cleanse(auth, sizeof(auth));
        ike_wb_v2_sa(&w, eo.prop, eo.n);
        v2_wb_ts(&w, PL_V2_TSI, &p->traffic, true);
        v2_wb_ts(&w, PL_V2_TSR, &p->traffic, false);
        if (ike_wb_finish(&w, &len)) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "the IKE_AUTH does not fit");
                return false;
        }
        x->exch = 35;
        struct ini_step *st =
            ini_step(r, "IKE_AUTH", false, "IDi, %sAUTH (PSK), SA (%zu ESP proposal%s), TSi, TSr",
                     p->peer_id[0] ? "IDr, " : "", eo.n, eo.n == 1 ? "" : "s");
        if (!ask_sk(x, st, len, INI_PH_AUTH))
                return false;
        struct v2_reply *rp = &x->rep;
        if (v2_reply_notify(rp, N_AUTHENTICATION_FAILED) >= 0 || !rp->has_auth) {
                struct ini_step *a = answer_step(x, "IKE_AUTH", "");
                uint16_t err = v2_reply_notify(rp, N_AUTHENTICATION_FAILED) >= 0
                                   ? N_AUTHENTICATION_FAILED
                                   : v2_reply_error(rp);
                if (err) {
                        stop_notify(x, a, INI_PH_AUTH, err);
                } else {
                        if (a)
                                a->ok = false;
                        ini_stop(r, INI_PH_AUTH, INI_STOP_BAD_REPLY,
                                 "the IKE_AUTH answer has no AUTH payload");
                }
                return false;
        }
        x->peer_up = true; /* even if its AUTH fails our check: delete it at the end */
        /* the responder's AUTH, with our key (RFC 7296 2.15) */
        uint8_t want[CRYPTO_MAX_MD];
        bool good =
            rp->has_idr && rp->auth.method == IKEV2_AUTH_PSK && rp->auth.data.len == hl &&
            !v2_psk_auth(x->sa.prf, p->psk, p->psk_len, x->msg2, x->msg2len, x->ni, NONCE_LEN,
                         x->sa.k.pr, x->sa.k.p_len, rp->idr_body.p, rp->idr_body.len, want) &&
            CRYPTO_memcmp(want, rp->auth.data.p, hl) == 0;
        OPENSSL_cleanse(want, sizeof(want));
        if (rp->has_idr) {
                r->peer_id_type = rp->idr.type;
                id_text(&rp->idr, r->peer_id, sizeof(r->peer_id));
        }
        char ns[200];
        snprintf(ns, sizeof(ns), "IDr (%s), AUTH (%s)", r->peer_id,
                 rp->auth.method == IKEV2_AUTH_PSK ? "PSK" : "not PSK");
        struct ini_step *a = answer_step(x, "IKE_AUTH", ns);
        if (!good) {
                if (a)
                        a->ok = false;
                r->peer_auth_method = rp->auth.method;
                if (rp->auth.method != IKEV2_AUTH_PSK)
                        ini_stop(r, INI_PH_AUTH, INI_STOP_PEER_AUTH,
                                 "the responder authenticates with method %u, not a PSK",
                                 rp->auth.method);
                else
                        ini_stop(r, INI_PH_AUTH, INI_STOP_PEER_AUTH,
                                 "the responder's AUTH does not verify with our key");
                return false;
        }
        r->ike_up = true;
        /* the Child SA: refused (the IKE SA stays up, RFC 7296 1.2 / 2.21.2) or made */
        uint16_t err = v2_reply_error(rp);
        if (err) {
                stop_notify(x, a, INI_PH_CHILD, err);
                return true;
        }
        if (!take_esp(x, &eo, a, INI_PH_CHILD) || !take_ts(x, a, INI_PH_CHILD))
                return true;
        memcpy(x->spi_out, rp->sa_spi, 4);
        r->spi_out = be32(x->spi_out);
        r->child_up = true;
        if (a) {
                size_t n = strlen(a->detail);
                snprintf(a->detail + n, sizeof(a->detail) - n, ", SA (ESP %s/%s), TSi, TSr%s",
                         ini_encr_text(r->esp_chosen.encr, r->esp_chosen.key_bits),
                         ini_hash_text(r->esp_chosen.hash), r->ts_narrowed ? " (narrowed)" : "");
        }
        child_keys(x, x->ni, NONCE_LEN, x->nr, x->nrlen, NULL, 0);
        return true;
}

/* ---- CREATE_CHILD_SA rekey ---------------------------------------------- */

static void rekey(struct run *x)
{
        const struct ini_params *p = x->p;
        struct ini_result *r = x->r;
        uint8_t ni[NONCE_LEN], spi[4], pub[DH_MAX_LEN];
        size_t publen = 0;
        struct dh_key *dh = NULL;
        r->rekey_tried = true;
        if (RAND_bytes(ni, NONCE_LEN) != 1 || RAND_bytes(spi, 4) != 1)
                return;
        if (p->pfs) {
                if (!(dh = dh_new((unsigned)p->pfs))) {
                        ini_stop(r, INI_PH_REKEY, INI_STOP_LOCAL,
                                 "DH group %d is not supported here", p->pfs);
                        return;
                }
                publen = dh_public(dh, pub, sizeof(pub));
        }
        struct esp_offer eo;
        esp_offer(p, spi, p->pfs, &eo);
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, x->tmp, sizeof(x->tmp));
        ike_wb_header(&w, 2, x->sa.spi_i, x->sa.spi_r, 36, IKE_F_V2_INITIATOR, x->msgid);
        /* RFC 7296 1.3.3: N(REKEY_SA) names the SA rekeyed by our inbound SPI */
        ike_wb_notify(&w, 2, 3, N_REKEY_SA, x->spi_in, 4, NULL, 0);
        ike_wb_v2_sa(&w, eo.prop, eo.n);
        ike_wb_raw(&w, PL_V2_NONCE, ni, NONCE_LEN);
        if (dh)
                ike_wb_ke(&w, 2, (uint16_t)p->pfs, pub, publen);
        v2_wb_ts(&w, PL_V2_TSI, &p->traffic, true);
        v2_wb_ts(&w, PL_V2_TSR, &p->traffic, false);
        x->exch = 36;
        if (ike_wb_finish(&w, &len)) {
                ini_stop(r, INI_PH_REKEY, INI_STOP_LOCAL, "the CREATE_CHILD_SA does not fit");
                goto out;
        }
        char pf[24] = "";
        if (p->pfs)
                snprintf(pf, sizeof(pf), "KEi (group %d), ", p->pfs);
        struct ini_step *st = ini_step(r, "CREATE_CHILD_SA", false,
                                       "N(REKEY_SA), SA (%zu ESP proposal%s), Ni, %sTSi, TSr", eo.n,
                                       eo.n == 1 ? "" : "s", pf);
        if (!ask_sk(x, st, len, INI_PH_REKEY))
                goto out;
        struct v2_reply *rp = &x->rep;
        uint16_t err = v2_reply_error(rp);
        struct ini_step *a = answer_step(x, "CREATE_CHILD_SA", err ? "" : "SA, Nr");
        if (err) {
                if (err == N_INVALID_KE_PAYLOAD) {
                        int k = v2_reply_notify(rp, N_INVALID_KE_PAYLOAD);
                        if (rp->n[k].data.len == 2)
                                r->ke_hint = rp->n[k].data.p[0] << 8 | rp->n[k].data.p[1];
                }
                stop_notify(x, a, INI_PH_REKEY, err);
                goto out;
        }
        if (!rp->has_nonce || !take_esp(x, &eo, a, INI_PH_REKEY) || !take_ts(x, a, INI_PH_REKEY))
                goto out;
        if (!!dh != rp->has_ke) {
                if (a)
                        a->ok = false;
                ini_stop(r, INI_PH_REKEY, INI_STOP_BAD_REPLY,
                         dh ? "the rekey answer has no KEr though we sent KEi"
                            : "the rekey answer has a KEr though we sent no KEi");
                goto out;
        }
        uint8_t gir[DH_MAX_LEN];
        size_t glen = 0;
        if (dh && dh_shared(dh, rp->ke.p, rp->ke.len, gir, sizeof(gir), &glen)) {
                ini_stop(r, INI_PH_REKEY, INI_STOP_BAD_REPLY, "the rekey's KEr is no valid value");
                goto out;
        }
        r->rekey_ok = true;
        r->pfs_chosen = p->pfs;
        uint32_t old_in = r->spi_in, old_out = r->spi_out;
        r->spi_in = be32(spi);
        r->spi_out = rp->sa_spi_len == 4 ? be32(rp->sa_spi) : 0;
        child_keys(x, ni, NONCE_LEN, rp->nonce.p, rp->nonce.len, gir, glen);
        r->spi_in = old_in, r->spi_out = old_out; /* the report names the first Child SA */
        OPENSSL_cleanse(gir, sizeof(gir));
out:
        OPENSSL_cleanse(pub, sizeof(pub));
        dh_free(dh);
}

/* ---- INFORMATIONAL delete ----------------------------------------------- */

static void delete_ike(struct run *x)
{
        struct ini_result *r = x->r;
        struct ike_wb w;
        size_t len = 0;
        ike_wb_init(&w, x->tmp, sizeof(x->tmp));
        ike_wb_header(&w, 2, x->sa.spi_i, x->sa.spi_r, 37, IKE_F_V2_INITIATOR, x->msgid);
        size_t at = ike_wb_begin(&w, PL_V2_DELETE, false);
        ike_wb_u8(&w, 1); /* IKE: no SPI (RFC 7296 3.11); deletes its Child SAs too */
        ike_wb_u8(&w, 0);
        ike_wb_u16(&w, 0);
        ike_wb_end(&w, at);
        if (ike_wb_finish(&w, &len))
                return;
        x->exch = 37;
        struct ini_step *st = ini_step(r, "INFORMATIONAL", false, "D (IKE SA)");
        /* the run's verdict is already made: a delete that goes unanswered is
         * reported on its step only */
        enum ini_phase ph = r->phase;
        enum ini_stop sp = r->stop;
        char why[sizeof(r->why)];
        memcpy(why, r->why, sizeof(why));
        if (ask_sk(x, st, len, INI_PH_DELETE)) {
                answer_step(x, "INFORMATIONAL", x->rep.nn ? "" : "(empty: deleted)");
                r->deleted = true;
        }
        if (sp != INI_STOP_NONE || r->stop == INI_STOP_NONE) {
                r->phase = ph;
                r->stop = sp;
                memcpy(r->why, why, sizeof(why));
        }
}

int initiator_run_v2(const struct ini_params *p, struct ini_result *r)
{
        r->version = 2;
        snprintf(r->host, sizeof(r->host), "%s", p->host);
        struct run *x = calloc(1, sizeof(*x));
        if (!x) {
                snprintf(r->error, sizeof(r->error), "out of memory");
                return -1;
        }
        x->p = p;
        x->r = r;
        x->s500.fd = x->s4500.fd = -1;
        if (live_open(&x->s500, p->host, p->port, r->error, sizeof(r->error))) {
                free(x);
                return -1;
        }
        x->s = &x->s500;
        live_budget_init(&x->b, p->rate, p->max_packets, p->max_time);
        uint64_t t0 = live_now_ns();
        if (sa_init(x)) {
                ike_keys(x);
                x->msgid = 1;
                if (ike_auth(x) && r->child_up && p->rekey)
                        rekey(x);
                if (x->peer_up && p->delete_at_end)
                        delete_ike(x);
        }
        r->budget_hit = r->budget_hit || x->b.exhausted;
        r->seconds = (double)(live_now_ns() - t0) / 1e9;
        dh_free(x->dh);
        v2_sa_wipe(&x->sa);
        live_close(&x->s500);
        if (x->have4500)
                live_close(&x->s4500);
        OPENSSL_cleanse(x->plain, sizeof(x->plain));
        OPENSSL_cleanse(x->tmp, sizeof(x->tmp));
        free(x);
        return 0;
}
