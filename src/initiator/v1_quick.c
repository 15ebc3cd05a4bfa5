/*
 * IKEv1 Quick Mode as initiator (RFC 2409 5.5), then the deletes (5.7,
 * RFC 2408 3.15):
 *   QM1* HASH(1), SA (ESP), Ni, [KE], IDci, IDcr
 *   QM2* HASH(2), SA (the chosen transform), Nr, [KE], [IDci, IDcr],
 *        [N(RESPONDER-LIFETIME)]
 *   QM3* HASH(3)
 * The proxy identities are the traffic's networks (IDci ours, IDcr
 * theirs); PFS puts a Group Description in every transform and a KE in
 * QM1. After a float to 4500 the encapsulation mode is
 * UDP-Encapsulated-Tunnel (RFC 3947 5.1). A refusal comes back as an
 * encrypted Informational (NO-PROPOSAL-CHOSEN, INVALID-ID-INFORMATION, ...)
 * that v1.c decrypts with its own IV and HASH(1).
 */
#include <stdio.h>
#include <string.h>

#include <arpa/inet.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "../crypto/integ.h"
#include "../crypto/kdf_v1.h"
#include "../ike/vocab.h"
#include "v1_int.h"

/* RFC 2407 4.6.2: one address, a prefix or a range. */
static void id_of(const struct range32 *a, const struct range16 *proto, const struct range16 *port,
                  struct v1_id *id)
{
        memset(id, 0, sizeof(*id));
        id->proto = proto->lo == proto->hi ? (uint8_t)proto->lo : 0;
        id->port = port->lo == port->hi ? port->lo : 0;
        uint32_t lo = a->lo, hi = a->hi, size = hi - lo;
        uint8_t *d = id->data;
        for (int i = 0; i < 4; i++)
                d[i] = (uint8_t)(lo >> (24 - 8 * i));
        if (lo == hi) {
                id->type = IKEV1_ID_IPV4_ADDR;
                id->len = 4;
                return;
        }
        bool prefix = (size & (size + 1)) == 0 && (lo & size) == 0;
        uint32_t second = prefix ? ~size : hi;
        for (int i = 0; i < 4; i++)
                d[4 + i] = (uint8_t)(second >> (24 - 8 * i));
        id->type = prefix ? IKEV1_ID_IPV4_ADDR_SUBNET : IKEV1_ID_IPV4_ADDR_RANGE;
        id->len = 8;
}

static void id_text(const struct v1_id *id, char *out, size_t n)
{
        char a[16], b[16];
        inet_ntop(AF_INET, id->data, a, sizeof(a));
        if (id->type == IKEV1_ID_IPV4_ADDR) {
                snprintf(out, n, "%s", a);
                return;
        }
        inet_ntop(AF_INET, id->data + 4, b, sizeof(b));
        snprintf(out, n, "%s%s%s", a, id->type == IKEV1_ID_IPV4_ADDR_SUBNET ? "/" : "-", b);
}

/* An ID payload's body back to a range (IPv4 address types only). */
static bool id_range(struct wire_view body, struct range32 *out)
{
        struct ike_id id;
        struct wire_err e;
        if (ike_id_decode(body, 1, &id, &e) || id.af != 4)
                return false;
        uint32_t a =
            (uint32_t)id.a[0] << 24 | (uint32_t)id.a[1] << 16 | (uint32_t)id.a[2] << 8 | id.a[3];
        uint32_t b =
            (uint32_t)id.b[0] << 24 | (uint32_t)id.b[1] << 16 | (uint32_t)id.b[2] << 8 | id.b[3];
        if (!id.has_b)
                *out = (struct range32){a, a};
        else if (id.type == IKEV1_ID_IPV4_ADDR_SUBNET)
                *out = (struct range32){a & b, (a & b) | ~b};
        else
                *out = (struct range32){a, b};
        return true;
}

