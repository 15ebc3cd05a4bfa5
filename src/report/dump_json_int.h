/* The sections of one device's JSON object, split by topic across files. */
#ifndef IPSD_REPORT_DUMP_JSON_INT_H
#define IPSD_REPORT_DUMP_JSON_INT_H

#include "json_build.h"

/* dump_json_net.c: interfaces, routes, names, objects, ACLs, NAT, route-maps */
void js_network(struct jctx *c, json_t *d);
/* dump_json_ike.c: phase 1 (policies, keys, profiles, global IKE) */
void js_ike(struct jctx *c, json_t *d);
/* dump_json_ipsec.c: phase 2 (transform sets, crypto maps, profiles, global) */
void js_ipsec(struct jctx *c, json_t *d);
/* dump_json_ra.c: tunnel-groups, group-policies, users, pools, AAA, other settings */
void js_remote_access(struct jctx *c, json_t *d);
void js_settings(struct jctx *c, json_t *d);

#endif
