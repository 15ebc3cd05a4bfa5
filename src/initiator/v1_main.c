/*
 * IKEv1 Main Mode with a pre-shared key, as initiator (RFC 2409 5):
 *   MM1 SA (+ RFC 3947 VID)           MM2 SA (the chosen transform)
 *   MM3 KE, Ni, NAT-D x2              MM4 KE, Nr, NAT-D x2
 *   MM5* IDii, HASH_I                 MM6* IDir, HASH_R
 * NAT-T (RFC 3947): NAT-D when the responder sent the RFC 3947 VID; a
 * NAT seen (either hash differs) moves to UDP 4500 from MM5 on (3.4),
 * with the non-ESP marker (src/live/).
 * A pre-shared key that differs gives different SKEYID_e on the two ends:
 * the responder cannot read MM5, and what it sends back (an Informational,
 * MM6) does not decrypt under our keys, or nothing comes back. Each of
 * those is said as what it is.
 */
#include <stdio.h>
#include <string.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/socket.h>

#include "../crypto/integ.h"
#include "../ike/vocab.h"
#include "v1_int.h"

/* An address of the socket (local or peer): its bytes and port. */
static int sock_addr(const struct live_sock *s, bool local, uint8_t addr[16], size_t *alen,
                     uint16_t *port)
{
        struct sockaddr_storage ss;
        socklen_t sl = sizeof(ss);
        int rc = local ? getsockname(s->fd, (struct sockaddr *)&ss, &sl)
                       : getpeername(s->fd, (struct sockaddr *)&ss, &sl);
        if (rc)
                return -1;
        if (ss.ss_family == AF_INET6) {
                const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)&ss;
                memcpy(addr, &a->sin6_addr, 16);
                *alen = 16;
                *port = ntohs(a->sin6_port);
        } else {
                const struct sockaddr_in *a = (const struct sockaddr_in *)&ss;
                memcpy(addr, &a->sin_addr, 4);
                *alen = 4;
                *port = ntohs(a->sin_port);
        }
        return 0;
}

static void xform_text(const struct ike_v1_xform *t, char *out, size_t n)
{
        const char *e = ike_name_of(IKE_REG_V1_ENCR, t->encr);
        const char *h = ike_name_of(IKE_REG_V1_HASH, t->hash);
        const char *g = ike_name_of(IKE_REG_DH_GROUP, t->group);
        char kl[16] = "";
        if (t->keylen)
                snprintf(kl, sizeof(kl), "-%u", t->keylen);
        snprintf(out, n, "%s%s %s group %u%s%s%s", e ? e : "?", kl, h ? h : "?", t->group,
                 g ? " (" : "", g ? g : "", g ? ")" : "");
}

static bool vid_rfc3947(const struct v1_reply *rep)
{
        for (size_t i = 0; i < rep->nvid; i++)
                if (rep->vid[i].len == 16 && !memcmp(rep->vid[i].p, v1_vid_rfc3947, 16))
                        return true;
        return false;
}

/* Our identity (RFC 2407 4.6.2: protocol and port 0 in phase 1). */
static int our_id(struct v1_run *x, struct v1_id *id)
{
        const struct ini_params *p = x->p;
        memset(id, 0, sizeof(*id));
        if (p->id[0]) {
                id->type = p->id_type ? p->id_type : IKEV1_ID_FQDN;
                if (id->type == IKEV1_ID_IPV4_ADDR || id->type == IKEV1_ID_IPV6_ADDR) {
                        int af = id->type == IKEV1_ID_IPV4_ADDR ? AF_INET : AF_INET6;
                        if (inet_pton(af, p->id, id->data) != 1)
                                return -1;
                        id->len = af == AF_INET ? 4 : 16;
                        return 0;
                }
                size_t n = strlen(p->id);
                if (n > sizeof(id->data))
                        return -1;
                memcpy(id->data, p->id, n);
                id->len = n;
                return 0;
        }
        uint16_t port;
        if (sock_addr(x->s, true, id->data, &id->len, &port))
                return -1;
        id->type = id->len == 4 ? IKEV1_ID_IPV4_ADDR : IKEV1_ID_IPV6_ADDR;
        return 0;
}

