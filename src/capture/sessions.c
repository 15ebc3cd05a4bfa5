/* IKE messages filed by IKE SA, with direction, step and retransmissions
 * (sessions.h). */
#include <stdlib.h>
#include <string.h>

#include "../util/msg_hash.h"
#include "../wire/ike.h"
#include "decrypt.h"
#include "esp_dec.h"
#include "sessions.h"
#include "v1frag.h"

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
                cap_v1frag_free(cs, &cs->sa[i]);
                cap_sa_keys_free(cs->sa[i].keys);
        }
        free(cs->sa);
        free(cs->sa_index);
        reasm_finish(&cs->reasm, NULL, NULL);
        cap_esp_free(&cs->esp);
        cap_esp_dec_free(cs->espdec);
        free(cs->lost);
        cap_tail_free(&cs->tail);
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

/* Where a message came from: what fill_msg needs of its frame. */
struct msg_at {
        uint64_t frame;
        int64_t sec;
        int32_t usec;
        uint16_t sport, dport;
        const uint8_t *bytes; /* the IKE message (at least hdr.length bytes) */
};

static void fill_msg(struct cap_msg *cm, const struct msg_at *at, const struct ike_msg *m)
{
        memset(cm, 0, sizeof(*cm));
        cm->frame = at->frame;
        cm->sec = at->sec;
        cm->usec = at->usec;
        cm->exchange = m->hdr.exchange;
        cm->flags = m->hdr.flags;
        cm->msgid = m->hdr.msgid;
        cm->length = m->hdr.length;
        cm->encrypted = m->encrypted;
        cm->natt_port = at->sport == 4500 || at->dport == 4500;
        cm->sport = at->sport;
        cm->dport = at->dport;
        memcpy(cm->rspi, m->hdr.rspi, 8);
        cm->npl_seen = (uint16_t)(m->npl_seen > 0xffff ? 0xffff : m->npl_seen);
        cap_msg_payloads(cm, m->version, m->pl, m->npl);
        msg_hash128(at->bytes, m->hdr.length, cm->digest);
}

/* A retransmission: the same bytes as an earlier message of the same side. */
static void find_original(const struct cap_sa *sa, size_t upto, struct cap_msg *cm)
{
        for (size_t i = 0; i < upto; i++) {
                const struct cap_msg *o = &sa->msgs[i];
                if (o->from_initiator == cm->from_initiator && o->length == cm->length &&
                    !memcmp(o->digest, cm->digest, sizeof(cm->digest))) {
                        cm->retransmit_of = o->retransmit_of ? o->retransmit_of : o->frame;
                        cm->step = o->step;
                        return;
                }
        }
}

/* A message past the head of its SA: its bytes into the tail (tail.h),
 * undecoded. */
static int tail_add(struct cap_set *cs, struct cap_sa *sa, const struct pcap_frame *pf, bool ini,
                    uint8_t nfrags)
{
        const struct frame *f = pf->f;
        const uint8_t *hp = f->payload.p;
        uint32_t len =
            (uint32_t)hp[24] << 24 | (uint32_t)hp[25] << 16 | (uint32_t)hp[26] << 8 | hp[27];
        if (len > f->payload.len || len < IKE_HDR_LEN)
                len = (uint32_t)f->payload.len; /* the decoder says what is wrong, later */
        return cap_tail_add(cs, (size_t)(sa - cs->sa), pf, hp, len, ini, nfrags);
}

static void note_undecodable(struct cap_set *cs, uint64_t frame, const struct wire_err *e)
{
        if (!cs->undecodable++ || frame < cs->first_bad_frame) {
                cs->first_bad_frame = frame;
                memcpy(cs->first_bad, e->what, sizeof(cs->first_bad));
        }
}

/* The tail of an SA decoded, oldest first, after the head: each message
 * as cap_add_frame files it (digest, retransmission, facts). */
