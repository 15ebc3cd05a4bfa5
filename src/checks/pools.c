/*
 * pool-overlaps-inside: a VPN address pool inside a network the head end
 * reaches on another interface; pool-network-broadcast: a pool that hands
 * out its subnet's network or broadcast address.
 */
#include <stdint.h>

#include "../util/ipv4.h"
#include "../model/in_use.h"
#include "checks_list.h"
#include "ra_common.h"

static bool overlaps(const struct local_pool *p, uint32_t net, uint32_t mask)
{
        uint32_t lo = net & mask, hi = lo | ~mask;
        return p->lo <= hi && lo <= p->hi;
}

/* cond: NULL for an error, else the condition under which the overlap
 * breaks (a warning, docs/severity.md); why: its evidence line. */
static int report_overlap(struct check_ctx *c, const struct local_pool *p, const struct loc *at,
                          const char *what, const char *where, uint32_t net, uint32_t mask,
                          const char *cond, const struct loc *why)
{
        char a[16], b[16], n[16], m[16];
        struct finding *f = check_report(c, &p->loc);
        if (f && cond)
                f->severity = SEV_WARNING;
        if (!f ||
            finding_title(c->fs, f, "address pool '%s' (%s-%s) overlaps %s %s/%s on '%s'%s%s",
                          p->name, ipv4_str(p->lo, a), ipv4_str(p->hi, b), what,
                          ipv4_str(net & mask, n), ipv4_str(mask, m), where, cond ? ": " : "",
                          cond ? cond : "") ||
            finding_evidence(c->fs, f, at) || (why && finding_evidence(c->fs, f, why)))
                return -1;
        const char *vars[] = {"pool", p->name, NULL};
        return check_fix(c, f, vars);
}

/* The first interface other than the one facing the peers whose connected
 * network holds part of the pool. */
static const struct iface *inside_iface(const struct device *d, const struct local_pool *p)
{
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *ifc = d->ifaces.v[i];
                if (ifc->has_addr && !ifc->shutdown && !ifc->is_tunnel && !ra_is_vpn_if(d, ifc) &&
                    overlaps(p, ifc->addr, ifc->mask))
                        return ifc;
        }
        return NULL;
}

/* The exit interface of a route: its own, else where its next hop lies. */
static const struct iface *route_iface(const struct device *d, const struct route *r)
{
        const struct iface *ifc = r->ifname ? model_get_nameif(d, r->ifname) : NULL;
        if (!ifc && r->ifname)
                ifc = model_get_iface(d, r->ifname);
        if (!ifc && r->has_nexthop)
                ifc = model_route_lookup(d, r->nexthop, NULL);
        return ifc;
}

/* A static route (not the default, not reverse-route injection, which
 * routes the pool itself towards the clients) leading inside. */
static const struct route *inside_route(const struct device *d, const struct local_pool *p)
{
        for (size_t i = 0; i < d->routes.n; i++) {
                const struct route *r = d->routes.v[i];
                if (r->mask == 0 || r->reverse_route || !overlaps(p, r->net, r->mask))
                        continue;
                const struct iface *ifc = route_iface(d, r);
                if (ifc && !ra_is_vpn_if(d, ifc))
                        return r;
        }
        return NULL;
}

int check_pool_overlaps_inside(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->pools.n; i++) {
                const struct local_pool *p = d->pools.v[i];
                /* only a pool some client gets can collide (model/in_use.c) */
                if (p->ipv6 || !iu_pool_handed_out(d, p->name))
                        continue;
                const struct iface *ifc = inside_iface(d, p);
                const struct route *r = ifc ? NULL : inside_route(d, p);
                const struct loc *arp = ifc ? iu_pool_proxy_arp(d, p, ifc) : NULL;
                const struct loc *host = r ? iu_client_host_routes(d) : NULL;
                int rc = 0;
                if (ifc)
                        rc = report_overlap(
                            c, p, &ifc->loc, "the connected network",
                            ifc->nameif ? ifc->nameif : ifc->name, ifc->addr, ifc->mask,
                            arp ? "the ASA answers ARP there for the clients (proxy ARP "
                                  "for VPN client addresses, on unless 'sysopt noproxyarp'), "
                                  "so this breaks only when a host on that subnet uses one of "
                                  "the pool's addresses"
                                : NULL,
                            arp && arp->line ? arp : NULL);
                else if (r)
                        rc = report_overlap(
                            c, p, &r->loc, "the routed network",
                            r->ifname ? r->ifname : route_iface(d, r)->name, r->net, r->mask,
                            host ? "each connected client is reached by the host route its "
                                   "session installs, more specific than this one, so this "
                                   "breaks only when an inside host uses one of the pool's "
                                   "addresses"
                                 : NULL,
                            host && host->line ? host : NULL);
                if (rc)
                        return -1;
        }
        return 0;
}

