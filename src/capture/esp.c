/* ESP per SA: counts, sequence numbers, sizes, origin (esp.h). */
#include <stdlib.h>
#include <string.h>

#include "esp.h"
#include "sessions.h"

const unsigned cap_esp_windows[3] = {64, 512, 1024};

#define NSLOTS (2 * CAP_MAX_ESP) /* a power of two: the hash is masked */

void cap_esp_init(struct cap_esp *e)
{
        memset(e, 0, sizeof(*e));
}

void cap_esp_free(struct cap_esp *e)
{
        free(e->sa);
        free(e->index);
        free(e->mtu);
        memset(e, 0, sizeof(*e));
}

static size_t alen(int af)
{
        return af == 6 ? 16 : 4;
}

static uint32_t slot_of(uint32_t spi, const uint8_t *dst, int af)
{
        uint32_t h = spi * 2654435761u;
        size_t n = alen(af);
        for (size_t i = 0; i < n; i++)
                h = (h ^ dst[i]) * 16777619u;
        return h & (NSLOTS - 1);
}

/* The SA of (spi, src, dst), created on its first packet; NULL past the
 * bound or out of memory (*oom). */
static struct cap_esp_sa *lookup(struct cap_esp *e, const struct frame *f, bool *oom)
{
        size_t n = alen(f->af);
        *oom = false;
        if (!e->index) {
                e->index = calloc(NSLOTS, sizeof(*e->index));
                if (!e->index) {
                        *oom = true;
                        return NULL;
                }
        }
        uint32_t s = slot_of(f->esp_spi, f->dst, f->af);
        for (;; s = (s + 1) & (NSLOTS - 1)) {
                uint32_t k = e->index[s];
                if (!k)
                        break;
                struct cap_esp_sa *sa = &e->sa[k - 1];
                if (sa->spi == f->esp_spi && sa->af == f->af && !memcmp(sa->dst, f->dst, n) &&
                    !memcmp(sa->src, f->src, n))
                        return sa;
        }
        if (e->n == CAP_MAX_ESP)
                return NULL;
        if (e->n == e->cap) {
                size_t cap = e->cap ? e->cap * 2 : 64;
                struct cap_esp_sa *v = realloc(e->sa, cap * sizeof(*v));
                if (!v) {
                        *oom = true;
                        return NULL;
                }
                e->sa = v, e->cap = cap;
        }
        struct cap_esp_sa *sa = &e->sa[e->n++];
        e->index[s] = (uint32_t)e->n;
        memset(sa, 0, sizeof(*sa));
        sa->spi = f->esp_spi;
        sa->af = f->af;
        memcpy(sa->src, f->src, n);
        memcpy(sa->dst, f->dst, n);
        sa->udp = f->kind == FK_ESP_UDP;
        sa->sport = f->sport;
        sa->dport = f->dport;
        sa->sa = -1;
        sa->reverse = -1;
        return sa;
}

static bool bit(const struct cap_esp_sa *sa, uint32_t i)
{
        return (sa->window[i / 64] >> (i % 64)) & 1;
}

static void set_bit(struct cap_esp_sa *sa, uint32_t i)
{
        sa->window[i / 64] |= (uint64_t)1 << (i % 64);
}

/* The numbers of the window at offsets [from, CAP_ESP_WINDOW) that were
 * never seen and are not before the first one seen: lost. */
static uint64_t unseen(const struct cap_esp_sa *sa, uint32_t from)
{
        uint64_t n = 0;
        for (uint32_t i = from; i < CAP_ESP_WINDOW; i++) {
                if (sa->seq_max - sa->seq_first < i)
                        break; /* before the first number seen */
                if (!bit(sa, i))
                        n++;
        }
        return n;
}

/* Moves the window's top to seq (> seq_max). */
static void advance(struct cap_esp_sa *sa, uint32_t seq)
{
        uint64_t shift = (uint64_t)seq - sa->seq_max;
        if (shift >= CAP_ESP_WINDOW) {
                sa->lost += unseen(sa, 0);
                /* the numbers in between never entered the window */
                sa->lost += shift - CAP_ESP_WINDOW;
                memset(sa->window, 0, sizeof(sa->window));
        } else {
                sa->lost += unseen(sa, CAP_ESP_WINDOW - (uint32_t)shift);
                uint32_t s = (uint32_t)shift, words = s / 64, bits = s % 64;
                for (int i = CAP_ESP_WINDOW / 64 - 1; i >= 0; i--) {
                        uint64_t v = (size_t)i >= words ? sa->window[i - words] << bits : 0;
                        if (bits && (size_t)i > words)
                                v |= sa->window[i - words - 1] >> (64 - bits);
                        sa->window[i] = v;
                }
        }
        sa->seq_max = seq;
        set_bit(sa, 0);
}

