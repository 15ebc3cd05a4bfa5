/*
 * Tunnel interfaces as IKE sees them: a static VTI, GRE over IPsec or an
 * mGRE (DMVPN) interface with "tunnel protection ipsec profile P".
 *
 * Selectors (what Quick Mode / the Child SA carries as proxies):
 * - a static VTI ("tunnel mode ipsec ipv4") protects everything routed
 *   into it: any/any (Cisco "IPsec Virtual Tunnel Interfaces" guide);
 * - GRE and mGRE protect the GRE packets between the tunnel source and the
 *   peer's NBMA address: "permit gre host SRC host DST" (Cisco DMVPN
 *   configuration guide; GRE over IPsec with tunnel protection).
 * Both are fixed: a responder takes exactly the mirror, no subset.
 *
 * Front-door VRF (Cisco "VRF-Aware IPsec"): "tunnel vrf X" puts the tunnel's
 * transport (its destination lookup, and IKE) in VRF X; it must be the VRF
 * of the tunnel source interface.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../util/ipv4.h"
#include "../model/flowset.h"
#include "../model/tunnel.h"
#include "discover.h"
#include "side_int.h"

static bool same_vrf(const char *a, const char *b)
{
        return a == b || (a && b && !strcmp(a, b));
}

/* The fixed selectors of tunnel t between local and peer, owner's view. */
struct flowbox tun_selector(const struct iface *t, uint32_t local, uint32_t peer)
{
        if (t->tunnel_kind == TUNK_IPSEC)
                return fb_any();
        struct flowbox b = fb_any();
        b.src = (struct range32){local, local};
        b.dst = (struct range32){peer, peer};
        b.proto = (struct range16){47, 47}; /* GRE */
        return b;
}

static bool unaddressed(const struct device *dev, const struct iface *t);

/* A host address that stands for self's address, which the configs cannot
 * give: a host of the narrowest ISAKMP key range of the other end that holds
 * more than one address and is not the wildcard (where it expects its
 * dynamic peers), else of 198.18.0.0/15 (RFC 2544's range, used by no
 * network); never one either device holds. Which host follows from self's
 * hostname, so that two dynamic spokes of one hub get two addresses, and
 * the same config always the same one. */
uint32_t side_stand_in_addr(const struct device *self, const struct device *other)
{
        uint32_t net = 0xc6120000u, size = 1u << 17; /* 198.18.0.0/15 */
        for (size_t i = 0; other && i < other->psks.n; i++) {
                const struct psk *k = other->psks.v[i];
                if (!k->has_addr || k->mask == 0 || (~k->mask + 1u) < 4 ||
                    (net != 0xc6120000u && ~k->mask + 1u >= size))
                        continue;
                net = k->addr & k->mask, size = ~k->mask + 1u;
        }
        /* an excerpt may have no hostname: its file's base name, so that two
         * such spokes still get two addresses, whichever directory holds them */
        const char *name = self->hostname, *slash;
        if (!name && self->file)
                name = (slash = strrchr(self->file, '/')) ? slash + 1 : self->file;
        uint32_t h = 2166136261u; /* FNV-1a */
        for (const char *c = name ? name : ""; *c; c++)
                h = (h ^ (unsigned char)*c) * 16777619u;
        uint32_t a = net + 1 + h % (size - 2);
        for (uint32_t n = 0;
             n < size - 2 && (dev_holds_addr(self, a) || (other && dev_holds_addr(other, a))); n++)
                a = net + 1 + (a - net) % (size - 2);
        return a;
}

/* dev's first protected tunnel whose source takes its address at run time,
 * or is not in an excerpt's config: its address is a stand-in. */
static const struct iface *dynamic_tunnel(const struct device *dev)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *t = dev->ifaces.v[i];
                if (tunnel_is_ipv4(t) && t->tunnel_protection &&
                    (tunnel_source_dynamic(dev, t) || tunnel_source_absent(dev, t)))
                        return t;
        }
        return NULL;
}

