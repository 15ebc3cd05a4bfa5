/* IP fragment reassembly in bounded memory (reasm.h). */
#include <stdlib.h>
#include <string.h>

#include "reasm.h"

void reasm_init(struct reasm *r)
{
        memset(r, 0, sizeof(*r));
}

static size_t alen(int af)
{
        return af == 6 ? 16 : 4;
}

static void drop(struct reasm *r, struct reasm_dgram *d)
{
        for (unsigned i = 0; i < d->nfrags; i++)
                free(d->frags[i].data);
        r->bytes -= d->bytes;
        r->live--;
        d->used = false;
}

/* The first missing range and where it falls, for the report. */
static void holes(const struct reasm_dgram *d, struct reasm_lost *l)
{
        uint32_t pos = 0, fsz = 0;
        bool found = false;
        for (unsigned i = 0; i < d->nfrags; i++) {
                const struct reasm_frag *fr = &d->frags[i];
                if (!found && fr->off > pos) {
                        l->hole_off = pos;
                        l->hole_len = fr->off - pos;
                        found = true;
                }
                if (fr->off + fr->len > pos)
                        pos = fr->off + fr->len;
                /* every fragment but the last has the same size (the MTU's) */
                if (!(d->total && fr->off + fr->len == d->total) && fr->len > fsz)
                        fsz = fr->len;
        }
        if (!found) {
                l->hole_off = pos;
                l->hole_len = d->total > pos ? d->total - pos : 0;
        }
        if (d->have_first && d->nfrags && d->frags[0].off == 0 && d->frags[0].len > fsz)
                fsz = d->frags[0].len;
        if (fsz) {
                l->hole_index = l->hole_off / fsz + 1;
                if (d->total)
                        l->nfrags_expected = (d->total + fsz - 1) / fsz;
        }
}

static void report(struct reasm *r, struct reasm_dgram *d, enum reasm_why why, reasm_lost_fn fn,
                   void *ctx)
{
        struct reasm_lost l;
        struct frame first;
        memset(&l, 0, sizeof(l));
        l.why = d->cut ? REASM_CUT : why;
        l.af = d->af;
        memcpy(l.src, d->src, 16);
        memcpy(l.dst, d->dst, 16);
        l.proto = d->proto;
        l.id = d->id;
        l.first_frame = d->first_frame;
        l.last_frame = d->last_frame;
        l.first_sec = d->first_sec;
        l.nfrags = d->nfrags;
        l.got = d->bytes;
        l.total = d->total;
        holes(d, &l);
        if (d->have_first) {
                first = d->first;
                /* the payload view into the bytes kept of the first fragment */
                size_t at = (size_t)first.payload.len; /* offset, stored there by keep_first */
                first.payload.p = at < d->nfirst_bytes ? d->first_bytes + at : NULL;
                first.payload.len = at < d->nfirst_bytes ? d->nfirst_bytes - at : 0;
                first.frag_data = (struct wire_view){d->first_bytes, d->nfirst_bytes};
                l.first = &first;
        }
        r->lost++;
        if (fn)
                fn(ctx, &l);
}

static void keep_first(struct reasm_dgram *d, const struct frame *f)
{
        d->have_first = true;
        d->first = *f;
        d->nfirst_bytes =
            f->frag_data.len < sizeof(d->first_bytes) ? f->frag_data.len : sizeof(d->first_bytes);
        memcpy(d->first_bytes, f->frag_data.p, d->nfirst_bytes);
        /* views into the frame's buffer do not outlive it: keep the
         * payload's offset in the fragment's data instead */
        size_t at = f->payload.p && f->payload.p >= f->frag_data.p
                        ? (size_t)(f->payload.p - f->frag_data.p)
                        : SIZE_MAX;
        d->first.payload = (struct wire_view){NULL, at};
        d->first.frag_data = (struct wire_view){NULL, f->frag_data.len}; /* its length stays */
}

static void sweep(struct reasm *r, int64_t sec, reasm_lost_fn fn, void *ctx)
{
        if (!r->d || sec <= r->last_sweep)
                return;
        r->last_sweep = sec;
        for (size_t i = 0; i < REASM_MAX_DGRAMS && r->live; i++) {
                struct reasm_dgram *d = &r->d[i];
                int64_t to = d->af == 6 ? REASM_TIMEOUT_V6 : REASM_TIMEOUT_V4;
                if (d->used && sec - d->first_sec > to) {
                        report(r, d, REASM_TIMEOUT, fn, ctx);
                        drop(r, d);
                }
        }
}

/* The oldest datagram in reassembly but the one at index keep. */
static struct reasm_dgram *oldest(struct reasm *r, size_t keep)
{
        struct reasm_dgram *o = NULL;
        for (size_t i = 0; i < REASM_MAX_DGRAMS; i++) {
                struct reasm_dgram *d = &r->d[i];
                if (!d->used || i == keep)
                        continue;
                if (!o || d->first_frame < o->first_frame)
                        o = d;
        }
        return o;
}

static void evict(struct reasm *r, struct reasm_dgram *d, reasm_lost_fn fn, void *ctx)
{
        report(r, d, REASM_EVICTED, fn, ctx);
        drop(r, d);
        r->evicted++;
}

