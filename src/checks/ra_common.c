#include "ra_common.h"

#include <stdlib.h>
#include <string.h>

#include "../model/in_use.h"
#include "../util/strmap.h"

bool ra_tg_is_ra(const struct tunnel_group *tg)
{
        return iu_ra_group_used(tg); /* model/in_use.c */
}

void ra_tg_load(const struct device *dev, const struct tunnel_group *tg, unsigned ike,
                struct ra_tg *r)
{
        r->tg = tg;
        r->gp = tg->default_group_policy ? model_get_gp(dev, tg->default_group_policy) : NULL;
        r->gp_name = tg->default_group_policy ? tg->default_group_policy : "DfltGrpPolicy";
        r->ike = ike;
        group_policy_effective(dev, r->gp, &r->eff);
}

static unsigned psk_bits(enum psk_source s)
{
        switch (s) {
        case PSK_ASA_TUNNEL_GROUP:
                return RA_IKEV1;
        case PSK_ASA_IKEV2_LOCAL:
        case PSK_ASA_IKEV2_REMOTE:
                return RA_IKEV2;
        default:
                return 0;
        }
}

unsigned *ra_ike_bits(const struct device *dev)
{
        size_t n = dev->tunnel_groups.n;
        if (!n)
                return NULL;
        unsigned *bits = calloc(n, sizeof(*bits));
        struct arena a;
        struct strmap idx = {0};
        arena_init(&a, 0);
        for (size_t i = 0; bits && i < n; i++) {
                const struct tunnel_group *tg = dev->tunnel_groups.v[i];
                /* a trust-point in ipsec-attributes is IKEv1 certificate authentication */
                bits[i] = tg->trustpoint ? RA_IKEV1 : 0;
                if (strmap_put(&a, &idx, tg->name, &bits[i])) {
                        free(bits);
                        bits = NULL;
                }
        }
        for (size_t i = 0; bits && i < dev->psks.n; i++) {
                const struct psk *p = dev->psks.v[i];
                unsigned *b = p->tunnel_group ? strmap_get(&idx, p->tunnel_group) : NULL;
                if (b)
                        *b |= psk_bits(p->source);
        }
        arena_free(&a);
        /* a version that listens on no interface negotiates nothing: its
         * keys do not make the tunnel-group use it (model/in_use.c) */
        unsigned on = (iu_ike_enabled(dev, false) ? RA_IKEV1 : 0u) |
                      (iu_ike_enabled(dev, true) ? RA_IKEV2 : 0u);
        for (size_t i = 0; bits && i < n; i++)
                bits[i] &= on;
        return bits;
}

const char *ra_attr_owner(const struct device *dev, const struct group_policy *gp, size_t flag_off)
{
        if (gp && *(const bool *)((const char *)&gp->a + flag_off))
                return gp->name;
        const struct group_policy *d = model_get_gp(dev, "DfltGrpPolicy");
        if (d && *(const bool *)((const char *)&d->a + flag_off))
                return d->name;
        return NULL;
}

const struct ptrvec *ra_pools(const struct ra_tg *r)
{
        if (r->eff.pools_set && r->eff.address_pools.n)
                return &r->eff.address_pools;
        return &r->tg->address_pools;
}

static bool bound(const struct device *dev, const char *name)
{
        for (size_t i = 0; name && i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (b->ifname && !strcmp(b->ifname, name))
                        return true;
        }
        return false;
}

bool ra_is_vpn_if(const struct device *dev, const struct iface *ifc)
{
        if (dev->cmap_bindings.n)
                return bound(dev, ifc->nameif) || bound(dev, ifc->name);
        if (dev->platform == PLAT_IOS)
                return ifc->nat_outside;
        return ifc->nameif && !strcmp(ifc->nameif, "outside");
}

const char *ra_vpn_ifname(const struct device *dev)
{
        if (dev->cmap_bindings.n) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[0];
                if (b->ifname)
                        return b->ifname;
        }
        return "outside";
}

uint64_t ra_pool_size(const struct local_pool *p)
{
        return p->ipv6 ? 0 : (uint64_t)p->hi - p->lo + 1;
}

const struct loc *ra_loc_or(const struct loc *loc, const struct loc *fallback)
{
        return loc->line ? loc : fallback;
}

uint32_t ra_cover_mask(uint32_t lo, uint32_t hi)
{
        int len = 32;
        while (len > 0 && (lo >> (32 - len)) != (hi >> (32 - len)))
                len--;
        return len ? ~0u << (32 - len) : 0;
}

void ra_pool_net(const struct local_pool *p, uint32_t *net, uint32_t *mask)
{
        *mask = p->has_mask ? p->mask : ra_cover_mask(p->lo, p->hi);
        *net = p->lo & *mask;
}

bool ra_seen_line(uint32_t *seen, size_t *n, uint32_t line)
{
        for (size_t k = 0; k < *n; k++)
                if (seen[k] == line)
                        return true;
        seen[(*n)++] = line;
        return false;
}