/* Why address ip stands for the source of dev's tunnel t (dynamic_tunnel). */
static void stand_in_why(char *buf, size_t n, const char *label, const struct device *dev,
                         const struct iface *t, const char *ip)
{
        const struct iface *src = model_get_iface(dev, t->tunnel_source);
        if (!src)
                snprintf(buf, n,
                         "%s's tunnel source %s is not in its config (an excerpt): %s stands for "
                         "its address here",
                         label, t->tunnel_source, ip);
        else
                snprintf(buf, n,
                         "%s's tunnel source %s takes its address from %s: %s stands for it here",
                         label, t->tunnel_source,
                         src->dhcp ? "DHCP" : "PPP (ip address negotiated)", ip);
}

/* Appends why to a's assumptions (both ends may have one). */
static int add_assumed(struct pair *p, struct side *a, const char *why)
{
        if (a->assumed_addr) {
                char both[620];
                snprintf(both, sizeof(both), "%s; %s", a->assumed_addr, why);
                a->assumed_addr = arena_strdup(&p->arena, both);
        } else {
                a->assumed_addr = arena_strdup(&p->arena, why);
        }
        return a->assumed_addr ? 0 : -1;
}

static void set_vrf(const struct device *dev, struct side *s, const struct iface *t)
{
        s->src_unaddressed = unaddressed(dev, t);
        s->src_vrf = tunnel_source_vrf(dev, t);
        s->fvrf = t->tunnel_vrf;
        /* only a source known to be in a VRF is judged (checks/tunnel_ifaces.c) */
        s->vrf_fault = s->src_vrf && !same_vrf(s->src_vrf, t->tunnel_vrf);
}

static void source_of(const struct device *dev, const struct iface *t, struct side *a)
{
        const struct iface *src = NULL;
        uint32_t ad;
        if (!tunnel_source_addr(dev, t, &ad, &src))
                return;
        a->has_addr = true, a->addr = ad;
        if (!src)
                src = side_iface_by_addr(dev, ad);
        a->ifname = src ? side_ifname(src) : NULL;
}

int tun_cfg(struct pair *p, const struct device *dev, struct p2_cfg *c,
            const struct ipsec_profile *prof, const struct iface *t, uint32_t local, uint32_t peer)
{
        if (p2cfg_load(p, dev, c, NULL, prof))
                return -1;
        c->tun = t;
        c->loc = &t->tunnel_protection_loc;
        c->any = false;
        c->exact = true;
        c->boxes = arena_calloc(&p->arena, 1, sizeof(*c->boxes));
        c->aces = arena_calloc(&p->arena, 1, sizeof(*c->aces));
        if (!c->boxes || !c->aces)
                return -1;
        c->boxes[0] = tun_selector(t, local, peer);
        c->nboxes = 1;
        char buf[320];
        snprintf(buf, sizeof(buf), "%s, ipsec profile %s", t->name, prof->name);
        c->what = arena_strdup(&p->arena, buf);
        return c->what ? 0 : -1;
}

/* The IKE version a tunnel's ipsec profile starts. IOS: IKEv2 with "set
 * ikev2-profile", else IKEv1 (Cisco FlexVPN and IKEv2 Configuration Guide).
 * ASA 9.8+ VTI: IKEv2 when the profile names an "ikev2 ipsec-proposal"
 * ("set ikev2 ipsec-proposal", Cisco ASA VPN CLI Configuration Guide, Virtual
 * Tunnel Interface); the reader keeps both kinds in one list. */
static bool profile_ikev2(const struct device *dev, const struct ipsec_profile *prof)
{
        if (prof->ikev2_profile)
                return true;
        if (dev->platform != PLAT_ASA && dev->platform != PLAT_PIX)
                return false;
        for (size_t i = 0; i < prof->tsets.n; i++) {
                const struct transform_set *t = model_get_tset(dev, prof->tsets.v[i]);
                if (t && t->ikev2)
                        return true;
        }
        return false;
}

