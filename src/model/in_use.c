/* Is it in use (see in_use.h). */
#include "in_use.h"

#include <string.h>
#include <strings.h>

#include <stdio.h>
#include <stdlib.h>

#include "flowset.h"

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

static const struct iface *binding_iface(const struct device *dev,
                                         const struct crypto_map_binding *b)
{
        if (!b->ifname)
                return NULL;
        const struct iface *f = model_get_nameif(dev, b->ifname);
        return f ? f : model_get_iface(dev, b->ifname);
}

bool iu_binding_live(const struct device *dev, const struct crypto_map_binding *b)
{
        const struct iface *f = binding_iface(dev, b);
        return !f || !f->shutdown;
}

static const struct crypto_map *dynamic_map(const struct device *dev, const char *name)
{
        char key[300];
        if (!name || strlen(name) >= sizeof(key) - 2)
                return NULL;
        /* model_obtain_cmap indexes dynamic maps as "D:name" */
        snprintf(key, sizeof(key), "D:%s", name);
        return model_get_cmap(dev, key);
}

bool iu_dynamic_ref_live(const struct device *dev, const struct crypto_map_entry *r)
{
        const struct crypto_map *dm = r->is_dynamic_ref ? dynamic_map(dev, r->dynamic_map) : NULL;
        return dm && dm->entries.n > 0;
}

/* The route to addr leaves by f (or no route matches addr at all). */
static bool routed_out(const struct device *dev, uint32_t addr, const struct iface *f)
{
        const struct iface *out = model_route_lookup(dev, addr, NULL);
        return !out || out == f;
}

bool iu_binding_reached(const struct device *dev, const struct crypto_map_binding *b)
{
        if (!iu_binding_live(dev, b))
                return false;
        const struct iface *f = binding_iface(dev, b);
        const struct crypto_map *m = b->map ? model_get_cmap(dev, b->map) : NULL;
        if (!f || !m || m->dynamic)
                return true; /* unknown: judged as reached */
        for (size_t k = 0; k < m->entries.n; k++) {
                const struct crypto_map_entry *e = m->entries.v[k];
                if (e->is_dynamic_ref || !entry_static(e) || !e->peers.n)
                        return true;
                for (size_t j = 0; j < e->peers.n; j++) {
                        const struct cm_peer *p = e->peers.v[j];
                        if (!p->is_addr || routed_out(dev, p->addr, f))
                                return true;
                }
        }
        return false;
}

/* Map `name` (static) is applied to a live interface. */
static bool applied_live(const struct device *dev, const char *name)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *b = dev->cmap_bindings.v[i];
                if (binds(b, name) && iu_binding_live(dev, b))
                        return true;
        }
        return false;
}

