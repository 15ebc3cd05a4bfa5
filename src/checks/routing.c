/*
 * Routing towards the remote networks of the crypto ACLs.
 * - route-to-remote-missing: a crypto ACL destination whose route lookup
 *   (both ends of the range) does not leave through the interface carrying
 *   the crypto map, on an entry without reverse-route. A crypto map only
 *   sees packets that routing already sent out its interface.
 * - reverse-route-suggested: at least RRI_SUGGEST_MIN static routes exist
 *   only to send crypto ACL destinations of one map out its interface, and
 *   the entries that need them have no reverse-route.
 * Lookups are memoised per distinct destination range (sorted), so a large
 * ACL costs one route lookup per distinct remote network.
 *
 * Severity (docs/severity.md): an error when the config alone decides the
 * path (a connected network or a static route elsewhere, or no route and no
 * routing protocol); a warning that names its condition when a routing
 * protocol runs (model/in_use.c) and only the default route or nothing
 * answers: the protocol may learn the remote network via the crypto
 * interface. A map applied to several interfaces is satisfied by a route out
 * any of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/in_use.h"
#include "aclnat_util.h"
#include "checks_list.h"
#include "excerpt.h"

#define RRI_SUGGEST_MIN 5

/* The one other address of a point-to-point subnet (/30: the other host;
 * /31, RFC 3021: the other address), or 0. */
static uint32_t p2p_other(const struct iface *f)
{
        if (!f || !f->has_addr)
                return 0;
        if (f->mask == 0xFFFFFFFEu)
                return f->addr ^ 1u;
        if (f->mask != 0xFFFFFFFCu || (f->addr & 3u) == 0 || (f->addr & 3u) == 3)
                return 0;
        return (f->addr & ~3u) | (3u - (f->addr & 3u));
}

/* A route towards the peer, for the fix's next hop; without one, the other
 * end of a point-to-point crypto interface, the only next hop it has. */
static void nexthop_for(const struct device *d, const struct crypto_map_entry *e,
                        const char *ifname, char *buf, size_t n)
{
        snprintf(buf, n, "<nexthop>");
        const struct cm_peer *p = e->peers.n ? e->peers.v[0] : NULL;
        const struct route *via = NULL;
        if (p && p->is_addr && model_route_lookup(d, p->addr, &via)) {
                if (via && via->has_nexthop)
                        ip_text(via->nexthop, buf, n);
                else if (!via)
                        ip_text(p->addr, buf, n); /* the peer is on a connected network */
                return;
        }
        const struct iface *f = model_get_nameif(d, ifname);
        uint32_t other = p2p_other(f ? f : model_get_iface(d, ifname));
        if (other)
                ip_text(other, buf, n);
}

/* No interface address and no route: the config gives its crypto lines only
 * (a how-to's excerpt or a template), so where packets go is not shown. */
static bool routing_unseen(const struct device *d)
{
        if (d->routes.n)
                return false;
        for (size_t i = 0; i < d->ifaces.n; i++)
                if (((const struct iface *)d->ifaces.v[i])->has_addr)
                        return false;
        return true;
}

/* The remote network is connected here (a route lookup that ends on no
 * route): a static route cannot take it from a connected network
 * (administrative distance 0 against 1), so a route is no fix. */
static bool dst_connected(const struct device *d, struct range32 dst)
{
        const struct route *via = NULL;
        return model_route_lookup(d, dst.lo, &via) && !via;
}

/* The routing protocol that may still send dst out the crypto interface:
 * one runs and no connected network or specific static route decides. */
static const struct loc *learnt_maybe(const struct device *d, const struct iface *got,
                                      bool specific, struct range32 dst)
{
        const struct loc *igp = iu_dynamic_routing(d);
        if (!igp || (got && specific))
                return NULL;
        const struct route *via = NULL;
        if (got && (!model_route_lookup(d, dst.lo, &via) || !via))
                return NULL; /* connected: nothing a protocol learns beats it */
        return igp;
}