/* An NHS of mGRE tunnel t at NBMA address addr. */
static bool is_nhs(const struct iface *t, uint32_t addr)
{
        uint32_t n;
        for (size_t i = 0; i < t->nhrp.nhs.n; i++)
                if (nhrp_nhs_nbma(t, t->nhrp.nhs.v[i], &n) && n == addr)
                        return true;
        return false;
}

/* The DMVPN role of a direction the caller did not name (`tunnel A B`):
 * towards an NHS, spoke -> hub; from an mGRE without NHS, hub -> spoke;
 * otherwise another spoke, reached through a hub whose config is not given
 * (said in the reason). */
static int infer_role(struct pair *p, struct side *a, const struct iface *t, uint32_t peer)
{
        if (p->dmvpn != DMVPN_NONE || t->tunnel_kind != TUNK_MGRE)
                return 0;
        if (is_nhs(t, peer)) {
                p->dmvpn = DMVPN_SPOKE_HUB;
                return 0;
        }
        if (!t->nhrp.nhs.n) {
                p->dmvpn = DMVPN_HUB_SPOKE;
                return 0;
        }
        p->dmvpn = DMVPN_SPOKE_SPOKE;
        char buf[300], ip[16];
        uint32_t n = 0;
        for (size_t i = 0; i < t->nhrp.nhs.n && !nhrp_nhs_nbma(t, t->nhrp.nhs.v[i], &n); i++)
                ;
        ipv4_str(n, ip);
        snprintf(buf, sizeof(buf),
                 "a spoke-to-spoke tunnel: both spokes are assumed registered with the hub at %s, "
                 "whose config is not given",
                 ip);
        a->assumed_hub = arena_strdup(&p->arena, buf);
        return a->assumed_hub ? 0 : -1;
}

/* The responder's config does not hold peer (its tunnel source has no
 * address): it is taken to own it, and the initiator, when its own source
 * has no address either, the address the responder's tunnel sends to. */
static int assume_addrs(struct pair *p, struct side *a, const struct iface *t, uint32_t peer)
{
        const struct device *pd = p->s[1].dev;
        uint32_t back;
        if (!pd || dev_holds_addr(pd, peer))
                return 0;
        char buf[300], ip[16];
        ipv4_str(peer, ip);
        const struct iface *dyn = dynamic_tunnel(pd);
        if (dyn && peer == side_stand_in_addr(pd, a->dev)) { /* tun_towards took it */
                stand_in_why(buf, sizeof(buf), p->s[1].label ? p->s[1].label : "the peer", pd, dyn,
                             ip);
                return add_assumed(p, a, buf);
        }
        if (!a->has_addr && tun_towards_assumed(pd, a->dev, &back) && back != peer)
                a->has_addr = true, a->addr = back;
        snprintf(buf, sizeof(buf),
                 "the configs give no address on %s's tunnel source: it is taken to own %s, the "
                 "address %s sends to",
                 p->s[1].label ? p->s[1].label : "the peer", ip, t->name);
        return add_assumed(p, a, buf);
}

/* A tunnel source whose address the device learns at run time ("ip address
 * dhcp", "ip address negotiated": a DMVPN spoke or a branch on a DHCP or
 * PPPoE uplink). The responder learns it from the packets (a DMVPN hub from
 * the spoke's NHRP registration, Cisco DMVPN Configuration Guide), so the
 * play goes on with a stand-in address, and says so. */
static int dynamic_source(struct pair *p, struct side *a, const struct iface *t)
{
        uint32_t ad;
        const struct iface *src = NULL;
        if (a->has_addr || tunnel_source_addr(a->dev, t, &ad, &src) || !src ||
            !(src->dhcp || src->negotiated))
                return 0;
        a->has_addr = true;
        a->addr = side_stand_in_addr(a->dev, p->s[1].dev);
        a->ifname = side_ifname(src);
        char buf[300], ip[16];
        stand_in_why(buf, sizeof(buf), a->label ? a->label : "the initiator", a->dev, t,
                     ipv4_str(a->addr, ip));
        return add_assumed(p, a, buf);
}