/* RESPONDER-LIFETIME (RFC 2407 4.6.3.1): the attributes it sets. */
static void responder_lifetime(struct v1_run *x)
{
        const struct v1r_notify *n = v1_reply_notify(&x->rep, 24576);
        if (!n)
                return;
        struct ike_attr_iter it = ike_attrs(n->data);
        struct ike_attr a;
        struct wire_err e;
        unsigned type = 1;
        while (ike_attr_next(&it, &a, &e) == 1) {
                if (!a.value_ok)
                        continue;
                if (a.type == 1)
                        type = a.value;
                else if (a.type == 2 && type == 1 && n->proto == 3)
                        x->r->esp_life = a.value;
                else if (a.type == 2 && type == 1 && n->proto == 1)
                        x->r->ike_life = a.value;
        }
}

/* The responder opened a Transaction exchange instead of answering QM1:
 * XAUTH (attributes 16520-16531, draft-beaulieu-ike-xauth-02 6.1) is asked
 * of remote-access clients; a site-to-site peer cannot answer it. */
static void xauth_asked(struct v1_run *x)
{
        struct ini_result *r = x->r;
        struct ike_cfg c = {0};
        struct wire_err e;
        bool xauth = false;
        if (!ike_cfg_decode(x->rep.attr, 1, &c, &e)) {
                struct ike_attr_iter it = ike_attrs(c.attrs);
                struct ike_attr a;
                while (ike_attr_next(&it, &a, &e) == 1)
                        xauth |= a.type >= 16520 && a.type <= 16531;
        }
        struct ini_step *st = v1_answer_step(x, "TRANSACTION", "%s (Mode-Config type %u)",
                                             xauth ? "XAUTH request" : "Mode-Config", c.type);
        if (st)
                st->ok = false;
        x->xauth_asked = xauth;
        r->xauth_asked = xauth;
        ini_stop(r, INI_PH_CHILD, INI_STOP_BAD_REPLY,
                 "after Main Mode the responder %s instead of answering QM1: it treats this "
                 "peer as a remote-access client",
                 xauth ? "asks for XAUTH (a user name and password)"
                       : "opened a Mode-Config transaction");
}

struct qm {
        struct v1_esp_xf xf[INI_MAX_XF];
        size_t nxf, idx[INI_MAX_XF]; /* idx: the caller's transform each came from */
        struct v1_qm_offer o;
        uint32_t msgid;
        uint8_t iv[CIPHER_MAX_BLOCK];
        uint8_t ni[32];
        struct dh_key *dh;
        uint8_t ke[DH_MAX_LEN];
        size_t kelen;
        struct v1_id idci, idcr;
};

static int qm_offer(struct v1_run *x, struct qm *q)
{
        const struct ini_params *p = x->p;
        for (size_t i = 0; i < p->nesp && q->nxf < INI_MAX_XF; i++) {
                const struct p2_xform *t = &p->esp[i];
                struct v1_esp_xf f = {ini_esp_id(t->encr), 0, ini_ipsec_auth(t->hash)};
                if (t->encr == ENCR_AES || t->encr == ENCR_AES_GCM)
                        f.keylen = (uint16_t)t->key_bits;
                if (!f.esp_id || (t->hash != HASH_NONE && !f.auth))
                        continue;
                q->idx[q->nxf] = i;
                q->xf[q->nxf++] = f;
        }
        if (!q->nxf)
                return -1;
        if (RAND_bytes(q->o.spi, 4) != 1 || RAND_bytes(q->ni, sizeof(q->ni)) != 1)
                return -1;
        if (!q->o.spi[0] && !q->o.spi[1] && !q->o.spi[2])
                q->o.spi[2] = 1; /* RFC 4303 2.1: SPIs 1-255 are reserved */
        q->o.xf = q->xf;
        q->o.n = q->nxf;
        int pfs = x->pfs_override >= 0 ? x->pfs_override : p->pfs;
        q->o.group = (uint16_t)pfs;
        q->o.life_s = p->esp_life;
        q->o.life_kb = p->esp_kb;
        q->o.encap = x->r->floated ? 3 : 1;
        q->msgid = v1_msgid();
        if (pfs) {
                q->dh = dh_new((unsigned)pfs);
                q->kelen = q->dh ? dh_public(q->dh, q->ke, sizeof(q->ke)) : 0;
                if (!q->kelen)
                        return -1;
        }
        id_of(&p->traffic.src, &p->traffic.proto, &p->traffic.sport, &q->idci);
        id_of(&p->traffic.dst, &p->traffic.proto, &p->traffic.dport, &q->idcr);
        return v1_iv_p2(&x->k, q->msgid, q->iv);
}

