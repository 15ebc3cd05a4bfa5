/*
 * Every tunnel one config initiates towards another (issue 11, gap a): each
 * static crypto map entry whose peer is the other device (two entries for
 * one peer with different crypto ACLs are two sets of IPsec SAs, each
 * negotiated on its own: Cisco IOS Security Configuration Guide, "Configuring
 * Security for VPNs with IPsec": "a separate crypto map entry ... for each
 * set of traffic to be protected"), and each point-to-point or mGRE tunnel
 * interface that reaches it (a GRE-over-IPsec tunnel and a VTI to one peer
 * are two IKE/IPsec sessions, one per tunnel interface).
 *
 * `tunnel A B` and `check A B` play every one of them; a single tunnel is
 * played by the default search of side_initiator(), unchanged.
 */
#include <string.h>

#include "../model/tunnel.h"
#include "discover.h"
#include "nat_path.h"

static bool entry_peer(const struct crypto_map_entry *e, const struct device *peer,
                       const struct path_opts *path)
{
        for (size_t i = 0; i < e->peers.n; i++) {
                const struct cm_peer *pe = e->peers.v[i];
                if (pe->is_addr && path_dev_owns(path, peer, pe->addr))
                        return true;
        }
        return false;
}

static bool listed(const struct tun_choice *v, size_t n, const struct crypto_map_entry *e)
{
        for (size_t i = 0; i < n; i++)
                if (v[i].entry == e)
                        return true;
        return false;
}

/* An NHS of mGRE tunnel t that peer holds; *nbma its address. */
static bool nhs_held(const struct iface *t, const struct device *peer, uint32_t *nbma)
{
        for (size_t i = 0; i < t->nhrp.nhs.n; i++)
                if (nhrp_nhs_nbma(t, t->nhrp.nhs.v[i], nbma) && dev_holds_addr(peer, *nbma))
                        return true;
        return false;
}

/* A point-to-point tunnel without protection is a VPN only when the peer
 * protects its end (tunnel-protection-missing, as discover.c's from_p2p);
 * plain GRE on both ends, or GRE carried by a crypto map, is no tunnel of
 * its own. */
static bool p2p_counts(const struct device *dev, const struct iface *t, const struct device *peer)
{
        uint32_t src;
        if (t->tunnel_protection)
                return true;
        return tunnel_source_addr(dev, t, &src, NULL) &&
               tunnel_for_peer(peer, t->tunnel_dest, src, false) != NULL;
}

size_t tunnels_to(const struct device *ini, const struct device *resp, const struct path_opts *path,
                  struct tun_choice *out, size_t max)
{
        size_t n = 0;
        for (size_t b = 0; b < ini->cmap_bindings.n; b++) {
                const struct crypto_map_binding *bd = ini->cmap_bindings.v[b];
                const struct crypto_map *m = model_get_cmap(ini, bd->map);
                for (size_t k = 0; m && k < m->entries.n && n < max; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (e->is_dynamic_ref || e->ipsec_manual || !entry_peer(e, resp, path) ||
                            listed(out, n, e))
                                continue; /* a map on two interfaces: its first binding */
                        out[n++] = (struct tun_choice){.entry = e, .ifname = bd->ifname};
                }
        }
        for (size_t k = 0; k < ini->ifaces.n && n < max; k++) {
                const struct iface *t = ini->ifaces.v[k];
                uint32_t nbma;
                if (!tunnel_is_ipv4(t))
                        continue;
                if (t->tunnel_kind != TUNK_MGRE && t->has_tunnel_dest &&
                    dev_holds_addr(resp, t->tunnel_dest) && p2p_counts(ini, t, resp))
                        out[n++] = (struct tun_choice){.tun = t, .peer = t->tunnel_dest};
                else if (t->tunnel_kind == TUNK_MGRE && t->tunnel_protection &&
                         nhs_held(t, resp, &nbma))
                        out[n++] = (struct tun_choice){.tun = t, .peer = nbma};
        }
        return n;
}

void tun_choice_flow(const struct tun_choice *c, struct flow_opt *f)
{
        if (c->entry) {
                f->entry = c->entry, f->entry_if = c->ifname;
        } else {
                f->vti = true, f->tun = c->tun, f->tun_peer = c->peer;
        }
}

/* The same tunnel in another model of the same config (--fix's copy): the
 * entry by map name and sequence number, the interface by name. */
bool tun_choice_rebind(const struct tun_choice *c, const struct device *copy,
                       struct tun_choice *out)
{
        *out = *c;
        if (c->entry) {
                const struct crypto_map *m = model_get_cmap(copy, c->entry->map);
                out->entry = NULL;
                for (size_t k = 0; m && k < m->entries.n && !out->entry; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        if (e->seq == c->entry->seq)
                                out->entry = e;
                }
                return out->entry != NULL;
        }
        out->tun = c->tun && c->tun->name ? model_get_iface(copy, c->tun->name) : NULL;
        return out->tun != NULL;
}
