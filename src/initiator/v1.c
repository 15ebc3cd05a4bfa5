/*
 * `test HOST` as an IKEv1 initiator (initiator.h): Main Mode with a
 * pre-shared key (v1_main.c), Quick Mode (v1_quick.c), the deletes; this
 * file holds the run, the exchange helper every message goes through and
 * the keys kept for --keys. Every datagram is read by v1_reply.c (pure,
 * fuzzed); only answers in our IKE SA count, and an Informational counts
 * only when it carries an error or a delete, or does not decrypt under our
 * keys (what a responder with another pre-shared key sends).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/socket.h>

#include "../crypto/integ.h"
#include "../crypto/kdf_v1.h"
#include "../ike/vocab.h"
#include "v1_int.h"

uint32_t v1_msgid(void)
{
        uint32_t m = 0;
        while (!m)
                if (RAND_bytes((uint8_t *)&m, 4) != 1)
                        return 0x5a5a5a5a; /* libcrypto failed: any non-zero ID */
        return m;
}

const char *v1_notify_name(uint16_t type, char buf[32])
{
        const char *n = ike_notify_name(1, type);
        if (n)
                return n;
        snprintf(buf, 32, "notify %u", type);
        return buf;
}

/* An Informational the run is not waiting for: does it end the wait? */
static bool info_counts(struct v1_run *x, const uint8_t *p, size_t len)
{
        struct v1_reply *r = &x->rep;
        struct wire_err e;
        x->info_verified = false;
        if (!r->encrypted)
                return v1_reply_error(r) || r->ndel;
        if (!x->have_keys)
                return true; /* encrypted before we have keys: not ours to read */
        /* the IV of an Informational: hash(the sender's last phase-1 block |
         * M-ID); while MM5 is unanswered the responder's chain is either
         * after our MM5 or, when MM5 did not verify, before it */
        const uint8_t *lasts[2] = {x->k.iv, x->iv_before_mm5};
        for (int i = 0; i < (x->in_mm5 ? 2 : 1); i++) {
                uint8_t iv[CIPHER_MAX_BLOCK];
                if (ikev1_iv_phase2(x->k.prf, lasts[i], x->k.cs.block, r->hdr.msgid, iv) ||
                    v1_reply_read(p, len, x->ckyi, &x->k, iv, x->plain, sizeof(x->plain), r, &e) ||
                    !r->decrypted)
                        continue;
                uint8_t h[CRYPTO_MAX_MD];
                struct cspan none = {NULL, 0};
                x->info_verified =
                    r->has_hash && r->hash_first && r->hash.len == x->k.hl &&
                    !v1_hash_12(&x->k, r->hdr.msgid, none, v1_reply_after_hash(r), h) &&
                    !memcmp(h, r->hash.p, x->k.hl);
                return v1_reply_error(r) || r->ndel;
        }
        /* no IV decrypts it: another key */
        (void)v1_reply_read(p, len, x->ckyi, NULL, NULL, NULL, 0, r, &e);
        return true;
}

/* A Transaction exchange (Mode-Config, XAUTH: draft-dukes-ike-mode-cfg,
 * draft-beaulieu-ike-xauth) the responder opens after Main Mode: ours to
 * report when it decrypts under the phase-2 IV of its message ID. */
static bool transaction_counts(struct v1_run *x, const uint8_t *p, size_t len)
{
        struct v1_reply *r = &x->rep;
        struct wire_err e;
        uint8_t iv[CIPHER_MAX_BLOCK];
        if (!x->have_keys || v1_iv_p2(&x->k, r->hdr.msgid, iv) ||
            v1_reply_read(p, len, x->ckyi, &x->k, iv, x->plain, sizeof(x->plain), r, &e))
                return false;
        return r->decrypted && r->has_attr;
}

