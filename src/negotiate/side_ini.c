/*
 * The initiator: which crypto map entry (or VTI) sends traffic to the peer,
 * and whether a packet of that flow really gets there through routing, NAT
 * and the crypto map lookup (issue 4, "Interesting traffic").
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../model/flowset.h"
#include "../model/in_use.h"
#include "../model/nat_eval.h"
#include "../model/query.h"
#include "../model/tunnel.h"
#include "nat_path.h"
#include "side_int.h"

__attribute__((format(printf, 2, 3))) static const char *fmt(struct pair *p, const char *f, ...)
{
        char buf[512];
        va_list ap;
        va_start(ap, f);
        vsnprintf(buf, sizeof(buf), f, ap);
        va_end(ap);
        return arena_strdup(&p->arena, buf);
}

/* The first peer of e that is an address of dev, or reaches it through a
 * static NAT of the path (nat_path.c). */
static bool entry_peer_on(const struct crypto_map_entry *e, const struct device *dev,
                          uint32_t *addr, const struct path_opts *path)
{
        for (size_t i = 0; i < e->peers.n; i++) {
                const struct cm_peer *pe = e->peers.v[i];
                if (pe->is_addr && path_dev_owns(path, dev, pe->addr)) {
                        *addr = pe->addr;
                        return true;
                }
        }
        return false;
}

/* Default: the first static entry (bindings in order, entries in seq
 * order) whose peer is the other device. */
static const struct crypto_map_entry *first_entry(const struct device *dev,
                                                  const struct device *peer, const char **ifname,
                                                  uint32_t *addr, const struct path_opts *path)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct crypto_map *m = model_get_cmap(dev, bd->map);
                for (size_t j = 0; m && j < m->entries.n; j++) {
                        const struct crypto_map_entry *e = m->entries.v[j];
                        if (!e->is_dynamic_ref && !e->ipsec_manual &&
                            entry_peer_on(e, peer, addr, path)) {
                                *ifname = bd->ifname;
                                return e;
                        }
                }
        }
        return NULL;
}

/* The entry the caller chose (one of several towards the peer, tunnels_to.c). */
static const struct crypto_map_entry *chosen_entry(const struct flow_opt *flow,
                                                   const struct device *peer, const char **ifname,
                                                   uint32_t *addr, const struct path_opts *path)
{
        if (!entry_peer_on(flow->entry, peer, addr, path))
                return NULL;
        *ifname = flow->entry_if;
        return flow->entry;
}

/* ---- configs that give no address (IPsec commands only) ---------------- */

/* No interface that carries a crypto map has an address: a config that
 * gives its IPsec commands only (a lab's or a how-to's excerpt). */
bool side_profile_aggressive(const struct device *dev, const char *name)
{
        const struct isakmp_profile *pr = name ? model_get_profile(dev, name) : NULL;
        return pr && !pr->ikev2 && pr->initiate_aggressive;
}

void side_aggressive_by_profile(struct side *a, const char *name)
{
        const struct isakmp_profile *pr = model_get_profile(a->dev, name);
        a->aggressive = true;
        a->am_profile = pr->name;
        a->am_loc = &pr->initiate_loc;
}

bool side_crypto_unaddressed(const struct device *dev)
{
        size_t n = 0;
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct iface *f = model_get_iface(dev, bd->ifname);
                if (!f)
                        f = model_get_nameif(dev, bd->ifname);
                if (f && f->has_addr)
                        return false;
                n++;
        }
        return n > 0;
}

/* Do the crypto ACLs of two entries mirror each other: a permit of x whose
 * source meets a permit of y's destination and the other way round? */