static int tail_finish(struct cap_set *cs, size_t sa_index)
{
        struct cap_sa *sa = &cs->sa[sa_index];
        struct cap_tail_msg tm[CAP_TAIL_MSGS];
        size_t n = cap_tail_get(cs, sa_index, tm);
        sa->nmsgs = CAP_HEAD_MSGS;
        if (sa->msgs_dropped) {
                sa->gap_at = CAP_HEAD_MSGS;
                /* the dropped ones lie before the tail's oldest */
                sa->last_dropped = n ? tm[0].frame - 1 : 0;
        }
        for (size_t j = 0; j < n; j++) {
                const struct cap_tail_msg *p = &tm[j];
                struct ike_msg m;
                struct wire_err e;
                if (ike_msg_decode(p->bytes, p->len, &m, &e) < 0) {
                        note_undecodable(cs, p->frame, &e);
                        continue;
                }
                struct cap_msg *cm = &sa->msgs[sa->nmsgs];
                struct msg_at at = {p->frame, p->sec, p->usec, p->sport, p->dport, p->bytes};
                fill_msg(cm, &at, &m);
                cm->from_initiator = p->ini;
                cm->ip_frags = p->nfrags;
                find_original(sa, sa->nmsgs, cm);
                sa->nmsgs++;
                if (cs->keep_raw && !cm->retransmit_of) { /* --keys decrypts it */
                        if (!(cm->raw = malloc(m.hdr.length)))
                                return -1;
                        memcpy(cm->raw, p->bytes, m.hdr.length);
                }
                if (cap_facts_msg(sa, sa->nmsgs - 1, &m) < 0)
                        return -1;
        }
        return 0;
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

static int file_ike(struct cap_set *cs, const struct pcap_frame *pf, uint8_t nfrags, bool whole);

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
        /* an SA whose head is full keeps its messages' bytes in its tail
         * ring: the header's version and initiator SPI find it without
         * decoding the rest (DPD exchanges for hours fill a long capture
         * with these; only the last ones are decoded, at the end) */
        const uint8_t *hp = f->payload.p;
        if (f->payload.len >= IKE_HDR_LEN && ((hp[17] >> 4) == 1 || (hp[17] >> 4) == 2)) {
                struct cap_sa *full = find_sa(cs, hp[17] >> 4, hp);
                if (full && full->nmsgs >= CAP_HEAD_MSGS) {
                        bool from_ini;
                        if (full->version == 2)
                                from_ini = (hp[19] & IKE_F_V2_INITIATOR) != 0;
                        else
                                from_ini = !memcmp(f->src, full->ini, alen(full->af)) &&
                                           (memcmp(full->ini, full->resp, alen(full->af)) ||
                                            f->sport == full->ini_port);
                        if (from_ini && f->sport != full->ini_port)
                                full->ini_port = f->sport; /* floated to 4500 */
                        return tail_add(cs, full, pf, from_ini, nfrags);
                }
        }
        return file_ike(cs, pf, nfrags, false);
}

/* One IKE message (f->payload) decoded and filed under its SA; whole: it
 * was put together from IKEv1 fragments (v1frag.c), not to be taken apart
 * again. */
static int file_ike(struct cap_set *cs, const struct pcap_frame *pf, uint8_t nfrags, bool whole)
{
        const struct frame *f = pf->f;
        struct ike_msg m;
        struct wire_err e;
        if (ike_msg_decode(f->payload.p, f->payload.len, &m, &e) < 0) {
                note_undecodable(cs, pf->number, &e);
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
        if (sa->nmsgs >= CAP_HEAD_MSGS) /* an SA past its head found by its decoded header */
                return tail_add(cs, sa, pf, ini, nfrags);
        if (!sa->msgs) {
                sa->msgs = calloc(CAP_MAX_MSGS, sizeof(*sa->msgs));
                if (!sa->msgs)
                        return -1;
        }
        struct cap_msg *cm = &sa->msgs[sa->nmsgs];
        struct msg_at at = {pf->number, pf->sec, pf->usec, f->sport, f->dport, f->payload.p};
        fill_msg(cm, &at, &m);
        cm->from_initiator = ini;
        cm->ip_frags = nfrags;
        if (ini && f->sport != sa->ini_port)
                sa->ini_port = f->sport; /* floated to 4500 */
        find_original(sa, sa->nmsgs, cm);
        if (cs->keep_raw && !cm->retransmit_of) {
                cm->raw = malloc(m.hdr.length);
                if (!cm->raw)
                        return -1;
                memcpy(cm->raw, f->payload.p, m.hdr.length);
        }
        cm->ike_frags = whole ? (uint8_t)cs->v1f_last_count : 0;
        sa->nmsgs++;
        if (cap_facts_msg(sa, sa->nmsgs - 1, &m) < 0)
                return -1;
        if (whole)
                cap_facts_whole(sa, sa->nmsgs - 1, cs->v1f_last_id);
        /* an IKEv1 fragment (Cisco / strongSwan payload 132): its message
         * once every piece is there */
        if (!whole && m.version == 1 && !m.encrypted && m.npl && m.pl[0].type == PL_V1_FRAG)
                return cap_v1frag_add(cs, sa, sa->nmsgs - 1, &m.pl[0], pf, file_ike);
        return 0;
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
                if (cm->npl && cm->pl[0] == PL_V1_FRAG) {
                        cm->step = "FRAG"; /* a piece of a message that follows once whole */
                        continue;
                }
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

int cap_name_steps(struct cap_set *cs)
{
        int rc = 0;
        if (cs->named)
                return 0; /* once: the tails are decoded, the windows closed */
        cs->named = true;
        for (size_t i = 0; i < cs->nsa && rc == 0; i++)
                if (cs->sa[i].tail_seen && tail_finish(cs, i) < 0)
                        rc = -1;
        cap_tail_free(&cs->tail); /* decoded: the log is no longer needed */
        for (size_t i = 0; i < cs->nsa; i++) {
                if (cs->sa[i].version == 1)
                        name_v1(&cs->sa[i]);
                else
                        name_v2(&cs->sa[i]);
        }
        reasm_finish(&cs->reasm, on_lost, cs); /* what never completed */
        cap_facts_finish(cs);
        cap_esp_finish(cs);
        return rc;
}
