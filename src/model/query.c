/* Route, crypto map and peer-key lookups (query.h, model.h). */
#include "query.h"
#include "tunnel.h"

#include <string.h>

/* ---- routes ---------------------------------------------------------- */

#define ROUTE_RESOLVE_DEPTH 4 /* next hop -> connected network, bounded */

static int prefix_len(uint32_t mask)
{
        int n = 0;
        while (mask & 0x80000000u) {
                n++;
                mask <<= 1;
        }
        return n;
}

static bool same_vrf(const char *a, const char *b)
{
        return a == b || (a && b && !strcmp(a, b));
}

static const struct iface *connected_iface(const struct device *dev, const char *vrf, uint32_t dst,
                                           int *plen)
{
        const struct iface *best = NULL;
        int bl = -1;
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                if (!f->has_addr || f->shutdown || !same_vrf(f->vrf, vrf) ||
                    (dst & f->mask) != (f->addr & f->mask))
                        continue;
                int l = prefix_len(f->mask);
                if (l > bl)
                        best = f, bl = l;
        }
        *plen = bl;
        return best;
}

static const struct iface *route_iface(const struct device *dev, const struct route *r, int depth)
{
        if (r->ifname) {
                const struct iface *f = model_get_nameif(dev, r->ifname);
                return f ? f : model_get_iface(dev, r->ifname);
        }
        if (!r->has_nexthop || depth >= ROUTE_RESOLVE_DEPTH)
                return NULL;
        /* IOS: a next hop alone resolves through the connected network that
         * holds it (recursively through other routes, bounded), in the
         * route's own VRF. */
        const struct route *via = NULL;
        const struct iface *f = NULL;
        int l;
        f = connected_iface(dev, r->vrf, r->nexthop, &l);
        if (f)
                return f;
        for (size_t i = 0; i < dev->routes.n && !f; i++) {
                via = dev->routes.v[i];
                if (via != r && same_vrf(via->vrf, r->vrf) && (r->nexthop & via->mask) == via->net)
                        f = route_iface(dev, via, depth + 1);
        }
        return f;
}

static const struct route *best_route(const struct device *dev, const char *vrf, uint32_t dst,
                                      int min_len)
{
        const struct route *best = NULL;
        int bl = min_len;
        for (size_t i = 0; i < dev->routes.n; i++) {
                const struct route *r = dev->routes.v[i];
                if (!same_vrf(r->vrf, vrf) || r->placeholder ||
                    (dst & r->mask) != (r->net & r->mask))
                        continue;
                int l = prefix_len(r->mask);
                if (l > bl || (l == bl && best && r->distance < best->distance))
                        best = r, bl = l;
        }
        return best;
}

static const struct iface *dhcp_iface(const struct device *dev, const char *vrf)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                if (f->dhcp && !f->shutdown && same_vrf(f->vrf, vrf))
                        return f;
        }
        return NULL;
}

static const struct iface *lookup(const struct device *dev, const char *vrf, uint32_t dst,
                                  const struct route **via, bool dhcp_default)
{
        int clen;
        const struct iface *conn = connected_iface(dev, vrf, dst, &clen);
        /* A connected network beats a static of the same length (distance 0). */
        const struct route *r = best_route(dev, vrf, dst, clen);
        if (via)
                *via = r;
        if (!r)
                return conn ? conn : dhcp_default ? dhcp_iface(dev, vrf) : NULL;
        return route_iface(dev, r, 0);
}

const struct iface *model_route_exit(const struct device *dev, const struct route *r)
{
        return route_iface(dev, r, 0);
}

const struct iface *model_route_lookup(const struct device *dev, uint32_t dst,
                                       const struct route **via)
{
        return lookup(dev, NULL, dst, via, false);
}

/* IOS "ip address dhcp" installs a default route from the DHCP server's
 * router option (IOS IP Addressing guide, DHCP client), in the interface's
 * VRF: it counts when nothing more specific matches. */
const struct iface *model_route_lookup_vrf(const struct device *dev, const char *vrf, uint32_t dst,
                                           const struct route **via)
{
        return lookup(dev, vrf, dst, via, true);
}

bool vrf_has_static_routes(const struct device *dev, const char *vrf)
{
        for (size_t i = 0; i < dev->routes.n; i++) {
                const struct route *r = dev->routes.v[i];
                if (same_vrf(r->vrf, vrf) && !r->placeholder)
                        return true;
        }
        return dhcp_iface(dev, vrf) != NULL;
}

/* ---- crypto maps ----------------------------------------------------- */

const char *cmap_bound_to(const struct device *dev, const char *ifname)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (b->ifname && b->map && strcmp(b->ifname, ifname) == 0)
                        return b->map;
        }
        const struct iface *f = model_get_iface(dev, ifname);
        return f ? f->crypto_map : NULL;
}

/* Does the entry's ACL send the flow to it? No ACL: only templates match. */
static bool entry_takes(const struct device *dev, const struct crypto_map_entry *e,
                        const struct flowbox *flow, struct cmap_hit *hit)
{
        if (!e->match_acl)
                return e->dynamic_template;
        struct acl_match m = acl_first_match(model_get_acl(dev, e->match_acl), flow);
        if (m.res != ACL_RES_PERMIT)
                return false;
        hit->ace = m.ace;
        hit->whole = m.whole;
        return true;
}