static const char *qm_refusal(uint16_t n)
{
        switch (n) {
        case 14:
                return ": it accepts none of the ESP transforms offered (or not their PFS group)";
        case 18:
                return ": it does not accept the proxy identities (local and remote networks)";
        case 15:
                return ": the SA payload is malformed to it";
        case 17:
                return ": it refused the KE payload (PFS)";
        default:
                return "";
        }
}

/* QM2's contents against our offer; NULL when they fit, else why not. */
static const char *qm2_fits(struct v1_run *x, struct qm *q, size_t *k)
{
        const struct v1_reply *rep = &x->rep;
        if (!rep->has_sa || rep->sa_proto != 3 || rep->sa_proposals != 1 || rep->sa_transforms != 1)
                return "QM2's SA is not one ESP proposal with one transform (RFC 2409 5.5)";
        for (*k = 0; *k < q->nxf; (*k)++)
                if (q->xf[*k].esp_id == rep->esp_id && q->xf[*k].keylen == rep->esp_keylen &&
                    q->xf[*k].auth == rep->esp_auth)
                        break;
        if (*k == q->nxf)
                return "QM2 chose an ESP transform that was not offered";
        if (rep->esp_group != q->o.group)
                return q->o.group ? "QM2 chose a transform without our PFS group"
                                  : "QM2 chose a PFS group we did not offer";
        if (q->o.group && !rep->has_ke)
                return "QM2 has no KE although PFS was agreed";
        if (!rep->has_nonce || rep->nonce.len < 8 || rep->nonce.len > 256)
                return "QM2 has no nonce of 8-256 bytes";
        return NULL;
}

static void keep_esp_keys(struct v1_run *x, struct qm *q, struct cspan gqm)
{
        const struct v1_reply *rep = &x->rep;
        struct cipher_spec cs;
        struct integ_spec is = {0};
        if (!cipher_from_esp(rep->esp_id, rep->esp_keylen, &cs) ||
            (rep->esp_auth && !integ_from_ipsec(rep->esp_auth, &is)))
                return;
        size_t ek = cipher_keymat_len(&cs), ak = is.key_len;
        uint8_t km[256];
        struct cspan ni = {q->ni, sizeof(q->ni)}, nr = {rep->nonce.p, rep->nonce.len};
        if (ek + ak > sizeof(km))
                return;
        /* RFC 2409 5.5: each SA's KEYMAT takes the SPI its receiver chose */
        if (!ikev1_qm_keymat(x->k.prf, x->k.d, x->k.hl, gqm, 3, rep->spi, ni, nr, km, ek + ak))
                v1_keep_esp_key(x, false, rep->spi, rep->esp_id, rep->esp_keylen, rep->esp_auth, km,
                                ek, ak);
        if (!ikev1_qm_keymat(x->k.prf, x->k.d, x->k.hl, gqm, 3, q->o.spi, ni, nr, km, ek + ak))
                v1_keep_esp_key(x, true, q->o.spi, rep->esp_id, rep->esp_keylen, rep->esp_auth, km,
                                ek, ak);
        OPENSSL_cleanse(km, sizeof(km));
}

static uint32_t spi32(const uint8_t s[4])
{
        return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 | (uint32_t)s[2] << 8 | s[3];
}

