/*
 * Overlap finder (flowset.h): sweep over source ranges, interval treap over
 * destination ranges of the boxes whose source range is open.
 *
 * Each pair whose source ranges intersect meets exactly once: when the
 * later-starting box opens, the earlier one is still in the treap (starts
 * are processed before ends at the same coordinate, since ranges are
 * inclusive). The treap keys on (dst.lo, index) and keeps the largest dst.hi
 * of each subtree, so a query visits only subtrees that can hold a hit.
 */
#include "flowset.h"

#include <stdlib.h>
#include <string.h>

#define NIL SIZE_MAX

/* A sweep event as one integer, so that the events sort by radix, in
 * linear time: x (the source coordinate), then end (0 = start, 1 = end:
 * starts first at equal x), then the box index in the low ibits bits. */
typedef uint64_t event;

struct events {
        event *v, *tmp;
        size_t m;
        unsigned ibits;
};

struct treap {
        const struct labelled_box *v;
        size_t *left, *right;
        uint32_t *maxhi, *prio;
        size_t root;
};

struct sweep {
        struct treap t;
        size_t cur; /* the box being opened */
        size_t max_pairs;
        long found;
        bool stop, truncated;
        overlap_fn cb;
        void *ctx;
};

static event ev_make(const struct events *e, uint32_t x, unsigned end, size_t idx)
{
        return (uint64_t)x << (e->ibits + 1) | (uint64_t)end << e->ibits | idx;
}

static size_t ev_idx(const struct events *e, event k)
{
        return (size_t)(k & (((uint64_t)1 << e->ibits) - 1));
}

static bool ev_end(const struct events *e, event k)
{
        return (k >> e->ibits) & 1;
}

static int ev_cmp(const void *pa, const void *pb)
{
        event a = *(const event *)pa, b = *(const event *)pb;
        return a < b ? -1 : a > b;
}

/* LSD radix sort, 11 bits a pass, over the bits the keys use; qsort for
 * few events, where clearing the counts would cost more than sorting. */
static void ev_sort(struct events *e)
{
        enum { RB = 11, RN = 1 << RB };
        size_t count[RN];
        if (e->m < 1024) {
                qsort(e->v, e->m, sizeof(*e->v), ev_cmp);
                return;
        }
        unsigned bits = 32 + 1 + e->ibits;
        for (unsigned sh = 0; sh < bits; sh += RB) {
                memset(count, 0, sizeof(count));
                for (size_t i = 0; i < e->m; i++)
                        count[(e->v[i] >> sh) & (RN - 1)]++;
                size_t sum = 0;
                for (size_t d = 0; d < RN; d++) {
                        size_t c = count[d];
                        count[d] = sum;
                        sum += c;
                }
                for (size_t i = 0; i < e->m; i++)
                        e->tmp[count[(e->v[i] >> sh) & (RN - 1)]++] = e->v[i];
                event *t = e->v;
                e->v = e->tmp;
                e->tmp = t;
        }
}

static bool key_less(const struct treap *t, size_t a, size_t b)
{
        uint32_t la = t->v[a].box.dst.lo, lb = t->v[b].box.dst.lo;
        return la != lb ? la < lb : a < b;
}

static void pull(struct treap *t, size_t n)
{
        uint32_t m = t->v[n].box.dst.hi;
        if (t->left[n] != NIL && t->maxhi[t->left[n]] > m)
                m = t->maxhi[t->left[n]];
        if (t->right[n] != NIL && t->maxhi[t->right[n]] > m)
                m = t->maxhi[t->right[n]];
        t->maxhi[n] = m;
}

/* Split subtree n into keys < k (l) and keys >= k (r). */
static void split(struct treap *t, size_t n, size_t k, size_t *l, size_t *r)
{
        if (n == NIL) {
                *l = *r = NIL;
                return;
        }
        if (key_less(t, n, k)) {
                split(t, t->right[n], k, &t->right[n], r);
                *l = n;
        } else {
                split(t, t->left[n], k, l, &t->left[n]);
                *r = n;
        }
        pull(t, n);
}

static size_t merge(struct treap *t, size_t a, size_t b)
{
        if (a == NIL)
                return b;
        if (b == NIL)
                return a;
        if (t->prio[a] > t->prio[b]) {
                t->right[a] = merge(t, t->right[a], b);
                pull(t, a);
                return a;
        }
        t->left[b] = merge(t, a, t->left[b]);
        pull(t, b);
        return b;
}