static int report_missing(struct check_ctx *c, const struct cbox *b, const struct iface *got,
                          const struct loc *igp)
{
        char dst[40], nh[16], cond[96] = "";
        range_text(b->box.dst, dst, sizeof(dst));
        if (igp)
                snprintf(cond, sizeof(cond), ", unless 'router %s' learns it via '%s'",
                         c->dev->dyn_routing, b->ifname);
        struct finding *f = check_report(c, &b->ace->loc);
        if (f && igp)
                f->severity = SEV_WARNING;
        if (!f ||
            (got ? finding_title(
                       c->fs, f,
                       "crypto map '%s' %d: remote network %s is routed out '%s', not the "
                       "crypto interface '%s'%s",
                       b->entry->map, b->entry->seq, dst, iface_id(got), b->ifname, cond)
                 : finding_title(c->fs, f,
                                 "crypto map '%s' %d: no route sends remote network %s out the "
                                 "crypto interface '%s'%s",
                                 b->entry->map, b->entry->seq, dst, b->ifname, cond)) ||
            finding_evidence(c->fs, f, &b->entry->loc) ||
            (igp && finding_evidence(c->fs, f, igp)) ||
            finding_set_peer(c->fs, f, entry_peer(b->entry)))
                return -1;
        if (got && dst_connected(c->dev, b->box.dst))
                return finding_explain(
                    c->fs, f,
                    "%s Here the remote network is a connected subnet of '%s': no route can "
                    "override a connected one, so no route is printed. Either the crypto ACL names "
                    "the wrong network, or the two sites overlap and one of them must be "
                    "renumbered or translated (NAT for overlapping networks).",
                    f->diag->explanation, iface_id(got));
        struct netvars r;
        net_vars(b->box.dst, &r);
        nexthop_for(c->dev, b->entry, b->ifname, nh, sizeof(nh));
        const char *vars[] = {"if",          b->ifname, "remote_net", r.net, "remote_mask", r.mask,
                              "remote_wild", r.wild,    "nexthop",    nh,    NULL};
        return check_fix(c, f, vars);
}

static int by_dst(const void *pa, const void *pb)
{
        const struct cbox *a = *(const struct cbox *const *)pa,
                          *b = *(const struct cbox *const *)pb;
        if (a->box.dst.lo != b->box.dst.lo)
                return a->box.dst.lo < b->box.dst.lo ? -1 : 1;
        if (a->box.dst.hi != b->box.dst.hi)
                return a->box.dst.hi < b->box.dst.hi ? -1 : 1;
        if (a->map_idx != b->map_idx)
                return a->map_idx < b->map_idx ? -1 : 1;
        return a < b ? -1 : a > b;
}

/* The boxes sorted by destination (then map, then collection order). */
static const struct cbox **sorted_by_dst(const struct cboxes *s)
{
        const struct cbox **v = malloc((s->n ? s->n : 1) * sizeof(*v));
        for (size_t i = 0; v && i < s->n; i++)
                v[i] = &s->v[i];
        if (v)
                qsort(v, s->n, sizeof(*v), by_dst);
        return v;
}

/* got is one of the interfaces that carry map: a map applied to several
 * interfaces encrypts what leaves by any of them. */
static bool leaves_by_map(const struct device *d, const struct iface *got, const char *map)
{
        const struct crypto_map_binding *bd;
        for (size_t k = 0; got && (bd = iu_map_binding(d, map, k)); k++)
                if (iface_is(got, bd->ifname))
                        return true;
        return false;
}

/* Does the device have the crypto interface at all? A map bound to a name
 * that no interface has is crypto-map-not-applied's finding. */
static bool iface_exists(const struct device *d, const char *name)
{
        return name && (model_get_nameif(d, name) || model_get_iface(d, name));
}

/* Another map protects the same remote network on the interface the route
 * uses: a primary / backup pair of links, where the route picks the one in
 * use (Cisco "ASA dual ISP with IPsec backup"). */
static bool other_map_on_route(const struct cbox **v, size_t n, size_t i, const struct iface *got)
{
        const struct range32 d = v[i]->box.dst;
        for (size_t j = i; j-- > 0 && v[j]->box.dst.lo == d.lo && v[j]->box.dst.hi == d.hi;)
                if (iface_is(got, v[j]->ifname))
                        return true;
        for (size_t j = i + 1; j < n && v[j]->box.dst.lo == d.lo && v[j]->box.dst.hi == d.hi; j++)
                if (iface_is(got, v[j]->ifname))
                        return true;
        return false;
}