static int quick(struct v1_run *x, struct qm *q)
{
        struct ini_result *r = x->r;
        const struct ini_params *p = x->p;
        if (qm_offer(x, q)) {
                ini_stop(r, INI_PH_CHILD, INI_STOP_LOCAL,
                         "no Quick Mode offer can be made (no ESP transform IKEv1 numbers, or "
                         "no PFS key pair)");
                return -1;
        }
        size_t len = v1m_qm1(&x->k, q->iv, x->ckyi, x->ckyr, q->msgid, &q->o, q->ni, sizeof(q->ni),
                             q->ke, q->kelen, &q->idci, &q->idcr, x->req, sizeof(x->req));
        if (!len) {
                ini_stop(r, INI_PH_CHILD, INI_STOP_LOCAL, "QM1 does not fit");
                return -1;
        }
        char d[256], ci[40], cr[40], pfs[24] = "";
        id_text(&q->idci, ci, sizeof(ci));
        id_text(&q->idcr, cr, sizeof(cr));
        if (q->o.group)
                snprintf(pfs, sizeof(pfs), ", KE (group %u)", q->o.group);
        char again[40] = "";
        if (x->pfs_override > 0)
                snprintf(again, sizeof(again), "asked again with PFS group %d: ", x->pfs_override);
        else if (!x->pfs_override)
                snprintf(again, sizeof(again), "asked again without PFS: ");
        snprintf(d, sizeof(d), "%sHASH(1), SA (ESP, %zu transform%s, %s), Ni%s, IDci %s, IDcr %s",
                 again, q->nxf, q->nxf == 1 ? "" : "s",
                 q->o.encap == 3 ? "UDP-encapsulated tunnel" : "tunnel", pfs, ci, cr);
        x->want_x = 32;
        x->want_mid = q->msgid;
        x->want_iv = q->iv;
        enum live_outcome out = v1_ask(x, "QM1", d, len);
        if (out != LIVE_ANSWERED) {
                if (out == LIVE_SILENT)
                        ini_stop(r, INI_PH_CHILD, INI_STOP_SILENT,
                                 "no answer to QM1 after %u transmissions", x->lr.sends);
                else
                        ini_stop_live(r, INI_PH_CHILD, &x->lr);
                return -1;
        }
        struct v1_reply *rep = &x->rep;
        if (rep->hdr.exchange == 5) {
                v1_stop_on_info(x, INI_PH_CHILD, "QM1");
                uint16_t n = r->stop_notify;
                if (r->stop == INI_STOP_NOTIFY && *qm_refusal(n)) {
                        size_t w = strlen(r->why);
                        snprintf(r->why + w, sizeof(r->why) - w, "%s", qm_refusal(n));
                }
                return -1;
        }
        struct ini_step *st;
        if (rep->hdr.exchange == 6) {
                xauth_asked(x);
                return -1;
        }
        uint8_t h[CRYPTO_MAX_MD];
        struct cspan ni_b = {q->ni, sizeof(q->ni)};
        if (!rep->decrypted || !rep->has_hash || !rep->hash_first || rep->hash.len != x->k.hl ||
            v1_hash_12(&x->k, q->msgid, ni_b, v1_reply_after_hash(rep), h) ||
            CRYPTO_memcmp(h, rep->hash.p, x->k.hl)) {
                st = v1_answer_step(x, "QM2", "%s",
                                    rep->decrypted ? "HASH(2) does not verify"
                                                   : "does not decrypt under our keys");
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_CHILD, INI_STOP_BAD_REPLY, "QM2 %s (RFC 2409 5.5)",
                         rep->decrypted ? "decrypts but its HASH(2) does not verify"
                                        : "does not decrypt under the phase-1 keys");
                return -1;
        }
        size_t k = 0;
        const char *why = qm2_fits(x, q, &k);
        uint8_t gqm[DH_MAX_LEN];
        size_t gqm_len = 0;
        if (!why && q->dh && dh_shared(q->dh, rep->ke.p, rep->ke.len, gqm, sizeof(gqm), &gqm_len))
                why = "QM2's KE is not a valid value of the PFS group";
        if (why) {
                st = v1_answer_step(x, "QM2", "%s", why);
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_CHILD, INI_STOP_BAD_REPLY, "%s", why);
                OPENSSL_cleanse(gqm, sizeof(gqm));
                return -1;
        }
        r->esp_chosen = p->esp[q->idx[k]];
        r->pfs_chosen = rep->esp_group;
        r->esp_life = rep->esp_life_s;
        responder_lifetime(x);
        r->spi_in = spi32(q->o.spi);
        r->spi_out = spi32(rep->spi);
        r->ts_local = r->ts_remote = p->traffic;
        if (rep->nid == 2) {
                uint8_t b[64];
                size_t n0 = v1m_id_body(&q->idci, b, sizeof(b));
                bool same0 = rep->id[0].len == n0 && !memcmp(rep->id[0].p, b, n0);
                size_t n1 = v1m_id_body(&q->idcr, b, sizeof(b));
                bool same1 = rep->id[1].len == n1 && !memcmp(rep->id[1].p, b, n1);
                r->ts_narrowed = !same0 || !same1;
                (void)id_range(rep->id[0], &r->ts_local.src);
                (void)id_range(rep->id[1], &r->ts_local.dst);
                r->ts_remote = r->ts_local;
        }
        keep_esp_keys(x, q, (struct cspan){gqm, gqm_len});
        OPENSSL_cleanse(gqm, sizeof(gqm));
        const char *e = ike_name_of(IKE_REG_ESP_ID, rep->esp_id);
        const char *a = ike_name_of(IKE_REG_IPSEC_AUTH, rep->esp_auth);
        char kl[12] = "", grp[24] = "";
        if (rep->esp_keylen)
                snprintf(kl, sizeof(kl), "-%u", rep->esp_keylen);
        if (rep->esp_group)
                snprintf(grp, sizeof(grp), ", PFS group %u", rep->esp_group);
        v1_answer_step(x, "QM2", "HASH(2) verified, SA: ESP %s%s %s%s, SPI %08x%s%s", e ? e : "?",
                       kl, a ? a : "no auth", grp, r->spi_out,
                       r->ts_narrowed ? ", proxy IDs narrowed" : "",
                       v1_reply_notify(rep, 24576) ? ", RESPONDER-LIFETIME" : "");
        memcpy(q->iv, rep->next_iv, x->k.cs.block);
        len = v1m_qm3(&x->k, q->iv, x->ckyi, x->ckyr, q->msgid, q->ni, sizeof(q->ni), rep->nonce.p,
                      rep->nonce.len, x->req, sizeof(x->req));
        struct live_result lr;
        st = ini_step(r, "QM3", false, "HASH(3)");
        out = len ? live_send(x->s, &x->b, x->req, len, &lr) : LIVE_FAILED;
        if (st) {
                st->outcome = out;
                st->sends = out == LIVE_ANSWERED ? 1 : 0;
                st->port = x->s->port;
                st->encrypted = st->decrypted = true;
                st->ok = out == LIVE_ANSWERED;
        }
        if (out != LIVE_ANSWERED) {
                ini_stop(r, INI_PH_CHILD, out == LIVE_BUDGET ? INI_STOP_BUDGET : INI_STOP_LOCAL,
                         "QM3 could not be sent");
                return -1;
        }
        /* RFC 2409 5.5 ends with QM3, but a responder that cannot install
         * the SA says so at once with a Delete (strongSwan: "unable to
         * install IPsec policies"), and one that lost QM3 sends QM2 again:
         * listen for as long as a first retransmission would wait */
        x->want_iv = NULL;
        x->req_len = len;
        out = live_listen(x->s, &x->s500, &x->b, p->retx.first_wait > 0 ? p->retx.first_wait : 1,
                          match_v1, x, x->dgram, sizeof(x->dgram), &lr);
        x->answer_port = lr.from_also ? x->s500.port : x->s->port;
        if (out == LIVE_ANSWERED && x->rep.hdr.exchange == 5) {
                v1_stop_on_info(x, INI_PH_CHILD, "QM3");
                return -1;
        }
        if (out == LIVE_ANSWERED) {
                st = v1_answer_step(x, "QM2", "sent again after QM3");
                if (st)
                        st->ok = false;
                ini_stop(r, INI_PH_CHILD, INI_STOP_BAD_REPLY,
                         "the responder sent QM2 again after QM3: QM3 did not reach it, or it "
                         "did not verify");
                return -1;
        }
        r->child_up = true;
        return 0;
}