static void sequence(struct cap_esp_sa *sa, uint32_t seq, uint64_t frame)
{
        if (sa->packets == 1) {
                sa->seq_first = sa->seq_max = seq;
                set_bit(sa, 0);
                return;
        }
        if (seq > sa->seq_max) {
                advance(sa, seq);
                return;
        }
        uint32_t behind = sa->seq_max - seq;
        for (int w = 0; w < 3; w++)
                if (behind >= cap_esp_windows[w]) {
                        if (!sa->late[w])
                                sa->first_late_frame[w] = frame;
                        sa->late[w]++;
                }
        if (behind >= CAP_ESP_WINDOW) {
                if (seq < sa->seq_first)
                        sa->seq_first = seq; /* the capture started inside a reordering */
                return; /* outside every window kept: counted late, not judged further */
        }
        if (bit(sa, behind)) {
                if (!sa->duplicates)
                        sa->first_dup_frame = frame;
                sa->duplicates++;
                return;
        }
        set_bit(sa, behind);
        if (seq < sa->seq_first)
                sa->seq_first = seq;
}

int cap_esp_packet(struct cap_esp *e, const struct pcap_frame *pf)
{
        const struct frame *f = pf->f;
        bool oom;
        struct cap_esp_sa *sa = lookup(e, f, &oom);
        if (!sa) {
                if (oom)
                        return -1;
                e->dropped_packets++;
                return 0;
        }
        sa->packets++;
        sa->bytes += f->ip_len;
        if (!sa->first_frame) {
                sa->first_frame = pf->number;
                sa->first_sec = pf->sec;
                sa->first_usec = pf->usec;
        }
        sa->last_frame = pf->number;
        sa->last_sec = pf->sec;
        sa->last_usec = pf->usec;
        if (f->ip_len > sa->max_ip_len) {
                sa->max_ip_len = f->ip_len;
                sa->max_ip_len_frame = pf->number;
        }
        if (f->dont_fragment)
                sa->df_packets++;
        if (f->reassembled)
                sa->fragmented++;
        if (sa->path_mtu && f->ip_len > sa->path_mtu)
                sa->over_mtu_after++;
        sequence(sa, f->esp_seq, pf->number);
        return 0;
}

static bool same_path(const struct cap_esp_sa *sa, const struct cap_path_mtu *m)
{
        size_t n = alen(sa->af);
        return sa->af == m->af && !memcmp(sa->src, m->src, n) && !memcmp(sa->dst, m->dst, n) &&
               (!m->has_spi || m->spi == sa->spi);
}

int cap_esp_icmp(struct cap_esp *e, const struct frame *f, uint64_t frame)
{
        bool toobig = (f->af == 4 && f->icmp_type == 3 && f->icmp_code == 4) ||
                      (f->af == 6 && f->icmp_type == 2);
        if (!toobig || !f->quoted.af || !f->icmp_mtu)
                return 0;
        /* only about ESP (protocol 50) or UDP 4500 (ESP in UDP, IKE) */
        bool esp = f->quoted.proto == 50 || (f->quoted.proto == 17 && f->quoted.has_ports &&
                                             (f->quoted.sport == 4500 || f->quoted.dport == 4500));
        if (!esp)
                return 0;
        if (!e->mtu) {
                e->mtu = calloc(CAP_MAX_PATH_MTU, sizeof(*e->mtu));
                if (!e->mtu)
                        return -1;
        }
        if (e->nmtu == CAP_MAX_PATH_MTU) {
                e->mtu_dropped++;
                return 0;
        }
        struct cap_path_mtu *m = &e->mtu[e->nmtu++];
        m->af = f->quoted.af;
        memcpy(m->src, f->quoted.src, 16);
        memcpy(m->dst, f->quoted.dst, 16);
        m->mtu = f->icmp_mtu;
        m->frame = frame;
        m->has_spi = f->quoted.has_spi;
        m->spi = f->quoted.spi;
        /* from now on, packets of that path over the MTU are counted */
        for (size_t i = 0; i < e->n; i++) {
                struct cap_esp_sa *sa = &e->sa[i];
                if (same_path(sa, m) && (!sa->path_mtu || m->mtu < sa->path_mtu)) {
                        sa->path_mtu = m->mtu;
                        sa->path_mtu_frame = frame;
                }
        }
        return 0;
}