bool iu_entry_in_use(const struct device *dev, const struct crypto_map_entry *e)
{
        if (!e->dynamic_template)
                return applied_live(dev, e->map);
        for (size_t i = 0; i < dev->crypto_maps.n; i++) {
                const struct crypto_map *m = dev->crypto_maps.v[i];
                if (m->dynamic || !applied_live(dev, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *r = m->entries.v[k];
                        if (r->is_dynamic_ref && r->dynamic_map && e->map &&
                            !strcmp(r->dynamic_map, e->map))
                                return true;
                }
        }
        return false;
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
        return iu_profile_for_peer_vrf(dev, addr, NULL, false);
}

static bool same_vrf(const char *a, const char *b)
{
        return a == b || (a && b && !strcmp(a, b));
}

/*
 * Which IKEv1 ISAKMP profile an IOS responder binds a peer to: the peer's
 * identity is known only in MM5 (AM1 in aggressive mode), and the profile
 * whose "match identity address A M [VRF]" holds it is chosen then (Cisco
 * TAC 117633, "IKEv1/IKEv2 Packet Exchange with Certificates": the responder
 * binds the inbound session to an ISAKMP profile after MM5, from the IKE ID).
 * When several profiles hold the address - a catch-all 0.0.0.0 0.0.0.0 for
 * remote-access clients beside a LAN-to-LAN peer's own /32 - the most
 * specific statement wins, and configuration order breaks a tie. That is
 * the precedence Cisco documents for the same responder's keyring choice
 * (TAC 117259, "IOS IKEv1/IKEv2 Selection Rules for Keyrings and
 * Profiles": the most specific peer match, not the first configured); the
 * guides document no other order for overlapping "match identity"
 * statements, and taking the first configured would hand a LAN-to-LAN peer
 * the catch-all profile (and its XAUTH) of the remote-access clients that
 * the /32 profile exists to keep it from. IKEv2 profiles are chosen in
 * side_v2.c. The initiator does not ask this: its crypto map entry or ipsec
 * profile names its profile ("set isakmp-profile").
 */
const struct isakmp_profile *iu_profile_for_peer_vrf(const struct device *dev, uint32_t addr,
                                                     const char *fvrf, bool ikev2)
{
        const struct isakmp_profile *best = NULL;
        int best_len = -1;
        for (size_t i = 0; i < dev->isakmp_profiles.n; i++) {
                const struct isakmp_profile *p = dev->isakmp_profiles.v[i];
                if (p->ikev2 != ikev2)
                        continue;
                for (size_t k = 0; k < p->match_ids.n; k++) {
                        const struct profile_match *m = p->match_ids.v[k];
                        const char *v = p->ikev2 ? p->match_fvrf : m->vrf;
                        bool any = p->ikev2 && v && !strcmp(v, "any");
                        int len = __builtin_popcount(m->mask);
                        if (!m->is_addr || (addr & m->mask) != (m->addr & m->mask) ||
                            !(any || same_vrf(v, fvrf)))
                                continue;
                        if (ikev2)
                                return p; /* IKEv2: the first, as before (side_v2.c decides) */
                        if (len > best_len)
                                best = p, best_len = len;
                }
        }
        return best;
}

/* ---- IKE versions and dynamic entries ---------------------------------- */

bool iu_ike_enabled(const struct device *dev, bool v2)
{
        if (dev->platform == PLAT_IOS || dev->platform == PLAT_UNKNOWN)
                return v2 || !dev->ike.ios_isakmp_disabled;
        return v2 ? dev->ike.ikev2_enabled.n > 0 : dev->ike.ikev1_enabled.n > 0;
}

/* The permit boxes of an ACL with no deny (a deny lets packets fall through
 * to later entries, so such an ACL is not taken to shadow anything);
 * *n = 0 when it has a deny, an inexact entry, or is missing. */
static const struct acl *plain_permits(const struct device *dev, const char *name, size_t *n)
{
        const struct acl *a = name ? model_get_acl(dev, name) : NULL;
        *n = 0;
        for (size_t i = 0; a && i < a->aces.n; i++) {
                const struct ace *x = a->aces.v[i];
                if (x->remark || x->inactive)
                        continue;
                if (x->action != ACL_PERMIT || x->inexact) {
                        *n = 0;
                        return NULL;
                }
                *n += x->nboxes;
        }
        return a;
}

#define IU_MAX_SHADOW_BOXES 4096 /* beyond this, not judged shadowed */
#define IU_COVER_PIECES     4096

/* Every permit box of e's ACL lies in the union of the permit boxes of the
 * static entries of m numbered below seq. */
static bool shadowed(const struct device *dev, const struct crypto_map *m, int seq,
                     const struct crypto_map_entry *e)
{
        size_t ne, total = 0;
        const struct acl *ea = plain_permits(dev, e->match_acl, &ne);
        if (!ea || !ne)
                return false;
        for (size_t k = 0; k < m->entries.n; k++) {
                const struct crypto_map_entry *s = m->entries.v[k];
                size_t n;
                if (s->seq < seq && entry_static(s) && plain_permits(dev, s->match_acl, &n))
                        total += n;
        }
        if (!total || total > IU_MAX_SHADOW_BOXES)
                return false;
        struct flowbox *set = malloc(total * sizeof(*set));
        if (!set)
                return false;
        size_t n = 0;
        for (size_t k = 0; k < m->entries.n; k++) {
                const struct crypto_map_entry *s = m->entries.v[k];
                size_t c;
                const struct acl *a =
                    s->seq < seq && entry_static(s) ? plain_permits(dev, s->match_acl, &c) : NULL;
                for (size_t i = 0; a && i < a->aces.n; i++) {
                        const struct ace *x = a->aces.v[i];
                        for (size_t b = 0; !x->remark && !x->inactive && b < x->nboxes; b++)
                                set[n++] = x->boxes[b];
                }
        }
        bool all = true;
        for (size_t i = 0; all && i < ea->aces.n; i++) {
                const struct ace *x = ea->aces.v[i];
                for (size_t b = 0; all && !x->remark && !x->inactive && b < x->nboxes; b++)
                        all = fb_cover(set, n, &x->boxes[b], IU_COVER_PIECES) == COVER_FULL;
        }
        free(set);
        return all;
}

bool iu_dynamic_entry_reached(const struct device *dev, const struct crypto_map_entry *e)
{
        for (size_t i = 0; i < dev->crypto_maps.n; i++) {
                const struct crypto_map *m = dev->crypto_maps.v[i];
                if (m->dynamic || !iu_map_applied(dev, m->name))
                        continue;
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *r = m->entries.v[k];
                        if (r->is_dynamic_ref && r->dynamic_map && e->map &&
                            !strcmp(r->dynamic_map, e->map) &&
                            (!e->match_acl || !shadowed(dev, m, r->seq, e)))
                                return true;
                }
        }
        return false;
}

