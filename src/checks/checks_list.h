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

#endif