/* ---- pool-network-broadcast ---------------------------------------------- */

/* The first network (want_bcast false) or broadcast address of a mask-M
 * subnet inside [lo, hi]; false when there is none. */
static bool special_in(uint32_t lo, uint32_t hi, uint32_t mask, bool want_bcast, uint32_t *out)
{
        uint32_t host = ~mask;
        uint64_t a = want_bcast ? (uint64_t)(lo | host)
                                : ((lo & host) ? (uint64_t)(lo | host) + 1 : (uint64_t)lo);
        if (a > hi)
                return false;
        *out = (uint32_t)a;
        return true;
}

/* A corrected range: the same addresses in one subnet whose mask leaves out
 * its network and broadcast addresses (the judged mask when the range is
 * too small to hold a subnet of its own). */
static void corrected(const struct local_pool *p, uint32_t judged, uint32_t *lo, uint32_t *hi,
                      uint32_t *mask)
{
        *mask = ra_cover_mask(p->lo, p->hi);
        if (~*mask < 3)
                *mask = judged;
        uint32_t net = p->lo & *mask, bc = net | ~*mask;
        *lo = p->lo == net ? p->lo + 1 : p->lo;
        *hi = p->hi == bc ? p->hi - 1 : p->hi;
        if (*lo > *hi) {
                *lo = net + 1;
                *hi = bc - 1;
        }
}

static int report_special(struct check_ctx *c, const struct local_pool *p, uint32_t addr,
                          bool bcast, uint32_t mask)
{
        char a[16], b[16], x[16], m[16], nl[16], nh[16], nm[16];
        uint32_t lo, hi, fm;
        corrected(p, mask, &lo, &hi, &fm);
        struct finding *f = check_report(c, &p->loc);
        if (!f || finding_title(
                      c->fs, f,
                      "address pool '%s' (%s-%s) includes %s address %s of its subnet "
                      "(mask %s%s)",
                      p->name, ipv4_str(p->lo, a), ipv4_str(p->hi, b),
                      bcast ? "the broadcast" : "the network", ipv4_str(addr, x), ipv4_str(mask, m),
                      p->has_mask ? "" : ", assumed: the range is written as whole /24 blocks"))
                return -1;
        const char *vars[] = {"pool",           p->name,          "pool_first",
                              ipv4_str(lo, nl), "pool_last",      ipv4_str(hi, nh),
                              "pool_mask",      ipv4_str(fm, nm), NULL};
        return check_fix(c, f, vars);
}

/*
 * The mask to judge the pool by: its "mask M"; without one only a range
 * written as whole aligned /24 blocks (10.0.0.0-10.0.0.255) is taken to
 * include network and broadcast addresses, since the subnet the clients get
 * is not in the config (a range such as 10.76.41.1-10.76.42.254 is a valid
 * pool). 0: nothing to judge.
 */
static uint32_t judge_mask(const struct local_pool *p)
{
        if (p->ipv6)
                return 0;
        if (p->has_mask)
                return p->mask;
        return (p->lo & 0xffu) == 0 && (p->hi & 0xffu) == 0xffu ? 0xffffff00u : 0;
}

int check_pool_network_broadcast(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->pools.n; i++) {
                const struct local_pool *p = d->pools.v[i];
                uint32_t mask = judge_mask(p), addr = 0;
                if (!iu_pool_handed_out(d, p->name))
                        continue; /* no client gets its addresses (model/in_use.c) */
                /* /31 and /32 have no network or broadcast address (RFC 3021) */
                if (mask == 0 || ~mask < 3)
                        continue;
                /* the lowest of the two is the one named */
                uint32_t bcast;
                bool has_net = special_in(p->lo, p->hi, mask, false, &addr);
                bool has_bc = special_in(p->lo, p->hi, mask, true, &bcast);
                bool bc = has_bc && (!has_net || bcast < addr);
                if (!has_net && !has_bc)
                        continue;
                if (report_special(c, p, bc ? bcast : addr, bc, mask))
                        return -1;
        }
        return 0;
}
