/* NAT rule evaluation order per platform (the sources are in nat_eval.h). */
#include "nat_eval.h"

#include <stdlib.h>
#include <string.h>

struct keyed {
        const struct nat_rule *r;
        size_t idx;   /* config position: the final tie-break keeps sorting stable */
        int rank;     /* coarse class, by platform order */
        double size;  /* real addresses, for "best match" classes; 0 otherwise */
        uint32_t low; /* lowest real address */
};

static double addrset_size(const struct addrset *s)
{
        double n = 0;
        for (size_t i = 0; i < s->n; i++)
                n += (double)s->r[i].hi - s->r[i].lo + 1;
        return s->n ? n : 4294967296.0; /* no explicit set: any */
}

/* Coarse rank of each kind. Ranks that sort by size are flagged by
 * by_size(): regular dynamic NAT (best match) and section 2 object NAT. */
static int rank_of(const struct nat_rule *r)
{
        switch (r->kind) {
        case NAT_IOS_STATIC:
                return 0;
        case NAT_IOS_INSIDE_SOURCE:
        case NAT_IOS_OUTSIDE_SOURCE:
                return 1;
        case NAT_LEGACY_EXEMPT:
                return 10;
        case NAT_LEGACY_STATIC:
                return 11;
        case NAT_LEGACY_POLICY:
                return 12;
        case NAT_LEGACY_DYNAMIC:
        case NAT_LEGACY_IDENTITY:
                return 13;
        case NAT_TWICE:
                return r->section == 3 ? 24 : 20;
        case NAT_OBJECT:
                /* static (and static identity) before dynamic within section 2 */
                return r->src_xlate == NAT_XLATE_DYNAMIC ? 22 : 21;
        }
        return 30;
}

static bool by_size(int rank)
{
        return rank == 13 || rank == 21 || rank == 22;
}

static int keyed_cmp(const void *pa, const void *pb)
{
        const struct keyed *a = pa, *b = pb;
        if (a->rank != b->rank)
                return a->rank < b->rank ? -1 : 1;
        if (by_size(a->rank)) {
                if (a->size != b->size)
                        return a->size < b->size ? -1 : 1;
                if (a->rank != 13 && a->low != b->low)
                        return a->low < b->low ? -1 : 1;
                if (a->rank != 13 && a->r->object && b->r->object) {
                        int c = strcmp(a->r->object, b->r->object);
                        if (c)
                                return c;
                }
        }
        if ((a->rank == 20 || a->rank == 24) && a->r->order != b->r->order)
                return a->r->order < b->r->order ? -1 : 1;
        return a->idx < b->idx ? -1 : a->idx > b->idx;
}

void nat_order_rules(const struct device *dev, const struct nat_rule **out)
{
        size_t n = dev->nat_rules.n;
        struct keyed *k = n ? calloc(n, sizeof(*k)) : NULL;
        if (!k) {
                /* Out of memory: config order is the best remaining answer. */
                for (size_t i = 0; i < n; i++)
                        out[i] = dev->nat_rules.v[i];
                return;
        }
        for (size_t i = 0; i < n; i++) {
                const struct nat_rule *r = dev->nat_rules.v[i];
                k[i] = (struct keyed){r, i, rank_of(r), addrset_size(&r->real_src),
                                      r->real_src.n ? r->real_src.r[0].lo : 0};
        }
        qsort(k, n, sizeof(*k), keyed_cmp);
        for (size_t i = 0; i < n; i++)
                out[i] = k[i].r;
        free(k);
}

bool nat_rule_exempts(const struct nat_rule *r)
{
        switch (r->kind) {
        case NAT_LEGACY_EXEMPT:
        case NAT_LEGACY_IDENTITY:
                return true;
        case NAT_LEGACY_DYNAMIC:
        case NAT_LEGACY_POLICY:
                return false;
        case NAT_TWICE:
                return r->src_xlate == NAT_XLATE_IDENTITY && (!r->has_dst || r->dst_identity);
        default:
                return r->src_xlate == NAT_XLATE_IDENTITY;
        }
}
