/*
 * Pair checks for `check` with several configs: every tunnel between the
 * given devices is played from the side that names the peer; a peer with
 * no given config is listed once as missing-endpoint.
 *
 * Where peers come from:
 * - a crypto map entry's "set peer A" (A an address of another device);
 * - a point-to-point tunnel's "tunnel destination A" (static VTI, GRE);
 * - DMVPN (dmvpn.c): a spoke's NHS NBMA address names its hub; the hub
 *   answers and, once the spoke has registered, can initiate back; two
 *   mGRE spokes of one hub build spoke-spoke tunnels (phase 2 and 3).
 */
#include <stdlib.h>
#include <string.h>

#include "../util/ipv4.h"
#include "../model/tunnel.h"
#include "discover.h"
#include "dmvpn.h"
#include "nat_path.h"
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

/* One played direction: (initiator, responder, tunnel interface or NULL
 * for the crypto maps, peer address). */
struct played {
        size_t i, j;
        const struct iface *tun;
        uint32_t peer;
        const struct crypto_map_entry *entry; /* one of several towards j, or NULL */
};

struct disc {
        struct device *const *devs;
        size_t n;
        struct findings *fs;
        struct played *v;
        size_t nv, cap;
};

static bool seen_entry(struct disc *d, size_t i, size_t j, const struct iface *tun, uint32_t peer,
                       const struct crypto_map_entry *entry)
{
        for (size_t k = 0; k < d->nv; k++)
                if (d->v[k].i == i && d->v[k].j == j && d->v[k].tun == tun &&
                    d->v[k].entry == entry && (!tun || d->v[k].peer == peer))
                        return true;
        if (d->nv == d->cap) {
                size_t cap = d->cap ? d->cap * 2 : 16;
                struct played *v = realloc(d->v, cap * sizeof(*v));
                if (!v)
                        return true; /* out of memory: play no more */
                d->v = v, d->cap = cap;
        }
        d->v[d->nv++] = (struct played){i, j, tun, peer, entry};
        return false;
}

static bool seen(struct disc *d, size_t i, size_t j, const struct iface *tun, uint32_t peer)
{
        return seen_entry(d, i, j, tun, peer, NULL);
}

int disc_play(struct disc *d, size_t i, size_t j, const struct iface *tun, uint32_t peer,
              enum dmvpn_role role, struct tunnel_result **out)
{
        if (out)
                *out = NULL;
        if (seen(d, i, j, tun, peer))
                return 0;
        struct pair p;
        struct tunnel_result *r = NULL;
        struct flow_opt fo = {.vti = tun != NULL, .tun = tun, .tun_peer = peer, .dmvpn = role};
        /* the static NATs of the other configs given: the path between i and j
         * may cross one of them (nat_path.c), as `tunnel A B NAT` plays it */
        struct path_opts *path = calloc(1, sizeof(*path));
        if (!path)
                return -1;
        for (size_t k = 0; k < d->n; k++)
                if (k != i && k != j)
                        (void)path_nat_from_device(path, d->devs[k]); /* full: what fits */
        int rc = pair_build(&p, d->devs[i], device_label(d->devs[i]), d->devs[j],
                            device_label(d->devs[j]), &fo, path->nnat ? path : NULL);
        free(path);
        if (!rc)
                rc = pair_play(&p, d->fs, &r);
        pair_free(&p);
        if (out)
                *out = r;
        return rc;
}

static size_t holder(const struct disc *d, size_t self, uint32_t addr)
{
        for (size_t j = 0; j < d->n; j++)
                if (j != self && dev_holds_addr(d->devs[j], addr))
                        return j;
        return d->n;
}

/* The device (other than self) holding addr, or n. When none does, the
 * device holding the inside address of a static one-to-one NAT of a third
 * config given (k, neither self nor the owner) whose outside address is
 * addr: the peer sits behind that NAT device (issue 10, "the peer is
 * reached through a static NAT on a third device"). */
size_t disc_owner(const struct disc *d, size_t self, uint32_t addr)
{
        size_t j = holder(d, self, addr);
        if (j < d->n)
                return j;
        for (size_t k = 0; k < d->n; k++) {
                struct path_opts one = {0};
                if (k == self || path_nat_from_device(&one, d->devs[k]) < 0)
                        continue;
                const struct nat_map *m = path_nat_outside(&one, addr);
                size_t o = m ? holder(d, self, m->inside) : d->n;
                if (o < d->n && o != k)
                        return o;
        }
        return d->n;
}

int disc_missing(struct disc *d, size_t i, uint32_t addr)
{
        return missing(d->fs, d->devs[i], addr);
}

struct device *disc_dev(const struct disc *d, size_t i)
{
        return d->devs[i];
}

size_t disc_count(const struct disc *d)
{
        return d->n;
}

struct findings *disc_findings(const struct disc *d)
{
        return d->fs;
}

/* No given config owns a peer address of i: the device whose entry names i
 * and mirrors i's (a copied config, side_misaddressed), played so that the
 * finding says so; n when none. */