/* ---- remote access ------------------------------------------------------ */

static bool names(const struct ptrvec *v, const char *name)
{
        for (size_t i = 0; name && i < v->n; i++)
                if (!strcmp(v->v[i], name))
                        return true;
        return false;
}

bool iu_ra_group_used(const struct tunnel_group *tg)
{
        if (tg->type != TG_RA)
                return false;
        return strcmp(tg->name, "DefaultRAGroup") || tg->has_psk || tg->default_group_policy ||
               tg->address_pools.n;
}

/* Some IKEv2 profile names authorization policy `policy`. */
static bool authz_named(const struct device *dev, const char *policy)
{
        for (size_t i = 0; i < dev->isakmp_profiles.n; i++) {
                const struct isakmp_profile *p = dev->isakmp_profiles.v[i];
                if (p->ikev2 && names(&p->authz_policies, policy))
                        return true;
        }
        return false;
}

bool iu_pool_handed_out(const struct device *dev, const char *name)
{
        for (size_t i = 0; i < dev->tunnel_groups.n; i++)
                if (names(&((const struct tunnel_group *)dev->tunnel_groups.v[i])->address_pools,
                          name))
                        return true;
        for (size_t i = 0; i < dev->group_policies.n; i++)
                if (names(&((const struct group_policy *)dev->group_policies.v[i])->a.address_pools,
                          name))
                        return true;
        for (size_t i = 0; i < dev->usernames.n; i++)
                if (names(&((const struct username *)dev->usernames.v[i])->a.address_pools, name))
                        return true;
        for (size_t i = 0; i < dev->client_groups.n; i++) {
                const struct client_group *g = dev->client_groups.v[i];
                if (g->pool && name && !strcmp(g->pool, name))
                        return true;
        }
        /* IOS IKEv2: an authorization policy's pool, when a profile names
         * the policy in its "aaa authorization ... list L POLICY" */
        for (size_t i = 0; name && i < dev->ikev2_authz.n; i++) {
                const struct ikev2_authz *a = dev->ikev2_authz.v[i];
                if (a->pool && !strcmp(a->pool, name) && authz_named(dev, a->name))
                        return true;
        }
        return names(&dev->pool_refs, name);
}

static uint32_t cover_mask(uint32_t lo, uint32_t hi)
{
        int len = 32;
        while (len > 0 && (lo >> (32 - len)) != (hi >> (32 - len)))
                len--;
        return len ? ~0u << (32 - len) : 0;
}

const struct local_pool *iu_pool_holding(const struct device *dev, uint32_t lo, uint32_t hi,
                                         bool handed_out)
{
        for (size_t i = 0; i < dev->pools.n; i++) {
                const struct local_pool *p = dev->pools.v[i];
                /* the pool's network: its mask, else the smallest block that
                 * holds the range (an exemption names the clients' subnet) */
                uint32_t m = p->has_mask ? p->mask : cover_mask(p->lo, p->hi);
                uint32_t net = p->lo & m, bc = net | ~m;
                if (!p->ipv6 && lo >= net && hi <= bc &&
                    (!handed_out || iu_pool_handed_out(dev, p->name)))
                        return p;
        }
        return NULL;
}

/* Does split ACL `acl` permit anything towards [lo, hi]? The protected
 * network is the source of IOS entries and of ASA extended entries, and
 * the only address of ASA standard entries, which the reader keeps as the
 * destination (as checks/split_tunnel.c reads it). Missing: unknown, taken
 * as yes. */
