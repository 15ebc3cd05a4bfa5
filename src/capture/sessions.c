/* IKE messages filed by IKE SA, with direction, step and retransmissions
 * (sessions.h). */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "../wire/ike.h"
#include "decrypt.h"
#include "esp_dec.h"
#include "sessions.h"

void cap_set_init(struct cap_set *cs)
{
        memset(cs, 0, sizeof(*cs));
        reasm_init(&cs->reasm);
        cap_esp_init(&cs->esp);
}

void cap_set_free(struct cap_set *cs)
{
        for (size_t i = 0; i < cs->nsa; i++) {
                for (size_t j = 0; j < cs->sa[i].nmsgs; j++)
                        free(cs->sa[i].msgs[j].raw);
                free(cs->sa[i].msgs);
                cap_facts_free(cs->sa[i].facts);
                cap_sa_keys_free(cs->sa[i].keys);
        }
        free(cs->sa);
        free(cs->sa_index);
        reasm_finish(&cs->reasm, NULL, NULL);
        cap_esp_free(&cs->esp);
        cap_esp_dec_free(cs->espdec);
        free(cs->lost);
        memset(cs, 0, sizeof(*cs));
}

static size_t alen(int af)
{
        return af == 6 ? 16 : 4;
}

#define SA_SLOTS (2 * CAP_MAX_SAS) /* a power of two: the hash is masked */

static uint32_t sa_slot(int version, const uint8_t ispi[8])
{
        uint64_t k = 0;
        memcpy(&k, ispi, 8);
        k ^= (uint64_t)version << 56;
        k *= 0x9e3779b97f4a7c15ull;
        return (uint32_t)(k >> 40) & (SA_SLOTS - 1);
}

/* The newest SA of (version, initiator cookie / SPI): the index holds, per
 * key, the last SA filed under it (a capture's live SAs are its latest). */
static struct cap_sa *find_sa(struct cap_set *cs, int version, const uint8_t ispi[8])
{
        if (!cs->sa_index)
                return NULL;
        for (uint32_t s = sa_slot(version, ispi);; s = (s + 1) & (SA_SLOTS - 1)) {
                uint32_t k = cs->sa_index[s];
                if (!k)
                        return NULL;
                struct cap_sa *sa = &cs->sa[k - 1];
                if (sa->version == version && !memcmp(sa->ispi, ispi, 8))
                        return sa;
        }
}

static int index_sa(struct cap_set *cs, size_t i)
{
        if (!cs->sa_index) {
                cs->sa_index = calloc(SA_SLOTS, sizeof(*cs->sa_index));
                if (!cs->sa_index)
                        return -1;
        }
        const struct cap_sa *sa = &cs->sa[i];
        for (uint32_t s = sa_slot(sa->version, sa->ispi);; s = (s + 1) & (SA_SLOTS - 1)) {
                uint32_t k = cs->sa_index[s];
                if (!k || (cs->sa[k - 1].version == sa->version &&
                           !memcmp(cs->sa[k - 1].ispi, sa->ispi, 8))) {
                        cs->sa_index[s] = (uint32_t)i + 1;
                        return 0;
                }
        }
}

static struct cap_sa *new_sa(struct cap_set *cs, const struct ike_msg *m, const struct frame *f,
                             bool sender_is_initiator, bool known)
{
        if (cs->nsa == CAP_MAX_SAS) {
                cs->sas_dropped++;
                return NULL;
        }
        if (cs->nsa == cs->cap) {
                size_t cap = cs->cap ? cs->cap * 2 : 16;
                struct cap_sa *v = realloc(cs->sa, cap * sizeof(*v));
                if (!v)
                        return NULL;
                cs->sa = v, cs->cap = cap;
        }
        struct cap_sa *sa = &cs->sa[cs->nsa++];
        memset(sa, 0, sizeof(*sa));
        sa->version = m->version;
        memcpy(sa->ispi, m->hdr.ispi, 8);
        sa->initiator_known = known;
        sa->af = f->af;
        const uint8_t *ini = sender_is_initiator ? f->src : f->dst;
        const uint8_t *resp = sender_is_initiator ? f->dst : f->src;
        memcpy(sa->ini, ini, alen(f->af));
        memcpy(sa->resp, resp, alen(f->af));
        sa->ini_port = sender_is_initiator ? f->sport : f->dport;
        sa->resp_port = sender_is_initiator ? f->dport : f->sport;
        return sa;
}

