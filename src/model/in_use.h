/*
 * Is it in use? The questions a check asks before it judges an object, in
 * one place (issue 10): a finding is an error only when the object it judges
 * is in use (referenced, enabled, reachable and not shadowed) and breaks a
 * tunnel or a client now; docs/severity.md gives the rule.
 *
 * Read-only queries over one device model; every answer follows the
 * platform's documented behaviour, cited where it is decided.
 */
#ifndef IPSD_IN_USE_H
#define IPSD_IN_USE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* ---- routing ---------------------------------------------------------- */

/* A routing protocol process runs ("router ospf 1"): routes it learns are
 * not in the config, so a missing static route is only a condition. Its
 * opener line, or NULL. */
const struct loc *iu_dynamic_routing(const struct device *dev);

/* ---- crypto maps -------------------------------------------------------- */

/* The number of interfaces that carry map (a map may be applied to several). */
size_t iu_map_binding_count(const struct device *dev, const char *map);
/* The k-th binding of map (0-based, config order), or NULL. */
const struct crypto_map_binding *iu_map_binding(const struct device *dev, const char *map,
                                                size_t k);
/* Map is applied to at least one interface. */
bool iu_map_applied(const struct device *dev, const char *map);

/* A static entry of an applied crypto map other than `except` names peer
 * address addr: the peer is served whatever `except` does. */
bool iu_peer_served(const struct device *dev, uint32_t addr, const struct crypto_map *except);

/* An applied crypto map other than `except` has a dynamic entry, or an IOS
 * virtual template (Easy VPN / dynamic VTI) takes clients. */
bool iu_clients_served(const struct device *dev, const struct crypto_map *except);

/* ---- IKE ---------------------------------------------------------------- */

/* IOS: the IKEv1 (not IKEv2) ISAKMP profile that takes peer addr by its
 * "match identity address", or NULL. IOS picks the profile by the peer's
 * identity when the crypto map entry names none (Cisco "ISAKMP Profile
 * Overview", IOS Security Configuration Guide: Secure Connectivity). */
const struct isakmp_profile *iu_profile_for_peer(const struct device *dev, uint32_t addr);

/* IOS: does the router ask XAUTH of peer addr negotiating through map m (an
 * entry naming ISAKMP profile `profile`, or NULL)? The profile that takes the
 * peer decides ('client authentication list' in it); with no profile, the
 * map's 'crypto map M client authentication list'. Returns the line that
 * asks, or NULL. */
const struct loc *iu_xauth_asked(const struct device *dev, const struct crypto_map *m,
                                 const char *profile, uint32_t addr);

#endif
