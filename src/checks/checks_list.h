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