/* The auth method of the first transform of an IKEv1 phase 1 SA payload. */
static uint16_t v1_auth_method(const struct ike_payload *pl)
{
        struct ike_sa_iter sa;
        struct ike_proposal p;
        struct ike_transform t;
        struct wire_err e;
        if (ike_sa_open(pl->body, 1, &sa, &e) < 0 || ike_proposal_next(&sa, &p, &e) != 1 ||
            p.proto != 1 || ike_transform_next(&p.xf, &t, &e) != 1)
                return 0;
        struct ike_attr_iter ai = ike_attrs(t.attrs);
        struct ike_attr a;
        while (ike_attr_next(&ai, &a, &e) == 1)
                if (a.type == 3 && a.value_ok) /* Authentication-Method (RFC 2409 App. A) */
                        return (uint16_t)a.value;
        return 0;
}

void cap_msg_payloads(struct cap_msg *cm, int version, const struct ike_payload *pls, size_t n)
{
        for (size_t i = 0; i < n; i++) {
                const struct ike_payload *pl = &pls[i];
                if (cm->npl < CAP_MAX_PL)
                        cm->pl[cm->npl++] = pl->type;
                if (pl->type == PL_V2_SK || pl->type == PL_V2_SKF)
                        cm->encrypted = true;
                if (pl->type == PL_V1_NOTIFY || pl->type == PL_V2_NOTIFY) {
                        struct ike_notify nt;
                        struct wire_err e;
                        if (ike_notify_decode(pl->body, version, &nt, &e) == 0 &&
                            cm->nnotify < CAP_MAX_NOTIFY)
                                cm->notify[cm->nnotify++] = nt.type;
                }
                if (pl->type == PL_V1_SA && version == 1 && !cm->v1_auth)
                        cm->v1_auth = v1_auth_method(pl);
        }
}

static void fill_msg(struct cap_msg *cm, const struct pcap_frame *pf, const struct ike_msg *m)
{
        memset(cm, 0, sizeof(*cm));
        cm->frame = pf->number;
        cm->sec = pf->sec;
        cm->usec = pf->usec;
        cm->exchange = m->hdr.exchange;
        cm->flags = m->hdr.flags;
        cm->msgid = m->hdr.msgid;
        cm->length = m->hdr.length;
        cm->encrypted = m->encrypted;
        cm->natt_port = pf->f->sport == 4500 || pf->f->dport == 4500;
        cm->sport = pf->f->sport;
        cm->dport = pf->f->dport;
        memcpy(cm->rspi, m->hdr.rspi, 8);
        cm->npl_seen = (uint16_t)(m->npl_seen > 0xffff ? 0xffff : m->npl_seen);
        cap_msg_payloads(cm, m->version, m->pl, m->npl);
        /* fetched once: EVP_sha256() looks the algorithm up, under a lock,
         * on every digest (OpenSSL 3 provider fetching) */
        static EVP_MD *sha256;
        if (!sha256)
                sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
        unsigned int dlen = 0;
        if (!sha256 ||
            !EVP_Digest(pf->f->payload.p, m->hdr.length, cm->digest, &dlen, sha256, NULL))
                memset(cm->digest, 0, sizeof(cm->digest));
}

static void add_icmp(struct cap_set *cs, const struct frame *f, uint64_t frame)
{
        if (!f->quoted.has_ports || f->quoted.proto != 17 || f->quoted.af != f->af)
                return;
        size_t n = alen(f->af);
        for (size_t i = cs->nsa; i-- > 0;) {
                struct cap_sa *sa = &cs->sa[i];
                if (sa->af != f->quoted.af)
                        continue;
                bool fwd =
                    !memcmp(f->quoted.src, sa->ini, n) && !memcmp(f->quoted.dst, sa->resp, n);
                bool rev =
                    !memcmp(f->quoted.src, sa->resp, n) && !memcmp(f->quoted.dst, sa->ini, n);
                if (!fwd && !rev)
                        continue;
                if (sa->nicmp < sizeof(sa->icmp) / sizeof(sa->icmp[0])) {
                        struct cap_icmp *c = &sa->icmp[sa->nicmp++];
                        c->frame = frame;
                        c->type = f->icmp_type;
                        c->code = f->icmp_code;
                        c->mtu = f->icmp_mtu;
                        c->from_responder = fwd && !memcmp(f->src, sa->resp, n);
                }
                return;
        }
}

