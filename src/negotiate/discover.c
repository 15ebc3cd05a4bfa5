/*
 * Pair checks for `check` with several configs: every tunnel between the
 * given devices (a crypto map peer or tunnel destination that is an
 * interface address of another device) is played from the side that names
 * the peer; a peer with no given config is listed once as missing-endpoint.
 */
#include <stdlib.h>
#include <string.h>

#include "../config/lex.h"
#include "discover.h"
#include "side_int.h"

static int missing(struct findings *fs, const struct device *d, uint32_t addr)
{
        char ip[16];
        ipv4_str(addr, ip);
        for (size_t i = 0; i < fs->tunnels.n; i++) {
                const struct tunnel_result *t = fs->tunnels.v[i];
                if (t->status == TUN_MISSING_ENDPOINT && !strcmp(t->b, ip))
                        return 0; /* reported once per address */
        }
        struct tunnel_result *t = arena_alloc(&fs->arena, sizeof(*t));
        char *label = arena_strdup(&fs->arena, ip);
        if (!t || !label)
                return -1;
        t->a = device_label(d), t->initiator = t->a, t->b = label, t->peer_a = label;
        t->state_a = t->state_b = "";
        t->status = TUN_MISSING_ENDPOINT;
        t->reason = "no config was given for this peer address";
        return ptrvec_push(&fs->arena, &fs->tunnels, t);
}

/* played[] holds one flag per ordered pair and kind (crypto map, VTI). */
static int play_edge(struct device *const *devs, size_t i, size_t j, bool *played, size_t n,
                     bool vti, struct findings *fs)
{
        size_t k = (i * n + j) * 2 + vti;
        if (played[k])
                return 0;
        played[k] = true;
        struct pair p;
        struct tunnel_result *r;
        struct flow_opt fo = {.vti = vti};
        int rc = pair_build(&p, devs[i], device_label(devs[i]), devs[j], device_label(devs[j]), &fo,
                            NULL);
        if (!rc)
                rc = pair_play(&p, fs, &r);
        pair_free(&p);
        return rc;
}

/* The device (other than self) holding addr, or n. */
static size_t owner(struct device *const *devs, size_t n, size_t self, uint32_t addr)
{
        for (size_t j = 0; j < n; j++)
                if (j != self && dev_owns_addr(devs[j], addr))
                        return j;
        return n;
}

static int peer_addr(struct device *const *devs, size_t n, size_t i, uint32_t addr, bool *played,
                     bool vti, struct findings *fs)
{
        size_t j = owner(devs, n, i, addr);
        return j < n ? play_edge(devs, i, j, played, n, vti, fs) : missing(fs, devs[i], addr);
}

static int from_device(struct device *const *devs, size_t n, size_t i, bool *played,
                       struct findings *fs)
{
        const struct device *d = devs[i];
        for (size_t b = 0; b < d->cmap_bindings.n; b++) {
                const struct crypto_map_binding *bd = d->cmap_bindings.v[b];
                const struct crypto_map *m = model_get_cmap(d, bd->map);
                for (size_t k = 0; m && k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        for (size_t q = 0; !e->is_dynamic_ref && q < e->peers.n; q++) {
                                const struct cm_peer *pe = e->peers.v[q];
                                if (pe->is_addr &&
                                    peer_addr(devs, n, i, pe->addr, played, false, fs))
                                        return -1;
                        }
                }
        }
        for (size_t k = 0; k < d->ifaces.n; k++) {
                const struct iface *f = d->ifaces.v[k];
                if (f->is_tunnel && !f->shutdown && f->has_tunnel_dest && f->tunnel_protection &&
                    peer_addr(devs, n, i, f->tunnel_dest, played, true, fs))
                        return -1;
        }
        return 0;
}

int pairs_check(struct device *const *devs, size_t n, struct findings *fs)
{
        if (n < 2)
                return 0;
        bool *played = calloc(n * n * 2, sizeof(*played));
        if (!played)
                return -1;
        int rc = 0;
        for (size_t i = 0; i < n && !rc; i++)
                rc = from_device(devs, n, i, played, fs);
        free(played);
        return rc;
}

/* a names, in a crypto map entry or a protected tunnel interface, an
 * address that b holds. */
static bool names_peer(const struct device *a, const struct device *b)
{
        for (size_t i = 0; i < a->crypto_maps.n; i++) {
                const struct crypto_map *m = a->crypto_maps.v[i];
                for (size_t k = 0; k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        for (size_t q = 0; !e->is_dynamic_ref && q < e->peers.n; q++) {
                                const struct cm_peer *pe = e->peers.v[q];
                                if (pe->is_addr && dev_owns_addr(b, pe->addr))
                                        return true;
                        }
                }
        }
        for (size_t k = 0; k < a->ifaces.n; k++) {
                const struct iface *f = a->ifaces.v[k];
                if (f->is_tunnel && f->has_tunnel_dest && dev_owns_addr(b, f->tunnel_dest))
                        return true;
        }
        return false;
}

bool pair_connected(const struct device *a, const struct device *b)
{
        /* IPsec commands only: paired by their mirrored crypto ACLs */
        return names_peer(a, b) || names_peer(b, a) || side_pair_assumed(a, b) ||
               side_pair_assumed(b, a);
}
