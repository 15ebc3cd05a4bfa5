/*
 * Values a fix template needs that the config itself decides, so that a
 * printed fix holds no placeholder for them (fix_values.h): a free address
 * pool, a pool name. Only what truly cannot be known (a DNS server, a
 * domain) stays a named placeholder.
 */
#include "fix_values.h"

#include <stdio.h>
#include <string.h>

#include "../config/lex.h"

static bool overlaps(uint32_t lo, uint32_t hi, uint32_t a, uint32_t b)
{
        return lo <= b && a <= hi;
}

/* Does [lo, hi] touch an interface network, a route (not the default), a
 * pool, or an address an ACL names (crypto, split-tunnel, NAT ACLs)? */
static bool in_use(const struct device *d, uint32_t lo, uint32_t hi)
{
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                if (f->has_addr && overlaps(lo, hi, f->addr & f->mask, f->addr | ~f->mask))
                        return true;
        }
        for (size_t i = 0; i < d->routes.n; i++) {
                const struct route *r = d->routes.v[i];
                if (r->mask && overlaps(lo, hi, r->net & r->mask, r->net | ~r->mask))
                        return true;
        }
        for (size_t i = 0; i < d->pools.n; i++) {
                const struct local_pool *p = d->pools.v[i];
                if (!p->ipv6 && overlaps(lo, hi, p->lo, p->hi))
                        return true;
        }
        for (size_t i = 0; i < d->acls.n; i++) {
                const struct acl *a = d->acls.v[i];
                for (size_t j = 0; j < a->aces.n; j++) {
                        const struct ace *e = a->aces.v[j];
                        for (size_t k = 0; k < e->nboxes; k++) {
                                const struct flowbox *b = &e->boxes[k];
                                bool src_any = b->src.lo == 0 && b->src.hi == UINT32_MAX;
                                bool dst_any = b->dst.lo == 0 && b->dst.hi == UINT32_MAX;
                                if ((!src_any && overlaps(lo, hi, b->src.lo, b->src.hi)) ||
                                    (!dst_any && overlaps(lo, hi, b->dst.lo, b->dst.hi)))
                                        return true;
                        }
                }
        }
        return false;
}

bool fix_free_pool(const struct device *d, uint32_t *first, uint32_t *last, uint32_t *mask)
{
        /* private /24s far from the usual LAN numbering (RFC 1918) */
        static const uint32_t bases[] = {0xc0a8c800u /* 192.168.200.0 */,
                                         0xac1fc800u /* 172.31.200.0 */,
                                         0x0ac80000u /* 10.200.0.0 */};
        for (size_t b = 0; b < sizeof(bases) / sizeof(bases[0]); b++)
                for (uint32_t n = 0; n < 50; n++) {
                        uint32_t net = bases[b] + (n << 8);
                        if (!in_use(d, net, net | 0xffu)) {
                                *first = net + 1, *last = net + 254, *mask = 0xffffff00u;
                                return true;
                        }
                }
        return false;
}

bool fix_inside_net(const struct device *d, uint32_t *net, uint32_t *mask)
{
        const struct iface *best = NULL;
        for (size_t i = 0; i < d->ifaces.n; i++) {
                const struct iface *f = d->ifaces.v[i];
                if (!f->has_addr || f->is_tunnel || f->shutdown || f->mask == 0xffffffffu)
                        continue;
                if ((f->nameif && !strcmp(f->nameif, "inside")) || f->nat_inside) {
                        best = f;
                        break;
                }
                /* else the most trusted ASA interface that is not the outside */
                if (f->nameif && strcmp(f->nameif, "outside") &&
                    (!best || f->security_level > best->security_level))
                        best = f;
        }
        if (!best)
                return false;
        *net = best->addr & best->mask, *mask = best->mask;
        return true;
}

void fix_pool_name(const struct device *d, const char *owner, char *buf, size_t n)
{
        snprintf(buf, n, "%s-POOL", owner && *owner && !lex_is_placeholder(owner) ? owner : "VPN");
        for (int k = 2; model_get_pool(d, buf) && k < 100; k++)
                snprintf(buf, n, "%s-POOL%d", owner && *owner ? owner : "VPN", k);
}
