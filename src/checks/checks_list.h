/* The check tables of each area and the check functions they list. */
#ifndef IPSD_CHECKS_LIST_H
#define IPSD_CHECKS_LIST_H

#include "check.h"

/* Area tables, each ending with {NULL, NULL}. */
extern const struct check checks_ike[];      /* IKE, crypto maps, transform sets */
extern const struct check checks_acl_nat[];  /* crypto ACLs, NAT exemption, routing, filtering */
extern const struct check checks_ra[];       /* remote access: groups, pools, split tunnel */
extern const struct check checks_platform[]; /* transport, MTU, platform settings */

/* checks_ike */
int check_isakmp_not_enabled(struct check_ctx *c);

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

#endif
