/*
 * Parameter structs from two device models: which entry initiates, with
 * what flow, over which interface; which keys, policies and entries each
 * side holds for the other. The decisions themselves are in p1.c / p2.c.
 */
#include <stdio.h>
#include <string.h>

#include "../model/flowset.h"
#include "../model/nat_eval.h"
#include "../model/query.h"
#include "../model/tunnel.h"
#include "pair.h"
#include "nat_path.h"
#include "../util/ipv4.h"
#include "side_int.h"

bool dev_owns_addr(const struct device *dev, uint32_t addr)
{
        return dev_holds_addr(dev, addr);
}

const struct iface *side_iface_by_addr(const struct device *dev, uint32_t addr)
{
        for (size_t i = 0; i < dev->ifaces.n; i++) {
                const struct iface *f = dev->ifaces.v[i];
                if (f->has_addr && f->addr == addr)
                        return f;
        }
        return NULL;
}

const char *side_ifname(const struct iface *f)
{
        return f->nameif ? f->nameif : f->name;
}

static const struct iface *iface_by_ifname(const struct device *dev, const char *ifname)
{
        const struct iface *f = model_get_nameif(dev, ifname);
        return f ? f : model_get_iface(dev, ifname);
}

/* ISAKMP answers on an ASA/PIX interface only after "crypto isakmp|ikev1|
 * ikev2 enable IF"; IOS listens everywhere unless "no crypto isakmp enable"
 * (diagnoses.md isakmp-not-enabled). */
static bool isakmp_enabled(const struct device *dev, const char *ifname, bool ikev2)
{
        if (dev->platform == PLAT_IOS || dev->platform == PLAT_UNKNOWN)
                return !dev->ike.ios_isakmp_disabled;
        const struct ptrvec *v = ikev2 ? &dev->ike.ikev2_enabled : &dev->ike.ikev1_enabled;
        for (size_t i = 0; ifname && i < v->n; i++) {
                const struct iface_ref *r = v->v[i];
                if (r->ifname && !strcmp(r->ifname, ifname))
                        return true;
        }
        return false;
}

static int load_p1(struct pair *p, struct side *s)
{
        const struct ptrvec *v = &s->dev->isakmp_policies; /* sorted by priority */
        s->p1 = arena_calloc(&p->arena, v->n + 1, sizeof(*s->p1));
        s->p1src = arena_calloc(&p->arena, v->n + 1, sizeof(*s->p1src));
        if (!s->p1 || !s->p1src)
                return -1;
        for (size_t i = 0; i < v->n; i++) {
                const struct isakmp_policy *q = v->v[i];
                s->p1[i] = (struct p1_prop){q->priority, q->encr,  q->key_bits, q->hash,
                                            q->auth,     q->group, q->lifetime};
                s->p1src[i] = q;
        }
        s->np1 = v->n;
        return 0;
}

/* The first keyring of an IOS isakmp profile, for peer_key_lookup. */
static const char *profile_keyring(const struct device *dev, const char *profile)
{
        const struct isakmp_profile *pr = profile ? model_get_profile(dev, profile) : NULL;
        return pr && pr->keyrings.n ? pr->keyrings.v[0] : NULL;
}

/* IOS responder: the isakmp profile whose "match identity address" holds
 * the peer (the first in config order), for its keyring and XAUTH list. */
static bool same_vrf(const char *a, const char *b)
{
        return a == b || (a && b && !strcmp(a, b));
}

/* ...in the front-door VRF the peer arrives in ("match identity address A M
 * VRF"; IKEv2 "match fvrf X|any": Cisco VRF-Aware IPsec). */
static const struct isakmp_profile *profile_for_peer(const struct device *dev, uint32_t peer,
                                                     const char *fvrf, bool ikev2)
{
        for (size_t i = 0; i < dev->isakmp_profiles.n; i++) {
                const struct isakmp_profile *pr = dev->isakmp_profiles.v[i];
                if (pr->ikev2 != ikev2)
                        continue; /* IKEv1 peers meet isakmp profiles, IKEv2 peers ikev2 profiles */
                for (size_t j = 0; j < pr->match_ids.n; j++) {
                        const struct profile_match *m = pr->match_ids.v[j];
                        const char *v = pr->ikev2 ? pr->match_fvrf : m->vrf;
                        bool any = pr->ikev2 && v && !strcmp(v, "any");
                        if (m->is_addr && (peer & m->mask) == (m->addr & m->mask) &&
                            (any || same_vrf(v, fvrf)))
                                return pr;
                }
        }
        return NULL;
}