static bool acls_mirror(const struct device *dx, const char *ax, const struct device *dy,
                        const char *ay)
{
        const struct acl *x = ax ? model_get_acl(dx, ax) : NULL,
                         *y = ay ? model_get_acl(dy, ay) : NULL;
        for (size_t i = 0; x && y && i < x->aces.n; i++) {
                const struct ace *ex = x->aces.v[i];
                for (size_t j = 0; ex->action == ACL_PERMIT && j < y->aces.n; j++) {
                        const struct ace *ey = y->aces.v[j];
                        for (size_t k = 0; ey->action == ACL_PERMIT && k < ex->nboxes; k++)
                                for (size_t l = 0; l < ey->nboxes; l++) {
                                        const struct flowbox *bx = &ex->boxes[k],
                                                             *by = &ey->boxes[l];
                                        if (bx->src.lo <= by->dst.hi && by->dst.lo <= bx->src.hi &&
                                            bx->dst.lo <= by->src.hi && by->src.lo <= bx->dst.hi)
                                                return true;
                                }
                }
        }
        return false;
}

/* The static entry of dev's applied maps whose ACL mirrors e's, or NULL. */
static const struct crypto_map_entry *
mirror_entry(const struct device *dev, const struct device *edev, const struct crypto_map_entry *e)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct crypto_map *m = model_get_cmap(dev, bd->map);
                for (size_t j = 0; m && j < m->entries.n; j++) {
                        const struct crypto_map_entry *f = m->entries.v[j];
                        if (!f->is_dynamic_ref && !f->ipsec_manual && f->peers.n &&
                            acls_mirror(edev, e->match_acl, dev, f->match_acl))
                                return f;
                }
        }
        return NULL;
}

static bool first_addr_peer(const struct crypto_map_entry *e, uint32_t *addr)
{
        for (size_t i = 0; i < e->peers.n; i++) {
                const struct cm_peer *pe = e->peers.v[i];
                if (pe->is_addr) {
                        *addr = pe->addr;
                        return true;
                }
        }
        return false;
}

/* When the other config gives no address on its crypto interfaces, the
 * entry whose crypto ACL it mirrors is the one towards it, and the peer
 * addresses the two entries name are taken as the two ends' addresses
 * (said in the tunnel's reason). The initiator side gets the address the
 * other end names for it when its own crypto interface has none either. */
static const struct crypto_map_entry *find_assumed(const struct device *dev,
                                                   const struct device *peer, const char **ifname,
                                                   uint32_t *addr, uint32_t *back)
{
        if (!side_crypto_unaddressed(peer))
                return NULL;
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct crypto_map *m = model_get_cmap(dev, bd->map);
                for (size_t j = 0; m && j < m->entries.n; j++) {
                        const struct crypto_map_entry *e = m->entries.v[j];
                        const struct crypto_map_entry *f =
                            e->is_dynamic_ref || e->ipsec_manual || !first_addr_peer(e, addr)
                                ? NULL
                                : mirror_entry(peer, dev, e);
                        if (!f || !first_addr_peer(f, back))
                                continue;
                        *ifname = bd->ifname;
                        return e;
                }
        }
        return NULL;
}

bool side_pair_assumed(const struct device *dev, const struct device *peer)
{
        const char *ifname;
        uint32_t addr, back;
        return find_assumed(dev, peer, &ifname, &addr, &back) != NULL;
}

/* Every permit box of x's ACL is, mirrored, a permit box of y's: the
 * exact mirror a copied pair of configs has (acls_mirror only asks that
 * they meet). */
static bool acls_mirror_exact(const struct device *dx, const char *ax, const struct device *dy,
                              const char *ay)
{
        const struct acl *x = ax ? model_get_acl(dx, ax) : NULL,
                         *y = ay ? model_get_acl(dy, ay) : NULL;
        size_t n = 0;
        for (size_t i = 0; x && y && i < x->aces.n; i++) {
                const struct ace *ex = x->aces.v[i];
                if (ex->remark || ex->inactive || ex->action != ACL_PERMIT)
                        continue;
                if (ex->inexact)
                        return false;
                for (size_t k = 0; k < ex->nboxes; k++, n++) {
                        struct flowbox m = fb_mirror(&ex->boxes[k]);
                        bool found = false;
                        for (size_t j = 0; !found && j < y->aces.n; j++) {
                                const struct ace *ey = y->aces.v[j];
                                for (size_t l = 0; !found && ey->action == ACL_PERMIT &&
                                                   !ey->remark && !ey->inactive && l < ey->nboxes;
                                     l++)
                                        found = fb_equal(&m, &ey->boxes[l]);
                        }
                        if (!found)
                                return false;
                }
        }
        return n > 0;
}

