/* Internal helpers shared by from_model.c, side_ini.c and side_resp.c. */
#ifndef IPSD_SIDE_INT_H
#define IPSD_SIDE_INT_H

#include "pair.h"

const struct iface *side_iface_by_addr(const struct device *dev, uint32_t addr);
/* No interface that carries a crypto map has an address (IPsec commands only). */
bool side_crypto_unaddressed(const struct device *dev);
/* peer gives no address on its crypto interfaces and an entry of dev
 * mirrors one of peer's: the pair the tunnel plays with assumed addresses. */
bool side_pair_assumed(const struct device *dev, const struct device *peer);
const char *side_ifname(const struct iface *f);
int side_load_common(struct pair *p, struct side *s, const struct device *dev, const char *label,
                     uint32_t peer, const char *keyring);
/* Fills a->ini, a->proposal, a->ifname, a->addr and b's address (from the
 * entry's peer). */
int side_initiator(struct pair *p, struct side *a, const struct device *peer,
                   const struct flow_opt *flow);
/* Fills b->resp (candidate entries for a's address) and b->ifname. */
int side_responder(struct pair *p, struct side *b, const struct side *a);
/* One p2_cfg from a crypto map entry or an IPsec profile (entry NULL). */
int p2cfg_load(struct pair *p, const struct device *dev, struct p2_cfg *c,
               const struct crypto_map_entry *e, const struct ipsec_profile *prof);

#endif
