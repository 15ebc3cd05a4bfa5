/* The check tables of each area and the check functions they list. */
#ifndef IPSD_CHECKS_LIST_H
#define IPSD_CHECKS_LIST_H

#include "check.h"

/* Area tables, each ending with {NULL, NULL}. */
extern const struct check checks_ike[];      /* IKE, crypto maps, transform sets */
extern const struct check checks_acl_nat[];  /* crypto ACLs, NAT exemption, routing, filtering */
extern const struct check checks_ra[];       /* remote access: groups, pools, split tunnel */
extern const struct check checks_platform[]; /* transport, MTU, platform settings */
extern const struct check checks_tunnel[];   /* tunnel interfaces, DMVPN */

/* checks_tunnel (tunnel_ifaces.c) */
int check_tunnel_vrf_missing(struct check_ctx *c);
int check_tunnel_recursive_routing(struct check_ctx *c);
int check_nhrp_network_id_missing(struct check_ctx *c);
int check_tunnel_vrf_no_route(struct check_ctx *c);

/* checks_ike */
int check_isakmp_not_enabled(struct check_ctx *c);
int check_isakmp_identity_mismatch(struct check_ctx *c);
int check_tunnel_group_name_not_peer_ip(struct check_ctx *c);
int check_ike_peer_not_configured(struct check_ctx *c);
int check_l2l_prompted_for_xauth(struct check_ctx *c);
int check_ezvpn_xauth(struct check_ctx *c);
int check_isakmp_keepalive(struct check_ctx *c);
int check_vpnclient_des_sha(struct check_ctx *c);
int check_esp_no_hash(struct check_ctx *c);
int check_sa_idle_timeout(struct check_ctx *c);
int check_anti_replay_drops(struct check_ctx *c);
int check_crypto_map_incomplete(struct check_ctx *c);
int check_crypto_map_not_applied(struct check_ctx *c);
int check_crypto_map_name_case(struct check_ctx *c);
int check_one_crypto_map_per_interface(struct check_ctx *c);
int check_dynamic_map_seq_order(struct check_ctx *c);
int check_key_acquire_failed(struct check_ctx *c);
int check_backup_peers(struct check_ctx *c);

/* checks_platform */
int check_hairpin_not_permitted(struct check_ctx *c);
int check_dmz_not_reachable(struct check_ctx *c);
int check_multicast_over_tunnel(struct check_ctx *c);
int check_nat_t_disabled(struct check_ctx *c);
int check_mss_too_large(struct check_ctx *c);
int check_ids_large_icmp(struct check_ctx *c);
int check_low_memory_crypto(struct check_ctx *c);
int check_preserve_vpn_flows(struct check_ctx *c);
int check_management_access_missing(struct check_ctx *c);

/* checks_ra */
int check_split_tunnel_acl_any(struct check_ctx *c);
int check_split_tunnel_exclude_ezvpn(struct check_ctx *c);
int check_pool_overlaps_inside(struct check_ctx *c);
int check_pool_network_broadcast(struct check_ctx *c);
int check_pool_too_small(struct check_ctx *c);
int check_pool_overridden(struct check_ctx *c);
int check_tunnel_protocol_conflict(struct check_ctx *c);
int check_simultaneous_logins(struct check_ctx *c);
int check_session_limit(struct check_ctx *c);
int check_xauth_radius_timeout(struct check_ctx *c);
int check_xauth_threat_detection(struct check_ctx *c);
int check_ra_dns_missing(struct check_ctx *c);
int check_ra_no_internet(struct check_ctx *c);
int check_mode_config_pool_missing(struct check_ctx *c);

/* checks_acl_nat */
int check_crypto_acl_overlap(struct check_ctx *c);
int check_crypto_acl_duplicate(struct check_ctx *c);
int check_crypto_acl_reversed(struct check_ctx *c);
int check_crypto_acl_missing(struct check_ctx *c);
int check_nat_exemption_missing(struct check_ctx *c);
int check_nat_exemption_has_ports(struct check_ctx *c);
int check_nat_exemption_differs(struct check_ctx *c);
int check_sysopt_permit_vpn_off(struct check_ctx *c);
int check_ike_esp_blocked(struct check_ctx *c);
int check_route_to_remote_missing(struct check_ctx *c);
int check_reverse_route_suggested(struct check_ctx *c);
int check_ping_source_not_interesting(struct check_ctx *c);

#endif
