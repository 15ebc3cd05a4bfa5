/*
 * Which NAT rule applies to a flow, in the platform's real order.
 *
 * Order (nat_order.c):
 * - IOS: "ip nat inside source static" before the dynamic "list"/"route-map"
 *   rules (static translations are looked up first), then config order.
 * - ASA < 8.3 / PIX: nat 0 access-list (exemption), then static (policy and
 *   regular, config order), then policy dynamic NAT (nat N access-list, config
 *   order), then regular dynamic NAT and nat 0 ADDR (best match: longest
 *   prefix). Source: Cisco Security Appliance Command Line Configuration
 *   Guide 7.2/8.0, "Order of NAT Commands Used to Match Real Addresses".
 * - ASA 8.3+: section 1 (twice NAT, config order), section 2 (object NAT:
 *   static before dynamic, then fewer real addresses first, then lower
 *   address, then object name), section 3 (after-auto twice NAT, config
 *   order). Source: Cisco ASA Series Firewall CLI Configuration Guide 9.x,
 *   "NAT Rule Order".
 *
 * A flow is a box (a packet is fb_point). When only part of a box matches a
 * rule, the rest goes on to the next rules, so a wide crypto ACL entry can
 * be found partly exempt and partly translated.
 */
#ifndef IPSD_NAT_EVAL_H
#define IPSD_NAT_EVAL_H

#include "flowset.h"
#include "model.h"

enum nat_verdict {
        NATV_NONE,      /* no rule translates any of it (no rule, or IOS ACL/route-map deny) */
        NATV_EXEMPT,    /* every packet matches an exempting rule (identity / nat 0) first */
        NATV_TRANSLATE, /* a rule translates (part of) it: see rule, whole, sample */
        NATV_UNKNOWN,   /* the evaluation hit its piece bound */
};

struct nat_result {
        enum nat_verdict verdict;
        const struct nat_rule *rule; /* TRANSLATE: the first translating rule;
                                        EXEMPT/NONE: the first exempting rule, or NULL */
        bool whole;                  /* TRANSLATE: the rule takes all of the flow */
        struct flowbox sample;       /* TRANSLATE: one translated piece */
        bool inexact;                /* an ACL or address set on the way was approximate */
};

/*
 * ingress / egress: ASA nameifs, IOS interface names, or on IOS the roles
 * "inside" / "outside" (an IOS interface's role comes from ip nat
 * inside|outside). NULL = do not filter by that side.
 */
struct nat_result nat_eval(const struct device *dev, const struct flowbox *flow,
                           const char *ingress, const char *egress);

/* Writes the rules in evaluation order into out (room for dev->nat_rules.n). */
void nat_order_rules(const struct device *dev, const struct nat_rule **out);

/* True when the rule exempts (identity / nat 0) rather than translates. */
bool nat_rule_exempts(const struct nat_rule *r);

#endif