static struct qm q_state, q_probe;
static struct ini_result saved;

static bool send_delete(struct v1_run *x, uint8_t proto, const uint8_t *spi, uint8_t spi_size,
                        const char *what);

/*
 * After NO-PROPOSAL-CHOSEN to QM1, Quick Mode asked again with the same
 * transforms and another PFS setting, at most three times: without PFS
 * when we offered it, then the phase-1 group and the common groups 14, 5,
 * 2 (one KE, so one group per attempt). An acceptance proves that PFS
 * alone differs, and says which group the responder wants; the SA it made
 * is deleted at once. The run's result stays the first attempt's; the
 * probes add their steps and pfs_probe.
 */
static bool pfs_try(struct v1_run *x, int group)
{
        struct ini_result *r = x->r;
        saved = *r;
        x->pfs_override = group;
        memset(&q_probe, 0, sizeof(q_probe));
        int rc = quick(x, &q_probe);
        dh_free(q_probe.dh);
        q_probe.dh = NULL;
        bool up = !rc && r->child_up;
        char spi[40];
        snprintf(spi, sizeof(spi), "ESP SPI %08x", r->spi_in);
        if (up)
                (void)send_delete(x, 3, q_probe.o.spi, 4, spi);
        size_t nsteps = r->nsteps;
        unsigned rt = r->round_trips, ig = r->ignored;
        bool budget = r->budget_hit;
        memcpy(saved.steps, r->steps, sizeof(r->steps));
        *r = saved;
        r->nsteps = nsteps;
        r->round_trips = rt;
        r->ignored = ig;
        r->budget_hit = budget;
        x->pfs_override = -1;
        return up;
}

