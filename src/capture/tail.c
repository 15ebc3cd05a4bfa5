/* The tails of the IKE SAs in one log (tail.h). */
#include <stdlib.h>
#include <string.h>

#include "sessions.h"
#include "tail.h"

#define COPIED (~0u)

/* An entry of the log: where its message came from, then its bytes; each
 * entry starts on 8 bytes. */
struct tail_ent {
        uint32_t sa;   /* index in cs->sa */
        uint32_t len;  /* of the message */
        uint32_t size; /* of the entry, header included */
        uint8_t k;     /* its slot in the SA's ring */
        uint8_t ini, nfrags, pad;
        uint64_t frame;
        int64_t sec;
        int32_t usec;
        uint16_t sport, dport;
        uint8_t data[];
};

void cap_tail_free(struct cap_tail_log *t)
{
        if (t->copied) {
                for (size_t i = 0; i < (size_t)CAP_MAX_SAS * CAP_TAIL_MSGS; i++)
                        free(t->copied[i]);
                free(t->copied);
        }
        free(t->slot);
        free(t->b);
        memset(t, 0, sizeof(*t));
}

/* The entry at off, about to be overwritten: copied out when it is still
 * one of its SA's last sixteen. */
static int reclaim_one(struct cap_set *cs, struct cap_tail_log *t)
{
        struct tail_ent *e = (struct tail_ent *)(t->b + t->reclaim);
        size_t slot = (size_t)e->sa * CAP_TAIL_MSGS + e->k;
        uint32_t size = e->size;
        if (t->slot[slot] == t->reclaim + 1) {
                struct cap_sa *sa = &cs->sa[e->sa];
                struct tail_ent *c = NULL;
                if (!t->copied &&
                    !(t->copied = calloc((size_t)CAP_MAX_SAS * CAP_TAIL_MSGS, sizeof(*t->copied))))
                        return -1;
                if (t->copied_bytes + size <= CAP_TAIL_BYTES) {
                        if (!(c = malloc(size)))
                                return -1;
                        memcpy(c, e, size);
                        t->copied_bytes += size;
                        t->copied[slot] = c;
                        t->slot[slot] = COPIED;
                } else {
                        t->slot[slot] = 0; /* lost for the bound: counted */
                        sa->msgs_dropped++;
                        sa->budget_dropped++;
                }
        }
        t->reclaim += size;
        return 0;
}

/* Room for need bytes at the head, reclaiming the last lap's entries there. */
static int reserve(struct cap_set *cs, struct cap_tail_log *t, size_t need)
{
        if (t->head + need > CAP_TAIL_LOG) { /* round again */
                while (t->lapped && t->reclaim < t->lap_end)
                        if (reclaim_one(cs, t) < 0)
                                return -1;
                t->lap_end = t->head;
                t->head = 0;
                t->reclaim = 0;
                t->lapped = true;
        }
        while (t->lapped && t->reclaim < t->lap_end && t->reclaim < t->head + need)
                if (reclaim_one(cs, t) < 0)
                        return -1;
        return 0;
}

int cap_tail_add(struct cap_set *cs, size_t sa_index, const struct pcap_frame *pf,
                 const uint8_t *bytes, uint32_t len, bool ini, uint8_t nfrags)
{
        struct cap_tail_log *t = &cs->tail;
        struct cap_sa *sa = &cs->sa[sa_index];
        if (!t->b) {
                t->b = malloc(CAP_TAIL_LOG);
                t->slot = calloc((size_t)CAP_MAX_SAS * CAP_TAIL_MSGS, sizeof(*t->slot));
                if (!t->b || !t->slot)
                        return -1;
        }
        size_t need = (sizeof(struct tail_ent) + len + 7) & ~(size_t)7;
        if (need > CAP_TAIL_LOG / 4) { /* cannot be: IKE messages are under 64 KB */
                sa->msgs_dropped++;
                return 0;
        }
        unsigned k = (unsigned)(sa->tail_seen % CAP_TAIL_MSGS);
        size_t slot = sa_index * CAP_TAIL_MSGS + k;
        if (sa->tail_seen >= CAP_TAIL_MSGS)
                sa->msgs_dropped++; /* the slot's message leaves the ring */
        else if (sa->tail_seen == 0)
                sa->first_dropped = pf->number; /* should the ring ever turn over */
        if (t->slot[slot] == COPIED) {          /* an SA that went quiet and came back */
                t->copied_bytes -= t->copied[slot]->size;
                free(t->copied[slot]);
                t->copied[slot] = NULL;
        }
        t->slot[slot] = 0; /* its old entry is no longer live */
        if (reserve(cs, t, need) < 0)
                return -1;
        struct tail_ent *e = (struct tail_ent *)(t->b + t->head);
        e->sa = (uint32_t)sa_index;
        e->len = len;
        e->size = (uint32_t)need;
        e->k = (uint8_t)k;
        e->ini = ini;
        e->nfrags = nfrags;
        e->pad = 0;
        e->frame = pf->number;
        e->sec = pf->sec;
        e->usec = pf->usec;
        e->sport = pf->f->sport;
        e->dport = pf->f->dport;
        memcpy(e->data, bytes, len);
        t->slot[slot] = (uint32_t)t->head + 1;
        t->head += need;
        sa->tail_seen++;
        sa->nmsgs = CAP_HEAD_MSGS + (sa->tail_seen < CAP_TAIL_MSGS ? sa->tail_seen : CAP_TAIL_MSGS);
        return 0;
}

size_t cap_tail_get(const struct cap_set *cs, size_t sa_index, struct cap_tail_msg *out)
{
        const struct cap_tail_log *t = &cs->tail;
        const struct cap_sa *sa = &cs->sa[sa_index];
        if (!t->slot || !sa->tail_seen)
                return 0;
        size_t n = sa->tail_seen < CAP_TAIL_MSGS ? sa->tail_seen : CAP_TAIL_MSGS;
        size_t start = sa->tail_seen > CAP_TAIL_MSGS ? sa->tail_seen % CAP_TAIL_MSGS : 0;
        size_t got = 0;
        for (size_t j = 0; j < n; j++) {
                size_t slot = sa_index * CAP_TAIL_MSGS + (start + j) % CAP_TAIL_MSGS;
                uint32_t v = t->slot[slot];
                const struct tail_ent *e = v == COPIED ? t->copied[slot]
                                           : v         ? (const struct tail_ent *)(t->b + v - 1)
                                                       : NULL;
                if (!e)
                        continue;
                out[got++] = (struct cap_tail_msg){e->frame, e->sec, e->usec,   e->len, e->sport,
                                                   e->dport, e->ini, e->nfrags, e->data};
        }
        return got;
}
