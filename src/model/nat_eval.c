/* "Which NAT rule applies to this flow" (see nat_eval.h). */
#include "nat_eval.h"

#include <stdlib.h>
#include <string.h>

#include "acl_eval.h"

struct ctx {
        const struct device *dev;
        bool inexact;
        bool overflow;
};

/* ---- interfaces ------------------------------------------------------ */

enum role { ROLE_ANY, ROLE_INSIDE, ROLE_OUTSIDE, ROLE_NONE };

/* IOS: the NAT role of an interface name or of a literal role word. */
static enum role ios_role(const struct device *dev, const char *ifname)
{
        if (!ifname)
                return ROLE_ANY;
        if (strcmp(ifname, "inside") == 0)
                return ROLE_INSIDE;
        if (strcmp(ifname, "outside") == 0)
                return ROLE_OUTSIDE;
        const struct iface *i = model_get_iface(dev, ifname);
        if (i && i->nat_inside)
                return ROLE_INSIDE;
        if (i && i->nat_outside)
                return ROLE_OUTSIDE;
        return ROLE_NONE;
}

static bool role_ok(enum role have, enum role want)
{
        return have == ROLE_ANY || have == want;
}

static bool asa_if_ok(const char *rule_if, const char *flow_if)
{
        return !rule_if || !flow_if || strcmp(rule_if, "any") == 0 || strcmp(rule_if, flow_if) == 0;
}

/* IOS: "ip nat inside source ... vrf V" translates the traffic of VRF V only,
 * a rule without vrf the global table's only (IOS XE NAT configuration guide,
 * "NAT virtual routing and forwarding"). An unknown interface says nothing. */
static bool vrf_ok(const struct device *dev, const struct nat_rule *r, const char *in)
{
        const struct iface *i = in ? model_get_iface(dev, in) : NULL;
        if (!i)
                return true;
        if (!r->vrf || !i->vrf)
                return !r->vrf && !i->vrf;
        return strcmp(r->vrf, i->vrf) == 0;
}

static bool applies(const struct device *dev, const struct nat_rule *r, const char *in,
                    const char *out)
{
        if (r->inactive)
                return false;
        switch (r->kind) {
        case NAT_IOS_STATIC:
        case NAT_IOS_INSIDE_SOURCE:
                return vrf_ok(dev, r, in) && role_ok(ios_role(dev, in), ROLE_INSIDE) &&
                       role_ok(ios_role(dev, out), ROLE_OUTSIDE);
        case NAT_IOS_OUTSIDE_SOURCE:
                return role_ok(ios_role(dev, in), ROLE_OUTSIDE) &&
                       role_ok(ios_role(dev, out), ROLE_INSIDE);
        default:
                return asa_if_ok(r->real_if, in) && asa_if_ok(r->mapped_if, out);
        }
}

/* ---- match regions --------------------------------------------------- */

static int push_all(struct ctx *c, struct fbset *dst, const struct fbset *src)
{
        for (size_t i = 0; i < src->n; i++)
                if (fbset_push(dst, &src->v[i])) {
                        c->overflow = true;
                        return -1;
                }
        return 0;
}

/* Pieces of p whose source is in src (and destination in dst when given). */
static int addr_region(struct ctx *c, const struct nat_rule *r, const struct flowbox *p,
                       struct fbset *out)
{
        size_t ns = r->real_src.n ? r->real_src.n : 1;
        size_t nd = r->has_dst && r->real_dst.n ? r->real_dst.n : 1;
        c->inexact |= r->real_src.inexact || (r->has_dst && r->real_dst.inexact);
        for (size_t i = 0; i < ns; i++) {
                for (size_t j = 0; j < nd; j++) {
                        struct flowbox b = fb_any(), in;
                        if (r->real_src.n)
                                b.src = r->real_src.r[i];
                        if (r->has_dst && r->real_dst.n)
                                b.dst = r->real_dst.r[j];
                        if (fb_intersect(p, &b, &in) && fbset_push(out, &in)) {
                                c->overflow = true;
                                return -1;
                        }
                }
        }
        return 0;
}

static int acl_region(struct ctx *c, const char *name, const struct fbset *in, struct fbset *out)
{
        const struct acl *acl = model_get_acl(c->dev, name);
        if (!acl)
                c->inexact = true; /* an undefined ACL: we say it matches nothing */
        for (size_t i = 0; acl && i < acl->aces.n; i++)
                c->inexact |= ((const struct ace *)acl->aces.v[i])->inexact;
        for (size_t i = 0; acl && i < in->n; i++) {
                if (acl_split(acl, &in->v[i], out, NULL)) {
                        c->overflow = true;
                        return -1;
                }
        }
        return 0;
}

