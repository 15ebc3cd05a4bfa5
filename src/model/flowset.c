/* Box arithmetic and bounded box sets (see flowset.h). */
#include "flowset.h"

#include <stdlib.h>
#include <string.h>

#define NDIM 5

struct flowbox fb_any(void)
{
        struct flowbox b = {
            .src = {0, UINT32_MAX},
            .dst = {0, UINT32_MAX},
            .proto = {0, 255},
            .sport = {0, UINT16_MAX},
            .dport = {0, UINT16_MAX},
        };
        return b;
}

struct flowbox fb_point(uint32_t src, uint32_t dst, uint8_t proto, uint16_t sport, uint16_t dport)
{
        struct flowbox b = {
            .src = {src, src},
            .dst = {dst, dst},
            .proto = {proto, proto},
            .sport = {sport, sport},
            .dport = {dport, dport},
        };
        return b;
}

struct range32 range_from_mask(uint32_t addr, uint32_t mask)
{
        struct range32 r = {addr & mask, (addr & mask) | ~mask};
        return r;
}

/* The five dimensions as uniform [lo, hi] pairs, so that each operation is
 * one loop instead of five copies. */
static void dim_get(const struct flowbox *b, int d, uint32_t *lo, uint32_t *hi)
{
        switch (d) {
        case 0:
                *lo = b->src.lo, *hi = b->src.hi;
                break;
        case 1:
                *lo = b->dst.lo, *hi = b->dst.hi;
                break;
        case 2:
                *lo = b->proto.lo, *hi = b->proto.hi;
                break;
        case 3:
                *lo = b->sport.lo, *hi = b->sport.hi;
                break;
        default:
                *lo = b->dport.lo, *hi = b->dport.hi;
                break;
        }
}

static void dim_set(struct flowbox *b, int d, uint32_t lo, uint32_t hi)
{
        switch (d) {
        case 0:
                b->src.lo = lo, b->src.hi = hi;
                break;
        case 1:
                b->dst.lo = lo, b->dst.hi = hi;
                break;
        case 2:
                b->proto.lo = (uint16_t)lo, b->proto.hi = (uint16_t)hi;
                break;
        case 3:
                b->sport.lo = (uint16_t)lo, b->sport.hi = (uint16_t)hi;
                break;
        default:
                b->dport.lo = (uint16_t)lo, b->dport.hi = (uint16_t)hi;
                break;
        }
}

bool fb_is_empty(const struct flowbox *b)
{
        for (int d = 0; d < NDIM; d++) {
                uint32_t lo, hi;
                dim_get(b, d, &lo, &hi);
                if (lo > hi)
                        return true;
        }
        return false;
}

bool fb_equal(const struct flowbox *a, const struct flowbox *b)
{
        for (int d = 0; d < NDIM; d++) {
                uint32_t alo, ahi, blo, bhi;
                dim_get(a, d, &alo, &ahi);
                dim_get(b, d, &blo, &bhi);
                if (alo != blo || ahi != bhi)
                        return false;
        }
        return true;
}

bool fb_contains(const struct flowbox *outer, const struct flowbox *inner)
{
        if (fb_is_empty(inner))
                return true;
        for (int d = 0; d < NDIM; d++) {
                uint32_t olo, ohi, ilo, ihi;
                dim_get(outer, d, &olo, &ohi);
                dim_get(inner, d, &ilo, &ihi);
                if (ilo < olo || ihi > ohi)
                        return false;
        }
        return true;
}

bool fb_intersect(const struct flowbox *a, const struct flowbox *b, struct flowbox *out)
{
        struct flowbox r;
        for (int d = 0; d < NDIM; d++) {
                uint32_t alo, ahi, blo, bhi;
                dim_get(a, d, &alo, &ahi);
                dim_get(b, d, &blo, &bhi);
                uint32_t lo = alo > blo ? alo : blo;
                uint32_t hi = ahi < bhi ? ahi : bhi;
                if (lo > hi)
                        return false;
                dim_set(&r, d, lo, hi);
        }
        if (out)
                *out = r;
        return true;
}