/* The IKE SA a lost datagram belongs to: by the initiator cookie / SPI of
 * an IKE first fragment, else the newest SA between the same addresses. */
static int lost_sa(const struct cap_set *cs, const struct cap_frag_lost *l, const uint8_t *ispi,
                   bool *from_ini)
{
        size_t n = alen(l->af);
        for (size_t i = cs->nsa; i-- > 0;) {
                const struct cap_sa *sa = &cs->sa[i];
                if (sa->af != l->af)
                        continue;
                bool fwd = !memcmp(l->src, sa->ini, n) && !memcmp(l->dst, sa->resp, n);
                bool rev = !memcmp(l->src, sa->resp, n) && !memcmp(l->dst, sa->ini, n);
                if (!fwd && !rev)
                        continue;
                if (ispi && memcmp(ispi, sa->ispi, 8))
                        continue;
                *from_ini = fwd;
                return (int)i;
        }
        return -1;
}

static void on_lost(void *ctx, const struct reasm_lost *rl)
{
        struct cap_set *cs = ctx;
        if (!cs->lost)
                cs->lost = calloc(CAP_MAX_LOST, sizeof(*cs->lost));
        if (!cs->lost || cs->nlost == CAP_MAX_LOST) {
                cs->lost_dropped++;
                return;
        }
        struct cap_frag_lost *l = &cs->lost[cs->nlost++];
        memset(l, 0, sizeof(*l));
        l->why = rl->why;
        l->af = rl->af;
        memcpy(l->src, rl->src, 16);
        memcpy(l->dst, rl->dst, 16);
        l->proto = rl->proto;
        l->first_frame = rl->first_frame;
        l->last_frame = rl->last_frame;
        l->sec = rl->first_sec;
        l->nfrags = rl->nfrags;
        l->nfrags_expected = rl->nfrags_expected;
        l->hole_index = rl->hole_index;
        l->total = rl->total;
        l->got = rl->got;
        l->hole_off = rl->hole_off;
        l->hole_len = rl->hole_len;
        l->kind = rl->first ? rl->first->kind : FK_IP_FRAGMENT;
        const uint8_t *ispi = NULL;
        if (rl->first) {
                l->sport = rl->first->sport;
                l->dport = rl->first->dport;
                l->esp_spi = rl->first->esp_spi;
                const struct wire_view *p = &rl->first->payload;
                if (l->kind == FK_IKE && p->p && p->len >= IKE_HDR_LEN) {
                        ispi = p->p;
                        l->ike_len = (uint32_t)p->p[24] << 24 | (uint32_t)p->p[25] << 16 |
                                     (uint32_t)p->p[26] << 8 | p->p[27];
                }
        }
        l->sa = lost_sa(cs, l, ispi, &l->from_initiator);
        if (rl->proto == 50 || l->kind == FK_ESP_UDP) /* an ESP packet lost for a fragment */
                cap_esp_frag_lost(
                    &cs->esp,
                    rl->first && (l->kind == FK_ESP || l->kind == FK_ESP_UDP) ? rl->first : NULL);
}

/* A NAT-T keepalive: a fact of the newest IKE SA between its addresses. */
static int keepalive(struct cap_set *cs, const struct frame *f, uint64_t frame)
{
        size_t n = alen(f->af);
        for (size_t i = cs->nsa; i-- > 0;) {
                struct cap_sa *sa = &cs->sa[i];
                if (sa->af != f->af)
                        continue;
                bool fwd = !memcmp(f->src, sa->ini, n) && !memcmp(f->dst, sa->resp, n);
                bool rev = !memcmp(f->src, sa->resp, n) && !memcmp(f->dst, sa->ini, n);
                if (fwd || rev)
                        return cap_facts_keepalive(sa, fwd, frame);
        }
        cs->keepalives_no_sa++;
        return 0;
}

