/*
 * model_finalize(): after a reader, before any analysis. Order matters:
 * groups are resolved before the ACEs and NAT rules that use them are
 * rebuilt; defaults add implicit policies before the policy list is sorted;
 * the NAT evaluation order is computed last, once addresses are final.
 */
#include "finalize_int.h"

#include <stdlib.h>

#include "nat_eval.h"

struct keyed {
        void *p;
        long key;
        size_t idx; /* original position: makes qsort stable */
};

static int keyed_cmp(const void *a, const void *b)
{
        const struct keyed *x = a, *y = b;
        if (x->key != y->key)
                return x->key < y->key ? -1 : 1;
        return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Stable sort of a pointer vector by an integer key. */
static int sort_by(struct ptrvec *v, long (*key)(const void *))
{
        if (v->n < 2)
                return 0;
        struct keyed *k = calloc(v->n, sizeof(*k));
        if (!k)
                return -1;
        for (size_t i = 0; i < v->n; i++)
                k[i] = (struct keyed){v->v[i], key(v->v[i]), i};
        qsort(k, v->n, sizeof(*k), keyed_cmp);
        for (size_t i = 0; i < v->n; i++)
                v->v[i] = k[i].p;
        free(k);
        return 0;
}

static long p1_key(const void *p)
{
        return ((const struct isakmp_policy *)p)->priority;
}

static long ikev2_key(const void *p)
{
        return ((const struct ikev2_policy *)p)->priority;
}

static long seq_key(const void *p)
{
        return ((const struct crypto_map_entry *)p)->seq;
}

static int sort_lists(struct device *dev)
{
        if (sort_by(&dev->isakmp_policies, p1_key) || sort_by(&dev->ikev2_policies, ikev2_key))
                return -1;
        for (size_t i = 0; i < dev->crypto_maps.n; i++) {
                struct crypto_map *m = dev->crypto_maps.v[i];
                if (sort_by(&m->entries, seq_key))
                        return -1;
        }
        return 0;
}

static int nat_order(struct device *dev)
{
        size_t n = dev->nat_rules.n;
        if (n == 0)
                return 0;
        const struct nat_rule **tmp = calloc(n, sizeof(*tmp));
        if (!tmp)
                return -1;
        nat_order_rules(dev, tmp);
        dev->nat_order.n = 0;
        int rc = 0;
        for (size_t i = 0; i < n && rc == 0; i++)
                rc = ptrvec_push(&dev->arena, &dev->nat_order, (void *)tmp[i]);
        free(tmp);
        return rc;
}

int model_finalize(struct device *dev)
{
        if (finalize_resolve_objects(dev) || finalize_reexpand(dev))
                return -1;
        if (finalize_defaults(dev) || sort_lists(dev))
                return -1;
        return nat_order(dev);
}