static bool dynamic_takes(const struct device *dev, const struct crypto_map_entry *ref,
                          const struct flowbox *flow, struct cmap_hit *hit)
{
        char key[300];
        const struct crypto_map *d = NULL;
        if (ref->dynamic_map && strlen(ref->dynamic_map) < sizeof(key) - 2) {
                /* model_obtain_cmap indexes dynamic maps as "D:name". */
                key[0] = 'D', key[1] = ':';
                strcpy(key + 2, ref->dynamic_map);
                d = model_get_cmap(dev, key);
        }
        for (size_t i = 0; d && i < d->entries.n; i++) {
                const struct crypto_map_entry *t = d->entries.v[i];
                if (entry_takes(dev, t, flow, hit)) {
                        hit->entry = ref;
                        hit->dyn = t;
                        return true;
                }
        }
        return false;
}

bool cmap_lookup(const struct device *dev, const char *ifname, const struct flowbox *flow,
                 struct cmap_hit *hit)
{
        memset(hit, 0, sizeof(*hit));
        const char *name = ifname ? cmap_bound_to(dev, ifname) : NULL;
        hit->map = name ? model_get_cmap(dev, name) : NULL;
        if (!hit->map)
                return false;
        const struct ptrvec *ents = &hit->map->entries; /* sorted by seq in finalize */
        for (size_t i = 0; i < ents->n; i++) {
                const struct crypto_map_entry *e = ents->v[i];
                if (!e->is_dynamic_ref && !e->ipsec_manual && entry_takes(dev, e, flow, hit)) {
                        hit->entry = e;
                        return true;
                }
        }
        for (size_t i = 0; i < ents->n; i++) {
                const struct crypto_map_entry *e = ents->v[i];
                if (e->is_dynamic_ref && dynamic_takes(dev, e, flow, hit))
                        return true;
        }
        return false;
}

/* ---- pre-shared keys ------------------------------------------------- */

static bool ios_key_source(enum psk_source s)
{
        return s == PSK_IOS_GLOBAL || s == PSK_IOS_KEYRING || s == PSK_IOS_IKEV2_KEYRING;
}

/* The VRF an IOS IKEv1 key serves; IKEv2 keyring keys serve every VRF. */
static bool key_in_vrf(const struct device *dev, const struct psk *k, const char *vrf)
{
        if (k->source == PSK_IOS_IKEV2_KEYRING)
                return true;
        const struct keyring *r = k->keyring ? model_get_keyring(dev, k->keyring) : NULL;
        return same_vrf(r ? r->vrf : NULL, vrf);
}

static const struct psk *most_specific(const struct device *dev, uint32_t peer, bool pix,
                                       const char *keyring, bool by_vrf, const char *vrf)
{
        const struct psk *best = NULL;
        int bl = -1;
        for (size_t i = 0; i < dev->psks.n; i++) {
                const struct psk *k = dev->psks.v[i];
                if (!k->has_addr || (pix ? k->source != PSK_PIX : !ios_key_source(k->source)))
                        continue;
                if (keyring && (!k->keyring || strcmp(k->keyring, keyring) != 0))
                        continue;
                if (by_vrf && !key_in_vrf(dev, k, vrf))
                        continue;
                if ((peer & k->mask) != (k->addr & k->mask))
                        continue;
                int l = prefix_len(k->mask);
                if (l > bl) /* strict: the first of equal masks wins */
                        best = k, bl = l;
        }
        return best;
}

static const struct psk *tg_key(const struct device *dev, const struct tunnel_group *tg)
{
        for (size_t i = 0; tg && i < dev->psks.n; i++) {
                const struct psk *k = dev->psks.v[i];
                if (k->source == PSK_ASA_TUNNEL_GROUP && k->tunnel_group &&
                    strcmp(k->tunnel_group, tg->name) == 0)
                        return k;
        }
        return NULL;
}

static struct peer_key lookup_key(const struct device *dev, uint32_t peer, const char *keyring,
                                  bool by_vrf, const char *vrf)
{
        struct peer_key pk = {0};
        if (dev->platform == PLAT_IOS || dev->platform == PLAT_UNKNOWN) {
                pk.psk = most_specific(dev, peer, false, keyring, by_vrf, vrf);
                return pk;
        }
        if (dev->platform == PLAT_PIX &&
            (pk.psk = most_specific(dev, peer, true, NULL, false, NULL)))
                return pk;
        for (size_t i = 0; i < dev->tunnel_groups.n && !pk.tg; i++) {
                const struct tunnel_group *tg = dev->tunnel_groups.v[i];
                if (tg->name_is_addr && tg->addr == peer)
                        pk.tg = tg;
        }
        if (!pk.tg) {
                /* An L2L peer with no tunnel-group of its own lands in
                 * DefaultL2LGroup (it exists implicitly on every ASA). */
                pk.tg = model_get_tg(dev, "DefaultL2LGroup");
                pk.default_group = true;
        }
        pk.psk = tg_key(dev, pk.tg);
        return pk;
}

struct peer_key peer_key_lookup(const struct device *dev, uint32_t peer, const char *keyring)
{
        return lookup_key(dev, peer, keyring, false, NULL);
}

struct peer_key peer_key_lookup_vrf(const struct device *dev, uint32_t peer, const char *keyring,
                                    const char *vrf)
{
        return lookup_key(dev, peer, keyring, true, vrf);
}