bool match_v1(void *ctx, const uint8_t *p, size_t len)
{
        struct v1_run *x = ctx;
        struct v1_reply *r = &x->rep;
        struct wire_err e;
        static const uint8_t zero[8] = {0};
        if (v1_reply_read(p, len, x->ckyi, NULL, NULL, NULL, 0, r, &e) != 0)
                return false; /* not ours, or malformed: ignored and counted */
        /* our own request reflected back: IKEv1 has no response flag */
        if (len == x->req_len && !memcmp(p, x->req, len))
                return false;
        uint8_t ex = r->hdr.exchange;
        bool have_r = memcmp(x->ckyr, zero, 8) != 0;
        /* RFC 2408 3.1: the responder's cookie is never zero in its answer */
        bool rspi_ok = have_r ? !memcmp(r->hdr.rspi, x->ckyr, 8) : memcmp(r->hdr.rspi, zero, 8);
        if (ex == x->want_x && r->hdr.msgid == x->want_mid && rspi_ok) {
                if (r->encrypted && x->want_iv &&
                    v1_reply_read(p, len, x->ckyi, &x->k, x->want_iv, x->plain, sizeof(x->plain), r,
                                  &e) < 0)
                        (void)v1_reply_read(p, len, x->ckyi, NULL, NULL, NULL, 0, r, &e);
                return true;
        }
        if (ex == 6 && x->want_x == 32)
                return transaction_counts(x, p, len);
        if (ex != 5)
                return false;
        return info_counts(x, p, len);
}

enum live_outcome v1_ask(struct v1_run *x, const char *name, const char *detail, size_t len)
{
        struct ini_result *r = x->r;
        struct ini_step *st = ini_step(r, name, false, "%s", detail);
        struct live_result lr;
        x->req_len = len;
        /* after the float, the port-500 socket too (udp.h) */
        enum live_outcome out = live_exchange_also(x->s, &x->s500, &x->b, &x->p->retx, x->req, len,
                                                   match_v1, x, x->dgram, sizeof(x->dgram), &lr);
        r->ignored += lr.ignored;
        if (out == LIVE_ANSWERED)
                r->round_trips++;
        if (out == LIVE_BUDGET)
                r->budget_hit = true;
        if (st) {
                st->outcome = out;
                st->sends = lr.sends;
                st->port = x->s->port;
                st->encrypted = x->req[19] & 1;
                st->decrypted = st->encrypted;
                st->ok = out == LIVE_ANSWERED;
        }
        x->lr = lr;
        x->answer_port = lr.from_also ? x->s500.port : x->s->port;
        return out;
}

struct ini_step *v1_answer_step(struct v1_run *x, const char *name, const char *fmt, ...)
{
        char d[256];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d, sizeof(d), fmt, ap);
        va_end(ap);
        struct ini_step *st = ini_step(x->r, name, true, "%s", d);
        if (!st)
                return NULL;
        const struct v1_reply *rep = &x->rep;
        st->outcome = LIVE_ANSWERED;
        st->port = x->answer_port;
        st->encrypted = rep->encrypted;
        st->decrypted = rep->decrypted;
        for (size_t i = 0; i < rep->nnotify && st->nnotify < INI_MAX_NOTIFY; i++)
                st->notify[st->nnotify++] = rep->notify[i].type;
        st->ok = true;
        return st;
}