/* An excerpt: t's source interface is not in the config at all, so its
 * address is not given (a forum post's or a how-to's tunnel section). The
 * address the peer's tunnel sends to is taken as ours when the peer names
 * one (a spoke's NHS entry names its hub's NBMA address); otherwise a
 * stand-in address, as for a DHCP source. Either way the reason says so. An
 * interface that is there without an address is a fault, not an excerpt,
 * and gets no address here. */
static int excerpt_source(struct pair *p, struct side *a, const struct iface *t)
{
        const struct device *pd = p->s[1].dev;
        uint32_t back;
        if (a->has_addr || !tunnel_source_absent(a->dev, t))
                return 0;
        char buf[300], ip[16];
        if (pd && tun_towards_assumed(pd, a->dev, &back) && !dev_holds_addr(pd, back)) {
                a->has_addr = true, a->addr = back;
                snprintf(buf, sizeof(buf),
                         "%s's tunnel source %s is not in its config (an excerpt): it is taken "
                         "to own %s, the address %s sends to",
                         a->label ? a->label : "the initiator", t->tunnel_source,
                         ipv4_str(back, ip), p->s[1].label ? p->s[1].label : "the peer");
        } else {
                a->has_addr = true, a->addr = side_stand_in_addr(a->dev, pd);
                stand_in_why(buf, sizeof(buf), a->label ? a->label : "the initiator", a->dev, t,
                             ipv4_str(a->addr, ip));
        }
        return add_assumed(p, a, buf);
}

int side_tun_initiator(struct pair *p, struct side *a, const struct iface *t, uint32_t peer)
{
        char buf[400];
        if (infer_role(p, a, t, peer))
                return -1;
        p->s[1].has_addr = true, p->s[1].addr = peer;
        source_of(a->dev, t, a);
        set_vrf(a->dev, a, t);
        if (!t->tunnel_protection) {
                a->tun_bare = t;
                snprintf(buf, sizeof(buf),
                         "%s has no tunnel protection: its GRE packets leave in clear and no "
                         "IKE is started",
                         t->name);
                a->no_traffic = arena_strdup(&p->arena, buf);
                return a->no_traffic ? 0 : -1;
        }
        a->tun = t;
        if (dynamic_source(p, a, t) || excerpt_source(p, a, t) || assume_addrs(p, a, t, peer))
                return -1;
        const struct ipsec_profile *prof = model_get_ipsec_profile(a->dev, t->tunnel_protection);
        if (!prof) {
                snprintf(buf, sizeof(buf), "%s names ipsec profile '%s', which does not exist",
                         t->name, t->tunnel_protection);
                a->no_traffic = arena_strdup(&p->arena, buf);
                a->no_traffic_loc = &t->tunnel_protection_loc;
                return a->no_traffic ? 0 : -1;
        }
        a->ini = arena_alloc(&p->arena, sizeof(*a->ini));
        if (!a->ini || tun_cfg(p, a->dev, a->ini, prof, t, a->addr, peer))
                return -1;
        a->ikev2 = profile_ikev2(a->dev, prof);
        /* "tunnel protection ipsec profile P isakmp-profile X", else P's "set
         * isakmp-profile X": X's "initiate mode aggressive" */
        const char *ike =
            t->tunnel_protection_ike ? t->tunnel_protection_ike : prof->isakmp_profile;
        if (!a->ikev2 && side_profile_aggressive(a->dev, ike))
                side_aggressive_by_profile(a, ike);
        a->proposal = a->ini->boxes[0];
        return 0;
}

/* A FlexVPN server (IKEv2 profile "virtual-template N") answers a peer that
 * no static tunnel names with a virtual-access interface cloned from
 * interface Virtual-Template N: its tunnel mode (GRE unless "tunnel mode
 * ipsec ipv4", a dynamic VTI) and its tunnel protection (Cisco FlexVPN and
 * IKEv2 Configuration Guide, "FlexVPN Server"). The session's profile is
 * chosen by the peer's identity later (side_v2.c), so the template is taken
 * only when every IKEv2 profile that names one names the same. */
