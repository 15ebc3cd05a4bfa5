/*
 * Config checks of tunnel interfaces (diagnoses.md section 10): a tunnel
 * source in a VRF the tunnel does not use, no route to the tunnel's peer in
 * its front-door VRF, a route to the peer through the tunnel itself, and
 * an mGRE interface without NHRP. Only what the config shows is judged:
 * routes a routing protocol learns are not in it, so a table without any
 * static route proves nothing.
 */
#include <stdio.h>
#include <string.h>

#include "../util/ipv4.h"
#include "../model/tunnel.h"
#include "checks_list.h"

static bool same_vrf(const char *a, const char *b)
{
        return a == b || (a && b && !strcmp(a, b));
}

/* The addresses a tunnel sends to: its destination, or its NHS NBMAs. */
static size_t tunnel_peers(const struct iface *t, uint32_t *out, size_t cap)
{
        size_t n = 0;
        if (t->tunnel_kind != TUNK_MGRE && t->has_tunnel_dest && cap)
                out[n++] = t->tunnel_dest;
        for (size_t i = 0; i < t->nhrp.nhs.n && n < cap; i++)
                if (nhrp_nhs_nbma(t, t->nhrp.nhs.v[i], &out[n]))
                        n++;
        return n;
}

int check_tunnel_vrf_missing(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *t = d->ifaces.v[i];
                const char *sv = tunnel_is_ipv4(t) ? tunnel_source_vrf(d, t) : NULL;
                /* Cisco VRF-Aware IPsec: "tunnel vrf" names the VRF of the tunnel
                 * source; a source in a VRF without it is looked up globally. */
                if (!sv || same_vrf(sv, t->tunnel_vrf))
                        continue;
                const char *v[] = {"if", t->name, "vrf", sv, NULL};
                const struct loc *loc =
                    t->tunnel_vrf_loc.line ? &t->tunnel_vrf_loc : &t->tunnel_source_loc;
                struct finding *f = check_report(c, loc->line ? loc : &t->loc);
                if (!f ||
                    finding_title(c->fs, f,
                                  "%s's source is in VRF %s but the tunnel %s: its "
                                  "destination is looked up in the wrong table",
                                  t->name, sv,
                                  t->tunnel_vrf ? "uses another 'tunnel vrf'"
                                                : "has no 'tunnel vrf'") ||
                    check_fix(c, f, v))
                        return -1;
        }
        return 0;
}

/* The gateway of the tunnel source's subnet in vrf: the next hop of a static
 * route there that lies on that subnet (the router already uses it), else
 * the other end of a point-to-point (/30, /31) source subnet; NULL when the
 * config does not say. */
static const char *source_gateway(const struct device *d, const struct iface *t, const char *vrf,
                                  char buf[16])
{
        const struct iface *f = t->tunnel_source ? model_get_iface(d, t->tunnel_source) : NULL;
        if (!f || !f->has_addr)
                return NULL;
        for (size_t i = 0; i < d->routes.n; i++) {
                const struct route *r = d->routes.v[i];
                if (same_vrf(r->vrf, vrf) && r->has_nexthop && !r->placeholder &&
                    (r->nexthop & f->mask) == (f->addr & f->mask) && r->nexthop != f->addr)
                        return ipv4_str(r->nexthop, buf);
        }
        if (f->mask == 0xFFFFFFFEu)
                return ipv4_str(f->addr ^ 1u, buf);
        if (f->mask == 0xFFFFFFFCu && (f->addr & 3u) != 0 && (f->addr & 3u) != 3u)
                return ipv4_str((f->addr & ~3u) | (3u - (f->addr & 3u)), buf);
        return NULL;
}