static int entry_cmp(const void *a, const void *b)
{
        const struct route_map_entry *x = *(const struct route_map_entry *const *)a;
        const struct route_map_entry *y = *(const struct route_map_entry *const *)b;
        return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* What one route-map entry matches of rest: every packet when it has no
 * "match ip address", else what any of its ACLs permits. */
static int rm_entry_region(struct ctx *c, const struct route_map_entry *e, const struct fbset *rest,
                           struct fbset *out)
{
        if (e->match_acls.n == 0)
                return push_all(c, out, rest);
        for (size_t a = 0; a < e->match_acls.n; a++)
                if (acl_region(c, e->match_acls.v[a], rest, out))
                        return -1;
        return 0;
}

/* IOS route-map semantics: entries in seq order; the first entry that
 * matches decides; a deny entry (or no entry) means "not by this rule". */
static int rm_region(struct ctx *c, const char *name, const struct fbset *in, struct fbset *out)
{
        const struct ptrvec *all = &c->dev->route_maps;
        const struct route_map_entry **ents = calloc(all->n ? all->n : 1, sizeof(*ents));
        struct fbset rest, hit;
        size_t n = 0;
        int rc = -1;
        fbset_init(&rest, out->max);
        fbset_init(&hit, out->max);
        if (!ents || push_all(c, &rest, in))
                goto done;
        for (size_t i = 0; i < all->n; i++) {
                const struct route_map_entry *e = all->v[i];
                if (e->name && strcmp(e->name, name) == 0)
                        ents[n++] = e;
        }
        qsort(ents, n, sizeof(*ents), entry_cmp);
        for (size_t i = 0; i < n && rest.n > 0; i++) {
                hit.n = 0;
                if (rm_entry_region(c, ents[i], &rest, &hit))
                        goto done;
                if (ents[i]->permit && push_all(c, out, &hit))
                        goto done;
                for (size_t h = 0; h < hit.n; h++)
                        if (fbset_subtract_box(&rest, &hit.v[h]))
                                goto done;
        }
        rc = 0;
done:
        c->overflow |= rc != 0;
        free(ents);
        fbset_free(&rest);
        fbset_free(&hit);
        return rc;
}

/* Everything of p that rule r matches, as pieces in out. */
static int rule_region(struct ctx *c, const struct nat_rule *r, const struct flowbox *p,
                       struct fbset *out)
{
        struct fbset a, b;
        int rc = -1;
        fbset_init(&a, out->max);
        fbset_init(&b, out->max);
        if (addr_region(c, r, p, &a))
                goto done;
        if (r->match_acl) {
                if (acl_region(c, r->match_acl, &a, &b))
                        goto done;
                fbset_free(&a);
                a = b;
                fbset_init(&b, out->max);
        }
        if (r->match_route_map && rm_region(c, r->match_route_map, &a, &b))
                goto done;
        rc = push_all(c, out, r->match_route_map ? &b : &a);
done:
        fbset_free(&a);
        fbset_free(&b);
        return rc;
}

/* ---- the walk -------------------------------------------------------- */

static const struct nat_rule **ordered(const struct device *dev, bool *owned)
{
        *owned = false;
        if (dev->nat_order.n == dev->nat_rules.n)
                return (const struct nat_rule **)dev->nat_order.v;
        const struct nat_rule **v = calloc(dev->nat_rules.n, sizeof(*v));
        if (v) {
                nat_order_rules(dev, v);
                *owned = true;
        }
        return v;
}

/* One rule against what is left; returns true when the walk is decided. */
static bool step(struct ctx *c, const struct nat_rule *r, const struct flowbox *flow,
                 struct fbset *rest, struct nat_result *res)
{
        struct fbset m;
        fbset_init(&m, rest->max);
        for (size_t i = 0; i < rest->n && !c->overflow; i++)
                if (rule_region(c, r, &rest->v[i], &m))
                        break;
        bool done = c->overflow;
        if (!done && m.n > 0) {
                if (!nat_rule_exempts(r)) {
                        res->verdict = NATV_TRANSLATE;
                        res->rule = r;
                        res->sample = m.v[0];
                        res->whole = fb_cover(m.v, m.n, flow, 0) == COVER_FULL;
                        done = true;
                } else {
                        if (!res->rule)
                                res->rule = r;
                        for (size_t i = 0; i < m.n && !c->overflow; i++)
                                c->overflow = fbset_subtract_box(rest, &m.v[i]) != 0;
                        done = c->overflow || rest->n == 0;
                        if (rest->n == 0)
                                res->verdict = NATV_EXEMPT;
                }
        }
        fbset_free(&m);
        return done;
}

struct nat_result nat_eval(const struct device *dev, const struct flowbox *flow,
                           const char *ingress, const char *egress)
{
        struct nat_result res = {.verdict = NATV_NONE};
        struct ctx c = {.dev = dev};
        bool owned = false;
        const struct nat_rule **order = dev->nat_rules.n ? ordered(dev, &owned) : NULL;
        if (dev->nat_rules.n && !order) {
                res.verdict = NATV_UNKNOWN;
                return res;
        }
        struct fbset rest;
        fbset_init(&rest, 0);
        c.overflow = fbset_push(&rest, flow) != 0;
        for (size_t i = 0; i < dev->nat_rules.n && !c.overflow; i++) {
                if (applies(dev, order[i], ingress, egress) &&
                    step(&c, order[i], flow, &rest, &res))
                        break;
        }
        if (c.overflow)
                res.verdict = NATV_UNKNOWN;
        res.inexact = c.inexact;
        fbset_free(&rest);
        if (order && owned)
                free(order);
        return res;
}
