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

#define NIL SIZE_MAX

struct event {
        uint32_t x;
        unsigned end; /* 0 = start, 1 = end: starts first at equal x */
        size_t idx;
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

static int event_cmp(const void *pa, const void *pb)
{
        const struct event *a = pa, *b = pb;
        if (a->x != b->x)
                return a->x < b->x ? -1 : 1;
        if (a->end != b->end)
                return a->end < b->end ? -1 : 1;
        return a->idx < b->idx ? -1 : a->idx > b->idx;
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

static int sweep_alloc(struct treap *t, struct event **ev, size_t n)
{
        *ev = calloc(2 * n, sizeof(**ev));
        t->left = calloc(n, sizeof(size_t));
        t->right = calloc(n, sizeof(size_t));
        t->maxhi = calloc(n, sizeof(uint32_t));
        t->prio = calloc(n, sizeof(uint32_t));
        return (*ev && t->left && t->right && t->maxhi && t->prio) ? 0 : -1;
}

static void sweep_free(struct treap *t, struct event *ev)
{
        free(ev);
        free(t->left);
        free(t->right);
        free(t->maxhi);
        free(t->prio);
}

long fb_find_overlaps(const struct labelled_box *v, size_t n, size_t max_pairs, overlap_fn cb,
                      void *ctx, bool *truncated)
{
        struct sweep s = {.t = {.v = v, .root = NIL}, .max_pairs = max_pairs, .cb = cb, .ctx = ctx};
        struct event *ev = NULL;
        if (truncated)
                *truncated = false;
        if (n == 0)
                return 0;
        if (n > SIZE_MAX / (2 * sizeof(struct event)) || sweep_alloc(&s.t, &ev, n)) {
                sweep_free(&s.t, ev);
                return -1;
        }
        /* Fixed-seed xorshift priorities: the treap's shape does not depend on
         * the (untrusted) key order, so its depth stays logarithmic. */
        uint32_t seed = 2463534242u;
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
                seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
                s.t.prio[i] = seed;
                if (fb_is_empty(&v[i].box))
                        continue;
                ev[m++] = (struct event){v[i].box.src.lo, 0, i};
                ev[m++] = (struct event){v[i].box.src.hi, 1, i};
        }
        qsort(ev, m, sizeof(*ev), event_cmp);
        for (size_t e = 0; e < m && !s.stop; e++) {
                size_t i = ev[e].idx;
                if (ev[e].end) {
                        s.t.root = erase(&s.t, s.t.root, i);
                        continue;
                }
                s.cur = i;
                query(&s, s.t.root, v[i].box.dst.lo, v[i].box.dst.hi);
                treap_insert(&s.t, i);
        }
        sweep_free(&s.t, ev);
        if (truncated)
                *truncated = s.truncated;
        return s.found;
}