/* The Informational in x->rep as the stop of phase ph, after request req. */
void v1_stop_on_info(struct v1_run *x, enum ini_phase ph, const char *req)
{
        struct ini_result *r = x->r;
        const struct v1_reply *rep = &x->rep;
        char nb[32];
        uint16_t err = v1_reply_error(rep);
        struct ini_step *st;
        if (rep->encrypted && !rep->decrypted) {
                st = v1_answer_step(x, "INFO", "encrypted; does not decrypt under our keys");
                if (st)
                        st->ok = false;
                ini_stop(r, ph, ph == INI_PH_AUTH ? INI_STOP_PEER_AUTH : INI_STOP_BAD_REPLY,
                         "the responder answered %s with an encrypted Informational that does not "
                         "decrypt under the keys our pre-shared key gives: %s",
                         req,
                         ph == INI_PH_AUTH ? "the two ends derived different keys, so the "
                                             "pre-shared keys differ"
                                           : "it is not readable");
                return;
        }
        const char *how = rep->encrypted ? (x->info_verified ? "encrypted, HASH(1) verified"
                                                             : "encrypted, HASH(1) not verified")
                                         : "in clear";
        if (err) {
                st = v1_answer_step(x, "INFO", "N(%s), %s", v1_notify_name(err, nb), how);
                if (st)
                        st->ok = false;
                r->stop_notify = err;
                r->notify_encrypted = rep->encrypted;
                /* it decrypted under the keys our PSK gave: the responder derived the
                 * same SKEYID_e, so its PSK is ours (RFC 2409 5: SKEYID = prf(PSK, ...)) */
                bool same = ph == INI_PH_AUTH && rep->encrypted && x->info_verified;
                ini_stop(r, ph, INI_STOP_NOTIFY, "the responder answered %s with %s (%s)%s", req,
                         v1_notify_name(err, nb), how,
                         same ? "; the pre-shared keys are equal (its message decrypts and "
                                "verifies under our keys): it refuses our identity or "
                                "authentication method"
                              : "");
                return;
        }
        bool isakmp = rep->ndel && rep->del[0].proto == 1;
        st = v1_answer_step(x, "INFO", "D (%s), %s", isakmp ? "ISAKMP" : "IPsec", how);
        if (st)
                st->ok = false;
        ini_stop(r, ph, INI_STOP_BAD_REPLY,
                 "the responder answered %s by deleting the %s SA it had just agreed to (it "
                 "could not install it, or changed its mind)",
                 req, isakmp ? "ISAKMP" : "IPsec");
}

/* ---- keys for --keys --------------------------------------------------- */

static void kb(struct key_bytes *d, const uint8_t *p, size_t n)
{
        if (n > sizeof(d->b))
                n = sizeof(d->b);
        memcpy(d->b, p, n);
        d->len = (uint8_t)n;
}

void v1_keep_ike_keys(struct v1_run *x)
{
        struct ini_result *r = x->r;
        if (r->nkeys >= INI_MAX_KEYS)
                return;
        struct key_entry *k = &r->keys[r->nkeys++];
        memset(k, 0, sizeof(*k));
        k->kind = KEY_IKEV1;
        k->bound = true;
        memcpy(k->ispi, x->ckyi, 8);
        memcpy(k->rspi, x->ckyr, 8);
        kb(&k->ka, x->k.ka, x->k.cs.key_len);
        kb(&k->skeyid_e, x->k.e, x->k.hl);
        kb(&k->skeyid_d, x->k.d, x->k.hl);
        kb(&k->skeyid_a, x->k.a, x->k.hl);
}

/* IPsec DOI Authentication Algorithm -> the IKEv2 INTEG number key files
 * name ESP integrity with (RFC 2407 4.5, RFC 4868; IANA). */
static unsigned integ_v2_of(unsigned auth)
{
        switch (auth) {
        case IPSEC_AUTH_HMAC_MD5:
                return 1;
        case IPSEC_AUTH_HMAC_SHA:
                return 2;
        case IPSEC_AUTH_HMAC_SHA2_256:
                return 12;
        case IPSEC_AUTH_HMAC_SHA2_384:
                return 13;
        case IPSEC_AUTH_HMAC_SHA2_512:
                return 14;
        default:
                return 0;
        }
}

