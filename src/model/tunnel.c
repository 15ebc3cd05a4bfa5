/* Tunnel interface questions (tunnel.h). */
#include "tunnel.h"

#include <string.h>

#include "../util/ipv4.h"

bool tunnel_is_ipv4(const struct iface *t)
{
        return t->is_tunnel && !t->shutdown &&
               (t->tunnel_kind == TUNK_GRE || t->tunnel_kind == TUNK_MGRE ||
                t->tunnel_kind == TUNK_IPSEC);
}

bool tunnel_source_addr(const struct device *dev, const struct iface *t, uint32_t *addr,
                        const struct iface **src)
{
        const struct iface *f = t->tunnel_source ? model_get_iface(dev, t->tunnel_source) : NULL;
        if (!f && t->tunnel_source)
                f = model_get_nameif(dev, t->tunnel_source); /* ASA "tunnel source interface IF" */
        if (src)
                *src = f;
        if (f)
                return f->has_addr ? (*addr = f->addr, true) : false;
        return t->tunnel_source && lex_ipv4(t->tunnel_source, addr);
}

const char *tunnel_source_vrf(const struct device *dev, const struct iface *t)
{
        const struct iface *f = NULL;
        uint32_t a;
        if (tunnel_source_addr(dev, t, &a, &f) && !f) {
                /* a literal address: the interface that holds it */
                for (size_t i = 0; i < dev->ifaces.n && !f; i++) {
                        const struct iface *x = dev->ifaces.v[i];
                        if (x->has_addr && x->addr == a && !x->is_tunnel)
                                f = x;
                }
        }
        return f ? f->vrf : NULL;
}

bool tunnel_source_dynamic(const struct device *dev, const struct iface *t)
{
        uint32_t a;
        const struct iface *src = NULL;
        return !tunnel_source_addr(dev, t, &a, &src) && src && (src->dhcp || src->negotiated);
}

bool tunnel_source_absent(const struct device *dev, const struct iface *t)
{
        uint32_t a;
        const struct iface *src = NULL;
        return t->tunnel_source && !tunnel_source_addr(dev, t, &a, &src) && !src;
}

bool nhrp_nhs_nbma(const struct iface *t, const struct nhrp_nhs *s, uint32_t *nbma)
{
        if (s->has_nbma) {
                *nbma = s->nbma;
                return true;
        }
        for (size_t i = 0; s->has_tunnel && i < t->nhrp.maps.n; i++) {
                const struct nhrp_map *m = t->nhrp.maps.v[i];
                if (m->tunnel == s->tunnel) {
                        *nbma = m->nbma;
                        return true;
                }
        }
        return false;
}

bool dev_holds_addr(const struct device *dev, uint32_t addr)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                uint32_t a;
                if (f->has_addr && f->addr == addr)
                        return true;
                /* "tunnel source A" on an interface whose address comes from DHCP */
                if (f->is_tunnel && f->tunnel_source && lex_ipv4(f->tunnel_source, &a) && a == addr)
                        return true;
        }
        return false;
}

static bool sourced_from(const struct device *dev, const struct iface *t, uint32_t local)
{
        uint32_t a;
        return !tunnel_source_addr(dev, t, &a, NULL) || a == local;
}

const struct iface *tunnel_for_peer(const struct device *dev, uint32_t local, uint32_t peer,
                                    bool unprotected)
{
        const struct iface *multi = NULL;
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *t = dev->ifaces.v[i];
                if (!tunnel_is_ipv4(t) || !t->tunnel_protection != unprotected ||
                    !sourced_from(dev, t, local))
                        continue;
                if (t->tunnel_kind != TUNK_MGRE && t->has_tunnel_dest && t->tunnel_dest == peer)
                        return t;
                if (t->tunnel_kind == TUNK_MGRE && !multi)
                        multi = t;
        }
        return multi;
}