void cap_esp_frag_lost(struct cap_esp *e, const struct frame *first)
{
        bool oom;
        struct cap_esp_sa *sa = first ? lookup(e, first, &oom) : NULL;
        if (sa)
                sa->frags_lost++;
        else
                e->frags_lost_unknown++;
}

static int ike_sa_of(const struct cap_set *cs, const struct cap_esp_sa *esa)
{
        size_t n = alen(esa->af);
        for (size_t i = cs->nsa; i-- > 0;) {
                const struct cap_sa *sa = &cs->sa[i];
                if (sa->af != esa->af)
                        continue;
                if ((!memcmp(esa->src, sa->ini, n) && !memcmp(esa->dst, sa->resp, n)) ||
                    (!memcmp(esa->src, sa->resp, n) && !memcmp(esa->dst, sa->ini, n)))
                        return (int)i;
        }
        return -1;
}

/* Which exchange carried the SPI, and whether an INVALID_SPI named it: in
 * any IKE SA between the same two addresses. */
static void origin(const struct cap_set *cs, struct cap_esp_sa *esa)
{
        size_t n = alen(esa->af);
        bool decrypted = false;
        for (size_t i = 0; i < cs->nsa; i++) {
                const struct cap_sa *sa = &cs->sa[i];
                const struct cap_facts *fx = sa->facts;
                if (!fx || sa->af != esa->af)
                        continue;
                if (!((!memcmp(esa->src, sa->ini, n) && !memcmp(esa->dst, sa->resp, n)) ||
                      (!memcmp(esa->src, sa->resp, n) && !memcmp(esa->dst, sa->ini, n))))
                        continue;
                decrypted |= fx->child_decrypted;
                for (size_t k = 0; k < fx->nchild_spi; k++)
                        if (fx->child_spi[k].spi == esa->spi && esa->origin != ESP_NEGOTIATED) {
                                esa->origin = ESP_NEGOTIATED;
                                esa->negotiated_frame = fx->child_spi[k].frame;
                        }
                for (size_t k = 0; k < fx->nnotify; k++)
                        if (fx->notify[k].type == 11 && fx->notify[k].named_spi == esa->spi &&
                            !esa->invalid_spi_frame)
                                esa->invalid_spi_frame = fx->notify[k].frame;
        }
        if (esa->origin != ESP_NEGOTIATED)
                esa->origin = decrypted ? ESP_NOT_IN_DECRYPTED : ESP_NOT_IN_CLEAR;
}

void cap_esp_finish(struct cap_set *cs)
{
        struct cap_esp *e = &cs->esp;
        for (size_t i = 0; i < e->n; i++) {
                struct cap_esp_sa *sa = &e->sa[i];
                sa->lost += unseen(sa, 0);                    /* the window's holes at the end */
                memset(sa->window, 0xff, sizeof(sa->window)); /* counted once */
                sa->sa = ike_sa_of(cs, sa);
                origin(cs, sa);
                size_t n = alen(sa->af);
                for (size_t k = 0; k < e->n && sa->reverse < 0; k++) {
                        const struct cap_esp_sa *o = &e->sa[k];
                        if (o->af == sa->af && !memcmp(o->src, sa->dst, n) &&
                            !memcmp(o->dst, sa->src, n))
                                sa->reverse = (int)k;
                }
        }
        /* the float facts of each IKE SA: ESP between its two ends */
        for (size_t i = 0; i < e->n; i++) {
                const struct cap_esp_sa *sa = &e->sa[i];
                if (sa->sa < 0 || !cs->sa[sa->sa].facts)
                        continue;
                struct cap_float_facts *fl = &cs->sa[sa->sa].facts->fl;
                if (sa->udp)
                        fl->esp_udp += sa->packets;
                else
                        fl->esp_ip50 += sa->packets;
        }
}