struct flowbox fb_mirror(const struct flowbox *b)
{
        struct flowbox m = *b;
        m.src = b->dst;
        m.dst = b->src;
        m.sport = b->dport;
        m.dport = b->sport;
        return m;
}

double fb_volume(const struct flowbox *b)
{
        if (fb_is_empty(b))
                return 0;
        return ((double)b->src.hi - b->src.lo + 1) * ((double)b->dst.hi - b->dst.lo + 1);
}

size_t fb_subtract(const struct flowbox *a, const struct flowbox *b, struct flowbox out[10])
{
        struct flowbox in;
        if (fb_is_empty(a))
                return 0;
        if (!fb_intersect(a, b, &in)) {
                out[0] = *a;
                return 1;
        }
        /* Peel off the parts of a below and above the intersection, one
         * dimension at a time; what stays is narrowed to the intersection in
         * that dimension, so the pieces are disjoint. */
        struct flowbox cur = *a;
        size_t n = 0;
        for (int d = 0; d < NDIM; d++) {
                uint32_t clo, chi, ilo, ihi;
                dim_get(&cur, d, &clo, &chi);
                dim_get(&in, d, &ilo, &ihi);
                if (clo < ilo) {
                        out[n] = cur;
                        dim_set(&out[n++], d, clo, ilo - 1);
                }
                if (chi > ihi) {
                        out[n] = cur;
                        dim_set(&out[n++], d, ihi + 1, chi);
                }
                dim_set(&cur, d, ilo, ihi);
        }
        return n;
}

void fbset_init(struct fbset *s, size_t max)
{
        memset(s, 0, sizeof(*s));
        s->max = max ? max : FBSET_DEFAULT_MAX;
}

void fbset_free(struct fbset *s)
{
        free(s->v);
        s->v = NULL;
        s->n = s->cap = 0;
}

int fbset_push(struct fbset *s, const struct flowbox *b)
{
        if (s->n >= s->max) {
                s->overflow = true;
                return -1;
        }
        if (s->n == s->cap) {
                size_t nc = s->cap ? s->cap * 2 : 16;
                if (nc > s->max)
                        nc = s->max;
                struct flowbox *nv = realloc(s->v, nc * sizeof(*nv));
                if (!nv) {
                        s->overflow = true;
                        return -1;
                }
                s->v = nv;
                s->cap = nc;
        }
        s->v[s->n++] = *b;
        return 0;
}

int fbset_subtract_box(struct fbset *s, const struct flowbox *b)
{
        /* Rewrites in place: pieces of v[i] go to a scratch set first, because
         * one box can turn into ten. */
        struct fbset out;
        fbset_init(&out, s->max);
        int rc = 0;
        for (size_t i = 0; i < s->n && rc == 0; i++) {
                struct flowbox pieces[10];
                size_t k = fb_subtract(&s->v[i], b, pieces);
                for (size_t j = 0; j < k && rc == 0; j++)
                        rc = fbset_push(&out, &pieces[j]);
        }
        if (rc) {
                fbset_free(&out);
                s->overflow = true;
                return -1;
        }
        fbset_free(s);
        out.overflow = s->overflow;
        *s = out;
        return 0;
}

bool fbset_is_empty(const struct fbset *s)
{
        return s->n == 0;
}

enum cover fb_cover(const struct flowbox *set, size_t n, const struct flowbox *x, size_t max)
{
        if (fb_is_empty(x))
                return COVER_FULL;
        struct fbset rest;
        fbset_init(&rest, max);
        if (fbset_push(&rest, x))
                return COVER_UNKNOWN;
        bool touched = false;
        for (size_t i = 0; i < n && rest.n > 0; i++) {
                if (!touched)
                        for (size_t j = 0; j < rest.n && !touched; j++)
                                touched = fb_intersect(&rest.v[j], &set[i], NULL);
                if (fbset_subtract_box(&rest, &set[i])) {
                        fbset_free(&rest);
                        return COVER_UNKNOWN;
                }
        }
        enum cover c = rest.n == 0 ? COVER_FULL : touched ? COVER_PARTIAL : COVER_NONE;
        fbset_free(&rest);
        return c;
}