static const struct iface *virtual_template(const struct device *dev)
{
        const char *name = NULL;
        for (size_t i = 0; i < dev->isakmp_profiles.n; i++) {
                const struct isakmp_profile *pr = dev->isakmp_profiles.v[i];
                if (!pr->ikev2 || !pr->virtual_template)
                        continue;
                if (name && strcasecmp(name, pr->virtual_template))
                        return NULL;
                name = pr->virtual_template;
        }
        const struct iface *t = name ? model_get_iface(dev, name) : NULL;
        return t && tunnel_is_ipv4(t) && t->tunnel_protection ? t : NULL;
}

/* Several protected point-to-point tunnels of dev from local to peer (a
 * GRE-over-IPsec tunnel and a VTI, or an IKEv1 and an IKEv2 one, between the
 * same two addresses): the one that takes what a proposes. An IOS responder
 * binds the IPsec SA to the tunnel whose protection the negotiation matched:
 * the IKE version and profile its ipsec profile names, and the proxy
 * identities, fixed per tunnel mode (GRE: "gre host SRC host DST"; VTI:
 * any/any) (Cisco "IPsec Virtual Tunnel Interfaces" guide, "Static VTI": the
 * IPsec SA is bound to the tunnel interface; FlexVPN and IKEv2 Configuration
 * Guide: the IKEv2 profile selected by the peer's identity). The IKE version
 * weighs most, then the tunnel mode, then a profile that exists; the first
 * in config order among equals, as tunnel_for_peer. */
static const struct iface *p2p_answering(const struct device *dev, uint32_t local, uint32_t peer,
                                         const struct side *a, const struct iface *first)
{
        const struct iface *best = first;
        int bs = -1;
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *t = dev->ifaces.v[i];
                uint32_t src;
                if (!tunnel_is_ipv4(t) || !t->tunnel_protection || t->tunnel_kind == TUNK_MGRE ||
                    !t->has_tunnel_dest || t->tunnel_dest != peer ||
                    (tunnel_source_addr(dev, t, &src, NULL) && src != local))
                        continue;
                const struct ipsec_profile *prof =
                    model_get_ipsec_profile(dev, t->tunnel_protection);
                /* a profile that is not there starts no IKEv2 (IKEv1, the default) */
                bool v2 = prof && profile_ikev2(dev, prof);
                int score = 4 * (v2 == a->ikev2) +
                            2 * (a->tun && (a->tun->tunnel_kind == TUNK_IPSEC) ==
                                               (t->tunnel_kind == TUNK_IPSEC)) +
                            (prof != NULL);
                if (score > bs)
                        best = t, bs = score;
        }
        return best;
}

const struct ipsec_profile *side_tun_responder(struct side *b, const struct side *a)
{
        if (!b->has_addr || !a->has_addr)
                return NULL;
        const struct iface *t = tunnel_for_peer(b->dev, b->addr, a->addr, false);
        if (t && t->tunnel_kind != TUNK_MGRE)
                t = p2p_answering(b->dev, b->addr, a->addr, a, t);
        if (!t && a->ikev2)
                t = virtual_template(b->dev);
        if (!t) {
                b->tun_bare = tunnel_for_peer(b->dev, b->addr, a->addr, true);
                if (b->tun_bare)
                        set_vrf(b->dev, b, b->tun_bare);
                return NULL;
        }
        b->tun = t;
        set_vrf(b->dev, b, t);
        return model_get_ipsec_profile(b->dev, t->tunnel_protection);
}

/* An NHS of spoke tunnel t whose NBMA address peer holds. */
static bool nhs_on(const struct iface *t, const struct device *peer, uint32_t *nbma)
{
        for (size_t i = 0; i < t->nhrp.nhs.n; i++)
                if (nhrp_nhs_nbma(t, t->nhrp.nhs.v[i], nbma) && dev_holds_addr(peer, *nbma))
                        return true;
        return false;
}

