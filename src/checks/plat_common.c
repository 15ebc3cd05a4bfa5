/* Shared questions of the platform-area checks (plat_common.h). */
#include "plat_common.h"

#include <string.h>
#include <strings.h>

#include "../model/in_use.h"

static bool map_has(const struct device *dev, const char *name, bool want_peer, bool want_dyn)
{
        const struct crypto_map *m = model_get_cmap(dev, name);
        if (!m || m->dynamic)
                return false;
        for (size_t i = 0; i < m->entries.n; i++) {
                const struct crypto_map_entry *e = m->entries.v[i];
                /* a reference counts only when its dynamic map has an entry
                 * to answer clients with (model/in_use.c) */
                if ((want_peer && e->peers.n > 0 && !e->is_dynamic_ref) ||
                    (want_dyn && iu_dynamic_ref_live(dev, e)) || (!want_peer && !want_dyn))
                        return true;
        }
        return false;
}

static const struct crypto_map_binding *first_binding(const struct device *dev, bool peer, bool dyn)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                /* only a binding on an interface that is up (model/in_use.c) */
                if (b->map && iu_binding_live(dev, b) && map_has(dev, b->map, peer, dyn))
                        return b;
        }
        return NULL;
}

const struct crypto_map_binding *plat_l2l_binding(const struct device *dev)
{
        return first_binding(dev, true, false);
}

const struct crypto_map_binding *plat_dynamic_binding(const struct device *dev)
{
        return first_binding(dev, false, true);
}

const struct crypto_map_binding *plat_any_binding(const struct device *dev)
{
        return first_binding(dev, false, false);
}

bool plat_is_crypto_if(const struct device *dev, const char *ifname)
{
        for (size_t i = 0; ifname && i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (b->ifname && !strcmp(b->ifname, ifname))
                        return true;
        }
        return false;
}

const struct iface *plat_inside_if(const struct device *dev)
{
        const struct iface *best = NULL;
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                if (!f->nameif || f->shutdown || plat_is_crypto_if(dev, f->nameif))
                        continue;
                if (!strcasecmp(f->nameif, "inside"))
                        return f;
                if (!best || f->security_level > best->security_level)
                        best = f;
        }
        return best;
}