int cap_add_frame(struct cap_set *cs, const struct pcap_frame *pf)
{
        cs->frames++;
        if (!pf->f)
                return 0;
        const struct frame *f = pf->f;
        struct frame whole;
        struct pcap_frame wpf;
        uint8_t nfrags = 0;
        if (f->fragment) {
                int r = reasm_add(&cs->reasm, f, pf->number, pf->sec, &whole, on_lost, cs);
                if (r < 0)
                        return -1;
                if (r == 0)
                        return 0; /* kept until its datagram is whole, or not ours */
                cs->reassembled++;
                wpf = *pf;
                wpf.f = &whole;
                pf = &wpf;
                f = &whole;
                nfrags = (uint8_t)cs->reasm.last_nfrags;
        } else if (cs->reasm.d) {
                (void)reasm_add(&cs->reasm, f, pf->number, pf->sec, &whole, on_lost, cs);
        }
        if (f->kind == FK_ESP || f->kind == FK_ESP_UDP) {
                if (cs->keep_raw && cap_esp_keep(cs, pf) < 0) /* --keys: decrypted later */
                        return -1;
                return cap_esp_packet(&cs->esp, pf);
        }
        if (f->kind == FK_NATT_KEEPALIVE)
                return keepalive(cs, f, pf->number);
        if (f->kind == FK_ICMP_ERROR) {
                add_icmp(cs, f, pf->number);
                return cap_esp_icmp(&cs->esp, f, pf->number);
        }
        if (f->kind != FK_IKE)
                return 0;
        cs->ike++;
        if (nfrags)
                cs->ike_fragmented++;
        /* an SA that holds its CAP_MAX_MSGS messages keeps no more: the
         * header's version and initiator SPI find it without decoding the
         * rest (DPD exchanges for hours fill a long capture with these) */
        const uint8_t *hp = f->payload.p;
        if (f->payload.len >= IKE_HDR_LEN && ((hp[17] >> 4) == 1 || (hp[17] >> 4) == 2)) {
                struct cap_sa *full = find_sa(cs, hp[17] >> 4, hp);
                if (full && full->nmsgs == CAP_MAX_MSGS) {
                        full->msgs_dropped++;
                        return 0;
                }
        }
        struct ike_msg m;
        struct wire_err e;
        if (ike_msg_decode(f->payload.p, f->payload.len, &m, &e) < 0) {
                if (!cs->undecodable++) {
                        cs->first_bad_frame = pf->number;
                        memcpy(cs->first_bad, e.what, sizeof(cs->first_bad));
                }
                return 0;
        }
        struct cap_sa *sa = find_sa(cs, m.version, m.hdr.ispi);
        bool ini;
        if (!sa) {
                static const uint8_t zero[8];
                bool known;
                if (m.version == 2) {
                        ini = (m.hdr.flags & IKE_F_V2_INITIATOR) != 0;
                        known = true;
                } else {
                        /* IKEv1: the first message, rcookie zero, comes from the
                         * initiator; else assume its sender started it */
                        known = !memcmp(m.hdr.rspi, zero, 8);
                        ini = true;
                }
                sa = new_sa(cs, &m, f, ini, known);
                if (!sa)
                        return cs->nsa == CAP_MAX_SAS ? 0 : -1;
                if (index_sa(cs, (size_t)(sa - cs->sa)) < 0)
                        return -1;
        } else if (m.version == 2) {
                ini = (m.hdr.flags & IKE_F_V2_INITIATOR) != 0;
        } else {
                ini = !memcmp(f->src, sa->ini, alen(sa->af)) &&
                      (memcmp(sa->ini, sa->resp, alen(sa->af)) || f->sport == sa->ini_port);
        }
        static const uint8_t zero8[8];
        if (!memcmp(sa->rspi, zero8, 8))
                memcpy(sa->rspi, m.hdr.rspi, 8);
        if (sa->nmsgs == CAP_MAX_MSGS) {
                sa->msgs_dropped++;
                return 0;
        }
        if (!sa->msgs) {
                sa->msgs = calloc(CAP_MAX_MSGS, sizeof(*sa->msgs));
                if (!sa->msgs)
                        return -1;
        }
        struct cap_msg *cm = &sa->msgs[sa->nmsgs];
        fill_msg(cm, pf, &m);
        cm->from_initiator = ini;
        bool resent = false;
        cm->ip_frags = nfrags;
        if (ini && f->sport != sa->ini_port)
                sa->ini_port = f->sport; /* floated to 4500 */
        for (size_t i = 0; i < sa->nmsgs; i++) {
                const struct cap_msg *o = &sa->msgs[i];
                if (o->from_initiator == ini && o->length == cm->length &&
                    !memcmp(o->digest, cm->digest, sizeof(cm->digest))) {
                        cm->retransmit_of = o->retransmit_of ? o->retransmit_of : o->frame;
                        cm->step = o->step;
                        resent = true;
                        break;
                }
        }
        if (cs->keep_raw && !resent) {
                cm->raw = malloc(m.hdr.length);
                if (!cm->raw)
                        return -1;
                memcpy(cm->raw, f->payload.p, m.hdr.length);
        }
        sa->nmsgs++;
        return cap_facts_msg(sa, sa->nmsgs - 1, &m);
}