static void pfs_probe(struct v1_run *x)
{
        struct ini_result *r = x->r;
        const struct ini_params *p = x->p;
        int cand[5] = {0, (int)x->chosen.group, 14, 5, 2}, tried = 0;
        x->pfs_probe = -1;
        for (size_t i = p->pfs ? 0 : 1; i < 5 && tried < 3; i++) {
                bool dup = cand[i] == p->pfs;
                for (size_t j = p->pfs ? 0 : 1; j < i; j++)
                        dup |= cand[j] == cand[i];
                if (dup)
                        continue;
                tried++;
                if (!pfs_try(x, cand[i]))
                        continue;
                x->pfs_probe = 1;
                size_t w = strlen(r->why);
                if (cand[i])
                        snprintf(r->why + w, sizeof(r->why) - w,
                                 "; asked again with PFS group %d, the responder accepted: PFS "
                                 "alone differs",
                                 cand[i]);
                else
                        snprintf(r->why + w, sizeof(r->why) - w,
                                 "; asked again without PFS, the responder accepted: PFS alone "
                                 "differs");
                break;
        }
        r->pfs_probe = x->pfs_probe;
}

int v1_quick_mode(struct v1_run *x)
{
        memset(&q_state, 0, sizeof(q_state));
        x->pfs_override = -1;
        int rc = quick(x, &q_state);
        dh_free(q_state.dh);
        q_state.dh = NULL;
        struct ini_result *r = x->r;
        if (rc && r->phase == INI_PH_CHILD && r->stop == INI_STOP_NOTIFY && r->stop_notify == 14)
                pfs_probe(x);
        return rc;
}

static bool send_delete(struct v1_run *x, uint8_t proto, const uint8_t *spi, uint8_t spi_size,
                        const char *what)
{
        size_t len = v1m_delete(&x->k, x->ckyi, x->ckyr, v1_msgid(), proto, spi, spi_size, x->req,
                                sizeof(x->req));
        struct live_result lr;
        struct ini_step *st = ini_step(x->r, "INFO", false, "HASH(1), D (%s)", what);
        enum live_outcome out = len ? live_send(x->s, &x->b, x->req, len, &lr) : LIVE_FAILED;
        if (st) {
                st->outcome = out;
                st->sends = out == LIVE_ANSWERED ? 1 : 0;
                st->port = x->s->port;
                st->encrypted = st->decrypted = true;
                st->ok = out == LIVE_ANSWERED;
        }
        return out == LIVE_ANSWERED;
}

void v1_delete_all(struct v1_run *x)
{
        struct ini_result *r = x->r;
        bool ok = true;
        char what[40];
        if (r->child_up) {
                snprintf(what, sizeof(what), "ESP SPI %08x", r->spi_in);
                ok = send_delete(x, 3, q_state.o.spi, 4, what);
        }
        if (r->ike_up) {
                uint8_t c[16];
                memcpy(c, x->ckyi, 8);
                memcpy(c + 8, x->ckyr, 8);
                ok = send_delete(x, 1, c, 16, "ISAKMP SA") && ok;
        }
        r->deleted = ok && r->ike_up;
        if (!ok && r->phase == INI_PH_NONE)
                ini_stop(r, INI_PH_DELETE, INI_STOP_LOCAL, "a delete could not be sent");
}