/* An applied map of dev has a dynamic entry: it may serve the peer. */
static bool serves_dynamic(const struct device *dev)
{
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct crypto_map *m = model_get_cmap(dev, bd->map);
                for (size_t j = 0; m && j < m->entries.n; j++)
                        if (((const struct crypto_map_entry *)m->entries.v[j])->is_dynamic_ref)
                                return true;
        }
        return false;
}

/* The address of the interface that carries map on dev, or false. */
static bool map_addr(const struct device *dev, const char *map, uint32_t *addr)
{
        const struct crypto_map_binding *bd;
        for (size_t k = 0; (bd = iu_map_binding(dev, map, k)) != NULL; k++) {
                const struct iface *f = model_get_iface(dev, bd->ifname);
                if (!f)
                        f = model_get_nameif(dev, bd->ifname);
                if (f && f->has_addr && !f->shutdown) {
                        *addr = f->addr;
                        return true;
                }
        }
        return false;
}

/* A copied config (side_int.h): dev's entry e names *sent, which peer does
 * not own, and peer's applied entry, bound to an interface with address
 * *own, names an address of dev and mirrors e's crypto ACL. Both configs
 * must give their crypto interfaces' addresses (the unaddressed case is
 * find_assumed's). */
static const struct crypto_map_entry *
misaddressed_entry(const struct device *dev, const struct device *peer,
                   const struct path_opts *path, const char **ifname, uint32_t *sent, uint32_t *own)
{
        const char *ifn;
        uint32_t x;
        /* an entry that does reach the peer: the others name other peers */
        if (side_crypto_unaddressed(peer) || side_crypto_unaddressed(dev) || serves_dynamic(dev) ||
            first_entry(dev, peer, &ifn, &x, path))
                return NULL;
        for (size_t i = 0; i < dev->cmap_bindings.n; i++) {
                const struct crypto_map_binding *bd = dev->cmap_bindings.v[i];
                const struct crypto_map *m = model_get_cmap(dev, bd->map);
                for (size_t j = 0; m && j < m->entries.n; j++) {
                        const struct crypto_map_entry *e = m->entries.v[j], *f;
                        uint32_t back;
                        if (e->is_dynamic_ref || e->ipsec_manual || !first_addr_peer(e, sent) ||
                            path_dev_owns(path, peer, *sent) || !(f = mirror_entry(peer, dev, e)) ||
                            !acls_mirror_exact(dev, e->match_acl, peer, f->match_acl) ||
                            !first_addr_peer(f, &back) ||
                            !(dev_owns_addr(dev, back) ||
                              (path_nat_outside(path, back) &&
                               dev_owns_addr(dev, path_nat_outside(path, back)->inside))) ||
                            !map_addr(peer, f->map, own))
                                continue;
                        *ifname = bd->ifname;
                        return e;
                }
        }
        return NULL;
}

bool side_misaddressed(const struct device *dev, const struct device *peer,
                       const struct path_opts *p)
{
        const char *ifname;
        uint32_t sent, own;
        return misaddressed_entry(dev, peer, p, &ifname, &sent, &own) != NULL;
}

