/*
 * Lookups that checks, "tunnel" and "trace" ask of one device: which crypto
 * map entry encrypts a flow leaving an interface, and which pre-shared key
 * applies to a peer. model_route_lookup() is declared in model.h.
 */
#ifndef IPSD_QUERY_H
#define IPSD_QUERY_H

#include "acl_eval.h"
#include "model.h"

struct cmap_hit {
        const struct crypto_map *map;         /* the map bound to the interface */
        const struct crypto_map_entry *entry; /* the entry that takes the flow, or NULL */
        const struct crypto_map_entry *dyn;   /* for a dynamic reference: the template entry */
        const struct ace *ace;                /* the permitting crypto ACL entry */
        bool whole;                           /* the ACE holds all of the flow */
};

/*
 * The crypto map bound to ifname (ASA nameif / IOS interface name) and the
 * entry that takes flow: static entries in seq order, the first whose match
 * ACL's first matching ACE permits (a deny or no match: try the next entry);
 * then the dynamic-map references, in seq order, through their templates
 * (a template without an ACL takes anything). Returns true on a hit; hit->map
 * is set whenever a map is bound, even without a hit.
 */
bool cmap_lookup(const struct device *dev, const char *ifname, const struct flowbox *flow,
                 struct cmap_hit *hit);

/* The name of the crypto map bound to ifname, or NULL. */
const char *cmap_bound_to(const struct device *dev, const char *ifname);

struct peer_key {
        const struct psk *psk;         /* the key that applies, or NULL */
        const struct tunnel_group *tg; /* ASA: the tunnel-group used */
        bool default_group;            /* ASA: fell back to DefaultL2LGroup */
};

/*
 * Which pre-shared key applies to peer address P.
 * IOS: global and keyring keys with an address (keyring = NULL: any
 * keyring; else only that keyring's), most specific mask first, config
 * order on ties. PIX: "isakmp key", most specific. ASA: the tunnel-group
 * named P, else DefaultL2LGroup, and its key.
 */
struct peer_key peer_key_lookup(const struct device *dev, uint32_t peer, const char *keyring);

/*
 * The same for IKE arriving in front-door VRF vrf (NULL: the global table).
 * IOS IKEv1 keys belong to a VRF: "crypto isakmp key" and keyrings without
 * "vrf" to the global table, "crypto keyring K vrf X" to X (Cisco
 * "VRF-Aware IPsec"); IKEv2 keyrings are not bound to a VRF (their profile's
 * "match fvrf" is).
 */
struct peer_key peer_key_lookup_vrf(const struct device *dev, uint32_t peer, const char *keyring,
                                    const char *vrf);

#endif
