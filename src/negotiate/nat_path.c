/* Static NAT between the peers (see nat_path.h). */
#include "nat_path.h"

#include <string.h>

#include "../util/ipv4.h"
#include "discover.h"
#include "side_int.h"

int path_add_nat(struct path_opts *p, uint32_t outside, uint32_t inside, const struct loc *loc,
                 const char *device)
{
        const struct nat_map *m = path_nat_outside(p, outside);
        if (m)
                return m->inside == inside ? 0 : -1;
        if (p->nnat >= PATH_MAX_NAT)
                return -1;
        p->nat_map[p->nnat++] = (struct nat_map){outside, inside, loc, device};
        return 0;
}

/* A written address, or a network object holding exactly one address. */
static bool one_addr(const struct device *dev, const char *text, uint32_t *out)
{
        if (!text)
                return false;
        if (lex_ipv4(text, out))
                return true;
        const struct object *o = model_get_object(dev, text);
        if (!o || o->addrs.inexact || o->addrs.n != 1 || o->addrs.r[0].lo != o->addrs.r[0].hi)
                return false;
        *out = o->addrs.r[0].lo;
        return true;
}

/* A port forward ("static tcp|udp ...", "service tcp ...") moves some ports
 * only: not the one-to-one translation IKE and ESP go through. */
static bool port_static(const struct nat_rule *r)
{
        const char *t = r->loc.text ? r->loc.text : "";
        return strstr(t, " tcp ") || strstr(t, " udp ") || strstr(t, " service ");
}

int path_nat_from_device(struct path_opts *p, const struct device *dev)
{
        int n = 0;
        for (size_t i = 0; i < dev->nat_rules.n; i++) {
                const struct nat_rule *r = dev->nat_rules.v[i];
                uint32_t out;
                if ((r->kind != NAT_IOS_STATIC && r->kind != NAT_LEGACY_STATIC &&
                     r->kind != NAT_OBJECT) ||
                    r->inactive || r->src_xlate != NAT_XLATE_STATIC || r->match_acl ||
                    r->match_route_map || r->has_dst || r->real_src.inexact || r->real_src.n != 1 ||
                    r->real_src.r[0].lo != r->real_src.r[0].hi || port_static(r) ||
                    !one_addr(dev, r->mapped_src_text, &out))
                        continue;
                if (path_add_nat(p, out, r->real_src.r[0].lo, &r->loc, device_label(dev)))
                        return -1;
                n++;
        }
        return n;
}

const struct nat_map *path_nat_outside(const struct path_opts *p, uint32_t addr)
{
        for (size_t i = 0; p && i < p->nnat; i++)
                if (p->nat_map[i].outside == addr)
                        return &p->nat_map[i];
        return NULL;
}

const struct nat_map *path_nat_inside(const struct path_opts *p, uint32_t addr)
{
        for (size_t i = 0; p && i < p->nnat; i++)
                if (p->nat_map[i].inside == addr)
                        return &p->nat_map[i];
        return NULL;
}

bool path_dev_owns(const struct path_opts *p, const struct device *dev, uint32_t addr)
{
        const struct nat_map *m = path_nat_outside(p, addr);
        return dev_owns_addr(dev, addr) || (m && dev_owns_addr(dev, m->inside));
}

/* a names, in a static crypto map entry or a tunnel destination, an
 * address that reaches b through a translation of p. */
static bool names_through(const struct device *a, const struct device *b, const struct path_opts *p)
{
        for (size_t i = 0; p->nnat && i < a->crypto_maps.n; i++) {
                const struct crypto_map *m = a->crypto_maps.v[i];
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        for (size_t q = 0; !e->is_dynamic_ref && q < e->peers.n; q++) {
                                const struct cm_peer *pe = e->peers.v[q];
                                if (pe->is_addr && path_dev_owns(p, b, pe->addr))
                                        return true;
                        }
                }
        }
        for (size_t k = 0; p->nnat && k < a->ifaces.n; k++) {
                const struct iface *f = a->ifaces.v[k];
                if (f->is_tunnel && f->has_tunnel_dest && path_dev_owns(p, b, f->tunnel_dest))
                        return true;
        }
        return false;
}

bool pair_connected_path(const struct device *a, const struct device *b, const struct path_opts *p)
{
        return pair_connected(a, b) || names_through(a, b, p) || names_through(b, a, p) ||
               side_misaddressed(a, b, p) || side_misaddressed(b, a, p);
}
