/*
 * The NAT exemption a new crypto ACL flow needs, as fix text: used by a fix
 * that adds a flow to a crypto ACL (the mirror of the peer's proposal), so
 * that the flow it adds is not translated before encryption (NAT runs before
 * the crypto map: the reason nat-exemption-missing exists).
 */
#ifndef IPSD_NAT_EXEMPT_FIX_H
#define IPSD_NAT_EXEMPT_FIX_H

#include "../model/flowset.h"
#include "../model/model.h"
#include "../util/arena.h"

/*
 * The lines of nat-exemption-missing's fix for flow (local -> remote, as dev
 * sends it out of out_if), '\n'-separated, in a; NULL when dev's NAT does not
 * translate the flow (or on OOM). ios_seq: the sequence number an IOS deny
 * takes, so that it differs from the one nat-exemption-missing's own fix
 * uses on the same ACL and both can be pasted together.
 */
const char *nat_exemption_lines(const struct device *dev, const struct flowbox *flow,
                                const char *out_if, unsigned ios_seq, struct arena *a);

#endif