static const struct crypto_map_entry *assumed_entry(struct pair *p, struct side *a,
                                                    const struct device *peer, const char **ifname,
                                                    uint32_t *addr)
{
        uint32_t back;
        const struct crypto_map_entry *e = find_assumed(a->dev, peer, ifname, addr, &back);
        if (!e)
                return NULL;
        if (side_crypto_unaddressed(a->dev))
                a->has_addr = true, a->addr = back;
        a->assumed_addr = "the configs give no address on the crypto interfaces: "
                          "each end is taken to own the peer address the other's "
                          "mirrored crypto map entry names";
        (void)p;
        return e;
}

/* Which IKE version an entry initiates with (issue 11, class 1).
 * IOS: "set ikev2-profile" makes the entry IKEv2, with or without a
 * transform set (Cisco FlexVPN and IKEv2 Configuration Guide, "Appendix:
 * IKEv2 and Legacy VPNs": crypto-map-based IKEv2 peers name a transform set
 * and an IKEv2 profile). ASA: an entry with "set ikev2 ipsec-proposal" on an
 * interface where IKEv2 is enabled initiates IKEv2; one with only IKEv1
 * transform sets, or with IKEv2 off there, IKEv1 (Cisco ASA Series VPN CLI
 * Configuration Guide, "Site-to-Site": with both versions configured the
 * ASA initiates IKEv2 first). */
static bool entry_initiates_v2(const struct device *dev, const struct crypto_map_entry *e,
                               const char *ifname)
{
        if (dev->platform == PLAT_IOS || dev->platform == PLAT_UNKNOWN)
                return e->ikev2_profile != NULL ||
                       (e->tsets.n == 0 && e->ikev2_proposals.n); /* ASA syntax pasted */
        if (!e->ikev2_proposals.n)
                return false;
        if (!e->tsets.n)
                return true;
        for (size_t i = 0; ifname && i < dev->ike.ikev2_enabled.n; i++) {
                const struct iface_ref *r = dev->ike.ikev2_enabled.v[i];
                if (r->ifname && !strcmp(r->ifname, ifname))
                        return true;
        }
        return false;
}

/* A packet of the flow: the low corner of the box. */
static struct flowbox packet_of(const struct flowbox *b)
{
        return fb_point(b->src.lo, b->dst.lo, (uint8_t)b->proto.lo, b->sport.lo, b->dport.lo);
}

/* The interface out carries the map of the initiating entry too: a map
 * applied to several interfaces encrypts what leaves by any of them, and the
 * tunnel then starts from that interface. */
static bool other_binding(struct side *a, const struct iface *out)
{
        const struct crypto_map_entry *e = a->ini && a->ini->entry ? a->ini->entry : NULL;
        const struct crypto_map_binding *bd;
        for (size_t k = 0; e && (bd = iu_map_binding(a->dev, e->map, k)); k++) {
                if (!strcmp(side_ifname(out), bd->ifname) ||
                    (out->name && !strcmp(out->name, bd->ifname))) {
                        a->ifname = bd->ifname;
                        if (out->has_addr)
                                a->has_addr = true, a->addr = out->addr;
                        return true;
                }
        }
        return false;
}

/* The flow leaves by another interface through route `via`: a floating
 * static route (a greater administrative distance, used only once the
 * preferred route is withdrawn - Cisco IOS IP Routing: Static Configuration
 * Guide, "Floating Static Routes") that sends it out the entry's own
 * interface makes this entry the backup path of a dual-link design (crypto
 * maps on both links towards one peer: Cisco V3PN design guide, "Small
 * Branch - Cable with DSL Backup", tracked primary and floating backup
 * routes). NULL when there is none. */
static const struct route *backup_route(const struct side *a, uint32_t dst, const struct route *via)
{
        if (!via || via->vrf)
                return NULL; /* a connected destination never fails over */
        for (size_t i = 0; i < a->dev->routes.n; i++) {
                const struct route *r = a->dev->routes.v[i];
                const struct iface *f;
                if (r == via || r->vrf || r->placeholder || r->reverse_route ||
                    (dst & r->mask) != (r->net & r->mask) || r->distance <= via->distance ||
                    !(f = model_route_exit(a->dev, r)) || strcmp(side_ifname(f), a->ifname))
                        continue;
                return r;
        }
        return NULL;
}

