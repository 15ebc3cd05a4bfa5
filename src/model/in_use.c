/* Is it in use (see in_use.h). */
#include "in_use.h"

#include <string.h>
#include <strings.h>

const struct loc *iu_dynamic_routing(const struct device *dev)
{
        return dev->dyn_routing ? &dev->dyn_routing_loc : NULL;
}

static bool binds(const struct crypto_map_binding *b, const char *map)
{
        return b->map && map && !strcmp(b->map, map);
}

size_t iu_map_binding_count(const struct device *dev, const char *map)
{
        size_t n = 0;
        for (size_t i = 0; i < dev->cmap_bindings.n; i++)
                n += binds(dev->cmap_bindings.v[i], map);
        return n;
}

const struct crypto_map_binding *iu_map_binding(const struct device *dev, const char *map, size_t k)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (binds(b, map) && k-- == 0)
                        return b;
        }
        return NULL;
}

bool iu_map_applied(const struct device *dev, const char *map)
{
        return iu_map_binding(dev, map, 0) != NULL;
}

static bool entry_static(const struct crypto_map_entry *e)
{
        return !e->dynamic_template && !e->is_dynamic_ref && !e->ipsec_manual && !e->gdoi;
}

bool iu_peer_served(const struct device *dev, uint32_t addr, const struct crypto_map *except)
{
        for (size_t i = 0; i < dev->crypto_maps.n; i++) {
                const struct crypto_map *m = dev->crypto_maps.v[i];
                if (m == except || m->dynamic || !iu_map_applied(dev, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        for (size_t j = 0; entry_static(e) && j < e->peers.n; j++) {
                                const struct cm_peer *p = e->peers.v[j];
                                if (p->is_addr && p->addr == addr)
                                        return true;
                        }
                }
        }
        return false;
}

bool iu_clients_served(const struct device *dev, const struct crypto_map *except)
{
        for (size_t i = 0; i < dev->crypto_maps.n; i++) {
                const struct crypto_map *m = dev->crypto_maps.v[i];
                if (m == except || m->dynamic || !iu_map_applied(dev, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++)
                        if (((const struct crypto_map_entry *)m->entries.v[k])->is_dynamic_ref)
                                return true;
        }
        /* IOS "interface Virtual-Template N type tunnel" with tunnel protection:
         * dynamic VTIs for Easy VPN clients (Cisco "IPsec Virtual Tunnel
         * Interfaces", dynamic VTI) */
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                if (f->name && !strncasecmp(f->name, "Virtual-Template", 16) &&
                    f->tunnel_protection)
                        return true;
        }
        return false;
}

const struct loc *iu_xauth_asked(const struct device *dev, const struct crypto_map *m,
                                 const char *profile, uint32_t addr)
{
        const struct isakmp_profile *p =
            profile ? model_get_profile(dev, profile) : iu_profile_for_peer(dev, addr);
        if (p || profile)
                return p && p->client_auth_list ? &p->loc : NULL;
        return m && m->client_auth_list ? &m->client_auth_loc : NULL;
}

const struct isakmp_profile *iu_profile_for_peer(const struct device *dev, uint32_t addr)
{
        for (size_t i = 0; i < dev->isakmp_profiles.n; i++) {
                const struct isakmp_profile *p = dev->isakmp_profiles.v[i];
                if (p->ikev2)
                        continue;
                for (size_t k = 0; k < p->match_ids.n; k++) {
                        const struct profile_match *m = p->match_ids.v[k];
                        if (m->is_addr && (addr & m->mask) == (m->addr & m->mask))
                                return p;
                }
        }
        return NULL;
}