/* The responder's identity as text, for the result. */
static void peer_id_text(struct ini_result *r, struct wire_view body)
{
        struct ike_id id;
        struct wire_err e;
        r->peer_id[0] = '\0';
        if (ike_id_decode(body, 1, &id, &e))
                return;
        r->peer_id_type = id.type;
        if (id.af == 4 || id.af == 6) {
                (void)inet_ntop(id.af == 4 ? AF_INET : AF_INET6, id.a, r->peer_id,
                                sizeof(r->peer_id));
                return;
        }
        size_t n = 0;
        for (size_t i = 0; i < id.data.len && n + 1 < sizeof(r->peer_id); i++) {
                uint8_t c = id.data.p[i];
                r->peer_id[n++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
        }
        r->peer_id[n] = '\0';
}

static int mm12(struct v1_run *x)
{
        struct ini_result *r = x->r;
        const struct ini_params *p = x->p;
        size_t sa_off = 0, sa_len = 0;
        bool natt = p->natt != INI_NATT_OFF;
        if (RAND_bytes(x->ckyi, 8) != 1) {
                ini_stop(r, INI_PH_REACH, INI_STOP_LOCAL, "libcrypto gave no random bytes");
                return -1;
        }
        size_t len =
            v1m_mm1(x->ckyi, x->xf, x->nxf, natt, x->req, sizeof(x->req), &sa_off, &sa_len);
        if (!len || sa_len > sizeof(x->sai_b)) {
                ini_stop(r, INI_PH_REACH, INI_STOP_LOCAL, "MM1 does not fit in a message");
                return -1;
        }
        memcpy(x->sai_b, x->req + sa_off, sa_len);
        x->sai_len = sa_len;
        x->want_x = 2;
        x->want_mid = 0;
        x->want_iv = NULL;
        char d[96];
        snprintf(d, sizeof(d), "SA (%zu transform%s)%s", x->nxf, x->nxf == 1 ? "" : "s",
                 natt ? ", VID (RFC 3947 NAT-T)" : "");
        if (v1_ask(x, "MM1", d, len) != LIVE_ANSWERED) {
                ini_stop_live(r, INI_PH_REACH, &x->lr);
                return -1;
        }
        const struct v1_reply *rep = &x->rep;
        if (rep->hdr.exchange == 5) {
                v1_stop_on_info(x, INI_PH_IKE, "MM1");
                return -1;
        }
        size_t k = x->nxf;
        if (rep->has_sa && rep->sa_proto == 1 && rep->sa_proposals == 1 && rep->sa_transforms == 1)
                for (k = 0; k < x->nxf; k++) {
                        const struct ike_v1_xform *a = &x->xf[k], *b = &rep->p1;
                        if (a->encr == b->encr && a->keylen == b->keylen && a->hash == b->hash &&
                            a->auth == b->auth && a->group == b->group)
                                break;
                }
        if (k == x->nxf) {
                struct ini_step *st = v1_answer_step(
                    x, "MM2", "%s", rep->has_sa ? "SA that is not one of ours" : "no SA");
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                         "MM2 %s (RFC 2409 5: the responder chooses exactly one offered "
                         "transform)",
                         rep->has_sa ? "holds a transform that was not offered, or more than one"
                                     : "holds no SA");
                return -1;
        }
        x->chosen = x->xf[k];
        r->ike1_chosen = p->ike1[0];
        for (size_t i = 0, n = 0; i < p->nike1; i++) /* back to the caller's proposal */
                if (ini_v1_encr(p->ike1[i].encr) && ini_v1_hash(p->ike1[i].hash) &&
                    p->ike1[i].group && n++ == k)
                        r->ike1_chosen = p->ike1[i];
        r->ike1_chosen.lifetime = rep->p1.life ? rep->p1.life : x->chosen.life;
        r->ike_life = r->ike1_chosen.lifetime;
        memcpy(x->ckyr, rep->hdr.rspi, 8);
        x->peer_natt = vid_rfc3947(rep);
        char t[96];
        xform_text(&rep->p1, t, sizeof(t));
        v1_answer_step(x, "MM2", "SA: %s, PSK%s, %zu VID%s", t, x->peer_natt ? ", NAT-T" : "",
                       rep->nvid, rep->nvid == 1 ? "" : "s");
        return 0;
}