static void load_key(struct side *s, uint32_t peer, const char *keyring)
{
        struct peer_key pk = peer_key_lookup_vrf(s->dev, peer, keyring, s->fvrf);
        s->psk = pk.psk;
        s->tg = pk.tg;
        s->tg_default = pk.default_group;
        if (pk.psk)
                s->key = pk.psk->key;
        s->key_no_xauth = pk.psk && pk.psk->no_xauth;
        s->v2_local = s->v2_remote = s->key;
        for (size_t i = 0; pk.tg && i < s->dev->psks.n; i++) {
                const struct psk *k = s->dev->psks.v[i];
                if (!k->tunnel_group || strcmp(k->tunnel_group, pk.tg->name))
                        continue;
                /* ASA IKEv2: "ikev2 local-authentication pre-shared-key" is what
                 * it sends, "remote-authentication" what it verifies. */
                if (k->source == PSK_ASA_IKEV2_LOCAL)
                        s->v2_local = k->key;
                else if (k->source == PSK_ASA_IKEV2_REMOTE)
                        s->v2_remote = k->key;
        }
}

int side_load_common(struct pair *p, struct side *s, const struct device *dev, const char *label,
                     uint32_t peer, const char *keyring)
{
        s->dev = dev;
        s->label = label;
        s->plat = dev->platform;
        s->ident = dev->ike.identity;
        s->nat_t = dev->ike.nat_t != TRI_OFF;
        s->am_disabled = dev->ike.aggressive_mode_disabled;
        const struct iface *f = s->ifname ? iface_by_ifname(dev, s->ifname) : NULL;
        if (f && f->has_addr && !s->has_addr)
                s->has_addr = true, s->addr = f->addr;
        /* An initiator whose crypto interface learns its address at run time
         * (a branch on a DHCP or PPPoE uplink towards a hub's dynamic map):
         * the responder learns it from the packets, so a stand-in goes on. */
        if (f && (f->dhcp || f->negotiated) && !s->has_addr && s == &p->s[0]) {
                char buf[300], ip[16];
                s->has_addr = true;
                s->addr = side_stand_in_addr(dev, p->s[1].dev);
                snprintf(buf, sizeof(buf),
                         "%s's crypto interface %s takes its address from %s: %s stands for it "
                         "here",
                         label ? label : "the initiator", f->name,
                         f->dhcp ? "DHCP" : "PPP (ip address negotiated)", ipv4_str(s->addr, ip));
                if (!(s->assumed_addr = arena_strdup(&p->arena, buf)))
                        return -1;
        }
        s->isakmp_on = isakmp_enabled(dev, s->ifname, s->ikev2);
        if (!s->tun && !s->tun_bare && f)
                s->fvrf = f->vrf; /* a crypto map on an interface in a VRF */
        /* As for flows (side_ini.c): no route at all may be a learnt one. */
        if (s->tun || s->tun_bare || s->fvrf)
                s->route_ok = model_route_lookup_vrf(dev, s->fvrf, peer, NULL) ||
                              !vrf_has_static_routes(dev, s->fvrf) ||
                              s->src_unaddressed; /* an excerpt: its connected routes unknown */
        else
                s->route_ok = model_route_lookup(dev, peer, NULL) || !dev->routes.n;
        if (!keyring && s->tun) {
                /* tunnel protection ... isakmp-profile X, else the ipsec profile's */
                const struct ipsec_profile *ip =
                    model_get_ipsec_profile(dev, s->tun->tunnel_protection);
                keyring = profile_keyring(dev, s->tun->tunnel_protection_ike
                                                   ? s->tun->tunnel_protection_ike
                                               : ip ? ip->isakmp_profile
                                                    : NULL);
        }
        const struct isakmp_profile *pr =
            s->dev->platform == PLAT_IOS ? profile_for_peer(dev, peer, s->fvrf, s->ikev2) : NULL;
        /* An IKEv1 Main Mode responder chooses its pre-shared key in MM3/MM4, by
         * the peer's address alone: the identity that selects the isakmp profile
         * comes in MM5, encrypted with keys derived from that pre-shared key (RFC
         * 2409 section 5: with pre-shared keys the key is found from the peer's
         * IP address). So the key is the most specific one of all keyrings, not
         * the first profile's (Cisco TAC 117259, "IOS IKEv1/IKEv2 Selection Rules
         * for Keyrings and Profiles": the responder's keyring choice). Aggressive
         * Mode sends the identity in the clear first, so there the profile's
         * keyring holds. */
        bool mm_responder = s == &p->s[1] && !s->ikev2 && !p->s[0].aggressive && !keyring;
        if (pr && !keyring && !mm_responder)
                keyring = pr->keyrings.n ? pr->keyrings.v[0] : NULL;
        /* A peer that an isakmp profile matches gets that profile's XAUTH
         * setting, not the crypto map's "client authentication list" (Cisco
         * "Certificate to ISAKMP Profile Mapping" / ISAKMP profile guide:
         * per-profile XAUTH). */
        if (pr && !pr->ikev2 && s->xauth_asks && !pr->client_auth_list)
                s->xauth_asks = false;
        load_key(s, peer, keyring);
        if (load_p1(p, s) || side_v2_proposals(p, s))
                return -1;
        return 0;
}

static bool printed_fix(const struct loc *l, const struct secret *k)
{
        return l->file && !strcmp(l->file, LOC_PRINTED_FIX) && k->state != SECRET_KNOWN;
}