static const char *const mm_steps[] = {"MM1", "MM2", "MM3", "MM4", "MM5", "MM6"};
static const char *const am_steps[] = {"AM1", "AM2", "AM3"};
static const char *const qm_steps[] = {"QM1", "QM2", "QM3"};

static void name_v1(struct cap_sa *sa)
{
        unsigned mi = 0, mr = 0, ai = 0, ar = 0;
        for (size_t i = 0; i < sa->nmsgs; i++) {
                struct cap_msg *cm = &sa->msgs[i];
                if (cm->retransmit_of) {
                        for (size_t j = 0; j < i; j++)
                                if (sa->msgs[j].frame == cm->retransmit_of)
                                        cm->step = sa->msgs[j].step;
                        continue;
                }
                bool ini = cm->from_initiator;
                switch (cm->exchange) {
                case 2: { /* Main Mode: the n-th message of a side */
                        unsigned k = ini ? 2 * ++mi - 1 : 2 * ++mr;
                        cm->step = k <= 6 ? mm_steps[k - 1] : "MM?";
                        break;
                }
                case 4: {
                        unsigned k = ini ? 2 * ++ai - 1 : 2 * ++ar;
                        cm->step = k <= 3 ? am_steps[k - 1] : "AM?";
                        break;
                }
                case 32: { /* Quick Mode, per message ID: who sent first starts it */
                        bool starter = true;
                        unsigned same = 0, other = 0;
                        for (size_t j = 0; j < i; j++) {
                                const struct cap_msg *o = &sa->msgs[j];
                                if (o->exchange != 32 || o->msgid != cm->msgid || o->retransmit_of)
                                        continue;
                                if (same + other == 0)
                                        starter = o->from_initiator == ini;
                                if (o->from_initiator == ini)
                                        same++;
                                else
                                        other++;
                        }
                        unsigned k = starter ? 2 * (same + 1) - 1 : 2 * (same + 1);
                        cm->step = k <= 3 ? qm_steps[k - 1] : "QM?";
                        break;
                }
                case 5:
                        cm->step = "INFO";
                        break;
                case 6:
                        cm->step = "CFG";
                        break;
                default:
                        cm->step = "IKEv1";
                        break;
                }
        }
}

static void name_v2(struct cap_sa *sa)
{
        for (size_t i = 0; i < sa->nmsgs; i++) {
                struct cap_msg *cm = &sa->msgs[i];
                const char *n = ike_exchange_name(cm->exchange);
                cm->step = n && cm->exchange >= 34 ? n : "IKEv2";
        }
}

void cap_name_steps(struct cap_set *cs)
{
        for (size_t i = 0; i < cs->nsa; i++) {
                if (cs->sa[i].version == 1)
                        name_v1(&cs->sa[i]);
                else
                        name_v2(&cs->sa[i]);
        }
        reasm_finish(&cs->reasm, on_lost, cs); /* what never completed */
        cap_facts_finish(cs);
        cap_esp_finish(cs);
}