static void treap_insert(struct treap *t, size_t k)
{
        size_t l, r;
        t->left[k] = t->right[k] = NIL;
        t->maxhi[k] = t->v[k].box.dst.hi;
        split(t, t->root, k, &l, &r);
        t->root = merge(t, merge(t, l, k), r);
}

static size_t erase(struct treap *t, size_t n, size_t k)
{
        if (n == NIL)
                return NIL;
        if (n == k)
                return merge(t, t->left[n], t->right[n]);
        if (key_less(t, k, n))
                t->left[n] = erase(t, t->left[n], k);
        else
                t->right[n] = erase(t, t->right[n], k);
        pull(t, n);
        return n;
}

static void report(struct sweep *s, size_t other)
{
        const struct labelled_box *a = &s->t.v[other], *b = &s->t.v[s->cur];
        if (a->label == b->label || !fb_intersect(&a->box, &b->box, NULL))
                return;
        if (s->max_pairs && (size_t)s->found >= s->max_pairs) {
                s->truncated = s->stop = true;
                return;
        }
        s->found++;
        if (s->cb && s->cb(s->ctx, other, s->cur))
                s->stop = true;
}

static void query(struct sweep *s, size_t n, uint32_t lo, uint32_t hi)
{
        if (n == NIL || s->stop || s->t.maxhi[n] < lo)
                return;
        query(s, s->t.left[n], lo, hi);
        if (s->stop || s->t.v[n].box.dst.lo > hi)
                return; /* right subtree starts even later */
        if (s->t.v[n].box.dst.hi >= lo)
                report(s, n);
        query(s, s->t.right[n], lo, hi);
}

static int sweep_alloc(struct treap *t, struct events *e, size_t n)
{
        e->v = calloc(2 * n, sizeof(event));
        e->tmp = calloc(2 * n, sizeof(event));
        t->left = calloc(n, sizeof(size_t));
        t->right = calloc(n, sizeof(size_t));
        t->maxhi = calloc(n, sizeof(uint32_t));
        t->prio = calloc(n, sizeof(uint32_t));
        return (e->v && e->tmp && t->left && t->right && t->maxhi && t->prio) ? 0 : -1;
}

static void sweep_free(struct treap *t, struct events *e)
{
        free(e->v);
        free(e->tmp);
        free(t->left);
        free(t->right);
        free(t->maxhi);
        free(t->prio);
}

long fb_find_overlaps(const struct labelled_box *v, size_t n, size_t max_pairs, overlap_fn cb,
                      void *ctx, bool *truncated)
{
        struct sweep s = {.t = {.v = v, .root = NIL}, .max_pairs = max_pairs, .cb = cb, .ctx = ctx};
        struct events e = {0};
        if (truncated)
                *truncated = false;
        if (n == 0)
                return 0;
        while (e.ibits < 31 && ((size_t)1 << e.ibits) < n)
                e.ibits++;
        /* 33 bits of x and end, ibits of index: the key holds 64 */
        if (((size_t)1 << e.ibits) < n || sweep_alloc(&s.t, &e, n)) {
                sweep_free(&s.t, &e);
                return -1;
        }
        /* Fixed-seed xorshift priorities: the treap's shape does not depend on
         * the (untrusted) key order, so its depth stays logarithmic. */
        uint32_t seed = 2463534242u;
        for (size_t i = 0; i < n; i++) {
                seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
                s.t.prio[i] = seed;
                if (fb_is_empty(&v[i].box))
                        continue;
                e.v[e.m++] = ev_make(&e, v[i].box.src.lo, 0, i);
                e.v[e.m++] = ev_make(&e, v[i].box.src.hi, 1, i);
        }
        ev_sort(&e);
        for (size_t k = 0; k < e.m && !s.stop; k++) {
                size_t i = ev_idx(&e, e.v[k]);
                if (ev_end(&e, e.v[k])) {
                        s.t.root = erase(&s.t, s.t.root, i);
                        continue;
                }
                s.cur = i;
                query(&s, s.t.root, v[i].box.dst.lo, v[i].box.dst.hi);
                treap_insert(&s.t, i);
        }
        sweep_free(&s.t, &e);
        if (truncated)
                *truncated = s.truncated;
        return s.found;
}