static int mm34(struct v1_run *x)
{
        struct ini_result *r = x->r;
        const struct ini_params *p = x->p;
        struct cipher_spec cs;
        enum crypto_hash h = hash_from_ikev1(x->chosen.hash);
        if (!cipher_from_ikev1(x->chosen.encr, x->chosen.keylen, &cs) || h == CH_NONE ||
            (cs.alg != CC_3DES_CBC && cs.alg != CC_AES_CBC)) {
                ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL,
                         "the chosen cipher or hash is one this initiator cannot compute");
                return -1;
        }
        x->dh = dh_new(x->chosen.group);
        x->gxi_len = x->dh ? dh_public(x->dh, x->gxi, sizeof(x->gxi)) : 0;
        if (!x->gxi_len || RAND_bytes(x->ni, sizeof(x->ni)) != 1) {
                ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "DH group %u: no key pair",
                         x->chosen.group);
                return -1;
        }
        uint8_t natd_peer[CRYPTO_MAX_MD], natd_me[CRYPTO_MAX_MD], a[16];
        size_t hl = crypto_hash_len(h), alen = 0, natd_len = 0;
        uint16_t port = 0;
        bool natd = p->natt != INI_NATT_OFF && x->peer_natt;
        if (natd) {
                if (sock_addr(x->s, false, a, &alen, &port) ||
                    v1_natd(h, x->ckyi, x->ckyr, a, alen, port, natd_peer) ||
                    sock_addr(x->s, true, a, &alen, &port) ||
                    v1_natd(h, x->ckyi, x->ckyr, a, alen, port, natd_me)) {
                        ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "NAT-D: no socket address");
                        return -1;
                }
                natd_len = hl;
        }
        size_t len = v1m_mm3(x->ckyi, x->ckyr, x->gxi, x->gxi_len, x->ni, sizeof(x->ni), natd_peer,
                             natd_me, natd_len, x->req, sizeof(x->req));
        char d[96];
        snprintf(d, sizeof(d), "KE (group %u), Ni%s", x->chosen.group, natd ? ", NAT-D x2" : "");
        if (!len || v1_ask(x, "MM3", d, len) != LIVE_ANSWERED) {
                if (!len)
                        ini_stop(r, INI_PH_IKE, INI_STOP_LOCAL, "MM3 does not fit");
                else
                        ini_stop_live(r, INI_PH_IKE, &x->lr);
                return -1;
        }
        const struct v1_reply *rep = &x->rep;
        if (rep->hdr.exchange == 5) {
                v1_stop_on_info(x, INI_PH_IKE, "MM3");
                return -1;
        }
        if (!rep->has_ke || !rep->has_nonce || rep->ke.len != x->gxi_len || rep->nonce.len < 8 ||
            rep->nonce.len > sizeof(x->nr)) {
                struct ini_step *st =
                    v1_answer_step(x, "MM4", "no KE of group %u or no nonce", x->chosen.group);
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                         "MM4 lacks a KE of the chosen group's size or a nonce of 8-256 bytes "
                         "(RFC 2409 5)");
                return -1;
        }
        memcpy(x->gxr, rep->ke.p, rep->ke.len);
        x->gxr_len = rep->ke.len;
        memcpy(x->nr, rep->nonce.p, rep->nonce.len);
        x->nr_len = rep->nonce.len;
        /* RFC 3947 3.2: the first NAT-D is the hash of the receiver (us, as
         * the responder saw us), the others the sender's own addresses */
        if (natd && rep->nnatd >= 2) {
                r->nat_local = rep->natd[0].len != hl || memcmp(rep->natd[0].p, natd_me, hl);
                r->nat_remote = true;
                for (size_t i = 1; i < rep->nnatd; i++)
                        if (rep->natd[i].len == hl && !memcmp(rep->natd[i].p, natd_peer, hl))
                                r->nat_remote = false;
        }
        uint8_t gxy[DH_MAX_LEN];
        size_t gxy_len = 0;
        int rc = dh_shared(x->dh, x->gxr, x->gxr_len, gxy, sizeof(gxy), &gxy_len);
        struct cspan ni = {x->ni, sizeof(x->ni)}, nr = {x->nr, x->nr_len};
        if (!rc)
                rc = v1_keys_derive(&x->k, h, &cs, p->psk, p->psk_len, ni, nr,
                                    (struct cspan){gxy, gxy_len}, x->ckyi, x->ckyr,
                                    (struct cspan){x->gxi, x->gxi_len},
                                    (struct cspan){x->gxr, x->gxr_len});
        OPENSSL_cleanse(gxy, sizeof(gxy));
        if (rc) {
                struct ini_step *st =
                    v1_answer_step(x, "MM4", "KE that is no group %u value", x->chosen.group);
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_IKE, INI_STOP_BAD_REPLY,
                         "MM4's KE is not a valid group %u public value", x->chosen.group);
                return -1;
        }
        x->have_keys = true;
        v1_answer_step(x, "MM4", "KE, Nr%s%s%s", rep->nnatd ? ", NAT-D" : "",
                       r->nat_local ? "; we are behind a NAT" : "",
                       r->nat_remote ? "; the responder's own NAT-D differs (a NAT in front of "
                                       "it, or a responder forcing UDP encapsulation)"
                                     : "");
        return 0;
}

/* RFC 3947 3.4 / 4: from MM5 on, UDP 4500 with the non-ESP marker. */
static int float_4500(struct v1_run *x)
{
        struct ini_result *r = x->r;
        const struct ini_params *p = x->p;
        bool nat = r->nat_local || r->nat_remote;
        if (p->natt == INI_NATT_OFF || !(p->natt == INI_NATT_FORCE || (x->peer_natt && nat)))
                return 0;
        if (x->s->port == 4500)
                return 0;
        char err[160];
        if (live_open(&x->s4500, p->host, 4500, err, sizeof(err))) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "UDP 4500: %s", err);
                return -1;
        }
        x->s = &x->s4500;
        r->floated = true;
        return 0;
}

