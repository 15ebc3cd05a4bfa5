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

/* The interface binding b names is up: not "shutdown" (an interface the
 * config does not define is left to crypto-map-not-applied: taken as up).
 * A shut interface sends and receives nothing, so nothing it carries is in
 * use (Cisco IOS interface command reference, "shutdown"). */
bool iu_binding_live(const struct device *dev, const struct crypto_map_binding *b);

/* Does traffic of map reach binding b? b is live, and the map takes
 * clients (a dynamic entry: they come to whichever address they are given),
 * or some static entry's peer is unknown, not an address, or routed out b's
 * interface (IKE towards a peer leaves by the interface its route names,
 * and a crypto map is consulted only on the interface a packet leaves by:
 * Cisco ASA VPN CLI configuration guide, "Crypto maps", "apply a crypto map
 * to an interface"). A peer with no route at all counts as reaching every
 * binding. */
bool iu_binding_reached(const struct device *dev, const struct crypto_map_binding *b);

/* Is crypto map entry e in use? A static entry or a dynamic-map reference:
 * its map is applied to a live interface. A dynamic-map entry (template):
 * an applied map refers to its dynamic map. An entry of a map applied to
 * nothing negotiates nothing until the map is applied; its gaps are a
 * condition (docs/severity.md). */
bool iu_entry_in_use(const struct device *dev, const struct crypto_map_entry *e);

/* The dynamic map that reference r names exists and has an entry: clients
 * can be answered through r. */
bool iu_dynamic_ref_live(const struct device *dev, const struct crypto_map_entry *r);

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
/* The same in the front-door VRF fvrf (NULL: global) and IKE version: IKEv1,
 * the most specific "match identity address" (then config order); IKEv2,
 * the first profile that matches. */
/* Every "match identity" of the profile names one host: it serves those
 * peers alone (its XAUTH can go without touching anyone else). */
bool iu_profile_hosts_only(const struct isakmp_profile *p);
const struct isakmp_profile *iu_profile_for_peer_vrf(const struct device *dev, uint32_t addr,
                                                     const char *fvrf, bool ikev2);

/* IOS: does the router ask XAUTH of peer addr negotiating through map m (an
 * entry naming ISAKMP profile `profile`, or NULL)? The profile that takes the
 * peer decides ('client authentication list' in it); with no profile, the
 * map's 'crypto map M client authentication list'. Returns the line that
 * asks, or NULL. */
const struct loc *iu_xauth_asked(const struct device *dev, const struct crypto_map *m,
                                 const char *profile, uint32_t addr);

/* ---- IKE versions and dynamic entries ---------------------------------- */

/* IKEv1 (v2 false) or IKEv2 listens on some interface. ASA/PIX: only where
 * "crypto isakmp|ikev1|ikev2 enable IF" (PIX "isakmp enable IF") names it
 * (Cisco ASA VPN CLI configuration guide, "Enable IKE on the interface");
 * IOS: IKEv1 unless "no crypto isakmp enable", IKEv2 always listens. */
bool iu_ike_enabled(const struct device *dev, bool v2);

/* The dynamic-map entry e (a template) is reached: an applied crypto map
 * refers to its dynamic map, and the static entries numbered below that
 * reference do not already take every flow e's crypto ACL permits (a
 * packet is matched by the lowest-numbered entry whose ACL permits it:
 * Cisco ASA VPN CLI configuration guide, "Crypto maps"). An entry without
 * an ACL is reached whenever it is referred to. */
bool iu_dynamic_entry_reached(const struct device *dev, const struct crypto_map_entry *e);

/* ---- remote access ------------------------------------------------------ */

/* ASA: clients use remote-access tunnel-group tg. DefaultRAGroup exists on
 * every ASA and a config shows it as soon as one attribute differs, which
 * alone does not mean clients use it: only with a key, a group-policy or
 * pools of its own (Cisco ASA VPN CLI configuration guide, "Default
 * tunnel groups"). */
bool iu_ra_group_used(const struct tunnel_group *tg);

/* Some client gets addresses from pool `name`: a tunnel-group's
 * address-pool, a group-policy's address-pools, an IOS client configuration
 * group's pool, an IOS IKEv2 authorization policy's pool that a profile's
 * "aaa authorization" names, or a line of dev->pool_refs (PIX vpngroup, IOS isakmp
 * client configuration address-pool). A pool nothing hands out (or an IOS
 * "ip nat pool") never reaches a client. */
bool iu_pool_handed_out(const struct device *dev, const char *name);

/* A pool whose network (its mask, else the smallest block holding its
 * range) holds every address of [lo, hi] (handed out by some group
 * when handed_out), or NULL: traffic towards it belongs to remote access,
 * which dynamic entries carry, not crypto ACLs. */
const struct local_pool *iu_pool_holding(const struct device *dev, uint32_t lo, uint32_t hi,
                                         bool handed_out);

/* Do the clients of pool `name` send traffic for [lo, hi] into the tunnel?
 * Not when every group that hands the pool out tunnels only its split list
 * (split-tunnel-policy tunnelspecified, IOS client group "acl") and no
 * permit of that list meets [lo, hi]: clients route the rest locally (Cisco
 * ASA VPN CLI configuration guide, "Split tunneling"). Unknown lists count
 * as reaching. */
bool iu_pool_reaches(const struct device *dev, const char *name, uint32_t lo, uint32_t hi);

/* The head end routes each connected remote-access client by a host route
 * of its own, more specific than any configured route: the ASA always
 * (Cisco ASA command reference, "show route": code V, the route a VPN
 * session installs; Cisco TechNote 116170, cisco.com/c/en/us/support/docs/
 * security/asa-5500-x-series-next-generation-firewalls/116170-probsol-
 * asa-00.html, ASA 9.1(1): "When a user connects to the ASA as a
 * remote access VPN concentrator, the ASA installs a host-based route in
 * the ASA routing table that routes traffic to that VPN client out of the
 * outside interface"); IOS through reverse route injection on a dynamic-map
 * entry or a dynamic VTI (virtual-access per client). Returns the line that
 * says so (NULL: none, or PIX 6, where it is not documented). */
const struct loc *iu_client_host_routes(const struct device *dev);

/* ASA: does the ASA answer ARP on interface ifc for the addresses of pool
 * p, whose addresses lie in ifc's subnet? Yes unless "sysopt noproxyarp
 * IF" names ifc: "If you have a VPN client address pool that overlaps with
 * an existing network, the ASA by default sends proxy ARPs on all
 * interfaces" (Cisco ASA 5500 Series Configuration Guide using the CLI,
 * 8.4 and 8.6, and ASA Series CLI Configuration Guide 9.0, "Routing
 * Overview", "Disabling Proxy ARPs"). A NAT rule's no-proxy-arp keyword
 * does not change it: it applies to that rule's mapped addresses, and for
 * twice NAT "the proxy ARP decision is made only on the source address"
 * (ASA Series Firewall CLI Configuration Guide, "NAT Examples and
 * Reference", identity NAT), so an exemption's "destination static POOL
 * POOL" neither makes nor stops this ARP. Returns a loc without a line
 * (the default has no line), or NULL (PIX, IOS, or noproxyarp). */
const struct loc *iu_pool_proxy_arp(const struct device *dev, const struct local_pool *p,
                                    const struct iface *ifc);

#endif
