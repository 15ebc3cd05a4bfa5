/* Candidate NAT rules per flow (nat_prefilter.h). */
#include "nat_prefilter.h"

#include <stdlib.h>
#include <string.h>

#define RULE_MAX_BOXES 4096 /* past this a rule is represented by "any" */

struct lbv {
        struct labelled_box *v;
        size_t n, cap;
};

static int lb_push(struct lbv *s, const struct flowbox *b, size_t label)
{
        if (s->n == s->cap) {
                size_t cap = s->cap ? s->cap * 2 : 256;
                struct labelled_box *v = realloc(s->v, cap * sizeof(*v));
                if (!v)
                        return -1;
                s->v = v, s->cap = cap;
        }
        s->v[s->n++] = (struct labelled_box){*b, label};
        return 0;
}

/* The boxes of an ACL (any action: an over-approximation of what it permits). */
static int acl_boxes(const struct acl *acl, struct lbv *s, size_t label)
{
        for (size_t i = 0; acl && i < acl->aces.n; i++) {
                const struct ace *a = acl->aces.v[i];
                for (size_t b = 0; !a->remark && b < a->nboxes; b++)
                        if (lb_push(s, &a->boxes[b], label))
                                return -1;
        }
        return 0;
}

static size_t acl_nboxes(const struct acl *acl)
{
        size_t n = 0;
        for (size_t i = 0; acl && i < acl->aces.n; i++)
                n += ((const struct ace *)acl->aces.v[i])->nboxes;
        return n;
}

static int rm_boxes(const struct device *d, const char *rm, struct lbv *s, size_t label)
{
        const struct flowbox any = fb_any();
        for (size_t i = 0; i < d->route_maps.n; i++) {
                const struct route_map_entry *e = d->route_maps.v[i];
                if (strcmp(e->name, rm) != 0)
                        continue;
                if (e->match_acls.n == 0)
                        return lb_push(s, &any, label);
                for (size_t a = 0; a < e->match_acls.n; a++)
                        if (acl_boxes(model_get_acl(d, e->match_acls.v[a]), s, label))
                                return -1;
        }
        return 0;
}

static int addr_boxes(const struct nat_rule *r, struct lbv *s, size_t label)
{
        size_t ns = r->real_src.n ? r->real_src.n : 1;
        size_t nd = r->has_dst && r->real_dst.n ? r->real_dst.n : 1;
        struct flowbox b = fb_any();
        if (ns * nd > RULE_MAX_BOXES || ns > RULE_MAX_BOXES || nd > RULE_MAX_BOXES)
                return lb_push(s, &b, label);
        for (size_t i = 0; i < ns; i++)
                for (size_t j = 0; j < nd; j++) {
                        if (r->real_src.n)
                                b.src = r->real_src.r[i];
                        if (r->has_dst && r->real_dst.n)
                                b.dst = r->real_dst.r[j];
                        if (lb_push(s, &b, label))
                                return -1;
                }
        return 0;
}

/* Label of rule boxes: 1 + evaluation position; flows are label 0. */
static int rule_boxes(const struct device *d, const struct nat_rule *r, struct lbv *s, size_t pos)
{
        const struct flowbox any = fb_any();
        if (r->match_acl) {
                const struct acl *acl = model_get_acl(d, r->match_acl);
                if (acl_nboxes(acl) > RULE_MAX_BOXES)
                        return lb_push(s, &any, pos + 1);
                return acl_boxes(acl, s, pos + 1);
        }
        if (r->match_route_map)
                return rm_boxes(d, r->match_route_map, s, pos + 1);
        return addr_boxes(r, s, pos + 1);
}

struct pairs {
        size_t *v; /* (flow, position) pairs */
        size_t n, cap, nflows;
        const struct labelled_box *lb;
        bool oom;
};