static int mm56(struct v1_run *x)
{
        struct ini_result *r = x->r;
        struct v1_id id;
        uint8_t idb[64], hash_i[CRYPTO_MAX_MD];
        size_t idlen = 0;
        if (our_id(x, &id) || !(idlen = v1m_id_body(&id, idb, sizeof(idb)))) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "our identity cannot be written");
                return -1;
        }
        struct cspan gxi = {x->gxi, x->gxi_len}, gxr = {x->gxr, x->gxr_len};
        struct cspan sai = {x->sai_b, x->sai_len};
        if (v1_hash_p1(&x->k, true, gxi, gxr, x->ckyi, x->ckyr, sai, (struct cspan){idb, idlen},
                       hash_i)) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "HASH_I: libcrypto failed");
                return -1;
        }
        memcpy(x->iv_before_mm5, x->k.iv, sizeof(x->iv_before_mm5));
        size_t len = v1m_mm5(&x->k, x->ckyi, x->ckyr, &id, hash_i, x->req, sizeof(x->req));
        if (!len) {
                ini_stop(r, INI_PH_AUTH, INI_STOP_LOCAL, "MM5 cannot be encrypted");
                return -1;
        }
        x->want_x = 2;
        x->want_mid = 0;
        x->want_iv = x->k.iv;
        x->in_mm5 = true;
        char d[96];
        snprintf(d, sizeof(d), "IDii (type %u), HASH_I%s", id.type,
                 r->floated ? "; on UDP 4500 (NAT-T)" : "");
        enum live_outcome out = v1_ask(x, "MM5", d, len);
        x->in_mm5 = false;
        if (out == LIVE_SILENT) {
                if (r->floated)
                        ini_stop(r, INI_PH_AUTH, INI_STOP_SILENT,
                                 "no answer to MM5 on UDP 4500 after %u transmissions, though "
                                 "UDP 500 answered: UDP 4500 may not reach the responder; or it "
                                 "cannot decrypt MM5 (another pre-shared key) and drops it",
                                 x->lr.sends);
                else
                        ini_stop(r, INI_PH_AUTH, INI_STOP_SILENT,
                                 "no answer to MM5 after %u transmissions: a responder that "
                                 "cannot decrypt MM5 (another pre-shared key) drops it silently",
                                 x->lr.sends);
                return -1;
        }
        if (out != LIVE_ANSWERED) {
                ini_stop_live(r, INI_PH_AUTH, &x->lr);
                return -1;
        }
        const struct v1_reply *rep = &x->rep;
        if (rep->hdr.exchange == 5) {
                v1_stop_on_info(x, INI_PH_AUTH, "MM5");
                return -1;
        }
        struct ini_step *st;
        if (!rep->decrypted) {
                st = v1_answer_step(x, "MM6", "encrypted; does not decrypt under our keys");
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_AUTH, INI_STOP_PEER_AUTH,
                         "MM6 does not decrypt under the keys our pre-shared key gives: the two "
                         "ends derived different keys, so the pre-shared keys differ");
                return -1;
        }
        uint8_t hash_r[CRYPTO_MAX_MD];
        bool ok = rep->has_hash && rep->nid >= 1 && rep->hash.len == x->k.hl &&
                  !v1_hash_p1(&x->k, false, gxi, gxr, x->ckyi, x->ckyr, sai,
                              (struct cspan){rep->id[0].p, rep->id[0].len}, hash_r) &&
                  !CRYPTO_memcmp(hash_r, rep->hash.p, x->k.hl);
        if (rep->nid >= 1)
                peer_id_text(r, rep->id[0]);
        if (!ok) {
                st = v1_answer_step(x, "MM6", "IDir %s, HASH_R does not verify", r->peer_id);
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_AUTH, INI_STOP_PEER_AUTH, "MM6 decrypts, but %s (RFC 2409 5)",
                         rep->has_hash && rep->nid ? "its HASH_R does not verify"
                                                   : "it lacks IDir or HASH_R");
                return -1;
        }
        memcpy(x->k.iv, rep->next_iv, x->k.cs.block);
        r->ike_up = true;
        v1_answer_step(x, "MM6", "IDir %s, HASH_R verified", r->peer_id);
        return 0;
}

int v1_main_mode(struct v1_run *x)
{
        if (mm12(x) || mm34(x) || float_4500(x) || mm56(x))
                return -1;
        return 0;
}