/* dev is the hub of spoke tunnel t, but an excerpt: the mGRE tunnel of dev
 * whose tunnel address is an NHS of t and whose source interface is not in
 * dev's config. *nbma gets the hub address t's NHS entry gives. */
static const struct iface *nhs_excerpt_hub(const struct iface *t, const struct device *dev,
                                           uint32_t *nbma)
{
        for (size_t i = 0; i < t->nhrp.nhs.n; i++) {
                const struct nhrp_nhs *x = t->nhrp.nhs.v[i];
                if (!x->has_tunnel || !nhrp_nhs_nbma(t, x, nbma))
                        continue;
                for (size_t k = 0; k < dev->ifaces.n; k++) {
                        const struct iface *h = dev->ifaces.v[k];
                        if (tunnel_is_ipv4(h) && h->tunnel_kind == TUNK_MGRE && h->has_addr &&
                            h->addr == x->tunnel && tunnel_source_absent(dev, h))
                                return h;
                }
        }
        return NULL;
}

/* Two mGRE spokes of one cloud whose hub is not among the configs: an NHS
 * with the same NBMA address (and the same NHS tunnel address where both
 * name one), the same tunnel key (GRE drops packets whose key differs) and
 * tunnel addresses in one subnet. Once both have registered with that hub,
 * NHRP resolution gives each the other's NBMA address and the spokes build
 * their own IPsec tunnel (Cisco DMVPN Configuration Guide, "DMVPN Phase 2
 * and Phase 3: spoke-to-spoke tunnels"). */
static bool one_cloud(const struct device *dev, const struct iface *t, const struct device *peer,
                      const struct iface *s, uint32_t *hub)
{
        if (t->has_tunnel_key != s->has_tunnel_key ||
            (t->has_tunnel_key && t->tunnel_key != s->tunnel_key))
                return false;
        if (t->has_addr && s->has_addr && (t->addr & t->mask) != (s->addr & t->mask))
                return false;
        for (size_t i = 0; i < t->nhrp.nhs.n; i++) {
                const struct nhrp_nhs *x = t->nhrp.nhs.v[i];
                uint32_t n, m;
                if (!nhrp_nhs_nbma(t, x, &n) || dev_holds_addr(dev, n) || dev_holds_addr(peer, n))
                        continue;
                for (size_t j = 0; j < s->nhrp.nhs.n; j++) {
                        const struct nhrp_nhs *y = s->nhrp.nhs.v[j];
                        if (nhrp_nhs_nbma(s, y, &m) && m == n &&
                            (!x->has_tunnel || !y->has_tunnel || x->tunnel == y->tunnel)) {
                                *hub = n;
                                return true;
                        }
                }
        }
        return false;
}

const struct iface *tun_spoke_spoke(const struct device *dev, const struct device *peer,
                                    uint32_t *addr, uint32_t *hub)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *t = dev->ifaces.v[i];
                if (!tunnel_is_ipv4(t) || t->tunnel_kind != TUNK_MGRE || !t->tunnel_protection)
                        continue;
                for (size_t k = 0; k < peer->ifaces.n; k++) {
                        const struct iface *s = peer->ifaces.v[k];
                        if (tunnel_is_ipv4(s) && s->tunnel_kind == TUNK_MGRE &&
                            s->tunnel_protection && one_cloud(dev, t, peer, s, hub)) {
                                if (tunnel_source_addr(peer, s, addr, NULL))
                                        return t;
                                /* a DHCP spoke or an excerpt's: its stand-in, said by
                                 * side_tun_initiator */
                                if (tunnel_source_dynamic(peer, s) ||
                                    tunnel_source_absent(peer, s)) {
                                        *addr = side_stand_in_addr(peer, dev);
                                        return t;
                                }
                        }
                }
        }
        return NULL;
}

/* ---- configs that give no address on the tunnel source (excerpts) ---- */

static bool unaddressed(const struct device *dev, const struct iface *t)
{
        uint32_t a;
        return t->tunnel_source && !tunnel_source_addr(dev, t, &a, NULL);
}

