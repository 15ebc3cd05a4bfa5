/* The facts of an IKE SA's messages (facts.h): offers, notifies, NAT-D,
 * the float to 4500. */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "sessions.h"

/* IKEv2 notify types (RFC 7296 3.10.1) */
#define N_V2_INVALID_SPI      11
#define N_V2_NATD_SOURCE      16388
#define N_V2_NATD_DESTINATION 16389

void cap_facts_free(struct cap_facts *f)
{
        if (!f)
                return;
        free(f->offered);
        free(f->chosen);
        free(f->child_offered);
        free(f->child_chosen);
        free(f);
}

static struct cap_facts *facts_of(struct cap_sa *sa)
{
        if (!sa->facts)
                sa->facts = calloc(1, sizeof(*sa->facts));
        return sa->facts;
}

const char *cap_natd_match_name(enum cap_natd_match m)
{
        switch (m) {
        case NATD_ABSENT:
                return "absent";
        case NATD_MATCH:
                return "match";
        case NATD_DIFFER:
                return "differ";
        case NATD_UNKNOWN:
                return "unknown";
        }
        return "?";
}

static uint32_t be32(const uint8_t *p)
{
        return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* ---- SA payloads ------------------------------------------------------- */

/* IKEv1 attributes of one transform: phase 1 (RFC 2409 App. A) or the
 * IPsec DOI's (RFC 2407 4.5). A life duration follows its life type. */
static void v1_attrs(struct cap_transform *x, struct wire_view attrs, bool phase1)
{
        struct ike_attr_iter ai = ike_attrs(attrs);
        struct ike_attr a;
        struct wire_err e;
        unsigned life_type = 0;
        while (ike_attr_next(&ai, &a, &e) == 1) {
                uint32_t v = a.value_ok ? a.value : 0;
                unsigned life_t = phase1 ? 11 : 1, life_d = phase1 ? 12 : 2;
                if (a.type == life_t) {
                        life_type = v;
                } else if (a.type == life_d) {
                        if (life_type == 1)
                                x->life_sec = v;
                        else if (life_type == 2)
                                x->life_kb = v;
                } else if (phase1) {
                        switch (a.type) {
                        case 1:
                                x->encr = (uint16_t)v;
                                break;
                        case 2:
                                x->hash = (uint16_t)v;
                                break;
                        case 3:
                                x->auth = (uint16_t)v;
                                break;
                        case 4:
                                x->group = (uint16_t)v;
                                break;
                        case 14:
                                x->keylen = (uint16_t)v;
                                break;
                        }
                } else {
                        switch (a.type) {
                        case 3:
                                x->group = (uint16_t)v;
                                break;
                        case 4:
                                x->encap = (uint16_t)v;
                                break;
                        case 5:
                                x->auth = (uint16_t)v;
                                break;
                        case 6:
                                x->keylen = (uint16_t)v;
                                break;
                        }
                }
        }
}

static void v2_attrs(struct cap_transform *x, struct wire_view attrs)
{
        struct ike_attr_iter ai = ike_attrs(attrs);
        struct ike_attr a;
        struct wire_err e;
        while (ike_attr_next(&ai, &a, &e) == 1)
                if (a.type == 14 && a.value_ok) /* Key Length (RFC 7296 3.3.5) */
                        x->keylen = (uint16_t)a.value;
}

/* The SA payload's proposals and transforms into o. */
static void read_offer(struct cap_offer *o, int version, struct wire_view body)
{
        struct ike_sa_iter it;
        struct ike_proposal p;
        struct wire_err e;
        int r;
        if (ike_sa_open(body, version, &it, &e) < 0) {
                o->malformed = true;
                return;
        }
        while ((r = ike_proposal_next(&it, &p, &e)) == 1) {
                struct ike_transform t;
                int rt;
                if (o->nprop < 255)
                        o->nprop++;
                while ((rt = ike_transform_next(&p.xf, &t, &e)) == 1) {
                        if (o->nxf == CAP_FACT_MAX_XF) {
                                if (o->xf_dropped < 0xffff)
                                        o->xf_dropped++;
                                continue;
                        }
                        struct cap_transform *x = &o->xf[o->nxf++];
                        memset(x, 0, sizeof(*x));
                        x->prop = p.num;
                        x->proto = p.proto;
                        x->num = t.num;
                        x->type = version == 2 ? t.type : 0;
                        x->id = t.id;
                        x->spi_size = p.spi_size;
                        memcpy(x->spi, p.spi.p,
                               p.spi.len < sizeof(x->spi) ? p.spi.len : sizeof(x->spi));
                        if (version == 1)
                                v1_attrs(x, t.attrs, p.proto == 1);
                        else
                                v2_attrs(x, t.attrs);
                }
                if (rt < 0)
                        o->malformed = true;
        }
        if (r < 0)
                o->malformed = true;
}

/* Which offer an SA payload of this message fills: phase 1 / IKE_SA_INIT
 * offered (initiator) or chosen (responder); Quick Mode / IKE_AUTH /
 * CREATE_CHILD_SA the child ones (the first SA payload of such an exchange
 * offers, the next one from the other side chooses). */
static struct cap_offer **which_offer(struct cap_facts *fx, const struct cap_sa *sa,
                                      const struct cap_msg *cm)
{
        bool child;
        if (sa->version == 1)
                child = cm->exchange == 32; /* Quick Mode */
        else
                child = cm->exchange != 34; /* IKE_AUTH, CREATE_CHILD_SA */
        if (!child) {
                if (cm->exchange != 2 && cm->exchange != 4 && cm->exchange != 34)
                        return NULL; /* an SA payload elsewhere: not an offer we read */
                return cm->from_initiator ? &fx->offered : &fx->chosen;
        }
        if (!fx->child_offered)
                return &fx->child_offered;
        const struct cap_msg *om = &sa->msgs[fx->child_offered->msg];
        if (!fx->child_chosen && om->from_initiator != cm->from_initiator && om->msgid == cm->msgid)
                return &fx->child_chosen;
        return NULL;
}

/* The ESP/AH SPIs of an SA payload's proposals (RFC 2408 3.5, RFC 7296 3.3.1) */
static void child_spis(struct cap_facts *fx, int version, struct wire_view body, uint64_t frame)
{
        struct ike_sa_iter it;
        struct ike_proposal p;
        struct wire_err e;
        if (ike_sa_open(body, version, &it, &e) < 0)
                return;
        while (ike_proposal_next(&it, &p, &e) == 1) {
                if ((p.proto != 2 && p.proto != 3) || p.spi.len != 4)
                        continue;
                uint32_t spi = be32(p.spi.p);
                bool known = false;
                for (size_t i = 0; i < fx->nchild_spi; i++)
                        known |= fx->child_spi[i].spi == spi;
                if (!known && fx->nchild_spi < CAP_FACT_MAX_CHILD_SPI) {
                        fx->child_spi[fx->nchild_spi].spi = spi;
                        fx->child_spi[fx->nchild_spi++].frame = frame;
                }
        }
}

static int sa_payload(struct cap_sa *sa, struct cap_facts *fx, size_t msg, int version,
                      struct wire_view body, bool decrypted)
{
        const struct cap_msg *cm = &sa->msgs[msg];
        child_spis(fx, version, body, cm->frame);
        if (decrypted)
                fx->child_decrypted = true;
        struct cap_offer **slot = which_offer(fx, sa, cm);
        if (!slot || *slot)
                return 0; /* the first one counts (a retransmission repeats it) */
        struct cap_offer *o = calloc(1, sizeof(*o));
        if (!o)
                return -1;
        o->frame = cm->frame;
        o->msg = msg;
        o->decrypted = decrypted;
        read_offer(o, version, body);
        *slot = o;
        return 0;
}

/* ---- notifies ---------------------------------------------------------- */

static void natd_frame(struct cap_natd_msg *nm, const struct cap_sa *sa, size_t msg)
{
        const struct cap_msg *cm = &sa->msgs[msg];
        size_t n = sa->af == 6 ? 16 : 4;
        nm->frame = cm->frame;
        nm->msg = msg;
        nm->af = sa->af;
        memcpy(nm->ip_src, cm->from_initiator ? sa->ini : sa->resp, n);
        memcpy(nm->ip_dst, cm->from_initiator ? sa->resp : sa->ini, n);
        nm->sport = cm->sport;
        nm->dport = cm->dport;
        memcpy(nm->ispi, sa->ispi, 8);
        memcpy(nm->rspi, cm->rspi, 8);
}

/* A NAT-D hash of message msg: the IKEv1 payload (first the remote end,
 * then the local ones, RFC 3947 3.2) or an IKEv2 notify (dst true for
 * NAT_DETECTION_DESTINATION_IP). Only the first message of each side with
 * NAT-D is kept; its retransmissions carry the same hashes. */
static void natd_hash(struct cap_sa *sa, struct cap_facts *fx, size_t msg, bool dst,
                      struct wire_view h)
{
        const struct cap_msg *cm = &sa->msgs[msg];
        struct cap_natd_msg *nm = &fx->nat.side[cm->from_initiator ? 0 : 1];
        if (nm->frame && nm->frame != cm->frame)
                return;
        if (!h.len || h.len > CAP_FACT_HASH_MAX)
                return;
        if (!nm->frame)
                natd_frame(nm, sa, msg);
        if (nm->hlen && nm->hlen != h.len)
                return; /* one hash length per message */
        nm->hlen = (uint8_t)h.len;
        if (dst && !nm->has_dst) {
                memcpy(nm->dst, h.p, h.len);
                nm->has_dst = true;
        } else if (!dst && nm->nsrc < CAP_FACT_MAX_NATD - 1) {
                memcpy(nm->src[nm->nsrc++], h.p, h.len);
        }
}

static void notify_payload(struct cap_sa *sa, struct cap_facts *fx, size_t msg, int version,
                           struct wire_view body, bool decrypted)
{
        const struct cap_msg *cm = &sa->msgs[msg];
        struct ike_notify n;
        struct wire_err e;
        if (ike_notify_decode(body, version, &n, &e) < 0)
                return;
        if (version == 2 && !decrypted &&
            (n.type == N_V2_NATD_SOURCE || n.type == N_V2_NATD_DESTINATION))
                natd_hash(sa, fx, msg, n.type == N_V2_NATD_DESTINATION, n.data);
        if (cm->retransmit_of)
                return; /* the same notify again */
        if (fx->nnotify == CAP_FACT_MAX_NOTIFY) {
                fx->notify_dropped++;
                return;
        }
        struct cap_notify_fact *nf = &fx->notify[fx->nnotify++];
        memset(nf, 0, sizeof(*nf));
        nf->frame = cm->frame;
        nf->msg = msg;
        nf->type = n.type;
        nf->proto = n.proto;
        nf->from_initiator = cm->from_initiator;
        nf->decrypted = decrypted;
        nf->spi_size = (uint8_t)(n.spi.len < sizeof(nf->spi) ? n.spi.len : sizeof(nf->spi));
        memcpy(nf->spi, n.spi.p, nf->spi_size);
        if (n.spi.len == 4)
                nf->named_spi = be32(n.spi.p);
        else if (version == 2 && n.type == N_V2_INVALID_SPI && n.data.len == 4)
                nf->named_spi = be32(n.data.p);
}

int cap_facts_payload(struct cap_sa *sa, size_t msg, int version, uint8_t type,
                      struct wire_view body, bool decrypted)
{
        if (msg >= sa->nmsgs)
                return 0;
        struct cap_facts *fx = facts_of(sa);
        if (!fx)
                return -1;
        switch (type) {
        case PL_V1_SA:
        case PL_V2_SA:
                return sa_payload(sa, fx, msg, version, body, decrypted);
        case PL_V1_NOTIFY:
        case PL_V2_NOTIFY:
                notify_payload(sa, fx, msg, version, body, decrypted);
                return 0;
        case PL_V1_NATD:
        case PL_V1_NATD_DRAFT: {
                const struct cap_msg *cm = &sa->msgs[msg];
                struct cap_natd_msg *nm = &fx->nat.side[cm->from_initiator ? 0 : 1];
                /* the first NAT-D payload of a message names the remote end */
                bool first = !nm->frame || (nm->frame == cm->frame && !nm->has_dst);
                if (version == 1)
                        natd_hash(sa, fx, msg, first, body);
                return 0;
        }
        default:
                return 0;
        }
}

int cap_facts_keepalive(struct cap_sa *sa, bool from_ini, uint64_t frame)
{
        struct cap_facts *fx = facts_of(sa);
        if (!fx)
                return -1;
        if (from_ini)
                fx->fl.keepalives_ini++;
        else
                fx->fl.keepalives_resp++;
        if (!fx->fl.first_keepalive)
                fx->fl.first_keepalive = frame;
        return 0;
}

int cap_facts_msg(struct cap_sa *sa, size_t msg, const struct ike_msg *m)
{
        if (m->encrypted)
                return 0; /* IKEv1 E flag: nothing after the header is readable */
        for (size_t i = 0; i < m->npl; i++) {
                uint8_t t = m->pl[i].type;
                if (t != PL_V1_SA && t != PL_V2_SA && t != PL_V1_NOTIFY && t != PL_V2_NOTIFY &&
                    t != PL_V1_NATD && t != PL_V1_NATD_DRAFT)
                        continue;
                if (cap_facts_payload(sa, msg, m->version, t, m->pl[i].body, false) < 0)
                        return -1;
        }
        return 0;
}

/* ---- NAT-D comparison ---------------------------------------------------- */

/* The digest of a NAT-D hash length: IKEv2 is always SHA-1 (RFC 7296
 * 2.23); IKEv1 uses the negotiated hash (RFC 3947 3.2), whose length names
 * it among the hashes of RFC 2409 App. A and RFC 4868 (MD5 16, SHA 20,
 * SHA2-256 32, -384 48, -512 64). */
static const EVP_MD *natd_md(int version, size_t hlen, uint16_t *v1_hash)
{
        if (version == 2)
                return hlen == 20 ? EVP_sha1() : NULL;
        switch (hlen) {
        case 16:
                *v1_hash = 1;
                return EVP_md5();
        case 20:
                *v1_hash = 2;
                return EVP_sha1();
        case 32:
                *v1_hash = 4;
                return EVP_sha256();
        case 48:
                *v1_hash = 5;
                return EVP_sha384();
        case 64:
                *v1_hash = 6;
                return EVP_sha512();
        }
        return NULL;
}

/* HASH(SPIi | SPIr | IP | Port) */
static bool natd_compute(const EVP_MD *md, const struct cap_natd_msg *nm, const uint8_t *ip,
                         uint16_t port, uint8_t out[CAP_FACT_HASH_MAX])
{
        uint8_t buf[8 + 8 + 16 + 2];
        size_t n = nm->af == 6 ? 16 : 4;
        memcpy(buf, nm->ispi, 8);
        memcpy(buf + 8, nm->rspi, 8);
        memcpy(buf + 16, ip, n);
        buf[16 + n] = (uint8_t)(port >> 8);
        buf[17 + n] = (uint8_t)port;
        unsigned int len = 0;
        return EVP_Digest(buf, 18 + n, out, &len, md, NULL) == 1 && len == nm->hlen;
}

static enum cap_natd_match compare(const EVP_MD *md, const struct cap_natd_msg *nm, bool dst)
{
        uint8_t h[CAP_FACT_HASH_MAX];
        if (dst) {
                if (!nm->has_dst)
                        return NATD_ABSENT;
                if (!natd_compute(md, nm, nm->ip_dst, nm->dport, h))
                        return NATD_UNKNOWN;
                return memcmp(h, nm->dst, nm->hlen) ? NATD_DIFFER : NATD_MATCH;
        }
        if (!nm->nsrc)
                return NATD_ABSENT;
        if (!natd_compute(md, nm, nm->ip_src, nm->sport, h))
                return NATD_UNKNOWN;
        for (size_t i = 0; i < nm->nsrc; i++) /* a multihomed end sends several */
                if (!memcmp(h, nm->src[i], nm->hlen))
                        return NATD_MATCH;
        return NATD_DIFFER;
}

/* Is an end behind a NAT: its own address (its source hash) against the
 * address its peer sees (the peer's destination hash of it). IKEv1 hashes
 * both with the same cookies, so they compare directly, as the peers
 * themselves do (RFC 3947 3.2). IKEv2's request has a zero SPIr, so the two
 * hashes are compared through the captured address: equal to one and not
 * the other means a NAT lies between them; unequal to both says nothing. */
static cap_tri behind(int version, const struct cap_natd_msg *own, const struct cap_natd_msg *peer,
                      enum cap_natd_match own_src, enum cap_natd_match peer_dst)
{
        if (!own->nsrc || !peer->has_dst || own->hlen != peer->hlen)
                return -1;
        if (version == 1) {
                for (size_t i = 0; i < own->nsrc; i++)
                        if (!memcmp(own->src[i], peer->dst, own->hlen))
                                return 0;
                return 1;
        }
        if (own_src == NATD_MATCH && peer_dst == NATD_MATCH)
                return 0;
        if ((own_src == NATD_MATCH && peer_dst == NATD_DIFFER) ||
            (own_src == NATD_DIFFER && peer_dst == NATD_MATCH))
                return 1;
        return -1;
}

static void nat_finish(const struct cap_sa *sa, struct cap_nat_facts *nat)
{
        const struct cap_natd_msg *i = &nat->side[0], *r = &nat->side[1];
        uint16_t hi = 0, hr = 0;
        const EVP_MD *mi = i->frame ? natd_md(sa->version, i->hlen, &hi) : NULL;
        const EVP_MD *mr = r->frame ? natd_md(sa->version, r->hlen, &hr) : NULL;
        nat->v1_hash = sa->version == 1 ? (hi ? hi : hr) : 0;
        nat->ini_src = i->frame ? (mi ? compare(mi, i, false) : NATD_UNKNOWN) : NATD_ABSENT;
        nat->ini_dst = i->frame ? (mi ? compare(mi, i, true) : NATD_UNKNOWN) : NATD_ABSENT;
        nat->resp_src = r->frame ? (mr ? compare(mr, r, false) : NATD_UNKNOWN) : NATD_ABSENT;
        nat->resp_dst = r->frame ? (mr ? compare(mr, r, true) : NATD_UNKNOWN) : NATD_ABSENT;
        nat->computed = i->frame && r->frame && mi && mr;
        nat->ini_behind_nat = -1;
        nat->resp_behind_nat = -1;
        nat->nat_between = -1;
        if (!nat->computed)
                return;
        nat->ini_behind_nat = behind(sa->version, i, r, nat->ini_src, nat->resp_dst);
        nat->resp_behind_nat = behind(sa->version, r, i, nat->resp_src, nat->ini_dst);
        if (nat->ini_behind_nat == 1 || nat->resp_behind_nat == 1)
                nat->nat_between = 1;
        else if (nat->ini_behind_nat == 0 && nat->resp_behind_nat == 0)
                nat->nat_between = 0;
}

static void float_finish(const struct cap_sa *sa, struct cap_facts *fx)
{
        struct cap_float_facts *fl = &fx->fl;
        fl->natd_sent = fx->nat.side[0].frame || fx->nat.side[1].frame;
        for (size_t k = 0; k < sa->nmsgs; k++) {
                const struct cap_msg *m = &sa->msgs[k];
                if (!m->natt_port) {
                        fl->last_500 = m->frame;
                        continue;
                }
                if (!fl->first_4500) {
                        fl->first_4500 = m->frame;
                        fl->started_on_4500 = k == 0;
                }
                if (!fl->ini_port_4500 && m->from_initiator)
                        fl->ini_port_4500 = m->sport;
        }
        fl->floated = fl->first_4500 && !fl->started_on_4500;
}

void cap_facts_finish(struct cap_set *cs)
{
        for (size_t k = 0; k < cs->nsa; k++) {
                struct cap_sa *sa = &cs->sa[k];
                struct cap_facts *fx = facts_of(sa);
                if (!fx)
                        continue; /* out of memory: the SA has no facts */
                nat_finish(sa, &fx->nat);
                float_finish(sa, fx);
        }
}