void v1_keep_esp_key(struct v1_run *x, bool inbound, const uint8_t spi[4], uint16_t esp_id,
                     uint16_t keylen, uint16_t auth, const uint8_t *km, size_t ek, size_t ak)
{
        struct ini_result *r = x->r;
        if (r->nkeys >= INI_MAX_KEYS)
                return;
        struct key_entry *k = &r->keys[r->nkeys++];
        memset(k, 0, sizeof(*k));
        k->kind = KEY_ESP;
        k->bound = true;
        struct sockaddr_storage me, peer;
        socklen_t ml = sizeof(me), pl = sizeof(peer);
        if (getsockname(x->s->fd, (struct sockaddr *)&me, &ml) ||
            getpeername(x->s->fd, (struct sockaddr *)&peer, &pl))
                return;
        const struct sockaddr_storage *src = inbound ? &peer : &me, *dst = inbound ? &me : &peer;
        k->af = src->ss_family == AF_INET6 ? 6 : 4;
        if (k->af == 6) {
                memcpy(k->src, &((const struct sockaddr_in6 *)src)->sin6_addr, 16);
                memcpy(k->dst, &((const struct sockaddr_in6 *)dst)->sin6_addr, 16);
        } else {
                memcpy(k->src, &((const struct sockaddr_in *)src)->sin_addr, 4);
                memcpy(k->dst, &((const struct sockaddr_in *)dst)->sin_addr, 4);
        }
        k->spi = (uint32_t)spi[0] << 24 | (uint32_t)spi[1] << 16 | (uint32_t)spi[2] << 8 | spi[3];
        k->encr = esp_id;
        k->encr_bits = keylen;
        k->encr_state = KALG_KNOWN;
        k->integ = integ_v2_of(auth);
        k->integ_state = k->integ || !auth ? KALG_KNOWN : KALG_UNSUPPORTED;
        kb(&k->ek, km, ek);
        kb(&k->ak, km + ek, ak);
}

/* ---- the run ----------------------------------------------------------- */

static int offer(struct v1_run *x)
{
        const struct ini_params *p = x->p;
        for (size_t i = 0; i < p->nike1 && x->nxf < INI_MAX_PROPS; i++) {
                const struct p1_prop *q = &p->ike1[i];
                struct ike_v1_xform t = {0};
                t.encr = ini_v1_encr(q->encr);
                t.hash = ini_v1_hash(q->hash);
                t.keylen = q->encr == ENCR_AES ? (uint16_t)q->key_bits : 0;
                t.auth = IKEV1_AUTH_PSK;
                t.group = (uint16_t)q->group;
                t.life = q->lifetime;
                if (!t.encr || !t.hash || !t.group)
                        continue;
                x->xf[x->nxf++] = t;
        }
        return x->nxf ? 0 : -1;
}

int initiator_run_v1(const struct ini_params *p, struct ini_result *r)
{
        static struct v1_run x; /* 150 kB of buffers; one run per process */
        memset(&x, 0, sizeof(x));
        x.p = p;
        x.r = r;
        r->version = 1;
        snprintf(r->host, sizeof(r->host), "%s", p->host ? p->host : "");
        if (!p->psk || !p->psk_len) {
                snprintf(r->error, sizeof(r->error), "IKEv1 Main Mode needs a pre-shared key");
                return -1;
        }
        if (offer(&x)) {
                snprintf(r->error, sizeof(r->error),
                         "no IKEv1 proposal can be sent (a cipher, hash or group IKEv1 has no "
                         "number for)");
                return -1;
        }
        if (!p->nesp) {
                snprintf(r->error, sizeof(r->error), "no ESP transform to offer in Quick Mode");
                return -1;
        }
        if (live_open(&x.s500, p->host, p->port ? p->port : 500, r->error, sizeof(r->error)))
                return -1;
        x.s4500.fd = -1;
        x.s = &x.s500;
        snprintf(r->host, sizeof(r->host), "%s", x.s500.addr);
        uint64_t t0 = live_now_ns();
        live_budget_init(&x.b, p->rate, p->max_packets, p->max_time);
        if (!v1_main_mode(&x)) {
                v1_keep_ike_keys(&x);
                (void)v1_quick_mode(&x);
                if (p->delete_at_end)
                        v1_delete_all(&x);
        }
        dh_free(x.dh);
        x.dh = NULL;
        v1_keys_wipe(&x.k);
        OPENSSL_cleanse(x.plain, sizeof(x.plain));
        live_close(&x.s500);
        live_close(&x.s4500);
        r->sent = x.b.sent;
        r->budget_hit |= x.b.exhausted;
        r->seconds = (double)(live_now_ns() - t0) / 1e9;
        return 0;
}