int check_tunnel_vrf_no_route(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *t = d->ifaces.v[i];
                uint32_t peers[8];
                if (!tunnel_is_ipv4(t) || !t->tunnel_vrf ||
                    !same_vrf(tunnel_source_vrf(d, t), t->tunnel_vrf) ||
                    !vrf_has_static_routes(d, t->tunnel_vrf))
                        continue;
                size_t n = tunnel_peers(t, peers, 8);
                for (size_t k = 0; k < n; k++) {
                        if (model_route_lookup_vrf(d, t->tunnel_vrf, peers[k], NULL))
                                continue;
                        char ip[16], gw[16];
                        ipv4_str(peers[k], ip);
                        const char *v[] = {"vrf",     t->tunnel_vrf,
                                           "peer",    ip,
                                           "nexthop", source_gateway(d, t, t->tunnel_vrf, gw),
                                           NULL};
                        struct finding *f = check_report(c, &t->tunnel_vrf_loc);
                        if (!f || finding_set_peer(c->fs, f, ip) ||
                            finding_title(c->fs, f,
                                          "%s: no route to its peer %s in its front-door VRF %s",
                                          t->name, ip, t->tunnel_vrf) ||
                            check_fix(c, f, v))
                                return -1;
                }
        }
        return 0;
}

/* The underlay next hop towards peer: a static route in vrf that covers
 * it and does not leave by a tunnel. */
static const char *underlay_hop(const struct device *d, const char *vrf, uint32_t peer,
                                char buf[16])
{
        for (size_t i = 0; i < d->routes.n; i++) {
                const struct route *r = d->routes.v[i];
                const struct iface *x = r->ifname ? model_get_iface(d, r->ifname) : NULL;
                if (same_vrf(r->vrf, vrf) && r->has_nexthop && (peer & r->mask) == r->net &&
                    !(x && x->is_tunnel)) {
                        ipv4_str(r->nexthop, buf);
                        return buf;
                }
        }
        return NULL;
}

int check_tunnel_recursive_routing(struct check_ctx *c)
{
        const struct device *d = c->dev;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *t = d->ifaces.v[i];
                uint32_t peers[8];
                size_t n = tunnel_is_ipv4(t) ? tunnel_peers(t, peers, 8) : 0;
                for (size_t k = 0; k < n; k++) {
                        const struct route *via = NULL;
                        if (model_route_lookup_vrf(d, t->tunnel_vrf, peers[k], &via) != t || !via)
                                continue;
                        char ip[16], hop[16];
                        ipv4_str(peers[k], ip);
                        const char *nh = underlay_hop(d, t->tunnel_vrf, peers[k], hop);
                        struct finding *f = check_report(c, &via->loc);
                        if (!f || finding_evidence(c->fs, f, &t->loc) ||
                            finding_set_peer(c->fs, f, ip) ||
                            finding_title(c->fs, f,
                                          "The route to %s's destination %s leaves through %s "
                                          "itself: the tunnel goes down (recursive routing)",
                                          t->name, ip, t->name))
                                return -1;
                        if (t->tunnel_vrf) {
                                char line[200];
                                snprintf(line, sizeof(line),
                                         "ip route vrf %s %s 255.255.255.255 %s", t->tunnel_vrf, ip,
                                         nh ? nh : "<nexthop>");
                                const char *lines[] = {line};
                                if (finding_fix_lines(c->fs, f, d, lines, 1, NULL))
                                        return -1;
                        } else {
                                const char *v[] = {"peer", ip, "nexthop", nh, NULL};
                                if (check_fix(c, f, v))
                                        return -1;
                        }
                }
        }
        return 0;
}

int check_nhrp_network_id_missing(struct check_ctx *c)
{
        const struct device *d = c->dev;
        char id[16] = "1"; /* locally significant: any number enables NHRP */
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *t = d->ifaces.v[i];
                if (t->nhrp.has_network_id)
                        snprintf(id, sizeof(id), "%u", (unsigned)t->nhrp.network_id);
        }
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *t = d->ifaces.v[i];
                if (!tunnel_is_ipv4(t) || t->tunnel_kind != TUNK_MGRE || t->nhrp.has_network_id)
                        continue;
                const char *v[] = {"if", t->name, "nhrp_id", id, NULL};
                struct finding *f = check_report(c, &t->loc);
                if (!f || check_fix(c, f, v))
                        return -1;
        }
        return 0;
}