/* The packet must leave by the crypto interface, not be translated, and
 * hit this entry first. Sets a->no_traffic otherwise. */
static void check_path(struct pair *p, struct side *a, const struct flowbox *pkt)
{
        const struct route *via = NULL, *bk;
        /* the default route of an IOS "ip address dhcp" interface counts */
        const struct iface *out = model_route_lookup_vrf(a->dev, NULL, pkt->dst.lo, &via);
        /* No route at all: routes learnt by a routing protocol are not in the
         * config, so the flow is assumed to leave by the crypto interface and
         * the negotiation is still played (the reason says so). */
        if (!out)
                a->assumed_route =
                    "no route in the config for the flow's destination: assumed learnt "
                    "dynamically via the crypto interface";
        else if (strcmp(side_ifname(out), a->ifname) && !other_binding(a, out) &&
                 (bk = backup_route(a, pkt->dst.lo, via)) != NULL)
                a->assumed_route = fmt(
                    p,
                    "a backup path: the flow leaves by %s while its preferred route is up, "
                    "and by the crypto interface %s once that route is withdrawn (%s)",
                    side_ifname(out), a->ifname, bk->loc.text ? bk->loc.text : "a floating route");
        else if (strcmp(side_ifname(out), a->ifname) && !other_binding(a, out)) {
                a->no_traffic =
                    fmt(p, "the flow's destination is routed out %s, not the crypto interface %s",
                        side_ifname(out), a->ifname);
                return;
        }
        struct nat_result nr = nat_eval(a->dev, pkt, NULL, a->ifname);
        if (nr.verdict == NATV_TRANSLATE && nr.rule) {
                a->no_traffic = fmt(p, "NAT translates the flow before the crypto map sees it (%s)",
                                    nr.rule->loc.text ? nr.rule->loc.text : "a NAT rule");
                a->no_traffic_loc = &nr.rule->loc;
                return;
        }
        struct cmap_hit hit;
        if (!cmap_lookup(a->dev, a->ifname, pkt, &hit) || hit.entry != a->ini->entry) {
                a->no_traffic = hit.entry ? "an earlier crypto map entry takes the flow first"
                                          : "no crypto map entry on the interface matches the flow";
                a->no_traffic_loc = hit.entry ? &hit.entry->loc : NULL;
        }
}

static bool proposal_for(struct side *a, const struct flowbox *pkt)
{
        for (size_t i = 0; i < a->ini->nboxes; i++)
                if (fb_contains(&a->ini->boxes[i], pkt)) {
                        a->proposal = a->ini->boxes[i];
                        a->proposal_ace = a->ini->aces[i];
                        return true;
                }
        return false;
}

/* The responder's address: addr, or the inside address a static NAT of the
 * path turns it into (the initiator keeps sending to addr). */
static void responder_addr(struct pair *p, const struct device *peer, uint32_t addr)
{
        struct side *b = &p->s[1];
        const struct nat_map *nm =
            dev_owns_addr(peer, addr) ? NULL : path_nat_outside(&p->path, addr);
        b->has_addr = true, b->addr = addr;
        if (nm)
                b->addr = nm->inside, b->seen_set = true, b->seen = addr, b->via_nat = nm;
}

