/*
 * NAT evaluation for many flows at once, without walking every NAT rule for
 * every flow: a rule whose match region cannot touch a flow does not change
 * nat_eval()'s answer for it (a rule that matches nothing of the flow is
 * skipped by the walk), so each flow is evaluated against only the rules
 * whose over-approximated region (address ranges, or the boxes of the
 * ACLs / route-map ACLs it matches) the overlap finder pairs it with, kept
 * in evaluation order. The answer is the one nat_eval() gives on the whole
 * rule list, except that "inexact" only reflects the candidate rules.
 */
#ifndef IPSD_NAT_PREFILTER_H
#define IPSD_NAT_PREFILTER_H

#include "../model/nat_eval.h"
#include "aclnat_util.h"

struct nat_prefilter {
        const struct nat_rule **rules; /* candidates of flow i: rules[off[i] .. off[i+1]) */
        size_t *off;
        size_t nflows;
};

/* 0, or -1 on OOM. */
int nat_prefilter_build(const struct device *dev, const struct cboxes *flows,
                        struct nat_prefilter *pf);
void nat_prefilter_free(struct nat_prefilter *pf);
/* nat_eval() of flows->v[i].box through its candidates only. */
struct nat_result nat_prefilter_eval(const struct device *dev, const struct nat_prefilter *pf,
                                     size_t i, const struct flowbox *flow, const char *in,
                                     const char *out);

#endif
