/* Internal helpers shared by from_model.c, side_ini.c and side_resp.c. */
#ifndef IPSD_SIDE_INT_H
#define IPSD_SIDE_INT_H

#include "pair.h"

const struct iface *side_iface_by_addr(const struct device *dev, uint32_t addr);
/* IOS isakmp profile `name` says "initiate mode aggressive": an IKEv1
 * initiator that uses it starts Aggressive Mode. */
bool side_profile_aggressive(const struct device *dev, const char *name);
/* Marks a as starting Aggressive Mode because of IOS isakmp profile `name`. */
void side_aggressive_by_profile(struct side *a, const char *name);
/* No interface that carries a crypto map has an address (IPsec commands only). */
bool side_crypto_unaddressed(const struct device *dev);
/* peer gives no address on its crypto interfaces and an entry of dev
 * mirrors one of peer's: the pair the tunnel plays with assumed addresses. */
bool side_pair_assumed(const struct device *dev, const struct device *peer);
/* A copied config: a static entry of dev names a peer address that peer
 * does not own (even through p's translations), while an applied static
 * entry of peer names an address of dev and mirrors its crypto ACL. */
bool side_misaddressed(const struct device *dev, const struct device *peer,
                       const struct path_opts *p);
const char *side_ifname(const struct iface *f);
/* An address that stands for self's when the configs cannot give it (a
 * DHCP or PPP interface): side_tun.c says which. */
uint32_t side_stand_in_addr(const struct device *self, const struct device *other);
int side_load_common(struct pair *p, struct side *s, const struct device *dev, const char *label,
                     uint32_t peer, const char *keyring);
/* Fills a->ini, a->proposal, a->ifname, a->addr and b's address (from the
 * entry's peer). */
int side_initiator(struct pair *p, struct side *a, const struct device *peer,
                   const struct flow_opt *flow);
/* Fills b->resp (candidate entries for a's address) and b->ifname. */
int side_responder(struct pair *p, struct side *b, const struct side *a);
/* IKEv2 (side_v2.c): s's proposals (s->v2), and, once both sides know
 * their addresses, each side's profile, keys and methods for IKE_AUTH. */
int side_v2_proposals(struct pair *p, struct side *s);
int side_v2_auth(struct pair *p, struct side *a, struct side *b);
/* One p2_cfg from a crypto map entry or an IPsec profile (entry NULL). */
int p2cfg_load(struct pair *p, const struct device *dev, struct p2_cfg *c,
               const struct crypto_map_entry *e, const struct ipsec_profile *prof);

/* Tunnel interfaces (side_tun.c). */
struct flowbox tun_selector(const struct iface *t, uint32_t local, uint32_t peer);
int tun_cfg(struct pair *p, const struct device *dev, struct p2_cfg *c,
            const struct ipsec_profile *prof, const struct iface *t, uint32_t local, uint32_t peer);
/* a initiates from tunnel t towards the NBMA address peer. */
int side_tun_initiator(struct pair *p, struct side *a, const struct iface *t, uint32_t peer);
/* b's tunnel that answers a (sets b->tun or b->tun_bare); its profile or NULL. */
const struct ipsec_profile *side_tun_responder(struct side *b, const struct side *a);
/* dev's protected mGRE tunnel to peer's spoke of the same cloud, when the
 * hub both register with (NBMA *hub) is neither of them; *addr: peer's NBMA. */
const struct iface *tun_spoke_spoke(const struct device *dev, const struct device *peer,
                                    uint32_t *addr, uint32_t *hub);
/* dev's protected tunnel to peer when peer's config gives no address on its
 * tunnel source (same inside subnet, or its mGRE is an NHS of dev). */
const struct iface *tun_towards_assumed(const struct device *dev, const struct device *peer,
                                        uint32_t *addr);
/* A tunnel of dev towards peer and the peer's address it sends to. */
const struct iface *tun_towards(const struct device *dev, const struct device *peer,
                                uint32_t *addr);

#endif