static int user_flow(struct pair *p, struct side *a, const struct device *peer,
                     const struct flow_opt *flow, struct flowbox *pkt)
{
        *pkt = fb_point(flow->src, flow->dst, flow->proto, 1024, flow->port);
        if (!flow->proto)
                pkt->proto = (struct range16){0, 0};
        const struct iface *out = model_route_lookup(a->dev, flow->dst, NULL);
        struct cmap_hit hit;
        uint32_t addr;
        if (!out || !cmap_lookup(a->dev, side_ifname(out), pkt, &hit) || !hit.entry ||
            hit.entry->is_dynamic_ref || !entry_peer_on(hit.entry, peer, &addr, &p->path)) {
                a->no_traffic = out ? "no crypto map entry towards the peer takes the flow"
                                    : "no route for the flow's destination";
                return 0;
        }
        a->ifname = side_ifname(out);
        responder_addr(p, peer, addr);
        a->ini = arena_alloc(&p->arena, sizeof(*a->ini));
        return a->ini ? p2cfg_load(p, a->dev, a->ini, hit.entry, NULL) : -1;
}

int side_initiator(struct pair *p, struct side *a, const struct device *peer,
                   const struct flow_opt *flow)
{
        struct flowbox pkt;
        if (flow && flow->tun)
                return side_tun_initiator(p, a, flow->tun, flow->tun_peer);
        if (flow && flow->set) {
                if (user_flow(p, a, peer, flow, &pkt) || !a->ini)
                        return a->ini || a->no_traffic ? 0 : -1;
        } else {
                uint32_t addr = 0;
                const char *ifname = NULL;
                const struct crypto_map_entry *e =
                    flow && flow->vti     ? NULL
                    : flow && flow->entry ? chosen_entry(flow, peer, &ifname, &addr, &p->path)
                                          : first_entry(a->dev, peer, &ifname, &addr, &p->path);
                if (!e && !(flow && flow->vti))
                        e = assumed_entry(p, a, peer, &ifname, &addr);
                uint32_t own;
                if (!e && !(flow && flow->vti) &&
                    (e = misaddressed_entry(a->dev, peer, &p->path, &ifname, &addr, &own))) {
                        /* the initiator sends to addr, which the responder does
                         * not own: it never answers (play_addr.c) */
                        p->s[1].seen_set = p->s[1].misaddressed = true;
                        p->s[1].seen = addr;
                        p->s[1].misaddressed_entry = e;
                        addr = own;
                }
                if (!e) {
                        uint32_t to;
                        const struct iface *t = tun_towards(a->dev, peer, &to);
                        if (t)
                                return side_tun_initiator(p, a, t, to);
                        a->no_traffic = "no crypto map entry or tunnel interface names the peer";
                        return 0;
                }
                a->ifname = ifname;
                if (p->s[1].misaddressed)
                        p->s[1].has_addr = true, p->s[1].addr = addr;
                else
                        responder_addr(p, peer, addr);
                a->ini = arena_alloc(&p->arena, sizeof(*a->ini));
                if (!a->ini || p2cfg_load(p, a->dev, a->ini, e, NULL))
                        return -1;
                if (!a->ini->nboxes) {
                        a->no_traffic = "the entry's crypto ACL permits nothing (missing or empty)";
                        a->no_traffic_loc = &e->match_loc;
                        return 0;
                }
                pkt = packet_of(&a->ini->boxes[0]);
        }
        const struct crypto_map_entry *e = a->ini->entry;
        a->ikev2 = entry_initiates_v2(a->dev, e, a->ifname);
        /* ASA "set phase1-mode aggressive"; IOS "set isakmp-profile P" whose
         * profile says "initiate mode aggressive" */
        a->aggressive = false;
        if (!a->ikev2 && e->phase1_aggressive) {
                a->aggressive = true;
                a->am_map = e->map, a->am_seq = e->seq, a->am_loc = &e->phase1_loc;
        } else if (!a->ikev2 && side_profile_aggressive(a->dev, e->isakmp_profile)) {
                side_aggressive_by_profile(a, e->isakmp_profile);
        }
        if (!proposal_for(a, &pkt)) {
                a->no_traffic = "the entry's crypto ACL does not permit the flow";
                a->no_traffic_loc = &e->match_loc;
                return 0;
        }
        check_path(p, a, &pkt);
        return 0;
}