/* Two point-to-point tunnel interfaces whose inside addresses share one
 * subnet are the two ends of one tunnel (a /30 or /31 between them). */
static bool same_inside(const struct iface *t, const struct iface *s)
{
        uint32_t m = t->mask < s->mask ? t->mask : s->mask;
        return t->has_addr && s->has_addr && t->addr != s->addr && m &&
               (t->addr & m) == (s->addr & m);
}

/* When peer's tunnel source has no address in its config (a lab's or a
 * how-to's excerpt), the address dev's tunnel sends to is taken as peer's
 * (said in the tunnel's reason, side_tun_initiator): a point-to-point
 * tunnel of peer with dev's inside subnet, or the mGRE interface of peer
 * whose tunnel address is an NHS of dev's spoke tunnel (its NBMA address
 * comes from dev's "ip nhrp nhs ... nbma" or "ip nhrp map"). */
const struct iface *tun_towards_assumed(const struct device *dev, const struct device *peer,
                                        uint32_t *addr)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *t = dev->ifaces.v[i];
                if (!tunnel_is_ipv4(t) || !t->tunnel_protection)
                        continue;
                for (size_t k = 0; k < peer->ifaces.n; k++) {
                        const struct iface *s = peer->ifaces.v[k];
                        if (!tunnel_is_ipv4(s) || !unaddressed(peer, s))
                                continue;
                        /* dev's own address must be known too: its source's, or the
                         * destination of peer's point-to-point tunnel */
                        if (t->tunnel_kind != TUNK_MGRE && t->has_tunnel_dest &&
                            s->tunnel_kind != TUNK_MGRE && same_inside(t, s) &&
                            (!unaddressed(dev, t) || s->has_tunnel_dest)) {
                                *addr = t->tunnel_dest;
                                return t;
                        }
                        /* dev's own source may be an excerpt's too: it gets a
                         * stand-in (excerpt_source) */
                        if (t->tunnel_kind != TUNK_MGRE || s->tunnel_kind != TUNK_MGRE ||
                            !s->has_addr || (unaddressed(dev, t) && !tunnel_source_absent(dev, t)))
                                continue;
                        for (size_t q = 0; q < t->nhrp.nhs.n; q++) {
                                const struct nhrp_nhs *x = t->nhrp.nhs.v[q];
                                if (x->has_tunnel && x->tunnel == s->addr &&
                                    nhrp_nhs_nbma(t, x, addr))
                                        return t;
                        }
                }
        }
        return NULL;
}

/* A tunnel of dev (protected first) that reaches peer: a point-to-point
 * tunnel to one of its addresses, an NHS on it, - from a hub - a spoke of
 * peer that registers with dev, another spoke of the same hub, or one of
 * these towards a peer whose config gives no tunnel source address. */
const struct iface *tun_towards(const struct device *dev, const struct device *peer, uint32_t *addr)
{
        for (int pass = 0; pass < 2; pass++) {
                for (size_t i = 0; i < dev->ifaces.n; i++) {
                        const struct iface *t = dev->ifaces.v[i];
                        if (!tunnel_is_ipv4(t) || !t->tunnel_protection != (pass == 1))
                                continue;
                        if (t->tunnel_kind != TUNK_MGRE && t->has_tunnel_dest &&
                            dev_holds_addr(peer, t->tunnel_dest)) {
                                *addr = t->tunnel_dest;
                                return t;
                        }
                        if (t->tunnel_kind == TUNK_MGRE && nhs_on(t, peer, addr))
                                return t;
                }
        }
        /* hub -> spoke: a spoke tunnel of peer whose NHS is on dev */
        for (size_t i = 0; i < peer->ifaces.n; i++) {
                const struct iface *s = peer->ifaces.v[i];
                uint32_t hub, spoke;
                const struct iface *t = NULL;
                if (!tunnel_is_ipv4(s))
                        continue;
                if (!nhs_on(s, dev, &hub) && !(t = nhs_excerpt_hub(s, dev, &hub)))
                        continue;
                if (!tunnel_source_addr(peer, s, &spoke, NULL)) {
                        if (!tunnel_source_dynamic(peer, s) && !tunnel_source_absent(peer, s))
                                continue;
                        spoke = side_stand_in_addr(peer, dev); /* said by side_tun_initiator */
                }
                if (!t)
                        t = tunnel_for_peer(dev, hub, spoke, false);
                if (!t)
                        t = tunnel_for_peer(dev, hub, spoke, true);
                if (t) {
                        *addr = spoke;
                        return t;
                }
        }
        uint32_t hub;
        const struct iface *t = tun_spoke_spoke(dev, peer, addr, &hub);
        return t ? t : tun_towards_assumed(dev, peer, addr);
}