static size_t misaddressed_owner(const struct disc *d, size_t i)
{
        for (size_t j = 0; j < d->n; j++)
                if (j != i && side_misaddressed(d->devs[i], d->devs[j], NULL))
                        return j;
        return d->n;
}

/* i has several crypto map entries towards j (tunnels_to.c): each is
 * played, and the default search of from_maps (which would play the first
 * again) is marked as done. Tunnel interfaces are played one by one
 * already (from_p2p, dmvpn.c). */
static int several(struct disc *d, size_t i, size_t j)
{
        struct tun_choice c[TUN_CHOICES_MAX];
        size_t n = tunnels_to(d->devs[i], d->devs[j], NULL, c, TUN_CHOICES_MAX), ne = 0;
        for (size_t k = 0; k < n; k++)
                ne += c[k].entry != NULL;
        for (size_t k = 0; ne > 1 && k < n; k++) {
                struct flow_opt fo = {0};
                if (!c[k].entry || seen_entry(d, i, j, NULL, 0, c[k].entry))
                        continue;
                tun_choice_flow(&c[k], &fo);
                struct pair p;
                struct tunnel_result *r = NULL;
                int rc = pair_build(&p, d->devs[i], device_label(d->devs[i]), d->devs[j],
                                    device_label(d->devs[j]), &fo, NULL);
                if (!rc)
                        rc = pair_play(&p, d->fs, &r);
                pair_free(&p);
                if (rc)
                        return rc;
        }
        if (ne > 1)
                (void)seen(d, i, j, NULL, 0);
        return 0;
}

static int from_maps(struct disc *d, size_t i)
{
        const struct device *dv = d->devs[i];
        for (size_t b = 0; b < dv->cmap_bindings.n; b++) {
                const struct crypto_map_binding *bd = dv->cmap_bindings.v[b];
                const struct crypto_map *m = model_get_cmap(dv, bd->map);
                for (size_t k = 0; m && k < m->entries.n; k++) {
                        const struct crypto_map_entry *e = m->entries.v[k];
                        for (size_t q = 0; !e->is_dynamic_ref && q < e->peers.n; q++) {
                                const struct cm_peer *pe = e->peers.v[q];
                                if (!pe->is_addr)
                                        continue;
                                size_t j = disc_owner(d, i, pe->addr);
                                if (j == d->n)
                                        j = misaddressed_owner(d, i);
                                if (j < d->n ? disc_play(d, i, j, NULL, 0, DMVPN_NONE, NULL)
                                             : missing(d->fs, dv, pe->addr))
                                        return -1;
                        }
                }
        }
        return 0;
}

/* Point-to-point tunnels: a protected one, or an unprotected one whose
 * peer protects its end (tunnel-protection-missing). */
static int from_p2p(struct disc *d, size_t i)
{
        const struct device *dv = d->devs[i];
        for (size_t k = 0; k < dv->ifaces.n; k++) {
                const struct iface *t = dv->ifaces.v[k];
                if (!tunnel_is_ipv4(t) || t->tunnel_kind == TUNK_MGRE || !t->has_tunnel_dest)
                        continue;
                size_t j = disc_owner(d, i, t->tunnel_dest);
                if (j == d->n) {
                        if (t->tunnel_protection && missing(d->fs, dv, t->tunnel_dest))
                                return -1;
                        continue;
                }
                uint32_t src;
                if (!t->tunnel_protection &&
                    (!tunnel_source_addr(dv, t, &src, NULL) ||
                     !tunnel_for_peer(d->devs[j], t->tunnel_dest, src, false)))
                        continue; /* plain GRE on both ends: not a VPN */
                if (disc_play(d, i, j, t, t->tunnel_dest, DMVPN_NONE, NULL))
                        return -1;
        }
        return 0;
}

int pairs_check(struct device *const *devs, size_t n, struct findings *fs)
{
        if (n < 2)
                return 0;
        struct disc d = {.devs = devs, .n = n, .fs = fs};
        int rc = 0;
        for (size_t i = 0; i < n && !rc; i++)
                for (size_t j = 0; j < n && !rc; j++)
                        rc = i == j ? 0 : several(&d, i, j);
        for (size_t i = 0; i < n && !rc; i++)
                rc = from_maps(&d, i);
        for (size_t i = 0; i < n && !rc; i++)
                rc = from_p2p(&d, i);
        if (!rc)
                rc = dmvpn_discover(&d);
        free(d.v);
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

/* A crypto-map peer or tunnel destination of one is the other's address, or
 * one reaches the other through a tunnel interface (an NHRP NHS, or a hub
 * whose spoke registers with it): the same discovery `tunnel` plays. */
bool pair_connected(const struct device *a, const struct device *b)
{
        uint32_t addr;
        /* IPsec commands only: paired by their mirrored crypto ACLs */
        return names_peer(a, b) || names_peer(b, a) || tun_towards(a, b, &addr) ||
               tun_towards(b, a, &addr) || side_pair_assumed(a, b) || side_pair_assumed(b, a);
}