static struct reasm_dgram *find(struct reasm *r, const struct frame *f, uint8_t proto,
                                reasm_lost_fn fn, void *ctx)
{
        size_t n = alen(f->af);
        struct reasm_dgram *free_slot = NULL;
        for (size_t i = 0; i < REASM_MAX_DGRAMS; i++) {
                struct reasm_dgram *d = &r->d[i];
                if (!d->used) {
                        if (!free_slot)
                                free_slot = d;
                        continue;
                }
                if (d->af == f->af && d->id == f->ip_id && d->proto == proto &&
                    !memcmp(d->src, f->src, n) && !memcmp(d->dst, f->dst, n))
                        return d;
        }
        if (!free_slot) {
                free_slot = oldest(r, SIZE_MAX);
                evict(r, free_slot, fn, ctx);
        }
        memset(free_slot, 0, sizeof(*free_slot));
        free_slot->used = true;
        free_slot->af = f->af;
        memcpy(free_slot->src, f->src, n);
        memcpy(free_slot->dst, f->dst, n);
        free_slot->proto = proto;
        free_slot->id = f->ip_id;
        r->live++;
        return free_slot;
}

/* 1 when the fragments cover [0, total) */
static bool complete(const struct reasm_dgram *d)
{
        if (!d->total)
                return false;
        uint32_t pos = 0;
        for (unsigned i = 0; i < d->nfrags; i++) {
                if (d->frags[i].off > pos)
                        return false;
                if (d->frags[i].off + d->frags[i].len > pos)
                        pos = d->frags[i].off + d->frags[i].len;
        }
        return pos >= d->total;
}

int reasm_add(struct reasm *r, const struct frame *f, uint64_t frame, int64_t sec,
              struct frame *out, reasm_lost_fn fn, void *ctx)
{
        free(r->out);
        r->out = NULL;
        if (r->d)
                sweep(r, sec, fn, ctx);
        if (!f->fragment || (f->af != 4 && f->af != 6))
                return 0;
        uint8_t proto = f->frag_next;
        if (proto != 17 && proto != 50)
                return 0;
        if (!r->d) {
                r->d = calloc(REASM_MAX_DGRAMS, sizeof(*r->d));
                if (!r->d)
                        return -1;
                r->last_sweep = sec;
        }
        struct reasm_dgram *d = find(r, f, proto, fn, ctx);
        if (!d->first_frame) {
                d->first_frame = frame;
                d->first_sec = sec;
        }
        d->last_frame = frame;
        uint32_t off = f->frag_offset, len = (uint32_t)f->frag_data.len;
        if (f->truncated)
                d->cut = true;
        if (!f->more_fragments)
                d->total = off + len;
        if (off + len > REASM_MAX_DATAGRAM || d->nfrags == REASM_MAX_FRAGS) {
                report(r, d, REASM_TOO_MANY, fn, ctx);
                drop(r, d);
                return 0;
        }
        if (off == 0 && !d->have_first)
                keep_first(d, f);
        unsigned at = d->nfrags;
        for (unsigned i = 0; i < d->nfrags; i++) {
                if (d->frags[i].off == off && d->frags[i].len == len)
                        return 0; /* the same fragment again */
                if (d->frags[i].off > off && at == d->nfrags)
                        at = i;
        }
        while (r->bytes + len > REASM_MAX_BYTES) {
                struct reasm_dgram *o = oldest(r, (size_t)(d - r->d));
                if (!o) {
                        evict(r, d, fn, ctx);
                        return 0;
                }
                evict(r, o, fn, ctx);
        }
        uint8_t *copy = malloc(len ? len : 1);
        if (!copy)
                return -1;
        memcpy(copy, f->frag_data.p, len);
        memmove(&d->frags[at + 1], &d->frags[at], (d->nfrags - at) * sizeof(d->frags[0]));
        d->frags[at] = (struct reasm_frag){off, len, copy};
        d->nfrags++;
        d->bytes += len;
        r->bytes += len;
        if (d->cut || !d->have_first || !complete(d))
                return 0;
        r->out = malloc(d->total ? d->total : 1);
        if (!r->out)
                return -1;
        for (unsigned i = 0; i < d->nfrags; i++) /* in offset order: a later overlap wins */
                memcpy(r->out + d->frags[i].off, d->frags[i].data, d->frags[i].len);
        struct wire_err e;
        struct frame first = d->first;
        uint32_t total = d->total;
        r->last_nfrags = d->nfrags;
        drop(r, d);
        if (frame_reassembled(&first, r->out, total, out, &e) < 0)
                return 0; /* whole but malformed: as frame_decode refuses it */
        r->completed++;
        return 1;
}

void reasm_finish(struct reasm *r, reasm_lost_fn fn, void *ctx)
{
        for (size_t i = 0; r->d && i < REASM_MAX_DGRAMS; i++)
                if (r->d[i].used) {
                        report(r, &r->d[i], REASM_END, fn, ctx);
                        drop(r, &r->d[i]);
                }
        free(r->d);
        free(r->out);
        r->d = NULL;
        r->out = NULL;
}
