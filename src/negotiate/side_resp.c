/*
 * The responder: the interface the initiator's packets reach, and the
 * entries that may take the peer - static entries naming it in seq order,
 * then the dynamic-map templates, then a VTI towards it (issue 4, Phase 2:
 * "static first, in sequence order, then the dynamic entry").
 */
#include <string.h>

#include "../model/flowset.h"
#include "../model/in_use.h"
#include "../model/query.h"
#include "side_int.h"

static bool entry_names(const struct crypto_map_entry *e, uint32_t peer)
{
        for (size_t i = 0; i < e->peers.n; i++) {
                const struct cm_peer *pe = e->peers.v[i];
                if (pe->is_addr && pe->addr == peer)
                        return true;
        }
        return false;
}

static int push(struct pair *p, struct side *b, const struct crypto_map_entry *e,
                const struct ipsec_profile *prof, size_t cap)
{
        if (b->nresp >= cap)
                return 0;
        return p2cfg_load(p, b->dev, &b->resp[b->nresp++], e, prof);
}

static int push_tun(struct pair *p, struct side *b, const struct side *a,
                    const struct ipsec_profile *prof, size_t cap)
{
        if (b->nresp >= cap)
                return 0;
        return tun_cfg(p, b->dev, &b->resp[b->nresp++], prof, b->tun, b->addr, a->addr);
}

static const struct crypto_map *dyn_map(const struct device *dev, const char *name)
{
        char key[300];
        if (!name || strlen(name) >= sizeof(key) - 2)
                return NULL;
        key[0] = 'D', key[1] = ':'; /* model_obtain_cmap's index key for dynamic maps */
        strcpy(key + 2, name);
        return model_get_cmap(dev, key);
}

static size_t count_cap(const struct crypto_map *m, const struct device *dev)
{
        size_t n = 1; /* a VTI */
        for (size_t i = 0; m && i < m->entries.n; i++) {
                const struct crypto_map_entry *e = m->entries.v[i];
                const struct crypto_map *d =
                    e->is_dynamic_ref ? dyn_map(dev, e->dynamic_map) : NULL;
                n += 1 + (d ? d->entries.n : 0);
        }
        return n;
}

static int load_map(struct pair *p, struct side *b, const struct crypto_map *m, uint32_t peer,
                    size_t cap)
{
        for (size_t i = 0; i < m->entries.n; i++) {
                const struct crypto_map_entry *e = m->entries.v[i];
                if (!e->is_dynamic_ref && !e->ipsec_manual && entry_names(e, peer) &&
                    push(p, b, e, NULL, cap))
                        return -1;
        }
        for (size_t i = 0; i < m->entries.n; i++) {
                const struct crypto_map_entry *e = m->entries.v[i];
                const struct crypto_map *d =
                    e->is_dynamic_ref ? dyn_map(b->dev, e->dynamic_map) : NULL;
                for (size_t j = 0; d && j < d->entries.n; j++)
                        if (push(p, b, d->entries.v[j], NULL, cap))
                                return -1;
        }
        return 0;
}

int side_responder(struct pair *p, struct side *b, const struct side *a)
{
        const struct iface *f = b->has_addr ? side_iface_by_addr(b->dev, b->addr) : NULL;
        b->ifname = f ? side_ifname(f) : NULL;
        /* A config that gives no address on its crypto interfaces: the
         * initiator took b->addr from its own mirrored entry (side_ini.c);
         * the first interface that carries a crypto map answers. */
        if (!f && a->assumed_addr && side_crypto_unaddressed(b->dev))
                b->ifname = ((const struct crypto_map_binding *)b->dev->cmap_bindings.v[0])->ifname;
        const char *mname = b->ifname ? cmap_bound_to(b->dev, b->ifname) : NULL;
        const struct crypto_map *m = mname ? model_get_cmap(b->dev, mname) : NULL;
        size_t cap = count_cap(m, b->dev);
        b->resp = arena_calloc(&p->arena, cap, sizeof(*b->resp));
        if (!b->resp)
                return -1;
        const struct ipsec_profile *prof = side_tun_responder(b, a);
        /* A tunnel answers for its peer before any crypto map (Cisco IPsec VTI
         * configuration guide: the tunnel's profile applies to its peer); a
         * crypto map initiator reaches it only with the tunnel's own
         * selectors (side_tun.c), which the exact match decides. */
        if (prof && a->ini && !a->ini->entry && push_tun(p, b, a, prof, cap))
                return -1;
        if (m && a->has_addr && load_map(p, b, m, side_seen(a), cap))
                return -1;
        if (prof && a->ini && a->ini->entry && push_tun(p, b, a, prof, cap))
                return -1;
        b->has_crypto = b->nresp > 0;
        /* IOS: "crypto map M client authentication list X" asks the map's
         * peers for XAUTH, unless an ISAKMP profile takes the peer: then the
         * profile decides (diagnoses.md l2l-prompted-for-xauth; model/in_use.c). */
        const struct loc *xa = m && b->plat == PLAT_IOS && a->has_addr
                                   ? iu_xauth_asked(b->dev, m, NULL, side_seen(a))
                                   : NULL;
        if (xa)
                b->xauth_asks = true, b->xauth_loc = xa;
        return 0;
}