int check_route_to_remote_missing(struct check_ctx *c)
{
        /* A template of crypto lines goes into a config that has its routes. */
        if (excerpt_unseen(c->dev, c->dev->routes.n) || routing_unseen(c->dev))
                return 0;
        struct cboxes s;
        const struct cbox **v = NULL;
        int rc = cboxes_collect(c->dev, &s);
        if (rc == 0 && !(v = sorted_by_dst(&s)))
                rc = -1;
        const struct iface *got = NULL;
        const struct ace *last = NULL;
        bool specific = false; /* of got, kept while the destination repeats */
        for (size_t i = 0; rc == 0 && i < s.n; i++) {
                const struct cbox *b = v[i];
                bool same = i && v[i - 1]->box.dst.lo == b->box.dst.lo &&
                            v[i - 1]->box.dst.hi == b->box.dst.hi;
                if (!same)
                        got = route_range(c->dev, b->box.dst, &specific);
                if (b->entry->reverse_route || leaves_by_map(c->dev, got, b->entry->map) ||
                    b->ace == last)
                        continue;
                const struct iface *inside;
                if (cbox_reversed(c->dev, b, &inside))
                        continue; /* crypto-acl-reversed's finding, not a routing one */
                if (b->box.dst.lo == 0 && b->box.dst.hi == UINT32_MAX && !got)
                        continue; /* "any": no single route answers for it */
                if (!iface_exists(c->dev, b->ifname) || other_map_on_route(v, s.n, i, got))
                        continue;
                last = b->ace;
                rc = report_missing(c, b, got, learnt_maybe(c->dev, got, specific, b->box.dst));
        }
        free(v);
        cboxes_free(&s);
        return rc;
}

/* ---- reverse-route-suggested ----------------------------------------- */

/* Is there a crypto box of map `map` with exactly this destination whose
 * entry lacks reverse-route? Binary search over the dst-sorted boxes. */
static const struct cbox *needs_rri(const struct cbox **v, size_t n, struct range32 r, size_t map)
{
        size_t lo = 0, hi = n;
        while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                const struct range32 *d = &v[mid]->box.dst;
                if (d->lo < r.lo || (d->lo == r.lo && d->hi < r.hi))
                        lo = mid + 1;
                else
                        hi = mid;
        }
        for (; lo < n && v[lo]->box.dst.lo == r.lo && v[lo]->box.dst.hi == r.hi; lo++)
                if (v[lo]->map_idx == map && !v[lo]->entry->reverse_route)
                        return v[lo];
        return NULL;
}

static int suggest(struct check_ctx *c, const struct cbox *first, const struct route **rt, size_t n)
{
        struct finding *f = check_report(c, &rt[0]->loc);
        char seq[16];
        snprintf(seq, sizeof(seq), "%d", first->entry->seq);
        if (!f ||
            finding_title(c->fs, f,
                          "%zu static routes only send crypto map '%s' remote networks out '%s'; "
                          "reverse-route would install them",
                          n, first->entry->map, first->ifname))
                return -1;
        for (size_t i = 1; i < n && i < 5; i++)
                if (finding_evidence(c->fs, f, &rt[i]->loc))
                        return -1;
        const char *vars[] = {"map", first->entry->map, "seq", seq, NULL};
        return check_fix(c, f, vars);
}

static int suggest_map(struct check_ctx *c, const struct cbox **v, size_t n, size_t map,
                       const char *ifname, const struct route **rt)
{
        const struct device *d = c->dev;
        const struct cbox *first = NULL;
        size_t k = 0;
        for (size_t i = 0; i < d->routes.n; i++) {
                const struct route *r = d->routes.v[i];
                if (r->reverse_route || r->mask == 0 || r->vrf)
                        continue;
                const struct cbox *b = needs_rri(v, n, range_from_mask(r->net, r->mask), map);
                const struct iface *got = b ? model_route_lookup(d, r->net, NULL) : NULL;
                if (!b || !iface_is(got, ifname))
                        continue;
                if (!first)
                        first = b;
                rt[k++] = r;
        }
        return k >= RRI_SUGGEST_MIN ? suggest(c, first, rt, k) : 0;
}

int check_reverse_route_suggested(struct check_ctx *c)
{
        const struct device *d = c->dev;
        struct cboxes s;
        const struct cbox **v = NULL;
        const struct route **rt = NULL;
        int rc = cboxes_collect(d, &s);
        if (rc == 0 && (!(v = sorted_by_dst(&s)) ||
                        !(rt = malloc((d->routes.n ? d->routes.n : 1) * sizeof(*rt)))))
                rc = -1;
        size_t last_map = SIZE_MAX;
        for (size_t i = 0; rc == 0 && i < s.n; i++) {
                if (s.v[i].map_idx == last_map)
                        continue;
                last_map = s.v[i].map_idx;
                rc = suggest_map(c, v, s.n, last_map, s.v[i].ifname, rt);
        }
        free(rt);
        free(v);
        cboxes_free(&s);
        return rc;
}