static bool pasted_key(const struct side *s)
{
        return s->psk && printed_fix(&s->psk->loc, &s->psk->key);
}

/* IKEv2: the key this end sends (local) or verifies (remote) is a pasted
 * placeholder: a keyring line or the profile's "authentication local|remote
 * pre-share key" line (ASA: the tunnel-group's ikev2 keys) of the printed fix. */
static bool pasted_v2_key(const struct side *s, bool local)
{
        const struct psk *k = local ? s->v2_local_psk : s->v2_remote_psk;
        const struct secret *key = local ? &s->v2auth.local_key : &s->v2auth.remote_key;
        if (k)
                return printed_fix(&k->loc, key);
        const struct isakmp_profile *pr = s->v2prof;
        if (!pr || !(local ? pr->has_local_key : pr->has_remote_key))
                return false;
        return printed_fix(local ? &pr->local_auth_loc : &pr->remote_auth_loc, key);
}

/* One IKE_AUTH direction: the signer's local key must equal the verifier's
 * remote key (RFC 7296 section 2.15); a pasted placeholder on one end is the
 * other end's key, pasted on both it is one new key. */
static void bind_v2_dir(struct side *signer, struct side *verifier)
{
        struct secret *sk = &signer->v2auth.local_key, *vk = &verifier->v2auth.remote_key;
        bool fs = pasted_v2_key(signer, true), fv = pasted_v2_key(verifier, false);
        if (fs && fv) {
                secret_set(sk, LOC_PRINTED_FIX, strlen(LOC_PRINTED_FIX));
                *vk = *sk;
        } else if (fs) {
                *sk = *vk;
        } else if (fv) {
                *vk = *sk;
        }
}

/*
 * A key pasted from a printed fix is its "<pre-shared-key>" placeholder; the
 * fix says which key it must equal (the other end's key for this peer), so
 * the replay holds exactly that one. When both ends paste one (both re-enter
 * a new key), they hold one new key. Only digests move: no key is known here.
 * IKEv2 binds per direction, over the keys side_v2_auth chose for each end.
 */
static void bind_fix_keys(struct side *a, struct side *b)
{
        if (a->ikev2) {
                bind_v2_dir(a, b);
                bind_v2_dir(b, a);
                a->v2_local = a->v2auth.local_key, a->v2_remote = a->v2auth.remote_key;
                b->v2_local = b->v2auth.local_key, b->v2_remote = b->v2auth.remote_key;
                return;
        }
        bool fa = pasted_key(a), fb = pasted_key(b);
        /* the other end holds no key for this one: the pasted key is a new
         * key, which that end must be given too (its own finding and fix) */
        if (fa && fb) {
                secret_set(&a->key, LOC_PRINTED_FIX, strlen(LOC_PRINTED_FIX));
                b->key = a->key;
        } else if (fa && b->key.state != SECRET_ABSENT) {
                a->key = b->key;
        } else if (fb && a->key.state != SECRET_ABSENT) {
                b->key = a->key;
        } else if (fa || fb) {
                secret_set(fa ? &a->key : &b->key, LOC_PRINTED_FIX, strlen(LOC_PRINTED_FIX));
        } else {
                return;
        }
        a->v2_local = a->v2_remote = a->key;
        b->v2_local = b->v2_remote = b->key;
}

int pair_build(struct pair *p, const struct device *ini, const char *ini_label,
               const struct device *resp, const char *resp_label, const struct flow_opt *flow,
               const struct path_opts *path)
{
        memset(p, 0, sizeof(*p));
        arena_init(&p->arena, 0);
        if (path)
                p->path = *path;
        struct side *a = &p->s[0], *b = &p->s[1];
        a->dev = ini, a->label = ini_label, a->plat = ini->platform;
        b->dev = resp, b->label = resp_label, b->plat = resp->platform;
        /* the caller's DMVPN role; side_tun_initiator() infers it otherwise */
        p->dmvpn = flow ? flow->dmvpn : DMVPN_NONE;
        if (side_initiator(p, a, resp, flow))
                return -1;
        const char *kr =
            a->ini && a->ini->entry ? profile_keyring(ini, a->ini->entry->isakmp_profile) : NULL;
        if (side_load_common(p, a, ini, ini_label, side_seen(b), kr))
                return -1;
        /* an initiator behind a static NAT of the path is seen by its outside
         * address (nat_path.c) */
        const struct nat_map *na = a->has_addr ? path_nat_inside(&p->path, a->addr) : NULL;
        if (na && !a->seen_set)
                a->seen_set = true, a->seen = na->outside, a->via_nat = na;
        b->ikev2 = a->ikev2;
        if (side_responder(p, b, a) || side_load_common(p, b, resp, resp_label, side_seen(a), NULL))
                return -1;
        if (a->ikev2 && side_v2_auth(p, a, b))
                return -1;
        bind_fix_keys(a, b);
        return 0;
}

void pair_free(struct pair *p)
{
        arena_free(&p->arena);
}