static bool split_meets(const struct device *dev, const char *acl, uint32_t lo, uint32_t hi)
{
        const struct acl *a = acl ? model_get_acl(dev, acl) : NULL;
        if (!a)
                return true;
        bool dst_side = dev->platform != PLAT_IOS && a->kind == ACL_STANDARD;
        for (size_t i = 0; i < a->aces.n; i++) {
                const struct ace *x = a->aces.v[i];
                if (x->remark || x->inactive || x->action != ACL_PERMIT)
                        continue;
                if (x->inexact)
                        return true;
                for (size_t b = 0; b < x->nboxes; b++) {
                        const struct range32 *r = dst_side ? &x->boxes[b].dst : &x->boxes[b].src;
                        if (r->lo <= hi && lo <= r->hi)
                                return true;
                }
        }
        return false;
}

/* One group handing the pool out: does it tunnel [lo, hi]? */
static bool gp_reaches(const struct device *dev, const struct group_policy *gp, uint32_t lo,
                       uint32_t hi)
{
        struct gp_attrs eff;
        group_policy_effective(dev, gp, &eff);
        if (eff.split_policy != SPLIT_TUNNELSPECIFIED)
                return true;
        return split_meets(dev, eff.split_acl, lo, hi);
}

bool iu_pool_reaches(const struct device *dev, const char *name, uint32_t lo, uint32_t hi)
{
        bool any = false;
        for (size_t i = 0; i < dev->tunnel_groups.n; i++) {
                const struct tunnel_group *tg = dev->tunnel_groups.v[i];
                const struct group_policy *gp =
                    tg->default_group_policy ? model_get_gp(dev, tg->default_group_policy) : NULL;
                struct gp_attrs eff;
                group_policy_effective(dev, gp, &eff);
                /* the group-policy's pools override the tunnel-group's */
                const struct ptrvec *pools =
                    eff.pools_set && eff.address_pools.n ? &eff.address_pools : &tg->address_pools;
                if (!names(pools, name))
                        continue;
                any = true;
                if (gp_reaches(dev, gp, lo, hi))
                        return true;
        }
        for (size_t i = 0; i < dev->client_groups.n; i++) {
                const struct client_group *g = dev->client_groups.v[i];
                if (!g->pool || !name || strcmp(g->pool, name))
                        continue;
                any = true;
                /* IOS: a group with "acl X" tunnels only X's networks (Cisco
                 * Easy VPN server, split tunneling) */
                if (!g->split_acl || split_meets(dev, g->split_acl, lo, hi))
                        return true;
        }
        /* handed out by lines not modelled (usernames, PIX vpngroup, ...): unknown */
        return !any || names(&dev->pool_refs, name);
}

const struct loc *iu_client_host_routes(const struct device *dev)
{
        static const struct loc asa = {0};
        if (dev->platform == PLAT_ASA)
                return &asa;
        if (dev->platform != PLAT_IOS)
                return NULL;
        for (size_t i = 0; i < dev->crypto_maps.n; i++) {
                const struct crypto_map *m = dev->crypto_maps.v[i];
                for (size_t k = 0; m->dynamic && k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (e->reverse_route)
                                return &e->reverse_route_loc;
                }
        }
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                if (f->name && !strncasecmp(f->name, "Virtual-Template", 16) &&
                    f->tunnel_protection)
                        return &f->loc;
        }
        return NULL;
}

/* "sysopt noproxyarp IF" names nameif. */
static bool noproxyarp(const struct device *dev, const char *nameif)
{
        for (size_t i = 0; i < dev->noproxyarp.n; i++) {
                const struct iface_ref *r = dev->noproxyarp.v[i];
                if (r->ifname && !strcmp(r->ifname, nameif))
                        return true;
        }
        return false;
}

const struct loc *iu_pool_proxy_arp(const struct device *dev, const struct local_pool *p,
                                    const struct iface *ifc)
{
        static const struct loc by_default = {0};
        (void)p;
        if (dev->platform != PLAT_ASA || !ifc->nameif || noproxyarp(dev, ifc->nameif))
                return NULL;
        return &by_default;
}

bool iu_profile_hosts_only(const struct isakmp_profile *p)
{
        for (size_t i = 0; i < p->match_ids.n; i++) {
                const struct profile_match *m = p->match_ids.v[i];
                if (!m->is_addr || m->mask != 0xffffffffu)
                        return false;
        }
        return true;
}