static int on_pair(void *ctx, size_t a, size_t b)
{
        struct pairs *p = ctx;
        if (p->lb[a].label != 0) {
                size_t t = a;
                a = b, b = t;
        }
        if (p->lb[a].label != 0 || p->lb[b].label == 0)
                return 0;
        if (p->n == p->cap) {
                size_t cap = p->cap ? p->cap * 2 : 256;
                size_t *v = realloc(p->v, cap * 2 * sizeof(*v));
                if (!v) {
                        p->oom = true;
                        return 1;
                }
                p->v = v, p->cap = cap;
        }
        p->v[2 * p->n] = a, p->v[2 * p->n + 1] = p->lb[b].label - 1, p->n++;
        return 0;
}

static int pair_cmp(const void *x, const void *y)
{
        const size_t *a = x, *b = y;
        return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : a[1] < b[1] ? -1 : a[1] > b[1];
}

/* CSR of the sorted pairs, duplicates (a rule with several boxes) dropped. */
static int fill(struct nat_prefilter *pf, const struct pairs *p, const struct nat_rule **order)
{
        pf->off = calloc(pf->nflows + 1, sizeof(*pf->off));
        pf->rules = malloc((p->n ? p->n : 1) * sizeof(*pf->rules));
        if (!pf->off || !pf->rules)
                return -1;
        size_t k = 0;
        for (size_t i = 0; i < p->n; i++) {
                const size_t *e = &p->v[2 * i];
                if (i && e[0] == p->v[2 * i - 2] && e[1] == p->v[2 * i - 1])
                        continue;
                pf->rules[k++] = order[e[1]];
                pf->off[e[0] + 1]++;
        }
        for (size_t i = 0; i < pf->nflows; i++)
                pf->off[i + 1] += pf->off[i];
        return 0;
}

static int build(const struct device *d, const struct cboxes *flows, struct nat_prefilter *pf,
                 const struct nat_rule **order, struct lbv *s, struct pairs *p)
{
        for (size_t i = 0; i < flows->n; i++)
                if (lb_push(s, &flows->v[i].box, 0))
                        return -1;
        for (size_t i = 0; i < d->nat_rules.n; i++)
                if (rule_boxes(d, order[i], s, i))
                        return -1;
        p->lb = s->v;
        bool truncated = false;
        if (fb_find_overlaps(s->v, s->n, 0, on_pair, p, &truncated) < 0 || p->oom)
                return -1;
        if (p->n)
                qsort(p->v, p->n, 2 * sizeof(*p->v), pair_cmp);
        return fill(pf, p, order);
}

int nat_prefilter_build(const struct device *d, const struct cboxes *flows,
                        struct nat_prefilter *pf)
{
        memset(pf, 0, sizeof(*pf));
        pf->nflows = flows->n;
        const struct nat_rule **order =
            malloc((d->nat_rules.n ? d->nat_rules.n : 1) * sizeof(*order));
        struct lbv s = {0};
        struct pairs p = {.nflows = flows->n};
        int rc = -1;
        if (order) {
                nat_order_rules(d, order);
                rc = build(d, flows, pf, order, &s, &p);
        }
        free(order);
        free(s.v);
        free(p.v);
        if (rc)
                nat_prefilter_free(pf);
        return rc;
}

void nat_prefilter_free(struct nat_prefilter *pf)
{
        free(pf->rules);
        free(pf->off);
        memset(pf, 0, sizeof(*pf));
}

struct nat_result nat_prefilter_eval(const struct device *dev, const struct nat_prefilter *pf,
                                     size_t i, const struct flowbox *flow, const char *in,
                                     const char *out)
{
        /* A read-only view of the device whose NAT list is the candidates. */
        struct device view = *dev;
        size_t n = pf->off[i + 1] - pf->off[i];
        view.nat_rules.v = (void **)(pf->rules + pf->off[i]);
        view.nat_rules.n = view.nat_rules.cap = n;
        view.nat_order = view.nat_rules;
        return nat_eval(&view, flow, in, out);
}