/* The address a protected tunnel of dev sends IKE to: its destination, or
 * its first NHS's NBMA address (what names it, in *what). */
static bool names_addr(const struct iface *t, uint32_t *x, const char **what)
{
        if (t->tunnel_kind != TUNK_MGRE && t->has_tunnel_dest) {
                *x = t->tunnel_dest, *what = "its tunnel destination";
                return true;
        }
        for (size_t i = 0; i < t->nhrp.nhs.n; i++)
                if (nhrp_nhs_nbma(t, t->nhrp.nhs.v[i], x)) {
                        *what = "its NHRP server";
                        return true;
                }
        return false;
}

/* A protected tunnel of dev whose tunnel source has no address. */
static const struct iface *unaddressed_tunnel(const struct device *dev)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *t = dev->ifaces.v[i];
                if (tunnel_is_ipv4(t) && t->tunnel_protection && unaddressed(dev, t))
                        return t;
        }
        return NULL;
}

bool tun_unaddressed_why(const struct device *dev, const struct device *peer, char *buf, size_t n)
{
        const struct iface *t = unaddressed_tunnel(dev), *s = unaddressed_tunnel(peer);
        uint32_t x, y;
        const char *what, *what2;
        char ip[16];
        /* DMVPN only: two point-to-point excerpts with one inside subnet are
         * played (tun_towards_assumed); with different subnets they are two
         * different tunnels, which the caller's message says */
        if (!t || !s || t->tunnel_kind != TUNK_MGRE || s->tunnel_kind != TUNK_MGRE ||
            !names_addr(t, &x, &what) || dev_holds_addr(peer, x) ||
            t->has_tunnel_key != s->has_tunnel_key ||
            (t->has_tunnel_key && t->tunnel_key != s->tunnel_key))
                return false;
        ipv4_str(x, ip);
        if (names_addr(s, &y, &what2) && y == x && !dev_holds_addr(dev, x)) {
                snprintf(buf, n,
                         "%s and %s are spokes of one hub (NBMA %s, from ip nhrp nhs / map), and "
                         "neither gives an address on its tunnel source "
                         "('tunnel source %s', '%s'): the NBMA addresses that IKE and the GRE "
                         "selectors use are in none of the configs",
                         device_label(dev), device_label(peer), ip, t->tunnel_source,
                         s->tunnel_source);
                return true;
        }
        bool hub = false;
        for (size_t i = 0; i < t->nhrp.nhs.n; i++) {
                const struct nhrp_nhs *h = t->nhrp.nhs.v[i];
                hub = hub || (h->has_tunnel && s->has_addr && h->tunnel == s->addr);
        }
        if (!hub)
                return false;
        /* reached only when dev's source interface is there without an
         * address (an excerpt's absent one gets a stand-in): say which */
        snprintf(buf, n,
                 "%s's %s sends IKE to %s (%s), but %s gives no address on its tunnel source "
                 "('tunnel source %s') and %s's source interface %s %s: the NBMA "
                 "addresses that IKE and the GRE selectors use are in none of the configs",
                 device_label(dev), t->name, ip, what, device_label(peer), s->tunnel_source,
                 device_label(dev), t->tunnel_source,
                 tunnel_source_absent(dev, t) ? "is not in its config" : "has no IP address");
        return true;
}
